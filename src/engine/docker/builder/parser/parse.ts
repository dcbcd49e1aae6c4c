/**
 * The Dockerfile parser: text in, BuildKit's AST out (see ../../../../../../shared/fidelity/buildkit-parser
 * for the conformance corpus). Linear in the size of the input.
 *
 * Line handling, in order: the file is cut into lines at `\n` (a line longer than 65535 UTF-8 bytes
 * stops the scan); a BOM on line 1 is dropped; trailing `\r`s are dropped; the first line of an
 * instruction loses its leading whitespace. Parser directives are only recognised before anything
 * else. Comment lines (first non-blank character `#`) are skipped, also inside a continuation.
 * A line ending in the escape token (then optional blanks) continues on the next line, which is
 * appended as is; an empty line inside a continuation is skipped with a warning. Heredoc bodies
 * follow the complete instruction line and are not instructions themselves.
 */
import type {
  DirectiveName,
  DockerfileAst,
  InstructionNode,
  ParseResult,
  ParseWarning,
  ParserDirective,
} from './ast';
import { DockerfileParseError } from './ast';
import {
  parseHealthConfig,
  parseMaybeJson,
  parseMaybeJsonToList,
  parseNameOrNameVal,
  parseNameVal,
  parseString,
  parseStringsWhitespaceDelimited,
  splitCommand,
} from './args';
import type { ParsedArgs } from './args';
import { chompHeredocContent, heredocsFromLine } from './heredoc';
import type { HeredocHeader } from './heredoc';
import { goToLower, trimLeftSpace, utf8Length } from './text';

/** The longest line BuildKit's line scanner accepts, in UTF-8 bytes (line ending excluded). */
export const MAX_LINE_BYTES = 65535;

export const EMPTY_CONTINUATION_DETAIL = 'Empty continuation lines will become errors in a future release';
export const EMPTY_CONTINUATION_URL = 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/';

const HASH = 0x23;

interface ScannedLine {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the line's last character (before its `\n`). */
  end: number;
  /** Offset of the next line (past the `\n`). */
  next: number;
}

/** Cuts the text into lines like Go's bufio.Scanner with the default 64 KiB token limit. */
class LineScanner {
  private pos = 0;
  private line = 0;
  /** The 1-based number of the line that was too long, or 0. */
  tooLongLine = 0;

  constructor(private readonly text: string) {}

  scan(): ScannedLine | null {
    const { text } = this;
    if (this.pos >= text.length || this.tooLongLine > 0) return null;
    const nl = text.indexOf('\n', this.pos);
    const end = nl < 0 ? text.length : nl;
    // Up to 3 UTF-8 bytes per UTF-16 unit, so only long lines need counting.
    if (end - this.pos > MAX_LINE_BYTES / 3 && utf8Length(text, this.pos, end) > MAX_LINE_BYTES) {
      this.tooLongLine = this.line + 1;
      return null;
    }
    this.line++;
    const start = this.pos;
    this.pos = nl < 0 ? text.length : nl + 1;
    return { start, end, next: this.pos };
  }
}

/** bytes.TrimRight(line, "\r\n") for a line that has no `\n` left. */
function trimLineEnd(s: string): string {
  let j = s.length;
  while (j > 0 && s.charCodeAt(j - 1) === 0x0d) j--;
  return j === s.length ? s : s.slice(0, j);
}

function trimLeadingTabs(s: string): string {
  let i = 0;
  while (s.charCodeAt(i) === 0x09) i++;
  return i === 0 ? s : s.slice(i);
}

/**
 * A line continues when it ends with the escape token (then optional spaces/tabs) that is not
 * itself escaped (`\\` at the end is a literal backslash). The token and the blanks after it are
 * removed; whatever precedes it, trailing whitespace included, is kept.
 */
function trimContinuation(s: string, esc: string): { text: string; more: boolean } {
  let i = s.length;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    if (c !== 0x20 && c !== 0x09) break;
    i--;
  }
  if (i === 0 || s[i - 1] !== esc || (i >= 2 && s[i - 2] === esc)) return { text: s, more: false };
  return { text: s.slice(0, i - 1), more: true };
}

