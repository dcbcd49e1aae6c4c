/**
 * POSIX regular expressions (GNU flavour) translated to JavaScript RegExp source, for grep and sed.
 * Basic (BRE): `\( \) \{ \} \| \+ \?` are operators, `* ^ $` are literal where POSIX says so
 * (a leading `*`, a `^` not at the start, a `$` not at the end). Extended (ERE, `-E`): `( ) { } | + ?`
 * are operators and a `{` that starts no valid interval is literal. Both: bracket expressions with
 * `[:classes:]`, `\< \> \b \B \w \W \s \S`, back-references `\1`–`\9`. Errors carry glibc's text
 * (`Unmatched ( or \(`). Known difference: JS alternation is leftmost-first, POSIX leftmost-longest.
 */

export type RegexSyntax = 'basic' | 'extended';

export class RegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegexError';
  }
}

export const REGEX_ERRORS = {
  unmatchedBracket: 'Unmatched [, [^, [:, [., or [=',
  invalid: 'Invalid regular expression',
  unmatchedParen: 'Unmatched ( or \\(',
  unmatchedCloseParen: 'Unmatched ) or \\)',
  unmatchedBrace: 'Unmatched \\{',
  invalidInterval: 'Invalid content of \\{\\}',
  trailingBackslash: 'Trailing backslash',
  invalidBackReference: 'Invalid back reference',
  invalidClass: 'Invalid character class name',
  invalidRangeEnd: 'Invalid range end',
  intervalTooBig: 'Regular expression too big',
};

const CLASS_SOURCE: Record<string, string> = {
  alpha: 'a-zA-Z\\p{L}',
  digit: '0-9',
  alnum: '0-9a-zA-Z\\p{L}',
  upper: 'A-Z\\p{Lu}',
  lower: 'a-z\\p{Ll}',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~\\P{C}',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

/** Characters that must be escaped to be literal in a JS pattern with the `u` flag. */
const JS_SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);

function literal(char: string): string {
  return JS_SYNTAX.has(char) ? `\\${char}` : char;
}

function classLiteral(char: string): string {
  return char === '\\' || char === ']' || char === '[' || char === '^' || char === '-' ? `\\${char}` : char;
}

export interface TranslatedRegex {
  source: string;
  /** Number of capture groups. */
  groups: number;
}

