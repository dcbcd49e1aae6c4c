/**
 * DELETE /images/{name} (`docker rmi`) and POST /images/prune (`docker image prune`), ported from
 * moby's daemon/containerd image_delete.go and image_prune.go: untag when other names remain,
 * delete when the last one goes, refuse (soft or hard conflict) when containers use the image.
 *
 * Recorded on the reference engine (dockerd 26.1.5, containerd store):
 *   docker rmi python:3.7-slim          (3.11-slim also names it)  → Untagged: python:3.7-slim
 *   docker rmi f33e0292f1f6             (several names)           → conflict: unable to delete f33e0292f1f6 (must be forced) - image is referenced in multiple repositories
 *   docker rmi python:3.11-slim         (a stopped container)     → conflict: unable to delete python:3.11-slim (must be forced) - container 2afee55b8655 is using its referenced image f33e0292f1f6
 *   docker rmi f33e0292f1f6             (a stopped container)     → conflict: unable to delete f33e0292f1f6 (must be forced) - image is being used by stopped container 2afee55b8655
 *   docker rmi -f python:3.11-slim      (a stopped container)     → Untagged: python:3.11-slim   (the image stays as <none>)
 *   docker rmi -f f33e0292f1f6          (dangling, stopped ctr)   → Deleted: sha256:f33e0292f1f6…
 *   docker image prune -f               (one dangling image)      → untagged: sha256:f33e0292f1f6…
 */
import { DaemonError, MESSAGES } from '../errors';
import { digestOf, shortId } from '../oci/encode';
import type { Blob, Digest } from '../oci/types';
import { familiarString, nameOf, parseNormalizedNamed, referenceString, tagNameOnly } from '../reference';
import type { Reference } from '../reference';
import { isGraphdriver } from './context';
import type { ContainerImageUse, ImageContext } from './context';
import { PRUNE_FILTERS, boolFilter, compileImageFilters, createdMs, validateFilters } from './filters';
import type { Filters } from './filters';
import { DANGLING_PREFIX, danglingName, isDangling } from './state';
import type { ImageRecord } from './state';
import {
  allRecords,
  collectGarbage,
  imageDoesNotExist,
  imageIdOf,
  isImageIdPrefix,
  presentChildren,
  recordRef,
  resolveAllReferences,
  viewOf,
} from './store';
import { ensureDangling } from './tag';
import type { DeleteResponse, ImagesPruneReport } from './types';

export interface RemoveOptions {
  force?: boolean;
  /** `--no-prune`: keep untagged parents (no parents exist in the containerd store). */
  noprune?: boolean;
}

const CONFLICT_RUNNING = 1;
const CONFLICT_ACTIVE_REFERENCE = 2;
const CONFLICT_STOPPED = 4;
const CONFLICT_HARD = CONFLICT_RUNNING;
const CONFLICT_SOFT = CONFLICT_ACTIVE_REFERENCE | CONFLICT_STOPPED;

function byName(a: ImageRecord, b: ImageRecord): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function untagged(record: ImageRecord): DeleteResponse {
  const ref = recordRef(record);
  return { Untagged: ref ? familiarString(ref) : record.target.digest };
}

/** getSameReferences: the records that are "the same reference" as `named` (or the first name). */
export function sameReferences(named: Reference | undefined, records: readonly ImageRecord[]): ImageRecord[] {
  let tag: string | undefined;
  let allTags = false;
  const same: ImageRecord[] = [];
  let digestRefs: ImageRecord[] | null = [];
  if (named) {
    if (named.tag !== undefined) tag = named.tag;
    else if (named.digest !== undefined) allTags = true;
  }
  for (const r of records) {
    if (!isDangling(r)) {
      const repoRef = recordRef(r);
      if (repoRef) {
        if (!named) {
          named = repoRef;
          if (repoRef.tag !== undefined) tag = repoRef.tag;
        } else if (nameOf(named) !== nameOf(repoRef)) {
          continue;
        } else if (!allTags) {
          if (repoRef.tag !== undefined) {
            if (tag === undefined) tag = repoRef.tag;
            else if (tag !== repoRef.tag) {
              digestRefs = null;
              continue;
            }
          } else {
            if (digestRefs !== null) digestRefs.push(r);
            continue;
          }
        }
      }
    }
    same.push(r);
  }
  if (digestRefs !== null) same.push(...digestRefs);
  return same;
}

function conflict(reference: string, hard: boolean, reason: string): DaemonError {
  return new DaemonError('conflict', MESSAGES.conflictDelete(reference, hard, reason));
}

