/**
 * Word expansion in bash's order: tilde, parameter, command substitution and arithmetic (left to
 * right), then word splitting of unquoted results on IFS, then pathname expansion, then quote
 * removal. Quoting is tracked per piece of text, never re-parsed from strings.
 */
import type { ParamPart, Word, WordPart } from '../parser/ast';
import { Parser } from '../parser/parser';
import { SHELL } from '../messages';
import { ArithError, evaluateArith } from './arith';
import { braceExpand, mayHaveBraces } from './brace';
import { escapePattern, expandPathname, hasGlob, removeMatch, replaceMatch, unescapePattern } from './pattern';
import type { Shell } from './shell';
import type { CommandIO } from './types';

/** A run of text from one expansion step. */
interface Seg {
  text: string;
  /** Quoted text is never split and never a pattern. */
  quoted: boolean;
  /** The unquoted result of an expansion: subject to word splitting. */
  split: boolean;
}

/** Between the fields of "$@". */
const BREAK: Seg = { text: '', quoted: true, split: false };

/** A quoted empty string that must vanish ("$@" with no parameters). */
const NOTHING: Seg = { text: '', quoted: false, split: false };

function q(text: string): Seg {
  return { text, quoted: true, split: false };
}

/** Does the word need expansion at all? (Fast path for plain literal words.) */
function literalText(word: Word): string | null {
  const parts = word.parts;
  if (parts.length === 1) {
    const p = parts[0]!;
    if (p.type === 'lit') return hasGlob(p.text) ? null : p.text;
    if (p.type === 'sq') return p.text;
  }
  if (parts.length === 0) return '';
  for (const p of parts) if (p.type !== 'sq' && !(p.type === 'lit' && !hasGlob(p.text))) return null;
  let text = '';
  for (const p of parts) text += (p as { text: string }).text;
  return text;
}

export class Expander {
  constructor(
    private readonly shell: Shell,
    private readonly io: CommandIO,
  ) {}

