/**
 * Go's fmt printing (Sprint, Sprintln, Sprintf) over typed values: the default %v layouts of
 * slices, maps, structs and pointers, the verbs with their flags, widths and precisions, and the
 * inline complaints Go writes instead of failing (`%!d(string=x)`, `%!s(MISSING)`,
 * `%!(EXTRA int=2)`, `%!(NOVERB)`, `%!d(BADINDEX)`).
 */
import { formatFloat } from './float';
import { backquotable, goQuote, goQuoteRune } from './literals';
import {
  type GoType,
  type Val,
  type Value,
  bigOf,
  fieldOf,
  isNil,
  mapKey,
  mapKeys,
  mapLookup,
  pointee,
  sliceElem,
  sliceItems,
  unbox,
} from './types';
import { isPrint, runeCount, utf8Decode, utf8Encode } from './utf8';

/** One conversion's flags, width and precision (-1: not given). */
interface Directive {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number;
  prec: number;
  /** %+v: field names in structs */
  fieldNames: boolean;
  /** %#v: Go syntax */
  goSyntax: boolean;
}

function plainDirective(): Directive {
  return {
    plus: false,
    minus: false,
    sharp: false,
    space: false,
    zero: false,
    width: -1,
    prec: -1,
    fieldNames: false,
    goSyntax: false,
  };
}

const MAX_RUNE = 0x10ffff;
const POINTERISH: ReadonlySet<string> = new Set(['ptr', 'map', 'slice', 'func']);
const REPLACEMENT = 0xfffd;

/** Fake but stable addresses for pointers, maps and slices (Go prints 0xc000123456). */
const addresses = new WeakMap<object, number>();
let nextAddress = 0xc000010000;

function addressOf(repr: unknown): number {
  if (repr === null || repr === undefined) return 0;
  if (typeof repr !== 'object' && typeof repr !== 'function') return (nextAddress += 0x10);
  let a = addresses.get(repr);
  if (a === undefined) {
    a = nextAddress += 0x30;
    addresses.set(repr, a);
  }
  return a;
}

/** Renders values under one directive. `complaining` is set while writing a %!verb(…) body. */
class Renderer {
  complaining = false;

  constructor(public d: Directive) {}

  // --- padding -------------------------------------------------------------------------------

  padded(s: string, allowZeros = true): string {
    const d = this.d;
    if (d.width <= 0) return s;
    const n = d.width - runeCount(s);
    if (n <= 0) return s;
    if (d.minus) return s + ' '.repeat(n);
    return (allowZeros && d.zero ? '0' : ' ').repeat(n) + s;
  }

  /** Only spaces, as many as the width asks for. */
  blank(): string {
    return this.d.width > 0 ? ' '.repeat(this.d.width) : '';
  }

  // --- entry points --------------------------------------------------------------------------

  /** One Sprintf/Sprint operand (an interface value, so its dynamic value is formatted). */
  operand(arg: Val, verb: string): string {
    const v = unbox(arg);
    if (v === null) return verb === 'T' || verb === 'v' ? this.padded('<nil>') : this.complain(verb, null);
    if (verb === 'T') return this.text(v.t.name);
    if (verb === 'p') return POINTERISH.has(v.t.kind) ? this.address(v, 'p') : this.complain(verb, v);
    if (verb === 'w') return this.complain(verb, v);
    return this.value(v, verb, 0);
  }

  complain(verb: string, v: Val): string {
    const was = this.complaining;
    this.complaining = true;
    const body = v === null ? '<nil>' : v.t.name + '=' + this.value(v, 'v', 0);
    this.complaining = was;
    return '%!' + verb + '(' + body + ')';
  }

  // --- by kind -------------------------------------------------------------------------------

