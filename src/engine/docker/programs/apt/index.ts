/**
 * `apt-get` and `apt` in Debian-family containers: update (sources from /etc/apt, package lists
 * of the real sizes under /var/lib/apt/lists), install (plans, downloads and dpkg's output from
 * real runs, files of the packages' installed sizes under /usr and /var/lib/dpkg), clean. Ubuntu
 * images get update; installing there is refused honestly (no recording of Ubuntu's archive).
 */
import type { Program, ProcessContext } from '../../../process';
import { FsError } from '../../../fs/types';
import { hash32, isFile, networkUp, pause, readOrInterrupt, readText, writeSized } from '../system';
import { installToolchain } from '../toolchain';
import { showColumns, showList, sizeToStr } from './format';
import type { DebianRecording, RecordedPlan } from './types';

/** Simulated speeds: the archive (bytes/s) and unpacking (bytes of installed files per second). */
export const APT_SPEED = { download: 12_000_000, unpack: 60_000_000, update: 9_000_000 } as const;

interface Source {
  uri: string;
  suite: string;
  components: string[];
}

interface AptRun {
  ctx: ProcessContext;
  front: 'apt' | 'apt-get';
  out: (t: string) => void;
  err: (t: string) => void;
  tty: boolean;
}

class AptExit {
  constructor(readonly status: number) {}
}

function osRelease(ctx: ProcessContext): Record<string, string> {
  const text = readText(ctx.fs, '/etc/os-release') ?? readText(ctx.fs, '/usr/lib/os-release') ?? '';
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^(\w+)=("?)(.*)\2$/.exec(line);
    if (m) out[m[1]!] = m[3]!;
  }
  return out;
}

function sources(ctx: ProcessContext): Source[] {
  const out: Source[] = [];
  const oneLine = (text: string) => {
    for (const line of text.split('\n')) {
      const m = /^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line);
      if (m) out.push({ uri: m[1]!.replace(/\/$/, ''), suite: m[2]!, components: m[3]!.split(/\s+/).filter(Boolean) });
    }
  };
  const deb822 = (text: string) => {
    for (const stanza of text.split(/\n\s*\n/)) {
      const field = (k: string) => new RegExp(`^${k}:\\s*(.*)$`, 'mi').exec(stanza)?.[1]?.trim() ?? '';
      if (!/\bdeb\b/.test(field('Types')) || /^Enabled:\s*no/im.test(stanza)) continue;
      for (const uri of field('URIs').split(/\s+/).filter(Boolean))
        for (const suite of field('Suites').split(/\s+/).filter(Boolean)) out.push({ uri: uri.replace(/\/$/, ''), suite, components: field('Components').split(/\s+/).filter(Boolean) });
    }
  };
  const main = readText(ctx.fs, '/etc/apt/sources.list');
  if (main) oneLine(main);
  try {
    for (const e of ctx.fs.readdir('/etc/apt/sources.list.d').sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const text = readText(ctx.fs, `/etc/apt/sources.list.d/${e.name}`) ?? '';
      if (e.name.endsWith('.list')) oneLine(text);
      else if (e.name.endsWith('.sources')) deb822(text);
    }
  } catch {
    // no sources.list.d
  }
  return out;
}

/** Where apt keeps a source's files: URI without scheme, / as _. */
function listPrefix(s: Source): string {
  return `${s.uri.replace(/^\w+:\/\//, '').replace(/\//g, '_')}_dists_${s.suite.replace(/\//g, '_')}`;
}

const UBUNTU_SIZES: Record<string, Record<string, number>> = {
  jammy: { InRelease: 270_000, main: 1_792_000, restricted: 164_000, universe: 17_500_000, multiverse: 266_000 },
  focal: { InRelease: 265_000, main: 1_275_000, restricted: 33_400, universe: 11_300_000, multiverse: 177_000 },
};

async function recording(codename: string): Promise<DebianRecording | null> {
  const { DEBIAN } = await import('./debian.generated');
  return DEBIAN[codename] ?? null;
}

function progress(run: AptRun, text: string): void {
  run.out(`${text}${run.tty ? ' Done' : ''}\n`);
}

