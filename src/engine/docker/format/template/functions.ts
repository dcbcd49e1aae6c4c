/**
 * Functions callable from templates, and the ones every template has (and, or, not, len, index,
 * slice, print, printf, println, html, js, urlquery, call, eq, ne, lt, le, gt, ge).
 *
 * A function declares its parameters as Go types; the evaluator checks and converts arguments
 * against them. Parameters of type RAW_VALUE receive the argument as evaluated (possibly null, Go's
 * invalid value); `interface {}` parameters receive the dynamic value inside.
 */
import { sprint, sprintf, sprintln } from '../go/printf';
import {
  BOOL,
  type GoType,
  GoError,
  IFACE,
  INT,
  STRING,
  UINT8,
  type Val,
  Value,
  assignable,
  bigOf,
  followPointers,
  isNil,
  mapLookup,
  mapSize,
  sliceElem,
  sliceItems,
  structType,
  toResult,
  typed,
  unbox,
  zeroValue,
} from '../go/types';
import { byteAt, byteSlice, compareStrings, isPrint, utf8Encode, utf8Len } from '../go/utf8';

/** Marker type for parameters and results that are values as they are (Go's reflect.Value). */
export const RAW_VALUE: GoType = structType('reflect.Value', {});

export interface GoFunc {
  /** parameter types; for a variadic function the last one is the type of each extra argument */
  readonly params: readonly GoType[];
  readonly variadic: boolean;
  /** result type: null reads it from the returned JS value; RAW_VALUE returns a Val as is */
  readonly result: GoType | null;
  /** called with checked arguments (and a method's receiver); throwing GoError is an error result */
  readonly impl: (args: Val[], recv?: unknown) => unknown;
}

export type FuncMap = Readonly<Record<string, GoFunc>>;

export function goFunc(
  params: readonly GoType[],
  result: GoType | null,
  impl: (args: Val[]) => unknown,
  variadic = false,
): GoFunc {
  return { params, result, impl, variadic };
}

/** The Val a function's JS return value stands for. */
export function resultOf(f: GoFunc, ret: unknown): Val {
  return f.result === RAW_VALUE ? (ret as Val) : toResult(f.result, ret);
}

// --- truth -----------------------------------------------------------------------------------

/** Go's notion of a "true" value for if/with/and/or/not: non-zero, non-empty, non-nil. */
export function isTruthy(v: Val): boolean {
  v = v !== null && v.t.kind === 'interface' ? (v.v as Val) : v;
  if (v === null) return false;
  switch (v.t.kind) {
    case 'bool':
      return v.v === true;
    case 'string':
      return (v.v as string).length > 0;
    case 'slice':
      return sliceItems(v).length > 0;
    case 'map':
      return mapSize(v) > 0;
    case 'ptr':
    case 'interface':
    case 'func':
      return !isNil(v);
    case 'struct':
      return true;
    default:
      return Number(v.v) !== 0;
  }
}

// --- length, index, slice --------------------------------------------------------------------

function lengthOf(item: Val): number {
  const [v, nilPtr] = followPointers(item);
  if (nilPtr) throw new GoError('len of nil pointer');
  if (v === null) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  switch (v.t.kind) {
    case 'string':
      return utf8Len(v.v as string);
    case 'slice':
      return sliceItems(v).length;
    case 'map':
      return mapSize(v);
  }
  throw new GoError(`len of type ${v.t.name}`);
}

/** An index operand as an int, checked against 0…limit. */
function position(ix: Val, limit: number): number {
  ix = unbox(ix);
  if (ix === null) throw new GoError('cannot index slice/array with nil');
  if (!ix.t.integer) throw new GoError(`cannot index slice/array with type ${ix.t.name}`);
  const n = bigOf(ix);
  if (n < 0n || n > BigInt(limit)) throw new GoError(`index out of range: ${n}`);
  return Number(n);
}

