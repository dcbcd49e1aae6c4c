/**
 * A container process's environment as the daemon composes it (checked on the lab engine):
 *
 *   Config.Env  = the `-e` entries in order, then the image's entries not overridden by name;
 *   process env = [PATH=<default>, HOSTNAME=<hostname>, (TERM=xterm with -t)] with Config.Env
 *                 replacing by name or appended (entries without `=` skipped), then HOME from the
 *                 user's passwd entry when still unset.
 */

/** system.DefaultPathEnv("linux"). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function keyOf(entry: string): string {
  const eq = entry.indexOf('=');
  return eq < 0 ? entry : entry.slice(0, eq);
}

/** daemon.mergeAndVerifyConfig: the user's entries, then the image's that the user did not name. */
export function mergeEnv(user: readonly string[], image: readonly string[]): string[] {
  if (user.length === 0) return [...image];
  const named = new Set(user.map(keyOf));
  return [...user, ...image.filter((e) => !named.has(keyOf(e)))];
}

/** container.ReplaceOrAppendEnvValues. */
export function replaceOrAppendEnv(defaults: readonly string[], overrides: readonly string[]): string[] {
  const out: (string | null)[] = [...defaults];
  const index = new Map<string, number>();
  out.forEach((e, i) => index.set(keyOf(e!), i));
  for (const value of overrides) {
    if (!value.includes('=')) {
      const i = index.get(value);
      if (i !== undefined) out[i] = null;
      continue;
    }
    const i = index.get(keyOf(value));
    if (i !== undefined) out[i] = value;
    else out.push(value);
  }
  return out.filter((e): e is string => e !== null);
}

export interface ProcessEnvOptions {
  hostname: string;
  tty: boolean;
  /** Config.Env (and, for exec, the exec's own `-e` after it). */
  env: readonly string[];
  /** The user's home, added as HOME when the environment has none (omit to leave that to exec.ts). */
  home?: string;
}

/** The environment the container's process starts with. */
export function processEnv(options: ProcessEnvOptions): string[] {
  const base = [`PATH=${DEFAULT_PATH}`, `HOSTNAME=${options.hostname}`, ...(options.tty ? ['TERM=xterm'] : [])];
  const env = replaceOrAppendEnv(base, options.env);
  if (options.home !== undefined && !env.some((e) => keyOf(e) === 'HOME')) env.push(`HOME=${options.home}`);
  return env;
}

/** An environment list as the record programs get (later entries win). */
export function envRecord(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of list) {
    const eq = entry.indexOf('=');
    if (eq < 0) continue;
    out[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return out;
}