  value(v: Val, verb: string, depth: number): string {
    if (v === null) {
      if (depth === 0) return '<invalid reflect.Value>';
      return verb === 'v' ? '<nil>' : this.complain(verb, null);
    }
    const t = v.t;
    if (!this.complaining && !this.d.goSyntax && 'vsxXq'.includes(verb)) {
      const str = t.stringMethod;
      if (str) {
        if (t.kind === 'ptr' && isNil(v)) return '<nil>';
        return this.stringVerb(str(v.v), verb) as string;
      }
    }
    switch (t.kind) {
      case 'bool':
        return verb === 't' || verb === 'v' ? this.padded(v.v ? 'true' : 'false') : this.complain(verb, v);
      case 'string':
        return this.stringVerb(String(v.v), verb) ?? this.complain(verb, v);
      case 'float32':
      case 'float64':
        return this.floatVerb(Number(v.v), verb) ?? this.complain(verb, v);
      case 'complex128':
        return this.complain(verb, v);
      case 'interface': {
        const inner = v.v as Val;
        if (inner === null) return this.d.goSyntax ? t.name + '(nil)' : '<nil>';
        return this.value(inner, verb, depth + 1);
      }
      case 'struct':
        return this.struct(v, verb, depth);
      case 'map':
        return this.map(v, verb, depth);
      case 'slice':
        return this.slice(v, verb, depth);
      case 'ptr': {
        const target = pointee(v);
        if (depth === 0 && target !== null && ['slice', 'struct', 'map'].includes(target.t.kind)) {
          return '&' + this.value(target, verb, depth + 1);
        }
        return this.address(v, verb);
      }
      case 'func':
        return this.address(v, verb);
      default:
        return this.integerVerb(bigOf(v), t.signed, verb) ?? this.complain(verb, v);
    }
  }

  private struct(v: Value, verb: string, depth: number): string {
    const d = this.d;
    let s = d.goSyntax ? v.t.name + '{' : '{';
    if (v.t.goString) s += v.t.goString(v.v);
    else {
      v.t.fields.forEach((f, i) => {
        if (i > 0) s += d.goSyntax ? ', ' : ' ';
        if (d.fieldNames || d.goSyntax) s += f.name + ':';
        s += this.value(fieldOf(v, f), verb, depth + 1);
      });
    }
    return s + '}';
  }

  private map(v: Value, verb: string, depth: number): string {
    const d = this.d;
    if (d.goSyntax && isNil(v)) return v.t.name + '(nil)';
    let s = d.goSyntax ? v.t.name + '{' : 'map[';
    mapKeys(v).forEach((k, i) => {
      if (i > 0) s += d.goSyntax ? ', ' : ' ';
      s += this.value(mapKey(v, k), verb, depth + 1) + ':' + this.value(mapLookup(v, k) ?? null, verb, depth + 1);
    });
    return s + (d.goSyntax ? '}' : ']');
  }

  private slice(v: Value, verb: string, depth: number): string {
    const d = this.d;
    const items = sliceItems(v);
    if ((v.t.elem as GoType).kind === 'uint8' && 'sqxX'.includes(verb)) {
      const bytes = items.map((_, i) => Number(sliceElem(v, i).v));
      if (verb === 'x' || verb === 'X') return this.hexBytes(bytes, verb === 'X');
      return this.stringVerb(utf8Decode(bytes), verb) as string;
    }
    if (d.goSyntax) {
      if (isNil(v)) return v.t.name + '(nil)';
      const parts = items.map((_, i) => this.value(sliceElem(v, i), verb, depth + 1));
      return v.t.name + '{' + parts.join(', ') + '}';
    }
    const parts = items.map((_, i) => this.value(sliceElem(v, i), verb, depth + 1));
    return '[' + parts.join(' ') + ']';
  }

  private address(v: Value, verb: string): string {
    const a = isNil(v) ? 0 : addressOf(v.v);
    const d = this.d;
    switch (verb) {
      case 'v':
        if (d.goSyntax) return '(' + v.t.name + ')(' + (a === 0 ? 'nil' : this.hex0x(BigInt(a), true)) + ')';
        return a === 0 ? this.padded('<nil>') : this.hex0x(BigInt(a), !d.sharp);
      case 'p':
        return this.hex0x(BigInt(a), !d.sharp);
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        return this.integerVerb(BigInt(a), false, verb) as string;
      default:
        return this.complain(verb, v);
    }
  }

  // --- strings -------------------------------------------------------------------------------

