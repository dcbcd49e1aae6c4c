/**
 * docker/cli's `templates` package: the functions every --format template gets (json, split,
 * join, title, lower, upper, pad, truncate), the header replacements used for `table` headers,
 * and Parse.
 */
import { JSONError, toJSON } from './go/json';
import { GoError, INT, IFACE, SLICE_STRING, STRING, type Val, type Value, sliceItems } from './go/types';
import { byteSlice, utf8Len } from './go/utf8';
import { type FuncMap, Template, goFunc } from './template';

function str(v: Val): string {
  return String((v as Value).v);
}

function int(v: Val): number {
  return Number((v as Value).v);
}

/** strings.Split */
export function goSplit(s: string, sep: string): string[] {
  if (sep === '') return [...s];
  return s.split(sep);
}

const TITLE_SEP_NON_ASCII = /[\p{L}\p{Nd}]/u;

function isSeparator(ch: string): boolean {
  const r = ch.codePointAt(0) as number;
  if (r <= 0x7f) return !/[0-9a-zA-Z_]/.test(ch);
  if (TITLE_SEP_NON_ASCII.test(ch)) return false;
  return /\s/u.test(ch);
}

/** strings.Title */
export function goTitle(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? goToUpper(ch) : ch;
    prev = ch;
  }
  return out;
}

/** strings.ToUpper: rune by rune (unicode.ToUpper), so `ß` and ligatures stay as they are. */
export function goToUpper(s: string): string {
  let out = '';
  for (const ch of s) {
    const u = ch.toUpperCase();
    out += [...u].length === 1 ? u : ch;
  }
  return out;
}

/** strings.ToLower: rune by rune (unicode.ToLower: `İ` becomes `i`). */
export function goToLower(s: string): string {
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += [...l].length === 1 ? l : ([...l][0] as string);
  }
  return out;
}

function repeat(n: number): string {
  if (n < 0) throw new GoError('strings: negative Repeat count');
  return ' '.repeat(n);
}

/** docker's padWithSpace */
export function padWithSpace(source: string, prefix: number, suffix: number): string {
  if (source === '') return source;
  return repeat(prefix) + source + repeat(suffix);
}

/** docker's truncateWithLength (byte-based, as Go slices strings) */
export function truncateWithLength(source: string, length: number): string {
  const n = utf8Len(source);
  if (n < length) return source;
  if (length < 0) throw new GoError(`runtime error: slice bounds out of range [:${length}]`);
  return byteSlice(source, 0, length);
}

/** The `json` template function: Encoder with SetEscapeHTML(false), trailing newline trimmed. */
export function jsonFunc(v: Val): string {
  try {
    return toJSON(v, { escapeHTML: false }).trim();
  } catch (e) {
    if (e instanceof JSONError) return '';
    throw e;
  }
}

/** templates.basicFunctions */
export const BASIC_FUNCTIONS: FuncMap = {
  json: goFunc([IFACE], STRING, (a) => jsonFunc(a[0] ?? null)),
  split: goFunc([STRING, STRING], SLICE_STRING, (a) => goSplit(str(a[0] ?? null), str(a[1] ?? null))),
  join: goFunc([SLICE_STRING, STRING], STRING, (a) =>
    sliceItems(a[0] as Value)
      .map(String)
      .join(str(a[1] ?? null)),
  ),
  title: goFunc([STRING], STRING, (a) => goTitle(str(a[0] ?? null))),
  lower: goFunc([STRING], STRING, (a) => goToLower(str(a[0] ?? null))),
  upper: goFunc([STRING], STRING, (a) => goToUpper(str(a[0] ?? null))),
  pad: goFunc([STRING, INT, INT], STRING, (a) => padWithSpace(str(a[0] ?? null), int(a[1] ?? null), int(a[2] ?? null))),
  truncate: goFunc([STRING, INT], STRING, (a) => truncateWithLength(str(a[0] ?? null), int(a[1] ?? null))),
};

const identity = (a: Val[]): string => str(a[0] ?? null);

/** templates.HeaderFunctions: keep the column names intact in `table` headers. */
export const HEADER_FUNCTIONS: FuncMap = {
  json: goFunc([STRING], STRING, identity),
  split: goFunc([STRING, STRING], STRING, identity),
  join: goFunc([STRING, STRING], STRING, identity),
  title: goFunc([STRING], STRING, identity),
  lower: goFunc([STRING], STRING, identity),
  upper: goFunc([STRING], STRING, identity),
  truncate: goFunc([STRING, INT], STRING, identity),
};

/** templates.Parse / NewParse: a template named `tag` (default "") with docker's functions. */
export function parseTemplate(format: string, tag = ''): Template {
  return Template.parse(format, { name: tag, funcs: BASIC_FUNCTIONS });
}
