/** The engine's answers for `docker build` (buildx): the builder room. */
import type { DockerEngine } from '../engine';
import type { DockerRequest } from '../cli/parse';
import type { ProcessContext } from '../../process';
import { runBuild } from '../builder';
import type { BuildOptions } from '../builder';
import type { BackendPart } from './index';

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The request's flags as build options. */
export function buildOptions(request: DockerRequest): BuildOptions {
  const f = request.flags;
  return {
    context: request.args[0] ?? '.',
    file: str(f.file),
    tags: list(f.tag),
    buildArgs: list(f['build-arg']),
    noCache: f['no-cache'] === true,
    noCacheFilter: list(f['no-cache-filter']),
    target: str(f.target),
    platforms: list(f.platform),
    progress: str(f.progress) || 'auto',
    quiet: f.quiet === true,
    pull: f.pull === true,
    labels: list(f.label),
    iidfile: str(f.iidfile),
  };
}

export function buildBackend(engine: DockerEngine): BackendPart {
  return {
    buildxBuild: (request: DockerRequest, ctx: ProcessContext) =>
      runBuild(engine, buildOptions(request), {
        cwd: ctx.cwd,
        stdin: ctx.stdin,
        fs: ctx.fs,
        env: ctx.env,
        stdout: ctx.stdout,
        stderr: ctx.stderr,
        tty: ctx.tty.stderr,
        terminal: ctx.terminal,
        clock: ctx.clock,
        signal: ctx.signal,
      }),
  };
}
