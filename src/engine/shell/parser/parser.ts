/**
 * A recursive-descent parser for the bash language (the parts a course needs), producing the plain
 * data of ./ast. It reports, like bash, whether input is complete, incomplete (bash would show its
 * `> ` continuation prompt) or a syntax error, with bash's exact wording.
 */
import type {
  AndOr,
  ArithCommand,
  ArithForCommand,
  Assignment,
  CaseCommand,
  CaseItem,
  Command,
  CommandList,
  CondCommand,
  CondExpr,
  ForCommand,
  FunctionDef,
  Group,
  IfCommand,
  ListItem,
  ParamOp,
  ParamPart,
  Pipeline,
  Redirect,
  RedirectOp,
  SimpleCommand,
  Subshell,
  WhileCommand,
  Word,
  WordPart,
} from './ast';

/** One top-level command: everything up to an unquoted newline. */
export interface TopCommand {
  list: CommandList;
  /** Warnings bash prints while reading it (here-document ended by end of file). */
  warnings: string[];
}

export interface SyntaxError {
  /** The message without the `bash: ` prefix: `syntax error near unexpected token `;;'`. */
  message: string;
  /** The offending source line, which bash quotes on a second line (absent for end-of-file errors). */
  line?: string;
  /** The error comes from reaching the end of the input: more lines would complete it. */
  eof: boolean;
  /** Line number where bash reports it (scripts print `NAME: line N: …`). */
  lineNo?: number;
}

export interface ParseResult {
  /** Commands parsed before an error, in order; bash runs these before reporting the error. */
  commands: TopCommand[];
  error?: SyntaxError;
  /** A here-document was still open at the end of input (bash would read more lines). */
  openHeredoc: boolean;
}

export interface ParseOptions {
  /** Line number of the first line, for `$LINENO` and here-document warnings. */
  firstLine?: number;
}

export type Completeness = 'complete' | 'incomplete' | 'error';

class ParseFailure extends Error {
  constructor(
    readonly info: SyntaxError,
    readonly eofQuote = false,
  ) {
    super(info.message);
  }
}

type Tok =
  | { t: 'word'; word: Word; start: number; end: number }
  | { t: 'op'; op: string; fd?: number; start: number; end: number }
  | { t: 'nl'; start: number; end: number }
  | { t: 'eof'; start: number; end: number };

const RESERVED = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  'in',
  'function',
  '{',
  '}',
  '!',
  '[[',
  ']]',
  'select',
  'time',
]);

/** Words that end a compound list: seeing one in command position closes the current block. */
const LIST_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

/** Builtins whose `name=(…)` arguments are array assignments. */
const DECLARATION_COMMANDS = new Set(['declare', 'typeset', 'local', 'readonly', 'export']);

const CH_SPACE = 32;
const CH_TAB = 9;
const CH_NL = 10;

