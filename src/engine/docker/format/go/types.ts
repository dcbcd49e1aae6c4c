/**
 * Typed values for templates: what a Go program would hand to text/template, modelled over plain
 * JS data. A `Value` pairs a `GoType` (spelled the Go way, so messages can say
 * `*formatter.ContainerContext`, `[]string`, `interface {}`) with a JS representation:
 *
 *   bool / numbers / string   the JS primitive (int64 beyond 2^53 as bigint)
 *   slice                     an array, or null when nil
 *   map                       a plain object keyed by the key's text, or null when nil
 *   struct                    a plain object of fields by name (a missing field is its zero value)
 *   pointer                   the pointee's representation, or null when nil
 *   interface                 the dynamic Value inside, or null when nil
 *   func                      a callable (see template functions), or null
 *
 * Inside composite data an element may be a `Value` (explicitly typed) or plain JS data read as
 * the declared element type. `null` as a Val is Go's invalid reflect.Value ("no value").
 */
import { compareStrings } from './utf8';

export type Kind =
  | 'bool'
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'uintptr'
  | 'float32'
  | 'float64'
  | 'complex128'
  | 'string'
  | 'slice'
  | 'map'
  | 'struct'
  | 'ptr'
  | 'interface'
  | 'func';

const SIGNED: ReadonlySet<Kind> = new Set<Kind>(['int', 'int8', 'int16', 'int32', 'int64']);
const UNSIGNED: ReadonlySet<Kind> = new Set<Kind>(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);
const NILLABLE: ReadonlySet<Kind> = new Set<Kind>(['slice', 'map', 'ptr', 'interface', 'func']);

export interface FieldDef {
  readonly name: string;
  readonly type: GoType;
  readonly exported: boolean;
  /** the key encoding/json writes, or null when the field is skipped */
  readonly jsonName: string | null;
  readonly omitEmpty: boolean;
}

/**
 * A method templates can call (`{{.ID}}`, `{{.Label "x"}}`). `fn` receives the receiver's JS
 * representation and the arguments' (an interface parameter receives the Val itself) and returns
 * the result's JS representation or a Value. Throwing GoError is returning a non-nil error.
 */
export interface MethodDef {
  readonly params: readonly GoType[];
  readonly variadic?: boolean;
  /** result type; when absent the type is read from the returned JS value */
  readonly result?: GoType;
  readonly fn: (recv: never, ...args: never[]) => unknown;
}

/** An error returned by a Go function or method (the text is what Go's err.Error() says). */
export class GoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoError';
  }
}

export interface TypeOptions {
  methods?: Record<string, MethodDef>;
  /** a String() method: %v, %s, %q, %x and printing use it */
  stringer?: (v: never) => string;
  /** a MarshalJSON() method: its compact JSON text */
  marshalJSON?: (v: never) => string;
  /** how %v shows a struct whose fields are not modelled: the text between the braces */
  goString?: (v: never) => string;
}

interface TypeInit extends TypeOptions {
  kind: Kind;
  name: string;
  named: boolean;
  /** spelling of the underlying type (defaults to the name) */
  underlying?: string;
  elem?: GoType;
  key?: GoType;
  fields?: readonly FieldDef[];
}

export class GoType {
  readonly kind: Kind;
  readonly name: string;
  /** a defined type (predeclared, struct, or made with namedType) rather than a type literal */
  readonly named: boolean;
  readonly underlying: string;
  readonly elem: GoType | undefined;
  readonly key: GoType | undefined;
  readonly fields: readonly FieldDef[];
  readonly methods: ReadonlyMap<string, MethodDef>;
  readonly stringer: ((v: unknown) => string) | undefined;
  readonly marshalJSON: ((v: unknown) => string) | undefined;
  readonly goString: ((v: unknown) => string) | undefined;
  readonly signed: boolean;
  readonly unsigned: boolean;
  readonly float: boolean;
  readonly nillable: boolean;
  private readonly fieldIndex: ReadonlyMap<string, FieldDef>;
  private pointerType: GoType | undefined;

