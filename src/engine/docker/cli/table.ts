/**
 * The command table as trees: docker's own commands (with the buildx plugin as a leaf, as docker
 * sees it) and the buildx plugin's commands. Built once, on first use.
 */
import { indexFlags, type FlagDef, type FlagSet } from './flags';
import type { CommandSpec, FlagSpec } from './spec';
import { COMMANDS, FLAG_SETS } from './table.generated';

export interface CommandNode {
  spec: CommandSpec;
  parent: CommandNode | null;
  /** Children by name and by alias. */
  children: Map<string, CommandNode>;
  /** The command's flags as pflag sees them: its own, inherited persistent ones and the hidden --help. */
  readonly flagSet: FlagSet;
  /** `docker` + path, as cobra's CommandPath prints it. */
  commandPath: string;
}

export interface CommandTree {
  /** The `docker` root: docker's own commands. */
  docker: CommandNode;
  /** `docker buildx`: the plugin's commands. */
  buildx: CommandNode;
  /** `docker help`. */
  help: CommandNode;
  /** Every command by cobra path (`container ls`), docker's own first. */
  byPath: Map<string, CommandNode>;
}

/** docker's own `help` command (cli/cobra.go). */
const HELP_SPEC: CommandSpec = {
  path: ['help'],
  useLine: 'docker help [command]',
  description: 'Help about the command',
  short: 'Help about the command',
  flags: '',
  args: { kind: 'any' },
  interspersed: true,
  dialect: 'docker',
  hidden: true,
};

/** Flags as pflag merges them: the table's, plus the hidden persistent `--help` unless defined. */
function flagSetOf(spec: CommandSpec): FlagSet {
  const flags: FlagDef[] = [...((FLAG_SETS[spec.flags] ?? []) as FlagSpec[])];
  if (!flags.some((flag) => flag.name === 'help')) {
    const help: FlagDef = {
      name: 'help',
      type: 'bool',
      varname: '',
      usage: 'Print usage',
      hidden: true,
      shorthandDeprecated: spec.dialect === 'buildx' ? 'please use --help' : 'use --help',
    };
    if (!flags.some((flag) => flag.short === 'h')) help.short = 'h';
    flags.push(help);
  }
  // pflag Deprecated, as MarkDeprecated sets it (hidden flags the probes found)
  for (const [index, flag] of flags.entries()) {
    const deprecated = DEPRECATED[`${spec.path.join(' ')} --${flag.name}`];
    if (deprecated) flags[index] = { ...flag, deprecated };
  }
  return indexFlags(flags);
}

/** Hidden, deprecated flags: `Flag --time has been deprecated, use --timeout instead`. */
const DEPRECATED: Record<string, string> = {
  'stop --time': 'use --timeout instead',
  'container stop --time': 'use --timeout instead',
  'restart --time': 'use --timeout instead',
  'container restart --time': 'use --timeout instead',
};

let tree: CommandTree | null = null;

function node(spec: CommandSpec, parent: CommandNode | null): CommandNode {
  let flagSet: FlagSet | null = null;
  return {
    spec,
    parent,
    children: new Map(),
    // indexed on first use: a parse touches two or three commands of the two hundred
    get flagSet() {
      return (flagSet ??= flagSetOf(spec));
    },
    commandPath: ['docker', ...spec.path].join(' '),
  };
}

function attach(parent: CommandNode, child: CommandNode): void {
  const name = child.spec.path[child.spec.path.length - 1]!;
  parent.children.set(name, child);
  for (const alias of child.spec.aliases ?? []) if (!parent.children.has(alias)) parent.children.set(alias, child);
}

export function commandTree(): CommandTree {
  if (tree) return tree;
  const byPath = new Map<string, CommandNode>();
  const key = (spec: CommandSpec) => spec.path.join(' ');
  const sorted = [...COMMANDS].sort((a, b) => a.path.length - b.path.length);
  let dockerRoot: CommandNode | null = null;
  let buildxRoot: CommandNode | null = null;
  for (const spec of sorted) {
    if (spec.path.length === 0) {
      dockerRoot = node(spec, null);
      byPath.set('', dockerRoot);
      continue;
    }
    const parent = byPath.get(spec.path.slice(0, -1).join(' '));
    if (!parent && spec.path.length > 1) throw new Error(`docker cli table: no parent for ${key(spec)}`);
    const child = node(spec, parent ?? dockerRoot);
    byPath.set(key(spec), child);
    if (key(spec) === 'buildx') buildxRoot = child;
    attach(parent ?? dockerRoot!, child);
  }
  if (!dockerRoot || !buildxRoot) throw new Error('docker cli table: no root');
  const help = node(HELP_SPEC, dockerRoot);
  dockerRoot.children.set('help', help);
  tree = { docker: dockerRoot, buildx: buildxRoot, help, byPath };
  return tree;
}

/** A visible child, by name or alias (cobra findNext without prefix matching). */
export function findChild(node: CommandNode, name: string): CommandNode | undefined {
  return node.children.get(name);
}
