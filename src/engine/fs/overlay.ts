/**
 * Overlay filesystems as Docker's overlay2 builds them: read-only lower layers and one writable
 * upper layer, each a plain TreeState. Lookups fall through the layers; the first writing touch
 * copies a node (and its parent directories) up; deletes leave whiteouts; a directory made over
 * a whiteout is opaque. Layers are never mutated once they are lowers, so images and containers
 * share them.
 */
import type { DirEntry, Stat } from './types';
import { applyAttrs, createNode, listDir, statNode, writeNode } from './memory';
import { basename, dirname, split } from './path';
import {
  allocNode,
  compareNames,
  contentSize,
  createTree,
  detachEntry,
  dirNode,
  driverError,
  entryNames,
  getEntry,
  linkEntry,
  rootDir,
  sameContent,
  unlinkEntry,
} from './state';
import type { DirNode, FileContent, TreeNode, TreeState } from './state';
import { Namespace, Vfs } from './vfs';
import type { Driver, NewNode, NodeInfo, SetAttrs, VfsOptions } from './vfs';
import { applyEntries } from './builder';
import type { BuildOptions, EntrySpec } from './builder';

/** A layer: a tree of changes (whiteouts and opaque directories allowed). */
export type Layer = TreeState;

/** Plain state of an overlay mount. */
export interface OverlayState {
  /** Bottom first. Never mutated. */
  lowers: Layer[];
  upper: Layer;
}

/**
 * Inode numbers seen through an overlay: `layer index (from the bottom) × INO_SPAN + ino`, kept
 * on copy-up (like overlayfs with xino), so a file keeps its number when it is first written.
 */
export const INO_SPAN = 2 ** 20;

export type ChangeKind = 'A' | 'C' | 'D';
export interface Change {
  kind: ChangeKind;
  path: string;
}
/** What `docker diff` prints, and the size the layer adds (`docker images`, `docker history`). */
export interface LayerDiff {
  changes: Change[];
  size: number;
}

// ---- merged lookups over a stack of layers ----------------------------------------------------

/** Where one merged node lives: layer indices (top first) and the inode in each. */
interface Parts {
  ls: number[];
  inos: number[];
}

function topNode(layers: readonly TreeState[], p: Parts): TreeNode {
  const n = layers[p.ls[0]!]!.nodes[p.inos[0]!];
  if (!n) throw driverError('ENOENT');
  return n;
}

/** The root as merged from layer `top` downwards. */
function rootParts(layers: readonly TreeState[], top: number): Parts {
  const ls: number[] = [];
  const inos: number[] = [];
  for (let i = top; i >= 0; i--) {
    const t = layers[i]!;
    ls.push(i);
    inos.push(t.root);
    if (rootDir(t).opaque) break;
  }
  return { ls, inos };
}

/** Looks `name` up in a merged directory: the topmost hit wins; directories merge downwards. */
function lookupIn(layers: readonly TreeState[], dir: Parts, name: string): Parts | undefined {
  const ls: number[] = [];
  const inos: number[] = [];
  for (let k = 0; k < dir.ls.length; k++) {
    const t = layers[dir.ls[k]!]!;
    const d = t.nodes[dir.inos[k]!];
    if (d?.kind !== 'dir') continue;
    const ino = getEntry(d, name);
    if (ino === undefined) continue;
    const n = t.nodes[ino];
    if (!n || n.kind === 'whiteout') break;
    if (ls.length > 0 && n.kind !== 'dir') break;
    ls.push(dir.ls[k]!);
    inos.push(ino);
    if (n.kind !== 'dir' || n.opaque) break;
  }
  return ls.length > 0 ? { ls, inos } : undefined;
}

