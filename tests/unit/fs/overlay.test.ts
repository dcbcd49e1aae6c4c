import { describe, expect, test } from 'vitest';
import { FsError } from '../../../src/engine/fs/types';
import {
  OverlayFs,
  INO_SPAN,
  applyLayer,
  flattenLayers,
  layerChanges,
  layerFromDiff,
  layerFromEntries,
  layerSize,
} from '../../../src/engine/fs/overlay';
import type { Layer } from '../../../src/engine/fs/overlay';
import { MemoryFs } from '../../../src/engine/fs/memory';
import { big, buildTree, dir, exe, GiB, MiB, opaque, symlink, whiteout } from '../../../src/engine/fs/builder';
import { fsck, listing } from '../../../src/engine/fs/inspect';
import { lookupPath } from '../../../src/engine/fs/state';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
}

/** A two-layer image: a Debian-ish base and a Python layer on top. */
function image(): Layer[] {
  const base = buildTree(
    {
      '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
      '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n',
      '/etc/apt/sources.list': 'deb http://deb.debian.org/debian bookworm main\n',
      '/usr/bin/bash': exe('#!builtin bash\n'),
      '/bin': symlink('usr/bin'),
      '/tmp/': dir({ mode: 0o1777 }),
      '/var/cache/apt/pkgcache.bin': big(30 * MiB),
      '/root/': dir({ mode: 0o700 }),
    },
    { mtime: 1000 },
  );
  const python = layerFromEntries(
    [
      { path: '/usr/local/bin/python3', type: 'file', content: '#!builtin python3\n', mode: 0o755 },
      { path: '/usr/local/lib/python3.12/site-packages/torch/lib/libtorch_cuda.so', type: 'big', size: 700 * MiB },
      { path: '/var/cache/apt/pkgcache.bin', type: 'whiteout' },
      { path: '/etc/apt/', type: 'dir', opaque: true },
      { path: '/etc/apt/sources.list.d/python.list', type: 'file', content: 'x\n' },
    ],
    { mtime: 2000 },
  );
  return [base, python];
}

describe('reading through layers', () => {
  test('lookups fall through; whiteouts hide; opaque dirs hide what is below', () => {
    const fs = new OverlayFs(image());
    expect(fs.readText('/etc/os-release')).toContain('bookworm');
    expect(fs.readText('/bin/bash')).toBe('#!builtin bash\n');
    expect(fs.stat('/usr/local/lib/python3.12/site-packages/torch/lib/libtorch_cuda.so').size).toBe(700 * MiB);
    expect(fs.exists('/var/cache/apt/pkgcache.bin')).toBe(false);
    expect(fs.readdir('/var/cache/apt')).toEqual([]);
    expect(fs.readdir('/etc/apt').map((e) => e.name)).toEqual(['sources.list.d']);
    expect(fs.readdir('/usr').map((e) => e.name)).toEqual(['bin', 'local']);
    expect(fs.readdir('/').map((e) => e.name)).toEqual(['bin', 'etc', 'root', 'tmp', 'usr', 'var']);
    expect(fs.stat('/usr').nlink).toBe(4);
    expect(fs.stat('/tmp').mode).toBe(0o1777);
  });

  test('inode numbers: per layer, kept on copy-up', () => {
    const layers = image();
    const fs = new OverlayFs(layers);
    const ino = fs.stat('/etc/passwd').ino;
    expect(ino).toBe(0 * INO_SPAN + lookupPath(layers[0]!, '/etc/passwd')!);
    expect(fs.stat('/usr/local/bin/python3').ino).toBe(1 * INO_SPAN + lookupPath(layers[1]!, '/usr/local/bin/python3')!);
    fs.writeFile('/etc/passwd', 'changed', { append: true });
    expect(fs.stat('/etc/passwd').ino).toBe(ino);
    const etc = fs.stat('/etc').ino;
    fs.writeFile('/etc/new', '');
    expect(fs.stat('/etc').ino).toBe(etc);
    expect(new Set([fs.stat('/').ino, etc, ino, fs.stat('/etc/new').ino]).size).toBe(4);
  });
});

