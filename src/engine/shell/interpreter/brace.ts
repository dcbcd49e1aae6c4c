/**
 * Brace expansion, bash's first expansion: `a{b,c}d` → `abd acd`, `{1..3}`, `{a..e..2}`, `{01..10}`.
 * Only unquoted literal braces and commas count; `${…}`, quotes and `\{` are left alone.
 */
import type { Word, WordPart } from '../parser/ast';

/** A literal character of an unquoted part, or another part kept whole. */
type Item = string | WordPart;

function items(word: Word): Item[] {
  const out: Item[] = [];
  for (const part of word.parts) {
    if (part.type === 'lit') for (const ch of part.text) out.push(ch);
    else out.push(part);
  }
  return out;
}

function toParts(seq: Item[]): WordPart[] {
  const parts: WordPart[] = [];
  let lit = '';
  for (const item of seq) {
    if (typeof item === 'string') {
      lit += item;
      continue;
    }
    if (lit !== '') {
      parts.push({ type: 'lit', text: lit });
      lit = '';
    }
    parts.push(item);
  }
  if (lit !== '') parts.push({ type: 'lit', text: lit });
  return parts;
}

function sequence(body: string): string[] | null {
  const num = /^(-?[0-9]+)\.\.(-?[0-9]+)(?:\.\.(-?[0-9]+))?$/.exec(body);
  if (num) {
    const start = Number(num[1]);
    const end = Number(num[2]);
    let step = Math.abs(Number(num[3] ?? '1')) || 1;
    if (start > end) step = -step;
    const padded = (s: string) => /^-?0[0-9]/.test(s);
    const width = padded(num[1]!) || padded(num[2]!) ? Math.max(num[1]!.length, num[2]!.length) : 0;
    const out: string[] = [];
    for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
      let text = String(Math.abs(v)).padStart(v < 0 ? width - 1 : width, '0');
      if (v < 0) text = `-${text}`;
      out.push(text);
      if (out.length > 100_000) break;
    }
    return out;
  }
  const chr = /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?[0-9]+))?$/.exec(body);
  if (chr) {
    const start = chr[1]!.charCodeAt(0);
    const end = chr[2]!.charCodeAt(0);
    let step = Math.abs(Number(chr[3] ?? '1')) || 1;
    if (start > end) step = -step;
    const out: string[] = [];
    for (let v = start; step > 0 ? v <= end : v >= end; v += step) out.push(String.fromCharCode(v));
    return out;
  }
  return null;
}

function expand(seq: Item[]): Item[][] {
  for (let i = 0; i < seq.length; i++) {
    if (seq[i] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    let close = -1;
    for (let j = i + 1; j < seq.length; j++) {
      const c = seq[j];
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) {
          close = j;
          break;
        }
        depth--;
      } else if (c === ',' && depth === 0) commas.push(j);
    }
    if (close < 0) return [seq];
    const prefix = seq.slice(0, i);
    const suffix = seq.slice(close + 1);
    let alternatives: Item[][];
    if (commas.length > 0) {
      alternatives = [];
      let from = i + 1;
      for (const comma of [...commas, close]) {
        alternatives.push(seq.slice(from, comma));
        from = comma + 1;
      }
    } else {
      const body = seq.slice(i + 1, close);
      const text = body.every((x) => typeof x === 'string') ? (body as string[]).join('') : null;
      const values = text !== null ? sequence(text) : null;
      if (values === null) continue;
      alternatives = values.map((v) => Array.from(v));
    }
    const out: Item[][] = [];
    const tails = expand(suffix);
    for (const alt of alternatives) {
      for (const head of expand([...prefix, ...alt])) {
        for (const tail of tails) out.push([...head, ...tail]);
      }
    }
    return out;
  }
  return [seq];
}

/** Could the word hold a brace expression? (cheap test before the real work) */
export function mayHaveBraces(word: Word): boolean {
  let open = false;
  for (const part of word.parts) {
    if (part.type !== 'lit') continue;
    if (!open && part.text.includes('{')) open = true;
    if (open && part.text.includes('}')) return true;
  }
  return false;
}

/** The words a word expands to by brace expansion (the word itself when it has none). */
export function braceExpand(word: Word): Word[] {
  if (!mayHaveBraces(word)) return [word];
  const results = expand(items(word));
  if (results.length === 1) return [word];
  return results.map((seq) => ({ parts: toParts(seq), raw: word.raw, pos: word.pos }));
}
