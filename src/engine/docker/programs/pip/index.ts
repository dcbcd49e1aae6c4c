/**
 * pip as the lesson meets it: `pip install -r requirements.txt [--no-cache-dir]`, `pip install
 * torch numpy`, `pip install .`/`-e .`, `pip list/freeze/show`, `pip --version`. Output follows the
 * pip version of the image (22.0 in python:3.7, 24.0/25.0 in 3.11/3.12, 21.2 in conda); installing
 * writes site-packages files of the wheels' installed sizes and, without --no-cache-dir, the
 * downloaded wheels to ~/.cache/pip, so that `docker history` shows what the lesson is about.
 */
import type { ProcessContext } from '../../../process';
import { FsError } from '../../../fs/types';
import { basename, decimalSize, dirname, hash32, isDir, isFile, networkUp, pause, readText, resolvePath, writeSized } from '../system';
import { findDistribution, listDistributions } from '../python/install';
import type { PythonInstall } from '../python/install';
import { PY } from '../python/messages';
import { indexFor, latestPip, normalize, versionsOf } from './catalog';
import type { Wheel } from './catalog';

/** Simulated network and disk speeds (bytes per simulated second). */
export const PIP_SPEED = { download: 40_000_000, install: 180_000_000, resolve: 150 } as const;

interface Requirement {
  /** As written: torch>=1.8 */
  text: string;
  name: string;
  specs: [string, string][];
  /** ` (from -r requirements.txt (line 2))` or ''. */
  origin: string;
  /** For pip's "(from torch>=1.8->-r requirements.txt (line 2))" chains. */
  chain: string;
}

function pipVersionOf(ctx: ProcessContext, py: PythonInstall): string {
  for (const site of [py.sitePackages]) {
    const m = /__version__\s*=\s*"([^"]+)"/.exec(readText(ctx.fs, `${site}/pip/__init__.py`) ?? '');
    if (m) return m[1]!;
  }
  return '24.0';
}

function vnum(v: string): number[] {
  return v
    .split('+')[0]!
    .split('.')
    .map((p) => Number.parseInt(p, 10) || 0);
}

