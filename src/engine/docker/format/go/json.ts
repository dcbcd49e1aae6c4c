/**
 * encoding/json as Go programs print typed values: struct fields in declaration order with their
 * tags and omitempty, map keys sorted, nil slices and maps as null, []byte as base64, floats in
 * Go's short form (1e+21, 1e-7), and HTML-sensitive characters escaped unless turned off.
 */
import {
  type GoType,
  type Val,
  type Value,
  fieldOf,
  isNil,
  mapKeys,
  mapLookup,
  pointee,
  sliceElem,
  sliceItems,
  unbox,
} from './types';
import { formatFloat } from './float';
import { utf8Encode } from './utf8';

/** Marshalling failed (unsupported value or type); the message is Go's. */
export class JSONError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JSONError';
  }
}

const HEX = '0123456789abcdef';

function u4(c: number): string {
  return '\\u' + HEX[(c >> 12) & 15] + HEX[(c >> 8) & 15] + HEX[(c >> 4) & 15] + HEX[c & 15];
}

const NEEDS_WORK = /[\x00-\x1f"\\<>&\u2028\u2029\ud800-\udfff]/;

/** A JSON string literal the way Go writes one. */
export function jsonString(s: string, escapeHTML = true): string {
  if (!NEEDS_WORK.test(s)) return '"' + s + '"';
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x22:
        out += '\\"';
        continue;
      case 0x5c:
        out += '\\\\';
        continue;
      case 0x08:
        out += '\\b';
        continue;
      case 0x0c:
        out += '\\f';
        continue;
      case 0x0a:
        out += '\\n';
        continue;
      case 0x0d:
        out += '\\r';
        continue;
      case 0x09:
        out += '\\t';
        continue;
      case 0x3c:
      case 0x3e:
      case 0x26:
        out += escapeHTML ? u4(c) : s[i];
        continue;
      case 0x2028:
      case 0x2029:
        out += u4(c);
        continue;
    }
    if (c < 0x20) out += u4(c);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
      out += s[i] + s[i + 1];
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else out += s[i];
  }
  return out + '"';
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A float64 as encoding/json writes it. */
export function jsonFloat(x: number): string {
  if (!Number.isFinite(x)) throw new JSONError(`json: unsupported value: ${formatFloat(x, 'g', -1)}`);
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  // JS and Go agree here: exponent form below 1e-6 and from 1e21, shortest digits.
  return String(x);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += b === undefined ? '=' : B64[(n >> 6) & 63];
    out += c === undefined ? '=' : B64[n & 63];
  }
  return out;
}

function emptyForOmit(v: Value): boolean {
  switch (v.t.kind) {
    case 'bool':
      return v.v === false;
    case 'string':
      return v.v === '';
    case 'slice':
      return sliceItems(v).length === 0;
    case 'map':
      return isNil(v) || mapKeys(v).length === 0;
    case 'ptr':
    case 'interface':
    case 'func':
      return isNil(v);
    case 'struct':
      return false;
    default:
      return Number(v.v) === 0;
  }
}

