/**
 * The path layer shared by every filesystem of this room: a mount namespace (one or more
 * drivers attached at absolute paths) walked component by component, with symlinks, `..`,
 * permission checks against the caller's credentials, read-only mounts and the exact POSIX error
 * for each failure. Drivers (memory, overlay, adapters) only store and fetch nodes; everything a
 * kernel's VFS would check lives here, once.
 */
import { FsError } from './types';
import type { Credentials, DirEntry, FileSystemView, FsErrorCode, NodeKind, Stat } from './types';
import { basename, split } from './path';
import { EMPTY_BYTES, decodeText, encodeText, readRange, seedFrom } from './state';
import type { FileContent } from './state';

/** uid 0: bypasses read/write permission checks, like the kernel (CAP_DAC_OVERRIDE). */
export const ROOT: Credentials = Object.freeze({ uid: 0, gid: 0 });

export const DEFAULT_UMASK = 0o022;
/** Symlinks resolved per lookup before ELOOP (Linux MAXSYMLINKS). */
export const MAX_SYMLINKS = 40;

/** The cheap part of a node's metadata, used at every step of a lookup. */
export interface NodeInfo {
  kind: NodeKind;
  mode: number;
  uid: number;
  gid: number;
}

interface NewNodeBase {
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
}
export type NewNode =
  | (NewNodeBase & { kind: 'file'; content: FileContent })
  | (NewNodeBase & { kind: 'dir' })
  | (NewNodeBase & { kind: 'symlink'; target: string });

export interface SetAttrs {
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
}

/**
 * Storage behind a mount. `H` is the driver's handle for a node (an inode number, a merged
 * overlay entry, a path). The Vfs has checked existence, kinds, emptiness and permissions
 * before calling a mutating method; drivers throw FsError (path left empty) only for stale
 * handles or what only they can know.
 */
export interface Driver<H = unknown> {
  root(): H;
  info(h: H): NodeInfo;
  stat(h: H): Stat;
  lookup(dir: H, name: string): H | undefined;
  /** Entries without `.` and `..`, sorted by name (byte order). */
  list(dir: H): DirEntry[];
  isEmpty(dir: H): boolean;
  readlink(h: H): string;
  /** The file's content as stored (shared: do not mutate). */
  content(h: H): FileContent;
  write(h: H, content: FileContent, append: boolean, mtime: number): void;
  /** Creates `name` in `dir` (free) and sets the directory's mtime to `node.mtime`. */
  create(dir: H, name: string, node: NewNode): H;
  link(dir: H, name: string, target: H, mtime: number): void;
  /** Removes `name` (a non-directory, or an empty directory). */
  remove(dir: H, name: string, mtime: number): void;
  /** Moves the entry, replacing a destination the Vfs has validated (an empty dir or a non-dir). */
  rename(srcDir: H, srcName: string, dstDir: H, dstName: string, mtime: number): void;
  setattr(h: H, attrs: SetAttrs): void;
  same(a: H, b: H): boolean;
}

/** A driver subtree attached at an absolute path of a namespace. */
export interface Mount {
  readonly path: string;
  readonly driver: Driver;
  readonly root: unknown;
  readonly readOnly: boolean;
}

/** What a bind mount attaches: a driver and the handle of the subtree's top. */
export interface MountSource {
  driver: Driver;
  root: unknown;
  readOnly: boolean;
}

/** The mount table shared by every credential view of one filesystem. */
export class Namespace {
  readonly mounts = new Map<string, Mount>();
  constructor(root: MountSource) {
    this.mounts.set('/', { path: '/', ...root });
  }
  get root(): Mount {
    return this.mounts.get('/')!;
  }
}

export interface VfsOptions {
  /** Who is asking (default root). */
  cred?: Credentials;
  /** Applied to the mode of created files and directories (default 022). */
  umask?: number;
  /** Simulated milliseconds for mtimes. */
  clock?: () => number;
}

export interface WriteOptions {
  mode?: number;
  append?: boolean;
}

interface Loc {
  m: Mount;
  h: unknown;
  /** Physical path in the namespace (every symlink resolved). */
  path: string;
}

type LastType = 'norm' | 'dot' | 'dotdot' | 'root';

interface Resolved {
  /** Directories from `/` down to the parent of the final component (empty for `/`). */
  parents: Loc[];
  /** The final component (after symlinks, when they were followed). */
  name: string;
  node: Loc | undefined;
  /** What the last component of the path as given was, lexically. */
  last: LastType;
  /** The path as given ended with `/`. */
  slash: boolean;
}

