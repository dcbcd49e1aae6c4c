import { describe, expect, test } from 'vitest';
import { FsError } from '../../../src/engine/fs/types';
import type { DirEntry, FileSystem, Stat } from '../../../src/engine/fs/types';
import { MountedFs } from '../../../src/engine/fs/mounts';
import { MemoryFs } from '../../../src/engine/fs/memory';
import { OverlayFs } from '../../../src/engine/fs/overlay';
import { buildFs, buildTree, dir, symlink } from '../../../src/engine/fs/builder';
import { fsck } from '../../../src/engine/fs/inspect';

function caught(fn: () => unknown): FsError | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof FsError) return e;
    throw e;
  }
}
const code = (fn: () => unknown) => caught(fn)?.code;

const student = { uid: 1000, gid: 1000 };

function setup() {
  const host = buildFs({
    '/home/student/': dir({ uid: 1000, gid: 1000 }),
    '/home/student/project/': dir({ uid: 1000, gid: 1000 }),
    '/home/student/project/app.py': 'print(1)\n',
    '/home/student/project/data/': dir({ uid: 1000, gid: 1000 }),
    '/home/student/config.json': '{}',
    '/etc/hostname': 'laptop\n',
  });
  const image = buildTree({ '/etc/hostname': 'container\n', '/usr/bin/python3': 'py', '/app/': dir(), '/tmp/': dir({ mode: 0o1777 }) });
  const rootfs = new OverlayFs([image]);
  const ctr = new MountedFs(rootfs);
  return { host, rootfs, ctr };
}