function mergedList(layers: readonly TreeState[], dir: Parts): DirEntry[] {
  if (dir.ls.length === 1) return listDir(layers[dir.ls[0]!]!, topNode(layers, dir) as DirNode);
  const seen = new Set<string>();
  const out: DirEntry[] = [];
  for (let k = 0; k < dir.ls.length; k++) {
    const t = layers[dir.ls[k]!]!;
    const d = t.nodes[dir.inos[k]!];
    if (d?.kind !== 'dir') continue;
    for (const name of entryNames(d)) {
      if (seen.has(name)) continue;
      seen.add(name);
      const n = t.nodes[d.entries[name]!];
      if (n && n.kind !== 'whiteout') out.push({ name, kind: n.kind });
    }
  }
  return out.sort((a, b) => compareNames(a.name, b.name));
}

function lowerPartsOf(p: Parts, upper: number): Parts {
  const ls: number[] = [];
  const inos: number[] = [];
  p.ls.forEach((l, k) => {
    if (l !== upper) {
      ls.push(l);
      inos.push(p.inos[k]!);
    }
  });
  return { ls, inos };
}

function childPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function composedIno(layerIndex: number, n: TreeNode): number {
  return n.origin ?? layerIndex * INO_SPAN + n.ino;
}

/** A copy of a node's own data for another tree (file bytes shared), without links. */
function copyNodeData(n: TreeNode, origin: number | undefined): Parameters<typeof allocNode>[1] {
  const meta = { mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime, ...(origin !== undefined ? { origin } : {}) };
  switch (n.kind) {
    case 'file':
      return { kind: 'file', ...meta, data: n.data, ...(n.synthetic ? { synthetic: { ...n.synthetic } } : {}) };
    case 'dir':
      return { kind: 'dir', ...meta, entries: {} };
    case 'symlink':
      return { kind: 'symlink', ...meta, target: n.target };
    case 'whiteout':
      return { kind: 'whiteout', ...meta };
  }
}

/** An empty upper layer whose `/` carries the metadata of the top lower's `/`. */
export function emptyUpper(lowers: readonly Layer[]): Layer {
  const top = lowers[lowers.length - 1];
  if (!top) return createTree();
  const r = rootDir(top);
  const tree = createTree({ mode: r.mode, uid: r.uid, gid: r.gid, mtime: r.mtime });
  rootDir(tree).origin = composedIno(lowers.length - 1, r);
  return tree;
}

// ---- the driver -------------------------------------------------------------------------------

/** Handle: a merged node by path, re-resolved when the layers changed since it was made. */
export interface OverlayHandle extends Parts {
  path: string;
  gen: number;
}

export class OverlayDriver implements Driver<OverlayHandle> {
  private gen = 0;
  private layers: TreeState[];

  constructor(private readonly current: OverlayState) {
    this.layers = [...current.lowers, current.upper];
  }

  get state(): OverlayState {
    return this.current;
  }

  /** Call after replacing `state.lowers` or `state.upper` (commit, restore): handles re-resolve. */
  changed(): void {
    this.layers = [...this.current.lowers, this.current.upper];
    this.gen++;
  }

  private get upperIndex(): number {
    return this.layers.length - 1;
  }

  private get upper(): TreeState {
    return this.current.upper;
  }

  private fresh(h: OverlayHandle): OverlayHandle {
    if (h.gen === this.gen) return h;
    const p = this.resolve(h.path);
    if (!p) throw driverError('ENOENT');
    h.ls = p.ls;
    h.inos = p.inos;
    h.gen = this.gen;
    return h;
  }

  private resolve(path: string): Parts | undefined {
    let p: Parts | undefined = rootParts(this.layers, this.upperIndex);
    for (const name of split(path)) {
      if (topNode(this.layers, p).kind !== 'dir') return undefined;
      p = lookupIn(this.layers, p, name);
      if (!p) return undefined;
    }
    return p;
  }

  private top(h: OverlayHandle): TreeNode {
    const n = topNode(this.layers, this.fresh(h));
    if (n.kind === 'whiteout') throw driverError('ENOENT');
    return n;
  }

  root(): OverlayHandle {
    return { path: '/', ...rootParts(this.layers, this.upperIndex), gen: this.gen };
  }

