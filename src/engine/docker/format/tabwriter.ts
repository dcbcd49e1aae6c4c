/**
 * docker/cli's fork of Go's text/tabwriter (elastic tabstops; cell widths via go-runewidth).
 * Cells are tab-terminated; a line's last cell is not part of a column; a line with a single
 * cell, or a form feed, flushes (so columns are only aligned within contiguous tabbed lines).
 */
import { stringWidth } from './width';

export interface TabWriterOptions {
  /** minimal cell width including any padding */
  minwidth: number;
  /** width of a tab character (only used when padchar is a tab) */
  tabwidth: number;
  /** padding added to a cell before computing its width */
  padding: number;
  padchar: string;
  alignRight?: boolean;
  discardEmptyColumns?: boolean;
  debug?: boolean;
}

/** docker's formatter settings: tabwriter.NewWriter(out, 10, 1, 3, ' ', 0). */
export const DOCKER_TABLE: TabWriterOptions = { minwidth: 10, tabwidth: 1, padding: 3, padchar: ' ' };

const SPACES = ' '.repeat(128);

export class TabWriter {
  private out: string[] = [];
  private cell = '';
  // terminated cells of the buffered lines, flat: line i is cells [lineStart(i), lineEnd[i])
  private texts: string[] = [];
  private cellWidths: number[] = [];
  private htabs: boolean[] = [];
  /** end (exclusive) of each completed line; the open line runs from the last end to texts.length */
  private lineEnd: number[] = [];
  private widths: number[] = [];

  constructor(private readonly opts: TabWriterOptions) {}

  private reset(): void {
    this.cell = '';
    this.texts = [];
    this.cellWidths = [];
    this.htabs = [];
    this.lineEnd = [];
    this.widths = [];
  }

  private get lineCount(): number {
    return this.lineEnd.length + 1;
  }

  private lineStart(i: number): number {
    return i === 0 ? 0 : (this.lineEnd[i - 1] as number);
  }

  private lineStop(i: number): number {
    return i < this.lineEnd.length ? (this.lineEnd[i] as number) : this.texts.length;
  }

  private terminateCell(htab: boolean): number {
    this.texts.push(this.cell);
    this.cellWidths.push(stringWidth(this.cell));
    this.htabs.push(htab);
    this.cell = '';
    return this.texts.length - this.lineStart(this.lineEnd.length);
  }

  private endLine(): void {
    this.lineEnd.push(this.texts.length);
  }

  write(text: string): void {
    if (text.indexOf('\v') < 0 && text.indexOf('\f') < 0) {
      this.writeFast(text);
      return;
    }
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x09 || ch === 0x0b || ch === 0x0a || ch === 0x0c) {
        this.cell += text.slice(start, i);
        start = i + 1;
        const ncells = this.terminateCell(ch === 0x09);
        if (ch === 0x0a || ch === 0x0c) {
          this.endLine();
          if (ch === 0x0c || ncells === 1) {
            this.flushInternal();
            if (ch === 0x0c && this.opts.debug) this.out.push('---\n');
          }
        }
      }
    }
    this.cell += text.slice(start);
  }

  /** write(text + "\n") without building the concatenation. */
  writeLine(text: string): void {
    this.write(text);
    const ncells = this.terminateCell(false);
    this.endLine();
    if (ncells === 1) this.flushInternal();
  }

  /** write() for text without vertical tabs or form feeds. */
  private writeFast(text: string): void {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      let tab = text.indexOf('\t', start);
      while (tab >= 0 && tab < end) {
        this.cell += text.slice(start, tab);
        this.terminateCell(true);
        start = tab + 1;
        tab = text.indexOf('\t', start);
      }
      if (nl < 0) {
        this.cell += text.slice(start);
        return;
      }
      this.cell += text.slice(start, nl);
      const ncells = this.terminateCell(false);
      this.endLine();
      if (ncells === 1) this.flushInternal();
      start = nl + 1;
    }
  }

  /** Flush buffered text and return everything written so far. */
  flush(): string {
    this.flushInternal();
    const out = this.out.join('');
    this.out = [];
    return out;
  }

  private flushInternal(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lineCount);
    this.reset();
  }

  private padding(textw: number, cellw: number, useTabs: boolean): string {
    if (this.opts.padchar === '\t' || useTabs) {
      if (this.opts.tabwidth === 0) return '';
      cellw = Math.ceil(cellw / this.opts.tabwidth) * this.opts.tabwidth;
      return '\t'.repeat(Math.ceil((cellw - textw) / this.opts.tabwidth));
    }
    const n = cellw - textw;
    if (n <= 0) return '';
    if (this.opts.padchar === ' ' && n <= SPACES.length) return SPACES.slice(0, n);
    return this.opts.padchar.repeat(n);
  }

  private writeLines(line0: number, line1: number): void {
    const widths = this.widths;
    const nw = widths.length;
    const last = this.lineCount - 1;
    for (let i = line0; i < line1; i++) {
      const a = this.lineStart(i);
      const b = this.lineStop(i);
      let s = '';
      for (let c = a; c < b; c++) {
        const j = c - a;
        if (j > 0 && this.opts.debug) s += '|';
        const text = this.texts[c] as string;
        const w = this.cellWidths[c] as number;
        if (text.length === 0) {
          if (j < nw) s += this.padding(w, widths[j] as number, false);
        } else if (!this.opts.alignRight) {
          s += text;
          if (j < nw) s += this.padding(w, widths[j] as number, false);
        } else {
          if (j < nw) s += this.padding(w, widths[j] as number, false);
          s += text;
        }
      }
      s += i === last ? this.cell : '\n';
      this.out.push(s);
    }
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= this.lineStop(t) - this.lineStart(t) - 1) continue;
      this.writeLines(line0, t);
      line0 = t;
      let width = this.opts.minwidth;
      let discardable = true;
      for (; t < line1; t++) {
        const a = this.lineStart(t);
        if (column >= this.lineStop(t) - a - 1) break;
        const cw = this.cellWidths[a + column] as number;
        const w = cw + this.opts.padding;
        if (w > width) width = w;
        if (cw > 0 || this.htabs[a + column]) discardable = false;
      }
      if (discardable && this.opts.discardEmptyColumns) width = 0;
      this.widths.push(width);
      this.format(line0, t);
      this.widths.pop();
      line0 = t;
    }
    this.writeLines(line0, line1);
  }
}

/** Align `text` the way docker's tables are aligned (write everything, then Flush). */
export function tabwrite(text: string, opts: TabWriterOptions = DOCKER_TABLE): string {
  const w = new TabWriter(opts);
  w.write(text);
  return w.flush();
}