function needRoot(run: AptRun, what: 'lists' | 'dpkg' | 'cache'): void {
  if (run.ctx.cred.uid === 0) return;
  if (what === 'lists') {
    run.err('E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n');
  } else if (what === 'cache') {
    run.err('E: Could not open lock file /var/cache/apt/archives/lock - open (13: Permission denied)\nE: Unable to lock directory /var/cache/apt/archives/\n');
  } else {
    run.err('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n');
  }
  throw new AptExit(100);
}

async function wait(run: AptRun, ms: number): Promise<void> {
  if (!(await pause(run.ctx, ms))) throw new AptExit(run.ctx.signal.signo === 2 ? 130 : 128 + run.ctx.signal.signo);
}

function dockerClean(ctx: ProcessContext): boolean {
  return isFile(ctx.fs, '/etc/apt/apt.conf.d/docker-clean');
}

function hasLists(ctx: ProcessContext): boolean {
  try {
    return ctx.fs.readdir('/var/lib/apt/lists').some((e) => e.name.endsWith('_Packages'));
  } catch {
    return false;
  }
}

// ---- update -----------------------------------------------------------------------------------

function recordedLine(rec: DebianRecording | null, s: Source, what: string): { text: string; size: number } | null {
  if (!rec) return null;
  const want = what === 'InRelease' ? `${s.suite} InRelease` : `${s.suite}/${what}`;
  for (const line of rec.update.split('\n')) {
    const m = /^Get:\d+ (\S+) (.+) \[([\d.]+) ([kMG]?)B\]$/.exec(line);
    if (!m || m[1] !== s.uri || m[2] !== want) continue;
    const size = Number(m[3]) * (m[4] === 'G' ? 1e9 : m[4] === 'M' ? 1e6 : m[4] === 'k' ? 1e3 : 1);
    return { text: line.replace(/^Get:\d+ /, ''), size };
  }
  return null;
}

async function update(run: AptRun): Promise<number> {
  needRoot(run, 'lists');
  const os = osRelease(run.ctx);
  const codename = os.VERSION_CODENAME ?? '';
  const rec = os.ID === 'debian' ? await recording(codename) : null;
  const srcs = sources(run.ctx);
  const fresh = !hasLists(run.ctx);
  const online = networkUp(run.ctx.fs);
  const lines: { text: string; size: number; file: string; fileSize: number }[] = [];
  for (const s of srcs) {
    const prefix = listPrefix(s);
    const inrel = recordedLine(rec, s, 'InRelease');
    const ubuntu = UBUNTU_SIZES[codename.split('-')[0] ?? ''];
    const inSize = inrel?.size ?? ubuntu?.InRelease ?? 48_000;
    lines.push({ text: `${s.uri} ${s.suite} InRelease [${sizeToStr(inSize)}B]`, size: inSize, file: `${prefix}_InRelease`, fileSize: rec?.lists.find(([n]) => n === `${prefix}_InRelease`)?.[1] ?? inSize });
    for (const c of s.components) {
      const pk = recordedLine(rec, s, `${c} amd64 Packages`);
      const size = pk?.size ?? ubuntu?.[c] ?? 40_000;
      const file = `${prefix}_${c}_binary-amd64_Packages`;
      lines.push({ text: `${s.uri} ${s.suite}/${c} amd64 Packages [${sizeToStr(size)}B]`, size, file, fileSize: rec?.lists.find(([n]) => n === file)?.[1] ?? Math.round(size * (pk ? 5.5 : 4.8)) });
    }
  }
  // apt fetches every source's InRelease first, then the package lists
  lines.sort((a, b) => Number(!a.file.endsWith('_InRelease')) - Number(!b.file.endsWith('_InRelease')));
  if (!online) {
    const inrels = lines.filter((l) => l.file.endsWith('_InRelease'));
    inrels.forEach((l, i) => run.out(`Ign:${i + 1} ${l.text.replace(/ \[.*\]$/, '')}\n`));
    await wait(run, 1500);
    inrels.forEach((l, i) => run.out(`Err:${i + 1} ${l.text.replace(/ \[.*\]$/, '')}\n  Temporary failure resolving '${hostOf(l.text)}'\n`));
    progress(run, 'Reading package lists...');
    for (const l of inrels) {
      const [uri, suite] = l.text.split(' ');
      run.err(`W: Failed to fetch ${uri}/dists/${suite}/InRelease  Temporary failure resolving '${hostOf(l.text)}'\n`);
    }
    run.err('W: Some index files failed to download. They have been ignored, or old ones used instead.\n');
    return 0;
  }
  let n = 0;
  let total = 0;
  for (const l of lines) {
    n++;
    const hit = !fresh && l.file.endsWith('_InRelease');
    if (hit) {
      await wait(run, 120);
      run.out(`Hit:${n} ${l.text.replace(/ \[.*\]$/, '')}\n`);
    } else if (!fresh) {
      n--;
      continue;
    } else {
      await wait(run, Math.max(60, (l.size / APT_SPEED.update) * 1000));
      run.out(`Get:${n} ${l.text}\n`);
      total += l.size;
    }
  }
  if (fresh) {
    const seconds = Math.max(1, Math.round(total / APT_SPEED.update));
    run.out(`Fetched ${sizeToStr(total)}B in ${seconds}s (${sizeToStr(total / seconds)}B/s)\n`);
    run.ctx.fs.mkdir('/var/lib/apt/lists/partial', { recursive: true });
    for (const l of lines) writeSized(run.ctx.fs, `/var/lib/apt/lists/${l.file}`, l.fileSize, { seed: hash32(l.file) });
    if (!isFile(run.ctx.fs, '/var/lib/apt/lists/lock')) run.ctx.fs.writeFile('/var/lib/apt/lists/lock', '', { mode: 0o640 });
    if (!dockerClean(run.ctx)) {
      const packages = lines.reduce((a, l) => a + (l.file.endsWith('Packages') ? l.fileSize : 0), 0);
      run.ctx.fs.mkdir('/var/cache/apt', { recursive: true });
      writeSized(run.ctx.fs, '/var/cache/apt/pkgcache.bin', Math.round(packages * 0.55), { seed: 1 });
      writeSized(run.ctx.fs, '/var/cache/apt/srcpkgcache.bin', Math.round(packages * 0.55), { seed: 2 });
    }
  }
  progress(run, 'Reading package lists...');
  if (run.front === 'apt') {
    progress(run, 'Building dependency tree...');
    progress(run, 'Reading state information...');
    const count = rec ? rec.notUpgraded : 0;
    run.out(count ? `${count} package${count === 1 ? '' : 's'} can be upgraded. Run 'apt list --upgradable' to see ${count === 1 ? 'it' : 'them'}.\n` : 'All packages are up to date.\n');
  }
  return 0;
}

