/**
 * The CLI side of pull and push streams: moby's pkg/jsonmessage DisplayJSONMessagesStream, as the
 * docker CLI renders the daemon's JSON messages.
 *
 * Not a terminal: one line per message, and every message that carries a progress value is
 * dropped (`bb2759b730bc: Pulling fs layer`, `… Download complete`, no `Downloading`).
 *
 * A terminal: each layer keeps its own line, rewritten in place. A new id prints a newline; an
 * update moves the cursor up to the layer's line (ESC[nA), erases it (ESC[2K), writes
 * `id: Status BAR\r`, and moves back down (ESC[nB). Recorded from the reference CLI at 132 columns:
 *
 *   3.11-slim: Pulling from library/python\n
 *   \n ESC[1A ESC[2K \r bb2759b730bc: Pulling fs layer \r ESC[1B
 *   ESC[1A ESC[2K \r bb2759b730bc: Downloading [=====>     …]  12.58MB/121.6MB \r ESC[1B
 *   …
 *   Digest: sha256:…\n
 *
 * The bar itself (JSONProgress.String) is drawn by the CLI for its own terminal width: the
 * `[==>  ]` part only when it is wider than 110 columns.
 */
import type { OutputStream } from '../../../process';
import { progressString } from '../../daemon';
import type { JSONMessage } from '../../daemon';
import { CliError } from './common';

/** A JSON message carrying an error ends the stream; its text is what the CLI prints. */
export class StreamError extends CliError {
  constructor(message: string) {
    super(message, 1);
    this.name = 'StreamError';
  }
}

export interface DisplayOptions {
  isTerminal: boolean;
  /** The terminal's width in columns (the bar needs more than 110). */
  width: number;
}

const ESC = '\x1b[';

/** DisplayJSONMessagesStream over messages given one by one. */
export class MessageDisplay {
  private ids = new Map<string, number>();

  constructor(
    private readonly out: OutputStream,
    private readonly options: DisplayOptions,
  ) {}

  /** Shows one message; throws StreamError for an error message (after writing what Go writes). */
  write(jm: JSONMessage): void {
    if (jm.aux !== undefined) return;
    const terminal = this.options.isTerminal;
    let diff = 0;
    const hasProgress = jm.progressDetail !== undefined;
    if (jm.id && (hasProgress || (jm.progress ?? '') !== '')) {
      let line = this.ids.get(jm.id);
      if (line === undefined) {
        line = this.ids.size;
        this.ids.set(jm.id, line);
        if (terminal) this.out.write('\n');
      }
      diff = this.ids.size - line;
      if (terminal && diff > 0) this.out.write(`${ESC}${diff}A`);
    } else {
      // anything else ends the block of progress lines (pull -a: the next tag starts afresh)
      this.ids = new Map();
    }
    let error: string | undefined;
    try {
      this.display(jm);
    } catch (err) {
      if (!(err instanceof StreamError)) throw err;
      error = err.message;
    }
    if (jm.id && terminal && diff > 0) this.out.write(`${ESC}${diff}B`);
    if (error !== undefined) throw new StreamError(error);
  }

  /** JSONMessage.Display. */
  private display(jm: JSONMessage): void {
    if (jm.errorDetail || jm.error) {
      throw new StreamError(jm.errorDetail?.message ?? jm.error ?? '');
    }
    const terminal = this.options.isTerminal;
    const detail = jm.progressDetail;
    let endl = '';
    if (terminal && detail !== undefined) {
      this.out.write(`${ESC}2K\r`);
      endl = '\r';
    } else if (detail !== undefined && progressString(detail, this.options.width) !== '') {
      // no progress bars unless a terminal
      return;
    }
    let text = '';
    if (jm.id) text += `${jm.id}: `;
    const status = jm.status ?? '';
    if (detail !== undefined && terminal) text += `${status} ${progressString(detail, this.options.width)}${endl}`;
    else if ((jm.progress ?? '') !== '') text += `${status} ${jm.progress}${endl}`;
    else text += `${status}${endl}\n`;
    this.out.write(text);
  }
}
