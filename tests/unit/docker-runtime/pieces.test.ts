import { describe, expect, test } from 'vitest';
import { DEFAULT_EPOCH, VirtualClock } from '../../../src/engine/clock';
import { MemoryFs } from '../../../src/engine/fs/memory';
import { InterruptController } from '../../../src/engine/signal';
import {
  ContainerRuntime,
  VirtualScheduler,
  isValidContainerName,
  lookPath,
  mergeEnv,
  processEnv,
  readTar,
  resolveUser,
  tarSize,
  writeTar,
  type TarEntry,
} from '../../../src/engine/docker/runtime';
import { DaemonMountError, clientVolumeSpec, parseBind, parseMountFlag } from '../../../src/engine/docker/runtime/mounts';
import { ClientOptionError, DaemonOptionError, parseGpus, parsePublish, parseRestartPolicy } from '../../../src/engine/docker/runtime/options';
import { run, session, studentWorld } from './world';

const PY = 'python:3.11-slim';

describe('environment (as the lab engine composes it)', () => {
  test('-e entries first, then the image entries not overridden', () => {
    expect(mergeEnv(['ZZ=1', 'LANG=x', 'UNSET'], ['PATH=/bin', 'LANG=C.UTF-8'])).toEqual(['ZZ=1', 'LANG=x', 'UNSET', 'PATH=/bin']);
    expect(mergeEnv([], ['PATH=/bin'])).toEqual(['PATH=/bin']);
  });

  test('PATH and HOSTNAME first, TERM with a tty, the config replacing or appended, HOME last', () => {
    expect(processEnv({ hostname: 'abc', tty: true, env: ['FOO=bar', 'PATH=/bin', 'UNSET'], home: '/root' })).toEqual([
      'PATH=/bin',
      'HOSTNAME=abc',
      'TERM=xterm',
      'FOO=bar',
      'HOME=/root',
    ]);
  });
});

describe('users and executables in a container filesystem', () => {
  const fs = new MemoryFs();
  fs.mkdir('/etc', { recursive: true });
  fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
  fs.writeFile('/etc/group', 'root:x:0:\nnogroup:x:65534:\nstaff:x:50:nobody\n');
  fs.mkdir('/usr/bin', { recursive: true });
  fs.writeFile('/usr/bin/tool', 'x', { mode: 0o755 });
  fs.writeFile('/usr/bin/data', 'x', { mode: 0o644 });

  test('resolveUser: names, numbers, groups, and the daemon\'s error', () => {
    expect(resolveUser(fs, '')).toMatchObject({ uid: 0, gid: 0, home: '/root' });
    expect(resolveUser(fs, 'nobody')).toEqual({ uid: 65534, gid: 65534, groups: [65534, 50], home: '/nonexistent', name: 'nobody' });
    expect(resolveUser(fs, '1234')).toEqual({ uid: 1234, gid: 0, groups: [0], home: '/' });
    expect(resolveUser(fs, '1234:55')).toMatchObject({ uid: 1234, gid: 55, groups: [55] });
    expect(() => resolveUser(fs, 'nosuch')).toThrow('unable to find user nosuch: no matching entries in passwd file');
    expect(() => resolveUser(fs, 'nobody:nosuch')).toThrow('unable to find group nosuch: no matching entries in group file');
  });

  test('lookPath: runc\'s messages and exit statuses', () => {
    const env = { PATH: '/usr/local/bin:/usr/bin' };
    expect(lookPath(fs, 'tool', env, '/')).toEqual({ ok: true, path: '/usr/bin/tool' });
    expect(lookPath(fs, 'data', env, '/')).toEqual({ ok: false, reason: 'exec: "data": executable file not found in $PATH', status: 127 });
    expect(lookPath(fs, '/usr/bin/data', env, '/')).toEqual({ ok: false, reason: 'exec: "/usr/bin/data": permission denied', status: 126 });
    expect(lookPath(fs, '/usr', env, '/')).toEqual({ ok: false, reason: 'exec: "/usr": permission denied', status: 126 });
    expect(lookPath(fs, '/nosuch', env, '/')).toEqual({ ok: false, reason: 'exec: "/nosuch": stat /nosuch: no such file or directory', status: 127 });
  });
});

