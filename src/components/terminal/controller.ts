/**
 * Adapts one engine ShellSession to one xterm.js screen: keys go through the LineEditor, complete
 * commands go to the session, and everything the session prints goes back to the screen and to a
 * screen-reader log. No engine logic lives here.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { commonPrefix, complete, completionListing } from '../../engine/completion';
import type { InputStream } from '../../engine/process';
import { BufferedInput } from '../../engine/shell/interpreter/io';
import type { ShellSession } from '../../engine/shell/session';
import { LineEditor, type HistoryStore } from './line-editor';
import { ScreenReaderLog } from './screen-reader-log';

const ESCAPES = /\x1b\][^\x07]*\x07|\x1b\[[0-9;?]*[A-Za-z]/g;

function visibleLength(text: string): number {
  return text.replace(ESCAPES, '').length;
}

const THEME = {
  background: '#1b1e28',
  foreground: '#e4e6ef',
  cursor: '#7fd1ff',
  selectionBackground: '#3b4a6b',
};

/** Keys or lines on their way to the foreground program, in order; null is end of input (Ctrl+D). */
class KeyQueue implements InputStream {
  private chunks: (string | null)[] = [];
  private waiter: ((chunk: string | null) => void) | null = null;
  private closed = false;
  /** Called when the program starts waiting for input. */
  onWait: () => void = () => {};

  get waiting(): boolean {
    return this.waiter !== null;
  }

  read(): Promise<string | null> {
    if (this.chunks.length > 0) return Promise.resolve(this.chunks.shift()!);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiter = resolve;
      this.onWait();
    });
  }

  push(chunk: string | null): void {
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = null;
      waiter(chunk);
    } else this.chunks.push(chunk);
  }

  close(): void {
    this.closed = true;
    this.push(null);
  }
}

/**
 * The terminal as the foreground program's standard input. In cooked mode (the default, like a
 * tty) the controller echoes and edits a line and sends it on Enter; `docker run -it` switches
 * it to raw mode, where every key goes to the program as is (the container's terminal echoes).
 */
class TerminalInput extends BufferedInput {
  raw = false;

  setRawMode(raw: boolean): void {
    this.raw = raw;
  }
}

export interface ControllerOptions {
  screen: HTMLElement;
  log: HTMLElement;
  session: ShellSession;
  /** A fresh shell on the same host, for when the current one has exited. */
  newSession: () => ShellSession;
  history: HistoryStore;
  onHistoryChange?: () => void;
}

export class TerminalController {
  readonly term: Terminal;
  private readonly fit = new FitAddon();
  private readonly editor: LineEditor;
  private readonly reader: ScreenReaderLog;
  /** Lines typed so far of a command that needs more input (open quote, trailing backslash …). */
  private pendingLines: string[] = [];
  private busy = false;
  /** Keys typed while a command runs, replayed when the prompt returns (type-ahead). */
  private typeAhead: string[] = [];
  /** Where the cursor sits in the current input, in cells from the start of the prompt. */
  private drawnCursor = 0;
  private interrupted = false;
  private lastKeyWasTab = false;
  private secondTab = false;
  private ended = false;
  /** The running command's standard input, and the line being typed into it (cooked mode). */
  private input: { stream: TerminalInput; queue: KeyQueue; reading: boolean } | null = null;
  private cookedLine = '';

