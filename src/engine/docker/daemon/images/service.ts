/**
 * The image room of the daemon: one object per simulated engine, holding plain state and handing
 * each Engine API image endpoint to its own module. Methods return API-shaped data or throw a
 * DaemonError; pull and push return async iterables of JSON messages.
 */
import type { Clock } from '../../../process';
import type { Platform } from '../oci/types';
import { login } from './auth';
import { DEFAULT_NETWORK, HOST_PLATFORM } from './context';
import type { AuthConfig, ContainerImageUse, EngineFlavour, ImageContext, NetworkModel, RegistryClient } from './context';
import { imageCreate } from './create';
import type { CreatedImage, ImageCreateSpec } from './create';
import { systemDfImages } from './df';
import { imageFetch } from './fetch';
import type { FetchOptions, FetchedImage } from './fetch';
import type { Filters } from './filters';
import { getImage, imageHistory, imageInspect } from './inspect';
import type { ResolvedImage } from './inspect';
import { imageList } from './list';
import { imagePull } from './pull';
import type { PullOptions } from './pull';
import { imagePush } from './push';
import type { PushOptions } from './push';
import { imagePrune, imageRemove } from './remove';
import type { RemoveOptions } from './remove';
import { createImageStoreState } from './state';
import type { ImageStoreState } from './state';
import { imageTag, imageTagFromCli } from './tag';
import type {
  AuthResponse,
  DeleteResponse,
  HistoryItem,
  ImageInspect,
  ImageListOptions,
  ImageSummary,
  ImagesDiskUsage,
  ImagesPruneReport,
  JSONMessage,
} from './types';

/** The version the reference engine reports (`docker version`, inspect's DockerVersion). */
export const ENGINE_VERSION = '26.1.5+dfsg1';

export interface ImageServiceOptions {
  clock: Clock;
  /** Existing state (a snapshot); default: empty. */
  state?: ImageStoreState;
  flavour?: EngineFlavour;
  /** Registries by domain, e.g. `{ 'docker.io': hub }`. */
  registries?: Record<string, RegistryClient> | ReadonlyMap<string, RegistryClient>;
  /** Containers and the images they use (the container room plugs in here). */
  containers?: () => readonly ContainerImageUse[];
  network?: Partial<NetworkModel>;
  platform?: Platform;
  engineVersion?: string;
}

export class ImageService {
  readonly ctx: ImageContext;

  constructor(options: ImageServiceOptions) {
    const registries =
      options.registries instanceof Map ? new Map(options.registries) : new Map(Object.entries((options.registries ?? {}) as Record<string, RegistryClient>));
    this.ctx = {
      state: options.state ?? createImageStoreState(),
      flavour: options.flavour ?? 'containerd-26',
      clock: options.clock,
      network: { ...DEFAULT_NETWORK, ...options.network },
      platform: options.platform ?? HOST_PLATFORM,
      registries,
      containers: options.containers ?? (() => []),
      engineVersion: options.engineVersion ?? ENGINE_VERSION,
      pruning: { running: false },
    };
  }

  /** The live state (plain data). */
  get state(): ImageStoreState {
    return this.ctx.state;
  }

  /** Replaces the state (restore a snapshot). */
  load(state: ImageStoreState): void {
    this.ctx.state = state;
  }

  /** Plugs in the containers view (`docker ps -a`'s images) used by rmi conflicts, prune and df. */
  setContainersView(containers: () => readonly ContainerImageUse[]): void {
    this.ctx.containers = containers;
  }

  setRegistry(domain: string, registry: RegistryClient): void {
    (this.ctx.registries as Map<string, RegistryClient>).set(domain, registry);
  }

  /** GET /images/json */
  imageList(options?: ImageListOptions): ImageSummary[] {
    return imageList(this.ctx, options);
  }

  /** GET /images/{name}/json */
  imageInspect(refOrId: string): ImageInspect {
    return imageInspect(this.ctx, refOrId);
  }

  /** GET /images/{name}/history */
  imageHistory(refOrId: string): HistoryItem[] {
    return imageHistory(this.ctx, refOrId);
  }

  /** POST /images/{name}/tag?repo=&tag= */
  imageTag(source: string, repo: string, tag?: string): void {
    imageTag(this.ctx, source, repo, tag);
  }

  /** `docker tag SOURCE TARGET` including the API client's checks (throws ClientError for those). */
  imageTagFromCli(source: string, target: string): void {
    imageTagFromCli(this.ctx, source, target);
  }

  /** DELETE /images/{name}?force=&noprune= */
  imageRemove(refOrId: string, options?: RemoveOptions): DeleteResponse[] {
    return imageRemove(this.ctx, refOrId, options);
  }

  /** POST /images/prune */
  imagePrune(filters?: Filters): ImagesPruneReport {
    return imagePrune(this.ctx, filters);
  }

  /** POST /images/create?fromImage= */
  imagePull(ref: string, options?: PullOptions): AsyncGenerator<JSONMessage, void, void> {
    return imagePull(this.ctx, ref, options);
  }

  /** POST /images/{name}/push */
  imagePush(ref: string, options?: PushOptions): AsyncGenerator<JSONMessage, void, void> {
    return imagePush(this.ctx, ref, options);
  }

  /** BuildKit's FROM: download a base into the content store without naming it (kept by the build cache). */
  imageFetch(ref: string, options?: FetchOptions): Promise<FetchedImage> {
    return imageFetch(this.ctx, ref, options);
  }

  /** The builder's (and commit's) way in: parent + new layers + config → a new image. */
  imageCreate(spec: ImageCreateSpec): CreatedImage {
    return imageCreate(this.ctx, spec);
  }

  /** The image part of GET /system/df */
  systemDf(): ImagesDiskUsage {
    return systemDfImages(this.ctx);
  }

  /** POST /auth */
  auth(auth: AuthConfig): AuthResponse {
    return login(this.ctx, auth);
  }

  /** An image's id, config and layers (for `docker run` and `FROM`). */
  getImage(refOrId: string): ResolvedImage {
    return getImage(this.ctx, refOrId);
  }
}
