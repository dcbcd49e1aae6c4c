/**
 * Bash's builtins: commands that run inside the shell process (they change its state or are
 * simply part of bash). Messages are bash 5.2's, prefixed by the shell (`bash: cd: …`).
 */
import { FsError } from '../../fs/types';
import { normalize } from '../../fs/path';
import { echo as echoProgram } from '../commands/echo';
import { formatPrintf, printf as printfProgram } from '../commands/printf';
import type { OutputStream, Program } from '../../process';
import { isValidName } from '../parser/parser';
import { SHELL } from '../messages';
import { ArithError, evaluateArith } from '../interpreter/arith';
import { printFunction } from '../interpreter/printer';
import { evalTest, TestError } from '../interpreter/test';
import { parseArrayText } from '../interpreter/expand';
import type { Shell } from '../interpreter/shell';
import { ExitRequest, LoopControl, ReturnRequest, stderrOf, stdinOf, stdoutOf, type Builtin, type CommandIO } from '../interpreter/types';
import { HELP_LIST, HELP_TOPICS } from './help-text';

function out(io: CommandIO, text: string): void {
  stdoutOf(io).write(text);
}

/** Runs one of the commands/ programs as a builtin, with the shell's message prefix. */
async function asBuiltin(program: Program, shell: Shell, args: string[], io: CommandIO): Promise<number> {
  const stderr = stderrOf(io);
  const prefix = shell.prefix();
  const rewritten: OutputStream =
    prefix === 'bash: '
      ? stderr
      : { write: (text: string) => stderr.write(text.replace(/^bash: /gm, prefix)) };
  const ctx = shell.processContext(args, shell.exportedEnv(), io);
  ctx.stderr = rewritten;
  return program(ctx);
}

