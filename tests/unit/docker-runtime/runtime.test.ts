import { describe, expect, test } from 'vitest';
import { DEFAULT_EPOCH, RealtimeClock, VirtualClock } from '../../../src/engine/clock';
import { ContainerRuntime, createContainersState } from '../../../src/engine/docker/runtime';
import { DockerEngine } from '../../../src/engine/docker/engine';
import { run, session, studentWorld } from './world';

const PY = 'python:3.11-slim';

/** A world with python:3.11-slim already pulled (the pull's own output is the image room's). */
async function ready(options: Parameters<typeof studentWorld>[0] = {}) {
  const world = studentWorld(options);
  const s = session(world);
  await run(s, `docker run --rm ${PY} true`);
  return { world, s, runtime: ContainerRuntime.of(world.engine) };
}

describe('container lifecycle', () => {
  test('run prints the output, keeps the exit status, and the container shows as exited', async () => {
    const { s } = await ready();
    const r = await run(s, `docker run --name exp ${PY} sh -c 'echo out; echo err >&2; exit 3'`);
    expect(r).toEqual({ out: 'out\nerr\n', status: 3 });
    const ps = await run(s, "docker ps -a --format '{{.Names}} {{.Status}}'");
    expect(ps.out).toBe('exp Exited (3) Less than a second ago\n');
  });

  test('a detached container keeps running while the host clock moves, and ends on time', async () => {
    const { s } = await ready();
    const id = (await run(s, `docker run -d --name bg ${PY} sleep 30`)).out.trim();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    await run(s, 'sleep 5');
    expect((await run(s, "docker ps --format '{{.Names}} {{.Status}}'")).out).toBe('bg Up 5 seconds\n');
    await run(s, 'sleep 30');
    expect((await run(s, "docker ps -a --format '{{.Names}} {{.Status}}'")).out).toBe('bg Exited (0) 5 seconds ago\n');
  });

  test('log lines carry the time they were written', async () => {
    const { s } = await ready();
    await run(s, `docker run -d --name w1 ${PY} sh -c 'echo a; sleep 2; echo b; sleep 100'`);
    await run(s, 'sleep 3');
    const logs = (await run(s, 'docker logs -t w1')).out.trim().split('\n');
    expect(logs).toHaveLength(2);
    const [ta, tb] = logs.map((l) => Date.parse(l.split(' ')[0]!));
    expect(tb! - ta!).toBeGreaterThanOrEqual(2000);
    expect(tb! - ta!).toBeLessThan(2100);
  });

  test('docker stop waits the timeout for a PID 1 that ignores SIGTERM, --init stops at once', async () => {
    const { world, s } = await ready();
    await run(s, `docker run -d --name a1 ${PY} sleep 100`, `docker run -d --init --name b1 ${PY} sleep 100`);
    const t0 = world.host.clock.now();
    await run(s, 'docker stop a1');
    const t1 = world.host.clock.now();
    expect(t1 - t0).toBeGreaterThanOrEqual(10_000);
    await run(s, 'docker stop b1');
    expect(world.host.clock.now() - t1).toBeLessThan(1000);
    expect((await run(s, "docker ps -a --format '{{.Names}} {{.Status}}'")).out).toBe('b1 Exited (143) Less than a second ago\na1 Exited (137) Less than a second ago\n');
  });

  test('names are generated from the seed: the same seed gives the same names and ids', async () => {
    const names = async (seed: number) => {
      const { s } = await ready({ seed });
      await run(s, `docker create ${PY}`, `docker create ${PY}`);
      return (await run(s, "docker ps -a --format '{{.ID}} {{.Names}}'")).out;
    };
    const a = await names(7);
    expect(a).toMatch(/^[0-9a-f]{12} [a-z]+_[a-z]+\n[0-9a-f]{12} [a-z]+_[a-z]+\n$/);
    expect(await names(7)).toBe(a);
    expect(await names(8)).not.toBe(a);
  });

  test('restart policies: on-failure:2 restarts twice, then the container stays exited', async () => {
    const { s, runtime } = await ready();
    await run(s, `docker run -d --name r1 --restart on-failure:2 ${PY} sh -c 'echo try; exit 1'`);
    await run(s, 'sleep 5');
    expect((await run(s, 'docker logs r1')).out).toBe('try\ntry\ntry\n');
    const record = runtime.find('r1');
    expect(record.restartCount).toBe(2);
    expect(record.state.status).toBe('exited');
  });

  test('the writable layer keeps a stopped container\'s files; start runs the same command again', async () => {
    const { s } = await ready();
    await run(s, `docker run --name keep ${PY} sh -c 'echo $(date +%s) >> /count; wc -l < /count'`);
    expect((await run(s, 'docker start -a keep')).out).toBe('2\n');
  });
});

