/**
 * clear (ncurses 6.4): the terminal's clear sequence from terminfo for $TERM, plus the scrollback
 * erase `\e[3J` where the entry has it (unless -x). Without a usable TERM it fails as the real one.
 */
import type { Program } from '../../process';
import { parseArgs, type OptionDef } from './getopt';
import { Invocation } from './invocation';
import { CLEAR } from './messages/shellutils';

/** clear + E3 from Debian's terminfo for the terminals a student meets. */
const TERMINFO: Record<string, { clear: string; scrollback: string }> = {
  xterm: { clear: '\x1b[H\x1b[2J', scrollback: '\x1b[3J' },
  'xterm-256color': { clear: '\x1b[H\x1b[2J', scrollback: '\x1b[3J' },
  'xterm-color': { clear: '\x1b[H\x1b[2J', scrollback: '' },
  linux: { clear: '\x1b[H\x1b[J', scrollback: '\x1b[3J' },
  'tmux-256color': { clear: '\x1b[H\x1b[J', scrollback: '\x1b[3J' },
  tmux: { clear: '\x1b[H\x1b[J', scrollback: '\x1b[3J' },
  screen: { clear: '\x1b[H\x1b[J', scrollback: '' },
  'screen-256color': { clear: '\x1b[H\x1b[J', scrollback: '' },
  vt100: { clear: '\x1b[H\x1b[J', scrollback: '' },
  ansi: { clear: '\x1b[H\x1b[J', scrollback: '' },
};

type Key = 'term' | 'version' | 'noScrollback';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'term', short: 'T', arg: 'required' },
  { key: 'version', short: 'V' },
  { key: 'noScrollback', short: 'x' },
];

export const clear: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = parseArgs(inv.args, OPTIONS);
  if (!parsed.ok) {
    inv.error(parsed.message);
    ctx.stderr.write(`${CLEAR.usage}\n`);
    return 1;
  }
  if (parsed.options.some((o) => o.key === 'version')) {
    inv.out('ncurses 6.4.20221231\n');
    return 0;
  }
  const term = parsed.options.filter((o) => o.key === 'term').pop()?.value ?? ctx.env.TERM;
  if (term === undefined) {
    ctx.stderr.write(`${CLEAR.termNotSet}\n`);
    return 1;
  }
  if (term === 'dumb') return 1;
  const entry = TERMINFO[term];
  if (!entry) {
    ctx.stderr.write(`${CLEAR.unknownTerminal(term)}\n`);
    return 1;
  }
  const noScrollback = parsed.options.some((o) => o.key === 'noScrollback');
  inv.out(entry.clear + (noScrollback ? '' : entry.scrollback));
  return 0;
};