  constructor(private readonly options: ControllerOptions) {
    this.editor = new LineEditor(options.history);
    this.reader = new ScreenReaderLog(options.log);
    this.term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      scrollback: 5000,
      theme: THEME,
    });
    this.term.loadAddon(this.fit);
    this.term.open(options.screen);
    this.fitToScreen();
    this.term.onData((data) => this.receive(data));
    new ResizeObserver(() => this.fitToScreen()).observe(options.screen);
    this.showPrompt();
  }

  focus(): void {
    this.term.focus();
  }

  /** Types `text` as if from the keyboard (a "run in terminal" button); newlines press Enter. */
  type(text: string): void {
    this.receive(text.replace(/\r?\n/g, '\r'));
  }

  /** Fits the grid to the visible screen and tells the shell (hidden tabs keep their size until shown). */
  fitToScreen(): void {
    if (this.options.screen.offsetParent === null) return;
    this.fit.fit();
    this.options.session.resize(this.term.cols, this.term.rows);
  }

  /** The prompt as bash prints it on an xterm-256color terminal (colours, window title). */
  private get promptText(): string {
    return this.pendingLines.length > 0 ? this.options.session.continuationPrompt() : this.options.session.prompt({ color: true });
  }

  /** How many cells the prompt takes on screen. */
  private get promptWidth(): number {
    return visibleLength(this.promptText);
  }

  private print(text: string): void {
    this.term.write(text);
    this.reader.append(text);
  }

  private showPrompt(): void {
    this.print(this.promptText);
    this.drawnCursor = this.promptWidth;
  }

  private receive(data: string): void {
    for (const key of LineEditor.keys(data)) {
      if (this.busy) {
        const input = this.input;
        if (input?.stream.raw) input.queue.push(key);
        else if (input?.reading) this.cookedKey(input.queue, key);
        else if (key === '\x03') this.interruptForeground();
        else this.typeAhead.push(key);
        continue;
      }
      if (this.ended) {
        if (key === '\r') this.restart();
        continue;
      }
      this.handleKey(key);
    }
  }

  /**
   * A key for a program reading the terminal, as a tty in canonical mode treats it: echo and edit
   * the line, Enter sends it, Ctrl+D sends end of input (or the line so far), Ctrl+C interrupts.
   */
  private cookedKey(queue: KeyQueue, key: string): void {
    switch (key) {
      case '\r':
        this.print('\r\n');
        queue.push(`${this.cookedLine}\n`);
        this.cookedLine = '';
        return;
      case '\x7f':
      case '\b':
        if (this.cookedLine !== '') {
          this.cookedLine = Array.from(this.cookedLine).slice(0, -1).join('');
          this.term.write('\b \b');
        }
        return;
      case '\x15':
        this.term.write('\b \b'.repeat(Array.from(this.cookedLine).length));
        this.cookedLine = '';
        return;
      case '\x04':
        queue.push(this.cookedLine === '' ? null : this.cookedLine);
        this.cookedLine = '';
        return;
      case '\x03':
        this.cookedLine = '';
        this.interruptForeground();
        return;
      default:
        if (key.startsWith('\x1b') || /^[\x00-\x1f]$/.test(key)) return;
        this.cookedLine += key;
        this.print(key);
    }
  }

  /** Ctrl+C while a program runs: the tty echoes ^C and SIGINT goes to the foreground job. */
  private interruptForeground(): void {
    this.term.write('^C');
    this.reader.append('^C');
    this.typeAhead = [];
    this.interrupted = true;
    this.options.session.interrupt(2);
  }

  /** After `exit` or Ctrl+D the shell is gone, as when a terminal window's shell ends. */
  private end(): void {
    this.ended = true;
    this.print('\r\n[The shell has exited. Press Enter to start a new one.]\r\n');
  }

  private restart(): void {
    this.ended = false;
    this.options.session = this.options.newSession();
    this.fitToScreen();
    this.term.write('\r\n');
    this.showPrompt();
  }

  private handleKey(key: string): void {
    const tabbedBefore = this.lastKeyWasTab;
    this.lastKeyWasTab = key === '\t';
    this.secondTab = tabbedBefore && this.lastKeyWasTab;
    const event = this.editor.press(key);
    if (event === null) {
      this.redraw();
      return;
    }
    switch (event.kind) {
      case 'submit':
        this.moveToEnd(event.line.length);
        this.term.write('\r\n');
        this.reader.append(`${event.line}\n`);
        void this.submit(event.line);
        return;
      case 'interrupt':
        this.moveToEnd();
        this.print('^C\r\n');
        this.editor.reset();
        this.pendingLines = [];
        this.showPrompt();
        return;
      case 'eof':
        if (this.pendingLines.length > 0) {
          // bash: an open quote or here-document at end of input is a syntax error; drop the lines
          this.print('\r\n');
          this.pendingLines = [];
          this.showPrompt();
          return;
        }
        this.print('exit');
        this.end();
        return;
      case 'clear-screen':
        this.term.clear();
        this.term.write('\x1b[2K\r');
        this.drawnCursor = 0;
        this.redraw(true);
        return;
      case 'complete':
        this.completeWord();
        return;
    }
  }

  /** Tab: complete the word at the cursor; a second Tab lists the choices, as bash does. */
  private completeWord(): void {
    const { buffer, cursor } = this.editor;
    const result = complete(this.options.session, buffer, cursor);
    const typed = buffer.slice(result.start, cursor);
    if (result.candidates.length === 1) {
      const [only] = result.candidates;
      this.editor.replace(result.start, cursor, only + (result.appendSpace ? ' ' : ''));
      this.redraw();
      return;
    }
    const prefix = commonPrefix(result.candidates);
    if (prefix.length > typed.length) {
      this.editor.replace(result.start, cursor, prefix);
      this.redraw();
      return;
    }
    if (this.secondTab && result.candidates.length > 0) {
      this.moveToEnd();
      this.print(`\r\n${completionListing(result.candidates, this.term.cols)}`);
      this.drawnCursor = 0;
      this.redraw(true);
      return;
    }
    this.term.write('\x07');
  }

  private async submit(line: string): Promise<void> {
    const session = this.options.session;
    this.pendingLines.push(line);
    const text = this.pendingLines.join('\n');
    if (!session.isComplete(text)) {
      this.showPrompt();
      return;
    }
    this.pendingLines = [];
    if (text.trim() !== '') {
      this.options.history.entries.push(text);
      this.options.onHistoryChange?.();
    }
    this.busy = true;
    this.interrupted = false;
    const write = (chunk: string) => this.print(chunk);
    const queue = new KeyQueue();
    const input = { stream: new TerminalInput(queue), queue, reading: false };
    // once the program reads the terminal, what was typed ahead is its input
    queue.onWait = () => {
      if (input.reading) return;
      input.reading = true;
      const typed = this.typeAhead;
      this.typeAhead = [];
      for (const key of typed) this.cookedKey(queue, key);
    };
    this.input = input;
    this.cookedLine = '';
    let status: number;
    try {
      status = await session.execute(text, { stdout: { write }, stderr: { write }, stdin: input.stream });
    } finally {
      this.busy = false;
      this.input = null;
      this.cookedLine = '';
      queue.close();
    }
    if (this.interrupted && status === 130) this.print('\r\n');
    if (session.exited) {
      this.end();
      return;
    }
    this.showPrompt();
    const queued = this.typeAhead;
    this.typeAhead = [];
    for (const key of queued) {
      if (this.busy) this.typeAhead.push(key);
      else this.handleKey(key);
    }
  }

  /** Cells → (row, column) on a screen `cols` wide. */
  private position(cells: number): { row: number; col: number } {
    const cols = this.term.cols;
    return { row: Math.floor(cells / cols), col: cells % cols };
  }

  private moveCursor(from: number, to: number): void {
    const a = this.position(from);
    const b = this.position(to);
    let seq = '';
    if (b.row < a.row) seq += `\x1b[${a.row - b.row}A`;
    if (b.row > a.row) seq += `\x1b[${b.row - a.row}B`;
    seq += '\r';
    if (b.col > 0) seq += `\x1b[${b.col}C`;
    this.term.write(seq);
    this.drawnCursor = to;
  }

  /** Moves the cursor past the end of the input line (whose length the editor may have forgotten). */
  private moveToEnd(inputLength = this.editor.buffer.length): void {
    this.moveCursor(this.drawnCursor, this.promptWidth + inputLength);
  }

  /** Redraws prompt + buffer from the start of the prompt, then puts the cursor where it belongs. */
  private redraw(atOrigin = false): void {
    if (!atOrigin) this.moveCursor(this.drawnCursor, 0);
    const prompt = this.promptText;
    const end = this.promptWidth + this.editor.buffer.length;
    let text = `${prompt}${this.editor.buffer}\x1b[J`;
    if (end > 0 && end % this.term.cols === 0) text += '\r\n';
    this.term.write(text);
    this.drawnCursor = end;
    this.moveCursor(end, this.promptWidth + this.editor.cursor);
  }
}
