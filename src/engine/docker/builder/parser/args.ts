/**
 * How BuildKit splits an instruction line into keyword, flags and argument nodes, and the
 * per-instruction argument rules (the "line parsers").
 */
import { DockerfileParseError } from './ast';
import { goQuote, isBlankCode, isSpaceCode, splitBlank, trimLeftSpace, trimSpace } from './text';

export const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

/** What a line parser makes of the text after the keyword and flags. */
export interface ParsedArgs {
  args: string[];
  json: boolean;
}

function noArgs(): ParsedArgs {
  return { args: [], json: false };
}

/**
 * Splits `KEYWORD [--flags] args` into its keyword (as written), flags and the trimmed rest.
 * The keyword ends at the first run of `[\t\v\f\r ]`.
 */
export function splitCommand(line: string): { cmd: string; flags: string[]; rest: string } {
  const trimmed = trimSpace(line);
  let i = 0;
  while (i < trimmed.length && !isBlankCode(trimmed.charCodeAt(i))) i++;
  if (i === trimmed.length) return { cmd: trimmed, flags: [], rest: '' };
  let j = i + 1;
  while (j < trimmed.length && isBlankCode(trimmed.charCodeAt(j))) j++;
  const { rest, flags } = extractBuilderFlags(trimmed.slice(j));
  return { cmd: trimmed.slice(0, i), flags, rest: trimSpace(rest) };
}

/**
 * Takes the leading `--name[=value]` words off an argument string. Quotes inside a flag word are
 * removed and `\` escapes the next character; a bare `--` ends the flags and is dropped.
 */
export function extractBuilderFlags(line: string): { rest: string; flags: string[] } {
  const SPACES = 0;
  const WORD = 1;
  const QUOTE = 2;
  const flags: string[] = [];
  const n = line.length;
  let phase = SPACES;
  let word = '';
  let quote = '';
  let blankOK = false;

  for (let pos = 0; pos <= n; pos++) {
    let ch = pos < n ? (line[pos] as string) : '';
    if (phase === SPACES) {
      if (pos === n) break;
      if (isSpaceCode(ch.charCodeAt(0))) continue;
      if (ch !== '-' || pos + 1 === n || line[pos + 1] !== '-') return { rest: line.slice(pos), flags };
      phase = WORD;
    }
    if (pos === n) {
      if (word !== '--' && (blankOK || word.length > 0)) flags.push(word);
      break;
    }
    if (phase === WORD) {
      if (isSpaceCode(ch.charCodeAt(0))) {
        phase = SPACES;
        if (word === '--') return { rest: line.slice(pos), flags };
        if (blankOK || word.length > 0) flags.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = QUOTE;
        continue;
      }
      if (ch === '\\') {
        if (pos + 1 === n) continue;
        ch = line[++pos] as string;
      }
      word += ch;
      continue;
    }
    // QUOTE
    if (ch === quote) {
      phase = WORD;
      continue;
    }
    if (ch === '\\') {
      if (pos + 1 === n) {
        phase = WORD;
        continue;
      }
      ch = line[++pos] as string;
    }
    word += ch;
  }
  return { rest: '', flags };
}

/**
 * Splits on whitespace outside quotes. Quotes are kept, and the escape token is kept together with
 * the character it escapes (inside single quotes it escapes nothing). Used by ENV, LABEL and ARG.
 */
export function parseWords(rest: string, escapeToken: string): string[] {
  const SPACES = 0;
  const WORD = 1;
  const QUOTE = 2;
  const words: string[] = [];
  const n = rest.length;
  let phase = SPACES;
  let word = '';
  let quote = '';
  let blankOK = false;

  for (let pos = 0; pos <= n; pos++) {
    let ch = pos < n ? (rest[pos] as string) : '';
    if (phase === SPACES) {
      if (pos === n) break;
      if (isSpaceCode(ch.charCodeAt(0))) continue;
      phase = WORD;
    }
    if (pos === n) {
      if (blankOK || word.length > 0) words.push(word);
      break;
    }
    if (phase === WORD) {
      if (isSpaceCode(ch.charCodeAt(0))) {
        phase = SPACES;
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = QUOTE;
      }
      if (ch === escapeToken) {
        if (pos + 1 === n) continue; // an escape token at the very end is dropped
        word += ch;
        ch = rest[++pos] as string;
      }
      word += ch;
      continue;
    }
    // QUOTE
    if (ch === quote) phase = WORD;
    if (ch === escapeToken && quote !== "'") {
      if (pos + 1 === n) {
        phase = WORD;
        continue;
      }
      word += ch;
      ch = rest[++pos] as string;
    }
    word += ch;
  }
  return words;
}