/** `declare -x NAME="value"` quoting: backslash before " \ $ `. */
function declareQuote(value: string): string {
  return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** `set` / `declare -p` style single quoting ($'…' for control characters). */
function setQuote(value: string): string {
  if (value === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  if (/[\x00-\x1f\x7f]/.test(value)) {
    const escaped = value.replace(/[\\'\x00-\x1f\x7f]/g, (c) => {
      const map: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x1b': '\\E', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
      return map[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
    });
    return `$'${escaped}'`;
  }
  return `'${value.replace(/'/g, "'\\''")}'`;
}

function sortedNames(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// ------------------------------------------------------------------ simple ones

const colon: Builtin = () => 0;
const trueBuiltin: Builtin = () => 0;
const falseBuiltin: Builtin = () => 1;

const echo: Builtin = (shell, args, io) => asBuiltin(echoProgram, shell, args, io);

const printf: Builtin = async (shell, args, io) => {
  if (args[1] === '-v') {
    const name = args[2];
    if (name === undefined) {
      shell.error(io, 'printf: -v: option requires an argument');
      stderrOf(io).write('printf: usage: printf [-v var] format [arguments]\n');
      return 2;
    }
    if (!isValidName(name)) {
      shell.error(io, `printf: \`${name}': not a valid identifier`);
      return 2;
    }
    let rest = args.slice(3);
    if (rest[0] === '--') rest = rest.slice(1);
    if (rest.length === 0) {
      stderrOf(io).write('printf: usage: printf [-v var] format [arguments]\n');
      return 2;
    }
    const result = formatPrintf(rest[0]!, rest.slice(1));
    for (const message of result.diagnostics) shell.error(io, `printf: ${message}`);
    if (!shell.assign(name, result.output, io)) return 1;
    return result.status;
  }
  return asBuiltin(printfProgram, shell, args, io);
};

const exit: Builtin = (shell, args, io) => {
  if (shell.interactive && shell.funcDepth === 0) stderrOf(io).write('exit\n');
  const arg = args[1];
  if (arg === undefined) throw new ExitRequest(shell.lastStatus & 255);
  if (!/^\s*[-+]?[0-9]+\s*$/.test(arg)) {
    shell.error(io, SHELL.numericArgumentRequired('exit', arg));
    throw new ExitRequest(2);
  }
  if (args.length > 2) {
    shell.error(io, SHELL.tooManyArguments('exit'));
    return 1;
  }
  throw new ExitRequest(Number(BigInt.asUintN(8, BigInt(arg.trim()))));
};

const returnBuiltin: Builtin = (shell, args, io) => {
  if (!shell.inFunction && shell.sourceDepth === 0) {
    shell.error(io, SHELL.returnOutsideFunction);
    return 2;
  }
  const arg = args[1];
  if (arg === undefined) throw new ReturnRequest(shell.lastStatus);
  if (!/^\s*[-+]?[0-9]+\s*$/.test(arg)) {
    shell.error(io, SHELL.numericArgumentRequired('return', arg));
    throw new ReturnRequest(2);
  }
  if (args.length > 2) {
    shell.error(io, SHELL.tooManyArguments('return'));
    return 1;
  }
  throw new ReturnRequest(Number(BigInt.asUintN(8, BigInt(arg.trim()))));
};

function loopControl(kind: 'break' | 'continue'): Builtin {
  return (shell, args, io) => {
    let levels = 1;
    if (args[1] !== undefined) {
      if (!/^[0-9]+$/.test(args[1])) {
        shell.error(io, SHELL.numericArgumentRequired(kind, args[1]));
        return 1;
      }
      levels = Number(args[1]);
      if (levels < 1) {
        shell.error(io, `${kind}: ${args[1]}: loop count out of range`);
        return 1;
      }
    }
    if (shell.loopDepth === 0) {
      shell.error(io, SHELL.loopOnly(kind));
      return 0;
    }
    throw new LoopControl(kind, Math.min(levels, shell.loopDepth));
  };
}

const shift: Builtin = (shell, args, io) => {
  let n = 1;
  if (args[1] !== undefined) {
    if (!/^[0-9]+$/.test(args[1])) {
      shell.error(io, SHELL.numericArgumentRequired('shift', args[1]));
      return 1;
    }
    n = Number(args[1]);
  }
  if (n > shell.positional.length) return 1;
  shell.positional = shell.positional.slice(n);
  return 0;
};

// ------------------------------------------------------------------ directories

const cd: Builtin = (shell, args, io) => {
  let operands = args.slice(1);
  let physical = false;
  while (operands[0] !== undefined && /^-[LPe@]+$/.test(operands[0])) {
    if (operands[0].includes('P')) physical = true;
    operands = operands.slice(1);
  }
  if (operands[0] === '--') operands = operands.slice(1);
  if (operands.length > 1) {
    shell.error(io, SHELL.cd.tooMany);
    return 1;
  }
  let dir: string | undefined = operands[0];
  let print = false;
  if (dir === undefined) {
    const home = shell.getVar('HOME');
    if (home === undefined) {
      shell.error(io, SHELL.cd.homeNotSet);
      return 1;
    }
    dir = home;
  } else if (dir === '-') {
    const old = shell.getVar('OLDPWD');
    if (old === undefined) {
      shell.error(io, SHELL.cd.oldpwdNotSet);
      return 1;
    }
    dir = old;
    print = true;
  }
  if (dir === '') {
    if (print) out(io, '\n');
    return 0;
  }
  const raw = dir.startsWith('/') ? dir : `${shell.cwd === '/' ? '' : shell.cwd}/${dir}`;
  let target = normalize(raw);
  if (target.length > 1 && target.endsWith('/')) target = target.slice(0, -1);
  try {
    // The path as typed must lead to a searchable directory (missing components are errors even
    // when a `..` follows them).
    const st = shell.fs.stat(raw);
    if (st.kind !== 'dir') throw new FsError('ENOTDIR', raw, 'chdir');
    if (!shell.fs.access(raw, 1)) throw new FsError('EACCES', raw, 'chdir');
    if (target !== raw) {
      const st2 = shell.fs.stat(target);
      if (st2.kind !== 'dir') throw new FsError('ENOTDIR', target, 'chdir');
    }
    if (physical) target = shell.fs.realpath(target);
  } catch (e) {
    if (e instanceof FsError) {
      shell.error(io, SHELL.cd.error(dir, e.reason));
      return 1;
    }
    throw e;
  }
  const old = shell.getVar('PWD') ?? shell.cwd;
  shell.cwd = target;
  shell.setVar('OLDPWD', old);
  shell.setVar('PWD', target);
  if (print) out(io, `${target}\n`);
  return 0;
};

const pwd: Builtin = (shell, args, io) => {
  for (const a of args.slice(1)) {
    if (a === '-P') {
      try {
        out(io, `${shell.fs.realpath(shell.cwd)}\n`);
        return 0;
      } catch (e) {
        if (e instanceof FsError) {
          shell.error(io, `pwd: error retrieving current directory: getcwd: cannot access parent directories: ${e.reason}`);
          return 1;
        }
        throw e;
      }
    }
    if (a !== '-L') {
      shell.error(io, SHELL.invalidOption('pwd', a.slice(0, 2)));
      stderrOf(io).write('pwd: usage: pwd [-LP]\n');
      return 2;
    }
  }
  out(io, `${shell.cwd}\n`);
  return 0;
};

// ------------------------------------------------------------------ variables

/** NAME or NAME=value operands of export / readonly / local / declare. */
function splitAssignment(arg: string): { name: string; value?: string; append: boolean } {
  const eq = arg.indexOf('=');
  if (eq < 0) return { name: arg, append: false };
  const append = arg[eq - 1] === '+';
  return { name: arg.slice(0, append ? eq - 1 : eq), value: arg.slice(eq + 1), append };
}

/** One `declare -p` line. */
function declaration(shell: Shell, name: string): string {
  const v = shell.vars.get(name)!;
  if (v.array) {
    const items: string[] = [];
    v.array.forEach((item, i) => {
      if (item !== undefined) items.push(`[${i}]=${declareQuote(item)}`);
    });
    return `declare -${flagsOf(shell, name)} ${name}=(${items.join(' ')})\n`;
  }
  return `declare -${flagsOf(shell, name)} ${name}${v.value === undefined ? '' : `=${declareQuote(v.value)}`}\n`;
}

function printDeclare(shell: Shell, io: CommandIO, filter: (name: string) => boolean): void {
  let text = '';
  for (const name of sortedNames(shell.vars.keys())) {
    if (filter(name)) text += declaration(shell, name);
  }
  out(io, text);
}

function flagsOf(shell: Shell, name: string): string {
  const v = shell.vars.get(name);
  if (!v) return '-';
  let flags = '';
  if (v.array) flags += 'a';
  if (v.integer) flags += 'i';
  if (v.readonly) flags += 'r';
  if (v.exported) flags += 'x';
  return flags === '' ? '-' : flags;
}

/** Assigns the `(…)` text of an array argument (see Expander's array parts). */
function assignArrayText(shell: Shell, name: string, text: string, append: boolean, io: CommandIO): boolean {
  const items = parseArrayText(text).map((item) => (item.index === undefined ? { value: item.value } : { index: Number(shell.arith(item.index, io)), value: item.value }));
  if (shell.setArray(name, items, append)) return true;
  shell.error(io, SHELL.readonlyVariable(name));
  return false;
}

const exportBuiltin: Builtin = (shell, args, io) => {
  let operands = args.slice(1);
  let unexport = false;
  while (operands[0] !== undefined && /^-[nfp]+$/.test(operands[0])) {
    if (operands[0].includes('n')) unexport = true;
    operands = operands.slice(1);
  }
  if (operands[0] === '--') operands = operands.slice(1);
  if (operands[0] !== undefined && operands[0].startsWith('-') && operands[0] !== '-') {
    shell.error(io, SHELL.invalidOption('export', operands[0].slice(0, 2)));
    stderrOf(io).write('export: usage: export [-fn] [name[=value] ...] or export -p\n');
    return 2;
  }
  if (operands.length === 0) {
    printDeclare(shell, io, (n) => shell.vars.get(n)!.exported);
    return 0;
  }
  let status = 0;
  for (const arg of operands) {
    const { name, value, append } = splitAssignment(arg);
    if (!isValidName(name)) {
      shell.error(io, `export: ${SHELL.notValidIdentifier(arg)}`);
      status = 1;
      continue;
    }
    const v = shell.vars.get(name);
    if (unexport) {
      if (v) v.exported = false;
      continue;
    }
    if (value !== undefined) {
      if (v?.readonly) {
        shell.error(io, SHELL.readonlyVariable(name));
        status = 1;
        continue;
      }
      shell.setVar(name, append ? (v?.value ?? '') + value : value, true);
    } else if (v) {
      v.exported = true;
    } else {
      shell.vars.set(name, { value: undefined, exported: true, readonly: false });
    }
  }
  return status;
};

const readonlyBuiltin: Builtin = (shell, args, io) => {
  let operands = args.slice(1);
  while (operands[0] !== undefined && /^-[pfa]+$/.test(operands[0])) operands = operands.slice(1);
  if (operands[0] === '--') operands = operands.slice(1);
  if (operands.length === 0) {
    printDeclare(shell, io, (n) => shell.vars.get(n)!.readonly);
    return 0;
  }
  let status = 0;
  for (const arg of operands) {
    const { name, value } = splitAssignment(arg);
    if (!isValidName(name)) {
      shell.error(io, `readonly: ${SHELL.notValidIdentifier(arg)}`);
      status = 1;
      continue;
    }
    const v = shell.vars.get(name);
    if (value !== undefined) {
      if (v?.readonly) {
        shell.error(io, SHELL.readonlyVariable(name));
        status = 1;
        continue;
      }
      shell.setVar(name, value);
    } else if (!v) shell.vars.set(name, { value: undefined, exported: false, readonly: false });
    shell.vars.get(name)!.readonly = true;
  }
  return status;
};

const unset: Builtin = (shell, args, io) => {
  let operands = args.slice(1);
  let mode: 'v' | 'f' | 'any' = 'any';
  while (operands[0] !== undefined && /^-[vfn]+$/.test(operands[0])) {
    if (operands[0].includes('f')) mode = 'f';
    else if (operands[0].includes('v')) mode = 'v';
    operands = operands.slice(1);
  }
  if (operands[0] === '--') operands = operands.slice(1);
  let status = 0;
  for (const name of operands) {
    if (mode === 'f') {
      shell.functions.delete(name);
      continue;
    }
    const element = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/.exec(name);
    if (element) {
      if (element[2] === '@' || element[2] === '*') shell.unsetVar(element[1]!);
      else if (!shell.unsetElement(element[1]!, Number(shell.arith(element[2]!, io)))) {
        shell.error(io, `unset: ${element[1]}: cannot unset: readonly variable`);
        status = 1;
      }
      continue;
    }
    if (!isValidName(name)) {
      shell.error(io, `unset: ${SHELL.notValidIdentifier(name)}`);
      status = 1;
      continue;
    }
    if (shell.vars.has(name)) {
      if (!shell.unsetVar(name)) {
        shell.error(io, `unset: ${name}: cannot unset: readonly variable`);
        status = 1;
      }
    } else if (mode === 'any') shell.functions.delete(name);
  }
  return status;
};

function declareLike(command: 'local' | 'declare' | 'typeset'): Builtin {
  return (shell, args, io) => {
    if (command === 'local' && !shell.inFunction) {
      shell.error(io, SHELL.localOutsideFunction);
      return 1;
    }
    let operands = args.slice(1);
    const flags = new Set<string>();
    const removed = new Set<string>();
    while (operands[0] !== undefined && /^[-+][a-zA-Z]+$/.test(operands[0])) {
      for (const f of operands[0].slice(1)) (operands[0][0] === '-' ? flags : removed).add(f);
      operands = operands.slice(1);
    }
    if (operands[0] === '--') operands = operands.slice(1);
    if (flags.has('f') || flags.has('F')) {
      const names = operands.length > 0 ? operands : sortedNames(shell.functions.keys());
      let status = 0;
      let text = '';
      for (const name of names) {
        const fn = shell.functions.get(name);
        if (!fn) {
          status = 1;
          continue;
        }
        text += flags.has('F') ? `declare -f ${name}\n` : `${printFunction(fn)}\n`;
      }
      out(io, text);
      return status;
    }
    if (operands.length === 0) {
      if (flags.has('p') || command !== 'local') {
        printDeclare(shell, io, (n) => (flags.has('x') ? shell.vars.get(n)!.exported : flags.has('r') ? shell.vars.get(n)!.readonly : flags.has('a') ? shell.vars.get(n)!.array !== undefined : true));
      }
      return 0;
    }
    let status = 0;
    for (const arg of operands) {
      // `local -`: the shell options become local (accepted; options are not restored).
      if (arg === '-' && command === 'local') continue;
      const { name, value, append } = splitAssignment(arg);
      if (flags.has('p') && value === undefined) {
        const v = shell.vars.get(name);
        if (!v) {
          shell.error(io, `${command}: ${name}: not found`);
          status = 1;
          continue;
        }
        out(io, declaration(shell, name));
        continue;
      }
      if (!isValidName(name)) {
        shell.error(io, `${command}: ${SHELL.notValidIdentifier(arg)}`);
        status = 1;
        continue;
      }
      if ((command === 'local' || (shell.inFunction && !flags.has('g'))) && shell.inFunction) shell.makeLocal(name);
      const v = shell.vars.get(name);
      if (flags.has('i')) {
        if (v) v.integer = true;
      }
      if (value !== undefined && value.startsWith('(') && value.endsWith(')')) {
        if (!assignArrayText(shell, name, value, append, io)) status = 1;
      } else if (value !== undefined) {
        if (v?.readonly) {
          shell.error(io, SHELL.readonlyVariable(name));
          status = 1;
          continue;
        }
        let newValue = append ? (v?.value ?? '') + value : value;
        if (flags.has('i') || v?.integer) {
          if (append && v?.value !== undefined) newValue = `${v.value}+(${value})`;
          try {
            newValue = String(evaluateArith(newValue, shell.arithVars));
          } catch (e) {
            if (e instanceof ArithError) {
              shell.error(io, e.message);
              status = 1;
              continue;
            }
            throw e;
          }
        }
        shell.setVar(name, newValue);
      } else if (!v) {
        shell.vars.set(name, { value: undefined, exported: false, readonly: false });
      }
      const nv = shell.vars.get(name)!;
      if (flags.has('a') && !nv.array) {
        nv.array = nv.value === undefined ? [] : [nv.value];
      }
      if (flags.has('i')) nv.integer = true;
      if (flags.has('x')) nv.exported = true;
      if (removed.has('x')) nv.exported = false;
      if (flags.has('r')) nv.readonly = true;
    }
    return status;
  };
}

const set: Builtin = (shell, args, io) => {
  const operands = args.slice(1);
  if (operands.length === 0) {
    let text = '';
    for (const name of sortedNames(shell.vars.keys())) {
      const value = shell.vars.get(name)!.value;
      if (value !== undefined) text += `${name}=${setQuote(value)}\n`;
    }
    for (const name of sortedNames(shell.functions.keys())) text += `${printFunction(shell.functions.get(name)!)}\n`;
    out(io, text);
    return 0;
  }
  const longNames: Record<string, keyof Shell['options']> = {
    errexit: 'errexit',
    nounset: 'nounset',
    pipefail: 'pipefail',
    xtrace: 'xtrace',
    noglob: 'noglob',
    noclobber: 'noclobber',
  };
  const letters: Record<string, keyof Shell['options']> = { e: 'errexit', u: 'nounset', x: 'xtrace', f: 'noglob', C: 'noclobber' };
  let i = 0;
  for (; i < operands.length; i++) {
    const a = operands[i]!;
    if (a === '--') {
      shell.positional = operands.slice(i + 1);
      return 0;
    }
    if (a === '-') {
      shell.options.xtrace = false;
      shell.positional = operands.slice(i + 1);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const name = operands[i + 1];
      if (name === undefined) {
        let text = '';
        const all = ['allexport', 'braceexpand', 'emacs', 'errexit', 'errtrace', 'functrace', 'hashall', 'histexpand', 'history', 'ignoreeof', 'interactive-comments', 'keyword', 'monitor', 'noclobber', 'noexec', 'noglob', 'nolog', 'notify', 'nounset', 'onecmd', 'physical', 'pipefail', 'posix', 'privileged', 'verbose', 'vi', 'xtrace'];
        const on = (n: string): boolean => {
          const key = longNames[n];
          if (key) return shell.options[key];
          return n === 'braceexpand' || n === 'hashall' || n === 'interactive-comments' || (shell.interactive && (n === 'emacs' || n === 'histexpand' || n === 'history' || n === 'monitor'));
        };
        for (const n of all) text += a === '-o' ? `${n.padEnd(15)}\t${on(n) ? 'on' : 'off'}\n` : `set ${on(n) ? '-o' : '+o'} ${n}\n`;
        out(io, text);
        return 0;
      }
      i++;
      const key = longNames[name];
      if (key) shell.options[key] = a === '-o';
      else if (!['braceexpand', 'hashall', 'interactive-comments', 'emacs', 'vi', 'history', 'histexpand', 'monitor', 'notify', 'posix', 'verbose', 'allexport', 'ignoreeof', 'physical', 'errtrace', 'functrace', 'keyword', 'noexec', 'nolog', 'onecmd', 'privileged'].includes(name)) {
        shell.error(io, `set: ${name}: invalid option name`);
        return 2;
      }
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        const key = letters[f];
        if (key) shell.options[key] = a[0] === '-';
        else if (!'abhkmnpvtBEHPT'.includes(f)) {
          shell.error(io, `set: ${a[0]}${f}: invalid option`);
          stderrOf(io).write('set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n');
          return 2;
        }
      }
      continue;
    }
    break;
  }
  if (i < operands.length) shell.positional = operands.slice(i);
  return 0;
};

const letBuiltin: Builtin = (shell, args, io) => {
  if (args.length < 2) {
    shell.error(io, 'let: expression expected');
    return 1;
  }
  let value = 0n;
  for (const expr of args.slice(1)) {
    try {
      value = evaluateArith(expr, shell.arithVars);
    } catch (e) {
      if (e instanceof ArithError) {
        shell.error(io, `let: ${e.message}`);
        return 1;
      }
      throw e;
    }
  }
  return value === 0n ? 1 : 0;
};

// ------------------------------------------------------------------ input

const read: Builtin = async (shell, args, io) => {
  let raw = false;
  let prompt: string | null = null;
  let delimiter = '\n';
  let count: number | null = null;
  let arrayName: string | null = null;
  const names: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (names.length === 0 && /^-[rsp]*[pdnNta]?$/.test(a) && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const f = a[k]!;
        if (f === 'r') raw = true;
        else if (f === 's') continue;
        else if (f === 'p' || f === 'd' || f === 'n' || f === 'N' || f === 't' || f === 'a') {
          const value = a.slice(k + 1) || args[++i];
          if (value === undefined) {
            shell.error(io, `read: -${f}: option requires an argument`);
            return 2;
          }
          if (f === 'p') prompt = value;
          else if (f === 'a') arrayName = value;
          else if (f === 'd') delimiter = value === '' ? '\0' : value[0]!;
          else if (f === 'n' || f === 'N') count = Number(value);
          break;
        }
      }
      continue;
    }
    if (a === '--' && names.length === 0) continue;
    if (!isValidName(a)) {
      shell.error(io, `read: ${SHELL.notValidIdentifier(a)}`);
      return 1;
    }
    names.push(a);
  }
  const stdin = stdinOf(io);
  if (prompt !== null && io.fds[0]?.tty) stderrOf(io).write(prompt);
  let line = '';
  let eof = false;
  if (count !== null) {
    const n = count;
    const chunk = await readWithSignal(shell, (d) => stdin.readCount(n, d), delimiter);
    if (chunk === null) eof = true;
    else line = chunk.endsWith(delimiter) ? chunk.slice(0, -delimiter.length) : chunk;
  } else {
    for (;;) {
      const chunk = await readWithSignal(shell, stdin.readUntil.bind(stdin), delimiter);
      if (chunk === null) {
        eof = true;
        break;
      }
      if (!chunk.endsWith(delimiter)) {
        line += chunk;
        eof = true;
        break;
      }
      const body = chunk.slice(0, -delimiter.length);
      if (!raw && delimiter === '\n' && /(^|[^\\])(\\\\)*\\$/.test(body)) {
        // Backslash-newline: the line continues.
        line += body.slice(0, -1);
        continue;
      }
      line += body;
      break;
    }
  }
  if (!raw) line = line.replace(/\\(.)/gs, '$1').replace(/\\$/, '');
  const targets = names.length > 0 ? names : ['REPLY'];
  if (arrayName !== null) {
    const ifs = shell.getVar('IFS') ?? ' \t\n';
    const fields: string[] = [];
    let rest = line;
    while (rest !== '') {
      const [first, remainder] = splitForRead(rest, ifs, 2);
      if (first === undefined) break;
      if (first === '' && (remainder ?? '') === '' && fields.length > 0) break;
      fields.push(first);
      rest = remainder ?? '';
    }
    shell.setArray(arrayName, fields.map((value) => ({ value })), false);
  } else if (names.length === 0) {
    shell.assign('REPLY', line, io);
  } else {
    const ifs = shell.getVar('IFS') ?? ' \t\n';
    const values = splitForRead(line, ifs, targets.length);
    targets.forEach((name, i) => shell.assign(name, values[i] ?? '', io));
  }
  return eof && line === '' ? 1 : eof ? 1 : 0;
};

async function readWithSignal(shell: Shell, reader: (d: string) => Promise<string | null>, delimiter: string): Promise<string | null> {
  if (shell.signal.interrupted) return null;
  let stop: (() => void) | undefined;
  const interrupted = new Promise<null>((resolve) => {
    stop = shell.signal.onInterrupt(() => resolve(null));
  });
  try {
    return await Promise.race([reader(delimiter), interrupted]);
  } finally {
    stop?.();
  }
}

/** Splits a line read by `read` into `n` fields; the last one takes the rest. */
function splitForRead(line: string, ifs: string, n: number): string[] {
  const isWs = (c: string) => (c === ' ' || c === '\t' || c === '\n') && ifs.includes(c);
  const isIfs = (c: string) => ifs.includes(c);
  let i = 0;
  while (i < line.length && isWs(line[i]!)) i++;
  const fields: string[] = [];
  while (fields.length < n - 1 && i < line.length) {
    let field = '';
    while (i < line.length && !isIfs(line[i]!)) field += line[i++];
    fields.push(field);
    // Skip the delimiter: whitespace, at most one non-whitespace IFS char, whitespace.
    while (i < line.length && isWs(line[i]!)) i++;
    if (i < line.length && isIfs(line[i]!) && !isWs(line[i]!)) {
      i++;
      while (i < line.length && isWs(line[i]!)) i++;
    }
  }
  if (i < line.length || fields.length < n) {
    let rest = line.slice(i);
    let end = rest.length;
    while (end > 0 && isWs(rest[end - 1]!)) end--;
    rest = rest.slice(0, end);
    fields.push(rest);
  }
  return fields;
}

// ------------------------------------------------------------------ test

function testBuiltin(name: 'test' | '['): Builtin {
  return (shell, args, io) => {
    let operands = args.slice(1);
    if (name === '[') {
      if (operands[operands.length - 1] !== ']') {
        shell.error(io, SHELL.test.missingBracket);
        return 2;
      }
      operands = operands.slice(0, -1);
    }
    try {
      return evalTest(shell, operands, name);
    } catch (e) {
      if (e instanceof TestError) {
        shell.error(io, e.message);
        return e.status;
      }
      throw e;
    }
  };
}

// ------------------------------------------------------------------ commands

const typeBuiltin: Builtin = (shell, args, io) => {
  let operands = args.slice(1);
  let all = false;
  let terse = false;
  let pathOnly = false;
  let forcePath = false;
  let noFunctions = false;
  while (operands[0] !== undefined && /^-[atpPf]+$/.test(operands[0])) {
    const f = operands[0];
    if (f.includes('a')) all = true;
    if (f.includes('t')) terse = true;
    if (f.includes('p')) pathOnly = true;
    if (f.includes('P')) forcePath = true;
    if (f.includes('f')) noFunctions = true;
    operands = operands.slice(1);
  }
  if (operands[0] === '--') operands = operands.slice(1);
  let status = 0;
  let text = '';
  for (const name of operands) {
    let found = false;
    if (!forcePath) {
      const fn = noFunctions ? undefined : shell.functions.get(name);
      const aliasValue = shell.interactive ? shell.aliases.get(name) : undefined;
      const checks: [boolean, string, string][] = [
        [aliasValue !== undefined, 'alias', `${name} is aliased to \`${aliasValue}'`],
        [KEYWORD_NAMES.has(name), 'keyword', `${name} is a shell keyword`],
        [fn !== undefined, 'function', fn ? `${name} is a function\n${printFunction(fn)}` : ''],
        [BUILTINS.has(name), 'builtin', `${name} is a shell builtin`],
      ];
      // bash's order: alias, keyword, function, builtin, file.
      for (const [ok, kind, message] of checks) {
        if (!ok) continue;
        found = true;
        if (pathOnly) {
          if (!all) break;
          continue;
        }
        text += terse ? `${kind}\n` : `${message}\n`;
        if (!all) break;
      }
      if (found && !all) continue;
    }
    const paths = all ? shell.searchPathAll(name) : [];
    if (!all) {
      const r = shell.resolve(name, { functions: false, builtins: false });
      if (r.kind === 'file') {
        found = true;
        text += terse ? 'file\n' : pathOnly || forcePath ? `${r.path}\n` : r.hashed ? `${name} is hashed (${r.path})\n` : `${name} is ${r.path}\n`;
      }
    } else {
      for (const p of paths) {
        found = true;
        text += terse ? 'file\n' : pathOnly || forcePath ? `${p}\n` : `${name} is ${p}\n`;
      }
    }
    if (!found) {
      out(io, text);
      text = '';
      if (!terse && !pathOnly && !forcePath) shell.error(io, SHELL.type.notFound(name));
      status = 1;
    }
  }
  out(io, text);
  return status;
};

const KEYWORD_NAMES = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);

