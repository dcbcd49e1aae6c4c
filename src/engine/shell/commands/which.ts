/** which (debianutils): the first executable of each name along $PATH, or all with -a; 1 if any is missing. */
import type { Program } from '../../process';
import { Invocation } from './invocation';
import { WHICH } from './messages/shellutils';
import { searchPath } from './spawn';

export const which: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  let all = false;
  const names: string[] = [];
  let optionsDone = false;
  for (const arg of inv.args) {
    if (!optionsDone && arg === '--') {
      optionsDone = true;
      continue;
    }
    if (!optionsDone && arg.startsWith('-') && arg.length > 1) {
      for (const letter of arg.slice(1)) {
        if (letter === 'a') all = true;
        else {
          ctx.stderr.write(`${WHICH.illegalOption(letter)}\n`);
          ctx.stdout.write(`${WHICH.usage('/usr/bin/which')}\n`);
          return 2;
        }
      }
      continue;
    }
    optionsDone = true;
    names.push(arg);
  }
  if (names.length === 0) return 1;
  let status = 0;
  for (const name of names) {
    let found: string[];
    if (name.includes('/')) {
      try {
        const path = inv.path(name);
        found = ctx.fs.stat(path).kind === 'file' && ctx.fs.access(path, 1) ? [name] : [];
      } catch {
        found = [];
      }
    } else {
      found = searchPath(ctx.fs, ctx.cwd, name, ctx.env.PATH);
    }
    if (found.length === 0) status = 1;
    inv.out((all ? found : found.slice(0, 1)).map((path) => `${path}\n`).join(''));
  }
  return status;
};