function hostOf(text: string): string {
  return /^\w+:\/\/([^/ ]+)/.exec(text)?.[1] ?? '';
}

// ---- install ----------------------------------------------------------------------------------

function installedNow(ctx: ProcessContext): Map<string, string> {
  const out = new Map<string, string>();
  const text = readText(ctx.fs, '/var/lib/dpkg/status') ?? '';
  for (const stanza of text.split(/\n\s*\n/)) {
    const name = /^Package:\s*(\S+)/m.exec(stanza)?.[1];
    if (name && /install ok installed/.test(stanza)) out.set(name, /^Version:\s*(\S+)/m.exec(stanza)?.[1] ?? '');
  }
  return out;
}

interface Section {
  title: string;
  items: string[];
}

function sectionsOf(plan: string): Section[] {
  const out: Section[] = [];
  for (const line of plan.split('\n')) {
    if (!line) continue;
    if (line.startsWith('  ')) out[out.length - 1]?.items.push(...line.trim().split(/\s+/));
    else if (line.endsWith(':')) out.push({ title: line, items: [] });
  }
  return out;
}

interface Plan {
  text: string;
  apt3?: string;
  inst: ReadonlyArray<readonly [string, string, string, string, string]>;
  body?: string;
  err?: string;
  growth?: Readonly<Record<string, number>>;
  newCount: number;
  additional: boolean;
}

