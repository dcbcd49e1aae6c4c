/** ln: hard links, or with `-s` symbolic links; `-f` replaces an existing destination. */
import type { Program } from '../../process';
import { concatPath, lastComponent, planTransfers, type Transfer } from './copy-targets';
import { hardLink } from './fs-capabilities';
import { has, type OptionDef } from './getopt';
import { codeOf, Invocation, reasonOf } from './invocation';
import { COMMON } from './messages/common';
import { LN } from './messages/fileutils';

type Key = 'symbolic' | 'force' | 'verbose' | 'noDereference' | 'relative';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'force', short: 'f', long: 'force' },
  { key: 'noDereference', short: 'n', long: 'no-dereference' },
  { key: 'relative', short: 'r', long: 'relative' },
  { key: 'symbolic', short: 's', long: 'symbolic' },
  { key: 'verbose', short: 'v', long: 'verbose' },
];

export const ln: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  const operands = parsed.operands;
  if (operands.length === 0) return inv.usageError(COMMON.missingFileOperand);
  let transfers: Transfer[] | null;
  if (operands.length === 1) transfers = [{ source: operands[0]!, dest: concatPath('.', lastComponent(operands[0]!)) }];
  else transfers = planTransfers(inv, operands);
  if (!transfers) return 1;
  const fs = ctx.fs;
  const symbolic = has(parsed, 'symbolic');
  let status = 0;
  for (const { source, dest } of transfers) {
    if (!symbolic) {
      try {
        const st = fs.stat(inv.path(source));
        if (st.kind === 'dir') {
          inv.error(LN.hardLinkDirectory(source));
          status = 1;
          continue;
        }
      } catch (error) {
        inv.error(LN.failedAccess(source, reasonOf(error)));
        status = 1;
        continue;
      }
    }
    let destPath: string;
    try {
      destPath = inv.path(dest);
    } catch (error) {
      inv.error(symbolic ? LN.failedSymlink(dest, reasonOf(error)) : LN.failedHardLink(dest, reasonOf(error)));
      status = 1;
      continue;
    }
    if (has(parsed, 'force')) {
      try {
        if (fs.lstat(destPath).kind !== 'dir') fs.unlink(destPath);
      } catch (error) {
        if (codeOf(error) !== 'ENOENT') {
          inv.error(LN.failedSymlink(dest, reasonOf(error)));
          status = 1;
          continue;
        }
      }
    }
    try {
      if (symbolic) fs.symlink(source, destPath);
      else hardLink(fs, inv.path(source), destPath);
      if (has(parsed, 'verbose')) inv.out(`${symbolic ? LN.created(dest, source) : LN.createdHard(dest, source)}\n`);
    } catch (error) {
      inv.error(symbolic ? LN.failedSymlink(dest, reasonOf(error)) : LN.failedHardLink(dest, reasonOf(error)));
      status = 1;
    }
  }
  return status;
};
