import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH } from '../../../src/engine/clock';
import { laptop, run } from './harness';

const HOME = '/home/student';

/** The directory of the real ls -l run (same names, sizes, kinds and ages; times on our clock). */
function sample() {
  const lap = laptop();
  const fs = lap.fs;
  fs.mkdir(`${HOME}/data/sub`, { recursive: true });
  fs.mkdir(`${HOME}/models`);
  fs.writeFile(`${HOME}/notes.txt`, 'hello\n');
  fs.writeFile(`${HOME}/big.bin`, new Uint8Array(5000));
  fs.writeFile(`${HOME}/huge.bin`, new Uint8Array(2_000_000));
  fs.symlink('notes.txt', `${HOME}/link`);
  fs.symlink('nowhere', `${HOME}/dangling`);
  fs.writeFile(`${HOME}/old.txt`, '');
  fs.utimes(`${HOME}/old.txt`, Date.UTC(2025, 0, 2, 3, 4));
  fs.writeFile(`${HOME}/future.txt`, '');
  fs.utimes(`${HOME}/future.txt`, Date.UTC(2027, 0, 1));
  fs.writeFile(`${HOME}/.hidden`, '');
  for (const name of ['notes.txt', 'big.bin', 'huge.bin', 'data', 'models', '.hidden']) fs.utimes(`${HOME}/${name}`, DEFAULT_EPOCH);
  return lap;
}

// Real GNU ls 9.1 output for the same directory (the times of day are the recording's).
describe('ls -l', () => {
  it('prints total, modes, links, owners, sizes, dates and link targets', async () => {
    expect((await run(sample(), ['ls', '-l'])).stdout).toBe(
      [
        'total 1976',
        '-rw-r--r-- 1 student student    5000 Nov 26 09:00 big.bin',
        'lrwxrwxrwx 1 student student       7 Nov 26 09:00 dangling -> nowhere',
        'drwxr-xr-x 3 student student    4096 Nov 26 09:00 data',
        '-rw-r--r-- 1 student student       0 Jan  1  2027 future.txt',
        '-rw-r--r-- 1 student student 2000000 Nov 26 09:00 huge.bin',
        'lrwxrwxrwx 1 student student       9 Nov 26 09:00 link -> notes.txt',
        'drwxr-xr-x 2 student student    4096 Nov 26 09:00 models',
        '-rw-r--r-- 1 student student       6 Nov 26 09:00 notes.txt',
        '-rw-r--r-- 1 student student       0 Jan  2  2025 old.txt',
        '',
      ].join('\n'),
    );
  });

  it('shows human sizes with -h', async () => {
    const lines = (await run(sample(), ['ls', '-lh'])).stdout.split('\n');
    expect(lines[0]).toBe('total 2.0M');
    expect(lines[1]).toBe('-rw-r--r-- 1 student student 4.9K Nov 26 09:00 big.bin');
    expect(lines[3]).toBe('drwxr-xr-x 3 student student 4.0K Nov 26 09:00 data');
    expect(lines[5]).toBe('-rw-r--r-- 1 student student 2.0M Nov 26 09:00 huge.bin');
  });

  it('sorts by size with -S, reversed with -r', async () => {
    const names = (argv: string[]) => run(sample(), argv).then((r) => r.stdout.trim().split('\n'));
    expect(await names(['ls', '-S'])).toEqual(['huge.bin', 'big.bin', 'data', 'models', 'link', 'dangling', 'notes.txt', 'future.txt', 'old.txt']);
    expect(await names(['ls', '-r'])).toEqual(['old.txt', 'notes.txt', 'models', 'link', 'huge.bin', 'future.txt', 'data', 'dangling', 'big.bin']);
    expect(await names(['ls', '-A'])).toEqual(['.hidden', 'big.bin', 'dangling', 'data', 'future.txt', 'huge.bin', 'link', 'models', 'notes.txt', 'old.txt']);
  });

  it('lists files first, then directories under headers', async () => {
    const result = await run(sample(), ['ls', 'data', 'models', 'notes.txt']);
    expect(result.stdout).toBe('notes.txt\n\ndata:\nsub\n\nmodels:\n');
    expect((await run(sample(), ['ls', '-R', 'data'])).stdout).toBe('data:\nsub\n\ndata/sub:\n');
  });

  it('reports inaccessible operands with exit status 2', async () => {
    const result = await run(sample(), ['ls', '-l', 'nope', 'link']);
    expect(result.output).toBe("ls: cannot access 'nope': No such file or directory\nlrwxrwxrwx 1 student student 9 Nov 26 09:00 link -> notes.txt\n");
    expect(result.status).toBe(2);
    const lap = sample();
    lap.root.mkdir('/root', { mode: 0o700 });
    const denied = await run(lap, ['ls', '/root']);
    expect(denied.output).toBe("ls: cannot open directory '/root': Permission denied\n");
    expect(denied.status).toBe(2);
  });

  it('aligns names around quoted ones on a terminal', async () => {
    const lap = sample();
    lap.fs.writeFile(`${HOME}/a b`, '');
    lap.fs.utimes(`${HOME}/a b`, DEFAULT_EPOCH);
    const result = await run(lap, ['ls', '-l', 'a b', 'notes.txt'], { tty: true });
    expect(result.stdout).toBe("-rw-r--r-- 1 student student 0 Nov 26 09:00 'a b'\n-rw-r--r-- 1 student student 6 Nov 26 09:00  notes.txt\n");
    expect((await run(lap, ['ls', '-1', 'a b', 'notes.txt'], { tty: true })).stdout).toBe("'a b'\nnotes.txt\n");
  });

  it('shows allocated blocks with -s', async () => {
    const lap = laptop();
    lap.fs.mkdir(`${HOME}/d/raw`, { recursive: true });
    lap.fs.writeFile(`${HOME}/d/n`, Array.from({ length: 2000 }, (_, i) => `${i + 1}\n`).join(''));
    lap.fs.writeFile(`${HOME}/d/b`, ' '.repeat(5000));
    lap.fs.writeFile(`${HOME}/d/empty`, '');
    expect((await run(lap, ['ls', '-s', 'd'])).stdout).toBe('total 24\n 8 b\n 0 empty\n12 n\n 4 raw\n');
    expect((await run(lap, ['ls', '-sh', 'd'])).stdout).toBe('total 24K\n8.0K b\n   0 empty\n 12K n\n4.0K raw\n');
    expect((await run(lap, ['ls', '-s', 'd'], { tty: true })).stdout).toBe('total 24\n 8 b   0 empty\t12 n   4 raw\n');
  });
});

describe('ls options', () => {
  it.each([
    [['-z'], "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", 2],
    [['--foo'], "ls: unrecognized option '--foo'\nTry 'ls --help' for more information.\n", 2],
    [['-w', ''], 'ls: invalid line width: ‘’\n', 2],
    [
      ['--color=x'],
      "ls: invalid argument ‘x’ for ‘--color’\nValid arguments are:\n  - ‘always’, ‘yes’, ‘force’\n  - ‘never’, ‘no’, ‘none’\n  - ‘auto’, ‘tty’, ‘if-tty’\nTry 'ls --help' for more information.\n",
      1,
    ],
  ])('%j', async (args, message, status) => {
    const result = await run(laptop(), ['ls', ...args]);
    expect(result.stderr).toBe(message);
    expect(result.status).toBe(status);
  });
});
