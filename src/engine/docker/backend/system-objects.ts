/**
 * The engine's answers that span every kind of object: `docker system df` (images, containers,
 * local volumes, build cache), `docker system prune`, and `docker inspect` of containers, images
 * and volumes. Merged into the backend next to system.ts (version, info).
 */
import type { ProcessContext } from '../../process';
import type { DockerRequest } from '../cli/parse';
import { DaemonError } from '../daemon/errors';
import type { DockerEngine } from '../engine';
import {
  CONTEXT_TYPES,
  DISK_USAGE_HEADERS,
  TemplateError,
  containerContext,
  defineContext,
  humanSize,
  imageContext,
  imageRows,
  timeAgo,
  volumeContext,
  writeFormatted,
} from '../format';
import { containerRow, pruneContainers } from './containers';
import { CONTAINER_NILS, VOLUME_NILS, containerJSON, inspectElement, printInspect, volumeJSON, type NilTypes } from '../runtime/inspect';
import { daemonText, filterArgs, flagBool, flagString } from '../runtime/output';
import { ContainerRuntime } from '../runtime/runtime';
import { volumeMountpoint } from '../runtime/state';
import { listVolumes, pruneVolumes } from './volumes';
import { imageInspectElement } from './images/inspect';
import type { InspectElement } from '../format';
import type { BackendPart } from './index';

interface DfRow {
  type: string;
  total: number;
  active: number;
  size: string;
  reclaimable: string;
}

function percent(reclaimable: number, total: number): string {
  return total > 0 ? `${humanSize(reclaimable)} (${Math.trunc((reclaimable * 100) / total)}%)` : humanSize(reclaimable);
}

const dfContext = defineContext<DfRow>({
  type: CONTEXT_TYPES.diskUsageImages,
  header: DISK_USAGE_HEADERS,
  methods: {
    Type: (r) => r.type,
    TotalCount: (r) => String(r.total),
    Active: (r) => String(r.active),
    Size: (r) => r.size,
    Reclaimable: (r) => r.reclaimable,
  },
});

interface CacheRow {
  id: string;
  type: string;
  size: number;
  createdAt: number;
  lastUsedAt: number;
  usage: number;
  shared: boolean;
}

function cacheContext(now: () => number) {
  return defineContext<CacheRow>({
    type: CONTEXT_TYPES.buildCache,
    header: { ID: 'CACHE ID', CacheType: 'CACHE TYPE', Size: 'SIZE', CreatedSince: 'CREATED', LastUsedSince: 'LAST USED', UsageCount: 'USAGE', Shared: 'SHARED' },
    methods: {
      ID: (r) => r.id.slice(0, 12),
      CacheType: (r) => r.type,
      Size: (r) => humanSize(r.size),
      CreatedSince: (r) => timeAgo(r.createdAt, now()),
      LastUsedSince: (r) => timeAgo(r.lastUsedAt, now()),
      UsageCount: (r) => String(r.usage),
      Shared: (r) => String(r.shared),
    },
  });
}

