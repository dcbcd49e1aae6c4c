/**
 * less and more where there is no screen to page (output not a terminal, and in this simulation
 * also on one): less copies its files like cat; more puts a `::::::` header before each file.
 */
import type { Program } from '../../process';
import { Invocation } from './invocation';
import { PAGER } from './messages/shellutils';
import { readOperand } from './text-input';

export const less: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const operands = inv.args.filter((a) => !a.startsWith('-') || a === '-');
  for (const operand of operands.length > 0 ? operands : ['-']) {
    const input = await readOperand(inv, operand);
    if (input.ok) inv.out(input.text);
    else if (input.code === 'EISDIR') ctx.stderr.write(`${PAGER.lessDirectory(operand)}\n`);
    else ctx.stderr.write(`${PAGER.lessNoFile(operand, input.reason)}\n`);
  }
  return 0;
};

export const more: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const operands = inv.args.filter((a) => !a.startsWith('-'));
  if (operands.length === 0) {
    const input = await readOperand(inv, '-');
    if (input.ok) inv.out(input.text);
    return 0;
  }
  for (const operand of operands) {
    const input = await readOperand(inv, operand);
    if (input.ok) {
      inv.out(`${PAGER.moreHeader(operand)}\n${input.text}`);
    } else if (input.code === 'EISDIR') {
      inv.out(`${PAGER.moreDirectory(operand)}\n`);
    } else {
      inv.error(PAGER.moreCannotOpen(operand, input.reason));
    }
  }
  return 0;
};
