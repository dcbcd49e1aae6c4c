import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DockerfileParseError,
  dumpAst,
  instructionSource,
  parseDockerfile,
} from '../../../src/engine/docker/builder/parser';
import type { ParseResult } from '../../../src/engine/docker/builder/parser';

const repoRoot = path.resolve(__dirname, '../../..');
const corpus = path.resolve(repoRoot, '../shared/fidelity/buildkit-parser');
if (!existsSync(path.join(corpus, 'README.md'))) {
  throw new Error(
    `BuildKit parser corpus not found at ${corpus} (expected the shared/ folder beside the repo root ${repoRoot})`,
  );
}

const positive = readdirSync(corpus, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(corpus, e.name, 'result')))
  .map((e) => e.name)
  .sort();
const negativeDir = path.join(corpus, 'testfiles-negative');
const negative = readdirSync(negativeDir).sort();

function read(...parts: string[]): string {
  return readFileSync(path.join(corpus, ...parts), 'utf8');
}

function parseError(text: string): DockerfileParseError {
  try {
    parseDockerfile(text);
  } catch (err) {
    expect(err).toBeInstanceOf(DockerfileParseError);
    return err as DockerfileParseError;
  }
  throw new Error(`expected a parse error for ${JSON.stringify(text)}`);
}

describe('BuildKit parser corpus', () => {
  test('has the expected cases', () => {
    expect(positive.length).toBe(33);
    expect(negative).toEqual(['empty_dockerfile', 'env_no_value', 'only_comments', 'shykes-nested-json']);
  });

  test.each(positive)('%s: dump equals result byte for byte', (name) => {
    const result = parseDockerfile(read(name, 'Dockerfile'));
    expect(dumpAst(result.ast)).toBe(read(name, 'result'));
  });

  test.each(negative)('negative %s throws', (name) => {
    expect(() => parseDockerfile(read('testfiles-negative', name, 'Dockerfile'))).toThrow(DockerfileParseError);
  });

  test('negative cases throw with BuildKit wording', () => {
    const msg = (name: string) => parseError(read('testfiles-negative', name, 'Dockerfile')).message;
    expect(msg('empty_dockerfile')).toBe('file with no instructions');
    expect(msg('only_comments')).toBe('file with no instructions');
    expect(msg('env_no_value')).toBe('ENV must have two arguments');
    expect(msg('shykes-nested-json')).toBe(
      'when using JSON array syntax, arrays must be comprised of strings only',
    );
    expect(parseError(read('testfiles-negative', 'env_no_value', 'Dockerfile')).line).toBe(3);
  });

  test('testfile-line line ranges', () => {
    const { ast } = parseDockerfile(read('testfile-line', 'Dockerfile'));
    expect([ast.startLine, ast.endLine]).toEqual([5, 31]);
    expect(ast.children.map((c) => [c.startLine, c.endLine])).toEqual([
      [5, 5],
      [11, 12],
      [17, 31],
    ]);
  });
});

describe('AST shape', () => {
  test('nodes are plain serialisable data', () => {
    const src = 'FROM alpine AS b\nONBUILD COPY --chown=1:1 . /\nCMD ["a", "b"]\nRUN <<EOF\nhi\nEOF\n';
    const { ast } = parseDockerfile(src);
    expect(JSON.parse(JSON.stringify(ast))).toEqual(ast);
    expect(structuredClone(ast)).toEqual(ast);
    expect(ast.children[1]).toEqual({
      keyword: 'onbuild',
      original: 'ONBUILD COPY --chown=1:1 . /',
      flags: [],
      args: [],
      json: false,
      next: {
        keyword: 'copy',
        original: 'COPY --chown=1:1 . /',
        flags: ['--chown=1:1'],
        args: ['.', '/'],
        json: false,
        next: null,
        startLine: 2,
        endLine: 2,
        heredocs: [],
      },
      startLine: 2,
      endLine: 2,
      heredocs: [],
    });
    expect(ast.children[2]).toMatchObject({ keyword: 'cmd', args: ['a', 'b'], json: true });
  });

  test('keyword is lower-cased, original keeps the joined text', () => {
    const { ast } = parseDockerfile('  rUn echo hello \\\n  world\n');
    expect(ast.children[0]).toMatchObject({
      keyword: 'run',
      original: 'rUn echo hello   world',
      args: ['echo hello   world'],
      startLine: 1,
      endLine: 2,
    });
  });

  test('per-instruction argument rules', () => {
    const { ast } = parseDockerfile(
      [
        'FROM a AS b',
        'ENV a=1 b="2 3"',
        'ENV k some value',
        'ARG x="1 2" y',
        'HEALTHCHECK --interval=5s CMD ["curl", "x"]',
        'USER  me:grp ',
        'VOLUME /a /b',
        'SHELL ["/bin/sh", "-c"]',
        'FOO bar',
      ].join('\n'),
    );
    expect(ast.children.map((c) => [c.keyword, c.flags, c.args, c.json])).toEqual([
      ['from', [], ['a', 'AS', 'b'], false],
      ['env', [], ['a', '1', '=', 'b', '"2 3"', '='], false],
      ['env', [], ['k', 'some value', ''], false],
      ['arg', [], ['x="1 2"', 'y'], false],
      ['healthcheck', ['--interval=5s'], ['CMD', 'curl', 'x'], true],
      ['user', [], ['me:grp'], false],
      ['volume', [], ['/a', '/b'], false],
      ['shell', [], ['/bin/sh', '-c'], true],
      ['foo', [], [''], false],
    ]);
  });
});

