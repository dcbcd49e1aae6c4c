/** BuildKit's shell lexer: expansion, quotes, word splitting, the modifiers and their errors. */
import { describe, expect, test } from 'vitest';
import { Lex } from '../../../src/engine/docker/builder';

const env = new Map([
  ['PWD', '/home'],
  ['SHELL', 'bash'],
  ['KOREAN', '한국어'],
  ['EMPTY', ''],
  ['URL', 'http://server.com:8080/path'],
  ['FILE', 'archive.tar.gz'],
]);
const lex = new Lex();

describe('ProcessWord', () => {
  test.each([
    ['$PWD', '/home'],
    ['${PWD}', '/home'],
    ['"$PWD"', '/home'],
    ["'$PWD'", '$PWD'],
    ['\\$PWD', '$PWD'],
    ['$PWD/x', '/home/x'],
    ['${PWD}x', '/homex'],
    ['$NOPE', ''],
    ['${NOPE:-default}', 'default'],
    ['${EMPTY:-default}', 'default'],
    ['${EMPTY-default}', ''],
    ['${PWD:+alt}', 'alt'],
    ['${NOPE:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${KOREAN}', '한국어'],
    ['a"b c"d', 'ab cd'],
    ['"a\\"b"', 'a"b'],
    ['"a\\nb"', 'a\\nb'],
    ['${FILE%.gz}', 'archive.tar'],
    ['${FILE%%.*}', 'archive'],
    ['${FILE#*.}', 'tar.gz'],
    ['${FILE##*.}', 'gz'],
    ['${URL/http/https}', 'https://server.com:8080/path'],
    ['${URL//o/0}', 'http://server.c0m:8080/path'],
    ['$', '$'],
    ['$1', ''],
    ['a$', 'a$'],
  ])('%s → %s', (word, want) => {
    expect(lex.processWord(word, env)).toBe(want);
  });

  test.each([
    ['${NOPE:?}', 'failed to process "${NOPE:?}": NOPE: is not allowed to be unset'],
    ['${EMPTY:?}', 'failed to process "${EMPTY:?}": EMPTY: is not allowed to be empty'],
    ['${NOPE:?must be set}', 'failed to process "${NOPE:?must be set}": NOPE: must be set'],
    // Go reads EOF as a rune and prints it as U+FFFD
    ['${PWD', 'failed to process "${PWD": unsupported modifier (\uFFFD) in substitution'],
    ['${PWD:-x', `failed to process "\${PWD:-x": syntax error: missing '}'`],
    ['${}', 'failed to process "${}": syntax error: bad substitution'],
    ['${:x}', 'failed to process "${:x}": syntax error: bad substitution'],
    ['${PWD:x}', 'failed to process "${PWD:x}": unsupported modifier (:x) in substitution'],
    ["'abc", 'failed to process "\'abc": unexpected end of statement while looking for matching single-quote'],
    ['"abc', 'failed to process "\\"abc": unexpected end of statement while looking for matching double-quote'],
  ])('%s fails', (word, message) => {
    expect(() => lex.processWord(word, env)).toThrow(message);
  });
});

describe('modes', () => {
  test('vertex names: quotes kept, unset variables left as written', () => {
    const named = lex.with({ rawQuotes: true, skipUnsetEnv: true });
    expect(named.processWord('RUN echo "$PWD $NOPE ${NOPE:-x}" \'$PWD\'', env)).toBe('RUN echo "/home $NOPE ${NOPE:-x}" \'$PWD\'');
  });
  test('heredoc bodies: quotes are plain characters', () => {
    const raw = lex.with({ skipProcessQuotes: true });
    expect(raw.processWord('say "$PWD" \'$SHELL\'\n', env)).toBe('say "/home" \'bash\'\n');
  });
  test('ProcessWords splits after expansion, quoted parts stay whole', () => {
    expect(lex.processWords('a "b c" $URL  d', env)).toEqual(['a', 'b c', 'http://server.com:8080/path', 'd']);
    expect(lex.processWords('$EMPTY x', env)).toEqual(['x']);
  });
  test('the backtick escape', () => {
    expect(new Lex({ escapeToken: '`' }).processWord('`$PWD c:\\dir', env)).toBe('$PWD c:\\dir');
  });
});
