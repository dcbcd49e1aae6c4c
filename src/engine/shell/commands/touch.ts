/**
 * touch: sets a file's time to now (or to `-d DATE` / `-t STAMP`), creating it empty unless `-c`.
 */
import type { Program } from '../../process';
import { has, lastValue, type OptionDef } from './getopt';
import { codeOf, Invocation, reasonOf } from './invocation';
import { COMMON } from './messages/common';
import { TOUCH } from './messages/fileutils';
import { parseDate, parseTouchStamp } from './date-input';

type Key = 'noCreate' | 'date' | 'stamp' | 'access' | 'modify' | 'reference' | 'noDereference';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'access', short: 'a' },
  { key: 'noCreate', short: 'c', long: 'no-create' },
  { key: 'date', short: 'd', long: 'date', arg: 'required' },
  { key: 'noDereference', short: 'h', long: 'no-dereference' },
  { key: 'modify', short: 'm' },
  { key: 'reference', short: 'r', long: 'reference', arg: 'required' },
  { key: 'stamp', short: 't', arg: 'required' },
];

export const touch: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  const now = ctx.clock.now();
  let time = now;
  const dateText = lastValue(parsed, 'date');
  if (dateText !== undefined) {
    const parsedDate = parseDate(dateText, now);
    if (parsedDate === null) {
      inv.error(TOUCH.invalidDate(dateText));
      return 1;
    }
    time = parsedDate;
  }
  const stampText = lastValue(parsed, 'stamp');
  if (stampText !== undefined) {
    const stamp = parseTouchStamp(stampText, now);
    if (stamp === null) {
      inv.error(TOUCH.invalidDate(stampText));
      return 1;
    }
    time = stamp;
  }
  const reference = lastValue(parsed, 'reference');
  if (reference !== undefined) {
    try {
      time = ctx.fs.stat(inv.path(reference)).mtime;
    } catch (error) {
      inv.error(TOUCH.failedReference(reference, reasonOf(error)));
      return 1;
    }
  }
  if (parsed.operands.length === 0) return inv.usageError(COMMON.missingFileOperand);
  const onlyAccess = has(parsed, 'access') && !has(parsed, 'modify');
  let status = 0;
  for (const operand of parsed.operands) {
    if (operand === '-') continue;
    let exists = true;
    try {
      ctx.fs.stat(inv.path(operand));
    } catch (error) {
      try {
        if (codeOf(error) !== 'ENOENT') throw error;
        exists = false;
      } catch (other) {
        inv.error(TOUCH.cannotTouch(operand, reasonOf(other)));
        status = 1;
        continue;
      }
    }
    try {
      if (!exists) {
        if (has(parsed, 'noCreate')) continue;
        ctx.fs.writeFile(inv.path(operand), '', { mode: 0o666 });
        if (time !== now) ctx.fs.utimes(inv.path(operand), time);
      } else if (!onlyAccess) {
        ctx.fs.utimes(inv.path(operand), time);
      }
    } catch (error) {
      inv.error(exists ? TOUCH.settingTimes(operand, reasonOf(error)) : TOUCH.cannotTouch(operand, reasonOf(error)));
      status = 1;
    }
  }
  return status;
};
