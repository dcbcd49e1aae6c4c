/**
 * docker/cli's formatter.Context: how `--format` strings are applied to a list of rows
 * (ps, images, volume ls, history, system df, network ls, …).
 *
 *  - `table …` strips the prefix, adds a header row and aligns columns with the tabwriter;
 *  - `json` means `{{json .}}`;
 *  - spaces around the format are trimmed, and `\t` / `\n` typed literally become tab/newline;
 *  - every row's output is followed by a newline;
 *  - errors are `template parsing error: …` and nothing is printed.
 */
import { TemplateError } from './errors';
import type { Val } from './go/types';
import { type FormatContext, headerValue } from './contexts';
import { DOCKER_TABLE, TabWriter, tabwrite } from './tabwriter';
import { HEADER_FUNCTIONS, parseTemplate } from './templates';
import type { Template } from './template';

export const TABLE_FORMAT_KEY = 'table';
export const RAW_FORMAT_KEY = 'raw';
export const JSON_FORMAT_KEY = 'json';
export const DEFAULT_QUIET_FORMAT = '{{.ID}}';
export const JSON_FORMAT = '{{json .}}';

export function isTableFormat(format: string): boolean {
  return format.startsWith(TABLE_FORMAT_KEY);
}

/** formatter.Context.preFormat: the template text actually parsed. */
export function finalFormat(format: string): string {
  let f = format;
  if (isTableFormat(f)) f = f.slice(TABLE_FORMAT_KEY.length);
  else if (f === JSON_FORMAT_KEY) f = JSON_FORMAT;
  f = trimSpaces(f);
  return f.replace(/\\[tn]/g, (m) => (m === '\\t' ? '\t' : '\n'));
}

function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s[a] === ' ') a++;
  while (b > a && s[b - 1] === ' ') b--;
  return s.slice(a, b);
}

function wrap(e: unknown, prefix: string): never {
  if (e instanceof TemplateError) throw new TemplateError(`${prefix}: ${e.message}`, e.phase);
  throw e;
}

/** Parse a --format string as docker's formatter does. Throws TemplateError `template parsing error: …`. */
export function parseFormat(format: string): Template {
  try {
    return parseTemplate(finalFormat(format));
  } catch (e) {
    wrap(e, 'template parsing error');
  }
}

export interface WriteOptions<Row> {
  /** The Format after the command's NewXxxFormat mapping (`table`, `raw`, quiet …). */
  format: string;
  context: FormatContext<Row>;
  rows: Iterable<Row>;
}

/**
 * formatter.Context.Write: the full stdout text for the rows. Throws TemplateError with docker's
 * message (`template parsing error: template: :1:2: executing "" at <.Nope>: …`).
 */
export function writeFormatted<Row>(opts: WriteOptions<Row>): string {
  const tmpl = parseFormat(opts.format);
  const table = isTableFormat(opts.format);
  // Go renders the header after the rows; it does not depend on them, and errors discard everything
  const w = table ? new TabWriter(DOCKER_TABLE) : null;
  if (w) w.writeLine(renderHeader(tmpl, headerValue(opts.context)));
  const body: string[] = [];
  for (const row of opts.rows) {
    let line: string;
    try {
      line = tmpl.execute(opts.context.value(row));
    } catch (e) {
      wrap(e, 'template parsing error');
    }
    if (w) w.writeLine(line);
    else body.push(line);
  }
  if (w) return w.flush();
  return body.length === 0 ? '' : body.join('\n') + '\n';
}

/** The header row: the template run with HeaderFunctions over the header map; errors leave what was written. */
export function renderHeader(tmpl: Template, header: Val): string {
  try {
    return tmpl.withFuncs(HEADER_FUNCTIONS).execute(header);
  } catch (e) {
    if (e instanceof TemplateError) return e.partialOutput;
    throw e;
  }
}

/**
 * The check `docker ps` runs before listing: parse the raw --format (no `table` stripping) and
 * execute it on an empty context. Errors: `failed to parse template: …`, `failed to execute template: …`.
 */
export function preflightFormat(format: string, empty: Val): void {
  let tmpl: Template;
  try {
    tmpl = parseTemplate(format);
  } catch (e) {
    wrap(e, 'failed to parse template');
  }
  try {
    tmpl.execute(empty);
  } catch (e) {
    wrap(e, 'failed to execute template');
  }
}

/**
 * Align rows of plain cells as docker's tables are (minwidth 10, padding 3; the last column is
 * not padded). For outputs docker builds with its tabwriter directly rather than a template.
 */
export function renderTable(rows: readonly (readonly string[])[], header?: readonly string[]): string {
  const lines = header ? [header, ...rows] : rows;
  return tabwrite(lines.map((r) => r.join('\t') + '\n').join(''), DOCKER_TABLE);
}