describe('bind mounts', () => {
  test('are live in both directions', () => {
    const { host, ctr } = setup();
    ctr.mount('/app', host, { subpath: '/home/student/project' });
    expect(ctr.readText('/app/app.py')).toBe('print(1)\n');
    ctr.writeFile('/app/out.txt', 'from the container');
    expect(host.readText('/home/student/project/out.txt')).toBe('from the container');
    host.writeFile('/home/student/project/app.py', 'print(2)\n');
    expect(ctr.readText('/app/app.py')).toBe('print(2)\n');
    host.unlink('/home/student/project/out.txt');
    expect(ctr.exists('/app/out.txt')).toBe(false);
    ctr.mkdir('/app/data/cache');
    expect(host.stat('/home/student/project/data/cache').kind).toBe('dir');
    expect(ctr.stat('/app/app.py').ino).toBe(host.stat('/home/student/project/app.py').ino);
    expect(fsck(host.state)).toEqual([]);
  });

  test('files written as root in the container are root-owned on the host', () => {
    const { host, ctr } = setup();
    ctr.mount('/app', host, { subpath: '/home/student/project' });
    ctr.writeFile('/app/root.txt', 'x');
    expect(host.stat('/home/student/project/root.txt')).toMatchObject({ uid: 0, gid: 0 });
    const hostStudent = host.as(student);
    hostStudent.unlink('/home/student/project/root.txt');
    const ctrStudent = ctr.as(student);
    expect(code(() => ctrStudent.writeFile('/etc/x', ''))).toBe('EACCES');
    ctrStudent.writeFile('/app/mine', '');
    expect(host.stat('/home/student/project/mine').uid).toBe(1000);
  });

  test('the mount hides what the image had there and the image is unchanged', () => {
    const { host, ctr, rootfs } = setup();
    rootfs.writeFile('/app/from-image', '');
    ctr.mount('/app', host, { subpath: '/home/student/project' });
    expect(ctr.readdir('/app').map((e) => e.name)).toEqual(['app.py', 'data']);
    ctr.unmount('/app');
    expect(ctr.readdir('/app').map((e) => e.name)).toEqual(['from-image']);
  });

  test('read-only mounts: EROFS on every write, reads fine', () => {
    const { host, ctr } = setup();
    ctr.mount('/src', host, { subpath: '/home/student/project', readOnly: true });
    expect(ctr.readText('/src/app.py')).toBe('print(1)\n');
    expect(code(() => ctr.writeFile('/src/app.py', 'x'))).toBe('EROFS');
    expect(code(() => ctr.writeFile('/src/new', 'x'))).toBe('EROFS');
    expect(code(() => ctr.mkdir('/src/d'))).toBe('EROFS');
    expect(code(() => ctr.mkdir('/src/data'))).toBe('EEXIST');
    expect(code(() => ctr.unlink('/src/app.py'))).toBe('EROFS');
    expect(code(() => ctr.unlink('/src/missing'))).toBe('EROFS');
    expect(code(() => ctr.rmdir('/src/data'))).toBe('EROFS');
    expect(code(() => ctr.rename('/src/app.py', '/src/b.py'))).toBe('EROFS');
    expect(code(() => ctr.chmod('/src/app.py', 0o777))).toBe('EROFS');
    expect(code(() => ctr.chown('/src/app.py', 0, 0))).toBe('EROFS');
    expect(code(() => ctr.utimes('/src/app.py', 0))).toBe('EROFS');
    expect(code(() => ctr.symlink('x', '/src/l'))).toBe('EROFS');
    expect(ctr.access('/src/app.py', 2)).toBe(false);
    expect(ctr.access('/src/app.py', 4)).toBe(true);
    const e = caught(() => ctr.writeFile('/src/app.py', 'x'))!;
    expect([e.path, e.syscall, e.reason]).toEqual(['/src/app.py', 'open', 'Read-only file system']);
    host.writeFile('/home/student/project/app.py', 'host can write');
    expect(ctr.readText('/src/app.py')).toBe('host can write');
  });

  test('rename and link across mounts: EXDEV, even between two binds of one filesystem', () => {
    const { host, ctr } = setup();
    ctr.mount('/app', host, { subpath: '/home/student/project' });
    ctr.mount('/data', host, { subpath: '/home/student/project/data' });
    const e = caught(() => ctr.rename('/app/app.py', '/tmp/app.py'))!;
    expect([e.code, e.path, e.syscall]).toEqual(['EXDEV', '/app/app.py', 'rename']);
    expect(code(() => ctr.rename('/app/app.py', '/data/app.py'))).toBe('EXDEV');
    expect(code(() => ctr.link('/app/app.py', '/tmp/l'))).toBe('EXDEV');
    ctr.rename('/app/app.py', '/app/main.py');
    expect(host.exists('/home/student/project/main.py')).toBe(true);
    expect(ctr.readText('/app/main.py')).toBe('print(1)\n');
    expect(ctr.realpath('/data/..')).toBe('/');
  });

  test('mount points are busy', () => {
    const { host, ctr } = setup();
    ctr.mount('/app', host, { subpath: '/home/student/project' });
    expect(code(() => ctr.rmdir('/app'))).toBe('EBUSY');
    expect(code(() => ctr.rename('/app', '/app2'))).toBe('EBUSY');
    ctr.mkdir('/empty');
    expect(code(() => ctr.rename('/empty', '/app'))).toBe('EBUSY');
    ctr.mkdir('/outer');
    ctr.mount('/outer/inner', host, { subpath: '/home/student/project/data' });
    expect(code(() => ctr.rename('/outer', '/outer2'))).toBe('EBUSY');
    expect(code(() => ctr.mount('/app', host))).toBe('EBUSY');
    expect(code(() => ctr.mount('/', host))).toBe('EBUSY');
    expect(code(() => ctr.unmount('/outer'))).toBe('EINVAL');
    expect(code(() => ctr.unmount('/'))).toBe('EINVAL');
  });

  test('.. and symlinks resolve in the container namespace', () => {
    const { host, ctr } = setup();
    host.symlink('/etc/hostname', '/home/student/project/abs-link');
    host.symlink('../config.json', '/home/student/project/rel-link');
    ctr.mount('/app', host, { subpath: '/home/student/project' });
    expect(ctr.readText('/app/abs-link')).toBe('container\n');
    expect(host.readText('/home/student/project/abs-link')).toBe('laptop\n');
    expect(code(() => ctr.readText('/app/rel-link'))).toBe('ENOENT');
    expect(ctr.realpath('/app/..')).toBe('/');
    expect(ctr.readdir('/app/..').map((e) => e.name)).toContain('usr');
    expect(ctr.realpath('/app/data/../app.py')).toBe('/app/app.py');
  });

  test('the mount point is created if missing, through symlinks, and listed with the source kind', () => {
    const { host, ctr, rootfs } = setup();
    rootfs.mkdir('/srv');
    rootfs.symlink('/srv', '/link');
    ctr.mount('/link/deep/work', host, { subpath: '/home/student/project' });
    expect(ctr.mounts()).toEqual([
      { target: '/', readOnly: false },
      { target: '/srv/deep/work', readOnly: false },
    ]);
    expect(ctr.isMountPoint('/srv/deep/work')).toBe(true);
    expect(ctr.readText('/link/deep/work/app.py')).toBe('print(1)\n');
    ctr.mount('/etc/app.json', host, { subpath: '/home/student/config.json', readOnly: true });
    expect(ctr.readText('/etc/app.json')).toBe('{}');
    expect(ctr.readdir('/etc').find((e) => e.name === 'app.json')).toEqual({ name: 'app.json', kind: 'file' });
    expect(code(() => ctr.unlink('/etc/app.json'))).toBe('EBUSY');
    expect(code(() => ctr.mount('/nope', host, { subpath: '/missing' }))).toBe('ENOENT');
    expect(code(() => ctr.mount('/etc/hostname', host, { subpath: '/home/student' }))).toBe('ENOTDIR');
    expect(code(() => ctr.mount('/absent', host, { createTarget: false }))).toBe('ENOENT');
  });

  test('nested mounts and unmount order', () => {
    const { host, ctr } = setup();
    const vol = new MemoryFs();
    ctr.mount('/app', host, { subpath: '/home/student/project' });
    ctr.mount('/app/data', vol);
    ctr.writeFile('/app/data/db', 'rows');
    expect(vol.readText('/db')).toBe('rows');
    expect(host.readdir('/home/student/project/data')).toEqual([]);
    expect(code(() => ctr.unmount('/app'))).toBe('EBUSY');
    ctr.unmount('/app/data');
    ctr.unmount('/app');
    expect(ctr.exists('/app/app.py')).toBe(false);
  });

  test('a read-only root with writable volumes (docker run --read-only -v)', () => {
    const { rootfs } = setup();
    const ctr = new MountedFs(rootfs, { readOnly: true });
    const vol = new MemoryFs();
    ctr.mount('/tmp', vol);
    ctr.mount('/var/lib/data', vol);
    expect(code(() => ctr.writeFile('/etc/hostname', 'x'))).toBe('EROFS');
    ctr.writeFile('/tmp/ok', 'ok');
    expect(vol.readText('/ok')).toBe('ok');
    expect(rootfs.stat('/var/lib/data').kind).toBe('dir');
  });

  test('volumes shared by two containers', () => {
    const { rootfs } = setup();
    const vol = new MemoryFs();
    const a = new MountedFs(rootfs);
    const b = new MountedFs(new OverlayFs(rootfs.lowers));
    a.mount('/data', vol);
    b.mount('/data', vol, { readOnly: true });
    a.writeFile('/data/shared', 'hello');
    expect(b.readText('/data/shared')).toBe('hello');
    expect(code(() => b.writeFile('/data/shared', 'x'))).toBe('EROFS');
  });

  test('a read-only source stays read-only', () => {
    const { ctr } = setup();
    const ro = new MemoryFs({ readOnly: true });
    ctr.mount('/ro', ro);
    expect(code(() => ctr.writeFile('/ro/x', ''))).toBe('EROFS');
  });

  test('views share the mount table', () => {
    const { host, ctr } = setup();
    const view = ctr.as(student);
    ctr.mount('/app', host, { subpath: '/home/student/project' });
    expect(view.isMountPoint('/app')).toBe(true);
    expect(view.readText('/app/app.py')).toBe('print(1)\n');
    expect(view.clock).toBe(ctr.clock);
  });

  test('bind of an overlay subtree sees later copy-ups', () => {
    const { rootfs } = setup();
    const ctr = new MountedFs(new MemoryFs());
    ctr.mount('/etc', rootfs, { subpath: '/etc' });
    rootfs.writeFile('/etc/hostname', 'renamed\n');
    expect(ctr.readText('/etc/hostname')).toBe('renamed\n');
    ctr.writeFile('/etc/new', 'n');
    expect(rootfs.readText('/etc/new')).toBe('n');
    expect(rootfs.diff().changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['C /etc', 'C /etc/hostname', 'A /etc/new']);
  });
});

