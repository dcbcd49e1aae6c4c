/**
 * cp: files, and with `-r`/`-R`/`-a` directory trees. `cp -r src dest` copies src's contents as
 * dest when dest does not exist, and into dest/src when it does. Within a directory, entries are
 * copied in inode order (what GNU cp's savedir does), so `-v` lists them in creation order.
 */
import { STRERROR, type Stat } from '../../fs/types';
import type { Program } from '../../process';
import { concatPath, planTransfers } from './copy-targets';
import { copyFileContent } from './fs-capabilities';
import { has, lastOf, type OptionDef } from './getopt';
import { codeOf, Invocation, reasonOf } from './invocation';
import { CP } from './messages/fileutils';
import { Confirmer } from './confirm';

type Key = 'recursive' | 'archive' | 'verbose' | 'force' | 'noClobber' | 'preserve' | 'interactive' | 'dereference' | 'noDereference';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'archive', short: 'a', long: 'archive' },
  { key: 'force', short: 'f', long: 'force' },
  { key: 'interactive', short: 'i', long: 'interactive' },
  { key: 'dereference', short: 'L', long: 'dereference' },
  { key: 'noClobber', short: 'n', long: 'no-clobber' },
  { key: 'noDereference', short: 'P', long: 'no-dereference' },
  { key: 'preserve', short: 'p' },
  { key: 'recursive', short: 'r', long: 'recursive' },
  { key: 'recursive', short: 'R' },
  { key: 'verbose', short: 'v', long: 'verbose' },
];

export const cp: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  const transfers = planTransfers(inv, parsed.operands);
  if (!transfers) return 1;
  const fs = ctx.fs;
  const archive = has(parsed, 'archive');
  const recursive = archive || has(parsed, 'recursive');
  const preserve = archive || has(parsed, 'preserve');
  const verbose = has(parsed, 'verbose');
  const noClobber = has(parsed, 'noClobber');
  const interactive = lastOf(parsed.options, ['interactive', 'force', 'noClobber']) === 'interactive';
  const confirmer = new Confirmer(ctx);
  const dereference = has(parsed, 'dereference') || (!recursive && !has(parsed, 'noDereference'));
  let status = 0;
  const fail = (message: string) => {
    inv.error(message);
    status = 1;
  };

  const tryStat = (path: string, follow: boolean): Stat | null => {
    try {
      return follow ? fs.stat(path) : fs.lstat(path);
    } catch {
      return null;
    }
  };

  const copy = async (source: string, sourcePath: string, dest: string, destPath: string, top: boolean): Promise<void> => {
    let st: Stat;
    try {
      st = top && dereference ? fs.stat(sourcePath) : fs.lstat(sourcePath);
      if (!top && dereference && st.kind === 'symlink') st = fs.stat(sourcePath);
    } catch (error) {
      fail(CP.cannotStat(source, reasonOf(error)));
      return;
    }
    const existing = tryStat(destPath, false);
    if (existing && existing.ino === st.ino && existing.kind === st.kind) {
      fail(CP.sameFile(source, dest));
      return;
    }
    if (st.kind === 'dir') {
      if (!recursive) {
        fail(CP.omittingDirectory(source));
        return;
      }
      if (existing && existing.kind !== 'dir' && !(existing.kind === 'symlink' && tryStat(destPath, true)?.kind === 'dir')) {
        fail(CP.cannotOverwriteNonDirectory(dest, source));
        return;
      }
      if (top && isInside(fs, sourcePath, destPath)) {
        fail(CP.intoItself(source, dest));
        return;
      }
      if (!existing) {
        try {
          fs.mkdir(destPath, { mode: st.mode & 0o7777 });
        } catch (error) {
          fail(CP.cannotCreateDirectory(dest, reasonOf(error)));
          return;
        }
      }
      if (verbose) inv.out(`${CP.copied(source, dest)}\n`);
      let children: { name: string; ino: number }[];
      try {
        children = fs.readdir(sourcePath).map((e) => ({ name: e.name, ino: fs.lstat(`${sourcePath}/${e.name}`).ino }));
      } catch (error) {
        fail(CP.cannotAccess(source, reasonOf(error)));
        return;
      }
      children.sort((a, b) => a.ino - b.ino);
      for (const child of children) {
        await copy(concatPath(source, child.name), `${sourcePath}/${child.name}`, concatPath(dest, child.name), `${destPath}/${child.name}`, false);
      }
      if (preserve) {
        try {
          fs.chmod(destPath, st.mode);
          fs.utimes(destPath, st.mtime);
        } catch {
          // as cp: preserving is best effort for directories we made
        }
      }
      return;
    }
    if (existing && existing.kind === 'dir') {
      fail(CP.cannotOverwriteDirectory(dest, source));
      return;
    }
    if (existing && noClobber) return;
    if (existing && interactive && !(await confirmer.ask(inv.name, CP.askOverwrite(dest)))) return;
    try {
      if (st.kind === 'symlink') {
        if (existing) fs.unlink(destPath);
        fs.symlink(fs.readlink(sourcePath), destPath);
      } else {
        if (!fs.access(sourcePath, 4)) {
          fail(CP.cannotOpen(source, STRERROR.EACCES));
          return;
        }
        copyFileContent(fs, sourcePath, destPath, st.mode & 0o777);
        if (preserve) {
          fs.chmod(destPath, st.mode);
          fs.utimes(destPath, st.mtime);
        }
      }
      if (verbose) inv.out(`${CP.copied(source, dest)}\n`);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'EACCES' && !fs.access(sourcePath, 4)) fail(CP.cannotOpen(source, reasonOf(error)));
      else fail(CP.cannotCreateRegular(dest, reasonOf(error)));
    }
  };

  for (const { source, dest } of transfers) {
    let sourcePath: string;
    let destPath: string;
    try {
      sourcePath = inv.path(source);
      destPath = inv.path(dest);
    } catch (error) {
      fail(CP.cannotStat(source, reasonOf(error)));
      continue;
    }
    await copy(source, sourcePath, dest, destPath, true);
  }
  return status;
};

/** Whether `dest` (which may not exist yet) lies inside the directory `source`. */
export function isInside(fs: Invocation['ctx']['fs'], source: string, dest: string): boolean {
  let sourceReal: string;
  try {
    sourceReal = fs.realpath(source);
  } catch {
    return false;
  }
  const trimmed = dest.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  let parentReal: string;
  try {
    parentReal = fs.realpath(slash <= 0 ? '/' : trimmed.slice(0, slash));
  } catch {
    return false;
  }
  const destReal = `${parentReal === '/' ? '' : parentReal}/${trimmed.slice(slash + 1)}`;
  return destReal === sourceReal || destReal.startsWith(`${sourceReal}/`);
}
