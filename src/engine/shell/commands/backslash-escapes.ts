/**
 * Backslash escapes as bash expands them, in its three dialects:
 *  - `format`: printf's format string (`\NNN` with up to three octal digits, `\c` kept as is);
 *  - `b`: printf's %b argument (`\0NNN`, `\c` stops all output);
 *  - `echo`: echo -e (`\0NNN` only, `\c` stops, `\"` and `\'` keep their backslash, no warnings).
 */
import { PRINTF } from './messages/bash-builtins';

export type EscapeDialect = 'format' | 'b' | 'echo';

export interface Expansion {
  text: string;
  /** `\c` was seen: nothing more may be printed. */
  stop: boolean;
  /** printf's warnings, like `missing hex digit for \x`. */
  warnings: string[];
}

const SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

const isOctal = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** A byte value 128–255 from an octal or \x escape; bash writes the raw byte, we show it as Latin-1. */
function fromByte(value: number): string {
  return String.fromCharCode(value & 0xff);
}

export function expandEscapes(text: string, dialect: EscapeDialect): Expansion {
  let out = '';
  const warnings: string[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char !== '\\' || i + 1 >= text.length) {
      out += char;
      i += 1;
      continue;
    }
    const next = text[i + 1]!;
    i += 2;
    const simple = SIMPLE[next];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    if (next === 'c' && dialect !== 'format') return { text: out, stop: true, warnings };
    if (isOctal(next)) {
      if (dialect === 'echo' && next !== '0') {
        out += `\\${next}`;
        continue;
      }
      let value = Number(next);
      let more = dialect === 'format' ? 2 : next === '0' ? 3 : 2;
      while (more > 0 && isOctal(text[i])) {
        value = value * 8 + Number(text[i]);
        i += 1;
        more -= 1;
      }
      out += fromByte(value);
      continue;
    }
    if (next === 'x' || next === 'u' || next === 'U') {
      const max = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      let digits = '';
      while (digits.length < max && isHex(text[i])) {
        digits += text[i];
        i += 1;
      }
      if (digits === '') {
        if (dialect !== 'echo') warnings.push(next === 'x' ? PRINTF.missingHexDigit : PRINTF.missingUnicodeDigit(next));
        out += `\\${next}`;
        continue;
      }
      const value = parseInt(digits, 16);
      out += next === 'x' ? fromByte(value) : String.fromCodePoint(Math.min(value, 0x10ffff));
      continue;
    }
    if (next === '"' || next === "'" || next === '?') {
      out += dialect === 'echo' ? `\\${next}` : next;
      continue;
    }
    out += `\\${next}`;
  }
  return { text: out, stop: false, warnings };
}
