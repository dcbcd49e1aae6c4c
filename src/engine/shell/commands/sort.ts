/**
 * sort in C.UTF-8 (code point order): whole lines or `-k POS1[,POS2]` keys with `-t` separators,
 * `-n` numeric, `-h` human sizes, `-f` fold case, `-b` skip blanks, `-r`, `-u`, `-s`, `-o FILE`,
 * and GNU's last-resort whole-line comparison when keys tie (unless -s or -u).
 */
import type { Program } from '../../process';
import { has, lastValue, type OptionDef } from './getopt';
import { Invocation, reasonOf } from './invocation';
import { SORT } from './messages/textutils';
import { readOperand, splitLines } from './text-input';

type Key = 'reverse' | 'numeric' | 'unique' | 'key' | 'separator' | 'fold' | 'human' | 'blanks' | 'stable' | 'output' | 'version' | 'general' | 'check' | 'zero' | 'month' | 'random' | 'dictionary' | 'ignoreNonprinting';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'blanks', short: 'b', long: 'ignore-leading-blanks' },
  { key: 'check', short: 'c', long: 'check', arg: 'optional' },
  { key: 'dictionary', short: 'd', long: 'dictionary-order' },
  { key: 'fold', short: 'f', long: 'ignore-case' },
  { key: 'general', short: 'g', long: 'general-numeric-sort' },
  { key: 'human', short: 'h', long: 'human-numeric-sort' },
  { key: 'ignoreNonprinting', short: 'i', long: 'ignore-nonprinting' },
  { key: 'key', short: 'k', long: 'key', arg: 'required' },
  { key: 'month', short: 'M', long: 'month-sort' },
  { key: 'numeric', short: 'n', long: 'numeric-sort' },
  { key: 'output', short: 'o', long: 'output', arg: 'required' },
  { key: 'random', short: 'R', long: 'random-sort' },
  { key: 'reverse', short: 'r', long: 'reverse' },
  { key: 'stable', short: 's', long: 'stable' },
  { key: 'separator', short: 't', long: 'field-separator', arg: 'required' },
  { key: 'unique', short: 'u', long: 'unique' },
  { key: 'version', short: 'V', long: 'version-sort' },
  { key: 'zero', short: 'z', long: 'zero-terminated' },
];

interface Ordering {
  numeric: boolean;
  human: boolean;
  fold: boolean;
  reverse: boolean;
  blanksStart: boolean;
  blanksEnd: boolean;
  version: boolean;
}

interface KeySpec extends Ordering {
  startField: number;
  startChar: number;
  /** 0 = end of line. */
  endField: number;
  endChar: number;
}

function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const NUMBER = /^\s*(-?)(\d*)(?:\.(\d*))?/;

function compareNumeric(a: string, b: string): number {
  const ma = NUMBER.exec(a)!;
  const mb = NUMBER.exec(b)!;
  const va = Number(`${ma[1]}${ma[2] || '0'}.${ma[3] || '0'}`);
  const vb = Number(`${mb[1]}${mb[2] || '0'}.${mb[3] || '0'}`);
  return va === vb ? 0 : va < vb ? -1 : 1;
}

const HUMAN_UNITS = 'KMGTPEZYRQ';

function compareHuman(a: string, b: string): number {
  const parse = (s: string) => {
    const m = /^\s*(-?)(\d*(?:\.\d*)?)([KMGTPEZYRQk]?)/.exec(s)!;
    const sign = m[1] === '-' ? -1 : 1;
    const value = Number(m[2] || '0');
    const unit = m[3] === '' ? 0 : HUMAN_UNITS.indexOf(m[3]!.toUpperCase()) + 1;
    return { sign: value === 0 ? 0 : sign, unit, value };
  };
  const x = parse(a);
  const y = parse(b);
  if (x.sign !== y.sign) return x.sign - y.sign;
  if (x.unit !== y.unit) return x.sign * (x.unit - y.unit);
  return x.sign * (x.value - y.value);
}

function compareVersion(a: string, b: string): number {
  const parts = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const p = x[i]!;
    const q = y[i]!;
    if (/^\d/.test(p) && /^\d/.test(q)) {
      const d = Number(p) - Number(q);
      if (d !== 0) return d;
    } else {
      const d = compareCodePoints(p, q);
      if (d !== 0) return d;
    }
  }
  return x.length - y.length;
}

/** Fields as sort sees them: with -t split at the character; else each starts at a blank run. */
function fieldStarts(line: string, separator: string | null): { start: number; end: number }[] {
  const fields: { start: number; end: number }[] = [];
  if (separator !== null) {
    let start = 0;
    for (;;) {
      const at = line.indexOf(separator, start);
      if (at === -1) {
        fields.push({ start, end: line.length });
        break;
      }
      fields.push({ start, end: at });
      start = at + separator.length;
    }
    return fields;
  }
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i += 1;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i += 1;
    fields.push({ start, end: i });
  }
  if (fields.length === 0) fields.push({ start: 0, end: 0 });
  return fields;
}