/** follow: resolve a final symlink; lstat: only with a trailing slash; parent: never. */
type FinalMode = 'follow' | 'lstat' | 'parent';

function fail(code: FsErrorCode, path = ''): FsError {
  return new FsError(code, path, '');
}

/** The permission bits that apply to `cred` for a node, as `generic_permission` picks them. */
export function permits(cred: Credentials, info: NodeInfo, want: number): boolean {
  if (want === 0) return true;
  if (cred.uid === 0) {
    if (want & 1) return info.kind === 'dir' || (info.mode & 0o111) !== 0;
    return true;
  }
  let bits: number;
  if (cred.uid === info.uid) bits = (info.mode >> 6) & 7;
  else if (cred.gid === info.gid || (cred.groups?.includes(info.gid) ?? false)) bits = (info.mode >> 3) & 7;
  else bits = info.mode & 7;
  return (bits & want) === want;
}

function inGroup(cred: Credentials, gid: number): boolean {
  return cred.gid === gid || (cred.groups?.includes(gid) ?? false);
}

function childPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function isWithinPath(ancestor: string, path: string): boolean {
  return ancestor === '/' || path === ancestor || path.startsWith(`${ancestor}/`);
}

function toContent(data: Uint8Array | string): FileContent {
  return { data: typeof data === 'string' ? encodeText(data) : data.slice() };
}

/**
 * A FileSystem over a mount namespace, seen with one set of credentials. `as(cred)` gives
 * another view of the same data (and the same mounts): the host shell uses `fs.as(student)`,
 * a container `fs.as(ROOT)`.
 */
export class Vfs implements FileSystemView {
  readonly cred: Credentials;
  readonly umask: number;
  readonly clock: () => number;

  constructor(
    protected readonly ns: Namespace,
    options: VfsOptions = {},
  ) {
    this.cred = options.cred ?? ROOT;
    this.umask = options.umask ?? DEFAULT_UMASK;
    this.clock = options.clock ?? (() => 0);
  }

  /** The same filesystem seen by `cred` (and optionally with another umask). */
  as(cred: Credentials, options: { umask?: number } = {}): this {
    const view = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.assign(view, this, { cred, umask: options.umask ?? this.umask });
    return view;
  }

  /** The same filesystem with another umask. */
  withUmask(umask: number): this {
    return this.as(this.cred, { umask });
  }

  /** What a bind mount of `path` (resolved as root, symlinks followed) attaches elsewhere. */
  mountSource(path = '/'): MountSource {
    return this.op('mount', path, () => {
      const r = this.asRoot().walk(path, 'follow');
      if (!r.node) throw fail('ENOENT');
      return { driver: r.node.m.driver, root: r.node.h, readOnly: r.node.m.readOnly };
    });
  }

  // ---- reading -------------------------------------------------------------------------------

  stat(path: string): Stat {
    return this.op('stat', path, () => this.statLoc(this.existing(path, 'follow')));
  }

  lstat(path: string): Stat {
    return this.op('lstat', path, () => this.statLoc(this.existing(path, 'lstat')));
  }

  exists(path: string): boolean {
    try {
      this.stat(path);
      return true;
    } catch (e) {
      if (e instanceof FsError) return false;
      throw e;
    }
  }

  readFile(path: string): Uint8Array {
    return this.op('open', path, () => {
      const loc = this.readable(path);
      return readRange(loc.m.driver.content(loc.h));
    });
  }

  readText(path: string): string {
    return decodeText(this.readFile(path));
  }

  /** Up to `length` bytes from `offset` (synthetic files never materialise beyond that). */
  read(path: string, offset: number, length: number): Uint8Array {
    return this.op('read', path, () => {
      const loc = this.readable(path);
      return readRange(loc.m.driver.content(loc.h), offset, length);
    });
  }

  /**
   * The stored content (filler description + bytes), for copying a file without materialising
   * a synthetic one (cp, docker cp, COPY). The bytes are shared: do not mutate them.
   */
  readContent(path: string): FileContent {
    return this.op('open', path, () => {
      const loc = this.readable(path);
      const c = loc.m.driver.content(loc.h);
      return c.synthetic ? { data: c.data, synthetic: { ...c.synthetic } } : { data: c.data };
    });
  }

