/**
 * The bash interpreter: one shell process's state (variables, functions, cwd, options, positional
 * parameters) and the execution of parsed commands — lists, pipelines, compound commands,
 * redirections, builtins and programs found on the filesystem.
 */
import type { Credentials, FileSystem } from '../../fs/types';
import { FsError } from '../../fs/types';
import type { Clock, InterruptSignal, OutputStream, Program, ProcessContext, TerminalInfo } from '../../process';
import { Interrupted } from '../../process';
import { InterruptController } from '../../signal';
import type {
  AndOr,
  Assignment,
  CaseCommand,
  Command,
  CommandList,
  CondExpr,
  ForCommand,
  FunctionDef,
  Pipeline,
  Redirect,
  SimpleCommand,
  WhileCommand,
  Word,
} from '../parser/ast';
import { isValidName, parse, type ParseResult } from '../parser/parser';
import { SHELL } from '../messages';
import { classifyExecutable } from '../executable';
import { BUILTINS } from '../builtins';
import { evaluateArith, ArithError, type ArithVars } from './arith';
import { Expander, parseArrayText } from './expand';
import { BufferedInput, EMPTY_INPUT, FileOutput, NULL_OUTPUT, Pipe, StringOutput, textInput, type Fd, type Fds } from './io';
import { matchPattern } from './pattern';
import { evalTest, TestError } from './test';
import { printAndOr } from './printer';
import {
  AbortCommand,
  ExitRequest,
  InterruptRequest,
  LoopControl,
  ReturnRequest,
  stderrOf,
  type CommandIO,
} from './types';

/** What a shell process gets from the machine it runs on. */
export interface ShellEnvironment {
  /** The filesystem as this shell's user sees it (permission checks use its credentials). */
  fs: FileSystem;
  cred: Credentials;
  clock: Clock;
  terminal: TerminalInfo;
  /** Program implementations by id (see ../executable). */
  programs: (id: string) => Program | undefined;
}

export interface Variable {
  /** undefined: declared (`export X`, `local X`) but without a value, which reads as unset. */
  value: string | undefined;
  /** An indexed array (sparse); `value` is then always element 0. */
  array?: (string | undefined)[];
  /** `declare -i`: assignments are evaluated as arithmetic. */
  integer?: boolean;
  exported: boolean;
  readonly: boolean;
}

export interface ShellOptions {
  errexit: boolean;
  nounset: boolean;
  pipefail: boolean;
  xtrace: boolean;
  noglob: boolean;
  noclobber: boolean;
}

/** How error messages are prefixed. */
export interface ErrorStyle {
  /** `bash`, a script's path, `sh`. */
  name: string;
  /** Include `line N: ` (scripts and `bash -c`; not an interactive shell). */
  lines: boolean;
  /** dash's wording (`sh: 1: foo: not found`). */
  dash?: boolean;
  /** Prefix of syntax errors, when it differs (`bash: -c`). */
  syntaxName?: string;
}

let nextPid = 4000;

/** The shell that made each ProcessContext (so a program can start others: see ../spawn). */
const contextShells = new WeakMap<ProcessContext, Shell>();

export function shellOf(ctx: ProcessContext): Shell | undefined {
  return contextShells.get(ctx);
}

/**
 * Resolves on a later turn of the event loop (not a microtask), so that a busy shell loop lets
 * the terminal draw and Ctrl+C arrive. Uses the host's timer where there is one.
 */
function macrotask(): Promise<void> {
  const timer = (globalThis as { setTimeout?: (callback: () => void, ms: number) => unknown }).setTimeout;
  return new Promise((resolve) => {
    if (timer) timer(resolve, 0);
    else resolve();
  });
}

/** Loop iterations between two macrotask yields. */
const YIELD_EVERY = 256;

const DEFAULT_OPTIONS: ShellOptions = { errexit: false, nounset: false, pipefail: false, xtrace: false, noglob: false, noclobber: false };

/** Bash's keywords (for `type`). */
export const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);

export type Resolution =
  | { kind: 'function'; def: FunctionDef }
  | { kind: 'builtin' }
  | { kind: 'keyword' }
  | { kind: 'file'; path: string; hashed: boolean }
  | { kind: 'none' };

export class Shell {
  vars = new Map<string, Variable>();
  functions = new Map<string, FunctionDef>();
  positional: string[] = [];
  arg0 = 'bash';
  cwd = '/';
  lastStatus = 0;
  lastBgPid: number | undefined;
  readonly pid: number;
  options: ShellOptions = { ...DEFAULT_OPTIONS };
  interactive = false;
  /** Command name → path, as bash's hash table remembers programs found in PATH. */
  hash = new Map<string, { path: string; hits: number }>();
  /** Background jobs finished since the last report (interactive shells). */
  jobs: { id: number; status: number; command: string }[] = [];
  /** Aliases (expanded in interactive shells only, as bash does). */
  aliases = new Map<string, string>();
  /** Commands typed (interactive shells), shared with the session. */
  history: string[] = [];
  errorStyle: ErrorStyle = { name: 'bash', lines: false };
  currentLine = 0;
  /** Added to parse line numbers (bash's eval inside record.sh starts at its line 40). */
  lineBase = 0;
  /** Levels of eval and command substitution, for `set -x` (the recorder's eval makes it 2). */
  traceDepth = 1;
  signal: InterruptSignal = new InterruptController().signal;
  /** Called once when this (pipeline stage) shell starts running its command. */
  onStart: (() => void) | undefined;
  /** Set when `exit` ran in this shell (not a subshell). */
  exited = false;
  funcDepth = 0;
  loopDepth = 0;
  sourceDepth = 0;
  /** >0 while running the condition of if/while/&&/||/! (where `set -e` does not apply). */
  private conditionDepth = 0;
  private iterations = 0;
  private localFrames: Map<string, Variable | undefined>[] = [];
  /** Status of the last command substitution (the status of a command made only of assignments). */
  private substStatus: number | null = null;
  userName = 'student';
  /** `$_`: the last argument of the previous simple command. */
  lastArg = '';
  readonly arithVars: ArithVars;

  private readonly startedAt: number;
  private randomSeed: number;

  constructor(readonly env: ShellEnvironment) {
    this.pid = nextPid++;
    this.startedAt = env.clock.now();
    this.randomSeed = this.pid;
    this.arithVars = {
      get: (name) => this.getVar(name),
      set: (name, value) => {
        if (!this.setVar(name, value)) throw new ArithError(SHELL.readonlyVariable(name));
      },
      getElement: (name, index) => this.element(name, index),
      setElement: (name, index, value) => {
        if (!this.setElement(name, index, value)) throw new ArithError(SHELL.readonlyVariable(name));
      },
    };
  }

  get fs(): FileSystem {
    return this.env.fs;
  }

  /** A subshell: a copy of this shell's state (`( … )`, pipeline stages, `$( … )`). */
  fork(): Shell {
    const sub = new Shell(this.env);
    (sub as { pid: number }).pid = this.pid;
    for (const [name, v] of this.vars) sub.vars.set(name, v.array ? { ...v, array: v.array.slice() } : { ...v });
    sub.functions = new Map(this.functions);
    sub.positional = this.positional.slice();
    sub.arg0 = this.arg0;
    sub.cwd = this.cwd;
    sub.lastStatus = this.lastStatus;
    sub.lastBgPid = this.lastBgPid;
    sub.options = { ...this.options };
    sub.interactive = false;
    sub.hash = new Map(this.hash);
    sub.aliases = new Map(this.aliases);
    sub.history = this.history;
    sub.errorStyle = this.errorStyle;
    sub.currentLine = this.currentLine;
    sub.lineBase = this.lineBase;
    sub.traceDepth = this.traceDepth;
    sub.signal = this.signal;
    sub.userName = this.userName;
    sub.lastArg = this.lastArg;
    sub.funcDepth = this.funcDepth;
    sub.loopDepth = this.loopDepth;
    return sub;
  }

  // ------------------------------------------------------------------ variables

