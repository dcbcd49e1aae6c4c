/** rmdir: removes empty directories; `-p` then removes each parent named in the operand. */
import type { Program } from '../../process';
import { has, type OptionDef } from './getopt';
import { codeOf, Invocation, reasonOf } from './invocation';
import { COMMON } from './messages/common';
import { RMDIR } from './messages/fileutils';

type Key = 'parents' | 'verbose' | 'ignoreNonEmpty';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'ignoreNonEmpty', long: 'ignore-fail-on-non-empty' },
  { key: 'parents', short: 'p', long: 'parents' },
  { key: 'verbose', short: 'v', long: 'verbose' },
];

export const rmdir: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  if (parsed.operands.length === 0) return inv.usageError(COMMON.missingOperand);
  const verbose = has(parsed, 'verbose');
  const ignoreNonEmpty = has(parsed, 'ignoreNonEmpty');
  let status = 0;
  const remove = (name: string): boolean => {
    if (verbose) inv.out(`${inv.name}: ${RMDIR.removing(name)}\n`);
    try {
      ctx.fs.rmdir(inv.path(name));
      return true;
    } catch (error) {
      if (ignoreNonEmpty && codeOf(error) === 'ENOTEMPTY') return false;
      inv.error(RMDIR.failed(name, reasonOf(error)));
      status = 1;
      return false;
    }
  };
  for (const operand of parsed.operands) {
    if (!remove(operand) || !has(parsed, 'parents')) continue;
    let path = operand.replace(/\/+$/, '');
    for (;;) {
      const slash = path.lastIndexOf('/');
      if (slash <= 0) break;
      path = path.slice(0, slash).replace(/\/+$/, '');
      if (path === '' || !remove(path)) break;
    }
  }
  return status;
};