  /** %s-style text: precision cuts runes, then padding. */
  text(s: string): string {
    return this.padded(this.cut(s));
  }

  private cut(s: string): string {
    const p = this.d.prec;
    if (p < 0) return s;
    let n = 0;
    let i = 0;
    for (const ch of s) {
      if (n === p) return s.slice(0, i);
      n++;
      i += ch.length;
    }
    return s;
  }

  private quoted(s: string): string {
    const d = this.d;
    const body = this.cut(s);
    if (d.sharp && backquotable(body)) return this.padded('`' + body + '`');
    return this.padded(goQuote(body, d.plus));
  }

  stringVerb(s: string, verb: string): string | undefined {
    switch (verb) {
      case 'v':
        return this.d.goSyntax ? this.quoted(s) : this.text(s);
      case 's':
        return this.text(s);
      case 'q':
        return this.quoted(s);
      case 'x':
      case 'X':
        return this.hexBytes(utf8Encode(s), verb === 'X');
      default:
        return undefined;
    }
  }

  private hexBytes(bytes: readonly number[], upper: boolean): string {
    const d = this.d;
    const n = d.prec >= 0 && d.prec < bytes.length ? d.prec : bytes.length;
    if (n === 0) return this.d.width > 0 ? this.padded('') : '';
    const prefix = d.sharp ? (upper ? '0X' : '0x') : '';
    let body = '';
    for (let i = 0; i < n; i++) {
      if (i > 0 && d.space) body += ' ' + prefix;
      else if (i === 0) body += prefix;
      let h = (bytes[i] as number).toString(16).padStart(2, '0');
      if (upper) h = h.toUpperCase();
      body += h;
    }
    return this.padded(body);
  }

  // --- integers ------------------------------------------------------------------------------

  integerVerb(n: bigint, signed: boolean, verb: string): string | undefined {
    switch (verb) {
      case 'v':
        return this.d.goSyntax && !signed ? this.hex0x(n, true) : this.digits(n, 10, false, false);
      case 'd':
        return this.digits(n, 10, false, false);
      case 'b':
        return this.digits(n, 2, false, false);
      case 'o':
        return this.digits(n, 8, false, false);
      case 'O':
        return this.digits(n, 8, false, true);
      case 'x':
        return this.digits(n, 16, false, false);
      case 'X':
        return this.digits(n, 16, true, false);
      case 'c':
        return this.padded(String.fromCodePoint(runeOf(n)));
      case 'q':
        return this.padded(goQuoteRune(runeOf(n), this.d.plus));
      case 'U':
        return this.unicode(BigInt.asUintN(64, n));
      default:
        return undefined;
    }
  }

  private hex0x(n: bigint, prefix: boolean): string {
    const saved = this.d.sharp;
    this.d.sharp = prefix;
    const s = this.digits(n, 16, false, false);
    this.d.sharp = saved;
    return s;
  }

