/**
 * The engine's answers for `docker version` and `docker info` (cli/command/system/version.go,
 * info.go of docker 28.2.2, against dockerd 26.1.5 with the containerd image store). `system df`,
 * `system prune` and `docker inspect` of any object are the container room's.
 *
 * `docker info` describes the machine the engine runs on: the student's laptop (a Debian 12
 * machine with systemd, cgroup v2 and AppArmor, so `Cgroup Driver: systemd`, `Cgroup Version: 2`
 * and the `apparmor`/`cgroupns` security options) or the GPU cloud VM (the NVIDIA runtime
 * registered). What it counts (containers, images) comes from the engine. The layout, field
 * order and --format types are the reference CLI's, recorded on the lab engine.
 */
import type { ProcessContext } from '../../process';
import type { BackendMethod, DockerRequest } from '../cli';
import { longVersion } from '../cli/version';
import type { DockerEngine } from '../engine';
import { digestOf, ENGINE_VERSION } from '../daemon';
import {
  BOOL,
  IFACE,
  INT,
  INT64,
  MAP_STRING_STRING,
  SLICE_STRING,
  STRING,
  TemplateError,
  bytesSize,
  goValue,
  mapOf,
  parseTemplate,
  ptrTo,
  rfc3339Nano,
  sliceOf,
  structType,
  tabwrite,
} from '../format';
import type { Val } from '../format';
import { DEFAULT_KERNEL } from '../../shell/commands/system-info';
import type { BackendPart } from './index';
import { CliError, flagString, runCommand } from './images/common';
import { INDEX_SERVER, configDir, loadConfig, storedAuth } from './images/config-file';

// ---------------------------------------------------------------------------------------------
// the machine

/** What the engine's host looks like to `docker info`, per host profile. */
export interface MachineFacts {
  ncpu: number;
  memTotal: number;
  runtimes: readonly string[];
}

export const MACHINES: Record<DockerEngine['profile'], MachineFacts> = {
  // a 16 GB, 8-thread laptop
  laptop: { ncpu: 8, memTotal: 16_607_801_344, runtimes: ['io.containerd.runc.v2', 'runc'] },
  // a cloud VM with one NVIDIA GPU (nvidia-container-toolkit registers its runtime)
  'gpu-cloud': { ncpu: 16, memTotal: 66_009_239_552, runtimes: ['io.containerd.runc.v2', 'nvidia', 'runc'] },
};

const CONTAINERD = { version: '1.7.24~ds1', commit: '1.7.24~ds1-6+deb13u1' };
const RUNC = { version: '1.1.5+ds1', commit: '1.1.5+ds1-1+deb12u1' };
const ENGINE = { api: '1.45', minApi: '1.24', go: 'go1.24.4', commit: '411e817', built: 'Thu Aug 13 05:35:48 2026', buildTime: '2026-08-13T05:35:48.000000000+00:00' };
const CLIENT = { version: '28.2.2', defaultApi: '1.50', commit: 'e6534b4', go: 'go1.24.3', built: 'Fri May 30 12:07:14 2025' };

