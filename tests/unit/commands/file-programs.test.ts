import { describe, expect, it } from 'vitest';
import { laptop, run, type Laptop } from './harness';

const HOME = '/home/student';

/** Runs commands in order (as a transcript would) and returns the merged output of each. */
async function session(lap: Laptop, commands: string[][]): Promise<string[]> {
  const outputs: string[] = [];
  for (const argv of commands) {
    const result = await run(lap, argv);
    outputs.push(result.output + (result.status !== 0 ? `[exit ${result.status}]\n` : ''));
  }
  return outputs;
}

// Expected outputs are the real coreutils 9.1 (recorded with record.sh as user student).
describe('mkdir, rmdir, rm', () => {
  it('creates and reports like mkdir', async () => {
    const out = await session(laptop(), [
      ['mkdir', 'd', 'e'],
      ['mkdir', 'd'],
      ['mkdir', '-p', 'd'],
      ['mkdir', '-v', 'n1', 'n2/n3'],
      ['mkdir', '-pv', 'a/b/c'],
      ['mkdir', 'a/b/c/'],
      ['mkdir', ''],
      ['mkdir'],
    ]);
    expect(out).toEqual([
      '',
      'mkdir: cannot create directory ‘d’: File exists\n[exit 1]\n',
      '',
      "mkdir: created directory 'n1'\nmkdir: cannot create directory ‘n2/n3’: No such file or directory\n[exit 1]\n",
      "mkdir: created directory 'a'\nmkdir: created directory 'a/b'\nmkdir: created directory 'a/b/c'\n",
      'mkdir: cannot create directory ‘a/b/c/’: File exists\n[exit 1]\n',
      'mkdir: cannot create directory ‘’: No such file or directory\n[exit 1]\n',
      "mkdir: missing operand\nTry 'mkdir --help' for more information.\n[exit 1]\n",
    ]);
  });

  it('names the failing component with -p', async () => {
    const lap = laptop();
    lap.fs.writeFile(`${HOME}/f`, '');
    expect(await session(lap, [['mkdir', '-p', 'f/x'], ['mkdir', '-p', 'f'], ['mkdir', '-m', '700', 'm']])).toEqual([
      'mkdir: cannot create directory ‘f’: Not a directory\n[exit 1]\n',
      'mkdir: cannot create directory ‘f’: File exists\n[exit 1]\n',
      '',
    ]);
    expect(lap.fs.stat(`${HOME}/m`).mode & 0o777).toBe(0o700);
  });

  it('removes like rm and rmdir', async () => {
    const lap = laptop();
    const out = await session(lap, [
      ['mkdir', '-p', 'd', 'a/b/c', 'x/y'],
      ['touch', 'f', 'x/y/z'],
      ['rm', 'nope'],
      ['rm', '-f', 'nope'],
      ['rm', 'd'],
      ['rm', ''],
      ['rm', '-v', 'f'],
      ['rm', '-r', '-v', 'd'],
      ['rmdir', 'a'],
      ['rmdir', 'nope'],
      ['rmdir', '-p', 'a/b/c'],
      ['rmdir', '-p', 'x/y'],
      ['rm', '-r', '.'],
      ['rm', '-rf', '/'],
      ['rm'],
      ['rm', '-f'],
    ]);
    expect(out.slice(2)).toEqual([
      "rm: cannot remove 'nope': No such file or directory\n[exit 1]\n",
      '',
      "rm: cannot remove 'd': Is a directory\n[exit 1]\n",
      "rm: cannot remove '': No such file or directory\n[exit 1]\n",
      "removed 'f'\n",
      "removed directory 'd'\n",
      "rmdir: failed to remove 'a': Directory not empty\n[exit 1]\n",
      "rmdir: failed to remove 'nope': No such file or directory\n[exit 1]\n",
      '',
      "rmdir: failed to remove 'x/y': Directory not empty\n[exit 1]\n",
      "rm: refusing to remove '.' or '..' directory: skipping '.'\n[exit 1]\n",
      "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n[exit 1]\n",
      "rm: missing operand\nTry 'rm --help' for more information.\n[exit 1]\n",
      '',
    ]);
    expect(lap.fs.exists(`${HOME}/a`)).toBe(false);
  });

  it('hints at ./-name when an option is a file', async () => {
    const lap = laptop();
    lap.fs.writeFile(`${HOME}/-a`, '');
    expect((await run(lap, ['rm', '-a'])).stderr).toBe("rm: invalid option -- 'a'\nTry 'rm ./-a' to remove the file '-a'.\nTry 'rm --help' for more information.\n");
  });
});

