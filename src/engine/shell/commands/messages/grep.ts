/** Diagnostics of GNU grep 3.8 in C.UTF-8. */
import { quoteShellEscape as qf } from '../quoting';

export const GREP = {
  usage: 'Usage: grep [OPTION]... PATTERNS [FILE]...',
  fileError: (name: string, reason: string) => `${qf(name)}: ${reason}`,
  binaryMatches: (name: string) => `${qf(name)}: binary file matches`,
  stdinLabel: '(standard input)',
  directoryActions: ['read', 'recurse', 'skip'] as const,
  invalidContext: (value: string) => `${value}: invalid context length argument`,
  invalidMaxCount: 'invalid max count',
  warningStarAtStart: 'warning: * at start of expression',
  recursiveDirectoryLoop: (name: string) => `${qf(name)}: warning: recursive directory loop`,
};
