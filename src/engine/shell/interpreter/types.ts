/**
 * Shared shapes of the interpreter: the I/O a command runs with, builtins, and the exceptions that
 * carry control flow (exit, return, break, continue, an aborted command line).
 */
import type { OutputStream } from '../../process';
import { BufferedInput, EMPTY_INPUT, NULL_OUTPUT } from './io';
import type { Fds } from './io';
import type { Shell } from './shell';

/** The descriptors a command runs with. */
export interface CommandIO {
  fds: Fds;
}

export function stdinOf(io: CommandIO): BufferedInput {
  return io.fds[0]?.input ?? new BufferedInput(EMPTY_INPUT);
}

export function stdoutOf(io: CommandIO): OutputStream {
  return io.fds[1]?.output ?? NULL_OUTPUT;
}

export function stderrOf(io: CommandIO): OutputStream {
  return io.fds[2]?.output ?? NULL_OUTPUT;
}

/** A builtin runs inside the shell process: it can change the shell's state. */
export type Builtin = (shell: Shell, args: string[], io: CommandIO) => Promise<number> | number;

/** `exit`: leaves the shell (or the subshell) with a status. */
export class ExitRequest {
  constructor(readonly status: number) {}
}

/** `return` from a function or a sourced file. */
export class ReturnRequest {
  constructor(readonly status: number) {}
}

/** `break N` / `continue N`. */
export class LoopControl {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

/**
 * An error that abandons the whole command line, as an expansion error does in an interactive
 * bash (`${x:?}`, bad substitution, division by 0): the message is printed, `$?` becomes `status`.
 */
export class AbortCommand {
  constructor(readonly status: number) {}
}

/** Ctrl+C reached the foreground job: the rest of the command line does not run. */
export class InterruptRequest {
  constructor(readonly signo: number) {}
}
