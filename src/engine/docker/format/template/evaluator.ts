/**
 * Runs a parsed template over a value and returns the text it writes.
 *
 * Errors report the node being evaluated when things went wrong (`template: :1:7: executing ""
 * at <.Name.X>: …`). Which node that is follows Go: the evaluator moves its "current node" marker
 * as it descends (statement → pipeline → command word → argument), so a failure inside a nested
 * pipeline may point at the last argument evaluated rather than at the command that failed.
 */
import { TemplateError } from '../errors';
import { formatValue } from '../go/printf';
import { goQuote } from '../go/literals';
import {
  BOOL,
  FLOAT64,
  type GoType,
  INT,
  type MethodDef,
  STRING,
  type Val,
  Value,
  assignable,
  bigOf,
  fieldOf,
  followPointers,
  isNil,
  mapKey,
  mapKeys,
  mapLookup,
  pointee,
  sliceElem,
  sliceItems,
  unbox,
  zeroValue,
} from '../go/types';
import { utf8Len } from '../go/utf8';
import { type Command, type Node, type Operand, type Pipeline, type Statement, describe } from './ast';
import { BUILTINS, type FuncMap, type GoFunc, RAW_VALUE, callValue, resultOf, isTruthy } from './functions';

/** What a map lookup of a missing key gives: no value, the zero value, or an error. */
export type MissingKey = 'default' | 'zero' | 'error';

export interface Program {
  /** the template's name: used in messages, and the definition that runs */
  readonly name: string;
  readonly source: string;
  readonly definitions: ReadonlyMap<string, readonly Statement[]>;
  readonly funcs: FuncMap;
  readonly missingKey: MissingKey;
}

/** Go's limit on nested {{template}} calls. */
const MAX_DEPTH = 100000;

const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
type Flow = typeof NORMAL | typeof BREAK | typeof CONTINUE;

const NO_ARGS: readonly Operand[] = [];

class ExecFailure extends Error {}

type Control = Extract<Statement, { kind: 'if' | 'with' | 'range' }>;

interface Variable {
  readonly name: string;
  value: Val;
}

const methodFuncs = new WeakMap<MethodDef, GoFunc>();

/** A method seen as a function taking the receiver's representation. */
function methodFunc(def: MethodDef): GoFunc {
  let f = methodFuncs.get(def);
  if (!f) {
    const params = def.params;
    const call = def.fn as (recv: unknown, ...args: unknown[]) => unknown;
    f = {
      params,
      variadic: def.variadic ?? false,
      result: def.result ?? null,
      impl: (args, recv) =>
        args.length === 0
          ? call(recv)
          : call(recv, ...args.map((a) => (a === null ? null : a.t.kind === 'interface' ? unbox(a) : a.v))),
    };
    methodFuncs.set(def, f);
  }
  return f;
}

function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function intValue(n: bigint): number | bigint {
  const x = Number(n);
  return Number.isSafeInteger(x) ? x : n;
}

function isHexInteger(text: string): boolean {
  return /^0[xX]/.test(text) && text.length > 2 && !/[pP]/.test(text);
}

/** reflect.Value.String() of a value: the text for strings, `<T Value>` otherwise. */
function valueString(v: Val): string {
  if (v === null) return '<invalid Value>';
  return v.t.kind === 'string' ? (v.v as string) : `<${v.t.name} Value>`;
}

class Execution {
  out = '';
  private at: Node;
  private vars: Variable[];
  private running: string;
  private depth = 0;
  private lastInclude: Node | null = null;

  constructor(
    private readonly p: Program,
    root: readonly Statement[],
    data: Val,
  ) {
    this.at = root[0] ?? { kind: 'text', pos: 0, text: '' };
    this.vars = [{ name: '$', value: data }];
    this.running = p.name;
  }

  // ---- errors ---------------------------------------------------------------------------------

