/**
 * GNU ls's multi-column output: `-C` (down the columns, the default on a terminal) and `-x`
 * (across). As many columns as fit in the line width, each as wide as its longest name plus two
 * (the last column without), padded with tabs where a tab stop lands inside the padding (tab size 8).
 */

export interface LayoutItem {
  /** The text as printed (quotes, indicator and alignment space included). */
  text: string;
  /** Its width in terminal columns. */
  width: number;
}

const MIN_COLUMN_WIDTH = 3;

interface ColumnInfo {
  valid: boolean;
  lineLength: number;
  widths: number[];
}

function calculateColumns(items: readonly LayoutItem[], lineLength: number, byColumns: boolean): { cols: number; widths: number[] } {
  const count = items.length;
  const maxIdx = lineLength === 0 ? 0 : Math.floor(lineLength / MIN_COLUMN_WIDTH) + (lineLength % MIN_COLUMN_WIDTH !== 0 ? 1 : 0);
  const maxCols = maxIdx > 0 && maxIdx < count ? maxIdx : count;
  const info: ColumnInfo[] = [];
  for (let i = 0; i < maxCols; i += 1) info.push({ valid: true, lineLength: (i + 1) * MIN_COLUMN_WIDTH, widths: new Array<number>(i + 1).fill(MIN_COLUMN_WIDTH) });
  items.forEach((item, fileNo) => {
    for (let i = 0; i < maxCols; i += 1) {
      const column = info[i]!;
      if (!column.valid) continue;
      const idx = byColumns ? Math.floor(fileNo / Math.floor((count + i) / (i + 1))) : fileNo % (i + 1);
      const realLength = item.width + (idx === i ? 0 : 2);
      if (column.widths[idx]! < realLength) {
        column.lineLength += realLength - column.widths[idx]!;
        column.widths[idx] = realLength;
        column.valid = lineLength === 0 || column.lineLength < lineLength;
      }
    }
  });
  let cols = maxCols;
  while (cols > 1 && !info[cols - 1]!.valid) cols -= 1;
  return { cols, widths: info[cols - 1]?.widths ?? [] };
}

function indent(from: number, to: number, tabSize: number): string {
  let out = '';
  let position = from;
  while (position < to) {
    if (tabSize !== 0 && Math.floor(to / tabSize) > Math.floor((position + 1) / tabSize)) {
      out += '\t';
      position += tabSize - (position % tabSize);
    } else {
      out += ' ';
      position += 1;
    }
  }
  return out;
}

/** Down the columns, as `ls -C`. */
export function layoutVertical(items: readonly LayoutItem[], lineLength: number, tabSize = 8): string {
  if (items.length === 0) return '';
  const { cols, widths } = calculateColumns(items, lineLength, true);
  const rows = Math.floor(items.length / cols) + (items.length % cols !== 0 ? 1 : 0);
  let out = '';
  for (let row = 0; row < rows; row += 1) {
    let col = 0;
    let fileNo = row;
    let position = 0;
    for (;;) {
      const item = items[fileNo]!;
      const maxWidth = widths[col]!;
      col += 1;
      out += item.text;
      fileNo += rows;
      if (fileNo >= items.length) break;
      out += indent(position + item.width, position + maxWidth, tabSize);
      position += maxWidth;
    }
    out += '\n';
  }
  return out;
}

/** Across the lines, as `ls -x`. */
export function layoutHorizontal(items: readonly LayoutItem[], lineLength: number, tabSize = 8): string {
  if (items.length === 0) return '';
  const { cols, widths } = calculateColumns(items, lineLength, false);
  let out = items[0]!.text;
  let position = 0;
  let nameWidth = items[0]!.width;
  let maxWidth = widths[0]!;
  for (let fileNo = 1; fileNo < items.length; fileNo += 1) {
    const col = fileNo % cols;
    if (col === 0) {
      out += '\n';
      position = 0;
    } else {
      out += indent(position + nameWidth, position + maxWidth, tabSize);
      position += maxWidth;
    }
    const item = items[fileNo]!;
    out += item.text;
    nameWidth = item.width;
    maxWidth = widths[col]!;
  }
  return `${out}\n`;
}

/** Terminal columns a string occupies: wide East Asian characters count two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (/^\p{Mn}$/u.test(char) || code === 0x200b) continue;
    if (
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x1f900 && code <= 0x1f9ff) ||
      (code >= 0x20000 && code <= 0x3fffd)
    ) {
      width += 2;
    } else {
      width += 1;
    }
  }
  return width;
}
