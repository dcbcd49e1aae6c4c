import type { Host } from '../host';
import type { FileSystem } from '../fs/types';
import type { Credentials } from '../fs/types';
import type { InputStream, OutputStream, TerminalInfo } from '../process';
import { InterruptController } from '../signal';
import { completeness, type Completeness } from './parser/parser';
import { BufferedInput, EMPTY_INPUT } from './interpreter/io';
import { Shell } from './interpreter/shell';
import { createLaptop, fileSystemOf } from './laptop';

export interface SessionOptions {
  /** Whether the session's standard streams are a terminal (the browser) or not (a transcript). */
  tty: boolean;
  terminal?: TerminalInfo;
  user?: string;
  home?: string;
  /**
   * The filesystem, as root sees it (the session takes its user's view with `as(cred)` when the
   * filesystem offers it). Default: the host's (see laptop.ts), created on first use.
   */
  fs?: FileSystem;
  /** Record commands for `history` (default: on a terminal, as an interactive bash does). */
  history?: boolean;
}

export interface SessionIO {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin?: InputStream;
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * A line of record.sh, the recorder of real transcripts, runs `eval "$cmd"` at its line 40: bash
 * numbers the lines of each command from there ($LINENO, here-document warnings).
 */
const RECORDER_EVAL_LINE = 40;

function lookupAccount(fs: FileSystem, user: string): { uid: number; gid: number; home?: string; groups: number[] } | null {
  let entry: string[] | undefined;
  try {
    entry = fs
      .readText('/etc/passwd')
      .split('\n')
      .map((l) => l.split(':'))
      .find((f) => f[0] === user);
  } catch {
    return null;
  }
  if (!entry) return null;
  const uid = Number(entry[2]);
  const gid = Number(entry[3]);
  const groups = [gid];
  try {
    for (const line of fs.readText('/etc/group').split('\n')) {
      const f = line.split(':');
      if (f.length >= 4 && f[3]!.split(',').includes(user)) groups.push(Number(f[2]));
    }
  } catch {
    // no group file
  }
  return { uid, gid, home: entry[5], groups };
}

/**
 * A login shell on a host: what one terminal window talks to. Runs the bash language (see
 * ./interpreter) against the host's filesystem, as the session's user.
 */
export class ShellSession {
  readonly user: string;
  readonly home: string;
  readonly shell: Shell;
  exited = false;
  /** Exported variables; reading and writing it reads and writes the shell's variables. */
  readonly env: Record<string, string>;
  private running: InterruptController | null = null;
  private readonly recordHistory: boolean;

  constructor(
    readonly host: Host,
    readonly options: SessionOptions,
  ) {
    this.user = options.user ?? 'student';
    const rootFs = options.fs ?? fileSystemOf(host) ?? createLaptop(host).fs;
    const account = lookupAccount(rootFs, this.user);
    this.home = options.home ?? account?.home ?? (this.user === 'root' ? '/root' : `/home/${this.user}`);
    const cred: Credentials = account
      ? { uid: account.uid, gid: account.gid, groups: account.groups }
      : this.user === 'root'
        ? { uid: 0, gid: 0 }
        : { uid: 1000, gid: 1000 };
    const view = rootFs as FileSystem & { as?: (cred: Credentials) => FileSystem };
    const fs = typeof view.as === 'function' ? view.as(cred) : rootFs;
    const shell = new Shell({
      fs,
      cred,
      clock: host.clock,
      terminal: options.terminal ?? { columns: 80, rows: 24 },
      programs: (id) => host.programs.get(id),
    });
    this.shell = shell;
    shell.interactive = options.tty;
    shell.userName = this.user;
    shell.lineBase = options.tty ? 0 : RECORDER_EVAL_LINE - 1;
    // record.sh runs each command through eval: one more level of `set -x` prefix.
    shell.traceDepth = options.tty ? 1 : 2;
    this.recordHistory = options.history ?? options.tty;
    let cwd = this.home;
    try {
      if (fs.stat(cwd).kind !== 'dir') cwd = '/';
    } catch {
      cwd = '/';
    }
    shell.cwd = cwd;
    const exported: Record<string, string> = {
      HOME: this.home,
      LANG: 'C.UTF-8',
      LOGNAME: this.user,
      PATH: DEFAULT_PATH,
      PWD: cwd,
      SHELL: '/bin/bash',
      SHLVL: '1',
      USER: this.user,
      ...(options.tty ? { TERM: 'xterm-256color' } : {}),
    };
    for (const [name, value] of Object.entries(exported)) shell.vars.set(name, { value, exported: true, readonly: false });
    const plain: Record<string, string> = {
      BASH: '/bin/bash',
      BASH_VERSION: '5.2.15(1)-release',
      HOSTNAME: host.hostname,
      HOSTTYPE: 'x86_64',
      IFS: ' \t\n',
      MACHTYPE: 'x86_64-pc-linux-gnu',
      OPTIND: '1',
      OSTYPE: 'linux-gnu',
      PS2: '> ',
      PS4: '+ ',
      UID: String(cred.uid),
      EUID: String(cred.uid),
      PPID: '1',
    };
    for (const [name, value] of Object.entries(plain)) shell.vars.set(name, { value, exported: false, readonly: false });
    for (const name of ['UID', 'EUID', 'PPID']) shell.vars.get(name)!.readonly = true;
    if (options.tty) {
      // Debian's /etc/skel/.bashrc (dircolors present): colour for ls and grep at a terminal.
      for (const name of ['ls', 'grep', 'fgrep', 'egrep']) shell.aliases.set(name, `${name} --color=auto`);
    }
    this.env = this.envView();
  }

