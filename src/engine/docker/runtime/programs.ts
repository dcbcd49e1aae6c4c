/**
 * The programs a container's executables run: a file in an image names a program id (see
 * shell/executable.ts), and this table gives its implementation. The container room's own
 * programs (python, pip, apt-get, nvidia-smi …, src/engine/docker/programs) come first, then
 * coreutils and the shells. An id found nowhere runs as a binary the kernel cannot execute.
 */
import type { Program } from '../../process';
import { createCoreutils } from '../../shell/commands';
import { bashProgram } from '../../shell/interpreter/shell';
import { containerPrograms } from '../programs';

export type ProgramLookup = (id: string) => Program | undefined;

/** Programs registered by other rooms (the container programs), by id. */
const registered = new Map<string, Program>();

/**
 * Adds programs that container images can run, over `containerPrograms` of
 * src/engine/docker/programs (tests, lessons with programs of their own). Later registrations of
 * an id replace earlier ones.
 */
export function registerContainerPrograms(programs: Readonly<Record<string, Program>>): void {
  for (const [id, program] of Object.entries(programs)) registered.set(id, program);
}

let base: Record<string, Program> | undefined;

/**
 * Programs that coreutils ships as binaries but the shell room implements as bash builtins
 * (`/usr/bin/pwd`, `/usr/bin/test`, `/usr/bin/[`, `/usr/bin/kill`): run through the shell.
 */
const VIA_SHELL: Record<string, string> = { pwd: 'pwd "$@"', test: 'test "$@"', '[': '[ "$@"', kill: 'kill "$@"' };
const viaShell = new Map<string, Program>();

function shellBuiltin(id: string): Program | undefined {
  const script = VIA_SHELL[id];
  if (script === undefined) return undefined;
  let program = viaShell.get(id);
  if (!program) {
    program = (ctx) => {
      const name = (ctx.argv[0] ?? id).split('/').pop() ?? id;
      const body = name === '[' ? VIA_SHELL['[']! : script;
      return bashProgram(containerProgram)({ ...ctx, argv: ['sh', '-c', body, ctx.argv[0] ?? id, ...ctx.argv.slice(1)] });
    };
    viaShell.set(id, program);
  }
  return program;
}

/** The lookup every container process uses. */
export const containerProgram: ProgramLookup = (id) => {
  const own = registered.get(id) ?? (Object.hasOwn(containerPrograms, id) ? containerPrograms[id] : undefined);
  if (own) return own;
  base ??= createCoreutils(containerProgram);
  if (Object.hasOwn(base, id)) return base[id];
  if (id === 'bash' || id === 'dash' || id === 'sh') return bashProgram(containerProgram);
  return shellBuiltin(id);
};

/**
 * Which signals a program catches (and so receives even as PID 1, where the kernel drops every
 * signal without a handler): Python turns SIGINT into KeyboardInterrupt. Anything else keeps the
 * default action.
 */
const SIGNAL_HANDLERS: Record<string, readonly number[]> = {
  python3: [2],
  python: [2],
};

export function handlesSignal(programId: string | undefined, signo: number): boolean {
  return programId !== undefined && (SIGNAL_HANDLERS[programId]?.includes(signo) ?? false);
}

/** Lets another room declare the signals its program handles (e.g. a trainer that saves on SIGTERM). */
export function declareSignalHandlers(programId: string, signals: readonly number[]): void {
  SIGNAL_HANDLERS[programId] = [...signals];
}
