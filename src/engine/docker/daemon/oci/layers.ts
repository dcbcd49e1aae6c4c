/**
 * Layers as content: the digest of the uncompressed "tarball" (diff_id), what unpacking it costs
 * (bytes of files; blocks on disk), and an estimate of its gzip size for layers we make ourselves
 * (registry layers declare their real compressed sizes instead).
 *
 * There is no real tar stream: the diff_id hashes a canonical walk of the tree that covers what
 * tar would carry (paths in byte order, kind, mode, owner, mtime, content, link targets,
 * whiteouts and opaque markers). Same tree, same digest.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Layer } from '../../../fs/overlay';
import { compareNames, contentSize, entryNames, rootDir } from '../../../fs/state';
import type { DirNode, TreeNode } from '../../../fs/state';
import { MEDIA_TYPE } from './types';
import type { Digest, LayerBlob } from './types';

const encoder = new TextEncoder();
export const BLOCK = 4096;

interface Visit {
  path: string;
  node: TreeNode;
}

/** Every entry of a layer, parents before children, names in byte order (the root first). */
function walk(layer: Layer, visit: (v: Visit) => void): void {
  const root = rootDir(layer);
  visit({ path: '/', node: root });
  const recurse = (dir: DirNode, path: string): void => {
    for (const name of entryNames(dir).sort(compareNames)) {
      const node = layer.nodes[dir.entries[name]!];
      if (!node) continue;
      const p = path === '/' ? `/${name}` : `${path}/${name}`;
      visit({ path: p, node });
      if (node.kind === 'dir') recurse(node, p);
    }
  };
  recurse(root, '/');
}

/** The diff_id: sha256 over a canonical serialisation of the layer's entries. */
export function diffIdOf(layer: Layer): Digest {
  const h = sha256.create();
  const put = (text: string): void => {
    h.update(encoder.encode(text));
  };
  const firstPath = new Map<number, string>();
  walk(layer, ({ path, node }) => {
    put(`${path}\0${node.kind}\0${node.mode.toString(8)}\0${node.uid}\0${node.gid}\0${node.mtime}\0`);
    switch (node.kind) {
      case 'file': {
        const seen = firstPath.get(node.ino);
        if (seen !== undefined) {
          put(`link\0${seen}\n`);
          return;
        }
        firstPath.set(node.ino, path);
        const synth = node.synthetic;
        put(`${contentSize(node)}\0${synth ? `${synth.size}:${synth.seed}` : '-'}\0${node.data.length}\0`);
        h.update(node.data);
        put('\n');
        return;
      }
      case 'symlink':
        put(`${node.target}\n`);
        return;
      case 'dir':
        put(node.opaque ? 'opaque\n' : '\n');
        return;
      case 'whiteout':
        put('\n');
        return;
    }
  });
  return `sha256:${bytesToHex(h.digest())}`;
}

export interface LayerSizes {
  /** Bytes of regular files, hard links counted once (graphdriver's layer size). */
  unpackedSize: number;
  /** Disk usage of the unpacked snapshot: 4 KiB per directory, files in whole blocks. */
  diskUsage: number;
  /** Entries in the layer, root included. */
  entries: number;
  /** Bytes of file content. */
  dataBytes: number;
}

export function layerSizes(layer: Layer): LayerSizes {
  let unpackedSize = 0;
  let diskUsage = 0;
  let entries = 0;
  const counted = new Set<number>();
  walk(layer, ({ node }) => {
    entries++;
    if (counted.has(node.ino)) return;
    counted.add(node.ino);
    switch (node.kind) {
      case 'dir':
        diskUsage += BLOCK;
        break;
      case 'file': {
        const size = contentSize(node);
        unpackedSize += size;
        diskUsage += Math.ceil(size / BLOCK) * BLOCK;
        break;
      }
      case 'symlink':
        // ext4 keeps targets shorter than 60 bytes in the inode ("fast symlinks")
        if (node.target.length >= 60) diskUsage += BLOCK;
        break;
      case 'whiteout':
        break;
    }
  });
  return { unpackedSize, diskUsage, entries, dataBytes: unpackedSize };
}

/**
 * A deterministic stand-in for the gzip size of a layer's tarball. Calibrated on BuildKit layers
 * from the reference engine (a WORKDIR-only layer is 92 bytes, a COPY of one small file 153).
 */
export function estimateCompressedSize(sizes: LayerSizes): number {
  const small = Math.min(sizes.dataBytes, 4096);
  const rest = Math.max(0, sizes.dataBytes - 4096);
  return Math.round(32 + 55 * Math.max(0, sizes.entries - 1) + 0.5 * small + 0.38 * rest);
}

export interface LayerBlobOptions {
  /** The registry's digest of the compressed blob (otherwise derived from the diff_id). */
  digest?: Digest;
  /** Compressed size in bytes (otherwise estimated). */
  size?: number;
  mediaType?: string;
}

/** A layer blob for the content store. */
export function makeLayerBlob(layer: Layer, options: LayerBlobOptions = {}): LayerBlob {
  const diffId = diffIdOf(layer);
  const sizes = layerSizes(layer);
  const digest = options.digest ?? `sha256:${bytesToHex(sha256(encoder.encode(`gzip\0${diffId}`)))}`;
  return {
    kind: 'layer',
    mediaType: options.mediaType ?? MEDIA_TYPE.ociLayerGzip,
    digest,
    size: options.size ?? estimateCompressedSize(sizes),
    diffId,
    unpackedSize: sizes.unpackedSize,
    diskUsage: sizes.diskUsage,
    layer,
  };
}