  private digits(n: bigint, base: number, upper: boolean, oPrefix: boolean): string {
    const d = this.d;
    const neg = n < 0n;
    const abs = neg ? -n : n;
    if (d.prec === 0 && abs === 0n) return this.blank();
    let minDigits = 0;
    if (d.prec >= 0) minDigits = d.prec;
    else if (d.zero && !d.minus && d.width >= 0) minDigits = d.width - (neg || d.plus || d.space ? 1 : 0);
    let s = abs.toString(base);
    if (upper) s = s.toUpperCase();
    if (s.length < minDigits) s = '0'.repeat(minDigits - s.length) + s;
    if (d.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8 && s[0] !== '0') s = '0' + s;
      else if (base === 16) s = (upper ? '0X' : '0x') + s;
    }
    if (oPrefix) s = '0o' + s;
    if (neg) s = '-' + s;
    else if (d.plus) s = '+' + s;
    else if (d.space) s = ' ' + s;
    return this.padded(s, false);
  }

  private unicode(u: bigint): string {
    const d = this.d;
    let hex = u.toString(16).toUpperCase();
    const width = d.prec > 4 ? d.prec : 4;
    if (hex.length < width) hex = '0'.repeat(width - hex.length) + hex;
    let s = 'U+' + hex;
    if (d.sharp && u <= BigInt(MAX_RUNE) && isPrint(Number(u))) s += " '" + String.fromCodePoint(Number(u)) + "'";
    return this.padded(s, false);
  }

  // --- floats --------------------------------------------------------------------------------

  floatVerb(x: number, verb: string): string | undefined {
    switch (verb) {
      case 'v':
        return this.float(x, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return this.float(x, verb, -1);
      case 'f':
      case 'F':
      case 'e':
      case 'E':
        return this.float(x, verb === 'F' ? 'f' : verb, 6);
      default:
        return undefined;
    }
  }

  private float(x: number, verb: 'g' | 'G' | 'e' | 'E' | 'f' | 'x' | 'X' | 'b', defaultPrec: number): string {
    const d = this.d;
    const prec = d.prec >= 0 ? d.prec : defaultPrec;
    let body = formatFloat(x, verb, prec);
    let sign = '+';
    if (body[0] === '-' || body[0] === '+') {
      sign = body[0];
      body = body.slice(1);
    }
    if (d.space && sign === '+' && !d.plus) sign = ' ';
    if (body === 'Inf' || body === 'NaN') {
      if (body === 'NaN' && !d.space && !d.plus) sign = '';
      const saved = d.zero;
      d.zero = false;
      const out = this.padded(sign + body);
      d.zero = saved;
      return out;
    }
    if (d.sharp && verb !== 'b') body = withPoint(body, verb, prec);
    if (d.plus || sign !== '+') {
      const full = sign + body;
      if (d.zero && !d.minus && d.width > full.length) return sign + '0'.repeat(d.width - full.length) + body;
      return this.padded(full);
    }
    return this.padded(body);
  }
}

/** %#e/%#f/%#g: always a decimal point, and %#g keeps its trailing zeros. */
function withPoint(body: string, verb: string, prec: number): string {
  let want = verb === 'g' || verb === 'G' || verb === 'x' ? (prec < 0 ? 6 : prec) : 0;
  let cut = body.length;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
      cut = i;
      break;
    }
  }
  let mant = body.slice(0, cut);
  const tail = body.slice(cut);
  let seen = false;
  for (const c of mant) {
    if (c === '.') continue;
    if (c !== '0') seen = true;
    if (seen) want--;
  }
  if (!mant.includes('.')) {
    if (mant === '0') want--;
    mant += '.';
  }
  if (want > 0) mant += '0'.repeat(want);
  return mant + tail;
}

function runeOf(n: bigint): number {
  if (n < 0n || n > BigInt(MAX_RUNE)) return REPLACEMENT;
  const cp = Number(n);
  return cp >= 0xd800 && cp <= 0xdfff ? REPLACEMENT : cp;
}

// --- Sprintf ---------------------------------------------------------------------------------

const TOO_LARGE = 1e6;

/**
 * Digits at s[i…end). `ok` is false when there are none, or when the number is absurdly large
 * (then `next` is `end`: Go gives up on the rest of the directive).
 */
function readNumber(s: string, i: number, end: number): { ok: boolean; n: number; next: number } {
  let n = 0;
  let j = i;
  while (j < end && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) {
    if (n > TOO_LARGE) return { ok: false, n: 0, next: end };
    n = n * 10 + (s.charCodeAt(j) - 48);
    j++;
  }
  return { ok: j > i, n, next: j };
}

/** A `*` width or precision taken from the operands. */
function intOperand(arg: Val): number | null {
  const v = unbox(arg);
  if (v === null || !v.t.integer) return null;
  const n = bigOf(v);
  if (n > BigInt(TOO_LARGE) || n < -BigInt(TOO_LARGE)) return null;
  return Number(n);
}

