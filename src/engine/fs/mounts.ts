/**
 * Mount namespaces: a root filesystem with other filesystems' subtrees attached at absolute
 * paths (docker's `-v /host/dir:/data[:ro]`, named volumes, `--read-only`). Bind mounts attach
 * the source's own storage, so writes show on both sides at once. Crossing a mount is EXDEV for
 * rename and link; writing under a read-only mount is EROFS.
 */
import { FsError } from './types';
import type { DirEntry, FileSystem, Stat } from './types';
import { resolve } from './path';
import { readRange } from './state';
import type { FileContent } from './state';
import { Namespace, ROOT, Vfs } from './vfs';
import type { Driver, MountSource, NewNode, NodeInfo, SetAttrs, VfsOptions } from './vfs';

export interface MountOptions {
  /** Path inside the source to attach (default `/`). */
  subpath?: string;
  /** Writes under the mount fail with EROFS (`:ro`). A read-only source stays read-only. */
  readOnly?: boolean;
  /** Create a missing mount point (directory, or empty file for a file source). Default true. */
  createTarget?: boolean;
}

export interface MountInfo {
  target: string;
  readOnly: boolean;
}

export interface MountedFsOptions extends VfsOptions {
  /** The root filesystem is read-only (`docker run --read-only`); mounts decide for themselves. */
  readOnly?: boolean;
}

/** What attaching `path` of `fs` means: its own driver for our filesystems, an adapter otherwise. */
export function mountSourceOf(fs: FileSystem, path = '/'): MountSource {
  if (fs instanceof Vfs) return fs.mountSource(path);
  const root = fs.realpath(resolve('/', path));
  return { driver: new FileSystemDriver(fs), root, readOnly: false };
}

/**
 * A container's view: `new MountedFs(overlay)`, then `mount('/data', hostFs, { subpath:
 * '/home/student/data' })`. Views made with `as(cred)` share the mount table.
 */
export class MountedFs extends Vfs {
  constructor(root: FileSystem, options: MountedFsOptions = {}) {
    const src = mountSourceOf(root, '/');
    const clock = options.clock ?? (root instanceof Vfs ? root.clock : undefined);
    super(new Namespace({ ...src, readOnly: src.readOnly || (options.readOnly ?? false) }), { ...options, clock });
  }

  /** Attaches `source` (or its `subpath`) at `target`, resolved through symlinks like docker does. */
  mount(target: string, source: FileSystem, options: MountOptions = {}): void {
    this.op('mount', target, () => {
      const src = mountSourceOf(source, options.subpath ?? '/');
      const srcIsDir = src.driver.info(src.root).kind === 'dir';
      const tool = this.unrestricted();
      const path = resolve('/', target);
      if (!tool.exists(path)) {
        if (options.createTarget === false) throw new FsError('ENOENT', '', '');
        if (srcIsDir) tool.mkdir(path, { recursive: true });
        else {
          tool.mkdir(resolve(path, '..'), { recursive: true });
          tool.writeFile(path, '');
        }
      }
      const real = tool.realpath(path);
      if (real === '/' || this.ns.mounts.has(real)) throw new FsError('EBUSY', '', '');
      if ((tool.stat(real).kind === 'dir') !== srcIsDir) throw new FsError('ENOTDIR', '', '');
      this.ns.mounts.set(real, { path: real, ...src, readOnly: src.readOnly || (options.readOnly ?? false) });
    });
  }

  /** Detaches the mount at `target` (EINVAL if none, EBUSY if others sit below it). */
  unmount(target: string): void {
    this.op('umount', target, () => {
      const path = resolve('/', target);
      if (path === '/' || !this.ns.mounts.has(path)) throw new FsError('EINVAL', '', '');
      for (const p of this.ns.mounts.keys()) {
        if (p !== path && p.startsWith(`${path}/`)) throw new FsError('EBUSY', '', '');
      }
      this.ns.mounts.delete(path);
    });
  }

  /** The mount table, `/` first then by path. */
  mounts(): MountInfo[] {
    return [...this.ns.mounts.values()]
      .map((m) => ({ target: m.path, readOnly: m.readOnly }))
      .sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  }

  isMountPoint(path: string): boolean {
    return this.ns.mounts.has(resolve('/', path));
  }

  /** Root, with every mount writable: for creating mount points the way the runtime does. */
  private unrestricted(): Vfs {
    const first = this.ns.root;
    const ns = new Namespace({ driver: first.driver, root: first.root, readOnly: false });
    for (const [p, m] of this.ns.mounts) ns.mounts.set(p, { ...m, readOnly: false });
    return new Vfs(ns, { cred: ROOT, clock: this.clock });
  }
}

/**
 * Adapts any FileSystem (one not built on Vfs, e.g. a synthetic /proc) to a mount driver.
 * Handles are paths in that filesystem; its own credentials apply to what it does.
 */
export class FileSystemDriver implements Driver<string> {
  constructor(private readonly fs: FileSystem) {}

  private call<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof FsError) throw new FsError(e.code, '', '');
      throw e;
    }
  }

  private child(dir: string, name: string): string {
    return dir === '/' ? `/${name}` : `${dir}/${name}`;
  }

  root(): string {
    return '/';
  }

  info(p: string): NodeInfo {
    return this.call(() => this.fs.lstat(p));
  }

  stat(p: string): Stat {
    return this.call(() => this.fs.lstat(p));
  }

  lookup(dir: string, name: string): string | undefined {
    const p = this.child(dir, name);
    try {
      this.fs.lstat(p);
      return p;
    } catch (e) {
      if (e instanceof FsError && e.code === 'ENOENT') return undefined;
      if (e instanceof FsError) throw new FsError(e.code, '', '');
      throw e;
    }
  }

  list(dir: string): DirEntry[] {
    return this.call(() => this.fs.readdir(dir)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  isEmpty(dir: string): boolean {
    return this.list(dir).length === 0;
  }

  readlink(p: string): string {
    return this.call(() => this.fs.readlink(p));
  }

  content(p: string): FileContent {
    return { data: this.call(() => this.fs.readFile(p)) };
  }

  write(p: string, content: FileContent, append: boolean): void {
    this.call(() => this.fs.writeFile(p, readRange(content), { append }));
  }

  create(dir: string, name: string, node: NewNode): string {
    const p = this.child(dir, name);
    this.call(() => {
      if (node.kind === 'file') this.fs.writeFile(p, readRange(node.content), { mode: node.mode });
      else if (node.kind === 'dir') this.fs.mkdir(p, { mode: node.mode });
      else this.fs.symlink(node.target, p);
    });
    return p;
  }

  link(): void {
    throw new FsError('EPERM', '', '');
  }

  remove(dir: string, name: string): void {
    const p = this.child(dir, name);
    this.call(() => (this.fs.lstat(p).kind === 'dir' ? this.fs.rmdir(p) : this.fs.unlink(p)));
  }

  rename(srcDir: string, srcName: string, dstDir: string, dstName: string): void {
    this.call(() => this.fs.rename(this.child(srcDir, srcName), this.child(dstDir, dstName)));
  }

  setattr(p: string, attrs: SetAttrs): void {
    this.call(() => {
      if (attrs.uid !== undefined || attrs.gid !== undefined) this.fs.chown(p, attrs.uid ?? -1, attrs.gid ?? -1);
      if (attrs.mode !== undefined) this.fs.chmod(p, attrs.mode);
      if (attrs.mtime !== undefined) this.fs.utimes(p, attrs.mtime);
    });
  }

  same(a: string, b: string): boolean {
    return a === b;
  }
}
