/**
 * rm: files, and with `-r` whole trees (children first, in directory order); `-f` ignores missing
 * operands; `-d` removes empty directories; refuses `.`, `..` and a recursive `/`.
 */
import { STRERROR, type Stat } from '../../fs/types';
import type { Program } from '../../process';
import { parseArgs, has, type OptionDef } from './getopt';
import { codeOf, Invocation, reasonOf } from './invocation';
import { Confirmer } from './confirm';
import { COMMON } from './messages/common';
import { RM } from './messages/fileutils';

type Key = 'force' | 'recursive' | 'verbose' | 'dir' | 'interactive' | 'interactiveOnce' | 'noPreserveRoot' | 'preserveRoot';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'dir', short: 'd', long: 'dir' },
  { key: 'force', short: 'f', long: 'force' },
  { key: 'interactive', short: 'i' },
  { key: 'interactiveOnce', short: 'I' },
  { key: 'noPreserveRoot', long: 'no-preserve-root' },
  { key: 'preserveRoot', long: 'preserve-root' },
  { key: 'recursive', short: 'r', long: 'recursive' },
  { key: 'recursive', short: 'R' },
  { key: 'verbose', short: 'v', long: 'verbose' },
];

export const rm: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = parseArgs(inv.args, OPTIONS);
  if (!parsed.ok) {
    inv.error(parsed.message);
    for (const arg of inv.args) {
      if (arg === '--') break;
      if (!arg.startsWith('-') || arg === '-') continue;
      try {
        ctx.fs.lstat(inv.path(arg));
        ctx.stderr.write(`${RM.dashHint(inv.name, arg)}\n`);
        break;
      } catch {
        // not a file: no hint
      }
    }
    return inv.usageError(null);
  }
  let force = false;
  let interactive: 'never' | 'once' | 'always' = 'never';
  for (const option of parsed.options) {
    if (option.key === 'force') {
      force = true;
      interactive = 'never';
    }
    if (option.key === 'interactive') {
      force = false;
      interactive = 'always';
    }
    if (option.key === 'interactiveOnce') {
      force = false;
      interactive = 'once';
    }
  }
  const recursive = has(parsed, 'recursive');
  const verbose = has(parsed, 'verbose');
  const removeEmptyDirs = has(parsed, 'dir');
  if (parsed.operands.length === 0) {
    if (force) return 0;
    return inv.usageError(COMMON.missingOperand);
  }
  const fs = ctx.fs;
  const confirmer = new Confirmer(ctx);
  let status = 0;
  const report = (name: string, error: unknown) => {
    inv.error(RM.cannotRemove(name, reasonOf(error)));
    status = 1;
  };

  if (interactive === 'once' && (recursive || parsed.operands.length > 3)) {
    const count = parsed.operands.length;
    const question = recursive ? RM.askRemoveRecursively(count) : RM.askRemoveArguments(count);
    if (!(await confirmer.ask(inv.name, question))) return 0;
  }

  /** What rm calls the file in its questions. */
  const kindWord = (st: Stat) => (st.kind === 'dir' ? 'directory' : st.kind === 'symlink' ? 'symbolic link' : st.size === 0 ? 'regular empty file' : 'regular file');

  /** -i asks about everything; without -f a write-protected file is asked about on a terminal. */
  const mayRemove = async (name: string, path: string, st: Stat): Promise<boolean> => {
    const writeProtected = !force && st.kind !== 'symlink' && ctx.tty.stdin && !fs.access(path, 2);
    if (interactive !== 'always' && !writeProtected) return true;
    return confirmer.ask(inv.name, RM.askRemove(kindWord(st), name, writeProtected));
  };

  const removeFile = async (name: string, path: string, st: Stat): Promise<boolean> => {
    if (!(await mayRemove(name, path, st))) return false;
    try {
      fs.unlink(path);
      if (verbose) inv.out(`${RM.removed(name)}\n`);
      return true;
    } catch (error) {
      report(name, error);
      return false;
    }
  };

  /** Removes a tree, children first in directory order; true when everything under it went. */
  const removeTree = async (name: string, path: string, st: Stat): Promise<boolean> => {
    let entries: string[];
    try {
      entries = fs.readdir(path).map((e) => e.name);
    } catch (error) {
      report(name, error);
      return false;
    }
    if (interactive === 'always' && entries.length > 0 && !(await confirmer.ask(inv.name, RM.askDescend(name)))) return false;
    let complete = true;
    for (const entry of entries) {
      const childName = name.endsWith('/') ? `${name}${entry}` : `${name}/${entry}`;
      const childPath = `${path}/${entry}`;
      let child: Stat;
      try {
        child = fs.lstat(childPath);
      } catch (error) {
        report(childName, error);
        complete = false;
        continue;
      }
      const removed = child.kind === 'dir' ? await removeTree(childName, childPath, child) : await removeFile(childName, childPath, child);
      if (!removed) complete = false;
    }
    if (!complete) return false;
    if (!(await mayRemove(name, path, st))) return false;
    try {
      fs.rmdir(path);
      if (verbose) inv.out(`${RM.removedDirectory(name)}\n`);
      return true;
    } catch (error) {
      report(name, error);
      return false;
    }
  };

  for (const operand of parsed.operands) {
    const base = operand.replace(/\/+$/, '').split('/').pop();
    if (recursive && (base === '.' || base === '..')) {
      inv.error(RM.refuseDot(operand));
      status = 1;
      continue;
    }
    if (recursive && /^\/+$/.test(operand) && !has(parsed, 'noPreserveRoot')) {
      inv.error(RM.rootDangerous);
      inv.error(RM.rootOverride);
      status = 1;
      continue;
    }
    let st: Stat;
    let path: string;
    try {
      path = inv.path(operand);
      st = operand.endsWith('/') ? fs.stat(path) : fs.lstat(path);
    } catch (error) {
      if (force && codeOf(error) === 'ENOENT') continue;
      report(operand, error);
      continue;
    }
    if (st.kind === 'dir') {
      if (recursive) {
        await removeTree(operand, path.replace(/\/+$/, '') || '/', st);
        continue;
      }
      if (removeEmptyDirs) {
        if (!(await mayRemove(operand, path, st))) continue;
        try {
          fs.rmdir(path);
          if (verbose) inv.out(`${RM.removedDirectory(operand)}\n`);
        } catch (error) {
          report(operand, error);
        }
        continue;
      }
      inv.error(RM.cannotRemove(operand, STRERROR.EISDIR));
      status = 1;
      continue;
    }
    await removeFile(operand, path, st);
  }
  return status;
};
