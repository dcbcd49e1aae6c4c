/**
 * head and tail: the first or last N lines (`-n`, default 10) or bytes (`-c`), `head -n -N` for
 * all but the last N, `tail -n +N` from line N on, the obsolete `-5` and `tail +5` forms, `==> f <==`
 * headers for several files, and `tail -f` following a file until interrupted.
 */
import { decodeText, encodeText, utf8Length } from '../../fs/state';
import { Interrupted, type InputStream, type Program } from '../../process';
import { has, type OptionDef, type ParsedOption } from './getopt';
import { Invocation } from './invocation';
import { HEAD_TAIL } from './messages/textutils';
import { readOperand } from './text-input';

type Key = 'lines' | 'bytes' | 'quiet' | 'verbose' | 'follow' | 'followName' | 'zero' | 'sleep' | 'pid' | 'retry';

const HEAD_OPTIONS: OptionDef<Key>[] = [
  { key: 'bytes', short: 'c', long: 'bytes', arg: 'required' },
  { key: 'lines', short: 'n', long: 'lines', arg: 'required' },
  { key: 'quiet', short: 'q', long: ['quiet', 'silent'] },
  { key: 'verbose', short: 'v', long: 'verbose' },
  { key: 'zero', short: 'z', long: 'zero-terminated' },
];

const TAIL_OPTIONS: OptionDef<Key>[] = [
  ...HEAD_OPTIONS,
  { key: 'follow', short: 'f', long: 'follow', arg: 'optional' },
  { key: 'followName', short: 'F' },
  { key: 'pid', long: 'pid', arg: 'required' },
  { key: 'retry', long: 'retry' },
  { key: 'sleep', short: 's', long: 'sleep-interval', arg: 'required' },
];

const SUFFIXES: Record<string, number> = {
  b: 512,
  k: 1024,
  K: 1024,
  KiB: 1024,
  kB: 1000,
  KB: 1000,
  M: 1024 ** 2,
  MiB: 1024 ** 2,
  MB: 1000 ** 2,
  G: 1024 ** 3,
  GiB: 1024 ** 3,
  GB: 1000 ** 3,
  T: 1024 ** 4,
  TB: 1000 ** 4,
};

interface Count {
  value: number;
  /** head: `-n -N` (all but the last N); tail: `-n +N` (from the Nth on). */
  relative: boolean;
}

function parseCount(text: string, program: 'head' | 'tail'): Count | null {
  const match = /^\s*([+-]?)(\d+)([a-zA-Z]*)$/.exec(text);
  if (!match) return null;
  const multiplier = match[3] === '' ? 1 : SUFFIXES[match[3]!];
  if (multiplier === undefined) return null;
  const sign = match[1]!;
  const relative = program === 'head' ? sign === '-' : sign === '+';
  return { value: Number(match[2]) * multiplier, relative };
}

/** `-5`, `-5c`, `-5n`, and tail's `+5`: the obsolete spellings, as a -n or -c option. */
function obsoleteForm(program: 'head' | 'tail') {
  return (arg: string): ParsedOption<string> | null => {
    const match = (program === 'tail' ? /^([+-])(\d+)([cbkmlf]?)$/ : /^-(\d+)([cbkml]?)$/).exec(arg);
    if (!match) return null;
    if (program === 'tail') {
      const [, sign, digits, unit] = match;
      const value = sign === '+' ? `+${digits}` : digits!;
      return { key: unit === 'c' ? 'bytes' : 'lines', value, spelled: arg };
    }
    const [, digits, unit] = match;
    return { key: unit === 'c' ? 'bytes' : 'lines', value: digits!, spelled: arg };
  };
}

function splitKeepingEnds(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (;;) {
    const at = text.indexOf(separator, start);
    if (at === -1) break;
    parts.push(text.slice(start, at + 1));
    start = at + 1;
  }
  if (start < text.length) parts.push(text.slice(start));
  return parts;
}

function byteSlice(text: string, from: number, to?: number): string {
  return decodeText(encodeText(text).slice(from, to));
}

function byteLength(text: string): number {
  return utf8Length(text);
}

function headOf(text: string, count: Count, bytes: boolean, separator: string): string {
  if (bytes) {
    const total = byteLength(text);
    return byteSlice(text, 0, count.relative ? Math.max(0, total - count.value) : count.value);
  }
  const lines = splitKeepingEnds(text, separator);
  return (count.relative ? lines.slice(0, Math.max(0, lines.length - count.value)) : lines.slice(0, count.value)).join('');
}

