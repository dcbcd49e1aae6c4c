/**
 * What BuildKit does for `FROM python:3.11-slim` when the image is not local: it resolves and
 * downloads the content into its own cache without naming an image, so the image does not show up
 * in `docker images` (observed on the reference engine), and keeps it as a build-cache record
 * ("pulled from docker.io/library/python:3.11-slim@sha256:…").
 */
import { digestOf, encoded } from '../oci/encode';
import type { Descriptor, Digest, Platform } from '../oci/types';
import { referenceString, withDigest } from '../reference';
import type { Reference } from '../reference';
import type { AuthConfig, ImageContext, OperationOptions } from './context';
import { contentSize, snapshotSize } from './list';
import { parsePullReference, registryFor, resolveRemote } from './pull';
import { presentChildren, viewOf } from './store';
import type { ImageView } from './store';
import { advance, planTransfers, tickFor } from './transfer';

export type FetchEvent =
  /** The reference resolved (BuildKit: `resolve docker.io/library/python:3.11-slim@sha256:…`). */
  | { kind: 'resolved'; ref: string; digest: Digest }
  /** A layer's download progress (`sha256:… 3.62MB / 3.62MB 0.2s done`). */
  | { kind: 'layer'; digest: Digest; current: number; total: number; done: boolean; elapsed: number }
  /** A layer being unpacked (`extracting sha256:… 0.1s done`). */
  | { kind: 'extract'; digest: Digest; done: boolean; elapsed: number };

export interface FetchOptions extends OperationOptions {
  auth?: AuthConfig;
  platform?: Platform;
  onProgress?: (event: FetchEvent) => void;
}

export interface FetchedImage {
  /** The resolved reference, with its digest. */
  ref: Reference;
  target: Descriptor;
  view: ImageView;
  /** The build-cache record that keeps the content. */
  cacheId: string;
}

export async function imageFetch(ctx: ImageContext, refStr: string, options: FetchOptions = {}): Promise<FetchedImage> {
  const ref = parsePullReference(refStr);
  const platform = options.platform ?? ctx.platform;
  const reg = registryFor(ctx, ref);
  await ctx.clock.sleep(ctx.network.latency, options.signal);
  const remote = resolveRemote(ctx, reg, ref, platform, options.auth);
  const resolved = withDigest(ref, remote.target.digest);
  const emit = options.onProgress ?? (() => undefined);
  emit({ kind: 'resolved', ref: referenceString(resolved), digest: remote.target.digest });

  const content = ctx.state.content;
  const transfers = planTransfers(ctx.network, remote.layers, (d) => content[d]?.kind === 'layer');
  const tick = tickFor(ctx.network, transfers);
  const reported = new Set<Digest>();
  const extracted = new Set<Digest>();
  let elapsed = 0;
  while (transfers.some((t) => !t.committed)) {
    await ctx.clock.sleep(tick, options.signal);
    elapsed += tick;
    advance(ctx.network, transfers, tick, elapsed);
    for (const t of transfers) {
      if (t.state === 'exists' || reported.has(t.blob.digest)) continue;
      if (t.state === 'downloading' || t.state === 'downloaded') {
        const done = t.state === 'downloaded';
        emit({ kind: 'layer', digest: t.blob.digest, current: t.offset, total: t.blob.size, done, elapsed });
        if (done) reported.add(t.blob.digest);
      }
    }
    for (const t of transfers) {
      if (t.state === 'exists' || extracted.has(t.blob.digest) || t.extractStarted === undefined) continue;
      emit({ kind: 'extract', digest: t.blob.digest, done: t.committed, elapsed: elapsed - t.extractStarted });
      if (t.committed) extracted.add(t.blob.digest);
    }
  }

  if (remote.index) content[remote.index.digest] = remote.index;
  content[remote.manifest.digest] = remote.manifest;
  content[remote.config.digest] = remote.config;
  for (const l of remote.layers) content[l.digest] = l;
  const view = viewOf(content, remote.target, platform)!;
  const now = ctx.clock.now();
  const description = `pulled from ${referenceString(resolved)}`;
  let record = ctx.state.buildCache.find((c) => c.Description === description);
  if (record) {
    record.LastUsedAt = now;
    record.UsageCount++;
  } else {
    record = {
      ID: encoded(digestOf(`buildcache\0${description}`)).slice(0, 25),
      Type: 'regular',
      Description: description,
      InUse: false,
      Shared: true,
      Size: contentSize(view) + snapshotSize(view),
      CreatedAt: now,
      LastUsedAt: now,
      UsageCount: 1,
      blobs: presentChildren(content, remote.target).map((d) => d.digest),
    };
    ctx.state.buildCache.push(record);
  }
  return { ref: resolved, target: { ...remote.target }, view, cacheId: record.ID };
}
