/**
 * `test` / `[` as bash's builtin evaluates them (test.c): the argument-count rules for up to four
 * arguments, then a recursive parse with `-a`, `-o`, `!` and parentheses; file tests go through
 * the FileSystem with the shell's credentials.
 */
import type { FileSystem, Stat } from '../../fs/types';
import { SHELL } from '../messages';
import type { Shell } from './shell';

export class TestError extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
  }
}

const UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-z', '-n', '-o', '-v']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

function statOf(fs: FileSystem, path: string, follow = true): Stat | null {
  try {
    return follow ? fs.stat(path) : fs.lstat(path);
  } catch {
    return null;
  }
}

function integer(cmd: string, text: string): bigint {
  const t = text.trim();
  if (!/^[-+]?[0-9]+$/.test(t)) throw new TestError(SHELL.test.integerExpected(cmd, text));
  return BigInt(t);
}

class TestEval {
  private pos = 0;

  constructor(
    private readonly shell: Shell,
    private readonly args: string[],
    private readonly cmd: string,
  ) {}

  private path(p: string): string {
    return this.shell.absolute(p);
  }

  unary(op: string, arg: string): boolean {
    const fs = this.shell.fs;
    switch (op) {
      case '-z':
        return arg === '';
      case '-n':
        return arg !== '';
      case '-v':
        return this.shell.paramValue(arg) !== undefined;
      case '-o':
        return false;
      case '-t':
        return false;
    }
    if (arg === '') return false;
    const path = this.path(arg);
    if (op === '-h' || op === '-L') return statOf(fs, path, false)?.kind === 'symlink';
    const st = statOf(fs, path);
    if (st === null) return false;
    switch (op) {
      case '-e':
      case '-a':
        return true;
      case '-f':
        return st.kind === 'file';
      case '-d':
        return st.kind === 'dir';
      case '-s':
        return st.size > 0;
      case '-r':
        return fs.access(path, 4);
      case '-w':
        return fs.access(path, 2);
      case '-x':
        return fs.access(path, 1);
      case '-u':
        return (st.mode & 0o4000) !== 0;
      case '-g':
        return (st.mode & 0o2000) !== 0;
      case '-k':
        return (st.mode & 0o1000) !== 0;
      case '-O':
        return st.uid === this.shell.env.cred.uid;
      case '-G':
        return st.gid === this.shell.env.cred.gid;
      case '-N':
        return false;
      default:
        // -b -c -p -S: no devices, pipes or sockets on this filesystem.
        return false;
    }
  }

  binary(left: string, op: string, right: string): boolean {
    switch (op) {
      case '=':
      case '==':
        return left === right;
      case '!=':
        return left !== right;
      case '<':
        return left < right;
      case '>':
        return left > right;
      case '-eq':
        return integer(this.cmd, left) === integer(this.cmd, right);
      case '-ne':
        return integer(this.cmd, left) !== integer(this.cmd, right);
      case '-lt':
        return integer(this.cmd, left) < integer(this.cmd, right);
      case '-le':
        return integer(this.cmd, left) <= integer(this.cmd, right);
      case '-gt':
        return integer(this.cmd, left) > integer(this.cmd, right);
      case '-ge':
        return integer(this.cmd, left) >= integer(this.cmd, right);
      case '-nt':
      case '-ot': {
        const a = statOf(this.shell.fs, this.path(left));
        const b = statOf(this.shell.fs, this.path(right));
        if (op === '-nt') return a !== null && (b === null || a.mtime > b.mtime);
        return b !== null && (a === null || a.mtime < b.mtime);
      }
      case '-ef': {
        const a = statOf(this.shell.fs, this.path(left));
        const b = statOf(this.shell.fs, this.path(right));
        return a !== null && b !== null && a.ino === b.ino;
      }
    }
    throw new TestError(SHELL.test.binaryExpected(this.cmd, op));
  }

  evaluate(): boolean {
    const n = this.args.length;
    const a = this.args;
    switch (n) {
      case 0:
        return false;
      case 1:
        return a[0] !== '';
      case 2:
        return this.two(0);
      case 3:
        return this.three(0);
      case 4:
        if (a[0] === '!') return !this.three(1);
        if (a[0] === '(' && a[3] === ')') return this.two(1);
        break;
    }
    this.pos = 0;
    const result = this.or();
    if (this.pos < n) throw new TestError(SHELL.test.tooManyArguments(this.cmd));
    return result;
  }

  private two(i: number): boolean {
    const a = this.args;
    if (a[i] === '!') return a[i + 1] === '';
    if (UNARY.has(a[i]!)) return this.unary(a[i]!, a[i + 1]!);
    throw new TestError(SHELL.test.unaryExpected(this.cmd, a[i]!));
  }

  private three(i: number): boolean {
    const a = this.args;
    if (BINARY.has(a[i + 1]!)) return this.binary(a[i]!, a[i + 1]!, a[i + 2]!);
    if (a[i + 1] === '-a') return a[i] !== '' && a[i + 2] !== '';
    if (a[i + 1] === '-o') return a[i] !== '' || a[i + 2] !== '';
    if (a[i] === '!') return !this.two(i + 1);
    if (a[i] === '(' && a[i + 2] === ')') return a[i + 1] !== '';
    throw new TestError(SHELL.test.binaryExpected(this.cmd, a[i + 1]!));
  }

  private or(): boolean {
    let value = this.and();
    while (this.args[this.pos] === '-o') {
      this.pos++;
      const right = this.and();
      value = value || right;
    }
    return value;
  }

  private and(): boolean {
    let value = this.not();
    while (this.args[this.pos] === '-a') {
      this.pos++;
      const right = this.not();
      value = value && right;
    }
    return value;
  }

  private not(): boolean {
    if (this.args[this.pos] === '!') {
      this.pos++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args;
    if (this.pos >= a.length) throw new TestError(SHELL.test.argumentExpected(this.cmd));
    if (a[this.pos] === '(') {
      this.pos++;
      const value = this.or();
      if (a[this.pos] !== ')') throw new TestError(SHELL.test.missingParen(this.cmd));
      this.pos++;
      return value;
    }
    if (this.pos + 2 < a.length + 0 && BINARY.has(a[this.pos + 1]!)) {
      const value = this.binary(a[this.pos]!, a[this.pos + 1]!, a[this.pos + 2]!);
      this.pos += 3;
      return value;
    }
    if (UNARY.has(a[this.pos]!) && this.pos + 1 < a.length) {
      const value = this.unary(a[this.pos]!, a[this.pos + 1]!);
      this.pos += 2;
      return value;
    }
    return a[this.pos++] !== '';
  }
}

/** Evaluates test arguments (without the closing `]`): 0 true, 1 false; throws TestError (status 2). */
export function evalTest(shell: Shell, args: string[], cmd: string): number {
  return new TestEval(shell, args, cmd).evaluate() ? 0 : 1;
}
