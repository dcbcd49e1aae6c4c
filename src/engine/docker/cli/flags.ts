/**
 * pflag's parser (spf13/pflag v1.0.6, as vendored by docker/cli): long and short flags, grouped
 * short flags, `--flag=value`, `-fvalue`, `-f=value`, `--` and non-interspersed flag sets, with
 * pflag's error texts. Values are converted by values.ts.
 */
import type { Dialect, FlagSpec, FlagType } from './spec';
import {
  LIST_VALIDATORS,
  ValueError,
  goQuote,
  goQuoteRune,
  nanoCpus,
  parseBool,
  parseDuration,
  parseFloat64,
  parseInt64,
  parseUint,
  ramInBytes,
  readCsvRecord,
} from './values';

/** A parsed flag value: booleans, numbers (sizes in bytes, durations in ns, --cpus in nano-CPUs), strings, lists. */
export type FlagValue = boolean | number | string | string[];

export interface FlagDef extends FlagSpec {
  /** pflag ShorthandDeprecated: printed when the shorthand is used. */
  shorthandDeprecated?: string;
  /** pflag Deprecated: printed when the flag is used. */
  deprecated?: string;
}

/** A command's flags, indexed once. */
export interface FlagSet {
  flags: FlagDef[];
  byName: Map<string, FlagDef>;
  byShort: Map<string, FlagDef>;
}

export function indexFlags(flags: FlagDef[]): FlagSet {
  const byName = new Map<string, FlagDef>();
  const byShort = new Map<string, FlagDef>();
  for (const flag of flags) {
    byName.set(flag.name, flag);
    if (flag.short) byShort.set(flag.short, flag);
  }
  return { flags, byName, byShort };
}

/** Values of one parse, shared by the commands of a path (persistent flags such as --help). */
export interface FlagState {
  values: Map<string, FlagValue>;
  changed: Set<string>;
}

export class FlagError extends Error {}

export interface ParseEnv {
  env: Readonly<Record<string, string>>;
  dialect: Dialect;
  /** pflag's deprecation notices (printed on stdout, before anything else). */
  notice(text: string): void;
}

const LIST_TYPES: ReadonlySet<FlagType> = new Set([
  'list',
  'filter',
  'map',
  'mount',
  'network',
  'gpu-request',
  'ulimit',
  'other',
  'strings',
  'stringArray',
]);

export function isListFlag(flag: FlagSpec): boolean {
  return LIST_TYPES.has(flag.type);
}

/** pflag's NoOptDefVal: booleans take no value unless given with `=`. */
export function noOptValue(flag: FlagSpec): string | undefined {
  return flag.type === 'bool' ? 'true' : flag.noOptValue;
}

