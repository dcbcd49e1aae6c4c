/**
 * The instruction stage of BuildKit's Dockerfile frontend (frontend/dockerfile/instructions):
 * the parser's AST nodes become typed instructions grouped into stages, with BuildKit's flag
 * parsing (BFlags) and its argument checks. Variable expansion happens later, per stage.
 */
import type { DockerfileAst, Heredoc, InstructionNode } from './parser';
import { parseDuration } from '../cli/values';
import { BuildError } from './errors';
import { MSG } from './messages';

// ---------------------------------------------------------------------------------------------
// flags (BFlags)

type FlagType = 'bool' | 'string' | 'strings';

class BFlags {
  private readonly defs = new Map<string, { type: FlagType; value: string; values: string[] }>();
  private readonly used = new Set<string>();

  constructor(private readonly args: readonly string[]) {}

  bool(name: string, def = false): () => boolean {
    this.defs.set(name, { type: 'bool', value: def ? 'true' : 'false', values: [] });
    return () => this.defs.get(name)!.value === 'true';
  }
  string(name: string, def = ''): () => string {
    this.defs.set(name, { type: 'string', value: def, values: [] });
    return () => this.defs.get(name)!.value;
  }
  strings(name: string): () => string[] {
    this.defs.set(name, { type: 'strings', value: '', values: [] });
    return () => this.defs.get(name)!.values;
  }
  isUsed(name: string): boolean {
    return this.used.has(name);
  }
  usedNames(): string[] {
    return [...this.used];
  }

