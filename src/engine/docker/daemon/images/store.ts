/**
 * Reading the content store and the image table: what a target is made of, what an image's ID is,
 * and how a name, digest or short ID given by the user finds its records (moby's
 * daemon/containerd resolveImage and resolveAllReferences).
 */
import { DaemonError, MESSAGES, noSuchImage } from '../errors';
import { isIndexType, isManifestType } from '../oci/types';
import type { Blob, ConfigBlob, Descriptor, Digest, IndexBlob, LayerBlob, ManifestBlob, Platform } from '../oci/types';
import {
  ReferenceError,
  familiarString,
  nameOf,
  parseAnyReference,
  parseNormalizedNamed,
  referenceString,
  tagNameOnly,
} from '../reference';
import type { Reference } from '../reference';
import { isGraphdriver } from './context';
import type { ImageContext } from './context';
import { isDangling } from './state';
import type { ImageRecord, ImageStoreState } from './state';

export const ATTESTATION_TYPE_ANNOTATION = 'vnd.docker.reference.type';

/** A target resolved for one platform: what `docker image inspect` and `docker run` need. */
export interface ImageView {
  target: Descriptor;
  index?: IndexBlob;
  manifest: ManifestBlob;
  config: ConfigBlob;
  layers: LayerBlob[];
}

export function platformMatches(p: Platform | undefined, want: Platform): boolean {
  if (!p) return false;
  return p.os === want.os && p.architecture === want.architecture;
}

export function isAttestation(d: Descriptor): boolean {
  return d.annotations?.[ATTESTATION_TYPE_ANNOTATION] !== undefined;
}

/** The manifest descriptor for `platform` inside a target (the target itself if it is a manifest). */
export function manifestDescriptor(content: Record<Digest, Blob>, target: Descriptor, platform: Platform): Descriptor | undefined {
  if (isManifestType(target.mediaType)) return target;
  if (!isIndexType(target.mediaType)) return undefined;
  const index = content[target.digest];
  if (index?.kind !== 'index') return undefined;
  return index.index.manifests.find((m) => !isAttestation(m) && platformMatches(m.platform, platform) && content[m.digest]?.kind === 'manifest');
}

/** The image behind a target for a platform, if all of its content is present. */
export function viewOf(content: Record<Digest, Blob>, target: Descriptor, platform: Platform): ImageView | undefined {
  const md = manifestDescriptor(content, target, platform);
  if (!md) return undefined;
  const manifest = content[md.digest];
  if (manifest?.kind !== 'manifest') return undefined;
  const config = content[manifest.manifest.config.digest];
  if (config?.kind !== 'config') return undefined;
  const layers: LayerBlob[] = [];
  for (const l of manifest.manifest.layers) {
    const b = content[l.digest];
    if (b?.kind !== 'layer') return undefined;
    layers.push(b);
  }
  const index = content[target.digest];
  return { target, manifest, config, layers, ...(index?.kind === 'index' ? { index } : {}) };
}

/** The image ID `docker images` shows: the target digest (containerd) or the config digest (graphdriver). */
export function imageIdOf(ctx: ImageContext, target: Descriptor): Digest {
  if (!isGraphdriver(ctx.flavour)) return target.digest;
  const md = manifestDescriptor(ctx.state.content, target, ctx.platform);
  const m = md ? ctx.state.content[md.digest] : undefined;
  return m?.kind === 'manifest' ? m.manifest.config.digest : target.digest;
}

/** Every digest reachable from a target whose blob is present (index, manifests, configs, layers). */
export function presentChildren(content: Record<Digest, Blob>, target: Descriptor): Descriptor[] {
  const out: Descriptor[] = [];
  const seen = new Set<Digest>();
  const visit = (d: Descriptor): void => {
    if (seen.has(d.digest)) return;
    const blob = content[d.digest];
    if (!blob) return;
    seen.add(d.digest);
    out.push(d);
    if (blob.kind === 'index') blob.index.manifests.forEach(visit);
    else if (blob.kind === 'manifest') {
      visit(blob.manifest.config);
      blob.manifest.layers.forEach(visit);
    }
  };
  visit(target);
  return out;
}

/** Parses a record's name (undefined for dangling records). */
export function recordRef(record: ImageRecord): Reference | undefined {
  if (isDangling(record)) return undefined;
  try {
    return parseNormalizedNamed(record.name);
  } catch {
    return undefined;
  }
}

export function allRecords(state: ImageStoreState): ImageRecord[] {
  return Object.values(state.images);
}

