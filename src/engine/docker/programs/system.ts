/**
 * What a program inside a container can find out about its world, the way real programs do:
 * paths, PATH search, the network (/sys/class/net) and the GPU the NVIDIA runtime injected
 * (/dev/nvidia0, /proc/driver/nvidia). See README.md for what the runtime provides.
 */
import { FsError } from '../../fs/types';
import type { FileSystem, FileSystemView } from '../../fs/types';
import type { ProcessContext } from '../../process';
import { programIdOf } from '../../shell/executable';

/** Joins `path` to `cwd` and normalises `.`, `..` and repeated slashes (no symlinks resolved). */
export function resolvePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of `${path.startsWith('/') ? '' : `${cwd}/`}${path}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function dirname(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function isFile(fs: FileSystem, path: string): boolean {
  try {
    return fs.stat(path).kind === 'file';
  } catch {
    return false;
  }
}

export function isDir(fs: FileSystem, path: string): boolean {
  try {
    return fs.stat(path).kind === 'dir';
  } catch {
    return false;
  }
}

export function readText(fs: FileSystem, path: string): string | null {
  try {
    return fs.readText(path);
  } catch {
    return null;
  }
}

export function fileSize(fs: FileSystem, path: string): number | null {
  try {
    const st = fs.stat(path);
    return st.kind === 'file' ? st.size : null;
  } catch {
    return null;
  }
}

/** The last `length` bytes of a file, without materialising a big synthetic file. */
export function readTail(fs: FileSystem, path: string, length: number): Uint8Array {
  const size = fs.stat(path).size;
  const offset = Math.max(0, size - length);
  const view = fs as Partial<FileSystemView>;
  if (typeof view.read === 'function') return view.read.call(fs, path, offset, length);
  return fs.readFile(path).subarray(offset);
}

/** mkdir -p that reports the first directory it could not create (as Python's errors name it). */
export function mkdirs(fs: FileSystem, path: string): void {
  fs.mkdir(path, { recursive: true });
}

/**
 * A file of `size` bytes: synthetic (declared, not stored) where the filesystem supports it,
 * with `tail` (real bytes) at its end.
 */
export function writeSized(fs: FileSystem, path: string, size: number, options: { seed?: number; tail?: string; mode?: number } = {}): void {
  const tail = options.tail ?? '';
  const view = fs as Partial<FileSystemView>;
  if (typeof view.writeSynthetic === 'function') {
    view.writeSynthetic.call(fs, path, Math.max(0, size - tail.length), { ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(options.mode !== undefined ? { mode: options.mode } : {}) });
    if (tail) fs.writeFile(path, tail, { append: true });
    return;
  }
  fs.writeFile(path, '\0'.repeat(Math.max(0, size - tail.length)) + tail, options.mode !== undefined ? { mode: options.mode } : {});
}

/** PATH search as execvp does it: the first regular, executable file named `name`. */
export function searchPath(ctx: ProcessContext, name: string): string | null {
  const path = ctx.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  for (const dir of path.split(':')) {
    const candidate = resolvePath(ctx.cwd, `${dir || '.'}/${name}`);
    if (isFile(ctx.fs, candidate) && ctx.fs.access(candidate, 1)) return candidate;
  }
  return null;
}

/** The program id of the file argv[0] names (through PATH), or null. */
export function programOfCommand(ctx: ProcessContext, command: string): string | null {
  const path = command.includes('/') ? resolvePath(ctx.cwd, command) : searchPath(ctx, command);
  return path ? programIdOf(ctx.fs, path) : null;
}

export function realpath(fs: FileSystem, path: string): string {
  try {
    return fs.realpath(path);
  } catch {
    return path;
  }
}

/**
 * Whether the container can reach the (simulated) internet. A container started with
 * `--network none` has only the loopback interface, which the runtime shows as /sys/class/net/lo
 * alone; with a network it also has eth0. Without /sys/class/net the network is up.
 */
export function networkUp(fs: FileSystem): boolean {
  try {
    return fs.readdir('/sys/class/net').some((e) => e.name !== 'lo');
  } catch (e) {
    if (e instanceof FsError) return true;
    throw e;
  }
}

export interface GpuInfo {
  /** Product name, e.g. "Tesla T4". */
  name: string;
  /** Driver version, e.g. "535.183.01". */
  driver: string;
  /** Highest CUDA version the driver supports, e.g. "12.2". */
  cuda: string;
  memoryMiB: number;
  busId: string;
}

/**
 * The GPU a container can use: present only where the NVIDIA runtime injected the device
 * (/dev/nvidia0) and the driver's /proc files, as `injectNvidiaRuntime` (nvidia/inject.ts) does
 * for `docker run --gpus` on a host with a GPU. NVIDIA_VISIBLE_DEVICES alone (CUDA images set
 * it in their ENV) does not make a GPU appear.
 */
export function gpuOf(ctx: ProcessContext): GpuInfo | null {
  const visible = ctx.env.NVIDIA_VISIBLE_DEVICES;
  if (visible === 'void' || visible === 'none' || visible === '') return null;
  if (!ctx.fs.exists('/dev/nvidia0')) return null;
  const version = readText(ctx.fs, '/proc/driver/nvidia/version') ?? '';
  let info = '';
  try {
    const bus = ctx.fs.readdir('/proc/driver/nvidia/gpus')[0]?.name;
    if (bus) info = readText(ctx.fs, `/proc/driver/nvidia/gpus/${bus}/information`) ?? '';
  } catch {
    return null;
  }
  const field = (text: string, key: string) => new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim();
  return {
    name: field(info, 'Model') ?? 'Tesla T4',
    driver: /Kernel Module\s+([\d.]+)/.exec(version)?.[1] ?? '535.183.01',
    cuda: field(info, 'CUDA Version') ?? '12.2',
    memoryMiB: Number(field(info, 'Memory') ?? '15360') || 15360,
    busId: field(info, 'Bus Location') ?? '00000000:00:1E.0',
  };
}

/** Formats a number of bytes like pip and rich do ("906.4 MB", "16 kB", "897 bytes"). */
export function decimalSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = '';
  for (const u of units) {
    value /= 1000;
    unit = u;
    if (value < 1000) break;
  }
  return `${value.toFixed(1)} ${unit}`;
}

/** A stable 32-bit hash of a string (FNV-1a): deterministic choices and synthetic seeds. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Waits `ms` of simulated time; false when interrupted (Ctrl+C, docker stop). */
export async function pause(ctx: ProcessContext, ms: number): Promise<boolean> {
  try {
    await ctx.clock.sleep(ms, ctx.signal);
    return true;
  } catch (e) {
    if (e instanceof Error && e.name === 'Interrupted') return false;
    throw e;
  }
}

/** Races a stdin read against the interrupt signal: null at EOF, 'interrupt' on Ctrl+C. */
export function readOrInterrupt(ctx: ProcessContext): Promise<string | null | { interrupt: number }> {
  if (ctx.signal.interrupted) return Promise.resolve({ interrupt: ctx.signal.signo });
  return new Promise((resolve) => {
    const stop = ctx.signal.onInterrupt((signo) => resolve({ interrupt: signo }));
    ctx.stdin.read().then(
      (chunk) => {
        stop();
        resolve(chunk);
      },
      () => {
        stop();
        resolve(null);
      },
    );
  });
}
