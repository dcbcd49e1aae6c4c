/**
 * GET /containers/{id}/json (`docker container inspect`, and containers in `docker inspect`) and
 * GET /volumes/{name}: the JSON the lab engine (dockerd 26.1, containerd snapshotter) answers, key
 * for key in its order.
 */
import type { ProcessContext } from '../../process';
import type { DockerRequest } from '../cli/parse';
import { DaemonError } from '../daemon/errors';
import { InspectFormatError, MAP_STRING_IFACE, MAP_STRING_STRING, SLICE_IFACE, SLICE_STRING, Value, infer, renderInspect, rfc3339Nano, type GoType, type InspectElement } from '../format';
import { daemonText, flagBool, flagString } from './output';
import type { ContainerRuntime } from './runtime';
import { volumeMountpoint, type ContainerRecord, type VolumeRecord } from './state';

const ZERO_TIME = '0001-01-01T00:00:00Z';
const DATA_ROOT = '/var/lib/docker';

/** Sub-millisecond digits for a time, stable for an object (Go times carry nanoseconds). */
function nanosOf(id: string, salt: number): number {
  return Number.parseInt(id.slice(salt % 40, (salt % 40) + 6), 16) % 1_000_000;
}

function time(ms: number, id: string, salt: number): string {
  return ms === 0 ? ZERO_TIME : rfc3339Nano(ms, nanosOf(id, salt));
}

function macOf(ip: string): string {
  if (ip === '') return '';
  const parts = ip.split('.').map(Number);
  return ['02', '42', ...parts.map((n) => n.toString(16).padStart(2, '0'))].join(':');
}