  info(h: OverlayHandle): NodeInfo {
    return this.top(h) as NodeInfo;
  }

  stat(h: OverlayHandle): Stat {
    const n = this.top(h);
    const st = statNode(n, composedIno(h.ls[0]!, n));
    if (n.kind === 'dir' && h.ls.length > 1) {
      st.nlink = 2 + mergedList(this.layers, h).filter((e) => e.kind === 'dir').length;
    }
    return st;
  }

  lookup(dir: OverlayHandle, name: string): OverlayHandle | undefined {
    const d = this.fresh(dir);
    const p = lookupIn(this.layers, d, name);
    return p ? { path: childPath(d.path, name), ...p, gen: this.gen } : undefined;
  }

  list(dir: OverlayHandle): DirEntry[] {
    if (this.top(dir).kind !== 'dir') throw driverError('ENOTDIR');
    return mergedList(this.layers, dir);
  }

  isEmpty(dir: OverlayHandle): boolean {
    return this.list(dir).length === 0;
  }

  readlink(h: OverlayHandle): string {
    const n = this.top(h);
    if (n.kind !== 'symlink') throw driverError('EINVAL');
    return n.target;
  }

  content(h: OverlayHandle): FileContent {
    const n = this.top(h);
    if (n.kind !== 'file') throw driverError(n.kind === 'dir' ? 'EISDIR' : 'EINVAL');
    return n;
  }

  write(h: OverlayHandle, content: FileContent, append: boolean, mtime: number): void {
    const n = this.upper.nodes[this.copyUp(h)]!;
    if (n.kind !== 'file') throw driverError('EINVAL');
    writeNode(n, content, append, mtime);
  }

  create(dir: OverlayHandle, name: string, spec: NewNode): OverlayHandle {
    const path = this.fresh(dir).path;
    const up = this.upperDir(path);
    const existing = getEntry(up, name);
    const overWhiteout = existing !== undefined && this.upper.nodes[existing]?.kind === 'whiteout';
    const ino = createNode(this.upper, up, name, spec);
    const n = this.upper.nodes[ino]!;
    if (n.kind === 'dir' && overWhiteout) n.opaque = true;
    this.gen++;
    return { path: childPath(path, name), ls: [this.upperIndex], inos: [ino], gen: this.gen };
  }

  link(dir: OverlayHandle, name: string, target: OverlayHandle, mtime: number): void {
    const path = this.fresh(dir).path;
    const ino = this.copyUp(target);
    const up = this.upperDir(path);
    if (getEntry(up, name) !== undefined) unlinkEntry(this.upper, up, name);
    linkEntry(this.upper, up, name, ino);
    up.mtime = mtime;
    this.gen++;
  }

  remove(dir: OverlayHandle, name: string, mtime: number): void {
    const path = this.fresh(dir).path;
    const inLower = this.lowerHas(dir, name);
    const up = this.upperDir(path);
    if (getEntry(up, name) !== undefined) unlinkEntry(this.upper, up, name);
    if (inLower) this.whiteout(up, name);
    up.mtime = mtime;
    this.gen++;
  }

