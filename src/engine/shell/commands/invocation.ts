/**
 * One run of a command: its name as typed (GNU programs prefix diagnostics with argv[0]), its
 * operands, and the few things every program does with them: print a diagnostic, print a usage
 * error with the "Try … --help" hint, turn a typed path into the absolute path the fs expects.
 */
import { FsError } from '../../fs/types';
import type { ProcessContext } from '../../process';
import { COMMON } from './messages/common';
import { parseArgs, type OptionDef, type ParsedArgs, type ParseSettings } from './getopt';

export class Invocation {
  readonly name: string;
  readonly args: readonly string[];

  constructor(readonly ctx: ProcessContext) {
    this.name = ctx.argv[0] ?? '';
    this.args = ctx.argv.slice(1);
  }

  out(text: string): void {
    this.ctx.stdout.write(text);
  }

  /** `NAME: message` on stderr. */
  error(message: string): void {
    this.ctx.stderr.write(`${this.name}: ${message}\n`);
  }

  /** `NAME: message` then `Try 'NAME --help' for more information.`; resolves to `status`. */
  usageError(message: string | null, status = 1): number {
    if (message !== null) this.error(message);
    this.ctx.stderr.write(`${COMMON.tryHelp(this.name)}\n`);
    return status;
  }

  /** Parses the options GNU-style; on a bad option prints glibc's line and the hint. */
  parse<K extends string>(defs: readonly OptionDef<K>[], settings?: ParseSettings): ParsedArgs<K> | null {
    const parsed = parseArgs(this.args, defs, settings);
    if (!parsed.ok) {
      this.usageError(parsed.message);
      return null;
    }
    return parsed;
  }

  /** The absolute path of an operand; the fs resolves `.`, `..` and repeated slashes itself. Throws FsError for ''. */
  path(operand: string): string {
    return absolutePath(this.ctx.cwd, operand);
  }

  get home(): string {
    return this.ctx.env.HOME ?? '/';
  }
}

/** An empty operand names no file: ENOENT, as the kernel says for `ls ''`. */
export function absolutePath(cwd: string, operand: string): string {
  if (operand === '') throw new FsError('ENOENT', '', 'lookup');
  if (operand.startsWith('/')) return operand;
  return cwd.endsWith('/') ? `${cwd}${operand}` : `${cwd}/${operand}`;
}

/** The strerror text of a filesystem failure; anything else is a bug and goes on up. */
export function reasonOf(error: unknown): string {
  if (error instanceof FsError) return error.reason;
  throw error;
}

/** The FsError code of a failure, or rethrows what is not an FsError. */
export function codeOf(error: unknown): FsError['code'] {
  if (error instanceof FsError) return error.code;
  throw error;
}
