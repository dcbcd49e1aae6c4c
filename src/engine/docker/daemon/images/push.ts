/**
 * POST /images/{name}/push (`docker push`): a stream of JSON messages, timed by the clock.
 *
 * The reference engine (dockerd 26.1.5, containerd store), recorded against a registry:2:
 *   The push refers to repository [127.0.0.1:5000/simtest/app]
 *   bb2759b730bc: Pushed                 (again: Layer already exists)
 *   v1: digest: sha256:f33e0292f1f6… size: 407
 *   …and for a name that is not there: tag does not exist: 127.0.0.1:5000/simtest/nope:v1
 * Pushing to a namespace the account may not write to fails inside the stream with the registry's
 * words (containerd: `push access denied, repository does not exist or may require authorization:
 * server message: insufficient_scope: authorization failed`; graphdriver: `denied: requested
 * access to the resource is denied` after the `Preparing` lines).
 */
import { MESSAGES } from '../errors';
import { shortId } from '../oci/encode';
import { isIndexType } from '../oci/types';
import type { Blob, Descriptor, LayerBlob } from '../oci/types';
import { familiarName, familiarString, nameOf, parseNormalizedNamed, referenceString } from '../reference';
import type { Reference } from '../reference';
import { RegistryError, isGraphdriver } from './context';
import type { AuthConfig, ImageContext, OperationOptions, RegistryClient } from './context';
import { errorMessage, progressMessage, statusMessage } from './progress';
import { registryFor } from './pull';
import { allRecords, getRecord, manifestDescriptor, parseError, presentChildren, recordRef, viewOf } from './store';
import type { ImageRecord } from './state';
import type { JSONMessage } from './types';

export interface PushOptions extends OperationOptions {
  auth?: AuthConfig;
}

type LayerOutcome = { kind: 'exists' } | { kind: 'mount'; from: string } | { kind: 'upload' };

interface PushJob {
  id: string;
  blob: LayerBlob;
  outcome: LayerOutcome;
  offset: number;
  done: boolean;
  reported: boolean;
}

/** The descriptor to push: the index when all of it is here, else the platform's manifest. */
function pushDescriptor(ctx: ImageContext, record: ImageRecord): Descriptor {
  const target = record.target;
  if (!isIndexType(target.mediaType) || isGraphdriver(ctx.flavour)) {
    return manifestDescriptor(ctx.state.content, target, ctx.platform) ?? target;
  }
  const index = ctx.state.content[target.digest];
  if (index?.kind === 'index' && index.index.manifests.every((m) => ctx.state.content[m.digest] !== undefined)) return target;
  return manifestDescriptor(ctx.state.content, target, ctx.platform) ?? target;
}

function outcomeMessage(job: PushJob): JSONMessage {
  switch (job.outcome.kind) {
    case 'exists':
      return progressMessage(job.id, 'Layer already exists');
    case 'mount':
      return progressMessage(job.id, `Mounted from ${job.outcome.from}`);
    case 'upload':
      return progressMessage(job.id, 'Pushed');
  }
}