describe('errors', () => {
  test('BuildKit messages and lines', () => {
    expect(parseError('')).toMatchObject({ message: 'file with no instructions' });
    expect(parseError('# only\n\n')).toMatchObject({ message: 'file with no instructions' });
    expect(parseError('FROM a\n\nENV PATH\n')).toMatchObject({ message: 'ENV must have two arguments', line: 3 });
    expect(parseError('FROM a\nLABEL x\n')).toMatchObject({ message: 'LABEL must have two arguments', line: 2 });
    expect(parseError('FROM a\nCMD ["a", ["b"]]')).toMatchObject({
      message: 'when using JSON array syntax, arrays must be comprised of strings only',
      line: 2,
    });
    expect(parseError('FROM a\nENV a=b word\n')).toMatchObject({
      message: 'Syntax error - can\'t find = in "word". Must be of the form: name=value',
      line: 2,
    });
    expect(parseError('# escape=`\n# escape=\\\nFROM a\n')).toMatchObject({
      message: 'only one escape parser directive can be used',
      line: 2,
    });
    expect(parseError('# syntax=a\n# SYNTAX=b\nFROM a\n').message).toBe(
      'only one syntax parser directive can be used',
    );
    expect(parseError('# escape=x\nFROM a\n').message).toBe("invalid escape token 'x' does not match ` or \\");
    expect(parseError('FROM a\nRUN <<EOF\nnever ends\n')).toMatchObject({
      message: 'unterminated heredoc',
      line: 2,
      endLine: 3,
    });
  });

  test('lines longer than 65535 bytes', () => {
    const ok = 'FROM a\nRUN ' + 'x'.repeat(65535 - 4) + '\n';
    expect(() => parseDockerfile(ok)).not.toThrow();
    const tooLong = 'FROM a\nRUN ' + 'x'.repeat(65536 - 4) + '\nRUN b\n';
    expect(parseError(tooLong)).toMatchObject({
      message: 'dockerfile line greater than max allowed size of 65535',
      line: 2,
    });
    // Counted in UTF-8 bytes, not characters.
    expect(parseError('FROM a\nRUN ' + '♥'.repeat(21844) + '\n').message).toBe(
      'dockerfile line greater than max allowed size of 65535',
    );
  });

  test('invalid JSON is not an error: the shell form applies', () => {
    const { ast } = parseDockerfile("CMD ['a']\nCMD [\"a\"\nCMD [1e999]\n");
    expect(ast.children.map((c) => [c.args, c.json])).toEqual([
      [["['a']"], false],
      [['["a"'], false],
      [['[1e999]'], false],
    ]);
  });
});