function cmp(a: string, b: string): number {
  const x = vnum(a);
  const y = vnum(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

function satisfies(version: string, specs: readonly [string, string][]): boolean {
  return specs.every(([op, v]) => {
    const c = cmp(version, v);
    switch (op) {
      case '>=':
        return c >= 0;
      case '<=':
        return c <= 0;
      case '>':
        return c > 0;
      case '<':
        return c < 0;
      case '!=':
        return c !== 0;
      case '~=': {
        const parts = v.split('.');
        return c >= 0 && cmp(version, `${parts.slice(0, -1).join('.')}.99999`) <= 0;
      }
      default:
        return v.endsWith('.*') ? version.startsWith(v.slice(0, -1)) : c === 0;
    }
  });
}

function parseRequirement(text: string, origin: string): Requirement | null {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(text.trim());
  if (!m) return null;
  const specs: [string, string][] = [];
  const rest = m[3]!.split(';')[0]!.trim();
  if (rest) {
    for (const part of rest.split(',')) {
      const s = /^\s*(===|==|>=|<=|~=|!=|>|<)\s*([\w.*+!-]+)\s*$/.exec(part);
      if (!s) return null;
      specs.push([s[1] === '===' ? '==' : s[1]!, s[2]!]);
    }
  }
  return { text: text.trim(), name: m[1]!, specs, origin, chain: origin ? origin.slice(7, -1) : '' };
}

class PipError {
  constructor(readonly status: number) {}
}

interface PipRun {
  ctx: ProcessContext;
  py: PythonInstall;
  prog: string;
  pip: string;
  /** pip >= 23.3: metadata first, then downloads; "(from …)" after Collecting. */
  modern: boolean;
  /** Without --no-cache-dir (or PIP_NO_CACHE_DIR) downloads land in ~/.cache/pip. */
  useCache: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
}

async function wait(run: PipRun, ms: number): Promise<void> {
  if (!(await pause(run.ctx, ms))) {
    const signo = run.ctx.signal.signo || 2;
    if (signo === 2) run.err('ERROR: Operation cancelled by user\n');
    throw new PipError(signo === 2 ? 1 : 128 + signo);
  }
}

function atLeast(v: string, w: string): boolean {
  return cmp(v, w) >= 0;
}

function rootWarning(run: PipRun): string {
  if (run.ctx.cred.uid !== 0 || run.py.conda) return '';
  if (!atLeast(run.pip, '23.1'))
    return "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv\n";
  return `WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable.${atLeast(run.pip, '25.0') ? ' ' : ''}It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n`;
}

function upgradeNotice(run: PipRun): string {
  const latest = latestPip(run.py.minorNumber);
  if (!networkUp(run.ctx.fs) || !atLeast(latest, run.pip) || cmp(latest, run.pip) === 0 || run.ctx.env.PIP_DISABLE_PIP_VERSION_CHECK) return '';
  if (!atLeast(run.pip, '22.3'))
    return `WARNING: You are using pip version ${run.pip}; however, version ${latest} is available.\nYou should consider upgrading via the '${run.py.executable} -m pip install --upgrade pip' command.\n`;
  return `\n[notice] A new release of pip is available: ${run.pip} -> ${latest}\n[notice] To update, run: pip install --upgrade pip\n`;
}

function readRequirements(run: PipRun, file: string, seen: Set<string>): Requirement[] {
  const path = resolvePath(run.ctx.cwd, file);
  const text = readText(run.ctx.fs, path);
  if (text === null || !isFile(run.ctx.fs, path)) {
    run.err(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'\n`);
    throw new PipError(1);
  }
  if (seen.has(path)) return [];
  seen.add(path);
  const out: Requirement[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const nested = /^(-r|--requirement)\s*=?\s*(\S+)/.exec(line);
    if (nested) {
      out.push(...readRequirements(run, resolvePath(dirname(path), nested[2]!), seen));
      return;
    }
    if (line.startsWith('-')) return;
    const req = parseRequirement(line, ` (from -r ${file} (line ${i + 1}))`);
    if (!req) {
      run.err(`ERROR: Invalid requirement: '${line}' (from line ${i + 1} of ${file})\n`);
      throw new PipError(1);
    }
    out.push(req);
  });
  return out;
}

function offlineFailure(run: PipRun, req: Requirement): never {
  const ids = ['0x7f3b2c1d5a50', '0x7f3b2c1d5d10', '0x7f3b2c1d6090', '0x7f3b2c1d6350', '0x7f3b2c1d6610'];
  for (let total = 4; total >= 0; total--) {
    run.err(
      `WARNING: Retrying (Retry(total=${total}, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at ${ids[4 - total]}>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/${normalize(req.name)}/\n`,
    );
  }
  run.err(`ERROR: Could not find a version that satisfies the requirement ${req.text} (from versions: none)\nERROR: No matching distribution found for ${req.text}\n`);
  throw new PipError(1);
}

function barLine(run: PipRun, done: number, total: number, speed: number, indent: string, tty: boolean): string {
  const unit = total >= 1e9 ? 1e9 : total >= 1e6 ? 1e6 : 1e3;
  const name = unit === 1e9 ? 'GB' : unit === 1e6 ? 'MB' : 'kB';
  const filled = Math.round((done / total) * 40);
  const eta = Math.ceil((total - done) / speed);
  const etaText = `${Math.floor(eta / 3600)}:${String(Math.floor(eta / 60) % 60).padStart(2, '0')}:${String(eta % 60).padStart(2, '0')}`;
  const numbers = `${(done / unit).toFixed(1)}/${(total / unit).toFixed(1)} ${name} ${decimalSize(speed)}/s eta ${etaText}`;
  if (!atLeast(run.pip, '22.0')) return `${indent}|${'█'.repeat(Math.round(filled * 0.8))}${' '.repeat(32 - Math.round(filled * 0.8))}| ${decimalSize(total)} ${decimalSize(speed)}/s`;
  if (!tty || done >= total) return `${indent}${'━'.repeat(40)} ${numbers}`;
  return `${indent}\x1b[38;2;249;38;114m${'━'.repeat(filled)}\x1b[0m\x1b[38;5;237m${'━'.repeat(40 - filled)}\x1b[0m ${numbers}`;
}

async function download(run: PipRun, w: Wheel, indent: string): Promise<void> {
  const useCache = run.useCache;
  const home = homeOf(run);
  const speed = PIP_SPEED.download;
  const ms = (w.size / speed) * 1000;
  run.out(`${indent}Downloading ${w.file} (${decimalSize(w.size)})\n`);
  if (w.size > 40_000) {
    const barIndent = run.modern ? '   ' : '     ';
    if (run.ctx.tty.stdout) {
      const steps = Math.min(20, Math.max(2, Math.ceil(ms / 1500)));
      for (let s = 1; s <= steps; s++) {
        await wait(run, ms / steps);
        run.out(`\r${barLine(run, (w.size * s) / steps, w.size, speed, barIndent, true)}${s === steps ? '\n' : ''}`);
      }
    } else {
      await wait(run, ms);
      run.out(`${barLine(run, w.size, w.size, speed, barIndent, false)}\n`);
    }
  } else await wait(run, ms + 40);
  if (useCache) {
    const h = hash32(w.file).toString(16).padStart(8, '0') + hash32(`${w.file}/body`).toString(16).padStart(8, '0');
    const dir = atLeast(run.pip, '23.3') ? 'http-v2' : 'http';
    const hex = `${h}${hash32(w.name).toString(16).padStart(8, '0')}`.padEnd(56, '0');
    const path = `${home}/.cache/pip/${dir}/${hex[0]}/${hex[1]}/${hex[2]}/${hex[3]}/${hex[4]}/${hex}${dir === 'http-v2' ? '.body' : ''}`;
    try {
      run.ctx.fs.mkdir(dirname(path), { recursive: true });
      writeSized(run.ctx.fs, path, w.size + (dir === 'http' ? 600 : 0), { seed: hash32(path) });
      if (dir === 'http-v2') run.ctx.fs.writeFile(path.slice(0, -5), `cc=4,${w.file}\n`);
    } catch {
      // pip ignores an unwritable cache
    }
  }
}

function distInfoName(name: string): string {
  return name.replace(/-/g, '_');
}

/** Writes the installed files of a wheel: dist-info, packages with their bulk, console scripts. */
function installWheel(run: PipRun, w: Wheel, site: string): void {
  const fs = run.ctx.fs;
  const di = `${site}/${distInfoName(w.name)}-${w.version}.dist-info`;
  fs.mkdir(di, { recursive: true });
  const requires = w.deps.map((d) => `Requires-Dist: ${d}\n`).join('');
  fs.writeFile(`${di}/METADATA`, `Metadata-Version: 2.1\nName: ${w.name}\nVersion: ${w.version}\n${requires}`);
  fs.writeFile(`${di}/INSTALLER`, 'pip\n');
  fs.writeFile(`${di}/WHEEL`, `Wheel-Version: 1.0\nGenerator: bdist_wheel\nRoot-Is-Purelib: ${w.file.includes('none-any') ? 'true' : 'false'}\n`);
  fs.writeFile(`${di}/top_level.txt`, `${w.modules.filter((m) => !m.endsWith('.libs')).join('\n')}\n`);
  fs.writeFile(`${di}/RECORD`, `${w.modules.map((m) => `${m}/__init__.py,,`).join('\n')}\n${distInfoName(w.name)}-${w.version}.dist-info/METADATA,,\n`);
  const bulk = w.installed - 600;
  const main = w.modules[0]!;
  if (w.name === 'torch') {
    const cuda = w.cuda ? `'${w.cuda}'` : 'None';
    const local = w.cuda ? `+cu${w.cuda.replace('.', '')}` : '+cpu';
    fs.mkdir(`${site}/torch/lib`, { recursive: true });
    fs.writeFile(`${site}/torch/__init__.py`, 'r"""\nThe torch package contains data structures for multi-dimensional\ntensors and defines mathematical operations over these tensors.\n"""\n\nimport os\nimport sys\n');
    fs.writeFile(`${site}/torch/version.py`, `from typing import Optional\n\n__all__ = ['__version__', 'debug', 'cuda', 'git_version', 'hip']\n__version__ = '${w.version}${local}'\ndebug = False\ncuda: Optional[str] = ${cuda}\nhip: Optional[str] = None\n`);
    const parts: [string, number][] = w.cuda
      ? [
          ['torch/lib/libtorch_cuda.so', 0.62],
          ['torch/lib/libtorch_cpu.so', 0.3],
          ['torch/lib/libtorch_python.so', 0.03],
          ['torch/lib/libcudnn.so.8', 0.0],
          ['torch/include/ATen/ATen.h', 0.05],
        ]
      : [
          ['torch/lib/libtorch_cpu.so', 0.8],
          ['torch/lib/libtorch_python.so', 0.1],
          ['torch/include/ATen/ATen.h', 0.1],
        ];
    for (const [p, share] of parts) {
      if (share <= 0) continue;
      fs.mkdir(dirname(`${site}/${p}`), { recursive: true });
      writeSized(fs, `${site}/${p}`, Math.floor(bulk * share), { seed: hash32(p) });
    }

  } else if (main === 'nvidia') {
    const lib = w.name.replace(/^nvidia-/, '').replace(/-cu\d+$/, '').replace(/^cuda-/, 'cuda_');
    fs.mkdir(`${site}/nvidia/${lib}/lib`, { recursive: true });
    if (!fs.exists(`${site}/nvidia/__init__.py`)) fs.writeFile(`${site}/nvidia/__init__.py`, '');
    fs.writeFile(`${site}/nvidia/${lib}/__init__.py`, '');
    writeSized(fs, `${site}/nvidia/${lib}/lib/lib${lib.replace('cuda_', '')}.so.${w.version.split('.')[0]}`, bulk, { seed: hash32(w.name) });

  } else {
    for (const m of w.modules) {
      fs.mkdir(`${site}/${m}`, { recursive: true });
      if (!m.endsWith('.libs')) fs.writeFile(`${site}/${m}/__init__.py`, `"""${w.name} ${w.version}"""\n`);
    }
    if (w.name === 'numpy') fs.writeFile(`${site}/numpy/version.py`, `"""\nModule to expose more detailed version info for the installed \`numpy\`\n"""\nversion = "${w.version}"\n__version__ = version\nfull_version = version\n`);
    const target = w.modules.find((m) => m.endsWith('.libs')) ?? main;
    writeSized(fs, `${site}/${target}/_bulk${w.modules.length > 1 ? '.so' : '.py'}`.replace('/_bulk', `/${w.name === 'numpy' ? 'libscipy_openblas64_-ff651d7f.so' : '_core'}`), bulk, { seed: hash32(w.file) });
  }
  const bin = `${run.py.prefix}/bin`;
  if (site === run.py.sitePackages && isDir(fs, bin)) {
    for (const s of w.scripts ?? []) {
      const interpreter = `${bin}/python${run.py.minor}`;
      try {
        fs.writeFile(`${bin}/${s.name}`, `#!${interpreter}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom ${s.entry} import main\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n`, { mode: 0o755 });
        fs.chmod(`${bin}/${s.name}`, 0o755);
      } catch {
        // a read-only bin: pip would warn; ignore
      }
    }
  }
}

interface Plan {
  install: Wheel[];
  satisfied: { req: Requirement; version: string; location: string }[];
}

async function resolve(run: PipRun, reqs: Requirement[], options: { upgrade: boolean; noDeps: boolean }): Promise<Plan> {
  const index = indexFor(run.py.minorNumber);
  const online = networkUp(run.ctx.fs);
  const plan: Plan = { install: [], satisfied: [] };
  const seen = new Set<string>();
  const queue: Requirement[] = [...reqs];
  while (queue.length) {
    const req = queue.shift()!;
    const key = normalize(req.name);
    if (seen.has(key)) continue;
    seen.add(key);
    const have = findDistribution(run.ctx.fs, run.py, req.name);
    if (have && satisfies(have.version.split('+')[0]!, req.specs) && !(options.upgrade && req.origin !== 'dep')) {
      const from = req.chain ? ` (from ${req.chain})` : '';
      run.out(`Requirement already satisfied: ${req.text} in ${have.location}${from} (${have.version})\n`);
      plan.satisfied.push({ req, version: have.version, location: have.location });
      continue;
    }
    if (!online) offlineFailure(run, req);
    const wheel = index.get(key);
    if (!wheel) {
      run.err(`(course simulator) the simulated PyPI carries only torch, numpy and their dependencies; ${req.name} is not simulated.\n`);
      throw new PipError(1);
    }
    if (!satisfies(wheel.version, req.specs)) {
      const versions = versionsOf(run.py.minorNumber, req.name);
      run.err(`ERROR: Could not find a version that satisfies the requirement ${req.text} (from versions: ${versions.join(', ') || 'none'})\nERROR: No matching distribution found for ${req.text}\n`);
      throw new PipError(1);
    }
    const from = req.chain ? ` (from ${req.chain})` : '';
    await wait(run, PIP_SPEED.resolve);
    if (run.modern) {
      run.out(`Collecting ${req.text}${from}\n`);
      run.out(`  Downloading ${wheel.file}.metadata (${decimalSize(wheel.metadata)})\n`);
    } else {
      run.out(`Collecting ${req.text}\n`);
      await download(run, wheel, '  ');
    }
    plan.install.push(wheel);
    if (!options.noDeps) {
      for (const d of wheel.deps) {
        queue.push({ text: d, name: d, specs: [], origin: 'dep', chain: `${req.text}${req.chain ? `->${req.chain}` : ''}` });
      }
    }
  }
  return plan;
}

function homeOf(run: PipRun): string {
  return run.ctx.env.HOME ?? (run.ctx.cred.uid === 0 ? '/root' : '/');
}

/** Leaves first, as pip installs them. */
function installOrder(wheels: Wheel[]): Wheel[] {
  const byName = new Map(wheels.map((w) => [normalize(w.name), w]));
  const out: Wheel[] = [];
  const done = new Set<string>();
  const visit = (w: Wheel) => {
    const k = normalize(w.name);
    if (done.has(k)) return;
    done.add(k);
    for (const d of w.deps) {
      const dep = byName.get(normalize(d));
      if (dep) visit(dep);
    }
    out.push(w);
  };
  for (const w of wheels) visit(w);
  return out;
}

function siteWritable(run: PipRun): boolean {
  const site = run.py.sitePackages;
  return run.ctx.fs.exists(site) && run.ctx.fs.access(site, 2);
}

async function installLocal(run: PipRun, target: string, editable: boolean): Promise<void> {
  const dir = resolvePath(run.ctx.cwd, target);
  const setup = readText(run.ctx.fs, `${dir === '/' ? '' : dir}/setup.py`);
  const pyproject = readText(run.ctx.fs, `${dir === '/' ? '' : dir}/pyproject.toml`);
  if (setup === null && pyproject === null) {
    run.err(`ERROR: ${editable ? `File "setup.py" or "setup.cfg" not found. Directory cannot be installed in editable mode: ${dir}` : `Directory '${target}' is not installable. Neither 'setup.py' nor 'pyproject.toml' found.`}\n`);
    throw new PipError(1);
  }
  const name = /name\s*=\s*["']([^"']+)["']/.exec(setup ?? pyproject ?? '')?.[1] ?? 'UNKNOWN';
  const version = /version\s*=\s*["']([^"']+)["']/.exec(setup ?? pyproject ?? '')?.[1] ?? '0.0.0';
  const url = `file://${dir}`;
  const legacy = !findDistribution(run.ctx.fs, run.py, 'setuptools') ? false : !atLeast(findDistribution(run.ctx.fs, run.py, 'setuptools')!.version, '64');
  const isolated = !legacy;
  if (isolated && !networkUp(run.ctx.fs)) {
    run.out(`${editable ? 'Obtaining' : 'Processing'} ${editable ? url : target === '.' ? dir : target}\n  Installing build dependencies ... error\n`);
    run.err('  error: subprocess-exited-with-error\n  \n  × pip subprocess to install build dependencies did not run successfully.\n  │ exit code: 1\n  ╰─> [7 lines of output]\n      WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by \'NewConnectionError(\'<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f2d1c3e2b50>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution\')\': /simple/setuptools/\n      ERROR: Could not find a version that satisfies the requirement setuptools>=40.8.0 (from versions: none)\n      ERROR: No matching distribution found for setuptools>=40.8.0\n      [end of output]\n  \n  note: This error originates from a subprocess, and is likely not a problem with pip.\nerror: subprocess-exited-with-error\n\n× pip subprocess to install build dependencies did not run successfully.\n│ exit code: 1\n╰─> See above for output.\n\nnote: This error originates from a subprocess, and is likely not a problem with pip.\n');
    throw new PipError(1);
  }
  const step = async (text: string, ms: number) => {
    run.out(`  ${text} ... `);
    await wait(run, ms);
    run.out('done\n');
  };
  const site = run.py.sitePackages;
  const sha = (hash32(`${name}${version}`).toString(16) + hash32(`${version}${name}`).toString(16)).padEnd(64, 'a').slice(0, 64);
  const tmp = `pip-ephem-wheel-cache-${hash32(dir).toString(36).slice(0, 8)}`;
  if (editable) {
    run.out(`Obtaining ${url}\n`);
    if (legacy) {
      await step('Preparing metadata (setup.py)', 600);
      run.out(`Installing collected packages: ${name}\n  Running setup.py develop for ${name}\n`);
      await wait(run, 900);
      run.ctx.fs.writeFile(`${site}/${name}.egg-link`, `${dir}\n.`);
      run.ctx.fs.writeFile(`${site}/easy-install.pth`, `${dir}\n`);
    } else {
      await step('Installing build dependencies', 2500);
      await step('Checking if build backend supports build_editable', 300);
      await step('Getting requirements to build editable', 300);
      await step('Preparing editable metadata (pyproject.toml)', 400);
      run.out(`Building wheels for collected packages: ${name}\n`);
      await step(`Building editable for ${name} (pyproject.toml)`, 500);
      run.out(`  Created wheel for ${name}: filename=${name}-${version}-0.editable-py3-none-any.whl size=2801 sha256=${sha}\n  Stored in directory: /tmp/${tmp}/wheels/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha.slice(4, 60)}\nSuccessfully built ${name}\nInstalling collected packages: ${name}\n`);
      run.ctx.fs.writeFile(`${site}/__editable__.${name}-${version}.pth`, `${dir}\n`);
    }
  } else {
    run.out(`Processing ${target === '.' ? dir : target}\n`);
    if (legacy) await step('Preparing metadata (setup.py)', 600);
    else {
      await step('Installing build dependencies', 2500);
      await step('Getting requirements to build wheel', 300);
      await step('Preparing metadata (pyproject.toml)', 400);
    }
    run.out(`Building wheels for collected packages: ${name}\n`);
    await step(`Building wheel for ${name} (${legacy ? 'setup.py' : 'pyproject.toml'})`, 600);
    run.out(`  Created wheel for ${name}: filename=${name}-${version}-py3-none-any.whl size=5239 sha256=${sha}\n  Stored in directory: /tmp/${tmp}/wheels/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha.slice(4, 60)}\nSuccessfully built ${name}\nInstalling collected packages: ${name}\n`);
    for (const rel of ['src/__init__.py', 'src/models/__init__.py', 'src/models/model.py', 'src/models/train_model.py', 'src/models/predict_model.py', 'src/data/__init__.py', 'src/data/make_dataset.py', 'src/data/make_synthetic.py']) {
      const text = readText(run.ctx.fs, `${dir === '/' ? '' : dir}/${rel}`);
      if (text === null) continue;
      run.ctx.fs.mkdir(dirname(`${site}/${rel}`), { recursive: true });
      run.ctx.fs.writeFile(`${site}/${rel}`, text);
    }
  }
  const di = `${site}/${name}-${version}.dist-info`;
  run.ctx.fs.mkdir(di, { recursive: true });
  run.ctx.fs.writeFile(`${di}/METADATA`, `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`);
  run.ctx.fs.writeFile(`${di}/INSTALLER`, 'pip\n');
  run.out(`Successfully installed ${name}-${version}\n`);
}

async function install(run: PipRun, args: string[]): Promise<number> {
  const reqs: Requirement[] = [];
  const local: { target: string; editable: boolean }[] = [];
  let useCache = !['1', 'true', 'yes', 'on'].includes((run.ctx.env.PIP_NO_CACHE_DIR ?? '').toLowerCase());
  let upgrade = false;
  let noDeps = false;
  let quiet = 0;
  let user = false;
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-r' || a === '--requirement') {
      const f = args[++i];
      if (!f) {
        run.err(`\nUsage:   \n  ${run.prog} install [options] <requirement specifier> [package-index-options] ...\n\n-r option requires 1 argument\n`);
        return 2;
      }
      reqs.push(...readRequirements(run, f, seen));
    } else if (a.startsWith('-r') && a.length > 2) reqs.push(...readRequirements(run, a.slice(2), seen));
    else if (a.startsWith('--requirement=')) reqs.push(...readRequirements(run, a.slice(14), seen));
    else if (a === '--no-cache-dir') useCache = false;
    else if (a === '-U' || a === '--upgrade') upgrade = true;
    else if (a === '--no-deps') noDeps = true;
    else if (a === '-q' || a === '--quiet') quiet++;
    else if (a === '--user') user = true;
    else if (a === '-e' || a === '--editable') local.push({ target: args[++i] ?? '.', editable: true });
    else if (['--root-user-action', '--index-url', '-i', '--extra-index-url', '--progress-bar', '--target', '-t', '--prefix'].includes(a)) i++;
    else if (a.startsWith('-')) continue;
    else if (a === '.' || a.startsWith('./') || a.startsWith('/')) local.push({ target: a, editable: false });
    else {
      const r = parseRequirement(a, '');
      if (!r) {
        run.err(`ERROR: Invalid requirement: '${a}'\n`);
        return 1;
      }
      reqs.push(r);
    }
  }
  if (!reqs.length && !local.length) {
    run.err('ERROR: You must give at least one requirement to install (see "pip help install")\n');
    return 1;
  }
  run = { ...run, useCache, ...(quiet ? { out: () => undefined } : {}) };
  let site = run.py.sitePackages;
  if (user || !siteWritable(run)) {
    if (!user) run.out('Defaulting to user installation because normal site-packages is not writeable\n');
    site = run.py.userSite;
  }
  for (const l of local) await installLocal(run, l.target, l.editable);
  if (!reqs.length) {
    run.err(rootWarning(run));
    run.err(upgradeNotice(run));
    return 0;
  }
  const plan = await resolve(run, reqs, { upgrade, noDeps });
  if (plan.install.length) {
    if (run.modern) for (const w of plan.install) await download(run, w, '');
    const order = installOrder(plan.install);
    run.out(`Installing collected packages: ${order.map((w) => w.name).join(', ')}\n`);
    for (const w of order) {
      await wait(run, (w.installed / PIP_SPEED.install) * 1000);
      try {
        run.ctx.fs.mkdir(site, { recursive: true });
        installWheel(run, w, site);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        const errno = e.code === 'EACCES' ? '[Errno 13] Permission denied' : e.code === 'EROFS' ? '[Errno 30] Read-only file system' : `[Errno 2] No such file or directory`;
        run.err(`ERROR: Could not install packages due to an OSError: ${errno}: '${e.path}'\n${e.code === 'EACCES' ? 'Consider using the `--user` option or check the permissions.\n' : ''}\n`);
        return 1;
      }
    }
    const names = plan.install.map((w) => `${w.name}-${w.version}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    run.out(`Successfully installed ${names.join(' ')}\n`);
  }
  run.err(rootWarning(run));
  run.err(upgradeNotice(run));
  return 0;
}

function list(run: PipRun, freeze: boolean): number {
  const dists = [run.py.sitePackages, run.py.userSite].flatMap((s) => listDistributions(run.ctx.fs, s));
  dists.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  if (freeze) {
    run.out(dists.filter((d) => !['pip', 'setuptools', 'wheel', 'distribute'].includes(d.name.toLowerCase())).map((d) => `${d.name}==${d.version}\n`).join(''));
    return 0;
  }
  const w1 = Math.max(7, ...dists.map((d) => d.name.length));
  const w2 = Math.max(7, ...dists.map((d) => d.version.length));
  run.out(`${'Package'.padEnd(w1)} ${'Version'.padEnd(w2)}\n${'-'.repeat(w1)} ${'-'.repeat(w2)}\n`);
  run.out(dists.map((d) => `${d.name.padEnd(w1)} ${d.version}\n`).join(''));
  run.err(upgradeNotice(run));
  return 0;
}

function show(run: PipRun, names: string[]): number {
  const found = names.map((n) => findDistribution(run.ctx.fs, run.py, n));
  const missing = names.filter((_, i) => !found[i]);
  if (missing.length) run.err(`WARNING: Package(s) not found: ${missing.join(', ')}\n`);
  run.out(
    found
      .filter((d) => d !== null)
      .map((d) => {
        const summary = /^Summary:\s*(.*)$/m.exec(readText(run.ctx.fs, `${d.location}/${distInfoName(d.name)}-${d.version}.dist-info/METADATA`) ?? '')?.[1] ?? '';
        return `Name: ${d.name}\nVersion: ${d.version}\nSummary: ${summary}\nHome-page: \nAuthor: \nAuthor-email: \nLicense: \nLocation: ${d.location}\nRequires: \nRequired-by: \n`;
      })
      .join('---\n'),
  );
  return missing.length === names.length ? 1 : 0;
}

/** `pip …` (argv after the program name), run by the python program for pip's entry points. */
export async function runPip(ctx: ProcessContext, py: PythonInstall, prog: string, args: string[]): Promise<number> {
  const pip = pipVersionOf(ctx, py);
  const run: PipRun = {
    ctx,
    py,
    prog,
    pip,
    modern: atLeast(pip, '23.3'),
    useCache: true,
    out: (t) => ctx.stdout.write(t),
    err: (t) => {
      if (t) ctx.stderr.write(t);
    },
  };
  const command = args.find((a) => !a.startsWith('-'));
  try {
    if (!command) {
      if (args.includes('--version') || args.includes('-V')) {
        run.out(`pip ${pip} from ${py.sitePackages}/pip (python ${py.minor})\n`);
        return 0;
      }
      run.out(`\nUsage:   \n  ${prog} <command> [options]\n\nCommands:\n  install                     Install packages.\n  uninstall                   Uninstall packages.\n  freeze                      Output installed packages in requirements format.\n  list                        List installed packages.\n  show                        Show information about installed packages.\n`);
      return 0;
    }
    const rest = args.slice(args.indexOf(command) + 1);
    switch (command) {
      case 'install':
        return await install(run, rest);
      case 'list':
        return list(run, false);
      case 'freeze':
        return list(run, true);
      case 'show':
        return show(run, rest.filter((a) => !a.startsWith('-')));
      default:
        run.err(PY.notAPipCommand(basename(prog), command));
        return 1;
    }
  } catch (e) {
    if (e instanceof PipError) return e.status;
    throw e;
  }
}