describe('state', () => {
  test('the rooms hold plain data that survives structuredClone, and a restored engine carries on', async () => {
    const { world, s } = await ready();
    await run(s, `docker run --name saved -v data:/data ${PY} sh -c 'echo hello > /data/f; echo layer > /root/g'`);
    const snapshot = structuredClone(world.engine.state);
    expect(snapshot.rooms.containers).toBeDefined();
    const engine = new DockerEngine({ host: world.host, hostFs: world.engine.hostFs, state: snapshot });
    const runtime = ContainerRuntime.of(engine);
    const record = runtime.find('saved');
    expect(runtime.rootfs(record).readText('/root/g')).toBe('layer\n');
    expect(runtime.rootfs(record).readText('/data/f')).toBe('hello\n');
    expect(createContainersState()).toEqual({ containers: {}, seq: 0, nextPid: 2400 });
  });

  test('starting a container takes a few milliseconds of CPU', async () => {
    const { runtime } = await ready();
    const image = runtime.engine.images.getImage(PY).id;
    const spec = {
      image: PY, imageId: image, cmd: ['true'], env: [], tty: false, openStdin: false, attachStdin: false, attachStdout: true, attachStderr: true,
      labels: {}, exposedPorts: [], portBindings: {}, publishAll: false, binds: [], mounts: [], mountFlags: null, autoRemove: false,
      restart: { Name: 'no' as const, MaximumRetryCount: 0 }, networkMode: 'bridge', ipcMode: 'private', shmSize: 67108864, init: null,
      privileged: false, readOnly: false, runtime: 'runc', memory: 0, nanoCpus: 0, deviceRequests: null, extraHosts: null, dns: [],
    };
    // warm up, then measure create + start of ten containers
    await runtime.start(runtime.create(spec));
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) await runtime.start(runtime.create(spec));
    expect((performance.now() - t0) / 10).toBeLessThan(5);
  });
});

describe('mounts', () => {
  test('bind mounts are live both ways', async () => {
    const { world, s } = await ready();
    const host = world.engine.hostFs;
    host.mkdir('/home/student/data', { recursive: true });
    host.writeFile('/home/student/data/in.txt', 'from host\n');
    await run(s, `docker run -d --name b2 -v /home/student/data:/data ${PY} sleep 100`);
    expect((await run(s, 'docker exec b2 cat /data/in.txt')).out).toBe('from host\n');
    host.writeFile('/home/student/data/in.txt', 'changed on the host\n');
    expect((await run(s, 'docker exec b2 cat /data/in.txt')).out).toBe('changed on the host\n');
    await run(s, "docker exec b2 sh -c 'echo from container > /data/out.txt'");
    expect(host.readText('/home/student/data/out.txt')).toBe('from container\n');
    expect(host.stat('/home/student/data/out.txt').uid).toBe(0);
  });

  test('a new named volume gets the image\'s files at its mount point; volumes outlive containers', async () => {
    const { s } = await ready();
    const r = await run(s, `docker run --rm -v etc:/etc ${PY} sh -c 'test -f /etc/passwd && echo copied'`);
    expect(r.out).toBe('copied\n');
    await run(s, `docker run --rm -v models:/models ${PY} sh -c 'echo w > /models/w'`);
    expect((await run(s, `docker run --rm -v models:/m ${PY} cat /m/w`)).out).toBe('w\n');
    expect((await run(s, 'docker volume ls -q')).out).toBe('etc\nmodels\n');
  });

  test('docker cp into and out of a stopped container', async () => {
    const { world, s } = await ready();
    world.engine.hostFs.writeFile('/home/student/f.txt', 'hello\n');
    await run(s, `docker create --name c3 ${PY}`, 'docker cp f.txt c3:/tmp/f.txt', 'docker cp c3:/tmp/f.txt back.txt');
    expect(world.engine.hostFs.readText('/home/student/back.txt')).toBe('hello\n');
    expect(world.engine.hostFs.stat('/home/student/back.txt').uid).toBe(1000);
  });
});

