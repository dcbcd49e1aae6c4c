/**
 * Heredoc detection (`RUN <<EOF`, `COPY <<F1 <<F2 /dest`, `<<-EOF`, `<<'EOF'`).
 *
 * BuildKit finds heredocs by splitting the whole instruction line into shell words (quotes and escapes
 * kept, variables expanded against an empty environment) and taking every word of the form
 * `[digits]<<[-]word` whose word contains no `<`. The delimiter is that word with quotes removed; if
 * removing quotes changed it, the body is not expanded. Bodies are read by the parser (parse.ts).
 */
import { DockerfileParseError } from './ast';
import { isSpaceCode } from './text';

/** A heredoc as found on the instruction line, before its body is read. */
export interface HeredocHeader {
  name: string;
  expand: boolean;
  chomp: boolean;
}

interface LexOptions {
  rawQuotes: boolean;
  rawEscapes: boolean;
  /** Leave unset variables as written instead of expanding them to nothing. */
  skipUnset: boolean;
}

class ShellLexError extends Error {}

/** Deeper `${…${…}…}` nesting than this is refused rather than risking the call stack. */
const MAX_DEPTH = 500;

/** Word accumulator: whitespace outside quotes separates words; empty words are dropped. */
class Words {
  readonly words: string[] = [];
  private word = '';
  private inWord = false;

  addChar(ch: string): void {
    if (isSpaceCode(ch.charCodeAt(0))) {
      if (this.inWord && this.word.length > 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else {
      this.addRawChar(ch);
    }
  }
  addRawChar(ch: string): void {
    this.word += ch;
    this.inWord = true;
  }
  addString(s: string): void {
    for (let i = 0; i < s.length; i++) this.addChar(s[i] as string);
  }
  addRawString(s: string): void {
    this.word += s;
    this.inWord = true;
  }
  finish(): string[] {
    if (this.word.length > 0) this.words.push(this.word);
    this.word = '';
    this.inWord = false;
    return this.words;
  }
}

const SPECIAL_PARAMS = '@*#?-$!0';
const NAME_CHAR = /^[\p{L}\p{Nd}_]$/u;

/** A small shell-word lexer (the subset of BuildKit's that decides heredoc words), escape `\`. */
class ShellLexer {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly src: string,
    private readonly opts: LexOptions,
  ) {}

  words(): string[] {
    return this.processStopOn(null).words;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ShellLexError('substitution nested too deeply');
  }

  private processStopOn(stop: string | null): { text: string; words: string[] } {
    const { src } = this;
    const words = new Words();
    let text = '';
    while (this.pos < src.length) {
      let ch = src[this.pos] as string;
      if (stop !== null && ch === stop) {
        this.pos++;
        return { text, words: words.finish() };
      }
      if (ch === "'" || ch === '"') {
        const quoted = ch === "'" ? this.singleQuote() : this.doubleQuote();
        text += quoted;
        words.addRawString(quoted);
        continue;
      }
      if (ch === '$') {
        const value = this.dollar();
        text += value;
        words.addString(value);
        continue;
      }
      this.pos++;
      if (ch === '\\') {
        if (this.opts.rawEscapes) {
          words.addRawChar(ch);
          text += ch;
        }
        if (this.pos >= src.length) break;
        ch = src[this.pos++] as string;
        words.addRawChar(ch);
      } else {
        words.addChar(ch);
      }
      text += ch;
    }
    if (stop !== null) throw new ShellLexError(`unexpected end of statement while looking for matching ${stop}`);
    return { text, words: words.finish() };
  }

  private singleQuote(): string {
    const start = ++this.pos;
    const end = this.src.indexOf("'", start);
    if (end < 0) throw new ShellLexError('unexpected end of statement while looking for matching single-quote');
    this.pos = end + 1;
    const body = this.src.slice(start, end);
    return this.opts.rawQuotes ? `'${body}'` : body;
  }

  private doubleQuote(): string {
    const { src } = this;
    this.enter();
    this.pos++;
    let out = '';
    for (;;) {
      if (this.pos >= src.length) {
        throw new ShellLexError('unexpected end of statement while looking for matching double-quote');
      }
      let ch = src[this.pos] as string;
      if (ch === '"') {
        this.pos++;
        break;
      }
      if (ch === '$') {
        out += this.dollar();
        continue;
      }
      this.pos++;
      if (ch === '\\') {
        const next = src[this.pos];
        if (next === undefined) continue;
        if (next === '"' || next === '$' || next === '\\') {
          if (this.opts.rawEscapes) out += ch;
          ch = next;
          this.pos++;
        }
      }
      out += ch;
    }
    this.depth--;
    return this.opts.rawQuotes ? `"${out}"` : out;
  }

  private name(): string {
    const { src } = this;
    const start = this.pos;
    const first = src[this.pos];
    if (first === undefined) return '';
    if (first >= '0' && first <= '9') {
      while (this.pos < src.length && (src[this.pos] as string) >= '0' && (src[this.pos] as string) <= '9') this.pos++;
      return src.slice(start, this.pos);
    }
    if (SPECIAL_PARAMS.includes(first)) {
      this.pos++;
      return first;
    }
    while (this.pos < src.length && NAME_CHAR.test(src[this.pos] as string)) this.pos++;
    return src.slice(start, this.pos);
  }

  /** `$name` / `${name…}` against an empty environment. */
  private dollar(): string {
    const { src } = this;
    const start = this.pos++;
    if (src[this.pos] !== '{') {
      const name = this.name();
      if (name === '') return '$';
      return this.opts.skipUnset ? src.slice(start, this.pos) : '';
    }
    this.enter();
    this.pos++;
    const name = this.name();
    const c = src[this.pos++];
    let value: string;
    if (c === undefined) throw new ShellLexError("missing '}'");
    if (c === '}') {
      if (name === '') throw new ShellLexError('bad substitution');
      value = '';
    } else {
      const colon = c === ':';
      const mod = colon ? src[this.pos++] : c;
      if (mod === undefined) throw new ShellLexError("missing '}'");
      const word = this.processStopOn('}').text;
      if (mod === '-' || (!colon && mod === '=')) value = word;
      else if (mod === '+') value = '';
      else if (mod === '?') throw new ShellLexError(`${name}: ${word || 'is not allowed to be unset'}`);
      else if (!colon && (mod === '#' || mod === '%' || mod === '/')) value = '';
      else throw new ShellLexError(`unsupported modifier (${mod}) in substitution`);
    }
    this.depth--;
    return this.opts.skipUnset ? src.slice(start, this.pos) : value;
  }
}

function lexWords(src: string, opts: LexOptions): string[] | ShellLexError {
  try {
    return new ShellLexer(src, opts).words();
  } catch (err) {
    if (err instanceof ShellLexError) return err;
    throw err;
  }
}

const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;

function countQuotes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x27) n++;
  }
  return n;
}

