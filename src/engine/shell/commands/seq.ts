/** seq: numbers from FIRST (1) by INCREMENT (1) to LAST, `-s` separator, `-w` equal width, `-f` printf format. */
import type { Program } from '../../process';
import { has, lastValue, parseArgs, type OptionDef } from './getopt';
import { Invocation } from './invocation';
import { COMMON } from './messages/common';
import { SEQ } from './messages/shellutils';
import { formatPrintf } from './printf';

type Key = 'separator' | 'equalWidth' | 'format';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'format', short: 'f', long: 'format', arg: 'required' },
  { key: 'separator', short: 's', long: 'separator', arg: 'required' },
  { key: 'equalWidth', short: 'w', long: 'equal-width' },
];

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Digits after the point as written (`1.50` → 2), which sets the output's precision. */
function decimals(text: string): number {
  if (/[eE]/.test(text)) return 0;
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

export const seq: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  // negative numbers are operands, not options: hide them from getopt behind a marker
  const MARK = '\u0000';
  const args = parseArgs(inv.args.map((a) => (/^-[\d.]/.test(a) ? `${MARK}${a}` : a)), OPTIONS);
  if (!args.ok) return inv.usageError(args.message);
  const operands = args.operands.map((o) => (o.startsWith(MARK) ? o.slice(1) : o));
  if (operands.length === 0) return inv.usageError(COMMON.missingOperand);
  if (operands.length > 3) return inv.usageError(COMMON.extraOperand(operands[3]!));
  for (const operand of operands) {
    if (!NUMBER.test(operand)) return inv.usageError(SEQ.invalidFloat(operand));
  }
  const [firstText, stepText, lastText] = operands.length === 1 ? ['1', '1', operands[0]!] : operands.length === 2 ? [operands[0]!, '1', operands[1]!] : (operands as [string, string, string]);
  const first = Number(firstText);
  const step = Number(stepText);
  const last = Number(lastText);
  if (step === 0) {
    inv.error(SEQ.zeroIncrement(stepText));
    return inv.usageError(null);
  }
  const precision = Math.max(decimals(firstText), decimals(stepText));
  const format = lastValue(args, 'format');
  const separator = lastValue(args, 'separator') ?? '\n';
  const values: string[] = [];
  for (let i = 0; ; i += 1) {
    const value = first + i * step;
    if (step > 0 ? value > last + 1e-12 : value < last - 1e-12) break;
    values.push(format !== undefined ? formatPrintf(format, [String(value)]).output : value.toFixed(precision));
    if (values.length > 1_000_000) break;
  }
  if (has(args, 'equalWidth') && format === undefined) {
    const width = Math.max(...values.map((v) => v.replace('-', '').length));
    for (let i = 0; i < values.length; i += 1) {
      const v = values[i]!;
      values[i] = v.startsWith('-') ? `-${v.slice(1).padStart(width, '0')}` : v.padStart(width, '0');
    }
  }
  if (values.length > 0) inv.out(`${values.join(separator)}\n`);
  return 0;
};
