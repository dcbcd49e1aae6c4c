import { describe, expect, test } from 'vitest';
import { FsError } from '../../../src/engine/fs/types';
import { MemoryFs } from '../../../src/engine/fs/memory';
import { ROOT } from '../../../src/engine/fs/vfs';
import { big, buildFs, dir, GiB, MiB, symlink } from '../../../src/engine/fs/builder';
import { fsck } from '../../../src/engine/fs/inspect';
import { fillerByte } from '../../../src/engine/fs/state';

function caught(fn: () => unknown): FsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e;
    throw e;
  }
  throw new Error('expected an FsError');
}

function expectCode(fn: () => unknown, code: string, path?: string, syscall?: string): void {
  const e = caught(fn);
  expect(e.code).toBe(code);
  if (path !== undefined) expect(e.path).toBe(path);
  if (syscall !== undefined) expect(e.syscall).toBe(syscall);
}

function clock(start = 1_000_000): { now: () => number; tick: (ms?: number) => void } {
  let t = start;
  return { now: () => t, tick: (ms = 1000) => void (t += ms) };
}

function fresh(): MemoryFs {
  return buildFs({ '/etc/hostname': 'laptop\n', '/tmp/': dir({ mode: 0o1777 }), '/home/student/': dir({ uid: 1000, gid: 1000 }) });
}

