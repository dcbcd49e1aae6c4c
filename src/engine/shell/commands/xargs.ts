/**
 * xargs (findutils 4.9): builds command lines from standard input, split at blanks and newlines
 * with quotes and backslashes honoured (or at NUL with -0, or a -d character); `-n N` arguments per
 * command, `-L N` lines, `-I R` one line each with R replaced, `-r` nothing when input is empty,
 * `-t` shows each command on stderr. The command (default echo) gets /dev/null as its input.
 * Exit: 123 if a command failed, 124 on status 255, 126/127 when it cannot run.
 */
import type { Program } from '../../process';
import { has, lastValue, parseArgs, type OptionDef } from './getopt';
import { Invocation } from './invocation';
import { XARGS } from './messages/shellutils';
import { failureStatus, startCommand, type ProgramLookup } from './spawn';
import { readStream } from './text-input';

type Key = 'null' | 'delimiter' | 'maxArgs' | 'maxLines' | 'replace' | 'noRunIfEmpty' | 'verbose' | 'interactive' | 'exit' | 'maxProcs' | 'size';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'null', short: '0', long: 'null' },
  { key: 'delimiter', short: 'd', long: 'delimiter', arg: 'required' },
  { key: 'replace', short: 'I', arg: 'required' },
  { key: 'replace', short: 'i', long: 'replace', arg: 'optional' },
  { key: 'maxLines', short: 'L', long: 'max-lines', arg: 'required' },
  { key: 'maxArgs', short: 'n', long: 'max-args', arg: 'required' },
  { key: 'interactive', short: 'p', long: 'interactive' },
  { key: 'maxProcs', short: 'P', long: 'max-procs', arg: 'required' },
  { key: 'noRunIfEmpty', short: 'r', long: 'no-run-if-empty' },
  { key: 'size', short: 's', long: 'max-chars', arg: 'required' },
  { key: 'verbose', short: 't', long: 'verbose' },
  { key: 'exit', short: 'x', long: 'exit' },
];

const EMPTY_INPUT = { read: async () => null };

/** Splits xargs input into items the default way; an error message for an unmatched quote. */
function splitItems(text: string): { items: string[]; lines: string[][] } | string {
  const items: string[] = [];
  const lines: string[][] = [];
  let line: string[] = [];
  let current = '';
  let inItem = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\n') return XARGS.unmatchedQuote(quote === '"' ? 'double' : 'single');
      else current += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inItem = true;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inItem = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inItem) {
        items.push(current);
        line.push(current);
      }
      current = '';
      inItem = false;
      if (c === '\n' && line.length > 0 && !(i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t'))) {
        lines.push(line);
        line = [];
      }
      continue;
    }
    current += c;
    inItem = true;
  }
  if (quote) return XARGS.unmatchedQuote(quote === '"' ? 'double' : 'single');
  if (inItem) {
    items.push(current);
    line.push(current);
  }
  if (line.length > 0) lines.push(line);
  return { items, lines };
}

function positive(inv: Invocation, value: string | undefined, option: string): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value)) {
    inv.usageError(XARGS.invalidNumber(value, option));
    return -1;
  }
  if (Number(value) < 1) {
    inv.usageError(XARGS.atLeastOne(value, option));
    return -1;
  }
  return Number(value);
}

export function makeXargs(lookup: ProgramLookup): Program {
  return async (ctx) => {
    const inv = new Invocation(ctx);
    const parsed = parseArgs(inv.args, OPTIONS, { stopAtFirstOperand: true });
    if (!parsed.ok) return inv.usageError(parsed.message);
    const maxArgs = positive(inv, lastValue(parsed, 'maxArgs'), 'n');
    const maxLines = positive(inv, lastValue(parsed, 'maxLines'), 'L');
    if (maxArgs === -1 || maxLines === -1) return 1;
    const replaceOption = parsed.options.filter((o) => o.key === 'replace').pop();
    const replace = replaceOption ? (replaceOption.value ?? '{}') : null;
    const command = parsed.operands.length > 0 ? parsed.operands : ['echo'];
    const text = await readStream(ctx.stdin);
    let groups: string[][];
    if (has(parsed, 'null') || has(parsed, 'delimiter')) {
      const delimiter = has(parsed, 'null') ? '\0' : (lastValue(parsed, 'delimiter') ?? '\n').replace(/^\\n$/, '\n').replace(/^\\t$/, '\t');
      const items = text.split(delimiter);
      if (items[items.length - 1] === '') items.pop();
      groups = replace !== null ? items.map((item) => [item]) : chunk(items, maxArgs ?? Infinity);
    } else {
      const split = splitItems(text);
      if (typeof split === 'string') {
        inv.error(split);
        return 1;
      }
      if (replace !== null) {
        groups = text.split('\n').map((l) => l.replace(/^[ \t]+/, '')).filter((l) => l !== '').map((l) => [l]);
      } else if (maxLines !== null) {
        groups = chunk(split.lines, maxLines).map((ls) => ls.flat());
      } else {
        groups = chunk(split.items, maxArgs ?? Infinity);
      }
    }
    if (groups.length === 0) {
      if (has(parsed, 'noRunIfEmpty') || replace !== null) return 0;
      groups = [[]];
    }
    let status = 0;
    for (const group of groups) {
      const argv = replace !== null ? command.map((word) => word.split(replace).join(group[0] ?? '')) : [...command, ...group];
      if (has(parsed, 'verbose')) ctx.stderr.write(`${argv.join(' ')}\n`);
      const started = await startCommand(ctx, argv, { stdin: EMPTY_INPUT }, lookup);
      if (started.kind === 'error') {
        inv.error(XARGS.notFound(argv[0]!, started.reason));
        return failureStatus(started);
      }
      const result = started.status;
      if (result === 255) {
        inv.error(XARGS.exited255(argv[0]!));
        return 124;
      }
      if (result !== 0) status = 123;
    }
    return status;
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [];
  if (size === Infinity) return [items];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
