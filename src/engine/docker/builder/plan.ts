/**
 * The Dockerfile frontend's conversion (BuildKit dockerfile2llb, v0.13): stages and their
 * dependencies, ARG scoping, variable expansion, the image config and history each instruction
 * produces, and the steps (vertices) that make the root filesystem, with BuildKit's names
 * (`[builder 2/4] COPY a.txt .`). Pure: the base images' configs come in from the caller.
 */
import type { ContainerConfig, HistoryEntry, ImageConfig, Platform } from '../daemon';
import { parseDockerfile } from './parser';
import type { DockerfileParseError } from './parser';
import { BuildError } from './errors';
import type { SourceRange } from './errors';
import { quoteHealth, portMap, quoteSlice, valueSlice } from './gofmt';
import { parseCommands, parseInstructions, withSuggestion } from './instructions';
import type { ArgDef, Instruction, MountSpec, ParsedDockerfile, Stage } from './instructions';
import { Lex, LexError } from './lex';
import { MSG } from './messages';

export const DEFAULT_SHELL = ['/bin/sh', '-c'];
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** What the caller resolved for a base image (the `[internal] load metadata` vertex). */
export interface BaseImage {
  /** `docker.io/library/python:3.11-slim` */
  ref: string;
  /** The digest the FROM vertex names (`…@sha256:…`). */
  digest: string;
  config: ImageConfig;
}

