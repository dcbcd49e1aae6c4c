/**
 * stat: the default report (File, Size/Blocks/IO Block/type, Device/Inode/Links, Access mode and
 * owners, times) or `-c FORMAT` with the common sequences (%n %N %s %b %a %A %F %u %U %g %G %h %i
 * %y %Y %x %X %z %Z %w %W). `-L` follows symlinks. Times are shown with nanoseconds, in UTC.
 */
import type { Stat } from '../../fs/types';
import type { Program } from '../../process';
import { Accounts } from './accounts';
import { modeString } from './file-mode';
import { has, lastValue, type OptionDef } from './getopt';
import { Invocation, reasonOf } from './invocation';
import { COMMON } from './messages/common';
import { STAT } from './messages/fileutils';
import { quoteShellAlways } from './quoting';
import { strftime } from './time-format';

type Key = 'dereference' | 'format' | 'printf' | 'terse' | 'fileSystem';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'format', short: 'c', long: 'format', arg: 'required' },
  { key: 'fileSystem', short: 'f', long: 'file-system' },
  { key: 'dereference', short: 'L', long: 'dereference' },
  { key: 'printf', long: 'printf', arg: 'required' },
  { key: 'terse', short: 't', long: 'terse' },
];

const DEVICE = '259,2';

function fileType(st: Stat): string {
  if (st.kind === 'dir') return 'directory';
  if (st.kind === 'symlink') return 'symbolic link';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

function timestamp(ms: number): string {
  return `${strftime('%Y-%m-%d %H:%M:%S', ms)}.${String((ms % 1000) * 1_000_000).padStart(9, '0')} +0000`;
}

function blocks(st: Stat): number {
  return st.kind === 'symlink' ? 0 : Math.ceil(st.size / 4096) * 8;
}

export const stat: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  if (parsed.operands.length === 0) return inv.usageError(COMMON.missingOperand);
  const accounts = new Accounts(ctx.fs);
  const format = lastValue(parsed, 'format');
  const printfFormat = lastValue(parsed, 'printf');
  let status = 0;
  let out = '';
  for (const operand of parsed.operands) {
    let st: Stat;
    let target: string | null = null;
    try {
      const path = inv.path(operand);
      st = has(parsed, 'dereference') ? ctx.fs.stat(path) : ctx.fs.lstat(path);
      if (st.kind === 'symlink') target = ctx.fs.readlink(path);
    } catch (error) {
      ctx.stdout.write(out);
      out = '';
      inv.error(STAT.cannotStatx(operand, reasonOf(error)));
      status = 1;
      continue;
    }
    const mode = (st.mode & 0o7777).toString(8);
    const fields: Record<string, string> = {
      n: operand,
      N: target !== null ? `${quoteShellAlways(operand)} -> ${quoteShellAlways(target)}` : quoteShellAlways(operand),
      s: String(st.size),
      b: String(blocks(st)),
      B: '512',
      o: '4096',
      a: mode,
      A: modeString(st.kind, st.mode),
      f: ((st.kind === 'dir' ? 0o40000 : st.kind === 'symlink' ? 0o120000 : 0o100000) | st.mode).toString(16),
      F: fileType(st),
      u: String(st.uid),
      U: accounts.userName(st.uid),
      g: String(st.gid),
      G: accounts.groupName(st.gid),
      h: String(st.nlink),
      i: String(st.ino),
      d: '66306',
      D: '10302',
      t: '0',
      T: '0',
      x: timestamp(st.mtime),
      y: timestamp(st.mtime),
      z: timestamp(st.mtime),
      w: timestamp(st.mtime),
      X: String(Math.floor(st.mtime / 1000)),
      Y: String(Math.floor(st.mtime / 1000)),
      Z: String(Math.floor(st.mtime / 1000)),
      W: String(Math.floor(st.mtime / 1000)),
      '%': '%',
    };
    const custom = printfFormat ?? (format !== undefined ? `${format}\n` : undefined);
    if (custom !== undefined) {
      let text = custom.replace(/%([%a-zA-Z])/g, (_whole, letter: string) => fields[letter] ?? "?");
      if (printfFormat !== undefined) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
      out += text;
      continue;
    }
    const name = target !== null ? `${operand} -> ${target}` : operand;
    out +=
      `  File: ${name}\n` +
      `  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(blocks(st)).padEnd(10)} IO Block: 4096   ${fileType(st)}\n` +
      `Device: ${DEVICE}\tInode: ${String(st.ino).padEnd(11)} Links: ${st.nlink}\n` +
      `Access: (${mode.padStart(4, '0')}/${modeString(st.kind, st.mode)})  Uid: (${String(st.uid).padStart(5)}/${accounts.userName(st.uid).padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${accounts.groupName(st.gid).padStart(8)})\n` +
      `Access: ${timestamp(st.mtime)}\n` +
      `Modify: ${timestamp(st.mtime)}\n` +
      `Change: ${timestamp(st.mtime)}\n` +
      ` Birth: ${timestamp(st.mtime)}\n`;
  }
  ctx.stdout.write(out);
  return status;
};
