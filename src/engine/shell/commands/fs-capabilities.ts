/**
 * What some programs use beyond the FileSystem interface when the filesystem offers it (the
 * engine's Vfs does): the umask, hard links, and copying a file's stored content without reading
 * it all (a 2 GB model file in the simulation is a size and a seed, not bytes).
 */
import { FsError, type FileSystem } from '../../fs/types';

interface Capabilities {
  umask?: number;
  link?: (existing: string, path: string) => void;
  readContent?: (path: string) => unknown;
  writeContent?: (path: string, content: never, options?: { mode?: number }) => void;
}

const DEFAULT_UMASK = 0o022;

export function umaskOf(fs: FileSystem): number {
  const umask = (fs as FileSystem & Capabilities).umask;
  return typeof umask === 'number' ? umask : DEFAULT_UMASK;
}

/** Makes a hard link, or fails with EPERM where the filesystem cannot. */
export function hardLink(fs: FileSystem, existing: string, path: string): void {
  const extras = fs as FileSystem & Capabilities;
  if (typeof extras.link !== 'function') throw new FsError('EPERM', path, 'link');
  extras.link.call(fs, existing, path);
}

/** Copies a regular file's content to `to` (created with `mode` if new). */
export function copyFileContent(fs: FileSystem, from: string, to: string, mode: number): void {
  const extras = fs as FileSystem & Capabilities;
  if (typeof extras.readContent === 'function' && typeof extras.writeContent === 'function') {
    const content = extras.readContent.call(fs, from);
    extras.writeContent.call(fs, to, content as never, { mode });
    return;
  }
  fs.writeFile(to, fs.readFile(from), { mode });
}
