/**
 * The names the reference engine (dockerd 26.1, containerd image store) reports for an image,
 * where they differ from what the image service computes:
 *
 * - `docker images` (GET /images/json): one summary per target; its RepoDigests come from one
 *   image record only, the last one by name among those listed (moby daemon/containerd
 *   image_list.go keeps `uniqueImages[target] = img` while walking containerd's name-ordered list).
 *   So `docker images --digests` shows `<none>` for every other repository of the image. Recorded:
 *     anibali/pytorch   1.10.0-nocuda   <none>                 0bc92e41db26
 *     python            3.11-slim       sha256:0bc92e41db26…   0bc92e41db26
 * - `docker image inspect`: one RepoDigests entry per image record (image.go GetImage builds a
 *   digested reference from every name), so two tags of one repository list it twice. Recorded:
 *     "RepoDigests": ["python@sha256:f33e…", "python@sha256:f33e…"]
 *
 * Both apply to the containerd flavours; the graphdriver store's names are the service's.
 */
import type { DockerEngine } from '../../engine';
import { isDangling, isGraphdriver, reference } from '../../daemon';
import type { ImageRecord, Reference } from '../../daemon';

/** The image records (names) of a target, in containerd's order (by name). */
export function recordsOf(engine: DockerEngine, target: string): ImageRecord[] {
  return Object.values(engine.images.state.images)
    .filter((r) => r.target.digest === target)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function parsed(record: ImageRecord): Reference | undefined {
  if (isDangling(record)) return undefined;
  try {
    return reference.parseNormalizedNamed(record.name);
  } catch {
    return undefined;
  }
}

function digested(ref: Reference, target: string): string {
  return `${reference.familiarName(ref)}@${target}`;
}

export function containerdNames(engine: DockerEngine): boolean {
  return !isGraphdriver(engine.images.ctx.flavour);
}

/**
 * RepoDigests of a `docker images` summary: the representative record's digested name. `patterns`
 * are the `reference` filters, which decide which of the image's names were listed.
 */
export function listRepoDigests(engine: DockerEngine, id: string, patterns: readonly string[], fallback: string[]): string[] {
  if (!containerdNames(engine)) return fallback;
  const listed = recordsOf(engine, id).filter((r) => {
    if (patterns.length === 0) return true;
    const ref = parsed(r);
    return ref !== undefined && patterns.some((p) => reference.familiarMatch(p, ref));
  });
  const last = listed[listed.length - 1];
  const ref = last ? parsed(last) : undefined;
  return ref ? [digested(ref, id)] : [];
}

/** RepoDigests of `docker image inspect`: one per named record, in name order. */
export function inspectRepoDigests(engine: DockerEngine, id: string, fallback: string[]): string[] {
  if (!containerdNames(engine)) return fallback;
  const out: string[] = [];
  for (const r of recordsOf(engine, id)) {
    const ref = parsed(r);
    if (ref) out.push(digested(ref, id));
  }
  return out;
}
