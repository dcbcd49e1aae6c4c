/**
 * cat: copies files (or standard input, chunk by chunk as it arrives, so that an interactive
 * `cat` echoes each line) to standard output; `-n`/`-b` number lines across all inputs, `-s`
 * squeezes blank lines, `-E`/`-T`/`-v`/`-A` make line ends, tabs and control characters visible.
 */
import type { Program } from '../../process';
import { has, type OptionDef } from './getopt';
import { Invocation } from './invocation';
import { fileError } from './messages/textutils';
import { forEachChunk } from './text-input';

type Key = 'number' | 'numberNonblank' | 'squeeze' | 'showEnds' | 'showTabs' | 'showNonprinting' | 'showAll' | 'e' | 't' | 'u';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'showAll', short: 'A', long: 'show-all' },
  { key: 'numberNonblank', short: 'b', long: 'number-nonblank' },
  { key: 'e', short: 'e' },
  { key: 'showEnds', short: 'E', long: 'show-ends' },
  { key: 'number', short: 'n', long: 'number' },
  { key: 'squeeze', short: 's', long: 'squeeze-blank' },
  { key: 't', short: 't' },
  { key: 'showTabs', short: 'T', long: 'show-tabs' },
  { key: 'u', short: 'u' },
  { key: 'showNonprinting', short: 'v', long: 'show-nonprinting' },
];

/** cat -v's notation: ^X for control characters, M- for the upper half, ^? for DEL. */
function visible(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 32) return `^${String.fromCharCode(code + 64)}`;
  if (code === 127) return '^?';
  if (code >= 128 && code < 160) return `M-^${String.fromCharCode(code - 128 + 64)}`;
  if (code >= 160 && code < 256) return `M-${String.fromCharCode(code - 128)}`;
  return char;
}

class LineDecorator {
  private lineNumber = 0;
  private atLineStart = true;
  private blankRun = 0;

  constructor(
    private readonly opts: { number: boolean; nonblank: boolean; squeeze: boolean; ends: boolean; tabs: boolean; nonprinting: boolean },
  ) {}

  get plain(): boolean {
    const o = this.opts;
    return !o.number && !o.nonblank && !o.squeeze && !o.ends && !o.tabs && !o.nonprinting;
  }

  transform(text: string): string {
    if (this.plain) return text;
    const o = this.opts;
    let out = '';
    for (const char of text) {
      if (this.atLineStart) {
        if (char === '\n') {
          this.blankRun += 1;
          if (o.squeeze && this.blankRun > 1) continue;
        } else {
          this.blankRun = 0;
        }
        if (o.number && !(o.nonblank && char === '\n')) out += `${String(++this.lineNumber).padStart(6)}\t`;
        else if (o.nonblank && char !== '\n') out += `${String(++this.lineNumber).padStart(6)}\t`;
        this.atLineStart = false;
      }
      if (char === '\n') {
        out += o.ends ? '$\n' : '\n';
        this.atLineStart = true;
      } else if (char === '\t') {
        out += o.tabs ? '^I' : '\t';
      } else if (o.nonprinting) {
        out += visible(char);
      } else {
        out += char;
      }
    }
    return out;
  }
}

export const cat: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  const flag = (key: Key) => has(parsed, key);
  const decorator = new LineDecorator({
    number: flag('number') || flag('numberNonblank'),
    nonblank: flag('numberNonblank'),
    squeeze: flag('squeeze'),
    ends: flag('showEnds') || flag('showAll') || flag('e'),
    tabs: flag('showTabs') || flag('showAll') || flag('t'),
    nonprinting: flag('showNonprinting') || flag('showAll') || flag('e') || flag('t'),
  });
  const operands = parsed.operands.length > 0 ? parsed.operands : ['-'];
  let status = 0;
  for (const operand of operands) {
    if (operand === '-') {
      for (;;) {
        const chunk = await ctx.stdin.read();
        if (chunk === null) break;
        ctx.stdout.write(decorator.transform(chunk));
      }
      continue;
    }
    const failure = await forEachChunk(inv, operand, (text) => ctx.stdout.write(decorator.transform(text)));
    if (failure) {
      inv.error(fileError(operand, failure.reason));
      status = 1;
    }
  }
  return status;
};
