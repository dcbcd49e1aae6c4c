/**
 * A student world for the runtime's tests: the laptop and its engine, with the docker program
 * wired to the full backend including backend/system-objects.ts (docker inspect, system df,
 * system prune) whether or not backend/index.ts merges it yet.
 */
import { createDockerProgram } from '../../../src/engine/docker/cli';
import { createEngineBackend } from '../../../src/engine/docker/backend';
import { systemObjectsBackend } from '../../../src/engine/docker/backend/system-objects';
import { createStudentWorld, openSession, type StudentHostOptions, type StudentHost } from '../../../src/engine/world';
import type { ShellSession } from '../../../src/engine/shell/session';

export function studentWorld(options: StudentHostOptions = {}): StudentHost {
  const world = createStudentWorld(options);
  const backend = { ...createEngineBackend(world.engine), ...systemObjectsBackend(world.engine) };
  world.host.programs.set('docker', createDockerProgram(backend));
  return world;
}

/** Runs command lines in a fresh non-TTY session; returns everything printed and the last status. */
export async function run(session: ShellSession, ...lines: string[]): Promise<{ out: string; status: number }> {
  let out = '';
  let status = 0;
  const write = (chunk: string): void => {
    out += chunk;
  };
  for (const line of lines) status = await session.execute(line, { stdout: { write }, stderr: { write } });
  return { out, status };
}

export function session(world: StudentHost, tty = false): ShellSession {
  return openSession(world.host, { tty });
}
