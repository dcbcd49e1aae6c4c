/**
 * Runs a command program directly against a MemoryFs with a fake ProcessContext (no shell): the
 * student's laptop as the real recorder sees it (user student, uid 1000, an empty /home/student,
 * the programs installed in /usr/bin). Expected outputs in these tests come from the real programs.
 */
import { VirtualClock, DEFAULT_EPOCH } from '../../../src/engine/clock';
import { MemoryFs } from '../../../src/engine/fs/memory';
import type { FileSystem } from '../../../src/engine/fs/types';
import type { Program, ProcessContext } from '../../../src/engine/process';
import { InterruptController } from '../../../src/engine/signal';
import { coreutils } from '../../../src/engine/shell/commands';
import { installProgram } from '../../../src/engine/shell/executable';

export const STUDENT = { uid: 1000, gid: 1000, groups: [1000] };

export interface Laptop {
  root: MemoryFs;
  fs: FileSystem;
  clock: VirtualClock;
}

export function laptop(): Laptop {
  const clock = new VirtualClock(DEFAULT_EPOCH);
  const root = new MemoryFs({ clock: () => clock.now(), root: { mtime: DEFAULT_EPOCH } });
  root.mkdir('/etc');
  root.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nstudent:x:1000:1000::/home/student:/bin/bash\n');
  root.writeFile('/etc/group', 'root:x:0:\nsudo:x:27:\nstudent:x:1000:\n');
  root.writeFile('/etc/hostname', 'laptop\n');
  root.mkdir('/home/student', { recursive: true });
  root.chown('/home/student', 1000, 1000);
  root.mkdir('/tmp');
  root.chmod('/tmp', 0o1777);
  root.mkdir('/usr/bin', { recursive: true });
  for (const name of Object.keys(coreutils)) installProgram(root, `/usr/bin/${name}`, name);
  root.symlink('usr/bin', '/bin');
  return { root, fs: root.as(STUDENT), clock };
}

export interface RunOptions {
  cwd?: string;
  /** Standard input: one text, or chunks delivered one per read (as a pipe from a running program). */
  stdin?: string | string[];
  tty?: boolean;
  columns?: number;
  env?: Record<string, string>;
  signal?: InterruptController;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as written, as a transcript shows them. */
  output: string;
  status: number;
  /** How many times the program read its standard input. */
  stdinReads: number;
}

export async function run(lap: Laptop, argv: string[], options: RunOptions = {}): Promise<RunResult> {
  return runProgram(coreutils[argv[0]!]!, lap, argv, options);
}

export async function runProgram(program: Program, lap: Laptop, argv: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  let output = '';
  const chunks = typeof options.stdin === 'string' ? [options.stdin] : [...(options.stdin ?? [])];
  let reads = 0;
  const tty = options.tty ?? false;
  const ctx: ProcessContext = {
    argv,
    env: { HOME: '/home/student', USER: 'student', LOGNAME: 'student', PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8', PWD: options.cwd ?? '/home/student', ...(tty ? { TERM: 'xterm-256color' } : {}), ...options.env },
    cwd: options.cwd ?? '/home/student',
    fs: lap.fs,
    cred: STUDENT,
    stdin: {
      read: async () => {
        reads += 1;
        return chunks.shift() ?? null;
      },
    },
    stdout: { write: (text) => ((stdout += text), (output += text)) },
    stderr: { write: (text) => ((stderr += text), (output += text)) },
    tty: { stdin: tty, stdout: tty, stderr: tty },
    terminal: { columns: options.columns ?? 80, rows: 24 },
    clock: lap.clock,
    signal: (options.signal ?? new InterruptController()).signal,
  };
  const status = await program(ctx);
  return { stdout, stderr, output, status, stdinReads: reads };
}
