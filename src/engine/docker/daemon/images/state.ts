/**
 * The image room's state, as the containerd image store keeps it: a content store (blobs by
 * digest) and an image table (name → target descriptor). Plain data only: structuredClone,
 * persist and restore it freely.
 */
import type { Blob, Descriptor, Digest } from '../oci/types';

/** One row of containerd's image table. */
export interface ImageRecord {
  /**
   * The full reference (`docker.io/library/python:3.11-slim`, `docker.io/library/python@sha256:…`)
   * or, for an image that lost its last name but must stay, `moby-dangling@sha256:…`.
   */
  name: string;
  /** The index or manifest the name points to; its digest is the image ID `docker images` shows. */
  target: Descriptor;
  /** Milliseconds, simulated clock: when this name was created. */
  createdAt: number;
  /** When this name last changed target (`Metadata.LastTagTime`). */
  updatedAt: number;
}

/** A build-cache record (`docker system df -v`, `docker builder prune`); the builder fills these. */
export interface BuildCacheRecord {
  ID: string;
  Parents?: string[];
  /** `regular`, `source.local`, `exec.cachemount`, `frontend`, `internal` … */
  Type: string;
  Description: string;
  InUse: boolean;
  Shared: boolean;
  Size: number;
  /** Milliseconds, simulated clock. */
  CreatedAt: number;
  LastUsedAt: number;
  UsageCount: number;
  /** Blobs this record keeps alive (a lease, in containerd terms). */
  blobs?: Digest[];
}

export interface ImageStoreState {
  /** The content store: every blob by digest. */
  content: Record<Digest, Blob>;
  /** The image table: records by name. */
  images: Record<string, ImageRecord>;
  buildCache: BuildCacheRecord[];
}

export function createImageStoreState(): ImageStoreState {
  return { content: {}, images: {}, buildCache: [] };
}

export const DANGLING_PREFIX = 'moby-dangling@';

export function danglingName(target: Digest): string {
  return `${DANGLING_PREFIX}${target}`;
}

export function isDangling(record: ImageRecord): boolean {
  return record.name.startsWith(DANGLING_PREFIX);
}
