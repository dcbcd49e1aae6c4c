/**
 * The solve: every vertex the target needs, in dependency order, from the build cache when its
 * key is known (CACHED) or by running it (RUN in the build container, COPY/ADD, WORKDIR's mkdir,
 * base image downloads). Cache keys follow BuildKit: the op, its parent's key, the build args in
 * the environment, and the content of what COPY reads. Results are layers (plain trees) kept in
 * the image store's content with a build-cache record each, so the cache outlives images.
 */
import type { Layer } from '../../fs/overlay';
import { OverlayFs } from '../../fs/overlay';
import { MemoryFs } from '../../fs/memory';
import { MountedFs } from '../../fs/mounts';
import type { TreeState } from '../../fs/state';
import type { FileSystemView } from '../../fs/types';
import type { Clock, InterruptSignal, Program } from '../../process';
import { Interrupted } from '../../process';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { DockerEngine } from '../engine';
import type { BuildCacheRecord, Descriptor, Digest, ImageView, LayerBlob } from '../daemon';
import { makeLayerBlob } from '../daemon';
import type { BuildContext } from './context';
import { contextSource, copyInto, FetchError, fsSource, NotFoundError, resolveSources, resolveChown, walkSources } from './copy';
import type { CopySourceFs, SourceNode } from './copy';
import { BuildError } from './errors';
import { MSG } from './messages';
import type { CopyVertex, ImageVertex, InlineVertex, MkdirVertex, RunVertex, Vertex } from './plan';
import type { ProgressSink } from './progress';
import { resolveUser, UserError } from '../runtime';
import type { ContainerExec } from './run';

// ---------------------------------------------------------------------------------------------
// the builder's own state (engine.room('builder'))

export interface StepRecord {
  /** The build-cache record (image store) that keeps the layer. */
  cacheId: string;
  /** The layer blob's digest (content store). */
  layer: Digest;
  /** When the layer was made (history `created`). */
  createdAt: number;
}

export interface BuilderRoomState {
  /** Step results by cache key. */
  records: Record<string, StepRecord>;
  /** What the receiver holds of each context directory (incremental context transfers). */
  synced: Record<string, Record<string, string>>;
  /** `RUN --mount=type=cache` contents by id. */
  cacheMounts: Record<string, TreeState>;
  /** The shared key of each context directory's local source (in checksum error refs). */
  sharedKeys: Record<string, string>;
  /** Builds so far (seeds per-build ids). */
  builds: number;
}

export function createBuilderState(): BuilderRoomState {
  return { records: {}, synced: {}, cacheMounts: {}, sharedKeys: {}, builds: 0 };
}

export function hashHex(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}

/** A BuildKit-style random id (25 base-36 characters), derived from a seed. */
export function refId(seed: string): string {
  const hex = hashHex(seed);
  let out = '';
  for (let i = 0; i < 25; i++) out += (Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 36).toString(36);
  return out;
}

// ---------------------------------------------------------------------------------------------
// results

export interface LayerRef {
  layer: Layer;
  /** Milliseconds: when the step made it (base image layers: undefined). */
  createdAt?: number;
  /** The vertex that made it. */
  vertexId?: string;
}

export interface Result {
  key: string;
  layers: LayerRef[];
  /** The image the root filesystem starts from. */
  base?: { descriptor: Descriptor; view: ImageView };
}

export interface SolveEnv {
  engine: DockerEngine;
  state: BuilderRoomState;
  progress: ProgressSink;
  clock: Clock;
  signal: InterruptSignal;
  /** The build context (loaded by the caller) when a step reads it. */
  context: BuildContext | null;
  /** `<shared key>::<build ref>`, as checksum errors name the context. */
  contextRef: string;
  exec: ContainerExec;
  /** Program ids for executables in images (default: the container programs). */
  programs?: (id: string) => Program | undefined;
  /** Downloads the base image of an image vertex (FROM), reporting progress on the vertex. */
  fetchBase: (v: ImageVertex) => Promise<{ descriptor: Descriptor; view: ImageView }>;
  /** The local image behind an image vertex, when it is already in the store. */
  localBase: (v: ImageVertex) => { descriptor: Descriptor; view: ImageView } | undefined;
}

