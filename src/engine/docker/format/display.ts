/**
 * Small display helpers docker's formatters use: Ellipsis (COMMAND column), TruncateID, and Go's
 * time formats (time.Time.String(), RFC 3339) in UTC.
 */
import { isWide } from './width';

const ASCII = /^[\x00-\x7f]*$/;

function charWidth(cp: number): number {
  return isWide(cp) ? 2 : 1;
}

/**
 * formatter.Ellipsis: fit `s` in `maxDisplayWidth` columns, ending with `…` when cut
 * (`"/bin/sh -c 'python …"` comes from Ellipsis(cmd, 20) inside strconv.Quote).
 */
export function ellipsis(s: string, maxDisplayWidth: number): string {
  if (maxDisplayWidth <= 0) return '';
  if (ASCII.test(s)) {
    if (maxDisplayWidth === 1) return s.slice(0, 1);
    if (s.length <= maxDisplayWidth) return s;
    return s.slice(0, maxDisplayWidth - 1) + '…';
  }
  const rs = [...s];
  if (maxDisplayWidth === 1) return rs[0] ?? '';
  const display: number[] = [];
  let width = 0;
  for (const r of rs) {
    width += charWidth(r.codePointAt(0) as number);
    display.push(width);
  }
  if (width <= maxDisplayWidth) return s;
  for (let i = 0; i < display.length - 1; i++) {
    if ((display[i] as number) <= maxDisplayWidth - 1 && (display[i + 1] as number) > maxDisplayWidth - 1) {
      return rs.slice(0, i + 1).join('') + '…';
    }
  }
  return s;
}

/** stringid.TruncateID / formatter.TruncateID: drop `algo:` and keep 12 characters. */
export function truncateID(id: string): string {
  const i = id.indexOf(':');
  if (i >= 0) id = id.slice(i + 1);
  return id.length > 12 ? id.slice(0, 12) : id;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function fraction(nanos: number, trim: boolean): string {
  if (nanos === 0 && trim) return '';
  let s = String(nanos).padStart(9, '0');
  if (trim) s = s.replace(/0+$/, '');
  return '.' + s;
}

function parts(ms: number): { date: string; time: string; nanos: number } {
  const d = new Date(Math.floor(ms));
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return { date, time, nanos: Math.round((ms - Math.floor(ms / 1000) * 1000) * 1e6) };
}

/**
 * time.Time.String() in UTC: `2026-11-26 07:03:23 +0000 UTC`, with `.349471576` when the time has
 * sub-second digits (ps/images CreatedAt come from whole seconds; networks keep nanoseconds).
 * `extraNanos` adds nanoseconds below the millisecond.
 */
export function goTimeString(ms: number, extraNanos = 0): string {
  const p = parts(ms);
  return `${p.date} ${p.time}${fraction(p.nanos + extraNanos, true)} +0000 UTC`;
}

/** time.RFC3339Nano in UTC: `2026-11-26T07:03:24.023531831Z` (trailing zeros trimmed). */
export function rfc3339Nano(ms: number, extraNanos = 0): string {
  const p = parts(ms);
  return `${p.date}T${p.time}${fraction(p.nanos + extraNanos, true)}Z`;
}

/** time.RFC3339 in UTC: `2026-11-26T06:52:16Z`. */
export function rfc3339(ms: number): string {
  const p = parts(ms);
  return `${p.date}T${p.time}Z`;
}

/** The zero time.Time as RFC 3339 (`0001-01-01T00:00:00Z`, e.g. StartedAt of a created container). */
export const ZERO_TIME_RFC3339 = '0001-01-01T00:00:00Z';
