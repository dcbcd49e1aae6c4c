/**
 * The image part of GET /system/df (`docker system df`): every image with its container count and
 * shared size, the bytes all unpacked layers take once, and the build cache.
 *
 * Recorded on the reference engine with python:3.11-slim only: Images 1 0 259.8MB — the Images SIZE
 * there is LayersSize (snapshots), while `docker images` shows content + snapshots (381MB).
 */
import { rfc3339Nano } from '../oci/encode';
import type { Digest } from '../oci/types';
import { isGraphdriver } from './context';
import type { ImageContext } from './context';
import { addUsage, groupImages, summaryOf } from './list';
import type { ImageView } from './store';
import type { ImagesDiskUsage } from './types';

export function systemDfImages(ctx: ImageContext): ImagesDiskUsage {
  const views = new Map<Digest, ImageView | null>();
  const groups = groupImages(ctx, () => true, views);
  const images = groups.map((g) => summaryOf(ctx, g));
  addUsage(ctx, groups, images);
  const seen = new Set<Digest>();
  let layersSize = 0;
  for (const g of groups) {
    for (const l of g.view.layers) {
      if (seen.has(l.digest)) continue;
      seen.add(l.digest);
      layersSize += isGraphdriver(ctx.flavour) ? l.unpackedSize : l.diskUsage;
    }
  }
  return {
    LayersSize: layersSize,
    Images: images,
    BuildCache: ctx.state.buildCache.map((c) => ({
      ID: c.ID,
      ...(c.Parents ? { Parents: [...c.Parents] } : {}),
      Type: c.Type,
      Description: c.Description,
      InUse: c.InUse,
      Shared: c.Shared,
      Size: c.Size,
      CreatedAt: rfc3339Nano(c.CreatedAt),
      LastUsedAt: rfc3339Nano(c.LastUsedAt),
      UsageCount: c.UsageCount,
    })),
  };
}
