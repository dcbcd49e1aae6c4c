/**
 * How programs (shell builtins, coreutils, docker, programs inside containers) meet the world:
 * each runs as an async function over a ProcessContext and resolves to its exit status.
 * Nothing here knows about the DOM or about xterm.
 */
import type { Credentials, FileSystem } from './fs/types';

export interface OutputStream {
  write(text: string): void;
}

export interface InputStream {
  /** Resolves with the next chunk of input, or null at end of input (Ctrl+D, end of a pipe or file). */
  read(): Promise<string | null>;
}

export interface TerminalInfo {
  columns: number;
  rows: number;
}

/** Simulated time. `sleep` resolves early (rejecting with Interrupted) when the signal fires. */
export interface Clock {
  /** Milliseconds since the epoch, simulated. */
  now(): number;
  sleep(ms: number, signal?: InterruptSignal): Promise<void>;
}

/** Ctrl+C and `docker stop` reach a running program through this. */
export interface InterruptSignal {
  readonly interrupted: boolean;
  /** The signal number that interrupted the program (2 = SIGINT, 15 = SIGTERM, 9 = SIGKILL). */
  readonly signo: number;
  onInterrupt(listener: (signo: number) => void): () => void;
}

export class Interrupted extends Error {
  constructor(readonly signo: number) {
    super(`interrupted by signal ${signo}`);
    this.name = 'Interrupted';
  }
}

export interface ProcessContext {
  /** argv[0] is the command name as typed. */
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  fs: FileSystem;
  cred: Credentials;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Which standard streams are a terminal (what `isatty` would say). */
  tty: { stdin: boolean; stdout: boolean; stderr: boolean };
  terminal: TerminalInfo;
  clock: Clock;
  signal: InterruptSignal;
}

/** A program: resolves to its exit status (0–255). */
export type Program = (ctx: ProcessContext) => Promise<number>;
