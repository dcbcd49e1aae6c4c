/**
 * What every image operation is given: the state, the clock, the registries, the containers
 * that use images, and which engine it behaves like.
 */
import type { Clock, InterruptSignal } from '../../../process';
import type { Blob, Descriptor, Digest, Platform } from '../oci/types';
import type { Reference } from '../reference';
import type { ImageStoreState } from './state';

/**
 * Which engine the image room behaves like.
 * - `containerd-26`: the reference engine (dockerd 26.1 with the containerd image store): IDs are
 *   index/manifest digests, SIZE is content + unpacked snapshots, pull shows no extraction.
 * - `containerd-28`: the same store in Docker 28 (Docker Desktop's default): pull also shows
 *   `Extracting` and `Pull complete`.
 * - `graphdriver-28`: the classic overlay2 store (Docker 28 on Linux by default): IDs are config
 *   digests, SIZE is unpacked bytes (python:3.11-slim is 125MB), the classic pull progress.
 */
export type EngineFlavour = 'containerd-26' | 'containerd-28' | 'graphdriver-28';

export function isGraphdriver(flavour: EngineFlavour): boolean {
  return flavour === 'graphdriver-28';
}

/** Credentials as the CLI sends them in X-Registry-Auth. */
export interface AuthConfig {
  username?: string;
  password?: string;
  identitytoken?: string;
  serveraddress?: string;
}

export type RegistryErrorCode = 'NAME_UNKNOWN' | 'MANIFEST_UNKNOWN' | 'DENIED' | 'UNAUTHORIZED';

/** An error as a registry reports it (distribution's errcode). */
export class RegistryError extends Error {
  constructor(
    readonly code: RegistryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** What the daemon needs from a registry (Docker Hub, or a `registry:2` on localhost). */
export interface RegistryClient {
  /** Resolves `ref` (tag or digest) to the descriptor of its index or manifest; throws RegistryError. */
  resolve(ref: Reference, auth?: AuthConfig): Descriptor;
  /** A blob by digest, or undefined. */
  fetch(digest: Digest): Blob | undefined;
  /** Checks the credentials; returns an identity token (may be ''), throws RegistryError. */
  login(auth: AuthConfig): string;
  /** Throws RegistryError('DENIED') unless `auth` may push to repository `path`. */
  authorizePush(path: string, auth?: AuthConfig): void;
  /** Which repository of this registry already holds a blob (`Mounted from …`), if any. */
  blobLocation(digest: Digest, preferPath: string): string | undefined;
  /** Stores a blob under repository `path`. */
  putBlob(path: string, blob: Blob): void;
  /** Points `tag` (or just the digest) of repository `path` at a manifest or index already put. */
  putManifest(path: string, descriptor: Descriptor, tag?: string): void;
}

/** Who uses an image: the container room plugs in here. */
export interface ContainerImageUse {
  /** Full 64-hex container id. */
  id: string;
  /** The image id (`sha256:…`) the container was created from. */
  imageId: Digest;
  /** The image as the user typed it (`python:3.11-slim`, `f33e`): Config.Image. */
  image: string;
  running: boolean;
}

export interface NetworkModel {
  /** Bytes per second shared by concurrent downloads. */
  downloadRate: number;
  uploadRate: number;
  /** Bytes of unpacked layer per second when extracting. */
  unpackRate: number;
  /** Round trips before the first byte (auth token, manifest HEAD), ms. */
  latency: number;
  /** Progress tick, ms (moby's is 100 ms). */
  tick: number;
  /** Concurrent downloads and uploads (max-concurrent-downloads). */
  concurrency: number;
}

export const DEFAULT_NETWORK: NetworkModel = {
  downloadRate: 12_500_000,
  uploadRate: 5_000_000,
  unpackRate: 250_000_000,
  latency: 350,
  tick: 100,
  concurrency: 3,
};

export const HOST_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

export interface ImageContext {
  state: ImageStoreState;
  flavour: EngineFlavour;
  clock: Clock;
  network: NetworkModel;
  platform: Platform;
  /** Registries by domain (`docker.io`, `localhost:5000`). */
  registries: ReadonlyMap<string, RegistryClient>;
  containers: () => readonly ContainerImageUse[];
  /** The engine version `docker image inspect` reports as DockerVersion. */
  engineVersion: string;
  /** Set while a prune runs (moby refuses a second one). */
  pruning: { running: boolean };
}

export interface OperationOptions {
  signal?: InterruptSignal;
}