  readdir(path: string): DirEntry[] {
    return this.op('scandir', path, () => {
      const loc = this.existing(path, 'follow');
      const info = this.info(loc);
      if (info.kind !== 'dir') throw fail('ENOTDIR');
      if (!permits(this.cred, info, 4)) throw fail('EACCES');
      const entries = loc.m.driver.list(loc.h);
      if (this.ns.mounts.size === 1) return entries;
      return entries.map((e) => {
        const m = this.ns.mounts.get(childPath(loc.path, e.name));
        return m ? { name: e.name, kind: m.driver.info(m.root).kind } : e;
      });
    });
  }

  readlink(path: string): string {
    return this.op('readlink', path, () => {
      const loc = this.existing(path, 'lstat');
      if (this.info(loc).kind !== 'symlink') throw fail('EINVAL');
      return loc.m.driver.readlink(loc.h);
    });
  }

  realpath(path: string): string {
    return this.op('realpath', path, () => this.existing(path, 'follow').path);
  }

  access(path: string, mode: number): boolean {
    try {
      const loc = this.existing(path, 'follow');
      if (mode & 2 && loc.m.readOnly) return false;
      return permits(this.cred, this.info(loc), mode & 7);
    } catch (e) {
      if (e instanceof FsError) return false;
      throw e;
    }
  }

  // ---- writing -------------------------------------------------------------------------------

  writeFile(path: string, data: Uint8Array | string, options: WriteOptions = {}): void {
    this.op('open', path, () => this.writeContentAt(path, toContent(data), options));
  }

  /**
   * Writes stored content as is (see readContent); `synthetic` makes a file of declared size
   * without storing its bytes. Appending to a synthetic file keeps its filler.
   */
  writeContent(path: string, content: FileContent, options: WriteOptions = {}): void {
    this.op('open', path, () => this.writeContentAt(path, content, options));
  }

  /** A file of `size` filler bytes that takes no memory (model weights, big shared libraries). */
  writeSynthetic(path: string, size: number, options: { mode?: number; seed?: number } = {}): void {
    const content: FileContent = { data: EMPTY_BYTES, synthetic: { size, seed: options.seed ?? seedFrom(path) } };
    this.op('open', path, () => this.writeContentAt(path, content, { mode: options.mode }));
  }

  mkdir(path: string, options: { recursive?: boolean; mode?: number } = {}): void {
    if (!options.recursive) {
      this.op('mkdir', path, () => this.mkdirOne(path, options.mode));
      return;
    }
    const parts = split(path);
    let prefix = path.startsWith('/') ? '' : '.';
    parts.forEach((part, i) => {
      prefix += `/${part}`;
      const last = i === parts.length - 1;
      this.op('mkdir', prefix, () => {
        const r = this.walk(prefix, 'follow');
        if (r.node) {
          if (this.info(r.node).kind === 'dir') return;
          throw fail(last ? 'EEXIST' : 'ENOTDIR');
        }
        this.mkdirOne(prefix, last ? options.mode : undefined);
      });
    });
  }

  unlink(path: string): void {
    this.op('unlink', path, () => {
      const r = this.walk(path, 'parent');
      if (r.last !== 'norm') throw fail('EISDIR');
      const parent = r.parents[r.parents.length - 1]!;
      if (parent.m.readOnly) throw fail('EROFS');
      if (!r.node) throw fail('ENOENT');
      const info = this.info(r.node);
      if (r.slash) throw fail(info.kind === 'dir' ? 'EISDIR' : 'ENOTDIR');
      this.mayDelete(parent, info);
      if (info.kind === 'dir') throw fail('EISDIR');
      if (this.isMountRoot(r.node)) throw fail('EBUSY');
      parent.m.driver.remove(parent.h, r.name, this.clock());
    });
  }

  rmdir(path: string): void {
    this.op('rmdir', path, () => {
      const r = this.walk(path, 'parent');
      if (r.last === 'dot') throw fail('EINVAL');
      if (r.last === 'dotdot') throw fail('ENOTEMPTY');
      if (r.last === 'root') throw fail('EBUSY');
      const parent = r.parents[r.parents.length - 1]!;
      if (parent.m.readOnly) throw fail('EROFS');
      if (!r.node) throw fail('ENOENT');
      const info = this.info(r.node);
      this.mayDelete(parent, info);
      if (info.kind !== 'dir') throw fail('ENOTDIR');
      if (this.isMountRoot(r.node)) throw fail('EBUSY');
      if (!r.node.m.driver.isEmpty(r.node.h)) throw fail('ENOTEMPTY');
      parent.m.driver.remove(parent.h, r.name, this.clock());
    });
  }

