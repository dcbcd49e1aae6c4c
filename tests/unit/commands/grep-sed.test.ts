import { describe, expect, it } from 'vitest';
import { translateRegex, RegexError } from '../../../src/engine/shell/commands/posix-regex';
import { laptop, run, type Laptop } from './harness';

const HOME = '/home/student';
const TEXT = 'hello world\nfoo bar\nab(c\n';

function withText(): Laptop {
  const lap = laptop();
  lap.fs.writeFile(`${HOME}/t`, TEXT);
  return lap;
}

describe('POSIX regular expressions', () => {
  it.each([
    ['\\(a\\)\\{2\\}', 'basic', '(a){2}'],
    ['a+?(b)|', 'basic', 'a\\+\\?\\(b\\)\\|'],
    ['(a|b)+', 'extended', '(a|b)+'],
    ['*a', 'basic', '\\*a'],
    ['a**', 'extended', '(?:a*)*'],
    ['x$y', 'basic', 'x\\$y'],
    ['a{1', 'extended', 'a\\{1'],
    ['[]a]', 'basic', '[\\]a]'],
  ] as const)('%s (%s) → %s', (pattern, syntax, source) => {
    expect(translateRegex(pattern, syntax).source).toBe(source);
  });
  it.each([
    ['[a', 'basic', 'Unmatched [, [^, [:, [., or [='],
    ['x[', 'basic', 'Invalid regular expression'],
    ['\\(', 'basic', 'Unmatched ( or \\('],
    ['\\)', 'basic', 'Unmatched ) or \\)'],
    ['a\\{1', 'basic', 'Unmatched \\{'],
    ['a\\{x\\}', 'basic', 'Invalid content of \\{\\}'],
    ['a\\', 'basic', 'Trailing backslash'],
    ['\\1', 'basic', 'Invalid back reference'],
    ['[[:foo:]]', 'basic', 'Invalid character class name'],
    ['[b-a]', 'basic', 'Invalid range end'],
    ['(', 'extended', 'Unmatched ( or \\('],
    ['a{2,1}', 'extended', 'Invalid content of \\{\\}'],
  ] as const)('%s (%s) fails: %s', (pattern, syntax, message) => {
    expect(() => translateRegex(pattern, syntax)).toThrow(new RegexError(message));
  });
});

