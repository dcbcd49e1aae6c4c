/**
 * COPY and ADD as BuildKit's file op does them (fsutil copy with CopyDirContentsOnly,
 * AllowWildcard, AllowEmptyWildcard, CreateDestPath, FollowSymlinks): a directory source copies
 * its contents, a destination ending in `/` (or an existing directory) receives files by name,
 * missing parents are created (0755), files keep their mode and mtime and become root's unless
 * `--chown`, `--chmod` sets the mode. Sources are the build context or another root filesystem.
 */
import type { FileContent } from '../../fs/state';
import type { FileSystem } from '../../fs/types';
import { FsError } from '../../fs/types';
import type { FileSystemView } from '../../fs/types';
import { compareBytes } from './context';
import type { BuildContext } from './context';
import { cleanAbs } from './plan';

/** A node to copy, independent of where it comes from. */
export interface SourceNode {
  /** Absolute path in the source. */
  path: string;
  kind: 'file' | 'dir' | 'symlink';
  mode: number;
  mtime: number;
  size: number;
  target?: string;
}

/** Read access to a copy source. */
export interface CopySourceFs {
  /** The node at an absolute path (following symlinks in the parents; the last one too when `follow`). */
  stat(path: string, follow: boolean): SourceNode | undefined;
  children(path: string): SourceNode[];
  content(path: string): FileContent;
}

/** An ADD source URL that cannot be fetched (the simulated world has no web servers). */
export class FetchError extends Error {
  constructor(readonly url: string) {
    const host = url.replace(/^https?:\/\//, '').split(/[/:?#]/, 1)[0] ?? '';
    super(`Get "${url}": dial tcp: lookup ${host} on 127.0.0.53:53: no such host`);
    this.name = 'FetchError';
  }
}

export class NotFoundError extends Error {
  constructor(readonly path: string) {
    super(`"${path}": not found`);
    this.name = 'NotFoundError';
  }
}

const WILDCARD = /[*?[]/;

export function hasWildcard(p: string): boolean {
  return WILDCARD.test(p);
}

/** Go filepath.Match for one path segment. */
export function matchSegment(pattern: string, name: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return false;
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('^') || cls.startsWith('!')) cls = `^${cls.slice(1)}`;
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else re += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try {
    return new RegExp(`${re}$`, 'u').test(name);
  } catch {
    return false;
  }
}

/** Expands a source path: wildcards per segment (matches in name order), or the path itself. */
export function resolveSources(src: CopySourceFs, path: string): SourceNode[] {
  const clean = cleanAbs(path);
  if (!hasWildcard(clean)) {
    const node = src.stat(clean, true);
    if (!node) throw new NotFoundError(clean);
    return [node];
  }
  const parts = clean.split('/').filter((p) => p !== '');
  let current: string[] = ['/'];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next: string[] = [];
    for (const dir of current) {
      if (!hasWildcard(part)) {
        const p = dir === '/' ? `/${part}` : `${dir}/${part}`;
        if (src.stat(p, i < parts.length - 1)) next.push(p);
        continue;
      }
      const node = src.stat(dir, true);
      if (!node || node.kind !== 'dir') continue;
      for (const child of src.children(dir)) {
        const name = child.path.slice(child.path.lastIndexOf('/') + 1);
        if (matchSegment(part, name)) next.push(child.path);
      }
    }
    current = next;
  }
  return current.map((p) => src.stat(p, true)).filter((n): n is SourceNode => n !== undefined);
}