/** fmt.Sprintf */
export function sprintf(format: string, ...args: Val[]): string {
  let out = '';
  let argi = 0;
  let reordered = false;
  const end = format.length;
  let i = 0;

  /** An explicit `[n]` operand index at i; moves argi and i. Returns whether one was read. */
  const explicitIndex = (): { found: boolean; ok: boolean } => {
    if (format[i] !== '[') return { found: false, ok: true };
    reordered = true;
    const close = format.indexOf(']', i + 1);
    if (end - i < 3 || close < 0) {
      i += 1;
      return { found: false, ok: false };
    }
    const num = readNumber(format, i + 1, close);
    i = close + 1;
    if (!num.ok || num.next !== close) return { found: false, ok: false };
    const index = num.n - 1;
    if (index < 0 || index >= args.length) return { found: true, ok: false };
    argi = index;
    return { found: true, ok: true };
  };

  while (i < end) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const d = plainDirective();
    for (; i < end; i++) {
      const c = format[i];
      if (c === '#') d.sharp = true;
      else if (c === '0') d.zero = !d.minus;
      else if (c === '+') d.plus = true;
      else if (c === '-') {
        d.minus = true;
        d.zero = false;
      } else if (c === ' ') d.space = true;
      else break;
    }
    let idx = explicitIndex();
    let argOK = idx.ok;
    let afterIndex = idx.found;

    // width
    if (format[i] === '*') {
      i++;
      const w = argi < args.length ? intOperand(args[argi] ?? null) : null;
      if (argi < args.length) argi++;
      if (w === null) out += '%!(BADWIDTH)';
      else if (w < 0) {
        d.width = -w;
        d.minus = true;
        d.zero = false;
      } else d.width = w;
      afterIndex = false;
    } else {
      const w = readNumber(format, i, end);
      i = w.next;
      if (w.ok) {
        d.width = w.n;
        if (afterIndex) argOK = false;
      }
    }

    // precision
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) argOK = false;
      idx = explicitIndex();
      if (!idx.ok) argOK = false;
      afterIndex = idx.found;
      if (format[i] === '*') {
        i++;
        const p = argi < args.length ? intOperand(args[argi] ?? null) : null;
        if (argi < args.length) argi++;
        if (p === null || p < 0) out += '%!(BADPREC)';
        else d.prec = p;
        afterIndex = false;
      } else {
        const p = readNumber(format, i, end);
        d.prec = p.ok ? p.n : 0;
        i = p.next;
      }
    }

    if (!afterIndex && !explicitIndex().ok) argOK = false;

    if (i >= end) {
      out += '%!(NOVERB)';
      break;
    }
    const cp = format.codePointAt(i) as number;
    const verb = String.fromCodePoint(cp);
    i += verb.length;

    if (verb === '%') out += '%';
    else if (!argOK) out += '%!' + verb + '(BADINDEX)';
    else if (argi >= args.length) out += '%!' + verb + '(MISSING)';
    else {
      if (verb === 'v') {
        d.goSyntax = d.sharp;
        d.sharp = false;
        d.fieldNames = d.plus;
        d.plus = false;
      }
      out += new Renderer(d).operand(args[argi] ?? null, verb);
      argi++;
    }
  }

  if (!reordered && argi < args.length) {
    const r = new Renderer(plainDirective());
    const extra = args.slice(argi).map((a) => {
      const v = unbox(a);
      return v === null ? '<nil>' : v.t.name + '=' + r.operand(v, 'v');
    });
    out += '%!(EXTRA ' + extra.join(', ') + ')';
  }
  return out;
}

/** %v of one operand, with the fast path for plain strings and ints. */
export function formatValue(arg: Val): string {
  const v = unbox(arg);
  if (v !== null && !v.t.stringer) {
    if (v.t.kind === 'string') return v.v as string;
    if (v.t.signed && Number.isSafeInteger(v.v)) return String(v.v);
  }
  return new Renderer(plainDirective()).operand(v, 'v');
}

function isStringOperand(v: Val): boolean {
  return v !== null && v.t.kind === 'string';
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(...args: Val[]): string {
  let out = '';
  let prevString = false;
  args.forEach((a, k) => {
    const v = unbox(a);
    const isString = isStringOperand(v);
    if (k > 0 && !isString && !prevString) out += ' ';
    out += formatValue(v);
    prevString = isString;
  });
  return out;
}

/** fmt.Sprintln: spaces between all operands and a final newline. */
export function sprintln(...args: Val[]): string {
  return args.map((a) => formatValue(a)).join(' ') + '\n';
}