  getVar(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  /** The value of a parameter: variables, positional and special parameters. */
  paramValue(name: string): string | undefined {
    const c = name.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      if (name === '0') return this.arg0;
      return this.positional[Number(name) - 1];
    }
    if (name.length === 1) {
      switch (name) {
        case '?':
          return String(this.lastStatus);
        case '$':
          return String(this.pid);
        case '#':
          return String(this.positional.length);
        case '!':
          return this.lastBgPid === undefined ? undefined : String(this.lastBgPid);
        case '-':
          return this.optionFlags();
        case '@':
        case '*':
          return this.positional.join(' ');
      }
    }
    if (name === '_') return this.lastArg;
    if (name === 'RANDOM') return String(this.random());
    if (name === 'LINENO') return String(this.currentLine);
    if (name === 'SECONDS') return String(Math.floor((this.env.clock.now() - this.startedAt) / 1000));
    return this.vars.get(name)?.value;
  }

  /** `$RANDOM`: bash's generator (Park–Miller), seeded deterministically from the pid. */
  private random(): number {
    const last = this.randomSeed || 123459876;
    const h = Math.floor(last / 127773);
    const l = last % 127773;
    let t = 16807 * l - 2836 * h;
    if (t < 0) t += 0x7fffffff;
    this.randomSeed = t;
    return ((t >>> 16) ^ (t & 0xffff)) & 32767;
  }

  optionFlags(): string {
    let flags = '';
    if (this.options.errexit) flags += 'e';
    if (this.options.noglob) flags += 'f';
    flags += 'h';
    if (this.interactive) flags += 'im';
    if (this.options.nounset) flags += 'u';
    if (this.options.xtrace) flags += 'x';
    if (this.options.noclobber) flags += 'C';
    flags += 'B';
    if (this.interactive) flags += 'Hs';
    return flags;
  }

  /** Sets a variable; false (nothing printed) when it is readonly. */
  setVar(name: string, value: string, exported?: boolean): boolean {
    const v = this.vars.get(name);
    if (v) {
      if (v.readonly) return false;
      v.value = value;
      if (v.array) v.array[0] = value;
      if (exported) v.exported = true;
    } else {
      this.vars.set(name, { value, exported: exported ?? false, readonly: false });
    }
    if (name === 'PATH') this.hash.clear();
    return true;
  }

  // ------------------------------------------------------------------ arrays

  /** The elements of an array (a scalar is an array of one; unset: none), in index order. */
  arrayValues(name: string): string[] {
    const v = this.vars.get(name);
    if (!v) return [];
    if (!v.array) return v.value === undefined ? [] : [v.value];
    const out: string[] = [];
    for (const item of v.array) if (item !== undefined) out.push(item);
    return out;
  }

  arrayIndices(name: string): number[] {
    const v = this.vars.get(name);
    if (!v) return [];
    if (!v.array) return v.value === undefined ? [] : [0];
    const out: number[] = [];
    v.array.forEach((item, i) => {
      if (item !== undefined) out.push(i);
    });
    return out;
  }

  /** `${name[index]}` (negative indices count from the end). */
  element(name: string, index: number): string | undefined {
    const v = this.vars.get(name);
    if (!v) return undefined;
    if (!v.array) return index === 0 || index === -1 ? v.value : undefined;
    const i = index < 0 ? v.array.length + index : index;
    return v.array[i];
  }

  /** Sets `name[index]`; false when readonly. */
  setElement(name: string, index: number, value: string): boolean {
    let v = this.vars.get(name);
    if (v?.readonly) return false;
    if (!v) {
      v = { value: undefined, exported: false, readonly: false };
      this.vars.set(name, v);
    }
    if (!v.array) v.array = v.value === undefined ? [] : [v.value];
    const i = index < 0 ? v.array.length + index : index;
    if (i < 0) return false;
    v.array[i] = value;
    v.value = v.array[0];
    return true;
  }

  /** `name=(…)` / `name+=(…)`: elements given as text (`[i]=` subscripts already evaluated). */
  setArray(name: string, items: { index?: number; value: string }[], append: boolean): boolean {
    let v = this.vars.get(name);
    if (v?.readonly) return false;
    if (!v) {
      v = { value: undefined, exported: false, readonly: false };
      this.vars.set(name, v);
    }
    const array: (string | undefined)[] = append ? (v.array ?? (v.value === undefined ? [] : [v.value])) : [];
    let next = array.length;
    for (const item of items) {
      const i = item.index ?? next;
      array[i] = item.value;
      next = i + 1;
    }
    v.array = array;
    v.value = array[0];
    return true;
  }

  unsetElement(name: string, index: number): boolean {
    const v = this.vars.get(name);
    if (!v) return true;
    if (v.readonly) return false;
    if (!v.array) {
      if (index === 0) this.vars.delete(name);
      return true;
    }
    const i = index < 0 ? v.array.length + index : index;
    if (i >= 0 && i < v.array.length) {
      v.array[i] = undefined;
      while (v.array.length > 0 && v.array[v.array.length - 1] === undefined) v.array.pop();
    }
    v.value = v.array[0];
    return true;
  }

  /** Performs one assignment word (`x=v`, `x+=v`, `a[i]=v`, `a=(…)`), with bash's messages. */
  async performAssignment(a: Assignment, ex: Expander, io: CommandIO): Promise<boolean> {
    if (a.array) {
      const items: { index?: number; value: string }[] = [];
      for (const word of a.array) {
        for (const text of await ex.arrayItem(word)) {
          for (const item of parseArrayText(`(${text})`)) {
            items.push(item.index === undefined ? { value: item.value } : { index: Number(this.arith(item.index, io)), value: item.value });
          }
        }
      }
      if (this.setArray(a.name, items, a.append)) return true;
      this.error(io, SHELL.readonlyVariable(a.name));
      return false;
    }
    let value = await ex.single(a.value);
    if (a.index) {
      const indexText = await ex.single(a.index);
      const index = Number(this.arith(indexText, io));
      if (a.append) value = (this.element(a.name, index) ?? '') + value;
      if (this.setElement(a.name, index, value)) return true;
      if (this.vars.get(a.name)?.readonly) this.error(io, SHELL.readonlyVariable(a.name));
      else this.error(io, `${a.name}[${indexText}]: bad array subscript`);
      return false;
    }
    const v = this.vars.get(a.name);
    if (v?.integer) {
      value = String(this.arith(a.append ? `${v.value ?? '0'}+(${value})` : value, io));
    } else if (a.append) value = (v?.value ?? '') + value;
    return this.assign(a.name, value, io);
  }

  /** Arithmetic with bash's error printed and the command line abandoned on failure. */
  arith(expr: string, io: CommandIO): bigint {
    try {
      return evaluateArith(expr, this.arithVars);
    } catch (e) {
      if (e instanceof ArithError) this.abort(io, e.message);
      throw e;
    }
  }

  /** Assignment as a command does it: prints `x: readonly variable` on failure. */
  assign(name: string, value: string, io: CommandIO): boolean {
    if (this.setVar(name, value)) return true;
    this.error(io, SHELL.readonlyVariable(name));
    return false;
  }

  unsetVar(name: string): boolean {
    const v = this.vars.get(name);
    if (v?.readonly) return false;
    this.vars.delete(name);
    if (name === 'PATH') this.hash.clear();
    return true;
  }

  /** `local NAME`: remembers the caller's variable, restored when the function returns. */
  /** `local NAME`: remembers the caller's variable, restored on return; true the first time. */
  makeLocal(name: string): boolean {
    const frame = this.localFrames[this.localFrames.length - 1];
    if (!frame || frame.has(name)) return false;
    const v = this.vars.get(name);
    frame.set(name, v ? { ...v } : undefined);
    this.vars.set(name, { value: undefined, exported: false, readonly: false });
    return true;
  }

  get inFunction(): boolean {
    return this.localFrames.length > 0;
  }