export interface CopyOptions {
  uid: number;
  gid: number;
  /** `--chmod`, or undefined to keep modes. */
  mode?: number;
  /** Clock for directories the copy creates. */
  now: number;
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function existsAsDir(fs: FileSystem, path: string): boolean {
  try {
    return fs.stat(path).kind === 'dir';
  } catch {
    return false;
  }
}

/** mkdir -p with BuildKit's ownership for created parents. */
function mkdirAll(fs: FileSystemView, path: string, opts: CopyOptions): void {
  if (path === '/' || existsAsDir(fs, path)) return;
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  mkdirAll(fs, parent, opts);
  try {
    if (fs.lstat(path).kind !== 'dir') fs.unlink(path);
  } catch {
    // missing
  }
  fs.mkdir(path, { mode: 0o755 });
  fs.chmod(path, 0o755);
  fs.chown(path, opts.uid, opts.gid);
  fs.utimes(path, opts.now);
}

function writeNode(fs: FileSystemView, src: CopySourceFs, node: SourceNode, dest: string, opts: CopyOptions): void {
  const mode = opts.mode ?? node.mode;
  if (node.kind === 'dir') {
    if (!existsAsDir(fs, dest)) {
      try {
        fs.unlink(dest);
      } catch {
        // nothing there
      }
      fs.mkdir(dest, { mode: 0o755 });
    }
    for (const child of src.children(node.path)) {
      writeNode(fs, src, child, join(dest, child.path.slice(child.path.lastIndexOf('/') + 1)), opts);
    }
    fs.chmod(dest, mode & 0o7777);
    fs.chown(dest, opts.uid, opts.gid);
    fs.utimes(dest, node.mtime);
    return;
  }
  try {
    const st = fs.lstat(dest);
    if (st.kind === 'dir') throw new FsError('EISDIR', dest, 'open');
    fs.unlink(dest);
  } catch (e) {
    if (e instanceof FsError && e.code === 'EISDIR') throw e;
  }
  if (node.kind === 'symlink') {
    fs.symlink(node.target ?? '', dest);
    return;
  }
  const content = src.content(node.path);
  const withContent = fs as FileSystemView & { writeContent?: (p: string, c: FileContent, o?: { mode?: number }) => void };
  if (typeof withContent.writeContent === 'function') withContent.writeContent(dest, content, { mode: mode & 0o7777 });
  else fs.writeFile(dest, content.data, { mode: mode & 0o7777 });
  fs.chmod(dest, mode & 0o7777);
  fs.chown(dest, opts.uid, opts.gid);
  fs.utimes(dest, node.mtime);
}

/**
 * Copies one resolved source to `dest` (an absolute path; a trailing `/` means "into this
 * directory"). Directories copy their contents.
 */
export function copyInto(fs: FileSystemView, src: CopySourceFs, node: SourceNode, dest: string, opts: CopyOptions): void {
  const intoDir = dest.endsWith('/');
  const target = intoDir ? cleanAbs(dest) : cleanAbs(dest);
  if (node.kind === 'dir') {
    mkdirAll(fs, target, opts);
    for (const child of src.children(node.path)) {
      writeNode(fs, src, child, join(target, child.path.slice(child.path.lastIndexOf('/') + 1)), opts);
    }
    return;
  }
  let file = target;
  if (intoDir || existsAsDir(fs, target)) {
    mkdirAll(fs, target, opts);
    file = join(target, node.path.slice(node.path.lastIndexOf('/') + 1));
  } else {
    mkdirAll(fs, target.slice(0, target.lastIndexOf('/')) || '/', opts);
  }
  writeNode(fs, src, node, file, opts);
}

// ---------------------------------------------------------------------------------------------
// sources

/** The build context as a copy source (`.dockerignore` applied; paths are `/rel`). */
export function contextSource(ctx: BuildContext): CopySourceFs {
  const toNode = (e: { rel: string; kind: SourceNode['kind']; mode: number; mtime: number; size: number; target?: string }): SourceNode => ({
    path: `/${e.rel}`,
    kind: e.kind,
    mode: e.mode,
    mtime: e.mtime,
    size: e.size,
    ...(e.target !== undefined ? { target: e.target } : {}),
  });
  const follow = (rel: string, depth = 0): string | undefined => {
    const e = ctx.get(rel);
    if (!e) return undefined;
    if (e.kind !== 'symlink' || depth > 40) return rel;
    const t = e.target ?? '';
    const base = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    const resolved = cleanAbs(t.startsWith('/') ? t : `/${base}/${t}`).slice(1);
    return follow(resolved, depth + 1);
  };
  return {
    stat(path, followLast) {
      const rel = cleanAbs(path).slice(1);
      if (rel === '') return { path: '/', kind: 'dir', mode: 0o755, mtime: 0, size: 0 };
      const real = followLast ? follow(rel) : rel;
      if (real === undefined) return undefined;
      const e = ctx.get(real);
      if (!e) return undefined;
      return { ...toNode(e), path: `/${rel}` };
    },
    children(path) {
      const rel = cleanAbs(path).slice(1);
      const real = rel === '' ? '' : follow(rel) ?? rel;
      return ctx.children(real).map((e) => ({ ...toNode(e), path: join(cleanAbs(path), e.rel.slice(e.rel.lastIndexOf('/') + 1)) }));
    },
    content(path) {
      const rel = cleanAbs(path).slice(1);
      return ctx.content(follow(rel) ?? rel);
    },
  };
}

/** A root filesystem (another stage, an image) as a copy source. */
export function fsSource(fs: FileSystemView): CopySourceFs {
  const node = (path: string, follow: boolean): SourceNode | undefined => {
    try {
      const st = follow ? fs.stat(path) : fs.lstat(path);
      return {
        path,
        kind: st.kind,
        mode: st.mode & 0o7777,
        mtime: st.mtime,
        size: st.kind === 'file' ? st.size : 0,
        ...(st.kind === 'symlink' ? { target: fs.readlink(path) } : {}),
      };
    } catch (e) {
      if (e instanceof FsError) return undefined;
      throw e;
    }
  };
  return {
    stat: (path, follow) => node(cleanAbs(path), follow),
    children(path) {
      const dir = cleanAbs(path);
      let names: string[];
      try {
        names = fs.readdir(dir).map((d) => d.name);
      } catch {
        return [];
      }
      names.sort(compareBytes);
      return names.map((n) => node(join(dir, n), false)).filter((n): n is SourceNode => n !== undefined);
    },
    content(path) {
      const withContent = fs as FileSystemView & { readContent?: (p: string) => FileContent };
      if (typeof withContent.readContent === 'function') return withContent.readContent(path);
      return { data: fs.readFile(path) };
    },
  };
}

/** Every node below (and including) the given sources, for content checksums. */
export function walkSources(src: CopySourceFs, nodes: readonly SourceNode[]): SourceNode[] {
  const out: SourceNode[] = [];
  const visit = (n: SourceNode): void => {
    out.push(n);
    if (n.kind === 'dir') for (const c of src.children(n.path)) visit(c);
  };
  for (const n of nodes) visit(n);
  return out;
}

/** A user spec (`nobody:nogroup`, `1000`, `app`) resolved against the destination's passwd/group. */
export function resolveChown(fs: FileSystem, spec: string): { uid: number; gid: number } {
  const [user = '', group] = spec.split(':', 2);
  const read = (path: string): string[][] => {
    try {
      return fs.readText(path).split('\n').map((l) => l.split(':'));
    } catch {
      return [];
    }
  };
  let uid: number;
  let gid: number | undefined;
  if (/^\d+$/.test(user)) uid = Number(user);
  else {
    const row = read('/etc/passwd').find((r) => r[0] === user);
    if (!row) throw new Error(`unable to convert uid/gid chown string to host mapping: can't find uid for user ${user}: no such user: ${user}`);
    uid = Number(row[2]);
    gid = Number(row[3]);
  }
  if (group !== undefined && group !== '') {
    if (/^\d+$/.test(group)) gid = Number(group);
    else {
      const row = read('/etc/group').find((r) => r[0] === group);
      if (!row) throw new Error(`unable to convert uid/gid chown string to host mapping: can't find gid for group ${group}: no such group: ${group}`);
      gid = Number(row[2]);
    }
  } else if (gid === undefined || /^\d+$/.test(user)) {
    gid = uid;
  }
  return { uid, gid: gid ?? uid };
}
