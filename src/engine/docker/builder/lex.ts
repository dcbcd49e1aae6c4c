/**
 * BuildKit's shell lexer (frontend/dockerfile/shell): variable substitution in Dockerfile words
 * (`$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR:+word}`, `${VAR:?msg}`, `${VAR#pat}`, `${VAR%pat}`,
 * `${VAR/pat/repl}`), quote removal and word splitting. It only expands; it never runs anything.
 *
 * Modes as BuildKit sets them: RawQuotes keeps the quotes (vertex names), SkipUnsetEnv leaves
 * unknown variables as written (vertex names), SkipProcessQuotes treats quotes as plain characters
 * (heredoc bodies), RawEscapes keeps escape characters.
 */

export class LexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LexError';
  }
}

export interface LexOptions {
  escapeToken?: string;
  rawQuotes?: boolean;
  rawEscapes?: boolean;
  skipProcessQuotes?: boolean;
  skipUnsetEnv?: boolean;
}

export interface LexResult {
  result: string;
  words: string[];
  /** Names looked up and found. */
  matched: Set<string>;
  /** Names looked up and not found. */
  unmatched: Set<string>;
}

/** Environment as a lookup: a Map, or `KEY=value` pairs (later ones win). */
export type LexEnv = ReadonlyMap<string, string>;

export function envMap(pairs: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of pairs) {
    const i = e.indexOf('=');
    if (i < 0) m.set(e, '');
    else m.set(e.slice(0, i), e.slice(i + 1));
  }
  return m;
}

const EOF = -1;

/** unicode.IsSpace */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

function isLetter(c: number): boolean {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true;
  if (c < 0x80) return false;
  return LETTER.test(String.fromCodePoint(c));
}

function isDigit(c: number): boolean {
  if (c >= 0x30 && c <= 0x39) return true;
  if (c < 0x80) return false;
  return DIGIT.test(String.fromCodePoint(c));
}

function isSpecialParam(c: number): boolean {
  // @ * # ? - $ ! 0
  return c === 0x40 || c === 0x2a || c === 0x23 || c === 0x3f || c === 0x2d || c === 0x24 || c === 0x21 || c === 0x30;
}

class Words {
  word = '';
  words: string[] = [];
  inWord = false;