  /** Expands command words into fields (splitting and globbing). */
  async fields(words: Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const original of words) {
      if (mayHaveBraces(original)) {
        for (const word of braceExpand(original)) await this.field(word, out);
        continue;
      }
      await this.field(original, out);
    }
    return out;
  }

  private async field(word: Word, out: string[]): Promise<void> {
    {
      const literal = literalText(word);
      if (literal !== null) {
        // Fast path: a word with no expansion and no pattern (quotes may still make it empty).
        if (literal !== '' || word.parts.length > 0) out.push(literal);
        return;
      }
      const segs = await this.segments(word.parts, false);
      this.splitAndGlob(segs, out);
    }
  }

  /** Expands a word to one string, without splitting or globbing (assignments, here-strings…). */
  async single(word: Word): Promise<string> {
    const literal = literalText(word);
    if (literal !== null) return literal;
    const segs = await this.segments(word.parts, false);
    let text = '';
    let first = true;
    for (const seg of segs) {
      if (seg === BREAK) {
        if (!first) text += ' ';
        continue;
      }
      text += seg.text;
      first = false;
    }
    return text;
  }

  /** Expands a word into a pattern: quoted characters are escaped, unquoted ones stay special. */
  async pattern(word: Word): Promise<string> {
    const segs = await this.segments(word.parts, false);
    let text = '';
    for (const seg of segs) {
      if (seg === BREAK) {
        text += ' ';
        continue;
      }
      text += seg.quoted ? escapePattern(seg.text) : seg.text;
    }
    return text;
  }

  /**
   * Redirection targets: one field after splitting and globbing, or null when that makes zero or
   * several words (`ambiguous redirect`).
   */
  async redirectTarget(word: Word): Promise<string | null> {
    const literal = literalText(word);
    if (literal !== null) return literal;
    const segs = await this.segments(word.parts, false);
    const out: string[] = [];
    this.splitAndGlob(segs, out);
    return out.length === 1 ? out[0]! : null;
  }

  // ------------------------------------------------------------------ expansion of the parts

  private async segments(parts: WordPart[], inDq: boolean): Promise<Seg[]> {
    const segs: Seg[] = [];
    for (const part of parts) {
      switch (part.type) {
        case 'lit':
          segs.push({ text: part.text, quoted: inDq, split: false });
          break;
        case 'sq':
          segs.push(q(part.text));
          break;
        case 'dq': {
          if (part.parts.length === 0) {
            segs.push(q(''));
            break;
          }
          const inner = await this.segments(part.parts, true);
          let any = false;
          for (const seg of inner) {
            if (seg === BREAK || seg === NOTHING) segs.push(seg);
            else {
              segs.push(seg.quoted ? seg : q(seg.text));
              any = true;
            }
          }
          if (!any && !inner.includes(NOTHING)) segs.push(q(''));
          break;
        }
        case 'tilde':
          segs.push(q(this.tilde(part.user)));
          break;
        case 'param':
          await this.param(part, inDq, segs);
          break;
        case 'cmdsub': {
          const output = await this.shell.commandSubstitution(part.body, this.io);
          const text = output.replace(/\n+$/, '');
          segs.push(inDq ? q(text) : { text, quoted: false, split: true });
          break;
        }
        case 'arith': {
          const value = await this.arith(part.expr);
          segs.push(inDq ? q(value) : { text: value, quoted: false, split: true });
          break;
        }
        case 'array': {
          // Handed to declare/local as `(e1 e2)` with each element quoted; they parse it back.
          const values: string[] = [];
          for (const item of part.items) values.push(...(await this.arrayItem(item)));
          segs.push(q(`(${values.join(' ')})`));
          break;
        }
      }
    }
    return segs;
  }

  /** One element word of `(…)`: `[i]=value` keeps its subscript, others expand to fields. */
  async arrayItem(item: Word): Promise<string[]> {
    const m = /^\[([^\]]*)\]=/.exec(item.raw);
    if (m) {
      const value = await this.single(new Parser(item.raw.slice(m[0].length)).wordText());
      return [`[${m[1]}]=${quoteElement(value)}`];
    }
    return (await this.fields([item])).map(quoteElement);
  }

  private tilde(user: string): string {
    if (user === '') return this.shell.getVar('HOME') ?? this.shell.homeOf(this.shell.userName) ?? '~';
    if (user === '+') return this.shell.getVar('PWD') ?? '~+';
    if (user === '-') return this.shell.getVar('OLDPWD') ?? '~-';
    return this.shell.homeOf(user) ?? `~${user}`;
  }

  /** Evaluates `$((expr))`: the text is expanded first (quote removal included). */
  async arith(expr: Word): Promise<string> {
    const text = await this.single(expr);
    try {
      return String(evaluateArith(text, this.shell.arithVars));
    } catch (e) {
      if (e instanceof ArithError) this.shell.abort(this.io, e.message);
      throw e;
    }
  }

  /** Values of $@ / $* or of a named parameter (undefined: unset). */
  private lookup(name: string): string | undefined {
    return this.shell.paramValue(name);
  }

  private async param(part: ParamPart, inDq: boolean, segs: Seg[]): Promise<void> {
    const shell = this.shell;
    if (part.op === 'bad') shell.abort(this.io, SHELL.badSubstitution(part.raw ?? '${}'));
    let name = part.name;
    const whole = part.index === '@' || part.index === '*' ? part.index : null;
    if (part.indirect && whole) {
      // ${!arr[@]}: the indices.
      this.emitList(shell.arrayIndices(name).map(String), whole, inDq, segs);
      return;
    }
    if (part.indirect) {
      const target = this.lookup(name) ?? '';
      if (part.op === '' && (name === '@' || name === '*')) {
        name = target;
      } else {
        if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])$/.test(target)) {
          if (target === '' && part.op === '') return;
          shell.abort(this.io, SHELL.badSubstitution(part.raw ?? `\${!${name}}`));
        }
        name = target;
      }
    }
    // A list (positional parameters, every element of an array) or one value.
    let list: string[] | null = null;
    let kind: '@' | '*' = '@';
    let value: string | undefined;
    let shownName = name;
    if (name === '@' || name === '*') {
      list = shell.positional;
      kind = name;
    } else if (whole) {
      list = shell.arrayValues(name);
      kind = whole;
    } else if (part.index !== undefined && typeof part.index !== 'string') {
      const text = await this.single(part.index);
      const index = Number(this.arithValue(text));
      value = shell.element(name, index);
      shownName = `${name}[${text}]`;
    } else {
      value = this.lookup(name);
    }
    const op = part.op;
    if (op === 'len') {
      if (list) {
        segs.push(this.result(String(list.length), inDq));
        return;
      }
      if (value === undefined) this.checkUnset(shownName);
      segs.push(this.result(String(Array.from(value ?? '').length), inDq));
      return;
    }
    if (list) {
      if (op === '') {
        this.emitList(list, kind, inDq, segs);
        return;
      }
      if (op === ':') {
        const offset = Number(this.arithValue(part.arg ? await this.single(part.arg) : '0'));
        // $@ counts $0 as position 0.
        const source = name === '@' || name === '*' ? [shell.arg0, ...list] : list;
        let from = offset < 0 ? source.length + offset : offset;
        if (from < 0) from = source.length;
        let to = source.length;
        if (part.arg2) {
          const length = Number(this.arithValue(await this.single(part.arg2)));
          if (length < 0) shell.abort(this.io, `${(part.arg2.raw ?? '').trim()}: substring expression < 0`);
          to = Math.min(from + length, source.length);
        }
        this.emitList(source.slice(from, to), kind, inDq, segs);
        return;
      }
      if (op === '#' || op === '##' || op === '%' || op === '%%' || op === '/' || op === '//' || op === '/#' || op === '/%' || op === '^' || op === '^^' || op === ',' || op === ',,' || op === '@') {
        const mapped: string[] = [];
        for (const item of list) mapped.push(await this.transform(op, item, part));
        this.emitList(mapped, kind, inDq, segs);
        return;
      }
      value = list.length > 0 ? list.join(kind === '*' ? this.ifsFirst() : ' ') : undefined;
    }
    const colon = op.startsWith(':') && op.length === 2;
    const missing = value === undefined || (colon && value === '');
    switch (op) {
      case '':
        if (value === undefined) this.checkUnset(shownName);
        segs.push(this.result(value ?? '', inDq));
        return;
      case ':-':
      case '-':
        if (missing) segs.push(...(await this.argSegments(part.arg, inDq)));
        else segs.push(this.result(value ?? '', inDq));
        return;
      case ':=':
      case '=': {
        if (missing) {
          if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) shell.abort(this.io, `$${name}: cannot assign in this way`);
          const assigned = part.arg ? await this.single(part.arg) : '';
          shell.assign(name, assigned, this.io);
          segs.push(this.result(assigned, inDq));
        } else segs.push(this.result(value ?? '', inDq));
        return;
      }
      case ':+':
      case '+':
        if (!missing) segs.push(...(await this.argSegments(part.arg, inDq)));
        else if (inDq) segs.push(q(''));
        return;
      case ':?':
      case '?': {
        if (missing) {
          const message = part.arg && part.arg.raw !== '' ? await this.single(part.arg) : '';
          if (message !== '') shell.abort(this.io, `${shownName}: ${message}`);
          shell.abort(this.io, colon ? SHELL.parameterNullOrNotSet(shownName) : SHELL.parameterNotSet(shownName));
        }
        segs.push(this.result(value ?? '', inDq));
        return;
      }
    }
    if (value === undefined) this.checkUnset(shownName);
    const text = value ?? '';
    if (op === ':') {
      const chars = Array.from(text);
      const offsetText = part.arg ? await this.single(part.arg) : '0';
      let offset = Number(this.arithValue(offsetText));
      if (offset < 0) offset = Math.max(chars.length + offset, offset < -chars.length ? chars.length + 1 : 0);
      let end = chars.length;
      if (part.arg2) {
        const lengthText = await this.single(part.arg2);
        const length = Number(this.arithValue(lengthText));
        if (length < 0) {
          end = chars.length + length;
          if (end < offset) shell.abort(this.io, `${lengthText.trim()}: substring expression < 0`);
        } else end = Math.min(offset + length, chars.length);
      }
      segs.push(this.result(offset > chars.length ? '' : chars.slice(offset, end).join(''), inDq));
      return;
    }
    segs.push(this.result(await this.transform(op, text, part), inDq));
  }

  /** The pattern and case operators on one value. */
  private async transform(op: string, text: string, part: ParamPart): Promise<string> {
    switch (op) {
      case '@': {
        const letter = part.arg?.raw ?? '';
        switch (letter) {
          case 'Q':
            return quoteValue(text);
          case 'E':
            return expandAnsiEscapes(text);
          case 'U':
            return text.toUpperCase();
          case 'L':
            return text.toLowerCase();
          case 'u':
            return text.charAt(0).toUpperCase() + text.slice(1);
          case 'a': {
            const v = this.shell.vars.get(part.name);
            return v ? `${v.array ? 'a' : ''}${v.integer ? 'i' : ''}${v.readonly ? 'r' : ''}${v.exported ? 'x' : ''}` : '';
          }
          default:
            return text;
        }
      }
      case '#':
      case '##':
      case '%':
      case '%%': {
        const pattern = part.arg ? await this.pattern(part.arg) : '';
        return removeMatch(text, pattern, op.startsWith('#') ? 'prefix' : 'suffix', op.length === 2);
      }
      case '/':
      case '//':
      case '/#':
      case '/%': {
        const pattern = part.arg ? await this.pattern(part.arg) : '';
        const replacement = part.arg2 ? await this.single(part.arg2) : '';
        const mode = op === '/' ? 'first' : op === '//' ? 'all' : op === '/#' ? 'prefix' : 'suffix';
        return replaceMatch(text, pattern, replacement, mode);
      }
      case '^':
      case '^^':
      case ',':
      case ',,': {
        const upper = op.startsWith('^');
        const chars = Array.from(text);
        const conv = (c: string) => (upper ? c.toUpperCase() : c.toLowerCase());
        if (op.length === 2) return chars.map(conv).join('');
        return chars.length > 0 ? conv(chars[0]!) + chars.slice(1).join('') : '';
      }
    }
    return text;
  }

  /** Elements as "$@" (separate fields) or "$*" (one field) make them. */
  private emitList(list: string[], kind: '@' | '*', inDq: boolean, segs: Seg[]): void {
    if (inDq) {
      if (kind === '*') {
        segs.push(q(list.join(this.ifsFirst())));
        return;
      }
      if (list.length === 0) {
        segs.push(NOTHING);
        return;
      }
      list.forEach((p, i) => {
        if (i > 0) segs.push(BREAK);
        segs.push(q(p));
      });
      return;
    }
    list.forEach((p, i) => {
      if (i > 0) segs.push(BREAK);
      segs.push({ text: p, quoted: false, split: true });
    });
  }

  private arithValue(text: string): bigint {
    try {
      return evaluateArith(text, this.shell.arithVars);
    } catch (e) {
      if (e instanceof ArithError) this.shell.abort(this.io, e.message);
      throw e;
    }
  }

  private checkUnset(name: string): void {
    if (this.shell.options.nounset && name !== '@' && name !== '*') {
      if (name === '!' || name === '-' || name === '#' || name === '?' || name === '$' || name === '0') return;
      this.shell.abort(this.io, SHELL.unboundVariable(name));
    }
  }

  private ifsFirst(): string {
    const ifs = this.shell.getVar('IFS');
    return ifs === undefined ? ' ' : ifs.slice(0, 1);
  }

  private result(text: string, inDq: boolean): Seg {
    return inDq ? q(text) : { text, quoted: false, split: true };
  }

  private async argSegments(arg: Word | undefined, inDq: boolean): Promise<Seg[]> {
    if (!arg || arg.parts.length === 0) return inDq ? [q('')] : [];
    const segs = await this.segments(arg.parts, inDq);
    // Unquoted literal text of the operand is subject to splitting like any expansion result.
    return segs.map((s) => (s.quoted || s === BREAK || s === NOTHING ? s : { text: s.text, quoted: false, split: true }));
  }

  // ------------------------------------------------------------------ splitting and globbing

  private splitAndGlob(segs: Seg[], out: string[]): void {
    const ifs = this.shell.getVar('IFS') ?? ' \t\n';
    const noglob = this.shell.options.noglob;
    let text = '';
    let pat = '';
    let glob = false;
    let has = false;
    let sep: 'none' | 'ws' | 'hard' = 'none';
    const emit = () => {
      if (glob && !noglob) {
        const matches = expandPathname(this.shell.fs, this.shell.cwd, pat);
        if (matches.length > 0) out.push(...matches);
        else out.push(text);
      } else out.push(text);
      text = '';
      pat = '';
      glob = false;
      has = false;
    };
    for (const seg of segs) {
      if (seg === BREAK) {
        if (has) emit();
        else if (text === '') {
          // "$@" boundary with an empty parameter before it still makes a field
        }
        sep = 'none';
        continue;
      }
      if (seg === NOTHING) continue;
      if (seg.quoted) {
        text += seg.text;
        pat += escapePattern(seg.text);
        has = true;
        sep = 'none';
        continue;
      }
      if (!seg.split || ifs === '') {
        if (seg.text === '' && seg.split) continue;
        text += seg.text;
        pat += seg.text;
        if (!glob && hasGlob(seg.text)) glob = true;
        if (seg.text !== '') has = true;
        sep = 'none';
        continue;
      }
      const s = seg.text;
      for (let i = 0; i < s.length; i++) {
        const c = s[i]!;
        if (ifs.includes(c)) {
          const ws = c === ' ' || c === '\t' || c === '\n';
          if (ws) {
            if (has) {
              emit();
              sep = 'ws';
            }
          } else if (has) {
            emit();
            sep = 'hard';
          } else if (sep === 'ws') {
            sep = 'hard';
          } else {
            out.push('');
            sep = 'hard';
          }
          continue;
        }
        text += c;
        pat += c === '\\' ? '\\\\' : c;
        if (c === '*' || c === '?' || c === '[') glob = true;
        has = true;
        sep = 'none';
      }
    }
    if (has) emit();
  }
}