  /** The environment a program gets: the exported variables. */
  exportedEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [name, v] of this.vars) if (v.exported && v.value !== undefined) env[name] = v.value;
    return env;
  }

  homeOf(user: string): string | undefined {
    try {
      for (const line of this.fs.readText('/etc/passwd').split('\n')) {
        const fields = line.split(':');
        if (fields[0] === user && fields.length >= 6) return fields[5];
      }
    } catch {
      // no passwd file
    }
    return undefined;
  }

  // ------------------------------------------------------------------ messages

  prefix(): string {
    const style = this.errorStyle;
    if (!style.lines) return `${style.name}: `;
    if (style.dash) return `${style.name}: ${this.currentLine}: `;
    return `${style.name}: line ${this.currentLine}: `;
  }

  error(io: CommandIO, message: string): void {
    stderrOf(io).write(`${this.prefix()}${message}\n`);
  }

  /** Prints the error and abandons the command line (status 1). */
  abort(io: CommandIO, message: string, status = 1): never {
    this.error(io, message);
    throw new AbortCommand(status);
  }

  absolute(path: string): string {
    if (path.startsWith('/')) return path;
    return this.cwd === '/' ? `/${path}` : `${this.cwd}/${path}`;
  }

  // ------------------------------------------------------------------ running text

  /** `[1]+  Done                    sleep 1` lines for finished background jobs; clears them. */
  jobReport(): string {
    const jobs = this.jobs;
    this.jobs = [];
    return jobs
      .map((job, i) => {
        const mark = i === jobs.length - 1 ? '+' : i === jobs.length - 2 ? '-' : ' ';
        const state = job.status === 0 ? 'Done' : `Exit ${job.status}`;
        return `[${job.id}]${mark}  ${state.padEnd(24)}${job.command}\n`;
      })
      .join('');
  }

  /** Parses text into commands. */
  parse(text: string): ParseResult {
    return parse(text, { firstLine: 1 + this.lineBase });
  }

  /**
   * Runs a text as bash runs a line typed at its prompt (or an `eval` string): each command in
   * turn; a syntax error stops there (status 2). Never throws but for ExitRequest.
   */
  async runText(text: string, io: CommandIO): Promise<number> {
    const result = this.parse(text);
    for (const command of result.commands) {
      for (const warning of command.warnings) this.error(io, warning);
      await this.runTop(command.list, io);
      if (this.exited) return this.lastStatus;
    }
    if (result.error) {
      this.syntaxError(io, result);
      this.lastStatus = 2;
    }
    return this.lastStatus;
  }

  syntaxError(io: CommandIO, result: ParseResult): void {
    const error = result.error!;
    const style = this.errorStyle;
    const err = stderrOf(io);
    let prefix = `${style.name}: `;
    if (style.dash) {
      const token = /unexpected token `(.*)'$/.exec(error.message);
      const what = token ? `"${token[1]}" unexpected` : error.eof ? 'end of file unexpected' : error.message;
      err.write(`${style.name}: ${this.currentLine}: Syntax error: ${what}\n`);
      return;
    }
    if (style.lines) prefix = `${style.syntaxName ?? style.name}: line ${error.lineNo ?? this.currentLine}: `;
    err.write(`${prefix}${error.message}\n`);
    if (error.line !== undefined) err.write(`${prefix}\`${error.line}'\n`);
  }

  /** `eval` and `source`: runs text in this shell; control flow goes on up. */
  async evalText(text: string, io: CommandIO, nested = true): Promise<number> {
    const result = this.parse(text);
    let status = 0;
    if (nested) this.traceDepth++;
    try {
      for (const command of result.commands) {
        for (const warning of command.warnings) this.error(io, warning);
        status = await this.execList(command.list, io);
        this.lastStatus = status;
      }
    } finally {
      if (nested) this.traceDepth--;
    }
    if (result.error) {
      this.syntaxError(io, result);
      return 2;
    }
    return status;
  }

  /** Runs one top-level command list, absorbing aborts and interrupts into `$?`. */
  async runTop(list: CommandList, io: CommandIO): Promise<number> {
    try {
      this.lastStatus = await this.execList(list, io);
    } catch (e) {
      this.lastStatus = this.absorb(e);
    }
    return this.lastStatus;
  }

  /** Turns a control-flow exception into a status (rethrowing what must go further up). */
  absorb(e: unknown): number {
    if (e instanceof AbortCommand) return e.status;
    if (e instanceof InterruptRequest) return 128 + e.signo;
    if (e instanceof ReturnRequest) return e.status;
    if (e instanceof LoopControl) return 0;
    if (e instanceof ExitRequest) {
      this.exited = true;
      return e.status;
    }
    throw e;
  }

  // ------------------------------------------------------------------ lists

  async execList(list: CommandList, io: CommandIO): Promise<number> {
    let status = this.lastStatus;
    for (const item of list.items) {
      if (this.signal.interrupted) throw new InterruptRequest(this.signal.signo);
      if (item.background) {
        // Background jobs run to completion here; `$!` names them. An interactive shell
        // announces them (`[1] 4321`) and reports them done after the command line.
        const pid = nextPid++;
        const job = this.jobs.length + 1;
        if (this.interactive) stderrOf(io).write(`[${job}] ${pid}\n`);
        const sub = this.fork();
        let jobStatus: number;
        try {
          jobStatus = await sub.execAndOr(item.andOr, io);
        } catch (e) {
          if (e instanceof InterruptRequest) throw e;
          jobStatus = sub.absorbSubshell(e);
        }
        if (this.interactive) this.jobs.push({ id: job, status: jobStatus, command: printAndOr(item.andOr) });
        this.lastBgPid = pid;
        status = 0;
        this.lastStatus = 0;
        continue;
      }
      status = await this.execAndOr(item.andOr, io);
      this.lastStatus = status;
    }
    return status;
  }

  private async execAndOr(andOr: AndOr, io: CommandIO): Promise<number> {
    if (andOr.rest.length === 0) return this.execPipeline(andOr.first, io);
    this.conditionDepth++;
    let status: number;
    try {
      status = await this.execPipeline(andOr.first, io);
    } finally {
      this.conditionDepth--;
    }
    this.lastStatus = status;
    for (let i = 0; i < andOr.rest.length; i++) {
      const { op, pipeline } = andOr.rest[i]!;
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      const last = i === andOr.rest.length - 1;
      if (!last) this.conditionDepth++;
      try {
        status = await this.execPipeline(pipeline, io);
      } finally {
        if (!last) this.conditionDepth--;
      }
      this.lastStatus = status;
    }
    return status;
  }

  private async execPipeline(pipeline: Pipeline, io: CommandIO): Promise<number> {
    if (pipeline.timed) {
      const start = this.env.clock.now();
      try {
        return await this.execPipeline({ ...pipeline, timed: false }, io);
      } finally {
        const ms = Math.max(0, this.env.clock.now() - start);
        const real = `${Math.floor(ms / 60000)}m${((ms % 60000) / 1000).toFixed(3)}s`;
        stderrOf(io).write(`\nreal\t${real}\nuser\t0m0.000s\nsys\t0m0.000s\n`);
      }
    }
    if (pipeline.negated) this.conditionDepth++;
    let status: number;
    try {
      if (pipeline.commands.length === 1) {
        status = await this.execCommand(pipeline.commands[0]!, io);
        this.setArray('PIPESTATUS', [{ value: String(status) }], false);
      } else {
        status = await this.execStages(pipeline, io);
      }
    } finally {
      if (pipeline.negated) this.conditionDepth--;
    }
    if (pipeline.negated) return status === 0 ? 1 : 0;
    return status;
  }

  private async execStages(pipeline: Pipeline, io: CommandIO): Promise<number> {
    const n = pipeline.commands.length;
    const pipes: Pipe[] = [];
    for (let i = 0; i < n - 1; i++) pipes.push(new Pipe());
    const foreground = this.signal;
    const stops: (() => void)[] = [];
    // Stage i starts once stage i-1 has started its command, so that their `set -x` traces and
    // error messages come in pipeline order, as the processes bash forks one after the other.
    const started: Promise<void>[] = [];
    const markStarted: (() => void)[] = [];
    for (let i = 0; i < n; i++) started.push(new Promise<void>((resolve) => markStarted.push(resolve)));
    const runs = pipeline.commands.map(async (command, i) => {
      const sub = this.fork();
      sub.onStart = markStarted[i];
      const controller = new InterruptController();
      sub.signal = controller.signal;
      stops.push(foreground.onInterrupt((signo) => controller.interrupt(signo)));
      if (foreground.interrupted) controller.interrupt(foreground.signo);
      const fds = io.fds.slice();
      if (i > 0) fds[0] = { input: pipes[i - 1]!.input, tty: false };
      if (i < n - 1) {
        const pipe = pipes[i]!;
        fds[1] = { output: pipe.output, tty: false };
        if (pipeline.pipeStderr?.[i]) fds[2] = fds[1];
        pipe.onBroken(() => controller.interrupt(13));
      }
      if (i > 0) await started[i - 1];
      let status: number;
      try {
        status = await sub.execCommand(command, { fds });
      } catch (e) {
        status = sub.absorbSubshell(e);
      } finally {
        markStarted[i]!();
        if (i < n - 1) pipes[i]!.closeWriter();
        if (i > 0) pipes[i - 1]!.closeReader();
      }
      return status;
    });
    let statuses: number[];
    try {
      statuses = await Promise.all(runs);
    } finally {
      for (const stop of stops) stop();
    }
    this.setArray('PIPESTATUS', statuses.map((st) => ({ value: String(st) })), false);
    if (this.options.pipefail) {
      for (let i = statuses.length - 1; i >= 0; i--) if (statuses[i] !== 0) return statuses[i]!;
      return 0;
    }
    return statuses[n - 1]!;
  }

  /** Status of a subshell that ended with an exception. */
  absorbSubshell(e: unknown): number {
    if (e instanceof ExitRequest) return e.status;
    if (e instanceof AbortCommand) return e.status;
    if (e instanceof ReturnRequest) return e.status;
    if (e instanceof LoopControl) return 0;
    if (e instanceof InterruptRequest) return 128 + e.signo;
    throw e;
  }

  // ------------------------------------------------------------------ commands

  private started(): void {
    const onStart = this.onStart;
    if (onStart) {
      this.onStart = undefined;
      onStart();
    }
  }

  async execCommand(command: Command, io: CommandIO): Promise<number> {
    if (command.type === 'simple') return this.execSimple(command, io);
    this.started();
    if (command.type === 'function') {
      this.functions.set(command.name, command);
      return 0;
    }
    this.currentLine = command.line;
    let cmdIO = io;
    let close: (() => void) | null = null;
    if (command.redirects.length > 0) {
      const opened = await this.openRedirects(command.redirects, io);
      if (opened === null) return 1;
      cmdIO = opened.io;
      close = opened.close;
    }
    try {
      switch (command.type) {
        case 'group':
          return await this.execList(command.body, cmdIO);
        case 'subshell': {
          const sub = this.fork();
          try {
            return await sub.execList(command.body, cmdIO);
          } catch (e) {
            return sub.absorbSubshell(e);
          }
        }
        case 'if':
          for (const clause of command.clauses) {
            if ((await this.condition(clause.cond, cmdIO)) === 0) return await this.execList(clause.body, cmdIO);
          }
          if (command.else) return await this.execList(command.else, cmdIO);
          return 0;
        case 'while':
          return await this.execWhile(command, cmdIO);
        case 'for':
          return await this.execFor(command, cmdIO);
        case 'arithfor':
          return await this.execArithFor(command, cmdIO);
        case 'case':
          return await this.execCase(command, cmdIO);
        case 'arithcmd': {
          if (this.options.xtrace) this.trace(cmdIO, `(( ${await new Expander(this, cmdIO).single(command.expr)} ))`);
          const value = await new Expander(this, cmdIO).arith(command.expr);
          return value === '0' ? 1 : 0;
        }
        case 'cond':
          return await this.execCond(command.expr, cmdIO);
      }
      return 0;
    } finally {
      close?.();
    }
  }

  private async condition(list: CommandList, io: CommandIO): Promise<number> {
    this.conditionDepth++;
    try {
      return await this.execList(list, io);
    } finally {
      this.conditionDepth--;
    }
  }

  /** Every so many loop iterations, lets the event loop run (Ctrl+C, the terminal, timers). */
  private async breathe(): Promise<void> {
    if (++this.iterations % YIELD_EVERY === 0) await macrotask();
    if (this.signal.interrupted) throw new InterruptRequest(this.signal.signo);
  }

  private async loopBody(body: CommandList, io: CommandIO): Promise<'break' | 'continue' | number> {
    await this.breathe();
    this.loopDepth++;
    try {
      return await this.execList(body, io);
    } catch (e) {
      if (e instanceof LoopControl) {
        if (e.levels > 1) {
          e.levels--;
          throw e;
        }
        return e.kind;
      }
      throw e;
    } finally {
      this.loopDepth--;
    }
  }

  private async execWhile(command: WhileCommand, io: CommandIO): Promise<number> {
    let status = 0;
    for (;;) {
      await this.breathe();
      this.loopDepth++;
      let cond: number;
      try {
        cond = await this.condition(command.cond, io);
      } catch (e) {
        this.loopDepth--;
        if (e instanceof LoopControl) {
          if (e.levels > 1) {
            e.levels--;
            throw e;
          }
          if (e.kind === 'break') return 0;
          continue;
        }
        throw e;
      }
      this.loopDepth--;
      if ((cond === 0) === command.until) break;
      const r = await this.loopBody(command.body, io);
      if (r === 'break') break;
      if (r === 'continue') continue;
      status = r;
    }
    return status;
  }

  private async execFor(command: ForCommand, io: CommandIO): Promise<number> {
    if (!isValidName(command.name)) {
      this.error(io, SHELL.notValidIdentifier(command.name));
      return 1;
    }
    const items = command.items ? await new Expander(this, io).fields(command.items) : this.positional.slice();
    let status = 0;
    for (const item of items) {
      if (this.signal.interrupted) throw new InterruptRequest(this.signal.signo);
      this.trace(io, `for ${command.name} in ${command.items ? command.items.map((w) => w.raw).join(' ') : '"$@"'}`);
      if (!this.assign(command.name, item, io)) return 1;
      const r = await this.loopBody(command.body, io);
      if (r === 'break') break;
      if (r === 'continue') continue;
      status = r;
    }
    return status;
  }

  private async execArithFor(command: { init: Word; cond: Word; step: Word; body: CommandList }, io: CommandIO): Promise<number> {
    const ex = new Expander(this, io);
    const evalWord = async (w: Word): Promise<string> => ((await ex.single(w)).trim() === '' ? '1' : ex.arith(w));
    if ((await ex.single(command.init)).trim() !== '') await ex.arith(command.init);
    let status = 0;
    for (;;) {
      if (this.signal.interrupted) throw new InterruptRequest(this.signal.signo);
      if ((await evalWord(command.cond)) === '0') break;
      const r = await this.loopBody(command.body, io);
      if (r === 'break') break;
      if (typeof r === 'number') status = r;
      if ((await ex.single(command.step)).trim() !== '') await ex.arith(command.step);
    }
    return status;
  }

  private async execCase(command: CaseCommand, io: CommandIO): Promise<number> {
    const ex = new Expander(this, io);
    const word = await ex.single(command.word);
    this.trace(io, `case ${quoteForTrace(word)} in`);
    let status = 0;
    let fallthrough = false;
    for (let i = 0; i < command.items.length; i++) {
      const item = command.items[i]!;
      let matched = fallthrough;
      if (!matched) {
        for (const p of item.patterns) {
          if (matchPattern(await ex.pattern(p), word)) {
            matched = true;
            break;
          }
        }
      }
      if (!matched) continue;
      status = await this.execList(item.body, io);
      if (item.terminator === ';;') return status;
      fallthrough = item.terminator === ';&';
    }
    return status;
  }

  private async execCond(expr: CondExpr, io: CommandIO): Promise<number> {
    const ex = new Expander(this, io);
    const evaluate = async (e: CondExpr): Promise<boolean> => {
      switch (e.type) {
        case 'and':
          return (await evaluate(e.left)) && evaluate(e.right);
        case 'or':
          return (await evaluate(e.left)) || evaluate(e.right);
        case 'not':
          return !(await evaluate(e.expr));
        case 'word':
          return (await ex.single(e.word)) !== '';
        case 'unary':
          return evalTest(this, [e.op, await ex.single(e.arg)], '[[') === 0;
        case 'binary': {
          const left = await ex.single(e.left);
          if (e.op === '==' || e.op === '=' || e.op === '!=') {
            const pattern = await ex.pattern(e.right);
            const m = matchPattern(pattern, left);
            return e.op === '!=' ? !m : m;
          }
          if (e.op === '=~') {
            const source = await ex.single(e.right);
            let re: RegExp;
            try {
              re = new RegExp(source);
            } catch {
              return false;
            }
            const m = re.exec(left);
            if (!m) return false;
            this.setVar('BASH_REMATCH', m[0]);
            return true;
          }
          const right = await ex.single(e.right);
          if (e.op === '<') return left < right;
          if (e.op === '>') return left > right;
          if (['-eq', '-ne', '-lt', '-le', '-gt', '-ge'].includes(e.op)) {
            let a: bigint;
            let b: bigint;
            try {
              a = evaluateArith(left, this.arithVars);
              b = evaluateArith(right, this.arithVars);
            } catch (err) {
              if (err instanceof ArithError) this.abort(io, err.message);
              throw err;
            }
            switch (e.op) {
              case '-eq':
                return a === b;
              case '-ne':
                return a !== b;
              case '-lt':
                return a < b;
              case '-le':
                return a <= b;
              case '-gt':
                return a > b;
              default:
                return a >= b;
            }
          }
          return evalTest(this, [left, e.op, right], '[[') === 0;
        }
      }
    };
    if (this.options.xtrace) this.trace(io, `[[ ${await this.condText(expr, ex)} ]]`);
    try {
      return (await evaluate(expr)) ? 0 : 1;
    } catch (e) {
      if (e instanceof TestError) {
        this.error(io, e.message);
        return 2;
      }
      throw e;
    }
  }

  private async condText(e: CondExpr, ex: Expander): Promise<string> {
    switch (e.type) {
      case 'and':
        return `${await this.condText(e.left, ex)} && ${await this.condText(e.right, ex)}`;
      case 'or':
        return `${await this.condText(e.left, ex)} || ${await this.condText(e.right, ex)}`;
      case 'not':
        return `! ${await this.condText(e.expr, ex)}`;
      case 'word':
        return quoteForTrace(await ex.single(e.word));
      case 'unary':
        return `${e.op} ${quoteForTrace(await ex.single(e.arg))}`;
      case 'binary':
        return `${quoteForTrace(await ex.single(e.left))} ${e.op} ${quoteForTrace(await ex.single(e.right))}`;
    }
  }

  // ------------------------------------------------------------------ simple commands

  /** Alias expansion of a command's first word (interactive shells). */
  private expandAlias(cmd: SimpleCommand, seen: Set<string> = new Set()): SimpleCommand | string | null {
    const first = cmd.words[0];
    if (!first || first.parts.length !== 1 || first.parts[0]!.type !== 'lit') return null;
    const name = first.parts[0].text;
    const value = this.aliases.get(name);
    if (value === undefined || seen.has(name)) return null;
    seen.add(name);
    const result = parse(value);
    const only = result.commands.length === 1 ? result.commands[0]!.list.items : [];
    const simple = only.length === 1 && !only[0]!.background && only[0]!.andOr.rest.length === 0 && only[0]!.andOr.first.commands.length === 1 && !only[0]!.andOr.first.negated ? only[0]!.andOr.first.commands[0]! : null;
    if (!result.error && simple && simple.type === 'simple' && simple.redirects.length === 0) {
      const spliced: SimpleCommand = { ...cmd, assigns: [...cmd.assigns, ...simple.assigns], words: [...simple.words, ...cmd.words.slice(1)] };
      return this.expandAlias(spliced, seen) ?? spliced;
    }
    // Anything more than a command prefix: run the text (the command's redirections are lost).
    return [value, ...cmd.words.slice(1).map((w) => w.raw)].join(' ');
  }

  private async execSimple(cmd: SimpleCommand, io: CommandIO): Promise<number> {
    this.currentLine = cmd.line;
    if (this.interactive && this.aliases.size > 0) {
      const expanded = this.expandAlias(cmd);
      if (typeof expanded === 'string') return this.evalText(expanded, io, false);
      if (expanded) cmd = expanded;
    }
    const ex = new Expander(this, io);
    this.substStatus = null;
    const argv = cmd.words.length > 0 ? await ex.fields(cmd.words) : [];
    if (argv.length === 0) {
      // Assignments (and redirections) only.
      this.started();
      let status = 0;
      for (const a of cmd.assigns) {
        // Assigning to a readonly variable abandons the command line, as in bash.
        if (!(await this.performAssignment(a, ex, io))) throw new AbortCommand(1);
        if (this.options.xtrace) this.trace(io, `${a.name}=${quoteForTrace(this.getVar(a.name) ?? '')}`);
      }
      if (status === 0 && this.substStatus !== null) status = this.substStatus;
      if (cmd.redirects.length > 0) {
        const opened = await this.openRedirects(cmd.redirects, io);
        if (opened === null) return 1;
        opened.close();
      }
      return this.afterCommand(status);
    }
    const assigns: [string, string][] = [];
    for (const a of cmd.assigns) {
      const value = await ex.single(a.value);
      assigns.push([a.name, a.append ? (this.getVar(a.name) ?? '') + value : value]);
    }
    if (this.options.xtrace) {
      for (const [n, v] of assigns) this.trace(io, `${n}=${quoteForTrace(v)}`);
      this.trace(io, argv.map(quoteForTrace).join(' '));
    }
    this.started();
    let cmdIO = io;
    let close: (() => void) | null = null;
    if (cmd.redirects.length > 0) {
      const opened = await this.openRedirects(cmd.redirects, io);
      if (opened === null) return this.afterCommand(1);
      cmdIO = opened.io;
      close = opened.close;
    }
    try {
      this.lastArg = argv[argv.length - 1]!;
      const status = await this.invoke(argv, assigns, cmdIO);
      return this.afterCommand(status);
    } finally {
      close?.();
    }
  }

  /** `set -x`: PS4's first character once per level of eval / command substitution. */
  trace(io: CommandIO, text: string): void {
    if (!this.options.xtrace) return;
    const ps4 = this.getVar('PS4') ?? '+ ';
    const prefix = ps4 === '' ? '' : ps4[0]!.repeat(Math.max(1, this.traceDepth)) + ps4.slice(1);
    stderrOf(io).write(`${prefix}${text}\n`);
  }

  /** `set -e`: a failing command outside a condition ends the shell. */
  private afterCommand(status: number): number {
    if (this.signal.interrupted) throw new InterruptRequest(this.signal.signo);
    if (status !== 0 && this.options.errexit && this.conditionDepth === 0) throw new ExitRequest(status);
    return status;
  }

  /** Runs a command by name: function, builtin or program. */
  async invoke(argv: string[], assigns: [string, string][], io: CommandIO): Promise<number> {
    const name = argv[0]!;
    const fn = this.functions.get(name);
    if (fn && !name.includes('/')) return this.withTempVars(assigns, io, () => this.callFunction(fn, argv, io));
    const builtin = BUILTINS.get(name);
    if (builtin) return this.withTempVars(assigns, io, async () => builtin(this, argv, io));
    return this.execExternal(argv, assigns, io);
  }

  private async withTempVars(assigns: [string, string][], io: CommandIO, run: () => Promise<number>): Promise<number> {
    if (assigns.length === 0) return run();
    const saved: [string, Variable | undefined][] = [];
    for (const [name, value] of assigns) {
      const old = this.vars.get(name);
      saved.push([name, old ? { ...old } : undefined]);
      if (old?.readonly) {
        this.error(io, SHELL.readonlyVariable(name));
        continue;
      }
      this.vars.set(name, { value, exported: true, readonly: false });
    }
    try {
      return await run();
    } finally {
      for (let i = saved.length - 1; i >= 0; i--) {
        const [name, old] = saved[i]!;
        if (old) this.vars.set(name, old);
        else this.vars.delete(name);
      }
    }
  }

  async callFunction(fn: FunctionDef, argv: string[], io: CommandIO): Promise<number> {
    if (this.funcDepth >= 1000) {
      this.abort(io, `${fn.name}: maximum function nesting level exceeded (1000)`);
    }
    const savedPositional = this.positional;
    this.positional = argv.slice(1);
    this.localFrames.push(new Map());
    this.funcDepth++;
    const savedFuncname = this.vars.get('FUNCNAME');
    this.vars.set('FUNCNAME', { value: fn.name, array: [fn.name, ...(savedFuncname?.array ?? [])], exported: false, readonly: false });
    try {
      return await this.execCommand(fn.body, io);
    } catch (e) {
      if (e instanceof ReturnRequest) return e.status;
      throw e;
    } finally {
      if (savedFuncname) this.vars.set('FUNCNAME', savedFuncname);
      else this.vars.delete('FUNCNAME');
      this.funcDepth--;
      const frame = this.localFrames.pop()!;
      for (const [name, old] of frame) {
        if (old) this.vars.set(name, old);
        else this.vars.delete(name);
      }
      this.positional = savedPositional;
    }
  }

  /** Where a command name leads (for `type`, `command -v`, `which`-like lookups). */
  resolve(name: string, options: { functions?: boolean; builtins?: boolean } = {}): Resolution {
    if (options.functions !== false) {
      const fn = this.functions.get(name);
      if (fn) return { kind: 'function', def: fn };
    }
    if (options.builtins !== false) {
      if (KEYWORDS.has(name)) return { kind: 'keyword' };
      if (BUILTINS.has(name)) return { kind: 'builtin' };
    }
    if (name.includes('/')) {
      return this.isExecutableFile(this.absolute(name)) ? { kind: 'file', path: name, hashed: false } : { kind: 'none' };
    }
    const hashed = this.hash.get(name);
    if (hashed && this.isRegularFile(this.absolute(hashed.path))) return { kind: 'file', path: hashed.path, hashed: true };
    const found = this.searchPath(name);
    return found ? { kind: 'file', path: found.path, hashed: false } : { kind: 'none' };
  }

  private isRegularFile(path: string): boolean {
    try {
      return this.fs.stat(path).kind === 'file';
    } catch {
      return false;
    }
  }

  private isExecutableFile(path: string): boolean {
    try {
      return this.fs.stat(path).kind === 'file' && this.fs.access(path, 1);
    } catch {
      return false;
    }
  }

  /** PATH search: the first executable regular file, else the first regular file found. */
  searchPath(name: string, all = false): { path: string; executable: boolean } | null {
    const path = this.getVar('PATH') ?? '';
    let fallback: { path: string; executable: boolean } | null = null;
    for (const dir of path.split(':')) {
      const candidate = dir === '' ? name : dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
      const abs = this.absolute(candidate);
      let kind: string;
      try {
        kind = this.fs.stat(abs).kind;
      } catch {
        continue;
      }
      if (kind !== 'file') continue;
      if (this.fs.access(abs, 1)) return { path: candidate, executable: true };
      if (!all) fallback ??= { path: candidate, executable: false };
    }
    return fallback;
  }

  /** Every executable match in PATH (for `type -a`). */
  searchPathAll(name: string): string[] {
    const out: string[] = [];
    for (const dir of (this.getVar('PATH') ?? '').split(':')) {
      const candidate = dir === '' ? name : dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
      if (this.isExecutableFile(this.absolute(candidate))) out.push(candidate);
    }
    return out;
  }

  private async execExternal(argv: string[], assigns: [string, string][], io: CommandIO): Promise<number> {
    const name = argv[0]!;
    let path: string;
    if (name.includes('/')) {
      path = name;
    } else {
      const hashed = this.hash.get(name);
      if (hashed && this.isExecutableFile(this.absolute(hashed.path))) {
        hashed.hits++;
        path = hashed.path;
      } else {
        this.hash.delete(name);
        const found = this.searchPath(name);
        if (!found) {
          if (this.errorStyle.dash) this.error(io, `${name}: not found`);
          else this.error(io, SHELL.commandNotFound(name));
          return 127;
        }
        path = found.path;
        // bash remembers even a file it then fails to run.
        this.hash.set(name, { path, hits: 1 });
      }
    }
    const env = this.exportedEnv();
    for (const [n, v] of assigns) env[n] = v;
    return this.execFile(path, argv, env, io);
  }

  /** Runs the file at `path` (as typed) with `argv`: a program, a script, or an error. */
  async execFile(path: string, argv: string[], env: Record<string, string>, io: CommandIO, depth = 0): Promise<number> {
    const abs = this.absolute(path);
    let stat;
    try {
      stat = this.fs.stat(abs);
    } catch (e) {
      if (e instanceof FsError) {
        this.error(io, SHELL.fsError(path, e.reason));
        return e.code === 'ENOENT' ? 127 : 126;
      }
      throw e;
    }
    if (stat.kind === 'dir') {
      this.error(io, SHELL.isADirectory(path));
      return 126;
    }
    if (!this.fs.access(abs, 1)) {
      this.error(io, SHELL.permissionDenied(path));
      return 126;
    }
    let head: string;
    try {
      head = readHead(this.fs, abs);
    } catch {
      head = '';
    }
    const kind = classifyExecutable(head);
    if (kind.kind === 'program') {
      const program = this.program(kind.id);
      if (!program) {
        this.error(io, SHELL.execFormat(path));
        return 126;
      }
      return this.runProgram(program, argv, env, io);
    }
    if (kind.kind === 'binary') {
      this.error(io, SHELL.execFormat(path));
      return 126;
    }
    if (kind.kind === 'script' && depth < 4 && /(^|\/)env$/.test(kind.interpreter) && kind.argument !== undefined && !kind.argument.startsWith('-')) {
      // `#!/usr/bin/env NAME`: env searches PATH for NAME.
      const target = kind.argument.split(/[ \t]+/)[0]!;
      const found = this.searchPath(target);
      if (!found || !found.executable) {
        stderrOf(io).write(`${kind.interpreter}: \u2018${target}\u2019: No such file or directory\n`);
        return 127;
      }
      return this.execFile(found.path, [target, path, ...argv.slice(1)], env, io, depth + 1);
    }
    if (kind.kind === 'script' && depth < 4) {
      const interpreter = kind.interpreter;
      const iabs = this.absolute(interpreter);
      let ok: boolean;
      try {
        ok = this.fs.stat(iabs).kind === 'file';
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        if (e.code === 'ENOENT') {
          this.error(io, SHELL.requiredFileNotFound(path));
          return 127;
        }
        this.error(io, SHELL.badInterpreter(path, interpreter, e.reason));
        return 126;
      }
      if (!ok || !this.fs.access(iabs, 1)) {
        this.error(io, SHELL.badInterpreter(path, interpreter, 'Permission denied'));
        return 126;
      }
      const args = [interpreter, ...(kind.argument !== undefined ? [kind.argument] : []), path, ...argv.slice(1)];
      return this.execFile(interpreter, args, env, io, depth + 1);
    }
    // No #!: bash runs the file as a shell script.
    const program = this.program('bash');
    if (!program) {
      this.error(io, SHELL.execFormat(path));
      return 126;
    }
    return this.runProgram(program, ['bash', path, ...argv.slice(1)], env, io);
  }

  program(id: string): Program | undefined {
    return this.env.programs(id) ?? (id === 'bash' || id === 'sh' ? bashProgram(this.env.programs) : undefined);
  }

  /** The ProcessContext a program runs with. */
  processContext(argv: string[], env: Record<string, string>, io: CommandIO): ProcessContext {
    const fds = io.fds;
    const ctx: ProcessContext = {
      argv,
      env,
      cwd: this.cwd,
      fs: this.fs,
      cred: this.env.cred,
      stdin: fds[0]?.input ?? EMPTY_INPUT,
      stdout: fds[1]?.output ?? NULL_OUTPUT,
      stderr: fds[2]?.output ?? NULL_OUTPUT,
      tty: { stdin: fds[0]?.tty ?? false, stdout: fds[1]?.tty ?? false, stderr: fds[2]?.tty ?? false },
      terminal: this.env.terminal,
      clock: this.env.clock,
      signal: this.signal,
    };
    contextShells.set(ctx, this);
    return ctx;
  }

  /** execvp for programs (see ../spawn): runs argv in a copy of this shell with the caller's context. */
  async spawnFrom(
    ctx: ProcessContext,
    argv: string[],
    options: { env?: Record<string, string>; cwd?: string; stdin?: ProcessContext['stdin']; stdout?: OutputStream; stderr?: OutputStream },
  ): Promise<{ kind: 'ran'; status: number } | { kind: 'error'; code: FsError['code']; reason: string }> {
    const name = argv[0] ?? '';
    const env = options.env ?? ctx.env;
    const sub = this.fork();
    sub.cwd = options.cwd ?? ctx.cwd;
    sub.signal = ctx.signal;
    sub.vars = new Map();
    for (const [k, v] of Object.entries(env)) sub.vars.set(k, { value: v, exported: true, readonly: false });
    // execvp(3) without PATH searches glibc's default path.
    if (!sub.vars.has('PATH')) sub.vars.set('PATH', { value: '/bin:/usr/bin', exported: false, readonly: false });
    sub.hash = new Map();
    let path: string | null = name;
    if (!name.includes('/')) {
      const found = name === '' ? null : sub.searchPath(name);
      if (!found) return { kind: 'error', code: 'ENOENT', reason: 'No such file or directory' };
      path = found.path;
    }
    const abs = sub.absolute(path);
    try {
      const st = sub.fs.stat(abs);
      if (st.kind === 'dir') return { kind: 'error', code: 'EACCES', reason: 'Permission denied' };
      if (!sub.fs.access(abs, 1)) return { kind: 'error', code: 'EACCES', reason: 'Permission denied' };
    } catch (e) {
      if (e instanceof FsError) return { kind: 'error', code: e.code, reason: e.reason };
      throw e;
    }
    const fds: Fds = [
      { input: BufferedInput.from(options.stdin ?? ctx.stdin), tty: options.stdin ? false : ctx.tty.stdin },
      { output: options.stdout ?? ctx.stdout, tty: options.stdout ? false : ctx.tty.stdout },
      { output: options.stderr ?? ctx.stderr, tty: options.stderr ? false : ctx.tty.stderr },
    ];
    const status = await sub.execFile(path, argv, env, { fds });
    return { kind: 'ran', status };
  }

  async runProgram(program: Program, argv: string[], env: Record<string, string>, io: CommandIO): Promise<number> {
    const ctx = this.processContext(argv, env, io);
    try {
      const status = await program(ctx);
      return Number.isInteger(status) ? status & 255 : 1;
    } catch (e) {
      if (e instanceof Interrupted) return 128 + e.signo;
      if (e instanceof ExitRequest) return e.status & 255;
      // A bug in a program must not take the shell down.
      const message = e instanceof Error ? e.message : String(e);
      ctx.stderr.write(`${argv[0]}: internal error: ${message}\n`);
      return 1;
    }
  }

  /** `$( … )`: runs in a subshell; the output is returned, `$?` remembers the status. */
  async commandSubstitution(body: CommandList, io: CommandIO): Promise<string> {
    const sub = this.fork();
    sub.traceDepth++;
    const out = new StringOutput();
    const fds = io.fds.slice();
    fds[1] = { output: out, tty: false };
    let status: number;
    try {
      status = await sub.execList(body, { fds });
    } catch (e) {
      if (e instanceof InterruptRequest) throw e;
      status = sub.absorbSubshell(e);
    }
    this.substStatus = status;
    this.lastStatus = status;
    return out.text;
  }

  // ------------------------------------------------------------------ redirections

  /**
   * Opens a command's redirections (left to right). On failure prints bash's message and returns
   * null; files opened so far stay created, as in bash.
   */
  async openRedirects(redirects: Redirect[], io: CommandIO): Promise<{ io: CommandIO; close: () => void } | null> {
    const fds: Fds = io.fds.slice();
    const ex = new Expander(this, io);
    for (const r of redirects) {
      const op = r.op;
      const fd = r.fd ?? (op === '<' || op === '<<' || op === '<<-' || op === '<<<' || op === '<>' || op === '<&' ? 0 : 1);
      if (op === '<<' || op === '<<-') {
        const doc = r.heredoc;
        const text = doc ? (doc.quoted ? doc.body.raw : await ex.single(doc.body)) : '';
        fds[fd] = { input: textInput(text), tty: false };
        continue;
      }
      if (op === '<<<') {
        const text = await ex.single(r.target);
        fds[fd] = { input: textInput(`${text}\n`), tty: false };
        continue;
      }
      if (op === '>&' || op === '<&') {
        const target = await ex.single(r.target);
        if (target === '-') {
          fds[fd] = undefined;
          continue;
        }
        if (/^[0-9]+$/.test(target)) {
          const source = fds[Number(target)];
          if (!source) {
            this.error(io, SHELL.badFd(target));
            return null;
          }
          fds[fd] = source;
          continue;
        }
        if (op === '<&') {
          this.error(io, SHELL.ambiguousRedirect(r.target.raw));
          return null;
        }
        // `>& file` is `&> file`.
        const out = this.openOutput(target, false, io, fds);
        if (out === null) return null;
        fds[1] = out;
        fds[2] = out;
        continue;
      }
      const target = await ex.redirectTarget(r.target);
      if (target === null) {
        this.error(io, SHELL.ambiguousRedirect(r.target.raw));
        return null;
      }
      if (op === '<' || op === '<>') {
        const input = this.openInput(target, io, fds);
        if (input === null) return null;
        fds[fd] = input;
        continue;
      }
      const append = op === '>>' || op === '&>>';
      const out = this.openOutput(target, append, io, fds, op === '>|');
      if (out === null) return null;
      if (op === '&>' || op === '&>>') {
        fds[1] = out;
        fds[2] = out;
      } else fds[fd] = out;
    }
    return { io: { fds }, close: () => {} };
  }

  private devicePath(target: string): string | null {
    const abs = this.absolute(target).replace(/\/+/g, '/');
    if (abs.startsWith('/dev/')) return abs;
    return null;
  }

  private openInput(target: string, io: CommandIO, fds: Fds): Fd | null {
    const dev = this.devicePath(target);
    if (dev === '/dev/null' || dev === '/dev/zero') return { input: new BufferedInput(EMPTY_INPUT), tty: false };
    if (dev === '/dev/stdin') return fds[0] ?? { input: new BufferedInput(EMPTY_INPUT), tty: false };
    const fdMatch = dev ? /^\/dev\/fd\/([0-9]+)$/.exec(dev) : null;
    if (fdMatch) {
      const source = fds[Number(fdMatch[1])];
      if (source) return source;
    }
    const abs = this.absolute(target);
    try {
      if (target === '') throw new FsError('ENOENT', '', 'open');
      const stat = this.fs.stat(abs);
      if (stat.kind === 'dir') {
        // open(2) succeeds on a directory; reading it fails later (EISDIR) in the program.
        return { input: new BufferedInput(EMPTY_INPUT), tty: false };
      }
      if (!this.fs.access(abs, 4)) throw new FsError('EACCES', abs, 'open');
      const fs = this.fs;
      let done = false;
      // Read when the program reads (so `cat < f > f` sees the truncated file, as in bash).
      const input = new BufferedInput({
        read: async () => {
          if (done) return null;
          done = true;
          try {
            const text = fs.readText(abs);
            return text === '' ? null : text;
          } catch {
            return null;
          }
        },
      });
      input.file = abs;
      return { input, tty: false };
    } catch (e) {
      if (e instanceof FsError) {
        this.error(io, SHELL.fsError(target, e.reason));
        return null;
      }
      throw e;
    }
  }

  private openOutput(target: string, append: boolean, io: CommandIO, fds: Fds, force = false): Fd | null {
    const dev = this.devicePath(target);
    if (dev === '/dev/null' || dev === '/dev/zero' || dev === '/dev/full') return { output: NULL_OUTPUT, tty: false };
    if (dev === '/dev/stdout') return fds[1] ?? { output: NULL_OUTPUT, tty: false };
    if (dev === '/dev/stderr') return fds[2] ?? { output: NULL_OUTPUT, tty: false };
    if (dev === '/dev/tty') return fds[2]?.tty ? fds[2] : (fds[1] ?? { output: NULL_OUTPUT, tty: false });
    const fdMatch = dev ? /^\/dev\/fd\/([0-9]+)$/.exec(dev) : null;
    if (fdMatch) {
      const source = fds[Number(fdMatch[1])];
      if (source) return source;
    }
    const abs = this.absolute(target);
    try {
      if (target === '') throw new FsError('ENOENT', '', 'open');
      let exists = false;
      try {
        const stat = this.fs.stat(abs);
        exists = true;
        if (stat.kind === 'dir') throw new FsError('EISDIR', abs, 'open');
      } catch (e) {
        if (!(e instanceof FsError) || e.code === 'EISDIR' || e.code === 'EACCES' || e.code === 'ENOTDIR' || e.code === 'ELOOP') throw e;
      }
      if (exists && this.options.noclobber && !append && !force) {
        this.error(io, `${target}: cannot overwrite existing file`);
        return null;
      }
      if (exists && !this.fs.access(abs, 2)) throw new FsError('EACCES', abs, 'open');
      if (!exists || !append) this.fs.writeFile(abs, '', { mode: 0o666 });
      return { output: new FileOutput(this.fs, abs), tty: false };
    } catch (e) {
      if (e instanceof FsError) {
        this.error(io, SHELL.fsError(target, e.reason));
        return null;
      }
      throw e;
    }
  }
}