describe('files and directories', () => {
  test('write, read, append, overwrite', () => {
    const fs = new MemoryFs();
    fs.writeFile('/a.txt', 'hello');
    expect(fs.readText('/a.txt')).toBe('hello');
    fs.writeFile('/a.txt', ' world', { append: true });
    expect(fs.readText('/a.txt')).toBe('hello world');
    fs.writeFile('/a.txt', 'x');
    expect(fs.readText('/a.txt')).toBe('x');
    fs.writeFile('/b.bin', new Uint8Array([0, 255, 7]));
    expect([...fs.readFile('/b.bin')]).toEqual([0, 255, 7]);
    expect(fs.stat('/b.bin')).toMatchObject({ kind: 'file', size: 3, nlink: 1 });
  });

  test('append creates a missing file', () => {
    const fs = new MemoryFs();
    fs.writeFile('/log', 'a\n', { append: true });
    fs.writeFile('/log', 'b\n', { append: true });
    expect(fs.readText('/log')).toBe('a\nb\n');
  });

  test('bytes are copied in and out', () => {
    const fs = new MemoryFs();
    const data = new Uint8Array([1, 2, 3]);
    fs.writeFile('/f', data);
    data[0] = 9;
    const out = fs.readFile('/f');
    out[1] = 9;
    expect([...fs.readFile('/f')]).toEqual([1, 2, 3]);
  });

  test('UTF-8 text round-trips', () => {
    const fs = new MemoryFs();
    fs.writeFile('/u', 'héllo ✓ 🐳');
    expect(fs.readText('/u')).toBe('héllo ✓ 🐳');
    expect(fs.stat('/u').size).toBe(new TextEncoder().encode('héllo ✓ 🐳').length);
  });

  test('mkdir, readdir sorted with kinds, nested', () => {
    const fs = new MemoryFs();
    fs.mkdir('/b');
    fs.mkdir('/a');
    fs.writeFile('/a/z', '');
    fs.writeFile('/a/B', '');
    fs.symlink('z', '/a/link');
    fs.mkdir('/a/sub');
    expect(fs.readdir('/')).toEqual([
      { name: 'a', kind: 'dir' },
      { name: 'b', kind: 'dir' },
    ]);
    expect(fs.readdir('/a').map((e) => `${e.name}:${e.kind}`)).toEqual(['B:file', 'link:symlink', 'sub:dir', 'z:file']);
  });

  test('mkdir recursive', () => {
    const fs = new MemoryFs();
    fs.mkdir('/x/y/z', { recursive: true });
    expect(fs.stat('/x/y/z').kind).toBe('dir');
    fs.mkdir('/x/y/z', { recursive: true });
    fs.mkdir('/', { recursive: true });
    fs.writeFile('/x/f', '');
    expectCode(() => fs.mkdir('/x/f', { recursive: true }), 'EEXIST', '/x/f', 'mkdir');
    expectCode(() => fs.mkdir('/x/f/g/h', { recursive: true }), 'ENOTDIR', '/x/f');
    fs.symlink('/x/y', '/ln');
    fs.mkdir('/ln/z/w', { recursive: true });
    expect(fs.stat('/x/y/z/w').kind).toBe('dir');
  });

  test('mkdir -m applies to the last directory only, through the umask', () => {
    const fs = new MemoryFs();
    fs.mkdir('/p/q', { recursive: true, mode: 0o700 });
    expect(fs.stat('/p').mode).toBe(0o755);
    expect(fs.stat('/p/q').mode).toBe(0o700);
    fs.mkdir('/r', { mode: 0o777 });
    expect(fs.stat('/r').mode).toBe(0o755);
  });

  test('unlink and rmdir', () => {
    const fs = new MemoryFs();
    fs.mkdir('/d');
    fs.writeFile('/d/f', 'x');
    expectCode(() => fs.rmdir('/d'), 'ENOTEMPTY', '/d', 'rmdir');
    expectCode(() => fs.unlink('/d'), 'EISDIR', '/d', 'unlink');
    expectCode(() => fs.rmdir('/d/f'), 'ENOTDIR');
    fs.unlink('/d/f');
    expect(fs.exists('/d/f')).toBe(false);
    fs.rmdir('/d');
    expect(fs.exists('/d')).toBe(false);
    expectCode(() => fs.unlink('/d'), 'ENOENT', '/d');
    expectCode(() => fs.rmdir('/'), 'EBUSY');
    fs.mkdir('/e');
    expectCode(() => fs.rmdir('/e/.'), 'EINVAL');
    expectCode(() => fs.rmdir('/e/..'), 'ENOTEMPTY');
    expectCode(() => fs.unlink('/e/.'), 'EISDIR');
    expect(fsck(fs.state)).toEqual([]);
  });

  test('error codes for bad paths', () => {
    const fs = fresh();
    expectCode(() => fs.readFile('/nope'), 'ENOENT', '/nope', 'open');
    expectCode(() => fs.readFile('/nope/x'), 'ENOENT');
    expectCode(() => fs.readFile('/etc/hostname/x'), 'ENOTDIR');
    expectCode(() => fs.readFile('/etc/hostname/'), 'ENOTDIR');
    expectCode(() => fs.readFile('/etc'), 'EISDIR', '/etc');
    expectCode(() => fs.writeFile('/etc', 'x'), 'EISDIR');
    expectCode(() => fs.writeFile('/etc/new/', 'x'), 'EISDIR');
    expectCode(() => fs.writeFile('/no/such', 'x'), 'ENOENT');
    expectCode(() => fs.readdir('/etc/hostname'), 'ENOTDIR', '/etc/hostname', 'scandir');
    expectCode(() => fs.mkdir('/etc'), 'EEXIST', '/etc', 'mkdir');
    expectCode(() => fs.mkdir('/'), 'EEXIST');
    expectCode(() => fs.mkdir('/a/b'), 'ENOENT');
    expectCode(() => fs.stat(''), 'ENOENT');
    expectCode(() => fs.readlink('/etc/hostname'), 'EINVAL', '/etc/hostname', 'readlink');
    expect(fs.stat('/etc/').kind).toBe('dir');
    expect(fs.stat('/etc/.').kind).toBe('dir');
    expect(fs.stat('/etc/..').ino).toBe(fs.stat('/').ino);
    expect(fs.stat('/..').ino).toBe(fs.stat('/').ino);
  });

  test('paths are normalised', () => {
    const fs = fresh();
    expect(fs.readText('//etc///./hostname')).toBe('laptop\n');
    expect(fs.readText('/tmp/../etc/hostname')).toBe('laptop\n');
    expect(fs.realpath('/etc/../home/./student/')).toBe('/home/student');
  });

  test('odd names are just names', () => {
    const fs = new MemoryFs();
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'toString', '0', ' ', 'a b', '-rf', '.hidden']) {
      fs.writeFile(`/${name}`, name);
    }
    expect(fs.readdir('/').map((e) => e.name)).toEqual(['-rf', '.hidden', '0', ' ', '__proto__', 'a b', 'constructor', 'hasOwnProperty', 'toString'].sort());
    expect(fs.readText('/__proto__')).toBe('__proto__');
    expect(fs.exists('/valueOf')).toBe(false);
    const copy = MemoryFs.fromSnapshot(fs.snapshot());
    expect(copy.readText('/__proto__')).toBe('__proto__');
    copy.unlink('/__proto__');
    expect(copy.exists('/__proto__')).toBe(false);
    expect(fsck(copy.state)).toEqual([]);
  });
});