/** Replaces lone surrogates by U+FFFD, as Go's JSON decoder does for `\ud800`. */
function wellFormed(s: string): string {
  return s.isWellFormed() ? s : s.toWellFormed();
}

/** Go's decoder refuses numbers that overflow a float64 and nesting deeper than 10000. */
function goWouldDecode(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
    } else if (v !== null && typeof v === 'object') {
      if (depth > 10000) return false;
      for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
    }
  }
  return true;
}

/**
 * The exec form: the elements of a JSON array of strings, or null when the text is not valid JSON
 * (the shell form applies then). A valid array with a non-string element is an error.
 */
export function parseJsonArray(rest: string): string[] | null {
  const text = trimLeftSpace(rest);
  if (text.charCodeAt(0) !== 0x5b /* [ */) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  if (value.every((e) => typeof e === 'string')) return (value as string[]).map(wellFormed);
  if (!goWouldDecode(value)) return null;
  throw new DockerfileParseError(NOT_STRING_ARRAY);
}

/** RUN, CMD, ENTRYPOINT, SHELL: JSON array, or the whole rest as one argument. */
export function parseMaybeJson(rest: string): ParsedArgs {
  if (rest === '') return noArgs();
  const list = parseJsonArray(rest);
  if (list) return { args: list, json: true };
  return { args: [rest], json: false };
}

/** ADD, COPY, VOLUME: JSON array, or whitespace-separated words (quotes not honoured). */
export function parseMaybeJsonToList(rest: string): ParsedArgs {
  const list = parseJsonArray(rest);
  if (list) return { args: list, json: true };
  return parseStringsWhitespaceDelimited(rest);
}

/** FROM, EXPOSE. */
export function parseStringsWhitespaceDelimited(rest: string): ParsedArgs {
  if (rest === '') return noArgs();
  return { args: splitBlank(rest), json: false };
}

/** MAINTAINER, USER, WORKDIR, STOPSIGNAL. */
export function parseString(rest: string): ParsedArgs {
  if (rest === '') return noArgs();
  return { args: [rest], json: false };
}

/** ARG: one argument per word. */
export function parseNameOrNameVal(rest: string, escapeToken: string): ParsedArgs {
  return { args: parseWords(rest, escapeToken), json: false };
}

/** ENV, LABEL: `key value` (old form) or `k=v k2=v2` (new form), as key/value/separator triples. */
export function parseNameVal(rest: string, key: 'ENV' | 'LABEL', escapeToken: string): ParsedArgs {
  const words = parseWords(rest, escapeToken);
  if (words.length === 0) return noArgs();
  if (!(words[0] as string).includes('=')) {
    const m = /[\t\v\f\r ]+/.exec(rest);
    if (!m) throw new DockerfileParseError(`${key} must have two arguments`);
    return { args: [rest.slice(0, m.index), rest.slice(m.index + m[0].length), ''], json: false };
  }
  const args: string[] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) {
      throw new DockerfileParseError(
        `Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`,
      );
    }
    args.push(word.slice(0, eq), word.slice(eq + 1), '=');
  }
  return { args, json: false };
}

/** HEALTHCHECK: the first word (CMD, NONE, …) as written, then the rest like CMD. */
export function parseHealthConfig(rest: string): ParsedArgs {
  let sep = 0;
  while (sep < rest.length && !isSpaceCode(rest.charCodeAt(sep))) sep++;
  if (sep === 0) return noArgs();
  let next = sep;
  while (next < rest.length && isSpaceCode(rest.charCodeAt(next))) next++;
  const cmd = parseMaybeJson(rest.slice(next));
  return { args: [rest.slice(0, sep), ...cmd.args], json: cmd.json };
}
