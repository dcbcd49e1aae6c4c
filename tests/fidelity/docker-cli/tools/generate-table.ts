/**
 * Generates src/engine/docker/cli/table.generated.ts: the docker CLI's command table.
 *
 * Inputs:
 *   /work/shared/fidelity/docker-cli-flags.json  flag value types (docker 28.5 / buildx 0.29 docs)
 *   reference/help.json                          `--help` of every command of the reference CLI
 *                                                (28.2.2 + buildx 0.13), unwrapped and at 80 columns
 *   reference/probes.json                        argument-count, interspersed and hidden-flag probes
 * Where the two disagree, the reference CLI wins (the JSON is for a newer release); the JSON only
 * adds what help does not show (value types of list-like flags).
 *
 * The generator re-renders every help text with src/engine/docker/cli/help.ts at both widths and
 * fails when one differs from the capture by a single byte.
 *
 * Usage: npm exec -- tsx tests/fidelity/docker-cli/tools/generate-table.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { helpText } from '../../../../src/engine/docker/cli/help';
import type { ArgsSpec, CommandSection, CommandSpec, FlagSpec, FlagType } from '../../../../src/engine/docker/cli/spec';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..', '..');
const OUT = join(root, 'src/engine/docker/cli/table.generated.ts');

interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}
const reference = JSON.parse(readFileSync(join(here, '..', 'reference', 'help.json'), 'utf8')) as {
  help: Record<string, { w80: RunResult; wide: RunResult }>;
  helpCommand: Record<string, RunResult>;
};
const probes = JSON.parse(readFileSync(join(here, '..', 'reference', 'probes.json'), 'utf8')) as Record<
  string,
  Record<string, RunResult>
>;
const flagsJson = JSON.parse(readFileSync('/work/shared/fidelity/docker-cli-flags.json', 'utf8')) as {
  commands: Record<string, { aliases?: string[]; flags: { name: string; type: string }[] }>;
};

const SECTION_TITLES = ['Common Commands', 'Management Commands', 'Swarm Commands', 'Commands'];
const BLOCK_TITLES = ['EXPERIMENTAL', 'Aliases', 'Options', ...SECTION_TITLES, 'Global Options'];
const EXPERIMENTAL_FOOTER = '\nExperimental commands and flags are hidden. Set BUILDX_EXPERIMENTAL=1 to show them.\n';
const ADDITIONAL_HELP = 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/';

// ---------------------------------------------------------------------------------------------
// help text → fields

interface ParsedHelp {
  plugin: boolean;
  usage: string;
  description: string;
  experimental: boolean;
  aliasLine?: string;
  flagsTitle?: string;
  flags: FlagSpec[];
  sections: CommandSection[];
  commandHint: boolean;
  additionalHelp?: string;
}

function typeOfVarname(varname: string): FlagType {
  switch (varname) {
    case '':
      return 'bool';
    case 'string':
    case 'int':
    case 'int32':
    case 'uint':
    case 'uint16':
    case 'uint32':
    case 'uint64':
    case 'float':
    case 'duration':
    case 'bytes':
    case 'decimal':
    case 'list':
    case 'strings':
    case 'stringArray':
    case 'filter':
    case 'map':
    case 'mount':
    case 'network':
    case 'gpu-request':
    case 'ulimit':
      return varname;
    default:
      return 'other';
  }
}

/** Parses an unwrapped pflag listing (FlagUsagesWrapped with a very wide terminal). */
function parseFlags(block: string): FlagSpec[] {
  const lines = block.split('\n');
  const head = /^(?: {2}-(.), --| {6}--)([A-Za-z0-9][A-Za-z0-9-]*)(?: ([^ [\]]+))?(?:\[=("?)(.*?)\4\])?/;
  const starts: { index: number; match: RegExpExecArray }[] = [];
  lines.forEach((line, index) => {
    const match = head.exec(line);
    if (match && /^( {2}-., --| {6}--)/.test(line)) starts.push({ index, match });
  });
  const column = Math.max(...starts.map(({ match }) => match[0].length)) + 3;
  return starts.map(({ index, match }, n) => {
    const end = n + 1 < starts.length ? starts[n + 1]!.index : lines.length;
    const text = [lines[index]!, ...lines.slice(index + 1, end)].map((line) => line.slice(column)).join('\n');
    const varname = match[3] ?? '';
    const flag: FlagSpec = { name: match[2]!, type: typeOfVarname(varname), varname, usage: text };
    if (match[1]) flag.short = match[1];
    if (match[5] !== undefined) flag.noOptValue = match[5];
    const def = / \(default (.*)\)$/.exec(text);
    if (def && (flag.type !== 'bool' || def[1] === 'true')) {
      flag.usage = text.slice(0, def.index);
      flag.defaultText = def[1]!;
    }
    return flag;
  });
}

function parseSection(title: string, body: string): CommandSection {
  const entries: [string, string][] = [];
  let pad = 0;
  for (const line of body.split('\n')) {
    const match = /^ {2}(\S+ +)(.*)$/.exec(line);
    if (!match) throw new Error(`bad section line ${JSON.stringify(line)}`);
    pad = match[1]!.length;
    entries.push([match[1]!.trimEnd(), match[2]!]);
  }
  return { title, pad, entries };
}

function parseHelp(text: string): ParsedHelp {
  let rest = text;
  let plugin = false;
  if (!rest.startsWith('Usage:  ')) {
    plugin = true;
    if (!rest.endsWith(EXPERIMENTAL_FOOTER)) throw new Error('plugin help without the experimental footer');
    rest = rest.slice(rest.indexOf('\n\nUsage:  ') + 2, -EXPERIMENTAL_FOOTER.length);
  }
  if (!rest.endsWith('\n')) throw new Error('help without a final newline');
  rest = rest.slice('Usage:  '.length, -1);
  const usageEnd = rest.indexOf('\n\n');
  const usage = rest.slice(0, usageEnd);
  rest = rest.slice(usageEnd + 2);
  const result: ParsedHelp = { plugin, usage, description: '', experimental: false, flags: [], sections: [], commandHint: false };
  if (rest.endsWith(`\n\n${ADDITIONAL_HELP}`)) {
    result.additionalHelp = ADDITIONAL_HELP;
    rest = rest.slice(0, -ADDITIONAL_HELP.length - 2);
  }
  const hint = /\n\nRun '[^']*' for more information on a command\.$/.exec(rest);
  if (hint) {
    result.commandHint = true;
    rest = rest.slice(0, hint.index);
  }
  const blockStart = new RegExp(`\\n\\n(${BLOCK_TITLES.join('|')}):\\n`, 'g');
  const blocks = [...rest.matchAll(blockStart)];
  result.description = rest.slice(0, blocks[0]?.index ?? rest.length);
  blocks.forEach((block, n) => {
    const title = block[1]!;
    const body = rest.slice(block.index + block[0].length, n + 1 < blocks.length ? blocks[n + 1]!.index : rest.length);
    if (title === 'EXPERIMENTAL') result.experimental = true;
    else if (title === 'Aliases') result.aliasLine = body.slice(2);
    else if (title === 'Options' || title === 'Global Options') {
      result.flags = parseFlags(body);
      if (title !== 'Options') result.flagsTitle = title;
    } else result.sections.push(parseSection(title, body));
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// probes → argument validators, interspersed, hidden flags

function argsSpec(path: string, dialect: 'docker' | 'buildx'): ArgsSpec {
  const byCount = probes[path];
  if (!byCount) return { kind: 'any' };
  const accepted: number[] = [];
  let message = '';
  for (const n of [0, 1, 2, 3, 6]) {
    const result = byCount[`args:${n}`]!;
    const text = result.stderr + result.stdout;
    if (/requires|accepts no arguments|accepts \d+ arg\(s\)|^ERROR: unknown command "x1"/m.test(text) && result.code !== 0) {
      message ||= text;
    } else accepted.push(n);
  }
  const has = (n: number) => accepted.includes(n);
  let spec: ArgsSpec;
  if (/accepts no arguments/.test(message)) spec = { kind: 'none' };
  else if (/accepts (\d+) arg\(s\)/.test(message)) spec = { kind: 'cobra-exact', n: Number(/accepts (\d+) arg/.exec(message)![1]) };
  else if (/unknown command "x1"/.test(message)) spec = { kind: 'cobra-none' };
  else if (/requires at least (\d+) and at most (\d+)/.test(message)) {
    const m = /requires at least (\d+) and at most (\d+)/.exec(message)!;
    spec = { kind: 'range', min: Number(m[1]), max: Number(m[2]) };
  } else if (/requires at least (\d+)/.test(message)) spec = { kind: 'min', n: Number(/requires at least (\d+)/.exec(message)![1]) };
  else if (/requires at most (\d+)/.test(message)) spec = { kind: 'max', n: Number(/requires at most (\d+)/.exec(message)![1]) };
  else if (/requires (?:exactly )?(\d+) arguments?/.test(message)) spec = { kind: 'exact', n: Number(/requires (?:exactly )?(\d+)/.exec(message)![1]) };
  else spec = { kind: 'any' };
  // cross-check against the counts that passed
  const expect = (n: number): boolean => {
    switch (spec.kind) {
      case 'any':
        return true;
      case 'none':
        return n === 0;
      case 'exact':
      case 'cobra-exact':
        return n === spec.n;
      case 'min':
        return n >= spec.n;
      case 'max':
        return n <= spec.n;
      case 'range':
        return n >= spec.min && n <= spec.max;
      case 'cobra-none':
        return n === 0;
    }
  };
  for (const n of [0, 1, 2, 3, 6]) {
    if (expect(n) !== has(n)) warn(`${path}: validator ${JSON.stringify(spec)} disagrees with ${n} args (${dialect})`);
  }
  return spec;
}

function interspersed(path: string): boolean {
  const result = probes[path]?.['interspersed'];
  if (!result) return true;
  return /unknown flag: --zzz/.test(result.stderr);
}

/** docker-cli-flags.json types (finer than the help's varname) by command path and flag name. */
const jsonTypes = new Map<string, string>();
for (const [key, command] of Object.entries(flagsJson.commands)) {
  const paths = new Set<string>();
  const base = key.replace(/ \(.*\)$/, '');
  paths.add(base);
  for (const alias of command.aliases ?? []) if (/^docker [a-z ]+$/.test(alias)) paths.add(alias.slice('docker '.length));
  if (key.startsWith('build (legacy')) paths.clear();
  // buildx build's JSON aliases (docker build, …) name docker's own legacy build commands here
  if (key.startsWith('buildx build')) for (const path of [...paths]) if (!path.startsWith('buildx')) paths.delete(path);
  for (const path of paths) for (const flag of command.flags) jsonTypes.set(`${path}\0${flag.name}`, flag.type);
}

const JSON_TYPE: Record<string, FlagType> = {
  bool: 'bool',
  string: 'string',
  int: 'int',
  int64: 'int',
  uint16: 'uint16',
  uint64: 'uint64',
  decimal: 'decimal',
  duration: 'duration',
  bytes: 'bytes',
  list: 'list',
  stringSlice: 'strings',
  stringArray: 'stringArray',
  filter: 'filter',
  map: 'map',
  mount: 'mount',
  network: 'network',
  'gpu-request': 'gpu-request',
  ulimit: 'ulimit',
};

function hiddenFlags(path: string, shown: FlagSpec[]): FlagSpec[] {
  const hidden: FlagSpec[] = [];
  for (const [kind, result] of Object.entries(probes[path] ?? {})) {
    if (!kind.startsWith('flag:')) continue;
    const name = kind.slice('flag:'.length);
    if (name === 'help' || shown.some((flag) => flag.name === name)) continue;
    const needsValue = /flag needs an argument/.test(result.stderr);
    const jsonType = jsonTypes.get(`${path}\0${name}`);
    let type: FlagType = needsValue ? 'string' : 'bool';
    if (needsValue && jsonType && JSON_TYPE[jsonType] && JSON_TYPE[jsonType] !== 'bool') type = JSON_TYPE[jsonType]!;
    // the hidden aliases of run/create: --net, --net-alias, --dns-opt
    if (name === 'net') type = 'network';
    if (name === 'net-alias' || name === 'dns-opt') type = 'list';
    // what `--flag x` said (probeHiddenValueTypes)
    const valueProbe = probes[path]?.[`value:${name}`]?.stderr ?? '';
    if (/strconv\.ParseInt/.test(valueProbe)) type = 'int';
    else if (/strconv\.ParseUint/.test(valueProbe)) type = 'uint64';
    else if (/invalid size/.test(valueProbe)) type = 'bytes';
    else if (/time: /.test(valueProbe)) type = 'duration';
    else if (/rational number/.test(valueProbe)) type = 'decimal';
    const flag: FlagSpec = { name, type, varname: type === 'bool' ? '' : type, usage: '', hidden: true };
    const short = /"-(.), --/.exec(valueProbe)?.[1];
    if (short) flag.short = short;
    // on the lab's daemon (API 1.45, linux, not experimental)
    const lab = probes[path]?.[`lab:${name}`]?.stderr.split('\n')[0] ?? '';
    if (new RegExp(`^"--${name}" (is only supported|requires API version)`).test(lab)) flag.unsupported = lab;
    hidden.push(flag);
  }
  // shorthands of hidden flags that took "x" as a value: docker's legacy build flags name them
  for (const kind of Object.keys(probes[path] ?? {})) {
    if (!kind.startsWith('short:')) continue;
    const letter = kind.slice('short:'.length);
    if (hidden.some((flag) => flag.short === letter)) continue;
    // docker's legacy build: -c, --cpu-shares and -m, --memory (buildx keeps them, hidden)
    const legacyName = ({ c: 'cpu-shares', m: 'memory' } as Record<string, string>)[letter];
    const target = hidden.find((flag) => flag.name === legacyName);
    if (target) target.short = letter;
    else warn(`${path}: hidden shorthand -${letter} of an unknown flag`);
  }
  return hidden;
}

// ---------------------------------------------------------------------------------------------

const warnings: string[] = [];
function warn(text: string): void {
  warnings.push(text);
}

function pathOfUsage(usage: string): string[] {
  const words = usage.split('\n')[0]!.split(' ');
  const path: string[] = [];
  for (const word of words.slice(1)) {
    if (!/^[a-z][a-z0-9-]*$/.test(word)) break;
    path.push(word);
  }
  return path;
}

interface Entry {
  key: string;
  spec: CommandSpec;
  flags: FlagSpec[];
}

const entries = new Map<string, Entry>();
const aliasOf = new Map<string, string>(); // alias spelling → cobra path key

function addCommand(key: string, text: string, options: { helpOnly?: boolean } = {}): void {
  const parsed = parseHelp(text);
  const path = key === '' ? [] : key.split(' ');
  const isGroup = parsed.sections.length > 0;
  const dialect = parsed.plugin ? 'buildx' : 'docker';
  let useLine = parsed.usage;
  let helpUsage: string | undefined;
  if (isGroup) {
    helpUsage = parsed.usage;
    // cobra's Use of a group varies (`image`, `volume COMMAND`): the unknown-subcommand probe shows it
    const probe = probes[key]?.['group'];
    const shown = probe && /\n\nUsage: {2}(.*)\n\n/.exec(probe.stderr)?.[1];
    useLine = path.length === 0 ? 'docker [OPTIONS] COMMAND [ARG...]' : (shown ?? `docker ${key}`);
    if (path.length > 0 && !shown && dialect === 'docker' && !options.helpOnly) warn(`${key}: no group probe`);
  }
  const shown = parsed.flags;
  // docker's own build commands are only shown by `docker help`: the probes of their spellings ran buildx
  const flags = options.helpOnly ? shown : [...shown, ...hiddenFlags(key, shown)];
  for (const flag of flags) {
    const jsonType = jsonTypes.get(`${key}\0${flag.name}`);
    if (jsonType && JSON_TYPE[jsonType] && flag.type !== JSON_TYPE[jsonType]) {
      // the JSON tells apart what help prints alike (e.g. int and int64 both print `int`)
      if (!(flag.type === 'int' && jsonType === 'int64')) warn(`${key} --${flag.name}: help says ${flag.type}, JSON ${jsonType}`);
    }
  }
  const spec: CommandSpec = {
    path,
    useLine,
    description: parsed.description,
    short: parsed.description.split('\n')[0]!,
    flags: '',
    args: isGroup ? { kind: dialect === 'docker' ? 'none' : 'any' } : options.helpOnly ? { kind: 'any' } : argsSpec(key, dialect),
    interspersed: isGroup && path.length === 0 ? false : interspersed(key),
    dialect,
  };
  if (helpUsage !== undefined) spec.helpUsage = helpUsage;
  if (parsed.aliasLine) spec.aliasLine = parsed.aliasLine;
  if (parsed.experimental) spec.experimental = true;
  if (parsed.flagsTitle) spec.flagsTitle = parsed.flagsTitle;
  if (parsed.sections.length) spec.sections = parsed.sections;
  if (parsed.commandHint) spec.commandHint = true;
  if (parsed.additionalHelp) spec.additionalHelp = parsed.additionalHelp;
  if (options.helpOnly) spec.helpOnly = true;
  entries.set(key, { key, spec, flags });
}

// 1. the commands themselves: every capture whose usage line names its own path
for (const [key, capture] of Object.entries(reference.help)) {
  const text = capture.wide.stdout + capture.wide.stderr;
  const usage = parseHelp(text).usage;
  const own = pathOfUsage(usage).join(' ');
  if (own === key) addCommand(key, text);
  else aliasOf.set(key, own);
}
// docker's own build commands, which buildx replaces (only `docker help build` shows them)
for (const key of ['build', 'image build', 'builder', 'builder build', 'builder prune', 'bake']) {
  const result = reference.helpCommand[key]!;
  addCommand(key, result.stdout, { helpOnly: true });
}

// 2. aliases: same-level names (container list → container ls) and shortcuts (ps → container ls)
const PLUGIN_REWRITES = new Set(['build', 'image build', 'bake']);
for (const [spelling, target] of aliasOf) {
  if (spelling.startsWith('builder') || PLUGIN_REWRITES.has(spelling)) continue; // plugin rewrites, in parse.ts
  const entry = entries.get(target);
  if (!entry) throw new Error(`alias ${spelling} of unknown ${target}`);
  const words = spelling.split(' ');
  if (words.slice(0, -1).join(' ') !== target.split(' ').slice(0, -1).join(' ')) throw new Error(`alias ${spelling} at another level`);
  (entry.spec.aliases ??= []).push(words[words.length - 1]!);
}
for (const entry of entries.values()) {
  const first = entry.spec.aliasLine?.split(', ')[0];
  if (!first || entry.spec.helpOnly) continue;
  const canonical = first.split(' ').slice(1).join(' ');
  if (canonical !== entry.key) {
    const target = entries.has(canonical) ? canonical : aliasOf.get(canonical);
    if (target && entries.has(target)) entry.spec.canonical = target.split(' ');
    else warn(`${entry.key}: canonical ${canonical} not found`);
  }
}
// short descriptions as the parent lists them; swarm-only groups the root does not list
for (const entry of entries.values()) {
  if (entry.spec.path.length === 0) continue;
  const parent = entries.get(entry.spec.path.slice(0, -1).join(' '));
  const name = entry.spec.path[entry.spec.path.length - 1]!;
  const listed = parent?.spec.sections?.flatMap((section) => section.entries).find(([n]) => n.replace(/\*$/, '') === name);
  if (listed) entry.spec.short = listed[1];
  else if (!entry.spec.helpOnly) entry.spec.hidden = true;
}

// 3. flag sets, shared between commands with identical flags
const flagSets = new Map<string, { id: string; flags: FlagSpec[] }>();
for (const entry of entries.values()) {
  const json = JSON.stringify(entry.flags);
  let set = flagSets.get(json);
  if (!set) {
    const id = entry.spec.canonical?.join(' ') ?? (entry.key || 'docker');
    set = { id: [...flagSets.values()].some((s) => s.id === id) ? `${id}#${entry.key}` : id, flags: entry.flags };
    flagSets.set(json, set);
  }
  entry.spec.flags = set.id;
}

// 4. verify: every captured help text re-rendered at 80 columns and unwrapped
let failures = 0;
const BUILDER_DEFAULT = new Map([['builder', '"default"']]);
function check(label: string, entry: Entry, expected: string, width: number, viaAlias: boolean): void {
  const defaults = viaAlias && entry.spec.dialect === 'buildx' ? BUILDER_DEFAULT : undefined;
  const actual = helpText(entry.spec, entry.flags, { width, ...(defaults ? { defaults } : {}) });
  if (actual !== expected) {
    failures++;
    if (failures <= 5) {
      const a = actual.split('\n');
      const e = expected.split('\n');
      const line = a.findIndex((l, i) => l !== e[i]);
      warn(`help mismatch ${label} @${width} line ${line}:\n  got      ${JSON.stringify(a[line])}\n  expected ${JSON.stringify(e[line])}`);
    }
  }
}
for (const [key, capture] of Object.entries(reference.help)) {
  const viaAlias = key.startsWith('builder') || PLUGIN_REWRITES.has(key);
  let target = entries.has(key) && !entries.get(key)!.spec.helpOnly ? key : aliasOf.get(key)!;
  if (viaAlias) target = key === 'builder' ? 'buildx' : `buildx ${key.replace(/^builder ?|^image /, '')}`;
  if (key === 'bake') target = 'buildx bake';
  const entry = entries.get(target);
  if (!entry) {
    warn(`no entry for ${key} (${target})`);
    continue;
  }
  check(key, entry, capture.w80.stdout + capture.w80.stderr, 80, viaAlias);
  check(key, entry, capture.wide.stdout + capture.wide.stderr, 2000, viaAlias);
}

// 5. emit
const commands = [...entries.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const setsOut = [...flagSets.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
let out = `// Generated by tests/fidelity/docker-cli/tools/generate-table.ts from the reference docker CLI
// (28.2.2, buildx 0.13.1) and /work/shared/fidelity/docker-cli-flags.json. Do not edit.
import type { CommandSpec, FlagSpec } from './spec';

export const FLAG_SETS: Record<string, FlagSpec[]> = {\n`;
for (const set of setsOut) {
  out += `  ${JSON.stringify(set.id)}: [\n`;
  for (const flag of set.flags) out += `    ${JSON.stringify(flag)},\n`;
  out += '  ],\n';
}
out += '};\n\nexport const COMMANDS: CommandSpec[] = [\n';
for (const { spec } of commands) out += `  ${JSON.stringify(spec)},\n`;
out += '];\n';
writeFileSync(OUT, out);

for (const line of warnings) process.stderr.write(`warning: ${line}\n`);
process.stderr.write(
  `${entries.size} commands, ${flagSets.size} flag sets, ${aliasOf.size} alias spellings; ${failures} help mismatches\n`,
);
if (failures > 0) process.exitCode = 1;
