/**
 * The plain data behind every tree: an inode table plus directories mapping names to inode
 * numbers. Used as is for MemoryFs and for overlay layers (which may also hold whiteouts and
 * opaque directories). Only plain objects, arrays, strings, numbers and Uint8Array: safe for
 * `structuredClone`, persistence and sharing of file bytes between trees (bytes are never
 * mutated in place, a write always installs a new array, so two trees may hold the same one).
 */
import { FsError } from './types';
import type { NodeKind } from './types';

/** Declared-but-not-stored content: `size` bytes of deterministic filler derived from `seed`. */
export interface SyntheticContent {
  size: number;
  seed: number;
}

/**
 * What a regular file holds: `synthetic.size` filler bytes (if any) followed by `data`.
 * Treat `data` as immutable: it may be shared with other files, layers and snapshots.
 */
export interface FileContent {
  data: Uint8Array;
  synthetic?: SyntheticContent;
}

export interface NodeMeta {
  ino: number;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  nlink: number;
  /** Overlay copy-up: the inode number the node had in the lower layer (kept stable, as xino does). */
  origin?: number;
}

export interface FileNode extends NodeMeta, FileContent {
  kind: 'file';
}

export interface DirNode extends NodeMeta {
  kind: 'dir';
  /** Name → inode number. Read through getEntry/setEntry (names like `__proto__` are legal). */
  entries: Record<string, number>;
  /** Overlay: this directory hides everything below it in lower layers. */
  opaque?: boolean;
}

export interface SymlinkNode extends NodeMeta {
  kind: 'symlink';
  target: string;
}

/** Overlay: the name is deleted in this layer (overlay2 stores a 0/0 character device). */
export interface WhiteoutNode extends NodeMeta {
  kind: 'whiteout';
}

export type TreeNode = FileNode | DirNode | SymlinkNode | WhiteoutNode;
export type TreeNodeKind = TreeNode['kind'];

/** A tree: MemoryFs state, or an overlay layer. */
export interface TreeState {
  root: number;
  nextIno: number;
  nodes: Record<number, TreeNode>;
}

export const DIR_SIZE = 4096;
export const FIRST_INO = 2;

export interface RootOptions {
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
}

/** An empty tree: just `/` (ino 2, like ext4). */
export function createTree(options: RootOptions = {}): TreeState {
  const root: DirNode = {
    kind: 'dir',
    ino: FIRST_INO,
    mode: options.mode ?? 0o755,
    uid: options.uid ?? 0,
    gid: options.gid ?? 0,
    mtime: options.mtime ?? 0,
    nlink: 2,
    entries: {},
  };
  return { root: FIRST_INO, nextIno: FIRST_INO + 1, nodes: { [FIRST_INO]: root } };
}

export function getEntry(dir: DirNode, name: string): number | undefined {
  return Object.hasOwn(dir.entries, name) ? dir.entries[name] : undefined;
}

export function setEntry(dir: DirNode, name: string, ino: number): void {
  if (name === '__proto__') {
    Object.defineProperty(dir.entries, name, { value: ino, writable: true, enumerable: true, configurable: true });
  } else {
    dir.entries[name] = ino;
  }
}

export function deleteEntry(dir: DirNode, name: string): void {
  delete dir.entries[name];
}

export function entryNames(dir: DirNode): string[] {
  return Object.keys(dir.entries);
}

/** Byte order (what `LC_ALL=C ls` shows), so listings are deterministic. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function node(tree: TreeState, ino: number): TreeNode | undefined {
  return tree.nodes[ino];
}

export function dirNode(tree: TreeState, ino: number): DirNode | undefined {
  const n = tree.nodes[ino];
  return n?.kind === 'dir' ? n : undefined;
}

export function rootDir(tree: TreeState): DirNode {
  const n = tree.nodes[tree.root];
  if (n?.kind !== 'dir') throw new Error('tree has no root directory');
  return n;
}

type NewNodeData =
  | Omit<FileNode, 'ino' | 'nlink'>
  | Omit<DirNode, 'ino' | 'nlink'>
  | Omit<SymlinkNode, 'ino' | 'nlink'>
  | Omit<WhiteoutNode, 'ino' | 'nlink'>;

/** Adds an unlinked node (nlink 0; 1 for a directory's `.`) and returns its ino; linkEntry names it. */
export function allocNode(tree: TreeState, data: NewNodeData): number {
  const ino = tree.nextIno++;
  tree.nodes[ino] = { ...data, ino, nlink: data.kind === 'dir' ? 1 : 0 } as TreeNode;
  return ino;
}

