/**
 * Every `--help` the reference CLI printed (tests/fidelity/docker-cli/reference/help.json, captured
 * by tools/capture.ts for the whole command tree, at 80 columns and unwrapped), re-rendered from the
 * command table through the real parse path, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDockerCommandLine } from '../../../src/engine/docker/cli/parse';

interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}
const reference = JSON.parse(readFileSync(join(__dirname, '../../fidelity/docker-cli/reference/help.json'), 'utf8')) as {
  help: Record<string, { w80: RunResult; wide: RunResult }>;
  helpCommand: Record<string, RunResult>;
};
const env = { HOME: '/home/student' };

function run(argv: string[], width: number): RunResult {
  const result = parseDockerCommandLine(argv, { env, width });
  const text = (stream: string) =>
    result.output
      .filter((o) => o.stream === stream)
      .map((o) => o.text)
      .join('');
  return { stdout: text('stdout'), stderr: text('stderr'), code: result.kind === 'done' ? result.status : -1 };
}

const words = (path: string) => (path === '' ? [] : path.split(' '));

describe('docker PATH --help, for every command of the reference CLI', () => {
  test.each(Object.keys(reference.help))('docker %s --help', (path) => {
    const { w80, wide } = reference.help[path]!;
    expect(run([...words(path), '--help'], 80)).toEqual(w80);
    expect(run([...words(path), '--help'], 2000)).toEqual(wide);
  });
});

const widths = JSON.parse(readFileSync(join(__dirname, '../../fidelity/docker-cli/reference/widths.json'), 'utf8')) as Record<string, RunResult>;

describe('docker PATH --help on a terminal of another width', () => {
  test.each(Object.keys(widths))('%s columns: docker … --help', (key) => {
    const [columns, ...path] = key.split(' ');
    expect(run([...path, '--help'], Number(columns))).toEqual(widths[key]);
  });
});

describe('docker help PATH', () => {
  test.each(Object.keys(reference.helpCommand))('docker help %s', (path) => {
    expect(run(['help', ...words(path)], 2000)).toEqual(reference.helpCommand[path]);
  });
});
