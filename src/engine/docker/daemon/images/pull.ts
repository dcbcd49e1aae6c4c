/**
 * POST /images/create?fromImage=… (`docker pull`, and `docker run` of a missing image): a stream of
 * JSON messages, timed by the simulated clock from the layers' sizes and the network model.
 *
 * The reference engine (dockerd 26.1.5, containerd store), `docker pull python:3.11-slim` through
 * the Engine API, recorded:
 *   {"status":"Pulling from library/python","id":"3.11-slim"}
 *   {"status":"Pulling fs layer","progressDetail":{},"id":"bb2759b730bc"}
 *   {"status":"Downloading","progressDetail":{"current":13631488,"total":121642661},"progress":"[=====>   …]  13.63MB/121.6MB","id":"bb2759b730bc"}
 *   … one Downloading per 100 ms tick …
 *   {"status":"Download complete","progressDetail":{"hidecounts":true},"id":"bb2759b730bc"}
 *   {"status":"Digest: sha256:f33e0292f1f6…"}
 *   {"status":"Status: Downloaded newer image for python:3.11-slim"}
 * and, when the image is already there, only the first and the last two.
 * Docker 28's containerd store adds `Extracting` (elapsed seconds) and `Pull complete` per layer;
 * the graphdriver store has its classic sequence (Waiting, Verifying Checksum, Extracting bytes).
 *
 * Errors found before the first message are thrown (the API answers with an error status); an
 * interrupt rejects with Interrupted and leaves nothing behind.
 */
import { DaemonError, MESSAGES } from '../errors';
import { isIndexType, isManifestType } from '../oci/types';
import type { Blob, ConfigBlob, Descriptor, LayerBlob, ManifestBlob, Platform } from '../oci/types';
import { familiarName, familiarString, parseNormalizedNamed, referenceString, tagNameOnly } from '../reference';
import type { Reference } from '../reference';
import { RegistryError, isGraphdriver } from './context';
import type { AuthConfig, ImageContext, OperationOptions, RegistryClient } from './context';
import { progressMessage, statusMessage } from './progress';
import { getRecord, isAttestation, parseError, platformMatches } from './store';
import { setImageName } from './tag';
import { advance, planTransfers, tickFor } from './transfer';
import type { LayerTransfer } from './transfer';
import type { JSONMessage } from './types';

export interface PullOptions extends OperationOptions {
  auth?: AuthConfig;
  /** `--platform`; default: the daemon's platform (linux/amd64). */
  platform?: Platform;
}

export function formatPlatform(p: Platform): string {
  const variant = p.variant ?? (p.architecture === 'arm64' ? 'v8' : undefined);
  return [p.os, p.architecture, variant].filter(Boolean).join('/');
}

/** The host a registry domain is reached at (Docker Hub's API lives on registry-1.docker.io). */
export function registryHost(domain: string): string {
  return domain === 'docker.io' ? 'registry-1.docker.io' : domain;
}

/** Which registry serves `ref`, or the daemon's "no such host" error. */
export function registryFor(ctx: ImageContext, ref: Reference): RegistryClient {
  const reg = ctx.registries.get(ref.domain);
  if (reg) return reg;
  const host = registryHost(ref.domain).replace(/:\d+$/, '');
  const full = referenceString(ref);
  throw new DaemonError(
    'system',
    `failed to resolve reference "${full}": failed to do request: Head "https://${registryHost(ref.domain)}/v2/${ref.path}/manifests/${ref.digest ?? ref.tag ?? 'latest'}": dial tcp: lookup ${host} on 127.0.0.53:53: no such host`,
  );
}

/** The wording of a registry failure during resolve, as this engine reports it. */
export function pullError(ctx: ImageContext, ref: Reference, err: RegistryError): DaemonError {
  const graphdriver = isGraphdriver(ctx.flavour);
  if (err.code === 'MANIFEST_UNKNOWN') {
    return new DaemonError(
      'not-found',
      graphdriver ? MESSAGES.manifestUnknown(familiarString(ref)) : MESSAGES.resolveNotFound(referenceString(ref)),
    );
  }
  const denied = MESSAGES.pullAccessDenied(familiarName(ref));
  return new DaemonError('not-found', graphdriver ? `${denied}: ${MESSAGES.registryDenied}` : denied);
}

