/**
 * Running another program from a program (env, xargs, find -exec), as execvp would. Under a shell
 * the shell's own spawn does it (../spawn: PATH, executables on disk, scripts, the host's programs).
 * A program run on its own (unit tests) falls back to the same steps here: a name without a slash
 * is looked up in $PATH among executable files, the file's content names the simulated program
 * (see ../executable), and `lookup` gives its implementation.
 */
import { STRERROR, type FileSystem } from '../../fs/types';
import type { Program, ProcessContext } from '../../process';
import { classifyExecutable } from '../executable';
import { shellOf } from '../interpreter/shell';
import { spawn, type SpawnOptions, type SpawnResult } from '../spawn';
import { absolutePath } from './invocation';

/** Finds a program's implementation by its id (the host's `programs` table). */
export type ProgramLookup = (id: string) => Program | undefined;

export type Resolution =
  | { ok: true; path: string; program: Program; argv0Prefix: string[] }
  | { ok: false; status: 126 | 127; reason: string };

/** The executable files called `name` along $PATH, in order (`which -a`). */
export function searchPath(fs: FileSystem, cwd: string, name: string, path: string | undefined): string[] {
  const found: string[] = [];
  for (const dir of (path ?? '').split(':')) {
    const base = dir === '' ? cwd : absolutePath(cwd, dir);
    const candidate = base.endsWith('/') ? `${base}${name}` : `${base}/${name}`;
    try {
      if (fs.stat(candidate).kind === 'file' && fs.access(candidate, 1)) found.push(dir === '' ? name : candidate);
    } catch {
      // not there
    }
  }
  return found;
}

/** What running `name` would start, or why it cannot (127 not found, 126 not runnable). */
export function resolveCommand(ctx: ProcessContext, name: string, lookup: ProgramLookup): Resolution {
  let path: string;
  if (name.includes('/')) {
    path = absolutePath(ctx.cwd, name);
  } else {
    const found = searchPath(ctx.fs, ctx.cwd, name, ctx.env.PATH)[0];
    if (found === undefined) return { ok: false, status: 127, reason: STRERROR.ENOENT };
    path = absolutePath(ctx.cwd, found);
  }
  let content: string;
  try {
    const st = ctx.fs.stat(path);
    if (st.kind === 'dir') return { ok: false, status: 126, reason: STRERROR.EACCES };
    if (!ctx.fs.access(path, 1)) return { ok: false, status: 126, reason: STRERROR.EACCES };
    content = ctx.fs.readText(path);
  } catch {
    return { ok: false, status: 127, reason: STRERROR.ENOENT };
  }
  const kind = classifyExecutable(content);
  if (kind.kind === 'program') {
    const program = lookup(kind.id);
    if (program) return { ok: true, path, program, argv0Prefix: [] };
  }
  if (kind.kind === 'script' || kind.kind === 'shell') {
    const interpreter = kind.kind === 'script' ? kind.interpreter : '/bin/sh';
    const inner = resolveCommand(ctx, interpreter, lookup);
    if (inner.ok) {
      const prefix = kind.kind === 'script' && kind.argument ? [interpreter, kind.argument] : [interpreter];
      return { ok: true, path: inner.path, program: inner.program, argv0Prefix: prefix };
    }
  }
  return { ok: false, status: 126, reason: 'Exec format error' };
}

/** Runs a resolved program with `argv`, sharing the caller's streams unless told otherwise. */
export async function runResolved(
  ctx: ProcessContext,
  resolution: Extract<Resolution, { ok: true }>,
  argv: string[],
  overrides: Partial<ProcessContext> = {},
): Promise<number> {
  const fullArgv = resolution.argv0Prefix.length > 0 ? [...resolution.argv0Prefix, resolution.path, ...argv.slice(1)] : argv;
  return resolution.program({ ...ctx, ...overrides, argv: fullArgv });
}

/** Runs `argv` as execvp would, through the calling shell when there is one. */
export async function startCommand(ctx: ProcessContext, argv: string[], options: SpawnOptions, lookup: ProgramLookup): Promise<SpawnResult> {
  if (shellOf(ctx)) return spawn(ctx, argv, options);
  const child: ProcessContext = { ...ctx, env: options.env ?? ctx.env, cwd: options.cwd ?? ctx.cwd };
  const resolution = resolveCommand(child, argv[0] ?? '', lookup);
  if (!resolution.ok) return { kind: 'error', code: resolution.status === 127 ? 'ENOENT' : 'EACCES', reason: resolution.reason };
  const overrides: Partial<ProcessContext> = {};
  if (options.stdin) overrides.stdin = options.stdin;
  if (options.stdout) overrides.stdout = options.stdout;
  if (options.stderr) overrides.stderr = options.stderr;
  return { kind: 'ran', status: await runResolved(child, resolution, argv, overrides) };
}

/** The exit status execvp's failure gives: 127 when not found, 126 when it cannot run. */
export function failureStatus(result: Extract<SpawnResult, { kind: 'error' }>): 126 | 127 {
  return result.code === 'ENOENT' ? 127 : 126;
}
