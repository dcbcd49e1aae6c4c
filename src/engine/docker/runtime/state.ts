/**
 * The container and volume rooms' state: plain, structured-clone-safe data kept in the engine's
 * snapshot (`engine.room('containers')`, `engine.room('volumes')`). Live objects (the overlay and
 * mount table of a container, its running processes) are rebuilt from it by runtime.ts.
 */
import type { Layer } from '../../fs/overlay';
import type { TreeState } from '../../fs/state';
import type { RandomSource } from './names';

/** moby's container states (State.Status). */
export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerStateRecord {
  status: ContainerStatus;
  pid: number;
  exitCode: number;
  error: string;
  oomKilled: boolean;
  /** ms on the simulated clock; 0 when never started / finished. */
  startedAt: number;
  finishedAt: number;
}

/** A mount as the daemon resolved it (inspect's Mounts). */
export interface MountRecord {
  type: 'bind' | 'volume' | 'tmpfs';
  /** Volume name (volumes only). */
  name?: string;
  /** Host path (binds) or the volume's mountpoint. */
  source: string;
  destination: string;
  driver?: string;
  /** `z`, `ro` … as given (binds and volumes from -v); empty otherwise. */
  mode: string;
  rw: boolean;
  propagation: string;
}

export interface RestartPolicy {
  Name: '' | 'no' | 'always' | 'on-failure' | 'unless-stopped';
  MaximumRetryCount: number;
}

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export interface DeviceRequest {
  Driver: string;
  Count: number;
  DeviceIDs: string[] | null;
  Capabilities: string[][] | null;
  Options: Record<string, string> | null;
}

/** container.Config as the daemon keeps it (the parts this engine uses). */
export interface ContainerConfigRecord {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[];
  Cmd: string[] | null;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string>;
  StopSignal?: string;
  StopTimeout?: number;
}

/** HostConfig as the daemon keeps it (the parts this engine uses). */
export interface HostConfigRecord {
  Binds: string[] | null;
  NetworkMode: string;
  PortBindings: Record<string, PortBinding[]>;
  RestartPolicy: RestartPolicy;
  AutoRemove: boolean;
  IpcMode: string;
  ShmSize: number;
  Init: boolean | null;
  Privileged: boolean;
  ReadonlyRootfs: boolean;
  PublishAllPorts: boolean;
  DeviceRequests: DeviceRequest[] | null;
  Runtime: string;
  Memory: number;
  NanoCpus: number;
  /** `--mount` entries as given (Mounts in HostConfig). */
  Mounts: { Type: string; Source?: string; Target: string; ReadOnly?: boolean; VolumeOptions?: Record<string, unknown> }[] | null;
  Tmpfs?: Record<string, string>;
  ExtraHosts: string[] | null;
  Dns: string[];
}

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  /** ms on the simulated clock (nanoseconds are derived from it). */
  time: number;
  text: string;
}

export interface ContainerRecord {
  id: string;
  /** Without the leading slash. */
  name: string;
  /** ms. */
  created: number;
  /** The image as given (`python:3.11-slim`, an id prefix…): Config.Image. */
  image: string;
  imageId: string;
  /** The diff ids of the image's layers, for when the image itself is gone. */
  layerDiffIds: string[];
  path: string;
  args: string[];
  config: ContainerConfigRecord;
  hostConfig: HostConfigRecord;
  mounts: MountRecord[];
  state: ContainerStateRecord;
  restartCount: number;
  /** The writable layer. */
  upper: Layer;
  /** The json-file log, line by line. */
  logs: LogEntry[];
  /** Network address on the default bridge while running (`172.17.0.N`), '' otherwise. */
  ip: string;
  /** NetworkSettings.Ports while running (published ports with their host ports; exposed ones null). */
  ports: Record<string, PortBinding[] | null>;
  /** Ids of exec instances that ran (inspect's ExecIDs while running). */
  execIds: string[];
  /** Started at least once (so `docker start -a` output is … ). */
  hasBeenStartedBefore: boolean;
  /** Stopped by the user (`unless-stopped` and `always` do not restart it). */
  manuallyStopped: boolean;
}

export interface ContainersState extends RandomSource {
  containers: Record<string, ContainerRecord>;
  /** Host pids handed out to container processes. */
  nextPid: number;
}

export function createContainersState(): ContainersState {
  return { containers: {}, seq: 0, nextPid: 2400 };
}

export interface VolumeRecord {
  name: string;
  driver: 'local';
  /** ms. */
  createdAt: number;
  labels: Record<string, string>;
  options: Record<string, string>;
  /** An anonymous volume (image VOLUME, `-v /path`): removed with `docker rm -v` / `--rm`. */
  anonymous: boolean;
  /** The volume's files. */
  data: TreeState;
}

export interface VolumesState extends RandomSource {
  volumes: Record<string, VolumeRecord>;
}

export function createVolumesState(): VolumesState {
  return { volumes: {}, seq: 0 };
}

/** Where docker keeps a volume's data on the host (inspect's Mountpoint). */
export function volumeMountpoint(name: string): string {
  return `/var/lib/docker/volumes/${name}/_data`;
}