/** Enters `ino` into `dir` under `name` (which must be free) and fixes link counts. */
export function linkEntry(tree: TreeState, dir: DirNode, name: string, ino: number): void {
  const child = tree.nodes[ino]!;
  setEntry(dir, name, ino);
  child.nlink++;
  if (child.kind === 'dir') dir.nlink++;
}

/**
 * Removes `name` from `dir` and fixes link counts; a node whose last link goes is freed (a
 * directory with everything below it).
 */
export function unlinkEntry(tree: TreeState, dir: DirNode, name: string): void {
  const ino = getEntry(dir, name);
  if (ino === undefined) return;
  deleteEntry(dir, name);
  const child = tree.nodes[ino];
  if (!child) return;
  if (child.kind === 'dir') {
    dir.nlink--;
    freeSubtree(tree, ino);
  } else {
    child.nlink--;
    if (child.nlink <= 0) delete tree.nodes[ino];
  }
}

/** Takes `name` out of `dir` without freeing the node (first half of a move). */
export function detachEntry(tree: TreeState, dir: DirNode, name: string): number | undefined {
  const ino = getEntry(dir, name);
  if (ino === undefined) return undefined;
  deleteEntry(dir, name);
  const child = tree.nodes[ino];
  if (child) {
    child.nlink--;
    if (child.kind === 'dir') dir.nlink--;
  }
  return ino;
}

function freeSubtree(tree: TreeState, ino: number): void {
  const n = tree.nodes[ino];
  if (!n) return;
  if (n.kind === 'dir') {
    for (const name of entryNames(n)) {
      const childIno = n.entries[name]!;
      const child = tree.nodes[childIno];
      if (!child) continue;
      if (child.kind === 'dir') freeSubtree(tree, childIno);
      else if (--child.nlink <= 0) delete tree.nodes[childIno];
    }
  }
  delete tree.nodes[ino];
}

/** Follows names from the root without resolving symlinks. */
export function lookupPath(tree: TreeState, path: string): number | undefined {
  let ino = tree.root;
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    const dir = dirNode(tree, ino);
    if (!dir) return undefined;
    const next = getEntry(dir, part);
    if (next === undefined) return undefined;
    ino = next;
  }
  return ino;
}

// ---- file content -------------------------------------------------------------------------

export const EMPTY_BYTES = new Uint8Array(0);

export function contentSize(c: FileContent): number {
  return (c.synthetic?.size ?? 0) + c.data.length;
}

/** Deterministic filler: byte `offset` of a synthetic file with `seed`. */
export function fillerByte(seed: number, offset: number): number {
  let h = Math.imul((offset >>> 2) ^ Math.imul(seed | 0, 0x9e3779b1), 0x85ebca6b) ^ Math.floor(offset / 2 ** 32);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> ((offset & 3) * 8)) & 0xff;
}

/** Writes filler bytes for [offset, offset + out.length) of a synthetic file into `out`. */
export function fillFiller(seed: number, offset: number, out: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = fillerByte(seed, offset + i);
}

/** Bytes [offset, offset + length) of the content (clamped to its size), as a fresh array. */
export function readRange(c: FileContent, offset = 0, length = Infinity): Uint8Array {
  const size = contentSize(c);
  const start = Math.max(0, Math.min(offset, size));
  const end = Math.max(start, Math.min(size, start + length));
  const out = new Uint8Array(end - start);
  const synth = c.synthetic?.size ?? 0;
  if (start < synth) fillFiller(c.synthetic!.seed, start, out.subarray(0, Math.min(end, synth) - start));
  if (end > synth) {
    const from = Math.max(start, synth) - synth;
    out.set(c.data.subarray(from, end - synth), Math.max(start, synth) - start);
  }
  return out;
}

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export function sameContent(a: FileContent, b: FileContent): boolean {
  if ((a.synthetic?.size ?? 0) !== (b.synthetic?.size ?? 0)) return false;
  if (a.synthetic && b.synthetic && a.synthetic.seed !== b.synthetic.seed) return false;
  if (a.data === b.data) return true;
  if (a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeText(text: string): Uint8Array {
  return encoder.encode(text);
}

export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A stable 32-bit seed from a string (FNV-1a), e.g. a path for a synthetic file. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Thrown by drivers when they do not know the caller's path; Vfs fills in path and syscall. */
export function driverError(code: FsError['code']): FsError {
  return new FsError(code, '', '');
}

export function isFsKind(kind: TreeNodeKind): kind is NodeKind {
  return kind !== 'whiteout';
}