/** A step failed: `vertex` ends with ERROR (or the failure is before any vertex). */
export class StepError extends BuildError {
  constructor(
    message: string,
    readonly vertex: Vertex | null,
    /** The vertex's own ERROR line text (defaults to the message). */
    readonly vertexMessage = message,
  ) {
    super(message, vertex?.location ? { ranges: [vertex.location] } : { solve: true });
  }
}

function contentKey(src: CopySourceFs, nodes: readonly SourceNode[], cache: Map<string, string>): string {
  const parts: string[] = [];
  for (const root of nodes) {
    const base = root.path;
    for (const n of walkSources(src, [root])) {
      const rel = n.path === base ? '.' : n.path.slice(base.length + (base === '/' ? 0 : 1));
      let digest = '';
      if (n.kind === 'file') {
        const memo = `${n.path}\0${n.mtime}\0${n.size}`;
        let d = cache.get(memo);
        if (d === undefined) {
          const c = src.content(n.path);
          const h = sha256.create();
          h.update(c.data);
          d = `${c.synthetic ? `${c.synthetic.size}:${c.synthetic.seed}:` : ''}${bytesToHex(h.digest())}`;
          cache.set(memo, d);
        }
        digest = d;
      }
      parts.push(`${rel}|${n.kind}|${n.mode.toString(8)}|${n.size}|${digest}|${n.target ?? ''}`);
    }
  }
  return parts.join('\n');
}

/** Milliseconds a step's own work takes (on top of what the programs it runs take). */
const RUN_STARTUP = 100;
const RUN_TEARDOWN = 50;

export class Solver {
  private readonly keys = new Map<string, string>();
  private readonly results = new Map<string, Promise<Result>>();
  private readonly contentDigests = new Map<string, string>();
  readonly printed = new Set<string>();

  constructor(private readonly env: SolveEnv) {}

  get contextRef(): string {
    return this.env.contextRef;
  }

  private get images() {
    return this.env.engine.images;
  }

  // ---- cache ---------------------------------------------------------------------------------

  /** A step record that still has its layer (not pruned). */
  lookup(key: string): StepRecord | undefined {
    const rec = this.env.state.records[key];
    if (!rec) return undefined;
    const state = this.images.state;
    if (!state.buildCache.some((c) => c.ID === rec.cacheId)) return undefined;
    if (state.content[rec.layer]?.kind !== 'layer') return undefined;
    return rec;
  }

  private store(key: string, v: Vertex, layer: Layer, parentCache?: string): StepRecord {
    const now = this.env.clock.now();
    const blob: LayerBlob = makeLayerBlob(layer);
    const state = this.images.state;
    state.content[blob.digest] = blob;
    const cacheId = refId(`cache\0${key}`);
    const old = state.buildCache.find((c) => c.ID === cacheId);
    if (old) {
      old.LastUsedAt = now;
      old.UsageCount++;
      old.blobs = [blob.digest];
    } else {
      const record: BuildCacheRecord = {
        ID: cacheId,
        ...(parentCache ? { Parents: [parentCache] } : {}),
        Type: 'regular',
        Description: describe(v),
        InUse: false,
        Shared: false,
        Size: blob.diskUsage,
        CreatedAt: now,
        LastUsedAt: now,
        UsageCount: 1,
        blobs: [blob.digest],
      };
      state.buildCache.push(record);
    }
    const rec: StepRecord = { cacheId, layer: blob.digest, createdAt: now };
    this.env.state.records[key] = rec;
    return rec;
  }

  private touch(rec: StepRecord): void {
    const c = this.images.state.buildCache.find((r) => r.ID === rec.cacheId);
    if (c) {
      c.LastUsedAt = this.env.clock.now();
      c.UsageCount++;
    }
  }

