/**
 * diff (GNU diffutils 3.8): line differences in the normal format (`2c2`, `< old`, `---`, `> new`)
 * or unified (`-u`, `-U N`), `-q` to only say that files differ, `-r` through directories (`Only
 * in …`, `Common subdirectories: …`). Exit status 0 same, 1 different, 2 trouble.
 */
import type { Program } from '../../process';
import { has, lastValue, parseArgs, type OptionDef } from './getopt';
import { Invocation, reasonOf } from './invocation';
import { DIFF } from './messages/diff';
import { strftime } from './time-format';

type Key = 'unified' | 'unifiedLines' | 'brief' | 'recursive' | 'ignoreCase' | 'ignoreAllSpace' | 'ignoreSpaceChange' | 'ignoreBlankLines' | 'newFile' | 'reportIdentical' | 'text';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'text', short: 'a', long: 'text' },
  { key: 'ignoreSpaceChange', short: 'b', long: 'ignore-space-change' },
  { key: 'ignoreBlankLines', short: 'B', long: 'ignore-blank-lines' },
  { key: 'ignoreCase', short: 'i', long: 'ignore-case' },
  { key: 'newFile', short: 'N', long: 'new-file' },
  { key: 'brief', short: 'q', long: 'brief' },
  { key: 'recursive', short: 'r', long: 'recursive' },
  { key: 'reportIdentical', short: 's', long: 'report-identical-files' },
  { key: 'unified', short: 'u' },
  { key: 'unifiedLines', short: 'U', long: 'unified', arg: 'required' },
  { key: 'ignoreAllSpace', short: 'w', long: 'ignore-all-space' },
];

interface FileText {
  lines: string[];
  /** The last line has no newline. */
  partial: boolean;
  mtime: number;
}

type Op = { kind: 'same' | 'del' | 'add'; a: number; b: number };

/** The edit script between two line lists (longest common subsequence). */
function editScript(a: string[], b: string[], key: (line: string) => string): Op[] {
  const ka = a.map(key);
  const kb = b.map(key);
  let start = 0;
  while (start < ka.length && start < kb.length && ka[start] === kb[start]) start += 1;
  let endA = ka.length;
  let endB = kb.length;
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const n = endA - start;
  const m = endB - start;
  const table = new Int32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      table[at(i, j)] = ka[start + i] === kb[start + j] ? table[at(i + 1, j + 1)]! + 1 : Math.max(table[at(i + 1, j)]!, table[at(i, j + 1)]!);
    }
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i += 1) ops.push({ kind: 'same', a: i, b: i });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ka[start + i] === kb[start + j]) {
      ops.push({ kind: 'same', a: start + i, b: start + j });
      i += 1;
      j += 1;
    } else if (j < m && (i === n || table[at(i, j + 1)]! > table[at(i + 1, j)]!)) {
      ops.push({ kind: 'add', a: start + i, b: start + j });
      j += 1;
    } else {
      ops.push({ kind: 'del', a: start + i, b: start + j });
      i += 1;
    }
  }
  for (let k = 0; k < ka.length - endA; k += 1) ops.push({ kind: 'same', a: endA + k, b: endB + k });
  return ops;
}

interface Change {
  /** First line (0-based) and count on each side. */
  a: number;
  aCount: number;
  b: number;
  bCount: number;
}

function changes(ops: Op[]): Change[] {
  const result: Change[] = [];
  let current: Change | null = null;
  for (const op of ops) {
    if (op.kind === 'same') {
      current = null;
      continue;
    }
    if (!current) {
      current = { a: op.a, aCount: 0, b: op.b, bCount: 0 };
      result.push(current);
    }
    if (op.kind === 'del') current.aCount += 1;
    else current.bCount += 1;
  }
  return result;
}

function range(start: number, count: number): string {
  return count <= 1 ? String(start + (count === 0 ? 0 : 1)) : `${start + 1},${start + count}`;
}

function lineOut(prefix: string, file: FileText, index: number): string {
  const text = `${prefix}${file.lines[index]}\n`;
  return file.partial && index === file.lines.length - 1 ? `${text}${DIFF.noNewline}\n` : text;
}

