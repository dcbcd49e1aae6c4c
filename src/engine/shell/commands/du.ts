/**
 * du: disk usage in 1K blocks (4 KiB allocation units, as ext4), directories after their contents
 * (in directory order), `-s` totals only, `-a` files too, `-h` human sizes, `-d N` depth, `-c` a
 * grand total; hard-linked files are counted once.
 */
import type { Program } from '../../process';
import { has, lastValue, type OptionDef } from './getopt';
import { diskKilobytes, humanSize } from './human-size';
import { Invocation, reasonOf } from './invocation';
import { DU } from './messages/fileutils';

type Key = 'summarize' | 'human' | 'all' | 'total' | 'maxDepth' | 'bytes' | 'apparent' | 'kilo' | 'mega' | 'si' | 'oneFs';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'all', short: 'a', long: 'all' },
  { key: 'apparent', long: 'apparent-size' },
  { key: 'bytes', short: 'b', long: 'bytes' },
  { key: 'total', short: 'c', long: 'total' },
  { key: 'maxDepth', short: 'd', long: 'max-depth', arg: 'required' },
  { key: 'human', short: 'h', long: 'human-readable' },
  { key: 'kilo', short: 'k' },
  { key: 'mega', short: 'm' },
  { key: 'summarize', short: 's', long: 'summarize' },
  { key: 'si', long: 'si' },
  { key: 'oneFs', short: 'x', long: 'one-file-system' },
];

export const du: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  const fs = ctx.fs;
  const apparent = has(parsed, 'apparent') || has(parsed, 'bytes');
  const depthText = lastValue(parsed, 'maxDepth');
  const maxDepth = has(parsed, 'summarize') ? 0 : depthText !== undefined ? Number(depthText) : Infinity;
  const showFiles = has(parsed, 'all');
  const seen = new Set<number>();
  let status = 0;
  let out = '';
  const format = (bytes: number, name: string) => {
    let size: string;
    if (has(parsed, 'human')) size = humanSize(bytes);
    else if (has(parsed, 'bytes')) size = String(bytes);
    else if (has(parsed, 'mega')) size = String(Math.ceil(bytes / 1024 / 1024));
    else size = String(Math.ceil(bytes / 1024));
    out += `${size}\t${name}\n`;
  };
  const usage = (size: number, kind: string) => (apparent ? size : kind === 'symlink' ? 0 : diskKilobytes(size) * 1024);

  const visit = (name: string, path: string, depth: number): number => {
    let st;
    try {
      st = fs.lstat(path);
    } catch (error) {
      ctx.stdout.write(out);
      out = '';
      inv.error(DU.cannotAccess(name, reasonOf(error)));
      status = 1;
      return 0;
    }
    if (seen.has(st.ino)) return 0;
    seen.add(st.ino);
    let total = usage(st.size, st.kind);
    if (st.kind === 'dir') {
      let names: string[] = [];
      try {
        names = fs.readdir(path).map((e) => e.name);
      } catch (error) {
        ctx.stdout.write(out);
        out = '';
        inv.error(DU.cannotRead(name, reasonOf(error)));
        status = 1;
      }
      for (const child of names) {
        total += visit(name.endsWith('/') ? `${name}${child}` : `${name}/${child}`, `${path}/${child}`, depth + 1);
      }
      if (depth <= maxDepth) format(total, name);
    } else if ((showFiles && depth <= maxDepth) || depth === 0) {
      format(total, name);
    }
    return total;
  };

  let grand = 0;
  for (const operand of parsed.operands.length > 0 ? parsed.operands : ['.']) {
    let path: string;
    try {
      path = inv.path(operand);
    } catch (error) {
      inv.error(DU.cannotAccess(operand, reasonOf(error)));
      status = 1;
      continue;
    }
    grand += visit(operand, path, 0);
  }
  if (has(parsed, 'total')) format(grand, 'total');
  ctx.stdout.write(out);
  return status;
};