  // ---- keys ----------------------------------------------------------------------------------

  /**
   * The cache key of a vertex whose inputs need no building (everything but COPY from a stage).
   * Throws NotFoundError for a COPY source missing from the context.
   */
  staticKey(v: Vertex): string | undefined {
    const known = this.keys.get(v.id);
    if (known) return known;
    if (v.kind === 'copy' && v.from.kind === 'vertex') return undefined;
    const parentKey = v.parent ? this.staticKey(v.parent) : '';
    if (parentKey === undefined) return undefined;
    let key: string;
    switch (v.kind) {
      case 'image':
        key = hashHex(`image\0${v.base.digest}`);
        break;
      case 'inline':
        key = hashHex(`inline\0${v.file}\0${v.mode}\0${v.data}`);
        break;
      case 'mkdir':
        key = hashHex(JSON.stringify(['mkdir', v.path, v.user, parentKey]));
        break;
      case 'run': {
        const mounts: unknown[] = [];
        for (const m of v.mounts) {
          let from: string | null | undefined;
          if (m.fromVertex !== undefined) {
            from = m.fromVertex ? this.staticKey(m.fromVertex) : null;
            if (from === undefined) return undefined;
          }
          mounts.push({ ...m, fromVertex: from });
        }
        key = hashHex(JSON.stringify(['run', v.args, v.env, v.cwd, v.user, mounts, v.network, v.script ?? null, parentKey]));
        break;
      }
      case 'copy': {
        for (const s of v.sources) if (s.url) throw new FetchError(s.url);
        const src = this.copySource(v);
        const nodes: SourceNode[] = [];
        if (src) for (const s of v.sources) nodes.push(...resolveSources(src, s.path));
        const inline = v.from.kind === 'inline' ? v.from.files : ((v as CopyVertex & { inline?: InlineVertex[] }).inline ?? []);
        const inlineKeys = inline.map((f) => this.staticKey(f));
        const content = src ? contentKey(src, nodes, this.contentDigests) : '';
        key = hashHex(JSON.stringify(['copy', v.isAdd, v.sources, v.dest, v.chown, v.chmod, v.from.kind, inlineKeys, content, parentKey]));
        break;
      }
    }
    this.keys.set(v.id, key);
    return key;
  }

  private copySource(v: CopyVertex, root?: FileSystemView): CopySourceFs | null {
    if (v.from.kind === 'context') {
      if (!this.env.context) throw new Error('build context not loaded');
      return contextSource(this.env.context);
    }
    if (v.from.kind === 'vertex') return root ? fsSource(root) : null;
    return null;
  }

  // ---- results -------------------------------------------------------------------------------

  /** The vertex's result, building it (and what it needs) unless cached. */
  result(v: Vertex): Promise<Result> {
    let p = this.results.get(v.id);
    if (!p) {
      p = this.solve(v);
      this.results.set(v.id, p);
    }
    return p;
  }

  /** Reports a vertex that is cached without materialising anything. */
  markCached(v: Vertex): void {
    if (this.printed.has(v.id)) return;
    this.printed.add(v.id);
    this.env.progress.start(v.id, v.name);
    this.env.progress.complete(v.id, { cached: true });
  }

  private async parentResult(v: Vertex): Promise<Result | undefined> {
    return v.parent ? this.result(v.parent) : undefined;
  }