function unquoteDefault(text: string): string {
  if (text.startsWith('"') && text.endsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  return text;
}

/** The value a flag has when not given (pflag DefValue, typed). */
export function defaultValue(flag: FlagSpec, override?: string): FlagValue {
  const text = override ?? flag.defaultValue ?? (flag.defaultText !== undefined ? unquoteDefault(flag.defaultText) : undefined);
  if (isListFlag(flag)) {
    if (text === undefined || text === '[]' || text === 'map[]') return [];
    return text.replace(/^\[|\]$/g, '').split(',').filter(Boolean);
  }
  try {
    switch (flag.type) {
      case 'bool':
        return text === 'true';
      case 'string':
        return text ?? '';
      case 'duration':
        return text === undefined ? 0 : parseDuration(text);
      case 'bytes':
      case 'decimal':
      case 'int':
      case 'int32':
      case 'int64':
      case 'uint':
      case 'uint16':
      case 'uint32':
      case 'uint64':
      case 'float':
        return text === undefined ? 0 : Number(text);
    }
  } catch {
    return text ?? '';
  }
  return text ?? '';
}

function convert(flag: FlagDef, value: string, env: ParseEnv): FlagValue {
  switch (flag.type) {
    case 'bool':
      return parseBool(value);
    case 'string':
      return value;
    case 'int':
    case 'int64':
      return parseInt64(value, 64);
    case 'int32':
      return parseInt64(value, 32);
    case 'uint':
    case 'uint64':
      return parseUint(value, 64);
    case 'uint16':
      return parseUint(value, 16);
    case 'uint32':
      return parseUint(value, 32);
    case 'float':
      return parseFloat64(value);
    case 'duration':
      return parseDuration(value);
    case 'bytes':
      // opts.MemSwapBytes accepts -1 (unlimited swap)
      if (flag.name === 'memory-swap' && value === '-1') return -1;
      return ramInBytes(value);
    case 'decimal':
      return nanoCpus(value);
    case 'strings':
      return readCsvRecord(value);
    default: {
      if (flag.type === 'stringArray') return [value];
      // docker's ListOpts/MapOpts validate by flag; option types (ulimit, mount, filter…) by type
      const byName = flag.type === 'list' || flag.type === 'map';
      if (byName && env.dialect !== 'docker') return [value];
      const validator = byName ? LIST_VALIDATORS[flag.name] : LIST_VALIDATORS[flag.type === 'gpu-request' ? 'gpus' : flag.type];
      return [validator ? validator(value, env.env) : value];
    }
  }
}

/** pflag FlagSet.Set: converts and stores, or throws pflag's `invalid argument` error. */
function setFlag(flag: FlagDef, value: string, state: FlagState, env: ParseEnv): void {
  let converted: FlagValue;
  try {
    converted = convert(flag, value, env);
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
    const name = flag.short && !flag.shorthandDeprecated ? `-${flag.short}, --${flag.name}` : `--${flag.name}`;
    throw new FlagError(`invalid argument ${goQuote(value)} for ${goQuote(name)} flag: ${error.message}`);
  }
  if (Array.isArray(converted)) {
    const previous = state.changed.has(flag.name) ? (state.values.get(flag.name) as string[]) : [];
    converted = [...previous, ...converted];
  }
  state.values.set(flag.name, converted);
  state.changed.add(flag.name);
  if (flag.deprecated) env.notice(`Flag --${flag.name} has been deprecated, ${flag.deprecated}\n`);
}

export interface ParsedArgs {
  args: string[];
  /** Number of positionals before `--`, or -1 (cobra ArgsLenAtDash). */
  argsLenAtDash: number;
}

/** pflag FlagSet.Parse. Throws FlagError with pflag's message. */
export function parseFlags(argv: readonly string[], set: FlagSet, interspersed: boolean, state: FlagState, env: ParseEnv): ParsedArgs {
  const positionals: string[] = [];
  let argsLenAtDash = -1;
  let args = [...argv];
  while (args.length > 0) {
    const s = args.shift()!;
    if (s.length === 0 || s[0] !== '-' || s.length === 1) {
      if (!interspersed) {
        positionals.push(s, ...args);
        return { args: positionals, argsLenAtDash };
      }
      positionals.push(s);
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        argsLenAtDash = positionals.length;
        positionals.push(...args);
        break;
      }
      args = parseLong(s, args, set, state, env);
    } else {
      args = parseShort(s, args, set, state, env);
    }
  }
  return { args: positionals, argsLenAtDash };
}

function parseLong(s: string, args: string[], set: FlagSet, state: FlagState, env: ParseEnv): string[] {
  const name = s.slice(2);
  if (name.length === 0 || name[0] === '-' || name[0] === '=') throw new FlagError(`bad flag syntax: ${s}`);
  const eq = name.indexOf('=');
  const flagName = eq === -1 ? name : name.slice(0, eq);
  const flag = set.byName.get(flagName);
  if (!flag) throw new FlagError(`unknown flag: --${flagName}`);
  let value: string;
  const noOpt = noOptValue(flag);
  if (eq !== -1) value = name.slice(eq + 1);
  else if (noOpt !== undefined) value = noOpt;
  else if (args.length > 0) value = args.shift()!;
  else throw new FlagError(`flag needs an argument: ${s}`);
  setFlag(flag, value, state, env);
  return args;
}

function parseShort(s: string, args: string[], set: FlagSet, state: FlagState, env: ParseEnv): string[] {
  let shorthands = s.slice(1);
  while (shorthands.length > 0) {
    const c = shorthands[0]!;
    const flag = set.byShort.get(c);
    if (!flag) throw new FlagError(`unknown shorthand flag: ${goQuoteRune(c)} in -${shorthands}`);
    let value: string;
    const noOpt = noOptValue(flag);
    let rest = shorthands.slice(1);
    if (shorthands.length > 2 && shorthands[1] === '=') {
      value = shorthands.slice(2);
      rest = '';
    } else if (noOpt !== undefined) {
      value = noOpt;
    } else if (shorthands.length > 1) {
      value = shorthands.slice(1);
      rest = '';
    } else if (args.length > 0) {
      value = args.shift()!;
    } else {
      throw new FlagError(`flag needs an argument: ${goQuoteRune(c)} in -${shorthands}`);
    }
    if (flag.shorthandDeprecated) env.notice(`Flag shorthand -${flag.short} has been deprecated, ${flag.shorthandDeprecated}\n`);
    setFlag(flag, value, state, env);
    shorthands = rest;
  }
  return args;
}

/** cobra's hasNoOptDefVal / shortHasNoOptDefVal, used while finding the subcommand. */
export function takesNoValue(set: FlagSet, name: string, short: boolean): boolean {
  const flag = short ? set.byShort.get(name) : set.byName.get(name);
  return flag !== undefined && noOptValue(flag) !== undefined;
}
