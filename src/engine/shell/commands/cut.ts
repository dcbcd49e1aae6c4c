/**
 * cut: `-f` fields (tab-separated unless `-d`), `-c`/`-b` character or byte positions, lists like
 * `1,3-5,7-`, `-s` drops lines without the delimiter, `--output-delimiter`, `--complement`.
 */
import { decodeText, encodeText } from '../../fs/state';
import type { Program } from '../../process';
import { has, lastValue, type OptionDef } from './getopt';
import { Invocation } from './invocation';
import { CUT, fileError } from './messages/textutils';
import { readOperand } from './text-input';

type Key = 'bytes' | 'chars' | 'fields' | 'delimiter' | 'onlyDelimited' | 'outputDelimiter' | 'complement' | 'n' | 'zero';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'bytes', short: 'b', long: 'bytes', arg: 'required' },
  { key: 'chars', short: 'c', long: 'characters', arg: 'required' },
  { key: 'complement', long: 'complement' },
  { key: 'delimiter', short: 'd', long: 'delimiter', arg: 'required' },
  { key: 'fields', short: 'f', long: 'fields', arg: 'required' },
  { key: 'n', short: 'n' },
  { key: 'outputDelimiter', long: 'output-delimiter', arg: 'required' },
  { key: 'onlyDelimited', short: 's', long: 'only-delimited' },
  { key: 'zero', short: 'z', long: 'zero-terminated' },
];

type Range = [number, number];

function parseList(list: string, fields: boolean): Range[] | string {
  const ranges: Range[] = [];
  for (const part of list.split(/[,\s]/)) {
    const match = /^(\d*)(-?)(\d*)$/.exec(part);
    if (part === '') return fields ? CUT.fieldsFromOne : CUT.bytesFromOne;
    if (!match || part === '-') {
      if (part === '-') return CUT.invalidRange(part);
      return fields ? CUT.invalidField(part) : CUT.invalidByte(part);
    }
    const [, from, dash, to] = match;
    const start = from === '' ? 1 : Number(from);
    const end = dash === '' ? start : to === '' ? Infinity : Number(to);
    if (start === 0 || end === 0) return fields ? CUT.fieldsFromOne : CUT.bytesFromOne;
    if (end < start) return CUT.decreasingRange;
    ranges.push([start, end]);
  }
  return ranges;
}

const selected = (ranges: Range[], position: number) => ranges.some(([a, b]) => position >= a && position <= b);

export const cut: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  const lists = parsed.options.filter((o) => o.key === 'bytes' || o.key === 'chars' || o.key === 'fields');
  if (lists.length === 0) return inv.usageError(CUT.noList);
  if (new Set(lists.map((o) => o.key)).size > 1) return inv.usageError(CUT.onlyOneList);
  const mode = lists[lists.length - 1]!;
  const fields = mode.key === 'fields';
  const ranges = parseList(mode.value ?? '', fields);
  if (typeof ranges === 'string') return inv.usageError(ranges);
  const delimiter = lastValue(parsed, 'delimiter') ?? '\t';
  if ([...delimiter].length > 1) return inv.usageError(CUT.delimiterSingle);
  if (!fields && has(parsed, 'delimiter')) return inv.usageError(CUT.delimiterOnlyFields);
  if (!fields && has(parsed, 'onlyDelimited')) return inv.usageError(CUT.suppressOnlyFields);
  const complement = has(parsed, 'complement');
  const outputDelimiter = lastValue(parsed, 'outputDelimiter') ?? (fields ? (delimiter === '' ? '\0' : delimiter) : '');
  const pick = (position: number) => selected(ranges, position) !== complement;
  const cutLine = (line: string): string | null => {
    if (fields) {
      const sep = delimiter === '' ? '\0' : delimiter;
      if (!line.includes(sep)) return has(parsed, 'onlyDelimited') ? null : line;
      return line
        .split(sep)
        .filter((_, i) => pick(i + 1))
        .join(outputDelimiter);
    }
    const units = mode.key === 'bytes' ? [...encodeText(line)].map((b) => String.fromCharCode(b)) : [...line];
    let out = '';
    let previous = -2;
    units.forEach((unit, i) => {
      if (!pick(i + 1)) return;
      if (outputDelimiter !== '' && previous !== -2 && previous !== i - 1) out += outputDelimiter;
      out += unit;
      previous = i;
    });
    return mode.key === 'bytes' ? decodeText(Uint8Array.from([...out].map((c) => c.charCodeAt(0)))) : out;
  };
  const operands = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const terminator = has(parsed, 'zero') ? '\0' : '\n';
  let status = 0;
  for (const operand of operands) {
    const input = await readOperand(inv, operand);
    if (!input.ok) {
      inv.error(fileError(operand, input.reason));
      status = 1;
      continue;
    }
    const lines = input.text.split(terminator);
    if (lines[lines.length - 1] === '') lines.pop();
    let out = '';
    for (const line of lines) {
      const result = cutLine(line);
      if (result !== null) out += result + terminator;
    }
    inv.out(out);
  }
  return status;
};
