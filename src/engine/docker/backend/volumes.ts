/** The engine's answers for volumes: create, ls, rm, inspect, prune. */
import type { ProcessContext } from '../../process';
import type { DockerRequest } from '../cli/parse';
import { DaemonError } from '../daemon/errors';
import type { DockerEngine } from '../engine';
import { TemplateError, humanSize, volumeContext, volumeFormat, writeFormatted, type VolumeRow } from '../format';
import { VOLUME_NILS, inspectElement, printInspect, volumeJSON } from '../runtime/inspect';
import { invalidVolumeName, isValidVolumeName } from '../runtime/mounts';
import { daemonText, filterArgs, flagBool, flagList, flagString } from '../runtime/output';
import { ContainerRuntime } from '../runtime/runtime';
import { volumeMountpoint, type VolumeRecord } from '../runtime/state';
import type { BackendPart } from './index';

/** sortorder.NaturalLess: digit runs compare as numbers. */
export function naturalLess(a: string, b: string): boolean {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = Number(x);
      const ny = Number(y);
      if (nx !== ny) return nx < ny;
      return x.length < y.length;
    }
    return x < y;
  }
  return pa.length < pb.length;
}

function labelsOf(values: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) labels[v] = '';
    else labels[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return labels;
}

async function createCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const name = request.args[0] ?? flagString(request, 'name');
  const driver = flagString(request, 'driver') || 'local';
  if (driver !== 'local') {
    ctx.stderr.write(`${daemonText(`create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`)}\n`);
    return 1;
  }
  if (name !== '' && !isValidVolumeName(name)) {
    ctx.stderr.write(`${daemonText(invalidVolumeName(name))}\n`);
    return 1;
  }
  const opts = labelsOf(flagList(request, 'opt'));
  if (Object.keys(opts).length > 0 && !('device' in opts) && ('type' in opts || 'o' in opts)) {
    ctx.stderr.write(`${daemonText(`create ${name}: missing required option: "device"`)}\n`);
    return 1;
  }
  const volume = runtime.createVolume(name === '' ? undefined : name, { labels: labelsOf(flagList(request, 'label')), options: opts });
  ctx.stdout.write(`${volume.name}\n`);
  return 0;
}

function rowOf(v: VolumeRecord): VolumeRow {
  return { name: v.name, driver: v.driver, scope: 'local', mountpoint: volumeMountpoint(v.name), labels: Object.keys(v.labels).length > 0 ? v.labels : null };
}

const VOLUME_FILTERS = new Set(['dangling', 'driver', 'label', 'name']);

/** GET /volumes with filters (dangling, driver, label, name). */
export function listVolumes(runtime: ContainerRuntime, filters: Map<string, string[]>): VolumeRecord[] {
  for (const key of filters.keys()) if (!VOLUME_FILTERS.has(key)) throw new DaemonError('invalid-parameter', `invalid filter '${key}'`);
  for (const d of filters.get('dangling') ?? []) {
    if (!['true', 'false', '1', '0'].includes(d)) throw new DaemonError('invalid-parameter', `invalid filter 'dangling=${d}'`);
  }
  return Object.values(runtime.volumes.volumes)
    .filter((v) => {
      const dangling = filters.get('dangling');
      if (dangling) {
        const want = dangling.includes('true') || dangling.includes('1');
        if ((runtime.volumeUsers(v.name).length === 0) !== want) return false;
      }
      if (filters.has('driver') && !filters.get('driver')!.includes(v.driver)) return false;
      if (filters.has('name') && !filters.get('name')!.some((n) => v.name.includes(n))) return false;
      if (filters.has('label')) {
        for (const l of filters.get('label')!) {
          const eq = l.indexOf('=');
          const key = eq < 0 ? l : l.slice(0, eq);
          if (!Object.hasOwn(v.labels, key)) return false;
          if (eq >= 0 && v.labels[key] !== l.slice(eq + 1)) return false;
        }
      }
      return true;
    })
    .sort((a, b) => (naturalLess(a.name, b.name) ? -1 : naturalLess(b.name, a.name) ? 1 : 0));
}

