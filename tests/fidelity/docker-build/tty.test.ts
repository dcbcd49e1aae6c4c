/**
 * The TTY view against a real terminal capture (tty/rebuild.raw, `script` on the reference lab,
 * 100×30): every frame redraws in place (cursor up, column 0, hidden cursor, the header with
 * `docker:default` on the right), and the last frame, after normalising times and digests, lists
 * the same lines in the same colours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildWorld } from '../../unit/docker-builder/helpers';

const raw = readFileSync(join(__dirname, 'tty', 'rebuild.raw'), 'utf8').replaceAll('\r\n', '\n');

function lastFrame(text: string): string[] {
  const at = text.lastIndexOf('[+] Building');
  return text
    .slice(at)
    .split('\n')
    .map((l) =>
      l
        .replace(/sha256:[0-9a-f]+/g, 'sha256:<d>')
        .replace(/\d+\.\ds/g, 'X.Xs')
        .replace(/CACHED \[1\/4\] FROM/, '[1/4] FROM')
        .replace(/ +/g, ' '),
    )
    .filter((l) => l !== '');
}

describe('TTY progress', () => {
  test('the last frame of a rebuild matches the capture', async () => {
    const w = buildWorld({ tty: true, columns: 100, rows: 30 });
    w.write({ 'p/a.txt': 'a\n', 'p/Dockerfile': 'FROM python:3.11-slim\nWORKDIR /app\nCOPY a.txt .\nRUN for i in 1 2 3 4 5 6 7 8; do echo line $i; sleep 0.3; done\n' });
    await w.run('cd p && docker build -q -t ttyfix . > /dev/null');
    w.write({ 'p/a.txt': 'b\n' });
    const { out } = await w.run('docker build -t ttyfix .');
    expect(lastFrame(out)).toEqual(lastFrame(raw));
  });

  test('frames redraw in place', async () => {
    const w = buildWorld({ tty: true, columns: 100, rows: 30 });
    w.write({ 'p/a.txt': 'a\n', 'p/Dockerfile': 'FROM python:3.11-slim\nRUN for i in 1 2 3 4 5 6 7 8; do echo line $i; sleep 0.3; done\n' });
    const { out } = await w.run('cd p && docker build -t ttyfix .');
    const frames = out.split('\x1b[?25l').slice(1);
    expect(frames.length).toBeGreaterThan(5);
    for (const f of frames) expect(f).toMatch(/^\[\+\] Building \d+\.\ds \(\d+\/\d+\) {2}.* docker:default\n|^\[\+\] Building \d+\.\ds \(\d+\/\d+\) FINISHED +docker:default\n/);
    expect(out.startsWith('\x1b[1A\x1b[1B\x1b[0G\x1b[?25l')).toBe(true);
    // the running step shows its last lines of output, faint
    expect(out).toContain('\x1b[2m => => # line 3');
    expect(raw).toContain('\x1b[2m => => # line 3');
    expect(frames.at(-1)).toContain('FINISHED');
  });
});
