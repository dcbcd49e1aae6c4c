/**
 * The simulated Docker Hub: the official images of the catalog (built lazily, the same for every
 * engine that pulls them), plus what students push, kept as plain state. Accounts decide who may
 * push where: an account may push to its own namespace (and its organisations); everything else,
 * `library/` included, is denied with Docker Hub's answer.
 */
import { RegistryError } from '../daemon/images/context';
import type { AuthConfig, RegistryClient } from '../daemon/images/context';
import type { Blob, Descriptor, Digest } from '../daemon/oci/types';
import type { Reference } from '../daemon/reference';
import { buildImage } from './catalog/build';
import type { BuiltImage } from './catalog/build';
import { OFFICIAL_IMAGES } from './catalog/official';
import { PYTORCH_IMAGES } from './catalog/pytorch';
import type { ImageDef } from './catalog/types';

export interface HubAccount {
  password: string;
  /** Organisations the account may also push to. */
  organizations?: string[];
}

export interface HubRepository {
  /** The account that created it by pushing. */
  owner: string;
  private: boolean;
  tags: Record<string, Descriptor>;
  /** Digests of manifests and indexes pushed (pullable by digest). */
  manifests: Record<Digest, Descriptor>;
  /** Blobs this repository holds (for "Layer already exists"). */
  blobs: Digest[];
}

/** What students pushed: plain data, part of the world's state. */
export interface HubState {
  repositories: Record<string, HubRepository>;
  blobs: Record<Digest, Blob>;
}

export function createHubState(): HubState {
  return { repositories: {}, blobs: {} };
}

/** The course's account: `docker login -u student` with this password works. */
export const DEFAULT_ACCOUNTS: Record<string, HubAccount> = {
  student: { password: 'learn-docker' },
};

export interface DockerHubOptions {
  state?: HubState;
  accounts?: Record<string, HubAccount>;
  /** The images served under their repositories (default: the course catalog). */
  images?: readonly ImageDef[];
}

export const COURSE_IMAGES: readonly ImageDef[] = [...OFFICIAL_IMAGES, ...PYTORCH_IMAGES];

export class DockerHub implements RegistryClient {
  state: HubState;
  readonly accounts: Record<string, HubAccount>;
  private readonly byRepo = new Map<string, Map<string, ImageDef>>();
  private readonly built = new Map<ImageDef, BuiltImage>();
  private readonly officialBlobs = new Map<Digest, { blob: Blob; repo: string }>();

  constructor(options: DockerHubOptions = {}) {
    this.state = options.state ?? createHubState();
    this.accounts = options.accounts ?? DEFAULT_ACCOUNTS;
    for (const def of options.images ?? COURSE_IMAGES) {
      let tags = this.byRepo.get(def.repo);
      if (!tags) {
        tags = new Map();
        this.byRepo.set(def.repo, tags);
      }
      for (const tag of def.tags) tags.set(tag, def);
    }
  }

  /** Repository paths and tags served from the catalog (for `docker search`-like listings and tests). */
  catalog(): Array<{ repo: string; tags: string[] }> {
    return [...this.byRepo.entries()].map(([repo, tags]) => ({ repo, tags: [...tags.keys()] }));
  }

  private build(def: ImageDef): BuiltImage {
    let b = this.built.get(def);
    if (!b) {
      b = buildImage(def);
      this.built.set(def, b);
      for (const blob of b.blobs) if (!this.officialBlobs.has(blob.digest)) this.officialBlobs.set(blob.digest, { blob, repo: def.repo });
    }
    return b;
  }

  /** The built image for `repo:tag` from the catalog (undefined if the catalog has no such tag). */
  official(repo: string, tag: string): BuiltImage | undefined {
    const def = this.byRepo.get(repo)?.get(tag);
    return def ? this.build(def) : undefined;
  }