describe('writing', () => {
  test('copy-up leaves the lower layers untouched', () => {
    const layers = image();
    const before = structuredClone(layers);
    const fs = new OverlayFs(layers);
    fs.writeFile('/etc/passwd', 'student:x:1000:1000::/home/student:/bin/bash\n', { append: true });
    fs.chmod('/usr/bin/bash', 0o700);
    fs.mkdir('/home/student', { recursive: true });
    fs.unlink('/etc/os-release');
    fs.rename('/etc/apt/sources.list.d', '/etc/apt/lists');
    expect(layers).toEqual(before);
    expect(fs.readText('/etc/passwd')).toMatch(/^root.*\nstudent/);
    expect(fs.stat('/usr/bin/bash').mode).toBe(0o700);
    expect(fsck(fs.upper, { allowWhiteouts: true })).toEqual([]);
  });

  test('copy-up of a huge synthetic file is free and keeps its bytes', () => {
    const fs = new OverlayFs(image());
    const p = '/usr/local/lib/python3.12/site-packages/torch/lib/libtorch_cuda.so';
    const head = fs.read(p, 0, 64);
    fs.chmod(p, 0o600);
    expect(fs.stat(p).size).toBe(700 * MiB);
    expect([...fs.read(p, 0, 64)]).toEqual([...head]);
    expect(fs.diff().size).toBe(700 * MiB);
  });

  test('delete then recreate a directory: it comes back empty (opaque)', () => {
    const fs = new OverlayFs(image());
    expect(code(() => fs.rmdir('/etc'))).toBe('ENOTEMPTY');
    for (const e of fs.readdir('/etc/apt/sources.list.d')) fs.unlink(`/etc/apt/sources.list.d/${e.name}`);
    fs.rmdir('/etc/apt/sources.list.d');
    fs.rmdir('/etc/apt');
    expect(fs.exists('/etc/apt')).toBe(false);
    fs.mkdir('/etc/apt');
    expect(fs.readdir('/etc/apt')).toEqual([]);
    fs.writeFile('/etc/apt/new', '');
    expect(fs.readdir('/etc/apt').map((e) => e.name)).toEqual(['new']);
    const apt = lookupPath(fs.upper, '/etc/apt')!;
    expect(fs.upper.nodes[apt]).toMatchObject({ kind: 'dir', opaque: true });
  });

  test('a file replaces a deleted directory and the other way round', () => {
    const fs = new OverlayFs(image());
    fs.unlink('/bin');
    fs.mkdir('/bin');
    expect(fs.readdir('/bin')).toEqual([]);
    fs.rmdir('/bin');
    fs.writeFile('/bin', 'file now');
    expect(fs.readText('/bin')).toBe('file now');
  });

  test('renaming a lower directory copies it up (what mv does after EXDEV)', () => {
    const fs = new OverlayFs(image());
    fs.writeFile('/etc/apt/sources.list.d/extra.list', 'upper\n');
    fs.rename('/etc', '/etc.bak');
    expect(fs.exists('/etc')).toBe(false);
    expect(fs.readText('/etc.bak/passwd')).toContain('root');
    expect(fs.readdir('/etc.bak/apt/sources.list.d').map((e) => e.name)).toEqual(['extra.list', 'python.list']);
    fs.mkdir('/etc');
    expect(fs.readdir('/etc')).toEqual([]);
    fs.rename('/etc.bak', '/etc');
    expect(fs.readText('/etc/os-release')).toContain('bookworm');
    expect(fs.exists('/etc.bak')).toBe(false);
    expect(listing(fs, '/', { content: true })).toEqual(listing(new MemoryFs({ state: fs.flatten() }), '/', { content: true }));
  });

  test('renaming onto a lower name and moving upper-only directories', () => {
    const fs = new OverlayFs(image());
    fs.mkdir('/work');
    fs.writeFile('/work/a', 'a');
    fs.rename('/work', '/root2');
    expect(fs.readText('/root2/a')).toBe('a');
    fs.writeFile('/passwd.new', 'new');
    fs.rename('/passwd.new', '/etc/passwd');
    expect(fs.readText('/etc/passwd')).toBe('new');
    fs.mkdir('/empty');
    fs.rename('/empty', '/root');
    expect(fs.readdir('/root')).toEqual([]);
    expect(fsck(fs.upper, { allowWhiteouts: true })).toEqual([]);
  });

  test('hard links through the overlay', () => {
    const fs = new OverlayFs(image());
    fs.link('/etc/passwd', '/etc/passwd.link');
    expect(fs.stat('/etc/passwd.link').ino).toBe(fs.stat('/etc/passwd').ino);
    expect(fs.stat('/etc/passwd').nlink).toBe(2);
  });

  test('two containers from one image do not see each other', () => {
    const layers = image();
    const a = new OverlayFs(layers);
    const b = new OverlayFs(layers);
    a.writeFile('/etc/hostname', 'a');
    a.unlink('/etc/passwd');
    expect(b.exists('/etc/hostname')).toBe(false);
    expect(b.readText('/etc/passwd')).toContain('root');
  });

  test('permissions apply as in any filesystem', () => {
    const fs = new OverlayFs(image());
    const nobody = fs.as({ uid: 65534, gid: 65534 });
    expect(code(() => nobody.writeFile('/etc/passwd', 'x'))).toBe('EACCES');
    expect(code(() => nobody.readdir('/root'))).toBe('EACCES');
    nobody.writeFile('/tmp/ok', 'x');
    expect(fs.stat('/tmp/ok').uid).toBe(65534);
    const ro = new OverlayFs(image(), { readOnly: true });
    expect(code(() => ro.writeFile('/tmp/x', ''))).toBe('EROFS');
    expect(ro.readText('/etc/passwd')).toContain('root');
  });
});

