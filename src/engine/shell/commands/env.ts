/**
 * env: prints the environment, or runs a command in a modified one (`-i`, `-u NAME`, `NAME=VALUE`,
 * `-C DIR`). 125 when env itself fails, 126 when the command cannot run, 127 when it is not found.
 */
import type { Program } from '../../process';
import { has, lastValue, parseArgs, type OptionDef } from './getopt';
import { absolutePath, Invocation } from './invocation';
import { ENV } from './messages/shellutils';
import { failureStatus, startCommand, type ProgramLookup } from './spawn';

type Key = 'ignore' | 'unset' | 'null' | 'chdir' | 'split';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'ignore', short: 'i', long: 'ignore-environment' },
  { key: 'null', short: '0', long: 'null' },
  { key: 'unset', short: 'u', long: 'unset', arg: 'required' },
  { key: 'chdir', short: 'C', long: 'chdir', arg: 'required' },
  { key: 'split', short: 'S', long: 'split-string', arg: 'required' },
];

export function makeEnv(lookup: ProgramLookup): Program {
  return async (ctx) => {
    const inv = new Invocation(ctx);
    // a lone `-` means -i, as in POSIX
    const args = inv.args.map((arg, i) => (arg === '-' && inv.args.slice(0, i).every((a) => a.startsWith('-')) ? '-i' : arg));
    const parsed = parseArgs(args, OPTIONS, { stopAtFirstOperand: true });
    if (!parsed.ok) return inv.usageError(parsed.message, 125);
    let env: Record<string, string> = has(parsed, 'ignore') ? {} : { ...ctx.env };
    for (const option of parsed.options) {
      if (option.key !== 'unset') continue;
      const name = option.value ?? '';
      if (name === '' || name.includes('=')) {
        inv.error(ENV.cannotUnset(name));
        return 125;
      }
      delete env[name];
    }
    const operands = [...parsed.operands];
    const split = lastValue(parsed, 'split');
    if (split !== undefined) operands.unshift(...split.split(/\s+/).filter(Boolean));
    while (operands.length > 0 && /^[^=]*=/.test(operands[0]!)) {
      const assignment = operands.shift()!;
      const eq = assignment.indexOf('=');
      if (eq === 0) continue;
      env = { ...env, [assignment.slice(0, eq)]: assignment.slice(eq + 1) };
    }
    if (operands.length === 0) {
      const end = has(parsed, 'null') ? '\0' : '\n';
      inv.out(Object.entries(env).map(([k, v]) => `${k}=${v}${end}`).join(''));
      return 0;
    }
    const cwd = lastValue(parsed, 'chdir');
    const result = await startCommand(ctx, operands, cwd !== undefined ? { env, cwd: absolutePath(ctx.cwd, cwd) } : { env }, lookup);
    if (result.kind === 'error') {
      inv.error(ENV.notFound(operands[0]!, result.reason));
      return failureStatus(result);
    }
    return result.status;
  };
}

/** printenv: the whole environment, or the values of the names given (1 when one is missing). */
export const printenv: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse<'null'>([{ key: 'null', short: '0', long: 'null' }]);
  if (!parsed) return 2;
  const end = has(parsed, 'null') ? '\0' : '\n';
  if (parsed.operands.length === 0) {
    inv.out(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}${end}`).join(''));
    return 0;
  }
  let status = 0;
  for (const name of parsed.operands) {
    const value = ctx.env[name];
    if (value === undefined || name.includes('=')) status = 1;
    else inv.out(`${value}${end}`);
  }
  return status;
};
