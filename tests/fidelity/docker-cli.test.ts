/**
 * The docker CLI's fidelity corpus: every scenario in docker-cli/scenarios/ was typed into bash on
 * the reference CLI (docker 28.2.2 + buildx, /work/shared/tools/record.sh) and its transcript kept
 * in docker-cli/recorded/. Each scenario runs through the simulator and must print the same bytes.
 * Only lines whose real output does not depend on engine state are in the corpus (help, parse
 * errors, what the client checks before it talks to the engine).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runTranscript } from '../../src/engine/transcript';
import { createStudentHost, openSession } from '../../src/engine/world';

const dir = join(__dirname, 'docker-cli');
const scenarios = readdirSync(join(dir, 'scenarios'))
  .filter((name) => name.endsWith('.sh'))
  .map((name) => name.slice(0, -'.sh'.length))
  .sort();

async function simulate(scenario: string): Promise<string> {
  const session = openSession(createStudentHost(), { tty: false });
  return runTranscript(scenario, {
    run: (text, write) => session.execute(text, { stdout: { write }, stderr: { write } }),
  });
}

/** Splits a transcript into one block per command, for readable failures. */
function blocks(transcript: string): string[] {
  return transcript.split(/\n(?=\$ )/);
}

describe('docker CLI fidelity corpus', () => {
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
    });
  }
});
