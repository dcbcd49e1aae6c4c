/**
 * The layers of anibali/pytorch (github.com/anibali/docker-pytorch, dockerfiles/*): basic
 * utilities, /app, the non-root `user` with passwordless sudo, and a Miniconda (or micromamba)
 * environment with PyTorch, torchvision and numpy under /home/user, owned by `user`.
 * The sizes are not published anywhere; the catalog labels them as estimates.
 */
import { dir, file, symlink, whiteout } from '../../../fs/builder';
import type { TreeSpec } from '../../../fs/builder';
import { program, script } from '../program';
import { PASSWD, debianGroup } from './distros';

export const USER = { uid: 1000, gid: 1000 } as const;

/** RUN apt-get install curl ca-certificates sudo git bzip2 libx11-6 */
export function utilitiesLayer(): TreeSpec {
  return {
    '/usr/bin/curl': program('curl'),
    '/usr/bin/git': program('git'),
    '/usr/bin/sudo': program('sudo', { mode: 0o4755 }),
    '/usr/bin/bzip2': program('bzip2'),
    '/usr/bin/bunzip2': program('bzip2'),
    '/usr/bin/ssh': program('ssh'),
    '/usr/bin/perl': program('perl'),
    '/etc/sudoers': file('#\n# This file MUST be edited with the \'visudo\' command as root.\n#\nDefaults\tenv_reset\nDefaults\tmail_badpass\nDefaults\tsecure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin"\n\n# User privilege specification\nroot\tALL=(ALL:ALL) ALL\n\n# Allow members of group sudo to execute any command\n%sudo\tALL=(ALL:ALL) ALL\n\n@includedir /etc/sudoers.d\n', { mode: 0o440 }),
    '/etc/sudoers.d/README': file('#\n# As of Debian version 1.7.2p1-1, the default /etc/sudoers file created on\n# installation of the package now includes the directive:\n', { mode: 0o440 }),
    '/etc/ssl/certs/': dir(),
    '/usr/lib/git-core/': dir(),
    '/var/lib/dpkg/status': file('Package: git\nStatus: install ok installed\nPriority: optional\nSection: vcs\n\nPackage: curl\nStatus: install ok installed\n\nPackage: sudo\nStatus: install ok installed\n'),
  };
}

export const UTILITIES_BULK: ReadonlyArray<readonly [string, number]> = [
  ['/usr/lib/git-core/git-remote-http', 6],
  ['/usr/lib/git-core/git-http-fetch', 5],
  ['/usr/lib/x86_64-linux-gnu/libperl.so.5.30.0', 10],
  ['/usr/share/perl/5.30.0/unicore/Name.pl', 4],
  ['/usr/lib/x86_64-linux-gnu/libX11.so.6.3.0', 4],
  ['/usr/lib/x86_64-linux-gnu/libcurl-gnutls.so.4.6.0', 2],
  ['/usr/lib/x86_64-linux-gnu/libkrb5.so.3.3', 2],
  ['/usr/share/git-core/templates/hooks/pre-rebase.sample', 1],
  ['/etc/ssl/certs/ca-certificates.crt', 1],
  ['/usr/share/X11/locale/locale.alias', 1],
  ['/var/lib/dpkg/info/git.list', 1],
];

/** RUN mkdir /app */
export function appDirLayer(): TreeSpec {
  return { '/app/': dir() };
}

const SKEL_BASHRC = "# ~/.bashrc: executed by bash(1) for non-login shells.\n# see /usr/share/doc/bash/examples/startup-files (in the package bash-doc)\n\n# If not running interactively, don't do anything\ncase $- in\n    *i*) ;;\n      *) return;;\nesac\n";

