/**
 * sleep: waits the sum of its intervals (NUMBER with an optional s, m, h or d) on the simulated
 * clock, and ends early when interrupted (Ctrl+C), with 128 + the signal number.
 */
import { Interrupted, type Program } from '../../process';
import { parseArgs } from './getopt';
import { Invocation } from './invocation';
import { COMMON } from './messages/common';
import { SLEEP } from './messages/shellutils';

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export const sleep: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = parseArgs(inv.args, []);
  if (!parsed.ok) {
    // a negative number looks like an option to getopt, as with the real sleep
    return inv.usageError(parsed.message);
  }
  if (parsed.operands.length === 0) return inv.usageError(COMMON.missingOperand);
  let total = 0;
  let bad = false;
  for (const operand of parsed.operands) {
    const match = /^\s*(\d+\.?\d*|\.\d+|inf(?:inity)?)([smhd]?)$/i.exec(operand);
    if (!match) {
      inv.error(SLEEP.invalidInterval(operand));
      bad = true;
      continue;
    }
    const amount = /^inf/i.test(match[1]!) ? Infinity : Number(match[1]);
    total += amount * UNIT_MS[match[2]!.toLowerCase()]!;
  }
  if (bad) return inv.usageError(null);
  try {
    if (total === Infinity) {
      await new Promise<never>((_, reject) => {
        if (ctx.signal.interrupted) reject(new Interrupted(ctx.signal.signo));
        ctx.signal.onInterrupt((signo) => reject(new Interrupted(signo)));
      });
    }
    await ctx.clock.sleep(total, ctx.signal);
  } catch (error) {
    if (error instanceof Interrupted) return 128 + error.signo;
    throw error;
  }
  return 0;
};