function buildPlan(rec: DebianRecording, requested: string[], mode: 'nir' | 'rec', installed: Map<string, string>): Plan | { missing: string } {
  const key = `${[...requested].sort().join(' ')}|${mode}`;
  const t = rec.transcripts[key];
  const fresh = [...installed.keys()].every((k) => k in rec.installed);
  if (t && fresh) {
    const inst = [...t.body.matchAll(/^Get:\d+ \S+ (\S+) \S+ (\S+) (\S+) (\S+) \[/gm)].map((m) => [m[2]!, m[4]!, m[1]!.includes('security') ? 'sec' : 'main', m[3]!, ''] as const);
    const newCount = Number(/(\d+) newly installed/.exec(t.plan)?.[1] ?? inst.length);
    return { text: t.plan, ...(t.apt3 ? { apt3: t.apt3 } : {}), inst, body: t.body, err: t.err, growth: t.growth, newCount, additional: t.plan.includes('additional packages') };
  }
  const plans: RecordedPlan[] = [];
  for (const r of requested) {
    const p = rec.plans[`${r}|${mode}`];
    if (!p) {
      if (!rec.packages[r] && !(r in rec.installed)) return { missing: r };
      continue;
    }
    plans.push(p);
  }
  const inst: (readonly [string, string, string, string, string])[] = [];
  const seen = new Set<string>();
  for (const p of plans)
    for (const i of p.inst) {
      if (seen.has(i[0]) || installed.has(i[0])) continue;
      seen.add(i[0]);
      inst.push(i);
    }
  const merged = new Map<string, string[]>();
  for (const p of plans)
    for (const s of sectionsOf(p.plan)) {
      const list = merged.get(s.title) ?? [];
      for (const item of s.items) if (item === '|' || !list.includes(item) || list[list.length - 1] === '|') list.push(item);
      merged.set(s.title, list);
    }
  const names = inst.map((i) => i[0]).sort();
  const extra = names.filter((n) => !requested.includes(n));
  let text = '';
  if (extra.length) text += `The following additional packages will be installed:\n${showList(extra)}`;
  for (const title of ['Suggested packages:', 'Recommended packages:']) {
    const items = merged.get(title);
    if (items?.length) text += `${title}\n${showList(items.join(' ').replace(/ \| /g, '\u0000| ').split(' ').map((s) => s.replace('\u0000', ' ')))}`;
  }
  if (names.length) text += `The following NEW packages will be installed:\n${showList(names)}`;
  const download = inst.reduce((a, i) => a + (rec.packages[i[0]]?.[2] ?? 0), 0);
  const space = inst.reduce((a, i) => a + (rec.packages[i[0]]?.[3] ?? 0), 0) * 1024;
  text += `0 upgraded, ${inst.length} newly installed, 0 to remove and ${rec.notUpgraded} not upgraded.\n`;
  if (inst.length) text += `Need to get ${sizeToStr(download)}B of archives.\nAfter this operation, ${sizeToStr(space)}B of additional disk space will be used.\n`;
  return { text, inst, newCount: inst.length, additional: extra.length > 0 };
}

/** apt 3's plan layout, made from a classic plan. */
function apt3Plan(plan: Plan, requested: string[], rec: DebianRecording): string {
  const sections = sectionsOf(plan.text);
  const get = (t: string) => sections.find((s) => s.title === t)?.items ?? [];
  const news = get('The following NEW packages will be installed:');
  let out = '';
  const req = news.filter((n) => requested.includes(n));
  const deps = news.filter((n) => !requested.includes(n));
  if (req.length) out += `Installing:\n${showColumns(req)}\n`;
  if (deps.length) out += `Installing dependencies:\n${showColumns(deps)}\n`;
  for (const [t, title] of [
    ['Suggested packages:', 'Suggested packages:'],
    ['Recommended packages:', 'Recommended packages:'],
  ] as const) {
    const items = get(t);
    if (items.length) out += `${title}\n${showColumns(items.join(' ').replace(/ \| /g, ' |\u0000').split(' ').map((s) => s.replace('|\u0000', '| ')))}\n`;
  }
  const download = /Need to get (.*) of archives/.exec(plan.text)?.[1] ?? '0 B';
  const space = /After this operation, (.*) of additional/.exec(plan.text)?.[1] ?? '0 B';
  out += `Summary:\n  Upgrading: 0, Installing: ${news.length}, Removing: 0, Not Upgrading: ${rec.notUpgraded}\n  Download size: ${download}\n  Space needed: ${space} / 58.2 GB available\n\n`;
  return out;
}

function dpkgName(name: string, arch: string): string {
  return arch === 'all' || !/^lib/.test(name) ? name : `${name}:${arch}`;
}

/** dpkg's output for unpacking and configuring `inst` in one run. */
function dpkgOutput(rec: DebianRecording, inst: Plan['inst'], baseFiles: number): string {
  const width = String(inst.length - 1).length;
  let out = '';
  inst.forEach(([name, version, , arch], k) => {
    out += `Selecting previously unselected package ${dpkgName(name, arch)}.\n`;
    if (k === 0) out += `(Reading database ... ${baseFiles} files and directories currently installed.)\n`;
    out += `Preparing to unpack .../${String(k).padStart(width, '0')}-${name}_${version.replace(':', '%3a')}_${arch}.deb ...\nUnpacking ${dpkgName(name, arch)} (${version}) ...\n`;
  });
  for (const [name, version, , arch] of inst) out += `Setting up ${dpkgName(name, arch)} (${version}) ...\n`;
  const libc = rec.installed['libc-bin'];
  if (libc) out += `Processing triggers for libc-bin (${libc}) ...\n`;
  return out;
}

const BULK_PATHS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^gcc-(\d+)$/, (m) => `/usr/libexec/gcc/x86_64-linux-gnu/${m[1]}/lto1`],
  [/^gcc-(\d+)-x86-64-linux-gnu$/, (m) => `/usr/libexec/gcc/x86_64-linux-gnu/${m[1]}/cc1`],
  [/^cpp-(\d+)(-x86-64-linux-gnu)?$/, (m) => `/usr/libexec/gcc/x86_64-linux-gnu/${m[1]}/cc1.cpp`],
  [/^g\+\+-(\d+)(-x86-64-linux-gnu)?$/, (m) => `/usr/libexec/gcc/x86_64-linux-gnu/${m[1]}/cc1plus`],
  [/^libgcc-(\d+)-dev$/, (m) => `/usr/lib/gcc/x86_64-linux-gnu/${m[1]}/libgcc.a`],
  [/^libstdc\+\+-(\d+)-dev$/, (m) => `/usr/lib/gcc/x86_64-linux-gnu/${m[1]}/libstdc++.a`],
  [/^perl-modules-([\d.]+)$/, (m) => `/usr/share/perl/${m[1]}/unicore/Name.pl`],
  [/^libperl([\d.]+)$/, (m) => `/usr/lib/x86_64-linux-gnu/libperl.so.${m[1]}`],
  [/^linux-libc-dev$/, () => '/usr/include/linux/videodev2.h'],
  [/^libc6-dev$/, () => '/usr/lib/x86_64-linux-gnu/libc.a'],
  [/^binutils-x86-64-linux-gnu$/, () => '/usr/bin/x86_64-linux-gnu-ld.bfd'],
  [/^(lib[\w+.-]+?)(\d[\w.]*)?(:amd64)?$/, (m) => `/usr/lib/x86_64-linux-gnu/${m[1]!.replace(/-?dev$/, '')}.so.${m[2] ?? '0'}`],
  [/^(.+)$/, (m) => `/usr/share/${m[1]}/${m[1]}.data`],
];