describe('directives, BOM, CRLF, continuations', () => {
  test('syntax, escape and check directives', () => {
    const r = parseDockerfile('# syntax=docker/dockerfile:1\n#  ESCAPE = `\n# check=skip=all\nFROM a `\n  b\n');
    expect(r.directives).toEqual([
      { name: 'syntax', value: 'docker/dockerfile:1', line: 1 },
      { name: 'escape', value: '`', line: 2 },
      { name: 'check', value: 'skip=all', line: 3 },
    ]);
    expect(r.escapeToken).toBe('`');
    expect(r.ast.children[0]).toMatchObject({ args: ['a', 'b'], startLine: 4, endLine: 5 });
  });

  test('directives only count at the top', () => {
    const r = parseDockerfile('# hello\n# escape=`\nFROM a \\\n b\n');
    expect(r.directives).toEqual([]);
    expect(r.escapeToken).toBe('\\');
    expect(r.ast.children[0]?.args).toEqual(['a', 'b']);
    expect(parseDockerfile('# unknown=1\n# escape=`\nFROM a\n').directives).toEqual([]);
  });

  test('BOM and CRLF', () => {
    const r = parseDockerfile('\ufeff# escape=`\r\nFROM a\r\nRUN echo `\r\n  hi\r\n');
    expect(r.escapeToken).toBe('`');
    expect(dumpAst(r.ast)).toBe('(from "a")\n(run "echo   hi")\n');
    expect(r.ast.children[1]).toMatchObject({ startLine: 3, endLine: 4 });
  });

  test('empty continuation lines warn; comments inside a continuation are dropped silently', () => {
    const r = parseDockerfile('FROM a\nRUN a \\\n\n  b \\\n# note\n  c\n');
    expect(r.ast.children[1]).toMatchObject({ args: ['a   b   c'], startLine: 2, endLine: 6 });
    expect(r.warnings).toEqual([
      {
        short: 'Empty continuation line found in: RUN a   b   c',
        detail: ['Empty continuation lines will become errors in a future release'],
        url: 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/',
        startLine: 6,
        endLine: 6,
      },
    ]);
    expect(parseDockerfile('FROM a\nRUN a \\\n# c\n b\n').warnings).toEqual([]);
  });

  test('an escaped escape at the end of a line is literal', () => {
    const { ast } = parseDockerfile('FROM a\nENV C x\\\\\nENV D y\n');
    expect(ast.children.map((c) => c.args)).toEqual([['a'], ['C', 'x\\\\', ''], ['D', 'y', '']]);
  });
});

describe('heredocs', () => {
  test('RUN <<EOF with a body', () => {
    const src = 'FROM a\nRUN <<EOF\necho "$HOME"\n  two\nEOF\nCMD x\n';
    const { ast } = parseDockerfile(src);
    expect(ast.children.map((c) => c.keyword)).toEqual(['from', 'run', 'cmd']);
    expect(ast.children[1]).toMatchObject({
      args: ['<<EOF'],
      startLine: 2,
      endLine: 5,
      heredocs: [{ name: 'EOF', content: 'echo "$HOME"\n  two\n', expand: true, chomp: false }],
    });
    expect(dumpAst(ast)).toBe('(from "a")\n(run "<<EOF")\n(cmd "x")\n');
  });

  test('<<-EOF strips leading tabs, also before the terminator', () => {
    const { ast } = parseDockerfile('FROM a\nRUN <<-EOF\n\techo a\n\t\t\tb\n  c\n\tEOF\n');
    expect(ast.children[1]?.heredocs).toEqual([{ name: 'EOF', content: 'echo a\nb\n  c\n', expand: true, chomp: true }]);
    expect(ast.children[1]?.endLine).toBe(6);
  });

  test('quoted delimiters mean no expansion', () => {
    const { ast } = parseDockerfile("FROM a\nRUN <<'EOF'\n$X\nEOF\nRUN <<\"END\" bash\n$Y\nEND\nRUN <<E'O'F\nz\nEOF\n");
    expect(ast.children.slice(1).map((c) => c.heredocs)).toEqual([
      [{ name: 'EOF', content: '$X\n', expand: false, chomp: false }],
      [{ name: 'END', content: '$Y\n', expand: false, chomp: false }],
      [{ name: 'EOF', content: 'z\n', expand: false, chomp: false }],
    ]);
  });

  test('two heredocs on COPY', () => {
    const { ast } = parseDockerfile('FROM a\nCOPY <<F1 <<F2 /dest/\none\nF1\ntwo\nthree\nF2\nRUN ls\n');
    expect(ast.children[1]).toMatchObject({
      keyword: 'copy',
      args: ['<<F1', '<<F2', '/dest/'],
      startLine: 2,
      endLine: 7,
      heredocs: [
        { name: 'F1', content: 'one\n', expand: true, chomp: false },
        { name: 'F2', content: 'two\nthree\n', expand: true, chomp: false },
      ],
    });
    expect(ast.children[2]).toMatchObject({ keyword: 'run', startLine: 8 });
  });

  test('not heredocs: quoted, glued to a word, JSON form, other instructions', () => {
    const { ast } = parseDockerfile(
      'FROM a\nRUN echo "<<EOF"\nRUN cat<<EOF\nRUN ["cat", "<<EOF"]\nENV a=<<EOF\nRUN echo ok\n',
    );
    expect(ast.children.every((c) => c.heredocs.length === 0)).toBe(true);
    expect(ast.children).toHaveLength(6);
  });

  test('ONBUILD RUN <<EOF reads the body too', () => {
    const { ast } = parseDockerfile('FROM a\nONBUILD RUN <<EOF\nhi\nEOF\n');
    expect(ast.children).toHaveLength(2);
    expect(ast.children[1]?.heredocs).toEqual([{ name: 'EOF', content: 'hi\n', expand: true, chomp: false }]);
  });
});

