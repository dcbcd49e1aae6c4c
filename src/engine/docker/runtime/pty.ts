/**
 * The terminal of a container started with `-t`: a pseudo-terminal in canonical mode between the
 * keys the client sends and the process's standard input. As a Linux tty does, it echoes what is
 * typed, edits the line (Backspace, Ctrl+U), hands over whole lines, turns Ctrl+C into SIGINT for
 * the process and Ctrl+D on an empty line into end of input.
 *
 * The client side: the docker CLI puts its own terminal in raw mode for `-it`, so keys reach the
 * container unprocessed. In the browser the terminal's input stream offers `setRawMode` (see
 * src/components/terminal/controller.ts); a client stream without it sends cooked lines, which
 * the pty passes on without echoing them again.
 */
import type { InputStream, OutputStream } from '../../process';

/** A client input that can be switched to raw mode (the browser terminal's). */
export interface RawCapableInput extends InputStream {
  setRawMode(raw: boolean): void;
}

export function isRawCapable(stdin: InputStream): stdin is RawCapableInput {
  return typeof (stdin as Partial<RawCapableInput>).setRawMode === 'function';
}

export interface PtyOptions {
  /** Where the echo goes (the container's terminal output). */
  echo: OutputStream;
  /** Ctrl+C: SIGINT for the process on the terminal. */
  interrupt: () => void;
  /** Whether the keys come raw (echo and edit them) or as lines already edited by the client. */
  raw: () => boolean;
}

const PRINTABLE = /^[^\x00-\x1f\x7f]+$/u;

/**
 * The pty: keys are taken as they arrive (so Ctrl+C interrupts a process that is not reading),
 * lines wait for the process to read them.
 */
export class PtyInput implements InputStream {
  private line = '';
  private ready: (string | null)[] = [];
  private waiters: ((chunk: string | null) => void)[] = [];
  private done = false;
  /** Reads of the process waiting for a line (it waits on the user). */
  pending = 0;

  constructor(
    private readonly keys: InputStream,
    private readonly options: PtyOptions,
  ) {
    void this.pump();
  }

  read(): Promise<string | null> {
    if (this.ready.length > 0) return Promise.resolve(this.ready.shift()!);
    if (this.done) return Promise.resolve(null);
    this.pending++;
    return new Promise((resolve) =>
      this.waiters.push((chunk) => {
        this.pending--;
        resolve(chunk);
      }),
    );
  }

  private deliver(chunk: string | null): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(chunk);
    else this.ready.push(chunk);
  }

  private async pump(): Promise<void> {
    for (;;) {
      const chunk = await this.keys.read();
      if (chunk === null) {
        if (this.line !== '') this.deliver(this.line);
        this.line = '';
        this.done = true;
        while (this.waiters.length > 0) this.deliver(null);
        return;
      }
      // a cooked client: the line was typed and echoed on its side
      if (!this.options.raw()) this.deliver(chunk);
      else this.keystrokes(chunk);
    }
  }

  private keystrokes(chunk: string): void {
    const echo = this.options.echo;
    if (chunk.startsWith('\x1b')) return; // cursor keys and the like: not for a canonical-mode line
    for (const ch of chunk) {
      switch (ch) {
        case '\r':
        case '\n':
          echo.write('\r\n');
          this.deliver(`${this.line}\n`);
          this.line = '';
          break;
        case '\x7f':
        case '\b':
          if (this.line !== '') {
            this.line = Array.from(this.line).slice(0, -1).join('');
            echo.write('\b \b');
          }
          break;
        case '\x15':
          echo.write('\b \b'.repeat(Array.from(this.line).length));
          this.line = '';
          break;
        case '\x03':
          echo.write('^C');
          this.line = '';
          this.options.interrupt();
          break;
        case '\x04':
          this.deliver(this.line === '' ? null : this.line);
          this.line = '';
          break;
        default:
          if (PRINTABLE.test(ch)) {
            this.line += ch;
            echo.write(ch);
          }
      }
    }
  }
}
