/**
 * GNU sed 4.9: scripts from the first operand or `-e`/`-f`, BRE or `-E` ERE, `-n`, `-i[SUFFIX]`,
 * `-s`, `-z`. Addresses (N, $, /re/I, \cREc, first~step, ranges, addr,+N, `!`) and the commands
 * s (flags g p N I w), y, p, P, d, D, q, Q, =, a, i, c, n, N, h, H, g, G, x, b, t, T, :label, r, w,
 * l, z, F, {…}. Replacements know & \1–\9 \n \t and \U \L \u \l \E. Standard output is buffered
 * as a non-terminal stdout is, so diagnostics come before the output, as with the real sed.
 */
import { STRERROR } from '../../fs/types';
import type { Program } from '../../process';
import { parseArgs, type OptionDef } from './getopt';
import { Invocation, reasonOf } from './invocation';
import { SED, sedExpressionError } from './messages/sed';
import { compileRegex, RegexError, type RegexSyntax } from './posix-regex';
import { readStream } from './text-input';

type Key = 'quiet' | 'expression' | 'file' | 'inPlace' | 'extended' | 'separate' | 'nullData' | 'posix' | 'debug' | 'unbuffered' | 'sandbox' | 'lineLength' | 'followSymlinks';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'quiet', short: 'n', long: ['quiet', 'silent'] },
  { key: 'debug', long: 'debug' },
  { key: 'expression', short: 'e', long: 'expression', arg: 'required' },
  { key: 'file', short: 'f', long: 'file', arg: 'required' },
  { key: 'followSymlinks', long: 'follow-symlinks' },
  { key: 'inPlace', short: 'i', long: 'in-place', arg: 'optional' },
  { key: 'lineLength', short: 'l', long: 'line-length', arg: 'required' },
  { key: 'posix', long: 'posix' },
  { key: 'extended', short: 'E', long: 'regexp-extended' },
  { key: 'extended', short: 'r' },
  { key: 'separate', short: 's', long: 'separate' },
  { key: 'sandbox', long: 'sandbox' },
  { key: 'unbuffered', short: 'u', long: 'unbuffered' },
  { key: 'nullData', short: 'z', long: 'null-data' },
];

class SedSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

type Address =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  | { kind: 'regex'; re: RegExp | null }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'plus'; n: number }
  | { kind: 'multiple'; n: number };

type ReplacementPart = { text: string } | { group: number } | { caseOp: 'U' | 'L' | 'E' | 'u' | 'l' };

interface Command {
  name: string;
  addr1?: Address;
  addr2?: Address;
  negate: boolean;
  /** Range state. */
  active: boolean;
  rangeEnd: number;
  /** `{`: index of the matching `}`; b/t/T: target index. */
  jump: number;
  label: string;
  text: string;
  regex: RegExp | null;
  replacement: ReplacementPart[];
  global: boolean;
  occurrence: number;
  print: number;
  writeFile: string;
  exitCode: number;
  source: string[];
  target: string[];
}

interface Parsed {
  commands: Command[];
}

function newCommand(name: string): Command {
  return {
    name,
    negate: false,
    active: false,
    rangeEnd: 0,
    jump: -1,
    label: '',
    text: '',
    regex: null,
    replacement: [],
    global: false,
    occurrence: 1,
    print: 0,
    writeFile: '',
    exitCode: 0,
    source: [],
    target: [],
  };
}

class ScriptParser {
  private pos = 0;
  private readonly commands: Command[] = [];
  private readonly blocks: number[] = [];

  constructor(
    private readonly script: string,
    private readonly syntax: RegexSyntax,
  ) {}

  private fail(message: string, offset = this.pos): never {
    throw new SedSyntaxError(message, offset);
  }

  private peek(): string | undefined {
    return this.script[this.pos];
  }

  private next(): string | undefined {
    return this.script[this.pos++];
  }