function tailOf(text: string, count: Count, bytes: boolean, separator: string): string {
  if (bytes) {
    const total = byteLength(text);
    return byteSlice(text, count.relative ? Math.max(0, count.value - 1) : Math.max(0, total - count.value));
  }
  const lines = splitKeepingEnds(text, separator);
  if (count.relative) return lines.slice(Math.max(0, count.value - 1)).join('');
  return count.value === 0 ? '' : lines.slice(-count.value).join('');
}

/** Copies the first `limit` lines (or bytes) of a stream as they arrive, then stops reading. */
async function headOfStream(stream: InputStream, limit: number, bytes: boolean, separator: string, write: (text: string) => void): Promise<void> {
  let left = limit;
  while (left > 0) {
    const chunk = await stream.read();
    if (chunk === null) return;
    if (bytes) {
      const part = byteSlice(chunk, 0, left);
      left -= byteLength(part);
      write(part);
      continue;
    }
    let end = 0;
    while (left > 0) {
      const at = chunk.indexOf(separator, end);
      if (at === -1) {
        end = chunk.length;
        break;
      }
      end = at + 1;
      left -= 1;
    }
    write(chunk.slice(0, end));
  }
}

function makeProgram(program: 'head' | 'tail'): Program {
  return async (ctx) => {
    const inv = new Invocation(ctx);
    const parsed = inv.parse(program === 'head' ? HEAD_OPTIONS : TAIL_OPTIONS, { special: obsoleteForm(program) });
    if (!parsed) return 1;
    let count: Count = { value: 10, relative: false };
    let bytes = false;
    let headers: boolean | null = null;
    for (const option of parsed.options) {
      if (option.key === 'lines' || option.key === 'bytes') {
        const parsedCount = parseCount(option.value ?? '', program);
        if (!parsedCount) {
          inv.error((option.key === 'lines' ? HEAD_TAIL.invalidLines : HEAD_TAIL.invalidBytes)(option.value ?? ''));
          return 1;
        }
        count = parsedCount;
        bytes = option.key === 'bytes';
      }
      if (option.key === 'quiet') headers = false;
      if (option.key === 'verbose') headers = true;
    }
    const separator = has(parsed, 'zero') ? '\0' : '\n';
    const operands = parsed.operands.length > 0 ? parsed.operands : ['-'];
    const showHeaders = headers ?? operands.length > 1;
    const follow = program === 'tail' && (has(parsed, 'follow') || has(parsed, 'followName'));
    let status = 0;
    let first = true;
    const followed: { name: string; size: number }[] = [];
    for (const operand of operands) {
      const name = operand === '-' ? 'standard input' : operand;
      if (operand === '-' && program === 'head' && !count.relative) {
        // a pipe is read only as far as needed, so `producer | head -3` ends after three lines
        if (showHeaders) inv.out(`${first ? '' : '\n'}${HEAD_TAIL.header(name)}\n`);
        first = false;
        await headOfStream(ctx.stdin, count.value, bytes, separator, (text) => inv.out(text));
        continue;
      }
      const input = await readOperand(inv, operand);
      if (!input.ok && input.code !== 'EISDIR') {
        inv.error(HEAD_TAIL.cannotOpen(operand, input.reason));
        status = 1;
        continue;
      }
      if (showHeaders) {
        inv.out(`${first ? '' : '\n'}${HEAD_TAIL.header(name)}\n`);
      }
      first = false;
      if (!input.ok) {
        inv.error(HEAD_TAIL.errorReading(operand, input.reason));
        status = 1;
        continue;
      }
      const text = input.text;
      const out = program === 'head' ? headOf(text, count, bytes, separator) : tailOf(text, count, bytes, separator);
      if (out !== '') inv.out(out);
      if (follow && operand !== '-') followed.push({ name: operand, size: text.length });
    }
    if (!follow) return status;
    if (followed.length === 0) {
      if (operands.every((o) => o !== '-')) {
        inv.error(HEAD_TAIL.noFilesRemaining);
        return 1;
      }
      return status;
    }
    const last = { name: followed[followed.length - 1]!.name };
    try {
      for (;;) {
        await ctx.clock.sleep(1000, ctx.signal);
        for (const file of followed) {
          let text: string;
          try {
            text = ctx.fs.readText(inv.path(file.name));
          } catch {
            continue;
          }
          if (text.length === file.size) continue;
          const fresh = text.length > file.size ? text.slice(file.size) : text;
          if (followed.length > 1 && last.name !== file.name) inv.out(`\n${HEAD_TAIL.header(file.name)}\n`);
          last.name = file.name;
          inv.out(fresh);
          file.size = text.length;
        }
      }
    } catch (error) {
      if (error instanceof Interrupted) return 128 + error.signo;
      throw error;
    }
  };
}

export const head = makeProgram('head');
export const tail = makeProgram('tail');
