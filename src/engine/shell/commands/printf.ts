/**
 * printf as bash's builtin: C conversions (%s %b %q %c %d %i %u %o %x %X %f %e %g …) with flags,
 * width and precision (`*` too), escapes in the format, numbers from `'A`, 0x and 0 prefixes, and the
 * format reused while arguments remain. Diagnostics are printed before the output, as bash's
 * buffered stdout makes them appear. `formatPrintf` is pure, for the shell's `printf -v`.
 */
import { utf8Length } from '../../fs/state';
import type { Program } from '../../process';
import { expandEscapes } from './backslash-escapes';
import { BASH_PREFIX, PRINTF } from './messages/bash-builtins';

export interface PrintfResult {
  output: string;
  diagnostics: string[];
  status: number;
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64 = 1n << 64n;

interface Spec {
  flags: string;
  width: number | null;
  precision: number | null;
  conversion: string;
}

class ArgumentFeed {
  index = 0;
  constructor(
    private readonly args: readonly string[],
    private readonly report: (message: string, fails?: boolean) => void,
  ) {}

  get remaining(): boolean {
    return this.index < this.args.length;
  }

  next(): string | undefined {
    if (this.index >= this.args.length) return undefined;
    const arg = this.args[this.index]!;
    this.index += 1;
    return arg;
  }

  /** strtoimax with bash's checks: `'c` gives the character's code, garbage after digits warns. */
  integer(): bigint {
    const arg = this.next();
    if (arg === undefined) return 0n;
    if (arg.startsWith("'") || arg.startsWith('"')) return BigInt(arg.length > 1 ? arg.codePointAt(1)! : 0);
    const match = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(arg);
    if (!match) {
      this.report(PRINTF.invalidNumber(arg));
      return 0n;
    }
    const digits = match[2]!;
    let value = digits.length > 1 && digits.startsWith('0') && !/^0[xX]/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
    if (match[1] === '-') value = -value;
    if (match[0].length !== arg.length) {
      this.report(PRINTF.invalidNumber(arg));
    } else if (value > INT64_MAX || value < INT64_MIN) {
      this.report(PRINTF.outOfRange(arg), false);
      value = value > INT64_MAX ? INT64_MAX : INT64_MIN;
    }
    return value;
  }