  private skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos += 1;
  }

  private compile(pattern: string, flags: string): RegExp | null {
    if (pattern === '') return null;
    try {
      return compileRegex(pattern, { syntax: this.syntax, ignoreCase: flags.includes('I'), global: true });
    } catch (error) {
      if (error instanceof RegexError) this.fail(error.message);
      throw error;
    }
  }

  /** Reads up to an unescaped delimiter; `\delim` becomes delim, a `\n` becomes newline. */
  private delimited(delim: string, unterminated: string, keepEscapes: boolean): string {
    let out = '';
    for (;;) {
      const c = this.next();
      if (c === undefined) this.fail(unterminated, this.script.length);
      if (c === '\n' && !keepEscapes) this.fail(unterminated, this.pos);
      if (c === delim) return out;
      if (c === '\\') {
        const d = this.next();
        if (d === undefined) this.fail(unterminated, this.script.length);
        if (d === delim) out += delim === '&' && keepEscapes ? '\\&' : delim;
        else if (d === 'n' && !keepEscapes) out += '\n';
        else if (d === '\n') out += keepEscapes ? '\\\n' : '\n';
        else out += `\\${d}`;
        continue;
      }
      if (c === '[' && !keepEscapes) {
        // a bracket expression may contain the delimiter
        let j = this.pos;
        if (this.script[j] === '^') j += 1;
        if (this.script[j] === ']') j += 1;
        while (j < this.script.length && this.script[j] !== ']' && this.script[j] !== '\n') {
          if (this.script[j] === '[' && /[:=.]/.test(this.script[j + 1] ?? '')) {
            const close = this.script.indexOf(`${this.script[j + 1]}]`, j + 2);
            j = close === -1 ? this.script.length : close + 2;
            continue;
          }
          j += 1;
        }
        if (j < this.script.length && this.script[j] === ']') {
          out += this.script.slice(this.pos - 1, j + 1);
          this.pos = j + 1;
          continue;
        }
        // an open bracket swallows the delimiter: the command never ends
        this.fail(unterminated, this.script.length);
      }
      out += c;
    }
  }

  private address(): Address | undefined {
    const c = this.peek();
    if (c === undefined) return undefined;
    if (/\d/.test(c)) {
      let digits = '';
      while (/\d/.test(this.peek() ?? '')) digits += this.next();
      if (this.peek() === '~') {
        this.pos += 1;
        let step = '';
        while (/\d/.test(this.peek() ?? '')) step += this.next();
        return { kind: 'step', first: Number(digits), step: Number(step || '0') };
      }
      return { kind: 'line', n: Number(digits) };
    }
    if (c === '$') {
      this.pos += 1;
      return { kind: 'last' };
    }
    if (c === '/' || c === '\\') {
      this.pos += 1;
      const delim = c === '\\' ? this.next() ?? '' : '/';
      const pattern = this.delimited(delim, SED.unterminatedAddress, false);
      let flags = '';
      while (this.peek() === 'I' || this.peek() === 'M') flags += this.next();
      return { kind: 'regex', re: this.compile(pattern, flags) };
    }
    return undefined;
  }

  private readLabel(): string {
    this.skipSpaces();
    let label = '';
    while (this.peek() !== undefined && this.peek() !== '\n' && this.peek() !== ';') label += this.next();
    return label.trim();
  }

  private readFilename(): string {
    this.skipSpaces();
    let name = '';
    while (this.peek() !== undefined && this.peek() !== '\n') name += this.next();
    return name;
  }

  /** Text of a, i, c: the GNU one-liner form or the POSIX `a\` newline form, lines joined by `\`. */
  private readText(): string {
    this.skipSpaces();
    if (this.peek() === '\\') {
      this.pos += 1;
      if (this.peek() === '\n') this.pos += 1;
    }
    let text = '';
    for (;;) {
      const c = this.next();
      if (c === undefined || c === '\n') break;
      if (c === '\\') {
        const d = this.next();
        if (d === undefined) break;
        text += d === '\n' ? '\n' : d === 't' ? '\t' : d;
        continue;
      }
      text += c;
    }
    return text;
  }

  private replacement(text: string, groups: number): ReplacementPart[] {
    const parts: ReplacementPart[] = [];
    let literal = '';
    const flush = () => {
      if (literal !== '') parts.push({ text: literal });
      literal = '';
    };
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i]!;
      if (c === '&') {
        flush();
        parts.push({ group: 0 });
        continue;
      }
      if (c !== '\\' || i + 1 >= text.length) {
        literal += c;
        continue;
      }
      const d = text[++i]!;
      if (/\d/.test(d)) {
        const n = Number(d);
        if (n > groups) this.fail(SED.invalidReference(n));
        flush();
        parts.push({ group: n });
      } else if ('ULEul'.includes(d)) {
        flush();
        parts.push({ caseOp: d as 'U' | 'L' | 'E' | 'u' | 'l' });
      } else if (d === 'n') literal += '\n';
      else if (d === 't') literal += '\t';
      else if (d === 'r') literal += '\r';
      else if (d === '&') literal += '&';
      else if (d === '\n') literal += '\n';
      else literal += d;
    }
    flush();
    return parts;
  }

  /** After a command: spaces, then `;`, `}`, `#`, a newline or the end. */
  private endOfCommand(): void {
    this.skipSpaces();
    const c = this.peek();
    if (c === undefined || c === '\n' || c === ';') {
      if (c !== undefined) this.pos += 1;
      return;
    }
    if (c === '}' || c === '#') return;
    this.fail(SED.extraCharacters, this.pos + 1);
  }

  parse(): Parsed {
    const script = this.script;
    while (this.pos < script.length) {
      while (/[\s;]/.test(this.peek() ?? '')) this.pos += 1;
      if (this.pos >= script.length) break;
      if (this.peek() === '#') {
        while (this.pos < script.length && this.peek() !== '\n') this.pos += 1;
        continue;
      }
      const addr1 = this.address();
      let addr2: Address | undefined;
      if (addr1 && this.peek() === ',') {
        this.pos += 1;
        this.skipSpaces();
        if (this.peek() === '+' || this.peek() === '~') {
          const kind = this.next() === '+' ? 'plus' : 'multiple';
          let digits = '';
          while (/\d/.test(this.peek() ?? '')) digits += this.next();
          addr2 = { kind, n: Number(digits || '0') };
        } else {
          addr2 = this.address();
          if (!addr2) this.fail(SED.unexpectedComma);
        }
      }
      if (addr1?.kind === 'line' && addr1.n === 0 && !(addr2 && addr2.kind === 'regex')) this.fail(SED.invalidUsageLineZero);
      this.skipSpaces();
      let negate = false;
      while (this.peek() === '!') {
        negate = true;
        this.pos += 1;
        this.skipSpaces();
      }
      const name = this.next();
      if (name === undefined || name === '\n' || name === ';') this.fail(SED.missingCommand, script.length);
      const cmd = newCommand(name);
      if (addr1) cmd.addr1 = addr1;
      if (addr2) cmd.addr2 = addr2;
      cmd.negate = negate;
      const oneAddress = () => {
        if (addr2) this.fail(SED.oneAddress);
      };
      switch (name) {
        case '{':
          this.blocks.push(this.commands.length);
          this.commands.push(cmd);
          continue;
        case '}': {
          if (addr1) this.fail(SED.unexpectedBrace);
          const open = this.blocks.pop();
          if (open === undefined) this.fail(SED.unexpectedBrace);
          this.commands[open]!.jump = this.commands.length;
          this.commands.push(cmd);
          this.endOfCommand();
          continue;
        }
        case 's': {
          const delim = this.next();
          if (delim === undefined || delim === '\n' || delim === '\\') this.fail(SED.unterminatedS, script.length);
          const pattern = this.delimited(delim, SED.unterminatedS, false);
          const replacementText = this.delimited(delim, SED.unterminatedS, true);
          let flagsText = '';
          for (;;) {
            const f = this.peek();
            if (f === undefined || f === '\n' || f === ';' || f === '}' || f === '#' || f === ' ' || f === '\t') break;
            this.pos += 1;
            if (f === 'g') {
              if (cmd.global) this.fail(SED.multipleG);
              cmd.global = true;
            } else if (f === 'p') {
              if (cmd.print) this.fail(SED.multipleP);
              cmd.print = 1;
            } else if (f === 'i' || f === 'I' || f === 'm' || f === 'M' || f === 'e') {
              flagsText += f.toUpperCase();
            } else if (/\d/.test(f)) {
              let digits = f;
              while (/\d/.test(this.peek() ?? '')) digits += this.next();
              if (Number(digits) === 0) this.fail(SED.zeroNumber);
              cmd.occurrence = Number(digits);
            } else if (f === 'w') {
              cmd.writeFile = this.readFilename();
              if (cmd.writeFile === '') this.fail(SED.missingFilename);
              break;
            } else {
              this.fail(SED.unknownOptionS, this.pos);
            }
          }
          const regex = this.compile(pattern, flagsText);
          const groups = regex ? new RegExp(`${regex.source}|`, 'u').exec('')!.length - 1 : 9;
          cmd.regex = regex;
          cmd.replacement = this.replacement(replacementText, groups);
          this.endOfCommand();
          break;
        }
        case 'y': {
          const delim = this.next();
          if (delim === undefined || delim === '\n' || delim === '\\') this.fail(SED.unterminatedY, script.length);
          const source = [...this.delimited(delim, SED.unterminatedY, false)];
          const target = [...this.delimited(delim, SED.unterminatedY, false)];
          if (source.length !== target.length) this.fail(SED.yLengths);
          cmd.source = source;
          cmd.target = target;
          this.endOfCommand();
          break;
        }
        case 'a':
        case 'i':
        case 'c':
          cmd.text = this.readText();
          break;
        case ':': {
          if (addr1) this.fail(SED.colonAddress);
          const label = this.readLabel();
          if (label === '') this.fail(SED.colonLabel);
          cmd.label = label;
          if (this.peek() === ';') this.pos += 1;
          break;
        }
        case 'b':
        case 't':
        case 'T':
          cmd.label = this.readLabel();
          if (this.peek() === ';') this.pos += 1;
          break;
        case 'r':
        case 'R':
        case 'w':
        case 'W':
          cmd.writeFile = this.readFilename();
          if (cmd.writeFile === '') this.fail(SED.missingFilename);
          break;
        case 'q':
        case 'Q': {
          oneAddress();
          this.skipSpaces();
          let digits = '';
          while (/\d/.test(this.peek() ?? '')) digits += this.next();
          cmd.exitCode = Number(digits || '0');
          this.endOfCommand();
          break;
        }
        case '=':
        case 'd':
        case 'D':
        case 'g':
        case 'G':
        case 'h':
        case 'H':
        case 'l':
        case 'n':
        case 'N':
        case 'p':
        case 'P':
        case 'x':
        case 'z':
        case 'F':
          this.endOfCommand();
          break;
        default:
          this.fail(SED.unknownCommand(name), this.pos);
      }
      this.commands.push(cmd);
    }
    if (this.blocks.length > 0) this.fail(SED.unmatchedBrace, 0);
    for (const cmd of this.commands) {
      if (cmd.name !== 'b' && cmd.name !== 't' && cmd.name !== 'T') continue;
      if (cmd.label === '') {
        cmd.jump = this.commands.length;
        continue;
      }
      const target = this.commands.findIndex((c) => c.name === ':' && c.label === cmd.label);
      if (target === -1) throw new SedSyntaxError(SED.unknownLabel(cmd.label), -1);
      cmd.jump = target;
    }
    return { commands: this.commands };
  }
}

