/** tee: copies standard input to standard output and to each file (`-a` appends). */
import type { Program } from '../../process';
import { has, type OptionDef } from './getopt';
import { Invocation, reasonOf } from './invocation';
import { fileError } from './messages/textutils';

type Key = 'append' | 'ignoreInterrupts' | 'p';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'append', short: 'a', long: 'append' },
  { key: 'ignoreInterrupts', short: 'i', long: 'ignore-interrupts' },
  { key: 'p', short: 'p' },
];

export const tee: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  let status = 0;
  const targets: { name: string; path: string }[] = [];
  for (const operand of parsed.operands) {
    if (operand === '-') {
      targets.push({ name: operand, path: '' });
      continue;
    }
    try {
      const path = inv.path(operand);
      ctx.fs.writeFile(path, '', { append: has(parsed, 'append') });
      targets.push({ name: operand, path });
    } catch (error) {
      inv.error(fileError(operand, reasonOf(error)));
      status = 1;
    }
  }
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) break;
    ctx.stdout.write(chunk);
    for (const target of targets) {
      if (target.path === '') ctx.stdout.write(chunk);
      else ctx.fs.writeFile(target.path, chunk, { append: true });
    }
  }
  return status;
};
