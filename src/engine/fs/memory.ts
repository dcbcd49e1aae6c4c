/**
 * MemoryFs: a POSIX-like tree held in a plain TreeState (see state.ts). The driver stores and
 * fetches nodes by inode number; the Vfs base class does paths, symlinks and permissions.
 */
import type { DirEntry, Stat } from './types';
import {
  DIR_SIZE,
  allocNode,
  compareNames,
  concatBytes,
  contentSize,
  createTree,
  detachEntry,
  driverError,
  entryNames,
  getEntry,
  linkEntry,
  readRange,
  unlinkEntry,
  utf8Length,
} from './state';
import type { DirNode, FileContent, FileNode, RootOptions, TreeNode, TreeState } from './state';
import { Namespace, Vfs } from './vfs';
import type { Driver, NewNode, NodeInfo, SetAttrs, VfsOptions } from './vfs';

/** Stat of a tree node (whiteouts excluded by the caller). */
export function statNode(n: TreeNode, ino = n.origin ?? n.ino): Stat {
  const kind = n.kind === 'whiteout' ? 'file' : n.kind;
  const size = n.kind === 'dir' ? DIR_SIZE : n.kind === 'symlink' ? utf8Length(n.target) : n.kind === 'file' ? contentSize(n) : 0;
  return { kind, mode: n.mode, uid: n.uid, gid: n.gid, size, mtime: n.mtime, nlink: n.nlink, ino };
}

/** Writes `content` into a file node (replacing, or appending to what it holds). */
export function writeNode(n: FileNode, content: FileContent, append: boolean, mtime: number): void {
  if (append && contentSize(n) > 0) {
    const bytes = content.synthetic ? readRange(content) : content.data;
    n.data = concatBytes(n.data, bytes);
  } else {
    n.data = content.data;
    if (content.synthetic) n.synthetic = { ...content.synthetic };
    else delete n.synthetic;
  }
  n.mtime = mtime;
}

/** Adds a new node built from `spec` under `name` in `dir`. */
export function createNode(tree: TreeState, dir: DirNode, name: string, spec: NewNode): number {
  const base = { mode: spec.mode, uid: spec.uid, gid: spec.gid, mtime: spec.mtime };
  const ino =
    spec.kind === 'file'
      ? allocNode(tree, {
          kind: 'file',
          ...base,
          data: spec.content.data,
          ...(spec.content.synthetic ? { synthetic: { ...spec.content.synthetic } } : {}),
        })
      : spec.kind === 'dir'
        ? allocNode(tree, { kind: 'dir', ...base, entries: {} })
        : allocNode(tree, { kind: 'symlink', ...base, target: spec.target });
  if (getEntry(dir, name) !== undefined) unlinkEntry(tree, dir, name);
  linkEntry(tree, dir, name, ino);
  dir.mtime = spec.mtime;
  return ino;
}

export function applyAttrs(n: TreeNode, attrs: SetAttrs): void {
  if (attrs.mode !== undefined) n.mode = attrs.mode;
  if (attrs.uid !== undefined) n.uid = attrs.uid;
  if (attrs.gid !== undefined) n.gid = attrs.gid;
  if (attrs.mtime !== undefined) n.mtime = attrs.mtime;
}

/** Sorted visible entries of a tree directory (whiteouts hidden). */
export function listDir(tree: TreeState, dir: DirNode): DirEntry[] {
  const out: DirEntry[] = [];
  for (const name of entryNames(dir).sort(compareNames)) {
    const child = tree.nodes[dir.entries[name]!];
    if (child && child.kind !== 'whiteout') out.push({ name, kind: child.kind });
  }
  return out;
}

/** The driver for a TreeState; handles are inode numbers. */
export class TreeDriver implements Driver<number> {
  constructor(public state: TreeState) {}

  private get(ino: number): TreeNode {
    const n = this.state.nodes[ino];
    if (!n || n.kind === 'whiteout') throw driverError('ENOENT');
    return n;
  }

  private dir(ino: number): DirNode {
    const n = this.get(ino);
    if (n.kind !== 'dir') throw driverError('ENOTDIR');
    return n;
  }

  root(): number {
    return this.state.root;
  }

  info(ino: number): NodeInfo {
    return this.get(ino) as NodeInfo;
  }

  stat(ino: number): Stat {
    return statNode(this.get(ino));
  }

