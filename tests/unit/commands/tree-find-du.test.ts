import { describe, expect, it } from 'vitest';
import { laptop, run, type Laptop } from './harness';

const HOME = '/home/student';

/** d/a.txt ("hi"), d/empty/, d/link -> a.txt, d/sub/b.py (5000 bytes): as in the real runs. */
function fixture(): Laptop {
  const lap = laptop();
  lap.fs.mkdir(`${HOME}/d/sub`, { recursive: true });
  lap.fs.mkdir(`${HOME}/d/empty`);
  lap.fs.writeFile(`${HOME}/d/a.txt`, 'hi\n');
  lap.fs.writeFile(`${HOME}/d/sub/b.py`, new Uint8Array(5000));
  lap.fs.symlink('a.txt', `${HOME}/d/link`);
  return lap;
}

// tree 2.1.0 (Debian 12) on the same directory.
describe('tree', () => {
  const NBSP = '\u00a0';
  it.each([
    [['d'], `d\n├── a.txt\n├── empty\n├── link -> a.txt\n└── sub\n    └── b.py\n\n3 directories, 3 files\n`],
    [['-L', '1', 'd'], `d\n├── a.txt\n├── empty\n├── link -> a.txt\n└── sub\n\n3 directories, 2 files\n`],
    [['-d', 'd'], `d\n├── empty\n└── sub\n\n3 directories\n`],
    [['-F', 'd'], `d/\n├── a.txt\n├── empty/\n├── link -> a.txt\n└── sub/\n    └── b.py\n\n3 directories, 3 files\n`],
    [['--noreport', 'd'], `d\n├── a.txt\n├── empty\n├── link -> a.txt\n└── sub\n    └── b.py\n`],
    [['-I', 'sub', 'd'], `d\n├── a.txt\n├── empty\n└── link -> a.txt\n\n2 directories, 2 files\n`],
    [[], `.\n└── d\n    ├── a.txt\n    ├── empty\n    ├── link -> a.txt\n    └── sub\n        └── b.py\n\n4 directories, 3 files\n`],
  ])('tree %j', async (args, output) => {
    expect((await run(fixture(), ['tree', ...args])).stdout).toBe(output);
  });
  it('draws the vertical line with no-break spaces', async () => {
    const lap = fixture();
    lap.fs.writeFile(`${HOME}/d/sub/c.py`, '');
    lap.fs.writeFile(`${HOME}/d/z`, '');
    expect((await run(lap, ['tree', 'd'])).stdout).toContain(`│${NBSP}${NBSP} ├── b.py\n`);
  });
  it('reports a missing directory', async () => {
    const result = await run(fixture(), ['tree', 'nope']);
    expect(result.stdout).toBe('nope  [error opening dir]\n\n0 directories, 0 files\n');
    expect(result.status).toBe(2);
    expect((await run(fixture(), ['tree', '-L', '0'])).stderr).toBe('tree: Invalid level, must be greater than 0.\n');
  });
});

// findutils 4.9 (names in order: the simulated fs lists directories sorted).
describe('find', () => {
  it.each([
    [['d', '-name', '*.py'], 'd/sub/b.py\n'],
    [['d', '-type', 'f', '-name', '*.txt'], 'd/a.txt\n'],
    [['d', '-iname', '*.TXT'], 'd/a.txt\n'],
    [['d', '-mindepth', '1', '-type', 'd'], 'd/empty\nd/sub\n'],
    [['-name', 'a.txt'], './d/a.txt\n'],
    [['d/', '-type', 'f'], 'd/a.txt\nd/sub/b.py\n'],
    [['d', '-empty'], 'd/empty\n'],
    [['d', '-path', '*sub*'], 'd/sub\nd/sub/b.py\n'],
    [['d', '!', '-type', 'd'], 'd/a.txt\nd/link\nd/sub/b.py\n'],
    [['d', '(', '-name', 'a.txt', '-o', '-name', 'b.py', ')'], 'd/a.txt\nd/sub/b.py\n'],
    [['d', '-maxdepth', '1', '-type', 'l'], 'd/link\n'],
    [['d', '-name', 'b.py', '-printf', '%f|%p|%d|%y\\n'], 'b.py|d/sub/b.py|2|f\n'],
    [['d', '-size', '+4k'], 'd/sub/b.py\n'],
    [['d', '-type', 'd', '-name', 'sub', '-prune', '-o', '-type', 'f', '-print'], 'd/a.txt\n'],
  ])('find %j', async (args, output) => {
    expect((await run(fixture(), ['find', ...args])).output).toBe(output);
  });
  it.each([
    [['nope'], 'find: ‘nope’: No such file or directory\n'],
    [['d', '-type', 'x'], 'find: Unknown argument to -type: x\n'],
    [['d', '-maxdepth'], "find: missing argument to `-maxdepth'\n"],
    [['d', '-maxdepth', 'x'], 'find: Expected a positive decimal integer argument to -maxdepth, but got ‘x’\n'],
    [['d', '-foo'], "find: unknown predicate `-foo'\n"],
    [['d', '-name', 'a', '-o'], "find: expected an expression after '-o'\n"],
    [['d', '(', '-name', 'a'], "find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n"],
    [['d', '-name', 'a', ')'], "find: you have too many ')'\n"],
    [['d', '-exec', 'echo', '{}'], "find: missing argument to `-exec'\n"],
    [['d', '-user', 'nobodyx'], 'find: ‘nobodyx’ is not the name of a known user\n'],
  ])('find %j fails', async (args, message) => {
    const result = await run(fixture(), ['find', ...args]);
    expect(result.output).toBe(message);
    expect(result.status).toBe(1);
  });
  it('runs commands with -exec', async () => {
    expect((await run(fixture(), ['find', 'd', '-name', '*.txt', '-exec', 'cat', '{}', ';'])).stdout).toBe('hi\n');
    expect((await run(fixture(), ['find', 'd', '-type', 'f', '-exec', 'echo', '{}', '+'])).stdout).toBe('d/a.txt d/sub/b.py\n');
  });
});