describe('rename', () => {
  test('files and directories, replacing', () => {
    const fs = new MemoryFs();
    fs.writeFile('/a', 'A');
    fs.writeFile('/b', 'B');
    fs.rename('/a', '/b');
    expect(fs.readText('/b')).toBe('A');
    expect(fs.exists('/a')).toBe(false);
    fs.mkdir('/d1');
    fs.writeFile('/d1/f', 'f');
    fs.mkdir('/d2');
    fs.rename('/d1', '/d2');
    expect(fs.readText('/d2/f')).toBe('f');
    fs.mkdir('/x');
    fs.rename('/d2', '/x/moved');
    expect(fs.readText('/x/moved/f')).toBe('f');
    expect(fs.stat('/x').nlink).toBe(3);
    expect(fs.stat('/').nlink).toBe(3);
    expect(fsck(fs.state)).toEqual([]);
  });

  test('errors', () => {
    const fs = new MemoryFs();
    fs.mkdir('/d/sub', { recursive: true });
    fs.mkdir('/e');
    fs.writeFile('/e/f', '');
    fs.writeFile('/file', '');
    expectCode(() => fs.rename('/nope', '/x'), 'ENOENT', '/nope', 'rename');
    expectCode(() => fs.rename('/d', '/d/sub/inside'), 'EINVAL', '/d');
    expectCode(() => fs.rename('/d', '/d/inside'), 'EINVAL');
    expectCode(() => fs.rename('/d/sub', '/d'), 'ENOTEMPTY', '/d');
    expectCode(() => fs.rename('/d', '/file'), 'ENOTDIR', '/file');
    expectCode(() => fs.rename('/file', '/d'), 'EISDIR', '/d');
    expectCode(() => fs.rename('/d', '/e'), 'ENOTEMPTY', '/e');
    expectCode(() => fs.rename('/file', '/file/x'), 'ENOTDIR', '/file/x');
    expectCode(() => fs.rename('/file', '/nodir/x'), 'ENOENT', '/nodir/x');
    expectCode(() => fs.rename('/d/.', '/z'), 'EBUSY');
    expectCode(() => fs.rename('/file/', '/z'), 'ENOTDIR');
    fs.rename('/file', '/file');
    fs.rename('/d', '/d');
    expect(fs.exists('/file')).toBe(true);
    expect(fsck(fs.state)).toEqual([]);
  });

  test('renaming onto a hard link of itself does nothing', () => {
    const fs = new MemoryFs();
    fs.writeFile('/a', 'x');
    fs.link('/a', '/b');
    fs.rename('/a', '/b');
    expect(fs.exists('/a')).toBe(true);
    expect(fs.stat('/b').nlink).toBe(2);
  });

  test('a symlink is moved, not followed', () => {
    const fs = new MemoryFs();
    fs.mkdir('/d');
    fs.symlink('/d', '/l');
    fs.rename('/l', '/l2');
    expect(fs.readlink('/l2')).toBe('/d');
    expect(fs.stat('/d').kind).toBe('dir');
  });
});