  constructor(init: TypeInit) {
    this.kind = init.kind;
    this.name = init.name;
    this.named = init.named;
    this.underlying = init.underlying ?? init.name;
    this.elem = init.elem;
    this.key = init.key;
    this.fields = init.fields ?? [];
    this.methods = new Map(Object.entries(init.methods ?? {}));
    this.stringer = init.stringer as ((v: unknown) => string) | undefined;
    this.marshalJSON = init.marshalJSON as ((v: unknown) => string) | undefined;
    this.goString = init.goString as ((v: unknown) => string) | undefined;
    this.signed = SIGNED.has(init.kind);
    this.unsigned = UNSIGNED.has(init.kind);
    this.float = init.kind === 'float64' || init.kind === 'float32';
    this.nillable = NILLABLE.has(init.kind);
    this.fieldIndex = new Map(this.fields.map((f) => [f.name, f]));
  }

  field(name: string): FieldDef | undefined {
    return this.fieldIndex.get(name);
  }

  /** A method in this type's method set (a pointer has its element's methods too). */
  method(name: string): MethodDef | undefined {
    return this.methods.get(name) ?? (this.kind === 'ptr' ? this.elem?.methods.get(name) : undefined);
  }

  /** The String() method seen through this type. */
  get stringMethod(): ((v: unknown) => string) | undefined {
    return this.stringer ?? (this.kind === 'ptr' ? this.elem?.stringer : undefined);
  }

  /** The MarshalJSON() method seen through this type. */
  get jsonMethod(): ((v: unknown) => string) | undefined {
    return this.marshalJSON ?? (this.kind === 'ptr' ? this.elem?.marshalJSON : undefined);
  }

  get integer(): boolean {
    return this.signed || this.unsigned;
  }

  /** *T */
  ptr(): GoType {
    this.pointerType ??= new GoType({ kind: 'ptr', name: '*' + this.name, named: false, elem: this });
    return this.pointerType;
  }

  toString(): string {
    return this.name;
  }
}

export class Value {
  constructor(
    readonly t: GoType,
    readonly v: unknown,
  ) {}
}

/** A value, or null for Go's invalid reflect.Value. */
export type Val = Value | null;

const PREDECLARED: Record<string, GoType> = {};
for (const k of [
  'bool',
  'int',
  'int8',
  'int16',
  'int32',
  'int64',
  'uint',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
  'uintptr',
  'float32',
  'float64',
  'complex128',
  'string',
] as const) {
  PREDECLARED[k] = new GoType({ kind: k, name: k, named: true });
}
PREDECLARED['byte'] = PREDECLARED['uint8'] as GoType;
PREDECLARED['rune'] = PREDECLARED['int32'] as GoType;

export const BOOL = PREDECLARED['bool'] as GoType;
export const INT = PREDECLARED['int'] as GoType;
export const INT32 = PREDECLARED['int32'] as GoType;
export const INT64 = PREDECLARED['int64'] as GoType;
export const UINT8 = PREDECLARED['uint8'] as GoType;
export const UINT64 = PREDECLARED['uint64'] as GoType;
export const FLOAT64 = PREDECLARED['float64'] as GoType;
export const STRING = PREDECLARED['string'] as GoType;
export const IFACE = new GoType({ kind: 'interface', name: 'interface {}', named: false });

const slices = new WeakMap<GoType, GoType>();
const maps = new WeakMap<GoType, WeakMap<GoType, GoType>>();

export function sliceOf(elem: GoType): GoType {
  let t = slices.get(elem);
  if (!t) {
    t = new GoType({ kind: 'slice', name: '[]' + elem.name, named: false, elem });
    slices.set(elem, t);
  }
  return t;
}

export function mapOf(key: GoType, elem: GoType): GoType {
  let byElem = maps.get(key);
  if (!byElem) {
    byElem = new WeakMap();
    maps.set(key, byElem);
  }
  let t = byElem.get(elem);
  if (!t) {
    t = new GoType({ kind: 'map', name: `map[${key.name}]${elem.name}`, named: false, key, elem });
    byElem.set(elem, t);
  }
  return t;
}

export function ptrTo(elem: GoType): GoType {
  return elem.ptr();
}