/** `${x@Q}`: quoted for reuse as input, as bash does it. */
export function quoteValue(value: string): string {
  if (/[\x00-\x1f\x7f]/.test(value)) {
    const map: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x1b': '\\E', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
    return `$'${value.replace(/[\\'\x00-\x1f\x7f]/g, (c) => map[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)}'`;
  }
  return `'${value.replace(/'/g, "'\\''")}'`;
}

/** `${x@E}`: backslash escapes as in $'…'. */
function expandAnsiEscapes(value: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
  return value.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (m, c: string) => {
    if (c.startsWith('x') && c.length > 1) return String.fromCharCode(parseInt(c.slice(1), 16));
    if (/^[0-7]+$/.test(c)) return String.fromCharCode(parseInt(c, 8) & 0xff);
    return map[c] ?? m;
  });
}

/** Single-quotes an array element for the `(…)` text handed to declare. */
export function quoteElement(value: string): string {
  return `'${value.replace(/'/g, "'\\''")}'`;
}

/** Parses the `(…)` text made by an array part back into elements (`[i]=` kept). */
export function parseArrayText(text: string): { index?: string; value: string }[] {
  const out: { index?: string; value: string }[] = [];
  const body = text.slice(1, -1);
  let i = 0;
  while (i < body.length) {
    while (body[i] === ' ') i++;
    if (i >= body.length) break;
    let index: string | undefined;
    if (body[i] === '[') {
      const close = body.indexOf(']=', i);
      index = body.slice(i + 1, close);
      i = close + 2;
    }
    let value = '';
    while (i < body.length && body[i] !== ' ') {
      if (body[i] === "'") {
        const close = body.indexOf("'", i + 1);
        value += body.slice(i + 1, close);
        i = close + 1;
      } else if (body[i] === '\\') {
        value += body[i + 1] ?? '';
        i += 2;
      } else value += body[i++];
    }
    out.push(index === undefined ? { value } : { index, value });
  }
  return out;
}

/** Removes pattern quoting (for callers that got a pattern but need its literal text). */
export { unescapePattern };
