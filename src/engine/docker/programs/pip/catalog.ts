/**
 * The simulated PyPI: the wheels `pip install torch numpy` (and the lesson's requirements.txt)
 * resolves to, per Python version, as PyPI served them in November 2024 (torch 2.5.1 with its
 * CUDA 12 dependencies; torch 1.13.1 with CUDA 11.7 for Python 3.7, the last release for it).
 * Download sizes are the wheels' sizes as pip prints them; installed sizes are estimates of the
 * unpacked files (they drive layer sizes: a CUDA torch from PyPI is several GB).
 */

export interface Wheel {
  /** Project name as pip prints it (torch, MarkupSafe, nvidia-cublas-cu12). */
  name: string;
  version: string;
  /** Wheel file name. */
  file: string;
  /** Download size in bytes. */
  size: number;
  /** Bytes once installed. */
  installed: number;
  /** Size of the .whl.metadata file pip 23.3+ fetches first. */
  metadata: number;
  deps: readonly string[];
  /** Importable top-level packages it installs. */
  modules: readonly string[];
  /** Console scripts it adds to bin/. */
  scripts?: readonly { name: string; entry: string }[];
  /** torch only: CUDA version of the build. */
  cuda?: string;
}

const MB = 1_000_000;
const kB = 1_000;

function nvidia(lib: string, cuda: '11' | '12', version: string, sizeMB: number, installedMB: number, deps: string[] = [], tag = 'manylinux2014_x86_64'): Wheel {
  const name = `nvidia-${lib}-cu${cuda}`;
  return {
    name,
    version,
    file: `${name.replace(/-/g, '_')}-${version}-py3-none-${tag}.whl`,
    size: Math.round(sizeMB * MB),
    installed: Math.round(installedMB * MB),
    metadata: 1600,
    deps,
    modules: ['nvidia'],
  };
}

function pure(name: string, version: string, size: number, installed: number, deps: string[] = [], modules: string[] = [name.toLowerCase().replace(/-/g, '_')], metadata = 3000): Wheel {
  return { name, version, file: `${name.replace(/-/g, '_')}-${version}-py3-none-any.whl`, size, installed, metadata, deps, modules };
}

function cu12(tag: string): Wheel[] {
  return [
    {
      name: 'torch',
      version: '2.5.1',
      file: `torch-2.5.1-${tag}-${tag}-manylinux1_x86_64.whl`,
      size: 906.4 * MB,
      installed: 1_690 * MB,
      metadata: 28 * kB,
      cuda: '12.4',
      deps: [
        'filelock',
        'typing-extensions',
        'networkx',
        'jinja2',
        'fsspec',
        'nvidia-cuda-nvrtc-cu12',
        'nvidia-cuda-runtime-cu12',
        'nvidia-cuda-cupti-cu12',
        'nvidia-cudnn-cu12',
        'nvidia-cublas-cu12',
        'nvidia-cufft-cu12',
        'nvidia-curand-cu12',
        'nvidia-cusolver-cu12',
        'nvidia-cusparse-cu12',
        'nvidia-nccl-cu12',
        'nvidia-nvtx-cu12',
        'nvidia-nvjitlink-cu12',
        'triton',
        'sympy',
      ],
      modules: ['torch', 'torchgen', 'functorch'],
      scripts: [
        { name: 'convert-caffe2-to-onnx', entry: 'caffe2.python.onnx.bin.conversion' },
        { name: 'convert-onnx-to-caffe2', entry: 'caffe2.python.onnx.bin.conversion' },
        { name: 'torchfrtrace', entry: 'tools.flight_recorder.fr_trace' },
        { name: 'torchrun', entry: 'torch.distributed.run' },
      ],
    },
    {
      name: 'numpy',
      version: '2.1.3',
      file: `numpy-2.1.3-${tag}-${tag}-manylinux_2_17_x86_64.manylinux2014_x86_64.whl`,
      size: (tag === 'cp312' ? 16.0 : 16.3) * MB,
      installed: 63 * MB,
      metadata: 62 * kB,
      deps: [],
      modules: ['numpy', 'numpy.libs'],
      scripts: [
        { name: 'f2py', entry: 'numpy.f2py.f2py2e' },
        { name: 'numpy-config', entry: 'numpy._configtool' },
      ],
    },
    pure('filelock', '3.16.1', 16 * kB, 42 * kB, [], ['filelock'], 2900),
    pure('typing_extensions', '4.12.2', 37 * kB, 130 * kB, [], ['typing_extensions'], 3000),
    pure('networkx', '3.4.2', 1.7 * MB, 16.5 * MB, [], ['networkx'], 6300),
    pure('jinja2', '3.1.4', 133 * kB, 780 * kB, ['MarkupSafe'], ['jinja2'], 2600),
    pure('fsspec', '2024.10.0', 179 * kB, 1.1 * MB, [], ['fsspec'], 11_000),
    {
      name: 'MarkupSafe',
      version: '3.0.2',
      file: `MarkupSafe-3.0.2-${tag}-${tag}-manylinux_2_17_x86_64.manylinux2014_x86_64.whl`,
      size: 23 * kB,
      installed: 62 * kB,
      metadata: 4000,
      deps: [],
      modules: ['markupsafe'],
    },
    pure('sympy', '1.13.1', 6.2 * MB, 70 * MB, ['mpmath'], ['sympy', 'isympy'], 12_000),
    pure('mpmath', '1.3.0', 536 * kB, 5.3 * MB, [], ['mpmath'], 2700),
    {
      name: 'triton',
      version: '3.1.0',
      file: `triton-3.1.0-${tag}-${tag}-manylinux_2_17_x86_64.manylinux2014_x86_64.whl`,
      size: 209.5 * MB,
      installed: 548 * MB,
      metadata: 1300,
      deps: ['filelock'],
      modules: ['triton'],
    },
    nvidia('cuda-nvrtc', '12', '12.4.127', 24.6, 66),
    nvidia('cuda-runtime', '12', '12.4.127', 0.883, 2.9),
    nvidia('cuda-cupti', '12', '12.4.127', 13.8, 30),
    nvidia('cudnn', '12', '9.1.0.70', 664.8, 1_040, ['nvidia-cublas-cu12']),
    nvidia('cublas', '12', '12.4.5.8', 363.4, 720),
    nvidia('cufft', '12', '11.2.1.3', 211.5, 290, ['nvidia-nvjitlink-cu12']),
    nvidia('curand', '12', '10.3.5.147', 56.3, 95),
    nvidia('cusolver', '12', '11.6.1.9', 127.9, 290, ['nvidia-cublas-cu12', 'nvidia-nvjitlink-cu12', 'nvidia-cusparse-cu12']),
    nvidia('cusparse', '12', '12.3.1.170', 207.5, 280, ['nvidia-nvjitlink-cu12']),
    nvidia('nccl', '12', '2.21.5', 188.7, 240, [], 'manylinux2014_x86_64'),
    nvidia('nvtx', '12', '12.4.127', 0.099, 0.35),
    nvidia('nvjitlink', '12', '12.4.127', 21.1, 58),
  ];
}

