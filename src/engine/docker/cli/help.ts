/**
 * `--help` output, rendered from the command table the way the reference CLI renders it: docker's
 * cobra usage template (cli/cobra.go) and pflag's FlagUsagesWrapped, which wraps flag descriptions
 * to the width of the terminal on stdin (80 columns when stdin is not a terminal).
 */
import type { CommandSpec, FlagSpec } from './spec';

const EXPERIMENTAL_NOTE = [
  '  Experimental features provide early access to product functionality. These',
  '  features may change between releases without warning, or can be removed from a',
  '  future release. Learn more about experimental features in our documentation:',
  '  https://docs.docker.com/go/experimental/',
].join('\n');

export const BUILDX_EXPERIMENTAL_FOOTER =
  'Experimental commands and flags are hidden. Set BUILDX_EXPERIMENTAL=1 to show them.\n';

/** pflag wrapN: splits `s` at whitespace into a first part of at most `i` bytes and the rest. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t'), head.lastIndexOf('\n'));
  if (w <= 0) return [s, ''];
  const nl = head.lastIndexOf('\n');
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag wrap: wraps `s` to width `w` with indent `i`; the first line is not indented. */
function wrap(i: number, w: number, s: string): string {
  if (w === 0) return s.replaceAll('\n', `\n${' '.repeat(i)}`);
  let width = w - i;
  let r = '';
  if (width < 24) {
    i = 16;
    width = w - i;
    r += `\n${' '.repeat(i)}`;
  }
  if (width < 24) return s.replaceAll('\n', r);
  const slop = 5;
  width -= slop;
  const indent = ' '.repeat(i);
  let [line, rest] = wrapN(width, slop, s);
  r += line.replaceAll('\n', `\n${indent}`);
  while (rest !== '') {
    [line, rest] = wrapN(width, slop, rest);
    r += `\n${indent}${line.replaceAll('\n', `\n${indent}`)}`;
  }
  return r;
}

/** pflag FlagSet.FlagUsagesWrapped(cols) over the visible flags, in table order. */
export function flagUsages(flags: readonly FlagSpec[], cols: number, defaults?: ReadonlyMap<string, string>): string {
  const lines: [string, string][] = [];
  let maxlen = 0;
  for (const flag of flags) {
    if (flag.hidden) continue;
    let head = flag.short ? `  -${flag.short}, --${flag.name}` : `      --${flag.name}`;
    if (flag.varname) head += ` ${flag.varname}`;
    if (flag.noOptValue !== undefined) {
      head += flag.type === 'string' ? `[="${flag.noOptValue}"]` : `[=${flag.noOptValue}]`;
    }
    if (head.length + 1 > maxlen) maxlen = head.length + 1;
    const defaultText = defaults?.get(flag.name) ?? flag.defaultText;
    lines.push([head, defaultText === undefined ? flag.usage : `${flag.usage} (default ${defaultText})`]);
  }
  let out = '';
  for (const [head, usage] of lines) {
    out += `${head} ${' '.repeat(maxlen - head.length)} ${wrap(maxlen + 2, cols, usage)}\n`;
  }
  return out;
}

export interface HelpOptions {
  /** Terminal width pflag wraps to (80 when stdin is not a terminal). */
  width: number;
  /** Displayed defaults that depend on the environment (the config dir, buildx's builder). */
  defaults?: ReadonlyMap<string, string>;
}

function commandPath(command: CommandSpec): string {
  return ['docker', ...command.path].join(' ');
}

/** What cobra's usage template prints for a command (`UsageString`). */
export function usageString(command: CommandSpec, flags: readonly FlagSpec[], options: HelpOptions): string {
  const path = commandPath(command);
  let out = `Usage:  ${command.helpUsage ?? command.useLine}\n\n${command.description}`;
  if (command.experimental) out += `\n\nEXPERIMENTAL:\n  ${path} is an experimental feature.\n${EXPERIMENTAL_NOTE}`;
  if (command.aliasLine) out += `\n\nAliases:\n  ${command.aliasLine}`;
  const usages = flags.some((flag) => !flag.hidden) ? flagUsages(flags, options.width - 1, options.defaults).trimEnd() : '';
  const flagsTitle = command.flagsTitle ?? 'Options';
  if (usages && flagsTitle === 'Options') out += `\n\nOptions:\n${usages}`;
  for (const section of command.sections ?? []) {
    out += `\n\n${section.title}:`;
    for (const [name, short] of section.entries) out += `\n  ${name.padEnd(section.pad)}${short}`;
  }
  if (usages && flagsTitle !== 'Options') out += `\n\n${flagsTitle}:\n${usages}`;
  if (command.commandHint) out += `\n\nRun '${path} COMMAND --help' for more information on a command.`;
  if (command.additionalHelp) out += `\n\n${command.additionalHelp}`;
  return `${out}\n`;
}

/** The whole `--help` text. */
export function helpText(command: CommandSpec, flags: readonly FlagSpec[], options: HelpOptions): string {
  const usage = usageString(command, flags, options);
  if (command.dialect === 'buildx') return `${command.description}\n\n${usage}\n${BUILDX_EXPERIMENTAL_FOOTER}`;
  return usage;
}