  addChar(ch: string): void {
    const c = ch.codePointAt(0)!;
    if (isSpace(c) && this.inWord) {
      if (this.word.length !== 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else if (!isSpace(c)) {
      this.addRawChar(ch);
    }
  }
  addRawChar(ch: string): void {
    this.word += ch;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }
  addRawString(s: string): void {
    this.word += s;
    this.inWord = true;
  }
  getWords(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class ShellWord {
  private pos = 0;
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();
  private rawEscapes: boolean;
  private readonly esc: number;

  constructor(
    private readonly src: string,
    private readonly env: LexEnv,
    private readonly opts: LexOptions,
  ) {
    this.rawEscapes = opts.rawEscapes ?? false;
    this.esc = (opts.escapeToken ?? '\\').codePointAt(0)!;
  }

  private peek(): number {
    if (this.pos >= this.src.length) return EOF;
    return this.src.codePointAt(this.pos)!;
  }

  private next(): number {
    if (this.pos >= this.src.length) return EOF;
    const c = this.src.codePointAt(this.pos)!;
    this.pos += c > 0xffff ? 2 : 1;
    return c;
  }

  process(): { word: string; words: string[] } {
    try {
      return this.processStopOn(EOF, this.rawEscapes);
    } catch (e) {
      if (e instanceof LexError) throw new LexError(`failed to process "${goEscape(this.src)}": ${e.message}`);
      throw e;
    }
  }

  private processStopOn(stop: number, rawEscapes: boolean): { word: string; words: string[] } {
    let result = '';
    const words = new Words();
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.peek() !== EOF) {
        const ch = this.peek();
        if (stop !== EOF && ch === stop) {
          this.next();
          return { word: result, words: words.getWords() };
        }
        if (ch === 0x24 /* $ */) {
          const tmp = this.processDollar();
          result += tmp;
          words.addString(tmp);
          continue;
        }
        if (!this.opts.skipProcessQuotes && (ch === 0x27 || ch === 0x22)) {
          const tmp = ch === 0x27 ? this.processSingleQuote() : this.processDoubleQuote();
          result += tmp;
          words.addRawString(tmp);
          continue;
        }
        let c = this.next();
        if (c === this.esc) {
          if (this.rawEscapes) {
            words.addRawChar(String.fromCodePoint(c));
            result += String.fromCodePoint(c);
          }
          c = this.next();
          if (c === EOF) break;
          words.addRawChar(String.fromCodePoint(c));
        } else {
          words.addChar(String.fromCodePoint(c));
        }
        result += String.fromCodePoint(c);
      }
      if (stop !== EOF) throw new LexError(`unexpected end of statement while looking for matching ${String.fromCodePoint(stop)}`);
      return { word: result, words: words.getWords() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  private processSingleQuote(): string {
    let result = '';
    let ch = this.next();
    if (this.opts.rawQuotes) result += String.fromCodePoint(ch);
    for (;;) {
      ch = this.next();
      if (ch === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === 0x27) {
        if (this.opts.rawQuotes) result += "'";
        return result;
      }
      result += String.fromCodePoint(ch);
    }
  }

  private processDoubleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.opts.rawQuotes) result += String.fromCodePoint(open);
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (p === 0x22) {
        this.next();
        if (this.opts.rawQuotes) result += '"';
        return result;
      }
      if (p === 0x24) {
        result += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === this.esc) {
        if (this.rawEscapes) result += String.fromCodePoint(ch);
        const q = this.peek();
        if (q === EOF) continue;
        if (q === 0x22 || q === 0x24 || q === this.esc) ch = this.next();
      }
      result += String.fromCodePoint(ch);
    }
  }

  private getEnv(name: string): { value: string; set: boolean } {
    const v = this.env.get(name);
    if (v !== undefined) {
      this.matched.add(name);
      return { value: v, set: true };
    }
    this.unmatched.add(name);
    return { value: '', set: false };
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += String.fromCodePoint(this.next());
        return name;
      }
      if (name.length === 0 && isSpecialParam(ch)) return String.fromCodePoint(this.next());
      if (!isLetter(ch) && !isDigit(ch) && ch !== 0x5f) break;
      name += String.fromCodePoint(this.next());
    }
    return name;
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== 0x7b /* { */) {
      const name = this.processName();
      if (name === '') return '$';
      const { value, set } = this.getEnv(name);
      if (!set && this.opts.skipUnsetEnv) return `$${name}`;
      return value;
    }
    this.next();
    const p = this.peek();
    if (p === EOF) throw new LexError("syntax error: missing '}'");
    if (p === 0x7b || p === 0x7d || p === 0x3a) throw new LexError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    let chs = ch === EOF ? '\uFFFD' : String.fromCodePoint(ch);
    if (ch === 0x7d) {
      const { value, set } = this.getEnv(name);
      if (!set && this.opts.skipUnsetEnv) return `\${${name}}`;
      return value;
    }
    let nullIsUnset = false;
    if (ch === 0x3a /* : */) {
      nullIsUnset = true;
      ch = this.next();
      chs += ch === EOF ? '\uFFFD' : String.fromCodePoint(ch);
      // fallthrough into the modifier handling whatever ch is
      return this.modifier(name, ch, chs, nullIsUnset);
    }
    if (ch === 0x2b || ch === 0x2d || ch === 0x3f || ch === 0x23 || ch === 0x25) return this.modifier(name, ch, chs, nullIsUnset);
    if (ch === 0x2f /* / */) {
      const replaceAll = this.peek() === 0x2f;
      if (replaceAll) this.next();
      let pattern: string;
      try {
        pattern = this.processStopOn(0x2f, true).word;
      } catch (e) {
        if (this.peek() === EOF) throw new LexError("syntax error: missing '/' in ${}");
        throw e;
      }
      let replacement: string;
      try {
        replacement = this.processStopOn(0x7d, true).word;
      } catch (e) {
        if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
        throw e;
      }
      const { value, set } = this.getEnv(name);
      if (this.opts.skipUnsetEnv && !set) return `\${${name}/${pattern}/${replacement}}`;
      const re = shellPatternRegex(pattern, true, false, replaceAll);
      if (replaceAll) return value.replace(re, () => replacement);
      const m = re.exec(value);
      if (!m) return value;
      return value.slice(0, m.index) + replacement + value.slice(m.index + m[0].length);
    }
    throw new LexError(`unsupported modifier (${chs}) in substitution`);
  }

  private modifier(name: string, ch: number, chs: string, nullIsUnset: boolean): string {
    if (!(ch === 0x2b || ch === 0x2d || ch === 0x3f || ch === 0x23 || ch === 0x25)) {
      // `${x:y}`: the word is still read, then rejected
      let _w: string;
      try {
        _w = this.processStopOn(0x7d, false).word;
      } catch (e) {
        if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
        throw e;
      }
      void _w;
      const { set } = this.getEnv(name);
      if (this.opts.skipUnsetEnv && !set) return `\${${name}${chs}${_w}}`;
      throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
    const rawEscapes = ch === 0x23 || ch === 0x25;
    let word: string;
    try {
      word = this.processStopOn(0x7d, rawEscapes).word;
    } catch (e) {
      if (this.peek() === EOF) throw new LexError("syntax error: missing '}'");
      throw e;
    }
    const { value, set } = this.getEnv(name);
    if (this.opts.skipUnsetEnv && !set) return `\${${name}${chs}${word}}`;
    switch (ch) {
      case 0x2d:
        return !set || (nullIsUnset && value === '') ? word : value;
      case 0x2b:
        return !set || (nullIsUnset && value === '') ? '' : word;
      case 0x3f:
        if (!set) throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
        if (nullIsUnset && value === '') throw new LexError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
        return value;
      default: {
        let greedy = false;
        if (word.length > 0 && word.codePointAt(0) === ch) {
          greedy = true;
          word = word.slice(1);
        }
        return ch === 0x25 ? trimSuffix(word, value, greedy) : trimPrefix(word, value, greedy);
      }
    }
  }
}