export interface PlanOptions {
  buildArgs: ReadonlyMap<string, string>;
  target: string;
  platform: Platform;
  buildPlatform: Platform;
  /** `--no-cache` */
  noCache: boolean;
  /** `--no-cache-filter` stage names. */
  noCacheFilter: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// vertices

interface VertexBase {
  /** Identity within a build: same op on the same input is the same vertex (BuildKit dedups). */
  id: string;
  name: string;
  /** The root filesystem this step starts from (null: scratch). */
  parent: Vertex | null;
  location?: SourceRange;
  ignoreCache: boolean;
}

export interface ImageVertex extends VertexBase {
  kind: 'image';
  base: BaseImage;
  /** The stage that names it. */
  stage: StageState;
}

export interface RunVertex extends VertexBase {
  kind: 'run';
  args: string[];
  env: string[];
  cwd: string;
  user: string;
  mounts: RunMount[];
  network: string;
  /** A heredoc script mounted at /dev/pipes/NAME (`RUN <<EOF` with `#!`). */
  script?: { name: string; data: string };
}

export interface RunMount extends MountSpec {
  /** For `from=` mounts: the source's root. */
  fromVertex?: Vertex | null;
}

export interface CopySource {
  /** Absolute path in the source (`/requirements.txt`, `/src/*.py`). */
  path: string;
  /** ADD of a URL: fetched over HTTP, not from the context. */
  url?: string;
}

export interface CopyVertex extends VertexBase {
  kind: 'copy';
  isAdd: boolean;
  /** 'context', a stage's or image's root (a vertex, null for scratch), or inline documents. */
  from: { kind: 'context' } | { kind: 'vertex'; vertex: Vertex | null } | { kind: 'inline'; files: InlineVertex[] };
  sources: CopySource[];
  dest: string;
  chown: string;
  chmod: string;
  /** The text as BuildKit shows it. */
  text: string;
}

export interface MkdirVertex extends VertexBase {
  kind: 'mkdir';
  path: string;
  user: string;
}

export interface InlineVertex extends VertexBase {
  kind: 'inline';
  file: string;
  data: string;
  mode: number;
}

export type Vertex = ImageVertex | RunVertex | CopyVertex | MkdirVertex | InlineVertex;

/** One history entry of the image being built. */
export interface HistoryDraft {
  createdBy: string;
  /** The step whose layer this entry describes; undefined for metadata-only entries. */
  layerOf?: Vertex;
}

// ---------------------------------------------------------------------------------------------
// stages

export interface StageState {
  stage: Stage;
  /** `builder`, `stage-2`, or '' when the Dockerfile has one stage. */
  displayName: string;
  /** Declared stage or an image referenced by `COPY --from` / `RUN --mount from=`. */
  unregistered: boolean;
  /** Expanded base name (`python:3.11-slim`, `scratch`, a stage name). */
  baseName: string;
  base: StageState | null;
  scratch: boolean;
  platform: Platform | null;
  deps: Set<StageState>;
  /** Instructions, ONBUILD triggers of the base first. */
  commands: Instruction[];
  sources: Map<Instruction, StageState[]>;
  cmdTotal: number;
  cmdIndex: number;
  dispatched: boolean;
  ignoreCache: boolean;
  // the state as dispatch goes
  image: ImageConfig;
  baseImage?: BaseImage;
  /** History from the base image (kept as is). */
  baseHistory: HistoryEntry[];
  history: HistoryDraft[];
  env: [string, string][];
  buildArgs: ArgDef[];
  workdir: string;
  user: string;
  root: Vertex | null;
  cmdSet: boolean;
  /** Paths of the build context this stage reads (FollowPaths); `/` is everything. */
  contextPaths: Set<string>;
}

export interface Plan {
  stages: StageState[];
  target: StageState;
  /** Image references to resolve, in order (one `load metadata` vertex each). */
  images: { ref: string; name: string; states: StageState[]; location: SourceRange; platform: Platform | null }[];
  globalArgs: Map<string, string>;
  parsed: ParsedDockerfile;
  escapeToken: '\\' | '`';
}

function platformString(p: Platform): string {
  return p.variant ? `${p.os}/${p.architecture}/${p.variant}` : `${p.os}/${p.architecture}`;
}

export function parsePlatform(s: string): Platform {
  const parts = s.toLowerCase().split('/');
  const known = new Set(['linux', 'windows', 'darwin', 'freebsd']);
  const arch = (a: string): string => ({ x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', armhf: 'arm', armel: 'arm', i386: '386' } as Record<string, string>)[a] ?? a;
  if (parts.length === 1) {
    if (known.has(parts[0]!)) return { os: parts[0]!, architecture: 'amd64' };
    return { os: 'linux', architecture: arch(parts[0]!) };
  }
  if (parts.some((p) => p === '')) throw new Error(`"${s}": unknown operating system or architecture: invalid argument`);
  const out: Platform = { os: parts[0]!, architecture: arch(parts[1]!) };
  if (parts[2]) out.variant = parts[2];
  if (out.architecture === 'arm64' && out.variant === 'v8') delete out.variant;
  return out;
}

function lexError(e: unknown, range: SourceRange): never {
  if (e instanceof LexError) throw new BuildError(e.message, range);
  throw e;
}

/** llb.EnvList AddOrReplace. */
function setEnv(env: [string, string][], key: string, value: string): void {
  const i = env.findIndex(([k]) => k === key);
  if (i >= 0) env[i] = [key, value];
  else env.push([key, value]);
}

function envLookup(env: readonly [string, string][]): Map<string, string> {
  return new Map(env);
}

function envList(env: readonly [string, string][]): string[] {
  return env.map(([k, v]) => `${k}=${v}`);
}

/** image.Config.Env add-or-replace, as dockerfile2llb's addEnv does. */
function addImageEnv(list: string[], key: string, value: string): string[] {
  const out = [...list];
  const i = out.findIndex((e) => e.split('=', 1)[0] === key);
  if (i >= 0) out[i] = `${key}=${value}`;
  else out.push(`${key}=${value}`);
  return out;
}

function emptyImage(platform: Platform): ImageConfig {
  return {
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant ? { variant: platform.variant } : {}),
    config: { Env: [`PATH=${DEFAULT_PATH}`] },
    rootfs: { type: 'layers', diff_ids: [] },
  };
}

/** A short stable hash for vertex identities. */
export function fnv(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

function vertexId(op: unknown, parent: Vertex | null | undefined): string {
  return fnv(JSON.stringify([op, parent?.id ?? null]));
}

/** path.Join("/", …) then Clean, keeping a trailing `/` or `/.` as NormalizePath does. */
function normalizePath(parent: string, p: string, keepSlash: boolean): string {
  const joined = cleanAbs(p.startsWith('/') ? p : `${parent === '' ? '/' : parent}/${p}`);
  if (keepSlash) {
    if (p.endsWith('/') && !joined.endsWith('/')) return `${joined}/`;
    if (p.endsWith('/.')) return joined === '/' ? '/.' : `${joined}/.`;
  }
  return joined;
}

export function cleanAbs(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

function uppercaseCmd(s: string): string {
  const i = s.indexOf(' ');
  if (i < 0) return s.toUpperCase();
  return s.slice(0, i).toUpperCase() + s.slice(i);
}

/** processCmdEnv: the vertex name with variables expanded, or the text as is when that fails. */
function nameText(named: Lex, text: string, env: ReadonlyMap<string, string>): string {
  try {
    return named.processWord(text, env);
  } catch {
    return text;
  }
}

const SIGNALS = new Set(['ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL', 'PROF', 'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'USR1', 'USR2', 'VTALRM', 'WINCH', 'XCPU', 'XFSZ']);

function checkSignal(sig: string): void {
  const n = Number.parseInt(sig, 10);
  if (String(n) === sig) {
    if (n <= 0) throw new Error(`invalid signal: ${sig}`);
    return;
  }
  let name = sig.toUpperCase();
  if (name.startsWith('SIG')) name = name.slice(3);
  if (/^RTMIN(\+\d+)?$|^RTMAX(-\d+)?$/.test(name)) return;
  if (!SIGNALS.has(name)) throw new Error(`invalid signal: ${sig}`);
}

/** go-connections nat.ParsePortSpecs for EXPOSE: `80`, `80/udp`, `8000-8002`. */
function parsePorts(specs: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of specs) {
    let spec = raw;
    let proto = 'tcp';
    const slash = spec.lastIndexOf('/');
    if (slash >= 0) {
      proto = spec.slice(slash + 1).toLowerCase();
      spec = spec.slice(0, slash);
    }
    if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') throw new Error(`invalid proto: ${proto}`);
    const colon = spec.lastIndexOf(':');
    const port = colon >= 0 ? spec.slice(colon + 1) : spec;
    const m = /^(\d+)(?:-(\d+))?$/.exec(port);
    if (!m) throw new Error(`Invalid containerPort: ${port}`);
    const start = Number(m[1]);
    const end = m[2] !== undefined ? Number(m[2]) : start;
    if (start > 65535 || end > 65535 || end < start) throw new Error(`Invalid containerPort: ${port}`);
    for (let p = start; p <= end; p++) out.push(`${p}/${proto}`);
  }
  return out;
}

function parseMount(spec: string, expand: (w: string) => string): MountSpec {
  const m: MountSpec = { type: 'bind', target: '', readOnly: true };
  let readOnlySet = false;
  for (const field of spec.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? '' : expand(field.slice(eq + 1));
    switch (key) {
      case 'type':
        if (!['bind', 'cache', 'tmpfs', 'secret', 'ssh'].includes(value)) throw new Error(`unsupported mount type "${value}"`);
        m.type = value as MountSpec['type'];
        if (!readOnlySet) m.readOnly = value === 'bind';
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = value;
        break;
      case 'source':
      case 'src':
        m.source = value;
        break;
      case 'from':
        m.from = value;
        break;
      case 'readonly':
      case 'ro':
        m.readOnly = eq < 0 || value === 'true';
        readOnlySet = true;
        break;
      case 'readwrite':
      case 'rw':
        m.readOnly = !(eq < 0 || value === 'true');
        readOnlySet = true;
        break;
      case 'id':
        m.id = value;
        break;
      case 'sharing':
        if (!['shared', 'private', 'locked'].includes(value)) throw new Error(`unsupported sharing value "${value}"`);
        m.sharing = value;
        break;
      case 'required':
        m.required = eq < 0 || value === 'true';
        break;
      case 'mode':
        m.mode = Number.parseInt(value, 8);
        break;
      case 'uid':
        m.uid = Number(value);
        break;
      case 'gid':
        m.gid = Number(value);
        break;
      case 'size':
        break;
      default:
        throw new Error(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (m.type === 'secret' && m.target === '') m.target = `/run/secrets/${m.id ?? m.source ?? ''}`;
  if (m.type === 'ssh' && m.target === '') m.target = `/run/buildkit/ssh_agent.0`;
  if (m.target === '') throw new Error('mount destination is required');
  if (m.type === 'cache' && m.id === undefined) m.id = m.target;
  return m;
}

// ---------------------------------------------------------------------------------------------
// phase A: stages, args, target, dependencies

export function prepare(text: string, options: PlanOptions, onWarning?: (short: string) => void): Plan {
  let parsedAst;
  try {
    parsedAst = parseDockerfile(text);
  } catch (e) {
    const err = e as DockerfileParseError;
    if (err.name !== 'DockerfileParseError') throw e;
    throw new BuildError(err.message, { startLine: err.line ?? 1, endLine: err.endLine ?? err.line ?? 1 });
  }
  for (const w of parsedAst.warnings) onWarning?.(w.short);
  const escapeToken = parsedAst.escapeToken;
  const parsed = parseInstructions(parsedAst.ast);
  if (parsed.stages.length === 0) throw new BuildError(MSG.noStages, { solve: true });
  const lex = new Lex({ escapeToken });

  // global args: the platform defaults, then the ARGs before the first FROM
  const targetName = options.target || parsed.stages[parsed.stages.length - 1]!.name;
  const bp = options.buildPlatform;
  const tp = options.platform;
  const globals = new Map<string, string>();
  const defaults: [string, string][] = [
    ['BUILDPLATFORM', platformString(bp)],
    ['BUILDOS', bp.os],
    ['BUILDARCH', bp.architecture],
    ['BUILDVARIANT', bp.variant ?? ''],
    ['TARGETPLATFORM', platformString(tp)],
    ['TARGETOS', tp.os],
    ['TARGETARCH', tp.architecture],
    ['TARGETVARIANT', tp.variant ?? ''],
    ['TARGETSTAGE', targetName],
  ];
  for (const [k, v] of defaults) globals.set(k, options.buildArgs.get(k) ?? v);
  for (const cmd of parsed.metaArgs) {
    for (const a of cmd.args) {
      let value: string | undefined;
      if (options.buildArgs.has(a.key)) value = options.buildArgs.get(a.key);
      else if (a.value !== undefined) {
        try {
          value = lex.processWord(a.value, globals);
        } catch (e) {
          lexError(e, cmd);
        }
      }
      if (value !== undefined) globals.set(a.key, value);
    }
  }

  const states: StageState[] = [];
  const byName = new Map<string, StageState>();
  const newState = (stage: Stage, baseName: string, unregistered: boolean): StageState => ({
    stage,
    displayName: stage.name || `stage-${stage.index}`,
    unregistered,
    baseName,
    base: null,
    scratch: baseName === 'scratch',
    platform: null,
    deps: new Set(),
    commands: [...stage.commands],
    sources: new Map(),
    cmdTotal: 0,
    cmdIndex: 0,
    dispatched: false,
    ignoreCache: false,
    image: emptyImage(options.platform),
    baseHistory: [],
    history: [],
    env: [],
    buildArgs: [],
    workdir: '/',
    user: '',
    root: null,
    cmdSet: false,
    contextPaths: new Set(),
  });
  const addState = (s: StageState): void => {
    states.push(s);
    const base = byName.get(s.baseName.toLowerCase());
    if (base && base !== s) s.base = base;
    if (s.stage.name) byName.set(s.stage.name, s);
  };

  for (const stage of parsed.stages) {
    const range = { startLine: stage.startLine, endLine: stage.endLine };
    let baseName = '';
    try {
      baseName = lex.processWord(stage.baseName, globals);
    } catch (e) {
      lexError(e, range);
    }
    if (baseName === '') throw new BuildError(MSG.baseNameBlank(stage.baseName), range);
    const s = newState(stage, baseName, false);
    if (stage.platform) {
      let p = '';
      try {
        p = lex.processWord(stage.platform, globals);
      } catch (e) {
        lexError(e, range);
      }
      if (p === '') throw new BuildError(`empty platform value from expression ${stage.platform}`, range);
      try {
        s.platform = parsePlatform(p);
      } catch (e) {
        throw new BuildError(`failed to parse platform ${stage.platform}: ${(e as Error).message}`, range);
      }
    }
    addState(s);
    let total = !s.scratch && !s.base ? 1 : 0;
    for (const c of stage.commands) if (c.kind === 'add' || c.kind === 'copy' || c.kind === 'run' || c.kind === 'workdir') total++;
    s.cmdTotal = total;
    s.ignoreCache = options.noCache || options.noCacheFilter.includes(stage.name);
  }

  // the target
  let target: StageState;
  if (options.target) {
    const t = byName.get(options.target.toLowerCase());
    if (!t) {
      const names = states.filter((s) => s.stage.name).map((s) => s.stage.name);
      throw new BuildError(withSuggestion(MSG.targetNotFound(options.target), options.target, names, true), { solve: true });
    }
    target = t;
  } else target = states[states.length - 1]!;

  // dependencies: FROM a stage, COPY --from, RUN --mount from=
  const declared = [...states];
  for (const s of declared) {
    if (s.base) s.deps.add(s.base);
    for (const c of s.commands) {
      const srcs: StageState[] = [];
      const sourceFor = (from: string, loc: SourceRange): StageState => {
        const index = /^-?\d+$/.test(from) ? Number(from) : NaN;
        if (!Number.isNaN(index)) {
          const st = declared[index];
          if (!st || index < 0) throw new BuildError(`invalid stage index ${index}`, loc);
          return st;
        }
        const named = byName.get(from.toLowerCase());
        if (named) return named;
        const pseudo: Stage = { baseName: from, name: '', code: '', platform: '', commands: [], index: -1, startLine: loc.startLine, endLine: loc.endLine };
        const u = newState(pseudo, from, true);
        u.displayName = '';
        addState(u);
        return u;
      };
      if (c.kind === 'copy' && c.from !== '') srcs.push(sourceFor(c.from, c));
      if (c.kind === 'run') {
        for (const spec of c.mounts) {
          let from = 'scratch';
          const m = /(?:^|,)from=([^,]*)/.exec(spec);
          if (m) from = m[1]!;
          srcs.push(sourceFor(from, c));
        }
      }
      if (srcs.length > 0) {
        s.sources.set(c, srcs);
        for (const d of srcs) s.deps.add(d);
      }
    }
  }
  // circular dependencies
  const visiting = new Set<StageState>();
  const done = new Set<StageState>();
  const visit = (s: StageState): void => {
    if (done.has(s)) return;
    if (visiting.has(s)) throw new BuildError(MSG.circularDependency(s.stage.name || s.displayName, ''), { solve: true });
    visiting.add(s);
    for (const d of s.deps) if (d !== s) visit(d);
    visiting.delete(s);
    done.add(s);
  };
  for (const s of states) visit(s);
  if (states.length === 1) states[0]!.displayName = '';

  // reachable image bases, in order
  const reachable = new Set<StageState>();
  const walk = (s: StageState): void => {
    if (reachable.has(s)) return;
    reachable.add(s);
    for (const d of s.deps) walk(d);
  };
  walk(target);
  const images: Plan['images'] = [];
  for (const s of states) {
    if (!reachable.has(s) || s.scratch || s.base) continue;
    const existing = images.find((i) => i.name === s.baseName && JSON.stringify(i.platform) === JSON.stringify(s.platform));
    if (existing) existing.states.push(s);
    else images.push({ ref: s.baseName, name: s.baseName, states: [s], location: { startLine: s.stage.startLine, endLine: s.stage.endLine }, platform: s.platform });
  }
  return { stages: states.filter((s) => reachable.has(s)), target, images, globalArgs: globals, parsed, escapeToken };
}

// ---------------------------------------------------------------------------------------------
// phase C: dispatch

export interface DispatchContext {
  plan: Plan;
  options: PlanOptions;
  /** Resolved base images by the name in the plan. */
  bases: ReadonlyMap<string, BaseImage>;
  /** Vertices by id: the same op made twice is one vertex, named by the stage dispatched first. */
  vertices: Map<string, Vertex>;
}

function register<T extends Vertex>(ctx: DispatchContext, v: T): T {
  const known = ctx.vertices.get(v.id);
  if (known) return known as T;
  ctx.vertices.set(v.id, v);
  return v;
}

function prefixCommand(s: StageState, text: string): string {
  if (s.cmdTotal === 0) return text;
  s.cmdIndex++;
  const width = Math.floor(1 + Math.log10(s.cmdTotal));
  const idx = String(s.cmdIndex).padStart(width, ' ');
  return `[${s.displayName ? `${s.displayName} ` : ''}${idx}/${s.cmdTotal}] ${text}`;
}

function initState(s: StageState, ctx: DispatchContext): void {
  if (s.base) {
    const b = s.base;
    s.image = structuredClone(b.image);
    if (b.baseImage) s.baseImage = b.baseImage;
    s.baseHistory = b.baseHistory;
    s.history = [...b.history];
    s.env = b.env.map(([k, v]) => [k, v]);
    s.workdir = b.workdir;
    s.user = b.user;
    s.root = b.root;
    s.platform = s.platform ?? b.platform;
  } else {
    if (s.scratch) {
      s.image = emptyImage(s.platform ?? ctx.options.platform);
      s.root = null;
    } else {
      const base = ctx.bases.get(s.baseName);
      if (!base) throw new BuildError(`base image ${s.baseName} was not resolved`, { solve: true });
      s.baseImage = base;
      s.image = structuredClone(base.config);
      s.baseHistory = base.config.history ?? [];
      if (!s.unregistered) {
        const name = prefixCommand(s, `FROM ${base.ref}@${base.digest}`);
        const op = { kind: 'image', ref: base.ref, digest: base.digest };
        s.root = register(ctx, { kind: 'image', id: vertexId(op, null), name, parent: null, base, stage: s, location: { startLine: s.stage.startLine, endLine: s.stage.endLine }, ignoreCache: s.ignoreCache });
      }
    }
    s.history = [];
    const cfg = s.image.config;
    // dockerfile2llb: PATH is always set
    if (!(cfg.Env ?? []).some((e) => e.startsWith('PATH='))) cfg.Env = [...(cfg.Env ?? []), `PATH=${DEFAULT_PATH}`];
    s.env = [];
    for (const e of cfg.Env ?? []) {
      const i = e.indexOf('=');
      setEnv(s.env, i < 0 ? e : e.slice(0, i), i < 0 ? '' : e.slice(i + 1));
    }
    s.workdir = cfg.WorkingDir || '/';
    s.user = cfg.User ?? '';
    if (s.unregistered) return;
  }
  // ONBUILD triggers of the base run first
  const triggers = s.image.config.OnBuild ?? [];
  if (triggers.length > 0 && !s.unregistered) {
    const extra: Instruction[] = [];
    for (const t of triggers) {
      let parsed: Instruction[];
      try {
        parsed = parseCommands(parseDockerfile(t).ast);
      } catch (e) {
        throw new BuildError((e as Error).message, { startLine: s.stage.startLine, endLine: s.stage.endLine });
      }
      for (const c of parsed) extra.push({ ...c, startLine: s.stage.startLine, endLine: s.stage.endLine });
    }
    s.commands = [...extra, ...s.commands];
  }
  delete s.image.config.OnBuild;
}

function runCommandString(args: readonly string[], buildArgs: readonly ArgDef[], env: ReadonlyMap<string, string>): string {
  const tmp: string[] = [];
  for (const a of buildArgs) {
    const v = env.get(a.key) ?? a.value ?? '';
    tmp.push(`${a.key}=${v}`);
  }
  const prefix = tmp.length > 0 ? [`|${tmp.length}`, ...tmp] : [];
  return [...prefix, ...args].join(' ');
}

function summarizeHeredoc(doc: string): string {
  const lines = doc.trim().replaceAll('\r\n', '\n').split('\n');
  return lines.length > 1 ? `${lines[0]}...` : lines[0]!;
}

function chomp(data: string): string {
  return data.split('\n').map((l) => l.replace(/^\t+/, '')).join('\n');
}

/** Dispatches one stage (its dependencies first). */
function dispatchStage(s: StageState, ctx: DispatchContext, lex: Lex): void {
  if (s.dispatched) return;
  s.dispatched = true;
  for (const d of s.deps) if (d !== s) dispatchStage(d, ctx, lex);
  initState(s, ctx);
  if (s.unregistered) return;
  const named = lex.with({ rawQuotes: true, skipUnsetEnv: true });
  for (const c of s.commands) {
    const range = { startLine: c.startLine, endLine: c.endLine };
    try {
      dispatchInstruction(s, c, ctx, lex, named, range);
    } catch (e) {
      if (e instanceof BuildError) throw e.at(range);
      if (e instanceof LexError) throw new BuildError(e.message, range);
      throw new BuildError((e as Error).message, range);
    }
  }
}

function dispatchInstruction(s: StageState, c: Instruction, ctx: DispatchContext, lex: Lex, named: Lex, range: SourceRange): void {
  const env = envLookup(s.env);
  const word = (w: string): string => lex.processWord(w, env);
  const cfg: ContainerConfig = s.image.config;
  const history = (createdBy: string, layerOf?: Vertex): void => {
    s.history.push(layerOf ? { createdBy, layerOf } : { createdBy });
  };
  switch (c.kind) {
    case 'env': {
      const pairs = c.env.map((kv) => ({ key: word(kv.key), value: word(kv.value) }));
      let msg = 'ENV';
      for (const kv of pairs) {
        msg += ` ${kv.key}=${kv.value}`;
        setEnv(s.env, kv.key, kv.value);
        cfg.Env = addImageEnv(cfg.Env ?? [], kv.key, kv.value);
      }
      history(msg);
      return;
    }
    case 'label': {
      const pairs = c.labels.map((kv) => ({ key: word(kv.key), value: word(kv.value) }));
      let msg = 'LABEL';
      cfg.Labels = { ...(cfg.Labels ?? {}) };
      for (const kv of pairs) {
        cfg.Labels[kv.key] = kv.value;
        msg += ` ${kv.key}=${kv.value}`;
      }
      history(msg);
      return;
    }
    case 'maintainer':
      s.image.author = c.maintainer;
      history(`MAINTAINER ${c.maintainer}`);
      return;
    case 'arg': {
      const strs: string[] = [];
      for (const a of c.args) {
        const hasValue = ctx.options.buildArgs.has(a.key);
        let def = a.value;
        let value: string | undefined;
        if (def !== undefined) def = word(def);
        if (hasValue) value = ctx.options.buildArgs.get(a.key);
        else if (def !== undefined) value = def;
        else if (ctx.plan.globalArgs.has(a.key) && isMetaArg(ctx.plan, a.key)) value = ctx.plan.globalArgs.get(a.key);
        if (value !== undefined) setEnv(s.env, a.key, value);
        strs.push(def !== undefined ? `${a.key}=${def}` : a.key);
        s.buildArgs.push(value !== undefined ? { key: a.key, value } : { key: a.key });
      }
      history(`ARG ${strs.join(' ')}`);
      return;
    }
    case 'workdir': {
      const p = word(c.path);
      s.workdir = normalizePath(s.workdir, p, false);
      const wd = s.workdir;
      cfg.WorkingDir = wd;
      if (wd !== '/') {
        const name = prefixCommand(s, uppercaseCmd(nameText(named, c.code, env)));
        const op = { kind: 'mkdir', path: wd, user: cfg.User ?? '' };
        // BuildKit marks RUN, COPY and ADD to ignore the cache under --no-cache, not WORKDIR's mkdir
        const v = register(ctx, { kind: 'mkdir', id: vertexId(op, s.root), name, parent: s.root, path: wd, user: cfg.User ?? '', location: range, ignoreCache: false } as MkdirVertex);
        s.root = v;
        history(`WORKDIR ${wd}`, v);
      } else history(`WORKDIR ${wd}`);
      return;
    }
    case 'user': {
      const u = word(c.user);
      s.user = u;
      cfg.User = u;
      history(`USER ${u}`);
      return;
    }
    case 'volume': {
      const vols = c.volumes.map(word);
      cfg.Volumes = { ...(cfg.Volumes ?? {}) };
      for (const v of vols) {
        if (v === '') throw new Error('VOLUME specified can not be an empty string');
        cfg.Volumes[v] = {};
      }
      history(`VOLUME ${valueSlice(vols)}`);
      return;
    }
    case 'stopsignal': {
      const sig = word(c.signal);
      checkSignal(sig);
      cfg.StopSignal = sig;
      history(`STOPSIGNAL ${sig}`);
      return;
    }
    case 'expose': {
      const specs: string[] = [];
      for (const p of c.ports) specs.push(...lex.processWords(p, env));
      const ports = parsePorts(specs);
      cfg.ExposedPorts = { ...(cfg.ExposedPorts ?? {}) };
      for (const p of ports) cfg.ExposedPorts[p] = {};
      history(`EXPOSE ${portMap([...new Set(ports)])}`);
      return;
    }
    case 'shell':
      cfg.Shell = [...c.shell];
      history(`SHELL ${valueSlice(c.shell)}`);
      return;
    case 'onbuild':
      // BuildKit v0.13 records no history entry for ONBUILD
      cfg.OnBuild = [...(cfg.OnBuild ?? []), c.expression];
      return;
    case 'healthcheck': {
      const hc = { test: c.test, interval: c.interval, timeout: c.timeout, startPeriod: c.startPeriod, startInterval: c.startInterval, retries: c.retries };
      const h: NonNullable<ContainerConfig['Healthcheck']> = { Test: [...c.test] };
      if (c.interval) h.Interval = c.interval;
      if (c.timeout) h.Timeout = c.timeout;
      if (c.startPeriod) h.StartPeriod = c.startPeriod;
      if (c.startInterval) h.StartInterval = c.startInterval;
      if (c.retries) h.Retries = c.retries;
      cfg.Healthcheck = h;
      history(`HEALTHCHECK ${quoteHealth(hc)}`);
      return;
    }
    case 'cmd': {
      let args = c.cmd ?? [];
      if (c.prependShell) args = [...(cfg.Shell && cfg.Shell.length > 0 ? cfg.Shell : DEFAULT_SHELL), args.join(' ')];
      cfg.Cmd = args;
      cfg.ArgsEscaped = true;
      s.cmdSet = true;
      history(`CMD ${quoteSlice(args)}`);
      return;
    }
    case 'entrypoint': {
      let args: string[] | null = c.cmd;
      if (c.prependShell && args) args = [...(cfg.Shell && cfg.Shell.length > 0 ? cfg.Shell : DEFAULT_SHELL), args.join(' ')];
      cfg.Entrypoint = args;
      if (!s.cmdSet) cfg.Cmd = null;
      history(`ENTRYPOINT ${quoteSlice(args)}`);
      return;
    }
    case 'run':
      dispatchRun(s, c, ctx, lex, named, range);
      return;
    case 'copy':
    case 'add':
      dispatchCopy(s, c, ctx, lex, named, range);
      return;
  }
}

function isMetaArg(plan: Plan, key: string): boolean {
  if (plan.parsed.metaArgs.some((m) => m.args.some((a) => a.key === key))) return true;
  return ['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE'].includes(key);
}

function dispatchRun(s: StageState, c: Extract<Instruction, { kind: 'run' }>, ctx: DispatchContext, lex: Lex, named: Lex, range: SourceRange): void {
  const cfg = s.image.config;
  const env = envLookup(s.env);
  let args = [...c.cmd];
  let customName = c.code;
  let script: RunVertex['script'];
  if (c.files.length > 0) {
    const first = args[0] ?? '';
    const heredoc = /^<<-?(["']?)([^"'\s]+)\1$/.exec(first);
    if (args.length === 1 && heredoc) {
      const f = c.files[0]!;
      const data = f.chomp ? chomp(f.data) : f.data;
      if (f.data.startsWith('#!')) {
        script = { name: f.name, data };
        args = [`/dev/pipes/${f.name}`];
      } else args = [data];
      customName += ` (${summarizeHeredoc(f.data)})`;
    } else {
      let full = first;
      for (const f of c.files) full += `\n${f.data}${f.name}`;
      args = [full];
    }
  }
  if (c.prependShell) args = [...(cfg.Shell && cfg.Shell.length > 0 ? cfg.Shell : DEFAULT_SHELL), args.join(' ')];
  const expand = (w: string): string => lex.processWord(w, env);
  const mounts: RunMount[] = c.mounts.map((m) => parseMount(m, expand));
  const sources = s.sources.get(c) ?? [];
  mounts.forEach((m, i) => {
    if (m.from !== undefined || m.type === 'bind') {
      const src = sources[i];
      if (m.from !== undefined && src) (m as RunMount).fromVertex = src.unregistered ? (src.scratch ? null : imageRoot(src)) : src.root;
      else if (m.type === 'bind') s.contextPaths.add('/');
    }
  });
  if (c.network && !['default', 'none', 'host'].includes(c.network)) throw new Error(`unsupported network mode "${c.network}"`);
  const envList_ = envList(s.env);
  const name = prefixCommand(s, uppercaseCmd(nameText(named, customName, env)));
  const op = { kind: 'run', args, env: envList_, cwd: s.workdir, user: s.user, mounts: mounts.map((m) => ({ ...m, fromVertex: m.fromVertex === undefined ? undefined : (m.fromVertex?.id ?? null) })), network: c.network, script };
  const v: RunVertex = {
    kind: 'run',
    id: vertexId(op, s.root),
    name,
    parent: s.root,
    args,
    env: envList_,
    cwd: s.workdir,
    user: s.user,
    mounts,
    network: c.network || 'default',
    location: range,
    ignoreCache: s.ignoreCache,
    ...(script ? { script } : {}),
  };
  s.root = register(ctx, v);
  s.history.push({ createdBy: `RUN ${runCommandString(args, s.buildArgs, env)} # buildkit`, layerOf: s.root });
}

function isUrl(p: string): boolean {
  return /^https?:\/\//.test(p);
}

/** The root of an image referenced only by `COPY --from` (no FROM vertex of its own). */
function imageRoot(src: StageState): Vertex | null {
  if (src.root) return src.root;
  if (!src.baseImage) return null;
  const op = { kind: 'image', ref: src.baseImage.ref, digest: src.baseImage.digest };
  src.root = { kind: 'image', id: vertexId(op, null), name: `FROM ${src.baseImage.ref}@${src.baseImage.digest}`, parent: null, base: src.baseImage, stage: src, ignoreCache: src.ignoreCache };
  return src.root;
}

function dispatchCopy(s: StageState, c: Extract<Instruction, { kind: 'copy' | 'add' }>, ctx: DispatchContext, lex: Lex, named: Lex, range: SourceRange): void {
  const env = envLookup(s.env);
  const word = (w: string): string => lex.processWord(w, env);
  const srcPaths = c.sd.sources.map(word);
  const destRaw = word(c.sd.dest);
  const chown = word(c.chown);
  const chmod = word(c.chmod);
  if (chmod !== '' && !/^[0-7]{1,5}$/.test(chmod)) throw new Error(MSG.invalidChmod(chmod));
  if (chmod !== '' && Number.parseInt(chmod, 8) > 0o7777) throw new Error(MSG.invalidChmod(chmod));
  let dest = normalizePath(s.workdir, destRaw, true);
  if (destRaw === '.' || destRaw === '' || destRaw.endsWith('/')) {
    if (!dest.endsWith('/')) dest += '/';
  }
  let from: CopyVertex['from'] = { kind: 'context' };
  const src = s.sources.get(c)?.[0];
  if (src) {
    if (src === s) throw new Error(MSG.copyFromSelf);
    from = { kind: 'vertex', vertex: src.unregistered ? imageRoot(src) : src.root };
  } else {
    for (const p of srcPaths) if (!(c.kind === 'add' && isUrl(p))) s.contextPaths.add(cleanAbs(p));
  }
  const inline: InlineVertex[] = [];
  for (const doc of c.sd.contents) {
    const data = doc.expand ? lex.with({ skipProcessQuotes: true, escapeToken: '\\' }).processWord(doc.data, env) : doc.data;
    const op = { kind: 'inline', file: doc.path, data, mode: 0o644 };
    inline.push({ kind: 'inline', id: vertexId(op, null), name: MSG.inlineDocument, parent: null, file: doc.path, data, mode: 0o644, ignoreCache: s.ignoreCache });
  }
  const cmd = c.kind === 'add' ? 'ADD' : 'COPY';
  let msg = cmd;
  if (chown !== '') msg += ` --chown=${chown}`;
  if (chmod !== '') msg += ` --chmod=${chmod}`;
  for (const p of srcPaths) msg += ` ${p}`;
  for (const d of c.sd.contents) msg += ` <<${d.path}`;
  msg += ` ${c.sd.dest === destRaw ? destRaw : destRaw}`;
  const name = prefixCommand(s, uppercaseCmd(nameText(named, c.code, env)));
  const fromForOp = from.kind === 'vertex' ? { vertex: from.vertex?.id ?? null } : from.kind;
  const sources: CopySource[] = srcPaths.map((p) => (c.kind === 'add' && isUrl(p) ? { path: p, url: p } : { path: cleanAbs(p) }));
  const op = { kind: 'copy', isAdd: c.kind === 'add', from: fromForOp, sources, inline: inline.map((i) => i.id), dest, chown, chmod };
  const v: CopyVertex = {
    kind: 'copy',
    id: vertexId(op, s.root),
    name,
    parent: s.root,
    isAdd: c.kind === 'add',
    from: inline.length > 0 && srcPaths.length === 0 ? { kind: 'inline', files: inline } : from,
    sources,
    dest,
    chown,
    chmod,
    text: msg,
    location: range,
    ignoreCache: s.ignoreCache,
  };
  if (inline.length > 0 && srcPaths.length > 0) {
    // mixed sources: the inline documents are copied by the same step
    (v as CopyVertex & { inline?: InlineVertex[] }).inline = inline;
  }
  s.root = register(ctx, v);
  s.history.push({ createdBy: `${msg} # buildkit`, layerOf: s.root });
}

/** Phase C: dispatches every stage the target needs; returns the target. */
export function dispatch(ctx: DispatchContext): StageState {
  const lex = new Lex({ escapeToken: ctx.plan.escapeToken });
  dispatchStage(ctx.plan.target, ctx, lex);
  return ctx.plan.target;
}

/** Every vertex the target's result depends on, dependencies first (the solve order). */
export function solveOrder(target: StageState): Vertex[] {
  const out: Vertex[] = [];
  const seen = new Set<string>();
  const visit = (v: Vertex | null | undefined): void => {
    if (!v || seen.has(v.id)) return;
    seen.add(v.id);
    visit(v.parent);
    if (v.kind === 'copy') {
      if (v.from.kind === 'vertex') visit(v.from.vertex);
      if (v.from.kind === 'inline') for (const f of v.from.files) visit(f);
      const extra = (v as CopyVertex & { inline?: InlineVertex[] }).inline;
      if (extra) for (const f of extra) visit(f);
    }
    if (v.kind === 'run') for (const m of v.mounts) if (m.fromVertex) visit(m.fromVertex);
    out.push(v);
  };
  visit(target.root);
  return out;
}

/** The build context paths the target's steps read (null: all of it; empty: none). */
export function contextPaths(plan: Plan): string[] | null {
  const paths = new Set<string>();
  for (const s of plan.stages) for (const p of s.contextPaths) paths.add(p);
  if (paths.size === 0) return [];
  if (paths.has('/')) return null;
  return [...paths].map((p) => p.slice(1)).sort();
}
