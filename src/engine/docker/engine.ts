/**
 * One Docker engine on one host: the daemon's rooms (images, containers, volumes, builder) over
 * plain, serialisable state. The CLI reaches it only through the DockerBackend built in
 * ./backend; exercises read its state; a snapshot is `structuredClone(engine.state)`.
 */
import type { Host } from '../host';
import type { FileSystem } from '../fs/types';
import { ImageService } from './daemon';
import { createImageStoreState, type ContainerImageUse, type ImageStoreState } from './daemon';
import { DockerHub } from './registry';
import type { HubState } from './registry/hub';

/** The machine Docker runs on: the student's laptop (no GPU) or a cloud VM with an NVIDIA GPU. */
export type HostProfile = 'laptop' | 'gpu-cloud';

/**
 * Everything the engine knows, as plain data. Each room owns its part; rooms added later (volumes,
 * containers, build cache) add a field here with a `create…State()` default.
 */
export interface EngineState {
  images: ImageStoreState;
  hub: HubState;
  /** Rooms not yet plugged in keep their data here under their own key. */
  rooms: Record<string, unknown>;
}

export interface DockerEngineOptions {
  host: Host;
  /** The host's filesystem as root sees it (bind mounts, `docker cp`, the build context). */
  hostFs: FileSystem;
  profile?: HostProfile;
  state?: EngineState;
}

export class DockerEngine {
  readonly host: Host;
  readonly hostFs: FileSystem;
  profile: HostProfile;
  readonly images: ImageService;
  readonly hub: DockerHub;
  private containerViews: (() => readonly ContainerImageUse[])[] = [];

  constructor(options: DockerEngineOptions) {
    this.host = options.host;
    this.hostFs = options.hostFs;
    this.profile = options.profile ?? 'laptop';
    const hubState = options.state?.hub;
    this.hub = new DockerHub(hubState ? { state: hubState } : {});
    this.images = new ImageService({
      clock: options.host.clock,
      state: options.state?.images ?? createImageStoreState(),
      registries: { 'docker.io': this.hub },
      containers: () => this.containerViews.flatMap((view) => view()),
    });
    this.rooms = options.state?.rooms ?? {};
  }

  /** Per-room state that rooms plugged in later keep in the engine's snapshot. */
  readonly rooms: Record<string, unknown>;

  /** The container room tells the image room which images its containers use (rmi conflicts, prune). */
  addContainerView(view: () => readonly ContainerImageUse[]): void {
    this.containerViews.push(view);
  }

  get state(): EngineState {
    return { images: this.images.ctx.state, hub: this.hub.state, rooms: this.rooms };
  }

  /**
   * A room's own state object, created on first use and kept in the snapshot.
   * Example: `engine.room('containers', createContainerState)`.
   */
  room<T>(name: string, create: () => T): T {
    if (!(name in this.rooms)) this.rooms[name] = create();
    return this.rooms[name] as T;
  }
}