/** checkImageDeleteConflict. */
function checkConflict(ctx: ImageContext, imageId: Digest, all: readonly ImageRecord[], mask: number): void {
  const users = ctx.containers().filter((c) => c.imageId === imageId);
  if (mask & CONFLICT_RUNNING) {
    const c = users.find((u) => u.running);
    if (c) throw conflict(shortId(imageId), true, MESSAGES.usedByRunning(c.id.slice(0, 12)));
  }
  if (mask & CONFLICT_STOPPED) {
    const c = users.find((u) => !u.running);
    if (c) throw conflict(shortId(imageId), false, MESSAGES.usedByStopped(c.id.slice(0, 12)));
  }
  if (mask & CONFLICT_ACTIVE_REFERENCE && all.length > 1) {
    throw conflict(shortId(imageId), false, MESSAGES.multipleRepositories);
  }
}

function untagRecords(ctx: ImageContext, records: readonly ImageRecord[]): DeleteResponse[] {
  const out: DeleteResponse[] = [];
  for (const r of records) {
    delete ctx.state.images[r.name];
    const ref = recordRef(r);
    if (ref) out.push({ Untagged: familiarString(ref) });
  }
  return out;
}

/** Layer ids (chain ids) of an image, top first, that no other image uses: graphdriver's Deleted lines. */
function unsharedChainIds(ctx: ImageContext, target: Digest): Digest[] {
  const content = ctx.state.content;
  const view = allRecords(ctx.state).find((r) => r.target.digest === target);
  const mine = view ? viewOf(content, view.target, ctx.platform) : undefined;
  if (!mine) return [];
  const chain = (diffIds: readonly Digest[]): Digest[] => {
    const out: Digest[] = [];
    for (const d of diffIds) out.push(out.length === 0 ? d : digestOf(`${out[out.length - 1]} ${d}`));
    return out;
  };
  const others = new Set<Digest>();
  for (const r of allRecords(ctx.state)) {
    if (r.target.digest === target) continue;
    const v = viewOf(content, r.target, ctx.platform);
    if (v) for (const c of chain(v.config.config.rootfs.diff_ids)) others.add(c);
  }
  return chain(mine.config.config.rootfs.diff_ids)
    .filter((c) => !others.has(c))
    .reverse();
}

/** deleteAll: removes every record of the image (checking conflicts first) and reports Deleted. */
function deleteAll(ctx: ImageContext, imageId: Digest, all: readonly ImageRecord[], mask: number): DeleteResponse[] {
  const records: DeleteResponse[] = [];
  for (const r of all) {
    checkConflict(ctx, imageId, all, CONFLICT_HARD | mask);
    delete ctx.state.images[r.name];
    if (!isDangling(r)) records.push(untagged(r));
  }
  records.push({ Deleted: imageId });
  return records;
}

export function imageRemove(ctx: ImageContext, refOrId: string, options: RemoveOptions = {}): DeleteResponse[] {
  const force = options.force ?? false;
  let mask = force ? 0 : CONFLICT_SOFT;
  const { img, all, parsed } = resolveAllReferences(ctx, refOrId);
  const target = all[0]!.target.digest;
  const imageId = imageIdOf(ctx, all[0]!.target);
  const chainIds = isGraphdriver(ctx.flavour) ? unsharedChainIds(ctx, target) : [];
  const finish = (records: DeleteResponse[]): DeleteResponse[] => {
    if (records.some((r) => 'Deleted' in r)) {
      for (const c of chainIds) records.push({ Deleted: c });
      collectGarbage(ctx.state);
    }
    return records;
  };

  if (!img) {
    let named: Reference | undefined;
    if (!isImageIdPrefix(imageId, refOrId) && !isImageIdPrefix(target, refOrId)) {
      try {
        named = parseNormalizedNamed(refOrId);
      } catch {
        named = undefined;
      }
    }
    const same = sameReferences(named, all);
    if (same.length === 0 && named) throw imageDoesNotExist(named);
    if (same.length === all.length && !force) mask &= ~CONFLICT_ACTIVE_REFERENCE;
    if (named && same.length > 0 && same.length !== all.length) return untagRecords(ctx, same);
  } else {
    const explicitDangling = refOrId.startsWith(DANGLING_PREFIX) && isDangling(img);
    if (isImageIdPrefix(imageId, refOrId) || isImageIdPrefix(target, refOrId) || explicitDangling) {
      return finish(deleteAll(ctx, imageId, all, mask));
    }
    const parsedRef = recordRef(img) ?? parsed;
    const same = sameReferences(parsedRef, all);
    if (same.length !== all.length) return untagRecords(ctx, same);
    if (all.length > 1 && !force) mask &= ~CONFLICT_ACTIVE_REFERENCE;

    const user = ctx.containers().find((c) => c.imageId === imageId);
    if (user) {
      const familiar = familiarString(parsedRef);
      if (!force) {
        if (isGraphdriver(ctx.flavour)) {
          throw new DaemonError('conflict', MESSAGES.conflictRemoveReference(familiar, user.id.slice(0, 12), shortId(imageId)));
        }
        throw conflict(familiar, false, MESSAGES.containerUsingReference(user.id.slice(0, 12), shortId(imageId)));
      }
      // softImageDelete: drop this name, keep the image (dangling if it was the last name)
      delete ctx.state.images[img.name];
      if (all.length === 1) ensureDangling(ctx.state, img.target, ctx.clock.now());
      return [{ Untagged: familiar }];
    }
  }
  return finish(deleteAll(ctx, imageId, all, mask));
}