function isMeta(c: string): boolean {
  return (
    c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>'
  );
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

export function isValidName(s: string): boolean {
  if (s.length === 0 || !isNameStart(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) if (!isNameChar(s.charCodeAt(i))) return false;
  return true;
}

const OPERATORS = ['&&', '||', ';;&', ';;', ';&', '|&', '|', '&>>', '&>', '&', ';', '(', ')', '<<<', '<<-', '<<', '<&', '<>', '<', '>>', '>&', '>|', '>'];
const REDIRECT_OPS = new Set<string>(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);

/** The literal text of a word when it is entirely unquoted literal text (reserved-word candidates). */
function plainText(word: Word): string | null {
  if (word.parts.length === 1 && word.parts[0]!.type === 'lit') return word.parts[0]!.text;
  if (word.parts.length === 0) return null;
  return null;
}

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  strip: boolean;
  quoted: boolean;
}

export class Parser {
  private pos = 0;
  private peeked: Tok | null = null;
  private pending: PendingHeredoc[] = [];
  private warnings: string[] = [];
  openHeredoc = false;
  /** The text ended with an unquoted backslash (bash would continue the line). */
  trailingBackslash = false;
  private finalNewline = false;
  private lineStarts: number[] | null = null;
  private readonly firstLine: number;

  constructor(
    private readonly src: string,
    options: ParseOptions = {},
  ) {
    this.firstLine = options.firstLine ?? 1;
  }

  // ---------------------------------------------------------------- positions and errors

  lineOf(pos: number): number {
    if (this.lineStarts === null) {
      const starts = [0];
      for (let i = 0; i < this.src.length; i++) if (this.src.charCodeAt(i) === CH_NL) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + this.firstLine;
  }

  private sourceLine(pos: number): string {
    let start = pos;
    // A newline token belongs to the line it ends.
    if (start > 0 && start >= this.src.length) start = this.src.length;
    while (start > 0 && this.src.charCodeAt(start - 1) !== CH_NL) start--;
    let end = pos;
    while (end < this.src.length && this.src.charCodeAt(end) !== CH_NL) end++;
    return this.src.slice(start, end);
  }

  private unexpected(tok: Tok): ParseFailure {
    if (tok.t === 'eof') return this.unexpectedEof();
    const text = tok.t === 'nl' ? 'newline' : tok.t === 'op' ? this.src.slice(tok.start, tok.end) : tok.word.raw;
    return new ParseFailure({
      message: `syntax error near unexpected token \`${text}'`,
      line: this.sourceLine(tok.start),
      eof: false,
      lineNo: this.lineOf(tok.start),
    });
  }

  private unexpectedEof(): ParseFailure {
    return new ParseFailure({ message: 'syntax error: unexpected end of file', eof: true, lineNo: this.lineOf(this.src.length) });
  }

  private eofMatching(c: string, matching = true): ParseFailure {
    const message = `unexpected EOF while looking for ${matching ? 'matching ' : ''}\`${c}'`;
    return new ParseFailure({ message, eof: true, lineNo: this.lineOf(this.src.length) }, true);
  }

  // ---------------------------------------------------------------- tokens

  private peek(): Tok {
    if (this.peeked === null) this.peeked = this.lex();
    return this.peeked;
  }

  private next(): Tok {
    const tok = this.peek();
    this.peeked = null;
    return tok;
  }

  /** Skips blanks, line continuations and comments. */
  private skipBlanks(): void {
    const src = this.src;
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (c === CH_SPACE || c === CH_TAB) {
        this.pos++;
      } else if (c === 92 /* \ */ && src.charCodeAt(this.pos + 1) === CH_NL) {
        this.pos += 2;
      } else if (c === 35 /* # */) {
        while (this.pos < src.length && src.charCodeAt(this.pos) !== CH_NL) this.pos++;
      } else {
        return;
      }
    }
  }

  private lex(): Tok {
    this.skipBlanks();
    const src = this.src;
    const start = this.pos;
    if (start >= src.length) {
      if (this.pending.length > 0) this.readHeredocs();
      // The end of the text acts as a final newline (as after the last line typed), then EOF.
      if (!this.finalNewline) {
        this.finalNewline = true;
        return { t: 'nl', start, end: start };
      }
      return { t: 'eof', start, end: start };
    }
    const c = src[start]!;
    if (c === '\n') {
      this.pos++;
      if (this.pending.length > 0) this.readHeredocs();
      return { t: 'nl', start, end: start + 1 };
    }
    // An io number: digits directly followed by < or >.
    let i = start;
    while (i < src.length && src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57) i++;
    if (i > start && (src[i] === '<' || src[i] === '>')) {
      const fd = Number(src.slice(start, i));
      this.pos = i;
      const op = this.matchOperator();
      if (op !== null && REDIRECT_OPS.has(op) && op !== '&>' && op !== '&>>') {
        this.pos += op.length;
        return { t: 'op', op, fd, start, end: this.pos };
      }
      this.pos = start;
    }
    if (isMeta(c)) {
      const op = this.matchOperator();
      if (op !== null) {
        this.pos += op.length;
        return { t: 'op', op, start, end: this.pos };
      }
    }
    const word = this.readWord();
    return { t: 'word', word, start, end: this.pos };
  }

  private matchOperator(): string | null {
    const src = this.src;
    for (const op of OPERATORS) {
      if (src.startsWith(op, this.pos)) return op;
    }
    return null;
  }

  // ---------------------------------------------------------------- words

  /** Reads a word up to the next unquoted metacharacter. */
  private readWord(): Word {
    const start = this.pos;
    const parts = this.readParts('word');
    const raw = this.src.slice(start, this.pos);
    return { parts: applyTilde(parts, raw), raw, pos: start };
  }

  /**
   * Reads word parts. Modes: `word` stops at a metacharacter; `brace` stops at an unmatched `}`
   * (inside `${…}`), `brace-dq` likewise inside double quotes; `heredoc` and `arith` read to the
   * end of the text; `slash` stops at `/` or `}` (the pattern of `${x/pat/rep}`); `colon` stops at
   * `:` or `}` (the offset of `${x:off:len}`).
   */
  private readParts(mode: 'word' | 'brace' | 'brace-dq' | 'heredoc' | 'arith' | 'slash' | 'slash-dq' | 'colon' | 'brace-free', end = this.src.length): WordPart[] {
    const src = this.src;
    const parts: WordPart[] = [];
    let lit = '';
    const inDq = mode === 'brace-dq' || mode === 'slash-dq';
    // Inside "${x#…}" the operand is still a pattern: its plain text stays unquoted here, and the
    // expander quotes it where the double quotes apply (default values).
    const litType = 'lit';
    const flush = () => {
      if (lit !== '') {
        const last = parts[parts.length - 1];
        if (last !== undefined && last.type === litType) last.text += lit;
        else parts.push({ type: litType, text: lit });
        lit = '';
      }
    };
    let depth = 0; // nested plain braces inside ${…}
    while (this.pos < end) {
      const c = src[this.pos]!;
      if (mode === 'word') {
        if (isMeta(c)) break;
      } else if (mode === 'brace' || mode === 'brace-dq' || mode === 'slash' || mode === 'slash-dq' || mode === 'colon') {
        if (c === '}') {
          if (depth === 0) break;
          depth--;
        } else if (c === '{') {
          depth++;
        } else if (c === '/' && (mode === 'slash' || mode === 'slash-dq') && depth === 0) {
          break;
        } else if (c === ':' && mode === 'colon' && depth === 0) {
          break;
        }
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === undefined || this.pos + 1 >= end) {
          if (n === undefined && mode === 'word') this.trailingBackslash = true;
          lit += '\\';
          this.pos++;
          continue;
        }
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        if (mode === 'heredoc' || mode === 'arith' || inDq) {
          // Inside double quotes and here-documents a backslash only quotes $ ` " \ (and newline).
          if (n === '$' || n === '`' || n === '\\' || (n === '"' && mode !== 'heredoc') || (inDq && n === '}')) {
            flush();
            parts.push({ type: 'sq', text: n });
          } else {
            lit += '\\' + n;
          }
          this.pos += 2;
          continue;
        }
        flush();
        parts.push({ type: 'sq', text: n });
        this.pos += 2;
        continue;
      }
      if (c === "'" && mode !== 'heredoc' && !inDq) {
        flush();
        const close = src.indexOf("'", this.pos + 1);
        if (close < 0 || close >= end) {
          if (mode === 'arith') {
            lit += c;
            this.pos++;
            continue;
          }
          throw this.eofMatching("'");
        }
        parts.push({ type: 'sq', text: src.slice(this.pos + 1, close) });
        this.pos = close + 1;
        continue;
      }
      if (c === '"' && mode !== 'heredoc') {
        if (inDq) {
          // A double quote inside "${x:-"…"}" opens a nested quoted string.
          flush();
          this.pos++;
          parts.push(...this.readDoubleQuoted().parts);
          continue;
        }
        flush();
        this.pos++;
        parts.push(this.readDoubleQuoted());
        continue;
      }
      if (c === '$') {
        const part = this.readDollar(inDq || mode === 'heredoc');
        if (part === null) {
          lit += '$';
        } else {
          flush();
          parts.push(part);
        }
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.readBackquote());
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  /** After the opening `"`: reads to the closing quote. */
  private readDoubleQuoted(): { type: 'dq'; parts: WordPart[] } {
    const src = this.src;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = () => {
      if (lit !== '') {
        const last = parts[parts.length - 1];
        if (last !== undefined && last.type === 'sq') last.text += lit;
        else parts.push({ type: 'sq', text: lit });
        lit = '';
      }
    };
    for (;;) {
      if (this.pos >= src.length) throw this.eofMatching('"');
      const c = src[this.pos]!;
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        if (n === '$' || n === '`' || n === '"' || n === '\\') {
          lit += n;
          this.pos += 2;
          continue;
        }
        lit += '\\';
        this.pos++;
        continue;
      }
      if (c === '$') {
        const part = this.readDollar(true);
        if (part === null) lit += '$';
        else {
          flush();
          parts.push(part);
        }
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.readBackquote());
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return { type: 'dq', parts };
  }

  /** At a `$`: returns the expansion, or null when the `$` is literal (then it is not consumed). */
  private readDollar(inDq: boolean): WordPart | null {
    const src = this.src;
    const start = this.pos;
    const n = src[start + 1];
    if (n === undefined) {
      this.pos++;
      return null;
    }
    if (n === '(') {
      if (src[start + 2] === '(') {
        const close = this.findArithEnd(start + 3);
        if (close >= 0) {
          this.pos = start + 3;
          const expr = this.readArithWord(close);
          this.pos = close + 2;
          return { type: 'arith', expr };
        }
      }
      this.pos = start + 2;
      const body = this.readSubstitutionBody();
      return { type: 'cmdsub', body, backquote: false };
    }
    if (n === '[') {
      // Deprecated $[expr] arithmetic.
      let depth = 1;
      let i = start + 2;
      while (i < src.length && depth > 0) {
        if (src[i] === '[') depth++;
        else if (src[i] === ']') depth--;
        if (depth > 0) i++;
      }
      if (depth > 0) throw this.eofMatching(']');
      this.pos = start + 2;
      const expr = this.readArithWord(i);
      this.pos = i + 1;
      return { type: 'arith', expr };
    }
    if (n === '{') {
      return this.readBraceParam(inDq);
    }
    if (n === "'" && !inDq) {
      this.pos = start + 2;
      return { type: 'sq', text: this.readAnsiC() };
    }
    if (n === '"' && !inDq) {
      this.pos = start + 2;
      return this.readDoubleQuoted();
    }
    const code = src.charCodeAt(start + 1);
    if (isNameStart(code)) {
      let i = start + 2;
      while (i < src.length && isNameChar(src.charCodeAt(i))) i++;
      this.pos = i;
      return { type: 'param', name: src.slice(start + 1, i), op: '' };
    }
    if ((code >= 48 && code <= 57) || '?$#@*!-'.includes(n)) {
      this.pos = start + 2;
      return { type: 'param', name: n, op: '' };
    }
    this.pos++;
    return null;
  }

  /** Index of the `))` closing an arithmetic expansion opened before `from`, or -1. */
  private findArithEnd(from: number): number {
    const src = this.src;
    let depth = 0;
    for (let i = from; i < src.length; i++) {
      const c = src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return src[i + 1] === ')' ? i : -1;
        depth--;
      } else if (c === '\\') i++;
      else if (c === "'" || c === '"') {
        const close = src.indexOf(c, i + 1);
        if (close < 0) return -1;
        i = close;
      }
    }
    return -1;
  }

  private readArithWord(end: number): Word {
    const start = this.pos;
    const parts = this.readParts('arith', end);
    return { parts, raw: this.src.slice(start, end), pos: start };
  }

  /** After `$(`: parses commands up to the matching `)`. */
  private readSubstitutionBody(): CommandList {
    const savedPeek = this.peeked;
    this.peeked = null;
    try {
      this.skipNewlines();
      const tok = this.peek();
      let body: CommandList;
      if (tok.t === 'op' && tok.op === ')') body = { items: [] };
      else body = this.compoundList();
      const close = this.next();
      if (close.t === 'eof') throw this.eofMatching(')');
      if (close.t !== 'op' || close.op !== ')') throw this.unexpected(close);
      return body;
    } catch (e) {
      if (e instanceof ParseFailure && e.info.eof && !e.eofQuote) throw this.eofMatching(')');
      throw e;
    } finally {
      this.peeked = savedPeek;
    }
  }

  /** At a backquote: reads to the closing one and parses the unescaped text. */
  private readBackquote(): WordPart {
    const src = this.src;
    let i = this.pos + 1;
    let text = '';
    for (;;) {
      if (i >= src.length) throw this.eofMatching('`');
      const c = src[i]!;
      if (c === '`') break;
      if (c === '\\') {
        const n = src[i + 1];
        if (n === '`' || n === '\\' || n === '$') {
          text += n;
          i += 2;
          continue;
        }
      }
      text += c;
      i++;
    }
    this.pos = i + 1;
    const inner = new Parser(text);
    const result = inner.parseAll();
    if (result.error) {
      if (result.error.eof) throw this.eofMatching('`');
      throw new ParseFailure(result.error);
    }
    const items: ListItem[] = [];
    for (const cmd of result.commands) items.push(...cmd.list.items);
    return { type: 'cmdsub', body: { items }, backquote: true };
  }

  private readAnsiC(): string {
    const src = this.src;
    let out = '';
    for (;;) {
      if (this.pos >= src.length) throw this.eofMatching("'");
      const c = src[this.pos]!;
      if (c === "'") {
        this.pos++;
        return out;
      }
      if (c !== '\\') {
        out += c;
        this.pos++;
        continue;
      }
      const n = src[this.pos + 1];
      this.pos += 2;
      switch (n) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'a':
          out += '\x07';
          break;
        case 'b':
          out += '\b';
          break;
        case 'e':
        case 'E':
          out += '\x1b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'v':
          out += '\v';
          break;
        case '\\':
          out += '\\';
          break;
        case "'":
          out += "'";
          break;
        case '"':
          out += '"';
          break;
        case '?':
          out += '?';
          break;
        case 'x': {
          const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(this.pos, this.pos + 2));
          if (m) {
            out += String.fromCharCode(parseInt(m[0], 16));
            this.pos += m[0].length;
          } else out += '\\x';
          break;
        }
        case 'u':
        case 'U': {
          const m = (n === 'u' ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(src.slice(this.pos, this.pos + 8));
          if (m) {
            out += String.fromCodePoint(Math.min(parseInt(m[0], 16), 0x10ffff));
            this.pos += m[0].length;
          } else out += '\\' + n;
          break;
        }
        case undefined:
          out += '\\';
          break;
        default:
          if (n >= '0' && n <= '7') {
            const m = /^[0-7]{1,3}/.exec(src.slice(this.pos - 1, this.pos + 2))!;
            out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
            this.pos += m[0].length - 1;
          } else out += '\\' + n;
      }
    }
  }

  /** At `${`. */
  private readBraceParam(inDq: boolean): WordPart {
    const src = this.src;
    const start = this.pos;
    let i = start + 2;
    const part: ParamPart = { type: 'param', name: '', op: '' };
    const bad = (): WordPart => {
      // Bash finds the closing brace and complains only when the expansion runs.
      let depth = 0;
      let j = i;
      for (; j < src.length; j++) {
        const c = src[j];
        if (c === '\\') j++;
        else if (c === '{') depth++;
        else if (c === '}') {
          if (depth === 0) break;
          depth--;
        }
      }
      if (j >= src.length) throw this.eofMatching('}');
      this.pos = j + 1;
      return { type: 'param', name: '', op: 'bad', raw: src.slice(start, j + 1) };
    };
    if (src[i] === '#' && src[i + 1] !== '}' && !(src[i + 1] && ':-=+?'.includes(src[i + 1]!) && src[i + 2] !== '}')) {
      // ${#name}: length
      const nameEnd = this.scanParamName(i + 1);
      if (nameEnd > i + 1 && src[nameEnd] === '}') {
        this.pos = nameEnd + 1;
        return { type: 'param', name: src.slice(i + 1, nameEnd), op: 'len' };
      }
      if (nameEnd > i + 1 && src[nameEnd] === '[') {
        const close = this.matchingBracket(nameEnd);
        if (close > 0 && src[close + 1] === '}') {
          const inner = src.slice(nameEnd + 1, close);
          const index = inner === '@' || inner === '*' ? inner : new Parser(inner).arithText();
          this.pos = close + 2;
          return { type: 'param', name: src.slice(i + 1, nameEnd), op: 'len', index };
        }
      }
      return bad();
    }
    if (src[i] === '!' && src[i + 1] !== '}') {
      part.indirect = true;
      i++;
    }
    const nameEnd = this.scanParamName(i);
    if (nameEnd === i) {
      if (i >= src.length) throw this.eofMatching('}');
      return bad();
    }
    part.name = src.slice(i, nameEnd);
    i = nameEnd;
    if (src[i] === '[' && isNameStart(part.name.charCodeAt(0))) {
      const close = this.matchingBracket(i);
      if (close < 0) return bad();
      const inner = src.slice(i + 1, close);
      if (inner === '@' || inner === '*') part.index = inner;
      else {
        const sub = new Parser(inner);
        part.index = sub.arithText();
      }
      i = close + 1;
    }
    if (i >= src.length) throw this.eofMatching('}');
    if (src[i] === '}') {
      this.pos = i + 1;
      return part;
    }
    if (src[i] === '@' && /^[QEPAKaUuLk]\}/.test(src.slice(i + 1, i + 3))) {
      part.op = '@';
      part.arg = { parts: [{ type: 'lit', text: src[i + 1]! }], raw: src[i + 1]!, pos: i + 1 };
      this.pos = i + 3;
      part.raw = src.slice(start, this.pos);
      return part;
    }
    const ops: ParamOp[] = [':-', ':=', ':+', ':?', '-', '=', '+', '?', '##', '#', '%%', '%', '//', '/#', '/%', '/', '^^', '^', ',,', ',', ':'];
    let op: ParamOp | undefined;
    for (const candidate of ops) {
      if (src.startsWith(candidate, i)) {
        op = candidate;
        break;
      }
    }
    if (op === undefined) return bad();
    part.op = op;
    this.pos = i + op.length;
    const argMode = op === '/' || op === '//' || op === '/#' || op === '/%' ? (inDq ? 'slash-dq' : 'slash') : op === ':' ? 'colon' : inDq ? 'brace-dq' : 'brace';
    const argStart = this.pos;
    const arg = this.readParts(argMode);
    part.arg = { parts: arg, raw: src.slice(argStart, this.pos), pos: argStart };
    if ((argMode === 'slash' || argMode === 'slash-dq') && src[this.pos] === '/') {
      this.pos++;
      const s2 = this.pos;
      const rep = this.readParts(inDq ? 'brace-dq' : 'brace');
      part.arg2 = { parts: rep, raw: src.slice(s2, this.pos), pos: s2 };
    } else if (argMode === 'colon' && src[this.pos] === ':') {
      this.pos++;
      const s2 = this.pos;
      const len = this.readParts('brace');
      part.arg2 = { parts: len, raw: src.slice(s2, this.pos), pos: s2 };
    }
    if (this.pos >= src.length) throw this.eofMatching('}');
    this.pos++; // the closing brace
    part.raw = src.slice(start, this.pos);
    return part;
  }

  /** Index of the `]` closing the `[` at `i` (nested brackets counted), or -1. */
  private matchingBracket(i: number): number {
    let depth = 0;
    for (let j = i; j < this.src.length; j++) {
      const c = this.src[j];
      if (c === '[') depth++;
      else if (c === ']') {
        depth--;
        if (depth === 0) return j;
      } else if (c === '}' && depth <= 1 && !this.src.slice(i, j).includes('${')) return -1;
    }
    return -1;
  }

  private scanParamName(i: number): number {
    const src = this.src;
    const code = src.charCodeAt(i);
    if (isNameStart(code)) {
      let j = i + 1;
      while (j < src.length && isNameChar(src.charCodeAt(j))) j++;
      return j;
    }
    if (code >= 48 && code <= 57) {
      let j = i + 1;
      while (j < src.length && src.charCodeAt(j) >= 48 && src.charCodeAt(j) <= 57) j++;
      return j;
    }
    if (i < src.length && '?$#@*!-'.includes(src[i]!)) return i + 1;
    return i;
  }

  /** The whole text as an arithmetic word (subscripts). */
  arithText(): Word {
    return this.readArithWord(this.src.length);
  }

  /** The whole text as one word, quotes and expansions included (assignment values). */
  wordText(): Word {
    const parts = this.readParts('brace-free');
    return { parts: assignmentTilde(parts), raw: this.src, pos: 0 };
  }

  // ---------------------------------------------------------------- here-documents

  private readHeredocs(): void {
    const src = this.src;
    const pending = this.pending;
    this.pending = [];
    for (const doc of pending) {
      const bodyStart = this.pos;
      // bash names the line before the body's first (the end of the text counts as a new line).
      const atEnd = this.pos >= src.length && src.length > 0 && src[src.length - 1] !== '\n';
      const warnLine = this.lineOf(this.pos) + (atEnd ? 1 : 0) - 1;
      let bodyEnd = -1;
      let text = '';
      while (this.pos < src.length) {
        let lineEnd = src.indexOf('\n', this.pos);
        if (lineEnd < 0) lineEnd = src.length;
        let line = src.slice(this.pos, lineEnd);
        if (doc.strip) line = line.replace(/^\t+/, '');
        if (line === doc.delimiter) {
          bodyEnd = this.pos;
          this.pos = Math.min(lineEnd + 1, src.length);
          break;
        }
        text += line + '\n';
        this.pos = Math.min(lineEnd + 1, src.length);
        if (lineEnd >= src.length) break;
      }
      if (bodyEnd < 0) {
        this.openHeredoc = true;
        this.warnings.push(`warning: here-document at line ${warnLine} delimited by end-of-file (wanted \`${doc.delimiter}')`);
        if (text.endsWith('\n') && !src.endsWith('\n') && text.length > 0) {
          // The last line had no newline; bash still ends the body with one.
        }
      }
      let body: Word;
      if (doc.quoted || (!text.includes('$') && !text.includes('`') && !text.includes('\\'))) {
        body = { parts: text === '' ? [] : [{ type: 'sq', text }], raw: text, pos: bodyStart };
      } else {
        // Re-parse the (tab-stripped) body as here-document text.
        const sub = new Parser(text);
        const parts = sub.readParts('heredoc');
        body = { parts: parts.map((p) => (p.type === 'lit' ? { type: 'sq', text: p.text } : p)), raw: text, pos: bodyStart };
      }
      doc.redirect.heredoc = { body, quoted: doc.quoted, delimiter: doc.delimiter };
    }
  }

  // ---------------------------------------------------------------- grammar

  /** Parses the whole text into top-level commands; stops at the first syntax error. */
  parseAll(): ParseResult {
    const commands: TopCommand[] = [];
    try {
      for (;;) {
        this.skipNewlines();
        const tok = this.peek();
        if (tok.t === 'eof') break;
        const list = this.list();
        const end = this.next();
        if (end.t !== 'nl' && end.t !== 'eof') throw this.unexpected(end);
        commands.push({ list, warnings: this.warnings });
        this.warnings = [];
        if (end.t === 'eof') break;
      }
      return { commands, openHeredoc: this.openHeredoc };
    } catch (e) {
      if (e instanceof ParseFailure) return { commands, error: e.info, openHeredoc: this.openHeredoc };
      throw e;
    }
  }

  private skipNewlines(): void {
    while (this.peek().t === 'nl') this.next();
  }

  /** A top-level list: and-or lists separated by `;` or `&`, up to a newline. */
  private list(): CommandList {
    const items: ListItem[] = [];
    for (;;) {
      const andOr = this.andOr();
      const item: ListItem = { andOr, background: false };
      items.push(item);
      const tok = this.peek();
      if (tok.t === 'op' && (tok.op === ';' || tok.op === '&')) {
        this.next();
        item.background = tok.op === '&';
        const after = this.peek();
        if (after.t === 'nl' || after.t === 'eof') break;
        continue;
      }
      break;
    }
    return { items };
  }

  /** Is the next token a word that ends a compound list (`fi`, `done`, `}`…) or `)`/`;;`? */
  private atListEnd(): boolean {
    const tok = this.peek();
    if (tok.t === 'eof') return true;
    if (tok.t === 'op') return tok.op === ')' || tok.op === ';;' || tok.op === ';&' || tok.op === ';;&';
    if (tok.t === 'word') {
      const text = plainText(tok.word);
      return text !== null && LIST_END.has(text);
    }
    return false;
  }

  /** A compound list: commands separated by `;`, `&` or newlines, up to a closing word. */
  private compoundList(): CommandList {
    const items: ListItem[] = [];
    this.skipNewlines();
    for (;;) {
      if (this.atListEnd()) {
        if (items.length === 0) throw this.unexpected(this.peek());
        break;
      }
      const andOr = this.andOr();
      const item: ListItem = { andOr, background: false };
      items.push(item);
      const tok = this.peek();
      if (tok.t === 'op' && (tok.op === ';' || tok.op === '&')) {
        this.next();
        item.background = tok.op === '&';
        this.skipNewlines();
        continue;
      }
      if (tok.t === 'nl') {
        this.skipNewlines();
        continue;
      }
      break;
    }
    return { items };
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'op' && (tok.op === '&&' || tok.op === '||')) {
        this.next();
        this.skipNewlines();
        rest.push({ op: tok.op, pipeline: this.pipeline() });
        continue;
      }
      break;
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negated = false;
    let tok = this.peek();
    while (tok.t === 'word' && plainText(tok.word) === '!') {
      this.next();
      negated = !negated;
      tok = this.peek();
    }
    let timed = false;
    if (tok.t === 'word' && plainText(tok.word) === 'time') {
      this.next();
      timed = true;
      tok = this.peek();
      while (tok.t === 'word' && plainText(tok.word) === '!') {
        this.next();
        negated = !negated;
        tok = this.peek();
      }
    }
    if (negated || timed) {
      const t = this.peek();
      if (t.t === 'nl' || t.t === 'eof' || (t.t === 'op' && (t.op === ';' || t.op === '&'))) {
        // `!` or `time` alone: an empty pipeline (`!` makes its status 1).
        const empty: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [], line: this.lineOf(t.start) };
        return timed ? { negated, timed, commands: [empty] } : { negated, commands: [empty] };
      }
    }
    const commands: Command[] = [this.command()];
    let pipeStderr: boolean[] | undefined;
    for (;;) {
      const t = this.peek();
      if (t.t === 'op' && (t.op === '|' || t.op === '|&')) {
        this.next();
        if (t.op === '|&') {
          pipeStderr ??= [];
          pipeStderr[commands.length - 1] = true;
        }
        this.skipNewlines();
        commands.push(this.command());
        continue;
      }
      break;
    }
    const pipeline: Pipeline = { negated, commands };
    if (timed) pipeline.timed = true;
    if (pipeStderr) pipeline.pipeStderr = pipeStderr;
    return pipeline;
  }

  private command(): Command {
    const tok = this.peek();
    if (tok.t === 'eof') throw this.unexpectedEof();
    if (tok.t === 'nl') throw this.unexpected(tok);
    const line = this.lineOf(tok.start);
    if (tok.t === 'op') {
      if (tok.op === '(') {
        if (this.src[tok.end] === '(') {
          const close = this.findArithEnd(tok.end + 1);
          if (close >= 0) {
            this.peeked = null;
            this.pos = tok.end + 1;
            const expr = this.readArithWord(close);
            this.pos = close + 2;
            const cmd: ArithCommand = { type: 'arithcmd', expr, redirects: [], line };
            return this.compoundRedirects(cmd);
          }
        }
        this.next();
        const body = this.compoundList();
        const close = this.next();
        if (close.t !== 'op' || close.op !== ')') throw this.unexpected(close);
        const cmd: Subshell = { type: 'subshell', body, redirects: [], line };
        return this.compoundRedirects(cmd);
      }
      if (REDIRECT_OPS.has(tok.op)) return this.simpleCommand();
      throw this.unexpected(tok);
    }
    const text = plainText(tok.word);
    if (text !== null && RESERVED.has(text)) {
      switch (text) {
        case '{': {
          this.next();
          const body = this.compoundList();
          this.expectWord('}');
          return this.compoundRedirects({ type: 'group', body, redirects: [], line } satisfies Group);
        }
        case 'if':
          return this.compoundRedirects(this.ifCommand(line));
        case 'while':
        case 'until': {
          this.next();
          const cond = this.compoundList();
          this.expectWord('do');
          const body = this.compoundList();
          this.expectWord('done');
          const cmd: WhileCommand = { type: 'while', until: text === 'until', cond, body, redirects: [], line };
          return this.compoundRedirects(cmd);
        }
        case 'for':
          return this.compoundRedirects(this.forCommand(line));
        case 'case':
          return this.compoundRedirects(this.caseCommand(line));
        case 'function':
          return this.functionKeyword(line);
        case '[[':
          return this.compoundRedirects(this.condCommand(line));
        case '!':
        case 'time':
        case 'select':
        case ']]':
          if (text === ']]') break;
          throw this.unexpected(tok);
        default:
          throw this.unexpected(tok);
      }
    }
    return this.simpleCommand();
  }

  private expectWord(word: string): void {
    const tok = this.next();
    if (tok.t === 'word' && plainText(tok.word) === word) return;
    throw this.unexpected(tok);
  }

  private compoundRedirects<T extends Command>(cmd: T): T {
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'op' && REDIRECT_OPS.has(tok.op)) {
        this.next();
        cmd.redirects.push(this.redirect(tok));
        continue;
      }
      break;
    }
    return cmd;
  }

  private ifCommand(line: number): IfCommand {
    this.next(); // if
    const clauses: IfCommand['clauses'] = [];
    let cond = this.compoundList();
    this.expectWord('then');
    let body = this.compoundList();
    clauses.push({ cond, body });
    const cmd: IfCommand = { type: 'if', clauses, redirects: [], line };
    for (;;) {
      const tok = this.next();
      const text = tok.t === 'word' ? plainText(tok.word) : null;
      if (text === 'elif') {
        cond = this.compoundList();
        this.expectWord('then');
        body = this.compoundList();
        clauses.push({ cond, body });
        continue;
      }
      if (text === 'else') {
        cmd.else = this.compoundList();
        this.expectWord('fi');
        return cmd;
      }
      if (text === 'fi') return cmd;
      throw this.unexpected(tok);
    }
  }

  private forCommand(line: number): ForCommand | ArithForCommand {
    const forTok = this.next(); // for
    // for (( init; cond; step ))
    this.skipBlanks();
    if (this.peeked === null && this.src.startsWith('((', this.pos)) {
      let depth = 0;
      let i = this.pos + 2;
      const semis: number[] = [];
      for (; i < this.src.length; i++) {
        const c = this.src[i];
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) break;
          depth--;
        } else if (c === ';' && depth === 0) semis.push(i);
      }
      if (i >= this.src.length || this.src[i + 1] !== ')') throw this.unexpectedEof();
      if (semis.length !== 2) {
        throw new ParseFailure({ message: 'syntax error: arithmetic expression required', line: this.sourceLine(forTok.start), eof: false });
      }
      const start = this.pos + 2;
      this.pos = start;
      const init = this.readArithWord(semis[0]!);
      this.pos = semis[0]! + 1;
      const cond = this.readArithWord(semis[1]!);
      this.pos = semis[1]! + 1;
      const step = this.readArithWord(i);
      this.pos = i + 2;
      const tok = this.peek();
      if (tok.t === 'op' && tok.op === ';') this.next();
      this.skipNewlines();
      const body = this.doGroup();
      return { type: 'arithfor', init, cond, step, body, redirects: [], line };
    }
    const nameTok = this.next();
    if (nameTok.t !== 'word') throw this.unexpected(nameTok);
    const name = nameTok.word.raw;
    let items: Word[] | undefined;
    let tok = this.peek();
    if (tok.t === 'op' && tok.op === ';') {
      this.next();
      this.skipNewlines();
    } else {
      this.skipNewlines();
      tok = this.peek();
      if (tok.t === 'word' && plainText(tok.word) === 'in') {
        this.next();
        items = [];
        for (;;) {
          const t = this.next();
          if (t.t === 'word') {
            items.push(t.word);
            continue;
          }
          if (t.t === 'nl' || (t.t === 'op' && t.op === ';')) break;
          throw this.unexpected(t);
        }
        this.skipNewlines();
      }
    }
    const body = this.doGroup();
    const cmd: ForCommand = { type: 'for', name, body, redirects: [], line };
    if (items) cmd.items = items;
    return cmd;
  }

  /** `do … done` (or `{ … }`, which bash also accepts after for). */
  private doGroup(): CommandList {
    const tok = this.next();
    const text = tok.t === 'word' ? plainText(tok.word) : null;
    if (text === 'do') {
      const body = this.compoundList();
      this.expectWord('done');
      return body;
    }
    if (text === '{') {
      const body = this.compoundList();
      this.expectWord('}');
      return body;
    }
    throw this.unexpected(tok);
  }

  private caseCommand(line: number): CaseCommand {
    this.next(); // case
    const wordTok = this.next();
    if (wordTok.t !== 'word') throw this.unexpected(wordTok);
    this.skipNewlines();
    this.expectWord('in');
    const items: CaseItem[] = [];
    for (;;) {
      this.skipNewlines();
      let tok = this.next();
      if (tok.t === 'word' && plainText(tok.word) === 'esac') break;
      if (tok.t === 'op' && tok.op === '(') tok = this.next();
      const patterns: Word[] = [];
      for (;;) {
        if (tok.t !== 'word') throw this.unexpected(tok);
        patterns.push(tok.word);
        const sep = this.next();
        if (sep.t === 'op' && sep.op === '|') {
          tok = this.next();
          continue;
        }
        if (sep.t === 'op' && sep.op === ')') break;
        throw this.unexpected(sep);
      }
      this.skipNewlines();
      let body: CommandList = { items: [] };
      const next = this.peek();
      const endsHere =
        (next.t === 'op' && (next.op === ';;' || next.op === ';&' || next.op === ';;&')) || (next.t === 'word' && plainText(next.word) === 'esac');
      if (!endsHere) body = this.compoundList();
      const term = this.peek();
      let terminator: CaseItem['terminator'] = ';;';
      if (term.t === 'op' && (term.op === ';;' || term.op === ';&' || term.op === ';;&')) {
        this.next();
        terminator = term.op;
        items.push({ patterns, body, terminator });
        continue;
      }
      if (term.t === 'word' && plainText(term.word) === 'esac') {
        this.next();
        items.push({ patterns, body, terminator });
        break;
      }
      throw this.unexpected(term);
    }
    return { type: 'case', word: wordTok.word, items, redirects: [], line };
  }

  private functionKeyword(line: number): Command {
    const kw = this.next(); // function
    const nameTok = this.next();
    if (nameTok.t !== 'word') throw this.unexpected(nameTok);
    const tok = this.peek();
    if (tok.t === 'op' && tok.op === '(') {
      this.next();
      const close = this.next();
      if (close.t !== 'op' || close.op !== ')') throw this.unexpected(close);
    }
    return this.functionBody(nameTok.word.raw, kw.start, line);
  }

  private functionBody(name: string, start: number, line: number): FunctionDef {
    this.skipNewlines();
    const tok = this.peek();
    const text = tok.t === 'word' ? plainText(tok.word) : null;
    const compound =
      (tok.t === 'op' && tok.op === '(') || (text !== null && ['{', 'if', 'while', 'until', 'for', 'case', '[['].includes(text));
    if (!compound) throw this.unexpected(tok);
    const body = this.command();
    const end = this.peeked ? this.peeked.start : this.pos;
    const def: FunctionDef = { type: 'function', name, body, source: this.src.slice(start, end).trimEnd(), redirects: [], line };
    return def;
  }

  private condCommand(line: number): CondCommand {
    this.next(); // [[
    const expr = this.condOr();
    this.skipNewlines();
    const tok = this.next();
    if (tok.t === 'word' && plainText(tok.word) === ']]') return { type: 'cond', expr, redirects: [], line };
    if (tok.t === 'eof') throw this.eofMatching(']]', false);
    throw this.unexpected(tok);
  }

  private condOr(): CondExpr {
    let left = this.condAnd();
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'op' && tok.op === '||') {
        this.next();
        this.skipNewlines();
        left = { type: 'or', left, right: this.condAnd() };
        continue;
      }
      return left;
    }
  }

  private condAnd(): CondExpr {
    let left = this.condNot();
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'op' && tok.op === '&&') {
        this.next();
        this.skipNewlines();
        left = { type: 'and', left, right: this.condNot() };
        continue;
      }
      return left;
    }
  }

  private condNot(): CondExpr {
    this.skipNewlines();
    const tok = this.peek();
    if (tok.t === 'word' && plainText(tok.word) === '!') {
      this.next();
      return { type: 'not', expr: this.condNot() };
    }
    return this.condPrimary();
  }

  private condWord(): Word {
    const tok = this.next();
    if (tok.t === 'word') return tok.word;
    if (tok.t === 'op' && (tok.op === '<' || tok.op === '>')) return { parts: [{ type: 'lit', text: tok.op }], raw: tok.op, pos: tok.start };
    if (tok.t === 'eof') throw this.unexpectedEof();
    throw this.unexpected(tok);
  }

  private condPrimary(): CondExpr {
    const tok = this.peek();
    if (tok.t === 'op' && tok.op === '(') {
      this.next();
      const expr = this.condOr();
      const close = this.next();
      if (close.t !== 'op' || close.op !== ')') throw this.unexpected(close);
      return expr;
    }
    if (tok.t !== 'word') {
      if (tok.t === 'eof') throw this.unexpectedEof();
      throw new ParseFailure({ message: `unexpected token \`${tok.t === 'nl' ? 'newline' : this.src.slice(tok.start, tok.end)}', conditional binary operator expected`, line: this.sourceLine(tok.start), eof: false });
    }
    const first = this.condWord();
    const firstText = plainText(first);
    if (firstText !== null && /^-[a-zA-Z]$/.test(firstText)) {
      const next = this.peek();
      const nextText = next.t === 'word' ? plainText(next.word) : null;
      if (next.t === 'word' && nextText !== ']]') {
        return { type: 'unary', op: firstText, arg: this.condWord() };
      }
    }
    const opTok = this.peek();
    let op: string | null = null;
    if (opTok.t === 'word') {
      const t = plainText(opTok.word);
      if (t !== null && ['==', '=', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef'].includes(t)) op = t;
    } else if (opTok.t === 'op' && (opTok.op === '<' || opTok.op === '>')) op = opTok.op;
    if (op !== null) {
      this.next();
      if (op === '=~') return { type: 'binary', op, left: first, right: this.condRegexWord() };
      return { type: 'binary', op, left: first, right: this.condWord() };
    }
    return { type: 'word', word: first };
  }

  /** The right side of `=~`: parentheses and `|` are part of the regular expression. */
  private condRegexWord(): Word {
    this.peeked = null;
    this.skipBlanks();
    const start = this.pos;
    const src = this.src;
    let depth = 0;
    const parts: WordPart[] = [];
    let lit = '';
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if ((c === ' ' || c === '\t' || c === '\n') && depth === 0) break;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      if (c === '\\' || c === "'" || c === '"' || c === '$') {
        if (lit) parts.push({ type: 'lit', text: lit });
        lit = '';
        const saved = this.pos;
        const sub = this.readPartsOne();
        if (sub.length === 0) this.pos = saved + 1;
        parts.push(...sub);
        continue;
      }
      lit += c;
      this.pos++;
    }
    if (lit) parts.push({ type: 'lit', text: lit });
    return { parts, raw: src.slice(start, this.pos), pos: start };
  }

  /** Reads one quoted segment or expansion at the cursor. */
  private readPartsOne(): WordPart[] {
    const src = this.src;
    const c = src[this.pos];
    if (c === '\\') {
      const n = src[this.pos + 1];
      this.pos += 2;
      return n === undefined ? [{ type: 'lit', text: '\\' }] : [{ type: 'sq', text: n }];
    }
    if (c === "'") {
      const close = src.indexOf("'", this.pos + 1);
      if (close < 0) throw this.eofMatching("'");
      const text = src.slice(this.pos + 1, close);
      this.pos = close + 1;
      return [{ type: 'sq', text }];
    }
    if (c === '"') {
      this.pos++;
      return [this.readDoubleQuoted()];
    }
    const part = this.readDollar(false);
    return part === null ? [{ type: 'lit', text: '$' }] : [part];
  }

  private simpleCommand(): Command {
    const first = this.peek();
    const line = this.lineOf(first.start);
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [], line };
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'word') {
        if (cmd.words.length === 0) {
          const assign = asAssignment(tok.word);
          if (assign) {
            this.next();
            if (assign.value.raw === '' && this.src[tok.end] === '(' && assign.index === undefined) {
              assign.array = this.arrayLiteral();
              delete (assign as { value?: Word }).value;
              assign.value = { parts: [], raw: '', pos: tok.end };
            }
            cmd.assigns.push(assign);
            continue;
          }
        }
        this.next();
        if (
          cmd.words.length > 0 &&
          this.src[tok.end] === '(' &&
          /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(tok.word.raw) &&
          DECLARATION_COMMANDS.has(cmd.words[0]!.raw)
        ) {
          // declare a=(1 2): the array is handed to the builtin.
          const items = this.arrayLiteral();
          cmd.words.push({ parts: [...tok.word.parts, { type: 'array', items }], raw: this.src.slice(tok.start, this.pos), pos: tok.start });
          continue;
        }
        cmd.words.push(tok.word);
        if (cmd.words.length === 1 && cmd.assigns.length === 0 && cmd.redirects.length === 0) {
          const after = this.peek();
          if (after.t === 'op' && after.op === '(') {
            // name () compound-command
            this.next();
            const close = this.next();
            if (close.t !== 'op' || close.op !== ')') throw this.unexpected(close);
            return this.functionBody(tok.word.raw, tok.start, line);
          }
        }
        continue;
      }
      if (tok.t === 'op' && REDIRECT_OPS.has(tok.op)) {
        this.next();
        cmd.redirects.push(this.redirect(tok));
        continue;
      }
      if (tok.t === 'op' && tok.op === '(' && cmd.words.length > 0) throw this.unexpected(tok);
      break;
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) throw this.unexpected(this.peek());
    return cmd;
  }

  /** At the `(` of `name=(…)`: the element words up to `)`. */
  private arrayLiteral(): Word[] {
    const open = this.next();
    if (open.t !== 'op' || open.op !== '(') throw this.unexpected(open);
    const items: Word[] = [];
    for (;;) {
      this.skipNewlines();
      const tok = this.next();
      if (tok.t === 'op' && tok.op === ')') return items;
      if (tok.t === 'word') {
        items.push(tok.word);
        continue;
      }
      throw this.unexpected(tok);
    }
  }

  private redirect(tok: Tok & { t: 'op' }): Redirect {
    const target = this.next();
    if (target.t !== 'word') throw this.unexpected(target);
    const op = tok.op as RedirectOp;
    const redirect: Redirect = { op, target: target.word };
    if (tok.fd !== undefined) redirect.fd = tok.fd;
    if (op === '<<' || op === '<<-') {
      const raw = target.word.raw;
      const quoted = /['"\\]/.test(raw);
      this.pending.push({ redirect, delimiter: removeQuotes(raw), strip: op === '<<-', quoted });
    }
    return redirect;
  }
}

