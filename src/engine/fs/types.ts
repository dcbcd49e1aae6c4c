/**
 * The filesystem room's public shape. State is plain data (structured-clone safe) so that the
 * whole engine can be snapshotted, persisted and restored; behaviour lives in functions and thin
 * classes that wrap that data.
 */

/** POSIX-ish error codes the commands turn into the exact wording of coreutils/bash. */
export type FsErrorCode =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'EACCES'
  | 'EPERM'
  | 'ELOOP'
  | 'EINVAL'
  | 'EROFS'
  | 'EXDEV'
  | 'EBUSY';

/** strerror(3) text for each code, as glibc prints it in C.UTF-8. */
export const STRERROR: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  ELOOP: 'Too many levels of symbolic links',
  EINVAL: 'Invalid argument',
  EROFS: 'Read-only file system',
  EXDEV: 'Invalid cross-device link',
  EBUSY: 'Device or resource busy',
};

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
    readonly syscall: string,
  ) {
    super(`${code}: ${STRERROR[code]}, ${syscall} '${path}'`);
    this.name = 'FsError';
  }
  /** The text after the colon in messages like `mkdir: cannot create directory ‘x’: File exists`. */
  get reason(): string {
    return STRERROR[this.code];
  }
}

export type NodeKind = 'file' | 'dir' | 'symlink';

export interface Stat {
  kind: NodeKind;
  /** Permission bits and setuid/setgid/sticky (e.g. 0o755); the file type is in `kind`. */
  mode: number;
  uid: number;
  gid: number;
  /** Bytes; for a symlink, the length of its target. */
  size: number;
  /** Milliseconds since the epoch on the simulated clock. */
  mtime: number;
  /** Hard-link count as `ls -l` shows it (dirs: 2 + subdirectories). */
  nlink: number;
  /** Stable per-node number, for `ls -i` and identity checks (same file through two paths). */
  ino: number;
}

/** Who is asking: permission checks use it (root bypasses them, like the kernel). */
export interface Credentials {
  uid: number;
  gid: number;
  groups?: readonly number[];
}

export interface DirEntry {
  name: string;
  kind: NodeKind;
}

/**
 * Everything the shell, coreutils and docker rooms need from a filesystem. Paths are absolute,
 * already joined with the caller's cwd; implementations normalise `.`, `..` and repeated `/`.
 * Every method throws FsError on failure.
 */
export interface FileSystem {
  stat(path: string): Stat;
  lstat(path: string): Stat;
  exists(path: string): boolean;
  readFile(path: string): Uint8Array;
  readText(path: string): string;
  /** Creates or truncates. Parent must exist. `mode` applies only on creation (before umask). */
  writeFile(path: string, data: Uint8Array | string, options?: { mode?: number; append?: boolean }): void;
  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): void;
  readdir(path: string): DirEntry[];
  unlink(path: string): void;
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  /** Resolves every symlink; throws ENOENT when any component is missing. */
  realpath(path: string): string;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  utimes(path: string, mtime: number): void;
  /** Permission check without side effects: `mode` is a mask of 4 (r), 2 (w), 1 (x). */
  access(path: string, mode: number): boolean;
}

/**
 * What every filesystem of this room (MemoryFs, OverlayFs, MountedFs — all built on Vfs) offers
 * beyond FileSystem. A view is bound to credentials: the host gives the student's shell
 * `hostFs.as({ uid: 1000, gid: 1000, groups: [1000, 999] })`, a container's processes
 * `containerFs.as({ uid: 0, gid: 0 })`; every view shares the same data.
 */
export interface FileSystemView extends FileSystem {
  readonly cred: Credentials;
  /** Applied to the mode of created files and directories (default 0o022). */
  readonly umask: number;
  as(cred: Credentials, options?: { umask?: number }): FileSystemView;
  /** Up to `length` bytes from `offset`; never materialises more of a synthetic file. */
  read(path: string, offset: number, length: number): Uint8Array;
  /** Hard link (EPERM for directories, EXDEV across mounts). */
  link(existing: string, newPath: string): void;
  /** A file of `size` deterministic filler bytes that are never stored (model weights, big .so files). */
  writeSynthetic(path: string, size: number, options?: { mode?: number; seed?: number }): void;
}
