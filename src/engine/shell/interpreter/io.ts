/**
 * The shell's file descriptors: buffered input that `read` and the programs after it share, pipes
 * between pipeline stages, and output sinks (a string, a file, /dev/null).
 */
import type { FileSystem } from '../../fs/types';
import type { InputStream, OutputStream } from '../../process';

/** Input with push-back, so that `read` can take one line and leave the rest to the next reader. */
export class BufferedInput implements InputStream {
  private buffer = '';
  private ended = false;
  /** Set when the input is a regular file (`< file`): what fstat(0) would name. */
  file?: string;

  constructor(private readonly source: InputStream) {}

  static from(stream: InputStream): BufferedInput {
    return stream instanceof BufferedInput ? stream : new BufferedInput(stream);
  }

  async read(): Promise<string | null> {
    if (this.buffer !== '') {
      const chunk = this.buffer;
      this.buffer = '';
      return chunk;
    }
    if (this.ended) return null;
    const chunk = await this.source.read();
    if (chunk === null) this.ended = true;
    return chunk;
  }

  /** Reads up to and including `delimiter`; at end of input the rest (or null when nothing is left). */
  async readUntil(delimiter: string): Promise<string | null> {
    for (;;) {
      const index = this.buffer.indexOf(delimiter);
      if (index >= 0) {
        const line = this.buffer.slice(0, index + delimiter.length);
        this.buffer = this.buffer.slice(index + delimiter.length);
        return line;
      }
      if (this.ended) {
        if (this.buffer === '') return null;
        const rest = this.buffer;
        this.buffer = '';
        return rest;
      }
      const chunk = await this.source.read();
      if (chunk === null) this.ended = true;
      else this.buffer += chunk;
    }
  }

  /** Reads up to `count` characters, stopping after `delimiter`; null at end of input. */
  async readCount(count: number, delimiter: string): Promise<string | null> {
    for (;;) {
      const index = this.buffer.indexOf(delimiter);
      if (index >= 0 && index < count) return this.take(index + delimiter.length);
      if (this.buffer.length >= count) return this.take(count);
      if (this.ended) return this.buffer === '' ? null : this.take(this.buffer.length);
      const chunk = await this.source.read();
      if (chunk === null) this.ended = true;
      else this.buffer += chunk;
    }
  }

  private take(n: number): string {
    const out = this.buffer.slice(0, n);
    this.buffer = this.buffer.slice(n);
    return out;
  }

  /** Reads everything to the end of input. */
  async readAll(): Promise<string> {
    let text = '';
    for (;;) {
      const chunk = await this.read();
      if (chunk === null) return text;
      text += chunk;
    }
  }
}

export const EMPTY_INPUT: InputStream = { read: async () => null };

/**
 * The path of the regular file a program's standard input was redirected from (`wc < file`), or
 * undefined for a pipe, a terminal or a here-document: what a program learns from fstat(0).
 */
export function inputFilePath(stdin: InputStream): string | undefined {
  return stdin instanceof BufferedInput ? stdin.file : undefined;
}

/** Input that yields one text then end of input (here-documents, `< file`). */
export function textInput(text: string): BufferedInput {
  let done = text === '';
  return new BufferedInput({
    read: async () => {
      if (done) return null;
      done = true;
      return text;
    },
  });
}

export const NULL_OUTPUT: OutputStream = { write: () => {} };

export class StringOutput implements OutputStream {
  text = '';
  write(chunk: string): void {
    this.text += chunk;
  }
}

/** Appends every write to a file (opened, and truncated or not, by the redirection). */
export class FileOutput implements OutputStream {
  constructor(
    private readonly fs: FileSystem,
    private readonly path: string,
  ) {}

  write(chunk: string): void {
    if (chunk === '') return;
    try {
      this.fs.writeFile(this.path, chunk, { append: true });
    } catch {
      // The file vanished or became unwritable after it was opened: the data is lost, as on a
      // deleted inode.
    }
  }
}

/**
 * A pipe between two pipeline stages: writes never block (the data waits in memory); when the
 * reading side has finished, `onBroken` tells the writer (bash's SIGPIPE).
 */
export class Pipe {
  private chunks: string[] = [];
  private waiting: ((chunk: string | null) => void) | null = null;
  private writerClosed = false;
  private readerClosed = false;
  private brokenListeners: (() => void)[] = [];

  readonly output: OutputStream = {
    write: (chunk: string) => {
      if (this.readerClosed || this.writerClosed || chunk === '') {
        if (this.readerClosed) this.fireBroken();
        return;
      }
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(chunk);
      } else this.chunks.push(chunk);
    },
  };

  readonly input: BufferedInput = new BufferedInput({
    read: () => {
      if (this.chunks.length > 0) {
        const text = this.chunks.join('');
        this.chunks = [];
        return Promise.resolve(text);
      }
      if (this.writerClosed) return Promise.resolve(null);
      return new Promise<string | null>((resolve) => {
        this.waiting = resolve;
      });
    },
  });

  closeWriter(): void {
    this.writerClosed = true;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(null);
    }
  }

  closeReader(): void {
    this.readerClosed = true;
    this.chunks = [];
  }

  onBroken(listener: () => void): void {
    this.brokenListeners.push(listener);
  }

  private fireBroken(): void {
    const listeners = this.brokenListeners;
    this.brokenListeners = [];
    for (const listener of listeners) listener();
  }
}

/** One open descriptor. */
export interface Fd {
  input?: BufferedInput;
  output?: OutputStream;
  /** It is the terminal (what isatty says). */
  tty: boolean;
}

/** A descriptor table: 0, 1, 2 and any others a redirection opened. */
export type Fds = (Fd | undefined)[];
