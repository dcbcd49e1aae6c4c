/**
 * Content addressing: the bytes of indexes, manifests and configs as Go writes them (field order
 * of the Go structs, HTML-safe escaping, manifests indented as BuildKit and registries store them)
 * and their sha256 digests. The same object always encodes to the same bytes, so ids are
 * deterministic and independent of how the object was built.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ContainerConfig, Descriptor, Digest, HealthConfig, HistoryEntry, ImageConfig, OciIndex, OciManifest } from './types';

const encoder = new TextEncoder();

export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? encoder.encode(data) : data));
}

export function digestOf(data: string | Uint8Array): Digest {
  return `sha256:${sha256Hex(data)}`;
}

export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** The hex part of a digest (`sha256:abc…` → `abc…`). */
export function encoded(digest: Digest): string {
  const i = digest.indexOf(':');
  return i < 0 ? digest : digest.slice(i + 1);
}

/** stringid.TruncateID: the first 12 hex digits, without the algorithm. */
export function shortId(digest: Digest): string {
  return encoded(digest).slice(0, 12);
}

/** Go's encoding/json escapes <, > and & (and the two JS line terminators) in strings. */
function goJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

type Plain = Record<string, unknown>;

/** Copies `keys` of `from` in that order, leaving out what Go's `omitempty` leaves out. */
function ordered(from: object, keys: readonly string[]): Plain {
  const src = from as Plain;
  const out: Plain = {};
  for (const k of keys) {
    const v = src[k];
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
}

/** Map keys sorted, as Go marshals maps. */
function sortedMap<T>(m: Record<string, T> | undefined): Record<string, T> | undefined {
  if (!m) return undefined;
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k]!;
  return out;
}

function encodeDescriptor(d: Descriptor): Plain {
  const platform = d.platform ? ordered(d.platform, ['architecture', 'os', 'variant']) : undefined;
  return ordered({ ...d, annotations: sortedMap(d.annotations), platform }, ['mediaType', 'digest', 'size', 'annotations', 'platform']);
}

/** An index as BuildKit and registries store it (2-space indent). */
export function encodeIndex(index: OciIndex): string {
  return goJson(
    ordered(
      { ...index, manifests: index.manifests.map(encodeDescriptor), annotations: sortedMap(index.annotations) },
      ['schemaVersion', 'mediaType', 'manifests', 'annotations'],
    ),
    2,
  );
}

export function encodeManifest(manifest: OciManifest): string {
  return goJson(
    ordered(
      {
        ...manifest,
        config: encodeDescriptor(manifest.config),
        layers: manifest.layers.map(encodeDescriptor),
        annotations: sortedMap(manifest.annotations),
      },
      ['schemaVersion', 'mediaType', 'config', 'layers', 'annotations'],
    ),
    2,
  );
}

const CONTAINER_CONFIG_KEYS = [
  'User',
  'ExposedPorts',
  'Env',
  'Entrypoint',
  'Cmd',
  'Volumes',
  'WorkingDir',
  'Labels',
  'StopSignal',
  'ArgsEscaped',
  'Healthcheck',
  'OnBuild',
  'Shell',
] as const;

function encodeHealthcheck(h: HealthConfig): Plain {
  const out = ordered(h, ['Test', 'Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries']);
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

function encodeContainerConfig(c: ContainerConfig): Plain {
  return ordered(
    {
      ...c,
      ExposedPorts: sortedMap(c.ExposedPorts),
      Volumes: sortedMap(c.Volumes),
      Labels: sortedMap(c.Labels),
      Healthcheck: c.Healthcheck ? encodeHealthcheck(c.Healthcheck) : undefined,
    },
    CONTAINER_CONFIG_KEYS,
  );
}

function encodeHistory(h: HistoryEntry): Plain {
  return ordered(h, ['created', 'created_by', 'author', 'comment', 'empty_layer']);
}

/**
 * A config as BuildKit writes it. Image configs go through a map, so their top-level keys come out
 * sorted; attestation configs are marshalled from the struct (architecture, os, config, rootfs).
 * Both recorded byte for byte from the reference engine's content store.
 */
export function encodeConfig(config: ImageConfig, order: 'sorted' | 'struct' = 'sorted'): string {
  const fields: Plain = {
    architecture: config.architecture,
    author: config.author || undefined,
    // a struct under omitempty is never omitted by encoding/json: "config":{} stays
    config: encodeContainerConfig(config.config),
    created: config.created || undefined,
    history: config.history && config.history.length > 0 ? config.history.map(encodeHistory) : undefined,
    os: config.os,
    rootfs: { type: config.rootfs.type, diff_ids: config.rootfs.diff_ids },
    variant: config.variant || undefined,
  };
  const keys = order === 'sorted' ? Object.keys(fields).sort() : ['created', 'author', 'architecture', 'os', 'variant', 'config', 'rootfs', 'history'];
  const out: Plain = {};
  for (const k of keys) if (fields[k] !== undefined) out[k] = fields[k];
  return goJson(out);
}

// ---- time ---------------------------------------------------------------------------------------

/** Go's time.RFC3339Nano in UTC for a millisecond timestamp: trailing zeros of the fraction go. */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString(); // 2026-11-26T09:00:00.000Z
  const [main, frac] = iso.slice(0, -1).split('.');
  const f = (frac ?? '').replace(/0+$/, '');
  return f ? `${main}.${f}Z` : `${main}Z`;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch for an RFC 3339 time (sub-millisecond digits dropped); NaN if invalid. */
export function parseRfc3339(text: string): number {
  const m = RFC3339.exec(text);
  if (!m) return NaN;
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  let t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms);
  const zone = m[8]!;
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    t -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  return t;
}

/** Unix seconds of an RFC 3339 time (0 if absent or invalid), as the Engine API reports `Created`. */
export function unixSeconds(text: string | undefined): number {
  if (!text) return 0;
  const ms = parseRfc3339(text);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}