  rename(srcDir: OverlayHandle, srcName: string, dstDir: OverlayHandle, dstName: string, mtime: number): void {
    const srcPath = this.fresh(srcDir).path;
    const dstPath = this.fresh(dstDir).path;
    if (srcPath === dstPath && srcName === dstName) return;
    const src = this.lookup(srcDir, srcName);
    if (!src) throw driverError('ENOENT');
    const srcInLower = this.lowerHas(srcDir, srcName);
    const dstInLower = this.lowerHas(dstDir, dstName);
    const merged = src.ls.some((l) => l !== this.upperIndex);
    let ino: number;
    if (topNode(this.layers, src).kind === 'dir' && merged) {
      // overlay2 without redirect_dir answers EXDEV here and mv copies; we do the copy ourselves.
      ino = this.materialize(src);
      const sUp = this.upperDir(srcPath);
      if (getEntry(sUp, srcName) !== undefined) unlinkEntry(this.upper, sUp, srcName);
    } else {
      ino = this.copyUp(src);
      detachEntry(this.upper, this.upperDir(srcPath), srcName);
    }
    const dUp = this.upperDir(dstPath);
    const existing = getEntry(dUp, dstName);
    if (existing !== ino) {
      if (existing !== undefined) unlinkEntry(this.upper, dUp, dstName);
      linkEntry(this.upper, dUp, dstName, ino);
    }
    const moved = this.upper.nodes[ino]!;
    if (moved.kind === 'dir' && dstInLower) moved.opaque = true;
    const sUp = this.upperDir(srcPath);
    if (srcInLower) this.whiteout(sUp, srcName);
    sUp.mtime = mtime;
    dUp.mtime = mtime;
    this.gen++;
  }

  setattr(h: OverlayHandle, attrs: SetAttrs): void {
    applyAttrs(this.upper.nodes[this.copyUp(h)]!, attrs);
  }

  /** Same node: same path, or the same inode of the same layer (hard links). */
  same(a: OverlayHandle, b: OverlayHandle): boolean {
    if (a.path === b.path) return true;
    const x = this.fresh(a);
    const y = this.fresh(b);
    return x.ls[0] === y.ls[0] && x.inos[0] === y.inos[0];
  }

  // ---- copy-up ---------------------------------------------------------------------------------

  private whiteout(dir: DirNode, name: string): void {
    const ino = allocNode(this.upper, { kind: 'whiteout', mode: 0, uid: 0, gid: 0, mtime: dir.mtime });
    linkEntry(this.upper, dir, name, ino);
  }

  /** Whether a lower layer shows `name` in `dir` (so removing it from the merge needs a whiteout). */
  private lowerHas(dir: OverlayHandle, name: string): boolean {
    const d = this.fresh(dir);
    const lower = lowerPartsOf(d, this.upperIndex);
    return lower.ls.length > 0 && lookupIn(this.layers, lower, name) !== undefined;
  }

  /** The upper directory at `path`, copying it (and its parents) up from the lowers if needed. */
  private upperDir(path: string): DirNode {
    const upper = this.upper;
    let dir = rootDir(upper);
    let lower: Parts | undefined = dir.opaque ? undefined : rootParts(this.layers, this.upperIndex - 1);
    if (lower && lower.ls.length === 0) lower = undefined;
    for (const name of split(path)) {
      const low = lower ? lookupIn(this.layers, lower, name) : undefined;
      const lowDir = low && topNode(this.layers, low).kind === 'dir' ? low : undefined;
      const ino = getEntry(dir, name);
      if (ino !== undefined) {
        const n = upper.nodes[ino];
        if (n?.kind !== 'dir') throw driverError('ENOENT');
        dir = n;
        lower = n.opaque ? undefined : lowDir;
        continue;
      }
      if (!lowDir) throw driverError('ENOENT');
      const src = topNode(this.layers, lowDir);
      const created = allocNode(upper, copyNodeData(src, composedIno(lowDir.ls[0]!, src)));
      linkEntry(upper, dir, name, created);
      dir = upper.nodes[created] as DirNode;
      lower = lowDir;
      this.gen++;
    }
    return dir;
  }

  /** The node's inode in the upper layer, copying it up first if it lives below. */
  private copyUp(h: OverlayHandle): number {
    const p = this.fresh(h);
    if (p.ls[0] === this.upperIndex) return p.inos[0]!;
    const n = topNode(this.layers, p);
    if (n.kind === 'dir') return this.upperDir(p.path).ino;
    const parent: DirNode = this.upperDir(dirname(p.path));
    const name = basename(p.path);
    const ino = allocNode(this.upper, copyNodeData(n, composedIno(p.ls[0]!, n)));
    if (getEntry(parent, name) !== undefined) unlinkEntry(this.upper, parent, name);
    linkEntry(this.upper, parent, name, ino);
    this.gen++;
    return ino;
  }

