/**
 * wc: lines, words, bytes (and -m characters, -L the longest line), one line per file and a total
 * for several. Column width as GNU computes it: wide enough for the total size of the regular
 * files named, at least 7 when reading a pipe or a directory, no padding at all for a single
 * count of a single input.
 */
import { utf8Length } from '../../fs/state';
import type { Program } from '../../process';
import { has, type OptionDef } from './getopt';
import { Invocation } from './invocation';
import { fileError } from './messages/textutils';
import { displayWidth } from './column-layout';
import { readOperand } from './text-input';

type Key = 'lines' | 'words' | 'bytes' | 'chars' | 'maxLine';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'bytes', short: 'c', long: 'bytes' },
  { key: 'chars', short: 'm', long: 'chars' },
  { key: 'lines', short: 'l', long: 'lines' },
  { key: 'maxLine', short: 'L', long: 'max-line-length' },
  { key: 'words', short: 'w', long: 'words' },
];

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

function count(text: string): Counts {
  const bytes = utf8Length(text);
  let lines = 0;
  let words = 0;
  let chars = 0;
  let inWord = false;
  let maxLine = 0;
  let lineWidth = 0;
  for (const char of text) {
    chars += 1;
    if (char === '\n') {
      lines += 1;
      maxLine = Math.max(maxLine, lineWidth);
      lineWidth = 0;
    } else if (char === '\t') {
      lineWidth += 8 - (lineWidth % 8);
    } else {
      lineWidth += displayWidth(char);
    }
    if (/\s/.test(char)) inWord = false;
    else if (!inWord) {
      inWord = true;
      words += 1;
    }
  }
  maxLine = Math.max(maxLine, lineWidth);
  return { lines, words, chars, bytes, maxLine };
}

export const wc: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  let selected: Key[] = (['lines', 'words', 'chars', 'bytes', 'maxLine'] as Key[]).filter((key) => has(parsed, key));
  if (selected.length === 0) selected = ['lines', 'words', 'bytes'];
  const operands = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const named = parsed.operands.length > 0;
  // The width comes first, from what stat says (as GNU does before reading anything).
  let width = 1;
  if (!(operands.length === 1 && selected.length === 1)) {
    let regularTotal = 0;
    let minimumWidth = 1;
    for (const operand of operands) {
      if (operand === '-') {
        minimumWidth = 7;
        continue;
      }
      try {
        const st = ctx.fs.stat(inv.path(operand));
        if (st.kind === 'file') regularTotal += st.size;
        else minimumWidth = 7;
      } catch {
        // failed operands do not count
      }
    }
    width = Math.max(String(regularTotal).length, minimumWidth);
  }
  const format = (counts: Counts, name: string | null) =>
    selected.map((key) => String(counts[key]).padStart(width)).join(' ') + (name === null ? '' : ` ${name}`) + '\n';
  let status = 0;
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
  const onlyBytes = selected.length === 1 && selected[0] === 'bytes';
  for (const operand of operands) {
    if (onlyBytes && operand !== '-') {
      // like GNU wc, the size of a regular file comes from stat, without reading it
      try {
        const st = ctx.fs.stat(inv.path(operand));
        if (st.kind === 'file') {
          const counts = { lines: 0, words: 0, chars: 0, bytes: st.size, maxLine: 0 };
          inv.out(format(counts, named ? operand : null));
          total.bytes += st.size;
          continue;
        }
      } catch {
        // reported below, as when reading
      }
    }
    const input = await readOperand(inv, operand);
    let counts: Counts;
    if (input.ok) {
      counts = count(input.text);
    } else {
      inv.error(fileError(operand, input.reason));
      status = 1;
      if (input.code !== 'EISDIR') continue;
      counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
    }
    inv.out(format(counts, named ? operand : null));
    total.lines += counts.lines;
    total.words += counts.words;
    total.chars += counts.chars;
    total.bytes += counts.bytes;
    total.maxLine = Math.max(total.maxLine, counts.maxLine);
  }
  if (operands.length > 1) inv.out(format(total, 'total'));
  return status;
};
