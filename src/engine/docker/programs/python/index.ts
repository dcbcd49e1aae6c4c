/**
 * `python`, `python3`, `python3.X`: the interpreter's command line (-u, -c, -m, -V, scripts),
 * stdout buffering, the lesson's scripts, pip's entry points, a minimal interactive prompt.
 */
import type { Program, ProcessContext } from '../../../process';
import { runPip } from '../pip';
import { basename, readOrInterrupt, resolvePath } from '../system';
import { findPython } from './install';
import type { PythonInstall } from './install';
import { LESSON_RUNNERS, ScriptExit, identifyScript } from './lesson';
import type { ScriptRun } from './lesson';
import { HELP_TEXT, PY } from './messages';
import { PyStdout, bufferMode } from './stdio';
import { PyError, Unsupported, banner, commandTraceback, runStatements } from './snippets';
import type { SnippetEnv } from './snippets';
import { FsError } from '../../../fs/types';

interface Invocation {
  unbuffered: boolean;
  quiet: boolean;
  mode: { kind: 'repl' } | { kind: 'command'; code: string } | { kind: 'module'; name: string } | { kind: 'script'; path: string } | { kind: 'stdin' };
  args: string[];
}

const NO_ARG_FLAGS = 'bBdEhiIOqsSuvVx?';

function parseCommandLine(ctx: ProcessContext, prog: string): Invocation | { exit: number } {
  const argv = ctx.argv.slice(1);
  const inv: Invocation = { unbuffered: false, quiet: false, mode: { kind: 'repl' }, args: [] };
  let versionCount = 0;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--version') {
      versionCount++;
      continue;
    }
    if (a === '--help' || a === '-?') {
      ctx.stdout.write(HELP_TEXT(prog));
      return { exit: 0 };
    }
    if (a === '-') {
      inv.mode = { kind: 'stdin' };
      inv.args = argv.slice(i + 1);
      break;
    }
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a.length === 1) break;
    if (a.startsWith('--')) {
      ctx.stderr.write(PY.unknownOption(prog, a));
      return { exit: 2 };
    }
    let j = 1;
    let consumed = false;
    while (j < a.length) {
      const c = a[j]!;
      if (c === 'c' || c === 'm' || c === 'W' || c === 'X') {
        const value = a.length > j + 1 ? a.slice(j + 1) : argv[++i];
        if (value === undefined) {
          ctx.stderr.write(PY.argumentExpected(prog, `-${c}`));
          return { exit: 2 };
        }
        if (c === 'c') {
          inv.mode = { kind: 'command', code: value };
          inv.args = argv.slice(i + 1);
          consumed = true;
        } else if (c === 'm') {
          inv.mode = { kind: 'module', name: value };
          inv.args = argv.slice(i + 1);
          consumed = true;
        }
        break;
      }
      if (!NO_ARG_FLAGS.includes(c)) {
        ctx.stderr.write(PY.unknownOption(prog, `-${c}`));
        return { exit: 2 };
      }
      if (c === 'u') inv.unbuffered = true;
      if (c === 'q') inv.quiet = true;
      if (c === 'V') versionCount++;
      if (c === 'h' || c === '?') {
        ctx.stdout.write(HELP_TEXT(prog));
        return { exit: 0 };
      }
      j++;
    }
    if (consumed) break;
  }
  if (versionCount > 0) return { exit: -1 };
  if (inv.mode.kind === 'repl' && i < argv.length) {
    inv.mode = { kind: 'script', path: argv[i]! };
    inv.args = argv.slice(i + 1);
  }
  if (inv.mode.kind === 'repl' && !ctx.tty.stdin) inv.mode = { kind: 'stdin' };
  return inv;
}

function snippetEnv(ctx: ProcessContext, py: PythonInstall): SnippetEnv {
  return { ctx, py, imported: new Map() };
}

async function runCommand(ctx: ProcessContext, py: PythonInstall, prog: string, code: string, out: PyStdout): Promise<number> {
  const env = snippetEnv(ctx, py);
  const lines = code.split('\n');
  try {
    for (let n = 0; n < lines.length; n++) {
      try {
        const r = runStatements(env, lines[n]!, false);
        if ('exit' in r) return r.exit;
        out.write(r.output);
      } catch (e) {
        if (e instanceof PyError) {
          ctx.stderr.write(commandTraceback(e, n + 1, py));
          return 1;
        }
        throw e;
      }
    }
    return 0;
  } catch (e) {
    if (e instanceof Unsupported) {
      ctx.stderr.write(PY.noArbitraryPython(prog));
      return 1;
    }
    throw e;
  }
}

