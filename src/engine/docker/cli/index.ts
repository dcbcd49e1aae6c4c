/**
 * The `docker` client program: parses the command line like the reference CLI (parse.ts, driven by
 * the command table), prints help and parse errors itself, and hands every command to its handler
 * (commands/), which calls the DockerBackend.
 */
import type { Program, ProcessContext } from '../../process';
import { DISCONNECTED_BACKEND, type DockerBackend } from './backend';
import { HANDLERS } from './commands';
import { parseDockerCommandLine, type DockerRequest, type ParseResult } from './parse';

export type { DockerBackend, BackendMethod } from './backend';
export { DISCONNECTED_BACKEND, cannotConnect, daemonHost } from './backend';
export type { DockerRequest, ParseResult, Output } from './parse';
export { parseDockerCommandLine } from './parse';
export { completeDockerCommandLine } from './complete';
export type { FlagValue } from './flags';

/** What pflag wraps help to: the width of the terminal on stdin, else 80 columns. */
export function helpWidth(ctx: ProcessContext): number {
  return ctx.tty.stdin ? ctx.terminal.columns : 80;
}

/** Parses a docker command line as `docker` would in this process (argv[0] is `docker`). */
export function parseInContext(ctx: ProcessContext): ParseResult {
  return parseDockerCommandLine(ctx.argv.slice(1), { env: ctx.env, width: helpWidth(ctx) });
}

/** Runs a parsed request: its handler, or the backend's catch-all for commands without one. */
export function dispatch(request: DockerRequest, ctx: ProcessContext, backend: DockerBackend): Promise<number> {
  const handler = HANDLERS[request.command.join(' ')];
  return handler ? handler(request, ctx, backend) : backend.other(request, ctx);
}

export function createDockerProgram(backend: DockerBackend): Program {
  return async (ctx) => {
    const result = parseInContext(ctx);
    for (const { stream, text } of result.output) ctx[stream].write(text);
    if (result.kind === 'done') return result.status;
    return dispatch(result.request, ctx, backend);
  };
}

/** `docker` as installed on the student's host (world.ts). */
export const docker: Program = createDockerProgram(DISCONNECTED_BACKEND);
