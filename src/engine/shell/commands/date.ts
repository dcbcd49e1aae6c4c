/**
 * date: the simulated clock's time in UTC, as `Thu Nov 26 09:00:00 UTC 2026` or `+FORMAT`; `-d`
 * parses a date (see date-input), `-r FILE` uses its mtime, `-I`, `-R`, `-u` as GNU date.
 */
import type { Program } from '../../process';
import { parseDate } from './date-input';
import { has, lastValue, type OptionDef } from './getopt';
import { Invocation, reasonOf } from './invocation';
import { COMMON } from './messages/common';
import { DATE } from './messages/shellutils';
import { defaultDate, strftime } from './time-format';

type Key = 'date' | 'utc' | 'iso' | 'rfc' | 'reference' | 'set' | 'rfc3339';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'date', short: 'd', long: 'date', arg: 'required' },
  { key: 'iso', short: 'I', long: 'iso-8601', arg: 'optional' },
  { key: 'reference', short: 'r', long: 'reference', arg: 'required' },
  { key: 'rfc', short: 'R', long: ['rfc-email', 'rfc-2822'] },
  { key: 'rfc3339', long: 'rfc-3339', arg: 'required' },
  { key: 'set', short: 's', long: 'set', arg: 'required' },
  { key: 'utc', short: 'u', long: ['utc', 'universal'] },
];

const ISO_FORMATS: Record<string, string> = {
  date: '%Y-%m-%d',
  hours: '%Y-%m-%dT%H+00:00',
  minutes: '%Y-%m-%dT%H:%M+00:00',
  seconds: '%Y-%m-%dT%H:%M:%S+00:00',
  ns: '%Y-%m-%dT%H:%M:%S,%N+00:00',
};

export const date: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  const now = ctx.clock.now();
  let time = now;
  const dateText = lastValue(parsed, 'date');
  if (dateText !== undefined) {
    const value = parseDate(dateText, now);
    if (value === null) {
      inv.error(DATE.invalidDate(dateText));
      return 1;
    }
    time = value;
  }
  const reference = lastValue(parsed, 'reference');
  if (reference !== undefined) {
    try {
      time = ctx.fs.stat(inv.path(reference)).mtime;
    } catch (error) {
      inv.error(DATE.referenceFailed(reference, reasonOf(error)));
      return 1;
    }
  }
  const formats = parsed.operands.filter((o) => o.startsWith('+'));
  const others = parsed.operands.filter((o) => !o.startsWith('+'));
  if (others.length > 0 || formats.length > 1) return inv.usageError(COMMON.extraOperand((others[0] ?? formats[1])!));
  let format: string | null = formats[0]?.slice(1) ?? null;
  const iso = parsed.options.find((o) => o.key === 'iso');
  if ((iso || has(parsed, 'rfc')) && format !== null) {
    inv.error(DATE.multipleFormats);
    return 1;
  }
  if (iso) {
    const kind = iso.value ?? 'date';
    const match = Object.keys(ISO_FORMATS).find((k) => k.startsWith(kind));
    if (!match) {
      inv.error(COMMON.invalidArgument(kind, '--iso-8601', [['hours'], ['minutes'], ['date'], ['seconds'], ['ns']]));
      return inv.usageError(null);
    }
    format = ISO_FORMATS[match]!;
  }
  if (has(parsed, 'rfc')) format = '%a, %d %b %Y %H:%M:%S +0000';
  if (has(parsed, 'set')) {
    inv.error(DATE.cannotSet);
    inv.out(`${defaultDate(time)}\n`);
    return 1;
  }
  inv.out(`${format === null ? defaultDate(time) : strftime(format, time)}\n`);
  return 0;
};
