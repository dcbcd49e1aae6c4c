/**
 * Running a RUN step's process in the build container: the root filesystem (overlay of the
 * parent layers plus a fresh upper, with the step's mounts), the step's env, working directory
 * and user, no stdin, output captured for the progress log. The process itself is the container
 * runtime's (runtime/exec.ts); this maps its outcome to what BuildKit reports: runc's start
 * failures are a log line and exit code 1 (`runc run failed: unable to start container process:
 * exec: "x": executable file not found in $PATH`), an unknown user fails the step.
 */
import type { FileSystemView } from '../../fs/types';
import type { Clock, InterruptSignal, OutputStream, Program } from '../../process';
import { runInContainer } from '../runtime';

export interface RunRequest {
  /** The container's root filesystem, as root sees it. */
  fs: FileSystemView;
  argv: readonly string[];
  env: readonly string[];
  cwd: string;
  /** `''` (root), `name`, `uid`, `name:group`, `uid:gid`. */
  user: string;
  stdout: OutputStream;
  stderr: OutputStream;
  clock: Clock;
  signal: InterruptSignal;
}

export interface RunOutcome {
  /** The process's exit status, or undefined when it never started. */
  exitCode?: number;
  /** Why it did not start (BuildKit puts this after `did not complete successfully: `). */
  startError?: string;
}

/** How RUN executes a command (tests may swap it). */
export type ContainerExec = (request: RunRequest, programs?: (id: string) => Program | undefined) => Promise<RunOutcome>;

/** The container runtime's process, as BuildKit's executor reports it. */
export const runtimeExec: ContainerExec = async (req, programs) => {
  const result = await runInContainer({
    rootfs: req.fs,
    argv: req.argv,
    env: req.env,
    workdir: req.cwd,
    user: req.user,
    createWorkdir: true,
    stdout: req.stdout,
    stderr: req.stderr,
    clock: req.clock,
    signal: req.signal,
    ...(programs ? { programs } : {}),
  });
  if (result.kind === 'exited') return { exitCode: result.status };
  if (result.stage === 'exec') {
    req.stderr.write(`runc run failed: unable to start container process: ${result.reason}\n`);
    return { exitCode: 1 };
  }
  return { startError: result.reason };
};