/** The inspect object of a container. */
export function containerJSON(runtime: ContainerRuntime, c: ContainerRecord, size = false): Record<string, unknown> {
  const running = runtime.isRunning(c);
  const dir = `${DATA_ROOT}/containers/${c.id}`;
  const hc = c.hostConfig;
  const hostConfig: Record<string, unknown> = {
    Binds: hc.Binds,
    ContainerIDFile: '',
    LogConfig: { Type: 'json-file', Config: {} },
    NetworkMode: hc.NetworkMode,
    PortBindings: hc.PortBindings,
    RestartPolicy: hc.RestartPolicy,
    AutoRemove: hc.AutoRemove,
    VolumeDriver: '',
    VolumesFrom: null,
    ConsoleSize: [0, 0],
    CapAdd: null,
    CapDrop: null,
    CgroupnsMode: 'host',
    Dns: hc.Dns,
    DnsOptions: [],
    DnsSearch: [],
    ExtraHosts: hc.ExtraHosts,
    GroupAdd: null,
    IpcMode: hc.IpcMode,
    Cgroup: '',
    Links: null,
    OomScoreAdj: 0,
    PidMode: '',
    Privileged: hc.Privileged,
    PublishAllPorts: hc.PublishAllPorts,
    ReadonlyRootfs: hc.ReadonlyRootfs,
    SecurityOpt: null,
    ...(hc.Tmpfs ? { Tmpfs: hc.Tmpfs } : {}),
    UTSMode: '',
    UsernsMode: '',
    ShmSize: hc.ShmSize,
    Runtime: hc.Runtime,
    Isolation: '',
    CpuShares: 0,
    Memory: hc.Memory,
    NanoCpus: hc.NanoCpus,
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: 0,
    CpuQuota: 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: '',
    CpusetMems: '',
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: hc.DeviceRequests,
    MemoryReservation: 0,
    MemorySwap: 0,
    MemorySwappiness: null,
    OomKillDisable: false,
    PidsLimit: null,
    Ulimits: [],
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    ...(hc.Mounts ? { Mounts: hc.Mounts } : {}),
    MaskedPaths: hc.Privileged
      ? null
      : ['/proc/asound', '/proc/acpi', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'],
    ReadonlyPaths: hc.Privileged ? null : ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
    ...(hc.Init !== null ? { Init: hc.Init } : {}),
  };
  const cfg = c.config;
  const config: Record<string, unknown> = {
    Hostname: cfg.Hostname,
    Domainname: cfg.Domainname,
    User: cfg.User,
    AttachStdin: cfg.AttachStdin,
    AttachStdout: cfg.AttachStdout,
    AttachStderr: cfg.AttachStderr,
    ...(cfg.ExposedPorts ? { ExposedPorts: cfg.ExposedPorts } : {}),
    Tty: cfg.Tty,
    OpenStdin: cfg.OpenStdin,
    StdinOnce: cfg.StdinOnce,
    Env: cfg.Env,
    Cmd: cfg.Cmd,
    Image: cfg.Image,
    Volumes: cfg.Volumes,
    WorkingDir: cfg.WorkingDir,
    Entrypoint: cfg.Entrypoint,
    OnBuild: cfg.OnBuild,
    Labels: cfg.Labels,
    ...(cfg.StopSignal ? { StopSignal: cfg.StopSignal } : {}),
    ...(cfg.StopTimeout !== undefined ? { StopTimeout: cfg.StopTimeout } : {}),
  };
  const bridge = hc.NetworkMode === 'bridge';
  const ip = running ? c.ip : '';
  const sandbox = running ? c.id.split('').reverse().join('') : '';
  const endpoint = running && bridge ? `${c.id.slice(32)}${c.id.slice(0, 32)}` : '';
  const network = {
    IPAMConfig: null,
    Links: null,
    Aliases: null,
    MacAddress: macOf(ip),
    NetworkID: running && bridge ? 'b95c06b582db4ae24a49ab278b5beb5af71cc4b4bafa6d10611318c9856f0d1a' : '',
    EndpointID: endpoint,
    Gateway: ip === '' ? '' : '172.17.0.1',
    IPAddress: ip,
    IPPrefixLen: ip === '' ? 0 : 16,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DriverOpts: null,
    DNSNames: null,
  };
  const networkName = hc.NetworkMode === 'default' ? 'bridge' : hc.NetworkMode;
  const networkSettings: Record<string, unknown> = {
    Bridge: '',
    SandboxID: sandbox,
    SandboxKey: running ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '',
    Ports: running ? c.ports : {},
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: endpoint,
    Gateway: network.Gateway,
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: ip,
    IPPrefixLen: network.IPPrefixLen,
    IPv6Gateway: '',
    MacAddress: network.MacAddress,
    Networks: { [networkName]: network },
  };
  const out: Record<string, unknown> = {
    Id: c.id,
    Created: time(c.created, c.id, 1),
    Path: c.path,
    Args: c.args,
    State: {
      Status: c.state.status,
      Running: running,
      Paused: c.state.status === 'paused',
      Restarting: c.state.status === 'restarting',
      OOMKilled: c.state.oomKilled,
      Dead: c.state.status === 'dead',
      Pid: c.state.pid,
      ExitCode: c.state.exitCode,
      Error: c.state.error,
      StartedAt: time(c.state.startedAt, c.id, 7),
      FinishedAt: time(c.state.finishedAt, c.id, 13),
    },
    Image: c.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlayfs',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: c.execIds.length > 0 ? c.execIds : null,
    HostConfig: hostConfig,
    GraphDriver: { Data: null, Name: 'overlayfs' },
    ...(size ? { SizeRw: runtime.sizeRw(c), SizeRootFs: runtime.sizeRootFs(c) } : {}),
    Mounts: c.mounts.map((m) =>
      m.type === 'volume'
        ? { Type: 'volume', Name: m.name, Source: m.source, Destination: m.destination, Driver: m.driver ?? 'local', Mode: m.mode, RW: m.rw, Propagation: m.propagation }
        : { Type: m.type, Source: m.source, Destination: m.destination, Mode: m.mode, RW: m.rw, Propagation: m.propagation },
    ),
    Config: config,
    NetworkSettings: networkSettings,
  };
  return out;
}

/** The inspect object of a volume. */
export function volumeJSON(v: VolumeRecord): Record<string, unknown> {
  const created = new Date(Math.floor(v.createdAt / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  return {
    CreatedAt: created,
    Driver: v.driver,
    Labels: Object.keys(v.labels).length > 0 ? v.labels : null,
    Mountpoint: volumeMountpoint(v.name),
    Name: v.name,
    Options: Object.keys(v.options).length > 0 ? v.options : null,
    Scope: 'local',
  };
}

/** Go types of fields that may be nil (a template prints a nil map as `map[]`, a nil slice as `[]`). */
export type NilTypes = Readonly<Record<string, GoType>>;

export const CONTAINER_NILS: NilTypes = {
  ExecIDs: SLICE_STRING,
  'HostConfig.Binds': SLICE_STRING,
  'HostConfig.VolumesFrom': SLICE_STRING,
  'HostConfig.CapAdd': SLICE_STRING,
  'HostConfig.CapDrop': SLICE_STRING,
  'HostConfig.ExtraHosts': SLICE_STRING,
  'HostConfig.GroupAdd': SLICE_STRING,
  'HostConfig.Links': SLICE_STRING,
  'HostConfig.SecurityOpt': SLICE_STRING,
  'HostConfig.DeviceCgroupRules': SLICE_STRING,
  'HostConfig.DeviceRequests': SLICE_IFACE,
  'HostConfig.MaskedPaths': SLICE_STRING,
  'HostConfig.ReadonlyPaths': SLICE_STRING,
  'Config.Cmd': SLICE_STRING,
  'Config.Entrypoint': SLICE_STRING,
  'Config.OnBuild': SLICE_STRING,
  'Config.Volumes': MAP_STRING_IFACE,
  'GraphDriver.Data': MAP_STRING_STRING,
};

export const VOLUME_NILS: NilTypes = { Labels: MAP_STRING_STRING, Options: MAP_STRING_STRING };

function typedTree(value: unknown, nils: NilTypes, path: string): unknown {
  if (value === null) {
    const t = nils[path];
    return t ? new Value(t, null) : null;
  }
  if (Array.isArray(value)) return value.map((v) => typedTree(v, nils, `${path}[]`));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = typedTree(v, nils, path === '' ? k : `${path}.${k}`);
    return out;
  }
  return value;
}

/** An element for the format room's renderInspect: the JSON text, and its value for templates. */
export function inspectElement(value: unknown, nils: NilTypes = {}): InspectElement {
  return { typed: infer(typedTree(value, nils, '')), raw: JSON.stringify(value) };
}

/**
 * Prints inspect results as the CLI does: the elements found (JSON array or --format), then one
 * `Error: No such …` line per missing object; exit 1 if any was missing, 64 for a bad template.
 */
export function printInspect(ctx: ProcessContext, format: string, elements: InspectElement[], missing: string[]): number {
  let result;
  try {
    result = renderInspect(format, elements);
  } catch (e) {
    if (e instanceof InspectFormatError) {
      ctx.stderr.write(`${e.message}\n`);
      return 64;
    }
    throw e;
  }
  ctx.stdout.write(result.stdout);
  const errors = [...result.errors, ...missing];
  if (errors.length > 0) {
    ctx.stderr.write(`${errors.join('\n')}\n`);
    return 1;
  }
  return 0;
}

/** `docker container inspect`. */
export function containerInspectCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): number {
  const elements: InspectElement[] = [];
  const missing: string[] = [];
  const size = flagBool(request, 'size');
  for (const ref of request.args) {
    try {
      elements.push(inspectElement(containerJSON(runtime, runtime.find(ref), size), CONTAINER_NILS));
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      missing.push(daemonText(e.message));
    }
  }
  return printInspect(ctx, flagString(request, 'format'), elements, missing);
}
