/**
 * How the simulated Docker Hub describes an image it serves: where each number comes from is noted
 * next to it in the catalog files (docker-library/repo-info snapshots, the docker-library and
 * anibali Dockerfiles, or "estimate" when nothing published exists).
 */
import type { TreeSpec } from '../../../fs/builder';
import type { ContainerConfig } from '../../daemon/oci/types';

export interface LayerDef {
  /** Identifies the layer across images (a shared base layer is built once). */
  key: string;
  /** The registry's digest of the compressed blob (real where repo-info gives it). */
  digest?: string;
  /** Compressed size in bytes (what `docker pull` downloads). */
  size: number;
  /** Bytes of its files once unpacked; 'exact' means whatever the description holds. */
  unpacked: number | 'exact';
  /** When the layer was made (file times). RFC 3339. */
  created: string;
  /** The files (before padding with bulk). */
  tree: () => TreeSpec;
  /** Synthetic files that make up the rest of `unpacked`, by weight. */
  bulk?: ReadonlyArray<readonly [string, number]>;
  bulkOwner?: { uid: number; gid: number };
  /** Default owner of every entry (directories the description creates implicitly included). */
  owner?: { uid: number; gid: number };
}

export interface HistoryDef {
  created: string;
  createdBy: string;
  comment?: string;
  /** Metadata-only step (no layer). */
  empty?: boolean;
}

/** How the image is published: an OCI index (with an attestation), a Docker manifest list, or a bare manifest. */
export type Publication = 'oci-index' | 'docker-list' | 'docker-manifest' | 'oci-manifest';

export interface ImageDef {
  /** Repository path on Docker Hub, e.g. `library/python`. */
  repo: string;
  tags: readonly string[];
  /** The config's `created`. */
  created: string;
  config: ContainerConfig;
  /** Oldest first; non-empty entries match `layers` in order. */
  history: readonly HistoryDef[];
  layers: readonly LayerDef[];
  publication: Publication;
  /** Where the numbers come from (kept with the data, shown nowhere). */
  source: string;
}