/** runc's `features` answer, which the daemon keeps as the runtime's status (runc 1.1.5). */
const RUNC_FEATURES =
  '{"ociVersionMin":"1.0.0","ociVersionMax":"1.0.2-dev","hooks":["prestart","createRuntime","createContainer","startContainer","poststart","poststop"],' +
  '"mountOptions":["acl","async","atime","bind","defaults","dev","diratime","dirsync","exec","iversion","lazytime","loud","mand","noacl","noatime","nodev","nodiratime","noexec","noiversion","nolazytime","nomand","norelatime","nostrictatime","nosuid","nosymfollow","private","ratime","rbind","rdev","rdiratime","relatime","remount","rexec","rnoatime","rnodev","rnodiratime","rnoexec","rnorelatime","rnostrictatime","rnosuid","rnosymfollow","ro","rprivate","rrelatime","rro","rrw","rshared","rslave","rstrictatime","rsuid","rsymfollow","runbindable","rw","shared","silent","slave","strictatime","suid","symfollow","sync","tmpcopyup","unbindable"],' +
  '"linux":{"namespaces":["cgroup","ipc","mount","network","pid","user","uts"],"capabilities":["CAP_CHOWN","CAP_DAC_OVERRIDE","CAP_DAC_READ_SEARCH","CAP_FOWNER","CAP_FSETID","CAP_KILL","CAP_SETGID","CAP_SETUID","CAP_SETPCAP","CAP_LINUX_IMMUTABLE","CAP_NET_BIND_SERVICE","CAP_NET_BROADCAST","CAP_NET_ADMIN","CAP_NET_RAW","CAP_IPC_LOCK","CAP_IPC_OWNER","CAP_SYS_MODULE","CAP_SYS_RAWIO","CAP_SYS_CHROOT","CAP_SYS_PTRACE","CAP_SYS_PACCT","CAP_SYS_ADMIN","CAP_SYS_BOOT","CAP_SYS_NICE","CAP_SYS_RESOURCE","CAP_SYS_TIME","CAP_SYS_TTY_CONFIG","CAP_MKNOD","CAP_LEASE","CAP_AUDIT_WRITE","CAP_AUDIT_CONTROL","CAP_SETFCAP","CAP_MAC_OVERRIDE","CAP_MAC_ADMIN","CAP_SYSLOG","CAP_WAKE_ALARM","CAP_BLOCK_SUSPEND","CAP_AUDIT_READ","CAP_PERFMON","CAP_BPF","CAP_CHECKPOINT_RESTORE"],' +
  '"cgroup":{"v1":true,"v2":true,"systemd":true,"systemdUser":true},"seccomp":{"enabled":true,"actions":["SCMP_ACT_ALLOW","SCMP_ACT_ERRNO","SCMP_ACT_KILL","SCMP_ACT_KILL_PROCESS","SCMP_ACT_KILL_THREAD","SCMP_ACT_LOG","SCMP_ACT_NOTIFY","SCMP_ACT_TRACE","SCMP_ACT_TRAP"],' +
  '"operators":["SCMP_CMP_EQ","SCMP_CMP_GE","SCMP_CMP_GT","SCMP_CMP_LE","SCMP_CMP_LT","SCMP_CMP_MASKED_EQ","SCMP_CMP_NE"],"archs":["SCMP_ARCH_AARCH64","SCMP_ARCH_ARM","SCMP_ARCH_MIPS","SCMP_ARCH_MIPS64","SCMP_ARCH_MIPS64N32","SCMP_ARCH_MIPSEL","SCMP_ARCH_MIPSEL64","SCMP_ARCH_MIPSEL64N32","SCMP_ARCH_PPC","SCMP_ARCH_PPC64","SCMP_ARCH_PPC64LE","SCMP_ARCH_S390","SCMP_ARCH_S390X","SCMP_ARCH_X32","SCMP_ARCH_X86","SCMP_ARCH_X86_64"]},' +
  '"apparmor":{"enabled":true},"selinux":{"enabled":true}},"annotations":{"io.github.seccomp.libseccomp.version":"2.5.4","org.opencontainers.runc.checkpoint.enabled":"true","org.opencontainers.runc.commit":"1.1.5+ds1-1+deb12u1","org.opencontainers.runc.version":"1.1.5+ds1"}}';

function firstLine(engine: DockerEngine, path: string): string | undefined {
  try {
    const line = engine.hostFs.readText(path).split('\n')[0]!.trim();
    return line === '' ? undefined : line;
  } catch {
    return undefined;
  }
}

function kernelOf(engine: DockerEngine): string {
  return firstLine(engine, '/proc/sys/kernel/osrelease') ?? DEFAULT_KERNEL.release;
}

function hostnameOf(engine: DockerEngine): string {
  return firstLine(engine, '/etc/hostname') ?? engine.host.hostname;
}

function osRelease(engine: DockerEngine): { pretty: string; version: string } {
  let text = '';
  try {
    text = engine.hostFs.readText('/etc/os-release');
  } catch {
    // no os-release: the laptop's Debian
  }
  const field = (name: string): string | undefined => {
    const m = new RegExp(`^${name}=(.*)$`, 'm').exec(text);
    return m ? m[1]!.replace(/^"(.*)"$/, '$1') : undefined;
  };
  return { pretty: field('PRETTY_NAME') ?? 'Debian GNU/Linux 12 (bookworm)', version: field('VERSION_ID') ?? '12' };
}

