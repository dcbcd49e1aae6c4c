/**
 * `docker cp` (cli/command/container/cp.go + the daemon's archive endpoints): files and directories
 * between the host, as the user running the CLI sees it, and a container's filesystem (running or
 * not, its mounts included). `-` streams a tar archive. The success line (`Successfully copied
 * 2.05kB to …`, the archive's size) is printed only when stdout is a terminal. Messages as on the
 * lab engine.
 */
import type { FileSystem } from '../../fs/types';
import { FsError } from '../../fs/types';
import type { ProcessContext } from '../../process';
import type { DockerRequest } from '../cli/parse';
import { DaemonError } from '../daemon/errors';
import { copiedSize } from '../format';
import { daemonText, flagBool } from './output';
import type { ContainerRuntime } from './runtime';
import type { ContainerRecord } from './state';
import { collectEntries, readTar, tarSize, writeTar, type TarEntry } from './tar';

interface Endpoint {
  container?: string;
  path: string;
}

/** cli splitCpArg: `CONTAINER:PATH`, unless the argument is a local (absolute or dotted) path. */
function splitArg(arg: string): Endpoint {
  if (arg.startsWith('/') || arg.startsWith('.')) return { path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0) return { path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

function clean(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

function dirnameOf(path: string): string {
  const c = clean(path);
  const i = c.lastIndexOf('/');
  return i <= 0 ? '/' : c.slice(0, i);
}

function basenameOf(path: string): string {
  const c = clean(path);
  return c === '/' ? '/' : c.slice(c.lastIndexOf('/') + 1);
}

/** `…/.`: copy the directory's contents rather than the directory. */
function wantsContents(path: string): boolean {
  return path.endsWith('/.') || path === '.';
}

class CpError extends Error {}

function statOrNull(fs: FileSystem, path: string, follow = true): ReturnType<FileSystem['stat']> | null {
  try {
    return follow ? fs.stat(path) : fs.lstat(path);
  } catch (e) {
    if (e instanceof FsError) return null;
    throw e;
  }
}

/** Writes entries under `dest` (the archive's top entry lands at `dest` itself when `rename` is set). */
function extract(fs: FileSystem, entries: readonly TarEntry[], destDir: string, rename: { from: string; to: string } | null, owner: { uid: number; gid: number } | null): void {
  for (const e of entries) {
    let name = e.name;
    if (rename && (name === rename.from || name.startsWith(`${rename.from}/`))) name = rename.to + name.slice(rename.from.length);
    const path = clean(`${destDir}/${name}`);
    if (e.kind === 'dir') {
      if (!statOrNull(fs, path)) fs.mkdir(path, { mode: e.mode });
      fs.chmod(path, e.mode);
    } else if (e.kind === 'symlink') {
      if (statOrNull(fs, path, false)) fs.unlink(path);
      fs.symlink(e.linkname, path);
    } else {
      fs.writeFile(path, e.data, { mode: e.mode });
      fs.chmod(path, e.mode);
    }
    try {
      if (owner) fs.chown(path, owner.uid, owner.gid);
      if (e.kind !== 'symlink') fs.utimes(path, e.mtime);
    } catch {
      // not permitted (the user's own host files keep their owner)
    }
  }
}

function absoluteLocal(ctx: ProcessContext, path: string): string {
  return clean(path.startsWith('/') ? path : `${ctx.cwd}/${path}`);
}

export async function copyCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const [srcArg = '', dstArg = ''] = request.args;
  const src = splitArg(srcArg);
  const dst = splitArg(dstArg);
  const fail = (text: string): number => {
    ctx.stderr.write(`${text}\n`);
    return 1;
  };
  if (src.container !== undefined && dst.container !== undefined) return fail('copying between containers is not supported');
  if (src.container === undefined && dst.container === undefined) return fail('must specify at least one container source');
  if (src.path === '') return fail('source can not be empty');
  if (dst.path === '') return fail('destination can not be empty');
  try {
    if (src.container !== undefined) return await fromContainer(runtime, request, ctx, src.container, src.path, dst.path);
    return await toContainer(runtime, request, ctx, src.path, dst.container!, dst.path);
  } catch (e) {
    if (e instanceof DaemonError) return fail(daemonText(e.message));
    if (e instanceof CpError) return fail(e.message);
    throw e;
  }
}

function showSize(ctx: ProcessContext, request: DockerRequest, bytes: number, to: string): void {
  if (flagBool(request, 'quiet') || !ctx.tty.stdout) return;
  ctx.stderr.write(`Successfully copied ${copiedSize(bytes)} to ${to}\n`);
}

function logrusError(runtime: ContainerRuntime, message: string): string {
  const at = new Date(Math.floor(runtime.now() / 1000) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  return `time="${at}" level=error msg="${message}"\n`;
}

function fromContainer(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext, ref: string, srcPath: string, dstPath: string): number {
  const record = runtime.find(ref);
  const fs = runtime.rootfs(record);
  const source = clean(srcPath);
  const follow = flagBool(request, 'follow-link');
  const st = statOrNull(fs, source, follow) ?? (statOrNull(fs, source, false) ? fs.lstat(source) : null);
  if (!st) throw new DaemonError('not-found', `Could not find the file ${source} in container ${ref}`);
  const contents = st.kind === 'dir' && wantsContents(srcPath);
  const base = contents ? '' : basenameOf(source);
  const entries = collectEntries(fs, source, base, follow).filter((e) => !(contents && e.name === ''));
  if (dstPath === '-') {
    ctx.stdout.write(writeTar(collectEntries(fs, source, basenameOf(source), follow)));
    return 0;
  }
  const host = ctx.fs;
  const dest = absoluteLocal(ctx, dstPath);
  const dstStat = statOrNull(host, dest);
  const owner = null;
  if (dstStat?.kind === 'dir') {
    extract(host, entries, dest, null, owner);
  } else if (dstStat) {
    if (st.kind === 'dir') throw new CpError('cannot copy directory');
    extract(host, entries, dirnameOf(dest), { from: base, to: basenameOf(dest) }, owner);
  } else {
    if (dstPath.endsWith('/')) throw new CpError('no such directory');
    const parent = dirnameOf(dest);
    if (statOrNull(host, parent)?.kind !== 'dir') throw new CpError(`invalid output path: directory "${parent}" does not exist`);
    if (contents) {
      host.mkdir(dest, { mode: st.mode });
      extract(host, entries, dest, null, owner);
    } else extract(host, entries, parent, { from: base, to: basenameOf(dest) }, owner);
  }
  // the destination as the CLI resolves it: joined to the working directory, not cleaned
  showSize(ctx, request, tarSize(entries), dstPath.startsWith('/') ? dstPath : `${ctx.cwd === '/' ? '' : ctx.cwd}/${dstPath}`);
  return 0;
}

async function readAll(ctx: ProcessContext): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) return text;
    text += chunk;
  }
}

