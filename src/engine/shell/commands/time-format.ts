/**
 * Dates as the C library formats them in C.UTF-8, in UTC (the simulated machines have no time
 * zone): strftime for `date +FORMAT`, `date`'s default `Thu Nov 26 09:00:00 UTC 2026`, and the
 * `ls -l` column (`Nov 26 09:00` for files from the last six months, `Jan  2  2025` otherwise).
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dayOfYear(date: Date): number {
  return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** ISO 8601 week number and week-based year (weeks start on Monday; week 1 has the year's first Thursday). */
function isoWeek(date: Date): { week: number; year: number } {
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 3 - ((date.getUTCDay() + 6) % 7)));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return { week, year };
}

/** The value of one conversion, with its default padding character and width. */
function field(letter: string, date: Date, ms: number): { text: string; numeric: boolean; width: number; pad: string } | null {
  const num = (value: number, width: number, pad = '0') => ({ text: String(value), numeric: true, width, pad });
  const str = (text: string) => ({ text, numeric: false, width: 0, pad: ' ' });
  const hours = date.getUTCHours();
  switch (letter) {
    case 'a':
      return str(DAYS[date.getUTCDay()]!.slice(0, 3));
    case 'A':
      return str(DAYS[date.getUTCDay()]!);
    case 'b':
    case 'h':
      return str(MONTHS[date.getUTCMonth()]!.slice(0, 3));
    case 'B':
      return str(MONTHS[date.getUTCMonth()]!);
    case 'c':
      return str(strftime('%a %b %e %H:%M:%S %Y', ms));
    case 'C':
      return num(Math.floor(date.getUTCFullYear() / 100), 2);
    case 'd':
      return num(date.getUTCDate(), 2);
    case 'D':
      return str(strftime('%m/%d/%y', ms));
    case 'e':
      return num(date.getUTCDate(), 2, ' ');
    case 'F':
      return str(strftime('%Y-%m-%d', ms));
    case 'H':
      return num(hours, 2);
    case 'I':
      return num(hours % 12 === 0 ? 12 : hours % 12, 2);
    case 'j':
      return num(dayOfYear(date), 3);
    case 'k':
      return num(hours, 2, ' ');
    case 'l':
      return num(hours % 12 === 0 ? 12 : hours % 12, 2, ' ');
    case 'm':
      return num(date.getUTCMonth() + 1, 2);
    case 'M':
      return num(date.getUTCMinutes(), 2);
    case 'n':
      return str('\n');
    case 'N':
      return str(String((ms % 1000) * 1_000_000).padStart(9, '0'));
    case 'p':
      return str(hours < 12 ? 'AM' : 'PM');
    case 'P':
      return str(hours < 12 ? 'am' : 'pm');
    case 'r':
      return str(strftime('%I:%M:%S %p', ms));
    case 'R':
      return str(strftime('%H:%M', ms));
    case 's':
      return num(Math.floor(ms / 1000), 1);
    case 'S':
      return num(date.getUTCSeconds(), 2);
    case 't':
      return str('\t');
    case 'T':
      return str(strftime('%H:%M:%S', ms));
    case 'U':
      return num(Math.floor((dayOfYear(date) - 1 - date.getUTCDay() + 7) / 7), 2);
    case 'W':
      return num(Math.floor((dayOfYear(date) - 1 - ((date.getUTCDay() + 6) % 7) + 7) / 7), 2);
    case 'V':
      return num(isoWeek(date).week, 2);
    case 'G':
      return num(isoWeek(date).year, 1);
    case 'g':
      return num(isoWeek(date).year % 100, 2);
    case 'u':
      return num(date.getUTCDay() === 0 ? 7 : date.getUTCDay(), 1);
    case 'w':
      return num(date.getUTCDay(), 1);
    case 'x':
      return str(strftime('%m/%d/%y', ms));
    case 'X':
      return str(strftime('%H:%M:%S', ms));
    case 'y':
      return num(date.getUTCFullYear() % 100, 2);
    case 'Y':
      return num(date.getUTCFullYear(), 1);
    case 'z':
      return str('+0000');
    case 'Z':
      return str('UTC');
    case '%':
      return str('%');
    default:
      return null;
  }
}

/** strftime(3) in UTC with the GNU flags `-` (no padding), `_` (spaces), `0`, `^` (upper case). */
export function strftime(format: string, ms: number): string {
  const date = new Date(ms);
  let out = '';
  for (let i = 0; i < format.length; i += 1) {
    const char = format[i]!;
    if (char !== '%' || i + 1 >= format.length) {
      out += char;
      continue;
    }
    let j = i + 1;
    let flag = '';
    while ('-_0^#'.includes(format[j] ?? 'x')) flag += format[j++];
    let width = '';
    while (/\d/.test(format[j] ?? '')) width += format[j++];
    const letter = format[j] ?? '';
    const value = field(letter, date, ms);
    if (!value) {
      out += format.slice(i, j + 1);
      i = j;
      continue;
    }
    let text = value.text;
    const padWidth = width !== '' ? Number(width) : value.width;
    if (value.numeric && !flag.includes('-')) {
      const padChar = flag.includes('_') ? ' ' : flag.includes('0') ? '0' : value.pad;
      text = text.padStart(padWidth, padChar);
    } else if (!value.numeric && width !== '') {
      text = text.padStart(padWidth, flag.includes('0') ? '0' : ' ');
    }
    if (flag.includes('^')) text = text.toUpperCase();
    out += text;
    i = j;
  }
  return out;
}

/** `date` with no format: `Thu Nov 26 09:00:00 UTC 2026`. */
export function defaultDate(ms: number): string {
  return strftime('%a %b %e %H:%M:%S %Z %Y', ms);
}

/** Half of the average Gregorian year, the "recent" window of `ls -l`. */
const SIX_MONTHS_MS = (31_556_952 / 2) * 1000;

/** The date column of `ls -l`. */
export function lsDate(mtime: number, now: number): string {
  const recent = mtime > now - SIX_MONTHS_MS && mtime <= now;
  return strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', mtime);
}