/** `${x#pat}`-style patterns as a regular expression: `*`, `?`, `\` escapes. */
function shellPatternRegex(pattern: string, greedy: boolean, anchored: boolean, global = false): RegExp {
  let out = anchored ? '^' : '';
  const star = greedy ? '[^]*' : '[^]*?';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const tok = chars[i]!;
    switch (tok) {
      case '*':
        out += star;
        continue;
      case '?':
        out += '[^]';
        continue;
      case '\\': {
        const nx = chars[i + 1];
        if (nx === '}' || nx === '/') continue;
        const t = chars[++i];
        if (t !== '*' && t !== '?' && t !== '\\') throw new LexError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${t ?? ''}'`);
        out += `\\${t}`;
        continue;
      }
      default:
        out += tok.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
  }
  return new RegExp(out, global ? 'gu' : 'u');
}

function trimPrefix(word: string, value: string, greedy: boolean): string {
  const re = shellPatternRegex(word, greedy, true);
  const m = re.exec(value);
  return m ? value.slice(m[0].length) : value;
}

function reversePattern(pattern: string): string {
  const runes = [...pattern];
  const out: string[] = new Array<string>(runes.length);
  const last = runes.length - 1;
  for (let i = 0; i <= last; ) {
    const tok = runes[i]!;
    const o = last - i;
    if (tok === '\\' && i !== last) {
      out[o - 1] = tok;
      out[o] = runes[i + 1]!;
      i += 2;
    } else {
      out[o] = tok;
      i++;
    }
  }
  return out.join('');
}

function reverseString(s: string): string {
  return [...s].reverse().join('');
}

function trimSuffix(pattern: string, word: string, greedy: boolean): string {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(word), greedy));
}

/** Go's %q body (without the quotes) for ASCII-ish text. */
function goEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

/** BuildKit's shell.Lex. */
export class Lex {
  constructor(readonly options: LexOptions = {}) {}

  with(options: LexOptions): Lex {
    return new Lex({ ...this.options, ...options });
  }

  process(word: string, env: LexEnv): LexResult {
    const sw = new ShellWord(word, env, this.options);
    const { word: result, words } = sw.process();
    return { result, words, matched: sw.matched, unmatched: sw.unmatched };
  }

  /** ProcessWord: the expanded word (quotes removed unless rawQuotes). Throws LexError. */
  processWord(word: string, env: LexEnv): string {
    return this.process(word, env).result;
  }

  /** ProcessWords: expanded, then split on unquoted whitespace. */
  processWords(word: string, env: LexEnv): string[] {
    return this.process(word, env).words;
  }
}