  /**
   * A detached upper copy of a merged directory (opaque): lower nodes are copied, upper nodes
   * are moved over as they are (keeping their inode numbers and hard links). The old upper part
   * is left for the caller to unlink.
   */
  private materialize(h: OverlayHandle): number {
    const n = topNode(this.layers, h);
    const ino = allocNode(this.upper, copyNodeData(n, composedIno(h.ls[0]!, n)));
    const copy = this.upper.nodes[ino] as DirNode;
    copy.opaque = true;
    const U = this.upperIndex;
    const oldUpper = h.ls[0] === U ? (this.upper.nodes[h.inos[0]!] as DirNode) : undefined;
    for (const e of mergedList(this.layers, h)) {
      const child = lookupIn(this.layers, h, e.name)!;
      const cn = topNode(this.layers, child);
      let c: number;
      if (child.ls[0] === U && cn.kind !== 'dir') {
        c = child.inos[0]!;
      } else if (child.ls[0] === U && child.ls.length === 1 && oldUpper) {
        c = detachEntry(this.upper, oldUpper, e.name)!;
      } else if (cn.kind === 'dir') {
        c = this.materialize({ path: childPath(h.path, e.name), ...child, gen: this.gen });
        delete (this.upper.nodes[c] as DirNode).opaque;
      } else {
        c = allocNode(this.upper, copyNodeData(cn, composedIno(child.ls[0]!, cn)));
      }
      linkEntry(this.upper, copy, e.name, c);
    }
    return ino;
  }
}

// ---- the filesystem ---------------------------------------------------------------------------

export interface OverlayFsOptions extends VfsOptions {
  /** An existing upper layer (a stopped container's changes). Default: empty. */
  upper?: Layer;
  /** Every write fails with EROFS (`docker run --read-only`). */
  readOnly?: boolean;
}

/** A container's root filesystem: image layers below, its own changes above. */
export class OverlayFs extends Vfs {
  private readonly driver: OverlayDriver;

  /** `lowers` bottom first (the base image's first layer at index 0). */
  constructor(lowers: readonly Layer[], options: OverlayFsOptions = {}) {
    const driver = new OverlayDriver({ lowers: [...lowers], upper: options.upper ?? emptyUpper(lowers) });
    super(new Namespace({ driver, root: driver.root(), readOnly: options.readOnly ?? false }), options);
    this.driver = driver;
  }

  /** An OverlayFs over a copy of `snapshot`. */
  static fromSnapshot(snapshot: OverlayState, options: Omit<OverlayFsOptions, 'upper'> = {}): OverlayFs {
    const s = structuredClone(snapshot);
    return new OverlayFs(s.lowers, { ...options, upper: s.upper });
  }

  /** The live state (plain data). Commit and restore update it in place. */
  get state(): OverlayState {
    return this.driver.state;
  }

  get lowers(): readonly Layer[] {
    return this.driver.state.lowers;
  }

  get upper(): Layer {
    return this.driver.state.upper;
  }

  /** `docker diff`: the upper layer's changes against the lowers, and the bytes it adds. */
  diff(): LayerDiff {
    return layerChanges(this.lowers, this.upper);
  }

  /**
   * `docker commit` / the end of a build step: the upper layer becomes a read-only lower and
   * a fresh upper takes its place. Returns the committed layer.
   */
  commit(): Layer {
    const state = this.driver.state;
    const layer = state.upper;
    state.lowers = [...state.lowers, layer];
    state.upper = emptyUpper(state.lowers);
    this.driver.changed();
    return layer;
  }

  /** The merged tree as one plain tree (`docker export`). */
  flatten(): TreeState {
    return flattenLayers([...this.lowers, this.upper]);
  }

  snapshot(): OverlayState {
    return structuredClone(this.driver.state);
  }