  lookup(dir: number, name: string): number | undefined {
    const ino = getEntry(this.dir(dir), name);
    if (ino === undefined) return undefined;
    const n = this.state.nodes[ino];
    return n && n.kind !== 'whiteout' ? ino : undefined;
  }

  list(dir: number): DirEntry[] {
    return listDir(this.state, this.dir(dir));
  }

  isEmpty(dir: number): boolean {
    const d = this.dir(dir);
    for (const name of entryNames(d)) if (this.state.nodes[d.entries[name]!]?.kind !== 'whiteout') return false;
    return true;
  }

  readlink(ino: number): string {
    const n = this.get(ino);
    if (n.kind !== 'symlink') throw driverError('EINVAL');
    return n.target;
  }

  content(ino: number): FileContent {
    const n = this.get(ino);
    if (n.kind === 'dir') throw driverError('EISDIR');
    if (n.kind !== 'file') throw driverError('EINVAL');
    return n;
  }

  write(ino: number, content: FileContent, append: boolean, mtime: number): void {
    const n = this.get(ino);
    if (n.kind !== 'file') throw driverError('EINVAL');
    writeNode(n, content, append, mtime);
  }

  create(dir: number, name: string, spec: NewNode): number {
    return createNode(this.state, this.dir(dir), name, spec);
  }

  link(dir: number, name: string, target: number, mtime: number): void {
    const d = this.dir(dir);
    this.get(target);
    linkEntry(this.state, d, name, target);
    d.mtime = mtime;
  }

  remove(dir: number, name: string, mtime: number): void {
    const d = this.dir(dir);
    unlinkEntry(this.state, d, name);
    d.mtime = mtime;
  }

  rename(srcDir: number, srcName: string, dstDir: number, dstName: string, mtime: number): void {
    const s = this.dir(srcDir);
    const d = this.dir(dstDir);
    if (s === d && srcName === dstName) return;
    const ino = getEntry(s, srcName);
    if (ino === undefined) throw driverError('ENOENT');
    const existing = getEntry(d, dstName);
    if (existing === ino) {
      // Two names of one inode: rename(2) does nothing (the Vfs never gets here).
      return;
    }
    if (existing !== undefined) unlinkEntry(this.state, d, dstName);
    detachEntry(this.state, s, srcName);
    linkEntry(this.state, d, dstName, ino);
    s.mtime = mtime;
    d.mtime = mtime;
  }

  setattr(ino: number, attrs: SetAttrs): void {
    applyAttrs(this.get(ino), attrs);
  }

  same(a: number, b: number): boolean {
    return a === b;
  }
}

export interface MemoryFsOptions extends VfsOptions {
  /** Existing state to wrap (shared, not copied). Default: an empty tree with `/` only. */
  state?: TreeState;
  /** Metadata of `/` for a new tree (mtime defaults to the clock). */
  root?: RootOptions;
  /** Every write fails with EROFS. */
  readOnly?: boolean;
}

/**
 * An in-memory filesystem. Views made with `as(cred)` share the data: the host builds one
 * MemoryFs and hands `fs.as({ uid: 1000, gid: 1000 })` to the student's shell.
 */
export class MemoryFs extends Vfs {
  private readonly driver: TreeDriver;

  constructor(options: MemoryFsOptions = {}) {
    const state = options.state ?? createTree({ mtime: options.clock?.() ?? 0, ...options.root });
    const driver = new TreeDriver(state);
    super(new Namespace({ driver, root: state.root, readOnly: options.readOnly ?? false }), options);
    this.driver = driver;
  }

  /** A MemoryFs over a copy of `snapshot`. */
  static fromSnapshot(snapshot: TreeState, options: Omit<MemoryFsOptions, 'state'> = {}): MemoryFs {
    return new MemoryFs({ ...options, state: structuredClone(snapshot) });
  }

  /** The live state (plain data; mutated in place by writes). */
  get state(): TreeState {
    return this.driver.state;
  }

  /** A deep copy of the state, safe to persist. */
  snapshot(): TreeState {
    return structuredClone(this.driver.state);
  }

  /** Replaces the contents with a copy of `snapshot`, for this view and every other. */
  restore(snapshot: TreeState): void {
    this.driver.state = structuredClone(snapshot);
    const rootMount = this.ns.root;
    if (rootMount.root !== this.driver.state.root) {
      this.ns.mounts.set('/', { ...rootMount, root: this.driver.state.root });
    }
  }
}
