/**
 * `docker run` / `docker create` flags → what the client sends the daemon (cli/command/container
 * opts.go parse): the client's own checks come first, with its messages (`conflicting options:
 * cannot specify both --restart and --rm`, `invalid spec: …`); the daemon's checks (mount
 * sources, volume names, restart policy names) follow with theirs.
 */
import type { FileSystem } from '../../fs/types';
import type { DockerRequest } from '../cli/parse';
import { readCsvRecord } from '../cli/values';
import { ClientMountError, DaemonMountError, checkDuplicates, clientVolumeSpec, parseBind, parseMountFlag, parseTmpfs, type MountPlan } from './mounts';
import type { CreateSpec } from './runtime';
import type { DeviceRequest, MountRecord, PortBinding, RestartPolicy } from './state';

/** A client-side error: printed as `docker: <message>` + help (run) and exit 125. */
export class ClientOptionError extends Error {}
/** A daemon-side error found while reading the options: `Error response from daemon: <message>`. */
export class DaemonOptionError extends Error {}

/** The container part of the request; the image is resolved by the caller. */
export type ContainerOptions = Omit<CreateSpec, 'imageId'> & {
  /** `--pull`: missing (default), always, never. */
  pull: string;
  quiet: boolean;
  detach: boolean;
  sigProxy: boolean;
  mountPlans: MountPlan[];
};

function flagString(request: DockerRequest, name: string): string {
  const v = request.flags[name];
  return typeof v === 'string' ? v : '';
}

function flagList(request: DockerRequest, name: string): string[] {
  const v = request.flags[name];
  return Array.isArray(v) ? v : [];
}

function flagBool(request: DockerRequest, name: string): boolean {
  return request.flags[name] === true;
}

function flagNumber(request: DockerRequest, name: string): number {
  const v = request.flags[name];
  return typeof v === 'number' ? v : 0;
}

