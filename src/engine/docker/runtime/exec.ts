/**
 * Running one process in a container's filesystem, as runc starts it: the user looked up in the
 * container's /etc/passwd, the working directory, the executable found along the container's
 * PATH (Go's exec.LookPath), then execve — a simulated program, a `#!` script, or the kernel's
 * `exec format error`. The process then runs through the shell room (programs get a
 * ProcessContext whose filesystem is the container's, seen with the process's credentials).
 *
 * Signals follow the kernel's rule for PID 1: without `--init`, the container's main process
 * only gets the signals its program handles (Python's SIGINT); everything else but SIGKILL is
 * dropped, which is why `docker stop` waits 10 s for `sleep 30` and ends it with 137. Other
 * processes (and children of `--init`) take the default action: 128 + the signal.
 *
 * This is the function the builder's RUN uses too (see README.md): keep its options stable.
 */
import { FsError } from '../../fs/types';
import type { Credentials, FileSystem } from '../../fs/types';
import type { Clock, InputStream, InterruptSignal, OutputStream, ProcessContext, TerminalInfo } from '../../process';
import { InterruptController } from '../../signal';
import { classifyExecutable } from '../../shell/executable';
import { Shell } from '../../shell/interpreter/shell';
import { BufferedInput, EMPTY_INPUT, type Fds } from '../../shell/interpreter/io';
import { envRecord } from './env';
import { runInteractiveShell, type InteractiveShell } from './interactive';
import { containerProgram, handlesSignal, type ProgramLookup } from './programs';
import { UserError, credentialsOf, resolveUser, type ExecUser } from './user';

export const SIGHUP = 1;
export const SIGINT = 2;
export const SIGQUIT = 3;
export const SIGKILL = 9;
export const SIGTERM = 15;

/** Signal numbers by name, as `docker kill -s` and STOPSIGNAL accept them (with or without SIG). */
export const SIGNALS: Readonly<Record<string, number>> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, IOT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12,
  PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23,
  XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, POLL: 29, PWR: 30, SYS: 31,
};

/** signal.ParseSignal: `TERM`, `SIGTERM`, `15`; undefined when invalid. */
export function parseSignal(text: string): number | undefined {
  if (/^[0-9]+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 64 ? n : undefined;
  }
  const name = text.toUpperCase().replace(/^SIG/, '');
  return SIGNALS[name];
}

export interface ContainerProcessOptions {
  /** The container's root filesystem (mounts attached), seen as root; the process gets a view as its user. */
  rootfs: FileSystem;
  /** What to execute: the executable (searched along PATH unless it has a slash) and its arguments. */
  argv: readonly string[];
  /** The environment as the process starts with it (`KEY=VALUE`; see env.ts processEnv). */
  env: readonly string[];
  /** Absolute working directory. */
  workdir: string;
  /** `--user`: `name`, `uid`, `name:group`, `uid:gid`; empty or absent: root. */
  user?: string;
  /** Create a missing working directory owned by the user (container start), instead of failing (exec). */
  createWorkdir?: boolean;
  /** Adds HOME from the user's passwd entry when `env` has none (default true). */
  addHome?: boolean;
  stdin?: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  /** The process's streams are a terminal (`-t`). */
  tty?: boolean;
  terminal?: TerminalInfo;
  /** The clock the process sleeps on (see scheduler.ts). */
  clock: Clock;
  /** Signals from outside (e.g. the client's Ctrl+C): each one is delivered with `signal()`'s rules. */
  signal?: InterruptSignal;
  /** The container's main process: as PID 1 it ignores signals it does not handle. */
  pid1?: boolean;
  /** `--init`: tini is PID 1 and forwards signals; the program keeps default actions. */
  init?: boolean;
  /** Program implementations by id (default: the container programs). */
  programs?: ProgramLookup;
  /** The container's hostname (interactive shells' prompt). */
  hostname?: string;
}

export type ProcessResult =
  /** The process ran and ended with `status` (128 + n when killed by signal n). */
  | { kind: 'exited'; status: number }
  /**
   * Nothing ran: `reason` is runc's or the daemon's text (`exec: "x": executable file not found in
   * $PATH`, `unable to find user x: …`), `status` the exit status docker gives it.
   */
  | { kind: 'failed'; stage: 'user' | 'workdir' | 'exec'; reason: string; status: number };

export interface ContainerProcess {
  readonly result: Promise<ProcessResult>;
  /** Resolves with null once the program runs, or with the failure when nothing could start. */
  readonly started: Promise<ProcessResult | null>;
  /** Delivers a signal: PID 1 drops what its program does not handle; SIGKILL always ends it. */
  signal(signo: number): void;
  /** The program id the executable resolved to (after `#!`), once started. */
  readonly programId: string | undefined;
  /** True once the process has ended. */
  readonly exited: boolean;
}

