import type { Host } from '../host';
import type { InputStream, OutputStream, TerminalInfo } from '../process';
import { InterruptController } from '../signal';

export interface SessionOptions {
  /** Whether the session's standard streams are a terminal (the browser) or not (a transcript). */
  tty: boolean;
  terminal?: TerminalInfo;
  user?: string;
  home?: string;
}

export interface SessionIO {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin?: InputStream;
}

const EMPTY_INPUT: InputStream = { read: async () => null };

/**
 * A login shell on a host: what one terminal window talks to. Placeholder interpreter: splits on
 * blanks and runs host programs; the full bash language replaces it (shell issue).
 */
export class ShellSession {
  readonly user: string;
  readonly home: string;
  cwd: string;
  lastStatus = 0;
  exited = false;
  readonly env: Record<string, string>;
  private running: InterruptController | null = null;

  constructor(
    readonly host: Host,
    readonly options: SessionOptions,
  ) {
    this.user = options.user ?? 'student';
    this.home = options.home ?? `/home/${this.user}`;
    this.cwd = this.home;
    this.env = {
      HOME: this.home,
      USER: this.user,
      LOGNAME: this.user,
      SHELL: '/bin/bash',
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      LANG: 'C.UTF-8',
      PWD: this.cwd,
      ...(options.tty ? { TERM: 'xterm-256color' } : {}),
    };
  }

  get terminal(): TerminalInfo {
    return this.options.terminal ?? { columns: 80, rows: 24 };
  }

  /** PS1 as Debian's default bashrc renders it: `student@laptop:~$ `. */
  prompt(): string {
    const dir = this.cwd === this.home ? '~' : this.cwd.startsWith(`${this.home}/`) ? `~${this.cwd.slice(this.home.length)}` : this.cwd;
    return `${this.user}@${this.host.hostname}:${dir}$ `;
  }

  /** True when `text` is a whole command; false when bash would show the `> ` continuation prompt. */
  isComplete(text: string): boolean {
    return !/(^|[^\\])(\\\\)*\\$/.test(text);
  }

  async execute(text: string, io: SessionIO): Promise<number> {
    const words = text.replace(/\\\n/g, '').trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || words[0]!.startsWith('#')) return this.lastStatus;
    const name = words[0]!;
    const program = this.host.programs.get(name);
    if (!program) {
      io.stderr.write(`bash: ${name}: command not found\n`);
      return (this.lastStatus = 127);
    }
    const interrupt = new InterruptController();
    this.running = interrupt;
    try {
      this.lastStatus = await program({
        argv: words,
        env: { ...this.env },
        cwd: this.cwd,
        fs: undefined as never,
        cred: { uid: 1000, gid: 1000 },
        stdin: io.stdin ?? EMPTY_INPUT,
        stdout: io.stdout,
        stderr: io.stderr,
        tty: { stdin: this.options.tty, stdout: this.options.tty, stderr: this.options.tty },
        terminal: this.terminal,
        clock: this.host.clock,
        signal: interrupt.signal,
      });
    } finally {
      this.running = null;
    }
    return this.lastStatus;
  }

  /** Ctrl+C: interrupts the foreground program, if any. */
  interrupt(signo = 2): void {
    this.running?.interrupt(signo);
  }
}