async function repl(ctx: ProcessContext, py: PythonInstall, quiet: boolean): Promise<number> {
  const env = snippetEnv(ctx, py);
  let built = 'Aug  5 2026, 01:10:11';
  try {
    const mtime = new Date(ctx.fs.stat(ctx.fs.realpath(py.executable)).mtime);
    const mon = mtime.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    const hh = (n: number) => String(n).padStart(2, '0');
    built = `${mon} ${String(mtime.getUTCDate()).padStart(2, ' ')} ${mtime.getUTCFullYear()}, ${hh(mtime.getUTCHours())}:${hh(mtime.getUTCMinutes())}:${hh(mtime.getUTCSeconds())}`;
  } catch {
    // keep the default
  }
  if (!quiet) ctx.stderr.write(banner(py, built));
  let buffer = '';
  for (;;) {
    ctx.stderr.write('>>> ');
    let line: string | null = null;
    for (;;) {
      const nl = buffer.indexOf('\n');
      if (nl >= 0) {
        line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        break;
      }
      const chunk = await readOrInterrupt(ctx);
      if (chunk === null) {
        if (buffer) {
          line = buffer;
          buffer = '';
        }
        break;
      }
      if (typeof chunk === 'object') {
        if (chunk.interrupt !== 2) return 128 + chunk.interrupt;
        ctx.stderr.write('\nKeyboardInterrupt\n>>> ');
        buffer = '';
        continue;
      }
      buffer += chunk;
    }
    if (line === null) {
      ctx.stderr.write('\n');
      return 0;
    }
    const s = line.trim();
    if (s === 'exit' || s === 'quit') {
      ctx.stdout.write(py.minorNumber >= 13 ? '' : `Use ${s}() or Ctrl-D (i.e. EOF) to exit\n`);
      if (py.minorNumber >= 13) return 0;
      continue;
    }
    try {
      const r = runStatements(env, line, true);
      if ('exit' in r) return r.exit;
      ctx.stdout.write(r.output);
    } catch (e) {
      if (e instanceof PyError) ctx.stderr.write(commandTraceback(e, 1, py).replace('File "<string>"', 'File "<stdin>"'));
      else if (e instanceof Unsupported) ctx.stderr.write(PY.replUnsupported);
      else throw e;
    }
  }
}

async function readAllStdin(ctx: ProcessContext): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await readOrInterrupt(ctx);
    if (chunk === null || typeof chunk === 'object') return text;
    text += chunk;
  }
}

/** Runs a script file: a lesson script, a pip entry point, or an honest refusal. */
async function runScript(ctx: ProcessContext, py: PythonInstall, prog: string, scriptArg: string, args: string[], out: PyStdout): Promise<number> {
  const scriptPath = resolvePath(ctx.cwd, scriptArg);
  let text: string;
  try {
    const st = ctx.fs.stat(scriptPath);
    if (st.kind === 'dir') {
      ctx.stderr.write(`${prog}: can't find '__main__' module in '${py.minorNumber >= 9 ? scriptPath : scriptArg}'\n`);
      return 1;
    }
    text = ctx.fs.readText(scriptPath);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    const errno = e.code === 'EACCES' ? '[Errno 13] Permission denied' : '[Errno 2] No such file or directory';
    ctx.stderr.write(PY.cantOpen(prog, py.minorNumber >= 9 ? scriptPath : scriptArg, errno));
    return 2;
  }
  if (/from pip\._internal(\.cli\.main)? import main/.test(text)) return runPip(ctx, py, basename(scriptArg), args);
  const script = identifyScript(text);
  if (!script) {
    ctx.stderr.write(PY.notLessonScript(prog, scriptArg));
    return 1;
  }
  const run: ScriptRun = { ctx, py, scriptArg, scriptPath, args, stdout: out, stderr: ctx.stderr };
  return LESSON_RUNNERS[script](run);
}

export const pythonProgram: Program = async (ctx) => {
  const prog = ctx.argv[0] ?? 'python3';
  const py = findPython(ctx);
  const inv = parseCommandLine(ctx, prog);
  if ('exit' in inv) {
    if (inv.exit === -1) {
      ctx.stdout.write(`Python ${py.version}\n`);
      return 0;
    }
    return inv.exit;
  }
  const out = new PyStdout(ctx.stdout, bufferMode(ctx, inv.unbuffered));
  try {
    let status: number;
    switch (inv.mode.kind) {
      case 'repl':
        status = await repl(ctx, py, inv.quiet);
        break;
      case 'command':
        status = await runCommand(ctx, py, prog, inv.mode.code, out);
        break;
      case 'stdin': {
        const code = await readAllStdin(ctx);
        status = await runCommand(ctx, py, prog, code, out);
        break;
      }
      case 'module':
        if (inv.mode.name === 'pip') status = await runPip(ctx, py, `${prog} -m pip`, inv.args);
        else if (/^[\w.]+$/.test(inv.mode.name) && ctx.fs.exists(resolvePath(ctx.cwd, `${inv.mode.name.replace(/\./g, '/')}.py`))) {
          // `python -m src.models.train_model`: the module file, found from the working directory (sys.path[0])
          status = await runScript(ctx, py, prog, resolvePath(ctx.cwd, `${inv.mode.name.replace(/\./g, '/')}.py`), inv.args, out);
        } else {
          ctx.stderr.write(['venv', 'http.server', 'json.tool', 'site', 'ensurepip'].includes(inv.mode.name) ? PY.noArbitraryPython(prog) : PY.noModule(prog, inv.mode.name));
          status = 1;
        }
        break;
      case 'script':
        status = await runScript(ctx, py, prog, inv.mode.path, inv.args, out);
        break;
    }
    out.flush();
    return status;
  } catch (e) {
    if (e instanceof ScriptExit) {
      if (e.killed) out.discard();
      else out.flush();
      return e.status;
    }
    throw e;
  }
};
