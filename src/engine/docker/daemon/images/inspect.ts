/**
 * GET /images/{name}/json (`docker image inspect`) and GET /images/{name}/history
 * (`docker history`), shaped as the reference engine answers them.
 */
import { DaemonError } from '../errors';
import { digestOf, rfc3339Nano, unixSeconds } from '../oci/encode';
import type { ContainerConfig, Digest } from '../oci/types';
import { isGraphdriver } from './context';
import type { ImageContext } from './context';
import { contentSize, repoNames } from './list';
import type { ImageRecord } from './state';
import { imageIdOf, recordsWithTarget, resolveImage, viewOf } from './store';
import type { ImageView } from './store';
import type { HistoryItem, ImageInspect, InspectConfig } from './types';

/** The image behind a record, or a daemon error if its content is incomplete. */
export function requireView(ctx: ImageContext, record: ImageRecord): ImageView {
  const view = viewOf(ctx.state.content, record.target, ctx.platform);
  if (!view) {
    const p = ctx.platform;
    throw new DaemonError('not-found', `image with reference ${record.name} was found but does not provide any platform matching ${p.os}/${p.architecture}`);
  }
  return view;
}

/** The legacy container.Config view of an image's runtime config. */
export function inspectConfig(c: ContainerConfig): InspectConfig {
  const out: InspectConfig = {
    Hostname: '',
    Domainname: '',
    User: c.User ?? '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: c.Env ? [...c.Env] : null,
    Cmd: c.Cmd ? [...c.Cmd] : null,
    Image: '',
    Volumes: c.Volumes ? { ...c.Volumes } : null,
    WorkingDir: c.WorkingDir ?? '',
    Entrypoint: c.Entrypoint ? [...c.Entrypoint] : null,
    OnBuild: c.OnBuild ? [...c.OnBuild] : null,
    Labels: c.Labels ? { ...c.Labels } : null,
  };
  // keys in container.Config order; the optional ones slot in where Go writes them
  const ordered: Record<string, unknown> = {};
  for (const key of [
    'Hostname',
    'Domainname',
    'User',
    'AttachStdin',
    'AttachStdout',
    'AttachStderr',
    'ExposedPorts',
    'Tty',
    'OpenStdin',
    'StdinOnce',
    'Env',
    'Cmd',
    'Healthcheck',
    'ArgsEscaped',
    'Image',
    'Volumes',
    'WorkingDir',
    'Entrypoint',
    'OnBuild',
    'Labels',
    'StopSignal',
    'Shell',
  ]) {
    if (key === 'ExposedPorts' && c.ExposedPorts && Object.keys(c.ExposedPorts).length > 0) ordered[key] = { ...c.ExposedPorts };
    else if (key === 'Healthcheck' && c.Healthcheck) ordered[key] = { ...c.Healthcheck };
    else if (key === 'ArgsEscaped' && c.ArgsEscaped) ordered[key] = true;
    else if (key === 'StopSignal' && c.StopSignal) ordered[key] = c.StopSignal;
    else if (key === 'Shell' && c.Shell && c.Shell.length > 0) ordered[key] = [...c.Shell];
    else if (key in out) ordered[key] = out[key as keyof InspectConfig];
  }
  return ordered as unknown as InspectConfig;
}

/** overlay2's GraphDriver.Data for an image (graphdriver flavour): paths under /var/lib/docker. */
function overlay2Data(view: ImageView): Record<string, string> {
  const ids = view.layers.map((l) => digestOf(`overlay2\0${l.diffId}`).slice(7));
  const dir = (id: string) => `/var/lib/docker/overlay2/${id}`;
  const top = ids[ids.length - 1] ?? digestOf('empty').slice(7);
  const data: Record<string, string> = {};
  if (ids.length > 1) data.LowerDir = ids.slice(0, -1).reverse().map((id) => `${dir(id)}/diff`).join(':');
  data.MergedDir = `${dir(top)}/merged`;
  data.UpperDir = `${dir(top)}/diff`;
  data.WorkDir = `${dir(top)}/work`;
  return data;
}

export function imageInspect(ctx: ImageContext, refOrId: string): ImageInspect {
  const record = resolveImage(ctx, refOrId);
  const view = requireView(ctx, record);
  const cfg = view.config.config;
  const names = recordsWithTarget(ctx.state, record.target.digest);
  const { tags, digests } = repoNames(names, record.target.digest);
  const history = cfg.history ?? [];
  const graphdriver = isGraphdriver(ctx.flavour);
  const size = graphdriver ? view.layers.reduce((n, l) => n + l.unpackedSize, 0) : (view.index?.size ?? 0) + contentSize(view);
  const lastTag = Math.max(...names.map((r) => r.updatedAt));
  const out: ImageInspect = {
    Id: imageIdOf(ctx, record.target),
    RepoTags: tags,
    RepoDigests: digests,
    Parent: '',
    Comment: history[history.length - 1]?.comment ?? '',
    Created: cfg.created ?? '0001-01-01T00:00:00Z',
    DockerVersion: graphdriver ? '' : ctx.engineVersion,
    Author: cfg.author ?? '',
    Config: inspectConfig(cfg.config),
    Architecture: cfg.architecture,
    ...(cfg.variant ? { Variant: cfg.variant } : {}),
    Os: cfg.os,
    Size: size,
    GraphDriver: graphdriver ? { Data: overlay2Data(view), Name: 'overlay2' } : { Data: null, Name: 'overlayfs' },
    RootFS: { Type: 'layers', Layers: [...cfg.rootfs.diff_ids] },
    Metadata: { LastTagTime: graphdriver && lastTag === 0 ? '0001-01-01T00:00:00Z' : rfc3339Nano(lastTag) },
  };
  return out;
}

export function imageHistory(ctx: ImageContext, refOrId: string): HistoryItem[] {
  const record = resolveImage(ctx, refOrId);
  const view = requireView(ctx, record);
  const cfg = view.config.config;
  const graphdriver = isGraphdriver(ctx.flavour);
  const layerSize = (i: number): number => {
    const l = view.layers[i];
    if (!l) return 0;
    return graphdriver ? l.unpackedSize : l.diskUsage;
  };
  const entries = cfg.history ?? [];
  const items: HistoryItem[] = [];
  let layer = 0;
  for (const h of entries) {
    items.push({
      Comment: h.comment ?? '',
      Created: unixSeconds(h.created),
      CreatedBy: h.created_by ?? '',
      Id: '<missing>',
      Size: h.empty_layer ? 0 : layerSize(layer++),
      Tags: null,
    });
  }
  // layers the history does not account for (an image without history)
  for (; layer < view.layers.length; layer++) {
    items.push({ Comment: '', Created: unixSeconds(cfg.created), CreatedBy: '', Id: '<missing>', Size: layerSize(layer), Tags: null });
  }
  items.reverse();
  const top = items[0];
  if (top) {
    top.Id = imageIdOf(ctx, record.target);
    const { tags } = repoNames(recordsWithTarget(ctx.state, record.target.digest), record.target.digest);
    top.Tags = tags.length > 0 ? tags : null;
  }
  return items;
}

/** What a container or a build step needs from an image. */
export interface ResolvedImage {
  id: Digest;
  record: ImageRecord;
  view: ImageView;
}

export function getImage(ctx: ImageContext, refOrId: string): ResolvedImage {
  const record = resolveImage(ctx, refOrId);
  const view = requireView(ctx, record);
  return { id: imageIdOf(ctx, record.target), record, view };
}