/** A map key operand converted to the map's key type. */
function keyFor(ix: Val, keyType: GoType): string {
  if (ix === null) {
    if (!keyType.nillable) throw new GoError(`value is nil; should be of type ${keyType.name}`);
    return '';
  }
  if (assignable(ix.t, keyType) || (ix.t.integer && keyType.integer)) return String(ix.v);
  throw new GoError(`value has type ${ix.t.name}; should be ${keyType.name}`);
}

function indexInto(item: Val, indexes: Val[]): Val {
  let cur = unbox(item);
  if (cur === null) throw new GoError('index of untyped nil');
  for (const ix of indexes) {
    const [v, nilPtr] = followPointers(cur);
    if (nilPtr) throw new GoError('index of nil pointer');
    const c = v as Value;
    switch (c.t.kind) {
      case 'string': {
        const s = c.v as string;
        const len = utf8Len(s);
        const i = position(ix, len);
        if (i === len) throw new GoError('reflect: string index out of range');
        cur = new Value(UINT8, byteAt(s, i));
        break;
      }
      case 'slice': {
        const len = sliceItems(c).length;
        const i = position(ix, len);
        if (i === len) throw new GoError('reflect: slice index out of range');
        cur = sliceElem(c, i);
        break;
      }
      case 'map': {
        const key = keyFor(unbox(ix), c.t.key as GoType);
        cur = mapLookup(c, key) ?? zeroValue(c.t.elem as GoType);
        break;
      }
      default:
        throw new GoError(`can't index item of type ${c.t.name}`);
    }
  }
  return cur;
}

function sliceValue(item: Val, indexes: Val[]): Val {
  const v = unbox(item);
  if (v === null) throw new GoError('slice of untyped nil');
  if (indexes.length > 3) throw new GoError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  if (v.t.kind === 'string') {
    if (indexes.length === 3) throw new GoError('cannot 3-index slice a string');
    len = utf8Len(v.v as string);
  } else if (v.t.kind === 'slice') len = sliceItems(v).length;
  else throw new GoError(`can't slice item of type ${v.t.name}`);
  const bounds = [0, len, len];
  indexes.forEach((ix, k) => {
    bounds[k] = position(ix, len);
  });
  const [from, to, max] = bounds as [number, number, number];
  if (from > to) throw new GoError(`invalid slice index: ${from} > ${to}`);
  if (indexes.length === 3 && to > max) throw new GoError(`invalid slice index: ${to} > ${max}`);
  if (v.t.kind === 'string') return new Value(v.t, byteSlice(v.v as string, from, to));
  return new Value(v.t, sliceItems(v).slice(from, to));
}

// --- comparison ------------------------------------------------------------------------------

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'complex' | 'string' | 'other';

function basicKind(v: Val): BasicKind {
  if (v === null) return 'other';
  const t = v.t;
  if (t.kind === 'bool') return 'bool';
  if (t.signed) return 'int';
  if (t.unsigned) return 'uint';
  if (t.float) return 'float';
  if (t.kind === 'complex128') return 'complex';
  if (t.kind === 'string') return 'string';
  return 'other';
}

const INCOMPATIBLE = 'incompatible types for comparison';
const BAD_TYPE = 'invalid type for comparison';

function nilish(v: Val): boolean {
  return v === null || isNil(v);
}

function comparable(t: GoType): boolean {
  if (t.kind === 'slice' || t.kind === 'map' || t.kind === 'func') return false;
  if (t.kind === 'struct') return t.fields.every((f) => comparable(f.type));
  return true;
}

function sameValue(a: Value, b: Value): boolean {
  if (a.t.kind === 'struct') {
    return a.t.fields.every((f) => {
      const obj1 = a.v as Record<string, unknown>;
      const obj2 = b.v as Record<string, unknown>;
      const x = typed(f.type, obj1[f.name]);
      const y = typed(f.type, obj2[f.name]);
      const bx = basicKind(unbox(x));
      return bx !== 'other' ? unbox(x)?.v === unbox(y)?.v : sameValue(x, y);
    });
  }
  return a.t === b.t && a.v === b.v;
}

