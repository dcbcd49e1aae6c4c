/**
 * Differential check (development tool, not part of the test suite): random command lines of the
 * course's commands — flags in every spelling, good and bad values, stray arguments, `--`, `-h` —
 * run through the reference CLI against an unreachable daemon and through the simulator's parser
 * with the same DOCKER_HOST; prints every difference.
 *
 * Usage (root, real lab built): npm exec -- tsx tests/fidelity/docker-cli/tools/fuzz.ts [COUNT] [SEED]
 */
import { createDockerProgram, DISCONNECTED_BACKEND, parseDockerCommandLine } from '../../../../src/engine/docker/cli';
import type { ProcessContext } from '../../../../src/engine/process';
import { commandTree } from '../../../../src/engine/docker/cli/table';
import { pool, prepareStudent, runDocker } from './real-cli';

const COMMANDS = [
  'build', 'image build', 'buildx build', 'images', 'image ls', 'run', 'container run', 'create', 'start', 'stop', 'kill',
  'restart', 'rm', 'container rm', 'rmi', 'image rm', 'ps', 'container ls', 'pull', 'push', 'tag', 'logs', 'exec', 'cp',
  'inspect', 'image inspect', 'container inspect', 'history', 'image prune', 'container prune', 'system df', 'system prune',
  'volume create', 'volume ls', 'volume rm', 'volume inspect', 'volume prune', 'info', 'image', 'container', 'volume', 'system',
  'help', 'help run', 'buildx', 'builder', 'builder prune', 'buildx ls', 'network ls', 'version', 'login', 'logout',
];
const GLOBALS = ['-D', '--debug', '-l', 'debug', '-l', 'x', '--log-level=warn', '-H', 'unix:///x.sock', '--tls=false', '-v', '-h', '--', '-z'];
const VALUES = ['x', '1', '0', '-1', '512m', '1.5', '10s', 'a=b', 'true', 'false', '', '=', 'a:b', '1x', '0x10', 'all', '/dev/sda:10'];

const LAB_HOST = 'unix:///var/run/docker.sock';
let seed = Number(process.argv[3] ?? 1);
function random(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}
function pick<T>(items: readonly T[]): T {
  return items[random(items.length)]!;
}

function resolve(path: string): string {
  const words = path.split(' ');
  if (words[0] === 'build' || (words[0] === 'image' && words[1] === 'build')) return 'buildx build';
  return path;
}

function randomLine(): string[] {
  const command = pick(COMMANDS);
  const node = commandTree().byPath.get(resolve(command)) ?? commandTree().byPath.get(command);
  const flags = node ? node.flagSet.flags.filter((flag) => flag.name !== 'help' || random(4) === 0) : [];
  const words = random(4) === 0 ? [pick(GLOBALS)] : [];
  if (words[0] === '-l' || words[0] === '-H') words.push(pick(['debug', 'x', 'unix:///x.sock']));
  words.push(...command.split(' '));
  const count = random(5);
  for (let i = 0; i < count; i++) {
    const kind = random(10);
    if (kind < 5 && flags.length > 0) {
      const flag = pick(flags);
      const value = pick(VALUES);
      const bool = flag.type === 'bool';
      const form = random(4);
      if (flag.short && form === 0) words.push(bool ? `-${flag.short}` : `-${flag.short}${value}`);
      else if (flag.short && form === 1 && !bool) words.push(`-${flag.short}`, value);
      else if (form === 2 || bool) words.push(bool && random(2) === 0 ? `--${flag.name}` : `--${flag.name}=${value}`);
      else words.push(`--${flag.name}`, value);
    } else if (kind < 7) words.push(pick(['a', 'b', 'c1', 'alpine', 'x:y']));
    else if (kind === 7) words.push(pick(['-z', '--zz', '-', '--', '-h', '---x']));
    else if (kind === 8 && flags.length > 1) {
      const shorts = flags.filter((flag) => flag.short && flag.type === 'bool').map((flag) => flag.short!);
      if (shorts.length > 0) words.push(`-${pick(shorts)}${pick(shorts)}`);
    } else words.push(pick(VALUES) || 'v');
  }
  // run/create would reach the daemon with an image: keep them valid for the parser only
  return words;
}

async function simulate(argv: string[], host: string): Promise<{ out: string; code: number }> {
  let out = '';
  const write = (text: string) => (out += text);
  const ctx = {
    argv: ['docker', ...argv],
    env: { HOME: '/home/student', ...(host === LAB_HOST ? {} : { DOCKER_HOST: host }) },
    cwd: '/home/student',
    fs: undefined as never,
    cred: { uid: 1000, gid: 1000 },
    stdin: { read: async () => null },
    stdout: { write },
    stderr: { write },
    tty: { stdin: false, stdout: false, stderr: false },
    terminal: { columns: 80, rows: 24 },
    clock: undefined as never,
    signal: undefined as never,
  } satisfies ProcessContext;
  const code = await createDockerProgram(DISCONNECTED_BACKEND)(ctx);
  return { out, code };
}

async function main(): Promise<void> {
  prepareStudent();
  const count = Number(process.argv[2] ?? 300);
  const lines = Array.from({ length: count }, randomLine);
  // help and parse errors depend on the daemon (features it hides): ask the lab's for those; the
  // rest goes to an unreachable daemon, so that nothing runs
  const real = await pool(lines, 12, (argv) => {
    const parsed = parseDockerCommandLine(argv, { env: { HOME: '/home/student' } });
    return runDocker(argv, { daemon: parsed.kind === 'done' ? 'lab' : 'none', timeoutMs: 10_000 });
  });
  let compared = 0;
  let differ = 0;
  for (const [index, argv] of lines.entries()) {
    const result = real[index]!;
    const realOut = result.stdout + result.stderr;
    const host = /Cannot connect to the Docker daemon at (\S+)\. /.exec(realOut)?.[1] ?? LAB_HOST;
    // what the real client does without a daemon besides the error is the engine's business
    const cannot = `Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?`;
    const plain = [cannot, `ERROR: ${cannot}`, `docker: ${cannot}\n\nRun 'docker run --help' for more information`, `docker: ${cannot}\n\nRun 'docker container run --help' for more information`];
    if (realOut.includes('Cannot connect') && !plain.some((text) => realOut === `${text}\n`) && !/^(Flag|WARNING)/.test(realOut)) continue;
    const ours = await simulate(argv, host);
    compared++;
    if (ours.out !== realOut || ours.code !== result.code) {
      differ++;
      process.stdout.write(`\n### docker ${argv.join(' ')}\n--- real (${result.code})\n${realOut}--- ours (${ours.code})\n${ours.out}`);
    }
  }
  process.stdout.write(`\n${compared} compared, ${differ} differ (${count - compared} skipped: engine-side output)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