/** RUN adduser --disabled-password --gecos '' --shell /bin/bash user && chown -R user:user /app */
export function userLayer(): TreeSpec {
  const passwd = `${PASSWD.ubuntu}user:x:1000:1000:,,,:/home/user:/bin/bash\n`;
  return {
    '/etc/passwd': file(passwd),
    '/etc/passwd-': file(PASSWD.ubuntu),
    '/etc/group': file(debianGroup([['crontab', 101], ['messagebus', 102], ['user', 1000]])),
    '/etc/shadow': file(`${passwd.trim().split('\n').map((l) => `${l.split(':')[0]}:${l.startsWith('user:') ? '!' : '*'}:18900:0:99999:7:::`).join('\n')}\n`, { mode: 0o640, gid: 42 }),
    '/etc/gshadow': file('root:*::\nuser:!::\n', { mode: 0o640, gid: 42 }),
    '/etc/subuid': file('user:100000:65536\n'),
    '/etc/subgid': file('user:100000:65536\n'),
    '/home/': dir(),
    '/home/user/': dir({ ...USER, mode: 0o755 }),
    '/home/user/.bashrc': file(SKEL_BASHRC, USER),
    '/home/user/.profile': file('# ~/.profile: executed by the command interpreter for login shells.\n', USER),
    '/home/user/.bash_logout': file('# ~/.bash_logout: executed by bash(1) when login shell exits.\n', USER),
    '/app/': dir(USER),
  };
}

/** RUN echo "user ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/90-user */
export function sudoersLayer(): TreeSpec {
  return { '/etc/sudoers.d/90-user': file('user ALL=(ALL) NOPASSWD:ALL\n') };
}

/** RUN chmod 777 /home/user */
export function homeChmodLayer(): TreeSpec {
  return { '/home/user/': dir({ ...USER, mode: 0o777 }) };
}

/** COPY environment.yml /app/environment.yml (owned by root: COPY without --chown) */
export function environmentYmlLayer(text: string): TreeSpec {
  return { '/app/': dir(USER), '/app/environment.yml': file(text) };
}

export interface CondaEnv {
  /** /home/user/miniconda or /home/user/micromamba */
  prefix: string;
  python: string; // 3.9.7
  torch: string; // 1.10.0
  torchCuda?: string; // '11.1'
  torchvision: string;
  numpy: string;
  extras: ReadonlyArray<readonly [string, string, string]>; // [dist name, version, top-level module]
  /** conda or micromamba front end */
  tool: 'conda' | 'micromamba';
  /** The RUN also deleted /app/environment.yml or the lock file (whiteout). */
  removed?: string;
}

function pyMinor(python: string): string {
  return python.split('.').slice(0, 2).join('.');
}

