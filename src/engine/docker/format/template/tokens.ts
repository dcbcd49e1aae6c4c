/**
 * Splits template source into tokens in one pass: text between actions, and inside `{{ … }}` the
 * words, literals and punctuation of the action language. Comments and trim markers (`{{- `,
 * ` -}}`) are resolved here, so the parser never sees them.
 *
 * A malformed action ends the token list with an `error` token carrying Go's message (the parser
 * reports it when it gets there, so an earlier syntax error wins, as in Go).
 */
import { goQuote } from '../go/literals';
import { isPrint, isWordChar } from '../go/utf8';

export type TokenKind =
  | 'text'
  | 'open'
  | 'close'
  | 'space'
  | 'word' // a function name
  | 'keyword' // ., block, break, continue, define, else, end, if, nil, range, template, with
  | 'field' // .Name
  | 'variable' // $ or $name
  | 'bool'
  | 'number'
  | 'complex'
  | 'char'
  | 'string'
  | 'rawstring'
  | 'lparen'
  | 'rparen'
  | 'pipe'
  | 'assign' // =
  | 'declare' // :=
  | 'punct' // any other printable ASCII character (e.g. `,`)
  | 'error'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** source text (for `error`: the message) */
  readonly text: string;
  /** offset in the source (UTF-16 units) */
  readonly pos: number;
  /** 1-based line of `pos` */
  readonly line: number;
}

