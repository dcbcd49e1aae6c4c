/**
 * The Go formatting the Dockerfile frontend uses in image history (`CMD %q`, `SHELL %v`,
 * `EXPOSE %v` of a map, `HEALTHCHECK %q` of a struct) and time.Duration's String.
 */
import { goQuote } from '../format';

/** `%q` of a []string: `["a" "b"]`. */
export function quoteSlice(args: readonly string[] | null | undefined): string {
  return `[${(args ?? []).map((a) => goQuote(a)).join(' ')}]`;
}

/** `%v` of a []string: `[a b]`. */
export function valueSlice(args: readonly string[]): string {
  return `[${args.join(' ')}]`;
}

function fmtFrac(v: number, prec: number): string {
  // trailing zeros removed, as Go's fmtFrac does
  let s = '';
  let print = false;
  let w = v;
  for (let i = 0; i < prec; i++) {
    const digit = w % 10;
    print = print || digit !== 0;
    if (print) s = `${digit}${s}`;
    w = Math.floor(w / 10);
  }
  return print ? `.${s}` : '';
}

/** time.Duration.String for a duration in nanoseconds. */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let u = Math.abs(Math.round(ns));
  let out: string;
  if (u < 1e9) {
    let prec: number;
    let unit: string;
    if (u < 1e3) return `${neg ? '-' : ''}${u}ns`;
    if (u < 1e6) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const whole = Math.floor(u / 10 ** prec);
    out = `${whole}${fmtFrac(u % 10 ** prec, prec)}${unit}`;
  } else {
    const frac = fmtFrac(u % 1e9, 9);
    u = Math.floor(u / 1e9);
    const secs = u % 60;
    u = Math.floor(u / 60);
    out = `${secs}${frac}s`;
    if (u > 0) {
      const mins = u % 60;
      u = Math.floor(u / 60);
      out = `${mins}m${out}`;
      if (u > 0) out = `${u}h${out}`;
    }
  }
  return (neg ? '-' : '') + out;
}

/** strconv.QuoteRune for a small int (Go's `%q` of an int). */
function quoteRuneInt(n: number): string {
  if (n >= 0x20 && n < 0x7f) {
    const ch = String.fromCharCode(n);
    return ch === "'" ? "'\\''" : ch === '\\' ? "'\\\\'" : `'${ch}'`;
  }
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
  if (named[n]) return `'${named[n]}'`;
  if (n < 0x80) return `'\\x${n.toString(16).padStart(2, '0')}'`;
  if (n <= 0x10ffff) {
    const ch = String.fromCodePoint(n);
    if (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) return `'${ch}'`;
    return n <= 0xffff ? `'\\u${n.toString(16).padStart(4, '0')}'` : `'\\U${n.toString(16).padStart(8, '0')}'`;
  }
  return "'\\ufffd'";
}

export interface HealthFields {
  test: readonly string[];
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

/** `%q` of a *container.HealthConfig (moby 26: Test, Interval, Timeout, StartPeriod, StartInterval, Retries). */
export function quoteHealth(h: HealthFields): string {
  return `&{${quoteSlice(h.test)} ${goQuote(goDuration(h.interval))} ${goQuote(goDuration(h.timeout))} ${goQuote(goDuration(h.startPeriod))} ${goQuote(goDuration(h.startInterval))} ${quoteRuneInt(h.retries)}}`;
}

/** `%v` of a map[nat.Port]struct{} (keys sorted, as fmt prints maps). */
export function portMap(ports: readonly string[]): string {
  return `map[${[...ports].sort().map((p) => `${p}:{}`).join(' ')}]`;
}
