/**
 * One `docker build` (buildx 0.13 with the docker driver, BuildKit v0.13 in the daemon):
 * client-side checks, the frontend (read the Dockerfile, load base image metadata and
 * `.dockerignore`, convert), the solve, the export to the image store, and buildx's output.
 */
import type { FileSystem } from '../../fs/types';
import type { Clock, InputStream, InterruptSignal, OutputStream, Program } from '../../process';
import { Interrupted } from '../../process';
import { VirtualClock } from '../../clock';
import type { DockerEngine } from '../engine';
import type { Descriptor, Digest, ImageConfig, ImageView, NewHistoryEntry, Platform } from '../daemon';
import { reference, ReferenceError, RegistryError } from '../daemon';
import { parseRfc3339 } from '../daemon/oci/encode';
import { viewOf } from '../daemon/images/store';
import { BuildContext, entryFromStat, singleFileSize, syncSize } from './context';
import { BuildError, clientError } from './errors';
import { printSource } from './excerpt';
import { HISTORY_COMMENT, MSG } from './messages';
import { contextPaths, dispatch, parsePlatform, prepare, solveOrder } from './plan';
import type { BaseImage, CopyVertex, ImageVertex, Plan, PlanOptions, Vertex } from './plan';
import { PlainProgress, QuietProgress, TtyProgress } from './progress';
import type { ProgressSink } from './progress';
import { runtimeExec } from './run';
import type { ContainerExec } from './run';
import { FetchError, NotFoundError } from './copy';
import { Solver, StepError, createBuilderState, refId } from './solver';
import type { BuilderRoomState, Result } from './solver';

export interface BuildOptions {
  /** The PATH argument as typed. */
  context: string;
  /** `-f` as typed ('' for the default). */
  file: string;
  tags: readonly string[];
  buildArgs: readonly string[];
  noCache: boolean;
  noCacheFilter: readonly string[];
  target: string;
  platforms: readonly string[];
  /** auto, plain, tty, quiet, rawjson */
  progress: string;
  quiet: boolean;
  pull: boolean;
  labels: readonly string[];
  iidfile: string;
}

export interface BuildIO {
  cwd: string;
  /** `docker build -` and `-f -` read the Dockerfile from here. */
  stdin?: InputStream;
  /** The client's filesystem as the user running docker sees it. */
  fs: FileSystem;
  env: Readonly<Record<string, string>>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Whether stderr (where progress goes) is a terminal. */
  tty: boolean;
  terminal: { columns: number; rows: number };
  clock: Clock;
  signal: InterruptSignal;
}

export interface BuilderHooks {
  /** How RUN runs a process (the container runtime); default: the shell in the build container. */
  exec?: ContainerExec;
  /** Programs by id for executables in images. */
  programs?: (id: string) => Program | undefined;
}

export const BUILDER_ROOM = 'builder';

export function builderState(engine: DockerEngine): BuilderRoomState {
  return engine.room(BUILDER_ROOM, createBuilderState);
}

