/**
 * Runs container programs against root filesystems built from the simulated registry's images
 * (the layers `docker pull` would unpack), the way the runtime will: argv[0] through PATH, the
 * image's ENV, WORKDIR and USER, executables on disk (fake ELF or #! scripts).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { VirtualClock, DEFAULT_EPOCH } from '../../../src/engine/clock';
import { OverlayFs, layerSize } from '../../../src/engine/fs';
import type { FileSystem } from '../../../src/engine/fs';
import { Interrupted } from '../../../src/engine/process';
import type { Clock, InterruptSignal, ProcessContext } from '../../../src/engine/process';
import { InterruptController } from '../../../src/engine/signal';
import { classifyExecutable } from '../../../src/engine/shell/executable';
import { DockerHub } from '../../../src/engine/docker/registry';
import type { BuiltImage } from '../../../src/engine/docker/registry';
import type { LayerBlob } from '../../../src/engine/docker/daemon';
import { parseNormalizedNamed } from '../../../src/engine/docker/daemon/reference';
import { containerPrograms } from '../../../src/engine/docker/programs';
import { PROJECT, projectFiles } from './project-files';

const hub = new DockerHub();

export interface Container {
  fs: OverlayFs;
  env: Record<string, string>;
  cwd: string;
  uid: number;
  image: BuiltImage;
}

function imageOf(ref: string): BuiltImage {
  const r = parseNormalizedNamed(ref);
  const b = hub.official(r.path, r.tag ?? 'latest');
  if (!b) throw new Error(`no image ${ref}`);
  return b;
}

/** A fresh container of `ref`: the image's layers under an empty upper layer. */
export function container(ref: string): Container {
  const image = imageOf(ref);
  const manifest = image.blobs.find((x) => x.kind === 'manifest' && x.manifest.layers.length > 0 && x.manifest.layers[0]!.mediaType.includes('tar'));
  if (manifest?.kind !== 'manifest') throw new Error('no manifest');
  const layers = manifest.manifest.layers.map((l) => (image.blobs.find((x) => x.digest === l.digest) as LayerBlob).layer);
  const fs = new OverlayFs(layers);
  const env: Record<string, string> = { HOSTNAME: 'c0ffee123456' };
  for (const e of image.def.config.Env ?? []) {
    const i = e.indexOf('=');
    env[e.slice(0, i)] = e.slice(i + 1);
  }
  const user = image.def.config.User ?? '';
  const uid = user === 'user' ? 1000 : 0;
  env.HOME ??= uid === 0 ? '/root' : '/home/user';
  return { fs, env, cwd: image.def.config.WorkingDir || '/', uid, image };
}

/** Bytes the container's own layer holds (what `docker ps -s` / a build step's layer shows). */
export function upperSize(c: Container): number {
  return layerSize(c.fs.state.upper);
}

/** COPY of the starter project's files (as the lesson's Dockerfile does) into `dest`. */
export function copyProject(c: Container, dest = '/', only?: (path: string) => boolean): void {
  const fs = c.fs.as({ uid: 0, gid: 0 });
  for (const p of projectFiles()) {
    const rel = relative(PROJECT, p).split('\\').join('/');
    if (only && !only(rel)) continue;
    const target = `${dest === '/' ? '' : dest}/${rel}`;
    fs.mkdir(target.slice(0, target.lastIndexOf('/')) || '/', { recursive: true });
    fs.writeFile(target, new Uint8Array(readFileSync(p)));
  }
}

export interface RunOptions {
  stdin?: string[];
  tty?: boolean;
  columns?: number;
  env?: Record<string, string>;
  cwd?: string;
  uid?: number;
  /** Interrupt (signal 2 unless given) once simulated time passes this many ms. */
  interruptAfter?: number;
  signo?: number;
}

export interface Chunk {
  at: number;
  text: string;
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout writes with the simulated time they happened at (ms since start). */
  chunks: Chunk[];
  elapsed: number;
}

class TestClock implements Clock {
  private readonly clock = new VirtualClock(DEFAULT_EPOCH);
  constructor(
    private readonly stopAt: number | undefined,
    private readonly stop: () => void,
  ) {}
  now(): number {
    return this.clock.now();
  }
  async sleep(ms: number, signal?: InterruptSignal): Promise<void> {
    const elapsed = this.clock.now() - DEFAULT_EPOCH;
    if (this.stopAt !== undefined && elapsed + ms >= this.stopAt) {
      this.clock.advance(Math.max(0, this.stopAt - elapsed));
      this.stop();
      throw new Interrupted(signal?.signo ?? 2);
    }
    await this.clock.sleep(ms, signal);
  }
}

function resolve(fs: FileSystem, env: Record<string, string>, cwd: string, name: string): string | null {
  if (name.includes('/')) return name.startsWith('/') ? name : `${cwd === '/' ? '' : cwd}/${name}`;
  for (const dir of (env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(':')) {
    const p = `${dir}/${name}`;
    try {
      if (fs.stat(p).kind === 'file') return p;
    } catch {
      // next
    }
  }
  return null;
}

/** Runs `argv` in the container like `docker exec`/`docker run` would, with the given streams. */
export async function run(c: Container, argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const controller = new InterruptController();
  const clock = new TestClock(options.interruptAfter, () => controller.interrupt(options.signo ?? 2));
  const uid = options.uid ?? c.uid;
  const fs = c.fs.as({ uid, gid: uid });
  const env = { ...c.env, ...(options.env ?? {}) };
  const cwd = options.cwd ?? c.cwd;
  let stdout = '';
  let stderr = '';
  const chunks: Chunk[] = [];
  const input = [...(options.stdin ?? [])];
  const start = clock.now();
  let args = [...argv];
  for (let depth = 0; depth < 4; depth++) {
    const path = resolve(fs, env, cwd, args[0]!);
    if (!path) return { status: 127, stdout, stderr: `${args[0]}: command not found\n`, chunks, elapsed: 0 };
    const kind = classifyExecutable(fs.readText(path).slice(0, 200));
    if (kind.kind === 'script') {
      args = [kind.interpreter, ...(kind.argument ? [kind.argument] : []), path, ...args.slice(1)];
      continue;
    }
    if (kind.kind !== 'program') throw new Error(`cannot run ${path}`);
    const program = containerPrograms[kind.id];
    if (!program) throw new Error(`no program ${kind.id}`);
    const ctx: ProcessContext = {
      argv: args,
      env,
      cwd,
      fs,
      cred: { uid, gid: uid },
      stdin: { read: async () => input.shift() ?? null },
      stdout: {
        write: (t) => {
          stdout += t;
          chunks.push({ at: clock.now() - start, text: t });
        },
      },
      stderr: { write: (t) => (stderr += t) },
      tty: { stdin: options.tty ?? false, stdout: options.tty ?? false, stderr: options.tty ?? false },
      terminal: { columns: options.columns ?? 120, rows: 30 },
      clock,
      signal: controller.signal,
    };
    const status = await program(ctx);
    return { status, stdout, stderr, chunks, elapsed: clock.now() - start };
  }
  throw new Error('too many interpreters');
}

export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** A recorded real run: stdout, stderr and status of `name` (see oracle/record_scripts.sh). */
export function fixture(name: string): { stdout: string; stderr: string; status: number; workdir: string } {
  const read = (ext: string) => readFileSync(join(FIXTURES, `${name}.${ext}`), 'utf8');
  return { stdout: read('stdout'), stderr: read('stderr'), status: Number(read('status').trim()), workdir: readFileSync(join(FIXTURES, 'workdir.txt'), 'utf8').trim() };
}
