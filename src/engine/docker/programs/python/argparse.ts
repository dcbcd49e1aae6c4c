/**
 * The slice of Python's argparse the lesson's scripts use, with argparse's own wording and its
 * HelpFormatter's layout (usage wrapping, the help column, textwrap), for Python 3.7–3.12.
 */

export interface ArgSpec {
  /** '--epochs' for an option, 'model_path' for a positional. */
  dest: string;
  option?: string;
  metavar?: string;
  type?: 'int' | 'float' | 'str' | 'path';
  choices?: readonly string[];
  flag?: boolean;
  default?: string | number | boolean;
  help: string;
}

export interface ParserSpec {
  prog: string;
  description: string;
  args: readonly ArgSpec[];
}

export type ArgValues = Record<string, string | number | boolean>;

export class ArgparseExit {
  constructor(
    readonly status: number,
    readonly stdout: string,
    readonly stderr: string,
  ) {}
}

/** argparse's width: $COLUMNS or the terminal's, else 80, minus 2. */
export function helpWidth(env: Record<string, string>, ttyColumns: number | null): number {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  const columns = Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : (ttyColumns ?? 80);
  return columns - 2;
}

function metavarOf(a: ArgSpec): string {
  if (a.metavar) return a.metavar;
  if (a.choices) return `{${a.choices.join(',')}}`;
  return a.option ? a.option.replace(/^-+/, '').replace(/-/g, '_').toUpperCase() : a.dest;
}

function usagePart(a: ArgSpec): string {
  if (!a.option) return metavarOf(a);
  return a.flag ? `[${a.option}]` : `[${a.option} ${metavarOf(a)}]`;
}

function invocation(a: ArgSpec): string {
  if (!a.option) return metavarOf(a);
  return a.flag ? a.option : `${a.option} ${metavarOf(a)}`;
}