function normalFormat(a: FileText, b: FileText, list: Change[]): string {
  let out = '';
  for (const c of list) {
    const kind = c.aCount === 0 ? 'a' : c.bCount === 0 ? 'd' : 'c';
    const left = kind === 'a' ? String(c.a) : range(c.a, c.aCount);
    const right = kind === 'd' ? String(c.b) : range(c.b, c.bCount);
    out += `${left}${kind}${right}\n`;
    for (let k = 0; k < c.aCount; k += 1) out += lineOut('< ', a, c.a + k);
    if (kind === 'c') out += '---\n';
    for (let k = 0; k < c.bCount; k += 1) out += lineOut('> ', b, c.b + k);
  }
  return out;
}

function unifiedRange(start: number, count: number): string {
  if (count === 0) return `${start},0`;
  return count === 1 ? String(start + 1) : `${start + 1},${count}`;
}

function unifiedFormat(a: FileText, b: FileText, ops: Op[], context: number, names: [string, string]): string {
  const stamp = (ms: number) => `${strftime('%Y-%m-%d %H:%M:%S', ms)}.${String((ms % 1000) * 1_000_000).padStart(9, '0')} +0000`;
  let out = `--- ${names[0]}\t${stamp(a.mtime)}\n+++ ${names[1]}\t${stamp(b.mtime)}\n`;
  const changed = ops.map((op) => op.kind !== 'same');
  let index = 0;
  while (index < ops.length) {
    if (!changed[index]) {
      index += 1;
      continue;
    }
    const hunkStart = Math.max(0, index - context);
    let hunkEnd = index;
    while (hunkEnd < ops.length) {
      let next = hunkEnd;
      while (next < ops.length && changed[next]) next += 1;
      let gap = next;
      while (gap < ops.length && !changed[gap]) gap += 1;
      if (gap < ops.length && gap - next <= 2 * context) {
        hunkEnd = gap;
        continue;
      }
      hunkEnd = Math.min(ops.length, next + context);
      break;
    }
    const hunk = ops.slice(hunkStart, hunkEnd);
    const aLines = hunk.filter((op) => op.kind !== 'add');
    const bLines = hunk.filter((op) => op.kind !== 'del');
    const aStart = aLines.length > 0 ? aLines[0]!.a : (hunk[0]?.a ?? 0);
    const bStart = bLines.length > 0 ? bLines[0]!.b : (hunk[0]?.b ?? 0);
    out += `@@ -${unifiedRange(aStart, aLines.length)} +${unifiedRange(bStart, bLines.length)} @@\n`;
    for (const op of hunk) {
      if (op.kind === 'same') out += lineOut(' ', a, op.a);
      else if (op.kind === 'del') out += lineOut('-', a, op.a);
      else out += lineOut('+', b, op.b);
    }
    index = hunkEnd;
  }
  return out;
}