  private async solve(v: Vertex): Promise<Result> {
    if (v.kind === 'image') return this.solveImage(v);
    if (v.kind === 'inline') {
      const key = this.staticKey(v)!;
      if (!this.printed.has(v.id)) {
        this.printed.add(v.id);
        this.env.progress.start(v.id, v.name);
        this.env.progress.complete(v.id);
      }
      return { key, layers: [] };
    }
    // a cached step needs its parent's result only as a chain of layers
    let key = this.staticKey(v);
    const parent = await this.parentResult(v);
    if (key === undefined) {
      // COPY --from: the key needs the source's content
      key = await this.dynamicKey(v as CopyVertex, parent);
    }
    const rec = v.ignoreCache ? undefined : this.lookup(key);
    if (rec) {
      this.touch(rec);
      const layer = this.layerOf(rec);
      this.markCached(v);
      return { key, layers: [...(parent?.layers ?? []), { layer, createdAt: rec.createdAt, vertexId: v.id }], ...(parent?.base ? { base: parent.base } : {}) };
    }
    // make sure sources are built before the step starts
    if (v.kind === 'copy' && v.from.kind === 'vertex' && v.from.vertex) await this.result(v.from.vertex);
    if (v.kind === 'run') for (const m of v.mounts) if (m.fromVertex) await this.result(m.fromVertex);
    this.printed.add(v.id);
    this.env.progress.start(v.id, v.name);
    const lowers = (parent?.layers ?? []).map((l) => l.layer);
    let layer: Layer;
    try {
      if (v.kind === 'run') layer = await this.execRun(v, lowers);
      else if (v.kind === 'copy') layer = await this.execCopy(v, lowers);
      else layer = await this.execMkdir(v as MkdirVertex, lowers);
    } catch (e) {
      if (e instanceof Interrupted) {
        this.env.progress.complete(v.id, { error: MSG.canceled, canceled: true });
        throw e;
      }
      const err = e instanceof StepError ? e : new StepError((e as Error).message, v);
      this.env.progress.complete(v.id, { error: err.vertexMessage });
      throw err;
    }
    const parentRec = v.parent && v.parent.kind !== 'image' ? this.env.state.records[this.keys.get(v.parent.id) ?? ''] : undefined;
    const stored = this.store(key, v, layer, parentRec?.cacheId);
    this.env.progress.complete(v.id);
    return { key, layers: [...(parent?.layers ?? []), { layer, createdAt: stored.createdAt, vertexId: v.id }], ...(parent?.base ? { base: parent.base } : {}) };
  }

  private layerOf(rec: StepRecord): Layer {
    const blob = this.images.state.content[rec.layer];
    if (blob?.kind !== 'layer') throw new Error(`layer ${rec.layer} missing`);
    return blob.layer;
  }

  private async dynamicKey(v: CopyVertex, parent: Result | undefined): Promise<string> {
    const parentKey = parent?.key ?? '';
    const from = v.from.kind === 'vertex' ? v.from.vertex : null;
    const srcResult = from ? await this.result(from) : undefined;
    const root = new OverlayFs((srcResult?.layers ?? []).map((l) => l.layer));
    const src = fsSource(root);
    const nodes: SourceNode[] = [];
    try {
      for (const s of v.sources) nodes.push(...resolveSources(src, s.path));
    } catch (e) {
      if (e instanceof NotFoundError) {
        const ref = `${refId(`ref\0${srcResult?.key ?? ''}`)}::${refId(`ref\0${v.id}\0${this.env.contextRef}`)}`;
        const msg = MSG.checksumNotFound(ref, e.path);
        throw new StepError(MSG.computeCacheKey(msg), v, msg);
      }
      throw e;
    }
    const key = hashHex(JSON.stringify(['copy', v.isAdd, v.sources, v.dest, v.chown, v.chmod, 'vertex', contentKey(src, nodes, this.contentDigests), parentKey]));
    this.keys.set(v.id, key);
    return key;
  }

  private async solveImage(v: ImageVertex): Promise<Result> {
    const key = this.staticKey(v)!;
    const present = this.env.localBase(v);
    let base: { descriptor: Descriptor; view: ImageView };
    if (present) {
      base = present;
      if (!this.printed.has(v.id)) {
        this.printed.add(v.id);
        this.env.progress.start(v.id, v.name);
        this.env.progress.status(v.id, `resolve ${v.base.ref}@${v.base.digest}`, { completed: this.env.clock.now() });
        this.env.progress.complete(v.id, { cached: true });
      }
    } else {
      this.printed.add(v.id);
      base = await this.env.fetchBase(v);
    }
    return { key, layers: base.view.layers.map((l) => ({ layer: l.layer })), base };
  }

