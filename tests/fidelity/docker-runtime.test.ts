/**
 * The container runtime's fidelity corpus: every scenario in docker-runtime/scenarios/ was typed
 * into bash on the lab engine (docker 28.2.2 CLI, dockerd 26.1.5, runc 1.1.5) by
 * /work/shared/tools/record.sh (see docker-runtime/record.sh) and its transcript kept in
 * docker-runtime/recorded/. Each scenario runs through the simulator in a fresh world and must
 * print the same, once ids, names, times and the lab's stand-in images are normalised
 * (docker-runtime/normalize.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runTranscript } from '../../src/engine/transcript';
import { openSession } from '../../src/engine/world';
import { studentWorld } from '../unit/docker-runtime/world';
import { normalizeTranscript } from './normalize';
import { normalizeRuntime } from './docker-runtime/normalize';

const dir = join(__dirname, 'docker-runtime');
const scenarios = readdirSync(join(dir, 'scenarios'))
  .filter((name) => name.endsWith('.sh'))
  .map((name) => name.slice(0, -'.sh'.length))
  .sort();

async function simulate(scenario: string): Promise<string> {
  const session = openSession(studentWorld().host, { tty: false });
  return runTranscript(scenario, {
    run: (text, write) => session.execute(text, { stdout: { write }, stderr: { write } }),
  });
}

/** One block per command, normalised, for readable failures. */
function blocks(transcript: string): string[] {
  return normalizeRuntime(normalizeTranscript(transcript)).split(/\n(?=\$ )/);
}

describe('container runtime fidelity corpus', () => {
  test('has scenarios, each with a recording', () => {
    expect(scenarios.length).toBeGreaterThan(0);
    for (const name of scenarios) expect(readdirSync(join(dir, 'recorded'))).toContain(`${name}.txt`);
  });

  for (const name of scenarios) {
    test(name, async () => {
      const scenario = readFileSync(join(dir, 'scenarios', `${name}.sh`), 'utf8');
      const recorded = readFileSync(join(dir, 'recorded', `${name}.txt`), 'utf8');
      const actual = await simulate(scenario);
      expect(blocks(actual)).toEqual(blocks(recorded));
    }, 30_000);
  }
});