export function translateRegex(pattern: string, syntax: RegexSyntax): TranslatedRegex {
  const chars = [...pattern];
  const extended = syntax === 'extended';
  let out = '';
  let groups = 0;
  /** Positions in `out` of the groups still open. */
  const open: number[] = [];
  let closedGroups = 0;
  /** Where the last atom starts in `out`, for quantifiers; -1 when there is none (start of a branch). */
  let atomStart = -1;
  let lastWasQuantifier = false;
  let i = 0;

  const quantify = (quantifier: string) => {
    if (atomStart === -1) {
      // At the start of an expression GNU takes `*` literally in a BRE and ignores it in an ERE.
      if (!extended && quantifier === '*') {
        atomStart = out.length;
        out += '\\*';
        lastWasQuantifier = false;
      }
      return;
    }
    if (lastWasQuantifier) out = `${out.slice(0, atomStart)}(?:${out.slice(atomStart)})`;
    out += quantifier;
    lastWasQuantifier = true;
  };
  const atom = (source: string) => {
    atomStart = out.length;
    out += source;
    lastWasQuantifier = false;
  };
  const branchStart = () => {
    atomStart = -1;
    lastWasQuantifier = false;
  };

  /** Parses `m,n}` (after the opening brace); returns the JS quantifier and the index after it. */
  const interval = (from: number, closing: string): { text: string; next: number } | null => {
    let j = from;
    let min = '';
    while (j < chars.length && /\d/.test(chars[j]!)) min += chars[j++];
    let max: string | undefined = min;
    if (chars[j] === ',') {
      j += 1;
      max = '';
      while (j < chars.length && /\d/.test(chars[j]!)) max += chars[j++];
    }
    const close = closing === '}' ? chars[j] === '}' : chars[j] === '\\' && chars[j + 1] === '}';
    if (!close) return null;
    if (min === '' && max !== undefined && max !== '' && !extended) min = '0';
    if (min === '' && extended) min = '0';
    if (max !== '' && Number(max) < Number(min)) throw new RegexError(REGEX_ERRORS.invalidInterval);
    if (Number(min) > 32767 || (max !== '' && Number(max) > 32767)) throw new RegexError(REGEX_ERRORS.intervalTooBig);
    return { text: max === '' ? `{${min},}` : max === min ? `{${min}}` : `{${min},${max}}`, next: j + (closing === '}' ? 1 : 2) };
  };

  const bracket = (from: number): number => {
    let j = from + 1;
    let negate = false;
    if (chars[j] === '^') {
      negate = true;
      j += 1;
    }
    if (j >= chars.length) throw new RegexError(REGEX_ERRORS.invalid);
    let body = '';
    let first = true;
    for (;;) {
      if (j >= chars.length) throw new RegexError(REGEX_ERRORS.unmatchedBracket);
      const c = chars[j]!;
      if (c === ']' && !first) {
        j += 1;
        break;
      }
      first = false;
      if (c === '[' && (chars[j + 1] === ':' || chars[j + 1] === '=' || chars[j + 1] === '.')) {
        const kind = chars[j + 1]!;
        let k = j + 2;
        while (k + 1 < chars.length && !(chars[k] === kind && chars[k + 1] === ']')) k += 1;
        if (k + 1 >= chars.length) throw new RegexError(REGEX_ERRORS.unmatchedBracket);
        const name = chars.slice(j + 2, k).join('');
        if (kind === ':') {
          const cls = CLASS_SOURCE[name];
          if (cls === undefined) throw new RegexError(REGEX_ERRORS.invalidClass);
          body += cls;
        } else {
          body += [...name].map(classLiteral).join('');
        }
        j = k + 2;
        continue;
      }
      if (chars[j + 1] === '-' && chars[j + 2] !== undefined && chars[j + 2] !== ']') {
        const end = chars[j + 2]!;
        if (end.codePointAt(0)! < c.codePointAt(0)!) throw new RegexError(REGEX_ERRORS.invalidRangeEnd);
        body += `${classLiteral(c)}-${classLiteral(end)}`;
        j += 3;
        continue;
      }
      body += classLiteral(c);
      j += 1;
    }
    atom(negate ? `[^${body}\\n]` : `[${body}]`);
    return j;
  };

  while (i < chars.length) {
    const c = chars[i]!;
    if (c === '\\') {
      const next = chars[i + 1];
      if (next === undefined) throw new RegexError(REGEX_ERRORS.trailingBackslash);
      i += 2;
      if (!extended && next === '(') {
        groups += 1;
        open.push(out.length);
        out += '(';
        branchStart();
        continue;
      }
      if (!extended && next === ')') {
        if (open.length === 0) throw new RegexError(REGEX_ERRORS.unmatchedCloseParen);
        const groupStart = open.pop()!;
        closedGroups += 1;
        out += ')';
        atomStart = groupStart;
        lastWasQuantifier = false;
        continue;
      }
      if (!extended && next === '|') {
        out += '|';
        branchStart();
        continue;
      }
      if (!extended && next === '{') {
        if (atomStart === -1) {
          // GNU takes an interval with nothing before it literally.
          atom('\\{');
          continue;
        }
        const parsed = interval(i, '\\}');
        if (!parsed) {
          if (!chars.slice(i).join('').includes('\\}')) throw new RegexError(REGEX_ERRORS.unmatchedBrace);
          throw new RegexError(REGEX_ERRORS.invalidInterval);
        }
        quantify(parsed.text);
        i = parsed.next;
        continue;
      }
      if (!extended && (next === '+' || next === '?')) {
        quantify(next);
        continue;
      }
      if (/[1-9]/.test(next)) {
        if (Number(next) > closedGroups) throw new RegexError(REGEX_ERRORS.invalidBackReference);
        atom(`\\${next}`);
        continue;
      }
      if (next === '<') {
        atom('\\b(?=\\w)');
        continue;
      }
      if (next === '>') {
        atom('\\b(?<=\\w)');
        continue;
      }
      if (next === 'b' || next === 'B' || next === 'w' || next === 'W' || next === 's' || next === 'S') {
        atom(`\\${next}`);
        continue;
      }
      if (next === '`') {
        atom('(?<![\\s\\S])');
        continue;
      }
      if (next === "'") {
        atom('(?![\\s\\S])');
        continue;
      }
      if (next === 'n') {
        atom('\\n');
        continue;
      }
      if (next === 't') {
        atom('\\t');
        continue;
      }
      atom(literal(next));
      continue;
    }
    if (c === '[') {
      i = bracket(i);
      continue;
    }
    if (c === '.') {
      atom('[^\\n]');
      i += 1;
      continue;
    }
    if (c === '*') {
      quantify('*');
      i += 1;
      continue;
    }
    if (c === '^') {
      const anchor = extended || atomStart === -1;
      if (anchor) {
        out += '^';
        lastWasQuantifier = false;
      } else {
        atom('\\^');
      }
      i += 1;
      continue;
    }
    if (c === '$') {
      const rest = chars.slice(i + 1).join('');
      const anchor = extended || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|');
      if (anchor) {
        out += '$';
        atomStart = -1;
        lastWasQuantifier = false;
      } else {
        atom('\\$');
      }
      i += 1;
      continue;
    }
    if (extended) {
      if (c === '(') {
        groups += 1;
        open.push(out.length);
        out += '(';
        branchStart();
        i += 1;
        continue;
      }
      if (c === ')') {
        if (open.length === 0) {
          atom('\\)');
          i += 1;
          continue;
        }
        const groupStart = open.pop()!;
        closedGroups += 1;
        out += ')';
        atomStart = groupStart;
        lastWasQuantifier = false;
        i += 1;
        continue;
      }
      if (c === '|') {
        out += '|';
        branchStart();
        i += 1;
        continue;
      }
      if (c === '+' || c === '?') {
        quantify(c);
        i += 1;
        continue;
      }
      if (c === '{') {
        const parsed = interval(i + 1, '}');
        if (parsed && atomStart !== -1) {
          quantify(parsed.text);
          i = parsed.next;
          continue;
        }
        atom('\\{');
        i += 1;
        continue;
      }
    }
    atom(literal(c));
    i += 1;
  }
  if (open.length > 0) throw new RegexError(REGEX_ERRORS.unmatchedParen);
  return { source: out, groups };
}

export interface CompileOptions {
  syntax: RegexSyntax;
  ignoreCase?: boolean;
  global?: boolean;
  /** grep -F: the pattern is a plain string. */
  fixed?: boolean;
  /** grep -w: the match must be a whole word. */
  word?: boolean;
  /** grep -x: the match must be the whole line. */
  line?: boolean;
}

/** A JS RegExp for a POSIX pattern; throws RegexError with glibc's message. */
export function compileRegex(pattern: string, options: CompileOptions): RegExp {
  let source = options.fixed ? [...pattern].map(literal).join('') : translateRegex(pattern, options.syntax).source;
  if (options.word) source = `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;
  if (options.line) source = `^(?:${source})$`;
  const flags = `u${options.ignoreCase ? 'i' : ''}${options.global ? 'g' : ''}`;
  try {
    return new RegExp(source, flags);
  } catch {
    throw new RegexError(REGEX_ERRORS.invalid);
  }
}
