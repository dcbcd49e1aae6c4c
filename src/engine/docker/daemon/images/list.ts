/**
 * GET /images/json (`docker images`): one summary per image, however many names point at it,
 * newest first. Linear in the number of image records: records are filtered once, grouped by
 * target, and each target's view and sizes are computed once.
 */
import { unixSeconds } from '../oci/encode';
import type { Digest } from '../oci/types';
import { familiarName, familiarString, nameOf } from '../reference';
import { isGraphdriver } from './context';
import type { ImageContext } from './context';
import { LIST_FILTERS, compileImageFilters, createdMs, validateFilters } from './filters';
import { isDangling } from './state';
import type { ImageRecord } from './state';
import { allRecords, imageIdOf, recordRef, viewOf } from './store';
import type { ImageView } from './store';
import type { ImageListOptions, ImageSummary } from './types';

/** Bytes of the blobs of one platform image: manifest, config and compressed layers. */
export function contentSize(view: ImageView): number {
  return view.manifest.size + view.config.size + view.layers.reduce((n, l) => n + l.size, 0);
}

/** Disk usage of the image's unpacked snapshots. */
export function snapshotSize(view: ImageView): number {
  return view.layers.reduce((n, l) => n + l.diskUsage, 0);
}

/** Bytes of the image's unpacked files (the graphdriver store's image size). */
export function unpackedSize(view: ImageView): number {
  return view.layers.reduce((n, l) => n + l.unpackedSize, 0);
}

/** `docker images` SIZE: content + snapshots (containerd), unpacked bytes (graphdriver). */
export function listSize(ctx: ImageContext, view: ImageView): number {
  return isGraphdriver(ctx.flavour) ? unpackedSize(view) : contentSize(view) + snapshotSize(view);
}

/** Names of an image as the API reports them: RepoTags and RepoDigests (familiar forms). */
export function repoNames(records: readonly ImageRecord[], target: Digest): { tags: string[]; digests: string[] } {
  const tags: string[] = [];
  const digests: string[] = [];
  const seenRepos = new Set<string>();
  for (const r of records) {
    if (isDangling(r)) continue;
    const ref = recordRef(r);
    if (!ref) continue;
    if (ref.tag !== undefined) tags.push(familiarString({ domain: ref.domain, path: ref.path, tag: ref.tag }));
    const repo = nameOf(ref);
    if (!seenRepos.has(repo)) {
      seenRepos.add(repo);
      digests.push(`${familiarName(ref)}@${target}`);
    }
  }
  return { tags, digests };
}

interface Group {
  target: Digest;
  records: ImageRecord[];
  view: ImageView;
  created: number;
  lastTag: number;
}

/** Records grouped by target, for the records that pass `keep` and whose content is present. */
export function groupImages(ctx: ImageContext, keep: (r: ImageRecord) => boolean, views: Map<Digest, ImageView | null>): Group[] {
  const groups = new Map<Digest, Group>();
  for (const r of allRecords(ctx.state)) {
    if (!keep(r)) continue;
    const digest = r.target.digest;
    let g = groups.get(digest);
    if (!g) {
      const view = cachedView(ctx, views, r);
      if (!view) continue;
      g = { target: digest, records: [], view, created: createdMs(view.config.config.created), lastTag: 0 };
      groups.set(digest, g);
    }
    g.records.push(r);
    g.lastTag = Math.max(g.lastTag, r.updatedAt);
  }
  const out = [...groups.values()];
  for (const g of out) g.records.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // newest first; ties: most recently tagged first, then by id
  out.sort((a, b) => b.created - a.created || b.lastTag - a.lastTag || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  return out;
}

export function cachedView(ctx: ImageContext, views: Map<Digest, ImageView | null>, r: ImageRecord): ImageView | undefined {
  const digest = r.target.digest;
  let view = views.get(digest);
  if (view === undefined) {
    view = viewOf(ctx.state.content, r.target, ctx.platform) ?? null;
    views.set(digest, view);
  }
  return view ?? undefined;
}

export function summaryOf(ctx: ImageContext, g: Group): ImageSummary {
  const { tags, digests } = repoNames(g.records, g.target);
  const labels = g.view.config.config.config.Labels;
  return {
    Containers: -1,
    Created: unixSeconds(g.view.config.config.created),
    Id: imageIdOf(ctx, g.view.target),
    Labels: labels && Object.keys(labels).length > 0 ? { ...labels } : null,
    ParentId: '',
    RepoDigests: digests,
    RepoTags: tags,
    SharedSize: -1,
    Size: listSize(ctx, g.view),
  };
}

export function imageList(ctx: ImageContext, options: ImageListOptions = {}): ImageSummary[] {
  const filters = options.filters ?? {};
  validateFilters(filters, LIST_FILTERS);
  const views = new Map<Digest, ImageView | null>();
  const createdOf = (r: ImageRecord): number | undefined => {
    const v = cachedView(ctx, views, r);
    return v ? createdMs(v.config.config.created) : undefined;
  };
  const keep = compileImageFilters(ctx, filters, createdOf);
  const groups = groupImages(ctx, keep, views);
  const summaries = groups.map((g) => summaryOf(ctx, g));
  if (options.withUsage) addUsage(ctx, groups, summaries);
  return summaries;
}

/** Containers per image and the snapshot bytes each image shares with others (system df). */
export function addUsage(ctx: ImageContext, groups: readonly Group[], summaries: ImageSummary[]): void {
  const byImage = new Map<string, number>();
  for (const c of ctx.containers()) byImage.set(c.imageId, (byImage.get(c.imageId) ?? 0) + 1);
  const layerUse = new Map<Digest, number>();
  for (const g of groups) for (const d of new Set(g.view.layers.map((l) => l.diffId))) layerUse.set(d, (layerUse.get(d) ?? 0) + 1);
  groups.forEach((g, i) => {
    const s = summaries[i]!;
    s.Containers = byImage.get(s.Id) ?? 0;
    let shared = 0;
    const counted = new Set<Digest>();
    for (const l of g.view.layers) {
      if (counted.has(l.diffId)) continue;
      counted.add(l.diffId);
      if ((layerUse.get(l.diffId) ?? 0) > 1) shared += isGraphdriver(ctx.flavour) ? l.unpackedSize : l.diskUsage;
    }
    s.SharedSize = shared;
  });
}
