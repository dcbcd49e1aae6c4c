import { describe, expect, it } from 'vitest';
import { quoteLocale, quoteShellAlways, quoteShellEscape } from '../../../src/engine/shell/commands/quoting';

// Each expectation is what GNU ls 9.1 printed for a file of that name with
// --quoting-style=shell-escape, shell-escape-always and locale (C.UTF-8).
const CASES: [string, string, string, string][] = [
  ['a b', "'a b'", "'a b'", '‘a b’'],
  ["it's", `"it's"`, `"it's"`, "‘it's’"],
  ['a$b', "'a$b'", "'a$b'", '‘a$b’'],
  ['#a', "'#a'", "'#a'", '‘#a’'],
  ['a#', 'a#', "'a#'", '‘a#’'],
  ['~a', "'~a'", "'~a'", '‘~a’'],
  ['a~', 'a~', "'a~'", '‘a~’'],
  ['=a', "'=a'", "'=a'", '‘=a’'],
  ['-a', '-a', "'-a'", '‘-a’'],
  ['a,b', 'a,b', "'a,b'", '‘a,b’'],
  ['a{b', 'a{b', "'a{b'", '‘a{b’'],
  ['{', "'{'", "'{'", '‘{’'],
  ['a\\b', "'a\\b'", "'a\\b'", '‘a\\\\b’'],
  ['a\tb', "'a'$'\\t''b'", "'a'$'\\t''b'", '‘a\\tb’'],
  ['a\n', "'a'$'\\n'", "'a'$'\\n'", '‘a\\n’'],
  ["a\n'b", "'a'$'\\n'\\''b'", "'a'$'\\n'\\''b'", "‘a\\n'b’"],
  ['\x7f', "''$'\\177'", "''$'\\177'", '‘\\177’'],
  ['\x1b[1m', "''$'\\033''[1m'", "''$'\\033''[1m'", '‘\\033[1m’'],
  ["it's#", "'it'\\''s#'", "'it'\\''s#'", "‘it's#’"],
  ["x'y$z", "'x'\\''y$z'", "'x'\\''y$z'", "‘x'y$z’"],
  ['é', 'é', "'é'", '‘é’'],
  ['', "''", "''", '‘’'],
];

describe('GNU quoting styles', () => {
  it.each(CASES)('%j', (name, escape, always, locale) => {
    expect(quoteShellEscape(name)).toBe(escape);
    expect(quoteShellAlways(name)).toBe(always);
    expect(quoteLocale(name)).toBe(locale);
  });
});
