/** mv: renames, or moves operands into a target directory. */
import type { Stat } from '../../fs/types';
import type { Program } from '../../process';
import { planTransfers } from './copy-targets';
import { isInside } from './cp';
import { has, lastOf, type OptionDef } from './getopt';
import { Invocation, reasonOf } from './invocation';
import { MV } from './messages/fileutils';
import { Confirmer } from './confirm';

type Key = 'force' | 'interactive' | 'noClobber' | 'verbose';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'force', short: 'f', long: 'force' },
  { key: 'interactive', short: 'i', long: 'interactive' },
  { key: 'noClobber', short: 'n', long: 'no-clobber' },
  { key: 'verbose', short: 'v', long: 'verbose' },
];

export const mv: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  const transfers = planTransfers(inv, parsed.operands);
  if (!transfers) return 1;
  const fs = ctx.fs;
  const interactive = lastOf(parsed.options, ['interactive', 'force', 'noClobber']) === 'interactive';
  const confirmer = new Confirmer(ctx);
  let status = 0;
  const fail = (message: string) => {
    inv.error(message);
    status = 1;
  };
  for (const { source, dest } of transfers) {
    let st: Stat;
    let sourcePath: string;
    try {
      sourcePath = inv.path(source);
      st = fs.lstat(sourcePath);
    } catch (error) {
      fail(MV.cannotStat(source, reasonOf(error)));
      continue;
    }
    const destPath = inv.path(dest);
    let existing: Stat | null;
    try {
      existing = fs.lstat(destPath);
    } catch {
      existing = null;
    }
    if (existing && existing.ino === st.ino) {
      fail(MV.sameFile(source, dest));
      continue;
    }
    if (existing && lastOf(parsed.options, ['interactive', 'force', 'noClobber']) === 'noClobber') continue;
    if (existing && interactive && !(await confirmer.ask(inv.name, MV.askOverwrite(dest)))) continue;
    if (st.kind === 'dir' && existing && existing.kind !== 'dir') {
      fail(MV.cannotOverwriteNonDirectory(dest, source));
      continue;
    }
    if (st.kind !== 'dir' && existing && existing.kind === 'dir') {
      fail(MV.cannotOverwriteDirectory(dest, source));
      continue;
    }
    if (st.kind === 'dir' && isInside(fs, sourcePath, destPath)) {
      fail(MV.intoSubdirectory(source, dest));
      continue;
    }
    try {
      fs.rename(sourcePath, destPath);
      if (has(parsed, 'verbose')) inv.out(`${MV.renamed(source, dest)}\n`);
    } catch (error) {
      fail(MV.cannotMove(source, dest, reasonOf(error)));
    }
  }
  return status;
};