  rename(from: string, to: string): void {
    this.op('rename', from, () => {
      const a = this.walk(from, 'parent');
      const b = this.withPath(to, () => this.walk(to, 'parent'));
      if (a.last !== 'norm') throw fail('EBUSY');
      if (b.last !== 'norm') throw fail('EBUSY', to);
      const pa = a.parents[a.parents.length - 1]!;
      const pb = b.parents[b.parents.length - 1]!;
      if (pa.m !== pb.m) throw fail('EXDEV');
      if (pa.m.readOnly) throw fail('EROFS');
      if (!a.node) throw fail('ENOENT');
      const sa = this.info(a.node);
      if (sa.kind !== 'dir' && (a.slash || b.slash)) throw fail('ENOTDIR', a.slash ? from : to);
      const target = b.node ? b.node.path : childPath(pb.path, b.name);
      if (isWithinPath(a.node.path, pb.path)) throw fail('EINVAL');
      if (b.node && isWithinPath(b.node.path, pa.path)) throw fail('ENOTEMPTY', to);
      if (b.node && b.node.m === a.node.m && a.node.m.driver.same(a.node.h, b.node.h)) return;
      this.mayDelete(pa, sa);
      let sb: NodeInfo | undefined;
      if (b.node) {
        sb = this.info(b.node);
        this.withPath(to, () => this.mayDelete(pb, sb!));
        if (sa.kind === 'dir' && sb.kind !== 'dir') throw fail('ENOTDIR', to);
        if (sa.kind !== 'dir' && sb.kind === 'dir') throw fail('EISDIR', to);
      } else if (!permits(this.cred, this.info(pb), 3)) {
        throw fail('EACCES', to);
      }
      if (sa.kind === 'dir' && pa.path !== pb.path && !permits(this.cred, sa, 2)) throw fail('EACCES');
      if (this.isMountRoot(a.node)) throw fail('EBUSY');
      if (b.node && this.isMountRoot(b.node)) throw fail('EBUSY', to);
      if (this.ns.mounts.size > 1 && sa.kind === 'dir') {
        for (const p of this.ns.mounts.keys()) {
          if (p !== '/' && (isWithinPath(a.node.path, p) || isWithinPath(target, p))) throw fail('EBUSY');
        }
      }
      if (b.node && sb!.kind === 'dir' && !b.node.m.driver.isEmpty(b.node.h)) throw fail('ENOTEMPTY', to);
      pa.m.driver.rename(pa.h, a.name, pb.h, b.name, this.clock());
    });
  }

  symlink(target: string, path: string): void {
    this.op('symlink', path, () => {
      const parent = this.creatable(path, false);
      if (target === '') throw fail('ENOENT');
      parent.loc.m.driver.create(parent.loc.h, parent.name, {
        kind: 'symlink',
        target,
        mode: 0o777,
        ...this.owner(parent.loc),
        mtime: this.clock(),
      });
    });
  }

  /** A hard link: `newPath` names the same node as `existing` (not a directory). */
  link(existing: string, newPath: string): void {
    this.op('link', existing, () => {
      const src = this.existing(existing, 'lstat');
      const info = this.info(src);
      const dst = this.withPath(newPath, () => this.walk(newPath, 'parent'));
      if (dst.last !== 'norm' || dst.node) throw fail('EEXIST', newPath);
      if (dst.slash) throw fail('ENOENT', newPath);
      const parent = dst.parents[dst.parents.length - 1]!;
      if (parent.m !== src.m) throw fail('EXDEV', newPath);
      if (parent.m.readOnly) throw fail('EROFS', newPath);
      if (!permits(this.cred, this.info(parent), 3)) throw fail('EACCES', newPath);
      if (info.kind === 'dir') throw fail('EPERM');
      parent.m.driver.link(parent.h, dst.name, src.h, this.clock());
    });
  }