function cp37(): Wheel[] {
  return [
    {
      name: 'torch',
      version: '1.13.1',
      file: 'torch-1.13.1-cp37-cp37m-manylinux1_x86_64.whl',
      size: 887.5 * MB,
      installed: 1_760 * MB,
      metadata: 24 * kB,
      cuda: '11.7',
      deps: ['typing-extensions', 'nvidia-cuda-runtime-cu11', 'nvidia-cudnn-cu11', 'nvidia-cublas-cu11', 'nvidia-cuda-nvrtc-cu11'],
      modules: ['torch', 'torchgen', 'functorch'],
      scripts: [
        { name: 'convert-caffe2-to-onnx', entry: 'caffe2.python.onnx.bin.conversion' },
        { name: 'convert-onnx-to-caffe2', entry: 'caffe2.python.onnx.bin.conversion' },
        { name: 'torchrun', entry: 'torch.distributed.run' },
      ],
    },
    {
      name: 'numpy',
      version: '1.21.6',
      file: 'numpy-1.21.6-cp37-cp37m-manylinux_2_12_x86_64.manylinux2010_x86_64.whl',
      size: 15.7 * MB,
      installed: 55 * MB,
      metadata: 2100,
      deps: [],
      modules: ['numpy', 'numpy.libs'],
      scripts: [
        { name: 'f2py', entry: 'numpy.f2py.f2py2e' },
        { name: 'f2py3', entry: 'numpy.f2py.f2py2e' },
        { name: 'f2py3.7', entry: 'numpy.f2py.f2py2e' },
      ],
    },
    pure('typing_extensions', '4.7.1', 33 * kB, 120 * kB, [], ['typing_extensions']),
    nvidia('cuda-runtime', '11', '11.7.99', 0.849, 2.8, ['setuptools', 'wheel'], 'manylinux1_x86_64'),
    nvidia('cudnn', '11', '8.5.0.96', 557.1, 880, ['setuptools', 'wheel'], 'manylinux1_x86_64'),
    nvidia('cublas', '11', '11.10.3.66', 317.1, 560, ['setuptools', 'wheel'], 'manylinux1_x86_64'),
    nvidia('cuda-nvrtc', '11', '11.7.99', 21.0, 56, ['setuptools', 'wheel'], 'manylinux1_x86_64'),
  ];
}

/** Versions pip lists in "(from versions: …)" when a requirement cannot be met. */
export const TORCH_VERSIONS: Record<string, readonly string[]> = {
  cp37: ['1.0.0', '1.0.1', '1.1.0', '1.2.0', '1.3.0', '1.3.1', '1.4.0', '1.5.0', '1.5.1', '1.6.0', '1.7.0', '1.7.1', '1.8.0', '1.8.1', '1.9.0', '1.9.1', '1.10.0', '1.10.1', '1.10.2', '1.11.0', '1.12.0', '1.12.1', '1.13.0', '1.13.1'],
  modern: ['2.0.0', '2.0.1', '2.1.0', '2.1.1', '2.1.2', '2.2.0', '2.2.1', '2.2.2', '2.3.0', '2.3.1', '2.4.0', '2.4.1', '2.5.0', '2.5.1'],
};

/** The newest pip a Python can install (for pip's "new release" notice). */
export function latestPip(pyMinor: number): string {
  return pyMinor <= 7 ? '24.0' : '24.3.1';
}

const CACHE = new Map<string, ReadonlyMap<string, Wheel>>();

export function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The simulated index for a Python 3.x (by minor number). */
export function indexFor(pyMinor: number): ReadonlyMap<string, Wheel> {
  const key = pyMinor <= 7 ? 'cp37' : `cp3${pyMinor}`;
  let index = CACHE.get(key);
  if (!index) {
    const wheels = pyMinor <= 7 ? cp37() : cu12(key);
    index = new Map(wheels.map((w) => [normalize(w.name), w]));
    CACHE.set(key, index);
  }
  return index;
}

export function versionsOf(pyMinor: number, name: string): readonly string[] {
  if (normalize(name) === 'torch') return pyMinor <= 7 ? TORCH_VERSIONS.cp37! : TORCH_VERSIONS.modern!;
  const w = indexFor(pyMinor).get(normalize(name));
  return w ? [w.version] : [];
}
