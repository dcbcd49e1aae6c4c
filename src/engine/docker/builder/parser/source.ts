/** Source excerpts for error reports (the builder prints the Dockerfile lines of a failing step). */

export interface SourceLine {
  /** 1-based line number. */
  line: number;
  /** The line without its line ending (and without a BOM on line 1). */
  text: string;
}

/**
 * Lines `startLine..endLine` (1-based, inclusive, clamped to the file) of a Dockerfile, numbered the
 * way the parser numbers them (every `\n` ends a line; comments and blank lines count).
 */
export function sourceLines(source: string, startLine: number, endLine: number): SourceLine[] {
  const out: SourceLine[] = [];
  const from = Math.max(1, Math.floor(startLine));
  const to = Math.floor(endLine);
  if (to < from) return out;
  let pos = 0;
  for (let line = 1; line <= to && pos <= source.length; line++) {
    const nl = source.indexOf('\n', pos);
    if (nl < 0 && pos === source.length) break; // nothing after the last newline
    const end = nl < 0 ? source.length : nl;
    if (line >= from) {
      let text = source.slice(pos, end);
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.endsWith('\r')) text = text.replace(/\r+$/, '');
      out.push({ line, text });
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  return out;
}

/** The source lines of one instruction (`startLine..endLine`, heredoc bodies included). */
export function instructionSource(source: string, node: { startLine: number; endLine: number }): SourceLine[] {
  return sourceLines(source, node.startLine, node.endLine);
}
