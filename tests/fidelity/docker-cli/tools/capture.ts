/**
 * Captures what the reference docker CLI says about its own command tree, as input for
 * generate-table.ts:
 *   reference/help.json    `docker PATH --help` for every command (and alias spelling), at 80 columns
 *                          (stdin not a terminal, as in a transcript) and unwrapped (a 2000-column tty)
 *   reference/probes.json  argument-count, interspersed-flag and hidden-flag probes against an
 *                          unreachable daemon (a validator error comes before any connection)
 *
 * Usage (root, real lab running):  npm exec -- tsx tests/fidelity/docker-cli/tools/capture.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pool, prepareStudent, runDocker, type RunResult } from './real-cli';

const here = dirname(fileURLToPath(import.meta.url));
const referenceDir = join(here, '..', 'reference');
const WIDE = 2000;

interface Capture {
  w80: RunResult;
  wide: RunResult;
}

/** Child command names listed in a help text's command sections. */
function listedChildren(help: string): string[] {
  const names: string[] = [];
  let inSection = false;
  for (const line of help.split('\n')) {
    if (/^(Common Commands|Management Commands|Swarm Commands|Commands):$/.test(line)) {
      inSection = true;
      continue;
    }
    if (line === '') {
      inSection = false;
      continue;
    }
    const match = /^ {2}([a-z0-9-]+)\*? +\S/.exec(line);
    if (inSection && match) names.push(match[1]!);
  }
  return names;
}

/** Paths listed on an `Aliases:` line, without the leading `docker`. */
function aliasPaths(help: string): string[][] {
  const match = /\nAliases:\n {2}(.*)\n/.exec(help);
  if (!match) return [];
  return match[1]!.split(', ').map((entry) => entry.split(' ').slice(1));
}

async function capture(args: string[]): Promise<Capture> {
  const [w80, wide] = await Promise.all([runDocker(args), runDocker(args, { columns: WIDE })]);
  return { w80, wide };
}

/**
 * Hidden flags that take a value: what `--flag x` says tells the value type (ParseInt, a size, a
 * duration…). Adds `value:NAME` probes to an existing probes.json.
 */
async function probeHiddenValueTypes(): Promise<void> {
  const file = join(referenceDir, 'probes.json');
  const probes = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, RunResult>>;
  const jobs: { path: string; name: string }[] = [];
  for (const [path, byKind] of Object.entries(probes)) {
    for (const [kind, result] of Object.entries(byKind)) {
      if (kind.startsWith('flag:') && kind !== 'flag:help' && /flag needs an argument/.test(result.stderr)) {
        jobs.push({ path, name: kind.slice('flag:'.length) });
      }
    }
  }
  const results = await pool(jobs, 12, ({ path, name }) => runDocker([...path.split(' '), `--${name}`, 'x'], { daemon: 'none', timeoutMs: 10_000 }));
  jobs.forEach(({ path, name }, index) => (probes[path]![`value:${name}`] = results[index]!));
  // shorthands of hidden flags (buildx build's -c, -m): every letter the help does not show
  const help = JSON.parse(readFileSync(join(referenceDir, 'help.json'), 'utf8')) as { help: Record<string, Capture> };
  const letters = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  const shortJobs: { path: string; letter: string }[] = [];
  for (const [path, byKind] of Object.entries(probes)) {
    if (!Object.keys(byKind).some((kind) => kind.startsWith('flag:') && kind !== 'flag:help')) continue;
    const shown = help.help[path]!.wide.stdout;
    for (const letter of letters) if (letter !== 'h' && !shown.includes(`\n  -${letter}, --`)) shortJobs.push({ path, letter });
  }
  const shortResults = await pool(shortJobs, 12, ({ path, letter }) => runDocker([...path.split(' '), `-${letter}`], { daemon: 'none', timeoutMs: 10_000 }));
  shortJobs.forEach(({ path, letter }, index) => {
    const result = shortResults[index]!;
    if (!/unknown shorthand flag/.test(result.stderr)) probes[path]![`short:${letter}`] = result;
  });
  // hidden because the lab's daemon lacks the feature (API version, OS, experimental): what using
  // them says on that daemon (no positional arguments: the check comes before the count)
  const labJobs: { path: string; name: string; needsValue: boolean }[] = [];
  for (const [path, byKind] of Object.entries(probes)) {
    for (const [kind, result] of Object.entries(byKind)) {
      if (!kind.startsWith('flag:') || kind === 'flag:help') continue;
      labJobs.push({ path, name: kind.slice('flag:'.length), needsValue: /flag needs an argument/.test(result.stderr) });
    }
  }
  prepareStudent();
  const labResults = await pool(labJobs, 6, ({ path, name, needsValue }) =>
    runDocker([...path.split(' '), `--${name}`, ...(needsValue ? ['1'] : [])], { timeoutMs: 20_000 }),
  );
  labJobs.forEach(({ path, name }, index) => (probes[path]![`lab:${name}`] = labResults[index]!));
  writeProbes(file, probes);
  process.stderr.write(`${jobs.length} hidden value probes\n`);
}

