/**
 * anibali/pytorch (community image): the tags the course uses, built from the Dockerfiles of
 * github.com/anibali/docker-pytorch (dockerfiles/*, HEAD 41d6503). Configs and build steps are
 * real; sizes, digests of layers and build times are NOT published anywhere and are estimates
 * (nocuda ≈ 1.7 GB, CUDA images ≈ 5–6.6 GB unpacked), as registry-facts.md allows.
 * The nvidia/cuda base ENV values are plausible, not verified.
 */
import { ubuntuBase, UBUNTU_BULK } from '../rootfs/distros';
import {
  USER,
  appDirLayer,
  condaBulk,
  condaLayer,
  cudaLdconfigLayer,
  cudaRuntimeBulk,
  cudaRuntimeLayer,
  cudaSourceLayer,
  environmentYmlLayer,
  homeChmodLayer,
  homeDirsLayer,
  micromambaLayer,
  removeSourcesLayer,
  sudoersLayer,
  userLayer,
  utilitiesLayer,
  UTILITIES_BULK,
} from '../rootfs/pytorch';
import type { CondaEnv } from '../rootfs/pytorch';
import { program } from '../program';
import { symlink } from '../rootfs/util';
import type { HistoryDef, ImageDef, LayerDef } from './types';

const BK = 'buildkit.dockerfile.v0';
const NOP = '/bin/sh -c #(nop) ';
const BASE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const CUDA_PATH = `/usr/local/nvidia/bin:/usr/local/cuda/bin:${BASE_PATH}`;