/** The Miniconda/micromamba environment with PyTorch (the big layer). */
export function condaLayer(env: CondaEnv): TreeSpec {
  const m = pyMinor(env.python);
  const p = env.prefix;
  const sp = `${p}/lib/python${m}/site-packages`;
  const own = USER;
  const spec: TreeSpec = {
    '/home/': dir({ uid: 0, gid: 0 }),
    '/home/user/': dir({ ...USER, mode: 0o777 }),
    [`${p}/`]: dir(own),
    [`${p}/bin/`]: dir(own),
    [`${p}/bin/python${m}`]: program('python3', own),
    [`${p}/bin/python3`]: symlink(`python${m}`, own),
    [`${p}/bin/python`]: symlink(`python${m}`, own),
    [`${p}/bin/pip`]: file(`#!${p}/bin/python${m}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom pip._internal.cli.main import main\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n`, { ...own, mode: 0o755 }),
    [`${p}/conda-meta/history`]: file(`==> 2021-10-29 06:31:02 <==\n# cmd: ${p}/bin/conda env update -n base -f /app/environment.yml\n`, own),
    [`${p}/conda-meta/python-${env.python}-h12debd9_1.json`]: file(`{"name": "python", "version": "${env.python}", "channel": "https://repo.anaconda.com/pkgs/main/linux-64"}\n`, own),
    [`${p}/conda-meta/pytorch-${env.torch}.json`]: file(`{"name": "pytorch", "version": "${env.torch}", "channel": "https://conda.anaconda.org/pytorch/linux-64"}\n`, own),
    [`${sp}/`]: dir(own),
    [`${sp}/torch/__init__.py`]: file('r"""\nThe torch package contains data structures for multi-dimensional\ntensors and defines mathematical operations over these tensors.\n"""\n\nimport os\nimport sys\nimport platform\n', own),
    [`${sp}/torch/version.py`]: file(`__version__ = '${env.torch}'\ndebug = False\ncuda = ${env.torchCuda ? `'${env.torchCuda}'` : 'None'}\nhip = None\n`, own),
    [`${sp}/torch/lib/`]: dir(own),
    [`${sp}/torch-${env.torch}-py${m}.egg-info/PKG-INFO`]: file(`Metadata-Version: 2.1\nName: torch\nVersion: ${env.torch}\nSummary: Tensors and Dynamic neural networks in Python with strong GPU acceleration\n`, own),
    [`${sp}/torchvision/__init__.py`]: file('import warnings\nimport os\n', own),
    [`${sp}/torchvision/version.py`]: file(`__version__ = '${env.torchvision}'\n`, own),
    [`${sp}/torchvision-${env.torchvision}-py${m}.egg-info/PKG-INFO`]: file(`Metadata-Version: 2.1\nName: torchvision\nVersion: ${env.torchvision}\n`, own),
    [`${sp}/numpy/__init__.py`]: file('"""\nNumPy\n=====\n\nProvides\n  1. An array object of arbitrary homogeneous items\n"""\n', own),
    [`${sp}/numpy/version.py`]: file(`version = "${env.numpy}"\n__version__ = version\n`, own),
    [`${sp}/numpy-${env.numpy}.dist-info/METADATA`]: file(`Metadata-Version: 2.1\nName: numpy\nVersion: ${env.numpy}\nSummary: NumPy is the fundamental package for array computing with Python.\n`, own),
    [`${sp}/pip/__init__.py`]: file('from typing import List, Optional\n\n__version__ = "21.2.4"\n', own),
    [`${sp}/pip-21.2.4.dist-info/METADATA`]: file('Metadata-Version: 2.1\nName: pip\nVersion: 21.2.4\n', own),
  };
  for (const [name, version, top] of env.extras) {
    spec[`${sp}/${top}/__init__.py`] = file(`"""${name}"""\n`, own);
    spec[`${sp}/${name}-${version}.dist-info/METADATA`] = file(`Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`, own);
  }
  if (env.tool === 'conda') {
    spec[`${p}/bin/conda`] = script(`${p}/bin/python`, '# -*- coding: utf-8 -*-\nimport sys\n\nfrom conda.cli import main\n\nif __name__ == \'__main__\':\n    sys.exit(main())\n', { ...own });
  }
  if (env.removed) {
    // the RUN deleted a file under /app: the layer carries /app (still owned by user) and a whiteout
    spec['/app/'] = dir(USER);
    spec[env.removed] = whiteout();
  }
  return spec;
}

export function condaBulk(env: CondaEnv): ReadonlyArray<readonly [string, number]> {
  const m = pyMinor(env.python);
  const sp = `${env.prefix}/lib/python${m}/site-packages`;
  const lib = `${env.prefix}/lib`;
  const cuda = env.torchCuda !== undefined;
  return [
    [`${sp}/torch/lib/libtorch_cpu.so`, cuda ? 12 : 30],
    ...(cuda
      ? ([
          [`${sp}/torch/lib/libtorch_cuda.so`, 22],
          [`${lib}/libcublasLt.so.11`, 14],
          [`${lib}/libcudnn_cnn_infer.so.8`, 16],
          [`${lib}/libcusparse.so.11`, 6],
          [`${lib}/libcufft.so.10`, 7],
          [`${lib}/libnvrtc.so.11.2`, 2],
          [`${lib}/libcurand.so.10`, 2],
        ] as const)
      : []),
    [`${sp}/torch/lib/libtorch_python.so`, 3],
    [`${lib}/libmkl_core.so.1`, 7],
    [`${lib}/libmkl_intel_thread.so.1`, 6],
    [`${lib}/libmkl_avx512.so.1`, 3],
    [`${lib}/libpython${m}.so.1.0`, 1],
    [`${lib}/libcrypto.so.1.1`, 1],
    [`${sp}/scipy/sparse/_sparsetools.cpython-${m.replace('.', '')}-x86_64-linux-gnu.so`, 3],
    [`${sp}/numpy/core/_multiarray_umath.cpython-${m.replace('.', '')}-x86_64-linux-gnu.so`, 1],
    [`${sp}/torchvision/_C.so`, 1],
    [`${lib}/python${m}/pydoc_data/topics.py`, 1],
    [`${env.prefix}/pkgs/urls.txt`, 0],
    [`${env.prefix}/share/terminfo/x/xterm-256color`, 0],
    [`${env.prefix}/lib/python${m}/site-packages/conda/core/solve.py`, 1],
  ];
}