/** textwrap.wrap after argparse's whitespace normalisation. */
function wrap(text: string, width: number): string[] {
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function formatUsage(spec: ParserSpec, width: number): string {
  const prefix = 'usage: ';
  const opts = ['[-h]', ...spec.args.filter((a) => a.option).map(usagePart)];
  const pos = spec.args.filter((a) => !a.option).map(usagePart);
  const all = [spec.prog, ...opts, ...pos].join(' ');
  if (prefix.length + all.length <= width) return `${prefix}${all}\n`;
  const getLines = (parts: string[], indent: string, pre?: string): string[] => {
    const lines: string[] = [];
    let line: string[] = [];
    let len = pre !== undefined ? pre.length - 1 : indent.length - 1;
    for (const part of parts) {
      if (len + 1 + part.length > width && line.length) {
        lines.push(indent + line.join(' '));
        line = [];
        len = indent.length - 1;
      }
      line.push(part);
      len += part.length + 1;
    }
    if (line.length) lines.push(indent + line.join(' '));
    if (pre !== undefined && lines.length) lines[0] = lines[0]!.slice(indent.length);
    return lines;
  };
  let lines: string[];
  if (prefix.length + spec.prog.length <= 0.75 * width) {
    const indent = ' '.repeat(prefix.length + spec.prog.length + 1);
    lines = getLines([spec.prog, ...opts], indent, prefix);
    lines.push(...getLines(pos, indent));
  } else {
    const indent = ' '.repeat(prefix.length);
    lines = [spec.prog, ...getLines([...opts, ...pos], indent)];
  }
  return `${prefix}${lines.join('\n')}\n`;
}

export function formatHelp(spec: ParserSpec, width: number, pyMinor: number): string {
  const helpArg: ArgSpec = { dest: 'help', option: '-h, --help', flag: true, help: 'show this help message and exit' };
  const positionals = spec.args.filter((a) => !a.option);
  const optionals = [helpArg, ...spec.args.filter((a) => a.option)];
  const maxHelpPosition = Math.min(24, Math.max(width - 20, 4));
  const longest = Math.max(...[...positionals, ...optionals].map((a) => invocation(a).length + 2));
  const helpPosition = Math.min(longest + 2, maxHelpPosition);
  const helpWidth = Math.max(width - helpPosition, 11);
  const actionWidth = helpPosition - 2 - 2;
  const section = (title: string, args: ArgSpec[]) => {
    let out = `${title}:\n`;
    for (const a of args) {
      const header = invocation(a);
      const lines = wrap(a.help, helpWidth);
      if (header.length <= actionWidth) out += `  ${header.padEnd(actionWidth)}  ${lines[0] ?? ''}\n`;
      else out += `  ${header}\n${' '.repeat(helpPosition)}${lines[0] ?? ''}\n`;
      for (const l of lines.slice(1)) out += `${' '.repeat(helpPosition)}${l}\n`;
    }
    return out;
  };
  let text = `${formatUsage(spec, width)}\n${wrap(spec.description, width).join('\n')}\n\n`;
  if (positionals.length) text += `${section('positional arguments', positionals)}\n`;
  text += section(pyMinor >= 310 ? 'options' : 'optional arguments', optionals);
  return text;
}

export function parserError(spec: ParserSpec, width: number, message: string): ArgparseExit {
  const name = spec.prog;
  return new ArgparseExit(2, '', `${formatUsage(spec, width)}${name}: error: ${message}\n`);
}

function looksLikeOption(token: string): boolean {
  return token.startsWith('-') && token !== '-' && !/^-\d+$|^-\d*\.\d+$/.test(token);
}

function convert(a: ArgSpec, raw: string, spec: ParserSpec, width: number): string | number {
  const name = a.option ?? metavarOf(a);
  if (a.choices && !a.choices.includes(raw)) {
    throw parserError(spec, width, `argument ${name}: invalid choice: '${raw}' (choose from ${a.choices.map((c) => `'${c}'`).join(', ')})`);
  }
  if (a.type === 'int') {
    const t = raw.trim().replace(/_/g, '');
    if (!/^[+-]?\d+$/.test(t)) throw parserError(spec, width, `argument ${name}: invalid int value: '${raw}'`);
    return Number.parseInt(t, 10);
  }
  if (a.type === 'float') {
    const t = raw.trim().replace(/_/g, '').toLowerCase();
    if (/^[+-]?(inf|infinity)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
    if (/^[+-]?nan$/.test(t)) return Number.NaN;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) throw parserError(spec, width, `argument ${name}: invalid float value: '${raw}'`);
    return Number.parseFloat(t);
  }
  return raw;
}

/** Parses argv as argparse does (long options, unique prefixes, `--opt=value`, `--`); throws ArgparseExit. */
export function parseArgs(spec: ParserSpec, argv: readonly string[], width: number, pyMinor: number): ArgValues {
  const values: ArgValues = {};
  for (const a of spec.args) if (a.default !== undefined) values[a.dest] = a.default;
  const options = spec.args.filter((a) => a.option);
  const positionals = spec.args.filter((a) => !a.option);
  const rest: string[] = [];
  const extras: string[] = [];
  let i = 0;
  let dashdash = false;
  while (i < argv.length) {
    const token = argv[i]!;
    if (dashdash || !looksLikeOption(token)) {
      rest.push(token);
      i++;
      continue;
    }
    if (token === '--') {
      dashdash = true;
      i++;
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq >= 0 && token.startsWith('--') ? token.slice(0, eq) : token;
    if (name === '-h' || name === '--help' || (name.startsWith('--') && name.length > 2 && '--help'.startsWith(name) && !options.some((o) => o.option!.startsWith(name)))) {
      throw new ArgparseExit(0, formatHelp(spec, width, pyMinor), '');
    }
    let match = options.find((o) => o.option === name);
    if (!match && name.startsWith('--')) {
      const candidates = [...options.filter((o) => o.option!.startsWith(name)).map((o) => o.option!), ...('--help'.startsWith(name) ? ['--help'] : [])];
      if (candidates.length > 1) throw parserError(spec, width, `ambiguous option: ${name} could match ${candidates.join(', ')}`);
      match = options.find((o) => o.option === candidates[0]);
    }
    if (!match) {
      extras.push(token);
      i++;
      continue;
    }
    if (match.flag) {
      if (eq >= 0) throw parserError(spec, width, `argument ${match.option}: ignored explicit argument '${token.slice(eq + 1)}'`);
      values[match.dest] = true;
      i++;
      continue;
    }
    let raw: string;
    if (eq >= 0) {
      raw = token.slice(eq + 1);
      i++;
    } else {
      const next = argv[i + 1];
      if (next === undefined || looksLikeOption(next)) throw parserError(spec, width, `argument ${match.option}: expected one argument`);
      raw = next;
      i += 2;
    }
    values[match.dest] = convert(match, raw, spec, width);
  }
  positionals.forEach((p, k) => {
    if (k < rest.length) values[p.dest] = convert(p, rest[k]!, spec, width);
  });
  if (rest.length < positionals.length) {
    throw parserError(spec, width, `the following arguments are required: ${positionals.slice(rest.length).map(metavarOf).join(', ')}`);
  }
  extras.push(...rest.slice(positionals.length));
  if (extras.length) throw parserError(spec, width, `unrecognized arguments: ${extras.join(' ')}`);
  return values;
}

/** str(pathlib.Path(text)): repeated and trailing slashes and `.` parts removed. */
export function pathStr(text: string): string {
  if (text === '') return '.';
  const abs = text.startsWith('/');
  const parts = text.split('/').filter((p) => p !== '' && p !== '.');
  const body = parts.join('/');
  if (abs) return `/${body}`;
  return body || '.';
}
