/**
 * Seeding trees from a compact description, for tests and image root filesystems:
 *
 *   buildTree({
 *     '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
 *     '/usr/bin/': dir(),
 *     '/usr/bin/python3': symlink('python3.11'),
 *     '/usr/bin/python3.11': exe('#!builtin python3\n'),
 *     '/usr/lib/libtorch_cuda.so': big(700 * MiB),
 *     '/etc/shadow': file('root:*:19000:0:99999:7:::\n', { mode: 0o640, gid: 42 }),
 *   })
 *
 * A key ending in `/` is a directory. Missing parents are created (0755, default owner).
 * Whiteouts and opaque directories make the same description usable for overlay layers.
 */
import { MemoryFs } from './memory';
import type { MemoryFsOptions } from './memory';
import { split } from './path';
import {
  EMPTY_BYTES,
  allocNode,
  createTree,
  dirNode,
  encodeText,
  getEntry,
  linkEntry,
  rootDir,
  seedFrom,
  unlinkEntry,
} from './state';
import type { DirNode, TreeState } from './state';

export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

export interface MetaSpec {
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
}

export type NodeSpec =
  | (MetaSpec & { type: 'file'; content: string | Uint8Array })
  | (MetaSpec & { type: 'big'; size: number; seed?: number })
  | (MetaSpec & { type: 'dir'; opaque?: boolean })
  | (MetaSpec & { type: 'symlink'; target: string })
  | { type: 'link'; to: string }
  | { type: 'whiteout' };

/** Path → content. Strings and byte arrays are regular files; `null` is a directory. */
export type TreeSpec = Record<string, NodeSpec | string | Uint8Array | null>;

/** One entry of a flat list, as a layer tarball would hold it. */
export type EntrySpec = NodeSpec & { path: string };

export interface BuildOptions {
  /** Defaults for every node (and for directories created implicitly). */
  uid?: number;
  gid?: number;
  mtime?: number;
}

export function file(content: string | Uint8Array, meta: MetaSpec = {}): NodeSpec {
  return { type: 'file', content, ...meta };
}
/** An executable (mode 0755 unless given). */
export function exe(content: string | Uint8Array, meta: MetaSpec = {}): NodeSpec {
  return { type: 'file', content, mode: 0o755, ...meta };
}
export function dir(meta: MetaSpec = {}): NodeSpec {
  return { type: 'dir', ...meta };
}
/** A directory that hides lower layers (overlay). */
export function opaque(meta: MetaSpec = {}): NodeSpec {
  return { type: 'dir', opaque: true, ...meta };
}
export function symlink(target: string, meta: MetaSpec = {}): NodeSpec {
  return { type: 'symlink', target, ...meta };
}
/** A synthetic file: `size` bytes of deterministic filler, none of them stored. */
export function big(size: number, meta: MetaSpec & { seed?: number } = {}): NodeSpec {
  return { type: 'big', size, ...meta };
}
/** A hard link to an entry given earlier in the description. */
export function hardlink(to: string): NodeSpec {
  return { type: 'link', to };
}
/** Deleted in this layer (overlay). */
export function whiteout(): NodeSpec {
  return { type: 'whiteout' };
}

/** Turns a TreeSpec into a flat entry list (keys in the order given). */
export function specEntries(spec: TreeSpec): EntrySpec[] {
  return Object.entries(spec).map(([path, value]) => {
    const isDirKey = path.endsWith('/') && path !== '/';
    let node: NodeSpec;
    if (value === null) node = dir();
    else if (typeof value === 'string' || value instanceof Uint8Array) node = isDirKey ? dir() : file(value);
    else node = value;
    return { path, ...node };
  });
}

