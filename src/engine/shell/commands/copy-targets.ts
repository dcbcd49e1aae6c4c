/**
 * How cp, mv and ln read their operands: the last one is the target; when it is a directory every
 * other operand goes into it under its own last name component (`dir/name`, no doubled slash),
 * otherwise there must be exactly one source.
 */
import type { FileSystem } from '../../fs/types';
import { codeOf, type Invocation, reasonOf } from './invocation';
import { COMMON } from './messages/common';
import { CP } from './messages/fileutils';

export interface Transfer {
  /** The source as typed. */
  source: string;
  /** The destination as the program names it in messages (`dest/src`). */
  dest: string;
}

/** The last component of a typed path, trailing slashes ignored (`src/` → `src`). */
export function lastComponent(typed: string): string {
  const trimmed = typed.replace(/\/+$/, '');
  if (trimmed === '') return typed === '' ? '' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** `dir` + `/` + `name`, without doubling a slash the directory already ends with. */
export function concatPath(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

function isDirectory(fs: FileSystem, path: string): boolean {
  try {
    return fs.stat(path).kind === 'dir';
  } catch {
    return false;
  }
}

/** The transfers, or null after printing the usage or target error (exit status 1). */
export function planTransfers(inv: Invocation, operands: readonly string[]): Transfer[] | null {
  if (operands.length === 0) {
    inv.usageError(COMMON.missingFileOperand);
    return null;
  }
  if (operands.length === 1) {
    inv.usageError(COMMON.missingDestination(operands[0]!));
    return null;
  }
  const target = operands[operands.length - 1]!;
  const sources = operands.slice(0, -1);
  let targetIsDir: boolean;
  try {
    targetIsDir = isDirectory(inv.ctx.fs, inv.path(target));
  } catch {
    targetIsDir = false;
  }
  if (targetIsDir) return sources.map((source) => ({ source, dest: concatPath(target, lastComponent(source)) }));
  if (sources.length > 1) {
    try {
      inv.ctx.fs.stat(inv.path(target));
      inv.error(CP.targetNotDirectory(target));
    } catch (error) {
      if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') inv.error(CP.target(target, reasonOf(error)));
      else inv.error(CP.target(target, reasonOf(error)));
    }
    return null;
  }
  return [{ source: sources[0]!, dest: target }];
}