const KEYWORDS = new Set(['.', 'block', 'break', 'continue', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with']);

export interface TokenizeOptions {
  /** `break` is a keyword (not when a function of that name exists) */
  breakKeyword: boolean;
  continueKeyword: boolean;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `U+007D '}'` */
function describeRune(cp: number): string {
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(cp) ? `${hex} '${String.fromCodePoint(cp)}'` : hex;
}

export function tokenize(src: string, opts: TokenizeOptions): Token[] {
  const tokens: Token[] = [];
  const n = src.length;
  let lineCursor = 0;
  let lineNo = 1;
  const lineOf = (pos: number): number => {
    for (; lineCursor < pos; lineCursor++) if (src.charCodeAt(lineCursor) === 0x0a) lineNo++;
    return lineNo;
  };
  const push = (kind: TokenKind, start: number, end: number): void => {
    tokens.push({ kind, text: src.slice(start, end), pos: start, line: lineOf(start) });
  };
  const fail = (message: string, start: number): Token[] => {
    tokens.push({ kind: 'error', text: message, pos: start, line: lineOf(start) });
    return tokens;
  };
  const cpAt = (i: number): number => (i < n ? (src.codePointAt(i) as number) : -1);
  const cpLen = (cp: number): number => (cp > 0xffff ? 2 : 1);

  /** ` -}}` or `}}` at i: the length of the closing delimiter with its marker, and whether trimmed. */
  const closingAt = (i: number): { len: number; trim: boolean } | null => {
    if (isBlank(src.charCodeAt(i)) && src.charCodeAt(i + 1) === 0x2d && src.startsWith('}}', i + 2)) {
      return { len: 4, trim: true };
    }
    return src.startsWith('}}', i) ? { len: 2, trim: false } : null;
  };
  const skipBlanks = (i: number): number => {
    while (i < n && isBlank(src.charCodeAt(i))) i++;
    return i;
  };
  /** What may follow a name: space, end, `.`, `,`, `|`, `:`, parens, or the closing delimiter. */
  const endsName = (i: number): boolean => {
    if (i >= n) return true;
    const c = src.charCodeAt(i);
    if (isBlank(c) || c === 0x2e || c === 0x2c || c === 0x7c || c === 0x3a || c === 0x29 || c === 0x28) return true;
    return src.startsWith('}}', i);
  };
  const skipWord = (i: number): number => {
    for (;;) {
      const cp = cpAt(i);
      if (cp < 0 || !isWordChar(cp)) return i;
      i += cpLen(cp);
    }
  };
  /** The extent of a number literal at i (Go's syntax, loosely: validation is the parser's job). */
  const numberEnd = (i: number): { end: number; ok: boolean } => {
    const accept = (chars: string): boolean => {
      if (i < n && chars.includes(src[i] as string)) {
        i++;
        return true;
      }
      return false;
    };
    const run = (chars: string): void => {
      while (i < n && chars.includes(src[i] as string)) i++;
    };
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    run(digits);
    if (accept('.')) run(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      run('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      run('0123456789_');
    }
    accept('i');
    const next = cpAt(i);
    if (next >= 0 && isWordChar(next)) return { end: i + cpLen(next), ok: false };
    return { end: i, ok: true };
  };
  /** A quoted literal closed by `q` on the same line; -1 when unterminated. */
  const quotedEnd = (i: number, q: number): number => {
    for (let j = i + 1; j < n; j++) {
      const c = src.charCodeAt(j);
      if (c === 0x5c) {
        j++;
        if (j >= n || src.charCodeAt(j) === 0x0a) return -1;
        continue;
      }
      if (c === 0x0a) return -1;
      if (c === q) return j + 1;
    }
    return -1;
  };

  let i = 0;
  for (;;) {
    // ---- text up to the next action
    const open = src.indexOf('{{', i);
    if (open < 0) {
      if (i < n) push('text', i, n);
      push('eof', n, n);
      return tokens;
    }
    const trimBefore = src.charCodeAt(open + 2) === 0x2d && isBlank(src.charCodeAt(open + 3));
    let textEnd = open;
    if (trimBefore) while (textEnd > i && isBlank(src.charCodeAt(textEnd - 1))) textEnd--;
    if (textEnd > i) push('text', i, textEnd);
    let p = open + 2 + (trimBefore ? 2 : 0);

    // ---- a comment is a whole action of its own
    if (src.startsWith('/*', p)) {
      const stop = src.indexOf('*/', p + 2);
      if (stop < 0) return fail('unclosed comment', p);
      const close = closingAt(stop + 2);
      if (!close) return fail('comment ends before closing delimiter', p);
      i = stop + 2 + close.len;
      if (close.trim) i = skipBlanks(i);
      continue;
    }

    push('open', open, open + 2);
    let parens = 0;
    // ---- inside the action
    for (;;) {
      const close = closingAt(p);
      if (close) {
        if (parens > 0) return fail('unclosed left paren', p);
        const at = p + close.len - 2;
        push('close', at, at + 2);
        p = at + 2;
        if (close.trim) p = skipBlanks(p);
        break;
      }
      if (p >= n) return fail('unclosed action', p);
      const c = src.charCodeAt(p);
      const start = p;
      if (isBlank(c)) {
        let q = skipBlanks(p);
        // keep the last blank for a following ` -}}`
        if (src.charCodeAt(q) === 0x2d && src.startsWith('}}', q + 1)) q--;
        if (q > p) push('space', p, q);
        p = q;
        continue;
      }
      switch (c) {
        case 0x3d: // =
          push('assign', p, ++p);
          continue;
        case 0x3a: // :
          if (src.charCodeAt(p + 1) !== 0x3d) return fail('expected :=', start);
          p += 2;
          push('declare', start, p);
          continue;
        case 0x7c: // |
          push('pipe', p, ++p);
          continue;
        case 0x22: // "
        case 0x60: // `
        case 0x27: {
          // '
          const end = c === 0x60 ? src.indexOf('`', p + 1) + 1 : quotedEnd(p, c);
          if (end <= 0) {
            const what = c === 0x22 ? 'quoted string' : c === 0x60 ? 'raw quoted string' : 'character constant';
            return fail(`unterminated ${what}`, start);
          }
          push(c === 0x22 ? 'string' : c === 0x60 ? 'rawstring' : 'char', start, end);
          p = end;
          continue;
        }
        case 0x24: {
          // $
          if (endsName(p + 1)) {
            push('variable', start, ++p);
            continue;
          }
          p = skipWord(p + 1);
          if (!endsName(p)) return fail(`bad character ${describeRune(cpAt(p))}`, start);
          push('variable', start, p);
          continue;
        }
        case 0x28:
          parens++;
          push('lparen', p, ++p);
          continue;
        case 0x29:
          if (--parens < 0) return fail('unexpected right paren', start);
          push('rparen', p, ++p);
          continue;
      }
      if (c === 0x2e && p + 1 < n && !isDigit(src.charCodeAt(p + 1))) {
        // .Field or the dot
        if (endsName(p + 1)) {
          tokens.push({ kind: 'keyword', text: '.', pos: start, line: lineOf(start) });
          p++;
          continue;
        }
        p = skipWord(p + 1);
        if (!endsName(p)) return fail(`bad character ${describeRune(cpAt(p))}`, start);
        push('field', start, p);
        continue;
      }
      if (c === 0x2e || c === 0x2b || c === 0x2d || isDigit(c)) {
        const num = numberEnd(p);
        if (!num.ok) return fail(`bad number syntax: ${goQuote(src.slice(start, num.end))}`, start);
        p = num.end;
        const sign = src.charCodeAt(p);
        if (sign === 0x2b || sign === 0x2d) {
          const imag = numberEnd(p);
          if (!imag.ok || src[imag.end - 1] !== 'i') {
            return fail(`bad number syntax: ${goQuote(src.slice(start, imag.end))}`, start);
          }
          p = imag.end;
          push('complex', start, p);
          continue;
        }
        push('number', start, p);
        continue;
      }
      const cp = cpAt(p);
      if (isWordChar(cp)) {
        p = skipWord(p);
        if (!endsName(p)) return fail(`bad character ${describeRune(cpAt(p))}`, start);
        const word = src.slice(start, p);
        let kind: TokenKind = 'word';
        if (KEYWORDS.has(word)) {
          kind = 'keyword';
          if ((word === 'break' && !opts.breakKeyword) || (word === 'continue' && !opts.continueKeyword)) kind = 'word';
        } else if (word === 'true' || word === 'false') kind = 'bool';
        push(kind, start, p);
        continue;
      }
      if (cp >= 0x20 && cp < 0x7f) {
        push('punct', p, ++p);
        continue;
      }
      return fail(`unrecognized character in action: ${describeRune(cp)}`, start);
    }
    i = p;
  }
}