/** NAME=value or NAME+=value, with an unquoted name. */
function asAssignment(word: Word): Assignment | null {
  const first = word.parts[0];
  if (first === undefined || first.type !== 'lit') return null;
  const text = first.text;
  const bracket = text.indexOf('[');
  const eq = text.indexOf('=');
  if (bracket > 0 && (eq < 0 || bracket < eq)) return subscriptAssignment(word);
  if (eq <= 0) return null;
  const append = text[eq - 1] === '+';
  const name = text.slice(0, append ? eq - 1 : eq);
  if (!isValidName(name)) return null;
  const rest = text.slice(eq + 1);
  const parts: WordPart[] = [];
  if (rest !== '') parts.push({ type: 'lit', text: rest });
  parts.push(...word.parts.slice(1));
  const value: Word = { parts: assignmentTilde(parts), raw: word.raw.slice(eq + 1), pos: word.pos + eq + 1 };
  return { name, append, value, pos: word.pos };
}

/** `name[subscript]=value`: found in the source text, then parsed again piece by piece. */
function subscriptAssignment(word: Word): Assignment | null {
  const raw = word.raw;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[/.exec(raw);
  if (!m) return null;
  let depth = 0;
  let close = -1;
  for (let i = m[0].length - 1; i < raw.length; i++) {
    if (raw[i] === '[') depth++;
    else if (raw[i] === ']') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close < 0) return null;
  let at = close + 1;
  const append = raw[at] === '+';
  if (append) at++;
  if (raw[at] !== '=') return null;
  const sub = new Parser(raw.slice(m[0].length, close));
  const index = sub.arithText();
  const valueParser = new Parser(raw.slice(at + 1));
  const value = valueParser.wordText();
  return { name: m[1]!, append, index, value: { ...value, pos: word.pos + at + 1 }, pos: word.pos };
}

/** Quote removal on a here-document delimiter. */
function removeQuotes(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      if (i + 1 < raw.length) out += raw[++i];
    } else if (c === "'" || c === '"') {
      // skip
    } else out += c;
  }
  return out;
}

