/**
 * Readline-style editing of one input line, independent of xterm: it turns key sequences into a
 * new buffer/cursor and tells the caller what to draw. The terminal controller owns the screen.
 */

export type EditorEvent =
  | { kind: 'submit'; line: string }
  | { kind: 'interrupt' }
  | { kind: 'eof' }
  | { kind: 'clear-screen' }
  | { kind: 'complete' };

export interface HistoryStore {
  entries: string[];
}

const PRINTABLE = /^[^\x00-\x1f\x7f]$/u;

export class LineEditor {
  buffer = '';
  cursor = 0;
  private historyIndex: number | null = null;
  private draft = '';
  private killRing = '';

  constructor(private readonly history: HistoryStore) {}

  reset(): void {
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = null;
    this.draft = '';
  }

  /** Splits a chunk of terminal input into single keys (escape sequences stay whole). */
  static keys(data: string): string[] {
    const keys: string[] = [];
    let i = 0;
    while (i < data.length) {
      if (data[i] === '\x1b') {
        const match = /^\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z]|.)?/su.exec(data.slice(i));
        const seq = match?.[0] ?? '\x1b';
        keys.push(seq);
        i += seq.length;
      } else {
        const char = String.fromCodePoint(data.codePointAt(i)!);
        keys.push(char);
        i += char.length;
      }
    }
    return keys;
  }

  /** Applies one key; returns an event when the key means more than an edit. */
  press(key: string): EditorEvent | null {
    switch (key) {
      case '\r':
      case '\n': {
        const line = this.buffer;
        this.reset();
        return { kind: 'submit', line };
      }
      case '\x03':
        return { kind: 'interrupt' };
      case '\x04':
        if (this.buffer === '') return { kind: 'eof' };
        this.deleteForward();
        return null;
      case '\x0c':
        return { kind: 'clear-screen' };
      case '\t':
        return { kind: 'complete' };
      case '\x7f':
      case '\x08':
        if (this.cursor > 0) {
          this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
          this.cursor--;
        }
        return null;
      case '\x1b[3~':
        this.deleteForward();
        return null;
      case '\x1b[D':
      case '\x02':
        this.cursor = Math.max(0, this.cursor - 1);
        return null;
      case '\x1b[C':
      case '\x06':
        this.cursor = Math.min(this.buffer.length, this.cursor + 1);
        return null;
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
      case '\x01':
        this.cursor = 0;
        return null;
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
      case '\x05':
        this.cursor = this.buffer.length;
        return null;
      case '\x0b':
        this.killRing = this.buffer.slice(this.cursor);
        this.buffer = this.buffer.slice(0, this.cursor);
        return null;
      case '\x15':
        this.killRing = this.buffer.slice(0, this.cursor);
        this.buffer = this.buffer.slice(this.cursor);
        this.cursor = 0;
        return null;
      case '\x17':
        this.killWordBackward();
        return null;
      case '\x19':
        this.insert(this.killRing);
        return null;
      case '\x1b[A':
      case '\x10':
        this.recall(-1);
        return null;
      case '\x1b[B':
      case '\x0e':
        this.recall(1);
        return null;
      default:
        if (PRINTABLE.test(key)) this.insert(key);
        return null;
    }
  }

  insert(text: string): void {
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
  }

  /** Replaces buffer[from..to] with `text` and puts the cursor after it (Tab completion). */
  replace(from: number, to: number, text: string): void {
    this.buffer = this.buffer.slice(0, from) + text + this.buffer.slice(to);
    this.cursor = from + text.length;
  }

  private deleteForward(): void {
    this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
  }

  /** Ctrl+W: back over blanks, then over the word (readline's unix-word-rubout). */
  private killWordBackward(): void {
    let start = this.cursor;
    while (start > 0 && /\s/.test(this.buffer[start - 1]!)) start--;
    while (start > 0 && !/\s/.test(this.buffer[start - 1]!)) start--;
    this.killRing = this.buffer.slice(start, this.cursor);
    this.buffer = this.buffer.slice(0, start) + this.buffer.slice(this.cursor);
    this.cursor = start;
  }

  private recall(direction: -1 | 1): void {
    const entries = this.history.entries;
    if (entries.length === 0) return;
    if (this.historyIndex === null) {
      if (direction === 1) return;
      this.draft = this.buffer;
      this.historyIndex = entries.length;
    }
    const next = this.historyIndex + direction;
    if (next < 0) return;
    if (next >= entries.length) {
      this.historyIndex = null;
      this.buffer = this.draft;
    } else {
      this.historyIndex = next;
      this.buffer = entries[next]!;
    }
    this.cursor = this.buffer.length;
  }
}
