/**
 * pip in the registry's images: output in the style of each image's pip, files of the wheels'
 * installed sizes in site-packages, the wheel cache without --no-cache-dir, --network none.
 */
import { describe, expect, it } from 'vitest';
import { container, copyProject, run, upperSize } from './harness';
import type { Container } from './harness';

function offline(c: Container): void {
  const fs = c.fs.as({ uid: 0, gid: 0 });
  fs.mkdir('/sys/class/net/lo', { recursive: true });
}

function du(c: Container, dir: string): number {
  let total = 0;
  const walk = (p: string) => {
    for (const e of c.fs.readdir(p)) {
      const q = `${p}/${e.name}`;
      if (e.kind === 'dir') walk(q);
      else if (e.kind === 'file') total += c.fs.stat(q).size;
    }
  };
  if (c.fs.exists(dir)) walk(dir);
  return total;
}

describe('pip install -r requirements.txt', () => {
  it('python:3.7-slim (pip 22.0.4): torch 1.13.1 with CUDA 11 wheels, the root warning, no cache with --no-cache-dir', async () => {
    const c = container('python:3.7-slim');
    copyProject(c);
    const r = await run(c, ['pip', 'install', '-r', 'requirements.txt', '--no-cache-dir']);
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n');
    expect(out.slice(0, 3)).toEqual(['Collecting torch>=1.8', '  Downloading torch-1.13.1-cp37-cp37m-manylinux1_x86_64.whl (887.5 MB)', expect.stringMatching(/^ {5}━{40} 887\.5\/887\.5 MB [\d.]+ MB\/s eta 0:00:00$/)]);
    expect(r.stdout).toContain('Requirement already satisfied: setuptools in /usr/local/lib/python3.7/site-packages (from nvidia-cuda-runtime-cu11->torch>=1.8->-r requirements.txt (line 2)) (57.5.0)\n');
    expect(r.stdout).toContain('Installing collected packages: typing-extensions, nvidia-cuda-runtime-cu11'.replace('typing-extensions', 'typing_extensions'));
    expect(out.at(-2)).toBe('Successfully installed numpy-1.21.6 nvidia-cublas-cu11-11.10.3.66 nvidia-cuda-nvrtc-cu11-11.7.99 nvidia-cuda-runtime-cu11-11.7.99 nvidia-cudnn-cu11-8.5.0.96 torch-1.13.1 typing_extensions-4.7.1');
    expect(r.stderr).toBe(
      "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv\n" +
        "WARNING: You are using pip version 22.0.4; however, version 24.0 is available.\nYou should consider upgrading via the '/usr/local/bin/python3.7 -m pip install --upgrade pip' command.\n",
    );
    expect(c.fs.exists('/root/.cache/pip')).toBe(false);
    const site = du(c, '/usr/local/lib/python3.7/site-packages');
    expect(site).toBeGreaterThan(3.2e9);
    expect(site).toBeLessThan(3.5e9);
    // a simulated download takes simulated minutes
    expect(r.elapsed).toBeGreaterThan(30_000);
  });

  it('python:3.11-slim (pip 24.0): metadata first, then the downloads; the cache doubles the layer without --no-cache-dir', async () => {
    const c = container('python:3.11-slim');
    copyProject(c);
    const r = await run(c, ['pip', 'install', '-r', 'requirements.txt']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Collecting torch>=1.8 (from -r requirements.txt (line 2))', '  Downloading torch-2.5.1-cp311-cp311-manylinux1_x86_64.whl.metadata (28 kB)'.replace('(28 kB)', '(28.0 kB)')]);
    expect(r.stdout).toContain('\nDownloading torch-2.5.1-cp311-cp311-manylinux1_x86_64.whl (906.4 MB)\n   ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 906.4/906.4 MB ');
    expect(r.stdout).toContain('Collecting sympy (from torch>=1.8->-r requirements.txt (line 2))\n');
    expect(r.stdout).toContain('Collecting mpmath (from sympy->torch>=1.8->-r requirements.txt (line 2))\n');
    expect(r.stderr).toContain('possibly rendering your system unusable.It is recommended');
    expect(r.stderr).toContain('\n[notice] A new release of pip is available: 24.0 -> 24.3.1\n[notice] To update, run: pip install --upgrade pip\n');
    const site = du(c, '/usr/local/lib/python3.11/site-packages');
    const cache = du(c, '/root/.cache/pip');
    expect(site).toBeGreaterThan(5e9);
    expect(cache).toBeGreaterThan(2.9e9);
    expect(upperSize(c)).toBeGreaterThan(cache + 5e9);
    // torch imports now
    expect((await run(c, ['python', '-c', 'import torch, numpy; print(torch.__version__, numpy.__version__)'])).stdout).toBe('2.5.1+cu124 2.1.3\n');
    // and a second install is all "already satisfied"
    const again = await run(c, ['pip', 'install', '-r', 'requirements.txt']);
    expect(again.stdout.split('\n')[0]).toBe('Requirement already satisfied: torch>=1.8 in /usr/local/lib/python3.11/site-packages (from -r requirements.txt (line 2)) (2.5.1)');
  });

  it('FROM a pytorch image nothing is downloaded again (the lesson\'s last point)', async () => {
    const c = container('anibali/pytorch:1.10.0-nocuda');
    copyProject(c, '/app', (p) => p === 'requirements.txt');
    const r = await run(c, ['pip', 'install', '-r', 'requirements.txt', '--no-cache-dir']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'Requirement already satisfied: torch>=1.8 in /home/user/miniconda/lib/python3.9/site-packages (from -r requirements.txt (line 2)) (1.10.0)\n' +
        'Requirement already satisfied: numpy>=1.17 in /home/user/miniconda/lib/python3.9/site-packages (from -r requirements.txt (line 3)) (1.21.2)\n',
    );
    expect(r.stderr).toBe("WARNING: You are using pip version 21.2.4; however, version 24.3.1 is available.\nYou should consider upgrading via the '/home/user/miniconda/bin/python3.9 -m pip install --upgrade pip' command.\n");
  });

  it('--network none: the retries and "no matching distribution"', async () => {
    const c = container('python:3.11-slim');
    copyProject(c);
    offline(c);
    const r = await run(c, ['pip', 'install', '--no-cache-dir', 'torch']);
    expect(r.status).toBe(1);
    const err = r.stderr.split('\n');
    expect(err[0]).toMatch(/^WARNING: Retrying \(Retry\(total=4, connect=None, read=None, redirect=None, status=None\)\) after connection broken by 'NewConnectionError\('<pip\._vendor\.urllib3\.connection\.HTTPSConnection object at 0x[0-9a-f]+>: Failed to establish a new connection: \[Errno -3\] Temporary failure in name resolution'\)': \/simple\/torch\/$/);
    expect(err.slice(5, 7)).toEqual(['ERROR: Could not find a version that satisfies the requirement torch (from versions: none)', 'ERROR: No matching distribution found for torch']);
  });

  it('errors: a missing requirements file, an impossible version, an unknown package', async () => {
    const c = container('python:3.11-slim');
    expect(await run(c, ['pip', 'install', '-r', 'requirements.txt'])).toMatchObject({ status: 1, stderr: "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements.txt'\n" });
    const r = await run(c, ['pip', 'install', 'torch==1.8.1']);
    expect(r.stderr).toBe('ERROR: Could not find a version that satisfies the requirement torch==1.8.1 (from versions: 2.0.0, 2.0.1, 2.1.0, 2.1.1, 2.1.2, 2.2.0, 2.2.1, 2.2.2, 2.3.0, 2.3.1, 2.4.0, 2.4.1, 2.5.0, 2.5.1)\nERROR: No matching distribution found for torch==1.8.1\n');
    expect((await run(c, ['pip', 'install', 'pandas'])).stderr).toContain('simulated PyPI carries only');
  });

  it('pip install -e . and . with the project\'s setup.py', async () => {
    const legacy = container('python:3.7-slim');
    copyProject(legacy);
    const e = await run(legacy, ['pip', 'install', '-e', '.']);
    expect(e.stdout).toBe('Obtaining file:///\n  Preparing metadata (setup.py) ... done\nInstalling collected packages: src\n  Running setup.py develop for src\nSuccessfully installed src-0.1.0\n');
    const modern = container('python:3.11-slim');
    copyProject(modern);
    const d = await run(modern, ['pip', 'install', '.']);
    expect(d.stdout.split('\n').slice(0, 6)).toEqual(['Processing /', '  Installing build dependencies ... done', '  Getting requirements to build wheel ... done', '  Preparing metadata (pyproject.toml) ... done', 'Building wheels for collected packages: src', '  Building wheel for src (pyproject.toml) ... done']);
    expect(modern.fs.exists('/usr/local/lib/python3.11/site-packages/src/models/model.py')).toBe(true);
    expect((await run(container('python:3.11-slim'), ['pip', 'install', '.'])).stderr).toBe("ERROR: Directory '.' is not installable. Neither 'setup.py' nor 'pyproject.toml' found.\n");
  });

  it('pip --version, list', async () => {
    const c = container('python:3.12-slim');
    expect((await run(c, ['pip', '--version'])).stdout).toBe('pip 25.0.1 from /usr/local/lib/python3.12/site-packages/pip (python 3.12)\n');
    expect((await run(c, ['pip', 'list'])).stdout).toBe('Package Version\n------- -------\npip     25.0.1\n');
    expect((await run(c, ['python', '-m', 'pip', '--version'])).stdout).toContain('pip 25.0.1');
  });
});