/** Splits a leading `~user` off unquoted text. */
function tildePrefix(parts: WordPart[], index: number, offset: number): WordPart[] | null {
  const part = parts[index]!;
  if (part.type !== 'lit') return null;
  const text = part.text;
  if (text[offset] !== '~') return null;
  let end = text.indexOf('/', offset);
  const nextIsBoundary = index + 1 >= parts.length;
  if (end < 0) {
    if (!nextIsBoundary) return null; // ~"quoted": no expansion
    end = text.length;
  }
  const user = text.slice(offset + 1, end);
  if (user !== '' && !/^[A-Za-z0-9._-]+$/.test(user)) {
    if (user !== '+' && user !== '-') return null;
  }
  const out: WordPart[] = [];
  if (offset > 0) out.push({ type: 'lit', text: text.slice(0, offset) });
  out.push({ type: 'tilde', user });
  if (end < text.length) out.push({ type: 'lit', text: text.slice(end) });
  return out;
}

function applyTilde(parts: WordPart[], raw: string): WordPart[] {
  if (parts.length === 0 || parts[0]!.type !== 'lit') return parts;
  const first = parts[0];
  if (first.text.startsWith('~')) {
    const replaced = tildePrefix(parts, 0, 0);
    if (replaced) return [...replaced, ...parts.slice(1)];
    return parts;
  }
  // Arguments that look like assignments get tilde expansion after `=` (bash, not POSIX mode).
  const eq = first.text.indexOf('=');
  if (eq > 0 && isValidName(first.text.slice(0, first.text[eq - 1] === '+' ? eq - 1 : eq)) && raw.includes('~')) {
    const value = first.text.slice(eq + 1);
    const expanded = assignmentTilde([{ type: 'lit', text: value }, ...parts.slice(1)]);
    if (expanded[0]?.type === 'lit') expanded[0] = { type: 'lit', text: first.text.slice(0, eq + 1) + expanded[0].text };
    else expanded.unshift({ type: 'lit', text: first.text.slice(0, eq + 1) });
    return expanded;
  }
  return parts;
}

