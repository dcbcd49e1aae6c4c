/**
 * Running a command from inside a program, as execvp(3) does for env, xargs, find -exec, sudo,
 * timeout…: PATH search, executables on disk, scripts and their interpreters. The program gets
 * its ProcessContext from a shell; `spawn` finds that shell's program table through it.
 */
import type { FsErrorCode } from '../fs/types';
import type { ProcessContext } from '../process';
import { shellOf } from './interpreter/shell';

export type SpawnResult =
  /** The command ran and exited with `status`. */
  | { kind: 'ran'; status: number }
  /** execvp failed: ENOENT (not found), EACCES (not executable), EISDIR…; nothing ran. */
  | { kind: 'error'; code: FsErrorCode; reason: string };

export interface SpawnOptions {
  env?: Record<string, string>;
  cwd?: string;
  stdin?: ProcessContext['stdin'];
  stdout?: ProcessContext['stdout'];
  stderr?: ProcessContext['stderr'];
}

/**
 * Runs `argv` (argv[0] searched in `env.PATH` unless it has a slash) with the caller's context,
 * changed by `options`. Failures to start are returned for the caller to word (`env: ‘x’: No such
 * file or directory`); the started program's own messages go to its stderr.
 */
export async function spawn(ctx: ProcessContext, argv: string[], options: SpawnOptions = {}): Promise<SpawnResult> {
  const shell = shellOf(ctx);
  if (!shell) return { kind: 'error', code: 'ENOENT', reason: 'No such file or directory' };
  return shell.spawnFrom(ctx, argv, options);
}
