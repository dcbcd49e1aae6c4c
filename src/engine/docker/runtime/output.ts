/** How the docker client prints what the container and volume endpoints answer (shared by the backend parts). */
import type { ProcessContext } from '../../process';
import { DaemonError } from '../daemon/errors';
import type { DockerRequest } from '../cli/parse';

/** `Error response from daemon: …` (the API client's wrapping of an HTTP error). */
export function daemonText(message: string): string {
  return `Error response from daemon: ${message}`;
}

/**
 * What `docker run`/`docker create` print for an error (cli withHelp): `docker: <text>` then the
 * help hint, on stderr.
 */
export function withHelp(ctx: ProcessContext, request: DockerRequest, text: string, status: number): number {
  const name = request.command[1] === 'create' ? 'docker create' : 'docker run';
  ctx.stderr.write(`docker: ${text}\n\nRun '${name} --help' for more information\n`);
  return status;
}

/** The text of an error thrown by the engine: daemon errors get the API prefix. */
export function errorText(e: unknown): string {
  if (e instanceof DaemonError) return daemonText(e.message);
  if (e instanceof Error) return e.message;
  return String(e);
}

export function flagString(request: DockerRequest, name: string): string {
  const v = request.flags[name];
  return typeof v === 'string' ? v : '';
}

export function flagList(request: DockerRequest, name: string): string[] {
  const v = request.flags[name];
  return Array.isArray(v) ? v : [];
}

export function flagBool(request: DockerRequest, name: string): boolean {
  return request.flags[name] === true;
}

export function flagNumber(request: DockerRequest, name: string): number {
  const v = request.flags[name];
  return typeof v === 'number' ? v : 0;
}

/** `--filter key=value` entries grouped by key (the Engine API's filters argument). */
export function filterArgs(request: DockerRequest): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of flagList(request, 'filter')) {
    const eq = f.indexOf('=');
    const key = f.slice(0, eq).trim().toLowerCase();
    const value = f.slice(eq + 1);
    out.set(key, [...(out.get(key) ?? []), value]);
  }
  return out;
}