describe('instructionSource', () => {
  test('gives the source lines of an instruction', () => {
    const src = '\ufeffFROM a\r\n\r\nRUN a \\\r\n  b\r\nCOPY <<F /x\r\nbody\r\nF\r\n';
    const { ast } = parseDockerfile(src);
    expect(instructionSource(src, ast.children[0]!)).toEqual([{ line: 1, text: 'FROM a' }]);
    expect(instructionSource(src, ast.children[1]!)).toEqual([
      { line: 3, text: 'RUN a \\' },
      { line: 4, text: '  b' },
    ]);
    expect(instructionSource(src, ast.children[2]!).map((l) => l.text)).toEqual(['COPY <<F /x', 'body', 'F']);
  });
});

describe('robustness and speed', () => {
  const alphabet = fc.constantFrom(
    'FROM ', 'RUN ', 'CMD ', 'ENV ', 'LABEL ', 'ARG ', 'COPY ', 'ADD ', 'ONBUILD ', 'HEALTHCHECK ',
    'SHELL ', 'EXPOSE ', 'USER ', 'foo ', '# escape=`', '# escape=\\', '# syntax=x', '# check=y', '#',
    '\n', '\r\n', '\r', ' ', '\t', '\\', '`', '"', "'", '=', 'a', 'b=c', '--x=1 ', '-- ', '[', ']', ',',
    '["a"]', '[1]', '[[]]', '<<', '<<EOF', '<<-EOF', "<<'EOF'", 'EOF', '\tEOF', '$', '${', '}', ':-',
    '\ufeff', '\u00a0', '\u0085', '♥', '\ud800', '\u0000', '{', '1e999',
  );
  const dockerfileish = fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join(''));

  function onlyParseErrors(text: string): void {
    let result: ParseResult | undefined;
    try {
      result = parseDockerfile(text);
    } catch (err) {
      if (!(err instanceof DockerfileParseError)) throw err;
      return;
    }
    dumpAst(result.ast); // the dump never throws either
  }

  test('arbitrary strings only ever throw DockerfileParseError', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), onlyParseErrors), { numRuns: 2000 });
    fc.assert(fc.property(dockerfileish, onlyParseErrors), { numRuns: 3000 });
  });

  test('a 500-instruction Dockerfile parses in well under 5 ms', () => {
    const lines = ['# syntax=docker/dockerfile:1', 'FROM alpine:3.20 AS base'];
    for (let i = 0; lines.length < 500; i++) {
      lines.push(
        `RUN apk add --no-cache pkg${i} \\\n    && echo "step ${i}" > /tmp/f${i}`,
        `ENV KEY_${i}="value ${i}" OTHER_${i}=x`,
        `COPY --chown=1000:1000 ["src/${i}", "/app/${i}"]`,
        `LABEL org.example.n${i}="${i}"`,
        `RUN <<EOF\necho ${i}\nEOF`,
      );
    }
    const src = lines.join('\n') + '\n';
    expect(parseDockerfile(src).ast.children.length).toBeGreaterThanOrEqual(500);
    let best = Infinity;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      parseDockerfile(src);
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(5);
  });

  test('pathological inputs stay linear', () => {
    const inputs = [
      '# escape=x' + ' '.repeat(60000) + 'y\nFROM a\n',
      'FROM a\nRUN ' + '${a:-'.repeat(13000) + '\n',
      'FROM a\nRUN <<' + '"'.repeat(60000) + '\n',
      'FROM a\n' + 'ONBUILD '.repeat(8000) + 'RUN x\n',
      'CMD ' + '['.repeat(20000) + ']'.repeat(20000) + '\n',
      'FROM a\n' + 'RUN x \\\n'.repeat(50000) + '\n',
      'FROM a\nENV ' + 'a="b\\" '.repeat(9000) + '\n',
    ];
    for (const text of inputs) {
      const t0 = performance.now();
      onlyParseErrors(text);
      expect(performance.now() - t0).toBeLessThan(500);
    }
  });
});