describe('cp and mv', () => {
  function project(): Laptop {
    const lap = laptop();
    lap.fs.mkdir(`${HOME}/src/sub`, { recursive: true });
    lap.fs.mkdir(`${HOME}/dest`);
    lap.fs.writeFile(`${HOME}/src/a.txt`, 'a\n');
    lap.fs.writeFile(`${HOME}/src/sub/b.txt`, 'b\n');
    return lap;
  }

  it('copies trees into an existing directory, in creation (inode) order with -v', async () => {
    const lap = project();
    expect((await run(lap, ['cp', '-rv', 'src', 'dest'])).stdout).toBe(
      "'src' -> 'dest/src'\n'src/sub' -> 'dest/src/sub'\n'src/sub/b.txt' -> 'dest/src/sub/b.txt'\n'src/a.txt' -> 'dest/src/a.txt'\n",
    );
    await run(lap, ['cp', '-r', 'src', 'dest2']);
    expect(lap.fs.readdir(`${HOME}/dest2`).map((e) => e.name)).toEqual(['a.txt', 'sub']);
  });

  it('reports like cp', async () => {
    const lap = project();
    lap.fs.writeFile(`${HOME}/f`, '');
    expect(
      await session(lap, [
        ['cp'],
        ['cp', 'f'],
        ['cp', 'nope', 'g'],
        ['cp', 'src', 'g'],
        ['cp', 'f', 'f'],
        ['cp', 'f', 'nope/x'],
        ['cp', 'f', 'src/a.txt', 'nodir'],
        ['cp', '-r', 'src', 'src/sub'],
      ]),
    ).toEqual([
      "cp: missing file operand\nTry 'cp --help' for more information.\n[exit 1]\n",
      "cp: missing destination file operand after 'f'\nTry 'cp --help' for more information.\n[exit 1]\n",
      "cp: cannot stat 'nope': No such file or directory\n[exit 1]\n",
      "cp: -r not specified; omitting directory 'src'\n[exit 1]\n",
      "cp: 'f' and 'f' are the same file\n[exit 1]\n",
      "cp: cannot create regular file 'nope/x': No such file or directory\n[exit 1]\n",
      "cp: target 'nodir': No such file or directory\n[exit 1]\n",
      "cp: cannot copy a directory, 'src', into itself, 'src/sub/src'\n[exit 1]\n",
    ]);
  });

  it('moves and reports like mv', async () => {
    const lap = project();
    lap.fs.writeFile(`${HOME}/f`, '');
    expect(
      await session(lap, [
        ['mv', 'f', 'dest'],
        ['mv', '-v', 'dest/f', '.'],
        ['mv', 'f', 'f'],
        ['mv', 'nope', 'x'],
        ['mv', 'src', 'src/sub'],
        ['mkdir', 'dd'],
        ['mv', 'dd', 'f'],
      ]),
    ).toEqual([
      '',
      "renamed 'dest/f' -> './f'\n",
      "mv: 'f' and 'f' are the same file\n[exit 1]\n",
      "mv: cannot stat 'nope': No such file or directory\n[exit 1]\n",
      "mv: cannot move 'src' to a subdirectory of itself, 'src/sub/src'\n[exit 1]\n",
      '',
      "mv: cannot overwrite non-directory 'f' with directory 'dd'\n[exit 1]\n",
    ]);
  });
});

describe('ln, chmod, touch', () => {
  it('links like ln', async () => {
    const lap = laptop();
    lap.fs.writeFile(`${HOME}/f`, '');
    lap.fs.mkdir(`${HOME}/e`);
    expect(
      await session(lap, [
        ['ln', '-s', 'f', 'lnk'],
        ['ln', '-s', 'f', 'lnk'],
        ['ln', '-sv', 'f', 'lnk2'],
        ['ln', 'e', 'e2'],
        ['ln', 'nope', 'x'],
        ['ln', '-s', 'f'],
        ['ln', '-s', 'a', 'b', 'c'],
      ]),
    ).toEqual([
      '',
      "ln: failed to create symbolic link 'lnk': File exists\n[exit 1]\n",
      "'lnk2' -> 'f'\n",
      'ln: e: hard link not allowed for directory\n[exit 1]\n',
      "ln: failed to access 'nope': No such file or directory\n[exit 1]\n",
      "ln: failed to create symbolic link './f': File exists\n[exit 1]\n",
      "ln: target 'c': No such file or directory\n[exit 1]\n",
    ]);
    expect(lap.fs.readlink(`${HOME}/lnk`)).toBe('f');
  });

  it('changes modes like chmod', async () => {
    const lap = laptop();
    lap.fs.writeFile(`${HOME}/f`, '');
    expect(
      await session(lap, [
        ['chmod', 'u+x', 'f'],
        ['chmod', '+x', 'f'],
        ['chmod', '-v', '600', 'f'],
        ['chmod', '999', 'f'],
        ['chmod', 'a-z', 'f'],
        ['chmod', '755'],
        ['chmod', '644', 'nope'],
        ['chmod', '-w', 'f'],
      ]),
    ).toEqual([
      '',
      '',
      "mode of 'f' changed from 0755 (rwxr-xr-x) to 0600 (rw-------)\n",
      "chmod: invalid mode: ‘999’\nTry 'chmod --help' for more information.\n[exit 1]\n",
      "chmod: invalid mode: ‘a-z’\nTry 'chmod --help' for more information.\n[exit 1]\n",
      "chmod: missing operand after ‘755’\nTry 'chmod --help' for more information.\n[exit 1]\n",
      "chmod: cannot access 'nope': No such file or directory\n[exit 1]\n",
      '',
    ]);
    expect(lap.fs.stat(`${HOME}/f`).mode & 0o777).toBe(0o400);
  });

  it('touches like touch', async () => {
    const lap = laptop();
    expect(await session(lap, [['touch'], ['touch', 'nope/x'], ['touch', '-c', 'ghost'], ['touch', '-d', 'bogus', 'x'], ['touch', '-d', '2025-01-02 03:04', 'old']])).toEqual([
      "touch: missing file operand\nTry 'touch --help' for more information.\n[exit 1]\n",
      "touch: cannot touch 'nope/x': No such file or directory\n[exit 1]\n",
      '',
      'touch: invalid date format ‘bogus’\n[exit 1]\n',
      '',
    ]);
    expect(lap.fs.exists(`${HOME}/ghost`)).toBe(false);
    expect(lap.fs.stat(`${HOME}/old`).mtime).toBe(Date.UTC(2025, 0, 2, 3, 4));
  });
});