  private location(n: Node): string {
    const before = this.p.source.slice(0, n.pos);
    const nl = before.lastIndexOf('\n');
    let line = 1;
    for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) line++;
    return `${this.p.name}:${line}:${utf8Len(before.slice(nl + 1))}`;
  }

  message(text: string): string {
    return `template: ${this.location(this.at)}: executing ${goQuote(this.running)} at <${describe(this.at)}>: ${text}`;
  }

  private fail(text: string): never {
    throw new ExecFailure(this.message(text));
  }

  tooDeep(): string {
    if (this.lastInclude) this.at = this.lastInclude;
    return this.message(`exceeded maximum template depth (${MAX_DEPTH})`);
  }

  // ---- statements -----------------------------------------------------------------------------

  runList(dot: Val, list: readonly Statement[]): Flow {
    for (const s of list) {
      const flow = this.run(dot, s);
      if (flow !== NORMAL) return flow;
    }
    return NORMAL;
  }

  private run(dot: Val, s: Statement): Flow {
    this.at = s;
    switch (s.kind) {
      case 'text':
        this.out += s.text;
        return NORMAL;
      case 'output': {
        const v = this.pipeline(dot, s.pipeline);
        if (s.pipeline.declarations.length === 0) this.write(s, v);
        return NORMAL;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.pipeline(dot, s.pipeline);
        let flow: Flow = NORMAL;
        if (isTruthy(v)) flow = this.runList(s.kind === 'with' ? v : dot, s.body);
        else if (s.otherwise) flow = this.runList(dot, s.otherwise);
        this.vars.length = mark;
        return flow;
      }
      case 'range':
        return this.range(dot, s);
      case 'include':
        this.include(dot, s);
        return NORMAL;
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
    }
  }

  private write(node: Statement, v: Val): void {
    this.at = node;
    const shown = v !== null && v.t.kind === 'ptr' ? followPointers(v)[0] : v;
    if (shown === null) {
      this.out += '<no value>';
      return;
    }
    if (shown.t.kind === 'func' && !shown.t.stringMethod) this.fail(`can't print ${describe(node)} of type ${shown.t.name}`);
    this.out += formatValue(shown);
  }

  private range(dot: Val, s: Control): Flow {
    this.at = s;
    const mark = this.vars.length;
    const [v] = followPointers(this.pipeline(dot, s.pipeline));
    const top = this.vars.length;
    const decls = s.pipeline.declarations;
    const assigns = s.pipeline.assigns;
    const once = (index: Val, elem: Val): Flow => {
      if (decls.length > 0) {
        if (assigns) this.assign((decls[0] as { name: string }).name, decls.length > 1 ? index : elem);
        else (this.vars[top - 1] as Variable).value = elem;
      }
      if (decls.length > 1) {
        if (assigns) this.assign((decls[1] as { name: string }).name, elem);
        else (this.vars[top - 2] as Variable).value = index;
      }
      const flow = this.runList(elem, s.body);
      this.vars.length = top;
      return flow;
    };
    let ran = false;
    if (v !== null) {
      const t = v.t;
      if (t.kind === 'slice') {
        const n = sliceItems(v).length;
        for (let i = 0; i < n; i++) {
          ran = true;
          if (once(new Value(INT, i), sliceElem(v, i)) === BREAK) break;
        }
      } else if (t.kind === 'map') {
        for (const k of mapKeys(v)) {
          ran = true;
          if (once(mapKey(v, k), mapLookup(v, k) ?? null) === BREAK) break;
        }
      } else if (t.integer) {
        if (decls.length > 1) this.fail(`can't use ${formatValue(v)} to iterate over more than one variable`);
        const n = bigOf(v);
        for (let i = 0n; i < n; i++) {
          ran = true;
          if (once(null, new Value(t, typeof v.v === 'bigint' ? i : Number(i))) === BREAK) break;
        }
      } else {
        this.fail(`range can't iterate over ${formatValue(v)}`);
      }
    }
    let flow: Flow = NORMAL;
    if (!ran && s.otherwise) {
      flow = this.runList(dot, s.otherwise);
      // a {{break}} there belongs to an enclosing range but ends this one (as in Go)
      if (flow === BREAK) flow = NORMAL;
    }
    this.vars.length = mark;
    return flow;
  }

  private include(dot: Val, s: Extract<Statement, { kind: 'include' }>): void {
    this.at = s;
    this.lastInclude = s;
    const body = this.p.definitions.get(s.name);
    if (!body) this.fail(`template ${goQuote(s.name)} not defined`);
    if (this.depth >= MAX_DEPTH) this.fail(`exceeded maximum template depth (${MAX_DEPTH})`);
    const v = s.pipeline ? this.pipeline(dot, s.pipeline) : null;
    const saved = { vars: this.vars, running: this.running };
    this.vars = [{ name: '$', value: v }];
    this.running = s.name;
    this.depth++;
    this.runList(v, body);
    this.depth--;
    this.vars = saved.vars;
    this.running = saved.running;
  }

  // ---- variables ------------------------------------------------------------------------------

  private lookup(name: string): Val {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) return v.value;
    }
    this.fail(`undefined variable: ${name}`);
  }

  private assign(name: string, value: Val): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) {
        v.value = value;
        return;
      }
    }
    this.fail(`undefined variable: ${name}`);
  }

  // ---- pipelines and commands -----------------------------------------------------------------

  private pipeline(dot: Val, p: Pipeline): Val {
    this.at = p;
    let v: Val | undefined;
    for (const c of p.commands) {
      v = this.command(dot, c, v);
      if (v !== null && v.t.kind === 'interface') v = v.v as Val;
    }
    const result = v ?? null;
    for (const d of p.declarations) {
      if (p.assigns) this.assign(d.name, result);
      else this.vars.push({ name: d.name, value: result });
    }
    return result;
  }

  /** `final` is the previous command's result in a pipeline (undefined when there is none). */
  private command(dot: Val, c: Command, final: Val | undefined): Val {
    const head = c.words[0] as Operand;
    const args = c.args;
    switch (head.kind) {
      case 'field':
        return this.field(dot, head, args, final);
      case 'select':
        return this.select(dot, head, args, final);
      case 'function':
        return this.callFunction(dot, head, c, args, final);
      case 'variable':
        return this.variable(dot, head, args, final);
      case 'group':
        this.noArguments(head, args, final);
        return this.pipeline(dot, head.pipeline);
    }
    this.at = head;
    this.noArguments(head, args, final);
    switch (head.kind) {
      case 'bool':
        return new Value(BOOL, head.value);
      case 'dot':
        return dot;
      case 'nil':
        return this.fail('nil is not a command');
      case 'number':
        return this.constant(head);
      case 'string':
        return new Value(STRING, head.value);
    }
  }

  private noArguments(head: Operand, args: readonly Operand[], final: Val | undefined): void {
    if (args.length > 0 || final !== undefined) this.fail(`can't give argument to non-function ${describe(head)}`);
  }

  /** A number literal where nothing says which type it should be: int, or float64 if it looks like one. */
  private constant(n: Extract<Operand, { kind: 'number' }>): Val {
    this.at = n;
    const { facts, text } = n;
    if (facts.float !== undefined && !isHexInteger(text) && !text.startsWith("'") && /[.eEpP]/.test(text)) {
      return new Value(FLOAT64, facts.float);
    }
    if (facts.int !== undefined) return new Value(INT, intValue(facts.int));
    if (facts.uint !== undefined) this.fail(`${text} overflows int`);
    return null;
  }

  private field(dot: Val, f: Extract<Operand, { kind: 'field' }>, args: readonly Operand[], final: Val | undefined): Val {
    this.at = f;
    return this.path(dot, dot, f, f.path, args, final);
  }

  private select(dot: Val, s: Extract<Operand, { kind: 'select' }>, args: readonly Operand[], final: Val | undefined): Val {
    this.at = s;
    const base = this.argument(dot, null, s.target);
    return this.path(dot, base, s, s.path, args, final);
  }

  private variable(
    dot: Val,
    v: Extract<Operand, { kind: 'variable' }>,
    args: readonly Operand[],
    final: Val | undefined,
  ): Val {
    this.at = v;
    const value = this.lookup(v.name);
    if (v.path.length === 0) {
      this.noArguments(v, args, final);
      return value;
    }
    return this.path(dot, value, v, v.path, args, final);
  }

  private path(
    dot: Val,
    recv: Val,
    node: Node,
    names: readonly string[],
    args: readonly Operand[],
    final: Val | undefined,
  ): Val {
    const last = names.length - 1;
    for (let i = 0; i < last; i++) recv = this.member(dot, names[i] as string, node, NO_ARGS, undefined, recv);
    return this.member(dot, names[last] as string, node, args, final, recv);
  }

  /** `.name` on recv: a method call, a struct field or a map entry. */
  private member(
    dot: Val,
    name: string,
    node: Node,
    args: readonly Operand[],
    final: Val | undefined,
    recv: Val,
  ): Val {
    if (recv === null) {
      if (this.p.missingKey === 'error') this.fail(`nil data; no entry for key ${goQuote(name)}`);
      return null;
    }
    const declared = recv.t;
    const [target, nilPointer] = followPointers(recv);
    const r = target as Value;
    if (r.t.kind === 'interface' && nilPointer) this.fail(`nil pointer evaluating ${declared.name}.${name}`);
    if (!nilPointer) {
      const m = r.t.method(name);
      if (m) return this.invoke(dot, methodFunc(m), false, node, name, args, final, r.v);
    }
    const withArgs = args.length > 0 || final !== undefined;
    switch (r.t.kind) {
      case 'struct': {
        const f = r.t.field(name);
        if (!f) break;
        if (!f.exported) this.fail(`${name} is an unexported field of struct type ${declared.name}`);
        if (withArgs) this.fail(`${name} has arguments but cannot be invoked as function`);
        return fieldOf(r, f);
      }
      case 'map': {
        const key = r.t.key as GoType;
        if (key.name !== 'string' && key.kind !== 'interface') break;
        if (withArgs) this.fail(`${name} is not a method but has arguments`);
        const found = mapLookup(r, name);
        if (found !== undefined) return found;
        if (this.p.missingKey === 'error') this.fail(`map has no entry for key ${goQuote(name)}`);
        return this.p.missingKey === 'zero' ? zeroValue(r.t.elem as GoType) : null;
      }
      case 'ptr': {
        const elem = r.t.elem as GoType;
        if (elem.kind === 'struct' && !elem.field(name)) break;
        if (nilPointer) this.fail(`nil pointer evaluating ${declared.name}.${name}`);
        break;
      }
    }
    this.fail(`can't evaluate field ${name} in type ${declared.name}`);
  }

  private callFunction(
    dot: Val,
    ident: Extract<Operand, { kind: 'function' }>,
    node: Node,
    args: readonly Operand[],
    final: Val | undefined,
  ): Val {
    this.at = ident;
    const name = ident.name;
    const user = own(this.p.funcs, name);
    const fn = user ?? own(BUILTINS, name);
    if (!fn) this.fail(`${goQuote(name)} is not a defined function`);
    return this.invoke(dot, fn, user === undefined, node, name, args, final);
  }

  private invoke(
    dot: Val,
    fn: GoFunc,
    builtin: boolean,
    node: Node,
    name: string,
    args: readonly Operand[],
    final: Val | undefined,
    recv?: unknown,
  ): Val {
    const given = args.length + (final !== undefined ? 1 : 0);
    const count = fn.params.length;
    let fixed = args.length;
    if (fn.variadic) {
      fixed = count - 1;
      if (given < fixed) this.fail(`wrong number of args for ${name}: want at least ${count - 1} got ${args.length}`);
    } else if (given !== count) {
      this.fail(`wrong number of args for ${name}: want ${count} got ${given}`);
    }

    if (builtin && (name === 'and' || name === 'or')) {
      // short-circuit: later arguments are not evaluated
      const wanted = name === 'or';
      let v: Val = null;
      for (const a of args) {
        v = this.argument(dot, RAW_VALUE, a);
        if (isTruthy(v) === wanted) return v;
      }
      if (final !== undefined) v = this.conform(final, RAW_VALUE);
      return v;
    }

    // each argument is checked against its parameter; interface parameters get the dynamic value
    const vals: Val[] = new Array<Val>(given);
    const put = (k: number, t: GoType, v: Val): void => {
      vals[k] = t.kind === 'interface' ? unbox(v) : v;
    };
    let i = 0;
    for (; i < fixed && i < args.length; i++) {
      const t = fn.params[i] as GoType;
      put(i, t, this.argument(dot, t, args[i] as Operand));
    }
    if (fn.variadic) {
      const t = fn.params[count - 1] as GoType;
      for (; i < args.length; i++) put(i, t, this.argument(dot, t, args[i] as Operand));
    }
    if (final !== undefined) {
      const t = (fn.variadic && given - 1 < fixed ? fn.params[given - 1] : fn.params[count - 1]) as GoType;
      put(i, t, this.conform(final, t));
    }

    let ret: unknown;
    try {
      if (builtin && name === 'call') {
        const callee = args.length > 0 ? describe(args[0] as Operand) : valueString(final ?? null);
        return callValue(callee, vals[0] ?? null, vals.slice(1));
      }
      ret = fn.impl(vals, recv);
    } catch (e) {
      if (e instanceof ExecFailure) throw e;
      this.at = node;
      this.fail(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return resultOf(fn, ret);
  }

  // ---- arguments ------------------------------------------------------------------------------

  /** Evaluate an argument for a parameter of type t (null: no particular type). */
  private argument(dot: Val, t: GoType | null, n: Operand): Val {
    this.at = n;
    switch (n.kind) {
      case 'dot':
        return this.conform(dot, t);
      case 'nil':
        if (t === null || t === RAW_VALUE) return null;
        if (t.nillable) return zeroValue(t);
        return this.fail(`cannot assign nil to ${t.name}`);
      case 'field':
        return this.conform(this.field(dot, n, NO_ARGS, undefined), t);
      case 'variable':
        return this.conform(this.variable(dot, n, NO_ARGS, undefined), t);
      case 'group':
        return this.conform(this.pipeline(dot, n.pipeline), t);
      case 'function':
        return this.conform(this.callFunction(dot, n, n, NO_ARGS, undefined), t);
      case 'select':
        return this.conform(this.select(dot, n, NO_ARGS, undefined), t);
    }
    if (t === null || t === RAW_VALUE || t.kind === 'interface') {
      if (n.kind === 'bool') return new Value(BOOL, n.value);
      if (n.kind === 'string') return new Value(STRING, n.value);
      return this.constant(n);
    }
    const found = describe(n);
    if (t.kind === 'bool') {
      if (n.kind === 'bool') return new Value(t, n.value);
      this.fail(`expected bool; found ${found}`);
    }
    if (t.kind === 'string') {
      if (n.kind === 'string') return new Value(t, n.value);
      this.fail(`expected string; found ${found}`);
    }
    if (t.float) {
      if (n.kind === 'number' && n.facts.float !== undefined) return new Value(t, n.facts.float);
      this.fail(`expected float; found ${found}`);
    }
    if (t.signed) {
      if (n.kind === 'number' && n.facts.int !== undefined) return new Value(t, intValue(n.facts.int));
      this.fail(`expected integer; found ${found}`);
    }
    if (t.unsigned) {
      if (n.kind === 'number' && n.facts.uint !== undefined) return new Value(t, intValue(n.facts.uint));
      this.fail(`expected unsigned integer; found ${found}`);
    }
    if (t.kind === 'complex128') this.fail(`expected complex; found ${found}`);
    this.fail(`can't handle ${found} for arg of type ${t.name}`);
  }

  /** Check (and where Go would, adapt) a computed value for a parameter of type t. */
  private conform(v: Val, t: GoType | null): Val {
    if (v === null) {
      if (t === null || t === RAW_VALUE) return null;
      if (t.nillable) return zeroValue(t);
      this.fail(`invalid value; expected ${t.name}`);
    }
    if (t === null || t === RAW_VALUE || assignable(v.t, t)) return v;
    let cur = v;
    if (cur.t.kind === 'interface' && !isNil(cur)) {
      cur = cur.v as Value;
      if (assignable(cur.t, t)) return cur;
    }
    if (cur.t.kind === 'ptr' && assignable(cur.t.elem as GoType, t)) {
      const target = pointee(cur);
      if (target === null) this.fail(`dereference of nil pointer of type ${t.name}`);
      return target;
    }
    this.fail(`wrong type for value; expected ${t.name}; got ${cur.t.name}`);
  }
}

/** Execute the program's main definition over data. Throws TemplateError('exec'). */
export function execute(p: Program, data: Val): string {
  const root = p.definitions.get(p.name) ?? [];
  const run = new Execution(p, root, data);
  try {
    run.runList(data, root);
  } catch (e) {
    if (e instanceof ExecFailure) throw new TemplateError(e.message, 'exec', run.out);
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new TemplateError(run.tooDeep(), 'exec', run.out);
    }
    throw e;
  }
  return run.out;
}
