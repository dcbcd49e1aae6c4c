/**
 * OCI image-spec and distribution shapes as the containerd image store keeps them: indexes,
 * manifests, image configs (with Docker's extensions to the config), and the descriptors that link
 * them by digest. Plain data only.
 */
import type { Layer } from '../../../fs/overlay';

/** `sha256:` followed by 64 lowercase hex digits. */
export type Digest = string;

export const MEDIA_TYPE = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  inToto: 'application/vnd.in-toto+json',
} as const;

export function isIndexType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPE.ociIndex || mediaType === MEDIA_TYPE.dockerManifestList;
}
export function isManifestType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPE.ociManifest || mediaType === MEDIA_TYPE.dockerManifest;
}
export function isLayerType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPE.ociLayerGzip || mediaType === MEDIA_TYPE.dockerLayerGzip;
}

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: Digest;
  size: number;
  annotations?: Record<string, string>;
  platform?: Platform;
}

export interface OciIndex {
  schemaVersion: 2;
  mediaType: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

export interface OciManifest {
  schemaVersion: 2;
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

/** Docker's HEALTHCHECK, as stored in the image config (durations in nanoseconds). */
export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** The runtime part of an image config: OCI ImageConfig plus Docker's extensions. */
export interface ContainerConfig {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
  ArgsEscaped?: boolean;
  Healthcheck?: HealthConfig;
  OnBuild?: string[] | null;
  Shell?: string[];
}

export interface HistoryEntry {
  /** RFC 3339 with nanoseconds, as Go writes time.Time. */
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

/** An image config blob (OCI `application/vnd.oci.image.config.v1+json`). */
export interface ImageConfig {
  created?: string;
  author?: string;
  architecture: string;
  variant?: string;
  os: string;
  config: ContainerConfig;
  rootfs: { type: 'layers'; diff_ids: Digest[] };
  history?: HistoryEntry[];
}

/** Blobs in a content store, by kind. Every blob knows its digest, size and media type. */
interface BlobBase {
  digest: Digest;
  size: number;
  mediaType: string;
}

export interface IndexBlob extends BlobBase {
  kind: 'index';
  index: OciIndex;
}

export interface ManifestBlob extends BlobBase {
  kind: 'manifest';
  manifest: OciManifest;
}

export interface ConfigBlob extends BlobBase {
  kind: 'config';
  config: ImageConfig;
}

/**
 * A layer: the compressed tarball the registry serves (`size`, `digest`) and what unpacking it
 * gives (`diffId`, `layer`). `unpackedSize` is the bytes of its files (what the graphdriver store
 * counts); `diskUsage` is what the unpacked snapshot takes on disk (what the containerd store
 * counts: whole 4 KiB blocks, directories included).
 */
export interface LayerBlob extends BlobBase {
  kind: 'layer';
  diffId: Digest;
  unpackedSize: number;
  diskUsage: number;
  layer: Layer;
}

/** Anything else (attestations, in-toto statements): carried as opaque text. */
export interface OpaqueBlob extends BlobBase {
  kind: 'opaque';
  text: string;
}

export type Blob = IndexBlob | ManifestBlob | ConfigBlob | LayerBlob | OpaqueBlob;
