import { describe, expect, test } from 'vitest';
import {
  GiB,
  MiB,
  applyEntries,
  big,
  buildFs,
  buildTree,
  dir,
  exe,
  file,
  hardlink,
  opaque,
  specEntries,
  symlink,
  whiteout,
} from '../../../src/engine/fs/builder';
import { fsck, treeBytes } from '../../../src/engine/fs/inspect';
import { MemoryFs } from '../../../src/engine/fs/memory';
import { createTree, lookupPath } from '../../../src/engine/fs/state';

describe('buildTree', () => {
  test('a compact description becomes a tree', () => {
    const fs = buildFs(
      {
        '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
        '/usr/bin/': dir(),
        '/usr/bin/python3': symlink('python3.12'),
        '/usr/bin/python3.12': exe('#!builtin python3\n'),
        '/usr/lib/libtorch_cuda.so': big(700 * MiB),
        '/etc/shadow': file('root:*::::::\n', { mode: 0o640, gid: 42 }),
        '/home/student/': dir({ uid: 1000, gid: 1000, mode: 0o750 }),
        '/var/empty/': null,
        '/bin.bin': new Uint8Array([1, 2]),
      },
      { mtime: 1234 },
    );
    expect(fs.readText('/usr/bin/python3')).toBe('#!builtin python3\n');
    expect(fs.stat('/usr/bin/python3.12').mode).toBe(0o755);
    expect(fs.stat('/etc/os-release')).toMatchObject({ mode: 0o644, uid: 0, gid: 0, mtime: 1234 });
    expect(fs.stat('/etc/shadow')).toMatchObject({ mode: 0o640, gid: 42 });
    expect(fs.stat('/usr/lib/libtorch_cuda.so').size).toBe(700 * MiB);
    expect(fs.stat('/home/student')).toMatchObject({ uid: 1000, gid: 1000, mode: 0o750, kind: 'dir' });
    expect(fs.stat('/var/empty').kind).toBe('dir');
    expect(fs.stat('/usr').mode).toBe(0o755);
    expect([...fs.readFile('/bin.bin')]).toEqual([1, 2]);
    expect(fs.stat('/').mtime).toBe(1234);
    expect(fsck(fs.state)).toEqual([]);
    expect(treeBytes(fs.state)).toBeGreaterThan(700 * MiB);
  });

  test('a directory given after its children still gets its metadata', () => {
    const tree = buildTree({ '/home/student/.bashrc': file('', { uid: 1000 }), '/home/student/': dir({ uid: 1000, mode: 0o700 }) });
    const fs = new MemoryFs({ state: tree });
    expect(fs.stat('/home/student')).toMatchObject({ uid: 1000, mode: 0o700 });
    expect(fs.stat('/home')).toMatchObject({ uid: 0, mode: 0o755 });
  });

  test('defaults for owner apply to implicit directories too', () => {
    const fs = buildFs({ '/a/b/c': 'x' }, { uid: 7, gid: 8 });
    expect(fs.stat('/a')).toMatchObject({ uid: 7, gid: 8 });
    expect(fs.stat('/a/b/c')).toMatchObject({ uid: 7, gid: 8 });
  });

  test('later entries replace earlier ones; hard links share the node', () => {
    const fs = buildFs({
      '/x': 'one',
      '/x ': 'space',
      '/d/f': 'f',
      '/usr/bin/perl5.36': exe('perl'),
      '/usr/bin/perl': hardlink('/usr/bin/perl5.36'),
    });
    applyEntries(fs.state, [{ path: '/x', type: 'file', content: 'two' }, { path: '/d', type: 'file', content: 'no longer a dir' }]);
    expect(fs.readText('/x')).toBe('two');
    expect(fs.readText('/d')).toBe('no longer a dir');
    expect(fs.stat('/usr/bin/perl').ino).toBe(fs.stat('/usr/bin/perl5.36').ino);
    expect(fs.stat('/usr/bin/perl').nlink).toBe(2);
    expect(fsck(fs.state)).toEqual([]);
  });

  test('root metadata, whiteouts and opaque directories for layers', () => {
    const layer = buildTree({ '/': dir({ mode: 0o700 }), '/gone': whiteout(), '/etc/': opaque(), '/etc/x': 'x' });
    expect(layer.nodes[layer.root]).toMatchObject({ mode: 0o700 });
    expect(layer.nodes[lookupPath(layer, '/gone')!]!.kind).toBe('whiteout');
    expect(layer.nodes[lookupPath(layer, '/etc')!]).toMatchObject({ kind: 'dir', opaque: true });
    expect(fsck(layer, { allowWhiteouts: true })).toEqual([]);
  });

  test('big files get a seed from their path unless given one', () => {
    const a = buildTree({ '/w1': big(GiB), '/w2': big(GiB), '/w3': big(GiB, { seed: 5 }) });
    const fs = new MemoryFs({ state: a });
    expect(fs.readContent('/w1').synthetic!.seed).not.toBe(fs.readContent('/w2').synthetic!.seed);
    expect(fs.readContent('/w3').synthetic!.seed).toBe(5);
    const b = new MemoryFs({ state: buildTree({ '/w1': big(GiB) }) });
    expect([...b.read('/w1', 0, 32)]).toEqual([...fs.read('/w1', 0, 32)]);
  });

  test('errors for descriptions that cannot be built', () => {
    expect(() => buildTree({ '/a/../b': 'x' })).toThrow(/\.\./);
    expect(() => buildTree({ '/': 'x' })).toThrow(/directory/);
    expect(() => buildTree({ '/l': hardlink('/missing') })).toThrow(/not found/);
    expect(() => buildTree({ '/d/': dir(), '/l': hardlink('/d') })).toThrow(/hard-link/);
  });

  test('specEntries keeps order and kinds', () => {
    expect(specEntries({ '/a/': null, '/b': 'x', '/c/': 'ignored' }).map((e) => `${e.path}:${e.type}`)).toEqual(['/a/:dir', '/b:file', '/c/:dir']);
    expect(fsck(applyEntries(createTree(), specEntries({ '/q/r/s': 'x' })))).toEqual([]);
  });
});
