/**
 * Pull and push on a terminal: docker's jsonmessage renderer (one line per layer, rewritten in
 * place with cursor movements), compared with the reference CLI's bytes (fixtures/*.tty), and
 * Ctrl+C in the middle of a pull.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InterruptController } from '../../../src/engine/signal';
import { MessageDisplay } from '../../../src/engine/docker/backend/images';
import { localRegistry, standInHub } from '../../fidelity/docker-images/standins';
import { laptop, visible } from './helpers';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** A small VT100: what a terminal shows after the bytes (\n, \r, ESC[nA/B, ESC[2K). */
function screen(bytes: string): string[] {
  const rows: string[] = [''];
  let row = 0;
  let col = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === '\x1b') {
      const m = /^\x1b\[(\d*)([ABK])/.exec(bytes.slice(i));
      if (!m) throw new Error(`unexpected escape at ${i}: ${visible(bytes.slice(i, i + 8))}`);
      const n = Number(m[1] || '1');
      if (m[2] === 'A') row = Math.max(0, row - n);
      else if (m[2] === 'B') row += n;
      else rows[row] = '';
      while (rows.length <= row) rows.push('');
      i += m[0].length - 1;
    } else if (c === '\n') {
      row++;
      col = 0;
      while (rows.length <= row) rows.push('');
    } else if (c === '\r') {
      col = 0;
    } else {
      const line = rows[row]!.padEnd(col);
      rows[row] = line.slice(0, col) + c + line.slice(col + 1);
      col++;
    }
  }
  return rows;
}

