/**
 * df: a plausible table for a Debian laptop — the root filesystem's use grows with what the
 * simulation stores — in 1K blocks, or `-h` sizes, `-T` types; operands pick the filesystem
 * holding each path. Column widths as GNU df computes them.
 */
import type { FileSystem } from '../../fs/types';
import type { Program } from '../../process';
import { has, type OptionDef } from './getopt';
import { humanSize } from './human-size';
import { Invocation, reasonOf } from './invocation';
import { DF } from './messages/fileutils';

type Key = 'human' | 'si' | 'type' | 'all' | 'kilo' | 'inodes' | 'local' | 'total' | 'printType';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'all', short: 'a', long: 'all' },
  { key: 'si', short: 'H', long: 'si' },
  { key: 'human', short: 'h', long: 'human-readable' },
  { key: 'inodes', short: 'i', long: 'inodes' },
  { key: 'kilo', short: 'k' },
  { key: 'local', short: 'l', long: 'local' },
  { key: 'printType', short: 'T', long: 'print-type' },
  { key: 'total', long: 'total' },
];

interface Mount {
  source: string;
  type: string;
  /** 1K blocks. */
  size: number;
  used: number;
  target: string;
}

const ROOT_SIZE = 490_691_512;
const ROOT_BASE_USED = 18_874_368;

function storedKilobytes(fs: FileSystem, path: string, depth: number): number {
  if (depth > 64) return 0;
  let total = 0;
  try {
    for (const entry of fs.readdir(path)) {
      const child = path === '/' ? `/${entry.name}` : `${path}/${entry.name}`;
      if (child === '/proc' || child === '/sys' || child === '/dev') continue;
      try {
        const st = fs.lstat(child);
        if (st.kind === 'dir') total += 4 + storedKilobytes(fs, child, depth + 1);
        else if (st.kind === 'file') total += Math.ceil(st.size / 4096) * 4;
      } catch {
        // unreadable: not counted
      }
    }
  } catch {
    // unreadable directory
  }
  return total;
}

function mounts(fs: FileSystem): Mount[] {
  return [
    { source: 'udev', type: 'devtmpfs', size: 8_123_456, used: 0, target: '/dev' },
    { source: 'tmpfs', type: 'tmpfs', size: 1_628_900, used: 1_804, target: '/run' },
    { source: '/dev/nvme0n1p2', type: 'ext4', size: ROOT_SIZE, used: ROOT_BASE_USED + storedKilobytes(fs, '/', 0), target: '/' },
    { source: 'tmpfs', type: 'tmpfs', size: 8_144_496, used: 0, target: '/dev/shm' },
    { source: 'tmpfs', type: 'tmpfs', size: 5_120, used: 4, target: '/run/lock' },
    { source: '/dev/nvme0n1p1', type: 'vfat', size: 523_248, used: 5_972, target: '/boot/efi' },
    { source: 'tmpfs', type: 'tmpfs', size: 1_628_896, used: 120, target: '/run/user/1000' },
  ];
}

export const df: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  const human = has(parsed, 'human');
  const all = mounts(ctx.fs);
  let rows: Mount[] = all;
  let status = 0;
  if (parsed.operands.length > 0) {
    rows = [];
    for (const operand of parsed.operands) {
      try {
        const real = ctx.fs.realpath(inv.path(operand));
        const mount = all.filter((m) => real === m.target || real.startsWith(m.target === '/' ? '/' : `${m.target}/`)).sort((a, b) => b.target.length - a.target.length)[0]!;
        rows.push(mount);
      } catch (error) {
        inv.error(DF.cannotAccess(operand, reasonOf(error)));
        status = 1;
      }
    }
    if (rows.length === 0) {
      inv.error(DF.noFileSystems);
      return 1;
    }
  }
  const size = (kb: number) => (human ? humanSize(kb * 1024) : String(kb));
  const table: string[][] = [
    ['Filesystem', ...(has(parsed, 'printType') ? ['Type'] : []), human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'],
  ];
  for (const row of rows) {
    const avail = row.size - row.used;
    const percent = row.size === 0 ? '-' : `${Math.ceil((row.used * 100) / (row.used + avail))}%`;
    table.push([row.source, ...(has(parsed, 'printType') ? [row.type] : []), size(row.size), size(row.used), size(avail), percent, row.target]);
  }
  const typed = has(parsed, 'printType');
  const minimum = [14, ...(typed ? [4] : []), 5, 5, 5, 4, 0];
  const leftAligned = new Set([0, ...(typed ? [1] : []), table[0]!.length - 1]);
  const widths = table[0]!.map((_, col) => Math.max(minimum[col]!, ...table.map((r) => r[col]!.length)));
  const lines = table.map((row) =>
    row
      .map((cell, col) => {
        if (col === row.length - 1) return cell;
        return leftAligned.has(col) ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!);
      })
      .join(' '),
  );
  inv.out(`${lines.join('\n')}\n`);
  return status;
};