describe('symlinks', () => {
  test('relative and absolute, chains, dangling', () => {
    const fs = buildFs({
      '/usr/bin/python3.12': 'py',
      '/usr/bin/python3': symlink('python3.12'),
      '/usr/bin/python': symlink('/usr/bin/python3'),
      '/bin': symlink('usr/bin'),
      '/dangling': symlink('/nowhere/file'),
    });
    expect(fs.readText('/bin/python')).toBe('py');
    expect(fs.realpath('/bin/python')).toBe('/usr/bin/python3.12');
    expect(fs.lstat('/bin/python').kind).toBe('symlink');
    expect(fs.lstat('/bin/python').size).toBe('/usr/bin/python3'.length);
    expect(fs.stat('/bin/python').kind).toBe('file');
    expect(fs.readlink('/usr/bin/python3')).toBe('python3.12');
    expect(fs.lstat('/bin/').kind).toBe('dir');
    expectCode(() => fs.readlink('/bin/'), 'EINVAL');
    expect(fs.lstat('/dangling').kind).toBe('symlink');
    expect(fs.exists('/dangling')).toBe(false);
    expectCode(() => fs.stat('/dangling'), 'ENOENT');
    expectCode(() => fs.realpath('/dangling'), 'ENOENT');
  });

  test('.. after a symlink is physical', () => {
    const fs = buildFs({ '/a/b/c/': null, '/a/target': 'T', '/link': symlink('/a/b/c') });
    expect(fs.realpath('/link/..')).toBe('/a/b');
    expect(fs.readdir('/link/../..').map((e) => e.name)).toEqual(['b', 'target']);
  });

  test('writing through a dangling symlink creates the target', () => {
    const fs = buildFs({ '/d/': null, '/l': symlink('/d/new') });
    fs.writeFile('/l', 'x');
    expect(fs.readText('/d/new')).toBe('x');
    expect(fs.lstat('/l').kind).toBe('symlink');
  });

  test('symlink errors', () => {
    const fs = buildFs({ '/f': 'x', '/l': symlink('/nowhere') });
    expectCode(() => fs.symlink('x', '/f'), 'EEXIST', '/f', 'symlink');
    expectCode(() => fs.symlink('x', '/l'), 'EEXIST');
    expectCode(() => fs.symlink('', '/e'), 'ENOENT');
    expectCode(() => fs.mkdir('/l'), 'EEXIST');
    expectCode(() => fs.mkdir('/l/'), 'EEXIST');
    expectCode(() => fs.unlink('/l/'), 'ENOTDIR');
    fs.unlink('/l');
    expect(fs.exists('/nowhere')).toBe(false);
  });

  test('ELOOP after 40 hops, not before', () => {
    const fs = new MemoryFs();
    fs.writeFile('/end', 'ok');
    fs.symlink('/end', '/l0');
    for (let i = 1; i <= 40; i++) fs.symlink(`/l${i - 1}`, `/l${i}`);
    expect(fs.readText('/l39')).toBe('ok'); // 40 links
    expectCode(() => fs.readText('/l40'), 'ELOOP', '/l40'); // 41 links
    expect(fs.lstat('/l40').kind).toBe('symlink');
    fs.symlink('/loop-b', '/loop-a');
    fs.symlink('loop-a', '/loop-b');
    expectCode(() => fs.stat('/loop-a'), 'ELOOP');
    expectCode(() => fs.writeFile('/loop-a', 'x'), 'ELOOP');
    fs.symlink('self/x', '/self');
    expectCode(() => fs.stat('/self'), 'ELOOP');
    expect(fs.exists('/self')).toBe(false);
  });

  test('symlink to / and to .', () => {
    const fs = buildFs({ '/etc/x': 'x', '/r': symlink('/'), '/etc/here': symlink('.') });
    expect(fs.readText('/r/r/r/etc/x')).toBe('x');
    expect(fs.realpath('/r')).toBe('/');
    expect(fs.realpath('/etc/here')).toBe('/etc');
    expect(fs.readText('/etc/here/here/x')).toBe('x');
  });
});

