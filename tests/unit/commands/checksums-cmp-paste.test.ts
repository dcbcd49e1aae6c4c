import { describe, expect, it } from 'vitest';
import { laptop, run, type Laptop } from './harness';

const HOME = '/home/student';

function files(entries: Record<string, string>): Laptop {
  const lap = laptop();
  for (const [name, text] of Object.entries(entries)) {
    if (name.endsWith('/')) lap.fs.mkdir(`${HOME}/${name.slice(0, -1)}`);
    else lap.fs.writeFile(`${HOME}/${name}`, text);
  }
  return lap;
}

const HELLO_SHA256 = '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03';

// Real coreutils 9.1 / diffutils 3.8 outputs.
describe('checksums', () => {
  it('prints digests of files and standard input', async () => {
    const lap = files({ a: 'hello\n', 'd/': '' });
    expect((await run(lap, ['sha256sum', 'a'])).stdout).toBe(`${HELLO_SHA256}  a\n`);
    expect((await run(lap, ['md5sum', 'a'])).stdout).toBe('b1946ac92492d2347c6235b4d2611184  a\n');
    expect((await run(lap, ['sha1sum', 'a'])).stdout).toBe('f572d396fae9206628714fb2ce00f72e94f2258f  a\n');
    expect((await run(lap, ['sha256sum'], { stdin: 'hello\n' })).stdout).toBe(`${HELLO_SHA256}  -\n`);
    const errors = await run(lap, ['sha256sum', 'nope', 'd', 'a']);
    expect(errors.output).toBe(`sha256sum: nope: No such file or directory\nsha256sum: d: Is a directory\n${HELLO_SHA256}  a\n`);
    expect(errors.status).toBe(1);
  });
  it('checks a list of sums', async () => {
    const lap = files({ a: 'hello\n', sums: `${HELLO_SHA256}  a\n`, s4: `${HELLO_SHA256}  nope\n${HELLO_SHA256}  a\n`, s3: 'garbage\n' });
    expect((await run(lap, ['sha256sum', '-c', 'sums'])).output).toBe('a: OK\n');
    expect((await run(lap, ['sha256sum', '-c', 's4'])).output).toBe(
      'sha256sum: nope: No such file or directory\nnope: FAILED open or read\na: OK\nsha256sum: WARNING: 1 listed file could not be read\n',
    );
    expect((await run(lap, ['sha256sum', '-c', 's3'])).output).toBe('sha256sum: s3: no properly formatted checksum lines found\n');
    lap.fs.writeFile(`${HOME}/a`, 'hello\nx\n');
    const failed = await run(lap, ['sha256sum', '-c', 'sums']);
    expect(failed.output).toBe('a: FAILED\nsha256sum: WARNING: 1 computed checksum did NOT match\n');
    expect(failed.status).toBe(1);
    expect((await run(lap, ['sha256sum', '--status', '-c', 'sums'])).output).toBe('');
  });
});

describe('cmp', () => {
  const lap = () => files({ a: 'abc\ndef\n', b: 'abc\ndxf\n', c: 'abc\n', a2: 'abc\ndef\n' });
  it.each([
    [['a', 'b'], 'a b differ: byte 6, line 2\n', 1],
    [['a', 'c'], 'cmp: EOF on c after byte 4, line 1\n', 1],
    [['a', 'nope'], 'cmp: nope: No such file or directory\n', 2],
    [['-s', 'a', 'b'], '', 1],
    [['a'], 'cmp: EOF on - which is empty\n', 1],
    [[], "cmp: missing operand after 'cmp'\ncmp: Try 'cmp --help' for more information.\n", 2],
    [['a', 'a2'], '', 0],
    [['-l', 'a', 'b'], '6 145 170\n', 1],
  ])('cmp %j', async (args, output, status) => {
    const result = await run(lap(), ['cmp', ...args]);
    expect(result.output).toBe(output);
    expect(result.status).toBe(status);
  });
});

describe('paste', () => {
  const lap = () => files({ a: '1\n2\n3\n', b: 'x\ny\n' });
  it.each([
    [['a', 'b'], '1\tx\n2\ty\n3\t\n'],
    [['-d,', 'a', 'b'], '1,x\n2,y\n3,\n'],
    [['-s', 'a'], '1\t2\t3\n'],
    [['-sd+', 'a'], '1+2+3\n'],
    [['-s', '-d', ',;', 'a', 'b'], '1,2;3\nx,y\n'],
  ])('paste %j', async (args, output) => {
    expect((await run(lap(), ['paste', ...args])).stdout).toBe(output);
  });
  it('deals standard input out to each -', async () => {
    expect((await run(laptop(), ['paste', '-', '-'], { stdin: '1\n2\n3\n' })).stdout).toBe('1\t2\n3\t\n');
    expect((await run(laptop(), ['paste', 'nope'])).stderr).toBe('paste: nope: No such file or directory\n');
  });
});
