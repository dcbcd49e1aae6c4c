/**
 * The image commands' fidelity corpus: every scenario in docker-images/scenarios/ was typed into
 * bash on the reference engine (docker CLI 28.2.2, dockerd 26.1.5 with the containerd image store,
 * its registry mirror serving the Debian stand-ins) by /work/shared/tools/record.sh, as user
 * student in an empty home, and its transcript kept in docker-images/recorded/. Each scenario runs
 * here through a fresh simulated laptop whose Docker Hub serves the same stand-ins (standins.ts)
 * and must print the same, once docker-images/normalize.ts has taken out what cannot match
 * (ids and digests of different bytes, times, sizes, column widths, Go's random map order).
 *
 * To add a scenario: write docker-images/scenarios/NAME.sh, then as root, with the lab running
 * (`/work/shared/tools/reallab.sh start` and `images`), remove the lab registry's
 * student/corpus repository (…/registry/docker/registry/v2/repositories/student/corpus) and run
 * `/work/shared/tools/record.sh tests/fidelity/docker-images/scenarios/NAME.sh >
 * tests/fidelity/docker-images/recorded/NAME.txt`. Never interrupt a pull on the lab engine: an
 * unfinished pull leaves a lease that keeps blobs past `docker image prune` for a day. The
 * recordings here were made with `LAB=/tmp/imglab` on a second dockerd started with reallab.sh's
 * command line (own data root, its own bridge, the same registry mirror): record.sh resets the
 * engine it records on, and several sessions share /tmp/reallab.
 *
 * What the lab cannot show (Docker Hub's own errors, logins to Docker Hub, TTY progress bars) is
 * in tests/unit/docker-images.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runTranscript } from '../../src/engine/transcript';
import { createStudentWorld, openSession } from '../../src/engine/world';
import { normalizeDockerTranscript } from './docker-images/normalize';
import { localRegistry, standInHub } from './docker-images/standins';

const dir = join(__dirname, 'docker-images');
const scenarios = readdirSync(join(dir, 'scenarios'))
  .filter((name) => name.endsWith('.sh'))
  .map((name) => name.slice(0, -'.sh'.length))
  .sort();

async function simulate(scenario: string): Promise<string> {
  const { host, engine } = createStudentWorld();
  engine.images.setRegistry('docker.io', standInHub());
  engine.images.setRegistry('127.0.0.1:5000', localRegistry());
  const session = openSession(host, { tty: false });
  return runTranscript(scenario, {
    run: (text, write) => session.execute(text, { stdout: { write }, stderr: { write } }),
  });
}

/** One block per command, for readable failures. */
function blocks(transcript: string): string[] {
  return transcript.split(/\n(?=\$ )/);
}

describe('docker image commands fidelity corpus', () => {
  test('has scenarios, each with a recording', () => {
    expect(scenarios.length).toBeGreaterThan(0);
    const recorded = readdirSync(join(dir, 'recorded'));
    for (const name of scenarios) expect(recorded).toContain(`${name}.txt`);
  });

  for (const name of scenarios) {
    test(name, async () => {
      const scenario = readFileSync(join(dir, 'scenarios', `${name}.sh`), 'utf8');
      const recorded = readFileSync(join(dir, 'recorded', `${name}.txt`), 'utf8');
      const actual = await simulate(scenario);
      expect(blocks(normalizeDockerTranscript(actual))).toEqual(blocks(normalizeDockerTranscript(recorded)));
    });
  }
});
