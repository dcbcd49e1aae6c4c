/**
 * Dates as people type them to `date -d` and `touch -d`, the common part of GNU's parse_datetime:
 * `2025-01-02`, `2025-01-02 03:04[:05]`, ISO `T` forms, `@SECONDS`, `now`, `today`, `yesterday`,
 * `tomorrow`, `N UNIT ago`, `+N UNIT`, `next/last UNIT`. All in UTC. Null when not understood.
 */

const UNIT_MS: Record<string, number> = {
  second: 1000,
  sec: 1000,
  minute: 60_000,
  min: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  fortnight: 14 * 86_400_000,
};

function unitMs(word: string): number | 'month' | 'year' | null {
  const unit = word.toLowerCase().replace(/s$/, '');
  if (unit === 'month') return 'month';
  if (unit === 'year') return 'year';
  return UNIT_MS[unit] ?? null;
}

function addUnits(ms: number, count: number, unit: number | 'month' | 'year'): number {
  if (typeof unit === 'number') return ms + count * unit;
  const date = new Date(ms);
  if (unit === 'month') date.setUTCMonth(date.getUTCMonth() + count);
  else date.setUTCFullYear(date.getUTCFullYear() + count);
  return date.getTime();
}

export function parseDate(text: string, now: number): number | null {
  const input = text.trim().toLowerCase();
  if (input === '' || input === 'now' || input === 'today') return input === '' ? startOfDay(now) : now;
  if (input === 'yesterday') return now - 86_400_000;
  if (input === 'tomorrow') return now + 86_400_000;
  const epoch = /^@(-?\d+(?:\.\d+)?)$/.exec(input);
  if (epoch) return Math.round(Number(epoch[1]) * 1000);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?$/.exec(input);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', , zone] = iso;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
    let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s));
    if (zone && zone !== 'z' && zone !== 'utc') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    }
    return ms;
  }
  const relative = /^([+-]?\d+)?\s*([a-z]+?)s?(\s+ago)?$/.exec(input);
  if (relative) {
    const unit = unitMs(relative[2]!);
    if (unit === null) return null;
    let count = relative[1] === undefined ? 1 : Number(relative[1]);
    if (relative[3]) count = -count;
    return addUnits(now, count, unit);
  }
  const nextLast = /^(next|last)\s+([a-z]+)$/.exec(input);
  if (nextLast) {
    const unit = unitMs(nextLast[2]!);
    if (unit === null) return null;
    return addUnits(now, nextLast[1] === 'next' ? 1 : -1, unit);
  }
  return null;
}

function startOfDay(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** touch -t's `[[CC]YY]MMDDhhmm[.ss]`. */
export function parseTouchStamp(text: string, now: number): number | null {
  const match = /^(\d{2}|\d{4})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [, year, mo, d, h, mi, s = '0'] = match;
  let fullYear = new Date(now).getUTCFullYear();
  if (year !== undefined) fullYear = year.length === 4 ? Number(year) : Number(year) < 69 ? 2000 + Number(year) : 1900 + Number(year);
  const month = Number(mo);
  if (month < 1 || month > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59) return null;
  return Date.UTC(fullYear, month - 1, Number(d), Number(h), Number(mi), Number(s));
}