  /** Replaces the layers with a copy of `snapshot`, for this view and every other. */
  restore(snapshot: OverlayState): void {
    const copy = structuredClone(snapshot);
    this.driver.state.lowers = copy.lowers;
    this.driver.state.upper = copy.upper;
    this.driver.changed();
  }
}

// ---- layer functions --------------------------------------------------------------------------

/** A layer from a flat entry list (paths, kinds, whiteouts, opaque dirs). */
export function layerFromEntries(entries: readonly EntrySpec[], options: BuildOptions = {}): Layer {
  return applyEntries(createTree({ uid: options.uid, gid: options.gid, mtime: options.mtime }), entries, options);
}

/** Bytes a layer adds: the sizes of its regular files (hard links counted once). */
export function layerSize(layer: Layer): number {
  let size = 0;
  for (const n of Object.values(layer.nodes)) if (n.kind === 'file') size += contentSize(n);
  return size;
}

/** The changes a layer makes over the layers below it (`docker diff` order: by path). */
export function layerChanges(lowers: readonly Layer[], upper: Layer): LayerDiff {
  const layers = [...lowers, upper];
  const changes: Change[] = [];
  const walk = (dir: DirNode, lower: Parts | undefined, path: string): void => {
    for (const name of entryNames(dir)) {
      const n = upper.nodes[dir.entries[name]!];
      if (!n) continue;
      const p = childPath(path, name);
      const low = lower ? lookupIn(layers, lower, name) : undefined;
      if (n.kind === 'whiteout') {
        if (low) changes.push({ kind: 'D', path: p });
        continue;
      }
      if (n.kind !== 'dir') {
        changes.push({ kind: low ? 'C' : 'A', path: p });
        continue;
      }
      if (low && topNode(layers, low).kind === 'dir') {
        changes.push({ kind: 'C', path: p });
        if (n.opaque) {
          for (const e of mergedList(layers, low)) {
            if (getEntry(n, e.name) === undefined) changes.push({ kind: 'D', path: childPath(p, e.name) });
          }
        }
        walk(n, n.opaque ? undefined : low, p);
      } else {
        changes.push({ kind: low ? 'C' : 'A', path: p });
        walk(n, undefined, p);
      }
    }
  };
  const root = rootDir(upper);
  const lowerRoot = lowers.length > 0 && !root.opaque ? rootParts(layers, lowers.length - 1) : undefined;
  walk(root, lowerRoot, '/');
  changes.sort((a, b) => compareNames(a.path, b.path));
  return { changes, size: layerSize(upper) };
}

function sameMeta(a: TreeNode, b: TreeNode): boolean {
  return a.mode === b.mode && a.uid === b.uid && a.gid === b.gid && a.mtime === b.mtime;
}

function sameNode(a: TreeNode, b: TreeNode): boolean {
  if (a.kind !== b.kind || !sameMeta(a, b)) return false;
  if (a.kind !== 'dir' && a.nlink !== b.nlink) return false;
  if (a.kind === 'file' && b.kind === 'file') return sameContent(a, b);
  if (a.kind === 'symlink' && b.kind === 'symlink') return a.target === b.target;
  return true;
}

/** Deep-copies `ino` of `from` into `to` (bytes shared), returning the new (unlinked) ino. */
function copySubtree(from: TreeState, ino: number, to: TreeState, links: Map<number, number>): number {
  const n = from.nodes[ino]!;
  if (n.kind !== 'dir') {
    const known = links.get(ino);
    if (known !== undefined) return known;
    const copy = allocNode(to, copyNodeData(n, undefined));
    links.set(ino, copy);
    return copy;
  }
  const copy = allocNode(to, { ...copyNodeData(n, undefined), ...(n.opaque ? { opaque: true } : {}) });
  const d = to.nodes[copy] as DirNode;
  for (const name of entryNames(n)) {
    linkEntry(to, d, name, copySubtree(from, n.entries[name]!, to, links));
  }
  return copy;
}