export const diff: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsedArgs = parseArgs(inv.args, OPTIONS);
  if (!parsedArgs.ok) {
    inv.error(parsedArgs.message);
    ctx.stderr.write(`${DIFF.tryHelp(inv.name)}\n`);
    return 2;
  }
  const parsed = parsedArgs;
  const usage = (message: string) => {
    inv.error(message);
    ctx.stderr.write(`${DIFF.tryHelp(inv.name)}\n`);
    return 2;
  };
  if (parsed.operands.length < 2) return usage(DIFF.missingOperand(parsed.operands[0]));
  if (parsed.operands.length > 2) return usage(DIFF.extraOperand(parsed.operands[2]!));
  const fs = ctx.fs;
  const unifiedText = lastValue(parsed, 'unifiedLines');
  const unified = has(parsed, 'unified') || unifiedText !== undefined;
  const context = unifiedText !== undefined ? Number(unifiedText) : 3;
  const key = (line: string) => {
    let k = line;
    if (has(parsed, 'ignoreAllSpace')) k = k.replace(/\s+/g, '');
    else if (has(parsed, 'ignoreSpaceChange')) k = k.replace(/\s+/g, ' ').replace(/ $/, '');
    if (has(parsed, 'ignoreCase')) k = k.toLowerCase();
    return k;
  };
  let status = 0;
  const trouble = (name: string, error: unknown) => {
    inv.error(DIFF.fileError(name, reasonOf(error)));
    status = 2;
  };
  const read = (name: string): FileText | null => {
    try {
      const path = inv.path(name);
      const text = fs.readText(path);
      const lines = text.split('\n');
      const partial = !text.endsWith('\n') && text !== '';
      if (!partial) lines.pop();
      return { lines, partial, mtime: fs.stat(path).mtime };
    } catch (error) {
      trouble(name, error);
      return null;
    }
  };
  const kindOf = (name: string): string | null => {
    try {
      return fs.stat(inv.path(name)).kind;
    } catch {
      return null;
    }
  };
  const compareFiles = (left: string, right: string, header: string | null): void => {
    const a = read(left);
    const b = read(right);
    if (!a || !b) return;
    const ops = editScript(a.lines, b.lines, key);
    const list = changes(ops);
    const partialDiffers = a.partial !== b.partial && a.lines.length > 0 && b.lines.length > 0 && key(a.lines[a.lines.length - 1]!) === key(b.lines[b.lines.length - 1]!);
    if (list.length === 0 && !partialDiffers) {
      if (has(parsed, 'reportIdentical')) inv.out(`${DIFF.identical(left, right)}\n`);
      return;
    }
    status = Math.max(status, 1);
    if (has(parsed, 'brief')) {
      inv.out(`${DIFF.differ(left, right)}\n`);
      return;
    }
    if (header !== null) inv.out(`${header}\n`);
    inv.out(unified ? unifiedFormat(a, b, ops, context, [left, right]) : normalFormat(a, b, list));
  };
  const compareDirs = (left: string, right: string): void => {
    let namesA: string[];
    let namesB: string[];
    try {
      namesA = fs.readdir(inv.path(left)).map((e) => e.name);
      namesB = fs.readdir(inv.path(right)).map((e) => e.name);
    } catch (error) {
      trouble(left, error);
      return;
    }
    const all = [...new Set([...namesA, ...namesB])].sort();
    for (const name of all) {
      const l = `${left}/${name}`;
      const r = `${right}/${name}`;
      if (!namesB.includes(name)) {
        status = Math.max(status, 1);
        inv.out(`${DIFF.onlyIn(left, name)}\n`);
        continue;
      }
      if (!namesA.includes(name)) {
        status = Math.max(status, 1);
        inv.out(`${DIFF.onlyIn(right, name)}\n`);
        continue;
      }
      const kl = kindOf(l);
      const kr = kindOf(r);
      if (kl === 'dir' && kr === 'dir') {
        if (has(parsed, 'recursive')) compareDirs(l, r);
        else inv.out(`${DIFF.commonSubdirectories(l, r)}\n`);
        continue;
      }
      if ((kl === 'dir') !== (kr === 'dir')) {
        status = Math.max(status, 1);
        inv.out(`${kl === 'dir' ? DIFF.dirVsFile(l, r) : DIFF.fileVsDir(l, r)}\n`);
        continue;
      }
      const flags = parsed.options.map((o) => o.spelled).filter((s) => s !== '-q' && s !== '--brief');
      compareFiles(l, r, `diff ${[...flags, l, r].join(' ')}`);
    }
  };
  let [left, right] = parsed.operands as [string, string];
  const kl = kindOf(left);
  const kr = kindOf(right);
  if (kl === 'dir' && kr === 'dir') compareDirs(left, right);
  else {
    if (kl === 'dir' && kr !== null) left = `${left.replace(/\/+$/, '')}/${right.split('/').pop()}`;
    if (kr === 'dir' && kl !== null) right = `${right.replace(/\/+$/, '')}/${left.split('/').pop()}`;
    compareFiles(left, right, null);
  }
  return status;
};