  chmod(path: string, mode: number): void {
    this.op('chmod', path, () => {
      const loc = this.existing(path, 'follow');
      if (loc.m.readOnly) throw fail('EROFS');
      const info = this.info(loc);
      if (this.cred.uid !== 0 && this.cred.uid !== info.uid) throw fail('EPERM');
      let m = mode & 0o7777;
      if (this.cred.uid !== 0 && info.kind !== 'dir' && !inGroup(this.cred, info.gid)) m &= ~0o2000;
      loc.m.driver.setattr(loc.h, { mode: m });
    });
  }

  /** `-1` leaves the uid or gid unchanged, as chown(2). */
  chown(path: string, uid: number, gid: number): void {
    this.op('chown', path, () => {
      const loc = this.existing(path, 'follow');
      if (loc.m.readOnly) throw fail('EROFS');
      const info = this.info(loc);
      const newUid = uid === -1 ? info.uid : uid;
      const newGid = gid === -1 ? info.gid : gid;
      if (this.cred.uid !== 0) {
        if (this.cred.uid !== info.uid || newUid !== info.uid) throw fail('EPERM');
        if (newGid !== info.gid && !inGroup(this.cred, newGid)) throw fail('EPERM');
      }
      let mode = info.mode;
      if (info.kind === 'file') {
        mode &= ~0o4000;
        if (mode & 0o010) mode &= ~0o2000;
      }
      loc.m.driver.setattr(loc.h, { uid: newUid, gid: newGid, mode });
    });
  }

  utimes(path: string, mtime: number): void {
    this.op('utime', path, () => {
      const loc = this.existing(path, 'follow');
      if (loc.m.readOnly) throw fail('EROFS');
      const info = this.info(loc);
      if (this.cred.uid !== 0 && this.cred.uid !== info.uid) throw fail('EPERM');
      loc.m.driver.setattr(loc.h, { mtime });
    });
  }

  // ---- internals -----------------------------------------------------------------------------

  protected asRoot(): Vfs {
    return this.cred.uid === 0 ? this : this.as(ROOT);
  }