function bulkPath(name: string): string {
  for (const [re, f] of BULK_PATHS) {
    const m = re.exec(name);
    if (m) return f(m);
  }
  return `/usr/share/${name}/${name}.data`;
}

/** The files an install leaves: package contents of their installed sizes, dpkg's database, logs. */
function applyInstall(run: AptRun, rec: DebianRecording, plan: Plan): void {
  const fs = run.ctx.fs;
  const sizes = plan.inst.map((i) => (rec.packages[i[0]]?.[3] ?? 100) * 1024);
  const total = sizes.reduce((a, b) => a + b, 0);
  const usr = plan.growth?.usr ?? total;
  const dpkg = plan.growth?.['var/lib/dpkg'] ?? plan.inst.length * 24_000;
  let status = readText(fs, '/var/lib/dpkg/status') ?? '';
  plan.inst.forEach((i, k) => {
    const [name, version, , arch] = i;
    const bytes = Math.max(0, Math.round((usr * sizes[k]!) / Math.max(1, total)) - 1200);
    const doc = `/usr/share/doc/${name}`;
    fs.mkdir(doc, { recursive: true });
    fs.writeFile(`${doc}/copyright`, `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: ${name}\n`);
    const path = bulkPath(name);
    fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    if (bytes > 0) writeSized(fs, path, bytes, { seed: hash32(`${name}/${version}`) });
    fs.mkdir('/var/lib/dpkg/info', { recursive: true });
    const infoName = dpkgName(name, arch);
    const share = Math.round(dpkg / plan.inst.length);
    writeSized(fs, `/var/lib/dpkg/info/${infoName}.list`, Math.round(share * 0.45), { seed: hash32(`${name}.list`) });
    writeSized(fs, `/var/lib/dpkg/info/${infoName}.md5sums`, Math.round(share * 0.45), { seed: hash32(`${name}.md5sums`) });
    status = `${status.replace(/\n*$/, '\n')}\nPackage: ${name}\nStatus: install ok installed\nArchitecture: ${arch}\nVersion: ${version}\nInstalled-Size: ${rec.packages[name]?.[3] ?? 100}\n`;
    if (!dockerClean(run.ctx)) {
      fs.mkdir('/var/cache/apt/archives/partial', { recursive: true });
      writeSized(fs, `/var/cache/apt/archives/${name}_${version.replace(':', '%3a')}_${arch}.deb`, rec.packages[name]?.[2] ?? 50_000, { seed: hash32(`${name}.deb`) });
    }
  });
  fs.writeFile('/var/lib/dpkg/status', status);
  fs.mkdir('/var/log/apt', { recursive: true });
  const log = plan.growth?.['var/log'] ?? 30_000;
  writeSized(fs, '/var/log/apt/term.log', Math.round(log * 0.5), { seed: 7 });
  writeSized(fs, '/var/log/dpkg.log', Math.round(log * 0.4), { seed: 8 });
  fs.writeFile('/var/log/apt/history.log', `\nStart-Date: 2026-11-26  09:00:00\nCommandline: apt-get install ${plan.inst.map((i) => i[0]).join(' ')}\nEnd-Date: 2026-11-26  09:01:00\n`, { append: true });
  installToolchain(fs, plan.inst.map((i) => i[0]));
}

