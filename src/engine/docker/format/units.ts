/**
 * docker/go-units v0.5.0 (HumanDuration, HumanSize, HumanSizeWithPrecision, BytesSize,
 * FromHumanSize, RAMInBytes) and tonistiigi/units (BuildKit's progress sizes), plus the status
 * strings built from them (`Up 3 seconds`, `Exited (0) 2 minutes ago`).
 */
import { formatFloat } from './go/float';
import { parseGoFloat } from './go/numbers';
import { sprintf } from './go/printf';
import { goQuote } from './go/literals';
import { FLOAT64, GoError, INT, STRING, Value } from './go/types';

// --- durations ---

/**
 * units.HumanDuration for a duration in milliseconds: `Less than a second`, `1 second`,
 * `About a minute`, `About an hour`, `3 hours`, `2 days`, `3 weeks`, `4 months`, `2 years`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / 3600000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3600000) / 24 / 365)} years`;
}

/** `HumanDuration(now - then) + " ago"` as CREATED columns show it. */
export function timeAgo(thenMs: number, nowMs: number): string {
  return humanDuration(nowMs - thenMs) + ' ago';
}

export interface ContainerStateLike {
  running: boolean;
  paused?: boolean;
  restarting?: boolean;
  removalInProgress?: boolean;
  dead?: boolean;
  exitCode?: number;
  /** ms since epoch; null/undefined or 0 when never started/finished */
  startedAt?: number | null;
  finishedAt?: number | null;
  /** 'starting' | 'healthy' | 'unhealthy' when a healthcheck is configured */
  health?: 'starting' | 'healthy' | 'unhealthy' | null;
}

/** moby's container State.String(): the STATUS column of `docker ps`. */
export function containerStatus(s: ContainerStateLike, nowMs: number): string {
  const since = (t: number | null | undefined): string => humanDuration(nowMs - (t ?? 0));
  if (s.running) {
    if (s.paused) return `Up ${since(s.startedAt)} (Paused)`;
    if (s.restarting) return `Restarting (${s.exitCode ?? 0}) ${since(s.finishedAt)} ago`;
    if (s.health) {
      const h = s.health === 'starting' ? 'health: starting' : s.health;
      return `Up ${since(s.startedAt)} (${h})`;
    }
    return `Up ${since(s.startedAt)}`;
  }
  if (s.removalInProgress) return 'Removal In Progress';
  if (s.dead) return 'Dead';
  if (!s.startedAt) return 'Created';
  if (!s.finishedAt) return '';
  return `Exited (${s.exitCode ?? 0}) ${since(s.finishedAt)} ago`;
}

// --- sizes ---

const DECIMAL_ABBRS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_ABBRS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function sizeAndUnit(size: number, base: number, map: readonly string[]): [number, string] {
  let i = 0;
  while (size >= base && i < map.length - 1) {
    size = size / base;
    i++;
  }
  return [size, map[i] as string];
}

/** units.CustomSize(format, size, base, map): format gets (float64, string). */
export function customSize(format: string, size: number, base: number, map: readonly string[]): string {
  const [s, unit] = sizeAndUnit(size, base, map);
  return sprintf(format, new Value(FLOAT64, s), new Value(STRING, unit));
}

/** units.HumanSizeWithPrecision: decimal units, `%.<p>g`: `193MB`, `2.05kB`, `0B`, `1e+03kB`. */
export function humanSizeWithPrecision(size: number, precision: number): string {
  const [s, unit] = sizeAndUnit(size, 1000, DECIMAL_ABBRS);
  return sprintf('%.*g%s', new Value(INT, precision), new Value(FLOAT64, s), new Value(STRING, unit));
}

/** units.HumanSize: precision 4 (`2.048kB`, `259.8MB`). */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}

/** units.BytesSize: binary units, `%.4g` (`1.5KiB`, `64MiB`). */
export function bytesSize(size: number): string {
  return customSize('%.4g%s', size, 1024, BINARY_ABBRS);
}

const DECIMAL_MAP: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15 };
const BINARY_MAP: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };

/** go-units parseSize; throws GoError with go-units' message. */
function parseSize(sizeStr: string, map: Record<string, number>): number {
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ('01234567890. '.includes(sizeStr[i] as string)) {
      sep = i;
      break;
    }
  }
  if (sep === -1) throw new GoError(`invalid size: '${sizeStr}'`);
  let num: string;
  let sfx: string;
  if (sizeStr[sep] !== ' ') {
    num = sizeStr.slice(0, sep + 1);
    sfx = sizeStr.slice(sep + 1);
  } else {
    num = sizeStr.slice(0, sep);
    sfx = sizeStr.slice(sep + 1);
  }
  const size = parseFloatStrict(num);
  if (size < 0) throw new GoError(`invalid size: '${sizeStr}'`);
  if (sfx.length === 0) return Math.trunc(size);
  if (sfx.length > 3) throw new GoError(`invalid suffix: '${sfx}'`);
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') {
    if (sfx.length > 1) throw new GoError(`invalid suffix: '${sfx}'`);
    return Math.trunc(size);
  }
  const mul = map[sfx[0] as string];
  if (mul === undefined) throw new GoError(`invalid suffix: '${sfx}'`);
  if ((sfx.length === 2 && sfx[1] !== 'b') || (sfx.length === 3 && sfx.slice(1) !== 'ib')) {
    throw new GoError(`invalid suffix: '${sfx}'`);
  }
  return Math.trunc(size * mul);
}

function parseFloatStrict(num: string): number {
  const v = parseGoFloat(num);
  if (v === null) throw new GoError(`strconv.ParseFloat: parsing ${goQuote(num)}: invalid syntax`);
  return v;
}

/** units.FromHumanSize: decimal (`44kB` = 44000). Throws GoError. */
export function fromHumanSize(size: string): number {
  return parseSize(size, DECIMAL_MAP);
}

/** units.RAMInBytes: binary (`--memory 512m` = 536870912). Throws GoError (`invalid size: 'abc'`). */
export function ramInBytes(size: string): number {
  return parseSize(size, BINARY_MAP);
}

// --- BuildKit (tonistiigi/units) ---

const BK_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/**
 * `fmt.Sprintf("%.2f", units.Bytes(n))` as BuildKit's progress prints sizes: whole bytes under
 * 1 kB (`193B`), otherwise two decimals and a decimal unit (`2.05kB`, `3.60MB`).
 */
export function buildkitSize(n: number): string {
  const b = Math.trunc(n);
  let i = 0;
  let base = b < 0 ? -1 : 1;
  for (;;) {
    const next = base * 1000;
    if ((base > 0 && b >= next) || (base < 0 && b <= next)) {
      i++;
      base = next;
      continue;
    }
    break;
  }
  if (i === 0) return `${b}B`;
  return formatFloat(b / Math.abs(base), 'f', 2) + (BK_UNITS[i] as string);
}

/** `docker cp`'s success line size: HumanSizeWithPrecision(n, 3). */
export function copiedSize(n: number): string {
  return humanSizeWithPrecision(n, 3);
}
