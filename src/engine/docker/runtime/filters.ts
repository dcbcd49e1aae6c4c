/** `docker ps --filter` (moby daemon/list.go), over the container records. */
import { DaemonError } from '../daemon/errors';
import type { ContainerRuntime } from './runtime';
import type { ContainerRecord } from './state';

const PS_FILTERS = new Set(['ancestor', 'before', 'expose', 'exited', 'health', 'id', 'isolation', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume']);
const STATUSES = new Set(['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead']);

function invalid(key: string, value?: string, detail?: string): DaemonError {
  return new DaemonError('invalid-parameter', `invalid filter '${value === undefined ? key : `${key}=${value}`}'${detail ? `: ${detail}` : ''}`);
}

function matchesLabel(record: ContainerRecord, want: string): boolean {
  const eq = want.indexOf('=');
  const key = eq < 0 ? want : want.slice(0, eq);
  if (!Object.hasOwn(record.config.Labels, key)) return false;
  return eq < 0 || record.config.Labels[key] === want.slice(eq + 1);
}

function regexp(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch {
    throw new DaemonError('invalid-parameter', `error parsing regexp: invalid character class range: \`${pattern}\``);
  }
}

export interface ListOptions {
  all: boolean;
  /** -n: the last N containers (any state); -1 for no limit. */
  limit: number;
  filters: Map<string, string[]>;
}

/** The containers `docker ps` lists, newest first. */
export function listContainers(runtime: ContainerRuntime, options: ListOptions): ContainerRecord[] {
  const { filters } = options;
  for (const key of filters.keys()) if (!PS_FILTERS.has(key)) throw invalid(key);
  for (const s of filters.get('status') ?? []) if (!STATUSES.has(s)) throw invalid('status', s);
  const exited: number[] = [];
  for (const e of filters.get('exited') ?? []) {
    if (!/^[+-]?[0-9]+$/.test(e)) throw invalid('exited', e, `strconv.Atoi: parsing "${e}": invalid syntax`);
    exited.push(Number(e));
  }
  const all = runtime.list();
  const byRef = (ref: string): ContainerRecord => runtime.find(ref);
  const before = (filters.get('before') ?? []).map(byRef);
  const since = (filters.get('since') ?? []).map(byRef);
  const ancestors: string[] = [];
  for (const a of filters.get('ancestor') ?? []) {
    try {
      ancestors.push(runtime.engine.images.getImage(a).id);
    } catch {
      // an image that does not exist matches nothing
      ancestors.push(`missing:${a}`);
    }
  }
  const showAll = options.all || options.limit > 0 || filters.has('status');
  let out = all.filter((c) => {
    if (!showAll && c.state.status !== 'running' && c.state.status !== 'paused' && c.state.status !== 'restarting') return false;
    const f = filters;
    if (f.has('status') && !f.get('status')!.includes(c.state.status)) return false;
    if (exited.length > 0 && (c.state.status !== 'exited' || !exited.includes(c.state.exitCode))) return false;
    if (f.has('name') && !f.get('name')!.some((p) => regexp(p).test(`/${c.name}`))) return false;
    if (f.has('id') && !f.get('id')!.some((p) => c.id.startsWith(p))) return false;
    if (f.has('label') && !f.get('label')!.every((l) => matchesLabel(c, l))) return false;
    if (ancestors.length > 0 && !ancestors.includes(c.imageId)) return false;
    if (before.length > 0 && !before.every((b) => c.created < b.created)) return false;
    if (since.length > 0 && !since.every((s) => c.created > s.created)) return false;
    if (f.has('volume') && !f.get('volume')!.some((v) => c.mounts.some((m) => m.name === v || m.destination === v || m.source === v))) return false;
    if (f.has('network') && !f.get('network')!.includes(c.hostConfig.NetworkMode)) return false;
    if (f.has('expose') && !f.get('expose')!.some((p) => Object.hasOwn(c.config.ExposedPorts ?? {}, p.includes('/') ? p : `${p}/tcp`))) return false;
    if (f.has('publish') && !f.get('publish')!.some((p) => Object.values(c.ports ?? {}).some((b) => (b ?? []).some((x) => x.HostPort === p.split('/')[0])))) return false;
    if (f.has('health') && !f.get('health')!.includes('none')) return false;
    if (f.has('is-task') && f.get('is-task')!.includes('true')) return false;
    return true;
  });
  if (options.limit > 0) out = out.slice(0, options.limit);
  return out;
}