async function dfCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const engine = runtime.engine;
  const images = engine.images.systemDf();
  const containers = runtime.list();
  const volumes = listVolumes(runtime, new Map());
  const now = (): number => runtime.now();
  // images: the unpacked layers once; what containers use is not reclaimable
  const layers = images.LayersSize;
  let used = 0;
  for (const i of images.Images) if ((i.Containers ?? 0) !== 0 && i.Size !== -1 && (i.SharedSize ?? -1) !== -1) used += i.Size - (i.SharedSize ?? 0);
  const active = (c: (typeof containers)[number]): boolean => runtime.isRunning(c);
  const containerSize = containers.reduce((n, c) => n + runtime.sizeRw(c), 0);
  const containerReclaimable = containers.filter((c) => !active(c)).reduce((n, c) => n + runtime.sizeRw(c), 0);
  const volumeSizes = volumes.map((v) => ({ v, size: runtime.volumeSize(v.name), refs: runtime.volumeUsers(v.name).length }));
  const volumeSize = volumeSizes.reduce((n, x) => n + x.size, 0);
  const volumeReclaimable = volumeSizes.filter((x) => x.refs === 0).reduce((n, x) => n + x.size, 0);
  const cache = images.BuildCache;
  const cacheSize = cache.filter((c) => !c.Shared).reduce((n, c) => n + c.Size, 0);
  const cacheInUse = cache.filter((c) => c.InUse && !c.Shared).reduce((n, c) => n + c.Size, 0);
  const rows: DfRow[] = [
    { type: 'Images', total: images.Images.length, active: images.Images.filter((i) => (i.Containers ?? 0) > 0).length, size: humanSize(layers), reclaimable: percent(layers - used, layers) },
    { type: 'Containers', total: containers.length, active: containers.filter(active).length, size: humanSize(containerSize), reclaimable: percent(containerReclaimable, containerSize) },
    { type: 'Local Volumes', total: volumes.length, active: volumeSizes.filter((x) => x.refs > 0).length, size: humanSize(volumeSize), reclaimable: percent(volumeReclaimable, volumeSize) },
    { type: 'Build Cache', total: cache.length, active: cache.filter((c) => c.InUse).length, size: humanSize(cacheSize), reclaimable: humanSize(cacheSize - cacheInUse) },
  ];
  const format = flagString(request, 'format');
  try {
    if (!flagBool(request, 'verbose')) {
      ctx.stdout.write(writeFormatted({ format: format || 'table {{.Type}}\\t{{.TotalCount}}\\t{{.Active}}\\t{{.Size}}\\t{{.Reclaimable}}', context: dfContext, rows }));
      return 0;
    }
    let out = 'Images space usage:\n\n';
    const summaries = images.Images.map((i) => ({
      id: i.Id,
      repoTags: i.RepoTags ?? [],
      repoDigests: i.RepoDigests ?? [],
      created: i.Created,
      size: i.Size,
      sharedSize: i.SharedSize ?? -1,
      containers: i.Containers ?? -1,
    }));
    const imageFormat = 'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.CreatedSince}}\\t{{.VirtualSize}}\\t{{.SharedSize}}\\t{{.UniqueSize}}\\t{{.Containers}}';
    out += writeFormatted({ format: imageFormat, context: imageContext({ trunc: true, now }), rows: imageRows(summaries, { digest: false, format: imageFormat }) });
    out += '\nContainers space usage:\n\n';
    const containerFormat = 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.LocalVolumes}}\\t{{.Size}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Names}}';
    out += writeFormatted({
      format: containerFormat,
      context: containerContext({ trunc: true, now }),
      rows: containers.map((c) => ({ ...containerRow(runtime, c, true), sizeRootFs: 0 })),
    });
    out += '\nLocal Volumes space usage:\n\n';
    out += writeFormatted({
      format: 'table {{.Name}}\\t{{.Links}}\\t{{.Size}}',
      context: volumeContext(),
      rows: volumeSizes.map(({ v, size, refs }) => ({ name: v.name, driver: v.driver, scope: 'local', mountpoint: volumeMountpoint(v.name), usage: { refCount: refs, size } })),
    });
    out += `\nBuild cache usage: ${humanSize(cacheSize)}\n\n`;
    out += writeFormatted({
      format: 'table {{.ID}}\\t{{.CacheType}}\\t{{.Size}}\\t{{.CreatedSince}}\\t{{.LastUsedSince}}\\t{{.UsageCount}}\\t{{.Shared}}',
      context: cacheContext(now),
      rows: cache.map((c) => ({
        id: c.ID,
        type: c.Type,
        size: c.Size,
        createdAt: Date.parse(c.CreatedAt),
        lastUsedAt: Date.parse(c.LastUsedAt),
        usage: c.UsageCount,
        shared: c.Shared,
      })),
    });
    ctx.stdout.write(out);
  } catch (e) {
    if (e instanceof TemplateError) {
      ctx.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  return 0;
}

/** Removes unused build cache records (all of them with --all), as the builder's prune does. */
function pruneBuildCache(engine: DockerEngine, all: boolean): { deleted: string[]; reclaimed: number } {
  const state = engine.images.state;
  const deleted: string[] = [];
  let reclaimed = 0;
  const keep = state.buildCache.filter((c) => {
    const remove = !c.InUse && (all || c.Type !== 'regular' || !c.Shared);
    if (remove) {
      deleted.push(c.ID);
      if (!c.Shared) reclaimed += c.Size;
    }
    return !remove;
  });
  state.buildCache = keep;
  return { deleted, reclaimed };
}

async function pruneCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const all = flagBool(request, 'all');
  const filters = filterArgs(request);
  let total = 0;
  try {
    const containers = pruneContainers(runtime, filters);
    total += containers.reclaimed;
    if (containers.deleted.length > 0) ctx.stdout.write(`Deleted Containers:\n${containers.deleted.map((id) => `${id}\n`).join('')}\n`);
    if (flagBool(request, 'volumes')) {
      const volumes = pruneVolumes(runtime, false, filters);
      total += volumes.reclaimed;
      if (volumes.deleted.length > 0) ctx.stdout.write(`Deleted Volumes:\n${volumes.deleted.map((n) => `${n}\n`).join('')}\n`);
    }
    const imageFilters: Record<string, string[]> = { dangling: [all ? 'false' : 'true'] };
    for (const [k, v] of filters) if (k !== 'dangling') imageFilters[k] = v;
    const images = runtime.engine.images.imagePrune(imageFilters);
    total += images.SpaceReclaimed;
    const deletedImages = images.ImagesDeleted ?? [];
    if (deletedImages.length > 0) {
      const lines = deletedImages.map((d) => ('Untagged' in d ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted}\n`));
      ctx.stdout.write(`Deleted Images:\n${lines.join('')}\n`);
    }
    const cache = pruneBuildCache(runtime.engine, all);
    total += cache.reclaimed;
    if (cache.deleted.length > 0) ctx.stdout.write(`Deleted build cache objects:\n${cache.deleted.map((id) => `${id}\n`).join('')}\n`);
  } catch (e) {
    if (!(e instanceof DaemonError)) throw e;
    ctx.stderr.write(`${daemonText(e.message)}\n`);
    return 1;
  }
  ctx.stdout.write(`Total reclaimed space: ${humanSize(total)}\n`);
  return 0;
}

const INSPECT_TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

async function inspectCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const type = flagString(request, 'type');
  if (type !== '' && !INSPECT_TYPES.includes(type)) {
    ctx.stderr.write(`unknown type: "${type}": must be one of ${INSPECT_TYPES.map((t) => `"${t}"`).join(', ')}\n`);
    return 1;
  }
  const size = flagBool(request, 'size');
  const elements = [];
  const missing: string[] = [];
  for (const ref of request.args) {
    const tryContainer = (): unknown => containerJSON(runtime, runtime.find(ref), size);
    // the same typed element as `docker image inspect` (RepoDigests, Go types for --format)
    const tryImage = (): unknown => imageInspectElement(runtime.engine, ref);
    const tryVolume = (): unknown => {
      const v = runtime.volume(ref);
      if (!v) throw new DaemonError('not-found', `get ${ref}: no such volume`);
      return volumeJSON(v);
    };
    const attempts: (() => unknown)[] = type === 'container' ? [tryContainer] : type === 'image' ? [tryImage] : type === 'volume' ? [tryVolume] : type === '' ? [tryContainer, tryImage, tryVolume] : [];
    let found: unknown;
    let nils: NilTypes = {};
    let lastError: DaemonError | undefined;
    let isImage = false;
    for (const attempt of attempts) {
      try {
        found = attempt();
        isImage = attempt === tryImage;
        nils = attempt === tryContainer ? CONTAINER_NILS : attempt === tryVolume ? VOLUME_NILS : {};
        break;
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
        lastError = e;
      }
    }
    if (found !== undefined) elements.push(isImage ? (found as InspectElement) : inspectElement(found, nils));
    else if (type === '') missing.push(`Error: No such object: ${ref}`);
    else if (lastError) missing.push(daemonText(lastError.message));
    else missing.push(`Error: No such ${type}: ${ref}`);
  }
  return printInspect(ctx, flagString(request, 'format'), elements, missing);
}

/** systemDf, systemPrune and inspect. */
export function systemObjectsBackend(engine: DockerEngine): BackendPart {
  const runtime = ContainerRuntime.of(engine);
  return {
    systemDf: (request, ctx) => runtime.command(() => dfCommand(runtime, request, ctx)),
    systemPrune: (request, ctx) => runtime.command(() => pruneCommand(runtime, request, ctx)),
    inspect: (request, ctx) => runtime.command(() => inspectCommand(runtime, request, ctx)),
  };
}