/** The daemon's ID: a UUID, stable for a host. */
function engineId(engine: DockerEngine): string {
  const hex = digestOf(`docker-engine-id\0${hostnameOf(engine)}\0${engine.host.seed}`).slice(7);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// docker version

const PLATFORM_INFO = structType('system.platformInfo', { Name: STRING });
/** system.clientVersion's fields; system.clientInfo embeds them (promoted, same JSON). */
const CLIENT_VERSION_FIELDS = {
  Platform: { type: ptrTo(PLATFORM_INFO), json: ',omitempty' },
  Version: { type: STRING, json: ',omitempty' },
  APIVersion: { type: STRING, json: 'ApiVersion,omitempty' },
  DefaultAPIVersion: { type: STRING, json: 'DefaultAPIVersion,omitempty' },
  GitCommit: { type: STRING, json: ',omitempty' },
  GoVersion: { type: STRING, json: ',omitempty' },
  Os: { type: STRING, json: ',omitempty' },
  Arch: { type: STRING, json: ',omitempty' },
  BuildTime: { type: STRING, json: ',omitempty' },
  Context: { type: STRING, json: 'Context' },
} as const;
const CLIENT_VERSION = structType('system.clientVersion', CLIENT_VERSION_FIELDS);
const COMPONENT_VERSION = structType('types.ComponentVersion', {
  Name: STRING,
  Version: STRING,
  Details: { type: MAP_STRING_STRING, json: ',omitempty' },
});
const SERVER_VERSION = structType('types.Version', {
  Platform: { type: structType('struct { Name string }', { Name: STRING }), json: ',omitempty' },
  Components: { type: sliceOf(COMPONENT_VERSION), json: ',omitempty' },
  Version: STRING,
  APIVersion: { type: STRING, json: 'ApiVersion' },
  MinAPIVersion: { type: STRING, json: 'MinAPIVersion,omitempty' },
  GitCommit: STRING,
  GoVersion: STRING,
  Os: STRING,
  Arch: STRING,
  KernelVersion: { type: STRING, json: ',omitempty' },
  Experimental: { type: BOOL, json: ',omitempty' },
  BuildTime: { type: STRING, json: ',omitempty' },
});
const VERSION_INFO = structType('system.versionInfo', { Client: CLIENT_VERSION, Server: ptrTo(SERVER_VERSION) });

function clientVersion(apiVersion: string): Record<string, unknown> {
  return {
    Platform: null,
    Version: CLIENT.version,
    APIVersion: apiVersion,
    DefaultAPIVersion: CLIENT.defaultApi,
    GitCommit: CLIENT.commit,
    GoVersion: CLIENT.go,
    Os: 'linux',
    Arch: 'amd64',
    BuildTime: CLIENT.built,
    Context: 'default',
  };
}

export function versionValue(engine: DockerEngine): Val {
  const kernel = kernelOf(engine);
  return goValue(VERSION_INFO, {
    Client: clientVersion(ENGINE.api),
    Server: {
      Platform: { Name: '' },
      Components: [
        {
          Name: 'Engine',
          Version: ENGINE_VERSION,
          Details: {
            ApiVersion: ENGINE.api,
            Arch: 'amd64',
            BuildTime: ENGINE.built,
            Experimental: 'false',
            GitCommit: ENGINE.commit,
            GoVersion: ENGINE.go,
            KernelVersion: kernel,
            MinAPIVersion: ENGINE.minApi,
            Os: 'linux',
          },
        },
        { Name: 'containerd', Version: CONTAINERD.version, Details: { GitCommit: CONTAINERD.commit } },
        { Name: 'runc', Version: RUNC.version, Details: { GitCommit: RUNC.commit } },
        { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: '' } },
      ],
      Version: ENGINE_VERSION,
      APIVersion: ENGINE.api,
      MinAPIVersion: ENGINE.minApi,
      GitCommit: ENGINE.commit,
      GoVersion: ENGINE.go,
      Os: 'linux',
      Arch: 'amd64',
      KernelVersion: kernel,
      Experimental: false,
      BuildTime: ENGINE.buildTime,
    },
  });
}