/** opts.ParseRestartPolicy, then the daemon's check of the name. */
export function parseRestartPolicy(text: string): RestartPolicy {
  if (text === '') return { Name: 'no', MaximumRetryCount: 0 };
  const colon = text.indexOf(':');
  const name = colon < 0 ? text : text.slice(0, colon);
  const count = colon < 0 ? undefined : text.slice(colon + 1);
  if (count !== undefined) {
    if (!/^-?[0-9]+$/.test(count)) throw new ClientOptionError(`invalid restart policy format: maximum retry count must be an integer`);
  }
  const known = ['no', 'always', 'on-failure', 'unless-stopped'];
  if (!known.includes(name)) {
    throw new DaemonOptionError(`invalid restart policy: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  }
  if (count !== undefined && name !== 'on-failure') {
    throw new DaemonOptionError(`invalid restart policy: maximum retry count can only be used with 'on-failure'`);
  }
  const max = count === undefined ? 0 : Number(count);
  if (max < 0) throw new DaemonOptionError('invalid restart policy: maximum retry count cannot be negative');
  return { Name: name as RestartPolicy['Name'], MaximumRetryCount: max };
}

/** nat.ParsePortSpecs for `-p`: container port → bindings; throws the client's message. */
export function parsePublish(specs: readonly string[]): { exposed: string[]; bindings: Record<string, PortBinding[]> } {
  const exposed: string[] = [];
  const bindings: Record<string, PortBinding[]> = {};
  for (const spec of specs) {
    let rest = spec;
    let proto = 'tcp';
    const slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      proto = rest.slice(slash + 1).toLowerCase();
      rest = rest.slice(0, slash);
      if (!['tcp', 'udp', 'sctp'].includes(proto)) throw new ClientOptionError(`invalid proto: ${proto}`);
    }
    const parts = rest.split(':');
    let ip = '';
    let hostPort = '';
    let containerPort: string;
    if (parts.length === 1) containerPort = parts[0]!;
    else if (parts.length === 2) [hostPort, containerPort] = parts as [string, string];
    else {
      containerPort = parts[parts.length - 1]!;
      hostPort = parts[parts.length - 2]!;
      ip = parts.slice(0, -2).join(':').replace(/^\[|\]$/g, '');
    }
    if (!/^[0-9]+(-[0-9]+)?$/.test(containerPort)) throw new ClientOptionError(`invalid containerPort: ${containerPort}`);
    if (hostPort !== '' && !/^[0-9]+(-[0-9]+)?$/.test(hostPort)) throw new ClientOptionError(`invalid hostPort: ${hostPort}`);
    const [cStart, cEnd = cStart] = containerPort.split('-').map(Number) as [number, number?];
    const [hStart, hEnd] = hostPort === '' ? [0, 0] : (hostPort.split('-').map(Number) as [number, number?]);
    for (let p = cStart; p <= cEnd!; p++) {
      const key = `${p}/${proto}`;
      if (!exposed.includes(key)) exposed.push(key);
      const hp = hostPort === '' ? '' : hEnd !== undefined && hEnd !== hStart ? String(hStart + (p - cStart)) : String(hStart);
      (bindings[key] ??= []).push({ HostIp: ip, HostPort: hp });
    }
  }
  return { exposed, bindings };
}

/** opts.GpuOpts: `all`, `N`, `device=0,1`, `count=2,capabilities=utility`. */
export function parseGpus(values: readonly string[]): DeviceRequest[] | null {
  if (values.length === 0) return null;
  return values.map((value) => {
    const request: DeviceRequest = { Driver: '', Count: 0, DeviceIDs: null, Capabilities: [['gpu']], Options: {} };
    if (!value.includes('=')) {
      request.Count = value === 'all' ? -1 : Number(value);
      return request;
    }
    for (const field of readCsvRecord(value)) {
      const eq = field.indexOf('=');
      const key = field.slice(0, eq);
      const val = field.slice(eq + 1);
      if (key === 'driver') request.Driver = val;
      else if (key === 'count') request.Count = val === 'all' ? -1 : Number(val);
      else if (key === 'device') request.DeviceIDs = val.split(',');
      else if (key === 'capabilities') request.Capabilities = [['gpu', ...val.split(',').filter((c) => c !== 'gpu')]];
    }
    return request;
  });
}

/** `--env-file`: KEY=VALUE lines, `#` comments; a bare KEY takes the client's value (or is dropped). */
export function readEnvFile(fs: FileSystem, cwd: string, path: string, clientEnv: Readonly<Record<string, string>>): string[] {
  const abs = path.startsWith('/') ? path : `${cwd === '/' ? '' : cwd}/${path}`;
  let text: string;
  try {
    text = fs.readText(abs);
  } catch {
    throw new ClientOptionError(`open ${path}: no such file or directory`);
  }
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq === 0) throw new ClientOptionError(`invalid environment variable: ${line}`);
    if (eq < 0) {
      if (Object.hasOwn(clientEnv, line)) out.push(`${line}=${clientEnv[line]}`);
      continue;
    }
    out.push(line.replace(/\r$/, ''));
  }
  return out;
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

/**
 * The request's container options. `args` are the positionals after the image; `cwd`, `fs` and
 * `env` are the client's (relative `-v` sources, `--env-file`).
 */
export function containerOptions(
  request: DockerRequest,
  client: { cwd: string; fs: FileSystem; env: Readonly<Record<string, string>> },
): ContainerOptions {
  const run = request.command[1] === 'run';
  const autoRemove = flagBool(request, 'rm');
  const restartText = flagString(request, 'restart');
  if (autoRemove && restartText !== '' && restartText !== 'no') {
    throw new ClientOptionError('conflicting options: cannot specify both --restart and --rm');
  }
  const detach = run && flagBool(request, 'detach');
  const interactive = flagBool(request, 'interactive');
  const tty = flagBool(request, 'tty');
  const attach = flagList(request, 'attach').map((s) => s.toLowerCase());
  const attachAll = attach.length === 0 && !detach;
  const env = [...flagList(request, 'env-file').flatMap((f) => readEnvFile(client.fs, client.cwd, f, client.env)), ...flagList(request, 'env')];
  const { exposed, bindings } = parsePublish(flagList(request, 'publish'));
  for (const e of flagList(request, 'expose')) {
    const [port, proto = 'tcp'] = e.split('/');
    const [a, b = a] = port!.split('-');
    for (let p = Number(a); p <= Number(b); p++) if (!exposed.includes(`${p}/${proto}`)) exposed.push(`${p}/${proto}`);
  }
  // mounts: -v (client rewrites relative sources), --mount, --tmpfs
  const binds: string[] = [];
  const plans: MountPlan[] = [];
  try {
    for (const v of flagList(request, 'volume')) {
      const spec = clientVolumeSpec(v, client.cwd);
      binds.push(spec);
      plans.push(parseBind(spec));
    }
    for (const m of flagList(request, 'mount')) plans.push(parseMountFlag(m));
    for (const t of flagList(request, 'tmpfs')) plans.push(parseTmpfs(t));
    checkDuplicates(plans);
  } catch (e) {
    if (e instanceof ClientMountError) throw new ClientOptionError(e.message);
    if (e instanceof DaemonMountError) throw new DaemonOptionError(e.message);
    throw e;
  }
  const mountFlags = flagList(request, 'mount').map((m) => {
    const p = parseMountFlag(m);
    return { Type: p.type, ...(p.source !== '' ? { Source: p.source } : {}), Target: p.destination, ...(p.readOnly ? { ReadOnly: true } : {}) };
  });
  const mounts: MountRecord[] = plans.map((p) => ({
    type: p.type,
    ...(p.type === 'volume' ? { name: p.source, driver: 'local' } : {}),
    source: p.source,
    destination: p.destination,
    mode: p.noCopy ? `${p.mode},nocopy` : p.mode,
    rw: !p.readOnly,
    propagation: p.propagation,
  }));
  const network = flagList(request, 'network').concat(flagList(request, 'net'));
  const networkMode = network.length > 0 ? network[network.length - 1]! : 'bridge';
  const entrypointGiven = request.changed.has('entrypoint');
  const entrypoint = flagString(request, 'entrypoint');
  const stopTimeout = request.changed.has('stop-timeout') ? flagNumber(request, 'stop-timeout') : undefined;
  const options: ContainerOptions = {
    ...(flagString(request, 'name') !== '' ? { name: flagString(request, 'name') } : {}),
    image: request.args[0] ?? '',
    cmd: request.args.slice(1),
    ...(entrypointGiven ? { entrypoint: entrypoint === '' ? [] : [entrypoint] } : {}),
    env,
    ...(request.changed.has('workdir') ? { workdir: flagString(request, 'workdir') } : {}),
    ...(request.changed.has('user') ? { user: flagString(request, 'user') } : {}),
    ...(flagString(request, 'hostname') !== '' ? { hostname: flagString(request, 'hostname') } : {}),
    tty,
    openStdin: interactive,
    attachStdin: interactive && !detach,
    attachStdout: attachAll || attach.includes('stdout'),
    attachStderr: attachAll || attach.includes('stderr'),
    labels: labelsOf(flagList(request, 'label')),
    exposedPorts: exposed,
    portBindings: bindings,
    publishAll: flagBool(request, 'publish-all'),
    binds,
    mounts,
    mountFlags: mountFlags.length > 0 ? mountFlags : null,
    mountPlans: plans,
    autoRemove,
    restart: parseRestartPolicy(restartText),
    networkMode: networkMode === 'default' ? 'bridge' : networkMode,
    ipcMode: flagString(request, 'ipc') || 'private',
    shmSize: flagNumber(request, 'shm-size') || 67108864,
    init: request.changed.has('init') ? flagBool(request, 'init') : null,
    privileged: flagBool(request, 'privileged'),
    readOnly: flagBool(request, 'read-only'),
    runtime: flagString(request, 'runtime') || 'runc',
    memory: flagNumber(request, 'memory'),
    nanoCpus: flagNumber(request, 'cpus'),
    deviceRequests: parseGpus(flagList(request, 'gpus')),
    ...(flagString(request, 'stop-signal') !== '' ? { stopSignal: flagString(request, 'stop-signal') } : {}),
    ...(stopTimeout !== undefined ? { stopTimeout } : {}),
    extraHosts: flagList(request, 'add-host').length > 0 ? flagList(request, 'add-host') : null,
    dns: flagList(request, 'dns'),
    pull: flagString(request, 'pull') || 'missing',
    quiet: flagBool(request, 'quiet'),
    detach,
    sigProxy: request.flags['sig-proxy'] !== false,
  };
  if (!['always', 'missing', 'never'].includes(options.pull)) {
    throw new ClientOptionError(`invalid pull option: '${options.pull}': must be one of "always", "missing" or "never"`);
  }
  return options;
}
