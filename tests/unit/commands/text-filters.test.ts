import { describe, expect, it } from 'vitest';
import { laptop, run, type Laptop } from './harness';

const HOME = '/home/student';

function withFiles(files: Record<string, string>): Laptop {
  const lap = laptop();
  for (const [name, text] of Object.entries(files)) {
    if (name.endsWith('/')) lap.fs.mkdir(`${HOME}/${name.slice(0, -1)}`, { recursive: true });
    else lap.fs.writeFile(`${HOME}/${name}`, text);
  }
  return lap;
}

const numbers = Array.from({ length: 12 }, (_, i) => `${i + 1}\n`).join('');

// Every expectation below is the real program's output (coreutils 9.1) for the same files.
describe('cat', () => {
  it('numbers lines and reports missing files in order', async () => {
    const lap = withFiles({ l: 'b\na\nc\na\n', 'd/': '' });
    expect((await run(lap, ['cat', '-n', 'l'])).stdout).toBe('     1\tb\n     2\ta\n     3\tc\n     4\ta\n');
    const result = await run(lap, ['cat', 'nope', 'd', 'l']);
    expect(result.output).toBe('cat: nope: No such file or directory\ncat: d: Is a directory\nb\na\nc\na\n');
    expect(result.status).toBe(1);
  });
  it('quotes names that need it', async () => {
    expect((await run(laptop(), ['cat', 'x y', "it's"])).stderr).toBe(`cat: 'x y': No such file or directory\ncat: "it's": No such file or directory\n`);
  });
  it('copies standard input and shows ends with -E', async () => {
    expect((await run(laptop(), ['cat', '-E'], { stdin: 'b\na\n' })).stdout).toBe('b$\na$\n');
  });
});