// coreutils du on ext4 (4 KiB blocks).
describe('du', () => {
  it.each([
    [['-s', 'd'], '24\td\n'],
    [['-sh', 'd'], '24K\td\n'],
    [['d'], '4\td/empty\n12\td/sub\n24\td\n'],
    [['-h', 'd'], '4.0K\td/empty\n12K\td/sub\n24K\td\n'],
    [['-sh', 'd/a.txt'], '4.0K\td/a.txt\n'],
    [['-d', '0', 'd'], '24\td\n'],
    [['-c', 'd', 'd'], '4\td/empty\n12\td/sub\n24\td\n24\ttotal\n'],
  ])('du %j', async (args, output) => {
    expect((await run(fixture(), ['du', ...args])).stdout).toBe(output);
  });
  it('reports a missing file', async () => {
    const result = await run(fixture(), ['du', '-s', 'nope']);
    expect(result.stderr).toBe("du: cannot access 'nope': No such file or directory\n");
    expect(result.status).toBe(1);
  });
});

// diffutils 3.8.
describe('diff', () => {
  function pair(): Laptop {
    const lap = laptop();
    lap.fs.writeFile(`${HOME}/x`, 'a\nb\nc\n');
    lap.fs.writeFile(`${HOME}/y`, 'a\nB\nc\nd\n');
    lap.fs.writeFile(`${HOME}/nn`, 'a\nb');
    lap.fs.writeFile(`${HOME}/mm`, 'a\nc');
    lap.fs.mkdir(`${HOME}/r1/s`, { recursive: true });
    lap.fs.mkdir(`${HOME}/r2/s`, { recursive: true });
    lap.fs.writeFile(`${HOME}/r1/f`, '1\n');
    lap.fs.writeFile(`${HOME}/r2/f`, '2\n');
    lap.fs.writeFile(`${HOME}/r1/only1`, 'x\n');
    lap.fs.writeFile(`${HOME}/r2/s/only2`, 'y\n');
    return lap;
  }
  it.each([
    [['x', 'x'], '', 0],
    [['x', 'y'], '2c2\n< b\n---\n> B\n3a4\n> d\n', 1],
    [['-q', 'x', 'y'], 'Files x and y differ\n', 1],
    [['nn', 'mm'], '2c2\n< b\n\\ No newline at end of file\n---\n> c\n\\ No newline at end of file\n', 1],
    [['-r', 'r1', 'r2'], 'diff -r r1/f r2/f\n1c1\n< 1\n---\n> 2\nOnly in r1: only1\nOnly in r2/s: only2\n', 1],
    [['r1', 'r2'], 'diff r1/f r2/f\n1c1\n< 1\n---\n> 2\nOnly in r1: only1\nCommon subdirectories: r1/s and r2/s\n', 1],
    [['x', 'nope'], 'diff: nope: No such file or directory\n', 2],
    [['x'], "diff: missing operand after 'x'\ndiff: Try 'diff --help' for more information.\n", 2],
  ])('diff %j', async (args, output, status) => {
    const result = await run(pair(), ['diff', ...args]);
    expect(result.output).toBe(output);
    expect(result.status).toBe(status);
  });
  it('prints unified hunks', async () => {
    const lap = laptop();
    lap.fs.writeFile(`${HOME}/s1`, Array.from({ length: 20 }, (_, i) => `${i + 1}\n`).join(''));
    lap.fs.writeFile(`${HOME}/s2`, Array.from({ length: 20 }, (_, i) => (i === 9 ? 'ten\n' : `${i + 1}\n`)).join(''));
    const lines = (await run(lap, ['diff', '-u', 's1', 's2'])).stdout.split('\n');
    expect(lines[0]).toMatch(/^--- s1\t2026-11-26 09:00:00\.000000000 \+0000$/);
    expect(lines.slice(2).join('\n')).toBe('@@ -7,7 +7,7 @@\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n');
  });
});