function extractKey(line: string, key: KeySpec, separator: string | null): string {
  const fields = fieldStarts(line, separator);
  const skipBlanks = (pos: number, limit: number) => {
    while (pos < limit && (line[pos] === ' ' || line[pos] === '\t')) pos += 1;
    return pos;
  };
  let start: number;
  const startField = fields[key.startField - 1];
  if (!startField) return '';
  start = startField.start;
  if (key.blanksStart) start = skipBlanks(start, startField.end);
  start = Math.min(start + key.startChar - 1, line.length);
  let end = line.length;
  if (key.endField !== 0) {
    const endField = fields[key.endField - 1];
    if (endField) {
      if (key.endChar === 0) end = endField.end;
      else {
        let base = endField.start;
        if (key.blanksEnd) base = skipBlanks(base, endField.end);
        end = Math.min(base + key.endChar, line.length);
      }
    }
  }
  return end > start ? line.slice(start, end) : '';
}

function compareBy(a: string, b: string, order: Ordering): number {
  let result: number;
  if (order.numeric) result = compareNumeric(a, b);
  else if (order.human) result = compareHuman(a, b);
  else if (order.version) result = compareVersion(a, b);
  else if (order.fold) result = compareCodePoints(a.toUpperCase(), b.toUpperCase());
  else result = compareCodePoints(a, b);
  return order.reverse ? -result : result;
}

function parseKey(spec: string, global: Ordering): KeySpec | string {
  const match = /^(\d*)(?:\.(\d*))?([bdfghiMnRrV]*)(?:,(\d*)(?:\.(\d*))?([bdfghiMnRrV]*))?$/.exec(spec);
  if (!match || match[1] === '') return SORT.invalidFieldStart(spec);
  const startField = Number(match[1]);
  if (startField === 0) return SORT.fieldZero(spec);
  const flags = (match[3] ?? '') + (match[6] ?? '');
  const own = flags.replace(/b/g, '') !== '';
  const base: Ordering = own
    ? { numeric: false, human: false, fold: false, reverse: false, blanksStart: false, blanksEnd: false, version: false }
    : { ...global };
  if (flags.includes('n')) base.numeric = true;
  if (flags.includes('h')) base.human = true;
  if (flags.includes('f')) base.fold = true;
  if (flags.includes('r')) base.reverse = true;
  if (flags.includes('V')) base.version = true;
  if ((match[3] ?? '').includes('b')) base.blanksStart = true;
  if ((match[6] ?? '').includes('b')) base.blanksEnd = true;
  if (match[4] !== undefined && match[4] === '') return SORT.invalidFieldEnd(spec);
  const endField = match[4] === undefined ? 0 : Number(match[4]);
  if (match[4] !== undefined && endField === 0) return SORT.fieldZero(spec);
  return {
    ...base,
    startField,
    startChar: match[2] === undefined || match[2] === '' ? 1 : Number(match[2]),
    endField,
    endChar: match[5] === undefined || match[5] === '' ? 0 : Number(match[5]),
  };
}

export const sort: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 2;
  const global: Ordering = {
    numeric: has(parsed, 'numeric') || has(parsed, 'general'),
    human: has(parsed, 'human'),
    fold: has(parsed, 'fold'),
    reverse: has(parsed, 'reverse'),
    blanksStart: has(parsed, 'blanks'),
    blanksEnd: has(parsed, 'blanks'),
    version: has(parsed, 'version'),
  };
  const separator = lastValue(parsed, 'separator') ?? null;
  if (separator !== null && [...separator].length > 1 && separator !== '\\0') {
    inv.error(SORT.multiCharTab(separator));
    return 2;
  }
  const keys: KeySpec[] = [];
  for (const option of parsed.options) {
    if (option.key !== 'key') continue;
    const key = parseKey(option.value ?? '', global);
    if (typeof key === 'string') {
      inv.error(key);
      return 2;
    }
    keys.push(key);
  }
  const operands = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const lines: string[] = [];
  const lineSeparator = has(parsed, 'zero') ? '\0' : '\n';
  for (const operand of operands) {
    const input = await readOperand(inv, operand);
    if (!input.ok) {
      inv.error(input.code === 'EISDIR' ? SORT.readFailed(operand, input.reason) : SORT.cannotRead(operand, input.reason));
      return 2;
    }
    if (lineSeparator === '\n') lines.push(...splitLines(input.text));
    else lines.push(...input.text.split('\0').filter((l, i, all) => i < all.length - 1 || l !== ''));
  }
  const unique = has(parsed, 'unique');
  const stable = has(parsed, 'stable') || unique;
  const compareKeys = (a: string, b: string): number => {
    if (keys.length === 0) return compareBy(a, b, global);
    for (const key of keys) {
      const result = compareBy(extractKey(a, key, separator), extractKey(b, key, separator), key);
      if (result !== 0) return result;
    }
    return 0;
  };
  const comparator = (a: string, b: string): number => {
    const result = compareKeys(a, b);
    if (result !== 0 || stable) return result;
    const whole = compareCodePoints(a, b);
    return global.reverse ? -whole : whole;
  };
  const sorted = [...lines].sort(comparator);
  const output = unique ? sorted.filter((line, i) => i === 0 || compareKeys(sorted[i - 1]!, line) !== 0) : sorted;
  const text = output.map((line) => line + lineSeparator).join('');
  const outFile = lastValue(parsed, 'output');
  if (outFile !== undefined) {
    try {
      ctx.fs.writeFile(inv.path(outFile), text);
    } catch (error) {
      inv.error(SORT.openFailed(outFile, reasonOf(error)));
      return 2;
    }
    return 0;
  }
  inv.out(text);
  return 0;
};
