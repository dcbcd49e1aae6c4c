/**
 * tr: translates, deletes (`-d`) or squeezes (`-s`) characters of standard input. Sets know
 * ranges (`a-z`), classes (`[:upper:]`), escapes (`\n`, `\t`, `\\`, `\NNN`), `[c*N]` repeats and
 * `-c` complements; a short SET2 is padded with its last character, as GNU does.
 */
import type { Program } from '../../process';
import { has, type OptionDef } from './getopt';
import { Invocation } from './invocation';
import { COMMON } from './messages/common';
import { TR } from './messages/textutils';
import { readStream } from './text-input';

type Key = 'complement' | 'delete' | 'squeeze' | 'truncate';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'complement', short: 'c', long: 'complement' },
  { key: 'complement', short: 'C' },
  { key: 'delete', short: 'd', long: 'delete' },
  { key: 'squeeze', short: 's', long: 'squeeze-repeats' },
  { key: 'truncate', short: 't', long: 'truncate-set1' },
];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
const CLASSES: Record<string, string[]> = {
  alpha: [...range(65, 90), ...range(97, 122)],
  upper: range(65, 90),
  lower: range(97, 122),
  digit: range(48, 57),
  alnum: [...range(48, 57), ...range(65, 90), ...range(97, 122)],
  space: ['\t', '\n', '\v', '\f', '\r', ' '],
  blank: ['\t', ' '],
  punct: [...range(33, 47), ...range(58, 64), ...range(91, 96), ...range(123, 126)],
  cntrl: [...range(0, 31), '\x7f'],
  print: range(32, 126),
  graph: range(33, 126),
  xdigit: [...range(48, 57), ...range(65, 70), ...range(97, 102)],
};

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\' };

/** The set's characters in order, or an error message; `fill` marks a `[c*]` in SET2. */
function expandSet(text: string): { chars: string[]; fill?: { at: number; char: string } } | string {
  const units: string[] = [];
  const chars = [...text];
  let fill: { at: number; char: string } | undefined;
  const readChar = (i: number): [string, number] => {
    const c = chars[i]!;
    if (c !== '\\' || i + 1 >= chars.length) return [c, i + 1];
    const next = chars[i + 1]!;
    if (/[0-7]/.test(next)) {
      let j = i + 1;
      let value = 0;
      while (j < chars.length && j < i + 4 && /[0-7]/.test(chars[j]!)) value = value * 8 + Number(chars[j++]);
      return [String.fromCharCode(value), j];
    }
    return [ESCAPES[next] ?? next, i + 2];
  };
  let i = 0;
  while (i < chars.length) {
    if (chars[i] === '[' && chars[i + 1] === ':') {
      let j = i + 2;
      while (j + 1 < chars.length && !(chars[j] === ':' && chars[j + 1] === ']')) j += 1;
      if (j + 1 < chars.length) {
        const name = chars.slice(i + 2, j).join('');
        const cls = CLASSES[name];
        if (!cls) return TR.invalidClass(name);
        units.push(...cls);
        i = j + 2;
        continue;
      }
    }
    if (chars[i] === '[' && i + 2 < chars.length && chars[i + 2] === '*') {
      const close = chars.indexOf(']', i + 3);
      if (close !== -1) {
        const count = chars.slice(i + 3, close).join('');
        if (/^\d*$/.test(count)) {
          if (count === '' || Number(count) === 0) fill = { at: units.length, char: chars[i + 1]! };
          else units.push(...new Array<string>(Number(count)).fill(chars[i + 1]!));
          i = close + 1;
          continue;
        }
      }
    }
    const [first, afterFirst] = readChar(i);
    if (chars[afterFirst] === '-' && afterFirst + 1 < chars.length) {
      const [last, afterLast] = readChar(afterFirst + 1);
      const a = first.codePointAt(0)!;
      const b = last.codePointAt(0)!;
      if (b < a) return TR.reverseRange(first, last);
      units.push(...range(a, b));
      i = afterLast;
      continue;
    }
    units.push(first);
    i = afterFirst;
  }
  return fill ? { chars: units, fill } : { chars: units };
}

export const tr: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  const del = has(parsed, 'delete');
  const squeeze = has(parsed, 'squeeze');
  const operands = parsed.operands;
  if (operands.length === 0) return inv.usageError(COMMON.missingOperand);
  const translating = !del && !(squeeze && operands.length === 1);
  const maxOperands = del && squeeze ? 2 : del ? 1 : translating ? 2 : 2;
  if (translating && operands.length === 1) {
    inv.error(TR.missingOperandAfter(operands[0]!));
    inv.ctx.stderr.write(`${TR.twoStrings}\n`);
    return inv.usageError(null);
  }
  if (del && !squeeze && operands.length === 2) {
    inv.error(TR.extraOperand(operands[1]!));
    inv.ctx.stderr.write(`${TR.oneStringDelete}\n`);
    return inv.usageError(null);
  }
  if (operands.length > maxOperands) return inv.usageError(TR.extraOperand(operands[maxOperands]!));
  const set1 = expandSet(operands[0]!);
  if (typeof set1 === 'string') {
    inv.error(set1);
    return 1;
  }
  const set2 = operands[1] !== undefined ? expandSet(operands[1]) : { chars: [] as string[] };
  if (typeof set2 === 'string') {
    inv.error(set2);
    return 1;
  }
  const complement = has(parsed, 'complement');
  const inSet1 = (c: string) => set1.chars.includes(c) !== complement;
  const map = new Map<string, string>();
  if (translating && !complement) {
    let target = set2.chars;
    if (set2.fill) {
      const missing = Math.max(0, set1.chars.length - target.length);
      target = [...target.slice(0, set2.fill.at), ...new Array<string>(missing).fill(set2.fill.char), ...target.slice(set2.fill.at)];
    }
    const source = has(parsed, 'truncate') ? set1.chars.slice(0, target.length) : set1.chars;
    source.forEach((c, i) => map.set(c, target[Math.min(i, target.length - 1)] ?? c));
  }
  const squeezeSet = squeeze ? (translating || del ? set2.chars : set1.chars) : [];
  const squeezeMember = (c: string) => (squeeze && !translating && !del ? inSet1(c) : squeezeSet.includes(c));
  const text = await readStream(ctx.stdin);
  let out = '';
  let previous: string | null = null;
  for (const char of text) {
    if (del && inSet1(char)) continue;
    let result = char;
    if (translating) {
      if (complement) {
        if (inSet1(char)) result = set2.chars[set2.chars.length - 1] ?? char;
      } else {
        result = map.get(char) ?? char;
      }
    }
    if (squeeze && previous === result && squeezeMember(result)) continue;
    out += result;
    previous = result;
  }
  inv.out(out);
  return 0;
};
