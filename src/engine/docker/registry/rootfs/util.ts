/**
 * Helpers for describing image layers: plain tree descriptions (fs/builder) whose file bytes add
 * up exactly to the layer's real unpacked size, the bulk being synthetic files (declared sizes,
 * no stored bytes) so that `docker images`, `du` and `ls -l` all agree.
 */
import { big, dir, file, specEntries, symlink } from '../../../fs/builder';
import type { NodeSpec, TreeSpec } from '../../../fs/builder';
import { layerFromEntries } from '../../../fs/overlay';
import type { Layer } from '../../../fs/overlay';
import { utf8Length } from '../../../fs/state';
import { parseRfc3339 } from '../../daemon/oci/encode';

export { big, dir, file, symlink };
export type { NodeSpec, TreeSpec };

/** Bytes the regular files of a description hold (hard links and whiteouts count nothing). */
export function specBytes(spec: TreeSpec): number {
  let n = 0;
  for (const value of Object.values(spec)) {
    if (value === null) continue;
    if (typeof value === 'string') n += utf8Length(value);
    else if (value instanceof Uint8Array) n += value.length;
    else if (value.type === 'file') n += typeof value.content === 'string' ? utf8Length(value.content) : value.content.length;
    else if (value.type === 'big') n += value.size;
  }
  return n;
}

/**
 * Adds synthetic "bulk" files so that the layer's files total exactly `bytes`: the remainder is
 * split over `bulk` by weight (the last one takes the rounding).
 */
export function padTo(spec: TreeSpec, bytes: number, bulk: ReadonlyArray<readonly [string, number]>, meta: { uid?: number; gid?: number; mode?: number } = {}): TreeSpec {
  const have = specBytes(spec);
  const rest = bytes - have;
  if (rest < 0) throw new Error(`layer description holds ${have} bytes, more than the ${bytes} it should`);
  if (bulk.length === 0) {
    if (rest !== 0) throw new Error(`layer description is ${rest} bytes short and has no bulk files`);
    return spec;
  }
  const total = bulk.reduce((n, [, w]) => n + w, 0);
  const out: TreeSpec = { ...spec };
  let left = rest;
  bulk.forEach(([path, weight], i) => {
    const size = i === bulk.length - 1 ? left : Math.floor((rest * weight) / total);
    left -= size;
    out[path] = big(size, meta);
  });
  return out;
}

/** A layer from a description, every node owned by `owner` (root) and stamped with `mtime` unless given. */
export function buildLayer(spec: TreeSpec, mtime: number, owner: { uid?: number; gid?: number } = {}): Layer {
  return layerFromEntries(specEntries(spec), { mtime, ...owner });
}

/** Regular files with fixed text content (0644), e.g. many small config files. */
export function texts(entries: Record<string, string>, meta: { mode?: number; uid?: number; gid?: number } = {}): TreeSpec {
  const out: TreeSpec = {};
  for (const [path, content] of Object.entries(entries)) out[path] = file(content, meta);
  return out;
}

/** The same node for many paths under `prefix`. */
export function many(prefix: string, names: readonly string[], node: (name: string) => NodeSpec): TreeSpec {
  const out: TreeSpec = {};
  for (const name of names) out[`${prefix}/${name}`] = node(name);
  return out;
}

/** Milliseconds of an RFC 3339 UTC time written literally in the catalog. */
export function at(iso: string): number {
  const t = parseRfc3339(iso);
  if (Number.isNaN(t)) throw new Error(`bad time ${iso}`);
  return t;
}
