/**
 * Scenarios replayed through the simulated bash and compared with what real bash 5.2 printed
 * for them (oracle/*.transcript, made by oracle/record-all.sh, a copy of the real recorder).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/engine/host';
import { ShellSession } from '../../../src/engine/shell/session';
import { runTranscript } from '../../../src/engine/transcript';

const dir = join(__dirname, 'oracle');
const scenarios = readdirSync(dir).filter((f) => f.endsWith('.scenario'));

/**
 * A command that ends a non-interactive shell (`exit`, `break` at top level, `${x:?}`, `set -e`)
 * also ends the recorder: the real transcript stops after its `$ ` line, output unknown.
 */
function comparable(expected: string, actual: string): string {
  const lines = expected.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const last = lines[lines.length - 1];
  if (last === undefined || !last.startsWith('$ ')) return actual;
  const at = actual.lastIndexOf(`${last}\n`);
  return at < 0 ? actual : actual.slice(0, at + last.length + 1);
}

describe('bash oracle transcripts', () => {
  for (const file of scenarios) {
    it(file, async () => {
      const scenario = readFileSync(join(dir, file), 'utf8');
      const expected = readFileSync(join(dir, file.replace(/\.scenario$/, '.transcript')), 'utf8');
      const session = new ShellSession(new Host(), { tty: false });
      const actual = await runTranscript(scenario, {
        run: (text, write) => session.execute(text, { stdout: { write }, stderr: { write } }),
      });
      expect(comparable(expected, actual)).toBe(expected);
    });
  }
});
