/**
 * Reading numbers the way Go's strconv does: integers with base prefixes (`0x1F`, `0o17`, `0b101`,
 * a leading `0` for octal) and `_` digit separators, and floats (decimal, hexadecimal with a `p`
 * exponent, `Inf`, `NaN`).
 */

const MAX_UINT64 = (1n << 64n) - 1n;
const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);

function lower(c: string | undefined): string {
  return c === undefined ? '' : c.toLowerCase();
}

/**
 * Underscores are only allowed between digits, or right after a base prefix. `hexDigits` tells
 * whether a–f count as digits.
 */
function separatorsOK(s: string): boolean {
  let body = s;
  if (body[0] === '+' || body[0] === '-') body = body.slice(1);
  let prev: 'start' | 'digit' | 'sep' | 'other' = 'start';
  let i = 0;
  let hexDigits = false;
  if (body.length >= 2 && body[0] === '0' && 'box'.includes(lower(body[1]))) {
    prev = 'digit';
    hexDigits = lower(body[1]) === 'x';
    i = 2;
  }
  for (; i < body.length; i++) {
    const c = body[i] as string;
    const isDigit = (c >= '0' && c <= '9') || (hexDigits && lower(c) >= 'a' && lower(c) <= 'f');
    if (isDigit) prev = 'digit';
    else if (c === '_') {
      if (prev !== 'digit') return false;
      prev = 'sep';
    } else {
      if (prev === 'sep') return false;
      prev = 'other';
    }
  }
  return prev !== 'sep';
}

/** strconv.ParseUint(s, 0, 64); null when invalid or out of range. */
export function parseUintLiteral(s: string): bigint | null {
  if (s === '') return null;
  let base = 10n;
  let digits = s;
  if (s[0] === '0') {
    const p = lower(s[1]);
    if (s.length >= 3 && p === 'x') [base, digits] = [16n, s.slice(2)];
    else if (s.length >= 3 && p === 'o') [base, digits] = [8n, s.slice(2)];
    else if (s.length >= 3 && p === 'b') [base, digits] = [2n, s.slice(2)];
    else [base, digits] = [8n, s.slice(1)];
  }
  let n = 0n;
  let separators = false;
  for (const c of digits) {
    if (c === '_') {
      separators = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || BigInt(d) >= base) return null;
    n = n * base + BigInt(d);
    if (n > MAX_UINT64) return null;
  }
  if (separators && !separatorsOK(s)) return null;
  return n;
}

/** strconv.ParseInt(s, 0, 64); null when invalid or out of range. */
export function parseIntLiteral(s: string): bigint | null {
  let neg = false;
  let body = s;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  const u = parseUintLiteral(body);
  if (u === null) return null;
  const n = neg ? -u : u;
  return n < MIN_INT64 || n > MAX_INT64 ? null : n;
}

export interface FloatResult {
  value: number;
  /** false when the value overflows float64 (Go returns ±Inf with ErrRange) */
  inRange: boolean;
}

const DECIMAL_FLOAT = /^[+-]?(?=[0-9_]|\.[0-9_])[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]((?=[0-9a-fA-F_]|\.[0-9a-fA-F_])[0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?)[pP]([+-]?[0-9_]+)$/;
const SPECIAL = /^([+-]?)(inf|infinity)$/i;

/** strconv.ParseFloat(s, 64): null for a syntax error. */
export function parseFloatLiteral(s: string): FloatResult | null {
  if (/^nan$/i.test(s)) return { value: NaN, inRange: true };
  const sp = SPECIAL.exec(s);
  if (sp) return { value: sp[1] === '-' ? -Infinity : Infinity, inRange: true };
  if (s.includes('_') && !separatorsOK(s)) return null;
  let value: number;
  const hx = HEX_FLOAT.exec(s);
  if (hx) {
    const [, sign, mant, exp] = hx as unknown as [string, string, string, string];
    const clean = mant.replace(/_/g, '');
    const dot = clean.indexOf('.');
    const digits = dot < 0 ? clean : clean.slice(0, dot) + clean.slice(dot + 1);
    const fracDigits = dot < 0 ? 0 : clean.length - dot - 1;
    const m = digits === '' ? 0n : BigInt('0x' + digits);
    value = Number(m) * 2 ** (Number(exp.replace(/_/g, '')) - 4 * fracDigits);
    if (sign === '-') value = -value;
  } else if (DECIMAL_FLOAT.test(s)) {
    value = Number(s.replace(/_/g, ''));
  } else {
    return null;
  }
  if (Number.isNaN(value)) return null;
  return { value, inRange: Number.isFinite(value) };
}

/** ParseFloat's value, or null for a syntax error (out-of-range values come back as ±Inf). */
export function parseGoFloat(s: string): number | null {
  const r = parseFloatLiteral(s);
  return r === null ? null : r.value;
}