/** Tilde expansion in assignment values: at the start and after each unquoted `:`. */
function assignmentTilde(parts: WordPart[]): WordPart[] {
  if (!parts.some((p) => p.type === 'lit' && p.text.includes('~'))) return parts;
  const out: WordPart[] = [];
  const pushLit = (text: string) => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last !== undefined && last.type === 'lit') last.text += text;
    else out.push({ type: 'lit', text });
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.type !== 'lit' || !part.text.includes('~')) {
      out.push(part);
      continue;
    }
    const segments = part.text.split(':');
    for (let k = 0; k < segments.length; k++) {
      const seg = segments[k]!;
      if (k > 0) pushLit(':');
      const atStart = k > 0 || i === 0;
      if (atStart && seg.startsWith('~')) {
        const slash = seg.indexOf('/');
        const followedByMore = k === segments.length - 1 && i + 1 < parts.length;
        const user = slash < 0 ? seg.slice(1) : seg.slice(1, slash);
        if ((slash >= 0 || !followedByMore) && /^[A-Za-z0-9._+-]*$/.test(user)) {
          out.push({ type: 'tilde', user });
          if (slash >= 0) pushLit(seg.slice(slash));
          continue;
        }
      }
      pushLit(seg);
    }
  }
  return out;
}

/** Parses `text` into top-level commands. */
export function parse(text: string, options?: ParseOptions): ParseResult {
  return new Parser(text, options).parseAll();
}

/**
 * Whether bash would run `text` (`complete`), ask for more lines with its `> ` prompt
 * (`incomplete`: open quote, trailing backslash, open here-document, open compound command,
 * trailing `|`, `&&`, `||`), or report a syntax error at once (`error`).
 */
export function completeness(text: string): Completeness {
  const parser = new Parser(text);
  const result = parser.parseAll();
  if (result.error) return result.error.eof ? 'incomplete' : 'error';
  if (result.openHeredoc || parser.trailingBackslash) return 'incomplete';
  return 'complete';
}
