/**
 * Small text helpers that follow Go's definitions (the parser was written against Go's `unicode`,
 * `strings` and `strconv` packages, and the dump format depends on them).
 */

/** Go's `unicode.IsSpace` for one UTF-16 code unit (every Go space is in the BMP). */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** `[\t\v\f\r ]`, the separator class BuildKit splits plain arguments on. */
export function isBlankCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d;
}

/** strings.TrimLeftFunc(s, unicode.IsSpace) */
export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i === 0 ? s : s.slice(i);
}

/** strings.TrimRightFunc(s, unicode.IsSpace) */
export function trimRightSpace(s: string): string {
  let j = s.length;
  while (j > 0 && isSpaceCode(s.charCodeAt(j - 1))) j--;
  return j === s.length ? s : s.slice(0, j);
}

/** strings.TrimSpace */
export function trimSpace(s: string): string {
  return trimRightSpace(trimLeftSpace(s));
}

/** Splits on runs of `[\t\v\f\r ]` (regexp.Split(s, -1)). */
export function splitBlank(s: string): string[] {
  return s.split(/[\t\v\f\r ]+/);
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** strings.ToLower: simple (one rune to one rune) Unicode lower-casing. */
export function goToLower(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    const first = lower.codePointAt(0);
    out += lower.length === ch.length || first === undefined ? lower : String.fromCodePoint(first);
  }
  return out;
}

/** The UTF-8 length of s[start, end); `s` is well-formed (no lone surrogates). */
export function utf8Length(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff) n += 2; // each half of a pair: 4 bytes per pair
    else n += 3;
  }
  return n;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const HEX = '0123456789abcdef';

function hex(n: number, width: number): string {
  let s = '';
  for (let i = width - 1; i >= 0; i--) s += HEX[(n >> (4 * i)) & 0xf];
  return s;
}

/** Go's strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  let plainFrom = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
    if (c >= 0x80 && !(c >= 0xd800 && c <= 0xdfff) && PRINTABLE.test(s[i] as string)) continue;
    out += s.slice(plainFrom, i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c < 0x80) {
      switch (c) {
        case 0x07: out += '\\a'; break;
        case 0x08: out += '\\b'; break;
        case 0x0c: out += '\\f'; break;
        case 0x0a: out += '\\n'; break;
        case 0x0d: out += '\\r'; break;
        case 0x09: out += '\\t'; break;
        case 0x0b: out += '\\v'; break;
        default: out += '\\x' + hex(c, 2);
      }
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const cp = ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000;
      const pair = s.slice(i, i + 2);
      out += PRINTABLE.test(pair) ? pair : '\\U' + hex(cp, 8);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += '\ufffd'; // a lone surrogate cannot come from decoded UTF-8; show it as the decoder would
    } else {
      out += '\\u' + hex(c, 4);
    }
    plainFrom = i + 1;
  }
  return out + s.slice(plainFrom) + '"';
}
