/**
 * POST /images/{name}/tag (`docker tag`), and the name bookkeeping every operation that names an
 * image shares (pull, build, tag): moving a name keeps the image it left as a dangling image when
 * nothing else names it.
 */
import { ClientError, DaemonError, MESSAGES } from '../errors';
import type { Descriptor } from '../oci/types';
import {
  ReferenceError,
  familiarName,
  nameOf,
  parseAnyReference,
  parseNormalizedNamed,
  referenceString,
  tagNameOnly,
  withTag,
} from '../reference';
import type { Reference } from '../reference';
import type { ImageContext } from './context';
import { danglingName } from './state';
import type { ImageStoreState } from './state';
import { allRecords, getRecord, parseError, resolveImage } from './store';

/** Keeps an image that lost its last name as `moby-dangling@…` (ensureDanglingImage). */
export function ensureDangling(state: ImageStoreState, target: Descriptor, now: number): void {
  const hasName = allRecords(state).some((r) => r.target.digest === target.digest);
  if (hasName) return;
  const name = danglingName(target.digest);
  state.images[name] = { name, target: { ...target }, createdAt: now, updatedAt: now };
}

export interface SetNameOptions {
  /** Keep the image the name pointed to before as dangling (true except for BuildKit's exporter on containerd). */
  keepReplaced?: boolean;
}

/**
 * Points `name` at `target` (creating or moving it) and drops the target's dangling record.
 * Returns the target the name pointed at before, if it moved.
 */
export function setImageName(state: ImageStoreState, name: string, target: Descriptor, now: number, options: SetNameOptions = {}): Descriptor | undefined {
  const existing = getRecord(state, name);
  let replaced: Descriptor | undefined;
  if (existing && existing.target.digest === target.digest) {
    existing.updatedAt = now;
  } else {
    replaced = existing?.target;
    state.images[name] = { name, target: { ...target }, createdAt: existing?.createdAt ?? now, updatedAt: now };
    if (replaced && (options.keepReplaced ?? true)) ensureDangling(state, replaced, now);
  }
  const dangling = danglingName(target.digest);
  if (dangling !== name) delete state.images[dangling];
  return replaced;
}

/** httputils.RepoTagReference + the tag handler's checks: the new name as the daemon sees it. */
export function repoTagReference(repo: string, tag: string | undefined): Reference {
  let ref: Reference;
  try {
    ref = parseNormalizedNamed(repo);
  } catch (err) {
    throw parseError(err);
  }
  if (ref.digest !== undefined) throw new DaemonError('invalid-parameter', MESSAGES.cannotTagDigested);
  try {
    return withTag(ref, tag || 'latest');
  } catch (err) {
    throw parseError(err);
  }
}

/** POST /images/{name}/tag?repo=…&tag=…: the daemon side of `docker tag`. */
export function imageTag(ctx: ImageContext, source: string, repo: string, tag?: string): void {
  const ref = repoTagReference(repo, tag);
  if (familiarName(ref) === 'sha256') throw new DaemonError('invalid-parameter', MESSAGES.ambiguousDigestName);
  const record = resolveImage(ctx, source);
  setImageName(ctx.state, referenceString(ref), record.target, ctx.clock.now());
}

/**
 * `docker tag SOURCE TARGET` as the Go API client does it: both references are checked first
 * (ClientError, printed without the daemon prefix), then the daemon is asked.
 */
export function imageTagFromCli(ctx: ImageContext, source: string, target: string): void {
  try {
    parseAnyReference(source);
  } catch (err) {
    if (err instanceof ReferenceError) throw new ClientError(MESSAGES.clientBadReference(source, err.message));
    throw err;
  }
  let ref: Reference;
  try {
    ref = parseNormalizedNamed(target);
  } catch (err) {
    if (err instanceof ReferenceError) throw new ClientError(MESSAGES.clientBadReference(target, err.message));
    throw err;
  }
  if (ref.digest !== undefined) throw new ClientError(MESSAGES.clientTagDigest);
  ref = tagNameOnly(ref);
  // the client sends the full name (repo=docker.io/library/x), so a 64-hex name with a tag passes
  imageTag(ctx, source, nameOf(ref), ref.tag);
}