/** The nvidia/cuda base layers (apt source for CUDA, cudart + compat libraries, ld.so config). */
export function cudaSourceLayer(ubuntu: 'ubuntu2004' | 'ubuntu2204'): TreeSpec {
  const spec: TreeSpec = {
    '/usr/share/keyrings/cuda-archive-keyring.gpg': file('-----BEGIN PGP PUBLIC KEY BLOCK-----\n'),
    '/usr/bin/gpg': program('gpg'),
  };
  if (ubuntu === 'ubuntu2004') {
    spec['/etc/apt/sources.list.d/cuda.list'] = file('deb https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2004/x86_64 /\n');
    spec['/etc/apt/sources.list.d/nvidia-ml.list'] = file('deb https://developer.download.nvidia.com/compute/machine-learning/repos/ubuntu2004/x86_64 /\n');
  } else {
    spec['/etc/apt/sources.list.d/cuda-ubuntu2204-x86_64.list'] = file('deb [signed-by=/usr/share/keyrings/cuda-archive-keyring.gpg] https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2204/x86_64/ /\n');
  }
  return spec;
}

/** RUN rm -f /etc/apt/sources.list.d/*.list (whiteouts for what the CUDA base added). */
export function removeSourcesLayer(names: readonly string[]): TreeSpec {
  const spec: TreeSpec = {};
  for (const n of names) spec[`/etc/apt/sources.list.d/${n}`] = whiteout();
  return spec;
}

/** RUN mkdir $HOME/.cache $HOME/.config && chmod -R 777 $HOME */
export function homeDirsLayer(): TreeSpec {
  return {
    '/home/user/': dir({ ...USER, mode: 0o777 }),
    '/home/user/.cache/': dir({ ...USER, mode: 0o777 }),
    '/home/user/.config/': dir({ ...USER, mode: 0o777 }),
    '/home/user/.bashrc': file(SKEL_BASHRC, { ...USER, mode: 0o777 }),
    '/home/user/.profile': file('# ~/.profile: executed by the command interpreter for login shells.\n', { ...USER, mode: 0o777 }),
    '/home/user/.bash_logout': file('# ~/.bash_logout: executed by bash(1) when login shell exits.\n', { ...USER, mode: 0o777 }),
  };
}

export function cudaRuntimeLayer(cuda: string): TreeSpec {
  return {
    '/usr/local/cuda': symlink(`cuda-${cuda}`),
    [`/usr/local/cuda-${cuda}/`]: dir(),
    [`/usr/local/cuda-${cuda}/targets/x86_64-linux/lib/`]: dir(),
    [`/usr/local/cuda-${cuda}/compat/`]: dir(),
  };
}

export function cudaRuntimeBulk(cuda: string): ReadonlyArray<readonly [string, number]> {
  return [
    [`/usr/local/cuda-${cuda}/targets/x86_64-linux/lib/libcudart.so.11.0`, 2],
    [`/usr/local/cuda-${cuda}/compat/libcuda.so.1`, 10],
    [`/usr/local/cuda-${cuda}/compat/libnvidia-ptxjitcompiler.so.1`, 6],
  ];
}

export function cudaLdconfigLayer(): TreeSpec {
  return { '/etc/ld.so.conf.d/nvidia.conf': file('/usr/local/nvidia/lib\n/usr/local/nvidia/lib64\n') };
}

/** micromamba for the 2.x images. */
export function micromambaLayer(): TreeSpec {
  return { '/usr/local/bin/micromamba': program('micromamba') };
}
