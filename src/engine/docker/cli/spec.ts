/**
 * The shape of the docker CLI's command table (table.generated.ts): one entry per cobra command of
 * the reference CLI (docker 28.2.2 with the buildx 0.13 plugin), as its `--help` shows it.
 */

/**
 * How a flag's value is parsed. pflag types keep pflag's names; docker's own option types
 * (opts.ListOpts, opts.MemBytes, …) are named after their help `varname`.
 */
export type FlagType =
  | 'bool'
  | 'string'
  | 'int'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'float'
  | 'duration'
  | 'bytes'
  | 'decimal'
  | 'list'
  | 'strings'
  | 'stringArray'
  | 'filter'
  | 'map'
  | 'mount'
  | 'network'
  | 'gpu-request'
  | 'ulimit'
  | 'other';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** The value placeholder shown in help (`string`, `list`, …); empty for booleans. */
  varname: string;
  /** The help text as printed, without the ` (default …)` suffix. */
  usage: string;
  /** What the help prints in ` (default …)`, quotes included, when it prints one. */
  defaultText?: string;
  /** The value before parsing, when not the type's zero value (pflag's DefValue). */
  defaultValue?: string;
  /** pflag NoOptDefVal for a non-bool flag: the value when given without one (`--flag`). */
  noOptValue?: string;
  hidden?: boolean;
  /**
   * Hidden because the students' daemon lacks the feature (API version, OS, experimental): what the
   * CLI says when the flag is used anyway (cmd/docker/docker.go isSupported).
   */
  unsupported?: string;
}

/** cobra positional-argument validators (cli/required.go, buildx's older copy, cobra's own). */
export type ArgsSpec =
  | { kind: 'any' }
  | { kind: 'none' }
  | { kind: 'exact'; n: number }
  | { kind: 'min'; n: number }
  | { kind: 'max'; n: number }
  | { kind: 'range'; min: number; max: number }
  /** cobra.ExactArgs: `accepts 1 arg(s), received 0` */
  | { kind: 'cobra-exact'; n: number }
  /** cobra.NoArgs: `unknown command "x" for "docker …"` */
  | { kind: 'cobra-none' };

export interface CommandSection {
  title: string;
  /** Column where the short descriptions start, minus the two-space indent. */
  pad: number;
  /** [name as listed (with `*` for a plugin), short description] */
  entries: [string, string][];
}

/**
 * 'docker': the docker CLI's own commands (v28 error formats).
 * 'buildx': commands of the buildx plugin (its older vendored cli: `ERROR: … See '… --help'.`).
 */
export type Dialect = 'docker' | 'buildx';

export interface CommandSpec {
  /** Command path as cobra names it, without `docker` (e.g. ['container', 'ls']). */
  path: string[];
  /** Other names of the last word at the same level (cobra Aliases, e.g. ['list', 'ps']). */
  aliases?: string[];
  /** The path handlers are keyed by, when this command is a shortcut (`ps` → container ls). */
  canonical?: string[];
  /** cobra UseLine as printed after `Usage:` in errors. */
  useLine: string;
  /** The help's `Usage:` line(s), when not the UseLine (command groups: `docker image COMMAND`). */
  helpUsage?: string;
  /** Long description, or Short, as the help prints it. */
  description: string;
  /** Short description (argument errors of the buildx plugin print it). */
  short: string;
  /** The `Aliases:` line of the help. */
  aliasLine?: string;
  experimental?: boolean;
  /** Name of the flag set in FLAG_SETS (shared by aliases and shortcuts). */
  flags: string;
  /** Header of the flag listing: 'Options' or, for the root, 'Global Options'. */
  flagsTitle?: string;
  args: ArgsSpec;
  /** false for run/create/exec…: flags stop at the first positional. */
  interspersed: boolean;
  sections?: CommandSection[];
  /** Ends with `Run '… COMMAND --help' for more information on a command.` */
  commandHint?: boolean;
  /** Extra closing paragraph (the root's link to the guides). */
  additionalHelp?: string;
  dialect: Dialect;
  /** Not listed in its parent's help (swarm-only groups without a swarm). */
  hidden?: boolean;
  /**
   * Reachable only as `docker help PATH`: docker's own build commands, which the buildx plugin
   * replaces when it is installed.
   */
  helpOnly?: boolean;
}
