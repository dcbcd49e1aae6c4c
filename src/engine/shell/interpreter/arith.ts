/**
 * Shell arithmetic (`$((…))`, `((…))`, `let`): 64-bit signed integers with C precedence, as bash's
 * expr.c evaluates them, including its error messages and "error token" reporting.
 */

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  /** Array elements (`a[i]`); without them subscripts read element 0 semantics via get/set. */
  getElement?(name: string, index: number): string | undefined;
  setElement?(name: string, index: number, value: string): void;
}

export class ArithError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArithError';
  }
}

const MAX_DEPTH = 1024;

type Op = string;

const ASSIGN_OPS = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);

/** Operators, longest first. */
const OPERATORS = [
  '<<=',
  '>>=',
  '**',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '*=',
  '/=',
  '%=',
  '+=',
  '-=',
  '&=',
  '^=',
  '|=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '&',
  '|',
  '^',
  '!',
  '~',
  '?',
  ':',
  '=',
  '(',
  ')',
  ',',
];

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

type Tok = { kind: 'num'; value: bigint; text: string } | { kind: 'name'; name: string; sub?: string } | { kind: 'op'; op: Op } | { kind: 'eof' };

class Evaluator {
  private pos = 0;
  private tok: Tok = { kind: 'eof' };
  /** Start of the most recent non-EOF token (bash's `lasttp`). */
  private lastTp = 0;
  private tokStart = 0;
  private noeval = 0;

  constructor(
    private readonly expr: string,
    private readonly vars: ArithVars,
    private readonly depth: number,
  ) {}

  private error(message: string, at = this.lastTp): never {
    const shown = this.expr.replace(/^[ \t\n]+/, '');
    throw new ArithError(`${shown}: ${message} (error token is "${this.expr.slice(at)}")`);
  }

  private next(): void {
    const s = this.expr;
    let i = this.pos;
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
    if (i >= s.length) {
      this.pos = i;
      this.tokStart = i;
      this.tok = { kind: 'eof' };
      return;
    }
    this.lastTp = i;
    this.tokStart = i;
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let j = i;
      while (j < s.length && /[0-9a-zA-Z#@_]/.test(s[j]!)) j++;
      const text = s.slice(i, j);
      this.pos = j;
      this.tok = { kind: 'num', value: this.parseNumber(text), text };
      return;
    }
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) {
      let j = i + 1;
      while (j < s.length && /[0-9a-zA-Z_]/.test(s[j]!)) j++;
      const name = s.slice(i, j);
      if (s[j] === '[') {
        let depth = 0;
        let k = j;
        for (; k < s.length; k++) {
          if (s[k] === '[') depth++;
          else if (s[k] === ']' && --depth === 0) break;
        }
        if (k < s.length) {
          this.pos = k + 1;
          this.tok = { kind: 'name', name, sub: s.slice(j + 1, k) };
          return;
        }
      }
      this.pos = j;
      this.tok = { kind: 'name', name };
      return;
    }
    const previous = this.tok;
    for (const op of OPERATORS) {
      if (s.startsWith(op, i)) {
        if ((op === '++' || op === '--') && previous.kind !== 'name') {
          // Pre-increment only when a variable name follows; otherwise two unary signs.
          let j = i + 2;
          while (j < s.length && (s[j] === ' ' || s[j] === '\t')) j++;
          if (!/[A-Za-z_]/.test(s[j] ?? '')) {
            this.pos = i + 1;
            this.tok = { kind: 'op', op: op[0]! };
            return;
          }
        }
        this.pos = i + op.length;
        this.tok = { kind: 'op', op };
        return;
      }
    }
    this.pos = i + 1;
    this.error('syntax error: invalid arithmetic operator', i);
  }

  private parseNumber(text: string): bigint {
    const tooGreat = (): never => {
      throw new ArithError(`${text}: value too great for base (error token is "${text}")`);
    };
    let base = 10;
    let digits = text;
    const hash = text.indexOf('#');
    if (hash >= 0) {
      base = Number(text.slice(0, hash));
      digits = text.slice(hash + 1);
      if (!/^[0-9]+$/.test(text.slice(0, hash)) || base < 2 || base > 64) {
        throw new ArithError(`${text}: invalid arithmetic base (error token is "${text}")`);
      }
      if (digits === '') tooGreat();
    } else if (/^0[xX]/.test(text)) {
      base = 16;
      digits = text.slice(2);
      if (digits === '') return 0n;
    } else if (text.length > 1 && text[0] === '0') {
      base = 8;
      digits = text.slice(1);
    }
    let value = 0n;
    const b = BigInt(base);
    for (const ch of digits) {
      let d: number;
      const code = ch.charCodeAt(0);
      if (code >= 48 && code <= 57) d = code - 48;
      else if (code >= 97 && code <= 122) d = code - 97 + 10;
      else if (code >= 65 && code <= 90) d = base <= 36 ? code - 65 + 10 : code - 65 + 36;
      else if (ch === '@') d = 62;
      else if (ch === '_') d = 63;
      else d = 99;
      if (d >= base) tooGreat();
      value = wrap(value * b + BigInt(d));
    }
    return value;
  }

