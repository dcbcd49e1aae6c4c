/**
 * echo as bash's builtin: leading words made only of n, e and E letters (`-n`, `-ne`, `-E`) are
 * options, anything else (`--`, `-nx`, `-`) is printed; -e expands backslash escapes, `\c` stops.
 */
import type { Program } from '../../process';
import { expandEscapes } from './backslash-escapes';

export const echo: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  let index = 0;
  while (index < args.length && /^-[neE]+$/.test(args[index]!)) {
    for (const letter of args[index]!.slice(1)) {
      if (letter === 'n') newline = false;
      else escapes = letter === 'e';
    }
    index += 1;
  }
  let text = '';
  for (const [position, arg] of args.slice(index).entries()) {
    if (position > 0) text += ' ';
    if (!escapes) {
      text += arg;
      continue;
    }
    const expanded = expandEscapes(arg, 'echo');
    text += expanded.text;
    if (expanded.stop) {
      ctx.stdout.write(text);
      return 0;
    }
  }
  ctx.stdout.write(newline ? `${text}\n` : text);
  return 0;
};