/** `--help` at other terminal widths (pflag's wrapping, and its narrow-terminal fallback). */
/** Probe outputs as stored: the scratch dir's random name dropped, long outputs cut (only their start matters). */
function slim(result: RunResult): RunResult {
  const clean = (text: string) => text.replace(/docker-cli-probe-[A-Za-z0-9]+/g, 'docker-cli-probe').slice(0, 600);
  return { stdout: clean(result.stdout), stderr: clean(result.stderr), code: result.code };
}

function writeProbes(file: string, probes: Record<string, Record<string, RunResult>>): void {
  const slimmed: Record<string, Record<string, RunResult>> = {};
  for (const [path, byKind] of Object.entries(probes)) {
    slimmed[path] = Object.fromEntries(Object.entries(byKind).map(([kind, result]) => [kind, slim(result)]));
  }
  writeFileSync(file, `${JSON.stringify(slimmed, null, 1)}\n`);
}

async function captureWidths(): Promise<void> {
  prepareStudent();
  const jobs: { args: string[]; columns: number }[] = [];
  for (const args of [[], ['run'], ['ps'], ['build'], ['image'], ['volume', 'create']]) {
    for (const columns of [37, 50, 100, 120, 132]) jobs.push({ args, columns });
  }
  const results = await pool(jobs, 8, ({ args, columns }) => runDocker([...args, '--help'], { columns }));
  const widths: Record<string, RunResult> = {};
  jobs.forEach(({ args, columns }, index) => (widths[`${columns} ${args.join(' ')}`.trimEnd()] = results[index]!));
  writeFileSync(join(referenceDir, 'widths.json'), `${JSON.stringify(widths, null, 1)}\n`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--hidden-types-only')) return probeHiddenValueTypes();
  if (process.argv.includes('--widths-only')) return captureWidths();
  prepareStudent();
  const help: Record<string, Capture> = {};
  const key = (path: string[]) => path.join(' ');

  // 1. walk the tree from `docker --help` (plus the swarm-only groups the help hides)
  let frontier: string[][] = [[], ['service'], ['stack'], ['node'], ['config'], ['secret']];
  const leaves: string[][] = [];
  while (frontier.length > 0) {
    const results = await pool(frontier, 8, (path) => capture([...path, '--help']));
    const next: string[][] = [];
    frontier.forEach((path, index) => {
      const result = results[index]!;
      help[key(path)] = result;
      const text = result.w80.stdout + result.w80.stderr;
      const children = listedChildren(text);
      if (children.length === 0 && path.length > 0) leaves.push(path);
      // `docker builder` is rewritten to `docker buildx`: walk buildx's own spelling only
      if (path.length === 1 && path[0] === 'builder') return;
      for (const child of children) if (!(key([...path, child]) in help)) next.push([...path, child]);
    });
    frontier = next;
    process.stderr.write(`walked ${Object.keys(help).length} commands\n`);
  }

  // 2. every alias spelling, and what `docker builder …` / `docker help …` print
  const extra = new Set<string>();
  for (const capture of Object.values(help)) {
    for (const path of aliasPaths(capture.w80.stdout)) if (!(key(path) in help)) extra.add(key(path));
  }
  for (const path of Object.keys(help)) {
    if (path.startsWith('buildx')) extra.add(`builder${path.slice('buildx'.length)}`);
    if (path === 'build' || path === 'buildx build') extra.add('image build');
  }
  const extraPaths = [...extra].map((entry) => entry.split(' '));
  const extraResults = await pool(extraPaths, 8, (path) => capture([...path, '--help']));
  extraPaths.forEach((path, index) => (help[key(path)] = extraResults[index]!));
  const helpTopics = await pool(Object.keys(help), 8, async (path) => ({
    path,
    result: await runDocker(['help', ...(path ? path.split(' ') : [])], { columns: WIDE }),
  }));
  const helpCommand: Record<string, RunResult> = {};
  for (const { path, result } of helpTopics) helpCommand[path] = result;

  // 3. probes against an unreachable daemon
  const flagsJson = JSON.parse(readFileSync('/work/shared/fidelity/docker-cli-flags.json', 'utf8')) as {
    commands: Record<string, { flags: { name: string }[] }>;
  };
  const candidates = new Set<string>([
    'net', 'net-alias', 'dns-opt', 'tree', 'cpu-count', 'cpu-percent', 'io-maxbandwidth', 'io-maxiops',
    'credentialspec', 'help', 'debug', 'platform', 'print', 'invoke', 'detach', 'root', 'server-config',
    'call', 'check', 'compress', 'cpu-period', 'cpu-quota', 'cpu-shares', 'cpuset-cpus', 'cpuset-mems',
    'force-rm', 'isolation', 'memory', 'memory-swap', 'rm', 'security-opt', 'squash', 'stream', 'all-tags',
    'until', 'time', 'signal', 'tail', 'since', 'follow', 'timestamps', 'details', 'size', 'type', 'digests',
  ]);
  for (const command of Object.values(flagsJson.commands)) for (const flag of command.flags) candidates.add(flag.name);

  const probeJobs: { kind: string; path: string; args: string[] }[] = [];
  // command groups: `docker GROUP x1` prints the group's UseLine (cobra Use varies: `image`, `volume COMMAND`)
  for (const [path, capture] of Object.entries(help)) {
    const text = capture.w80.stdout + capture.w80.stderr;
    if (path && listedChildren(text).length > 0 && !path.startsWith('buildx') && !path.startsWith('builder')) {
      probeJobs.push({ kind: 'group', path, args: [...path.split(' '), 'x1'] });
    }
  }
  for (const path of leaves) {
    for (const n of [0, 1, 2, 3, 6]) {
      probeJobs.push({ kind: `args:${n}`, path: key(path), args: [...path, ...Array.from({ length: n }, (_, i) => `x${i + 1}`)] });
    }
    probeJobs.push({ kind: 'interspersed', path: key(path), args: [...path, 'x1', '--zzz'] });
    const shown = help[key(path)]!.wide.stdout + help[key(path)]!.wide.stderr;
    for (const name of candidates) {
      if (new RegExp(`^ {2}(-., |    )--${name}[ =\\[\\n]`, 'm').test(shown)) continue;
      probeJobs.push({ kind: `flag:${name}`, path: key(path), args: [...path, `--${name}`] });
    }
  }
  process.stderr.write(`${probeJobs.length} probes\n`);
  const probeResults = await pool(probeJobs, 12, (job) => runDocker(job.args, { daemon: 'none', timeoutMs: 10_000 }));
  const probes: Record<string, Record<string, RunResult>> = {};
  probeJobs.forEach((job, index) => {
    const result = probeResults[index]!;
    // hidden-flag probes: keep only the flags that exist
    if (job.kind.startsWith('flag:') && /unknown flag: --/.test(result.stderr)) return;
    (probes[job.path] ??= {})[job.kind] = result;
  });

  writeFileSync(join(referenceDir, 'help.json'), `${JSON.stringify({ help, helpCommand }, null, 1)}\n`);
  writeProbes(join(referenceDir, 'probes.json'), probes);
  await probeHiddenValueTypes();
  await captureWidths();
  process.stderr.write(`captured ${Object.keys(help).length} help texts, probes for ${leaves.length} commands\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
