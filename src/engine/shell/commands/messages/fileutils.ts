/**
 * Diagnostics of coreutils' file programs (ls, mkdir, rm, rmdir, cp, mv, touch, ln, chmod, du,
 * df, stat) in C.UTF-8, each checked against the real program. Quoting differs by program the way
 * coreutils does it: ‘…’ from quote(), '…' from quoteaf().
 */
import { quoteLocale as q, quoteShellAlways as qa, quoteShellEscape as qf } from '../quoting';

export const LS = {
  cannotAccess: (name: string, reason: string) => `cannot access ${qa(name)}: ${reason}`,
  cannotOpenDirectory: (name: string, reason: string) => `cannot open directory ${qa(name)}: ${reason}`,
  invalidLineWidth: (value: string) => `invalid line width: ${q(value)}`,
  colorValues: [
    ['always', 'yes', 'force'],
    ['never', 'no', 'none'],
    ['auto', 'tty', 'if-tty'],
  ],
};

export const MKDIR = {
  cannotCreate: (name: string, reason: string) => `cannot create directory ${q(name)}: ${reason}`,
  created: (name: string) => `created directory ${qa(name)}`,
};

export const RM = {
  cannotRemove: (name: string, reason: string) => `cannot remove ${qa(name)}: ${reason}`,
  removed: (name: string) => `removed ${qa(name)}`,
  removedDirectory: (name: string) => `removed directory ${qa(name)}`,
  refuseDot: (name: string) => `refusing to remove '.' or '..' directory: skipping ${qa(name)}`,
  rootDangerous: `it is dangerous to operate recursively on '/'`,
  rootOverride: 'use --no-preserve-root to override this failsafe',
  /** Questions of -i (and of a write-protected file on a terminal), without the trailing `? `. */
  askRemove: (kind: string, name: string, writeProtected: boolean) => `remove ${writeProtected ? 'write-protected ' : ''}${kind} ${qa(name)}`,
  askDescend: (name: string) => `descend into directory ${qa(name)}`,
  askRemoveArguments: (count: number) => `remove ${count} argument${count === 1 ? '' : 's'}`,
  askRemoveRecursively: (count: number) => `remove ${count} argument${count === 1 ? '' : 's'} recursively`,
  /** The hint rm adds when an operand looks like an option: `Try 'rm ./-a' to remove the file '-a'.` */
  dashHint: (program: string, name: string) => `Try '${program} ./${name}' to remove the file ${qa(name)}.`,
};

export const RMDIR = {
  failed: (name: string, reason: string) => `failed to remove ${qa(name)}: ${reason}`,
  removing: (name: string) => `removing directory, ${qa(name)}`,
};

export const CP = {
  cannotStat: (name: string, reason: string) => `cannot stat ${qa(name)}: ${reason}`,
  omittingDirectory: (name: string) => `-r not specified; omitting directory ${qa(name)}`,
  sameFile: (a: string, b: string) => `${qa(a)} and ${qa(b)} are the same file`,
  cannotCreateRegular: (name: string, reason: string) => `cannot create regular file ${qa(name)}: ${reason}`,
  cannotCreateDirectory: (name: string, reason: string) => `cannot create directory ${qa(name)}: ${reason}`,
  cannotOpen: (name: string, reason: string) => `cannot open ${qa(name)} for reading: ${reason}`,
  cannotAccess: (name: string, reason: string) => `cannot access ${qa(name)}: ${reason}`,
  target: (name: string, reason: string) => `target ${qa(name)}: ${reason}`,
  targetNotDirectory: (name: string) => `target ${qa(name)} is not a directory`,
  cannotOverwriteDirectory: (dest: string, src: string) => `cannot overwrite directory ${qa(dest)} with non-directory ${qa(src)}`,
  cannotOverwriteNonDirectory: (dest: string, src: string) => `cannot overwrite non-directory ${qa(dest)} with directory ${qa(src)}`,
  intoItself: (src: string, dest: string) => `cannot copy a directory, ${qa(src)}, into itself, ${qa(dest)}`,
  copied: (from: string, to: string) => `${qa(from)} -> ${qa(to)}`,
  askOverwrite: (name: string) => `overwrite ${qa(name)}`,
};

export const MV = {
  cannotStat: CP.cannotStat,
  sameFile: CP.sameFile,
  target: CP.target,
  targetNotDirectory: CP.targetNotDirectory,
  cannotMove: (from: string, to: string, reason: string) => `cannot move ${qa(from)} to ${qa(to)}: ${reason}`,
  intoSubdirectory: (from: string, to: string) => `cannot move ${qa(from)} to a subdirectory of itself, ${qa(to)}`,
  cannotOverwriteDirectory: CP.cannotOverwriteDirectory,
  cannotOverwriteNonDirectory: CP.cannotOverwriteNonDirectory,
  renamed: (from: string, to: string) => `renamed ${qa(from)} -> ${qa(to)}`,
  askOverwrite: CP.askOverwrite,
};

export const TOUCH = {
  cannotTouch: (name: string, reason: string) => `cannot touch ${qa(name)}: ${reason}`,
  settingTimes: (name: string, reason: string) => `setting times of ${qa(name)}: ${reason}`,
  invalidDate: (value: string) => `invalid date format ${q(value)}`,
  failedReference: (name: string, reason: string) => `failed to get attributes of ${qa(name)}: ${reason}`,
};

export const LN = {
  failedSymlink: (name: string, reason: string) => `failed to create symbolic link ${qa(name)}: ${reason}`,
  failedHardLink: (name: string, reason: string) => `failed to create hard link ${qa(name)}: ${reason}`,
  failedAccess: (name: string, reason: string) => `failed to access ${qa(name)}: ${reason}`,
  hardLinkDirectory: (name: string) => `${qf(name)}: hard link not allowed for directory`,
  target: (name: string, reason: string) => `target ${qa(name)}: ${reason}`,
  targetNotDirectory: (name: string) => `target ${qa(name)} is not a directory`,
  created: (link: string, target: string) => `${qa(link)} -> ${qa(target)}`,
  createdHard: (link: string, target: string) => `${qa(link)} => ${qa(target)}`,
};

export const CHMOD = {
  invalidMode: (mode: string) => `invalid mode: ${q(mode)}`,
  missingOperandAfter: (operand: string) => `missing operand after ${q(operand)}`,
  cannotAccess: (name: string, reason: string) => `cannot access ${qa(name)}: ${reason}`,
  changing: (name: string, reason: string) => `changing permissions of ${qa(name)}: ${reason}`,
  changed: (name: string, from: string, to: string) => `mode of ${qa(name)} changed from ${from} to ${to}`,
  retained: (name: string, mode: string) => `mode of ${qa(name)} retained as ${mode}`,
};

export const DU = {
  cannotAccess: (name: string, reason: string) => `cannot access ${qa(name)}: ${reason}`,
  cannotRead: (name: string, reason: string) => `cannot read directory ${qa(name)}: ${reason}`,
};

export const DF = {
  noFileSystems: 'no file systems processed',
  cannotAccess: (name: string, reason: string) => `${qf(name)}: ${reason}`,
};

export const STAT = {
  cannotStatx: (name: string, reason: string) => `cannot statx ${qa(name)}: ${reason}`,
};