  float(): number {
    const arg = this.next();
    if (arg === undefined) return 0;
    if (arg.startsWith("'") || arg.startsWith('"')) return arg.length > 1 ? arg.codePointAt(1)! : 0;
    const match = /^[ \t\n\v\f\r]*([+-]?(?:inf(?:inity)?|nan|0[xX][0-9a-fA-F]*\.?[0-9a-fA-F]*(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?))/i.exec(arg);
    if (!match) {
      this.report(PRINTF.invalidNumber(arg));
      return 0;
    }
    const value = parseCFloat(match[1]!);
    if (match[0].length !== arg.length) this.report(PRINTF.invalidNumber(arg));
    return value;
  }
}

function parseCFloat(text: string): number {
  const lower = text.toLowerCase();
  const sign = lower.startsWith('-') ? -1 : 1;
  const body = lower.replace(/^[+-]/, '');
  if (body.startsWith('inf')) return sign * Infinity;
  if (body === 'nan') return NaN;
  if (body.startsWith('0x')) {
    const [mantissa = '', exponent = '0'] = body.slice(2).split('p');
    const [whole = '', fraction = ''] = mantissa.split('.');
    let value = whole === '' ? 0 : parseInt(whole, 16);
    for (let i = 0; i < fraction.length; i += 1) value += parseInt(fraction[i]!, 16) / 16 ** (i + 1);
    return sign * value * 2 ** Number(exponent);
  }
  return sign * Number(body);
}

function pad(text: string, spec: Spec, zeroAllowed: boolean): string {
  const width = spec.width ?? 0;
  const length = utf8Length(text); // C's printf pads by bytes: `%5s` of é adds three spaces
  if (length >= width) return text;
  const fill = width - length;
  if (spec.flags.includes('-')) return text + ' '.repeat(fill);
  if (zeroAllowed && spec.flags.includes('0')) {
    const prefix = /^([+\- ]?(?:0[xX])?)/.exec(text)![1]!;
    return prefix + '0'.repeat(fill) + text.slice(prefix.length);
  }
  return ' '.repeat(fill) + text;
}

function formatInteger(value: bigint, spec: Spec): string {
  const conversion = spec.conversion;
  const signed = conversion === 'd' || conversion === 'i';
  let magnitude = value;
  let sign = '';
  if (signed) {
    if (value < 0n) {
      sign = '-';
      magnitude = -value;
    } else if (spec.flags.includes('+')) sign = '+';
    else if (spec.flags.includes(' ')) sign = ' ';
  } else if (magnitude < 0n) {
    magnitude += UINT64;
  }
  const radix = conversion === 'o' ? 8 : conversion === 'x' || conversion === 'X' ? 16 : 10;
  let digits = magnitude.toString(radix);
  if (conversion === 'X') digits = digits.toUpperCase();
  if (spec.precision !== null) {
    if (spec.precision === 0 && magnitude === 0n) digits = '';
    digits = digits.padStart(spec.precision, '0');
  }
  let prefix = '';
  if (spec.flags.includes('#')) {
    if (conversion === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    if ((conversion === 'x' || conversion === 'X') && magnitude !== 0n) prefix = conversion === 'x' ? '0x' : '0X';
  }
  return pad(sign + prefix + digits, spec, spec.precision === null);
}

/**
 * JS rounds exact ties up (2.5 → 3); C's printf rounds them to even (2.5 → 2). A tie is exact when
 * the digits past the precision are a 5 and then only zeros in the double's exact expansion.
 */
function isExactTie(wideDigits: string): boolean {
  return /^50*$/.test(wideDigits);
}

function exponential(value: number, precision: number): string {
  let text = value.toExponential(precision);
  if (Number.isFinite(value) && precision < 70) {
    const wide = value.toExponential(Math.min(100, precision + 30));
    const [wideMantissa = '', wideExponent = ''] = wide.split('e');
    const digits = wideMantissa.replace('.', '');
    if (isExactTie(digits.slice(precision + 1)) && Number(digits[precision]) % 2 === 0) {
      const kept = digits.slice(0, precision + 1);
      text = `${kept[0]}${precision > 0 ? `.${kept.slice(1)}` : ''}e${wideExponent}`;
    }
  }
  const [mantissa, exponent] = text.split('e') as [string, string];
  const expSign = exponent.startsWith('-') ? '-' : '+';
  const expDigits = exponent.replace(/^[+-]/, '').padStart(2, '0');
  return `${mantissa}e${expSign}${expDigits}`;
}

function fixed(value: number, precision: number): string {
  if (Math.abs(value) < 1e21) {
    if (precision < 70) {
      const wide = value.toFixed(Math.min(100, precision + 30));
      const [whole = '', fraction = ''] = wide.split('.');
      const lastKept = precision > 0 ? fraction[precision - 1] : whole[whole.length - 1];
      if (isExactTie(fraction.slice(precision)) && Number(lastKept) % 2 === 0) {
        return precision > 0 ? `${whole}.${fraction.slice(0, precision)}` : whole;
      }
    }
    return value.toFixed(precision);
  }
  const whole = BigInt(Math.trunc(value)).toString();
  return precision > 0 ? `${whole}.${'0'.repeat(precision)}` : whole;
}

function general(value: number, precision: number, alternate: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const exponent = value === 0 ? 0 : Number(value.toExponential(p - 1).split('e')[1]);
  const text = p > exponent && exponent >= -4 ? fixed(value, p - 1 - exponent) : exponential(value, p - 1);
  return alternate ? text : stripTrailingZeros(text);
}

function stripTrailingZeros(text: string): string {
  const [mantissa, exponent] = text.split('e') as [string, string | undefined];
  let m = mantissa;
  if (m.includes('.')) m = m.replace(/0+$/, '').replace(/\.$/, '');
  return exponent === undefined ? m : `${m}e${exponent}`;
}

function formatFloat(value: number, spec: Spec): string {
  const upper = spec.conversion === spec.conversion.toUpperCase();
  const lower = spec.conversion.toLowerCase();
  const precision = spec.precision ?? 6;
  const negative = value < 0 || Object.is(value, -0);
  const magnitude = Math.abs(value);
  let body: string;
  if (!Number.isFinite(magnitude)) {
    body = Number.isNaN(magnitude) ? 'nan' : 'inf';
  } else if (lower === 'f') {
    body = fixed(magnitude, precision);
  } else if (lower === 'e') {
    body = exponential(magnitude, precision);
  } else if (lower === 'g') {
    body = general(magnitude, precision, spec.flags.includes('#'));
  } else {
    body = hexFloat(magnitude, spec.precision);
  }
  if (spec.flags.includes('#') && !body.includes('.') && (lower === 'f' || lower === 'e') && Number.isFinite(magnitude)) {
    body = body.replace(/^(\d+)/, '$1.');
  }
  if (upper) body = body.toUpperCase();
  const sign = negative && !Number.isNaN(value) ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  return pad(sign + body, spec, Number.isFinite(magnitude));
}

/** %a as glibc prints a long double: 1 is `0x8p-3`. */
function hexFloat(value: number, precision: number | null): string {
  if (value === 0) return precision ? `0x0.${'0'.repeat(precision)}p+0` : '0x0p+0';
  let exponent = Math.floor(Math.log2(value));
  let mantissa = value / 2 ** exponent; // in [1, 2)
  mantissa *= 8; // leading hex digit 8..f, as the x87 long double format has it
  exponent -= 3;
  const lead = Math.floor(mantissa);
  let fraction = mantissa - lead;
  let digits = '';
  const limit = precision ?? 16;
  for (let i = 0; i < limit && (precision !== null || fraction > 0); i += 1) {
    fraction *= 16;
    const digit = Math.floor(fraction);
    digits += digit.toString(16);
    fraction -= digit;
  }
  return `0x${lead.toString(16)}${digits ? `.${digits}` : ''}p${exponent >= 0 ? '+' : ''}${exponent}`;
}

/** bash's printf %q: backslashes before shell-special characters, $'…' when a character is unprintable. */
export function shellQuoteForPrintf(text: string): string {
  if (text === '') return "''";
  if ([...text].some((c) => /^\p{Cc}$/u.test(c))) {
    let body = '';
    for (const char of text) {
      const named: Record<string, string> = { '\x07': 'a', '\b': 'b', '\x1b': 'E', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v', '\\': '\\', "'": "'" };
      if (named[char] !== undefined) body += `\\${named[char]}`;
      else if (/^\p{Cc}$/u.test(char)) body += `\\${char.codePointAt(0)!.toString(8).padStart(3, '0')}`;
      else body += char;
    }
    return `$'${body}'`;
  }
  let out = '';
  [...text].forEach((char, index, chars) => {
    if (' \t\n!"$&\'()*,;<>?[\\]^`{|}'.includes(char)) out += '\\';
    else if (char === '#' && index === 0) out += '\\';
    else if (char === '~' && (index === 0 || chars[index - 1] === ':' || chars[index - 1] === '=')) out += '\\';
    out += char;
  });
  return out;
}

const FLAGS = '-+ #0';
const LENGTH_MODIFIERS = 'hjlLtz';

export function formatPrintf(format: string, args: readonly string[]): PrintfResult {
  const diagnostics: string[] = [];
  let status = 0;
  const feed = new ArgumentFeed(args, (message, fails = true) => {
    diagnostics.push(message);
    if (fails) status = 1;
  });
  let output = '';
  for (;;) {
    const before = feed.index;
    let i = 0;
    while (i < format.length) {
      const char = format[i]!;
      if (char === '\\') {
        let end = i + 2;
        if (format[i + 1] !== undefined) {
          const follower = format[i + 1]!;
          if (/[0-7]/.test(follower)) while (end < i + 4 && /[0-7]/.test(format[end] ?? '')) end += 1;
          else if (follower === 'x') while (end < i + 4 && /[0-9a-fA-F]/.test(format[end] ?? '')) end += 1;
          else if (follower === 'u') while (end < i + 6 && /[0-9a-fA-F]/.test(format[end] ?? '')) end += 1;
          else if (follower === 'U') while (end < i + 10 && /[0-9a-fA-F]/.test(format[end] ?? '')) end += 1;
        }
        const expanded = expandEscapes(format.slice(i, end), 'format');
        diagnostics.push(...expanded.warnings);
        output += expanded.text;
        i = end;
        continue;
      }
      if (char !== '%') {
        output += char;
        i += 1;
        continue;
      }
      if (format[i + 1] === '%') {
        output += '%';
        i += 2;
        continue;
      }
      const start = i;
      i += 1;
      let flags = '';
      while (i < format.length && FLAGS.includes(format[i]!)) flags += format[i++];
      let width: number | null = null;
      if (format[i] === '*') {
        const w = Number(feed.integer());
        if (w < 0) flags += '-';
        width = Math.abs(w);
        i += 1;
      } else {
        let digits = '';
        while (i < format.length && /\d/.test(format[i]!)) digits += format[i++];
        if (digits !== '') width = Number(digits);
      }
      let precision: number | null = null;
      if (format[i] === '.') {
        i += 1;
        if (format[i] === '*') {
          const p = Number(feed.integer());
          precision = p < 0 ? null : p;
          i += 1;
        } else {
          let digits = '';
          while (i < format.length && /\d/.test(format[i]!)) digits += format[i++];
          precision = digits === '' ? 0 : Number(digits);
        }
      }
      while (i < format.length && LENGTH_MODIFIERS.includes(format[i]!)) i += 1;
      const conversion = format[i];
      if (conversion === undefined) {
        diagnostics.push(PRINTF.missingFormatCharacter(format.slice(start, i)));
        return { output, diagnostics, status: 1 };
      }
      i += 1;
      const spec: Spec = { flags, width, precision, conversion };
      switch (conversion) {
        case 's': {
          let text = feed.next() ?? '';
          if (precision !== null) text = [...text].slice(0, precision).join('');
          output += pad(text, spec, false);
          break;
        }
        case 'b': {
          const expanded = expandEscapes(feed.next() ?? '', 'b');
          diagnostics.push(...expanded.warnings);
          let text = expanded.text;
          if (precision !== null) text = [...text].slice(0, precision).join('');
          output += pad(text, spec, false);
          if (expanded.stop) return { output, diagnostics, status };
          break;
        }
        case 'q': {
          output += pad(shellQuoteForPrintf(feed.next() ?? ''), spec, false);
          break;
        }
        case 'c': {
          const arg = feed.next() ?? '';
          output += pad(arg === '' ? '\0' : [...arg][0]!, spec, false);
          break;
        }
        case 'd':
        case 'i':
        case 'o':
        case 'u':
        case 'x':
        case 'X':
          output += formatInteger(feed.integer(), spec);
          break;
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A':
          output += formatFloat(feed.float(), spec);
          break;
        default:
          diagnostics.push(PRINTF.invalidFormatCharacter(conversion));
          return { output, diagnostics, status: 1 };
      }
    }
    if (feed.index === before || !feed.remaining) break;
  }
  return { output, diagnostics, status };
}

export const printf: Program = async (ctx) => {
  let args = ctx.argv.slice(1);
  const err = (message: string) => ctx.stderr.write(`${BASH_PREFIX}: printf: ${message}\n`);
  if (args[0] === '--') args = args.slice(1);
  else if (args[0] !== undefined && args[0].startsWith('-') && args[0].length > 1) {
    if (args[0] === '-v') {
      err(PRINTF.variableUnsupported);
      return 2;
    }
    err(PRINTF.invalidOption(args[0].slice(0, 2)));
    ctx.stderr.write(`${PRINTF.usage}\n`);
    return 2;
  }
  if (args.length === 0) {
    ctx.stderr.write(`${PRINTF.usage}\n`);
    return 2;
  }
  const result = formatPrintf(args[0]!, args.slice(1));
  for (const message of result.diagnostics) err(message);
  if (result.output !== '') ctx.stdout.write(result.output);
  return result.status;
};
