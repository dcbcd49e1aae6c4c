/**
 * cmp (GNU diffutils 3.8): compares two files byte by byte; says where they first differ (`a b
 * differ: byte 6, line 2`) or which one ended first. `-s` only sets the status, `-l` lists every
 * differing byte. Exit status 0 same, 1 different, 2 trouble.
 */
import type { Program } from '../../process';
import { encodeText } from '../../fs/state';
import { has, parseArgs, type OptionDef } from './getopt';
import { Invocation, reasonOf } from './invocation';
import { DIFF } from './messages/diff';
import { readStream } from './text-input';

type Key = 'silent' | 'verbose' | 'printBytes';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'printBytes', short: 'b', long: 'print-bytes' },
  { key: 'verbose', short: 'l', long: 'verbose' },
  { key: 'silent', short: 's', long: ['quiet', 'silent'] },
];

export const cmp: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = parseArgs(inv.args, OPTIONS);
  const usage = (message: string) => {
    inv.error(message);
    ctx.stderr.write(`${DIFF.tryHelp(inv.name)}\n`);
    return 2;
  };
  if (!parsed.ok) return usage(parsed.message);
  const operands = parsed.operands;
  if (operands.length === 0) return usage(DIFF.missingOperand(inv.name));
  if (operands.length > 4) return usage(DIFF.extraOperand(operands[4]!));
  const names = [operands[0]!, operands[1] ?? '-'];
  const contents: Uint8Array[] = [];
  for (const name of names) {
    try {
      contents.push(name === '-' ? encodeText(await readStream(ctx.stdin)) : ctx.fs.readFile(inv.path(name)));
    } catch (error) {
      inv.error(DIFF.fileError(name, reasonOf(error)));
      return 2;
    }
  }
  const [a, b] = contents as [Uint8Array, Uint8Array];
  const silent = has(parsed, 'silent');
  const common = Math.min(a.length, b.length);
  let line = 1;
  let differs = false;
  for (let i = 0; i < common; i += 1) {
    if (a[i] !== b[i]) {
      differs = true;
      if (silent) return 1;
      if (!has(parsed, 'verbose')) {
        inv.out(`${DIFF.cmpDiffer(names[0]!, names[1]!, i + 1, line)}\n`);
        return 1;
      }
      inv.out(`${i + 1} ${a[i]!.toString(8)} ${b[i]!.toString(8)}\n`);
    }
    if (a[i] === 10) line += 1;
  }
  if (a.length !== b.length) {
    if (!silent) {
      const shorter = a.length < b.length ? 0 : 1;
      inv.error(common === 0 ? DIFF.cmpEmpty(names[shorter]!) : DIFF.cmpEof(names[shorter]!, common, line - (contents[shorter]![common - 1] === 10 ? 1 : 0)));
    }
    return 1;
  }
  return differs ? 1 : 0;
};
