/**
 * Runs the reference docker CLI (28.2.2 at /usr/local/bin/docker, buildx plugin) as user student,
 * the way tests/fidelity recordings see it. Node only; used by the capture tool, never at runtime.
 *
 * Needs root, user student (uid 1000) and the real lab (`/work/shared/tools/reallab.sh start`).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, chmodSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LAB = process.env.LAB ?? '/tmp/reallab';
const STUDENT_HOME = '/home/student';
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface RunOptions {
  /** Terminal width seen on stdin (fd 0). Undefined: stdin is /dev/null (width 80, as a transcript). */
  columns?: number;
  /** 'lab': the real daemon (what students have); 'none': an unreachable daemon in a scratch config. */
  daemon?: 'lab' | 'none';
  timeoutMs?: number;
}

/** Makes sure /home/student/.docker/cli-plugins/docker-buildx exists (a recorder may have wiped it). */
export function prepareStudent(): void {
  const plugins = `${STUDENT_HOME}/.docker/cli-plugins`;
  if (!existsSync(`${plugins}/docker-buildx`)) {
    mkdirSync(plugins, { recursive: true });
    copyFileSync(`${LAB}/cfg/cli-plugins/docker-buildx`, `${plugins}/docker-buildx`);
    chmodSync(`${plugins}/docker-buildx`, 0o755);
    for (const dir of [STUDENT_HOME, `${STUDENT_HOME}/.docker`, plugins, `${plugins}/docker-buildx`]) chownSync(dir, 1000, 1000);
  }
  chmodSync(`${LAB}/docker.sock`, 0o666);
}

let scratch: string | null = null;
/** A scratch home + config (with the buildx plugin) for probes against an unreachable daemon. */
function scratchDir(): string {
  if (scratch) return scratch;
  const dir = mkdtempSync(join(tmpdir(), 'docker-cli-probe-'));
  mkdirSync(`${dir}/home/.docker/cli-plugins`, { recursive: true });
  mkdirSync(`${dir}/work`);
  copyFileSync(`${LAB}/cfg/cli-plugins/docker-buildx`, `${dir}/home/.docker/cli-plugins/docker-buildx`);
  chmodSync(`${dir}/home/.docker/cli-plugins/docker-buildx`, 0o755);
  for (const d of [dir, `${dir}/home`, `${dir}/home/.docker`, `${dir}/home/.docker/cli-plugins`, `${dir}/work`])
    chownSync(d, 1000, 1000);
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  scratch = dir;
  return dir;
}

function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function runDocker(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const daemon = options.daemon ?? 'lab';
  let env: string[];
  let cwd: string;
  if (daemon === 'lab') {
    env = [`HOME=${STUDENT_HOME}`, 'USER=student', `DOCKER_HOST=unix://${LAB}/docker.sock`, `DOCKER_CONFIG=${STUDENT_HOME}/.docker`];
    cwd = STUDENT_HOME;
  } else {
    const dir = scratchDir();
    env = [`HOME=${dir}/home`, 'USER=student', `DOCKER_HOST=unix://${dir}/no-daemon.sock`, `DOCKER_CONFIG=${dir}/home/.docker`];
    cwd = `${dir}/work`;
  }
  env.push(`PATH=${PATH}`, 'LANG=C.UTF-8');
  const argv = ['runuser', '-u', 'student', '--', 'env', ...env, 'docker', ...args];
  const timeout = options.timeoutMs ?? 20_000;
  if (options.columns === undefined) {
    return new Promise((resolve) => {
      const child = spawn(argv[0]!, argv.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.on('close', (code, signal) => resolve({ stdout, stderr, code: code ?? (signal ? 128 + 9 : 1) }));
    });
  }
  // stdin a terminal of the given width (what pflag wraps help to); stdout and stderr stay files
  const dir = mkdtempSync(join(tmpdir(), 'docker-cli-tty-'));
  const command = `stty cols ${options.columns} rows 50; ${argv.map(shellQuote).join(' ')} >${dir}/out 2>${dir}/err`;
  return new Promise((resolve) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, stdio: ['ignore', 'ignore', 'ignore'], timeout });
    child.on('close', (code) => {
      const result = {
        stdout: readFileSync(`${dir}/out`, 'utf8'),
        stderr: readFileSync(`${dir}/err`, 'utf8'),
        code: code ?? 1,
      };
      rmSync(dir, { recursive: true, force: true });
      resolve(result);
    });
  });
}

/** Runs jobs with at most `width` in flight. */
export async function pool<T, R>(items: T[], width: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}
