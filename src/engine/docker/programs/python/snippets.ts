/**
 * The little Python the simulator understands outside the lesson's scripts: `python -c` and the
 * interactive prompt accept imports of torch/numpy/sys/platform and print() or bare expressions of
 * literals, simple arithmetic, and a few attributes (torch.__version__, torch.cuda.is_available()).
 * Anything else is refused honestly.
 */
import type { ProcessContext } from '../../../process';
import { gpuOf } from '../system';
import { findModule, pyNumber } from './install';
import type { PythonInstall } from './install';
import { formatTraceback } from './traceback';

type Value = { kind: 'str'; v: string } | { kind: 'num'; v: number; int: boolean } | { kind: 'bool'; v: boolean } | { kind: 'none' };

export class Unsupported extends Error {}

/** A Python-level exception to print as a traceback. */
export class PyError extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

export interface SnippetEnv {
  ctx: ProcessContext;
  py: PythonInstall;
  imported: Map<string, string>;
}

function repr(v: Value): string {
  switch (v.kind) {
    case 'str':
      return v.v.includes("'") && !v.v.includes('"') ? `"${v.v}"` : `'${v.v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
    case 'num':
      return numStr(v);
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'none':
      return 'None';
  }
}

function numStr(v: { v: number; int: boolean }): string {
  if (v.int) return String(v.v);
  if (Number.isInteger(v.v) && Math.abs(v.v) < 1e16) return `${v.v}.0`;
  return String(v.v);
}

export function str(v: Value): string {
  return v.kind === 'str' ? v.v : repr(v);
}

function unescape(body: string): string {
  return body.replace(/\\(n|t|\\|'|")/g, (_, c: string) => ({ n: '\n', t: '\t', '\\': '\\', "'": "'", '"': '"' })[c] ?? c);
}

class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly env: SnippetEnv,
  ) {}

  private ws(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }

  done(): boolean {
    this.ws();
    return this.i >= this.s.length;
  }

  expr(): Value {
    let left = this.term();
    for (;;) {
      this.ws();
      const op = this.s[this.i];
      if (op !== '+' && op !== '-') return left;
      this.i++;
      const right = this.term();
      left = arith(op, left, right);
    }
  }

  private term(): Value {
    let left = this.atom();
    for (;;) {
      this.ws();
      const two = this.s.slice(this.i, this.i + 2);
      const op = two === '**' || two === '//' ? two : this.s[this.i];
      if (op !== '*' && op !== '/' && op !== '//' && op !== '**' && op !== '%') return left;
      this.i += op.length;
      const right = this.atom();
      left = arith(op, left, right);
    }
  }

  private atom(): Value {
    this.ws();
    const rest = this.s.slice(this.i);
    let m: RegExpExecArray | null;
    if ((m = /^(['"])((?:\\.|(?!\1).)*)\1/.exec(rest))) {
      this.i += m[0].length;
      return { kind: 'str', v: unescape(m[2]!) };
    }
    if ((m = /^\d+\.\d*(e[+-]?\d+)?|^\d+e[+-]?\d+|^\.\d+/i.exec(rest))) {
      this.i += m[0].length;
      return { kind: 'num', v: Number(m[0]), int: false };
    }
    if ((m = /^\d+/.exec(rest))) {
      this.i += m[0].length;
      return { kind: 'num', v: Number(m[0]), int: true };
    }
    if (rest.startsWith('(')) {
      this.i++;
      const v = this.expr();
      this.ws();
      if (this.s[this.i] !== ')') throw new Unsupported();
      this.i++;
      return v;
    }
    if (rest.startsWith('-')) {
      this.i++;
      const v = this.atom();
      if (v.kind !== 'num') throw new Unsupported();
      return { ...v, v: -v.v };
    }
    if ((m = /^(True|False|None)\b/.exec(rest))) {
      this.i += m[0].length;
      return m[1] === 'None' ? { kind: 'none' } : { kind: 'bool', v: m[1] === 'True' };
    }
    if ((m = /^([A-Za-z_][\w.]*)(\(\s*(0?)\s*\))?/.exec(rest))) {
      this.i += m[0].length;
      return attribute(this.env, m[1]!, m[2] !== undefined);
    }
    throw new Unsupported();
  }

  /** print(a, b, …) arguments. */
  args(): Value[] {
    const out: Value[] = [];
    this.ws();
    if (this.s[this.i] === ')') return out;
    for (;;) {
      out.push(this.expr());
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      return out;
    }
  }

  expect(c: string): void {
    this.ws();
    if (this.s[this.i] !== c) throw new Unsupported();
    this.i++;
  }
}

function arith(op: string, a: Value, b: Value): Value {
  if (op === '+' && a.kind === 'str' && b.kind === 'str') return { kind: 'str', v: a.v + b.v };
  if (op === '*' && a.kind === 'str' && b.kind === 'num' && b.int) return { kind: 'str', v: a.v.repeat(Math.max(0, b.v)) };
  if (a.kind !== 'num' || b.kind !== 'num') throw new Unsupported();
  const int = a.int && b.int;
  switch (op) {
    case '+':
      return { kind: 'num', v: a.v + b.v, int };
    case '-':
      return { kind: 'num', v: a.v - b.v, int };
    case '*':
      return { kind: 'num', v: a.v * b.v, int };
    case '/':
      if (b.v === 0) throw new PyError('ZeroDivisionError: division by zero');
      return { kind: 'num', v: a.v / b.v, int: false };
    case '//':
      if (b.v === 0) throw new PyError(int ? 'ZeroDivisionError: integer division or modulo by zero' : 'ZeroDivisionError: float floor division by zero');
      return { kind: 'num', v: Math.floor(a.v / b.v), int };
    case '%':
      if (b.v === 0) throw new PyError(int ? 'ZeroDivisionError: integer modulo by zero' : 'ZeroDivisionError: float modulo');
      return { kind: 'num', v: a.v - Math.floor(a.v / b.v) * b.v, int };
    case '**':
      return { kind: 'num', v: a.v ** b.v, int: int && b.v >= 0 };
    default:
      throw new Unsupported();
  }
}

function attribute(env: SnippetEnv, name: string, called: boolean): Value {
  const [head, ...rest] = name.split('.');
  const module = env.imported.get(head!);
  if (!module) {
    if (['torch', 'numpy', 'np', 'sys', 'platform'].includes(head!)) throw new PyError(`NameError: name '${head}' is not defined`);
    throw new Unsupported();
  }
  const path = [module, ...rest].join('.');
  const torch = () => findModule(env.ctx.fs, env.py, 'torch');
  switch (path + (called ? '()' : '')) {
    case 'torch.__version__':
      return { kind: 'str', v: torch()?.version ?? '' };
    case 'torch.version.cuda': {
      const c = torch()?.cuda;
      return c ? { kind: 'str', v: c } : { kind: 'none' };
    }
    case 'torch.cuda.is_available()':
      return { kind: 'bool', v: Boolean(torch()?.cuda && gpuOf(env.ctx)) };
    case 'torch.cuda.device_count()':
      return { kind: 'num', v: torch()?.cuda && gpuOf(env.ctx) ? 1 : 0, int: true };
    case 'torch.cuda.get_device_name()':
    case 'torch.cuda.get_device_name(0)': {
      const gpu = torch()?.cuda ? gpuOf(env.ctx) : null;
      if (!gpu) throw new PyError('RuntimeError: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx');
      return { kind: 'str', v: gpu.name };
    }
    case 'numpy.__version__':
      return { kind: 'str', v: findModule(env.ctx.fs, env.py, 'numpy')?.version ?? '' };
    case 'sys.version':
      return { kind: 'str', v: `${env.py.version} ${banner(env.py).split('\n')[0]!.replace(/^Python \S+ /, '')}` };
    case 'sys.executable':
      return { kind: 'str', v: env.py.executable };
    case 'sys.prefix':
      return { kind: 'str', v: env.py.prefix };
    case 'platform.python_version()':
      return { kind: 'str', v: env.py.version };
    default:
      throw new Unsupported();
  }
}

/** The first line of the interactive banner (and sys.version's tail). */
export function banner(py: PythonInstall, built = 'Aug  5 2026, 01:10:11'): string {
  const gcc = py.conda ? '[GCC 7.5.0] :: Anaconda, Inc.' : py.minorNumber <= 7 ? '[GCC 10.2.1 20210110]' : py.minorNumber >= 11 ? '[GCC 14.2.0]' : '[GCC 12.2.0]';
  const head = py.conda ? `Python ${py.version} (default, ${built}) \n${gcc} on linux` : `Python ${py.version} (main, ${built}) ${gcc} on linux`;
  return `${head}\nType "help", "copyright", "credits" or "license" for more information.\n`;
}

export type StatementResult = { output: string } | { exit: number };

/**
 * Runs one logical line (statements separated by `;`). `interactive` echoes the repr of bare
 * expressions, as the prompt does. Throws Unsupported or PyError.
 */
export function runStatements(env: SnippetEnv, line: string, interactive: boolean): StatementResult {
  let output = '';
  for (const raw of splitStatements(line)) {
    const s = raw.trim();
    if (!s || s.startsWith('#')) continue;
    let m: RegExpExecArray | null;
    if ((m = /^import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)$/.exec(s))) {
      for (const part of m[1]!.split(',')) {
        const [mod, alias] = part.trim().split(/\s+as\s+/);
        importModule(env, mod!, alias ?? mod!.split('.')[0]!);
      }
      continue;
    }
    if ((m = /^(exit|quit)\s*\(\s*(\d*)\s*\)$/.exec(s))) return { exit: m[2] ? Number(m[2]) : 0 };
    if ((m = /^sys\.exit\s*\(\s*(\d*)\s*\)$/.exec(s)) && env.imported.get('sys') === 'sys') return { exit: m[1] ? Number(m[1]) : 0 };
    if (/^print\s*\(/.test(s)) {
      const p = new Parser(s.slice(s.indexOf('(') + 1), env);
      const args = p.args();
      p.expect(')');
      if (!p.done()) throw new Unsupported();
      output += `${args.map(str).join(' ')}\n`;
      continue;
    }
    if (s === 'pass') continue;
    const p = new Parser(s, env);
    const v = p.expr();
    if (!p.done()) throw new Unsupported();
    if (interactive && v.kind !== 'none') output += `${repr(v)}\n`;
  }
  return { output };
}

function splitStatements(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      cur += c;
      if (c === '\\') cur += line[++i] ?? '';
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
      cur += c;
    } else if (c === ';' || c === '\n') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function importModule(env: SnippetEnv, module: string, alias: string): void {
  const top = module.split('.')[0]!;
  if (top === 'sys' || top === 'platform' || top === 'os') {
    env.imported.set(alias, module);
    return;
  }
  if (top !== 'torch' && top !== 'numpy') throw new Unsupported();
  if (!findModule(env.ctx.fs, env.py, top)) throw new PyError(`ModuleNotFoundError: No module named '${top}'`);
  env.imported.set(alias, module);
}

/** The traceback of a failed `python -c` line. */
export function commandTraceback(error: PyError, line: number, py: PythonInstall): string {
  return formatTraceback([{ file: '<string>', line, func: '<module>', code: '' }].map((f) => ({ ...f })), error.text, pyNumber(py)).replace(/\n {4}\n/, '\n');
}