describe('stat', () => {
  test('inode numbers are stable and shared by hard links', () => {
    const fs = new MemoryFs();
    expect(fs.stat('/').ino).toBe(2);
    fs.writeFile('/a', 'x');
    const ino = fs.stat('/a').ino;
    fs.writeFile('/a', 'longer');
    fs.rename('/a', '/b');
    expect(fs.stat('/b').ino).toBe(ino);
    fs.link('/b', '/c');
    expect(fs.stat('/c').ino).toBe(ino);
    expect(fs.stat('/c').nlink).toBe(2);
    fs.writeFile('/c', 'via c');
    expect(fs.readText('/b')).toBe('via c');
    fs.unlink('/b');
    expect(fs.stat('/c').nlink).toBe(1);
    fs.symlink('/c', '/s');
    expect(fs.stat('/s').ino).toBe(ino);
    expect(fs.lstat('/s').ino).not.toBe(ino);
  });

  test('link errors', () => {
    const fs = buildFs({ '/d/': null, '/f': 'x' });
    expectCode(() => fs.link('/d', '/d2'), 'EPERM', '/d', 'link');
    expectCode(() => fs.link('/f', '/d'), 'EEXIST', '/d');
    expectCode(() => fs.link('/nope', '/x'), 'ENOENT', '/nope');
  });

  test('directory link counts', () => {
    const fs = new MemoryFs();
    expect(fs.stat('/').nlink).toBe(2);
    fs.mkdir('/a');
    fs.mkdir('/a/b');
    fs.mkdir('/a/c');
    fs.writeFile('/a/f', '');
    expect(fs.stat('/a').nlink).toBe(4);
    expect(fs.stat('/a/b').nlink).toBe(2);
    expect(fs.stat('/').nlink).toBe(3);
    fs.rmdir('/a/b');
    expect(fs.stat('/a').nlink).toBe(3);
    expect(fs.stat('/a').size).toBe(4096);
  });

  test('mtimes follow the clock; utimes sets them', () => {
    const c = clock();
    const fs = new MemoryFs({ clock: c.now });
    expect(fs.stat('/').mtime).toBe(1_000_000);
    c.tick();
    fs.mkdir('/d');
    expect(fs.stat('/d').mtime).toBe(1_001_000);
    expect(fs.stat('/').mtime).toBe(1_001_000);
    c.tick();
    fs.writeFile('/d/f', 'a');
    expect(fs.stat('/d').mtime).toBe(1_002_000);
    c.tick();
    fs.writeFile('/d/f', 'b', { append: true });
    expect(fs.stat('/d/f').mtime).toBe(1_003_000);
    expect(fs.stat('/d').mtime).toBe(1_002_000);
    c.tick();
    fs.rename('/d/f', '/g');
    expect(fs.stat('/d').mtime).toBe(1_004_000);
    expect(fs.stat('/').mtime).toBe(1_004_000);
    expect(fs.stat('/g').mtime).toBe(1_003_000);
    fs.utimes('/g', 42);
    expect(fs.stat('/g').mtime).toBe(42);
  });

  test('chmod and chown', () => {
    const fs = new MemoryFs();
    fs.writeFile('/f', '');
    fs.chmod('/f', 0o4755);
    expect(fs.stat('/f').mode).toBe(0o4755);
    fs.chown('/f', 1000, 1000);
    expect(fs.stat('/f')).toMatchObject({ uid: 1000, gid: 1000, mode: 0o755 }); // chown drops setuid
    fs.chown('/f', -1, 50);
    expect(fs.stat('/f')).toMatchObject({ uid: 1000, gid: 50 });
    fs.symlink('/f', '/l');
    fs.chmod('/l', 0o600);
    expect(fs.stat('/f').mode).toBe(0o600);
    expect(fs.lstat('/l').mode).toBe(0o777);
    expectCode(() => fs.chmod('/nope', 0o600), 'ENOENT', '/nope', 'chmod');
  });
});