  /** The current token (a method, so that TypeScript does not narrow it across next()). */
  private current(): Tok {
    return this.tok;
  }

  private isOp(op: Op): boolean {
    return this.tok.kind === 'op' && this.tok.op === op;
  }

  evaluate(): bigint {
    this.next();
    if (this.tok.kind === 'eof') return 0n;
    const value = this.comma();
    if (this.current().kind !== 'eof') this.error('syntax error in expression');
    return value;
  }

  private comma(): bigint {
    let value = this.assign();
    while (this.isOp(',')) {
      this.next();
      value = this.assign();
    }
    return value;
  }

  private assign(): bigint {
    if (this.tok.kind === 'name') {
      // Look ahead for an assignment operator.
      const saved = { pos: this.pos, tok: this.tok, lastTp: this.lastTp, tokStart: this.tokStart };
      const target = this.tok;
      this.next();
      const after = this.current();
      if (after.kind === 'op' && ASSIGN_OPS.has(after.op)) {
        const op = after.op;
        this.next();
        const rhs = this.assign();
        let value = rhs;
        if (op !== '=') {
          const current = this.variable(target);
          value = this.binary(op.slice(0, -1), current, rhs, this.lastTp);
        }
        this.store(target, value);
        return value;
      }
      this.pos = saved.pos;
      this.tok = saved.tok;
      this.lastTp = saved.lastTp;
      this.tokStart = saved.tokStart;
    }
    const value = this.conditional();
    if (this.tok.kind === 'op' && ASSIGN_OPS.has(this.tok.op)) this.error('attempted assignment to non-variable');
    return value;
  }

  private conditional(): bigint {
    const cond = this.logicalOr();
    if (!this.isOp('?')) return cond;
    this.next();
    if (cond === 0n) this.noeval++;
    if (this.tok.kind === 'eof') this.error('expression expected');
    const a = this.comma();
    if (cond === 0n) this.noeval--;
    if (!this.isOp(':')) this.error("`:' expected for conditional expression");
    this.next();
    if (this.current().kind === 'eof') this.error('expression expected');
    if (cond !== 0n) this.noeval++;
    const b = this.conditional();
    if (cond !== 0n) this.noeval--;
    return cond !== 0n ? a : b;
  }

  private logicalOr(): bigint {
    let left = this.logicalAnd();
    while (this.isOp('||')) {
      this.next();
      if (left !== 0n) this.noeval++;
      const right = this.logicalAnd();
      if (left !== 0n) this.noeval--;
      left = left !== 0n || right !== 0n ? 1n : 0n;
    }
    return left;
  }

  private logicalAnd(): bigint {
    let left = this.bitOr();
    while (this.isOp('&&')) {
      this.next();
      if (left === 0n) this.noeval++;
      const right = this.bitOr();
      if (left === 0n) this.noeval--;
      left = left !== 0n && right !== 0n ? 1n : 0n;
    }
    return left;
  }

  private bitOr(): bigint {
    let left = this.bitXor();
    while (this.isOp('|')) {
      this.next();
      left = left | this.bitXor();
    }
    return left;
  }

  private bitXor(): bigint {
    let left = this.bitAnd();
    while (this.isOp('^')) {
      this.next();
      left = left ^ this.bitAnd();
    }
    return left;
  }

  private bitAnd(): bigint {
    let left = this.equality();
    while (this.isOp('&')) {
      this.next();
      left = left & this.equality();
    }
    return left;
  }

  private equality(): bigint {
    let left = this.relational();
    while (this.isOp('==') || this.isOp('!=')) {
      const op = (this.tok as { op: string }).op;
      this.next();
      const right = this.relational();
      left = (op === '==' ? left === right : left !== right) ? 1n : 0n;
    }
    return left;
  }

  private relational(): bigint {
    let left = this.shift();
    while (this.isOp('<') || this.isOp('>') || this.isOp('<=') || this.isOp('>=')) {
      const op = (this.tok as { op: string }).op;
      this.next();
      const right = this.shift();
      const r = op === '<' ? left < right : op === '>' ? left > right : op === '<=' ? left <= right : left >= right;
      left = r ? 1n : 0n;
    }
    return left;
  }

