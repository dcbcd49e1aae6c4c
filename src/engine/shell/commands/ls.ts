/**
 * ls as GNU coreutils 9.1 prints it in C.UTF-8: one name per line when stdout is not a terminal,
 * columns (`-C` layout, tabs included) on a terminal, names quoted shell-style on a terminal only;
 * `-l` with `total`, mode, links, owner and group from the fs's /etc files, size, date, `->`.
 * Files named on the command line come first, then each directory under a `name:` header.
 */
import type { Stat } from '../../fs/types';
import type { Program } from '../../process';
import { Accounts } from './accounts';
import { displayWidth, layoutHorizontal, layoutVertical, type LayoutItem } from './column-layout';
import { modeString } from './file-mode';
import { has, lastOf, lastValue, type OptionDef, type ParsedArgs } from './getopt';
import { diskKilobytes, humanSize } from './human-size';
import { Invocation, reasonOf } from './invocation';
import { COMMON } from './messages/common';
import { LS } from './messages/fileutils';
import { quoteShellEscape } from './quoting';
import { lsDate } from './time-format';

type Key =
  | 'all'
  | 'almostAll'
  | 'directory'
  | 'recursive'
  | 'human'
  | 'one'
  | 'long'
  | 'columns'
  | 'across'
  | 'time'
  | 'reverse'
  | 'size'
  | 'numeric'
  | 'noOwner'
  | 'noGroup'
  | 'inode'
  | 'classify'
  | 'slash'
  | 'color'
  | 'width'
  | 'tabsize'
  | 'unsorted'
  | 'literal'
  | 'quoteName'
  | 'blockSize';

const OPTIONS: OptionDef<Key>[] = [
  { key: 'all', short: 'a', long: 'all' },
  { key: 'almostAll', short: 'A', long: 'almost-all' },
  { key: 'directory', short: 'd', long: 'directory' },
  { key: 'recursive', short: 'R', long: 'recursive' },
  { key: 'human', short: 'h', long: 'human-readable' },
  { key: 'one', short: '1' },
  { key: 'long', short: 'l' },
  { key: 'columns', short: 'C' },
  { key: 'across', short: 'x' },
  { key: 'time', short: 't' },
  { key: 'reverse', short: 'r', long: 'reverse' },
  { key: 'size', short: 'S' },
  { key: 'numeric', short: 'n', long: 'numeric-uid-gid' },
  { key: 'noOwner', short: 'g' },
  { key: 'noGroup', short: 'o' },
  { key: 'noGroup', short: 'G', long: 'no-group' },
  { key: 'inode', short: 'i', long: 'inode' },
  { key: 'classify', short: 'F', long: 'classify' },
  { key: 'slash', short: 'p' },
  { key: 'color', long: 'color', arg: 'optional' },
  { key: 'width', short: 'w', long: 'width', arg: 'required' },
  { key: 'tabsize', short: 'T', long: 'tabsize', arg: 'required' },
  { key: 'unsorted', short: 'U' },
  { key: 'literal', short: 'N', long: 'literal' },
  { key: 'quoteName', short: 'Q', long: 'quote-name' },
  { key: 'blockSize', short: 's', long: 'size' },
];

/** GNU's defaults: literal names when not on a terminal, shell-escape quoting on one. */
type Quoting = 'literal' | 'shell-escape' | 'c';
type Format = 'long' | 'one' | 'columns' | 'across';

interface Settings {
  format: Format;
  showAll: boolean;
  almostAll: boolean;
  directoryOnly: boolean;
  recursive: boolean;
  human: boolean;
  sort: 'name' | 'time' | 'size' | 'none';
  reverse: boolean;
  numeric: boolean;
  showOwner: boolean;
  showGroup: boolean;
  inode: boolean;
  /** -s: allocated size before each name. */
  blocks: boolean;
  indicator: 'none' | 'classify' | 'slash';
  quoting: Quoting;
  lineLength: number;
  tabSize: number;
}

interface Entry {
  /** The name as shown: the operand as typed, or the directory entry's name. */
  name: string;
  path: string;
  stat: Stat;
  /** For symlinks in long format. */
  target?: string;
  /** What a symlink points at, when it resolves (for -F and following operands). */
  targetStat?: Stat;
}

