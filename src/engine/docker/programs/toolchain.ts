/**
 * What `apt-get install build-essential gcc` leaves to run: gcc, g++, cc, cpp and make answer
 * --version as the installed Debian release's do; compiling is not simulated (an honest message).
 */
import type { Program } from '../../process';
import type { FileSystem } from '../../fs/types';
import { executableImage } from '../../shell/executable';
import { readText } from './system';

/** gcc's version string and the Debian package version of each release (from the apt recordings). */
const GCC: Record<string, { version: string; major: string; debian: string; year: string }> = {
  bullseye: { version: '10.2.1 20210110', major: '10', debian: '10.2.1-6', year: '2020' },
  bookworm: { version: '12.2.0', major: '12', debian: '12.2.0-14+deb12u1', year: '2022' },
  trixie: { version: '14.2.0', major: '14', debian: '14.2.0-19', year: '2024' },
};

function release(fs: FileSystem): string {
  return /^VERSION_CODENAME=(\S+)/m.exec(readText(fs, '/etc/os-release') ?? '')?.[1] ?? 'bookworm';
}

function gccProgram(kind: 'gcc' | 'g++' | 'cpp'): Program {
  return async (ctx) => {
    const codename = release(ctx.fs);
    const g = GCC[codename] ?? GCC.bookworm!;
    const name = (ctx.argv[0] ?? kind).split('/').pop()!;
    if (ctx.argv.includes('--version')) {
      ctx.stdout.write(`${name} (Debian ${g.debian}) ${g.version}\nCopyright (C) ${g.year} Free Software Foundation, Inc.\nThis is free software; see the source for copying conditions.  There is NO\nwarranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n\n`);
      return 0;
    }
    if (ctx.argv.length === 1) {
      ctx.stderr.write(`${name}: fatal error: no input files\ncompilation terminated.\n`);
      return 1;
    }
    ctx.stderr.write(`(course simulator) ${name} is installed, but compiling is not simulated in this course.\n`);
    return 1;
  };
}

export const makeProgram: Program = async (ctx) => {
  if (ctx.argv.includes('--version') || ctx.argv.includes('-v')) {
    const trixie = release(ctx.fs) === 'trixie';
    ctx.stdout.write(`GNU Make ${trixie ? '4.4.1' : '4.3'}\nBuilt for x86_64-pc-linux-gnu\nCopyright (C) 1988-${trixie ? '2023' : '2020'} Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`);
    return 0;
  }
  const makefile = ['GNUmakefile', 'makefile', 'Makefile'].some((f) => ctx.fs.exists(`${ctx.cwd === '/' ? '' : ctx.cwd}/${f}`));
  if (!makefile) {
    ctx.stderr.write(`make: *** No targets specified and no makefile found.  Stop.\n`);
    return 2;
  }
  ctx.stderr.write('(course simulator) make is installed, but running makefiles is not simulated in this course.\n');
  return 2;
};

export const TOOLCHAIN_PROGRAMS: Record<string, Program> = {
  gcc: gccProgram('gcc'),
  'g++': gccProgram('g++'),
  cpp: gccProgram('cpp'),
  make: makeProgram,
};

/** Executables the toolchain packages install, as files naming the programs above. */
export function installToolchain(fs: FileSystem, packages: readonly string[]): void {
  const has = (re: RegExp) => packages.some((p) => re.test(p));
  const codename = release(fs);
  const major = (GCC[codename] ?? GCC.bookworm!).major;
  const put = (path: string, id: string) => {
    fs.writeFile(path, executableImage(id), { mode: 0o755 });
    fs.chmod(path, 0o755);
  };
  const link = (path: string, target: string) => {
    if (!fs.exists(path)) fs.symlink(target, path);
  };
  fs.mkdir('/usr/bin', { recursive: true });
  if (has(/^gcc-\d+$/)) {
    put(`/usr/bin/x86_64-linux-gnu-gcc-${major}`, 'gcc');
    link(`/usr/bin/gcc-${major}`, `x86_64-linux-gnu-gcc-${major}`);
  }
  if (has(/^gcc$/)) {
    link('/usr/bin/gcc', `gcc-${major}`);
    link('/usr/bin/cc', '/etc/alternatives/cc');
    fs.mkdir('/etc/alternatives', { recursive: true });
    link('/etc/alternatives/cc', '/usr/bin/gcc');
  }
  if (has(/^g\+\+-\d+$/)) {
    put(`/usr/bin/x86_64-linux-gnu-g++-${major}`, 'g++');
    link(`/usr/bin/g++-${major}`, `x86_64-linux-gnu-g++-${major}`);
  }
  if (has(/^g\+\+$/)) link('/usr/bin/g++', `g++-${major}`);
  if (has(/^cpp-\d+$/)) {
    put(`/usr/bin/x86_64-linux-gnu-cpp-${major}`, 'cpp');
    link(`/usr/bin/cpp-${major}`, `x86_64-linux-gnu-cpp-${major}`);
  }
  if (has(/^cpp$/)) link('/usr/bin/cpp', `cpp-${major}`);
  if (has(/^make$/)) put('/usr/bin/make', 'make');
}