const command: Builtin = async (shell, args, io) => {
  let operands = args.slice(1);
  let mode: 'run' | 'v' | 'V' = 'run';
  while (operands[0] !== undefined && /^-[pvV]+$/.test(operands[0])) {
    if (operands[0].includes('v')) mode = 'v';
    if (operands[0].includes('V')) mode = 'V';
    operands = operands.slice(1);
  }
  if (operands[0] === '--') operands = operands.slice(1);
  if (operands.length === 0) return 0;
  if (mode === 'run') {
    const name = operands[0]!;
    const builtin = BUILTINS.get(name);
    if (builtin) return builtin(shell, operands, io);
    // Skip functions: straight to PATH.
    const saved = shell.functions;
    shell.functions = new Map();
    try {
      return await shell.invoke(operands, [], io);
    } finally {
      shell.functions = saved;
    }
  }
  if (mode === 'V') return typeBuiltin(shell, ['type', ...operands], io);
  let status = 0;
  let text = '';
  for (const name of operands) {
    const r = shell.resolve(name);
    if (r.kind === 'none') status = 1;
    else if (r.kind === 'file') text += `${r.path.includes('/') && !r.path.startsWith('/') ? shell.absolute(r.path) : r.path}\n`;
    else text += `${name}\n`;
  }
  out(io, text);
  return status;
};