describe('flags', () => {
  test('-v: binds, named and anonymous volumes, modes and the daemon\'s errors', () => {
    expect(parseBind('/data:/d:ro')).toMatchObject({ type: 'bind', source: '/data', destination: '/d', readOnly: true, mode: 'ro' });
    expect(parseBind('models:/models')).toMatchObject({ type: 'volume', source: 'models', mode: 'z', readOnly: false });
    expect(parseBind('/anon')).toMatchObject({ type: 'volume', source: '', destination: '/anon' });
    expect(() => parseBind('%cd%/models:/models')).toThrow(
      'create %cd%/models: "%cd%/models" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path',
    );
    expect(() => parseBind('a:b:c:d')).toThrow(DaemonMountError);
    expect(clientVolumeSpec('./data:/d', '/home/student')).toBe('/home/student/data:/d');
    expect(() => clientVolumeSpec(':/x', '/')).toThrow('invalid spec: :/x: empty section between colons');
    expect(parseMountFlag('type=bind,source=/src,target=/dst,readonly')).toMatchObject({ type: 'bind', readOnly: true, mustExist: true });
    expect(parseMountFlag('target=/cache')).toMatchObject({ type: 'volume', source: '' });
  });

  test('--restart, -p and --gpus', () => {
    expect(parseRestartPolicy('on-failure:3')).toEqual({ Name: 'on-failure', MaximumRetryCount: 3 });
    expect(() => parseRestartPolicy('bogus')).toThrow(DaemonOptionError);
    expect(() => parseRestartPolicy('on-failure:x')).toThrow(ClientOptionError);
    expect(parsePublish(['8080:80', '127.0.0.1:9000:9000/udp', '7000'])).toEqual({
      exposed: ['80/tcp', '9000/udp', '7000/tcp'],
      bindings: {
        '80/tcp': [{ HostIp: '', HostPort: '8080' }],
        '9000/udp': [{ HostIp: '127.0.0.1', HostPort: '9000' }],
        '7000/tcp': [{ HostIp: '', HostPort: '' }],
      },
    });
    expect(parseGpus(['all'])).toEqual([{ Driver: '', Count: -1, DeviceIDs: null, Capabilities: [['gpu']], Options: {} }]);
    expect(parseGpus(['"device=0,1"'])?.[0]?.DeviceIDs).toEqual(['0', '1']);
  });

  test('container names: two characters at least', () => {
    expect(isValidContainerName('t1')).toBe(true);
    expect(isValidContainerName('t')).toBe(false);
    expect(isValidContainerName('bad name')).toBe(false);
    expect(isValidContainerName('/web')).toBe(true);
  });
});

describe('tar', () => {
  test('round trip, and the size docker cp reports', () => {
    const entries: TarEntry[] = [
      { name: 'd', kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 1_700_000_000_000, data: new Uint8Array(0), linkname: '' },
      { name: 'd/a', kind: 'file', mode: 0o644, uid: 1000, gid: 1000, mtime: 1_700_000_000_000, data: new TextEncoder().encode('hello\n'), linkname: '' },
      { name: 'd/l', kind: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: 1_700_000_000_000, data: new Uint8Array(0), linkname: 'a' },
    ];
    const archive = writeTar(entries);
    expect(archive.length).toBe(tarSize(entries));
    expect(tarSize(entries.slice(1, 2))).toBe(2048);
    const back = readTar(archive);
    expect(back.map((e) => [e.name, e.kind, e.mode, e.uid, e.linkname, new TextDecoder().decode(e.data)])).toEqual([
      ['d', 'dir', 0o755, 0, '', ''],
      ['d/a', 'file', 0o644, 1000, '', 'hello\n'],
      ['d/l', 'symlink', 0o777, 0, 'a', ''],
    ]);
  });
});

describe('virtual time', () => {
  test('timers fire in time order, each process seeing its own wake-up time', async () => {
    const host = new VirtualClock(DEFAULT_EPOCH);
    const scheduler = new VirtualScheduler(host);
    const seen: string[] = [];
    const proc = async (name: string, delays: number[]) => {
      for (const d of delays) {
        await scheduler.clock.sleep(d);
        seen.push(`${name}@${scheduler.clock.now() - DEFAULT_EPOCH}`);
      }
    };
    void proc('a', [300, 300]);
    void proc('b', [500]);
    host.advance(1000);
    await scheduler.catchUp();
    expect(seen).toEqual(['a@300', 'b@500', 'a@600']);
  });

  test('a wait moves the host clock to each timer, and stops at its deadline', async () => {
    const host = new VirtualClock(DEFAULT_EPOCH);
    const scheduler = new VirtualScheduler(host);
    let done = false;
    void scheduler.clock.sleep(5000).then(() => (done = true));
    expect(await scheduler.waitFor(() => done, { deadline: DEFAULT_EPOCH + 2000 })).toBe('deadline');
    expect(host.now() - DEFAULT_EPOCH).toBe(2000);
    expect(await scheduler.waitFor(() => done)).toBe('done');
    expect(host.now() - DEFAULT_EPOCH).toBe(5000);
    const signal = new InterruptController();
    signal.interrupt(2);
    expect(await scheduler.waitFor(() => false, { signal: signal.signal })).toBe('interrupted');
  });
});