  get cwd(): string {
    return this.shell.cwd;
  }

  set cwd(path: string) {
    this.shell.cwd = path;
    this.shell.setVar('PWD', path);
  }

  get lastStatus(): number {
    return this.shell.lastStatus;
  }

  set lastStatus(status: number) {
    this.shell.lastStatus = status;
  }

  /** Commands entered, oldest first (what `history` numbers). */
  get history(): string[] {
    return this.shell.history;
  }

  get terminal(): TerminalInfo {
    return this.options.terminal ?? { columns: 80, rows: 24 };
  }

  /** The terminal window changed size: programs started from now on see the new size (`ls` columns). */
  resize(columns: number, rows: number): void {
    const terminal = { columns, rows };
    this.options.terminal = terminal;
    this.shell.env.terminal = terminal;
  }

  /**
   * PS1 as Debian's default bashrc renders it: `student@laptop:~$ ` (`#` for root). With
   * `color`, as it renders on an xterm-256color terminal: green user@host, blue directory, and
   * the window title escape first.
   */
  prompt(options: { color?: boolean } = {}): string {
    const cwd = this.shell.cwd;
    const home = this.shell.getVar('HOME') ?? this.home;
    const dir = home !== '' && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`)) ? `~${cwd.slice(home.length)}` : cwd;
    const sign = this.shell.env.cred.uid === 0 ? '#' : '$';
    const who = `${this.user}@${this.host.hostname}`;
    if (!options.color) return `${who}:${dir}${sign} `;
    return `\x1b]0;${who}: ${dir}\x07\x1b[01;32m${who}\x1b[00m:\x1b[01;34m${dir}\x1b[00m${sign} `;
  }

  /** The `> ` continuation prompt. */
  continuationPrompt(): string {
    return this.shell.getVar('PS2') ?? '> ';
  }

  /** True when `text` is a whole command; false when bash would show the `> ` continuation prompt. */
  isComplete(text: string): boolean {
    return completeness(text) !== 'incomplete';
  }

  /** complete / incomplete (bash would ask for more) / error (bash reports a syntax error at once). */
  completeness(text: string): Completeness {
    return completeness(text);
  }

  /** Runs one command line (possibly several lines); resolves to its exit status (0–255). */
  async execute(text: string, io: SessionIO): Promise<number> {
    if (this.exited) return this.shell.lastStatus;
    const shell = this.shell;
    if (this.recordHistory && text.trim() !== '' && !text.startsWith(' ')) {
      // Debian's .bashrc: HISTCONTROL=ignoreboth (no duplicates, nothing that starts with a blank).
      if (shell.history[shell.history.length - 1] !== text) shell.history.push(text);
    }
    // record.sh's loop runs `cmd=""` before each eval, so `$?` starts at 0 in a transcript.
    if (!this.options.tty) shell.lastStatus = 0;
    const controller = new InterruptController();
    this.running = controller;
    shell.signal = controller.signal;
    const tty = this.options.tty;
    const fds = [
      { input: BufferedInput.from(io.stdin ?? EMPTY_INPUT), tty },
      { output: io.stdout, tty },
      { output: io.stderr, tty },
    ];
    let status: number;
    try {
      status = await shell.runText(text, { fds });
    } catch (e) {
      // An engine bug: report it like a crashed program, keep the session alive.
      io.stderr.write(`bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      status = 1;
      shell.lastStatus = status;
    } finally {
      this.running = null;
    }
    if (tty && shell.jobs.length > 0) io.stderr.write(shell.jobReport());
    if (shell.exited) this.exited = true;
    return status & 255;
  }

  /** Ctrl+C: interrupts the foreground job, if any. */
  interrupt(signo = 2): void {
    this.running?.interrupt(signo);
  }

  private envView(): Record<string, string> {
    const shell = this.shell;
    return new Proxy({} as Record<string, string>, {
      get: (_, name) => (typeof name === 'string' && shell.vars.get(name)?.exported ? shell.vars.get(name)!.value : undefined),
      set: (_, name, value) => {
        if (typeof name !== 'string') return false;
        shell.setVar(name, String(value), true);
        return true;
      },
      deleteProperty: (_, name) => {
        if (typeof name === 'string') shell.unsetVar(name);
        return true;
      },
      has: (_, name) => typeof name === 'string' && shell.vars.get(name)?.exported === true && shell.vars.get(name)!.value !== undefined,
      ownKeys: () => [...shell.vars.entries()].filter(([, v]) => v.exported && v.value !== undefined).map(([k]) => k),
      getOwnPropertyDescriptor: (_, name) => {
        if (typeof name !== 'string') return undefined;
        const v = shell.vars.get(name);
        if (!v?.exported || v.value === undefined) return undefined;
        return { value: v.value, writable: true, enumerable: true, configurable: true };
      },
    });
  }
}