function resolvePath(cwd: string, p: string): string {
  const abs = p.startsWith('/') ? p : `${cwd === '/' ? '' : cwd}/${p}`;
  const out: string[] = [];
  for (const part of abs.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

function basename(p: string): string {
  const clean = p.replace(/\/+$/, '');
  return clean.slice(clean.lastIndexOf('/') + 1) || clean;
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/** buildx's tag check (docker/distribution reference in buildx 0.13's vendor). */
function checkTag(tag: string): string | null {
  try {
    reference.parseNormalizedNamed(tag);
    return null;
  } catch (e) {
    if (e instanceof ReferenceError) return e.message.includes('must be lowercase') ? 'repository name must be lowercase' : e.message.replace(/^invalid reference format: .*/, 'invalid reference format');
    return 'invalid reference format';
  }
}

function parseBuildArgs(list: readonly string[], env: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of list) {
    const eq = a.indexOf('=');
    const key = eq < 0 ? a : a.slice(0, eq);
    if (key === '') throw clientError(`invalid key-value pair "${a}": empty key`);
    if (eq < 0) {
      // `--build-arg KEY` takes the value from the client's environment
      const v = env[key];
      if (v !== undefined) out.set(key, v);
      continue;
    }
    out.set(key, a.slice(eq + 1));
  }
  return out;
}

interface ResolvedBase extends BaseImage {
  local: boolean;
  descriptor: Descriptor;
  /** Compressed size of the first layer to download (for a canceled pull's first status). */
  firstLayer?: { digest: Digest; size: number };
}

const HOST: Platform = { os: 'linux', architecture: 'amd64' };

class Build {
  readonly state: BuilderRoomState;
  readonly progress: ProgressSink;
  private readonly started: number;
  private dockerfileName = 'Dockerfile';
  private dockerfileText = '';
  private readonly bases = new Map<string, ResolvedBase>();
  /** Warnings of the build (printed after a successful build). */
  readonly warnings: string[] = [];

  constructor(
    readonly engine: DockerEngine,
    readonly options: BuildOptions,
    readonly io: BuildIO,
    readonly hooks: BuilderHooks,
    readonly mode: 'plain' | 'tty' | 'quiet',
  ) {
    this.state = builderState(engine);
    this.state.builds++;
    this.started = io.clock.now();
    if (mode === 'quiet') this.progress = new QuietProgress(io.stderr, io.clock);
    else if (mode === 'tty') this.progress = new TtyProgress(io.stderr, io.clock, { columns: io.terminal.columns, rows: io.terminal.rows, desc: 'docker:default', live: !(io.clock instanceof VirtualClock) });
    else this.progress = new PlainProgress(io.stderr, io.clock);
  }

  private sleep(ms: number): Promise<void> {
    return this.io.clock.sleep(ms, this.io.signal);
  }

  /** The whole build; resolves to the image id or throws a BuildError. */
  /**
   * `dockerfile` is a path, or the text read from stdin (`docker build -` / `-f -`); a null
   * context directory is the empty context of `docker build -`.
   */
  async run(contextDir: string | null, dockerfile: { path: string } | { stdin: string }, buildArgs: Map<string, string>, platform: Platform): Promise<string> {
    const p = this.progress;
    // #1 the build definition
    const dockerfilePath = 'path' in dockerfile ? dockerfile.path : `${contextDir ?? ''}/Dockerfile`;
    this.dockerfileName = 'path' in dockerfile ? basename(dockerfile.path) : 'Dockerfile';
    p.start('def', MSG.loadDefinition(this.dockerfileName));
    let text: string | null = null;
    let entry;
    if ('stdin' in dockerfile) {
      text = dockerfile.stdin;
      entry = { rel: 'Dockerfile', kind: 'file' as const, mode: 0o600, size: new TextEncoder().encode(text).length, mtime: this.io.clock.now() };
    } else {
      try {
        const st = this.io.fs.stat(dockerfilePath);
        if (st.kind === 'file') {
          text = this.io.fs.readText(dockerfilePath);
          entry = entryFromStat(this.dockerfileName, st);
        }
      } catch {
        text = null;
      }
    }
    await this.sleep(10);
    p.status('def', MSG.transferringDockerfile, { current: singleFileSize(entry), completed: this.io.clock.now() });
    if (text === null) {
      p.complete('def');
      throw new BuildError(MSG.readDockerfile(this.dockerfileName), { solve: true });
    }
    this.dockerfileText = text;
    if (text.length === 0) {
      p.complete('def');
      throw new BuildError(MSG.emptyDockerfile, { solve: true });
    }

    const planOptions: PlanOptions = {
      buildArgs,
      target: this.options.target,
      platform,
      buildPlatform: HOST,
      noCache: this.options.noCache,
      noCacheFilter: this.options.noCacheFilter,
    };
    let plan: ReturnType<typeof prepare>;
    try {
      plan = prepare(text, planOptions, (short) => {
        this.warnings.push(short);
        p.warn('def', short);
      });
    } finally {
      p.complete('def');
    }

    // base image metadata
    await this.loadMetadata(plan, platform);

    const bases = new Map<string, BaseImage>();
    for (const [k, v] of this.bases) bases.set(k, v);
    const target = dispatch({ plan, options: planOptions, bases, vertices: new Map() });

    // .dockerignore (the frontend reads it once the conversion is done)
    const ignore = contextDir === null ? { patterns: [], size: singleFileSize(undefined) } : this.readDockerignore(contextDir, dockerfilePath);
    p.start('ignore', MSG.loadDockerignore);
    await this.sleep(5);
    p.status('ignore', MSG.transferringContext, { current: ignore.size, completed: this.io.clock.now() });
    p.complete('ignore');
    const order = solveOrder(target);
    for (const v of order) p.declare(v.id, v.name);

    // the solve
    const includes = contextPaths(plan);
    const ctxDir = contextDir ?? '/dev/null/stdin-context';
    const context = includes !== null && includes.length === 0 ? null : new BuildContext(this.io.fs, ctxDir, ignore.patterns);
    const sharedKey = (this.state.sharedKeys[ctxDir] ??= refId(`shared\0${ctxDir}\0${this.engine.host.seed}`));
    const solver = new Solver({
      engine: this.engine,
      state: this.state,
      progress: p,
      clock: this.io.clock,
      signal: this.io.signal,
      context,
      contextRef: `${sharedKey}::${refId(`build\0${this.state.builds}\0${ctxDir}`)}`,
      exec: this.hooks.exec ?? runtimeExec,
      ...(this.hooks.programs ? { programs: this.hooks.programs } : {}),
      fetchBase: (v) => this.fetchBase(v),
      localBase: (v) => this.localBase(v),
    });

    // keys of everything that needs no building: a COPY of a missing file fails here
    let failed: { vertex: CopyVertex; error: NotFoundError | FetchError } | null = null;
    for (const v of order) {
      try {
        solver.staticKey(v);
      } catch (e) {
        if ((e instanceof NotFoundError || e instanceof FetchError) && v.kind === 'copy') {
          failed = { vertex: v, error: e };
          break;
        }
        throw e;
      }
    }
    const contextVertex = async (): Promise<void> => {
      if (!context) return;
      const entries = context.selected(includes);
      const { bytes, state } = syncSize(entries, this.state.synced[ctxDir], true);
      this.state.synced[ctxDir] = state;
      p.start('context', MSG.loadContext);
      await this.sleep(Math.min(2000, 5 + Math.round(bytes / 50_000)));
      p.status('context', MSG.transferringContext, { current: bytes, completed: this.io.clock.now() });
      p.complete('context');
    };
    if (failed) {
      await contextVertex();
      await this.missingSource(solver, failed.vertex, failed.error);
      throw new Error('unreachable');
    }

    // base images already here are resolved first; inline documents are prepared; then the context
    for (const v of order) {
      if (v.kind === 'image' && this.localBase(v)) await solver.result(v);
      if (v.kind === 'inline') await solver.result(v);
    }
    await contextVertex();
    let root: Result | undefined;
    for (const v of order) {
      const r = await solver.result(v);
      if (v === target.root) root = r;
    }
    if (target.root && !root) root = await solver.result(target.root);

    // export
    return this.exportImage(target, root);
  }

  private readDockerignore(contextDir: string, dockerfilePath: string): { patterns: string[]; size: number } {
    for (const path of [`${dockerfilePath}.dockerignore`, `${contextDir === '/' ? '' : contextDir}/.dockerignore`]) {
      try {
        const st = this.io.fs.stat(path);
        if (st.kind !== 'file') continue;
        const text = this.io.fs.readText(path);
        return { patterns: BuildContext.readIgnoreFile(text), size: singleFileSize(entryFromStat(basename(path), st)) };
      } catch {
        // not there
      }
    }
    return { patterns: [], size: singleFileSize(undefined) };
  }

  // ---- base images ---------------------------------------------------------------------------

  private async loadMetadata(plan: Plan, platform: Platform): Promise<void> {
    const p = this.progress;
    const resolved: { name: string; ref: string; id: string; base?: ResolvedBase; error?: string; location: Plan['images'][number]['location'] }[] = [];
    for (const img of plan.images) {
      let ref: reference.Reference;
      try {
        ref = reference.tagNameOnly(reference.parseNormalizedNamed(img.name));
      } catch (e) {
        const msg = e instanceof ReferenceError ? e.message : String(e);
        throw new BuildError(`failed to parse stage name "${img.name}": ${msg}`, img.location);
      }
      const refStr = reference.referenceString(ref);
      const id = `meta\0${refStr}`;
      const entry: (typeof resolved)[number] = { name: img.name, ref: refStr, id, location: img.location };
      try {
        entry.base = this.resolveBase(ref, refStr, img.platform ?? platform);
      } catch (e) {
        entry.error = (e as Error).message;
      }
      resolved.push(entry);
    }
    // failures are reported first (they come back first); the others are canceled
    const failedOne = resolved.find((r) => r.error !== undefined);
    if (failedOne) {
      p.start(failedOne.id, MSG.loadMetadata(failedOne.ref));
      await this.sleep(this.engine.images.ctx.network.latency);
      p.complete(failedOne.id, { error: failedOne.error! });
      for (const r of resolved) {
        if (r === failedOne || r.ref === failedOne.ref) continue;
        p.start(r.id, MSG.loadMetadata(r.ref));
        p.complete(r.id, { error: MSG.canceled, canceled: true });
      }
      throw new BuildError(MSG.resolveMetadata(failedOne.name, failedOne.ref, failedOne.error!), failedOne.location);
    }
    const seen = new Set<string>();
    for (const r of resolved) {
      this.bases.set(r.name, r.base!);
      if (seen.has(r.ref)) continue;
      seen.add(r.ref);
      p.start(r.id, MSG.loadMetadata(r.ref));
      await this.sleep(r.base!.local ? 10 : Math.round(this.engine.images.ctx.network.latency / 4));
      p.complete(r.id);
    }
  }

  private resolveBase(ref: reference.Reference, refStr: string, platform: Platform): ResolvedBase {
    const images = this.engine.images;
    if (!this.options.pull) {
      try {
        const local = images.getImage(refStr);
        return { ref: refStr, digest: local.record.target.digest, config: local.view.config.config, local: true, descriptor: local.record.target };
      } catch {
        // not local: the registry
      }
    }
    const reg = images.ctx.registries.get(ref.domain);
    const tagOrDigest = ref.digest ?? ref.tag ?? 'latest';
    if (!reg) {
      const host = ref.domain === 'docker.io' ? 'registry-1.docker.io' : ref.domain;
      throw new Error(`failed to do request: Head "https://${host}/v2/${ref.path}/manifests/${tagOrDigest}": dial tcp: lookup ${host.replace(/:\d+$/, '')} on 127.0.0.53:53: no such host`);
    }
    let target: Descriptor;
    try {
      target = reg.resolve(ref);
    } catch (e) {
      if (e instanceof RegistryError) {
        if (e.code === 'MANIFEST_UNKNOWN') throw new Error(MSG.notFound(refStr), { cause: e });
        throw new Error(MSG.pullDenied, { cause: e });
      }
      throw e;
    }
    const content = images.state.content;
    // the config of the platform's manifest, from the store if present, else from the registry
    const fetch = (d: Digest) => content[d] ?? reg.fetch(d);
    let manifestDigest = target.digest;
    const top = fetch(target.digest);
    if (top?.kind === 'index') {
      const m = top.index.manifests.find((d) => !d.annotations?.['vnd.docker.reference.type'] && d.platform?.os === platform.os && d.platform?.architecture === platform.architecture);
      if (!m) throw new Error(`no match for platform in manifest ${target.digest}: not found`);
      manifestDigest = m.digest;
    }
    const manifest = fetch(manifestDigest);
    if (manifest?.kind !== 'manifest') throw new Error(MSG.notFound(refStr));
    const config = fetch(manifest.manifest.config.digest);
    if (config?.kind !== 'config') throw new Error(MSG.notFound(refStr));
    const first = manifest.manifest.layers.find((l) => content[l.digest]?.kind !== 'layer');
    return {
      ref: refStr,
      digest: target.digest,
      config: structuredClone(config.config) as ImageConfig,
      local: false,
      descriptor: target,
      ...(first ? { firstLayer: { digest: first.digest, size: first.size } } : {}),
    };
  }

  /** The base of an image vertex when all its content is in the store (no download needed). */
  private localBase(v: ImageVertex): { descriptor: Descriptor; view: ImageView } | undefined {
    const base = [...this.bases.values()].find((b) => b.ref === v.base.ref && b.digest === v.base.digest);
    if (!base) return undefined;
    const view = viewOf(this.engine.images.state.content, base.descriptor, this.engine.images.ctx.platform);
    return view ? { descriptor: base.descriptor, view } : undefined;
  }

  private async fetchBase(v: ImageVertex): Promise<{ descriptor: Descriptor; view: ImageView }> {
    const p = this.progress;
    p.start(v.id, v.name);
    const lastShown = new Map<string, number>();
    const extractStart = new Map<string, number>();
    const layerStart = new Map<string, number>();
    let fetched;
    try {
      fetched = await this.engine.images.imageFetch(`${v.base.ref}@${v.base.digest}`, {
        signal: this.io.signal,
        onProgress: (ev) => {
          const now = this.io.clock.now();
          if (ev.kind === 'resolved') {
            p.status(v.id, `resolve ${v.base.ref}@${v.base.digest}`, { started: now, completed: now });
            return;
          }
          if (ev.kind === 'layer') {
            const id = ev.digest;
            if (!layerStart.has(id)) layerStart.set(id, now - ev.elapsed);
            const last = lastShown.get(id) ?? -Infinity;
            if (!ev.done && now - last < 100) return;
            lastShown.set(id, now);
            p.status(v.id, id, { current: ev.current, total: ev.total, started: layerStart.get(id)!, ...(ev.done ? { completed: now } : {}) });
            return;
          }
          const id = `extracting ${ev.digest}`;
          if (!extractStart.has(id)) {
            extractStart.set(id, now);
            p.status(v.id, id, { started: now });
          }
          if (ev.done) p.status(v.id, id, { completed: now });
        },
      });
    } catch (e) {
      if (e instanceof Interrupted) {
        p.complete(v.id, { error: MSG.canceled, canceled: true });
        throw e;
      }
      const msg = (e as Error).message;
      p.complete(v.id, { error: msg });
      throw new StepError(msg, v);
    }
    p.complete(v.id);
    return { descriptor: fetched.target, view: fetched.view };
  }

  // ---- a COPY source missing from the context ----------------------------------------------

  private async missingSource(solver: Solver, v: CopyVertex, err: NotFoundError | FetchError): Promise<never> {
    const p = this.progress;
    const ref = solver.contextRef;
    const msg = err instanceof FetchError ? err.message : MSG.checksumNotFound(ref, err.path);
    // a URL that cannot be fetched: no excerpt, `failed to load cache key`
    const fail = (): StepError => (err instanceof FetchError ? new StepError(`failed to load cache key: ${msg}`, { ...v, location: undefined } as unknown as CopyVertex, msg) : new StepError(MSG.computeCacheKey(msg), v, msg));
    const chain: Vertex[] = [];
    for (let c = v.parent; c; c = c.parent) chain.unshift(c);
    const root = chain[0]?.kind === 'image' ? (chain[0] as ImageVertex) : undefined;
    // BuildKit fails while it computes cache keys: the steps before the COPY are reported CACHED
    // (recorded on the reference lab, whether or not they were in the cache) and the FROM canceled
    const cachedAncestors = chain.filter((c) => c.kind !== 'image');
    if (cachedAncestors.length > 0 || (root && this.localBase(root)) || err instanceof FetchError) {
      for (const c of cachedAncestors) solver.markCached(c);
      p.start(v.id, v.name);
      p.complete(v.id, { error: msg });
      if (root) {
        p.start(root.id, root.name);
        if (!(err instanceof FetchError)) p.status(root.id, `resolve ${root.base.ref}@${root.base.digest}`, { completed: this.io.clock.now() });
        p.complete(root.id, { error: MSG.canceled, canceled: true });
      }
      throw fail();
    }
    if (root) {
      const local = this.localBase(root);
      p.start(root.id, root.name);
      p.status(root.id, `resolve ${root.base.ref}@${root.base.digest}`, { completed: this.io.clock.now() });
      if (local) p.complete(root.id, { cached: true });
      else {
        const base = [...this.bases.values()].find((b) => b.ref === root.base.ref);
        if (base?.firstLayer) p.status(root.id, base.firstLayer.digest, { current: 0, total: base.firstLayer.size });
      }
    }
    p.start(v.id, v.name);
    p.complete(v.id, { error: MSG.canceled, canceled: true });
    throw fail();
  }

  // ---- export --------------------------------------------------------------------------------

  private async exportImage(target: ReturnType<typeof dispatch>, root: Result | undefined): Promise<string> {
    const p = this.progress;
    const clock = this.io.clock;
    const images = this.engine.images;
    p.start('export', MSG.exporting);
    // history: when each layer was made; metadata entries take the time of the layer around them
    const layerTimes = new Map<string, number>();
    for (const l of root?.layers ?? []) if (l.vertexId && l.createdAt !== undefined) layerTimes.set(l.vertexId, l.createdAt);
    const baseTimes = (target.baseHistory ?? []).map((h) => (h.created ? parseRfc3339(h.created) : undefined));
    const drafts = target.history;
    const times: (number | undefined)[] = [...baseTimes, ...drafts.map((d) => (d.layerOf ? layerTimes.get(d.layerOf.id) : undefined))];
    let created: number | undefined;
    let seenNil = false;
    for (const t of times) {
      if (t !== undefined && !Number.isNaN(t)) {
        created = t;
        if (seenNil) break;
      } else seenNil = true;
    }
    seenNil = false;
    const filled = times.map((t) => {
      if (t !== undefined && !Number.isNaN(t)) {
        if (seenNil) created = t;
        return t;
      }
      seenNil = true;
      return created;
    });
    const now = clock.now();
    const newTimes = filled.slice(baseTimes.length);
    const history: NewHistoryEntry[] = drafts.map((d, i) => {
      const entry: NewHistoryEntry = { createdBy: d.createdBy, comment: HISTORY_COMMENT, created: newTimes[i] ?? now };
      if (d.layerOf) {
        const ref = root?.layers.find((l) => l.vertexId === d.layerOf!.id);
        if (ref) entry.layer = ref.layer;
      }
      return entry;
    });
    const config = structuredClone(target.image.config);
    for (const l of this.options.labels) {
      const eq = l.indexOf('=');
      config.Labels = { ...(config.Labels ?? {}), [eq < 0 ? l : l.slice(0, eq)]: eq < 0 ? '' : l.slice(eq + 1) };
    }
    const imageCreated = filled.length > 0 ? (filled[filled.length - 1] ?? now) : now;
    const newLayerBytes = history.reduce((n, h) => n + (h.layer ? 1 : 0), 0);
    await this.sleep(newLayerBytes > 0 ? 60 : 10);
    p.status('export', 'exporting layers', { started: now, completed: clock.now() });
    const result = images.imageCreate({
      ...(root?.base ? { base: root.base.descriptor } : {}),
      config,
      history,
      created: imageCreated,
      ...(target.image.author ? { author: target.image.author } : {}),
      tags: [...this.options.tags],
      buildStarted: this.started,
    });
    const step = async (text: string): Promise<void> => {
      const t = clock.now();
      await this.sleep(5);
      p.status('export', text, { started: t, completed: clock.now() });
    };
    await step(`exporting manifest ${result.manifest}`);
    await step(`exporting config ${result.config}`);
    if (result.attestationManifest) await step(`exporting attestation manifest ${result.attestationManifest}`);
    if (result.target.digest !== result.manifest) await step(`exporting manifest list ${result.target.digest}`);
    const names = result.names.length > 0 ? result.names : [`moby-dangling@${result.target.digest}`];
    for (const name of names) {
      await step(`naming to ${name}`);
      await step(`unpacking to ${name}`);
    }
    p.complete('export');
    return result.id;
  }

  get filename(): string {
    return this.dockerfileName;
  }
  get text(): string {
    return this.dockerfileText;
  }
}

/**
 * Runs `docker build` and prints what buildx prints; resolves to the exit status.
 */
export async function runBuild(engine: DockerEngine, options: BuildOptions, io: BuildIO, hooks: BuilderHooks = {}): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`${MSG.errorLine(message)}\n`);
    return 1;
  };
  // client-side checks
  let buildArgs: Map<string, string>;
  try {
    for (const t of options.tags) {
      const bad = checkTag(t);
      if (bad !== null) return fail(MSG.invalidTag(t, bad));
    }
    buildArgs = parseBuildArgs(options.buildArgs, io.env);
  } catch (e) {
    return fail((e as Error).message);
  }
  let mode: 'plain' | 'tty' | 'quiet';
  const progress = options.progress || 'auto';
  if (options.quiet) mode = 'quiet';
  else if (progress === 'plain' || progress === 'rawjson') mode = 'plain';
  else if (progress === 'quiet') mode = 'quiet';
  else if (progress === 'tty') {
    if (!io.tty) return fail('failed to get console: provided file is not a console');
    mode = 'tty';
  } else if (progress === 'auto') mode = io.tty ? 'tty' : 'plain';
  else return fail(MSG.invalidProgress(progress));
  let platform = HOST;
  if (options.platforms.length > 0) {
    try {
      platform = parsePlatform(options.platforms[0]!);
    } catch (e) {
      return fail((e as Error).message);
    }
  }
  const readStdin = async (): Promise<string> => {
    let text = '';
    for (let chunk = await io.stdin?.read(); chunk !== null && chunk !== undefined; chunk = await io.stdin?.read()) text += chunk;
    return text;
  };
  let contextDir: string | null = null;
  if (options.context !== '-') {
    contextDir = resolvePath(io.cwd, options.context);
    let isDir: boolean;
    try {
      isDir = io.fs.stat(contextDir).kind === 'dir';
    } catch {
      isDir = false;
    }
    if (!isDir) return fail(MSG.contextNotFound(options.context));
  }
  let dockerfile: { path: string } | { stdin: string };
  if (options.context === '-' || options.file === '-') {
    dockerfile = { stdin: await readStdin() };
  } else if (options.file) {
    const path = resolvePath(io.cwd, options.file);
    try {
      io.fs.lstat(dirname(path));
    } catch {
      return fail(`resolve : lstat ${dirname(path)}: no such file or directory`);
    }
    dockerfile = { path };
  } else dockerfile = { path: `${contextDir === '/' ? '' : contextDir}/Dockerfile` };

  const build = new Build(engine, options, io, hooks, mode);
  if (mode === 'plain') io.stderr.write(`${MSG.header('default', 'docker')}\n\n`);
  let id: string;
  try {
    id = await build.run(contextDir, dockerfile, buildArgs, platform);
  } catch (e) {
    build.progress.finish();
    if (e instanceof Interrupted) {
      io.stderr.write(`${MSG.errorLine(MSG.failedToSolve(`Canceled: ${MSG.canceled}`))}\n`);
      return 1;
    }
    if (e instanceof BuildError) {
      if (e.ranges.length > 0) io.stderr.write(printSource(build.filename, build.text, e.ranges));
      io.stderr.write(`${MSG.errorLine(e.solve ? MSG.failedToSolve(e.message) : e.message)}\n`);
      return 1;
    }
    throw e;
  }
  build.progress.finish();
  if (options.iidfile) {
    try {
      io.fs.writeFile(resolvePath(io.cwd, options.iidfile), id);
    } catch (e) {
      return fail(`failed to write image ID to ${options.iidfile}: ${(e as Error).message}`);
    }
  }
  if (mode === 'quiet') io.stdout.write(`${id}\n`);
  else if (build.warnings.length > 0) {
    const head = `${build.warnings.length === 1 ? '1 warning found' : `${build.warnings.length} warnings found`} (use --debug to expand):\n`;
    io.stderr.write(`\n \x1b[33m${head}\x1b[0m${build.warnings.map((w) => ` - ${w}\n`).join('')}`);
  }
  // buildx reads git metadata of the context; a .git directory without git gives a warning
  try {
    if (contextDir !== null && io.fs.stat(`${contextDir === '/' ? '' : contextDir}/.git`).kind === 'dir') io.stderr.write(`${MSG.gitNotFound}\n`);
  } catch {
    // no .git
  }
  return 0;
}
