/**
 * `--filter` for images as moby's containerd store evaluates it: dangling, label, label!, before,
 * since, reference, until. Each filter is compiled once, then applied per image record, so a list
 * stays linear in the number of images.
 */
import { DaemonError, MESSAGES } from '../errors';
import { parseRfc3339 } from '../oci/encode';
import { familiarMatch, parseDockerRef, referenceString } from '../reference';
import type { ImageContext } from './context';
import { isDangling } from './state';
import type { ImageRecord } from './state';
import { parseError, recordRef, resolveImage, viewOf } from './store';

export type Filters = Record<string, readonly string[]>;

export const LIST_FILTERS = ['dangling', 'label', 'label!', 'before', 'since', 'reference', 'until'] as const;
export const PRUNE_FILTERS = ['dangling', 'label', 'label!', 'until'] as const;

/** filters.Args.Validate. */
export function validateFilters(filters: Filters, accepted: readonly string[]): void {
  for (const key of Object.keys(filters)) {
    if (!accepted.includes(key)) throw new DaemonError('invalid-parameter', MESSAGES.invalidFilter(key));
  }
}

/** filters.Args.GetBoolOrDefault. */
export function boolFilter(filters: Filters, key: string, fallback: boolean): boolean {
  const values = filters[key];
  if (!values || values.length === 0) return fallback;
  const distinct = [...new Set(values)].sort();
  if (distinct.length > 1) throw new DaemonError('invalid-parameter', MESSAGES.invalidFilter(key, distinct));
  const v = distinct[0]!;
  if (v === '1' || v.toLowerCase() === 'true') return true;
  if (v === '0' || v.toLowerCase() === 'false') return false;
  throw new DaemonError('invalid-parameter', MESSAGES.invalidFilter(key, distinct));
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds; undefined if it is not a duration. */
export function parseGoDuration(value: string): number | undefined {
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(value);
  if (!m) return value === '0' ? 0 : undefined;
  let total = 0;
  for (const part of value.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(part[1]) * DURATION_UNITS[part[2]!]!;
  }
  return m[1] === '-' ? -total : total;
}

/** api/types/time.GetTimestamp, to milliseconds since the epoch (times without a zone are UTC). */
export function parseTimestamp(value: string, now: number): number {
  const d = parseGoDuration(value);
  if (d !== undefined && value !== '0') return now - d;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  let t = parseRfc3339(value);
  if (Number.isNaN(t)) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?)?$/.exec(value);
    if (m) {
      t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Number((m[7] ?? '').padEnd(3, '0').slice(0, 3)));
    }
  }
  if (Number.isNaN(t)) throw new DaemonError('invalid-parameter', MESSAGES.badTimestamp(value));
  return t;
}

/** Created time of a record's image in ms (from its config), or undefined if its content is missing. */
export type CreatedOf = (record: ImageRecord) => number | undefined;

/** Compiles the image filters into one predicate over records. */
export function compileImageFilters(ctx: ImageContext, filters: Filters, createdOf: CreatedOf): (record: ImageRecord) => boolean {
  const tests: Array<(r: ImageRecord) => boolean> = [];

  const timeOfImage = (value: string): number => {
    let ref;
    try {
      ref = parseDockerRef(value);
    } catch (err) {
      throw parseError(err);
    }
    const record = resolveImage(ctx, referenceString(ref));
    return createdOf(record) ?? 0;
  };
  for (const value of filters.before ?? []) {
    const t = timeOfImage(value);
    tests.push((r) => (createdOf(r) ?? 0) < t);
  }
  for (const value of filters.since ?? []) {
    const t = timeOfImage(value);
    tests.push((r) => (createdOf(r) ?? 0) > t);
  }
  for (const value of filters.until ?? []) {
    const until = parseTimestamp(value, ctx.clock.now());
    tests.push((r) => (createdOf(r) ?? 0) < until);
  }

  const labelChecks: Array<{ key: string; value: string | undefined; negate: boolean }> = [];
  for (const name of ['label', 'label!'] as const) {
    for (const l of filters[name] ?? []) {
      const eq = l.indexOf('=');
      let key = eq < 0 ? l : l.slice(0, eq);
      const value = eq < 0 ? undefined : l.slice(eq + 1);
      let negate = name === 'label!';
      if (key.endsWith('!')) {
        key = key.slice(0, -1);
        negate = !negate;
      }
      labelChecks.push({ key, value, negate });
    }
  }
  if (labelChecks.length > 0) {
    tests.push((r) => {
      const view = viewOf(ctx.state.content, r.target, ctx.platform);
      const labels = view?.config.config.config.Labels ?? {};
      return labelChecks.every(({ key, value, negate }) => {
        const has = Object.hasOwn(labels, key);
        if (value === undefined) return negate ? !has : has;
        if (!has) return false;
        return (labels[key] === value) !== negate;
      });
    });
  }

  if (filters.dangling) {
    const want = boolFilter(filters, 'dangling', false);
    tests.push((r) => isDangling(r) === want);
  }

  const patterns = filters.reference ?? [];
  if (patterns.length > 0) {
    tests.push((r) => {
      const ref = recordRef(r);
      return ref !== undefined && patterns.some((p) => familiarMatch(p, ref));
    });
  }

  return (r) => tests.every((t) => t(r));
}

/** The Created time (ms) of a config's `created`, 0 when absent or invalid. */
export function createdMs(created: string | undefined): number {
  const t = created ? parseRfc3339(created) : NaN;
  return Number.isNaN(t) ? 0 : t;
}