describe('diff, commit, flatten', () => {
  test('docker diff: A, C, D and the bytes the layer adds', () => {
    const fs = new OverlayFs(image());
    fs.writeFile('/etc/passwd', 'root:x:0:0::/root:/bin/sh\n');
    fs.unlink('/etc/os-release');
    fs.mkdir('/app/src', { recursive: true });
    fs.writeFile('/app/src/main.py', 'print("hi")\n');
    fs.writeSynthetic('/app/model.safetensors', 2 * GiB);
    const d = fs.diff();
    expect(d.changes).toEqual([
      { kind: 'A', path: '/app' },
      { kind: 'A', path: '/app/model.safetensors' },
      { kind: 'A', path: '/app/src' },
      { kind: 'A', path: '/app/src/main.py' },
      { kind: 'C', path: '/etc' },
      { kind: 'D', path: '/etc/os-release' },
      { kind: 'C', path: '/etc/passwd' },
    ]);
    expect(d.size).toBe(2 * GiB + 'root:x:0:0::/root:/bin/sh\n'.length + 'print("hi")\n'.length);
  });

  test('opaque directories report the lower entries they hide', () => {
    const [base] = image();
    const layer = layerFromEntries([{ path: '/etc/', ...opaque() }, { path: '/etc/only', type: 'file', content: '' }]);
    expect(layerChanges([base!], layer).changes).toEqual([
      { kind: 'C', path: '/etc' },
      { kind: 'D', path: '/etc/apt' },
      { kind: 'A', path: '/etc/only' },
      { kind: 'D', path: '/etc/os-release' },
      { kind: 'D', path: '/etc/passwd' },
    ]);
    expect(layerChanges([], layer).changes.map((c) => c.kind)).toEqual(['A', 'A']);
  });

  test('commit: the upper becomes a lower; a fresh upper starts empty', () => {
    const fs = new OverlayFs(image());
    fs.writeFile('/step1', 'one');
    const state = fs.state;
    const l1 = fs.commit();
    expect(fs.state).toBe(state);
    expect(fs.lowers).toHaveLength(3);
    expect(fs.lowers[2]).toBe(l1);
    expect(fs.diff()).toEqual({ changes: [], size: 0 });
    expect(fs.readText('/step1')).toBe('one');
    fs.unlink('/step1');
    expect(fs.diff().changes).toEqual([{ kind: 'D', path: '/step1' }]);
    expect(layerSize(l1)).toBe(3);
    const next = new OverlayFs(fs.lowers);
    expect(next.readText('/step1')).toBe('one');
  });

  test('flatten equals what the overlay shows', () => {
    const fs = new OverlayFs(image());
    fs.writeFile('/etc/passwd', 'x');
    fs.unlink('/bin');
    fs.mkdir('/bin');
    fs.writeFile('/bin/sh', 'sh');
    const flat = new MemoryFs({ state: fs.flatten() });
    expect(fsck(flat.state)).toEqual([]);
    expect(listing(flat, '/', { content: true })).toEqual(listing(fs, '/', { content: true }));
  });

  test('layerFromDiff turns one tree into another', () => {
    const before = new MemoryFs({ state: buildTree({ '/a/b/c': 'c', '/a/keep': 'k', '/gone/x': 'x', '/f': 'f', '/s': symlink('f') }) });
    const after = MemoryFs.fromSnapshot(before.snapshot());
    after.writeFile('/a/b/c', 'C');
    after.mkdir('/new');
    after.writeFile('/new/n', 'n');
    after.unlink('/gone/x');
    after.rmdir('/gone');
    after.unlink('/f');
    after.mkdir('/f');
    after.unlink('/s');
    after.symlink('a', '/s');
    after.link('/a/keep', '/a/keep2');
    const layer = layerFromDiff(before.state, after.state);
    expect(fsck(layer, { allowWhiteouts: true })).toEqual([]);
    const d = layerChanges([before.state], layer);
    expect(d.changes).toEqual([
      { kind: 'C', path: '/a' },
      { kind: 'C', path: '/a/b' },
      { kind: 'C', path: '/a/b/c' },
      { kind: 'C', path: '/a/keep' },
      { kind: 'A', path: '/a/keep2' },
      { kind: 'C', path: '/f' },
      { kind: 'D', path: '/gone' },
      { kind: 'A', path: '/new' },
      { kind: 'A', path: '/new/n' },
      { kind: 'C', path: '/s' },
    ]);
    const rebuilt = new MemoryFs({ state: flattenLayers([before.state, layer]) });
    expect(listing(rebuilt, '/', { content: true })).toEqual(listing(after, '/', { content: true }));
    expect(listing(new OverlayFs([before.state, layer]), '/', { content: true })).toEqual(listing(after, '/', { content: true }));
    expect(Object.keys(layerFromDiff(after.state, after.state).nodes)).toHaveLength(1);
  });

  test('applyLayer onto a plain tree; whiteouts for missing names are harmless', () => {
    const tree = buildTree({ '/x': 'x' });
    applyLayer(tree, layerFromEntries([{ path: '/nope', ...whiteout() }, { path: '/y', type: 'file', content: 'y' }]));
    expect(new MemoryFs({ state: tree }).readdir('/').map((e) => e.name)).toEqual(['x', 'y']);
    expect(fsck(tree)).toEqual([]);
  });
});

describe('state', () => {
  test('snapshot and restore', () => {
    const fs = new OverlayFs(image());
    fs.writeFile('/a', 'a');
    const snap = fs.snapshot();
    expect(structuredClone(snap)).toEqual(snap);
    const view = fs.as({ uid: 1000, gid: 1000 });
    fs.unlink('/a');
    fs.commit();
    fs.restore(snap);
    expect(view.readText('/a')).toBe('a');
    expect(fs.lowers).toHaveLength(2);
    const copy = OverlayFs.fromSnapshot(snap);
    copy.unlink('/a');
    expect(fs.exists('/a')).toBe(true);
  });

  test('an overlay with no lowers is an ordinary filesystem', () => {
    const fs = new OverlayFs([]);
    fs.mkdir('/d');
    fs.writeFile('/d/f', 'x');
    fs.rename('/d', '/e');
    expect(fs.readText('/e/f')).toBe('x');
    expect(fs.diff().changes).toEqual([
      { kind: 'A', path: '/e' },
      { kind: 'A', path: '/e/f' },
    ]);
  });
});