/** Reads the start of a file (enough to recognise an executable). */
function readHead(fs: FileSystem, path: string): string {
  const reader = fs as FileSystem & { read?: (path: string, offset: number, length: number) => Uint8Array };
  if (typeof reader.read === 'function') {
    const bytes = reader.read(path, 0, 256);
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return text;
  }
  return fs.readText(path).slice(0, 256);
}

/** Quoting of `set -x` traces, as bash does it. */
export function quoteForTrace(word: string): string {
  if (word === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

// ------------------------------------------------------------------ the bash program

const bashPrograms = new WeakMap<object, Program>();

/**
 * The `bash` (and `sh`) program: `bash -c 'cmd'`, `bash script.sh args`, or commands on standard
 * input. `programs` resolves program ids for the commands it runs.
 */
export function bashProgram(programs: (id: string) => Program | undefined): Program {
  let program = bashPrograms.get(programs);
  if (program) return program;
  program = (ctx) => runBash(ctx, programs);
  bashPrograms.set(programs, program);
  return program;
}

export async function runBash(ctx: ProcessContext, programs: (id: string) => Program | undefined): Promise<number> {
  /** As invoked (`/bin/bash`, `sh`): the prefix of its messages. */
  const name = ctx.argv[0] ?? 'bash';
  const base = name.split('/').pop() ?? 'bash';
  const dash = base === 'sh' || base === 'dash';
  const shell = new Shell({ fs: ctx.fs, cred: ctx.cred, clock: ctx.clock, terminal: ctx.terminal, programs });
  shell.cwd = ctx.cwd;
  shell.signal = ctx.signal;
  for (const [k, v] of Object.entries(ctx.env)) shell.vars.set(k, { value: v, exported: true, readonly: false });
  if (!shell.vars.has('PWD')) shell.vars.set('PWD', { value: ctx.cwd, exported: true, readonly: false });
  // bash's built-in default when the environment has no PATH.
  if (!shell.vars.has('PATH')) shell.vars.set('PATH', { value: '/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin:.', exported: false, readonly: false });
  const shlvl = Number(ctx.env.SHLVL ?? '0');
  shell.vars.set('SHLVL', { value: String((Number.isFinite(shlvl) ? shlvl : 0) + 1), exported: true, readonly: false });
  shell.userName = ctx.env.USER ?? 'root';
  const fds: Fds = [
    { input: BufferedInput.from(ctx.stdin), tty: ctx.tty.stdin },
    { output: ctx.stdout, tty: ctx.tty.stdout },
    { output: ctx.stderr, tty: ctx.tty.stderr },
  ];
  const io: CommandIO = { fds };
  const args = ctx.argv.slice(1);
  let command: string | null = null;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-c') {
      command = args[++i] ?? null;
      if (command === null) {
        ctx.stderr.write(`${name}: -c: option requires an argument\n`);
        return 2;
      }
      continue;
    }
    if (a === '-o' || a === '+o') {
      const opt = args[++i];
      if (opt === 'pipefail') shell.options.pipefail = a === '-o';
      else if (opt === 'errexit') shell.options.errexit = a === '-o';
      else if (opt === 'nounset') shell.options.nounset = a === '-o';
      continue;
    }
    if (a === '--norc' || a === '--noprofile' || a === '--login' || a === '--posix' || a === '-l' || a === '-i' || a === '-s') continue;
    if (a === '--version') {
      ctx.stdout.write(BASH_VERSION_TEXT);
      return 0;
    }
    if (/^-[a-zA-Z]+$/.test(a) && !a.includes('c')) {
      for (const f of a.slice(1)) {
        if (f === 'e') shell.options.errexit = true;
        else if (f === 'x') shell.options.xtrace = true;
        else if (f === 'u') shell.options.nounset = true;
        else if (f === 'f') shell.options.noglob = true;
      }
      continue;
    }
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'e') shell.options.errexit = true;
        else if (f === 'x') shell.options.xtrace = true;
        else if (f === 'u') shell.options.nounset = true;
      }
      command = args[++i] ?? null;
      if (command === null) {
        ctx.stderr.write(`${name}: -c: option requires an argument\n`);
        return 2;
      }
      continue;
    }
    break;
  }
  const rest = args.slice(i);
  let text: string;
  if (command !== null) {
    text = command;
    shell.arg0 = rest[0] ?? name;
    shell.positional = rest.slice(1);
    shell.errorStyle = dash ? { name: shell.arg0, lines: true, dash: true } : { name: shell.arg0, lines: true, syntaxName: `${shell.arg0}: -c` };
  } else if (rest.length > 0) {
    const script = rest[0]!;
    shell.arg0 = script;
    shell.positional = rest.slice(1);
    try {
      const abs = shell.absolute(script);
      if (ctx.fs.stat(abs).kind === 'dir') throw new FsError('EISDIR', abs, 'read');
      text = ctx.fs.readText(abs);
    } catch (e) {
      if (e instanceof FsError) {
        if (dash) {
          if (e.code === 'EISDIR') return 0;
          ctx.stderr.write(`${name}: 0: cannot open ${script}: ${e.code === 'ENOENT' ? 'No such file' : e.reason}\n`);
          return 2;
        }
        if (e.code === 'EISDIR') ctx.stderr.write(`${script}: ${script}: Is a directory\n`);
        else ctx.stderr.write(`${name}: ${script}: ${e.reason}\n`);
        return e.code === 'ENOENT' ? 127 : 126;
      }
      throw e;
    }
    shell.errorStyle = dash ? { name: script, lines: true, dash: true } : { name: script, lines: true };
  } else {
    shell.arg0 = name;
    text = await fds[0]!.input!.readAll();
    shell.errorStyle = dash ? { name, lines: true, dash: true } : { name, lines: true };
  }
  try {
    await shell.runText(text, io);
  } catch (e) {
    if (e instanceof ExitRequest) return e.status & 255;
    throw e;
  }
  return shell.lastStatus & 255;
}

const BASH_VERSION_TEXT = `GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>

This is free software; you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
`;

export type { OutputStream };
