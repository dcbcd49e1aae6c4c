/**
 * Which Python is running and what it can import: the interpreter found the way the kernel and
 * the shell found it (argv[0] through PATH, symlinks resolved), its version (the image's
 * PYTHON_VERSION, patchlevel.h, or conda-meta), and its site-packages.
 */
import type { FileSystem } from '../../../fs/types';
import type { ProcessContext } from '../../../process';
import { basename, dirname, isDir, isFile, readText, realpath, resolvePath, searchPath } from '../system';

export interface PythonInstall {
  /** sys.executable: the path the program was started through (absolute, symlinks kept). */
  executable: string;
  /** sys.prefix: /usr/local, /home/user/miniconda … */
  prefix: string;
  /** 3.11.15 */
  version: string;
  /** 3.11 */
  minor: string;
  /** [3, 11] */
  major: number;
  minorNumber: number;
  /** Conda's Python says so in its banner. */
  conda: boolean;
  /** Where packages are installed, most specific first (user site, then the prefix's). */
  sitePackages: string;
  userSite: string;
}

function pythonVersionFromConda(fs: FileSystem, prefix: string): string | null {
  try {
    for (const e of fs.readdir(`${prefix}/conda-meta`)) {
      const m = /^python-(\d+\.\d+\.\d+)-/.exec(e.name);
      if (m) return m[1]!;
    }
  } catch {
    // not a conda environment
  }
  return null;
}

/** Finds the interpreter behind argv[0]; falls back to /usr/local/bin/python3 (the official images). */
export function findPython(ctx: ProcessContext): PythonInstall {
  const argv0 = ctx.argv[0] ?? 'python3';
  let executable = argv0.includes('/') ? resolvePath(ctx.cwd, argv0) : searchPath(ctx, argv0);
  if (!executable || !isFile(ctx.fs, executable)) executable = searchPath(ctx, 'python3') ?? '/usr/local/bin/python3';
  const real = realpath(ctx.fs, executable);
  const bin = dirname(real);
  const prefix = dirname(bin);
  let minor = /python(\d+\.\d+)$/.exec(basename(real))?.[1] ?? null;
  if (!minor) {
    try {
      minor = ctx.fs.readdir(`${prefix}/lib`).map((e) => /^python(\d+\.\d+)$/.exec(e.name)?.[1]).find((v) => v !== undefined) ?? null;
    } catch {
      minor = null;
    }
  }
  minor ??= '3.11';
  let version: string | null = null;
  const env = ctx.env.PYTHON_VERSION;
  if (env && (env === minor || env.startsWith(`${minor}.`))) version = env;
  version ??= /PY_VERSION\s+"([^"]+)"/.exec(readText(ctx.fs, `${prefix}/include/python${minor}/patchlevel.h`) ?? '')?.[1] ?? null;
  const conda = isDir(ctx.fs, `${prefix}/conda-meta`);
  version ??= pythonVersionFromConda(ctx.fs, prefix);
  version ??= `${minor}.0`;
  const [maj, min] = minor.split('.').map(Number) as [number, number];
  const home = ctx.env.HOME ?? (ctx.cred.uid === 0 ? '/root' : '/');
  return {
    executable,
    prefix,
    version,
    minor,
    major: maj,
    minorNumber: min,
    conda,
    sitePackages: `${prefix}/lib/python${minor}/site-packages`,
    userSite: `${home}/.local/lib/python${minor}/site-packages`,
  };
}

/** Python's version as a number to compare, 3.9 -> 309. */
export function pyNumber(py: PythonInstall): number {
  return py.major * 100 + py.minorNumber;
}

export interface InstalledPackage {
  name: string;
  version: string;
  /** The site-packages folder it is in. */
  location: string;
  /** torch only: the CUDA version it was built with, or null for a CPU build. */
  cuda: string | null;
}

const METADATA = /^([A-Za-z0-9_.]+?)-(\d[^-]*?)(?:-py\d+(?:\.\d+)*)?\.(dist-info|egg-info)$/;

/** The distributions installed in one site-packages folder (dist-info and egg-info). */
export function listDistributions(fs: FileSystem, site: string): { name: string; version: string; meta: string }[] {
  const out: { name: string; version: string; meta: string }[] = [];
  try {
    for (const e of fs.readdir(site)) {
      const m = METADATA.exec(e.name);
      if (!m) continue;
      const metaPath = `${site}/${e.name}${e.kind === 'dir' ? (m[3] === 'egg-info' && isFile(fs, `${site}/${e.name}/PKG-INFO`) ? '/PKG-INFO' : '/METADATA') : ''}`;
      const text = readText(fs, metaPath) ?? '';
      const name = /^Name:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? m[1]!;
      const version = /^Version:\s*(.+)$/m.exec(text)?.[1]?.trim() ?? m[2]!;
      out.push({ name, version, meta: `${site}/${e.name}` });
    }
  } catch {
    // no such folder
  }
  return out.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function sites(fs: FileSystem, py: PythonInstall): string[] {
  return [py.userSite, py.sitePackages].filter((s) => isDir(fs, s));
}

/** An importable module (a package folder with __init__.py, or a module file) and its version. */
export function findModule(fs: FileSystem, py: PythonInstall, module: string): InstalledPackage | null {
  for (const site of sites(fs, py)) {
    if (!isFile(fs, `${site}/${module}/__init__.py`) && !isFile(fs, `${site}/${module}.py`)) continue;
    const versionPy = readText(fs, `${site}/${module}/version.py`) ?? '';
    let version = /__version__\s*=\s*['"]([^'"]+)['"]/.exec(versionPy)?.[1] ?? /^version\s*=\s*['"]([^'"]+)['"]/m.exec(versionPy)?.[1] ?? null;
    if (!version) {
      const dist = listDistributions(fs, site).find((d) => normalizeName(d.name) === normalizeName(module));
      version = dist?.version ?? '0.0.0';
    }
    const cudaMatch = /^cuda\s*=\s*(?:'([^']*)'|"([^"]*)"|None)/m.exec(versionPy);
    const cuda = cudaMatch ? (cudaMatch[1] ?? cudaMatch[2] ?? null) : null;
    return { name: module, version, location: site, cuda };
  }
  return null;
}

/** An installed distribution by (normalised) name, e.g. for pip's "Requirement already satisfied". */
export function findDistribution(fs: FileSystem, py: PythonInstall, name: string): InstalledPackage | null {
  for (const site of sites(fs, py)) {
    const dist = listDistributions(fs, site).find((d) => normalizeName(d.name) === normalizeName(name));
    if (dist) return { name: dist.name, version: dist.version, location: site, cuda: null };
  }
  return null;
}