  /** The account the credentials belong to, or undefined. */
  authenticate(auth: AuthConfig | undefined): string | undefined {
    if (!auth?.username) return undefined;
    const account = this.accounts[auth.username];
    if (!account) return undefined;
    if (auth.password === account.password) return auth.username;
    if (auth.identitytoken && auth.identitytoken === identityToken(auth.username)) return auth.username;
    return undefined;
  }

  resolve(ref: Reference, auth?: AuthConfig): Descriptor {
    const tags = this.byRepo.get(ref.path);
    if (tags) {
      if (ref.digest !== undefined) {
        const want = ref.digest;
        for (const def of new Set(tags.values())) {
          const b = this.build(def);
          if (b.target.digest === want) return { ...b.target };
          const m = b.blobs.find((x) => x.digest === want && (x.kind === 'manifest' || x.kind === 'index'));
          if (m) return { mediaType: m.mediaType, digest: m.digest, size: m.size };
        }
        throw new RegistryError('MANIFEST_UNKNOWN', 'manifest unknown');
      }
      const def = tags.get(ref.tag ?? 'latest');
      if (!def) throw new RegistryError('MANIFEST_UNKNOWN', 'manifest unknown');
      return { ...this.build(def).target };
    }
    const repo = Object.hasOwn(this.state.repositories, ref.path) ? this.state.repositories[ref.path] : undefined;
    if (!repo || (repo.private && this.authenticate(auth) !== repo.owner)) {
      throw new RegistryError('DENIED', 'requested access to the resource is denied');
    }
    if (ref.digest !== undefined) {
      const d = repo.manifests[ref.digest];
      if (!d) throw new RegistryError('MANIFEST_UNKNOWN', 'manifest unknown');
      return { ...d };
    }
    const d = repo.tags[ref.tag ?? 'latest'];
    if (!d) throw new RegistryError('MANIFEST_UNKNOWN', 'manifest unknown');
    return { ...d };
  }

  fetch(digest: Digest): Blob | undefined {
    if (Object.hasOwn(this.state.blobs, digest)) return this.state.blobs[digest];
    return this.officialBlobs.get(digest)?.blob;
  }

  login(auth: AuthConfig): string {
    if (!this.authenticate(auth)) throw new RegistryError('UNAUTHORIZED', 'incorrect username or password');
    return '';
  }

  authorizePush(path: string, auth?: AuthConfig): void {
    const user = this.authenticate(auth);
    const namespace = path.split('/')[0] ?? '';
    const allowed = user !== undefined && (namespace === user || (this.accounts[user]?.organizations ?? []).includes(namespace));
    if (!allowed || this.byRepo.has(path)) throw new RegistryError('DENIED', 'requested access to the resource is denied');
  }

  blobLocation(digest: Digest, preferPath: string): string | undefined {
    const repos = this.state.repositories;
    if (Object.hasOwn(repos, preferPath) && repos[preferPath]!.blobs.includes(digest)) return preferPath;
    for (const [path, repo] of Object.entries(repos)) if (repo.blobs.includes(digest)) return path;
    return this.officialBlobs.get(digest)?.repo;
  }

  private repository(path: string): HubRepository {
    const repos = this.state.repositories;
    if (!Object.hasOwn(repos, path)) repos[path] = { owner: path.split('/')[0] ?? '', private: false, tags: {}, manifests: {}, blobs: [] };
    return repos[path]!;
  }

  putBlob(path: string, blob: Blob): void {
    if (!this.officialBlobs.has(blob.digest)) this.state.blobs[blob.digest] = blob;
    const repo = this.repository(path);
    if (!repo.blobs.includes(blob.digest)) repo.blobs.push(blob.digest);
  }

  putManifest(path: string, descriptor: Descriptor, tag?: string): void {
    const repo = this.repository(path);
    const d = { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size };
    repo.manifests[descriptor.digest] = d;
    if (tag !== undefined) repo.tags[tag] = d;
  }
}

/** The identity token Docker Hub would hand out for an account (deterministic in the simulation). */
export function identityToken(username: string): string {
  return `hub-identity-${username}`;
}