function baseFileCount(rec: DebianRecording): number {
  return 6_000 + Object.keys(rec.installed).length * 40;
}

async function install(run: AptRun, args: string[], opts: { yes: boolean; mode: 'nir' | 'rec' }): Promise<number> {
  needRoot(run, 'dpkg');
  const os = osRelease(run.ctx);
  progress(run, 'Reading package lists...');
  progress(run, 'Building dependency tree...');
  progress(run, 'Reading state information...');
  const requested = args.filter((a) => !a.startsWith('-'));
  if (!requested.length) {
    run.out(`0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`);
    return 0;
  }
  const rec = os.ID === 'debian' ? await recording(os.VERSION_CODENAME ?? '') : null;
  const prefix = run.front === 'apt' && os.VERSION_CODENAME === 'trixie' ? 'Error' : 'E';
  if (!hasLists(run.ctx)) {
    const installed = installedNow(run.ctx);
    const missing = requested.filter((r) => !installed.has(r));
    if (missing.length) {
      for (const m of missing) run.err(`${prefix}: Unable to locate package ${m}\n`);
      return 100;
    }
  }
  if (!rec) {
    run.err(`(course simulator) apt installs are recorded for Debian images (python:*-slim, debian:*); ${os.PRETTY_NAME ?? 'this system'}'s archive is not simulated.\n`);
    return 100;
  }
  const installed = installedNow(run.ctx);
  const already = requested.filter((r) => installed.has(r));
  const wanted = requested.filter((r) => !installed.has(r));
  for (const r of already) run.out(`${r} is already the newest version (${installed.get(r)}).\n`);
  if (!wanted.length) {
    run.out(`0 upgraded, 0 newly installed, 0 to remove and ${rec.notUpgraded} not upgraded.\n`);
    return 0;
  }
  const plan = buildPlan(rec, wanted, opts.mode, installed);
  if ('missing' in plan) {
    run.err(`${prefix}: Unable to locate package ${plan.missing}\n`);
    return 100;
  }
  if (run.front === 'apt' && os.VERSION_CODENAME === 'trixie') run.out(plan.apt3 ?? apt3Plan(plan, wanted, rec));
  else run.out(plan.text);
  if (plan.additional && !opts.yes) {
    run.out(run.front === 'apt' && os.VERSION_CODENAME === 'trixie' ? 'Continue? [Y/n] ' : 'Do you want to continue? [Y/n] ');
    const answer = await readOrInterrupt(run.ctx);
    if (typeof answer === 'object' && answer !== null) throw new AptExit(130);
    if (answer === null || !/^\s*(y|yes)?\s*$/i.test(answer.split('\n')[0] ?? '')) {
      run.out('Abort.\n');
      return 1;
    }
  }
  if (!networkUp(run.ctx.fs)) {
    plan.inst.forEach(([name, version, suite, arch], k) => run.out(`Ign:${k + 1} http://deb.debian.org/debian${suite === 'sec' ? '-security' : ''} ${os.VERSION_CODENAME}${suite === 'sec' ? '-security' : ''}/main amd64 ${name} ${arch} ${version}\n`));
    await wait(run, 1500);
    const [name, version, suite, arch] = plan.inst[0]!;
    run.err(`${prefix}: Failed to fetch http://deb.debian.org/debian${suite === 'sec' ? '-security' : ''}/pool/main/${name.startsWith('lib') ? name.slice(0, 4) : name[0]}/${name}/${name}_${version.replace(':', '%3a')}_${arch}.deb  Temporary failure resolving 'deb.debian.org'\n${prefix}: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?\n`);
    return 100;
  }
  const download = plan.inst.reduce((a, i) => a + (rec.packages[i[0]]?.[2] ?? 0), 0);
  const unpack = plan.inst.reduce((a, i) => a + (rec.packages[i[0]]?.[3] ?? 0), 0) * 1024;
  const downloadMs = (download / APT_SPEED.download) * 1000;
  if (plan.body) {
    const fetched = plan.body.indexOf('\nFetched ');
    const gets = plan.body.slice(0, fetched + 1).split('\n').filter(Boolean);
    for (const g of gets) {
      await wait(run, downloadMs / gets.length);
      run.out(`${g}\n`);
    }
    const seconds = Math.max(0, Math.round(downloadMs / 1000));
    const rest = plan.body.slice(fetched + 1).replace(/^Fetched (.*) in \d+s \([^)]*\)/, `Fetched $1 in ${seconds}s (${sizeToStr(download / Math.max(1, downloadMs / 1000))}B/s)`);
    const lines = rest.split('\n');
    run.out(`${lines[0]}\n`);
    run.err(plan.err ?? '');
    const body = lines.slice(1);
    const step = (unpack / APT_SPEED.unpack) * 1000 / Math.max(1, body.length);
    for (const line of body.slice(0, -1)) {
      await wait(run, step);
      run.out(`${line}\n`);
    }
  } else {
    let k = 0;
    for (const [name, version, suite, arch] of plan.inst) {
      k++;
      await wait(run, downloadMs / plan.inst.length);
      const dist = `${os.VERSION_CODENAME}${suite === 'sec' ? '-security' : suite === 'upd' ? '-updates' : ''}`;
      run.out(`Get:${k} http://deb.debian.org/debian${suite === 'sec' ? '-security' : ''} ${dist}/main amd64 ${name} ${arch} ${version} [${sizeToStr(rec.packages[name]?.[2] ?? 0)}B]\n`);
    }
    const seconds = Math.max(0, Math.round(downloadMs / 1000));
    run.out(`Fetched ${sizeToStr(download)}B in ${seconds}s (${sizeToStr(download / Math.max(1, downloadMs / 1000))}B/s)\n`);
    run.err('debconf: delaying package configuration, since apt-utils is not installed\n');
    const text = dpkgOutput(rec, plan.inst, baseFileCount(rec)).split('\n');
    const step = (unpack / APT_SPEED.unpack) * 1000 / Math.max(1, text.length);
    for (const line of text.slice(0, -1)) {
      await wait(run, step);
      run.out(`${line}\n`);
    }
  }
  applyInstall(run, rec, plan);
  return 0;
}

