/**
 * float64 → text as Go's strconv.FormatFloat writes it ('e', 'E', 'f', 'g', 'G', 'x', 'X', 'b';
 * precision -1 for the shortest text that reads back to the same number).
 *
 * Fixed precisions round the exact binary value (2.675 is 2.67499999…, so `%.2f` gives 2.67) and
 * exact ties go to the even digit (`%.0f` of 0.5 is 0, `%.1f` of 0.25 is 0.2).
 */

/** value = 0.<digits> × 10^point; no trailing zeros in digits; '' is zero. */
export interface Decimal {
  readonly digits: string;
  readonly point: number;
}

const ZERO: Decimal = { digits: '', point: 0 };

function bitsOf(x: number): { mant: bigint; exp2: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mant, exp2: -1074 };
  mant |= 1n << 52n;
  return { mant, exp2: biased - 1075 };
}

function trimmed(digits: string, point: number): Decimal {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return end === 0 ? ZERO : { digits: digits.slice(0, end), point };
}

/** Every decimal digit of a finite, non-negative double. */
export function exactDecimal(x: number): Decimal {
  if (x === 0) return ZERO;
  if (Number.isSafeInteger(x)) return trimmed(String(x), String(x).length);
  const { mant, exp2 } = bitsOf(x);
  if (exp2 >= 0) {
    const s = (mant << BigInt(exp2)).toString();
    return trimmed(s, s.length);
  }
  // mant / 2^k = mant * 5^k / 10^k
  const k = -exp2;
  const s = (mant * 5n ** BigInt(k)).toString();
  return trimmed(s, s.length - k);
}

/** The shortest digits that read back to x (finite, non-negative). */
export function shortestDecimal(x: number): Decimal {
  if (x === 0) return ZERO;
  const s = x.toExponential();
  const e = s.indexOf('e');
  const digits = s[0] + (e > 1 ? s.slice(2, e) : '');
  return trimmed(digits, Number(s.slice(e + 1)) + 1);
}

/** Keep `n` significant digits, rounding half to even. n < 0 leaves the number as it is. */
export function roundDecimal(d: Decimal, n: number): Decimal {
  const s = d.digits;
  if (n < 0 || n >= s.length) return d;
  const next = s.charCodeAt(n) - 48;
  let up = next > 5;
  if (next === 5) up = n + 1 < s.length || (n > 0 && (s.charCodeAt(n - 1) - 48) % 2 === 1);
  if (!up) return trimmed(s.slice(0, n), d.point);
  let k = n - 1;
  while (k >= 0 && s[k] === '9') k--;
  if (k < 0) return { digits: '1', point: d.point + 1 };
  return { digits: s.slice(0, k) + String.fromCharCode(s.charCodeAt(k) + 1), point: d.point };
}

function exponent(e: number, marker: string): string {
  const abs = Math.abs(e);
  return marker + (e < 0 ? '-' : '+') + (abs < 10 ? '0' + abs : String(abs));
}

/** d.ddde±dd with `prec` digits after the point. */
export function scientific(d: Decimal, prec: number, upper = false): string {
  let s = d.digits === '' ? '0' : (d.digits[0] as string);
  if (prec > 0) s += '.' + d.digits.slice(1, 1 + prec).padEnd(prec, '0');
  return s + exponent(d.digits === '' ? 0 : d.point - 1, upper ? 'E' : 'e');
}

/** ddd.ddd with `prec` digits after the point. */
export function positional(d: Decimal, prec: number): string {
  const { digits, point } = d;
  let s = point > 0 ? digits.slice(0, point).padEnd(point, '0') : '0';
  if (prec > 0) {
    let frac = '';
    for (let k = 0; k < prec; k++) {
      const j = point + k;
      frac += j >= 0 && j < digits.length ? digits[j] : '0';
    }
    s += '.' + frac;
  }
  return s;
}

/** %g: scientific for small and large exponents, positional otherwise. */
function general(d: Decimal, prec: number, shortest: boolean, upper: boolean): string {
  const nd = d.digits.length;
  let limit = prec;
  if (limit > nd && nd >= d.point) limit = nd;
  if (shortest) limit = 6;
  const exp = d.point - 1;
  if (exp < -4 || exp >= limit) return scientific(d, Math.min(prec, nd) - 1, upper);
  return positional(d, Math.max((prec > d.point ? nd : prec) - d.point, 0));
}

/** %x: 0x1.8p+01 (normalized hexadecimal mantissa, binary exponent). */
function hexadecimal(x: number, prec: number, upper: boolean): string {
  let frac = 0n;
  let exp = 0;
  let lead = 0n;
  if (x !== 0) {
    const { mant, exp2 } = bitsOf(x);
    let m = mant;
    let e = exp2 + 52;
    while ((m & (1n << 52n)) === 0n) {
      m <<= 1n;
      e--;
    }
    lead = 1n;
    frac = m & ((1n << 52n) - 1n);
    exp = e;
  }
  let fracDigits: string;
  if (prec >= 0 && prec < 13) {
    const drop = BigInt(52 - 4 * prec);
    let kept = frac >> drop;
    const rest = frac & ((1n << drop) - 1n);
    const half = 1n << (drop - 1n);
    const odd = prec === 0 ? lead === 1n : (kept & 1n) === 1n;
    if (rest > half || (rest === half && odd)) kept++;
    if (kept >> BigInt(4 * prec) !== 0n) {
      // carried into the leading digit: 1.fff… became 2.000…
      kept = 0n;
      exp++;
    }
    fracDigits = prec === 0 ? '' : kept.toString(16).padStart(prec, '0');
  } else {
    fracDigits = frac.toString(16).padStart(13, '0');
    if (prec < 0) fracDigits = fracDigits.replace(/0+$/, '');
    else fracDigits = fracDigits.padEnd(prec, '0');
  }
  const abs = Math.abs(exp);
  let s = '0x' + String(lead) + (fracDigits ? '.' + fracDigits : '') + 'p' + (exp < 0 ? '-' : '+');
  s += abs < 10 ? '0' + abs : String(abs);
  return upper ? s.toUpperCase() : s;
}

/** %b: decimal mantissa and binary exponent (4503599627370496p-52). */
function binaryExponent(x: number): string {
  const { mant, exp2 } = bitsOf(x);
  return `${mant}p${exp2 >= 0 ? '+' : ''}${exp2}`;
}

export type FloatFormat = 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'x' | 'X' | 'b';

/** strconv.FormatFloat(x, fmt, prec, 64). */
export function formatFloat(x: number, fmt: FloatFormat, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const a = Math.abs(x);
  if (fmt === 'b') return sign + binaryExponent(a);
  if (fmt === 'x' || fmt === 'X') return sign + hexadecimal(a, prec, fmt === 'X');
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) d = shortestDecimal(a);
  else {
    const exact = exactDecimal(a);
    const keep = fmt === 'e' || fmt === 'E' ? prec + 1 : fmt === 'f' || fmt === 'F' ? exact.point + prec : prec || 1;
    d = roundDecimal(exact, keep);
  }
  switch (fmt) {
    case 'e':
    case 'E':
      return sign + scientific(d, shortest ? Math.max(d.digits.length - 1, 0) : prec, fmt === 'E');
    case 'f':
    case 'F':
      return sign + positional(d, shortest ? Math.max(d.digits.length - d.point, 0) : prec);
    default:
      return sign + general(d, shortest ? d.digits.length : prec || 1, shortest, fmt === 'G');
  }
}