const hash: Builtin = (shell, args, io) => {
  const operands = args.slice(1);
  if (operands[0] === '-r') {
    shell.hash.clear();
    return 0;
  }
  if (operands.length === 0) {
    if (shell.hash.size === 0) {
      // bash prints this one on standard output, without its prefix.
      out(io, 'hash: hash table empty\n');
      return 0;
    }
    let text = 'hits\tcommand\n';
    for (const [, entry] of shell.hash) text += `${String(entry.hits).padStart(4)}\t${entry.path}\n`;
    out(io, text);
    return 0;
  }
  let status = 0;
  for (const name of operands) {
    if (BUILTINS.has(name)) continue;
    const found = shell.searchPath(name);
    if (!found || !found.executable) {
      shell.error(io, `hash: ${name}: not found`);
      status = 1;
      continue;
    }
    shell.hash.set(name, { path: found.path, hits: 0 });
  }
  return status;
};

const evalBuiltin: Builtin = async (shell, args, io) => {
  const text = args.slice(1).join(' ');
  if (text.trim() === '') return 0;
  return shell.evalText(text, io);
};

const source: Builtin = async (shell, args, io) => {
  const file = args[1];
  if (file === undefined) {
    shell.error(io, SHELL.source.filenameRequired);
    stderrOf(io).write(`${SHELL.source.usage}\n`);
    return 2;
  }
  let path = file;
  if (!file.includes('/')) {
    const found = shell.searchPath(file);
    if (found) path = found.path;
  }
  let text: string;
  try {
    const abs = shell.absolute(path);
    if (shell.fs.stat(abs).kind === 'dir') throw new FsError('EISDIR', abs, 'open');
    text = shell.fs.readText(abs);
  } catch (e) {
    if (e instanceof FsError) {
      shell.error(io, e.code === 'EISDIR' ? `${file}: is a directory` : SHELL.fsError(file, e.reason));
      return 1;
    }
    throw e;
  }
  const savedPositional = shell.positional;
  if (args.length > 2) shell.positional = args.slice(2);
  shell.sourceDepth++;
  try {
    return await shell.evalText(text, io, false);
  } catch (e) {
    if (e instanceof ReturnRequest) return e.status;
    throw e;
  } finally {
    shell.sourceDepth--;
    if (args.length > 2) shell.positional = savedPositional;
  }
};

