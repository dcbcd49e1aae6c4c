/**
 * Performance budgets, printed as numbers (tests assert behaviour, not timings).
 *   npm run bench            all benchmarks
 * The page-weight part reads dist/: run `npm run build` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { builderTimings } from './builder';
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
  const typical = [
    'docker --version',
    'nosuch --flag',
    'echo "hello $HOME" > greeting.txt',
    'ls -la',
    'cat /etc/os-release | grep PRETTY',
    'mkdir -p models && cd models && pwd && cd ..',
  ];
  for (const line of typical) {
    const ms = await timeCommand(line, 1000);
    results.push({ name: `parse + run: ${line}`, value: `${ms.toFixed(4)} ms median`, budget: '< 1 ms', ok: ms < 1 });
  }
}

/** Random input never throws out of the shell and always ends with an exit status 0–255. */
async function fuzzShell(runs: number): Promise<void> {
  const sink = { write: () => undefined };
  let session = openSession(createStudentHost(), { tty: false });
  let failures = 0;
  let count = 0;
  const started = performance.now();
  const shellish = fc.stringMatching(/^[a-z $'"\\|&;<>(){}*?[\]=~#`./\n-]{0,40}$/);
  const line = fc.oneof(fc.string({ maxLength: 40 }), shellish);
  await fc.assert(
    fc.asyncProperty(line, async (text) => {
      if (++count % 500 === 0) session = openSession(createStudentHost(), { tty: false });
      // a random endless loop is legal input: interrupt it as a student would with Ctrl+C
      const current = session;
      const guard = setTimeout(() => current.interrupt(2), 2000);
      const status = await session.execute(text, { stdout: sink, stderr: sink });
      clearTimeout(guard);
      if (!Number.isInteger(status) || status < 0 || status > 255) failures++;
      return true;
    }),
    { numRuns: runs, seed: 42 },
  ).catch(() => {
    failures++;
  });
  const seconds = (performance.now() - started) / 1000;
  results.push({
    name: `shell fuzz: ${runs} random lines`,
    value: `${failures} failures in ${seconds.toFixed(1)} s`,
    budget: '0 failures',
    ok: failures === 0,
  });
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
await fuzzShell(Number(process.env['FUZZ_RUNS'] ?? 100_000));
const build = await builderTimings();
results.push({ name: 'build the lesson Dockerfile (cached)', value: `${build.cachedMs.toFixed(2)} ms median`, budget: '< 5 ms', ok: build.cachedMs < 5 });
results.push({ name: 'build the lesson Dockerfile (--no-cache)', value: `${build.uncachedMs.toFixed(2)} ms median`, budget: '< 5 ms', ok: build.uncachedMs < 5 });
const ratio = build.ms500 / build.ms100;
results.push({ name: 'build 500 vs 100 instructions', value: `${ratio.toFixed(1)}x (${build.ms100.toFixed(1)} ms, ${build.ms500.toFixed(1)} ms)`, budget: '< 10x (linear)', ok: ratio < 10 });
initialJs('index.html');

const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'OVER'}  ${r.name.padEnd(width)}  ${r.value}  (budget ${r.budget})`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