function signedUnsignedEqual(i: Value, u: Value): boolean {
  const x = bigOf(i);
  return x >= 0n && x === bigOf(u);
}

function equalsAny(first: Val, others: Val[]): boolean {
  const a = unbox(first);
  if (others.length === 0) throw new GoError('missing argument for comparison');
  const k1 = basicKind(a);
  for (const other of others) {
    const b = unbox(other);
    const k2 = basicKind(b);
    let same = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') same = signedUnsignedEqual(a as Value, b as Value);
      else if (k1 === 'uint' && k2 === 'int') same = signedUnsignedEqual(b as Value, a as Value);
      else if (a !== null && b !== null) throw new GoError(INCOMPATIBLE);
    } else {
      switch (k1) {
        case 'int':
        case 'uint':
          same = bigOf(a as Value) === bigOf(b as Value);
          break;
        case 'bool':
        case 'string':
          same = (a as Value).v === (b as Value).v;
          break;
        case 'float':
          same = Number((a as Value).v) === Number((b as Value).v);
          break;
        case 'complex':
          throw new GoError(BAD_TYPE);
        default: {
          if (a !== null && b !== null && a.t.kind !== b.t.kind) {
            throw new GoError(`non-comparable types ${sprintf('%s', a)}: ${a.t.name}, ${b.t.name}: ${sprintf('%s', b)}`);
          }
          if (nilish(a) || nilish(b)) same = nilish(a) === nilish(b);
          else {
            const x = a as Value;
            const y = b as Value;
            if (!comparable(y.t)) throw new GoError(`non-comparable type ${sprintf('%s', y)}: ${y.t.name}`);
            same = sameValue(x, y);
          }
        }
      }
    }
    if (same) return true;
  }
  return false;
}

function less(first: Val, second: Val): boolean {
  const a = unbox(first);
  const k1 = basicKind(a);
  if (k1 === 'other') throw new GoError(BAD_TYPE);
  const b = unbox(second);
  const k2 = basicKind(b);
  if (k2 === 'other') throw new GoError(BAD_TYPE);
  const x = a as Value;
  const y = b as Value;
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return bigOf(x) < 0n || bigOf(x) < bigOf(y);
    if (k1 === 'uint' && k2 === 'int') return bigOf(y) >= 0n && bigOf(x) < bigOf(y);
    throw new GoError(INCOMPATIBLE);
  }
  switch (k1) {
    case 'bool':
    case 'complex':
      throw new GoError(BAD_TYPE);
    case 'float':
      return Number(x.v) < Number(y.v);
    case 'string':
      return compareStrings(x.v as string, y.v as string) < 0;
    default:
      return bigOf(x) < bigOf(y);
  }
}

function lessOrEqual(a: Val, b: Val): boolean {
  return less(a, b) || equalsAny(a, [b]);
}

// --- escaping --------------------------------------------------------------------------------

/** The text html/js/urlquery work on: a lone string as is, anything else printed like Sprint. */
function escaperInput(args: Val[]): string {
  const only = args[0];
  if (args.length === 1 && only && only.t.kind === 'string' && only.t.name === 'string') return only.v as string;
  const printable = args.map((a): Val => {
    if (a === null) return new Value(STRING, '<no value>');
    return a.t.kind === 'ptr' ? followPointers(a)[0] : a;
  });
  return sprint(...printable);
}

const HTML_ESCAPES: Record<string, string> = {
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\0': '\ufffd',
};