const help: Builtin = (shell, args, io) => {
  let operands = args.slice(1);
  let short = false;
  while (operands[0] !== undefined && /^-[dms]+$/.test(operands[0])) {
    if (operands[0].includes('s')) short = true;
    operands = operands.slice(1);
  }
  if (operands[0] === '--') operands = operands.slice(1);
  if (operands.length === 0) {
    out(io, HELP_LIST);
    return 0;
  }
  let status = 0;
  let text = '';
  for (const name of operands) {
    const topic = HELP_TOPICS[name];
    if (topic === undefined) {
      out(io, text);
      text = '';
      shell.error(io, `help: no help topics match \`${name}'.  Try \`help help' or \`man -k ${name}' or \`info ${name}'.`);
      status = 1;
      continue;
    }
    text += short ? `${topic.split('\n')[0]!.replace(/^[^:]*: /, `${name}: `)}\n` : topic;
  }
  out(io, text);
  return status;
};

const history: Builtin = (shell, args, io) => {
  const operands = args.slice(1);
  if (operands[0] === '-c') {
    shell.history.length = 0;
    return 0;
  }
  let entries = shell.history.map((line, i) => [i + 1, line] as const);
  if (operands[0] !== undefined) {
    if (!/^[0-9]+$/.test(operands[0])) {
      shell.error(io, SHELL.numericArgumentRequired('history', operands[0]));
      return 1;
    }
    const n = Number(operands[0]);
    entries = n === 0 ? [] : entries.slice(-n);
  }
  out(io, entries.map(([n, line]) => `${String(n).padStart(5)}  ${line}\n`).join(''));
  return 0;
};