function days(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

function focal(key: string, created: string, point: string, size: number): LayerDef {
  return {
    key,
    size,
    unpacked: 72_776_000, // estimate (ubuntu:20.04 was ~72.8 MB)
    created,
    tree: () => ubuntuBase({ version: '20.04', point, codename: 'focal', name: 'Focal Fossa' }, days(created)),
    bulk: UBUNTU_BULK,
  };
}

const UTILITIES_RUN =
  'RUN /bin/sh -c apt-get update && apt-get install -y     curl     ca-certificates     sudo     git     bzip2     libx11-6  && rm -rf /var/lib/apt/lists/* # buildkit';
const ADDUSER_RUN = "RUN /bin/sh -c adduser --disabled-password --gecos '' --shell /bin/bash user  && chown -R user:user /app # buildkit";
const SUDOERS_RUN = 'RUN /bin/sh -c echo "user ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/90-user # buildkit';

function small(key: string, created: string, tree: LayerDef['tree'], size: number): LayerDef {
  return { key, size, unpacked: 'exact', created, tree };
}

/** The steps every anibali image shares after its base: utilities, /app, the user, sudo. */
function userSteps(prefix: string, at: string): { history: HistoryDef[]; layers: LayerDef[] } {
  return {
    history: [
      { created: at, createdBy: UTILITIES_RUN, comment: BK },
      { created: at, createdBy: 'RUN /bin/sh -c mkdir /app # buildkit', comment: BK },
      { created: at, createdBy: 'WORKDIR /app', comment: BK, empty: true },
      { created: at, createdBy: ADDUSER_RUN, comment: BK },
      { created: at, createdBy: SUDOERS_RUN, comment: BK },
      { created: at, createdBy: 'USER user', comment: BK, empty: true },
      { created: at, createdBy: 'ENV HOME=/home/user', comment: BK, empty: true },
    ],
    layers: [
      { key: `${prefix} utilities`, size: 41_853_118, unpacked: 121_482_000, created: at, tree: utilitiesLayer, bulk: UTILITIES_BULK },
      small(`${prefix} mkdir /app`, at, appDirLayer, 93),
      small(`${prefix} adduser`, at, userLayer, 4_216),
      small(`${prefix} sudoers`, at, sudoersLayer, 192),
    ],
  };
}

// ---- 1.10.0-nocuda-ubuntu20.04 ------------------------------------------------------------------

const ENV_1100 = 'name: base\ndependencies:\n- numpy=1.21.2\n- pillow=8.4.0\n- pip=21.2.4\n- python=3.9.7\n- pytorch::pytorch=1.10.0=py3.9_cpu_0\n- scipy=1.7.1\n- pytorch::torchvision=0.11.1=py39_cpu\n- tqdm=4.62.3\n';

const CONDA_1100: CondaEnv = {
  prefix: '/home/user/miniconda',
  python: '3.9.7',
  torch: '1.10.0',
  torchvision: '0.11.1',
  numpy: '1.21.2',
  extras: [
    ['scipy', '1.7.1', 'scipy'],
    ['Pillow', '8.4.0', 'PIL'],
    ['tqdm', '4.62.3', 'tqdm'],
  ],
  tool: 'conda',
  removed: '/app/environment.yml',
};

function pytorch1100(): ImageDef {
  const at = '2021-10-29T06:42:18.412853917Z';
  const base = '2021-10-01T02:23:24Z';
  const steps = userSteps('anibali/pytorch:1.10.0-nocuda', at);
  return {
    repo: 'anibali/pytorch',
    tags: ['1.10.0-nocuda', '1.10.0-nocuda-ubuntu20.04'],
    created: at,
    config: {
      User: 'user',
      Env: [`PATH=/home/user/miniconda/bin:${BASE_PATH}`, 'HOME=/home/user', 'CONDA_AUTO_UPDATE_CONDA=false'],
      Cmd: ['python3'],
      WorkingDir: '/app',
    },
    history: [
      { created: '2021-10-01T02:23:23Z', createdBy: `${NOP}ADD file:5d68d27cc15a80653c93d3a0b262a28112d47a46326ff5fc2dfbf7fa3b9a0ce8 in / ` },
      { created: base, createdBy: `${NOP} CMD ["bash"]`, empty: true },
      ...steps.history,
      { created: at, createdBy: 'RUN /bin/sh -c chmod 777 /home/user # buildkit', comment: BK },
      { created: at, createdBy: `ENV CONDA_AUTO_UPDATE_CONDA=false PATH=/home/user/miniconda/bin:${BASE_PATH}`, comment: BK, empty: true },
      { created: at, createdBy: 'COPY environment.yml /app/environment.yml # buildkit', comment: BK },
      {
        created: at,
        createdBy:
          'RUN /bin/sh -c curl -sLo ~/miniconda.sh https://repo.continuum.io/miniconda/Miniconda3-py39_4.10.3-Linux-x86_64.sh  && chmod +x ~/miniconda.sh  && ~/miniconda.sh -b -p ~/miniconda  && rm ~/miniconda.sh  && conda env update -n base -f /app/environment.yml  && rm /app/environment.yml  && conda clean -ya # buildkit',
        comment: BK,
      },
      { created: at, createdBy: 'CMD ["python3"]', comment: BK, empty: true },
    ],
    layers: [
      focal('ubuntu:20.04@2021-10-01', '2021-10-01T02:23:23Z', '20.04.3', 28_567_101),
      ...steps.layers,
      small('anibali/pytorch:1.10.0-nocuda chmod', at, homeChmodLayer, 152),
      small('anibali/pytorch:1.10.0-nocuda environment.yml', at, () => environmentYmlLayer(ENV_1100), 351),
      {
        key: 'anibali/pytorch:1.10.0-nocuda conda',
        size: 687_214_530,
        unpacked: 1_546_000_000,
        created: at,
        tree: () => condaLayer(CONDA_1100),
        bulk: condaBulk(CONDA_1100),
        bulkOwner: USER,
        owner: USER,
      },
    ],
    publication: 'docker-manifest',
    source: 'anibali/docker-pytorch dockerfiles/1.10.0-nocuda-ubuntu20.04 (config, steps); sizes estimated',
  };
}

// ---- 1.8.1-cuda11.1-ubuntu20.04 ------------------------------------------------------------------

const REQUIRE_CUDA_111 = 'NVIDIA_REQUIRE_CUDA=cuda>=11.1 brand=tesla,driver>=418,driver<419 brand=tesla,driver>=440,driver<441 brand=tesla,driver>=450,driver<451';

function nvidiaBase2004(): { history: HistoryDef[]; layers: LayerDef[] } {
  const t = '2021-02-02T20:37:10Z';
  return {
    history: [
      { created: '2021-01-21T03:38:11Z', createdBy: `${NOP}ADD file:3a12ef85a47374d5c4f5d1f4ed6bcd2b86a7d70a66ab4b6ba5b02bd0c9a0f2fa in / ` },
      { created: '2021-01-21T03:38:12Z', createdBy: `${NOP} CMD ["bash"]`, empty: true },
      { created: t, createdBy: `${NOP} LABEL maintainer=NVIDIA CORPORATION <cudatools@nvidia.com>`, empty: true },
      {
        created: t,
        createdBy:
          '/bin/sh -c apt-get update && apt-get install -y --no-install-recommends     gnupg2 curl ca-certificates &&     curl -fsSL https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2004/x86_64/7fa2af80.pub | apt-key add - &&     echo "deb https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2004/x86_64 /" > /etc/apt/sources.list.d/cuda.list &&     echo "deb https://developer.download.nvidia.com/compute/machine-learning/repos/ubuntu2004/x86_64 /" > /etc/apt/sources.list.d/nvidia-ml.list &&     apt-get purge --autoremove -y curl     && rm -rf /var/lib/apt/lists/*',
      },
      { created: t, createdBy: `${NOP} ENV CUDA_VERSION=11.1.1`, empty: true },
      {
        created: t,
        createdBy: '/bin/sh -c apt-get update && apt-get install -y --no-install-recommends     cuda-cudart-11-1=11.1.74-1     cuda-compat-11-1     && ln -s cuda-11.1 /usr/local/cuda &&     rm -rf /var/lib/apt/lists/*',
      },
      {
        created: t,
        createdBy: '/bin/sh -c echo "/usr/local/nvidia/lib" >> /etc/ld.so.conf.d/nvidia.conf &&     echo "/usr/local/nvidia/lib64" >> /etc/ld.so.conf.d/nvidia.conf',
      },
      { created: t, createdBy: `${NOP} ENV PATH=${CUDA_PATH}`, empty: true },
      { created: t, createdBy: `${NOP} ENV LD_LIBRARY_PATH=/usr/local/nvidia/lib:/usr/local/nvidia/lib64`, empty: true },
      { created: t, createdBy: `${NOP} ENV NVIDIA_VISIBLE_DEVICES=all`, empty: true },
      { created: t, createdBy: `${NOP} ENV NVIDIA_DRIVER_CAPABILITIES=compute,utility`, empty: true },
      { created: t, createdBy: `${NOP} ENV ${REQUIRE_CUDA_111}`, empty: true },
    ],
    layers: [
      focal('ubuntu:20.04@2021-01-21', '2021-01-21T03:38:11Z', '20.04.1', 28_563_081),
      { key: 'nvidia/cuda:11.1.1-base source', size: 6_832_417, unpacked: 18_050_000, created: t, tree: () => cudaSourceLayer('ubuntu2004'), bulk: [['/usr/lib/x86_64-linux-gnu/libgnutls.so.30.27.0', 1], ['/usr/bin/gpgv', 1], ['/usr/lib/x86_64-linux-gnu/libgcrypt.so.20.2.5', 1]] },
      { key: 'nvidia/cuda:11.1.1-base cudart', size: 8_150_211, unpacked: 23_690_000, created: t, tree: () => cudaRuntimeLayer('11.1'), bulk: cudaRuntimeBulk('11.1') },
      small('nvidia/cuda:11.1.1-base ldconfig', t, cudaLdconfigLayer, 186),
    ],
  };
}

const CONDA_181: CondaEnv = {
  prefix: '/home/user/miniconda',
  python: '3.8.3',
  torch: '1.8.1',
  torchCuda: '11.1',
  torchvision: '0.9.1',
  numpy: '1.20.1',
  extras: [['Pillow', '8.1.2', 'PIL']],
  tool: 'conda',
};

function pytorch181(): ImageDef {
  const at = '2022-02-08T03:12:41.903114272Z';
  const base = nvidiaBase2004();
  const steps = userSteps('anibali/pytorch:1.8.1-cuda11.1', at);
  return {
    repo: 'anibali/pytorch',
    tags: ['1.8.1-cuda11.1', '1.8.1-cuda11.1-ubuntu20.04'],
    created: at,
    config: {
      User: 'user',
      Env: [
        `PATH=/home/user/miniconda/bin:${CUDA_PATH}`,
        'CUDA_VERSION=11.1.1',
        'LD_LIBRARY_PATH=/usr/local/nvidia/lib:/usr/local/nvidia/lib64',
        'NVIDIA_VISIBLE_DEVICES=all',
        'NVIDIA_DRIVER_CAPABILITIES=compute,utility',
        REQUIRE_CUDA_111,
        'HOME=/home/user',
        'CONDA_AUTO_UPDATE_CONDA=false',
      ],
      Cmd: ['python3'],
      WorkingDir: '/app',
      Labels: { maintainer: 'NVIDIA CORPORATION <cudatools@nvidia.com>' },
    },
    history: [
      ...base.history,
      { created: at, createdBy: 'RUN /bin/sh -c rm -f /etc/apt/sources.list.d/*.list # buildkit', comment: BK },
      ...steps.history,
      { created: at, createdBy: 'RUN /bin/sh -c chmod 777 /home/user # buildkit', comment: BK },
      { created: at, createdBy: 'ENV CONDA_AUTO_UPDATE_CONDA=false', comment: BK, empty: true },
      { created: at, createdBy: `ENV PATH=/home/user/miniconda/bin:${CUDA_PATH}`, comment: BK, empty: true },
      {
        created: at,
        createdBy:
          'RUN /bin/sh -c curl -sLo ~/miniconda.sh https://repo.continuum.io/miniconda/Miniconda3-py38_4.8.3-Linux-x86_64.sh  && chmod +x ~/miniconda.sh  && ~/miniconda.sh -b -p ~/miniconda  && rm ~/miniconda.sh  && conda install -y python==3.8.3  && conda clean -ya # buildkit',
        comment: BK,
      },
      {
        created: at,
        createdBy:
          'RUN /bin/sh -c conda install -y -c conda-forge cudatoolkit=11.1.1  && conda install -y -c pytorch     "pytorch=1.8.1=py3.8_cuda11.1_cudnn8.0.5_0"     "torchvision=0.9.1=py38_cu111"  && conda clean -ya # buildkit',
        comment: BK,
      },
      { created: at, createdBy: 'CMD ["python3"]', comment: BK, empty: true },
    ],
    layers: [
      ...base.layers,
      small('anibali/pytorch:1.8.1 rm sources', at, () => removeSourcesLayer(['cuda.list', 'nvidia-ml.list']), 178),
      ...steps.layers,
      small('anibali/pytorch:1.8.1 chmod', at, homeChmodLayer, 152),
      {
        key: 'anibali/pytorch:1.8.1 miniconda',
        size: 94_302_755,
        unpacked: 278_000_000,
        created: at,
        owner: USER,
        tree: () => ({
          '/home/': { type: 'dir', uid: 0, gid: 0 },
          '/home/user/': { type: 'dir', mode: 0o777, ...USER },
          '/home/user/miniconda/bin/python3.8': program('python3', USER),
          '/home/user/miniconda/bin/python3': symlink('python3.8', USER),
          '/home/user/miniconda/bin/python': symlink('python3.8', USER),
        }),
        bulk: [
          ['/home/user/miniconda/lib/libpython3.8.so.1.0', 4],
          ['/home/user/miniconda/lib/libcrypto.so.1.1', 1],
          ['/home/user/miniconda/lib/python3.8/site-packages/conda/core/solve.py', 1],
          ['/home/user/miniconda/pkgs/cache/497deca9.json', 6],
        ],
        bulkOwner: USER,
      },
      {
        key: 'anibali/pytorch:1.8.1 pytorch',
        size: 2_612_478_901,
        unpacked: 4_480_000_000,
        created: at,
        tree: () => condaLayer(CONDA_181),
        bulk: condaBulk(CONDA_181),
        bulkOwner: USER,
        owner: USER,
      },
    ],
    publication: 'docker-manifest',
    source: 'anibali/docker-pytorch dockerfiles/1.8.1-cuda11.1-ubuntu20.04; sizes estimated',
  };
}

// ---- 2.0.1-cuda11.8-ubuntu22.04 (latest) --------------------------------------------------------

const REQUIRE_CUDA_118 =
  'NVIDIA_REQUIRE_CUDA=cuda>=11.8 brand=tesla,driver>=450,driver<451 brand=tesla,driver>=470,driver<471 brand=unknown,driver>=470,driver<471 brand=nvidia,driver>=470,driver<471 brand=nvidiartx,driver>=470,driver<471 brand=geforce,driver>=470,driver<471';

const CONDA_201: CondaEnv = {
  prefix: '/home/user/micromamba',
  python: '3.11.4',
  torch: '2.0.1',
  torchCuda: '11.8',
  torchvision: '0.15.2',
  numpy: '1.25.2',
  extras: [['Pillow', '10.0.0', 'PIL']],
  tool: 'micromamba',
  removed: '/app/conda-linux-64.lock',
};

function pytorchLatest(): ImageDef {
  const at = '2023-08-22T05:31:09.557712016Z';
  const nv = '2023-08-11T01:54:30Z';
  const run = (cmd: string) => `RUN |1 TARGETARCH=amd64 /bin/sh -c ${cmd} # buildkit`;
  return {
    repo: 'anibali/pytorch',
    tags: ['latest', '2.0.1-cuda11.8', '2.0.1-cuda11.8-ubuntu22.04'],
    created: at,
    config: {
      User: 'user',
      Env: [
        `PATH=/home/user/micromamba/bin:${CUDA_PATH}`,
        'NVARCH=x86_64',
        REQUIRE_CUDA_118,
        'NV_CUDA_CUDART_VERSION=11.8.89-1',
        'NV_CUDA_COMPAT_PACKAGE=cuda-compat-11-8',
        'CUDA_VERSION=11.8.0',
        'LD_LIBRARY_PATH=/usr/local/nvidia/lib:/usr/local/nvidia/lib64',
        'NVIDIA_VISIBLE_DEVICES=all',
        'NVIDIA_DRIVER_CAPABILITIES=compute,utility',
        'HOME=/home/user',
        'MAMBA_EXE=/usr/local/bin/micromamba',
        'MAMBA_ROOT_PREFIX=/home/user/micromamba',
        'CONDA_PREFIX=/home/user/micromamba',
      ],
      Cmd: ['python3'],
      WorkingDir: '/app',
      Labels: {
        maintainer: 'NVIDIA CORPORATION <cudatools@nvidia.com>',
        'org.opencontainers.image.ref.name': 'ubuntu',
        'org.opencontainers.image.version': '22.04',
      },
    },
    history: [
      { created: '2023-08-04T04:39:10Z', createdBy: `${NOP} ARG RELEASE`, empty: true },
      { created: '2023-08-04T04:39:10Z', createdBy: `${NOP} ARG LAUNCHPAD_BUILD_ARCH`, empty: true },
      { created: '2023-08-04T04:39:10Z', createdBy: `${NOP} LABEL org.opencontainers.image.ref.name=ubuntu`, empty: true },
      { created: '2023-08-04T04:39:10Z', createdBy: `${NOP} LABEL org.opencontainers.image.version=22.04`, empty: true },
      { created: '2023-08-04T04:39:12Z', createdBy: `${NOP}ADD file:140fb5108b4a2861b7a0d7f2bb1d0c7d4d8d89a3da0a59e4f7b1f36a7f8c0b93 in / ` },
      { created: '2023-08-04T04:39:12Z', createdBy: `${NOP} CMD ["/bin/bash"]`, empty: true },
      { created: nv, createdBy: 'ENV NVARCH=x86_64', comment: BK, empty: true },
      { created: nv, createdBy: `ENV ${REQUIRE_CUDA_118}`, comment: BK, empty: true },
      { created: nv, createdBy: 'ENV NV_CUDA_CUDART_VERSION=11.8.89-1', comment: BK, empty: true },
      { created: nv, createdBy: 'ENV NV_CUDA_COMPAT_PACKAGE=cuda-compat-11-8', comment: BK, empty: true },
      { created: nv, createdBy: 'ARG TARGETARCH', comment: BK, empty: true },
      { created: nv, createdBy: 'LABEL maintainer=NVIDIA CORPORATION <cudatools@nvidia.com>', comment: BK, empty: true },
      {
        created: nv,
        createdBy: run(
          'apt-get update && apt-get install -y --no-install-recommends     gnupg2 curl ca-certificates &&     curl -fsSLO https://developer.download.nvidia.com/compute/cuda/repos/${NVARCH}/cuda-keyring_1.0-1_all.deb &&     dpkg -i cuda-keyring_1.0-1_all.deb &&     apt-get purge --autoremove -y curl     && rm -rf /var/lib/apt/lists/*',
        ),
        comment: BK,
      },
      { created: nv, createdBy: 'ENV CUDA_VERSION=11.8.0', comment: BK, empty: true },
      {
        created: nv,
        createdBy: run('apt-get update && apt-get install -y --no-install-recommends     cuda-cudart-11-8=${NV_CUDA_CUDART_VERSION}     ${NV_CUDA_COMPAT_PACKAGE}     && rm -rf /var/lib/apt/lists/*'),
        comment: BK,
      },
      { created: nv, createdBy: run('echo "/usr/local/nvidia/lib" >> /etc/ld.so.conf.d/nvidia.conf     && echo "/usr/local/nvidia/lib64" >> /etc/ld.so.conf.d/nvidia.conf'), comment: BK },
      { created: nv, createdBy: `ENV PATH=${CUDA_PATH}`, comment: BK, empty: true },
      { created: nv, createdBy: 'ENV LD_LIBRARY_PATH=/usr/local/nvidia/lib:/usr/local/nvidia/lib64', comment: BK, empty: true },
      { created: nv, createdBy: 'ENV NVIDIA_VISIBLE_DEVICES=all', comment: BK, empty: true },
      { created: nv, createdBy: 'ENV NVIDIA_DRIVER_CAPABILITIES=compute,utility', comment: BK, empty: true },
      { created: at, createdBy: 'RUN /bin/sh -c rm -f /etc/apt/sources.list.d/*.list # buildkit', comment: BK },
      { created: at, createdBy: UTILITIES_RUN, comment: BK },
      { created: at, createdBy: 'RUN /bin/sh -c mkdir /app # buildkit', comment: BK },
      { created: at, createdBy: 'WORKDIR /app', comment: BK, empty: true },
      { created: at, createdBy: ADDUSER_RUN, comment: BK },
      { created: at, createdBy: SUDOERS_RUN, comment: BK },
      { created: at, createdBy: 'USER user', comment: BK, empty: true },
      { created: at, createdBy: 'ENV HOME=/home/user', comment: BK, empty: true },
      { created: at, createdBy: 'RUN /bin/sh -c mkdir $HOME/.cache $HOME/.config  && chmod -R 777 $HOME # buildkit', comment: BK },
      { created: at, createdBy: 'RUN /bin/sh -c curl -sL https://micro.mamba.pm/api/micromamba/linux-64/1.1.0   | sudo tar -xvj -C /usr/local bin/micromamba # buildkit', comment: BK },
      {
        created: at,
        createdBy: `ENV MAMBA_EXE=/usr/local/bin/micromamba MAMBA_ROOT_PREFIX=/home/user/micromamba CONDA_PREFIX=/home/user/micromamba PATH=/home/user/micromamba/bin:${CUDA_PATH}`,
        comment: BK,
        empty: true,
      },
      { created: at, createdBy: 'COPY conda-linux-64.lock /app/conda-linux-64.lock # buildkit', comment: BK },
      {
        created: at,
        createdBy:
          'RUN /bin/sh -c micromamba create -qy -n base -f /app/conda-linux-64.lock  && rm /app/conda-linux-64.lock  && micromamba shell init --shell=bash --prefix="$MAMBA_ROOT_PREFIX"  && micromamba clean -qya # buildkit',
        comment: BK,
      },
      { created: at, createdBy: 'RUN /bin/sh -c ln -s "$CONDA_PREFIX/lib/libnvrtc.so.11.8.89" "$CONDA_PREFIX/lib/libnvrtc.so" # buildkit', comment: BK },
      { created: at, createdBy: 'CMD ["python3"]', comment: BK, empty: true },
    ],
    layers: [
      {
        key: 'ubuntu:22.04@2023-08-04',
        size: 29_534_055,
        unpacked: 77_820_000,
        created: '2023-08-04T04:39:12Z',
        tree: () => ubuntuBase({ version: '22.04', point: '22.04.3', codename: 'jammy', name: 'Jammy Jellyfish' }, days('2023-08-04')),
        bulk: UBUNTU_BULK,
      },
      { key: 'nvidia/cuda:11.8.0-base keyring', size: 4_620_132, unpacked: 11_260_000, created: nv, tree: () => cudaSourceLayer('ubuntu2204'), bulk: [['/usr/lib/x86_64-linux-gnu/libgnutls.so.30.31.0', 1], ['/usr/bin/gpgv', 1]] },
      { key: 'nvidia/cuda:11.8.0-base cudart', size: 56_210_446, unpacked: 161_640_000, created: nv, tree: () => cudaRuntimeLayer('11.8'), bulk: cudaRuntimeBulk('11.8') },
      small('nvidia/cuda:11.8.0-base ldconfig', nv, cudaLdconfigLayer, 187),
      small('anibali/pytorch:2.0.1 rm sources', at, () => removeSourcesLayer(['cuda-ubuntu2204-x86_64.list']), 165),
      { key: 'anibali/pytorch:2.0.1 utilities', size: 48_230_519, unpacked: 141_700_000, created: at, tree: utilitiesLayer, bulk: UTILITIES_BULK },
      small('anibali/pytorch:2.0.1 mkdir /app', at, appDirLayer, 93),
      small('anibali/pytorch:2.0.1 adduser', at, userLayer, 4_230),
      small('anibali/pytorch:2.0.1 sudoers', at, sudoersLayer, 192),
      small('anibali/pytorch:2.0.1 home', at, homeDirsLayer, 1_041),
      { key: 'anibali/pytorch:2.0.1 micromamba', size: 5_210_870, unpacked: 'exact', created: at, tree: micromambaLayer },
      {
        key: 'anibali/pytorch:2.0.1 lock',
        size: 9_412,
        unpacked: 'exact',
        created: at,
        tree: () => ({ '/app/': { type: 'dir', ...USER }, '/app/conda-linux-64.lock': '# Generated by conda-lock.\n# platform: linux-64\n@EXPLICIT\nhttps://conda.anaconda.org/pytorch/linux-64/pytorch-2.0.1-py3.11_cuda11.8_cudnn8.7.0_0.tar.bz2\n' }),
      },
      {
        key: 'anibali/pytorch:2.0.1 env',
        size: 3_420_377_004,
        unpacked: 6_210_000_000,
        created: at,
        tree: () => condaLayer(CONDA_201),
        bulk: condaBulk(CONDA_201),
        bulkOwner: USER,
        owner: USER,
      },
      {
        key: 'anibali/pytorch:2.0.1 libnvrtc',
        size: 166,
        unpacked: 'exact',
        created: at,
        owner: USER,
        tree: () => ({ '/home/': { type: 'dir', uid: 0, gid: 0 }, '/home/user/micromamba/lib/libnvrtc.so': symlink('/home/user/micromamba/lib/libnvrtc.so.11.8.89', USER) }),
      },
    ],
    publication: 'oci-index',
    source: 'anibali/docker-pytorch dockerfiles/2.0.1-cuda11.8-ubuntu22.04; sizes estimated',
  };
}

export const PYTORCH_IMAGES: readonly ImageDef[] = [pytorch181(), pytorch1100(), pytorchLatest()];