  private shift(): bigint {
    let left = this.additive();
    while (this.isOp('<<') || this.isOp('>>')) {
      const op = (this.tok as { op: string }).op;
      this.next();
      const right = this.additive();
      left = this.binary(op, left, right, this.lastTp);
    }
    return left;
  }

  private additive(): bigint {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tok as { op: string }).op;
      this.next();
      const right = this.multiplicative();
      left = this.binary(op, left, right, this.lastTp);
    }
    return left;
  }

  private multiplicative(): bigint {
    let left = this.power();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.tok as { op: string }).op;
      this.next();
      let operandStart = this.tokStart;
      const right = this.power();
      while (operandStart < this.expr.length && /[ \t\n]/.test(this.expr[operandStart]!)) operandStart++;
      left = this.binary(op, left, right, operandStart);
    }
    return left;
  }

  private power(): bigint {
    const base = this.unary();
    if (this.isOp('**')) {
      this.next();
      const exponent = this.power();
      return this.binary('**', base, exponent, this.lastTp);
    }
    return base;
  }

  private binary(op: string, a: bigint, b: bigint, at: number): bigint {
    switch (op) {
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
      case '/':
      case '%':
        if (b === 0n) {
          if (this.noeval > 0) return 0n;
          this.error('division by 0', at);
        }
        if (op === '/') return wrap(a / b);
        return wrap(a % b);
      case '**':
        if (b < 0n) {
          if (this.noeval > 0) return 0n;
          this.error('exponent less than 0');
        }
        return powWrap(a, b);
      case '<<':
        return wrap(a << (b & 63n));
      case '>>':
        return wrap(a >> (b & 63n));
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      default:
        return 0n;
    }
  }

  private unary(): bigint {
    const tok = this.tok;
    if (tok.kind === 'op') {
      switch (tok.op) {
        case '-':
          this.next();
          return wrap(-this.unary());
        case '+':
          this.next();
          return this.unary();
        case '!':
          this.next();
          return this.unary() === 0n ? 1n : 0n;
        case '~':
          this.next();
          return ~this.unary();
        case '++':
        case '--': {
          this.next();
          const t = this.tok;
          if (t.kind !== 'name') this.error('syntax error: operand expected');
          const value = wrap(this.variable(t) + (tok.op === '++' ? 1n : -1n));
          this.store(t, value);
          this.next();
          return value;
        }
      }
    }
    return this.postfix();
  }

  private postfix(): bigint {
    const tok = this.tok;
    if (tok.kind === 'name') {
      this.next();
      const value = this.variable(tok);
      if (this.isOp('++') || this.isOp('--')) {
        const delta = this.isOp('++') ? 1n : -1n;
        this.store(tok, wrap(value + delta));
        this.next();
      }
      return value;
    }
    return this.primary();
  }

  private primary(): bigint {
    const tok = this.tok;
    if (tok.kind === 'num') {
      this.next();
      return tok.value;
    }
    if (tok.kind === 'op' && tok.op === '(') {
      this.next();
      const value = this.comma();
      if (!this.isOp(')')) this.error("missing `)'");
      this.next();
      return value;
    }
    this.error('syntax error: operand expected');
  }

  private subscript(sub: string): number {
    return Number(new Evaluator(sub, this.vars, this.depth + 1).evaluate());
  }

  private store(target: { name: string; sub?: string }, value: bigint): void {
    if (this.noeval > 0) return;
    if (target.sub !== undefined && this.vars.setElement) this.vars.setElement(target.name, this.subscript(target.sub), String(value));
    else this.vars.set(target.name, String(value));
  }

  private variable(target: { name: string; sub?: string }): bigint {
    const name = target.name;
    const raw = target.sub !== undefined && this.vars.getElement ? this.vars.getElement(name, this.subscript(target.sub)) : this.vars.get(name);
    if (raw === undefined || raw === '') return 0n;
    if (/^-?[0-9]+$/.test(raw.trim()) && !/^-?0[0-9]/.test(raw.trim())) return wrap(BigInt(raw.trim()));
    if (this.noeval > 0) return 0n;
    if (this.depth >= MAX_DEPTH) this.error('expression recursion level exceeded');
    return new Evaluator(raw, this.vars, this.depth + 1).evaluate();
  }
}

function powWrap(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = wrap(base);
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = wrap(result * b);
    b = wrap(b * b);
    e >>= 1n;
  }
  return result;
}

/** Evaluates an (already expanded) arithmetic expression. Throws ArithError with bash's message. */
export function evaluateArith(expr: string, vars: ArithVars): bigint {
  return new Evaluator(expr, vars, 0).evaluate();
}