describe('any FileSystem can be mounted', () => {
  /** A tiny foreign filesystem: /proc-like, read-only, two files. */
  class ProcFs implements FileSystem {
    private files: Record<string, string> = { '/version': 'Linux 6.8.0\n', '/uptime': '42.00 0.00\n' };
    private fail(code: 'ENOENT' | 'EROFS' | 'EINVAL', path: string): never {
      throw new FsError(code, path, 'proc');
    }
    stat(path: string): Stat {
      return this.lstat(path);
    }
    lstat(path: string): Stat {
      if (path === '/') return { kind: 'dir', mode: 0o555, uid: 0, gid: 0, size: 0, mtime: 0, nlink: 2, ino: 1 };
      const text = this.files[path];
      if (text === undefined) this.fail('ENOENT', path);
      return { kind: 'file', mode: 0o444, uid: 0, gid: 0, size: text.length, mtime: 0, nlink: 1, ino: 2 };
    }
    exists(path: string): boolean {
      return path === '/' || path in this.files;
    }
    readFile(path: string): Uint8Array {
      return new TextEncoder().encode(this.readText(path));
    }
    readText(path: string): string {
      const text = this.files[path];
      if (text === undefined) this.fail('ENOENT', path);
      return text;
    }
    readdir(): DirEntry[] {
      return Object.keys(this.files).map((p) => ({ name: p.slice(1), kind: 'file' as const }));
    }
    readlink(path: string): string {
      return this.fail('EINVAL', path);
    }
    realpath(path: string): string {
      this.lstat(path);
      return path;
    }
    access(): boolean {
      return true;
    }
    writeFile(path: string): void {
      this.fail('EROFS', path);
    }
    mkdir(path: string): void {
      this.fail('EROFS', path);
    }
    unlink(path: string): void {
      this.fail('EROFS', path);
    }
    rmdir(path: string): void {
      this.fail('EROFS', path);
    }
    rename(path: string): void {
      this.fail('EROFS', path);
    }
    symlink(_target: string, path: string): void {
      this.fail('EROFS', path);
    }
    chmod(path: string): void {
      this.fail('EROFS', path);
    }
    chown(path: string): void {
      this.fail('EROFS', path);
    }
    utimes(path: string): void {
      this.fail('EROFS', path);
    }
  }

  test('through the adapter driver', () => {
    const { ctr } = setup();
    ctr.mount('/proc', new ProcFs());
    expect(ctr.readText('/proc/version')).toBe('Linux 6.8.0\n');
    expect(ctr.readdir('/proc').map((e) => e.name)).toEqual(['uptime', 'version']);
    const e = caught(() => ctr.writeFile('/proc/version', 'x'))!;
    expect([e.code, e.path]).toEqual(['EROFS', '/proc/version']);
    expect(code(() => ctr.as(student).writeFile('/proc/version', 'x'))).toBe('EACCES');
    expect(caught(() => ctr.as(student).readText('/proc/nope'))?.path).toBe('/proc/nope');
    expect(code(() => ctr.writeFile('/proc/new', 'x'))).toBe('EROFS');
    const outer = new MountedFs(new ProcFs());
    expect(outer.readText('/uptime')).toBe('42.00 0.00\n');
    expect(symlink('x').type).toBe('symlink');
  });
});
