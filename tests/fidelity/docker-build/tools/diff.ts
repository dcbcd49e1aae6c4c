/**
 * Development aid: `npm exec -- tsx tests/fidelity/docker-build/tools/diff.ts [SCENARIO…]` prints
 * the normalised differences between each recording and the simulation.
 */
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runTranscript } from '../../../../src/engine/transcript';
import { createStudentHost, openSession } from '../../../../src/engine/world';
import { normalizeTranscript } from '../normalize';

const dir = join(import.meta.dirname, '..');
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : readdirSync(join(dir, 'scenarios')).filter((n) => n.endsWith('.sh')).map((n) => n.slice(0, -3));

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'bdiff-'));
  for (const name of names) {
    const scenario = readFileSync(join(dir, 'scenarios', `${name}.sh`), 'utf8');
    const options = { contextSize: /^# normalize: context-size/m.test(scenario), fromPull: /^# normalize: from-pull/m.test(scenario) };
    const session = openSession(createStudentHost(), { tty: false });
    const actual = await runTranscript(scenario, { run: (text, write) => session.execute(text, { stdout: { write }, stderr: { write } }) });
    const render = (t: string) => normalizeTranscript(t, options).map((b) => [...b.command, ...b.output].join('\n')).join('\n');
    writeFileSync(join(tmp, `${name}.rec`), `${render(readFileSync(join(dir, 'recorded', `${name}.txt`), 'utf8'))}\n`);
    writeFileSync(join(tmp, `${name}.sim`), `${render(actual)}\n`);
    let out: string;
    try {
      execFileSync('diff', ['-u', join(tmp, `${name}.rec`), join(tmp, `${name}.sim`)], { encoding: 'utf8' });
      out = 'same';
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    process.stdout.write(`=== ${name}: ${out}\n`);
  }
}
void main();
