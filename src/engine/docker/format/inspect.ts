/**
 * docker/cli's inspect package: `docker inspect --format` (TemplateInspector, with the fallback
 * to the raw JSON when the typed value lacks a field) and the default indented JSON output.
 */
import { TemplateError } from './errors';
import { indentJSON, toJSON } from './go/json';
import { type GoType, STRING, type Val, Value, infer, namedType } from './go/types';
import { parseTemplate } from './templates';
import type { Template } from './template';

/** encoding/json.Number: what numbers decode to with Decoder.UseNumber (a string kind). */
export const JSON_NUMBER: GoType = namedType('json.Number', STRING, { stringer: ((v: string) => v) as never });

/**
 * Decode JSON text the way docker's raw fallback does (`dec.UseNumber()`): objects become
 * map[string]interface {}, arrays []interface {}, numbers json.Number keeping their text.
 */
export function decodeRawJSON(text: string): Val {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        const k = string();
        ws();
        i++; // :
        obj[k] = value();
        ws();
        if (text[i++] === '}') return obj;
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i++] === ']') return arr;
      }
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) throw new SyntaxError(`invalid JSON at ${i}`);
    i += m[0].length;
    return new Value(JSON_NUMBER, m[0]);
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  return infer(value());
}

export interface InspectElement {
  /** The typed value (docker's Go struct), e.g. a `types.ImageInspect` built with structType. */
  typed: Val;
  /** The daemon's JSON for the element (text), used when the typed value cannot satisfy the template. */
  raw?: string | null;
}

export interface InspectResult {
  stdout: string;
  /** One message per failed element (docker prints them joined by newlines on stderr, exit 1). */
  errors: string[];
}

/** The error `docker inspect` reports (exit status 64) when the --format does not parse. */
export class InspectFormatError extends TemplateError {}

/**
 * `docker inspect --format F` over elements. Throws InspectFormatError for a format that does not
 * parse (`template parsing error: template: :1: unclosed action`, exit 64).
 */
export function inspectFormatted(format: string, elements: readonly InspectElement[]): InspectResult {
  let tmpl: Template;
  try {
    tmpl = parseTemplate(format);
  } catch (e) {
    if (e instanceof TemplateError) throw new InspectFormatError(`template parsing error: ${e.message}`, 'parse');
    throw e;
  }
  let out = '';
  const errors: string[] = [];
  for (const el of elements) {
    try {
      out += tmpl.execute(el.typed) + '\n';
      continue;
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      if (el.raw === undefined || el.raw === null) {
        errors.push(`template parsing error: ${e.message}`);
        continue;
      }
    }
    // tryRawInspectFallback; Option() changes the template for the following elements too
    tmpl = tmpl.option('error');
    try {
      out += tmpl.execute(decodeRawJSON(el.raw)) + '\n';
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      errors.push(`template parsing error: ${e.message}`);
    }
  }
  return { stdout: out.length === 0 ? '\n' : out, errors };
}

/**
 * `docker inspect` without --format: the elements' JSON in an array indented with 4 spaces
 * (`[]` when nothing matched). Elements are JSON texts, or typed values marshalled as the daemon would.
 */
export function inspectIndented(elements: readonly (string | Val)[]): string {
  if (elements.length === 0) return '[]\n';
  const texts = elements.map((e) => (typeof e === 'string' ? e : toJSON(e)));
  return indentJSON('[' + texts.join(',') + ']', '', '    ') + '\n';
}

/** `docker inspect --format json`: the elements' compact JSON in one array on one line. */
export function inspectJSON(elements: readonly (string | Val)[]): string {
  const texts = elements.map((e) => (typeof e === 'string' ? e : toJSON(e)));
  return '[' + texts.join(',') + ']\n';
}

/**
 * What `docker inspect [--format F]` prints for the elements found: the indented JSON array when
 * F is empty, one compact array for `json`, the template otherwise. Throws InspectFormatError.
 */
export function renderInspect(format: string, elements: readonly InspectElement[]): InspectResult {
  const json = elements.map((e) => e.raw ?? e.typed);
  if (format === '') return { stdout: inspectIndented(json), errors: [] };
  if (format === 'json') return { stdout: inspectJSON(json), errors: [] };
  return inspectFormatted(format, elements);
}
