import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { splitScenario } from '../../../src/engine/transcript';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');

async function cliTranscript(scenario: string, ...flags: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'transcript-'));
  const file = join(dir, 'scenario.sh');
  writeFileSync(file, scenario);
  const { stdout } = await run('npm', ['run', '--silent', 'cli', '--', 'transcript', ...flags, file], { cwd: root });
  return stdout;
}

describe('cli transcript', () => {
  test('prints commands, merged output and non-zero exit codes like the recorder', async () => {
    expect(await cliTranscript('docker --version\nnosuch\n')).toBe(
      '$ docker --version\nDocker version 28.2.2, build e6534b4\n$ nosuch\nbash: nosuch: command not found\n[exit 127]\n',
    );
  }, 30_000);

  test('a session starts in an empty home; --course starts with the starter project in ~/mnist', async () => {
    expect(await cliTranscript('ls\n')).toBe('$ ls\n');
    const course = await cliTranscript('ls mnist mnist/src/models\n', '--course');
    expect(course).toContain('mnist:\ndata\npytorch_docker.py\nrequirements.txt\nsetup.py\nsrc\n');
    expect(course).toContain('train_model.py');
  }, 30_000);

  test('docker version shows the client and the server', async () => {
    const out = await cliTranscript('docker version\n');
    expect(out).toContain('Client:\n Version:           28.2.2\n');
    expect(out).toContain('Server:\n Engine:\n');
    expect(out).not.toContain('[exit');
  }, 30_000);
});

describe('splitScenario', () => {
  test('skips blank and comment lines between commands', () => {
    expect(splitScenario('\n# note\necho a\n\necho b\n').map((c) => c.lines)).toEqual([['echo a'], ['echo b']]);
  });

  test('an odd number of trailing backslashes continues the line, an even number does not', () => {
    expect(splitScenario('echo a \\\n  b\necho c\\\\\necho d\n').map((c) => c.lines)).toEqual([
      ['echo a \\', '  b'],
      ['echo c\\\\'],
      ['echo d'],
    ]);
  });

  test('a command the file ends inside is printed but never run, as the recorder does', async () => {
    expect(await cliTranscript('echo before\ncat <<EOF\nnever closed\n')).toBe(
      '$ echo before\nbefore\n$ cat <<EOF\n> never closed\n',
    );
  }, 30_000);

  test('an open here-document continues until its delimiter', () => {
    expect(splitScenario("cat <<'EOF'\nline 1\n\n# kept\nEOF\necho after\n").map((c) => c.lines)).toEqual([
      ["cat <<'EOF'", 'line 1', '', '# kept', 'EOF'],
      ['echo after'],
    ]);
  });
});