async function lsCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  let volumes: VolumeRecord[];
  try {
    volumes = listVolumes(runtime, filterArgs(request));
  } catch (e) {
    if (!(e instanceof DaemonError)) throw e;
    ctx.stderr.write(`${daemonText(e.message)}\n`);
    return 1;
  }
  const format = volumeFormat(flagString(request, 'format') || 'table', flagBool(request, 'quiet'));
  try {
    ctx.stdout.write(writeFormatted({ format, context: volumeContext(), rows: volumes.map(rowOf) }));
  } catch (e) {
    if (e instanceof TemplateError) {
      ctx.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  return 0;
}

async function rmCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const force = flagBool(request, 'force');
  const errors: string[] = [];
  for (const name of request.args) {
    try {
      if (!runtime.volume(name)) {
        if (force) {
          ctx.stdout.write(`${name}\n`);
          continue;
        }
        throw new DaemonError('not-found', `get ${name}: no such volume`);
      }
      runtime.removeVolume(name);
      ctx.stdout.write(`${name}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(daemonText(e.message));
    }
  }
  if (errors.length === 0) return 0;
  ctx.stderr.write(`${errors.join('\n')}\n`);
  return 1;
}

async function inspectCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const elements = [];
  const missing: string[] = [];
  for (const name of request.args) {
    const v = runtime.volume(name);
    if (v) elements.push(inspectElement(volumeJSON(v), VOLUME_NILS));
    else missing.push(daemonText(`get ${name}: no such volume`));
  }
  return printInspect(ctx, flagString(request, 'format'), elements, missing);
}

/** POST /volumes/prune: unused anonymous volumes (all unused ones with `all=true`). */
export function pruneVolumes(runtime: ContainerRuntime, all: boolean, filters: Map<string, string[]>): { deleted: string[]; reclaimed: number } {
  const deleted: string[] = [];
  let reclaimed = 0;
  const volumes = Object.values(runtime.volumes.volumes).sort((a, b) => (naturalLess(a.name, b.name) ? -1 : 1));
  for (const v of volumes) {
    if (!all && !v.anonymous) continue;
    if (runtime.volumeUsers(v.name).length > 0) continue;
    const labels = filters.get('label') ?? [];
    if (!labels.every((l) => Object.hasOwn(v.labels, l.split('=')[0]!) && (!l.includes('=') || v.labels[l.split('=')[0]!] === l.slice(l.indexOf('=') + 1)))) continue;
    reclaimed += runtime.volumeSize(v.name);
    runtime.removeVolume(v.name);
    deleted.push(v.name);
  }
  return { deleted, reclaimed };
}

async function pruneCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const filters = filterArgs(request);
  for (const key of filters.keys()) {
    if (key !== 'label' && key !== 'label!' && key !== 'all') {
      ctx.stderr.write(`${daemonText(`invalid filter '${key}'`)}\n`);
      return 1;
    }
  }
  const { deleted, reclaimed } = pruneVolumes(runtime, flagBool(request, 'all'), filters);
  if (deleted.length > 0) ctx.stdout.write(`Deleted Volumes:\n${deleted.map((n) => `${n}\n`).join('')}\n`);
  ctx.stdout.write(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  return 0;
}

export function volumesBackend(engine: DockerEngine): BackendPart {
  const runtime = ContainerRuntime.of(engine);
  return {
    volumeCreate: (request, ctx) => runtime.command(() => createCommand(runtime, request, ctx)),
    volumeLs: (request, ctx) => runtime.command(() => lsCommand(runtime, request, ctx)),
    volumeRm: (request, ctx) => runtime.command(() => rmCommand(runtime, request, ctx)),
    volumeInspect: (request, ctx) => runtime.command(() => inspectCommand(runtime, request, ctx)),
    volumePrune: (request, ctx) => runtime.command(() => pruneCommand(runtime, request, ctx)),
  };
}
