/**
 * What every image command of the client shares: how the docker CLI prints the errors it gets
 * (cmd/docker/docker.go: `Error response from daemon: …` for an Engine API error, the text alone
 * for the client's own), the exit status of an interrupted command, and the `--filter` flags as
 * the Engine API's filters JSON.
 */
import type { ProcessContext } from '../../../process';
import { Interrupted } from '../../../process';
import type { FlagValue } from '../../cli';
import type { DockerRequest } from '../../cli';
import { ClientError, DaemonError, ReferenceError } from '../../daemon';
import { TemplateError } from '../../format';

/** The text docker prints for an error of the engine or of its own client library. */
export function errorText(err: unknown): string | undefined {
  if (err instanceof DaemonError) return `Error response from daemon: ${err.message}`;
  if (err instanceof ClientError || err instanceof ReferenceError || err instanceof TemplateError) return err.message;
  if (err instanceof CliError) return err.message;
  return undefined;
}

/** An error the CLI itself reports (its text as is), with the exit status it sets. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** 128 + the signal number: what the shell sees when docker is stopped by Ctrl+C (130). */
export function interruptedStatus(err: Interrupted): number {
  return 128 + err.signo;
}

/**
 * Runs a command body and turns what it throws into docker's output and exit status: the error
 * text on stderr (status 1, or the CliError's), 128+signal when interrupted.
 */
export async function runCommand(ctx: ProcessContext, body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof Interrupted) return interruptedStatus(err);
    const text = errorText(err);
    if (text === undefined) throw err;
    if (text !== '') ctx.stderr.write(`${text}\n`);
    return err instanceof CliError ? err.status : 1;
  }
}

export function flagString(request: DockerRequest, name: string): string {
  const v: FlagValue | undefined = request.flags[name];
  return typeof v === 'string' ? v : '';
}

export function flagBool(request: DockerRequest, name: string): boolean {
  return request.flags[name] === true;
}

export function flagList(request: DockerRequest, name: string): string[] {
  const v = request.flags[name];
  return Array.isArray(v) ? [...v] : [];
}

/** opts.FilterOpt → filters.Args: `--filter key=value`, keys lower-cased, grouped, in order. */
export function filterArgs(values: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const raw of values) {
    const filter = raw.trim();
    const eq = filter.indexOf('=');
    const name = (eq < 0 ? filter : filter.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : filter.slice(eq + 1).trim();
    const list = (out[name] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  return out;
}

/** Go's json.Marshal escaping of strings (HTML characters and line separators), on JSON text. */
export function goEscapeJSON(text: string): string {
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON text of plain data in its key order, escaped as the daemon's encoder escapes it. */
export function daemonJSON(value: unknown): string {
  return goEscapeJSON(JSON.stringify(value));
}