/** Go's exec.LookPath inside the container: ok with the path, or runc's message and exit status. */
export function lookPath(
  fs: FileSystem,
  file: string,
  env: Readonly<Record<string, string>>,
  cwd: string,
): { ok: true; path: string } | { ok: false; reason: string; status: number } {
  const abs = (p: string): string => (p.startsWith('/') ? p : cwd === '/' ? `/${p}` : `${cwd}/${p}`);
  const check = (path: string): 'ok' | 'missing' | 'denied' | FsError => {
    try {
      const st = fs.stat(abs(path));
      if (st.kind === 'dir' || (st.mode & 0o111) === 0) return 'denied';
      return 'ok';
    } catch (e) {
      if (e instanceof FsError) return e.code === 'ENOENT' ? 'missing' : e;
      throw e;
    }
  };
  if (file.includes('/')) {
    const found = check(file);
    if (found === 'ok') return { ok: true, path: file };
    if (found === 'denied') return { ok: false, reason: `exec: "${file}": permission denied`, status: 126 };
    const reason = found === 'missing' ? 'no such file or directory' : found.reason.toLowerCase();
    return { ok: false, reason: `exec: "${file}": stat ${file}: ${reason}`, status: found === 'missing' ? 127 : 126 };
  }
  for (const dir of (env.PATH ?? '').split(':')) {
    const candidate = dir === '' ? `./${file}` : dir.endsWith('/') ? `${dir}${file}` : `${dir}/${file}`;
    if (check(candidate) === 'ok') return { ok: true, path: candidate };
  }
  return { ok: false, reason: `exec: "${file}": executable file not found in $PATH`, status: 127 };
}

/** What execve would run for `path` (following `#!` lines): a program id, or the kernel's error. */
function resolveExecutable(
  fs: FileSystem,
  path: string,
  programs: ProgramLookup,
): { ok: true; programId: string } | { ok: false; error: string } {
  let current = path;
  for (let depth = 0; depth < 5; depth++) {
    let head: string;
    try {
      head = readHead(fs, current);
    } catch {
      return { ok: false, error: 'no such file or directory' };
    }
    const kind = classifyExecutable(head);
    if (kind.kind === 'program') return programs(kind.id) ? { ok: true, programId: kind.id } : { ok: false, error: 'exec format error' };
    if (kind.kind !== 'script') return { ok: false, error: 'exec format error' };
    const interpreter = kind.interpreter;
    try {
      const st = fs.stat(interpreter);
      if (st.kind !== 'file') return { ok: false, error: 'permission denied' };
    } catch {
      return { ok: false, error: 'no such file or directory' };
    }
    if (/(^|\/)env$/.test(interpreter) && kind.argument) return { ok: true, programId: kind.argument.split(/\s+/)[0]! };
    current = interpreter;
  }
  return { ok: false, error: 'too many levels of symbolic links' };
}

function readHead(fs: FileSystem, path: string): string {
  const reader = fs as FileSystem & { read?: (path: string, offset: number, length: number) => Uint8Array };
  if (typeof reader.read === 'function') {
    let text = '';
    for (const b of reader.read(path, 0, 256)) text += String.fromCharCode(b);
    return text;
  }
  return fs.readText(path).slice(0, 256);
}

function viewAs(fs: FileSystem, cred: Credentials): FileSystem {
  const view = fs as FileSystem & { as?: (cred: Credentials) => FileSystem };
  return typeof view.as === 'function' ? view.as(cred) : fs;
}

function ensureWorkdir(fs: FileSystem, dir: string, user: ExecUser): string | null {
  try {
    const st = fs.stat(dir);
    return st.kind === 'dir' ? null : `Cannot mkdir: ${dir} is not a directory`;
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    if (e.code === 'ENOTDIR') return `Cannot mkdir: ${dir} is not a directory`;
  }
  // MkdirAllAndChownNew: every directory it creates belongs to the user
  const parts = dir.split('/').filter(Boolean);
  let path = '';
  for (const part of parts) {
    path += `/${part}`;
    if (fs.exists(path)) continue;
    try {
      fs.mkdir(path, { mode: 0o755 });
      fs.chown(path, user.uid, user.gid);
    } catch (e) {
      if (e instanceof FsError) return `Cannot mkdir: ${path} is not a directory`;
      throw e;
    }
  }
  return null;
}

const SHELL_PROGRAMS = new Set(['bash', 'dash', 'sh']);

