/** basename and dirname: the last component of a path (optionally without a suffix), and the rest. */
import type { Program } from '../../process';
import { basename as baseOf, dirname as dirOf } from '../../fs/path';
import { has, lastValue, type OptionDef } from './getopt';
import { Invocation } from './invocation';
import { COMMON } from './messages/common';

type BaseKey = 'multiple' | 'suffix' | 'zero';
const BASENAME_OPTIONS: OptionDef<BaseKey>[] = [
  { key: 'multiple', short: 'a', long: 'multiple' },
  { key: 'suffix', short: 's', long: 'suffix', arg: 'required' },
  { key: 'zero', short: 'z', long: 'zero' },
];

export const basename: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(BASENAME_OPTIONS);
  if (!parsed) return 1;
  const operands = parsed.operands;
  if (operands.length === 0) return inv.usageError(COMMON.missingOperand);
  const suffixOption = lastValue(parsed, 'suffix');
  const multiple = has(parsed, 'multiple') || suffixOption !== undefined;
  if (!multiple && operands.length > 2) return inv.usageError(COMMON.extraOperand(operands[2]!));
  const end = has(parsed, 'zero') ? '\0' : '\n';
  const names = multiple ? operands : [operands[0]!];
  const suffix = multiple ? suffixOption : operands[1];
  inv.out(names.map((name) => `${baseOf(name, suffix)}${end}`).join(''));
  return 0;
};

type DirKey = 'zero';
const DIRNAME_OPTIONS: OptionDef<DirKey>[] = [{ key: 'zero', short: 'z', long: 'zero' }];

export const dirname: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(DIRNAME_OPTIONS);
  if (!parsed) return 1;
  if (parsed.operands.length === 0) return inv.usageError(COMMON.missingOperand);
  const end = has(parsed, 'zero') ? '\0' : '\n';
  inv.out(parsed.operands.map((name) => `${dirOf(name)}${end}`).join(''));
  return 0;
};