async function* pushOne(ctx: ImageContext, reg: RegistryClient, ref: Reference, options: PushOptions): AsyncGenerator<JSONMessage, boolean, void> {
  const graphdriver = isGraphdriver(ctx.flavour);
  const record = getRecord(ctx.state, referenceString(ref));
  if (!record) {
    yield errorMessage(MESSAGES.pushTagMissing(familiarString(ref)));
    return false;
  }
  const desc = pushDescriptor(ctx, record);
  const view = viewOf(ctx.state.content, record.target, ctx.platform);
  if (!view) {
    yield errorMessage(`content digest ${record.target.digest}: not found`);
    return false;
  }
  const layers = graphdriver ? [...view.layers].reverse() : view.layers;
  const jobs: PushJob[] = layers.map((blob) => {
    const where = reg.blobLocation(blob.digest, ref.path);
    const outcome: LayerOutcome = where === ref.path ? { kind: 'exists' } : where !== undefined ? { kind: 'mount', from: where } : { kind: 'upload' };
    return { id: shortId(blob.digest), blob, outcome, offset: 0, done: outcome.kind !== 'upload', reported: false };
  });

  if (graphdriver) for (const j of jobs) yield progressMessage(j.id, 'Preparing');
  await ctx.clock.sleep(ctx.network.latency, options.signal);
  try {
    reg.authorizePush(ref.path, options.auth);
  } catch (err) {
    if (!(err instanceof RegistryError)) throw err;
    yield errorMessage(graphdriver ? MESSAGES.registryDenied : MESSAGES.pushAccessDenied);
    return false;
  }
  if (graphdriver) {
    let slots = ctx.network.concurrency;
    for (const j of jobs) {
      if (j.outcome.kind !== 'upload') continue;
      if (slots > 0) slots--;
      else yield progressMessage(j.id, 'Waiting');
    }
  }

  const totalBytes = jobs.reduce((n, j) => n + (j.done ? 0 : j.blob.size), 0);
  const tick = Math.max(ctx.network.tick, Math.ceil((totalBytes / ctx.network.uploadRate) * 1000 / 600 / ctx.network.tick) * ctx.network.tick);
  while (jobs.some((j) => !j.reported)) {
    await ctx.clock.sleep(tick, options.signal);
    // containerd pushes every blob at once (no limiter); the graphdriver uploads three at a time
    const pendingJobs = jobs.filter((j) => !j.done);
    const active = graphdriver ? pendingJobs.slice(0, ctx.network.concurrency) : pendingJobs;
    const share = active.length > 0 ? (ctx.network.uploadRate * tick) / 1000 / active.length : 0;
    for (const j of active) {
      j.offset = Math.min(j.blob.size, Math.round(j.offset + share));
      if (j.offset >= j.blob.size) j.done = true;
    }
    for (const j of jobs) {
      if (j.reported) continue;
      if (j.done) {
        yield outcomeMessage(j);
        j.reported = true;
      } else if (j.offset > 0) {
        yield progressMessage(j.id, 'Pushing', { current: j.offset, total: j.blob.size });
      }
    }
  }

  // the registry now holds everything the pushed descriptor reaches
  for (const d of presentChildren(ctx.state.content, desc)) {
    const blob: Blob | undefined = ctx.state.content[d.digest];
    if (blob) reg.putBlob(ref.path, blob);
  }
  reg.putManifest(ref.path, desc, ref.tag);
  if (ref.tag !== undefined) yield statusMessage(MESSAGES.pushDigest(ref.tag, desc.digest, desc.size));
  return true;
}

/** Pushes `refStr` (name:tag; a bare name pushes every tag of that repository, as `--all-tags`). */
export async function* imagePush(ctx: ImageContext, refStr: string, options: PushOptions = {}): AsyncGenerator<JSONMessage, void, void> {
  let ref: Reference;
  try {
    ref = parseNormalizedNamed(refStr);
  } catch (err) {
    throw parseError(err);
  }
  const reg = registryFor(ctx, ref);
  yield statusMessage(MESSAGES.pushRefersTo(nameOf(ref)));
  let refs: Reference[];
  if (ref.tag === undefined && ref.digest === undefined) {
    const repo = nameOf(ref);
    refs = allRecords(ctx.state)
      .map((r) => recordRef(r))
      .filter((r): r is Reference => r !== undefined && nameOf(r) === repo && r.tag !== undefined)
      .sort((a, b) => (a.tag! < b.tag! ? -1 : a.tag! > b.tag! ? 1 : 0));
    if (refs.length === 0) {
      yield errorMessage(MESSAGES.pushNoLocalTag(familiarName(ref)));
      return;
    }
  } else refs = [ref];
  for (const r of refs) {
    const ok = yield* pushOne(ctx, reg, r, options);
    if (!ok) return;
  }
}