/** Starts a process in a container; see ContainerProcessOptions. */
export function startContainerProcess(options: ContainerProcessOptions): ContainerProcess {
  const programs = options.programs ?? containerProgram;
  const controller = new InterruptController();
  let exited = false;
  let programId: string | undefined;
  let interactive: InteractiveShell | undefined;
  let settle: (result: ProcessResult) => void = () => {};
  let markStarted: (failure: ProcessResult | null) => void = () => {};
  const started = new Promise<ProcessResult | null>((resolve) => (markStarted = resolve));
  const result = new Promise<ProcessResult>((resolve) => {
    settle = (r) => {
      if (exited) return;
      exited = true;
      markStarted(r.kind === 'failed' ? r : null);
      resolve(r);
    };
  });
  const terminate = (status: number): void => {
    settle({ kind: 'exited', status });
    controller.interrupt(SIGKILL);
  };
  const deliver = (signo: number): void => {
    if (exited) return;
    if (signo === SIGKILL) return terminate(128 + SIGKILL);
    if (interactive) {
      // an interactive shell catches SIGINT (it ends the command running in it) and ignores SIGTERM/SIGQUIT
      if (signo === SIGINT) interactive.interrupt();
      else if (signo !== SIGTERM && signo !== SIGQUIT && signo !== 28 && !(options.pid1 && !options.init)) terminate(128 + signo);
      return;
    }
    if (signo === 28 || signo === 17 || signo === 18 || signo === 23) return; // WINCH, CHLD, CONT, URG: ignored by default
    const handled = handlesSignal(programId, signo);
    if (options.pid1 && !options.init && !handled) return;
    if (handled) {
      if (!controller.signal.interrupted) controller.interrupt(signo);
      return;
    }
    terminate(128 + signo);
  };
  const stopForwarding = options.signal?.onInterrupt((signo) => deliver(signo));
  if (options.signal?.interrupted) queueMicrotask(() => deliver(options.signal!.signo));

  const gate = (out: OutputStream): OutputStream => ({
    write: (chunk) => {
      if (!exited) out.write(chunk);
    },
  });

  void (async () => {
    const rootfs = options.rootfs;
    let user: ExecUser;
    try {
      user = resolveUser(rootfs, options.user);
    } catch (e) {
      if (e instanceof UserError) return settle({ kind: 'failed', stage: 'user', reason: e.message, status: 125 });
      throw e;
    }
    if (options.createWorkdir) {
      const problem = ensureWorkdir(rootfs, options.workdir, user);
      if (problem) return settle({ kind: 'failed', stage: 'workdir', reason: problem, status: 125 });
    }
    const cred = credentialsOf(user);
    const fs = viewAs(rootfs, cred);
    const envList = [...options.env];
    if (options.addHome !== false && !envList.some((e) => e.startsWith('HOME='))) envList.push(`HOME=${user.home}`);
    const env = envRecord(envList);
    try {
      const st = fs.stat(options.workdir);
      if (st.kind !== 'dir') throw new FsError('ENOTDIR', options.workdir, 'chdir');
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      const reason = e.code === 'ENOENT' ? 'no such file or directory' : e.code === 'ENOTDIR' ? 'not a directory' : 'permission denied';
      return settle({ kind: 'failed', stage: 'workdir', reason: `chdir to cwd ("${options.workdir}") set in config.json failed: ${reason}`, status: 126 });
    }
    const file = options.argv[0] ?? '';
    const found = lookPath(fs, file, env, options.workdir);
    if (!found.ok) return settle({ kind: 'failed', stage: 'exec', reason: found.reason, status: found.status });
    const stdout = gate(options.stdout);
    const stderr = gate(options.stderr);
    const target = resolveExecutable(fs, found.path.startsWith('/') ? found.path : `${options.workdir}/${found.path}`, programs);
    if (!target.ok) {
      markStarted(null);
      stderr.write(`exec ${found.path}: ${target.error}\n`);
      return settle({ kind: 'exited', status: 1 });
    }
    programId = target.programId;
    markStarted(null);
    const terminal = options.terminal ?? { columns: 80, rows: 24 };
    const shell = new Shell({ fs, cred, clock: options.clock, terminal, programs });
    shell.cwd = options.workdir;
    shell.signal = controller.signal;
    shell.userName = user.name ?? String(user.uid);
    for (const [k, v] of Object.entries(env)) shell.vars.set(k, { value: v, exported: true, readonly: false });
    const tty = options.tty ?? false;
    const stdin = BufferedInput.from(options.stdin ?? EMPTY_INPUT);
    const fds: Fds = [
      { input: stdin, tty: tty && options.stdin !== undefined },
      { output: stdout, tty },
      { output: stderr, tty },
    ];
    let status: number;
    try {
      const argv = [...options.argv];
      const wantsRepl = tty && options.stdin !== undefined && SHELL_PROGRAMS.has(programId) && argv.slice(1).every((a) => a === '-i' || a === '-l' || a === '--login');
      if (wantsRepl) {
        const flavour = programId === 'bash' ? 'bash' : 'dash';
        interactive = runInteractiveShell({ shell, flavour, stdin, stdout, stderr, hostname: options.hostname ?? env.HOSTNAME ?? 'localhost', name: argv[0]! });
        status = await interactive.done;
      } else {
        status = await shell.execFile(found.path, argv, env, { fds });
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      stderr.write(`${file}: internal error: ${message}\n`);
      status = 1;
    }
    settle({ kind: 'exited', status: status & 255 });
  })().catch((e: unknown) => {
    options.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    settle({ kind: 'exited', status: 1 });
  });

  void result.then(() => stopForwarding?.());
  return {
    result,
    started,
    signal: deliver,
    get programId() {
      return programId;
    },
    get exited() {
      return exited;
    },
  };
}

/** Runs a process in a container to its end (the builder's RUN). */
export function runInContainer(options: ContainerProcessOptions): Promise<ProcessResult> {
  return startContainerProcess(options).result;
}

export type { ProcessContext };
