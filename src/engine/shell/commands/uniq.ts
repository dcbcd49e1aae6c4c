/**
 * uniq: collapses adjacent equal lines; `-c` counts (`%7d `), `-d` only repeated, `-u` only
 * unique, `-i` ignores case, `-f N`/`-s N` skip fields/characters. Optional output file.
 */
import type { Program } from '../../process';
import { has, lastValue, type OptionDef } from './getopt';
import { Invocation, reasonOf } from './invocation';
import { COMMON } from './messages/common';
import { fileError } from './messages/textutils';
import { readOperand, splitLines } from './text-input';

type Key = 'count' | 'repeated' | 'allRepeated' | 'unique' | 'ignoreCase' | 'skipFields' | 'skipChars' | 'checkChars';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'count', short: 'c', long: 'count' },
  { key: 'repeated', short: 'd', long: 'repeated' },
  { key: 'allRepeated', short: 'D', long: 'all-repeated', arg: 'optional' },
  { key: 'skipFields', short: 'f', long: 'skip-fields', arg: 'required' },
  { key: 'ignoreCase', short: 'i', long: 'ignore-case' },
  { key: 'skipChars', short: 's', long: 'skip-chars', arg: 'required' },
  { key: 'unique', short: 'u', long: 'unique' },
  { key: 'checkChars', short: 'w', long: 'check-chars', arg: 'required' },
];

export const uniq: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  if (parsed.operands.length > 2) return inv.usageError(COMMON.extraOperand(parsed.operands[2]!));
  const input = await readOperand(inv, parsed.operands[0] ?? '-');
  if (!input.ok) {
    inv.error(fileError(parsed.operands[0]!, input.reason));
    return 1;
  }
  const skipFields = Number(lastValue(parsed, 'skipFields') ?? 0);
  const skipChars = Number(lastValue(parsed, 'skipChars') ?? 0);
  const checkChars = lastValue(parsed, 'checkChars');
  const keyOf = (line: string) => {
    let rest = line;
    for (let i = 0; i < skipFields; i += 1) rest = rest.replace(/^[ \t]*[^ \t]*/, '');
    rest = rest.slice(skipChars);
    if (checkChars !== undefined) rest = rest.slice(0, Number(checkChars));
    return has(parsed, 'ignoreCase') ? rest.toLowerCase() : rest;
  };
  const groups: { line: string; count: number; all: string[] }[] = [];
  for (const line of splitLines(input.text)) {
    const last = groups[groups.length - 1];
    if (last && keyOf(last.line) === keyOf(line)) {
      last.count += 1;
      last.all.push(line);
    } else {
      groups.push({ line, count: 1, all: [line] });
    }
  }
  const onlyRepeated = has(parsed, 'repeated') || has(parsed, 'allRepeated');
  const onlyUnique = has(parsed, 'unique');
  let out = '';
  for (const group of groups) {
    if (onlyRepeated && group.count < 2) continue;
    if (onlyUnique && group.count > 1) continue;
    const lines = has(parsed, 'allRepeated') ? group.all : [group.line];
    for (const line of lines) out += has(parsed, 'count') ? `${String(group.count).padStart(7)} ${line}\n` : `${line}\n`;
  }
  const outFile = parsed.operands[1];
  if (outFile !== undefined) {
    try {
      ctx.fs.writeFile(inv.path(outFile), out);
    } catch (error) {
      inv.error(fileError(outFile, reasonOf(error)));
      return 1;
    }
    return 0;
  }
  inv.out(out);
  return 0;
};