export const SLICE_STRING = sliceOf(STRING);
export const SLICE_IFACE = sliceOf(IFACE);
export const MAP_STRING_STRING = mapOf(STRING, STRING);
export const MAP_STRING_IFACE = mapOf(STRING, IFACE);

/** A Go type spelled from predeclared types: `string`, `[]string`, `map[string]string`, `*int`, `interface {}`/`any`. */
export function parseType(spec: string): GoType {
  const s = spec.trim();
  if (s === 'any' || s === 'interface {}' || s === 'interface{}') return IFACE;
  const p = PREDECLARED[s];
  if (p) return p;
  if (s.startsWith('[]')) return sliceOf(parseType(s.slice(2)));
  if (s.startsWith('*')) return ptrTo(parseType(s.slice(1)));
  if (s.startsWith('map[')) {
    let depth = 0;
    for (let i = 3; i < s.length; i++) {
      if (s[i] === '[') depth++;
      else if (s[i] === ']' && --depth === 0) return mapOf(parseType(s.slice(4, i)), parseType(s.slice(i + 1)));
    }
  }
  throw new Error(`unsupported Go type spelling: ${spec}`);
}

export type TypeSpec = GoType | string;

export function toType(spec: TypeSpec): GoType {
  return typeof spec === 'string' ? parseType(spec) : spec;
}

/** A field: its type, or its type and json tag (`'name,omitempty'`, `',omitempty'`, `'-'`). */
export type FieldSpec = TypeSpec | { type: TypeSpec; json?: string };

const UPPER_START = /^\p{Lu}/u;

/**
 * A named struct type. Field order is the declaration order (%v and JSON follow it); fields
 * starting with a lower-case letter are unexported (templates cannot read them, JSON skips them).
 */
export function structType(name: string, fields: Record<string, FieldSpec>, opts: TypeOptions = {}): GoType {
  const defs: FieldDef[] = Object.entries(fields).map(([fname, spec]) => {
    const detailed = typeof spec === 'object' && !(spec instanceof GoType);
    const type = toType(detailed ? spec.type : spec);
    const exported = UPPER_START.test(fname);
    let jsonName: string | null = fname;
    let omitEmpty = false;
    const tag = detailed ? spec.json : undefined;
    if (tag === '-') jsonName = null;
    else if (tag !== undefined) {
      const [n, ...flags] = tag.split(',');
      if (n) jsonName = n;
      omitEmpty = flags.includes('omitempty');
    }
    if (!exported) jsonName = null;
    return { name: fname, type, exported, jsonName, omitEmpty };
  });
  return new GoType({ ...opts, kind: 'struct', name, named: true, underlying: `struct ${name}`, fields: defs });
}

/** A defined type over another, e.g. `strslice.StrSlice` over `[]string`. */
export function namedType(name: string, underlying: TypeSpec, opts: TypeOptions = {}): GoType {
  const u = toType(underlying);
  return new GoType({
    ...opts,
    kind: u.kind,
    name,
    named: true,
    underlying: u.underlying,
    elem: u.elem,
    key: u.key,
    fields: u.fields,
  });
}

/** Go's assignability for the types modelled here. */
export function assignable(from: GoType, to: GoType): boolean {
  if (from === to || to.kind === 'interface') return true;
  if (from.kind !== to.kind || from.underlying !== to.underlying) return false;
  return from.name === to.name || !from.named || !to.named;
}

/** The representation of a type's zero value. */
export function zeroRepr(t: GoType): unknown {
  switch (t.kind) {
    case 'bool':
      return false;
    case 'string':
      return '';
    case 'struct':
      return {};
    default:
      return t.nillable ? null : 0;
  }
}

export function zeroValue(t: GoType): Value {
  return new Value(t, t.kind === 'interface' ? null : zeroRepr(t));
}

/** An interface value holding v. */
export function box(v: Val): Value {
  return new Value(IFACE, v);
}

/** The dynamic value inside interfaces (unchanged for other values). */
export function unbox(v: Val): Val {
  while (v !== null && v.t.kind === 'interface') v = v.v as Val;
  return v;
}

