/**
 * Go string and rune literals: how Go programs quote text (`"a\tb"`, `'A'`, `"\u00e9"` with the
 * ASCII-only form) and how template literals are read back.
 */
import { isPrint, utf8Decode } from './utf8';

const SIMPLE_ESCAPES: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** One code point inside a quoted literal delimited by `delim`. */
function escaped(cp: number, delim: number, asciiOnly: boolean): string {
  if (cp === delim || cp === 0x5c) return '\\' + String.fromCharCode(cp);
  if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) return String.fromCodePoint(cp);
  const simple = SIMPLE_ESCAPES[cp];
  if (simple) return simple;
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/** strconv.Quote (and QuoteToASCII when asciiOnly). */
export function goQuote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) out += escaped(ch.codePointAt(0) as number, 0x22, asciiOnly);
  return out + '"';
}

/** strconv.QuoteRune (and QuoteRuneToASCII). Invalid code points become U+FFFD. */
export function goQuoteRune(cp: number, asciiOnly = false): string {
  if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  return "'" + escaped(cp, 0x27, asciiOnly) + "'";
}

/** strconv.CanBackquote: no control characters but tab, no backquote, no BOM. */
export function backquotable(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    if ((cp < 0x20 && cp !== 0x09) || cp === 0x60 || cp === 0x7f) return false;
  }
  return true;
}

interface Piece {
  /** a code point, or a single byte when `byte` */
  value: number;
  byte: boolean;
  next: number;
}

const HEX_DIGIT = /^[0-9a-fA-F]$/;

/**
 * Reads one (possibly escaped) character of a literal body at `i`; `delim` is the literal's quote
 * character. Returns null for invalid syntax.
 */
function readPiece(s: string, i: number, delim: string): Piece | null {
  const c = s[i];
  if (c === undefined) return null;
  if (c === delim) return null;
  if (c !== '\\') {
    const cp = s.codePointAt(i) as number;
    return { value: cp, byte: false, next: i + (cp > 0xffff ? 2 : 1) };
  }
  const e = s[i + 1];
  switch (e) {
    case 'a':
      return { value: 7, byte: false, next: i + 2 };
    case 'b':
      return { value: 8, byte: false, next: i + 2 };
    case 'f':
      return { value: 12, byte: false, next: i + 2 };
    case 'n':
      return { value: 10, byte: false, next: i + 2 };
    case 'r':
      return { value: 13, byte: false, next: i + 2 };
    case 't':
      return { value: 9, byte: false, next: i + 2 };
    case 'v':
      return { value: 11, byte: false, next: i + 2 };
    case '\\':
      return { value: 0x5c, byte: false, next: i + 2 };
    case "'":
    case '"':
      if (e !== delim) return null;
      return { value: e.charCodeAt(0), byte: false, next: i + 2 };
    case 'x':
    case 'u':
    case 'U': {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const digits = s.slice(i + 2, i + 2 + n);
      if (digits.length !== n || ![...digits].every((d) => HEX_DIGIT.test(d))) return null;
      const v = parseInt(digits, 16);
      if (e === 'x') return { value: v, byte: true, next: i + 2 + n };
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return null;
      return { value: v, byte: false, next: i + 2 + n };
    }
    default: {
      if (e === undefined || e < '0' || e > '7') return null;
      const digits = s.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(digits)) return null;
      const v = parseInt(digits, 8);
      if (v > 255) return null;
      return { value: v, byte: true, next: i + 4 };
    }
  }
}

function pushCodePoint(bytes: number[], cp: number): void {
  if (cp < 0x80) bytes.push(cp);
  else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

/**
 * The text of a Go string literal (`"…"` with escapes or `` `…` `` raw, carriage returns dropped).
 * Returns null when the literal is malformed (Go's "invalid syntax").
 */
export function readStringLiteral(lit: string): string | null {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) return null;
  const body = lit.slice(1, -1);
  if (q === '`') return body.includes('`') ? null : body.replace(/\r/g, '');
  if (q !== '"') return null;
  if (!body.includes('\\') && !body.includes('"') && !body.includes('\n')) return body;
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === '\n') return null;
    const p = readPiece(body, i, '"');
    if (!p) return null;
    if (p.byte) bytes.push(p.value);
    else pushCodePoint(bytes, p.value);
    i = p.next;
  }
  return utf8Decode(bytes);
}

/**
 * A rune literal `'x'`: the code point, `'tail'` when more than one character is inside
 * (`'ab'`), or null for invalid syntax.
 */
export function readRuneLiteral(lit: string): number | 'tail' | null {
  const p = readPiece(lit, 1, "'");
  if (!p) return null;
  if (lit.slice(p.next) !== "'") return 'tail';
  return p.value;
}