function clean(run: AptRun): number {
  needRoot(run, 'cache');
  const fs = run.ctx.fs;
  const remove = (dir: string, keep: (n: string) => boolean) => {
    try {
      for (const e of fs.readdir(dir)) if (e.kind === 'file' && !keep(e.name)) fs.unlink(`${dir}/${e.name}`);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
    }
  };
  remove('/var/cache/apt/archives', (n) => n === 'lock');
  remove('/var/cache/apt/archives/partial', () => false);
  remove('/var/cache/apt', (n) => !n.endsWith('.bin'));
  return 0;
}

const USAGE = `apt 2.6.1 (amd64)
Usage: apt-get [options] command
       apt-get [options] install|remove pkg1 [pkg2 ...]
       apt-get [options] source pkg1 [pkg2 ...]

apt-get is a command line interface for retrieval of packages
and information about them from authenticated sources and
for installation, upgrade and removal of packages together
with their dependencies.

Most used commands:
  update - Retrieve new lists of packages
  upgrade - Perform an upgrade
  install - Install new packages (pkg is libc6 not libc6.deb)
  reinstall - Reinstall packages (pkg is libc6 not libc6.deb)
  remove - Remove packages
  purge - Remove packages and config files
  autoremove - Remove automatically all unused packages
  dist-upgrade - Distribution upgrade, see apt-get(8)
  dselect-upgrade - Follow dselect selections
  build-dep - Configure build-dependencies for source packages
  satisfy - Satisfy dependency strings
  clean - Erase downloaded archive files
  autoclean - Erase old downloaded archive files
  check - Verify that there are no broken dependencies
  source - Download source archives
  download - Download the binary package into the current directory
  changelog - Download and display the changelog for the given package

See apt-get(8) for more information about the available commands.
Configuration options and syntax is detailed in apt.conf(5).
Information about how to configure sources can be found in sources.list(5).
Package and version choices can be expressed via apt_preferences(5).
Security details are available in apt-secure(8).
                                        This APT has Super Cow Powers.
`;