describe('client commands', () => {
  async function ready(tty = false) {
    const world = studentWorld();
    const s = session(world, tty);
    await run(s, `docker run --rm ${PY} true`);
    return { world, s };
  }

  test('docker cp on a terminal says what it copied', async () => {
    const { world, s } = await ready(true);
    world.engine.hostFs.writeFile('/home/student/f.txt', 'hello\n');
    await run(s, `docker create --name cp1 ${PY}`);
    expect((await run(s, 'docker cp f.txt cp1:/tmp/')).out).toBe('Successfully copied 2.05kB to cp1:/tmp/\n');
    expect((await run(s, 'docker cp cp1:/tmp/f.txt back.txt')).out).toBe('Successfully copied 2.05kB to /home/student/back.txt\n');
    expect((await run(s, 'docker cp -q cp1:/tmp/f.txt q.txt')).out).toBe('');
  });

  test('docker cp - streams a tar archive both ways', async () => {
    const { world, s } = await ready();
    await run(s, `docker create --name cp2 ${PY}`);
    const entries: TarEntry[] = [{ name: 'in.txt', kind: 'file', mode: 0o600, uid: 1000, gid: 1000, mtime: DEFAULT_EPOCH, data: new TextEncoder().encode('tar\n'), linkname: '' }];
    let out = '';
    const write = (c: string): void => {
      out += c;
    };
    let sent = false;
    const status = await s.execute('docker cp - cp2:/tmp', {
      stdout: { write },
      stderr: { write },
      stdin: { read: async () => (sent ? null : ((sent = true), writeTar(entries))) },
    });
    expect([status, out]).toEqual([0, '']);
    const runtime = ContainerRuntime.of(world.engine);
    const fs = runtime.rootfs(runtime.find('cp2'));
    expect(fs.readText('/tmp/in.txt')).toBe('tar\n');
    expect(fs.stat('/tmp/in.txt').uid).toBe(0);
    const back = await run(s, 'docker cp cp2:/tmp/in.txt -');
    expect(readTar(back.out).map((e) => [e.name, new TextDecoder().decode(e.data)])).toEqual([['in.txt', 'tar\n']]);
  });

  test('docker logs -f follows until the container ends', async () => {
    const { s } = await ready();
    await run(s, `docker run -d --name lf ${PY} sh -c 'echo one; sleep 2; echo two'`);
    expect(await run(s, 'docker logs -f lf')).toEqual({ out: 'one\ntwo\n', status: 0 });
  });

  test('docker exec -d leaves the process running; exec processes end with the container', async () => {
    const { s } = await ready();
    await run(s, `docker run -d --name ex ${PY} sleep 10`, "docker exec -d ex sh -c 'sleep 1; echo done > /tmp/x'");
    await run(s, 'sleep 2');
    expect((await run(s, 'docker exec ex cat /tmp/x')).out).toBe('done\n');
    expect((await run(s, 'docker stop -t 0 ex', 'docker exec ex true')).out).toMatch(/^ex\nError response from daemon: container [0-9a-f]{64} is not running\n$/);
  });

  test('docker system df counts containers and volumes', async () => {
    const { s } = await ready();
    await run(s, `docker run --name df1 -v dfv:/data ${PY} sh -c 'echo 12345 > /data/f'`);
    const df = await run(s, "docker system df --format '{{.Type}}|{{.TotalCount}}|{{.Active}}|{{.Size}}|{{.Reclaimable}}'");
    expect(df.out.split('\n').slice(1, 3)).toEqual(['Containers|1|0|8.192kB|8.192kB (100%)', 'Local Volumes|1|1|6B|0B (0%)']);
  });
});
