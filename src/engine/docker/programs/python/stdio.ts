/**
 * Python's sys.stdout buffering, which the lesson's `python -u` is about: unbuffered with -u or
 * PYTHONUNBUFFERED, line-buffered on a terminal, otherwise block-buffered (8 KiB) and written
 * only when the buffer fills or the interpreter exits normally. A process killed by a signal
 * (docker stop after the grace period, docker kill) loses what was still in the buffer.
 */
import type { OutputStream, ProcessContext } from '../../../process';

export type BufferMode = 'unbuffered' | 'line' | 'block';

const BLOCK = 8192;

export class PyStdout implements OutputStream {
  private pending = '';

  constructor(
    private readonly out: OutputStream,
    readonly mode: BufferMode,
  ) {}

  write(text: string): void {
    if (this.mode === 'unbuffered') {
      this.out.write(text);
      return;
    }
    this.pending += text;
    if (this.mode === 'line') {
      const end = this.pending.lastIndexOf('\n');
      if (end >= 0) {
        this.out.write(this.pending.slice(0, end + 1));
        this.pending = this.pending.slice(end + 1);
      }
    } else if (this.pending.length >= BLOCK) {
      const cut = this.pending.length - (this.pending.length % BLOCK);
      this.out.write(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
    }
  }

  /** What a normal exit (or sys.stdout.flush()) does. */
  flush(): void {
    if (this.pending) this.out.write(this.pending);
    this.pending = '';
  }

  /** What a death by signal does: the buffer is lost. */
  discard(): void {
    this.pending = '';
  }
}

/** How Python would buffer stdout for this process. */
export function bufferMode(ctx: ProcessContext, unbufferedFlag: boolean): BufferMode {
  const env = ctx.env.PYTHONUNBUFFERED;
  if (unbufferedFlag || (env !== undefined && env !== '')) return 'unbuffered';
  return ctx.tty.stdout ? 'line' : 'block';
}