  /** Runs `fn`, filling in the path and syscall of FsErrors thrown without them. */
  protected op<T>(syscall: string, path: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof FsError && (e.path === '' || e.syscall === '')) {
        throw new FsError(e.code, e.path === '' ? path : e.path, e.syscall === '' ? syscall : e.syscall);
      }
      throw e;
    }
  }

  private withPath<T>(path: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof FsError && e.path === '') throw fail(e.code, path);
      throw e;
    }
  }

  private info(loc: Loc): NodeInfo {
    return loc.m.driver.info(loc.h);
  }

  private statLoc(loc: Loc): Stat {
    return loc.m.driver.stat(loc.h);
  }

  private isMountRoot(loc: Loc): boolean {
    return loc.path === loc.m.path;
  }

  private owner(parent: Loc): { uid: number; gid: number } {
    const p = this.info(parent);
    return { uid: this.cred.uid, gid: p.mode & 0o2000 ? p.gid : this.cred.gid };
  }

  private mayDelete(parent: Loc, victim: NodeInfo): void {
    const p = this.info(parent);
    if (!permits(this.cred, p, 3)) throw fail('EACCES');
    if (p.mode & 0o1000 && this.cred.uid !== 0 && this.cred.uid !== victim.uid && this.cred.uid !== p.uid) {
      throw fail('EPERM');
    }
  }

  private existing(path: string, mode: FinalMode): Loc {
    const r = this.walk(path, mode);
    if (!r.node) throw fail('ENOENT');
    return r.node;
  }

  /** A regular file the caller may read. */
  private readable(path: string): Loc {
    const loc = this.existing(path, 'follow');
    const info = this.info(loc);
    if (!permits(this.cred, info, 4)) throw fail('EACCES');
    if (info.kind === 'dir') throw fail('EISDIR');
    return loc;
  }

  /** The parent of a new entry `path` (which must not exist) after the checks of mkdir/symlink. */
  private creatable(path: string, directory: boolean): { loc: Loc; name: string } {
    const r = this.walk(path, 'parent');
    if (r.last !== 'norm' || r.node) throw fail('EEXIST');
    // `symlink x new/`, `ln f new/`: a trailing slash only names a directory to be.
    if (r.slash && !directory) throw fail('ENOENT');
    const parent = r.parents[r.parents.length - 1]!;
    if (parent.m.readOnly) throw fail('EROFS');
    if (!permits(this.cred, this.info(parent), 3)) throw fail('EACCES');
    return { loc: parent, name: r.name };
  }

  private mkdirOne(path: string, mode: number | undefined): void {
    const { loc, name } = this.creatable(path, true);
    const owner = this.owner(loc);
    const setgid = this.info(loc).mode & 0o2000;
    loc.m.driver.create(loc.h, name, {
      kind: 'dir',
      mode: (((mode ?? 0o777) & ~this.umask) | setgid) & 0o7777,
      ...owner,
      mtime: this.clock(),
    });
  }

  private writeContentAt(path: string, content: FileContent, options: WriteOptions): void {
    const r = this.walk(path, 'follow');
    if (r.node) {
      const info = this.info(r.node);
      if (info.kind === 'dir') throw fail('EISDIR');
      if (r.node.m.readOnly) throw fail('EROFS');
      if (!permits(this.cred, info, 2)) throw fail('EACCES');
      r.node.m.driver.write(r.node.h, content, options.append ?? false, this.clock());
      return;
    }
    if (r.slash || r.last !== 'norm') throw fail('EISDIR');
    const parent = r.parents[r.parents.length - 1]!;
    if (parent.m.readOnly) throw fail('EROFS');
    if (!permits(this.cred, this.info(parent), 3)) throw fail('EACCES');
    parent.m.driver.create(parent.h, r.name, {
      kind: 'file',
      content,
      mode: (options.mode ?? 0o666) & ~this.umask & 0o7777,
      ...this.owner(parent),
      mtime: this.clock(),
    });
  }

  private rootLoc(): Loc {
    const m = this.ns.root;
    return { m, h: m.root, path: '/' };
  }

  private child(dir: Loc, name: string): Loc | undefined {
    const path = childPath(dir.path, name);
    if (this.ns.mounts.size > 1) {
      const m = this.ns.mounts.get(path);
      if (m) return { m, h: m.root, path };
    }
    const h = dir.m.driver.lookup(dir.h, name);
    return h === undefined ? undefined : { m: dir.m, h, path };
  }

  /**
   * Resolves `path` one component at a time: O(depth + symlink targets). Needs search (x)
   * permission on every directory it looks into.
   */
  private walk(path: string, mode: FinalMode): Resolved {
    if (path === '') throw fail('ENOENT');
    const comps = split(path);
    const slash = comps.length > 0 && path.endsWith('/');
    const lastRaw = comps[comps.length - 1];
    const last: LastType = lastRaw === undefined ? 'root' : lastRaw === '.' ? 'dot' : lastRaw === '..' ? 'dotdot' : 'norm';
    const root = this.rootLoc();
    let stack: Loc[] = [root];
    const queue = comps.reverse();
    let hops = 0;
    while (queue.length > 0) {
      const c = queue.pop()!;
      const cur = stack[stack.length - 1]!;
      const curInfo = this.info(cur);
      if (curInfo.kind !== 'dir') throw fail('ENOTDIR');
      if (!permits(this.cred, curInfo, 1)) throw fail('EACCES');
      if (c === '.') continue;
      if (c === '..') {
        if (stack.length > 1) stack.pop();
        continue;
      }
      const next = this.child(cur, c);
      const isFinal = queue.length === 0;
      if (!next) {
        if (isFinal) return { parents: stack, name: c, node: undefined, last, slash };
        throw fail('ENOENT');
      }
      const kind = this.info(next).kind;
      if (kind === 'symlink' && (!isFinal || mode === 'follow' || (mode === 'lstat' && slash))) {
        if (++hops > MAX_SYMLINKS) throw fail('ELOOP');
        const target = next.m.driver.readlink(next.h);
        if (target === '') throw fail('ENOENT');
        if (target.startsWith('/')) stack = [root];
        const parts = split(target);
        for (let i = parts.length - 1; i >= 0; i--) queue.push(parts[i]!);
        continue;
      }
      if (isFinal) {
        if (slash && mode !== 'parent' && kind !== 'dir') throw fail('ENOTDIR');
        return { parents: stack, name: c, node: next, last, slash };
      }
      stack.push(next);
    }
    // The path ended on `/`, `.`, `..`, or a symlink to one of those: the node is the top dir.
    const top = stack[stack.length - 1]!;
    if (this.info(top).kind !== 'dir') throw fail('ENOTDIR');
    const parents = stack.slice(0, -1);
    return { parents, name: parents.length === 0 ? '' : basename(top.path), node: top, last, slash };
  }
}