/**
 * The layer that turns `before` into `after` (two plain trees, e.g. a MemoryFs before and after
 * a build step): added and changed nodes, parents of changes, whiteouts for deletions.
 */
export function layerFromDiff(before: TreeState, after: TreeState): Layer {
  const ar = rootDir(after);
  const layer = createTree({ mode: ar.mode, uid: ar.uid, gid: ar.gid, mtime: ar.mtime });
  const links = new Map<number, number>();
  const diffDir = (b: DirNode, a: DirNode, out: DirNode): boolean => {
    let changed = false;
    for (const name of entryNames(a)) {
      const ai = a.entries[name]!;
      const an = after.nodes[ai];
      if (!an || an.kind === 'whiteout') continue;
      const bi = getEntry(b, name);
      const bn = bi === undefined ? undefined : before.nodes[bi];
      if (an.kind === 'dir' && bn?.kind === 'dir') {
        const ino = allocNode(layer, copyNodeData(an, undefined));
        const sub = layer.nodes[ino] as DirNode;
        linkEntry(layer, out, name, ino);
        if (diffDir(bn, an, sub) || !sameMeta(an, bn)) changed = true;
        else unlinkEntry(layer, out, name);
        continue;
      }
      if (bn && bn.kind !== 'whiteout' && sameNode(an, bn)) continue;
      linkEntry(layer, out, name, copySubtree(after, ai, layer, links));
      changed = true;
    }
    for (const name of entryNames(b)) {
      if (getEntry(a, name) !== undefined) continue;
      const bn = before.nodes[b.entries[name]!];
      if (!bn || bn.kind === 'whiteout') continue;
      linkEntry(layer, out, name, allocNode(layer, { kind: 'whiteout', mode: 0, uid: 0, gid: 0, mtime: a.mtime }));
      changed = true;
    }
    return changed;
  };
  diffDir(rootDir(before), ar, rootDir(layer));
  return layer;
}

/** Applies one layer onto a plain tree in place (whiteouts delete, opaque dirs empty first). */
export function applyLayer(target: TreeState, layer: Layer): TreeState {
  const links = new Map<number, number>();
  const apply = (t: DirNode, l: DirNode): void => {
    if (l.opaque) for (const name of entryNames(t)) unlinkEntry(target, t, name);
    for (const name of entryNames(l)) {
      const li = l.entries[name]!;
      const ln = layer.nodes[li];
      if (!ln) continue;
      const ti = getEntry(t, name);
      if (ln.kind === 'whiteout') {
        if (ti !== undefined) unlinkEntry(target, t, name);
        continue;
      }
      if (ln.kind === 'dir') {
        const existing = ti === undefined ? undefined : dirNode(target, ti);
        if (existing) {
          setMeta(existing, ln);
          apply(existing, ln);
          continue;
        }
        if (ti !== undefined) unlinkEntry(target, t, name);
        const ino = allocNode(target, copyNodeData(ln, undefined));
        linkEntry(target, t, name, ino);
        apply(target.nodes[ino] as DirNode, ln);
        continue;
      }
      if (ti !== undefined) unlinkEntry(target, t, name);
      let ino = links.get(li);
      if (ino === undefined) {
        ino = allocNode(target, copyNodeData(ln, undefined));
        links.set(li, ino);
      }
      linkEntry(target, t, name, ino);
    }
  };
  const root = rootDir(target);
  const lroot = rootDir(layer);
  setMeta(root, lroot);
  apply(root, lroot);
  return target;
}

function setMeta(t: TreeNode, from: TreeNode): void {
  t.mode = from.mode;
  t.uid = from.uid;
  t.gid = from.gid;
  t.mtime = from.mtime;
}

/** One plain tree from layers (bottom first): what the overlay of them shows. */
export function flattenLayers(layers: readonly Layer[]): TreeState {
  const tree = createTree();
  for (const layer of layers) applyLayer(tree, layer);
  return tree;
}
