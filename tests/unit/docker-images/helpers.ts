/**
 * Running docker commands of a simulated laptop with a chosen terminal: the `docker` program of
 * createStudentWorld, called with a process context of our own (user student, in its home).
 */
import type { FileSystem, FileSystemView } from '../../../src/engine/fs/types';
import type { InputStream, InterruptSignal, ProcessContext } from '../../../src/engine/process';
import { InterruptController } from '../../../src/engine/signal';
import { createStudentWorld } from '../../../src/engine/world';
import type { StudentHostOptions } from '../../../src/engine/world';

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr in the order written */
  merged: string;
}

export interface RunOptions {
  /** stdin, stdout and stderr are a terminal */
  tty?: boolean;
  columns?: number;
  /** What stdin holds (chunks are read one by one); null: nothing, end of input. */
  stdin?: string | string[] | null;
  env?: Record<string, string>;
  signal?: InterruptSignal;
  /** Called for every chunk written (e.g. to interrupt mid-stream). */
  onWrite?: (chunk: string) => void;
}

function input(text: string | string[] | null | undefined): InputStream {
  let chunks = text === null || text === undefined ? [] : Array.isArray(text) ? [...text] : [text];
  return {
    read: async () => {
      const [first, ...rest] = chunks;
      chunks = rest;
      return first ?? null;
    },
  };
}

/** Splits a command line like the tests need it: spaces separate, single quotes group. */
export function words(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|(\S+)/g;
  for (const m of line.matchAll(re)) out.push(m[1] ?? m[2]!);
  return out;
}

export type World = ReturnType<typeof createStudentWorld> & {
  docker(line: string, options?: RunOptions): Promise<Run>;
  fs: FileSystem;
};

export function laptop(options: StudentHostOptions = {}): World {
  const world = createStudentWorld(options);
  const fs = (world.engine.hostFs as FileSystemView).as({ uid: 1000, gid: 1000, groups: [1000] });
  const docker = async (line: string, opts: RunOptions = {}): Promise<Run> => {
    const out = { stdout: '', stderr: '', merged: '' };
    const stream = (name: 'stdout' | 'stderr') => ({
      write(text: string) {
        out[name] += text;
        out.merged += text;
        opts.onWrite?.(text);
      },
    });
    const tty = opts.tty ?? false;
    const ctx: ProcessContext = {
      argv: ['docker', ...words(line)],
      env: { HOME: '/home/student', USER: 'student', PATH: '/usr/local/bin:/usr/bin:/bin', ...opts.env },
      cwd: '/home/student',
      fs,
      cred: { uid: 1000, gid: 1000, groups: [1000] },
      stdin: input(opts.stdin),
      stdout: stream('stdout'),
      stderr: stream('stderr'),
      tty: { stdin: tty, stdout: tty, stderr: tty },
      terminal: { columns: opts.columns ?? 80, rows: 24 },
      clock: world.host.clock,
      signal: opts.signal ?? new InterruptController().signal,
    };
    const program = world.host.programs.get('docker')!;
    const status = await program(ctx);
    return { status, ...out };
  };
  return { ...world, docker, fs };
}

/** `cat -v`-like: escapes shown, for readable failures. */
export function visible(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '^M');
}