function encode(v: Val, escapeHTML: boolean): string {
  if (v === null) return 'null';
  const t = v.t;
  const custom = t.jsonMethod;
  if (custom) {
    if (t.kind === 'ptr' && isNil(v)) return 'null';
    return compactJSON(custom(v.v), escapeHTML);
  }
  if (t.name === 'json.Number') return String(v.v) || '0';
  switch (t.kind) {
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'string':
      return jsonString(String(v.v), escapeHTML);
    case 'float32':
    case 'float64':
      return jsonFloat(Number(v.v));
    case 'interface':
      return encode(unbox(v), escapeHTML);
    case 'ptr':
      return isNil(v) ? 'null' : encode(pointee(v), escapeHTML);
    case 'slice': {
      if (isNil(v)) return 'null';
      const items = sliceItems(v);
      if ((t.elem as GoType).kind === 'uint8') {
        return '"' + base64(items.map((_, i) => Number(sliceElem(v, i).v))) + '"';
      }
      return '[' + items.map((_, i) => encode(sliceElem(v, i), escapeHTML)).join(',') + ']';
    }
    case 'map': {
      if (isNil(v)) return 'null';
      const keys = mapKeys(v).sort((a, b) => compareBytes(a, b));
      const parts = keys.map((k) => jsonString(k, escapeHTML) + ':' + encode(mapLookup(v, k) ?? null, escapeHTML));
      return '{' + parts.join(',') + '}';
    }
    case 'struct': {
      const parts: string[] = [];
      for (const f of t.fields) {
        if (f.jsonName === null) continue;
        const fv = fieldOf(v, f);
        if (f.omitEmpty && emptyForOmit(fv)) continue;
        parts.push(jsonString(f.jsonName, escapeHTML) + ':' + encode(fv, escapeHTML));
      }
      return '{' + parts.join(',') + '}';
    }
    case 'func':
    case 'complex128':
      throw new JSONError(`json: unsupported type: ${t.name}`);
    default:
      return String(v.v);
  }
}

function compareBytes(a: string, b: string): number {
  const x = utf8Encode(a);
  const y = utf8Encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

/** json.Marshal (escapeHTML defaults to true; the docker `json` function turns it off). */
export function toJSON(v: Val, opts: { escapeHTML?: boolean } = {}): string {
  return encode(v, opts.escapeHTML ?? true);
}

const WS = new Set([' ', '\t', '\n', '\r']);

/**
 * Walks JSON text: strings are handed over whole, whitespace outside strings is dropped, any
 * other character is handed over alone.
 */
function scanJSON(src: string, onString: (s: string) => void, onChar: (c: string) => void): void {
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      onString(src.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (!WS.has(c)) onChar(c);
    i++;
  }
}

const STRING_OR_BLANKS = /"(?:[^"\\]|\\.)*"|[ \t\n\r]+/g;
const LINE_SEPARATORS = /[\u2028\u2029]/g;
const HTML_SENSITIVE = /[<>&\u2028\u2029]/g;
/** No blanks outside string literals. */
const ALREADY_COMPACT = /^(?:"(?:[^"\\]|\\.)*"|[^"\s])*$/;

/** Compact JSON text (a MarshalJSON result), escaping HTML characters inside strings when asked. */
export function compactJSON(src: string, escapeHTML: boolean): string {
  const special = escapeHTML ? HTML_SENSITIVE : LINE_SEPARATORS;
  special.lastIndex = 0;
  if (!special.test(src) && ALREADY_COMPACT.test(src)) return src;
  return src.replace(STRING_OR_BLANKS, (m) => {
    if (m.charCodeAt(0) !== 0x22) return '';
    special.lastIndex = 0;
    return special.test(m) ? m.replace(special, (c) => u4(c.charCodeAt(0))) : m;
  });
}

/** json.Indent: one element per line, `prefix` after each newline, `indent` per level; [] and {} stay. */
export function indentJSON(src: string, prefix: string, indent: string): string {
  let out = '';
  let depth = 0;
  let opened = false;
  const newline = (): void => {
    out += '\n' + prefix + indent.repeat(depth);
  };
  const beforeValue = (): void => {
    if (opened) {
      opened = false;
      depth++;
      newline();
    }
  };
  scanJSON(
    src,
    (s) => {
      beforeValue();
      out += s;
    },
    (c) => {
      if (c === '}' || c === ']') {
        if (opened) opened = false;
        else {
          depth--;
          newline();
        }
        out += c;
        return;
      }
      beforeValue();
      if (c === '{' || c === '[') {
        out += c;
        opened = true;
      } else if (c === ',') {
        out += c;
        newline();
      } else if (c === ':') out += ': ';
      else out += c;
    },
  );
  return out;
}
