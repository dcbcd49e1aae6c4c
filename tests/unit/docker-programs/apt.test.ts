/**
 * apt-get/apt against real runs (debian.generated.ts, recorded by oracle/record_apt.py on Debian
 * systems set up like the python:*-slim images) and the lesson's RUN line in python:3.7-slim.
 */
import { describe, expect, it } from 'vitest';
import { container, run, upperSize } from './harness';
import { DEBIAN } from '../../../src/engine/docker/programs/apt/debian.generated';
import { showColumns, showList, sizeToStr } from '../../../src/engine/docker/programs/apt/format';

const APT_WARNING = '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n';

function section(plan: string, title: string): { items: string[]; text: string } {
  const lines = plan.split('\n');
  const i = lines.indexOf(title);
  const body: string[] = [];
  for (let k = i + 1; k < lines.length && lines[k]!.startsWith('  '); k++) body.push(lines[k]!);
  return { items: body.join(' ').trim().split(/\s+/), text: body.map((l) => `${l}\n`).join('') };
}

describe('apt formatting against the recordings', () => {
  for (const [dist, rec] of Object.entries(DEBIAN)) {
    for (const mode of ['nir', 'rec']) {
      const t = rec.transcripts[`build-essential gcc|${mode}`]!;
      it(`${dist} ${mode}: package lists wrap as apt wraps them; sizes as SizeToStr prints them`, () => {
        const news = section(t.plan, 'The following NEW packages will be installed:');
        expect(showList(news.items)).toBe(news.text);
        const gets = [...t.body.matchAll(/^Get:\d+ \S+ \S+ \S+ (\S+) \S+ (\S+) \[/gm)];
        const bytes = gets.reduce((a, m) => a + rec.packages[m[1]!]![2], 0);
        expect(t.plan).toContain(`Need to get ${sizeToStr(bytes)}B of archives.`);
      });
    }
  }

  it('trixie apt 3: the column layout of "Installing dependencies:"', () => {
    const apt3 = DEBIAN.trixie!.transcripts['build-essential gcc|nir']!.apt3!;
    const deps = section(apt3, 'Installing dependencies:');
    expect(showColumns([...deps.items].sort())).toBe(deps.text);
  });
});

describe('the lesson: RUN apt update && apt install --no-install-recommends -y build-essential gcc && apt clean && rm -rf /var/lib/apt/lists/*', () => {
  it('python:3.7-slim (bullseye): real output, files of the real size, lists that rm removes', async () => {
    const c = container('python:3.7-slim');
    const update = await run(c, ['apt', 'update']);
    expect(update.status).toBe(0);
    expect(update.stderr).toBe(APT_WARNING);
    expect(update.stdout.split('\n').slice(0, 2)).toEqual(['Get:1 http://deb.debian.org/debian bullseye InRelease [75.1 kB]', 'Get:2 http://deb.debian.org/debian bullseye/main amd64 Packages [8066 kB]']);
    expect(update.stdout).toMatch(/\nReading package lists...\nBuilding dependency tree...\nReading state information...\n24 packages can be upgraded. Run 'apt list --upgradable' to see them.\n$/);
    expect(c.fs.stat('/var/lib/apt/lists/deb.debian.org_debian_dists_bullseye_main_binary-amd64_Packages').size).toBeGreaterThan(40e6);

    const before = upperSize(c);
    const install = await run(c, ['apt', 'install', '--no-install-recommends', '-y', 'build-essential', 'gcc']);
    expect(install.status).toBe(0);
    const rec = DEBIAN.bullseye!.transcripts['build-essential gcc|nir']!;
    expect(install.stdout).toBe(`Reading package lists...\nBuilding dependency tree...\nReading state information...\n${rec.plan}${rec.body.replace(/^Fetched (.*) in \d+s \([^)]*\)$/m, () => install.stdout.match(/^Fetched .*$/m)![0])}`);
    expect(install.stderr).toBe(`${APT_WARNING}debconf: delaying package configuration, since apt-utils is not installed\n`);
    const grown = upperSize(c) - before;
    expect(grown).toBeGreaterThan(rec.growth.usr! * 0.98);
    expect(grown).toBeLessThan(rec.growth.usr! * 1.05);
    expect((await run(c, ['gcc', '--version'])).stdout.split('\n')[0]).toBe('gcc (Debian 10.2.1-6) 10.2.1 20210110');

    expect((await run(c, ['apt', 'clean'])).status).toBe(0);
    const fs = c.fs.as({ uid: 0, gid: 0 });
    for (const e of fs.readdir('/var/lib/apt/lists')) if (e.kind === 'file') fs.unlink(`/var/lib/apt/lists/${e.name}`);
    expect(upperSize(c) - before).toBeLessThan(grown + 1e6);
  });

  it('apt-get update prints what the real one printed for the same sources', async () => {
    const c = container('debian:bookworm-slim');
    const fs = c.fs.as({ uid: 0, gid: 0 });
    fs.writeFile('/etc/apt/sources.list.d/debian.sources', `${fs.readText('/etc/apt/sources.list.d/debian.sources')}\nTypes: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\n`);
    const r = await run(c, ['apt-get', 'update']);
    const fetched = (t: string) => t.replace(/^Fetched (\S+ \S+) in .*$/m, 'Fetched $1');
    expect(fetched(r.stdout)).toBe(fetched(DEBIAN.bookworm!.update));
    const again = await run(c, ['apt-get', 'update']);
    expect(again.stdout).toBe('Hit:1 http://deb.debian.org/debian bookworm InRelease\nHit:2 http://deb.debian.org/debian bookworm-updates InRelease\nHit:3 http://deb.debian.org/debian-security bookworm-security InRelease\nReading package lists...\n');
  });

  it('apt-get says nothing about the CLI; without -y and without a terminal it aborts', async () => {
    const c = container('python:3.11-slim');
    expect((await run(c, ['apt-get', 'update'])).stderr).toBe('');
    const r = await run(c, ['apt-get', 'install', 'gcc']);
    expect(r.status).toBe(1);
    expect(r.stdout.endsWith('Do you want to continue? [Y/n] Abort.\n')).toBe(true);
    const yes = await run(c, ['apt-get', 'install', 'gcc'], { tty: true, stdin: ['\n'] });
    expect(yes.status).toBe(0);
  });

  it('before apt-get update nothing can be found; not root: the lock errors', async () => {
    const c = container('python:3.11-slim');
    expect(await run(c, ['apt-get', 'install', '-y', 'gcc'])).toMatchObject({ status: 100, stderr: 'E: Unable to locate package gcc\n' });
    const user = await run(c, ['apt-get', 'update'], { uid: 1000 });
    expect(user).toMatchObject({ status: 100, stderr: 'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n' });
    const pytorch = container('anibali/pytorch:1.10.0-nocuda');
    expect((await run(pytorch, ['apt-get', 'install', '-y', 'gcc'])).stderr).toBe('E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n');
  });

  it('python:3.11-slim (trixie): apt 3 prints the new plan layout', async () => {
    const c = container('python:3.11-slim');
    await run(c, ['apt-get', 'update']);
    const r = await run(c, ['apt', 'install', '--no-install-recommends', '-y', 'build-essential', 'gcc']);
    expect(r.stdout).toContain('Installing:\n  build-essential  gcc\n\nInstalling dependencies:\n');
    expect(r.stdout).toContain('Summary:\n  Upgrading: 0, Installing: 52, Removing: 0, Not Upgrading: 0\n  Download size: 82.7 MB\n');
  });

  it('other packages: plans from recorded simulations; unknown ones are not found', async () => {
    const c = container('debian:bookworm-slim');
    await run(c, ['apt-get', 'update']);
    const curl = await run(c, ['apt-get', 'install', '-y', 'curl']);
    expect(curl.status).toBe(0);
    expect(curl.stdout).toContain('The following NEW packages will be installed:\n');
    expect(curl.stdout).toMatch(/Get:1 http:\/\/deb\.debian\.org\/debian(-security)? bookworm(-security)?\/main amd64 \S+ \S+ \S+ \[[\d.]+ k?B\]\n/);
    expect(curl.stdout).toContain('Setting up curl (');
    expect(await run(c, ['apt-get', 'install', '-y', 'nosuchpackage'])).toMatchObject({ status: 100, stderr: 'E: Unable to locate package nosuchpackage\n' });
    const again = await run(c, ['apt-get', 'install', '-y', 'curl']);
    expect(again.stdout).toContain('curl is already the newest version (');
  });

  it('--network none: update fails to resolve deb.debian.org but exits 0', async () => {
    const c = container('python:3.11-slim');
    c.fs.mkdir('/sys/class/net/lo', { recursive: true });
    const r = await run(c, ['apt-get', 'update']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Err:1 http://deb.debian.org/debian trixie InRelease\n  Temporary failure resolving 'deb.debian.org'\n");
    expect(r.stderr).toContain('W: Some index files failed to download. They have been ignored, or old ones used instead.\n');
  });
});
