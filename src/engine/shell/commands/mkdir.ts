/**
 * mkdir: `-p` creates missing parents (and is quiet about existing directories), `-v` tells each
 * directory made, `-m` sets the mode. Diagnostics name the component that failed, as typed.
 */
import { STRERROR } from '../../fs/types';
import type { Program } from '../../process';
import { parseMode } from './file-mode';
import { has, lastValue, type OptionDef } from './getopt';
import { codeOf, Invocation, reasonOf } from './invocation';
import { COMMON } from './messages/common';
import { CHMOD, MKDIR } from './messages/fileutils';
import { umaskOf } from './fs-capabilities';

type Key = 'parents' | 'verbose' | 'mode';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'parents', short: 'p', long: 'parents' },
  { key: 'verbose', short: 'v', long: 'verbose' },
  { key: 'mode', short: 'm', long: 'mode', arg: 'required' },
];

/** The operand's leading parts as typed: `./n//o/` gives `.`, `./n`, `./n//o/`. */
function prefixes(operand: string): string[] {
  const result: string[] = [];
  const re = /[^/]+/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(operand)) !== null) result.push(operand.slice(0, match.index + match[0].length));
  if (result.length > 0) result[result.length - 1] = operand;
  return result;
}

export const mkdir: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  if (parsed.operands.length === 0) return inv.usageError(COMMON.missingOperand);
  const fs = ctx.fs;
  const modeText = lastValue(parsed, 'mode');
  let mode: number | undefined;
  if (modeText !== undefined) {
    const change = parseMode(modeText);
    if (!change) {
      inv.error(CHMOD.invalidMode(modeText));
      return 1;
    }
    mode = change.apply(0o777, true, umaskOf(fs));
  }
  const verbose = has(parsed, 'verbose');
  let status = 0;
  const make = (typed: string): boolean => {
    try {
      fs.mkdir(inv.path(typed));
      if (mode !== undefined) fs.chmod(inv.path(typed), mode);
      if (verbose) inv.out(`${inv.name}: ${MKDIR.created(typed)}\n`);
      return true;
    } catch (error) {
      inv.error(MKDIR.cannotCreate(typed, reasonOf(error)));
      return false;
    }
  };
  for (const operand of parsed.operands) {
    if (!has(parsed, 'parents') || operand === '') {
      if (!make(operand)) status = 1;
      continue;
    }
    const parts = prefixes(operand);
    for (const [index, prefix] of parts.entries()) {
      const last = index === parts.length - 1;
      const base = prefix.replace(/\/+$/, '').split('/').pop();
      if (base === '.' || base === '..') continue;
      let kind: string | null = null;
      try {
        kind = fs.stat(inv.path(prefix)).kind;
      } catch (error) {
        if (codeOf(error) !== 'ENOENT') {
          inv.error(MKDIR.cannotCreate(prefix, reasonOf(error)));
          status = 1;
          break;
        }
      }
      if (kind === 'dir') continue;
      if (kind !== null) {
        inv.error(MKDIR.cannotCreate(prefix, STRERROR[last ? 'EEXIST' : 'ENOTDIR']));
        status = 1;
        break;
      }
      if (!make(prefix)) {
        status = 1;
        break;
      }
    }
  }
  return status;
};