function makeApt(front: 'apt' | 'apt-get'): Program {
  return async (ctx) => {
    const run: AptRun = { ctx, front, out: (t) => ctx.stdout.write(t), err: (t) => ctx.stderr.write(t), tty: ctx.tty.stdout };
    const args = ctx.argv.slice(1);
    let yes = ['1', 'true', 'yes'].includes((ctx.env.APT_ASSUME_YES ?? '').toLowerCase());
    let mode: 'nir' | 'rec' = 'rec';
    let quiet = 0;
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-y' || a === '--yes' || a === '--assume-yes') yes = true;
      else if (/^-y+$/.test(a) || /^-[a-z]*y[a-z]*$/.test(a)) {
        yes = true;
        quiet += (a.match(/q/g) ?? []).length;
      } else if (a === '--no-install-recommends') mode = 'nir';
      else if (a === '--install-recommends') mode = 'rec';
      else if (a === '-q' || a === '--quiet') quiet++;
      else if (a === '-qq') quiet += 2;
      else if (a === '-o' || a === '-c' || a === '-t') i++;
      else if (a.startsWith('-')) continue;
      else rest.push(a);
    }
    if (front === 'apt' && !ctx.tty.stdout) ctx.stderr.write('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    if (quiet >= 2) run.out = () => undefined;
    const command = rest[0];
    try {
      switch (command) {
        case undefined:
          if (front === 'apt') ctx.stdout.write(USAGE.replace(/apt-get/g, 'apt').replace(/\n {40}This APT has Super Cow Powers\.\n/, '\n'));
          else ctx.stdout.write(USAGE);
          return 1;
        case 'update':
          return await update(run);
        case 'install':
          return await install(run, rest.slice(1), { yes, mode });
        case 'clean':
        case 'autoclean':
          return clean(run);
        case 'autoremove':
        case 'upgrade': {
          needRoot(run, 'dpkg');
          progress(run, 'Reading package lists...');
          progress(run, 'Building dependency tree...');
          progress(run, 'Reading state information...');
          const rec = osRelease(ctx).ID === 'debian' ? await recording(osRelease(ctx).VERSION_CODENAME ?? '') : null;
          if (command === 'upgrade') progress(run, 'Calculating upgrade...');
          run.out(`0 upgraded, 0 newly installed, 0 to remove and ${command === 'upgrade' ? 0 : (rec?.notUpgraded ?? 0)} not upgraded.\n`);
          return 0;
        }
        default:
          if (['remove', 'purge', 'reinstall', 'dist-upgrade', 'full-upgrade', 'source', 'build-dep', 'download', 'search', 'show', 'list', 'policy', 'changelog'].includes(command)) {
            ctx.stderr.write(`(course simulator) ${front} ${command} is not simulated; update, install, clean, autoremove and upgrade are.\n`);
            return 100;
          }
          ctx.stderr.write(`E: Invalid operation ${command}\n`);
          return 100;
      }
    } catch (e) {
      if (e instanceof AptExit) return e.status;
      throw e;
    }
  };
}

export const aptGetProgram = makeApt('apt-get');
export const aptProgram = makeApt('apt');