function htmlEscape(s: string): string {
  return s.replace(/["'&<>\0]/g, (c) => HTML_ESCAPES[c] as string);
}

const JS_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    const fixed = JS_ESCAPES[ch];
    if (fixed) out += fixed;
    else if (cp < 0x20) out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp < 0x80 || isPrint(cp)) out += ch;
    else out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8Encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (b === 0x20) out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

// --- call ------------------------------------------------------------------------------------

/** The `call` builtin: `name` is how the template spelled the callee (for messages). */
export function callValue(name: string, fnArg: Val, args: Val[]): Val {
  const fv = unbox(fnArg);
  if (fv === null) throw new GoError('call of nil');
  if (fv.t.kind !== 'func') throw new GoError(`non-function ${name} of type ${fv.t.name}`);
  const f = fv.v as GoFunc | null;
  if (!f) throw new GoError('call of nil');
  const fixed = f.variadic ? f.params.length - 1 : f.params.length;
  if (f.variadic ? args.length < fixed : args.length !== fixed) {
    const want = f.variadic ? `at least ${fixed}` : String(fixed);
    throw new GoError(`wrong number of args for ${name}: got ${args.length} want ${want}`);
  }
  const argv = args.map((a, i) => {
    const t = f.params[Math.min(i, f.params.length - 1)] as GoType;
    const v = unbox(a);
    if (t === RAW_VALUE) return a;
    if (v === null) {
      if (!t.nillable) throw new GoError(`arg ${i}: value is nil; should be of type ${t.name}`);
      return zeroValue(t);
    }
    if (!assignable(v.t, t)) throw new GoError(`arg ${i}: value has type ${v.t.name}; should be ${t.name}`);
    return v;
  });
  return resultOf(f, f.impl(argv));
}

// --- the table -------------------------------------------------------------------------------

function builtin(params: GoType[], result: GoType, impl: (a: Val[]) => unknown, variadic = false): GoFunc {
  return { params, result, impl, variadic };
}

function firstTrue(args: Val[], wanted: boolean): Val {
  for (const a of args) if (isTruthy(a) === wanted) return a;
  return args[args.length - 1] ?? null;
}

const RAW = RAW_VALUE;

/** text/template's predefined functions. */
export const BUILTINS: FuncMap = {
  and: builtin([RAW, RAW], RAW, (a) => firstTrue(a, false), true),
  or: builtin([RAW, RAW], RAW, (a) => firstTrue(a, true), true),
  not: builtin([RAW], BOOL, (a) => !isTruthy(a[0] ?? null)),
  call: builtin([RAW, RAW], RAW, (a) => callValue('', a[0] ?? null, a.slice(1)), true),
  html: builtin([IFACE], STRING, (a) => htmlEscape(escaperInput(a)), true),
  js: builtin([IFACE], STRING, (a) => jsEscape(escaperInput(a)), true),
  urlquery: builtin([IFACE], STRING, (a) => queryEscape(escaperInput(a)), true),
  index: builtin([RAW, RAW], RAW, (a) => indexInto(a[0] ?? null, a.slice(1)), true),
  slice: builtin([RAW, RAW], RAW, (a) => sliceValue(a[0] ?? null, a.slice(1)), true),
  len: builtin([RAW], INT, (a) => lengthOf(a[0] ?? null)),
  print: builtin([IFACE], STRING, (a) => sprint(...a), true),
  printf: builtin([STRING, IFACE], STRING, (a) => sprintf(String((a[0] as Value).v), ...a.slice(1)), true),
  println: builtin([IFACE], STRING, (a) => sprintln(...a), true),
  eq: builtin([RAW, RAW], BOOL, (a) => equalsAny(a[0] ?? null, a.slice(1)), true),
  ne: builtin([RAW, RAW], BOOL, (a) => !equalsAny(a[0] ?? null, [a[1] ?? null])),
  lt: builtin([RAW, RAW], BOOL, (a) => less(a[0] ?? null, a[1] ?? null)),
  le: builtin([RAW, RAW], BOOL, (a) => lessOrEqual(a[0] ?? null, a[1] ?? null)),
  gt: builtin([RAW, RAW], BOOL, (a) => !lessOrEqual(a[0] ?? null, a[1] ?? null)),
  ge: builtin([RAW, RAW], BOOL, (a) => !less(a[0] ?? null, a[1] ?? null)),
};