function fetchBlob<K extends Blob['kind']>(reg: RegistryClient, d: Descriptor, kind: K): Extract<Blob, { kind: K }> {
  const blob = reg.fetch(d.digest);
  if (!blob || blob.kind !== kind) throw new DaemonError('system', `failed to fetch ${d.digest}: not found`);
  return blob as Extract<Blob, { kind: K }>;
}

export interface Resolved {
  target: Descriptor;
  index?: Blob;
  manifest: ManifestBlob;
  config: ConfigBlob;
  layers: LayerBlob[];
}

export function resolveRemote(ctx: ImageContext, reg: RegistryClient, ref: Reference, platform: Platform, auth?: AuthConfig): Resolved {
  let target: Descriptor;
  try {
    target = reg.resolve(ref, auth);
  } catch (err) {
    if (err instanceof RegistryError) throw pullError(ctx, ref, err);
    throw err;
  }
  let manifestDesc = target;
  let index: Blob | undefined;
  if (isIndexType(target.mediaType)) {
    index = fetchBlob(reg, target, 'index');
    const m = index.index.manifests.find((d) => !isAttestation(d) && platformMatches(d.platform, platform));
    if (!m) throw new DaemonError('not-found', MESSAGES.noMatchingManifest(formatPlatform(platform)));
    manifestDesc = m;
  } else if (!isManifestType(target.mediaType)) {
    throw new DaemonError('system', `unsupported media type ${target.mediaType}`);
  }
  const manifest = fetchBlob(reg, manifestDesc, 'manifest');
  const config = fetchBlob(reg, manifest.manifest.config, 'config');
  if (config.config.os !== platform.os || config.config.architecture !== platform.architecture) {
    throw new DaemonError('not-found', MESSAGES.noMatchingManifest(formatPlatform(platform)));
  }
  const layers = manifest.manifest.layers.map((l) => fetchBlob(reg, l, 'layer'));
  return { target, ...(index ? { index } : {}), manifest, config, layers };
}

/** A layer transfer and what this pull has already said about it. */
interface Job extends LayerTransfer {
  /** Finished and reported (Pull complete sent, or the containerd extract list is done with it). */
  reported: boolean;
  /** Messages already sent: download finished (containerd), checksum verified (graphdriver), an Extracting line. */
  announced: boolean;
  verified: boolean;
  extractShown: boolean;
}

export function parsePullReference(refStr: string): Reference {
  try {
    return tagNameOnly(parseNormalizedNamed(refStr));
  } catch (err) {
    throw parseError(err);
  }
}

