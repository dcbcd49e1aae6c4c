/**
 * paste: joins the lines of files side by side (tab-separated, `-d LIST` cycling through its
 * characters), or each file's lines into one with `-s`. `-` is standard input, read once and shared.
 */
import type { Program } from '../../process';
import { has, lastValue, type OptionDef } from './getopt';
import { Invocation } from './invocation';
import { fileError } from './messages/textutils';
import { readOperand, readStream, splitLines } from './text-input';

type Key = 'delimiters' | 'serial' | 'zero';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'delimiters', short: 'd', long: 'delimiters', arg: 'required' },
  { key: 'serial', short: 's', long: 'serial' },
  { key: 'zero', short: 'z', long: 'zero-terminated' },
];

/** The delimiter list with paste's escapes (\n \t \\ and \0 for none). */
function delimiterList(text: string): string[] {
  const list: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\\' && i + 1 < text.length) {
      const c = text[++i]!;
      list.push(c === 'n' ? '\n' : c === 't' ? '\t' : c === '0' ? '' : c);
    } else {
      list.push(text[i]!);
    }
  }
  return list.length > 0 ? list : [''];
}

export const paste: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  const delimiters = delimiterList(lastValue(parsed, 'delimiters') ?? '\t');
  const operands = parsed.operands.length > 0 ? parsed.operands : ['-'];
  let stdinLines: string[] | null = null;
  const columns: string[][] = [];
  const stdinReaders: number[] = [];
  for (const [index, operand] of operands.entries()) {
    if (operand === '-') {
      stdinLines ??= splitLines(await readStream(ctx.stdin));
      stdinReaders.push(index);
      columns.push([]);
      continue;
    }
    const input = await readOperand(inv, operand);
    if (!input.ok) {
      inv.error(fileError(operand, input.reason));
      return 1;
    }
    columns.push(splitLines(input.text));
  }
  // several `-` take turns at the standard input's lines
  if (stdinLines) stdinLines.forEach((line, i) => columns[stdinReaders[i % stdinReaders.length]!]!.push(line));
  const end = has(parsed, 'zero') ? '\0' : '\n';
  const join = (cells: string[]) => cells.reduce((acc, cell, i) => (i === 0 ? cell : acc + delimiters[(i - 1) % delimiters.length] + cell), '');
  let out = '';
  if (has(parsed, 'serial')) {
    for (const column of columns) out += join(column) + end;
  } else {
    const rows = Math.max(0, ...columns.map((c) => c.length));
    for (let r = 0; r < rows; r += 1) out += join(columns.map((c) => c[r] ?? '')) + end;
  }
  inv.out(out);
  return 0;
};