  /** Parses the flags; throws with BuildKit's (v0.13, lower-cased) messages. */
  parse(): void {
    for (const raw of this.args) {
      if (!raw.startsWith('--')) throw new Error(MSG.flagNoDashes(raw));
      if (raw === '--') return;
      let arg = raw.slice(2);
      let value = '';
      const eq = arg.indexOf('=');
      if (eq >= 0) {
        value = arg.slice(eq + 1);
        arg = arg.slice(0, eq);
      }
      const flag = this.defs.get(arg);
      if (!flag) throw new Error(MSG.unknownFlag(arg));
      if (this.used.has(arg) && flag.type !== 'strings') throw new Error(MSG.duplicateFlag(arg));
      this.used.add(arg);
      switch (flag.type) {
        case 'bool': {
          if (eq >= 0 && value === '') throw new Error(MSG.missingFlagValue(arg));
          const lower = value.toLowerCase();
          if (lower === '') flag.value = 'true';
          else if (lower === 'true' || lower === 'false') flag.value = lower;
          else throw new Error(MSG.expectingBool(arg, value));
          break;
        }
        case 'string':
          if (eq < 0) throw new Error(MSG.missingFlagValue(arg));
          flag.value = value;
          break;
        case 'strings':
          if (eq < 0) throw new Error(MSG.missingFlagValue(arg));
          flag.values.push(value);
          break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// the instructions

export interface Location {
  startLine: number;
  endLine: number;
}

interface Base extends Location {
  /** The instruction as written (continuations joined, trimmed): BuildKit's `c.String()`. */
  code: string;
}

export interface KeyValue {
  key: string;
  value: string;
}

export interface ArgDef {
  key: string;
  /** The default as written (unexpanded), or undefined. */
  value?: string;
}

export interface SourcesAndDest {
  sources: string[];
  /** Heredoc sources (`COPY <<EOF /dst`). */
  contents: { path: string; data: string; expand: boolean }[];
  dest: string;
}

export interface MountSpec {
  type: 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
  target: string;
  source?: string;
  from?: string;
  readOnly: boolean;
  id?: string;
  sharing?: string;
  required?: boolean;
  mode?: number;
  uid?: number;
  gid?: number;
}

export type Instruction =
  | (Base & { kind: 'env'; env: KeyValue[] })
  | (Base & { kind: 'label'; labels: KeyValue[] })
  | (Base & { kind: 'maintainer'; maintainer: string })
  | (Base & { kind: 'add' | 'copy'; sd: SourcesAndDest; from: string; chown: string; chmod: string; link: boolean; checksum: string; keepGitDir: boolean })
  | (Base & { kind: 'onbuild'; expression: string })
  | (Base & { kind: 'workdir'; path: string })
  | (Base & { kind: 'run'; cmd: string[]; prependShell: boolean; files: { name: string; data: string; chomp: boolean }[]; mounts: string[]; network: string; security: string; flagsUsed: string[] })
  | (Base & { kind: 'cmd' | 'entrypoint'; cmd: string[] | null; prependShell: boolean; files: { name: string; data: string; chomp: boolean }[] })
  | (Base & { kind: 'healthcheck'; test: string[]; interval: number; timeout: number; startPeriod: number; startInterval: number; retries: number })
  | (Base & { kind: 'expose'; ports: string[] })
  | (Base & { kind: 'user'; user: string })
  | (Base & { kind: 'volume'; volumes: string[] })
  | (Base & { kind: 'stopsignal'; signal: string })
  | (Base & { kind: 'arg'; args: ArgDef[] })
  | (Base & { kind: 'shell'; shell: string[] });

export interface Stage extends Location {
  /** As written (`$BASE`, `python:3.11-slim`, `scratch`, a stage name). */
  baseName: string;
  /** Lower-cased `AS` name, or ''. */
  name: string;
  /** The FROM line as written. */
  code: string;
  platform: string;
  commands: Instruction[];
  /** Index among all stages. */
  index: number;
}

export interface ParsedDockerfile {
  stages: Stage[];
  /** ARGs before the first FROM. */
  metaArgs: (Extract<Instruction, { kind: 'arg' }>)[];
}

const COMMANDS = ['add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir'];

/** Levenshtein distance (runes). */
export function levenshtein(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/** buildkit util/suggest.Search: the closest option within a small edit distance. */
export function suggest(value: string, options: readonly string[], caseSensitive: boolean): string | undefined {
  if (value === '') return undefined;
  let min = 2;
  if ([...value].length < 3) min = 1;
  const v = caseSensitive ? value : value.toLowerCase();
  let match: string | undefined;
  for (const option of options) {
    const o = caseSensitive ? option : option.toLowerCase();
    const d = levenshtein(v, o);
    if (d < min) {
      min = d;
      match = option;
    }
  }
  return match;
}

export function withSuggestion(message: string, value: string, options: readonly string[], caseSensitive: boolean): string {
  let s = suggest(value, options, caseSensitive);
  // the suggestion follows the case of what was typed (`RUNN` → RUN, `runn` → run)
  if (s !== undefined && !caseSensitive) s = value === value.toUpperCase() ? s.toUpperCase() : s.toLowerCase();
  return s === undefined ? message : `${message} (did you mean ${s}?)`;
}

function errAtLeastOne(cmd: string): Error {
  return new Error(`${cmd} requires at least one argument`);
}
function errExactlyOne(cmd: string): Error {
  return new Error(`${cmd} requires exactly one argument`);
}
function errNoDestination(cmd: string): Error {
  return new Error(`${cmd} requires at least two arguments, but only one was provided. Destination could not be determined`);
}
function errBlankNames(cmd: string): Error {
  return new Error(`${cmd} names can not be blank`);
}

/** The argument words BuildKit's nodeArgs gives for a node (ONBUILD: the nested keyword and its args). */
function nodeArgs(node: InstructionNode): string[] {
  if (node.next) return [node.next.keyword, ...nodeArgs(node.next)];
  return [...node.args];
}

function handleJsonArgs(args: string[], json: boolean): string[] {
  if (args.length === 0) return [];
  if (json) return args;
  return [args.join(' ')];
}

const HEREDOC_WORD = /^<<(-?)(["']?)([^"'\s]+)\2$/;

function parseHeredocWord(word: string): { name: string; chomp: boolean } | null {
  const m = HEREDOC_WORD.exec(word);
  if (!m) return null;
  return { name: m[3]!, chomp: m[1] === '-' };
}

function sourcesAndDest(args: string[], heredocs: readonly Heredoc[], command: string): SourcesAndDest {
  const srcs = args.slice(0, -1);
  const dest = args[args.length - 1]!;
  if (parseHeredocWord(dest)) throw new Error(`${command} cannot accept a heredoc as a destination`);
  const byName = new Map(heredocs.map((h) => [h.name, h]));
  const sources: string[] = [];
  const contents: SourcesAndDest['contents'] = [];
  for (const src of srcs) {
    const h = parseHeredocWord(src);
    const doc = h ? byName.get(h.name) : undefined;
    if (h && doc) contents.push({ path: h.name, data: doc.content, expand: doc.expand });
    else sources.push(src);
  }
  return { sources, contents, dest };
}

const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

/** The minimum HEALTHCHECK interval (container.MinimumDuration): 1ms. */
const MIN_DURATION = 1e6;

function parseInterval(name: string, value: string): number {
  if (value === '') return 0;
  const d = parseDuration(value);
  if (d === 0) return 0;
  if (d < MIN_DURATION) throw new Error(`Interval "${name}" cannot be less than 1ms`);
  return d;
}

function parseInstruction(node: InstructionNode, code: string): Instruction | { kind: 'from'; stage: Omit<Stage, 'commands' | 'index'> } {
  const args = nodeArgs(node);
  const flags = new BFlags(node.flags);
  const loc = { startLine: node.startLine, endLine: node.endLine, code };
  switch (node.keyword) {
    case 'env':
    case 'label': {
      const cmd = node.keyword.toUpperCase();
      flags.parse();
      if (args.length === 0) throw errAtLeastOne(cmd);
      if (args.length % 3 !== 0) throw new Error(`Bad input to ${cmd}, too many arguments`);
      const kvs: KeyValue[] = [];
      for (let i = 0; i < args.length; i += 3) {
        if (args[i]!.length === 0) throw errBlankNames(cmd);
        kvs.push({ key: args[i]!, value: args[i + 1]! });
      }
      return node.keyword === 'env' ? { kind: 'env', env: kvs, ...loc } : { kind: 'label', labels: kvs, ...loc };
    }
    case 'maintainer':
      if (args.length !== 1) throw errExactlyOne('MAINTAINER');
      flags.parse();
      return { kind: 'maintainer', maintainer: args[0]!, ...loc };
    case 'add':
    case 'copy': {
      const cmd = node.keyword.toUpperCase();
      if (args.length < 2) throw errNoDestination(cmd);
      const chown = flags.string('chown');
      const from = node.keyword === 'copy' ? flags.string('from') : () => '';
      const chmod = flags.string('chmod');
      const link = flags.bool('link');
      const keep = node.keyword === 'add' ? flags.bool('keep-git-dir') : () => false;
      const checksum = node.keyword === 'add' ? flags.string('checksum') : () => '';
      flags.parse();
      const sd = sourcesAndDest(args, node.heredocs, cmd);
      return { kind: node.keyword, sd, from: from(), chown: chown(), chmod: chmod(), link: link(), keepGitDir: keep(), checksum: checksum(), ...loc };
    }
    case 'from': {
      let name = '';
      if (args.length === 3 && args[1]!.toLowerCase() === 'as') {
        name = args[2]!.toLowerCase();
        if (!VALID_STAGE_NAME.test(name)) throw new Error(`invalid name for build stage: "${args[2]}", name can't start with a number or contain symbols`);
      } else if (args.length !== 1) {
        throw new Error('FROM requires either one or three arguments');
      }
      const platform = flags.string('platform');
      flags.parse();
      return { kind: 'from', stage: { baseName: args[0]!, name, code, platform: platform(), startLine: node.startLine, endLine: node.endLine } };
    }
    case 'onbuild': {
      if (args.length === 0) throw errAtLeastOne('ONBUILD');
      flags.parse();
      const trigger = args[0]!.trim().toUpperCase();
      if (trigger === 'ONBUILD') throw new Error('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);
      let expression = node.original.replace(/^\s*ONBUILD\s*/i, '');
      const inner = node.next ?? node;
      for (const h of inner.heredocs) expression += `\n${h.content}${h.name}`;
      return { kind: 'onbuild', expression, ...loc };
    }
    case 'workdir':
      if (args.length !== 1) throw errExactlyOne('WORKDIR');
      flags.parse();
      return { kind: 'workdir', path: args[0]!, ...loc };
    case 'run': {
      const mounts = flags.strings('mount');
      const network = flags.string('network');
      const security = flags.string('security');
      flags.parse();
      return {
        kind: 'run',
        cmd: handleJsonArgs(args, node.json),
        prependShell: !node.json,
        files: node.heredocs.map((h) => ({ name: h.name, data: h.content, chomp: h.chomp })),
        mounts: mounts(),
        network: network(),
        security: security(),
        flagsUsed: flags.usedNames(),
        ...loc,
      };
    }
    case 'cmd':
    case 'entrypoint': {
      flags.parse();
      let cmd: string[] | null = handleJsonArgs(args, node.json);
      if (node.keyword === 'entrypoint' && cmd.length === 0) cmd = null;
      return { kind: node.keyword, cmd, prependShell: !node.json, files: node.heredocs.map((h) => ({ name: h.name, data: h.content, chomp: h.chomp })), ...loc };
    }
    case 'healthcheck': {
      if (args.length === 0) throw errAtLeastOne('HEALTHCHECK');
      const typ = args[0]!.toUpperCase();
      const rest = args.slice(1);
      if (typ === 'NONE') {
        if (rest.length !== 0) throw new Error('HEALTHCHECK NONE takes no arguments');
        return { kind: 'healthcheck', test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0, ...loc };
      }
      const interval = flags.string('interval');
      const timeout = flags.string('timeout');
      const startPeriod = flags.string('start-period');
      const startInterval = flags.string('start-interval');
      const retries = flags.string('retries');
      flags.parse();
      if (typ !== 'CMD') throw new Error(`Unknown type "${typ}" in HEALTHCHECK (try CMD)`);
      const cmdSlice = handleJsonArgs(rest, node.json);
      if (cmdSlice.length === 0) throw new Error('Missing command after HEALTHCHECK CMD');
      const test = [node.json ? 'CMD' : 'CMD-SHELL', ...cmdSlice];
      const hc = {
        interval: parseInterval('interval', interval()),
        timeout: parseInterval('timeout', timeout()),
        startPeriod: parseInterval('start-period', startPeriod()),
        startInterval: parseInterval('start-interval', startInterval()),
        retries: 0,
      };
      if (retries() !== '') {
        const r = retries();
        if (!/^[+-]?\d+$/.test(r)) throw new Error(`strconv.ParseInt: parsing "${r}": invalid syntax`);
        const n = Number(r);
        if (n > 2147483647 || n < -2147483648) throw new Error(`strconv.ParseInt: parsing "${r}": value out of range`);
        if (n < 0) throw new Error(`--retries cannot be negative (${n})`);
        hc.retries = n;
      }
      return { kind: 'healthcheck', test, ...hc, ...loc };
    }
    case 'expose':
      if (args.length === 0) throw errAtLeastOne('EXPOSE');
      flags.parse();
      return { kind: 'expose', ports: [...args].sort(), ...loc };
    case 'user':
      if (args.length !== 1) throw errExactlyOne('USER');
      flags.parse();
      return { kind: 'user', user: args[0]!, ...loc };
    case 'volume': {
      if (args.length === 0) throw errAtLeastOne('VOLUME');
      flags.parse();
      const volumes: string[] = [];
      for (const v of args) {
        const t = v.trim();
        if (t === '') throw new Error('VOLUME specified can not be an empty string');
        volumes.push(t);
      }
      return { kind: 'volume', volumes, ...loc };
    }
    case 'stopsignal':
      if (args.length !== 1) throw errExactlyOne('STOPSIGNAL');
      return { kind: 'stopsignal', signal: args[0]!, ...loc };
    case 'arg': {
      if (args.length < 1) throw errAtLeastOne('ARG');
      const defs: ArgDef[] = [];
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq >= 0) {
          if (eq === 0) throw errBlankNames('ARG');
          defs.push({ key: a.slice(0, eq), value: a.slice(eq + 1) });
        } else defs.push({ key: a });
      }
      return { kind: 'arg', args: defs, ...loc };
    }
    case 'shell': {
      flags.parse();
      const shell = handleJsonArgs(args, node.json);
      if (shell.length === 0) throw errAtLeastOne('SHELL');
      if (!node.json) throw new Error(`SHELL requires the arguments to be in JSON form`);
      return { kind: 'shell', shell, ...loc };
    }
    default: {
      const word = node.original.trim().split(/[\s]/, 1)[0] ?? node.keyword;
      throw new Error(withSuggestion(`unknown instruction: ${word}`, word, COMMANDS, false));
    }
  }
}

/**
 * instructions.Parse: stages and the ARGs before the first FROM. Throws BuildError located at the
 * failing instruction (`dockerfile parse error on line N: …`).
 */
export function parseInstructions(ast: DockerfileAst): ParsedDockerfile {
  const stages: Stage[] = [];
  const metaArgs: ParsedDockerfile['metaArgs'] = [];
  for (const node of ast.children) {
    const code = node.original.trim();
    let parsed: ReturnType<typeof parseInstruction>;
    try {
      parsed = parseInstruction(node, code);
    } catch (e) {
      throw new BuildError(`dockerfile parse error on line ${node.startLine}: ${(e as Error).message}`, { startLine: node.startLine, endLine: node.endLine });
    }
    if (parsed.kind === 'from') {
      stages.push({ ...parsed.stage, commands: [], index: stages.length });
      continue;
    }
    if (stages.length === 0) {
      if (parsed.kind === 'arg') {
        metaArgs.push(parsed);
        continue;
      }
      throw new BuildError(MSG.noStageForCommand, { startLine: node.startLine, endLine: node.endLine });
    }
    stages[stages.length - 1]!.commands.push(parsed);
  }
  return { stages, metaArgs };
}

/** The instructions that make a step (and count in `[i/N]`). */
export function isStepInstruction(i: Instruction): boolean {
  return i.kind === 'add' || i.kind === 'copy' || i.kind === 'run' || i.kind === 'workdir';
}

/** ONBUILD triggers: each expression parsed as a command (not a stage). */
export function parseCommands(ast: DockerfileAst): Instruction[] {
  const out: Instruction[] = [];
  for (const node of ast.children) {
    const parsed = parseInstruction(node, node.original.trim());
    if (parsed.kind === 'from') throw new Error(`FROM isn't allowed as an ONBUILD trigger`);
    out.push(parsed);
  }
  return out;
}