describe('synthetic files', () => {
  test('declared size, deterministic filler, cheap', () => {
    const fs = buildFs({ '/usr/lib/libtorch_cuda.so': big(700 * MiB, { seed: 7 }), '/weights.bin': big(5 * GiB) });
    expect(fs.stat('/usr/lib/libtorch_cuda.so').size).toBe(700 * MiB);
    expect(fs.stat('/weights.bin').size).toBe(5 * GiB);
    const head = fs.read('/usr/lib/libtorch_cuda.so', 0, 16);
    expect(head.length).toBe(16);
    expect([...head]).toEqual([...fs.read('/usr/lib/libtorch_cuda.so', 0, 16)]);
    expect(head[3]).toBe(fillerByte(7, 3));
    const tail = fs.read('/usr/lib/libtorch_cuda.so', 700 * MiB - 4, 100);
    expect(tail.length).toBe(4);
    expect(fs.read('/weights.bin', 5 * GiB - 1, 1)[0]).toBe(fillerByte(fs.readContent('/weights.bin').synthetic!.seed, 5 * GiB - 1));
    expect(fs.state.nodes[fs.stat('/weights.bin').ino]).toMatchObject({ data: new Uint8Array(0) });
  });

  test('small synthetic files read fully; appending keeps the filler', () => {
    const fs = new MemoryFs();
    fs.writeSynthetic('/s', 10, { seed: 1 });
    const all = fs.readFile('/s');
    expect(all.length).toBe(10);
    expect([...fs.read('/s', 4, 3)]).toEqual([...all.subarray(4, 7)]);
    fs.writeFile('/s', 'xy', { append: true });
    expect(fs.stat('/s').size).toBe(12);
    expect([...fs.readFile('/s').subarray(0, 10)]).toEqual([...all]);
    expect(fs.readText('/s').endsWith('xy')).toBe(true);
    expect([...fs.read('/s', 8, 4)]).toEqual([all[8], all[9], 120, 121]);
    fs.writeFile('/s', 'plain');
    expect(fs.readText('/s')).toBe('plain');
    expect(fs.readContent('/s').synthetic).toBeUndefined();
  });

  test('content copies keep a file synthetic', () => {
    const a = buildFs({ '/big': big(3 * GiB) });
    const b = new MemoryFs();
    b.writeContent('/copy', a.readContent('/big'));
    expect(b.stat('/copy').size).toBe(3 * GiB);
    expect([...b.read('/copy', 100, 8)]).toEqual([...a.read('/big', 100, 8)]);
  });
});

describe('state', () => {
  test('snapshot and restore round-trip through structuredClone', () => {
    const c = clock();
    const fs = buildFs({ '/etc/x': 'x', '/big': big(MiB), '/l': symlink('etc/x'), '/home/u/': dir({ uid: 5 }) }, { clock: c.now });
    fs.link('/etc/x', '/etc/y');
    const snap = fs.snapshot();
    expect(structuredClone(snap)).toEqual(snap);
    expect(JSON.parse(JSON.stringify(Object.keys(snap)))).toEqual(['root', 'nextIno', 'nodes']);
    const view = fs.as({ uid: 5, gid: 5 });
    fs.writeFile('/etc/x', 'changed');
    fs.unlink('/l');
    fs.restore(snap);
    expect(view.readText('/l')).toBe('x');
    expect(fs.stat('/etc/y').nlink).toBe(2);
    expect(fs.state).toEqual(snap);
    expect(fs.state).not.toBe(snap);
    const again = MemoryFs.fromSnapshot(snap);
    again.writeFile('/etc/x', 'other');
    expect(fs.readText('/etc/x')).toBe('x');
  });

  test('views made with as() share the data and differ in credentials only', () => {
    const fs = fresh();
    const student = fs.as({ uid: 1000, gid: 1000 });
    expect(student).toBeInstanceOf(MemoryFs);
    expect(student.cred.uid).toBe(1000);
    expect(fs.cred).toBe(ROOT);
    student.writeFile('/home/student/notes', 'n');
    expect(fs.readText('/home/student/notes')).toBe('n');
    expect(student.state).toBe(fs.state);
    expect(student.withUmask(0o077).umask).toBe(0o077);
  });

  test('a fresh tree is sound', () => {
    const fs = new MemoryFs({ root: { mode: 0o700 } });
    expect(fs.stat('/').mode).toBe(0o700);
    expect(fsck(fs.state)).toEqual([]);
    fs.writeFile('/f', 'x');
    expect(fsck(fs.state)).toEqual([]);
  });
});