  // ---- execution -----------------------------------------------------------------------------

  private async execRun(v: RunVertex, lowers: Layer[]): Promise<Layer> {
    const { clock, signal, progress } = this.env;
    const overlay = new OverlayFs(lowers, { clock: () => clock.now() });
    const needsMounts = v.mounts.length > 0 || v.script !== undefined;
    const fs: FileSystemView = needsMounts ? new MountedFs(overlay, { clock: () => clock.now() }) : overlay;
    const cacheMounts: { id: string; fs: MemoryFs }[] = [];
    if (needsMounts) {
      const mfs = fs as MountedFs;
      for (const m of v.mounts) {
        if (m.type === 'cache') {
          const id = m.id ?? m.target;
          const state = this.env.state.cacheMounts[id];
          const cfs = state ? new MemoryFs({ state, clock: () => clock.now() }) : new MemoryFs({ clock: () => clock.now(), root: { mode: m.mode ?? 0o755, uid: m.uid ?? 0, gid: m.gid ?? 0 } });
          cacheMounts.push({ id, fs: cfs });
          mfs.mount(m.target, cfs);
        } else if (m.type === 'tmpfs') {
          mfs.mount(m.target, new MemoryFs({ clock: () => clock.now() }));
        } else if (m.type === 'bind') {
          if (m.fromVertex !== undefined) {
            const r = m.fromVertex ? await this.result(m.fromVertex) : undefined;
            const src = new OverlayFs((r?.layers ?? []).map((l) => l.layer));
            mfs.mount(m.target, src, { subpath: m.source ?? '/', readOnly: m.readOnly });
          } else if (this.env.context) {
            const ctxFs = this.env.context.fs as unknown as FileSystemView;
            mfs.mount(m.target, ctxFs, { subpath: this.env.context.abs(m.source ?? ''), readOnly: m.readOnly });
          }
        } else {
          const empty = new MemoryFs({ clock: () => clock.now() });
          if (m.type === 'secret') {
            mfs.mount(m.target.slice(0, m.target.lastIndexOf('/')) || '/', empty, { readOnly: true });
          }
        }
      }
      if (v.script) {
        const pipes = new MemoryFs({ clock: () => clock.now() });
        pipes.writeFile(`/${v.script.name}`, v.script.data, { mode: 0o755 });
        pipes.chmod(`/${v.script.name}`, 0o755);
        mfs.mount('/dev/pipes', pipes, { readOnly: true });
      }
    }
    await clock.sleep(RUN_STARTUP, signal);
    const sink = { write: (text: string) => progress.log(v.id, text) };
    const outcome = await this.env.exec({ fs, argv: v.args, env: withDefaultPath(v.env), cwd: v.cwd, user: v.user, stdout: sink, stderr: sink, clock, signal }, this.env.programs);
    // Ctrl+C of the client cancels the step, whatever the process made of its signal
    if (signal.interrupted) throw new Interrupted(signal.signo);
    await clock.sleep(RUN_TEARDOWN, signal);
    for (const c of cacheMounts) this.env.state.cacheMounts[c.id] = c.fs.state;
    const joined = v.args.join(' ');
    if (outcome.startError !== undefined) throw new StepError(`process "${joined}" did not complete successfully: ${outcome.startError}`, v);
    if (outcome.exitCode !== 0) throw new StepError(MSG.processFailed(joined, outcome.exitCode ?? 1), v);
    if (needsMounts) {
      const mfs = fs as MountedFs;
      const targets = [...v.mounts.map((m) => m.target), ...(v.script ? ['/dev/pipes'] : [])];
      for (const t of targets.reverse()) {
        try {
          mfs.unmount(t.startsWith('/') ? t : `/${t}`);
        } catch {
          // not mounted
        }
      }
    }
    return overlay.upper;
  }