describe('head and tail', () => {
  const lap = () => withFiles({ n: numbers, l: 'b\na\nc\na\n', nonl: 'x', 'd/': '' });
  it.each([
    [['head', '-3', 'n'], '1\n2\n3\n'],
    [['head', '-n', '-9', 'n'], '1\n2\n3\n'],
    [['head', '-c', '5', 'n'], '1\n2\n3'],
    [['head', '-n', '2', 'n', 'l'], '==> n <==\n1\n2\n\n==> l <==\nb\na\n'],
    [['head', '-q', '-n1', 'n', 'l'], '1\nb\n'],
    [['head', '-v', '-n1', 'n'], '==> n <==\n1\n'],
    [['head', 'nonl', 'nonl'], '==> nonl <==\nx\n==> nonl <==\nx'],
    [['head', '-c', '-20', 'n'], '1\n2\n3\n4'],
    [['tail', '-n', '2', 'n'], '11\n12\n'],
    [['tail', '-n', '+11', 'n'], '11\n12\n'],
    [['tail', '-3', 'n'], '10\n11\n12\n'],
    [['tail', '+11', 'n'], '11\n12\n'],
    [['tail', '-c', '4', 'n'], '\n12\n'],
    [['tail', '-n', '0', 'n'], ''],
  ])('%j', async (argv, output) => {
    expect((await run(lap(), argv)).stdout).toBe(output);
  });
  it('says why a file could not be read', async () => {
    const result = await run(lap(), ['head', 'nope', 'd', 'n']);
    expect(result.output).toBe("head: cannot open 'nope' for reading: No such file or directory\n==> d <==\nhead: error reading 'd': Is a directory\n\n==> n <==\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    expect(result.status).toBe(1);
    expect((await run(lap(), ['head', '-n', '1x', 'n'])).stderr).toBe('head: invalid number of lines: ‘1x’\n');
    expect((await run(lap(), ['tail', '-c', 'x', 'n'])).stderr).toBe('tail: invalid number of bytes: ‘x’\n');
  });
});

describe('wc', () => {
  const lap = () => withFiles({ f: 'one two\nthree\n', g: 'x', big: Array.from({ length: 1000 }, (_, i) => `${i + 1}\n`).join(''), 'd/': '' });
  it.each([
    [['wc', '-l', 'f'], '2 f\n'],
    [['wc', 'f'], ' 2  3 14 f\n'],
    [['wc', 'f', 'g'], ' 2  3 14 f\n 0  1  1 g\n 2  4 15 total\n'],
    [['wc', '-l', 'big', 'f'], '1000 big\n   2 f\n1002 total\n'],
    [['wc', 'f', 'nope'], ' 2  3 14 f\nwc: nope: No such file or directory\n 2  3 14 total\n'],
    [['wc', 'd', 'f'], 'wc: d: Is a directory\n      0       0       0 d\n      2       3      14 f\n      2       3      14 total\n'],
  ])('%j', async (argv, output) => {
    expect((await run(lap(), argv)).output).toBe(output);
  });
  it('pads to 7 for a pipe unless one count is asked', async () => {
    expect((await run(laptop(), ['wc'], { stdin: 'hi\n' })).stdout).toBe('      1       1       3\n');
    expect((await run(laptop(), ['wc', '-l'], { stdin: 'hi\n' })).stdout).toBe('1\n');
    expect((await run(laptop(), ['wc', '-lw'], { stdin: 'hi\n' })).stdout).toBe('      1       1\n');
  });
});

describe('sort and uniq', () => {
  const lap = () => withFiles({ l: 'b\na\nc\na\n', n: numbers });
  it.each([
    [['sort', 'l'], 'a\na\nb\nc\n'],
    [['sort', '-r', 'l'], 'c\nb\na\na\n'],
    [['sort', '-u', 'l'], 'a\nb\nc\n'],
    [['sort', 'n'], '1\n10\n11\n12\n2\n3\n4\n5\n6\n7\n8\n9\n'],
    [['sort', '-n', 'n'], numbers],
    [['uniq', 'l'], 'b\na\nc\na\n'],
  ])('%j', async (argv, output) => {
    expect((await run(lap(), argv)).stdout).toBe(output);
  });
  it.each([
    ['B\na\nC\n', [], 'B\nC\na\n'],
    ['B\na\nC\n', ['-f'], 'a\nB\nC\n'],
    ['1.5\n-2\n10\nabc\n', ['-n'], '-2\nabc\n1.5\n10\n'],
    ['2K\n1M\n3\n', ['-h'], '3\n2K\n1M\n'],
    ['b 1\na 2\n', ['-k2', '-r'], 'a 2\nb 1\n'],
    ['10 b\n9 a\n', ['-k2'], '9 a\n10 b\n'],
    ['x 10\ny 9\n', ['-n', '-k2', '-t', ' '], 'y 9\nx 10\n'],
  ])('sort %j %j', async (input, args, output) => {
    expect((await run(laptop(), ['sort', ...args], { stdin: input })).stdout).toBe(output);
  });
  it('counts with uniq -c', async () => {
    expect((await run(laptop(), ['uniq', '-c'], { stdin: 'a\na\nb\nc\n' })).stdout).toBe('      2 a\n      1 b\n      1 c\n');
    expect((await run(laptop(), ['uniq', '-d'], { stdin: 'a\na\nb\nc\n' })).stdout).toBe('a\n');
    expect((await run(laptop(), ['uniq', '-u'], { stdin: 'a\na\nb\nc\n' })).stdout).toBe('b\nc\n');
  });
  it('reports like the real ones', async () => {
    expect((await run(laptop(), ['sort', 'nope'])).output).toBe('sort: cannot read: nope: No such file or directory\n');
    expect((await run(laptop(), ['sort', '-k', 'x'])).output).toBe('sort: invalid number at field start: invalid count at start of ‘x’\n');
    expect((await run(laptop(), ['uniq', 'a', 'b', 'c'])).output).toBe("uniq: extra operand ‘c’\nTry 'uniq --help' for more information.\n");
  });
});

describe('cut and tr', () => {
  it.each([
    [['cut', '-c2-'], 'abc\n', 'bc\n'],
    [['cut', '-d:', '-f2-'], 'a:b:c\n', 'b:c\n'],
    [['cut', '-d:', '-f-2', '--output-delimiter=,'], 'a:b:c\n', 'a,b\n'],
    [['cut', '-f2'], 'a\tb\n', 'b\n'],
    [['cut', '-s', '-d,', '-f2'], 'b\na\n', ''],
    [['tr', 'a-z', 'A-Z'], 'b\na\n', 'B\nA\n'],
    [['tr', '-d', 'a'], 'b\na\nc\n', 'b\n\nc\n'],
    [['tr', '-cd', 'a'], 'b\na\nc\na\n', 'aa'],
    [['tr', '-s', 'a-c'], 'aabbcc\n', 'abc\n'],
    [['tr', '-c', 'a-z\\n', '_'], 'hello\n', 'hello\n'],
    [['tr', '[:alpha:]', 'A-Z'], 'hi\n', 'ZZ\n'],
    [['tr', 'a', '\\n'], 'abc\n', '\nbc\n'],
  ])('%j on %j', async (argv, input, output) => {
    expect((await run(laptop(), argv, { stdin: input })).stdout).toBe(output);
  });
  it.each([
    [['cut'], 'cut: you must specify a list of bytes, characters, or fields\n'],
    [['cut', '-f', '0'], 'cut: fields are numbered from 1\n'],
    [['cut', '-f', '2-1'], 'cut: invalid decreasing range\n'],
    [['cut', '-f', 'x'], 'cut: invalid field value ‘x’\n'],
    [['cut', '-d', 'ab', '-f1'], 'cut: the delimiter must be a single character\n'],
    [['cut', '-f1', '-c1'], 'cut: only one list may be specified\n'],
    [['tr', 'a'], 'tr: missing operand after ‘a’\nTwo strings must be given when translating.\n'],
    [['tr', 'a', 'b', 'c'], 'tr: extra operand ‘c’\n'],
  ])('%j fails as the real one', async (argv, message) => {
    const result = await run(laptop(), argv, { stdin: '' });
    expect(result.stderr).toBe(`${message}Try '${argv[0]} --help' for more information.\n`);
    expect(result.status).toBe(1);
  });
  it('tells about a reversed range', async () => {
    expect((await run(laptop(), ['tr', 'z-a', 'x'], { stdin: '' })).stderr).toBe("tr: range-endpoints of 'z-a' are in reverse collating sequence order\n");
  });
});

describe('tee', () => {
  it('writes standard input to the files and standard output', async () => {
    const lap = withFiles({ 'd/': '' });
    const result = await run(lap, ['tee', 'out', 'd/', 'nope/x'], { stdin: 'x\n' });
    expect(result.output).toBe('tee: d/: Is a directory\ntee: nope/x: No such file or directory\nx\n');
    expect(lap.fs.readText(`${HOME}/out`)).toBe('x\n');
    expect(result.status).toBe(1);
  });
});
