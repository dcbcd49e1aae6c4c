/**
 * Executables on disk. A program the engine implements in TypeScript (ls, cat, docker, bash…) is
 * installed as a real file, e.g. /usr/bin/ls with mode 0755, whose content is a small fake ELF
 * image naming the program:
 *
 *     \x7fELF\x02\x01\x01\x00 (+ 8 NUL bytes) \n simulated-program: ls \n
 *
 * Running the file looks the name up in the host's program table (`host.programs`). So `which ls`
 * finds /usr/bin/ls, `chmod -x` makes it fail with Permission denied, `cp /usr/bin/ls ./myls`
 * gives a working copy, and a container image ships its own set of files. Files that start with
 * `#!` are scripts run by their interpreter; other files are run as shell scripts, as bash does.
 */
import type { FileSystem } from '../fs/types';

const ELF_MAGIC = '\x7fELF';
const ELF_HEADER = '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00';
const MARKER = 'simulated-program: ';

/** The bytes of an executable implemented by program `id`. */
export function executableImage(id: string): string {
  return `${ELF_HEADER}\n${MARKER}${id}\n`;
}

/** Writes an executable for program `id` at `path` (mode 0755 unless told). */
export function installProgram(fs: FileSystem, path: string, id: string, options: { mode?: number } = {}): void {
  fs.writeFile(path, executableImage(id), { mode: options.mode ?? 0o755 });
  // writeFile applies the mode only on creation; make it exact either way.
  fs.chmod(path, options.mode ?? 0o755);
}

export type ExecutableKind =
  | { kind: 'program'; id: string }
  /** An ELF file the engine cannot run (no simulated-program marker). */
  | { kind: 'binary' }
  | { kind: 'script'; interpreter: string; argument?: string }
  /** No `#!`: bash runs it as a shell script. */
  | { kind: 'shell' };

/** What a file's content says about how to run it. */
export function classifyExecutable(content: string): ExecutableKind {
  if (content.startsWith(ELF_MAGIC)) {
    const at = content.indexOf(MARKER);
    if (at < 0) return { kind: 'binary' };
    const end = content.indexOf('\n', at);
    return { kind: 'program', id: content.slice(at + MARKER.length, end < 0 ? undefined : end) };
  }
  if (content.startsWith('#!')) {
    const end = content.indexOf('\n');
    const line = content.slice(2, end < 0 ? undefined : end).replace(/\r$/, '').trim();
    const space = line.search(/[ \t]/);
    if (space < 0) return { kind: 'script', interpreter: line };
    const argument = line.slice(space + 1).trim();
    return argument === '' ? { kind: 'script', interpreter: line.slice(0, space) } : { kind: 'script', interpreter: line.slice(0, space), argument };
  }
  return { kind: 'shell' };
}

/** The program id of an executable file, or null (not one of ours, unreadable, missing). */
export function programIdOf(fs: FileSystem, path: string): string | null {
  try {
    const kind = classifyExecutable(fs.readText(path));
    return kind.kind === 'program' ? kind.id : null;
  } catch {
    return null;
  }
}
