/** apt's number and list formatting (apt-pkg/contrib/strutl.cc SizeToStr, apt-private ShowList). */

/** SizeToStr: 3 significant digits with SI units ("9418 k", "78.5 M", "105 M"); callers append "B". */
export function sizeToStr(size: number): string {
  const ext = ['', 'k', 'M', 'G', 'T', 'P'];
  let a = Math.abs(size);
  let i = 0;
  for (;;) {
    if (a < 100 && i !== 0) return `${a.toFixed(1)} ${ext[i]}`;
    if (a < 10000 || i === ext.length - 1) return `${Math.round(a)} ${ext[i]}`;
    a /= 1000;
    i++;
  }
}

/**
 * A package list as apt-get prints it (apt-private ShowList): two spaces, then names; a new line
 * when the next name (and its space) would reach the screen width less 3.
 */
export function showList(items: readonly string[], width = 80): string {
  const limit = width - 3;
  let out = '';
  let used = 0;
  for (const item of items) {
    if (used === 0 || used + 1 + item.length >= limit) {
      out += `${used === 0 && out === '' ? '' : '\n'}  ${item}`;
      used = item.length;
    } else {
      out += ` ${item}`;
      used += 1 + item.length;
    }
  }
  return out ? `${out}\n` : '';
}

/** apt 3's column layout (like ls -C): column-major, widest fit within `width`. */
export function showColumns(items: readonly string[], width = 80): string {
  const n = items.length;
  if (n === 0) return '';
  for (let cols = Math.min(n, 8); cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) widths.push(Math.max(0, ...items.slice(c * rows, (c + 1) * rows).map((s) => s.length)));
    const total = 2 + widths.reduce((a, w) => a + w, 0) + 2 * (cols - 1);
    if (total <= width || cols === 1) {
      let out = '';
      for (let r = 0; r < rows; r++) {
        const cells: string[] = [];
        for (let c = 0; c < cols; c++) {
          const item = items[c * rows + r];
          if (item !== undefined) cells.push(item);
        }
        out += `  ${cells.map((s, c) => (c === cells.length - 1 ? s : s.padEnd(widths[c]!))).join('  ')}\n`;
      }
      return out;
    }
  }
  return '';
}
