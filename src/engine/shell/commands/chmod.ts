/**
 * chmod: octal or symbolic modes on each operand, `-R` through directories (symlinks inside are
 * skipped, as GNU does), `-v`/`-c` reporting. Mode words that start with `-` (`chmod -w f`) are
 * modes, not options.
 */
import type { Program } from '../../process';
import { modeString, parseMode } from './file-mode';
import { umaskOf } from './fs-capabilities';
import { has, parseArgs, type OptionDef } from './getopt';
import { Invocation, reasonOf } from './invocation';
import { COMMON } from './messages/common';
import { CHMOD } from './messages/fileutils';

type Key = 'recursive' | 'verbose' | 'changes' | 'silent';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'changes', short: 'c', long: 'changes' },
  { key: 'silent', short: 'f', long: ['silent', 'quiet'] },
  { key: 'recursive', short: 'R', long: 'recursive' },
  { key: 'verbose', short: 'v', long: 'verbose' },
];

const MODE_WORD = /^-[rwxXstugoa=+,-]+$/;

function describe(mode: number): string {
  return `${(mode & 0o7777).toString(8).padStart(4, '0')} (${modeString('file', mode).slice(1)})`;
}

export const chmod: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  let modeFromDash: string | null = null;
  const args = inv.args.filter((arg) => {
    if (modeFromDash === null && MODE_WORD.test(arg) && !/^-[Rvcf]+$/.test(arg)) {
      modeFromDash = arg;
      return false;
    }
    return true;
  });
  const parsed = parseArgs(args, OPTIONS);
  if (!parsed.ok) return inv.usageError(parsed.message);
  const operands = [...parsed.operands];
  const modeText = modeFromDash ?? operands.shift();
  if (modeText === undefined) return inv.usageError(COMMON.missingOperand);
  if (operands.length === 0) return inv.usageError(CHMOD.missingOperandAfter(modeText));
  const change = parseMode(modeText);
  if (!change) return inv.usageError(CHMOD.invalidMode(modeText));
  const fs = ctx.fs;
  const umask = umaskOf(fs);
  const verbose = has(parsed, 'verbose');
  const changes = has(parsed, 'changes');
  const silent = has(parsed, 'silent');
  let status = 0;

  const apply = (name: string, path: string, top: boolean): void => {
    let st;
    try {
      st = top ? fs.stat(path) : fs.lstat(path);
    } catch (error) {
      if (!silent) inv.error(CHMOD.cannotAccess(name, reasonOf(error)));
      status = 1;
      return;
    }
    if (st.kind === 'symlink') return;
    const next = change.apply(st.mode, st.kind === 'dir', umask);
    try {
      if (next !== st.mode) fs.chmod(path, next);
      if (verbose || (changes && next !== st.mode)) {
        inv.out(`${next === st.mode ? CHMOD.retained(name, describe(st.mode)) : CHMOD.changed(name, describe(st.mode), describe(next))}\n`);
      }
    } catch (error) {
      if (!silent) inv.error(CHMOD.changing(name, reasonOf(error)));
      status = 1;
      return;
    }
    if (has(parsed, 'recursive') && st.kind === 'dir') {
      let names: string[] = [];
      try {
        names = fs.readdir(path).map((e) => e.name);
      } catch (error) {
        if (!silent) inv.error(CHMOD.cannotAccess(name, reasonOf(error)));
        status = 1;
      }
      for (const child of names) apply(name.endsWith('/') ? `${name}${child}` : `${name}/${child}`, `${path}/${child}`, false);
    }
  };

  for (const operand of operands) {
    let path: string;
    try {
      path = inv.path(operand);
    } catch (error) {
      inv.error(CHMOD.cannotAccess(operand, reasonOf(error)));
      status = 1;
      continue;
    }
    apply(operand, path, true);
  }
  return status;
};