// Outputs of GNU grep 3.8 on the same file.
describe('grep', () => {
  it.each([
    [['\\(h\\)\\1', 't'], '', 1],
    [['-o', 'l\\+', 't'], 'll\nl\n', 0],
    [['-E', 'o{2}', 't'], 'foo bar\n', 0],
    [['-o', '[^ ]*o', 't'], 'hello\nwo\nfoo\n', 0],
    [['-E', '(a|b)\\(', 't'], 'ab(c\n', 0],
    [['^\\(foo\\|ab\\)', 't'], 'foo bar\nab(c\n', 0],
    [['-o', '\\w\\+', 't'], 'hello\nworld\nfoo\nbar\nab\nc\n', 0],
    [['-c', '\\bbar', 't'], '1\n', 0],
    [['-o', '[]a]', 't'], 'a\na\n', 0],
    [['x*', 't'], TEXT, 0],
    [['-w', 'o', 't'], '', 1],
    [['-x', 'foo bar', 't'], 'foo bar\n', 0],
    [['-n', 'o', 't'], '1:hello world\n2:foo bar\n', 0],
    [['-v', 'o', 't'], 'ab(c\n', 0],
    [['-i', 'HELLO', 't'], 'hello world\n', 0],
    [['-l', 'o', 't'], 't\n', 0],
    [['-E', 'a{1', 't'], '', 1],
    [['-F', '(', 't'], 'ab(c\n', 0],
  ])('%j', async (argv, output, status) => {
    const result = await run(withText(), ['grep', ...argv]);
    expect(result.output).toBe(output);
    expect(result.status).toBe(status);
  });

  it('prints context groups with -- between them', async () => {
    const result = await run(laptop(), ['grep', '-A1', '-n', 'b'], { stdin: 'a\nb\nc\nd\nb\nz\nq\nr\nb\n' });
    expect(result.stdout).toBe('2:b\n3-c\n--\n5:b\n6-z\n--\n9:b\n');
  });

  it('searches directories with -r, names without ./ when none is given', async () => {
    const lap = laptop();
    lap.fs.mkdir(`${HOME}/d/sub`, { recursive: true });
    lap.fs.writeFile(`${HOME}/d/a.txt`, 'hello\n');
    lap.fs.writeFile(`${HOME}/d/sub/b.py`, 'hello\n');
    // the real order is ext4's hash order; the simulated fs lists names in order
    expect((await run(lap, ['grep', '-r', 'hello'])).stdout).toBe('d/a.txt:hello\nd/sub/b.py:hello\n');
    expect((await run(lap, ['grep', '-r', '--include=*.py', 'hello', '.'])).stdout).toBe('./d/sub/b.py:hello\n');
    const dir = await run(lap, ['grep', 'hello', 'd']);
    expect(dir.output).toBe('grep: d: Is a directory\n');
    expect(dir.status).toBe(2);
  });

  it('reports like grep', async () => {
    expect((await run(laptop(), ['grep'])).output).toBe("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    expect((await run(laptop(), ['grep', '-j', 'x'])).output).toBe("grep: invalid option -- 'j'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    expect((await run(withText(), ['grep', '[', 't'])).output).toBe('grep: Invalid regular expression\n');
    const missing = await run(withText(), ['grep', '-q', 'hello', 'nope', 't']);
    expect(missing.output).toBe('grep: nope: No such file or directory\n');
    expect(missing.status).toBe(0);
    const binary = laptop();
    binary.fs.writeFile(`${HOME}/bin`, 'x\0hello');
    expect((await run(binary, ['grep', 'hello', 'bin'])).output).toBe('grep: bin: binary file matches\n');
  });
});

// Outputs of GNU sed 4.9.
describe('sed', () => {
  it.each([
    [['-n', '$=', 't'], '3\n'],
    [['s/l/L/2', 't'], 'helLo world\nfoo bar\nab(c\n'],
    [['s/\\(l\\+\\)/[\\1]/', 't'], 'he[ll]o world\nfoo bar\nab(c\n'],
    [['s/.*/\\U&/', 't'], 'HELLO WORLD\nFOO BAR\nAB(C\n'],
    [['-E', 's/(\\w+) (\\w+)/\\2 \\1/', 't'], 'world hello\nbar foo\nab(c\n'],
    [['y/abc/xyz/', 't'], 'hello world\nfoo yxr\nxy(z\n'],
    [['2q', 't'], 'hello world\nfoo bar\n'],
    [['-n', '/foo/,$p', 't'], 'foo bar\nab(c\n'],
    [['1a\\\nadded', 't'], 'hello world\nadded\nfoo bar\nab(c\n'],
    [['1i before', 't'], 'before\nhello world\nfoo bar\nab(c\n'],
    [['$a end', 't'], 'hello world\nfoo bar\nab(c\nend\n'],
    [['2d', 't'], 'hello world\nab(c\n'],
    [['1!G;h;$!d', 't'], 'ab(c\nfoo bar\nhello world\n'],
    [['-n', '2{p;p}', 't'], 'foo bar\nfoo bar\n'],
    [['s/x*/-/g', 't'], '-h-e-l-l-o- -w-o-r-l-d-\n-f-o-o- -b-a-r-\n-a-b-(-c-\n'],
    [['s|o|/|g', 't'], 'hell/ w/rld\nf// bar\nab(c\n'],
    [['s/(/x/', 't'], 'hello world\nfoo bar\nabxc\n'],
  ])('%j', async (argv, output) => {
    expect((await run(withText(), ['sed', ...argv])).stdout).toBe(output);
  });

  it.each([
    ['s/a/b', "sed: -e expression #1, char 5: unterminated `s' command\n"],
    ['s/\\(/x/', 'sed: -e expression #1, char 7: Unmatched ( or \\(\n'],
    ['s/a/b/x', "sed: -e expression #1, char 7: unknown option to `s'\n"],
    ['s/[/x/', "sed: -e expression #1, char 6: unterminated `s' command\n"],
    ['k', "sed: -e expression #1, char 1: unknown command: `k'\n"],
    ['s/a/\\1/', "sed: -e expression #1, char 7: invalid reference \\1 on `s' command's RHS\n"],
    ['/x/', 'sed: -e expression #1, char 3: missing command\n'],
    ['s/a/b/g;s/b', "sed: -e expression #1, char 11: unterminated `s' command\n"],
    ['y/ab/c/', "sed: -e expression #1, char 7: strings for `y' command are different lengths\n"],
    ['p x', 'sed: -e expression #1, char 3: extra characters after command\n'],
    ['}', "sed: -e expression #1, char 1: unexpected `}'\n"],
    ['{p', "sed: -e expression #1, char 0: unmatched `{'\n"],
    ['ba', "sed: can't find label for jump to `a'\n"],
  ])('%j fails as sed does', async (script, message) => {
    const result = await run(withText(), ['sed', script, 't']);
    expect(result.output).toBe(message);
    expect(result.status).toBe(1);
  });

  it('edits in place with a backup, and line numbers restart per file with -s', async () => {
    const lap = withText();
    lap.fs.writeFile(`${HOME}/u`, 'c\nd\n');
    await run(lap, ['sed', '-i.bak', 's/hello/HI/', 't']);
    expect(lap.fs.readText(`${HOME}/t`)).toBe('HI world\nfoo bar\nab(c\n');
    expect(lap.fs.readText(`${HOME}/t.bak`)).toBe(TEXT);
    expect((await run(lap, ['sed', '-s', '-n', '1p;$p', 't', 'u'])).stdout).toBe('HI world\nab(c\nc\nd\n');
  });

  it('prints errors before its buffered output, as the real sed', async () => {
    const result = await run(withText(), ['sed', '-n', '1p', 't', 'nope']);
    expect(result.output).toBe("sed: can't read nope: No such file or directory\nhello world\n");
    expect(result.status).toBe(2);
  });
});
