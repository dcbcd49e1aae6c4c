/** Python tracebacks as the interpreter prints them (3.11+ adds the ^^^ lines under calls). */

export interface Frame {
  file: string;
  line: number;
  func: string;
  code: string;
  /** Columns [start, end) of the failing call within `code`, for 3.11+'s carets. */
  span?: readonly [number, number];
}

export function formatTraceback(frames: readonly Frame[], error: string, pyNumber: number): string {
  let out = 'Traceback (most recent call last):\n';
  for (const f of frames) {
    out += `  File "${f.file}", line ${f.line}, in ${f.func}\n`;
    const code = f.code.trim();
    out += `    ${code}\n`;
    if (pyNumber >= 311 && f.span) {
      const lead = f.code.length - f.code.trimStart().length;
      const [s, e] = [f.span[0] - lead, f.span[1] - lead];
      if (!(s <= 0 && e >= code.length)) out += `    ${' '.repeat(s)}${'^'.repeat(e - s)}\n`;
    }
  }
  return `${out}${error}\n`;
}

/** The 1-based line of `source` holding `code` (first match), and that line's text. */
export function lineOf(source: string, code: string): { line: number; text: string } {
  const lines = source.split('\n');
  const i = lines.findIndex((l) => l.includes(code));
  return { line: i + 1, text: lines[i] ?? code };
}

/** A frame for a line of a lesson script, found by its code; `call` marks the carets' span. */
export function frameAt(file: string, source: string, func: string, code: string, call?: string): Frame {
  const { line, text } = lineOf(source, code);
  const frame: Frame = { file, line, func, code: text };
  if (call) {
    const start = text.indexOf(call);
    if (start >= 0) return { ...frame, span: [start, start + call.length] };
  }
  return frame;
}