const wait: Builtin = () => 0;

const umask: Builtin = (shell, args, io) => {
  const fs = shell.fs as typeof shell.fs & { umask?: number; withUmask?: (mask: number) => typeof shell.fs };
  const current = fs.umask ?? 0o022;
  const arg = args[1];
  if (arg === undefined) {
    out(io, `${current.toString(8).padStart(4, '0')}\n`);
    return 0;
  }
  if (arg === '-S') {
    const perms = (shift: number) => {
      const bits = (~current >> shift) & 7;
      return `${bits & 4 ? 'r' : ''}${bits & 2 ? 'w' : ''}${bits & 1 ? 'x' : ''}`;
    };
    out(io, `u=${perms(6)},g=${perms(3)},o=${perms(0)}\n`);
    return 0;
  }
  if (!/^[0-7]{1,4}$/.test(arg)) {
    shell.error(io, `umask: ${arg}: octal number out of range`);
    return 1;
  }
  if (typeof fs.withUmask === 'function') shell.env.fs = fs.withUmask(parseInt(arg, 8));
  return 0;
};

const alias: Builtin = (shell, args, io) => {
  const table = shell.aliases;
  const operands = args.slice(1).filter((a) => a !== '-p');
  if (operands.length === 0) {
    out(io, sortedNames(table.keys()).map((n) => `alias ${n}='${table.get(n)!.replace(/'/g, "'\\''")}'\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const a of operands) {
    const eq = a.indexOf('=');
    if (eq > 0) table.set(a.slice(0, eq), a.slice(eq + 1));
    else if (table.has(a)) out(io, `alias ${a}='${table.get(a)!.replace(/'/g, "'\\''")}'\n`);
    else {
      shell.error(io, `alias: ${a}: not found`);
      status = 1;
    }
  }
  return status;
};