/** Applies entries to `tree` (creating missing parents), replacing what is there. */
export function applyEntries(tree: TreeState, entries: readonly EntrySpec[], options: BuildOptions = {}): TreeState {
  const defaults = { uid: options.uid ?? 0, gid: options.gid ?? 0, mtime: options.mtime ?? 0 };
  for (const entry of entries) {
    const parts = split(entry.path).filter((p) => p !== '.');
    if (parts.some((p) => p === '..')) throw new Error(`builder: '..' in ${entry.path}`);
    if (parts.length === 0) {
      if (entry.type !== 'dir') throw new Error('builder: / must be a directory');
      const root = rootDir(tree);
      setMeta(root, entry, defaults);
      if (entry.opaque) root.opaque = true;
      continue;
    }
    let parent = rootDir(tree);
    for (const part of parts.slice(0, -1)) {
      const ino = getEntry(parent, part);
      const existing = ino === undefined ? undefined : dirNode(tree, ino);
      if (existing) {
        parent = existing;
        continue;
      }
      if (ino !== undefined) unlinkEntry(tree, parent, part);
      const created = allocNode(tree, { kind: 'dir', mode: 0o755, ...defaults, entries: {} });
      linkEntry(tree, parent, part, created);
      parent = dirNode(tree, created)!;
    }
    const name = parts[parts.length - 1]!;
    const current = getEntry(parent, name);
    if (entry.type === 'dir' && current !== undefined) {
      const d = dirNode(tree, current);
      if (d) {
        setMeta(d, entry, defaults);
        if (entry.opaque) d.opaque = true;
        continue;
      }
    }
    if (entry.type === 'link') {
      const target = lookupLink(tree, entry.to);
      if (current !== undefined) unlinkEntry(tree, parent, name);
      linkEntry(tree, parent, name, target);
      continue;
    }
    if (current !== undefined) unlinkEntry(tree, parent, name);
    const ino = allocEntry(tree, entry, defaults);
    linkEntry(tree, parent, name, ino);
  }
  return tree;
}

function lookupLink(tree: TreeState, to: string): number {
  let ino: number | undefined = tree.root;
  for (const part of split(to)) {
    const d: DirNode | undefined = dirNode(tree, ino);
    ino = d ? getEntry(d, part) : undefined;
    if (ino === undefined) throw new Error(`builder: hard link target ${to} not found`);
  }
  const n = tree.nodes[ino];
  if (!n || n.kind === 'dir') throw new Error(`builder: cannot hard-link ${to}`);
  return ino;
}

function setMeta(n: DirNode, meta: MetaSpec, defaults: Required<BuildOptions>): void {
  n.mode = meta.mode ?? 0o755;
  n.uid = meta.uid ?? defaults.uid;
  n.gid = meta.gid ?? defaults.gid;
  n.mtime = meta.mtime ?? defaults.mtime;
}

function allocEntry(tree: TreeState, entry: EntrySpec, defaults: Required<BuildOptions>): number {
  if (entry.type === 'whiteout') return allocNode(tree, { kind: 'whiteout', mode: 0, ...defaults });
  if (entry.type === 'link') throw new Error('unreachable');
  const meta = { uid: entry.uid ?? defaults.uid, gid: entry.gid ?? defaults.gid, mtime: entry.mtime ?? defaults.mtime };
  switch (entry.type) {
    case 'file':
      return allocNode(tree, {
        kind: 'file',
        mode: entry.mode ?? 0o644,
        ...meta,
        data: typeof entry.content === 'string' ? encodeText(entry.content) : entry.content.slice(),
      });
    case 'big':
      return allocNode(tree, {
        kind: 'file',
        mode: entry.mode ?? 0o644,
        ...meta,
        data: EMPTY_BYTES,
        synthetic: { size: entry.size, seed: entry.seed ?? seedFrom(entry.path) },
      });
    case 'dir':
      return allocNode(tree, {
        kind: 'dir',
        mode: entry.mode ?? 0o755,
        ...meta,
        entries: {},
        ...(entry.opaque ? { opaque: true } : {}),
      });
    case 'symlink':
      return allocNode(tree, { kind: 'symlink', mode: entry.mode ?? 0o777, ...meta, target: entry.target });
  }
}

/** A new tree from a description. */
export function buildTree(spec: TreeSpec, options: BuildOptions = {}): TreeState {
  const tree = createTree({ uid: options.uid, gid: options.gid, mtime: options.mtime });
  return applyEntries(tree, specEntries(spec), options);
}

/** A MemoryFs seeded from a description (`options.cred`, `clock`… as for MemoryFs). */
export function buildFs(spec: TreeSpec, options: BuildOptions & Omit<MemoryFsOptions, 'state'> = {}): MemoryFs {
  return new MemoryFs({ ...options, state: buildTree(spec, { uid: options.uid, gid: options.gid, mtime: options.mtime ?? options.clock?.() }) });
}
