/**
 * Flag value conversions with the reference CLI's error texts: Go's strconv and time.ParseDuration
 * (what pflag uses), go-units RAMInBytes (docker's MemBytes), big.Rat (NanoCPUs), encoding/csv
 * (pflag's StringSlice), and the validators docker attaches to some list flags.
 * Each function returns the parsed value or throws a ValueError whose message is what the CLI
 * prints after `invalid argument "…" for "…" flag: `.
 */

export class ValueError extends Error {}

/** Go's strconv.Quote for the ASCII range (what `%q` prints). */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Go's `%q` of a single byte (a rune): 'f'. */
export function goQuoteRune(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '\\') return "'\\\\'";
  const quoted = goQuote(ch).slice(1, -1);
  return `'${quoted === '\\"' ? '"' : quoted}'`;
}

export function parseBool(text: string): boolean {
  switch (text) {
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'true':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'false':
    case 'False':
      return false;
  }
  throw new ValueError(`strconv.ParseBool: parsing ${goQuote(text)}: invalid syntax`);
}

/** Digits of an integer literal in Go's base-0 syntax (0x, 0o, 0b, leading 0, underscores). */
function parseUnsignedLiteral(text: string): bigint | null {
  let base = 10;
  let digits = text;
  let prefixed = false;
  if (/^0[xX]/.test(text)) [base, digits, prefixed] = [16, text.slice(2), true];
  else if (/^0[bB]/.test(text)) [base, digits, prefixed] = [2, text.slice(2), true];
  else if (/^0[oO]/.test(text)) [base, digits, prefixed] = [8, text.slice(2), true];
  else if (/^0./.test(text)) [base, digits] = [8, text.slice(1)];
  if (digits.includes('_')) {
    // underscores only between digits (or right after a base prefix)
    const withPrefix = (prefixed || base === 8 ? '0' : '') + digits;
    if (!/^[0-9a-zA-Z](_?[0-9a-zA-Z])*$/.test(withPrefix) && !/^0(_?[0-9a-zA-Z])+$/.test(withPrefix)) return null;
    digits = digits.replaceAll('_', '');
  }
  if (digits === '') return text === '0' ? 0n : null;
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base as 2 | 8 | 10 | 16];
  if (!valid.test(digits)) return null;
  let value = 0n;
  for (const ch of digits) value = value * BigInt(base) + BigInt(parseInt(ch, 16));
  return value;
}

/** strconv.ParseInt(text, 0, bits). */
export function parseInt64(text: string, bits = 64): number {
  const sign = text.startsWith('-') ? -1n : 1n;
  const body = text.startsWith('-') || text.startsWith('+') ? text.slice(1) : text;
  const value = parseUnsignedLiteral(body);
  if (value === null) throw new ValueError(`strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`);
  const signed = sign * value;
  const limit = 1n << BigInt(bits - 1);
  if (signed >= limit || signed < -limit) throw new ValueError(`strconv.ParseInt: parsing ${goQuote(text)}: value out of range`);
  return Number(signed);
}

/** strconv.ParseUint(text, 0, bits). */
export function parseUint(text: string, bits = 64): number {
  const value = parseUnsignedLiteral(text);
  if (value === null) throw new ValueError(`strconv.ParseUint: parsing ${goQuote(text)}: invalid syntax`);
  if (value >= 1n << BigInt(bits)) throw new ValueError(`strconv.ParseUint: parsing ${goQuote(text)}: value out of range`);
  return Number(value);
}

const FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d+)?|\d(?:_?\d)*\.(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** strconv.ParseFloat(text, 64), decimal forms. */
export function parseFloat64(text: string): number {
  if (!FLOAT.test(text)) throw new ValueError(`strconv.ParseFloat: parsing ${goQuote(text)}: invalid syntax`);
  const lower = text.toLowerCase().replace(/^\+/, '');
  if (/^-?inf(inity)?$/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
  if (lower === 'nan' || lower === '-nan') return NaN;
  return Number(text.replaceAll('_', ''));
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** time.ParseDuration; the result is in nanoseconds. */
export function parseDuration(text: string): number {
  const invalid = () => new ValueError(`time: invalid duration ${goQuote(text)}`);
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw invalid();
  let total = 0;
  while (s !== '') {
    const number = /^(\d*)(\.\d*)?/.exec(s)!;
    if (number[0] === '' || number[0] === '.') throw invalid();
    s = s.slice(number[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === '') throw new ValueError(`time: missing unit in duration ${goQuote(text)}`);
    const scale = DURATION_UNITS[unit];
    if (scale === undefined) throw new ValueError(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}`);
    s = s.slice(unit.length);
    total += Number(number[0]) * scale;
  }
  if (total > 2 ** 63) throw invalid();
  return negative ? -total : total;
}

/** go-units RAMInBytes (v0.5.0): binary units, an optional `b`/`ib` after k, m, g, t, p. */
export function ramInBytes(text: string): number {
  const sep = Math.max(...[...'01234567890. '].map((ch) => text.lastIndexOf(ch)));
  if (sep === -1) throw new ValueError(`invalid size: '${text}'`);
  const num = text[sep] === ' ' ? text.slice(0, sep) : text.slice(0, sep + 1);
  let sfx = text.slice(sep + 1);
  let size = parseFloat64(num);
  if (size < 0) throw new ValueError(`invalid size: '${text}'`);
  if (sfx === '') return Math.trunc(size);
  const bad = () => new ValueError(`invalid suffix: '${sfx}'`);
  if (sfx.length > 3) throw bad();
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') {
    if (sfx.length > 1) throw bad();
    return Math.trunc(size);
  }
  const multiplier = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 }[sfx[0] as 'k'];
  if (multiplier === undefined) throw bad();
  size *= multiplier;
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) throw bad();
  return Math.trunc(size);
}

/** docker opts.NanoCPUs: a rational number of CPUs, at most 9 decimals. Returns nano-CPUs. */
export function nanoCpus(text: string): number {
  const fraction = /^([+-]?\d+)\/(\d+)$/.exec(text);
  let value: number;
  if (fraction) {
    if (Number(fraction[2]) === 0) throw new ValueError(`failed to parse ${text} as a rational number`);
    value = Number(fraction[1]) / Number(fraction[2]);
  } else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) value = Number(text);
  else throw new ValueError(`failed to parse ${text} as a rational number`);
  const nano = value * 1e9;
  if (Math.abs(nano - Math.round(nano)) > 1e-6) throw new ValueError('value is too precise');
  return Math.round(nano);
}

/** encoding/csv reading one record, as pflag's StringSlice does. */
export function readCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const column = (index: number) => index + 1;
  for (;;) {
    if (text[i] === '"') {
      let field = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) throw new ValueError(`parse error on line 1, column ${column(text.length)}: extraneous or missing " in quoted-field`);
        field += text.slice(j, q);
        if (text[q + 1] === '"') {
          field += '"';
          j = q + 2;
        } else if (q + 1 === text.length || text[q + 1] === ',') {
          i = q + 1;
          break;
        } else throw new ValueError(`parse error on line 1, column ${column(q + 1)}: extraneous or missing " in quoted-field`);
      }
      fields.push(field);
    } else {
      const end = text.indexOf(',', i);
      const field = end === -1 ? text.slice(i) : text.slice(i, end);
      const quote = field.indexOf('"');
      if (quote !== -1) throw new ValueError(`parse error on line 1, column ${column(i + quote + 1)}: bare " in non-quoted-field`);
      fields.push(field);
      i = end === -1 ? text.length : end;
    }
    if (i >= text.length) break;
    i++; // the comma
    if (i === text.length) {
      fields.push('');
      break;
    }
  }
  return fields;
}

function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

function isIPv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return false;
  const double = text.split('::');
  if (double.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const all = [...groups(double[0]!), ...(double.length === 2 ? groups(double[1]!) : [])];
  let count = 0;
  for (const [index, group] of all.entries()) {
    if (index === all.length - 1 && group.includes('.')) {
      if (!isIPv4(group)) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(group)) count++;
    else return false;
  }
  return double.length === 2 ? count < 8 : count === 8;
}

export function isIP(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}

/**
 * Validators of docker's ListOpts/MapOpts flags, by flag name (cli/command/container/opts.go and
 * opts/*.go). Return the value to store; throw ValueError with the CLI's text.
 */
export const LIST_VALIDATORS: Record<string, (value: string, env: Readonly<Record<string, string>>) => string> = {
  /** opts.ValidateEnv: `-e NAME` takes NAME's value from the client's environment, when set. */
  env(value, env) {
    const [name, rest] = splitOnce(value, '=');
    if (name === '') throw new ValueError(`invalid environment variable: ${value}`);
    if (rest === undefined && Object.hasOwn(env, name)) return `${name}=${env[name]}`;
    return value;
  },
  'add-host'(value) {
    let [host, ip] = splitOnce(value, '=');
    if (ip === undefined) [host, ip] = splitOnce(value, ':');
    if (ip === undefined || host === '' || host!.includes(':')) throw new ValueError(`bad format for add-host: ${goQuote(value)}`);
    if (ip !== 'host-gateway') {
      const bare = ip.length > 2 && ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
      if (!isIP(bare)) throw new ValueError(`invalid IP address in add-host: ${goQuote(bare)}`);
    }
    return value;
  },
  dns(value) {
    if (!isIP(value.trim())) throw new ValueError(`IP address is not correctly formatted: ${value}`);
    return value;
  },
  label(value) {
    if (value.split('=', 1)[0]!.trim() === '') throw new ValueError(`invalid label '${value}': empty name`);
    return value;
  },
  attach(value) {
    if (!['stdin', 'stdout', 'stderr'].includes(value.toLowerCase())) {
      throw new ValueError('valid streams are STDIN, STDOUT and STDERR');
    }
    return value;
  },
  'blkio-weight-device': (value) =>
    validateDevice(value, (rate) => {
      const weight = /^\d+$/.test(rate) ? Number(rate) : NaN;
      if (!(weight >= 0 && weight < 65536) || (weight > 0 && (weight < 10 || weight > 1000))) {
        throw new ValueError(`invalid weight for device: ${value}`);
      }
    }),
  'device-read-bps': validateDeviceBps,
  'device-write-bps': validateDeviceBps,
  'device-read-iops': validateDeviceIops,
  'device-write-iops': validateDeviceIops,
  filter(value) {
    if (!value.includes('=')) throw new ValueError('bad format of filter (expected name=value)');
    return value;
  },
  ulimit(value) {
    const [name, limits] = splitOnce(value, '=');
    if (limits === undefined) throw new ValueError(`invalid ulimit argument: ${value}`);
    const known = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack'];
    if (!known.includes(name)) throw new ValueError(`invalid ulimit type: ${name}`);
    const [soft, hard] = splitOnce(limits, ':');
    const softValue = parseInt64(soft);
    if (hard !== undefined) {
      const hardValue = parseInt64(hard);
      if (softValue > hardValue) {
        throw new ValueError(`ulimit soft limit must be less than or equal to hard limit: ${softValue} > ${hardValue}`);
      }
    }
    return value;
  },
  mount(value) {
    const keys = ['type', 'source', 'src', 'target', 'dst', 'destination', 'readonly', 'ro', 'consistency', 'bind-propagation', 'bind-nonrecursive', 'bind-recursive', 'bind-create-src', 'volume-nocopy', 'volume-driver', 'volume-label', 'volume-opt', 'volume-subpath', 'tmpfs-size', 'tmpfs-mode', 'image-subpath'];
    let target = false;
    for (const field of readCsvRecord(value)) {
      const [key, val] = splitOnce(field, '=');
      const lower = key.toLowerCase();
      if (val === undefined && !['readonly', 'ro', 'bind-nonrecursive', 'volume-nocopy'].includes(lower)) {
        throw new ValueError(`invalid field '${field}' must be a key=value pair`);
      }
      if (!keys.includes(lower)) throw new ValueError(`unexpected key '${key}' in '${field}'`);
      if (['target', 'dst', 'destination'].includes(lower)) target = true;
    }
    if (!target) throw new ValueError('target is required');
    return value;
  },
  network(value) {
    if (!value.includes('=')) return value;
    for (const field of readCsvRecord(value)) {
      const [key, val] = splitOnce(field, '=');
      if (val === undefined) throw new ValueError(`invalid field ${field}`);
      if (!['name', 'alias', 'ip', 'ip6', 'mac-address', 'link-local-ip', 'driver-opt', 'gw-priority'].includes(key.toLowerCase())) {
        throw new ValueError(`invalid field key ${key}`);
      }
    }
    return value;
  },
  gpus(value) {
    const count = value.includes('=')
      ? readCsvRecord(value).map((field) => splitOnce(field, '=')).find(([key]) => key === 'count')?.[1]
      : value;
    if (count !== undefined && count !== 'all' && !/^[+-]?\d+$/.test(count)) {
      throw new ValueError(`invalid count (${count}): value must be either "all" or an integer: invalid syntax`);
    }
    return value;
  },
  sysctl(value) {
    const key = splitOnce(value, '=')[0];
    const ipc = ['kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem', 'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced'];
    if (!value.includes('=') || !(ipc.includes(key) || key.startsWith('fs.mqueue.') || key.startsWith('net.'))) {
      throw new ValueError(`sysctl '${value}' is not allowed`);
    }
    return value;
  },
};

/** opts.ValidateWeightDevice / ValidateThrottle*Device: DEVICE-PATH:RATE. */
function validateDevice(value: string, checkRate: (rate: string) => void): string {
  const [device, rate] = splitOnce(value, ':');
  if (rate === undefined || device === '') throw new ValueError(`bad format: ${value}`);
  if (!device.startsWith('/dev/')) throw new ValueError(`bad format for device path: ${value}`);
  checkRate(rate);
  return value;
}

function validateDeviceBps(value: string): string {
  return validateDevice(value, (rate) => {
    let bytes: number;
    try {
      bytes = ramInBytes(rate);
    } catch {
      bytes = -1;
    }
    if (bytes < 0) {
      throw new ValueError(
        `invalid rate for device: ${value}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`,
      );
    }
  });
}

function validateDeviceIops(value: string): string {
  return validateDevice(value, (rate) => {
    if (!/^\d+$/.test(rate)) {
      throw new ValueError(`invalid rate for device: ${value}. The correct format is <device-path>:<number>. Number must be a positive integer`);
    }
  });
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index + separator.length)];
}