function applyCase(text: string, ops: { mode: 'U' | 'L' | 'E'; once: 'u' | 'l' | null }): string {
  let result = ops.mode === 'U' ? text.toUpperCase() : ops.mode === 'L' ? text.toLowerCase() : text;
  if (ops.once && result !== '') {
    const first = [...result][0]!;
    result = (ops.once === 'u' ? first.toUpperCase() : first.toLowerCase()) + result.slice(first.length);
    ops.once = null;
  }
  return result;
}

function expandReplacement(parts: ReplacementPart[], match: RegExpExecArray): string {
  let out = '';
  const state: { mode: 'U' | 'L' | 'E'; once: 'u' | 'l' | null } = { mode: 'E', once: null };
  for (const part of parts) {
    if ('caseOp' in part) {
      if (part.caseOp === 'u' || part.caseOp === 'l') state.once = part.caseOp;
      else state.mode = part.caseOp;
      continue;
    }
    const text = 'text' in part ? part.text : (match[part.group] ?? '');
    out += applyCase(text, state);
  }
  return out;
}

/** `l`: the pattern space with C escapes, `\` and `$` at the end. */
function visibleLine(text: string): string {
  const escapes: Record<string, string> = { '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
  let out = '';
  for (const c of text) {
    if (escapes[c]) out += escapes[c];
    else if (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127) out += `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
    else out += c;
  }
  const lines: string[] = [];
  while (out.length > 69) {
    lines.push(`${out.slice(0, 69)}\\`);
    out = out.slice(69);
  }
  lines.push(`${out}$`);
  return `${lines.join('\n')}\n`;
}

interface InputLine {
  text: string;
  /** The line ended with the separator (the last line of a file may not). */
  terminated: boolean;
  file: string;
}

export const sed: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = parseArgs(inv.args, OPTIONS);
  if (!parsed.ok) {
    inv.error(parsed.message);
    ctx.stderr.write(SED.usage);
    return 1;
  }
  const operands = [...parsed.operands];
  const expressions: string[] = [];
  for (const option of parsed.options) {
    if (option.key === 'expression') expressions.push(option.value ?? '');
    if (option.key === 'file') {
      try {
        expressions.push(ctx.fs.readText(inv.path(option.value ?? '')).replace(/\n$/, ''));
      } catch (error) {
        inv.error(SED.couldntOpen(option.value ?? '', reasonOf(error)));
        return 1;
      }
    }
  }
  if (expressions.length === 0) {
    const script = operands.shift();
    if (script === undefined) {
      ctx.stderr.write(SED.usage);
      return 1;
    }
    expressions.push(script);
  }
  const syntax: RegexSyntax = parsed.options.some((o) => o.key === 'extended') ? 'extended' : 'basic';
  const script = expressions.join('\n');
  let program: Parsed;
  try {
    program = new ScriptParser(script, syntax).parse();
  } catch (error) {
    if (!(error instanceof SedSyntaxError)) throw error;
    if (error.offset < 0) {
      inv.error(error.message);
      return 1;
    }
    let offset = error.offset;
    let index = 0;
    while (index < expressions.length - 1 && offset > expressions[index]!.length) {
      offset -= expressions[index]!.length + 1;
      index += 1;
    }
    inv.error(sedExpressionError(index + 1, Math.max(offset, 0), error.message));
    return 1;
  }
  const quiet = parsed.options.some((o) => o.key === 'quiet');
  const inPlace = parsed.options.find((o) => o.key === 'inPlace');
  const separate = inPlace !== undefined || parsed.options.some((o) => o.key === 'separate');
  const separator = parsed.options.some((o) => o.key === 'nullData') ? '\0' : '\n';
  if (inPlace && operands.length === 0) {
    inv.error(SED.noInputFiles);
    return 1;
  }
  if (operands.length === 0) operands.push('-');

  let buffered = '';
  const immediate = ctx.tty.stdout;
  const emit = (text: string) => {
    if (immediate) ctx.stdout.write(text);
    else buffered += text;
  };
  const finish = (status: number) => {
    if (buffered !== '') ctx.stdout.write(buffered);
    return status;
  };

  let status = 0;
  /** Reads one operand into lines; null when it cannot be read (the error already printed). */
  const readLines = async (operand: string): Promise<InputLine[] | null | 'fatal'> => {
    let text: string;
    if (operand === '-') text = await readStream(ctx.stdin);
    else {
      try {
        const path = inv.path(operand);
        const st = ctx.fs.stat(path);
        if (inPlace && st.kind !== 'file') {
          inv.error(SED.couldntEdit(operand));
          return 'fatal';
        }
        text = ctx.fs.readText(path);
      } catch (error) {
        const reason = reasonOf(error);
        if (reason === STRERROR.EISDIR) {
          inv.error(SED.readError(operand, reason));
          return 'fatal';
        }
        inv.error(SED.cantRead(operand, reason));
        status = 2;
        return null;
      }
    }
    const pieces = text.split(separator);
    const last = pieces.pop()!;
    const lines = pieces.map((piece) => ({ text: piece, terminated: true, file: operand }));
    if (last !== '') lines.push({ text: last, terminated: false, file: operand });
    return lines;
  };

  const writes = new Map<string, string>();
  const writeTo = (name: string, text: string) => {
    if (name === '/dev/stdout') {
      emit(text);
      return;
    }
    if (name === '/dev/stderr') {
      ctx.stderr.write(text);
      return;
    }
    writes.set(name, (writes.get(name) ?? '') + text);
    try {
      ctx.fs.writeFile(inv.path(name), writes.get(name)!);
    } catch {
      // as sed: reported when opening, which the simulation folds into the first write
    }
  };
  for (const cmd of program.commands) if (cmd.name === 'w' || (cmd.name === 's' && cmd.writeFile)) writeTo(cmd.writeFile, '');

  let hold = '';
  let lastRegex: RegExp | null = null;
  let quitStatus: number | null = null;

  /** Runs the script over a stream of lines; `out` collects what goes to stdout or the file. */
  const runStream = (lines: InputLine[], out: (text: string) => void, lineOffset: number): number => {
    let index = 0;
    let lineNumber = lineOffset;
    const isLast = () => index >= lines.length;
    const regexOf = (re: RegExp | null) => {
      const chosen = re ?? lastRegex;
      if (re) lastRegex = re;
      return chosen;
    };
    const test = (re: RegExp | null, text: string) => {
      const chosen = regexOf(re);
      if (!chosen) return false;
      chosen.lastIndex = 0;
      return chosen.test(text);
    };
    const matchesAddress = (addr: Address, text: string): boolean => {
      switch (addr.kind) {
        case 'line':
          return lineNumber === addr.n;
        case 'last':
          return isLast();
        case 'regex':
          return test(addr.re, text);
        case 'step':
          return addr.step <= 0 ? lineNumber === addr.first : lineNumber >= addr.first && (lineNumber - addr.first) % addr.step === 0;
        default:
          return false;
      }
    };
    const selects = (cmd: Command, text: string): boolean => {
      let result: boolean;
      if (!cmd.addr1) result = true;
      else if (!cmd.addr2) result = matchesAddress(cmd.addr1, text);
      else if (cmd.active) {
        const end = cmd.addr2;
        if (end.kind === 'line') {
          result = true;
          if (lineNumber >= end.n) cmd.active = false;
          if (lineNumber > end.n) result = false;
        } else if (end.kind === 'plus' || end.kind === 'multiple') {
          result = true;
          if (lineNumber >= cmd.rangeEnd) cmd.active = false;
        } else {
          result = true;
          if (matchesAddress(end, text)) cmd.active = false;
        }
      } else if (matchesAddress(cmd.addr1, text) || (cmd.addr1.kind === 'line' && cmd.addr1.n === 0 && lineNumber === 1 && cmd.addr2.kind === 'regex')) {
        result = true;
        const end = cmd.addr2;
        if (cmd.addr1.kind === 'line' && cmd.addr1.n === 0) {
          cmd.active = !matchesAddress(end, text);
        } else if (end.kind === 'line') cmd.active = end.n > lineNumber;
        else if (end.kind === 'plus') {
          cmd.rangeEnd = lineNumber + end.n;
          cmd.active = end.n > 0;
        } else if (end.kind === 'multiple') {
          cmd.rangeEnd = end.n <= 0 ? lineNumber : Math.ceil(lineNumber / end.n) * end.n;
          cmd.active = cmd.rangeEnd > lineNumber;
        } else cmd.active = !isLast();
      } else result = false;
      return result !== cmd.negate;
    };

    let pattern = '';
    let terminated = true;
    let restartWithoutRead = false;
    while (restartWithoutRead || index < lines.length) {
      if (!restartWithoutRead) {
        const line = lines[index++]!;
        pattern = line.text;
        terminated = line.terminated;
        lineNumber += 1;
      }
      restartWithoutRead = false;
      let appendQueue = '';
      let substituted = false;
      let autoprint = !quiet;
      let endCycle = false;
      const printPattern = (text: string) => out(text + (terminated || !isLast() ? separator : ''));
      let pc = 0;
      while (pc < program.commands.length && !endCycle) {
        const cmd = program.commands[pc]!;
        if (cmd.name === '}' || cmd.name === ':') {
          pc += 1;
          continue;
        }
        if (!selects(cmd, pattern)) {
          pc = cmd.name === '{' ? cmd.jump + 1 : pc + 1;
          continue;
        }
        pc += 1;
        switch (cmd.name) {
          case '{':
            break;
          case 's': {
            const re = regexOf(cmd.regex);
            if (!re) break;
            re.lastIndex = 0;
            let result = '';
            let position = 0;
            let count = 0;
            let replaced = false;
            let m: RegExpExecArray | null;
            while ((m = re.exec(pattern)) !== null) {
              count += 1;
              if (count >= cmd.occurrence) {
                result += pattern.slice(position, m.index) + expandReplacement(cmd.replacement, m);
                position = m.index + m[0].length;
                replaced = true;
                if (!cmd.global) break;
              }
              if (m[0] === '') {
                if (re.lastIndex >= pattern.length) break;
                const cp = pattern.codePointAt(re.lastIndex)!;
                re.lastIndex += cp > 0xffff ? 2 : 1;
              }
            }
            if (replaced) {
              pattern = result + pattern.slice(position);
              substituted = true;
              if (cmd.print) printPattern(pattern);
              if (cmd.writeFile) writeTo(cmd.writeFile, `${pattern}\n`);
            }
            break;
          }
          case 'y':
            pattern = [...pattern].map((c) => {
              const at = cmd.source.indexOf(c);
              return at === -1 ? c : cmd.target[at]!;
            }).join('');
            break;
          case 'p':
            printPattern(pattern);
            break;
          case 'P':
            out(`${pattern.split('\n')[0]}\n`);
            break;
          case 'd':
            autoprint = false;
            endCycle = true;
            break;
          case 'D': {
            const newline = pattern.indexOf('\n');
            if (newline === -1) {
              autoprint = false;
              endCycle = true;
            } else {
              pattern = pattern.slice(newline + 1);
              autoprint = false;
              endCycle = true;
              restartWithoutRead = true;
            }
            break;
          }
          case 'q':
            quitStatus = cmd.exitCode;
            endCycle = true;
            break;
          case 'Q':
            quitStatus = cmd.exitCode;
            autoprint = false;
            endCycle = true;
            break;
          case '=':
            out(`${lineNumber}\n`);
            break;
          case 'a':
            appendQueue += `${cmd.text}\n`;
            break;
          case 'i':
            out(`${cmd.text}\n`);
            break;
          case 'c':
            if (!cmd.addr2 || !cmd.active) out(`${cmd.text}\n`);
            autoprint = false;
            endCycle = true;
            break;
          case 'r':
            try {
              appendQueue += ctx.fs.readText(inv.path(cmd.writeFile));
            } catch {
              // a missing file is silently ignored, as sed does
            }
            break;
          case 'w':
            writeTo(cmd.writeFile, `${pattern}\n`);
            break;
          case 'l':
            out(visibleLine(pattern));
            break;
          case 'F':
            out(`${lines[Math.max(0, index - 1)]?.file === '-' ? '-' : (lines[Math.max(0, index - 1)]?.file ?? '-')}\n`);
            break;
          case 'z':
            pattern = '';
            break;
          case 'h':
            hold = pattern;
            break;
          case 'H':
            hold += `\n${pattern}`;
            break;
          case 'g':
            pattern = hold;
            break;
          case 'G':
            pattern += `\n${hold}`;
            break;
          case 'x':
            [pattern, hold] = [hold, pattern];
            break;
          case 'n':
            if (isLast()) {
              endCycle = true;
              break;
            }
            if (!quiet) printPattern(pattern);
            {
              const line = lines[index++]!;
              pattern = line.text;
              terminated = line.terminated;
              lineNumber += 1;
            }
            break;
          case 'N':
            if (isLast()) {
              endCycle = true;
              break;
            }
            {
              const line = lines[index++]!;
              pattern += `\n${line.text}`;
              terminated = line.terminated;
              lineNumber += 1;
            }
            break;
          case 'b':
            pc = cmd.jump;
            break;
          case 't':
            if (substituted) {
              substituted = false;
              pc = cmd.jump;
            }
            break;
          case 'T':
            if (!substituted) pc = cmd.jump;
            else substituted = false;
            break;
          default:
            break;
        }
      }
      if (autoprint) printPattern(pattern);
      if (appendQueue !== '') out(appendQueue);
      if (quitStatus !== null) break;
    }
    return lineNumber;
  };

  if (!separate) {
    const all: InputLine[] = [];
    for (const operand of operands) {
      const lines = await readLines(operand);
      if (lines === 'fatal') return finish(4);
      if (lines) all.push(...lines);
    }
    runStream(all, emit, 0);
    return finish(quitStatus ?? status);
  }
  for (const operand of operands) {
    const lines = await readLines(operand);
    if (lines === 'fatal') return finish(4);
    if (!lines) continue;
    if (inPlace && operand !== '-') {
      let text = '';
      runStream(lines, (chunk) => (text += chunk), 0);
      const path = inv.path(operand);
      const suffix = inPlace.value;
      if (suffix) {
        const backup = suffix.includes('*') ? suffix.replace(/\*/g, operand.split('/').pop()!) : `${operand}${suffix}`;
        ctx.fs.writeFile(inv.path(backup), ctx.fs.readFile(path));
      }
      ctx.fs.writeFile(path, text);
    } else {
      runStream(lines, emit, 0);
    }
    if (quitStatus !== null) break;
  }
  return finish(quitStatus ?? status);
};