const DIRECTIVE_HEAD = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=/;
const VALID_DIRECTIVES: ReadonlySet<string> = new Set<DirectiveName>(['syntax', 'escape', 'check']);

/**
 * `#[ \t]*key[ \t]*=[ \t]*value[ \t]*` (value non-empty and taken lazily, so `# k=  ` gives a value
 * of one blank). Returns null for anything else.
 */
function matchDirective(line: string): { key: string; value: string } | null {
  const m = DIRECTIVE_HEAD.exec(line);
  if (!m) return null;
  const afterEq = m[0].length;
  let j = afterEq;
  while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++;
  let end = line.length;
  while (end > j && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  let value: string;
  if (end > j) value = line.slice(j, end);
  else if (j > afterEq) value = line[j - 1] as string;
  else return null;
  return { key: m[1] as string, value };
}

/** Parser directives are only looked for until the first line that is not one. */
class DirectiveState {
  private done = false;
  private readonly seen = new Set<string>();
  readonly list: ParserDirective[] = [];
  escapeToken: '\\' | '`' = '\\';

  check(line: string, lineNo: number): void {
    if (this.done) return;
    const m = matchDirective(line);
    const name = m ? m.key.toLowerCase() : '';
    if (!m || !VALID_DIRECTIVES.has(name)) {
      this.done = true;
      return;
    }
    if (this.seen.has(name)) {
      throw new DockerfileParseError(`only one ${name} parser directive can be used`, lineNo, lineNo);
    }
    this.seen.add(name);
    this.list.push({ name: name as DirectiveName, value: m.value, line: lineNo });
    if (name === 'escape') {
      if (m.value !== '`' && m.value !== '\\') {
        throw new DockerfileParseError(
          `invalid escape token '${m.value}' does not match \` or \\`,
          lineNo,
          lineNo,
        );
      }
      this.escapeToken = m.value;
    }
  }
}

function parseArgs(keyword: string, rest: string, esc: string): ParsedArgs {
  switch (keyword) {
    case 'run':
    case 'cmd':
    case 'entrypoint':
    case 'shell':
      return parseMaybeJson(rest);
    case 'add':
    case 'copy':
    case 'volume':
      return parseMaybeJsonToList(rest);
    case 'from':
    case 'expose':
      return parseStringsWhitespaceDelimited(rest);
    case 'maintainer':
    case 'user':
    case 'workdir':
    case 'stopsignal':
      return parseString(rest);
    case 'env':
      return parseNameVal(rest, 'ENV', esc);
    case 'label':
      return parseNameVal(rest, 'LABEL', esc);
    case 'arg':
      return parseNameOrNameVal(rest, esc);
    case 'healthcheck':
      return parseHealthConfig(rest);
    default:
      // Unknown instructions keep a single empty argument; the instruction stage rejects them.
      return { args: [''], json: false };
  }
}

/** A node for one instruction text, its arguments not yet parsed. */
function bareNode(text: string, startLine: number, endLine: number): { node: InstructionNode; rest: string } {
  const { cmd, flags, rest } = splitCommand(text);
  const node: InstructionNode = {
    keyword: goToLower(cmd),
    original: text,
    flags,
    args: [],
    json: false,
    next: null,
    startLine,
    endLine,
    heredocs: [],
  };
  return { node, rest };
}

/** One instruction line (continuations joined) to a node; ONBUILD nests the rest, iteratively. */
function nodeFromLine(line: string, esc: string, startLine: number, endLine: number): InstructionNode {
  const top = bareNode(line, startLine, endLine);
  let cur = top;
  while (cur.node.keyword === 'onbuild') {
    if (cur.rest === '') return top.node;
    const nested = bareNode(cur.rest, startLine, endLine);
    cur.node.next = nested.node;
    cur = nested;
  }
  const parsed = parseArgs(cur.node.keyword, cur.rest, esc);
  cur.node.args = parsed.args;
  cur.node.json = parsed.json;
  return top.node;
}

function canContainHeredoc(node: InstructionNode): boolean {
  const n = node.keyword === 'onbuild' && node.next ? node.next : node;
  return (n.keyword === 'run' || n.keyword === 'copy' || n.keyword === 'add') && !n.json;
}

function located(err: unknown, startLine: number, endLine: number): unknown {
  return err instanceof DockerfileParseError ? new DockerfileParseError(err.message, startLine, endLine) : err;
}

/**
 * Parses a Dockerfile the way BuildKit's parser does. Throws DockerfileParseError (BuildKit's
 * wording; `line`/`endLine` when known) for: no instructions, a line over 65535 bytes, a repeated or
 * invalid parser directive, ENV/LABEL syntax errors, non-string JSON arrays, unterminated heredocs.
 */
export function parseDockerfile(input: string): ParseResult {
  const text = input.isWellFormed() ? input : input.toWellFormed();
  const scanner = new LineScanner(text);
  const directives = new DirectiveState();
  const children: InstructionNode[] = [];
  const warnings: ParseWarning[] = [];
  let currentLine = 0;

  for (let ln = scanner.scan(); ln; ln = scanner.scan()) {
    const start = currentLine === 0 && text.charCodeAt(ln.start) === 0xfeff ? ln.start + 1 : ln.start;
    let first = trimLeftSpace(trimLineEnd(text.slice(start, ln.end)));
    directives.check(first, currentLine + 1);
    if (first.charCodeAt(0) === HASH) first = '';
    currentLine++;
    const startLine = currentLine;
    const esc = directives.escapeToken;

    let cont = trimContinuation(first, esc);
    if (!cont.more && cont.text === '') continue;
    let line = cont.text;
    let hasEmptyContinuationLine = false;
    while (cont.more) {
      const next = scanner.scan();
      if (!next) break;
      currentLine++;
      const raw = trimLineEnd(text.slice(next.start, next.end));
      const lead = trimLeftSpace(raw);
      if (lead.charCodeAt(0) === HASH) continue;
      if (lead === '') {
        hasEmptyContinuationLine = true;
        continue;
      }
      cont = trimContinuation(raw, esc);
      line += cont.text;
    }

    if (hasEmptyContinuationLine) {
      warnings.push({
        short: `Empty continuation line found in: ${line}`,
        detail: [EMPTY_CONTINUATION_DETAIL],
        url: EMPTY_CONTINUATION_URL,
        startLine: currentLine,
        endLine: currentLine,
      });
    }

    let node: InstructionNode;
    let headers: HeredocHeader[] = [];
    try {
      node = nodeFromLine(line, esc, startLine, currentLine);
      if (canContainHeredoc(node) && line.includes('<<')) headers = heredocsFromLine(line);
    } catch (err) {
      throw located(err, startLine, currentLine);
    }

    for (const header of headers) {
      let bodyStart = -1;
      let bodyEnd = -1;
      let terminated = false;
      for (let l = scanner.scan(); l; l = scanner.scan()) {
        currentLine++;
        let candidate = trimLineEnd(text.slice(l.start, l.end));
        if (header.chomp) candidate = trimLeadingTabs(candidate);
        if (candidate === header.name) {
          terminated = true;
          break;
        }
        if (bodyStart < 0) bodyStart = l.start;
        bodyEnd = l.next;
      }
      if (!terminated) throw new DockerfileParseError('unterminated heredoc', startLine, currentLine);
      const content = bodyStart < 0 ? '' : text.slice(bodyStart, bodyEnd);
      node.heredocs.push({
        name: header.name,
        content: header.chomp ? chompHeredocContent(content) : content,
        expand: header.expand,
        chomp: header.chomp,
      });
    }
    for (let n: InstructionNode | null = node; n; n = n.next) n.endLine = currentLine;
    children.push(node);
  }

  if (children.length === 0) throw new DockerfileParseError('file with no instructions');
  if (scanner.tooLongLine > 0) {
    throw new DockerfileParseError(
      `dockerfile line greater than max allowed size of ${MAX_LINE_BYTES}`,
      scanner.tooLongLine,
      scanner.tooLongLine,
    );
  }

  const ast: DockerfileAst = {
    children,
    startLine: (children[0] as InstructionNode).startLine,
    endLine: (children[children.length - 1] as InstructionNode).endLine,
  };
  return { ast, warnings, directives: directives.list, escapeToken: directives.escapeToken };
}