const unalias: Builtin = (shell, args, io) => {
  const table = shell.aliases;
  let status = 0;
  for (const a of args.slice(1)) {
    if (a === '-a') table.clear();
    else if (!table.delete(a)) {
      shell.error(io, `unalias: ${a}: not found`);
      status = 1;
    }
  }
  return status;
};

const trap: Builtin = () => 0;
const shopt: Builtin = () => 0;

const exec: Builtin = async (shell, args, io) => {
  if (args.length < 2) return 0;
  const status = await shell.invoke(args.slice(1), [], io);
  throw new ExitRequest(status);
};

const getopts: Builtin = (shell, args, io) => {
  const spec = args[1];
  const name = args[2];
  if (spec === undefined || name === undefined) {
    stderrOf(io).write('getopts: usage: getopts optstring name [arg ...]\n');
    return 2;
  }
  const params = args.length > 3 ? args.slice(3) : shell.positional;
  let optind = Number(shell.getVar('OPTIND') ?? '1');
  if (!Number.isFinite(optind) || optind < 1) optind = 1;
  const silent = spec.startsWith(':');
  const letters = silent ? spec.slice(1) : spec;
  const state = getoptsState.get(shell) ?? { index: 0 };
  const arg = params[optind - 1];
  if (arg === undefined || arg === '--' || !arg.startsWith('-') || arg === '-') {
    if (arg === '--') shell.setVar('OPTIND', String(optind + 1));
    shell.setVar(name, '?');
    getoptsState.set(shell, { index: 0 });
    return 1;
  }
  const pos = state.index === 0 ? 1 : state.index;
  const letter = arg[pos]!;
  const next = () => {
    if (pos + 1 < arg.length) getoptsState.set(shell, { index: pos + 1 });
    else {
      getoptsState.set(shell, { index: 0 });
      optind++;
    }
  };
  const at = letters.indexOf(letter);
  if (at < 0 || letter === ':') {
    if (!silent) shell.error(io, `illegal option -- ${letter}`);
    shell.setVar(name, '?');
    if (silent) shell.setVar('OPTARG', letter);
    next();
    shell.setVar('OPTIND', String(optind));
    return 0;
  }
  if (letters[at + 1] === ':') {
    let value: string | undefined;
    if (pos + 1 < arg.length) {
      value = arg.slice(pos + 1);
      optind++;
    } else {
      value = params[optind];
      optind += 2;
    }
    getoptsState.set(shell, { index: 0 });
    if (value === undefined) {
      if (!silent) shell.error(io, `option requires an argument -- ${letter}`);
      shell.setVar(name, silent ? ':' : '?');
      if (silent) shell.setVar('OPTARG', letter);
      shell.setVar('OPTIND', String(optind - 1));
      return 0;
    }
    shell.setVar('OPTARG', value);
  } else next();
  shell.setVar(name, letter);
  shell.setVar('OPTIND', String(optind));
  return 0;
};

const getoptsState = new WeakMap<Shell, { index: number }>();

export const BUILTINS = new Map<string, Builtin>([
  [':', colon],
  ['.', source],
  ['[', testBuiltin('[')],
  ['alias', alias],
  ['break', loopControl('break')],
  ['cd', cd],
  ['command', command],
  ['continue', loopControl('continue')],
  ['declare', declareLike('declare')],
  ['echo', echo],
  ['eval', evalBuiltin],
  ['exec', exec],
  ['exit', exit],
  ['export', exportBuiltin],
  ['false', falseBuiltin],
  ['getopts', getopts],
  ['hash', hash],
  ['help', help],
  ['history', history],
  ['let', letBuiltin],
  ['local', declareLike('local')],
  ['printf', printf],
  ['pwd', pwd],
  ['read', read],
  ['readonly', readonlyBuiltin],
  ['return', returnBuiltin],
  ['set', set],
  ['shift', shift],
  ['shopt', shopt],
  ['source', source],
  ['test', testBuiltin('test')],
  ['trap', trap],
  ['true', trueBuiltin],
  ['type', typeBuiltin],
  ['typeset', declareLike('typeset')],
  ['umask', umask],
  ['unalias', unalias],
  ['unset', unset],
  ['wait', wait],
]);