/** The type Go gives plain JS data stored in an interface{}. */
export function infer(js: unknown): Val {
  if (js instanceof Value) return js;
  switch (typeof js) {
    case 'string':
      return new Value(STRING, js);
    case 'number':
      // an integral number an int64 can hold is an int; anything else a float64
      return new Value(Number.isInteger(js) && Math.abs(js) < 2 ** 63 ? INT : FLOAT64, js);
    case 'boolean':
      return new Value(BOOL, js);
    case 'bigint':
      return new Value(INT64, js);
    case 'object':
      if (js === null) return null;
      return new Value(Array.isArray(js) ? SLICE_IFACE : MAP_STRING_IFACE, js);
    default:
      return null;
  }
}

/** A value of declared type t from its representation (undefined: the zero value). */
export function typed(t: GoType, js: unknown): Value {
  if (t.kind === 'interface') {
    if (js instanceof Value) return js.t.kind === 'interface' ? js : box(js);
    return box(infer(js));
  }
  if (js instanceof Value) return js;
  if (js === undefined || (js === null && !t.nillable)) return zeroValue(t);
  return new Value(t, js);
}

/** A Go value of an explicit type over JS data. */
export function goValue(type: TypeSpec, v: unknown): Value {
  return typed(toType(type), v);
}

/** What a function or method returned, as a value of its declared result type. */
export function toResult(t: GoType | null | undefined, ret: unknown): Val {
  if (!t) return infer(ret);
  return typed(t, ret);
}

export function isNil(v: Value): boolean {
  return v.t.nillable && (v.v === null || v.v === undefined);
}

/** Through pointers and interfaces; stops at a nil one, returned with `true`. */
export function followPointers(v: Val): [Val, boolean] {
  while (v !== null && (v.t.kind === 'ptr' || v.t.kind === 'interface')) {
    if (isNil(v)) return [v, true];
    v = v.t.kind === 'interface' ? (v.v as Val) : typed(v.t.elem as GoType, v.v);
  }
  return [v, false];
}

/** The element a non-nil pointer points at (null for a nil pointer). */
export function pointee(v: Value): Val {
  return isNil(v) ? null : typed(v.t.elem as GoType, v.v);
}

export function fieldOf(v: Value, f: FieldDef): Value {
  const obj = v.v as Record<string, unknown> | null;
  return typed(f.type, obj ? obj[f.name] : undefined);
}

/** The elements of a slice (empty for nil). */
export function sliceItems(v: Value): readonly unknown[] {
  return (v.v as unknown[] | null) ?? [];
}

export function sliceElem(v: Value, i: number): Value {
  return typed(v.t.elem as GoType, sliceItems(v)[i]);
}

function mapObject(v: Value): Record<string, unknown> {
  return (v.v as Record<string, unknown> | null) ?? {};
}

export function mapSize(v: Value): number {
  return Object.keys(mapObject(v)).length;
}

/** Keys in the order Go prints and ranges over them (numbers numerically, strings bytewise). */
export function mapKeys(v: Value): string[] {
  const keys = Object.keys(mapObject(v));
  const k = v.t.key as GoType;
  if (k.integer || k.float) return keys.sort((a, b) => Number(a) - Number(b));
  if (k.kind === 'bool') return keys.sort();
  return keys.sort(compareStrings);
}

export function mapKey(v: Value, key: string): Value {
  const k = v.t.key as GoType;
  if (k.integer || k.float) return new Value(k, Number(key));
  if (k.kind === 'bool') return new Value(k, key === 'true');
  return new Value(k, key);
}

/** The element stored under `key`, or undefined when there is none. */
export function mapLookup(v: Value, key: string): Value | undefined {
  const obj = v.v as Record<string, unknown> | null;
  if (!obj || !Object.prototype.hasOwnProperty.call(obj, key)) return undefined;
  return typed(v.t.elem as GoType, obj[key]);
}

/** The number of an integer or float value. */
export function num(v: Value): number {
  return Number(v.v);
}

/** The exact integer of an integer value. */
export function bigOf(v: Value): bigint {
  const x = v.v;
  return typeof x === 'bigint' ? x : BigInt(Math.trunc(Number(x)));
}
