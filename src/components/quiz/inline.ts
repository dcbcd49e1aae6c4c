/**
 * The little markup quiz texts may use: `code spans` in backticks, and paragraphs (in YAML, a
 * folded block `>-` turns a blank line into a line break; each line break starts a paragraph).
 * The pieces are rendered as text nodes and <code> elements, never parsed as HTML.
 */
export interface Span {
  code: boolean;
  text: string;
}

/** Splits a line into plain text and code spans; a lone backtick stays a backtick. */
export function spans(line: string): Span[] {
  const result: Span[] = [];
  const push = (code: boolean, text: string) => {
    if (text === '') return;
    const last = result.at(-1);
    if (last && !last.code && !code) last.text += text;
    else result.push({ code, text });
  };
  let rest = line;
  for (;;) {
    const open = rest.indexOf('`');
    const close = open < 0 ? -1 : rest.indexOf('`', open + 1);
    if (open < 0 || close < 0) {
      push(false, rest);
      return result;
    }
    push(false, rest.slice(0, open));
    if (close === open + 1) push(false, '``');
    else push(true, rest.slice(open + 1, close));
    rest = rest.slice(close + 1);
  }
}

/** The paragraphs of a text: its non-blank lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The text without code-span backticks, for places that take plain text (aria-label, title). */
export function plainText(text: string): string {
  return paragraphs(text)
    .map((line) => spans(line).map((span) => span.text).join(''))
    .join(' ');
}
