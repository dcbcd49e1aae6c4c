import { describe, expect, it } from 'vitest';
import { laptop, runProgram } from './harness';
import { coreutils } from '../../../src/engine/shell/commands';

/** A stdin that records what the program had written when each chunk was asked for. */
function recordingRun(name: string, argv: string[], chunks: string[]) {
  const seen: string[] = [];
  let written = '';
  const lap = laptop();
  const program = coreutils[name]!;
  return runProgram(
    async (ctx) => {
      const stdin = ctx.stdin;
      return program({
        ...ctx,
        stdin: {
          read: async () => {
            seen.push(written);
            return stdin.read();
          },
        },
        stdout: {
          write: (text) => {
            written += text;
            ctx.stdout.write(text);
          },
        },
      });
    },
    lap,
    argv,
    { stdin: chunks },
  ).then((result) => ({ ...result, seen }));
}

describe('filters on a pipe from a running program', () => {
  it('grep prints each match before reading on', async () => {
    const result = await recordingRun('grep', ['grep', 'ERROR'], ['INFO a\nERROR b\n', 'INFO c\n', 'ERROR d\n']);
    expect(result.stdout).toBe('ERROR b\nERROR d\n');
    expect(result.seen).toEqual(['', 'ERROR b\n', 'ERROR b\n', 'ERROR b\nERROR d\n']);
  });
  it('grep -m1 stops reading after the first match', async () => {
    const result = await recordingRun('grep', ['grep', '-m1', 'x'], ['a\nx1\n', 'x2\n', 'x3\n']);
    expect(result.stdout).toBe('x1\n');
    expect(result.stdinReads).toBe(1);
  });
  it('head stops reading once it has its lines', async () => {
    const result = await recordingRun('head', ['head', '-n', '2'], ['1\n', '2\n3\n', '4\n']);
    expect(result.stdout).toBe('1\n2\n');
    expect(result.stdinReads).toBe(2);
  });
  it('head joins a line split across chunks', async () => {
    const result = await recordingRun('head', ['head', '-n', '2'], ['a\nb', 'c\nd\n']);
    expect(result.stdout).toBe('a\nbc\n');
  });
  it('cat and tee pass chunks on as they come', async () => {
    const cat = await recordingRun('cat', ['cat'], ['one\n', 'two\n']);
    expect(cat.seen).toEqual(['', 'one\n', 'one\ntwo\n']);
    const tee = await recordingRun('tee', ['tee'], ['one\n', 'two\n']);
    expect(tee.seen).toEqual(['', 'one\n', 'one\ntwo\n']);
  });
});

describe('big files', () => {
  it('cat writes a large file piece by piece', async () => {
    const lap = laptop();
    lap.root.writeSynthetic('/home/student/model.bin', 200 * 1024);
    const writes: number[] = [];
    const result = await runProgram(
      (ctx) => coreutils.cat!({ ...ctx, stdout: { write: (text) => writes.push(text.length) } }),
      lap,
      ['cat', 'model.bin'],
    );
    expect(result.status).toBe(0);
    expect(writes.length).toBeGreaterThan(2);
  });
  it('wc -c takes a regular file size from stat', async () => {
    const lap = laptop();
    lap.root.writeSynthetic('/home/student/model.bin', 2 * 1024 ** 3);
    expect((await runProgram(coreutils.wc!, lap, ['wc', '-c', 'model.bin'])).stdout).toBe('2147483648 model.bin\n');
  });
});
