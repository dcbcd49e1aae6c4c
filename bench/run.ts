/**
 * Performance budgets, printed as numbers (tests assert behaviour, not timings).
 *   npm run bench            all benchmarks
 * The page-weight part reads dist/: run `npm run build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createStudentHost, openSession } from '../src/engine/world';

interface Result {
  name: string;
  value: string;
  budget: string;
  ok: boolean;
}

const results: Result[] = [];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeCommand(line: string, runs = 2000): Promise<number> {
  const session = openSession(createStudentHost(), { tty: false });
  const sink = { write: () => undefined };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await session.execute(line, { stdout: sink, stderr: sink });
    times.push(performance.now() - start);
  }
  return median(times);
}

async function engineBenchmarks(): Promise<void> {
  for (const line of ['docker --version', 'nosuch --flag']) {
    const ms = await timeCommand(line);
    results.push({ name: `parse + run: ${line}`, value: `${ms.toFixed(4)} ms median`, budget: '< 1 ms', ok: ms < 1 });
  }
}

/** Gzipped size of the JS a lesson page loads before any terminal is used. */
function initialJs(page: string): void {
  const dist = 'dist';
  const html = join(dist, page);
  if (!existsSync(html)) {
    results.push({ name: `initial JS of ${page}`, value: 'not built (run npm run build)', budget: '≤ 50 KB gz', ok: false });
    return;
  }
  const text = readFileSync(html, 'utf8');
  let bytes = 0;
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const src = /src="([^"]+)"/.exec(match[0]);
    const code = src ? readFileSync(join(dist, src[1]!)) : Buffer.from(match[1] ?? '');
    bytes += gzipSync(code).length;
    // static imports of a module script load up front too
    if (src) {
      for (const imported of code.toString().matchAll(/from"\.\/([^"]+\.js)"|import"\.\/([^"]+\.js)"/g)) {
        const file = imported[1] ?? imported[2]!;
        bytes += gzipSync(readFileSync(join(dist, '_astro', file))).length;
      }
    }
  }
  const kb = bytes / 1024;
  results.push({ name: `initial JS of ${page}`, value: `${kb.toFixed(1)} KB gz`, budget: '≤ 50 KB gz', ok: kb <= 50 });
}

await engineBenchmarks();
initialJs('index.html');

const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'OVER'}  ${r.name.padEnd(width)}  ${r.value}  (budget ${r.budget})`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