  private async execCopy(v: CopyVertex, lowers: Layer[]): Promise<Layer> {
    const { clock, signal } = this.env;
    const overlay = new OverlayFs(lowers, { clock: () => clock.now() });
    let owner = { uid: 0, gid: 0 };
    if (v.chown !== '') {
      try {
        owner = resolveChown(overlay, v.chown);
      } catch {
        owner = { uid: 0, gid: 0 };
      }
    }
    const opts = { ...owner, ...(v.chmod !== '' ? { mode: Number.parseInt(v.chmod, 8) } : {}), now: clock.now() };
    let bytes = 0;
    if (v.from.kind === 'inline' || (v as CopyVertex & { inline?: InlineVertex[] }).inline) {
      const files = v.from.kind === 'inline' ? v.from.files : ((v as CopyVertex & { inline?: InlineVertex[] }).inline ?? []);
      const mem = new MemoryFs({ clock: () => clock.now() });
      for (const f of files) {
        mem.writeFile(`/${f.file}`, f.data, { mode: f.mode });
        bytes += f.data.length;
      }
      const src = fsSource(mem);
      for (const f of files) copyInto(overlay, src, src.stat(`/${f.file}`, true)!, v.dest, opts);
    }
    if (v.from.kind !== 'inline') {
      let src: CopySourceFs;
      if (v.from.kind === 'context') src = contextSource(this.env.context!);
      else {
        const r = v.from.vertex ? await this.result(v.from.vertex) : undefined;
        src = fsSource(new OverlayFs((r?.layers ?? []).map((l) => l.layer)));
      }
      for (const s of v.sources) {
        for (const node of resolveSources(src, s.path)) {
          bytes += walkSources(src, [node]).reduce((n, x) => n + x.size, 0);
          try {
            copyInto(overlay, src, node, v.dest, opts);
          } catch (e) {
            const err = e as Error & { code?: string };
            if (err.code === 'EISDIR' || err.code === 'ENOTDIR') throw new StepError(MSG.cannotCopyDirToFile(v.dest), v);
            throw e;
          }
        }
      }
    }
    // copying takes a moment: ~200 MB/s
    await clock.sleep(Math.min(5000, Math.round(bytes / 200_000)), signal);
    return overlay.upper;
  }

  private async execMkdir(v: MkdirVertex, lowers: Layer[]): Promise<Layer> {
    const { clock, signal } = this.env;
    const overlay = new OverlayFs(lowers, { clock: () => clock.now() });
    let uid = 0;
    let gid = 0;
    if (v.user !== '') {
      try {
        const u = resolveUser(overlay, v.user);
        uid = u.uid;
        gid = u.gid;
      } catch (e) {
        if (e instanceof UserError) throw new StepError(e.message, v);
        throw e;
      }
    }
    const parts = v.path.split('/').filter((p) => p !== '');
    let cur = '';
    for (const part of parts) {
      cur += `/${part}`;
      let exists = false;
      try {
        const st = overlay.stat(cur);
        exists = st.kind === 'dir';
        if (!exists) throw new StepError(`mkdir ${v.path}: not a directory`, v);
      } catch (e) {
        if (e instanceof StepError) throw e;
      }
      if (!exists) {
        overlay.mkdir(cur, { mode: 0o755 });
        overlay.chmod(cur, 0o755);
        overlay.chown(cur, uid, gid);
      }
    }
    await clock.sleep(20, signal);
    return overlay.upper;
  }
}

function withDefaultPath(env: readonly string[]): string[] {
  if (env.some((e) => e.startsWith('PATH='))) return [...env];
  return [...env, 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];
}

/** The build-cache description of a step (`docker system df -v`). */
function describe(v: Vertex): string {
  switch (v.kind) {
    case 'run':
      return `mount / from exec ${v.args.join(' ')}`;
    case 'mkdir':
      return `mkdir ${v.path}`;
    case 'copy':
      return v.name;
    default:
      return v.name;
  }
}