describe('host profiles', () => {
  test('gpu-cloud: --gpus all starts, the environment names the devices, nvidia-smi is there', async () => {
    const { s } = await ready({ profile: 'gpu-cloud' });
    const env = await run(s, `docker run --rm --gpus all ${PY} sh -c 'echo $NVIDIA_VISIBLE_DEVICES'`);
    expect(env).toEqual({ out: 'all\n', status: 0 });
    const smi = await run(s, `docker run --rm --gpus all ${PY} nvidia-smi`);
    expect(smi.status).toBe(0);
    expect(smi.out).toContain('Tesla T4');
    const none = await run(s, `docker run --rm ${PY} sh -c 'echo \${NVIDIA_VISIBLE_DEVICES-none}; test -e /usr/bin/nvidia-smi || echo no-smi'`);
    expect(none.out).toBe('none\nno-smi\n');
  });

  test('laptop: --gpus all is refused by the daemon', async () => {
    const { s } = await ready();
    const r = await run(s, `docker run --rm --gpus all ${PY} true`);
    expect(r.status).toBe(125);
    expect(r.out).toBe('docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]]\n\nRun \'docker run --help\' for more information\n');
  });
});

describe('signals of an attached docker run (real time, sped up)', () => {
  async function realtime() {
    const world = studentWorld({ clock: new RealtimeClock(DEFAULT_EPOCH, 200) });
    const s = session(world);
    await run(s, `docker run --rm ${PY} true`);
    return { world, s };
  }

  test('Ctrl+C is forwarded: sleep as PID 1 ignores it and runs to its end', async () => {
    const { world, s } = await realtime();
    const start = world.host.clock.now();
    const pending = run(s, `docker run --name c1 ${PY} sleep 10`);
    await new Promise((r) => setTimeout(r, 10));
    s.interrupt(2);
    await pending;
    // the container ran to its end (the shell's own status after Ctrl+C is the shell room's)
    expect(world.host.clock.now() - start).toBeGreaterThanOrEqual(9000);
    expect(ContainerRuntime.of(world.engine).find('c1').state.exitCode).toBe(0);
  });

  test('Ctrl+C with --init stops the container with 130', async () => {
    const { s } = await realtime();
    const pending = run(s, `docker run --init --name c2 ${PY} sleep 10`);
    await new Promise((r) => setTimeout(r, 10));
    s.interrupt(2);
    expect((await pending).status).toBe(130);
  });
});

describe('virtual clock', () => {
  test('the host clock only moves by what commands wait for', async () => {
    const clock = new VirtualClock(DEFAULT_EPOCH);
    const { world, s } = await ready({ clock });
    const t0 = world.host.clock.now();
    await run(s, `docker run ${PY} sleep 3`);
    expect(world.host.clock.now() - t0).toBeGreaterThanOrEqual(3000);
    expect(world.host.clock.now() - t0).toBeLessThan(4000);
  });
});
