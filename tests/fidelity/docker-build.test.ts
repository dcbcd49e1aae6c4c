/**
 * `docker build` fidelity: every scenario in docker-build/scenarios/ was typed into bash on the
 * reference lab (buildx 0.13.1, BuildKit v0.13, containerd image store; /work/shared/tools/record.sh)
 * and its transcript kept in docker-build/recorded/. Each runs through the simulator; both sides
 * are normalised (docker-build/normalize.ts) and must then be equal.
 *
 * Commands answered by rooms that are not plugged in yet (the simulator prints "Cannot connect to
 * the Docker daemon") are skipped, so the corpus checks them as soon as those rooms land.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runTranscript } from '../../src/engine/transcript';
import { createStudentHost, openSession } from '../../src/engine/world';
import { normalizeTranscript } from './docker-build/normalize';

const dir = join(__dirname, 'docker-build');
const scenarios = readdirSync(join(dir, 'scenarios'))
  .filter((name) => name.endsWith('.sh'))
  .map((name) => name.slice(0, -'.sh'.length))
  .sort();

export async function simulate(scenario: string): Promise<string> {
  const session = openSession(createStudentHost(), { tty: false });
  return runTranscript(scenario, {
    run: (text, write) => session.execute(text, { stdout: { write }, stderr: { write } }),
  });
}

const NOT_PLUGGED = /Cannot connect to the Docker daemon/;

describe('docker build fidelity corpus', () => {
  test('has scenarios, each with a recording', () => {
    expect(scenarios.length).toBeGreaterThan(0);
    for (const name of scenarios) expect(readdirSync(join(dir, 'recorded'))).toContain(`${name}.txt`);
  });

  for (const name of scenarios) {
    test(name, async () => {
      const scenario = readFileSync(join(dir, 'scenarios', `${name}.sh`), 'utf8');
      const options = { contextSize: /^# normalize: context-size/m.test(scenario), fromPull: /^# normalize: from-pull/m.test(scenario) };
      const recorded = normalizeTranscript(readFileSync(join(dir, 'recorded', `${name}.txt`), 'utf8'), options);
      const actual = normalizeTranscript(await simulate(scenario), options);
      expect(actual.map((b) => b.command)).toEqual(recorded.map((b) => b.command));
      actual.forEach((block, i) => {
        if (block.output.some((l) => NOT_PLUGGED.test(l))) return;
        expect([...block.command, ...block.output].join('\n')).toEqual([...recorded[i]!.command, ...recorded[i]!.output].join('\n'));
      });
    }, 60_000);
  }
});