/** A template for version/info: `template parsing error: …` with exit status 64 when it does not parse. */
function parseOrExit(format: string, name: string) {
  try {
    return parseTemplate(format, name);
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`, 64);
    throw err;
  }
}

/** Executes a --format template; what it wrote before failing is still printed, then a newline. */
function executeFormat(ctx: ProcessContext, format: string, name: string, data: Val, tabbed: boolean): number {
  const tmpl = parseOrExit(format === 'json' ? '{{json .}}' : format, name);
  let text: string;
  let error: TemplateError | undefined;
  try {
    text = tmpl.execute(data);
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    error = err;
    text = err.partialOutput;
  }
  // docker version writes through tabwriter.NewWriter(out, 20, 1, 1, ' ', 0)
  ctx.stdout.write(tabbed ? tabwrite(`${text}\n`, { minwidth: 20, tabwidth: 1, padding: 1, padchar: ' ' }) : `${text}\n`);
  if (error) throw new CliError(error.message);
  return 0;
}

export function version(engine: DockerEngine): BackendMethod {
  return (request, ctx) =>
    runCommand(ctx, () => {
      const format = flagString(request, 'format');
      if (format === '') {
        ctx.stdout.write(longVersion());
        return 0;
      }
      return executeFormat(ctx, format, 'version', versionValue(engine), true);
    });
}

// ---------------------------------------------------------------------------------------------
// docker info

const COMMIT = structType('system.Commit', { ID: STRING, Expected: { type: STRING, json: ',omitempty' } });
const PLUGINS_INFO = structType('system.PluginsInfo', { Volume: SLICE_STRING, Network: SLICE_STRING, Authorization: SLICE_STRING, Log: SLICE_STRING });
const PEER = structType('swarm.Peer', { NodeID: STRING, Addr: STRING });
const SWARM_INFO = structType('swarm.Info', {
  NodeID: STRING,
  NodeAddr: STRING,
  LocalNodeState: STRING,
  ControlAvailable: BOOL,
  Error: STRING,
  RemoteManagers: sliceOf(PEER),
  Nodes: { type: INT, json: ',omitempty' },
  Managers: { type: INT, json: ',omitempty' },
  Cluster: { type: ptrTo(structType('swarm.ClusterInfo', { ID: STRING })), json: ',omitempty' },
  Warnings: { type: SLICE_STRING, json: ',omitempty' },
});
const RUNTIME = structType('system.Runtime', {
  Path: { type: STRING, json: 'path,omitempty' },
  Args: { type: SLICE_STRING, json: 'runtimeArgs,omitempty' },
  Type: { type: STRING, json: 'runtimeType,omitempty' },
  Options: { type: mapOf(STRING, IFACE), json: 'options,omitempty' },
});
interface RuntimeData {
  Runtime: { Path: string };
  Status: Record<string, string>;
}
/** system.RuntimeWithStatus: the Runtime is embedded (its fields marshal flat). */
const RUNTIME_WITH_STATUS = structType(
  'system.RuntimeWithStatus',
  { Runtime: RUNTIME, Status: { type: MAP_STRING_STRING, json: 'status,omitempty' } },
  {
    marshalJSON: ((r: RuntimeData) => {
      const status = Object.fromEntries(Object.keys(r.Status).sort().map((k) => [k, r.Status[k]]));
      return JSON.stringify({ path: r.Runtime.Path, ...(Object.keys(status).length > 0 ? { status } : {}) });
    }) as never,
  },
);
interface PluginData {
  SchemaVersion: string;
  Vendor: string;
  Version: string;
  ShortDescription: string;
  URL?: string;
  Name: string;
  Path: string;
}
interface ClientData {
  Debug: boolean;
  Version: string;
  APIVersion: string;
  DefaultAPIVersion: string;
  GitCommit: string;
  GoVersion: string;
  Os: string;
  Arch: string;
  BuildTime: string;
  Context: string;
  Plugins: PluginData[] | null;
  Warnings: string[] | null;
}

/** %v of a pluginInfo: manager.Metadata is embedded (printed in its own braces). */
function pluginText(p: PluginData): string {
  return `{{${p.SchemaVersion} ${p.Vendor} ${p.Version} ${p.ShortDescription} ${p.URL ?? ''}} ${p.Name} ${p.Path} <nil> []}`;
}

/** system.pluginInfo: manager.Metadata embedded (fields promoted, JSON flat). */
const PLUGIN_INFO = structType(
  'system.pluginInfo',
  {
    SchemaVersion: STRING,
    Vendor: STRING,
    Version: STRING,
    ShortDescription: STRING,
    URL: { type: STRING, json: ',omitempty' },
    Name: STRING,
    Path: STRING,
    Err: { type: IFACE, json: ',omitempty' },
    ShadowedPaths: { type: SLICE_STRING, json: ',omitempty' },
  },
  { stringer: ((p: PluginData) => pluginText(p)) as never },
);
/** system.clientInfo: clientVersion embedded (fields promoted, JSON flat, printed in its own braces). */
const CLIENT_INFO = structType(
  'system.clientInfo',
  {
    Debug: BOOL,
    ...CLIENT_VERSION_FIELDS,
    Plugins: sliceOf(PLUGIN_INFO),
    Warnings: SLICE_STRING,
  },
  {
    stringer: ((c: ClientData) => {
      const version = `{<nil> ${c.Version} ${c.APIVersion} ${c.DefaultAPIVersion} ${c.GitCommit} ${c.GoVersion} ${c.Os} ${c.Arch} ${c.BuildTime} ${c.Context}}`;
      const plugins = `[${(c.Plugins ?? []).map(pluginText).join(' ')}]`;
      return `{${c.Debug} ${version} ${plugins} [${(c.Warnings ?? []).join(' ')}]}`;
    }) as never,
  },
);
const PAIRS = sliceOf(SLICE_STRING);

/** system.dockerInfo: system.Info embedded (fields promoted, JSON flat), then the client's part. */
const DOCKER_INFO = structType('system.dockerInfo', {
  ID: STRING,
  Containers: INT,
  ContainersRunning: INT,
  ContainersPaused: INT,
  ContainersStopped: INT,
  Images: INT,
  Driver: STRING,
  DriverStatus: PAIRS,
  SystemStatus: { type: PAIRS, json: ',omitempty' },
  Plugins: PLUGINS_INFO,
  MemoryLimit: BOOL,
  SwapLimit: BOOL,
  KernelMemory: { type: BOOL, json: ',omitempty' },
  KernelMemoryTCP: { type: BOOL, json: ',omitempty' },
  CpuCfsPeriod: BOOL,
  CpuCfsQuota: BOOL,
  CPUShares: BOOL,
  CPUSet: BOOL,
  PidsLimit: BOOL,
  IPv4Forwarding: BOOL,
  BridgeNfIptables: { type: BOOL, json: ',omitempty' },
  BridgeNfIP6tables: { type: BOOL, json: 'BridgeNfIp6tables,omitempty' },
  Debug: BOOL,
  NFd: INT,
  OomKillDisable: BOOL,
  NGoroutines: INT,
  SystemTime: STRING,
  LoggingDriver: STRING,
  CgroupDriver: STRING,
  CgroupVersion: { type: STRING, json: ',omitempty' },
  NEventsListener: INT,
  KernelVersion: STRING,
  OperatingSystem: STRING,
  OSVersion: STRING,
  OSType: STRING,
  Architecture: STRING,
  IndexServerAddress: STRING,
  RegistryConfig: IFACE,
  NCPU: INT,
  MemTotal: INT64,
  GenericResources: sliceOf(structType('swarm.GenericResource', {})),
  DockerRootDir: STRING,
  HTTPProxy: { type: STRING, json: 'HttpProxy' },
  HTTPSProxy: { type: STRING, json: 'HttpsProxy' },
  NoProxy: STRING,
  Name: STRING,
  Labels: SLICE_STRING,
  ExperimentalBuild: BOOL,
  ServerVersion: STRING,
  Runtimes: mapOf(STRING, RUNTIME_WITH_STATUS),
  DefaultRuntime: STRING,
  Swarm: SWARM_INFO,
  LiveRestoreEnabled: BOOL,
  Isolation: STRING,
  InitBinary: STRING,
  ContainerdCommit: COMMIT,
  RuncCommit: COMMIT,
  InitCommit: COMMIT,
  SecurityOptions: SLICE_STRING,
  ProductLicense: { type: STRING, json: ',omitempty' },
  DefaultAddressPools: { type: SLICE_STRING, json: ',omitempty' },
  CDISpecDirs: SLICE_STRING,
  Warnings: SLICE_STRING,
  ServerErrors: { type: SLICE_STRING, json: ',omitempty' },
  UserName: { type: STRING, json: '-' },
  ClientInfo: { type: ptrTo(CLIENT_INFO), json: ',omitempty' },
  ClientErrors: { type: SLICE_STRING, json: ',omitempty' },
});

interface Plugin {
  name: string;
  vendor: string;
  version: string;
  description: string;
  path: string;
}

/** The CLI plugins found where the CLI looks for them (only buildx is installed here). */
function cliPlugins(request: DockerRequest, ctx: ProcessContext): Plugin[] {
  const dirs = [`${configDir(request, ctx)}/cli-plugins`, '/usr/local/lib/docker/cli-plugins', '/usr/local/libexec/docker/cli-plugins', '/usr/lib/docker/cli-plugins', '/usr/libexec/docker/cli-plugins'];
  for (const dir of dirs) {
    const path = `${dir}/docker-buildx`;
    try {
      if (ctx.fs.exists(path)) return [{ name: 'buildx', vendor: 'Docker Inc.', version: '0.13.1+ds1', description: 'Docker Buildx', path }];
    } catch {
      // an unreadable directory holds no plugin
    }
  }
  return [];
}

interface InfoData {
  [field: string]: unknown;
  Runtimes: Record<string, RuntimeData>;
}

function infoData(engine: DockerEngine, request: DockerRequest, ctx: ProcessContext): InfoData {
  const machine = MACHINES[engine.profile];
  const containers = engine.images.ctx.containers();
  const running = containers.filter((c) => c.running).length;
  const os = osRelease(engine);
  const runtimes: Record<string, RuntimeData> = {};
  for (const name of machine.runtimes) {
    runtimes[name] = { Runtime: { Path: name === 'nvidia' ? 'nvidia-container-runtime' : 'runc' }, Status: { 'org.opencontainers.runtime-spec.features': RUNC_FEATURES } };
  }
  const plugins = cliPlugins(request, ctx);
  return {
    ID: engineId(engine),
    Containers: containers.length,
    ContainersRunning: running,
    ContainersPaused: 0,
    ContainersStopped: containers.length - running,
    Images: Object.keys(engine.images.state.images).length,
    Driver: 'overlayfs',
    DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
    SystemStatus: null,
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    },
    MemoryLimit: true,
    SwapLimit: true,
    KernelMemory: false,
    KernelMemoryTCP: false,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    BridgeNfIptables: false,
    BridgeNfIP6tables: false,
    Debug: false,
    NFd: 24,
    OomKillDisable: false,
    NGoroutines: 43,
    SystemTime: rfc3339Nano(ctx.clock.now()),
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: kernelOf(engine),
    OperatingSystem: os.pretty,
    OSVersion: os.version,
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: INDEX_SERVER,
    RegistryConfig: {
      IndexConfigs: { 'docker.io': { Mirrors: [], Name: 'docker.io', Official: true, Secure: true } },
      InsecureRegistryCIDRs: ['127.0.0.0/8'],
      Mirrors: [],
    },
    NCPU: machine.ncpu,
    MemTotal: machine.memTotal,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker',
    HTTPProxy: '',
    HTTPSProxy: '',
    NoProxy: '',
    Name: hostnameOf(engine),
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE_VERSION,
    Runtimes: runtimes,
    DefaultRuntime: 'runc',
    Swarm: { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: CONTAINERD.commit, Expected: CONTAINERD.commit },
    RuncCommit: { ID: RUNC.commit, Expected: RUNC.commit },
    InitCommit: { ID: '' },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    CDISpecDirs: [],
    Warnings: null,
    ClientInfo: {
      Debug: request.global.debug === true,
      ...clientVersion(''),
      Plugins: plugins.map((p) => ({
        SchemaVersion: '0.1.0',
        Vendor: p.vendor,
        Version: p.version,
        ShortDescription: p.description,
        Name: p.name,
        Path: p.path,
      })),
      Warnings: null,
    },
  };
}

function prettyInfo(data: InfoData, userName: string, debug: boolean): string {
  const lines: string[] = [];
  const put = (...parts: unknown[]) => lines.push(parts.map(String).join(' '));
  const nonEmpty = (label: string, value: unknown) => {
    if (value !== '' && value !== undefined && value !== null) put(label, value);
  };
  const client = data.ClientInfo as Record<string, unknown> & { Plugins: Record<string, string>[] };
  put('Client:');
  nonEmpty(' Version:   ', client.Version);
  put(' Context:   ', client.Context);
  put(' Debug Mode:', client.Debug);
  if (client.Plugins.length > 0) {
    put(' Plugins:');
    for (const p of client.Plugins) {
      lines.push(`  ${p.Name}: ${p.ShortDescription} (${p.Vendor})`);
      nonEmpty('    Version: ', p.Version);
      nonEmpty('    Path:    ', p.Path);
    }
  }
  put('');
  put('Server:');
  put(' Containers:', data.Containers);
  put('  Running:', data.ContainersRunning);
  put('  Paused:', data.ContainersPaused);
  put('  Stopped:', data.ContainersStopped);
  put(' Images:', data.Images);
  nonEmpty(' Server Version:', data.ServerVersion);
  nonEmpty(' Storage Driver:', data.Driver);
  for (const [k, v] of data.DriverStatus as string[][]) lines.push(`  ${k}: ${v}`);
  put(' Logging Driver:', data.LoggingDriver);
  put(' Cgroup Driver:', data.CgroupDriver);
  nonEmpty(' Cgroup Version:', data.CgroupVersion);
  const plugins = data.Plugins as Record<string, string[] | null>;
  put(' Plugins:');
  put('  Volume:', (plugins.Volume ?? []).join(' '));
  put('  Network:', (plugins.Network ?? []).join(' '));
  put('  Log:', (plugins.Log ?? []).join(' '));
  put(' Swarm:', (data.Swarm as { LocalNodeState: string }).LocalNodeState);
  put(' Runtimes:', Object.keys(data.Runtimes).join(' '));
  put(' Default Runtime:', data.DefaultRuntime);
  put(' Init Binary:', data.InitBinary);
  for (const [name, key] of [
    ['containerd', 'ContainerdCommit'],
    ['runc', 'RuncCommit'],
    ['init', 'InitCommit'],
  ] as const) {
    const commit = data[key] as { ID: string; Expected?: string };
    lines.push(` ${name} version: ${commit.ID}${commit.ID !== (commit.Expected ?? '') ? ` (expected: ${commit.Expected ?? ''})` : ''}`);
  }
  put(' Security Options:');
  for (const option of data.SecurityOptions as string[]) {
    const fields = Object.fromEntries(option.split(',').map((kv) => kv.split('=') as [string, string]));
    lines.push(`  ${fields.name}`);
    if (fields.profile !== undefined) put('   Profile:', fields.profile);
  }
  nonEmpty(' Kernel Version:', data.KernelVersion);
  nonEmpty(' Operating System:', data.OperatingSystem);
  nonEmpty(' OSType:', data.OSType);
  nonEmpty(' Architecture:', data.Architecture);
  put(' CPUs:', data.NCPU);
  put(' Total Memory:', bytesSize(data.MemTotal as number));
  nonEmpty(' Name:', data.Name);
  nonEmpty(' ID:', data.ID);
  put(' Docker Root Dir:', data.DockerRootDir);
  put(' Debug Mode:', data.Debug);
  if (debug) {
    put('  File Descriptors:', data.NFd);
    put('  Goroutines:', data.NGoroutines);
    put('  System Time:', data.SystemTime);
    put('  EventsListeners:', data.NEventsListener);
  }
  nonEmpty(' Username:', userName);
  put(' Experimental:', data.ExperimentalBuild);
  put(' Insecure Registries:');
  for (const cidr of (data.RegistryConfig as { InsecureRegistryCIDRs: string[] }).InsecureRegistryCIDRs) lines.push(`  ${cidr}`);
  put(' Live Restore Enabled:', data.LiveRestoreEnabled);
  put('');
  return `${lines.join('\n')}\n`;
}

export function systemInfo(engine: DockerEngine): BackendMethod {
  return (request, ctx) =>
    runCommand(ctx, () => {
      const data = infoData(engine, request, ctx);
      const format = flagString(request, 'format');
      if (format !== '') return executeFormat(ctx, format, '', goValue(DOCKER_INFO, { ...data, UserName: '' }), false);
      const userName = storedAuth(loadConfig(request, ctx), INDEX_SERVER)?.username ?? '';
      ctx.stdout.write(prettyInfo(data, userName, request.global.debug === true));
      return 0;
    });
}

export function systemBackend(engine: DockerEngine): BackendPart {
  return {
    version: version(engine),
    systemInfo: systemInfo(engine),
  };
}
