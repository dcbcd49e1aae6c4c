/** readlink and realpath: what a symlink says, and where a path really leads. */
import type { Program } from '../../process';
import { normalize } from '../../fs/path';
import { has, type OptionDef } from './getopt';
import { codeOf, Invocation, reasonOf } from './invocation';
import { COMMON } from './messages/common';
import { fileError } from './messages/textutils';

type ReadlinkKey = 'canonicalize' | 'existing' | 'missing' | 'noNewline' | 'quiet' | 'verbose' | 'zero';
const READLINK_OPTIONS: OptionDef<ReadlinkKey>[] = [
  { key: 'canonicalize', short: 'f', long: 'canonicalize' },
  { key: 'existing', short: 'e', long: 'canonicalize-existing' },
  { key: 'missing', short: 'm', long: 'canonicalize-missing' },
  { key: 'noNewline', short: 'n', long: 'no-newline' },
  { key: 'quiet', short: 'q', long: 'quiet' },
  { key: 'quiet', short: 's', long: 'silent' },
  { key: 'verbose', short: 'v', long: 'verbose' },
  { key: 'zero', short: 'z', long: 'zero' },
];

/** The path with every symlink resolved; the last component may be missing unless `existing`. */
function canonical(inv: Invocation, operand: string, mode: 'existing' | 'lastMissing' | 'missing'): string {
  const fs = inv.ctx.fs;
  const path = inv.path(operand);
  try {
    return fs.realpath(path);
  } catch (error) {
    if (mode === 'existing' || codeOf(error) !== 'ENOENT') throw error;
    const trimmed = normalize(path).replace(/\/+$/, '');
    const slash = trimmed.lastIndexOf('/');
    const parent = slash <= 0 ? '/' : trimmed.slice(0, slash);
    const name = trimmed.slice(slash + 1);
    let parentReal: string;
    try {
      parentReal = fs.realpath(parent);
    } catch (parentError) {
      if (mode !== 'missing') throw parentError;
      parentReal = normalize(parent);
    }
    return `${parentReal === '/' ? '' : parentReal}/${name}`;
  }
}

export const readlink: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(READLINK_OPTIONS);
  if (!parsed) return 1;
  if (parsed.operands.length === 0) return inv.usageError(COMMON.missingOperand);
  const end = has(parsed, 'zero') ? '\0' : has(parsed, 'noNewline') ? '' : '\n';
  let status = 0;
  for (const operand of parsed.operands) {
    try {
      if (has(parsed, 'canonicalize') || has(parsed, 'existing') || has(parsed, 'missing')) {
        inv.out(`${canonical(inv, operand, has(parsed, 'existing') ? 'existing' : has(parsed, 'missing') ? 'missing' : 'lastMissing')}${end}`);
      } else {
        inv.out(`${ctx.fs.readlink(inv.path(operand))}${end}`);
      }
    } catch (error) {
      if (has(parsed, 'verbose')) inv.error(fileError(operand, reasonOf(error)));
      status = 1;
    }
  }
  return status;
};

type RealpathKey = 'existing' | 'missing' | 'quiet' | 'zero' | 'noSymlinks';
const REALPATH_OPTIONS: OptionDef<RealpathKey>[] = [
  { key: 'existing', short: 'e', long: 'canonicalize-existing' },
  { key: 'missing', short: 'm', long: 'canonicalize-missing' },
  { key: 'quiet', short: 'q', long: 'quiet' },
  { key: 'noSymlinks', short: 's', long: ['strip', 'no-symlinks'] },
  { key: 'zero', short: 'z', long: 'zero' },
];

export const realpath: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(REALPATH_OPTIONS);
  if (!parsed) return 1;
  if (parsed.operands.length === 0) return inv.usageError(COMMON.missingOperand);
  const end = has(parsed, 'zero') ? '\0' : '\n';
  let status = 0;
  for (const operand of parsed.operands) {
    try {
      const result = has(parsed, 'noSymlinks') ? normalize(inv.path(operand)) : canonical(inv, operand, has(parsed, 'existing') ? 'existing' : has(parsed, 'missing') ? 'missing' : 'lastMissing');
      inv.out(`${result}${end}`);
    } catch (error) {
      if (!has(parsed, 'quiet')) inv.error(fileError(operand, reasonOf(error)));
      status = 1;
    }
  }
  return status;
};