async function toContainer(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext, srcPath: string, ref: string, dstPath: string): Promise<number> {
  const record: ContainerRecord = runtime.find(ref);
  const fs = runtime.rootfs(record);
  const dest = clean(dstPath);
  const root = { uid: 0, gid: 0 };
  let entries: TarEntry[];
  let base: string;
  let isDir: boolean;
  let contents = false;
  if (srcPath === '-') {
    const st = statOrNull(fs, dest);
    if (st?.kind !== 'dir') throw new CpError(`destination "${ref}:${dstPath}" must be a directory`);
    entries = readTar(await readAll(ctx));
    writeInto(fs, entries, dest, null, flagBool(request, 'archive') ? null : root);
    return 0;
  } else {
    const local = absoluteLocal(ctx, srcPath);
    const follow = flagBool(request, 'follow-link');
    const st = statOrNull(ctx.fs, local, follow) ?? statOrNull(ctx.fs, local, false);
    if (!st) throw new CpError(`lstat ${local}: no such file or directory`);
    isDir = st.kind === 'dir';
    contents = isDir && wantsContents(srcPath);
    base = contents ? '' : basenameOf(local);
    entries = collectEntries(ctx.fs, local, base, follow).filter((e) => !(contents && e.name === ''));
  }
  const owner = flagBool(request, 'archive') ? null : root;
  const dstStat = statOrNull(fs, dest);
  if (dstStat?.kind === 'dir') {
    writeInto(fs, entries, dest, null, owner);
  } else if (dstStat) {
    if (isDir) {
      ctx.stderr.write(logrusError(runtime, `Can't add file ${absoluteLocal(ctx, srcPath)} to tar: io: read/write on closed pipe`));
      throw new CpError('cannot copy directory');
    }
    writeInto(fs, entries, dirnameOf(dest), { from: base, to: basenameOf(dest) }, owner);
  } else {
    if (dstPath.endsWith('/')) {
      const local = absoluteLocal(ctx, srcPath);
      ctx.stderr.write(logrusError(runtime, `Can't add file ${local} to tar: io: read/write on closed pipe`));
      if (!isDir) ctx.stderr.write(logrusError(runtime, "Can't close tar writer: io: read/write on closed pipe"));
      throw new CpError('no such directory');
    }
    const parent = dirnameOf(dest);
    if (statOrNull(fs, parent)?.kind !== 'dir') throw new DaemonError('not-found', `Could not find the file ${parent} in container ${ref}`);
    if (contents) {
      writeInto(fs, [{ name: basenameOf(dest), kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: runtime.now(), data: new Uint8Array(0), linkname: '' }], parent, null, owner);
      writeInto(fs, entries, dest, null, owner);
    } else writeInto(fs, entries, parent, { from: base, to: basenameOf(dest) }, owner);
  }
  showSize(ctx, request, tarSize(entries), `${ref}:${dstPath}`);
  return 0;
}

function writeInto(fs: FileSystem, entries: readonly TarEntry[], dir: string, rename: { from: string; to: string } | null, owner: { uid: number; gid: number } | null): void {
  try {
    extract(fs, entries, dir, rename, owner);
  } catch (e) {
    if (e instanceof FsError && e.code === 'EROFS') throw new DaemonError('system', 'mounted volume is marked read-only');
    throw e;
  }
}
