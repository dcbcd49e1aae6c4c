/**
 * docker's command line as the reference CLI reads it (cmd/docker/docker.go + cobra + pflag):
 * global flags up to the command, the buildx plugin and its aliases (`docker build` →
 * `docker buildx build`), cobra's command lookup, flag parsing, `--help`, and the positional
 * argument validators. The result is a plain request object, or the output to print.
 */
import { CLIENT_COMMIT, CLIENT_VERSION } from './version';
import { FlagError, defaultValue, parseFlags, takesNoValue, type FlagState, type FlagValue, type ParseEnv } from './flags';
import { helpText, usageString } from './help';
import { commandTree, findChild, type CommandNode } from './table';
import type { ArgsSpec } from './spec';

export interface Output {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** What a command handler receives: the parsed command line, as plain data. */
export interface DockerRequest {
  /** Canonical command path, whatever spelling was typed: ['container', 'ls'] for `docker ps`. */
  command: readonly string[];
  /** The command as the CLI names it in messages: 'docker ps', 'docker buildx build'. */
  commandPath: string;
  /** cobra UseLine, for messages: 'docker ps [OPTIONS]'. */
  useLine: string;
  /** Every flag of the command, with its default when not given (long names, no dashes). */
  flags: Readonly<Record<string, FlagValue>>;
  /** Flags given on the command line. */
  changed: ReadonlySet<string>;
  /** Positional arguments. */
  args: readonly string[];
  /** Number of positionals before `--`, or -1. */
  argsLenAtDash: number;
  /** docker's global options (`--debug`, `--host`, `--context`, `--log-level`, `--config`, TLS…). */
  global: Readonly<Record<string, FlagValue>>;
  /** Reached through `docker build` / `docker builder …` rather than `docker buildx …`. */
  viaBuilderAlias: boolean;
}

export type ParseResult =
  | { kind: 'command'; request: DockerRequest; output: Output[] }
  | { kind: 'done'; status: number; output: Output[] };

export interface ParseOptions {
  /** The client's environment (`-e NAME` reads it; the config dir shows in help). */
  env?: Readonly<Record<string, string>>;
  /** Terminal width on stdin, or 80 when stdin is not a terminal. */
  width?: number;
}

class Emitter {
  readonly output: Output[] = [];
  stdout(text: string): void {
    this.output.push({ stream: 'stdout', text });
  }
  stderr(text: string): void {
    this.output.push({ stream: 'stderr', text });
  }
  done(status: number): ParseResult {
    return { kind: 'done', status, output: this.output };
  }
}

interface Context {
  out: Emitter;
  env: Readonly<Record<string, string>>;
  width: number;
  viaBuilderAlias: boolean;
}

function newState(): FlagState {
  return { values: new Map(), changed: new Set() };
}

/**
 * pflag's notices (deprecations) go to cobra's flag buffer, which is printed only when the whole
 * parse succeeds: run `parse` with this, then `flush` on success.
 */
function noticeBuffer(ctx: Context, dialect: 'docker' | 'buildx', repeat = 1): ParseEnv & { flush(): void } {
  let buffered = '';
  return {
    env: ctx.env,
    dialect,
    notice: (text) => (buffered += text.repeat(repeat)),
    flush: () => {
      if (buffered) ctx.out.stdout(buffered);
      buffered = '';
    },
  };
}

/** parseFlags, printing pflag's notices only when it succeeds. */
function parseWithNotices(
  args: readonly string[],
  node: CommandNode,
  interspersed: boolean,
  state: FlagState,
  ctx: Context,
  repeat = 1,
): ReturnType<typeof parseFlags> {
  const env = noticeBuffer(ctx, node.spec.dialect, repeat);
  const parsed = parseFlags(args, node.flagSet, interspersed, state, env);
  env.flush();
  return parsed;
}

function plural(n: number): string {
  return n === 1 ? 'argument' : 'arguments';
}

/**
 * What pflag shows as a default once docker's own option types (ListOpts, FilterOpt, MemBytes, …)
 * have been given a value: pflag asks the value, not its default, whether it is zero.
 */
const SET_DEFAULT_TEXT: Partial<Record<string, string>> = { list: '', filter: '', 'gpu-request': '', mount: '', decimal: '', bytes: '0' };

/** The displayed defaults that depend on the environment, and on flags given before --help. */
function helpDefaults(node: CommandNode, ctx: Context, state?: FlagState): Map<string, string> | undefined {
  const defaults = new Map<string, string>();
  for (const flag of node.flagSet.flags) {
    const text = SET_DEFAULT_TEXT[flag.type];
    if (text !== undefined && flag.defaultText === undefined && state?.changed.has(flag.name)) defaults.set(flag.name, text);
  }
  if (node.spec.path.length === 0) {
    const home = ctx.env.HOME ?? '/home/student';
    const config = ctx.env.DOCKER_CONFIG || `${home}/.docker`;
    if (config !== '/home/student/.docker') {
      for (const flag of node.flagSet.flags) {
        if (flag.defaultText?.includes('/home/student/.docker')) {
          defaults.set(flag.name, flag.defaultText.replace('/home/student/.docker', config));
        }
      }
    }
  }
  if (node.spec.dialect === 'buildx' && ctx.viaBuilderAlias) defaults.set('builder', '"default"');
  return defaults.size > 0 ? defaults : undefined;
}

export function renderHelp(node: CommandNode, ctx: Pick<Context, 'env' | 'width' | 'viaBuilderAlias'>, state?: FlagState): string {
  const defaults = helpDefaults(node, ctx as Context, state);
  return helpText(node.spec, node.flagSet.flags, { width: ctx.width, ...(defaults ? { defaults } : {}) });
}

/** The first flag given (in name order, as pflag visits them) that the daemon does not support. */
function unsupportedFlag(node: CommandNode, state: FlagState): string | undefined {
  let first: { name: string; message: string } | undefined;
  for (const flag of node.flagSet.flags) {
    if (flag.unsupported && state.changed.has(flag.name) && (!first || flag.name < first.name)) {
      first = { name: flag.name, message: flag.unsupported };
    }
  }
  return first?.message;
}

// ---------------------------------------------------------------------------------------------
// error texts

/** cli/cobra.go FlagErrorFunc (docker) or buildx's older copy. */
function flagError(node: CommandNode, error: FlagError, ctx: Context): ParseResult {
  if (node.spec.dialect === 'buildx') {
    let text = `${error.message}\nSee '${node.commandPath} --help'.\n`;
    if (node.spec.sections) {
      const defaults = helpDefaults(node, ctx);
      text += `\n${usageString(node.spec, node.flagSet.flags, { width: ctx.width, ...(defaults ? { defaults } : {}) })}\n`;
    }
    ctx.out.stderr(text);
  } else {
    ctx.out.stderr(`${error.message}\n\nUsage:  ${node.spec.useLine}\n\nRun '${node.commandPath} --help' for more information\n`);
  }
  return ctx.out.done(125);
}

/** cli/required.go (docker 28) and the older copy buildx vendors; null when the count is fine. */
function argsError(node: CommandNode, args: readonly string[]): string | null {
  const spec: ArgsSpec = node.spec.args;
  const n = args.length;
  const path = node.commandPath;
  const use = node.spec.useLine;
  if (node.spec.dialect === 'buildx') {
    const tail = `.\nSee '${path} --help'.\n\nUsage:  ${use}\n\n${node.spec.short}`;
    switch (spec.kind) {
      case 'none':
        return n === 0 ? null : `ERROR: "${path}" accepts no arguments${tail}`;
      case 'exact':
        return n === spec.n ? null : `ERROR: "${path}" requires exactly ${spec.n} ${plural(spec.n)}${tail}`;
      case 'min':
        return n >= spec.n ? null : `ERROR: "${path}" requires at least ${spec.n} ${plural(spec.n)}${tail}`;
      case 'max':
        return n <= spec.n ? null : `ERROR: "${path}" requires at most ${spec.n} ${plural(spec.n)}${tail}`;
      case 'range':
        return n >= spec.min && n <= spec.max
          ? null
          : `ERROR: "${path}" requires at least ${spec.min} and at most ${spec.max} ${plural(spec.max)}${tail}`;
      case 'cobra-exact':
        return n === spec.n ? null : `ERROR: accepts ${spec.n} arg(s), received ${n}`;
      case 'cobra-none':
        return n === 0 ? null : `ERROR: unknown command "${args[0]}" for "${path}"`;
      case 'any':
        return null;
    }
  }
  switch (spec.kind) {
    case 'none':
      if (n === 0) return null;
      if (node.spec.sections) return `docker: unknown command: ${path} ${args[0]}\n\nUsage:  ${use}\n\nRun '${path} --help' for more information`;
      return `docker: '${path}' accepts no arguments\n\nUsage:  ${use}\n\nRun '${path} --help' for more information`;
    case 'exact':
      return n === spec.n ? null : `docker: '${path}' requires ${spec.n} ${plural(spec.n)}\n\nUsage:  ${use}\n\nRun '${path} --help' for more information`;
    case 'min':
      return n >= spec.n ? null : `docker: '${path}' requires at least ${spec.n} ${plural(spec.n)}\n\nUsage:  ${use}\n\nSee '${path} --help' for more information`;
    case 'max':
      // sic: 28.x prints "SRun"
      return n <= spec.n ? null : `docker: '${path}' requires at most ${spec.n} ${plural(spec.n)}\n\nUsage:  ${use}\n\nSRun '${path} --help' for more information`;
    case 'range':
      return n >= spec.min && n <= spec.max
        ? null
        : `docker: '${path}' requires at least ${spec.min} and at most ${spec.max} ${plural(spec.max)}\n\nUsage:  ${use}\n\nRun '${path} --help' for more information`;
    case 'cobra-exact':
      return n === spec.n ? null : `accepts ${spec.n} arg(s), received ${n}`;
    case 'cobra-none':
      return n === 0 ? null : `unknown command "${args[0]}" for "${path}"`;
    case 'any':
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// the request

function flagValues(node: CommandNode, state: FlagState, ctx: Context): Record<string, FlagValue> {
  const values: Record<string, FlagValue> = {};
  for (const flag of node.flagSet.flags) {
    if (flag.name === 'help') continue;
    const override = node.spec.dialect === 'buildx' && flag.name === 'builder' && ctx.viaBuilderAlias ? 'default' : undefined;
    values[flag.name] = state.values.has(flag.name) ? state.values.get(flag.name)! : defaultValue(flag, override);
  }
  return values;
}

function canonicalPath(node: CommandNode): string[] {
  return [...(node.spec.canonical ?? node.spec.path)];
}

function globalValues(root: CommandNode, state: FlagState): Record<string, FlagValue> {
  const values: Record<string, FlagValue> = {};
  for (const flag of root.flagSet.flags) {
    if (flag.name === 'help') continue;
    values[flag.name] = state.values.has(flag.name) ? state.values.get(flag.name)! : defaultValue(flag);
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// docker's own commands (cobra with TraverseChildren)

/** cobra's isFlagArg. */
function isFlagArg(arg: string): boolean {
  return (arg.length >= 3 && arg.startsWith('--')) || (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-');
}

/**
 * cobra Command.Traverse: finds the subcommand, parsing the flags met on the way with the flags of
 * the level they appear at. Returns the command and the arguments left for it.
 */
function traverse(
  node: CommandNode,
  args: string[],
  state: FlagState,
  ctx: Context,
): { node: CommandNode; args: string[] } | { error: FlagError; node: CommandNode } {
  const flags: string[] = [];
  let inFlag = false;
  for (const [i, arg] of args.entries()) {
    if (arg.startsWith('--') && !arg.includes('=')) {
      inFlag = !takesNoValue(node.flagSet, arg.slice(2), false);
      flags.push(arg);
      continue;
    }
    if (arg.startsWith('-') && !arg.includes('=') && arg.length === 2 && !takesNoValue(node.flagSet, arg.slice(1), true)) {
      inFlag = true;
      flags.push(arg);
      continue;
    }
    if (inFlag) {
      inFlag = false;
      flags.push(arg);
      continue;
    }
    if (isFlagArg(arg)) {
      flags.push(arg);
      continue;
    }
    const next = findChild(node, arg);
    if (!next || next.spec.dialect !== 'docker') {
      // the plugin is reached only as `docker buildx …` right after the global flags
      if (next && node.spec.path.length === 0 && flags.length === 0) return { node: next, args: args.slice(i + 1) };
      return { node, args };
    }
    try {
      // the deprecated -h, parsed at a level on the way, is reported three times
      parseWithNotices(flags, node, true, state, ctx, 3);
    } catch (error) {
      if (error instanceof FlagError) return { error, node };
      throw error;
    }
    return traverse(next, args.slice(i + 1), state, ctx);
  }
  return { node, args };
}

function executeDocker(node: CommandNode, args: string[], state: FlagState, global: FlagState, ctx: Context): ParseResult {
  let parsed;
  try {
    parsed = parseWithNotices(args, node, node.spec.interspersed, state, ctx);
  } catch (error) {
    if (error instanceof FlagError) return flagError(node, error, ctx);
    throw error;
  }
  // flags the daemon does not support (cmd/docker/docker.go isSupported): checked by docker's help
  // function and, for a command, before its argument validator
  const unsupported = unsupportedFlag(node, state);
  if (state.values.get('help') === true) {
    ctx.out.stdout(unsupported ? `${unsupported}\n` : renderHelp(node, ctx, state));
    return ctx.out.done(0);
  }
  if (unsupported) {
    ctx.out.stderr(`${unsupported}\n`);
    return ctx.out.done(1);
  }
  if (node === commandTree().help) return helpCommand(parsed.args, ctx);
  const invalid = argsError(node, parsed.args);
  if (invalid !== null) {
    ctx.out.stderr(`${invalid}\n`);
    return ctx.out.done(1);
  }
  if (node.spec.sections) {
    // a command group run alone: cli ShowHelp, on stderr
    ctx.out.stderr(renderHelp(node, ctx));
    return ctx.out.done(0);
  }
  return {
    kind: 'command',
    output: ctx.out.output,
    request: {
      command: canonicalPath(node),
      commandPath: node.commandPath,
      useLine: node.spec.useLine,
      flags: flagValues(node, state, ctx),
      changed: new Set(state.changed),
      args: parsed.args,
      argsLenAtDash: parsed.argsLenAtDash,
      global: globalValues(commandTree().docker, global),
      viaBuilderAlias: false,
    },
  };
}

/** `docker help [command]`: docker's help command, and the plugin's for `docker help buildx …`. */
function helpCommand(args: string[], ctx: Context): ParseResult {
  const tree = commandTree();
  if (args[0] === 'buildx') {
    // the plugin's own help command: the deepest command found, extra words an error
    let node = tree.buildx;
    let i = 1;
    for (; i < args.length; i++) {
      const next = findChild(node, args[i]!);
      if (!next) break;
      node = next;
    }
    if (i < args.length) {
      ctx.out.stderr(`ERROR: unknown help topic: ${args.slice(i).join(' ')}\nexit status 1\n`);
      return ctx.out.done(1);
    }
    ctx.out.stdout(renderHelp(node, ctx));
    return ctx.out.done(0);
  }
  // cobra Find: subcommand names among the arguments, flags skipped
  let node = tree.docker;
  const rest = args.filter((arg) => !arg.startsWith('-'));
  let i = 0;
  for (; i < rest.length; i++) {
    const next = node.spec.dialect === 'docker' ? findChild(node, rest[i]!) : undefined;
    if (!next) break;
    node = next;
  }
  if (i < rest.length) {
    ctx.out.stderr(`unknown help topic: ${rest.slice(i).join(' ')}\n`);
    return ctx.out.done(1);
  }
  ctx.out.stdout(renderHelp(node, ctx));
  return ctx.out.done(0);
}

// ---------------------------------------------------------------------------------------------
// the buildx plugin (cobra Find, buildx's error formats)

function stripFlags(args: string[], node: CommandNode): string[] {
  const commands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const s = args[i]!;
    if (s === '--') break;
    const longWithValue = s.startsWith('--') && !s.includes('=') && !takesNoValue(node.flagSet, s.slice(2), false);
    const shortWithValue = s.startsWith('-') && !s.includes('=') && s.length === 2 && !takesNoValue(node.flagSet, s.slice(1), true);
    if (longWithValue || shortWithValue) {
      if (args.length - i - 1 <= 1) break;
      i++;
      continue;
    }
    if (s !== '' && !s.startsWith('-')) commands.push(s);
  }
  return commands;
}

function argsMinusFirst(args: string[], x: string, node: CommandNode): string[] {
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos]!;
    if (s === '--') break;
    const longWithValue = s.startsWith('--') && !s.includes('=') && !takesNoValue(node.flagSet, s.slice(2), false);
    const shortWithValue = s.startsWith('-') && !s.includes('=') && s.length === 2 && !takesNoValue(node.flagSet, s.slice(1), true);
    if (longWithValue || shortWithValue) {
      pos++;
      continue;
    }
    if (!s.startsWith('-') && s === x) return [...args.slice(0, pos), ...args.slice(pos + 1)];
  }
  return args;
}

function executeBuildx(args: string[], global: FlagState, ctx: Context): ParseResult {
  let node = commandTree().buildx;
  let rest = args;
  for (;;) {
    const commands = stripFlags(rest, node);
    const next = commands.length > 0 ? findChild(node, commands[0]!) : undefined;
    if (!next) break;
    rest = argsMinusFirst(rest, commands[0]!, node);
    node = next;
  }
  const state = newState();
  let parsed;
  try {
    parsed = parseWithNotices(rest, node, node.spec.interspersed, state, ctx);
  } catch (error) {
    if (error instanceof FlagError) return flagError(node, error, ctx);
    throw error;
  }
  if (state.values.get('help') === true || node.spec.sections) {
    ctx.out.stdout(renderHelp(node, ctx, state));
    return ctx.out.done(0);
  }
  const invalid = argsError(node, parsed.args);
  if (invalid !== null) {
    ctx.out.stderr(`${invalid}\n`);
    return ctx.out.done(1);
  }
  return {
    kind: 'command',
    output: ctx.out.output,
    request: {
      command: canonicalPath(node),
      commandPath: node.commandPath,
      useLine: node.spec.useLine,
      flags: flagValues(node, state, ctx),
      changed: new Set(state.changed),
      args: parsed.args,
      argsLenAtDash: parsed.argsLenAtDash,
      global: globalValues(commandTree().docker, global),
      viaBuilderAlias: ctx.viaBuilderAlias,
    },
  };
}

/** cmd/docker/builder.go: with buildx installed, docker's build commands run the plugin. */
function builderAlias(args: string[]): string[] | null {
  const [first, second] = args;
  if (first === 'build' || first === 'bake') return ['buildx', ...args];
  if (first === 'builder') return ['buildx', ...args.slice(1)];
  if (first === 'image' && second === 'build') return ['buildx', ...args.slice(1)];
  return null;
}

// ---------------------------------------------------------------------------------------------

/** logrus.ParseLevel */
const LOG_LEVELS = new Set(['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace']);

export const VERSION_LINE = `Docker version ${CLIENT_VERSION}, build ${CLIENT_COMMIT}\n`;

/** Parses `docker ARGS…` (argv without `docker`). */
export function parseDockerCommandLine(argv: readonly string[], options: ParseOptions = {}): ParseResult {
  const ctx: Context = { out: new Emitter(), env: options.env ?? {}, width: options.width ?? 80, viaBuilderAlias: false };
  const tree = commandTree();
  const root = tree.docker;

  // 1. global flags, up to the command (HandleGlobalFlags: not interspersed)
  const global = newState();
  let rest: string[];
  try {
    rest = parseWithNotices(argv, root, false, global, ctx).args;
  } catch (error) {
    if (error instanceof FlagError) return flagError(root, error, ctx);
    throw error;
  }

  // the client initializes (cli/command DockerCli.Initialize) before it looks at the command
  const level = String(global.values.get('log-level') ?? 'info');
  if (!LOG_LEVELS.has(level.toLowerCase())) {
    ctx.out.stderr(`Unable to parse logging level: ${level}\n`);
    return ctx.out.done(1);
  }
  if (global.changed.has('host') && global.changed.has('context')) {
    ctx.out.stderr('conflicting options: cannot specify both --host and --context\n');
    return ctx.out.done(1);
  }

  // 2. the buildx plugin, and the commands it takes over
  const aliased = builderAlias(rest);
  if (aliased) ctx.viaBuilderAlias = true;
  const pluginArgs = aliased ?? (rest[0] === 'buildx' ? rest : null);
  if (pluginArgs) return executeBuildx(pluginArgs.slice(1), global, ctx);

  // 3. cobra: the root command itself
  const state = newState();
  // the persistent --help is one flag for the whole tree
  if (global.changed.has('help')) {
    state.values.set('help', global.values.get('help')!);
    state.changed.add('help');
  }
  if (rest.length === 0) {
    if (state.values.get('help') === true) {
      ctx.out.stdout(renderHelp(root, ctx));
      return ctx.out.done(0);
    }
    if (global.values.get('version') === true) {
      ctx.out.stdout(VERSION_LINE);
      return ctx.out.done(0);
    }
    ctx.out.stderr(renderHelp(root, ctx));
    return ctx.out.done(0);
  }

  // 4. cobra Traverse to the subcommand, then its own parse
  const found = traverse(root, rest, state, ctx);
  if ('error' in found) return flagError(found.node, found.error, ctx);
  if (found.node.spec.dialect === 'buildx') return executeBuildx(found.args, global, ctx);
  if (found.node === root) {
    let parsed;
    try {
      parsed = parseWithNotices(found.args, root, true, state, ctx);
    } catch (error) {
      if (error instanceof FlagError) return flagError(root, error, ctx);
      throw error;
    }
    if (state.values.get('help') === true) {
      ctx.out.stdout(renderHelp(root, ctx));
      return ctx.out.done(0);
    }
    if (parsed.args.length > 0) {
      ctx.out.stderr(`docker: unknown command: docker ${parsed.args[0]}\n\nRun 'docker --help' for more information\n`);
      return ctx.out.done(1);
    }
    ctx.out.stderr(renderHelp(root, ctx));
    return ctx.out.done(0);
  }
  return executeDocker(found.node, found.args, state, global, ctx);
}