/** The shape of a progress stream: ids and digests named, the run of Downloading/Pushing frames kept once. */
function shape(bytes: string): string {
  return visible(
    bytes
      .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<DIGEST>')
      .replace(/\b[0-9a-f]{12}\b/g, '<LAYER>')
      .replace(/(Downloading|Pushing) [^\r]*\r/g, '$1 <PROGRESS>\r')
      .replace(/(\x1b\[1A\x1b\[2K\r<LAYER>: (?:Downloading|Pushing) <PROGRESS>\r\x1b\[1B)+/g, '$1'),
  );
}

function standInLaptop() {
  const w = laptop();
  w.engine.images.setRegistry('docker.io', standInHub());
  w.engine.images.setRegistry('127.0.0.1:5000', localRegistry());
  return w;
}

describe('docker pull on a terminal', () => {
  test('the recorded byte sequence (132 columns): bars, cursor movements, final lines', async () => {
    const w = standInLaptop();
    const run = await w.docker('pull python:3.11-slim', { tty: true, columns: 132 });
    expect(run.status).toBe(0);
    expect(shape(run.stdout)).toBe(shape(fixture('pull-python-132cols.tty')));
    // every bar is docker's: 50 cells, the counts right-aligned in 8 columns
    const bars = [...run.stdout.matchAll(/Downloading (\[(=*)>( *)\] +\S+)\r/g)];
    expect(bars.length).toBeGreaterThan(5);
    for (const [, text, eq, sp] of bars) {
      expect(eq!.length + sp!.length).toBe(50);
      expect(text).toMatch(/\] {1,2}[ \d.]{0,7}\d(?:B|kB|MB)\/121\.6MB$/);
    }
  });

  test('80 columns: no bar, only the counts (recorded)', async () => {
    const w = standInLaptop();
    const run = await w.docker('pull anibali/pytorch:1.10.0-nocuda', { tty: true, columns: 80 });
    expect(shape(run.stdout)).toBe(shape(fixture('pull-pytorch-80cols.tty')));
    const counts = [...run.stdout.matchAll(/Downloading ([^\r]*)\r/g)].map((m) => m[1]!);
    for (const c of counts) {
      // "%8v/%v": the current count right-aligned in 8 columns
      expect(c).toMatch(/^ *[\d.]+(?:B|kB|MB)\/745\.9MB$/);
      expect(c.split('/')[0]!.length).toBe(8);
    }
  });

  test('several layers each keep their line; the screen ends as docker leaves it', async () => {
    const w = laptop();
    const run = await w.docker('pull python:3.11-slim', { tty: true, columns: 132 });
    const id = w.engine.images.imageList()[0]!.Id;
    expect(screen(run.stdout)).toEqual([
      '3.11-slim: Pulling from library/python',
      '26c307b5e35a: Download complete ',
      '2835c5519717: Download complete ',
      'bbaff5426d0f: Download complete ',
      '0fc9203b193a: Download complete ',
      `Digest: ${id}`,
      'Status: Downloaded newer image for python:3.11-slim',
      'docker.io/library/python:3.11-slim',
      '',
    ]);
    // the first layer's line is three lines above the cursor once all four are shown
    expect(run.stdout).toContain('\x1b[4A\x1b[2K\r26c307b5e35a: Downloading [');
  });

  test('not a terminal: no progress, one line per change', async () => {
    const w = laptop();
    const run = await w.docker('pull python:3.11-slim');
    expect(run.stdout).not.toContain('\x1b');
    expect(run.stdout).not.toContain('Downloading');
    expect(run.stdout.split('\n').slice(0, 5)).toEqual([
      '3.11-slim: Pulling from library/python',
      '26c307b5e35a: Pulling fs layer',
      '2835c5519717: Pulling fs layer',
      'bbaff5426d0f: Pulling fs layer',
      '0fc9203b193a: Pulling fs layer',
    ]);
  });

  test('Ctrl+C: exit 130, nothing more printed, nothing left behind', async () => {
    const w = laptop();
    const interrupt = new InterruptController();
    let frames = 0;
    const run = await w.docker('pull python:3.11-slim', {
      tty: true,
      columns: 132,
      signal: interrupt.signal,
      onWrite: (chunk) => {
        if (chunk.includes('Downloading') && ++frames === 5) interrupt.interrupt(2);
      },
    });
    expect(run.status).toBe(130);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('Digest:');
    expect(run.stdout).not.toContain('docker.io/library/python');
    expect(w.engine.images.imageList()).toEqual([]);
    expect(Object.keys(w.engine.images.state.content)).toEqual([]);
    // and the next pull starts from nothing
    const again = await w.docker('pull python:3.11-slim');
    expect(again.stdout).toContain('26c307b5e35a: Pulling fs layer');
    expect(again.status).toBe(0);
  });

  test('Ctrl+C before the first message (resolving): 130 and no output', async () => {
    const w = laptop();
    const interrupt = new InterruptController();
    interrupt.interrupt(2);
    const run = await w.docker('pull python:3.11-slim', { signal: interrupt.signal });
    expect(run).toEqual({ status: 130, stdout: '', stderr: '', merged: '' });
  });

  test('pull -a: the ids of one tag are forgotten at the next tag', () => {
    let out = '';
    const d = new MessageDisplay({ write: (t) => (out += t) }, { isTerminal: true, width: 132 });
    d.write({ status: 'Pulling from library/x', id: 'a' });
    d.write({ status: 'Pulling fs layer', progressDetail: {}, id: 'l1' });
    d.write({ status: 'Digest: sha256:1' });
    d.write({ status: 'Pulling from library/x', id: 'b' });
    d.write({ status: 'Pulling fs layer', progressDetail: {}, id: 'l1' });
    expect(visible(out)).toBe(
      visible(
        'a: Pulling from library/x\n\n\x1b[1A\x1b[2K\rl1: Pulling fs layer \r\x1b[1BDigest: sha256:1\n' +
          'b: Pulling from library/x\n\n\x1b[1A\x1b[2K\rl1: Pulling fs layer \r\x1b[1B',
      ),
    );
  });
});

describe('docker push on a terminal', () => {
  test('the recorded byte sequence (132 columns)', async () => {
    const w = standInLaptop();
    await w.docker('pull -q python:3.11-slim');
    await w.docker('login -u student --password-stdin 127.0.0.1:5000', { stdin: 'learn-docker\n' });
    await w.docker('tag python:3.11-slim 127.0.0.1:5000/student/tty19028:v1');
    const run = await w.docker('push 127.0.0.1:5000/student/tty19028:v1', { tty: true, columns: 132 });
    expect(run.status).toBe(0);
    const normalise = (s: string) => shape(s).replace(/ size: \d+/, ' size: <N>');
    expect(normalise(run.stdout)).toBe(normalise(fixture('push-132cols.tty')));
  });
});