/** Whether the name a container was created with still protects an image record (prune). */
function protectedNames(
  users: readonly ContainerImageUse[],
  targetOfId: (id: Digest) => Digest,
): { names: Set<string>; usedTargets: Set<Digest> } {
  const names = new Set<string>();
  const usedTargets = new Set<Digest>();
  for (const c of users) {
    names.add(danglingName(targetOfId(c.imageId)));
    const normalized = `sha256:${c.image.replace(/^sha256:/, '')}`;
    if (c.imageId.startsWith(normalized)) {
      usedTargets.add(targetOfId(c.imageId));
      continue;
    }
    try {
      names.add(referenceString(tagNameOnly(parseNormalizedNamed(c.image))));
    } catch {
      // a name that does not parse protects nothing
    }
  }
  return { names, usedTargets };
}

export function imagePrune(ctx: ImageContext, filters: Filters = {}): ImagesPruneReport {
  if (ctx.pruning.running) throw new DaemonError('conflict', MESSAGES.pruneRunning);
  validateFilters(filters, PRUNE_FILTERS);
  const danglingOnly = boolFilter(filters, 'dangling', false);
  const rest: Record<string, readonly string[]> = { ...filters };
  delete rest.dangling;
  ctx.pruning.running = true;
  try {
    const createdOf = (r: ImageRecord): number | undefined => {
      const v = viewOf(ctx.state.content, r.target, ctx.platform);
      return v ? createdMs(v.config.config.created) : undefined;
    };
    const keep = compileImageFilters(ctx, rest, createdOf);
    const records = allRecords(ctx.state).sort(byName);
    const refCount = new Map<Digest, number>();
    for (const r of records) refCount.set(r.target.digest, (refCount.get(r.target.digest) ?? 0) + 1);
    const users = ctx.containers();
    const idToTarget = new Map<Digest, Digest>();
    for (const r of records) idToTarget.set(imageIdOf(ctx, r.target), r.target.digest);
    const { names, usedTargets } = protectedNames(users, (id) => idToTarget.get(id) ?? id);
    const usedIds = new Set(users.map((u) => u.imageId));
    const toPrune = records.filter((r) => (!danglingOnly || isDangling(r)) && keep(r) && !names.has(r.name));
    // images still used by a container created by id survive as dangling images
    for (const r of toPrune) {
      const left = (refCount.get(r.target.digest) ?? 0) - 1;
      refCount.set(r.target.digest, left);
      if (left === 0 && (usedTargets.has(r.target.digest) || usedIds.has(imageIdOf(ctx, r.target))) && !isDangling(r)) {
        const name = danglingName(r.target.digest);
        const now = ctx.clock.now();
        ctx.state.images[name] = { name, target: { ...r.target }, createdAt: now, updatedAt: now };
      }
    }
    const deleted: DeleteResponse[] = [];
    let reclaimed = 0;
    for (const r of toPrune) {
      const blobs = presentChildren(ctx.state.content, r.target);
      delete ctx.state.images[r.name];
      deleted.push(untagged(r));
      const removed = new Map<Digest, Blob>(collectGarbage(ctx.state).map((b) => [b.digest, b]));
      for (const b of blobs) {
        const blob = removed.get(b.digest);
        if (!blob) continue;
        deleted.push({ Deleted: b.digest });
        reclaimed += blob.size;
      }
    }
    return { ImagesDeleted: deleted.length > 0 ? deleted : null, SpaceReclaimed: reclaimed };
  } finally {
    ctx.pruning.running = false;
  }
}