export function recordsWithTarget(state: ImageStoreState, digest: Digest): ImageRecord[] {
  return allRecords(state)
    .filter((r) => r.target.digest === digest)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function getRecord(state: ImageStoreState, name: string): ImageRecord | undefined {
  return Object.hasOwn(state.images, name) ? state.images[name] : undefined;
}

/** An invalid reference from the user, as the daemon reports it (errdefs.InvalidParameter). */
export function parseError(err: unknown): DaemonError {
  if (err instanceof ReferenceError) return new DaemonError('invalid-parameter', err.message);
  throw err;
}

function parseAny(refOrId: string): Reference {
  try {
    return parseAnyReference(refOrId);
  } catch (err) {
    throw parseError(err);
  }
}

/** ErrImageDoesNotExist: `No such image: nope:latest`. */
export function imageDoesNotExist(ref: Reference): DaemonError {
  return noSuchImage(familiarString(ref.path ? tagNameOnly(ref) : ref));
}

const TRUNCATED_ID = /^(sha256:)?([a-f0-9]{4,64})$/;

/** Records whose image ID starts with `prefix` (hex, without `sha256:`). */
function recordsWithIdPrefix(ctx: ImageContext, prefix: string): ImageRecord[] {
  const want = `sha256:${prefix}`;
  return allRecords(ctx.state).filter((r) => imageIdOf(ctx, r.target).startsWith(want));
}

/**
 * resolveImage: the record a name, `name@digest`, digest, ID or ID prefix refers to (what
 * `docker image inspect`, `docker history`, `docker tag SOURCE` and `docker run` look up).
 */
export function resolveImage(ctx: ImageContext, refOrId: string): ImageRecord {
  const parsed = parseAny(refOrId);
  if (parsed.digest !== undefined) {
    const digest = parsed.digest;
    const matches = allRecords(ctx.state).filter((r) => r.target.digest === digest || imageIdOf(ctx, r.target) === digest);
    if (matches.length === 0) throw imageDoesNotExist(parsed);
    if (parsed.path) {
      const want = nameOf(parsed);
      const named = matches.find((r) => {
        const rr = recordRef(r);
        return rr !== undefined && nameOf(rr) === want;
      });
      if (!named) throw imageDoesNotExist(parsed);
      return named;
    }
    return sortByName(matches)[0]!;
  }
  const byName = getRecord(ctx.state, referenceString(tagNameOnly(parsed)));
  if (byName) return byName;
  const m = TRUNCATED_ID.exec(refOrId);
  if (m) {
    const matches = recordsWithIdPrefix(ctx, m[2]!);
    if (matches.length === 0) throw imageDoesNotExist(parsed);
    const targets = new Set(matches.map((r) => imageIdOf(ctx, r.target)));
    if (targets.size > 1) throw new DaemonError('not-found', MESSAGES.ambiguousReference);
    return sortByName(matches)[0]!;
  }
  throw imageDoesNotExist(parsed);
}

function sortByName(records: ImageRecord[]): ImageRecord[] {
  return [...records].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface ResolvedReferences {
  /** The record the reference names, if it names one. */
  img?: ImageRecord;
  /** Every record with the same target (the image's names, its dangling record included). */
  all: ImageRecord[];
  parsed: Reference;
}

/** resolveAllReferences: the named record (if any) and all records sharing its target. */
export function resolveAllReferences(ctx: ImageContext, refOrId: string): ResolvedReferences {
  const parsed = parseAny(refOrId);
  let target: Digest | undefined;
  let img: ImageRecord | undefined;
  const m = TRUNCATED_ID.exec(refOrId);
  if (m && parsed.digest !== undefined && !parsed.path) {
    // a full id, with or without `sha256:`
    const matches = allRecords(ctx.state).filter((r) => imageIdOf(ctx, r.target) === parsed.digest);
    if (matches.length === 0) throw imageDoesNotExist(parsed);
    target = matches[0]!.target.digest;
  } else if (m) {
    // an id prefix, or a name that looks like one
    const name = referenceString(tagNameOnly(parsed));
    const byName = getRecord(ctx.state, name);
    const byId = recordsWithIdPrefix(ctx, m[2]!);
    const candidates = byName ? [byName, ...byId.filter((r) => r !== byName)] : byId;
    if (candidates.length === 0) throw imageDoesNotExist(parsed);
    for (const c of candidates) {
      if (target !== undefined && c.target.digest !== target) throw new DaemonError('not-found', MESSAGES.ambiguousReference);
      target = c.target.digest;
    }
    img = byName;
  } else {
    if (!parsed.path) throw new DaemonError('invalid-parameter', 'invalid name reference');
    const named = getRecord(ctx.state, referenceString(tagNameOnly(parsed)));
    if (named) {
      img = named;
      target = named.target.digest;
    } else if (parsed.digest !== undefined) {
      const digest = parsed.digest;
      const hit = allRecords(ctx.state).find((r) => r.target.digest === digest || imageIdOf(ctx, r.target) === digest);
      target = hit?.target.digest;
    }
    if (target === undefined) throw imageDoesNotExist(parsed);
  }
  const all = recordsWithTarget(ctx.state, target!);
  if (all.length === 0) throw imageDoesNotExist(parsed);
  return { ...(img ? { img } : {}), all, parsed };
}

/** Is a string an ID or ID prefix of this target (isImageIDPrefix)? */
export function isImageIdPrefix(imageId: Digest, possiblePrefix: string): boolean {
  if (imageId.startsWith(possiblePrefix)) return true;
  const i = imageId.indexOf(':');
  return i >= 0 && imageId.slice(i + 1).startsWith(possiblePrefix);
}

/**
 * Removes blobs no image (and no build-cache lease) reaches any more, as containerd's garbage
 * collector does after a delete. Returns the removed blobs.
 */
export function collectGarbage(state: ImageStoreState, keep: Iterable<Digest> = []): Blob[] {
  const live = new Set<Digest>(keep);
  for (const r of allRecords(state)) for (const d of presentChildren(state.content, r.target)) live.add(d.digest);
  for (const c of state.buildCache) for (const d of c.blobs ?? []) live.add(d);
  const removed: Blob[] = [];
  for (const [digest, blob] of Object.entries(state.content)) {
    if (live.has(digest)) continue;
    removed.push(blob);
    delete state.content[digest];
  }
  return removed;
}