/** Interprets one shell word as a heredoc opener (`<<EOF`, `<<-EOF`, `2<<"EOF"`), or returns null. */
export function parseHeredocWord(word: string): HeredocHeader | null {
  const m = HEREDOC_WORD.exec(word);
  if (!m) return null;
  const chomp = m[2] === '-';
  const rest = m[3] ?? '';
  if (rest === '') return null;
  const plain = lexWords(rest, { rawQuotes: false, rawEscapes: false, skipUnset: true });
  if (plain instanceof ShellLexError) throw new DockerfileParseError(`failed to process "${rest}": ${plain.message}`);
  if (plain.length !== 1) return null;
  const raw = lexWords(rest, { rawQuotes: true, rawEscapes: false, skipUnset: true });
  if (raw instanceof ShellLexError || raw.length !== 1) {
    throw new DockerfileParseError(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  const name = plain[0] as string;
  return { name, expand: countQuotes(name) === countQuotes(raw[0] as string), chomp };
}

/** Every heredoc opener on an instruction line, in order. */
export function heredocsFromLine(line: string): HeredocHeader[] {
  const words = lexWords(line, { rawQuotes: true, rawEscapes: true, skipUnset: false });
  if (words instanceof ShellLexError) return [];
  const docs: HeredocHeader[] = [];
  for (const word of words) {
    const doc = parseHeredocWord(word);
    if (doc) docs.push(doc);
  }
  return docs;
}

/** What `<<-` does to a body: the leading tabs of every line are removed. */
export function chompHeredocContent(content: string): string {
  if (!content.includes('\t')) return content;
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.charCodeAt(0) === 0x09) {
      let j = 1;
      while (l.charCodeAt(j) === 0x09) j++;
      lines[i] = l.slice(j);
    }
  }
  return lines.join('\n');
}
