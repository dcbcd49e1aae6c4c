/** The instruction stage's errors and the excerpt buildx prints with them. */
import { describe, expect, test } from 'vitest';
import { parseDockerfile } from '../../../src/engine/docker/builder/parser';
import { parseInstructions, suggest } from '../../../src/engine/docker/builder/instructions';
import { printSource } from '../../../src/engine/docker/builder/excerpt';
import { goDuration, quoteHealth } from '../../../src/engine/docker/builder/gofmt';

function error(text: string): string {
  try {
    parseInstructions(parseDockerfile(text).ast);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('instruction errors (BuildKit v0.13, lab wording)', () => {
  test.each([
    ['FROM a\nRUNN echo hi\n', 'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)'],
    ['FROM a\nrunn echo hi\n', 'dockerfile parse error on line 2: unknown instruction: runn (did you mean run?)'],
    ['FROM a\nFOO bar\n', 'dockerfile parse error on line 2: unknown instruction: FOO'],
    ['FROM a\nCOPY --from=a --from=b x y\n', 'dockerfile parse error on line 2: duplicate flag specified: from'],
    ['FROM a\nCOPY --chown x y\n', 'dockerfile parse error on line 2: missing a value on flag: chown'],
    ['FROM a\nCOPY --link=maybe x y\n', 'dockerfile parse error on line 2: expecting boolean value for flag link, not: maybe'],
    ['FROM a\nRUN --foo echo\n', 'dockerfile parse error on line 2: unknown flag: foo'],
    ['FROM a\nCOPY --chown=nobody\n', 'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['FROM a AS 1st\n', 'dockerfile parse error on line 1: invalid name for build stage: "1st", name can\'t start with a number or contain symbols'],
    ['FROM\n', 'dockerfile parse error on line 1: FROM requires either one or three arguments'],
    ['FROM a\nCMD --help\n', 'dockerfile parse error on line 2: unknown flag: help'],
    ['FROM a\nWORKDIR\n', 'dockerfile parse error on line 2: WORKDIR requires exactly one argument'],
    ['FROM a\nSHELL /bin/sh -c\n', 'dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form'],
    ['FROM a\nHEALTHCHECK FOO\n', 'dockerfile parse error on line 2: Unknown type "FOO" in HEALTHCHECK (try CMD)'],
    ['FROM a\nONBUILD FROM b\n', "dockerfile parse error on line 2: FROM isn't allowed as an ONBUILD trigger"],
    ['RUN x\n', 'no build stage in current context'],
  ])('%j', (text, message) => {
    expect(error(text)).toBe(message);
  });

  test('suggestions only within a small edit distance', () => {
    expect(suggest('RUNN', ['RUN', 'ENV'], false)).toBe('RUN');
    expect(suggest('COPYY', ['COPY'], false)).toBe('COPY');
    expect(suggest('XYZ', ['RUN', 'ENV'], false)).toBeUndefined();
  });
});

describe('excerpt', () => {
  const text = 'FROM a\nCOPY x y\nRUN z\n';
  test('one line: two lines of context around, the empty line after the last newline counts', () => {
    expect(printSource('Dockerfile', text, [{ startLine: 2, endLine: 2 }])).toBe(
      'Dockerfile:2\n--------------------\n   1 |     FROM a\n   2 | >>> COPY x y\n   3 |     RUN z\n   4 |     \n--------------------\n',
    );
  });
  test('the first line', () => {
    expect(printSource('t.dockerfile', '\n', [{ startLine: 1, endLine: 1 }])).toBe('t.dockerfile:1\n--------------------\n   1 | >>> \n   2 |     \n--------------------\n');
  });
});

describe('Go formatting in history', () => {
  test('durations and HEALTHCHECK', () => {
    expect(goDuration(30e9)).toBe('30s');
    expect(goDuration(90e9)).toBe('1m30s');
    expect(goDuration(3600e9)).toBe('1h0m0s');
    expect(goDuration(1.5e6)).toBe('1.5ms');
    expect(quoteHealth({ test: ['CMD-SHELL', 'echo ok'], interval: 30e9, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 })).toBe(`&{["CMD-SHELL" "echo ok"] "30s" "0s" "0s" "0s" '\\x00'}`);
  });
});