function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function sortEntries(entries: Entry[], settings: Settings): Entry[] {
  if (settings.sort === 'none') return entries;
  const sorted = [...entries].sort((a, b) => {
    if (settings.sort === 'time' && a.stat.mtime !== b.stat.mtime) return b.stat.mtime - a.stat.mtime;
    if (settings.sort === 'size' && a.stat.size !== b.stat.size) return b.stat.size - a.stat.size;
    return compareCodePoints(a.name, b.name);
  });
  return settings.reverse ? sorted.reverse() : sorted;
}

function childPath(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

function quoteFor(name: string, quoting: Quoting): string {
  if (quoting === 'literal') return name;
  if (quoting === 'c') return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return quoteShellEscape(name);
}

function indicatorOf(entry: Entry, settings: Settings): string {
  if (settings.indicator === 'none') return '';
  const kind = entry.stat.kind;
  if (kind === 'dir') return '/';
  if (settings.indicator === 'slash') return '';
  if (kind === 'symlink') return settings.format === 'long' ? '' : '@';
  if (entry.stat.mode & 0o111) return '*';
  return '';
}

class Lister {
  readonly accounts: Accounts;
  status = 0;
  private firstOutput = true;

  constructor(
    readonly inv: Invocation,
    readonly settings: Settings,
  ) {
    this.accounts = new Accounts(inv.ctx.fs);
  }

  fail(status: number): void {
    this.status = Math.max(this.status, status);
  }

  entryFor(name: string, path: string, follow: boolean): Entry {
    const fs = this.inv.ctx.fs;
    const lstat = fs.lstat(path);
    const entry: Entry = { name, path, stat: lstat };
    if (lstat.kind === 'symlink') {
      entry.target = fs.readlink(path);
      try {
        entry.targetStat = fs.stat(path);
      } catch {
        entry.targetStat = undefined;
      }
      if (follow && entry.targetStat) return { name, path, stat: entry.targetStat };
    }
    return entry;
  }

  /** Prints one listing (a directory's entries or the command-line files). */
  print(entries: Entry[], withTotal: boolean): void {
    const settings = this.settings;
    const align = settings.quoting === 'shell-escape' && (settings.format === 'long' || ((settings.format === 'columns' || settings.format === 'across') && settings.lineLength !== 0));
    const names = entries.map((e) => quoteFor(e.name, settings.quoting));
    const someQuoted = align && names.some((n, i) => n !== entries[i]!.name);
    const shown = names.map((n, i) => (someQuoted && n === entries[i]!.name ? ` ${n}` : n) + indicatorOf(entries[i]!, settings));
    if (settings.format === 'long') {
      this.printLong(entries, shown, withTotal);
      return;
    }
    if (withTotal && settings.blocks) this.inv.out(`${this.totalLine(entries)}\n`);
    const inodes = settings.inode ? entries.map((e) => String(e.stat.ino)) : [];
    const inodeWidth = Math.max(0, ...inodes.map((s) => s.length));
    const sizes = settings.blocks ? entries.map((e) => this.blockText(e)) : [];
    const sizeWidth = Math.max(0, ...sizes.map((s) => s.length));
    const items: LayoutItem[] = shown.map((text, i) => {
      let full = text;
      if (settings.blocks) full = `${entries.length > 1 ? sizes[i]!.padStart(sizeWidth) : sizes[i]} ${full}`;
      if (settings.inode) full = `${inodes[i]!.padStart(settings.format === 'one' ? 0 : inodeWidth)} ${full}`;
      return { text: full, width: displayWidth(full) };
    });
    if (settings.format === 'one') {
      this.inv.out(items.map((item) => `${item.text}\n`).join(''));
    } else if (settings.format === 'columns') {
      this.inv.out(layoutVertical(items, settings.lineLength, settings.tabSize));
    } else {
      this.inv.out(layoutHorizontal(items, settings.lineLength, settings.tabSize));
    }
  }

  private printLong(entries: Entry[], shown: string[], withTotal: boolean): void {
    const settings = this.settings;
    const now = this.inv.ctx.clock.now();
    const sizeText = (e: Entry) => (settings.human ? humanSize(e.stat.size) : String(e.stat.size));
    const owner = (e: Entry) => (settings.numeric ? String(e.stat.uid) : this.accounts.userName(e.stat.uid));
    const group = (e: Entry) => (settings.numeric ? String(e.stat.gid) : this.accounts.groupName(e.stat.gid));
    const rows = entries.map((e) => ({
      inode: String(e.stat.ino),
      mode: modeString(e.stat.kind, e.stat.mode),
      nlink: String(e.stat.nlink),
      owner: owner(e),
      group: group(e),
      size: sizeText(e),
      date: lsDate(e.stat.mtime, now),
    }));
    const width = (pick: (r: (typeof rows)[number]) => string) => Math.max(0, ...rows.map((r) => displayWidth(pick(r))));
    const w = {
      inode: width((r) => r.inode),
      nlink: width((r) => r.nlink),
      owner: width((r) => r.owner),
      group: width((r) => r.group),
      size: width((r) => r.size),
    };
    let out = '';
    if (withTotal) out += `${this.totalLine(entries)}\n`;
    const sizes = settings.blocks ? entries.map((e) => this.blockText(e)) : [];
    const sizeWidth = Math.max(0, ...sizes.map((s) => s.length));
    rows.forEach((row, i) => {
      const entry = entries[i]!;
      let line = settings.inode ? `${row.inode.padStart(w.inode)} ` : '';
      if (settings.blocks) line += `${sizes[i]!.padStart(sizeWidth)} `;
      line += `${row.mode} ${row.nlink.padStart(w.nlink)} `;
      if (settings.showOwner) line += `${row.owner.padEnd(w.owner)} `;
      if (settings.showGroup) line += `${row.group.padEnd(w.group)} `;
      line += `${row.size.padStart(w.size)} ${row.date} ${shown[i]}`;
      if (entry.stat.kind === 'symlink' && entry.target !== undefined) {
        line += ` -> ${quoteFor(entry.target, settings.quoting)}`;
        if (settings.indicator === 'classify' && entry.targetStat) line += indicatorOf({ ...entry, stat: entry.targetStat }, settings);
      }
      out += `${line}\n`;
    });
    this.inv.out(out);
  }

  /** 1K blocks a listed file occupies (symlinks none). */
  private kilobytes(e: Entry): number {
    return e.stat.kind === 'symlink' ? 0 : diskKilobytes(e.stat.size);
  }

  private blockText(e: Entry): string {
    const kb = this.kilobytes(e);
    return this.settings.human ? humanSize(kb * 1024) : String(kb);
  }

  private totalLine(entries: Entry[]): string {
    const blocks = entries.reduce((sum, e) => sum + this.kilobytes(e), 0);
    return `total ${this.settings.human ? humanSize(blocks * 1024) : blocks}`;
  }

  header(name: string): void {
    if (!this.firstOutput) this.inv.out('\n');
    this.firstOutput = false;
    this.inv.out(`${quoteFor(name, this.settings.quoting)}:\n`);
  }

  markOutput(): void {
    this.firstOutput = false;
  }

  /** Lists one directory (and with -R everything below it, depth first). */
  listDirectory(name: string, path: string, showHeader: boolean, commandLine: boolean): void {
    const fs = this.inv.ctx.fs;
    let names: string[];
    try {
      names = fs.readdir(path).map((e) => e.name);
    } catch (error) {
      this.inv.error(LS.cannotOpenDirectory(name, reasonOf(error)));
      this.fail(commandLine ? 2 : 1);
      return;
    }
    if (showHeader) this.header(name);
    else this.markOutput();
    const settings = this.settings;
    const visible = names.filter((n) => settings.showAll || settings.almostAll || !n.startsWith('.'));
    if (settings.showAll) visible.push('.', '..');
    const entries: Entry[] = [];
    for (const entryName of visible) {
      try {
        entries.push(this.entryFor(entryName, entryName === '..' ? `${path}/..` : entryName === '.' ? path : childPath(path, entryName), false));
      } catch (error) {
        this.inv.error(LS.cannotAccess(childPath(name, entryName), reasonOf(error)));
        this.fail(1);
      }
    }
    const sorted = sortEntries(entries, settings);
    this.print(sorted, true);
    if (!settings.recursive) return;
    for (const entry of sorted) {
      if (entry.stat.kind !== 'dir' || entry.name === '.' || entry.name === '..') continue;
      this.listDirectory(childPath(name, entry.name), entry.path, true, false);
    }
  }
}

function settingsFrom(inv: Invocation, parsed: ParsedArgs<Key> | null): Settings | number {
  if (!parsed) return 2;
  const ctx = inv.ctx;
  let format: Format = ctx.tty.stdout ? 'columns' : 'one';
  let sort: Settings['sort'] = 'name';
  let showOwner = true;
  let showGroup = true;
  let indicator: Settings['indicator'] = 'none';
  let quoting: Quoting = ctx.tty.stdout ? 'shell-escape' : 'literal';
  for (const option of parsed.options) {
    switch (option.key) {
      case 'long':
        format = 'long';
        break;
      case 'numeric':
        format = 'long';
        break;
      case 'noOwner':
        format = 'long';
        showOwner = false;
        break;
      case 'noGroup':
        if (option.spelled === '-o') format = 'long';
        showGroup = false;
        break;
      case 'one':
        format = 'one';
        break;
      case 'columns':
        format = 'columns';
        break;
      case 'across':
        format = 'across';
        break;
      case 'time':
        sort = 'time';
        break;
      case 'size':
        sort = 'size';
        break;
      case 'unsorted':
        sort = 'none';
        break;
      case 'classify':
        indicator = 'classify';
        break;
      case 'slash':
        indicator = 'slash';
        break;
      case 'literal':
        quoting = 'literal';
        break;
      case 'quoteName':
        quoting = 'c';
        break;
      case 'color': {
        const value = option.value;
        if (value !== undefined && !LS.colorValues.some((group) => group.includes(value))) {
          inv.error(COMMON.invalidArgument(value, '--color', LS.colorValues));
          // argmatch exits with 1 here, not with ls's usual 2
          return inv.usageError(null, 1);
        }
        break;
      }
      default:
        break;
    }
  }
  let lineLength = ctx.tty.stdout ? ctx.terminal.columns : 80;
  const columnsEnv = ctx.env.COLUMNS;
  if (!ctx.tty.stdout && columnsEnv !== undefined && /^\d+$/.test(columnsEnv)) lineLength = Number(columnsEnv);
  const width = lastValue(parsed, 'width');
  if (width !== undefined) {
    if (!/^\d+$/.test(width)) {
      inv.error(LS.invalidLineWidth(width));
      return 2;
    }
    lineLength = Number(width);
  }
  const tabSize = lastValue(parsed, 'tabsize');
  return {
    format,
    showAll: lastOf(parsed.options, ['all', 'almostAll']) === 'all',
    almostAll: has(parsed, 'almostAll'),
    directoryOnly: has(parsed, 'directory'),
    recursive: has(parsed, 'recursive'),
    human: has(parsed, 'human'),
    sort,
    reverse: has(parsed, 'reverse'),
    numeric: has(parsed, 'numeric'),
    showOwner,
    showGroup,
    inode: has(parsed, 'inode'),
    blocks: has(parsed, 'blockSize'),
    indicator,
    quoting,
    lineLength,
    tabSize: tabSize !== undefined && /^\d+$/.test(tabSize) ? Number(tabSize) : 8,
  };
}

export const ls: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 2;
  const settings = settingsFrom(inv, parsed);
  if (typeof settings === 'number') return settings;
  const lister = new Lister(inv, settings);
  const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  const followOperands = !settings.directoryOnly && settings.format !== 'long' && settings.indicator === 'none';
  for (const operand of operands) {
    let entry: Entry;
    try {
      entry = lister.entryFor(operand, inv.path(operand), false);
    } catch (error) {
      inv.error(LS.cannotAccess(operand, reasonOf(error)));
      lister.fail(2);
      continue;
    }
    const isDirectory = entry.stat.kind === 'dir' || (entry.stat.kind === 'symlink' && entry.targetStat?.kind === 'dir' && (followOperands || operand.endsWith('/')));
    if (isDirectory && !settings.directoryOnly) {
      dirs.push(entry.stat.kind === 'symlink' ? { name: operand, path: entry.path, stat: entry.targetStat! } : entry);
    } else {
      files.push(entry);
    }
  }
  if (files.length > 0) {
    lister.print(sortEntries(files, settings), false);
    lister.markOutput();
  }
  const showHeaders = operands.length > 1 || settings.recursive;
  for (const dir of sortEntries(dirs, settings)) {
    lister.listDirectory(dir.name, dir.path, showHeaders, true);
  }
  return lister.status;
};
