import { describe, expect, test } from 'vitest';
import type { InputStream, ProcessContext } from '../../../src/engine/process';
import {
  DISCONNECTED_BACKEND,
  createDockerProgram,
  docker,
  type DockerBackend,
  type DockerRequest,
} from '../../../src/engine/docker/cli';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr in the order written */
  merged: string;
}

function input(text: string | null): InputStream {
  let chunks = text === null ? [] : [text];
  return {
    read: async () => {
      const [first, ...rest] = chunks;
      chunks = rest;
      return first ?? null;
    },
  };
}

async function run(program: ReturnType<typeof createDockerProgram>, line: string, options: { tty?: boolean; stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const out = { stdout: '', stderr: '', merged: '' };
  const stream = (name: 'stdout' | 'stderr') => ({
    write(text: string) {
      out[name] += text;
      out.merged += text;
    },
  });
  const tty = options.tty ?? false;
  const ctx = {
    argv: ['docker', ...line.split(' ').filter(Boolean)],
    env: { HOME: '/home/student', ...options.env },
    cwd: '/home/student',
    fs: undefined as never,
    cred: { uid: 1000, gid: 1000 },
    stdin: input(options.stdin ?? null),
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    tty: { stdin: tty, stdout: tty, stderr: tty },
    terminal: { columns: 100, rows: 30 },
    clock: undefined as never,
    signal: undefined as never,
  } satisfies ProcessContext;
  const status = await program(ctx);
  return { status, ...out };
}

/** A backend that records which method was called with what. */
function recording(): { backend: DockerBackend; calls: [string, DockerRequest][] } {
  const calls: [string, DockerRequest][] = [];
  const backend = Object.fromEntries(
    Object.keys(DISCONNECTED_BACKEND).map((method) => [
      method,
      async (request: DockerRequest) => {
        calls.push([method, request]);
        return 0;
      },
    ]),
  ) as unknown as DockerBackend;
  return { backend, calls };
}

describe('dispatch', () => {
  test('each command reaches its backend method, whatever name was typed', async () => {
    const { backend, calls } = recording();
    const program = createDockerProgram(backend);
    for (const line of ['ps -a', 'container list', 'images', 'rmi x', 'build .', 'builder build .', 'info', 'network ls', 'buildx ls']) {
      expect((await run(program, line)).status).toBe(0);
    }
    expect(calls.map(([method]) => method)).toEqual([
      'containerLs',
      'containerLs',
      'imageLs',
      'imageRm',
      'buildxBuild',
      'buildxBuild',
      'systemInfo',
      'other',
      'other',
    ]);
    expect(calls[7]![1].command).toEqual(['network', 'ls']);
  });

  test('parse errors never reach the backend', async () => {
    const { backend, calls } = recording();
    const program = createDockerProgram(backend);
    expect((await run(program, 'ps -z')).status).toBe(125);
    expect((await run(program, 'rm')).status).toBe(1);
    expect((await run(program, 'ps --help')).status).toBe(0);
    expect(calls).toEqual([]);
  });

  test('help wraps to the terminal width when stdin is a terminal', async () => {
    const narrow = await run(docker, 'ps --help');
    const wide = await run(docker, 'ps --help', { tty: true });
    expect(narrow.stdout).toContain('(includes all\n');
    expect(wide.stdout).toContain('Show n last created containers (includes all states) (default -1)\n');
  });
});

describe('client-side checks', () => {
  test('run -it needs a terminal on stdin', async () => {
    const { backend, calls } = recording();
    const program = createDockerProgram(backend);
    expect(await run(program, 'run -it alpine')).toEqual({
      status: 1,
      stdout: '',
      stderr: 'the input device is not a TTY\n',
      merged: 'the input device is not a TTY\n',
    });
    expect((await run(program, 'run -dit alpine')).status).toBe(0);
    expect((await run(program, 'run -it alpine', { tty: true })).status).toBe(0);
    expect(calls.map(([method]) => method)).toEqual(['containerRun', 'containerRun']);
  });

  test('prune asks on stdout; only y or Y goes on', async () => {
    const { backend, calls } = recording();
    const program = createDockerProgram(backend);
    const question = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ';
    expect(await run(program, 'image prune', { stdin: 'n\n' })).toMatchObject({ status: 0, stdout: question, stderr: '' });
    expect(await run(program, 'image prune')).toMatchObject({ status: 0, stdout: question });
    expect(calls).toEqual([]);
    await run(program, 'image prune', { stdin: 'y\n' });
    await run(program, 'image prune -f');
    expect(calls.map(([method]) => method)).toEqual(['imagePrune', 'imagePrune']);
  });
});

describe('the disconnected backend', () => {
  test('prints what the real client prints without a daemon', async () => {
    const message = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';
    expect(await run(docker, 'ps')).toMatchObject({ status: 1, stdout: '', stderr: `${message}\n` });
    expect(await run(docker, 'run alpine')).toMatchObject({
      status: 125,
      stderr: `docker: ${message}\n\nRun 'docker run --help' for more information\n`,
    });
    expect(await run(docker, 'container run alpine')).toMatchObject({
      stderr: `docker: ${message}\n\nRun 'docker run --help' for more information\n`,
    });
    expect(await run(docker, 'build .')).toMatchObject({ status: 1, stderr: `ERROR: ${message}\n` });
    expect((await run(docker, 'ps', { env: { DOCKER_HOST: 'tcp://1.2.3.4:2375' } })).stderr).toContain('at tcp://1.2.3.4:2375.');
    expect((await run(docker, '-H unix:///x.sock ps')).stderr).toContain('at unix:///x.sock.');
  });

  test('answers docker version and --version', async () => {
    expect((await run(docker, 'version')).stdout).toMatch(/^Client:\n Version: {11}28\.2\.2\n/);
    expect(await run(docker, '--version')).toMatchObject({ status: 0, stdout: 'Docker version 28.2.2, build e6534b4\n' });
  });
});

describe('streams', () => {
  test('notices and help on stdout, errors on stderr, in order', async () => {
    expect(await run(docker, 'stop --time 1')).toMatchObject({
      status: 1,
      stdout: 'Flag --time has been deprecated, use --timeout instead\n',
    });
    expect((await run(docker, 'buildx build -h')).stdout).toMatch(/^Flag shorthand -h has been deprecated, please use --help\nStart a build\n/);
    expect(await run(docker, '-l x ps')).toMatchObject({ status: 1, stdout: '', stderr: 'Unable to parse logging level: x\n' });
    expect(await run(docker, 'buildx -x')).toMatchObject({ status: 125, stdout: '' });
    expect(await run(docker, 'buildx foo')).toMatchObject({ status: 0, stderr: '' });
    expect(await run(docker, 'image')).toMatchObject({ status: 0, stdout: '' });
  });
});
