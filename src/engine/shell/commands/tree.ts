/**
 * tree 2.1: the directory drawn with ├── └── │, names in code point order, hidden names only
 * with -a, `-L N` levels, `-d` directories only, `-F` indicators, `-I PATTERN` to leave out,
 * `-f` full paths, `--noreport`; then `N directories, M files` (the starting directory counts).
 */
import type { Program } from '../../process';
import { fnmatch } from './fnmatch';
import { has, lastValue, parseArgs, type OptionDef } from './getopt';
import { Invocation } from './invocation';
import { TREE } from './messages/shellutils';

type Key = 'all' | 'dirsOnly' | 'level' | 'classify' | 'ignore' | 'pattern' | 'fullPath' | 'noReport' | 'noIndent' | 'dirsFirst' | 'color' | 'noColor' | 'size' | 'human';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'all', short: 'a' },
  { key: 'dirsOnly', short: 'd' },
  { key: 'fullPath', short: 'f' },
  { key: 'classify', short: 'F' },
  { key: 'ignore', short: 'I', arg: 'required' },
  { key: 'noIndent', short: 'i' },
  { key: 'level', short: 'L', arg: 'required' },
  { key: 'pattern', short: 'P', arg: 'required' },
  { key: 'color', short: 'C' },
  { key: 'noColor', short: 'n' },
  { key: 'size', short: 's' },
  { key: 'human', short: 'h' },
  { key: 'noReport', long: 'noreport' },
  { key: 'dirsFirst', long: 'dirsfirst' },
];

function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

export const tree: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = parseArgs(inv.args, OPTIONS);
  if (!parsed.ok) {
    inv.error(parsed.message);
    return 1;
  }
  const levelText = lastValue(parsed, 'level');
  if (levelText !== undefined && (!/^\d+$/.test(levelText) || Number(levelText) < 1)) {
    inv.error(TREE.invalidLevel);
    return 1;
  }
  const maxLevel = levelText === undefined ? Infinity : Number(levelText);
  const fs = ctx.fs;
  const ignore = parsed.options.filter((o) => o.key === 'ignore').flatMap((o) => (o.value ?? '').split('|'));
  const only = parsed.options.filter((o) => o.key === 'pattern').flatMap((o) => (o.value ?? '').split('|'));
  let dirs = 0;
  let files = 0;
  let status = 0;
  let out = '';
  const indicator = (kind: string, mode: number) => (!has(parsed, 'classify') ? '' : kind === 'dir' ? '/' : kind === 'file' && mode & 0o111 ? '*' : '');

  const draw = (path: string, shown: string, prefix: string, level: number) => {
    let entries;
    try {
      entries = fs.readdir(path);
    } catch {
      return;
    }
    const visible = entries
      .map((e) => {
        const child = path === '/' ? `/${e.name}` : `${path}/${e.name}`;
        let kind = e.kind as string;
        let mode = 0;
        let target: string | null = null;
        let targetIsDir = false;
        try {
          const st = fs.lstat(child);
          kind = st.kind;
          mode = st.mode;
          if (kind === 'symlink') {
            target = fs.readlink(child);
            try {
              targetIsDir = fs.stat(child).kind === 'dir';
            } catch {
              targetIsDir = false;
            }
          }
        } catch {
          // vanished: keep what readdir said
        }
        return { name: e.name, child, kind, mode, target, targetIsDir };
      })
      .filter((e) => has(parsed, 'all') || !e.name.startsWith('.'))
      .filter((e) => !ignore.some((g) => fnmatch(g, e.name)))
      .filter((e) => !has(parsed, 'dirsOnly') || e.kind === 'dir')
      .filter((e) => only.length === 0 || e.kind === 'dir' || only.some((g) => fnmatch(g, e.name)))
      .sort((a, b) => (has(parsed, 'dirsFirst') && (a.kind === 'dir') !== (b.kind === 'dir') ? (a.kind === 'dir' ? -1 : 1) : compareCodePoints(a.name, b.name)));
    visible.forEach((e, index) => {
      const last = index === visible.length - 1;
      const branch = has(parsed, 'noIndent') ? '' : last ? '└── ' : '├── ';
      const label = has(parsed, 'fullPath') ? `${shown}/${e.name}` : e.name;
      let line = `${prefix}${branch}${label}${indicator(e.kind, e.mode)}`;
      if (e.target !== null) line += ` -> ${e.target}${has(parsed, 'classify') && e.targetIsDir ? '/' : ''}`;
      out += `${line}\n`;
      if (e.kind === 'dir') {
        dirs += 1;
        if (level < maxLevel) draw(e.child, `${shown}/${e.name}`, has(parsed, 'noIndent') ? '' : `${prefix}${last ? '    ' : '│\u00a0\u00a0 '}`, level + 1);
      } else if (e.target !== null && e.targetIsDir) {
        dirs += 1;
      } else {
        files += 1;
      }
    });
  };

  for (const operand of parsed.operands.length > 0 ? parsed.operands : ['.']) {
    let kind: string | null;
    let path = '';
    try {
      path = inv.path(operand);
      kind = fs.stat(path).kind;
    } catch {
      kind = null;
    }
    if (kind !== 'dir') {
      out += `${operand}  ${TREE.errorOpening}\n`;
      if (kind === null) status = 2;
      else files += 1;
      continue;
    }
    dirs += 1;
    out += `${operand}${has(parsed, 'classify') ? '/' : ''}\n`;
    draw(path, operand, '', 1);
  }
  if (!has(parsed, 'noReport')) out += `\n${TREE.report(dirs, files, has(parsed, 'dirsOnly'))}\n`;
  inv.out(out);
  return status;
};