/** Pulls `refStr` (a name, name:tag or name@digest; a bare name means :latest). */
export async function* imagePull(ctx: ImageContext, refStr: string, options: PullOptions = {}): AsyncGenerator<JSONMessage, void, void> {
  const ref = parsePullReference(refStr);
  const platform = options.platform ?? ctx.platform;
  const signal = options.signal;
  const reg = registryFor(ctx, ref);
  await ctx.clock.sleep(ctx.network.latency, signal);
  const remote = resolveRemote(ctx, reg, ref, platform, options.auth);
  const graphdriver = isGraphdriver(ctx.flavour);
  const extractEvents = ctx.flavour === 'containerd-28';
  const content = ctx.state.content;
  const name = referenceString(ref);
  const old = getRecord(ctx.state, name);

  yield statusMessage(MESSAGES.pullingFrom(ref.path), ref.digest ?? ref.tag);

  const jobs: Job[] = planTransfers(ctx.network, remote.layers, (d) => content[d]?.kind === 'layer').map((t) => ({
    ...t,
    reported: false,
    announced: false,
    verified: false,
    extractShown: false,
  }));
  const allPresent = jobs.every((j) => j.state === 'exists') && content[remote.manifest.digest] !== undefined && content[remote.config.digest] !== undefined;
  const showLayers = graphdriver || !allPresent;

  if (showLayers) {
    for (const j of jobs) {
      if (graphdriver && j.state === 'exists') yield progressMessage(j.id, 'Already exists');
      else yield progressMessage(j.id, 'Pulling fs layer');
    }
    if (graphdriver) {
      let slots = ctx.network.concurrency;
      for (const j of jobs) {
        if (j.state !== 'queued') continue;
        if (slots > 0) slots--;
        else yield progressMessage(j.id, 'Waiting');
      }
    }
  }

  // the simulation: downloads share the bandwidth, extraction follows layer order
  const tick = tickFor(ctx.network, jobs);
  let elapsed = 0;
  const pending = (): boolean => {
    if (jobs.some((j) => !j.committed)) return true;
    if (!showLayers) return false;
    if (graphdriver) return jobs.some((j) => j.state !== 'exists' && !j.reported);
    if (jobs.some((j) => !j.announced)) return true;
    return extractEvents && jobs.some((j) => !j.reported);
  };

  while (pending()) {
    await ctx.clock.sleep(tick, signal);
    elapsed += tick;
    advance(ctx.network, jobs, tick, elapsed);
    if (!showLayers) continue;
    yield* graphdriver ? graphdriverTick(jobs) : containerdTick(jobs, extractEvents, elapsed);
  }

  // success: the content and the name
  const now = ctx.clock.now();
  if (remote.index) content[remote.index.digest] = remote.index;
  content[remote.manifest.digest] = remote.manifest;
  content[remote.config.digest] = remote.config;
  for (const l of remote.layers) content[l.digest] = l;
  setImageName(ctx.state, name, remote.target, now);
  const newer = old?.target.digest !== remote.target.digest;
  yield statusMessage(MESSAGES.digestLine(remote.target.digest));
  yield statusMessage(newer ? MESSAGES.downloadedNewer(familiarString(ref)) : MESSAGES.upToDate(familiarString(ref)));
}

/** One 100 ms update of moby's containerd pullProgress (and, for Docker 28, extractProgress). */
function* containerdTick(jobs: Job[], extractEvents: boolean, elapsed: number): Generator<JSONMessage> {
  for (const j of jobs) {
    if (j.announced) continue;
    if (j.state === 'exists') {
      yield progressMessage(j.id, 'Already exists', { hidecounts: true });
      j.announced = true;
    } else if (j.state === 'downloading' && j.offset > 0) {
      yield progressMessage(j.id, 'Downloading', { current: j.offset, total: j.blob.size });
    } else if (j.state === 'downloaded') {
      yield progressMessage(j.id, 'Download complete', { hidecounts: true });
      j.announced = true;
    }
  }
  if (!extractEvents) return;
  for (const j of jobs) {
    if (!j.announced || j.reported) continue;
    if (j.committed) {
      yield progressMessage(j.id, 'Pull complete', { hidecounts: true });
      j.reported = true;
    } else if (j.extractStarted !== undefined) {
      yield progressMessage(j.id, 'Extracting', { current: 1 + Math.floor((elapsed - j.extractStarted) / 1000), units: 's' });
    }
  }
}

/** One update of the graphdriver's transfer manager (xfer): download, verify, extract, complete. */
function* graphdriverTick(jobs: Job[]): Generator<JSONMessage> {
  for (const j of jobs) {
    if (j.state === 'exists' || j.reported) continue;
    if (j.state === 'downloading') {
      yield progressMessage(j.id, 'Downloading', { current: j.offset, total: j.blob.size });
    } else if (j.state === 'downloaded' && !j.verified) {
      j.verified = true;
      yield progressMessage(j.id, 'Verifying Checksum');
      yield progressMessage(j.id, 'Download complete');
    }
  }
  for (const j of jobs) {
    if (j.state === 'exists' || j.reported || !j.verified || j.extractStarted === undefined) continue;
    const total = j.blob.size;
    if (!j.committed || !j.extractShown) {
      const fraction = j.committed ? 1 : 1 - j.extractLeft / Math.max(1, j.extractTotal);
      yield progressMessage(j.id, 'Extracting', { current: Math.max(1, Math.min(total, Math.round(total * fraction))), total });
      j.extractShown = true;
    }
    if (j.committed) {
      yield progressMessage(j.id, 'Pull complete');
      j.reported = true;
    }
  }
}
