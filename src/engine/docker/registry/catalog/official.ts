/**
 * The official images the course uses, as Docker Hub served them at the snapshot dates of
 * /work/shared/fidelity/registry-facts.md and docker-library/repo-info:
 * compressed layer sizes and digests, configs, build histories and dates are real (linux/amd64);
 * uncompressed sizes are repo-info's "Virtual Size" where published and estimates otherwise
 * (marked). Digests of configs, manifests and indexes are computed from our own content.
 */
import { program } from '../program';
import { ALPINE_BULK, BUSYBOX_BULK, DEBIAN_BULK, UBUNTU_BULK, alpineRoot, busyboxRoot, debianSlim, ubuntuBase } from '../rootfs/distros';
import { PYTHON_RUNTIME_BULK, getPipBulk, getPipLayer, pythonBuildBulk, pythonBuildLayer, pythonRuntimeLayer, pythonSymlinkLayer } from '../rootfs/python';
import type { PythonVersion } from '../rootfs/python';
import { APT_BULLSEYE, APT_TRIXIE, BUILD_311, BUILD_312, BUILD_37, GET_PIP_37, SYMLINKS, SYMLINKS_37 } from './python-history';
import type { HistoryDef, ImageDef, LayerDef } from './types';

const BUILDKIT = 'buildkit.dockerfile.v0';
const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const PYTHON_PATH = 'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Days since the epoch of a date, for /etc/shadow's "last changed". */
function days(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

// ---- Debian bases -------------------------------------------------------------------------------

/** debian:trixie-slim of 2026-08-03, the base of python:3.11-slim and 3.12-slim (shared layer). */
const TRIXIE_SLIM: LayerDef = {
  key: 'debian:trixie-slim@2026-08-03',
  digest: 'sha256:26c307b5e35a59ce911f5fde5b9458120ec8734e831ea2da5649a9ad14abfd3d',
  size: 29_780_765,
  unpacked: 78_616_000, // estimate: repo-info's debian:13-slim is not in the index
  created: '2026-08-03T00:00:00Z',
  tree: () => debianSlim({ codename: 'trixie', major: '13', point: '13.6' }, days('2026-08-03')),
  bulk: DEBIAN_BULK,
};
const TRIXIE_HISTORY: HistoryDef = {
  created: '2026-08-03T00:00:00Z',
  createdBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1785715200'",
  comment: 'debuerreotype 0.17',
};

const BOOKWORM_SLIM: LayerDef = {
  key: 'debian:bookworm-slim@2026-09-18',
  digest: 'sha256:774043ccc8ccd0d0833a9ee0792142ab7ad93df971e59dd248fbf82db16d0150',
  size: 28_238_443,
  unpacked: 74_830_000, // repo-info local bookworm-slim (2026-08-24): ~74.83 MB
  created: '2026-09-18T00:00:00Z',
  tree: () => debianSlim({ codename: 'bookworm', major: '12', point: '12.15' }, days('2026-09-18')),
  bulk: DEBIAN_BULK,
};

const BULLSEYE_SLIM: LayerDef = {
  key: 'debian:bullseye-slim@2023-01-11',
  digest: 'sha256:8740c948ffd4c816ea7ca963f99ca52f4788baa23f228da9581a9ea2edd3fcd7',
  size: 31_396_972,
  unpacked: 80_420_000, // estimate (bullseye-slim was ~80 MB); the image total is real
  created: '2023-01-11T02:34:44Z',
  tree: () => debianSlim({ codename: 'bullseye', major: '11', point: '11.6' }, days('2023-01-11')),
  bulk: DEBIAN_BULK,
};

// ---- python -------------------------------------------------------------------------------------

function pythonSlim(options: {
  v: PythonVersion;
  gpg: string;
  sha256: string;
  created: string;
  envAt: string;
  buildAt: string;
  runtime: { digest: string; size: number };
  build: { digest: string; size: number; unpacked: number };
  links: { digest: string; size: number };
  script: string;
  tags: string[];
}): ImageDef {
  const { v } = options;
  const env = [PYTHON_PATH, 'LANG=C.UTF-8', `GPG_KEY=${options.gpg}`, `PYTHON_VERSION=${v.version}`, `PYTHON_SHA256=${options.sha256}`];
  return {
    repo: 'library/python',
    tags: options.tags,
    created: options.created,
    config: { Env: env, Cmd: ['python3'] },
    history: [
      TRIXIE_HISTORY,
      { created: options.envAt, createdBy: `ENV ${PYTHON_PATH}`, comment: BUILDKIT, empty: true },
      { created: options.envAt, createdBy: 'ENV LANG=C.UTF-8', comment: BUILDKIT, empty: true },
      { created: options.envAt, createdBy: `RUN /bin/sh -c ${APT_TRIXIE} # buildkit`, comment: BUILDKIT },
      { created: options.envAt, createdBy: `ENV GPG_KEY=${options.gpg}`, comment: BUILDKIT, empty: true },
      { created: options.envAt, createdBy: `ENV PYTHON_VERSION=${v.version}`, comment: BUILDKIT, empty: true },
      { created: options.envAt, createdBy: `ENV PYTHON_SHA256=${options.sha256}`, comment: BUILDKIT, empty: true },
      { created: options.buildAt, createdBy: `RUN /bin/sh -c ${options.script} # buildkit`, comment: BUILDKIT },
      { created: options.created, createdBy: `RUN /bin/sh -c ${SYMLINKS} # buildkit`, comment: BUILDKIT },
      { created: options.created, createdBy: 'CMD ["python3"]', comment: BUILDKIT, empty: true },
    ],
    layers: [
      TRIXIE_SLIM,
      {
        key: `python:${v.minor}-slim runtime`,
        ...options.runtime,
        unpacked: 4_108_000,
        created: options.envAt,
        tree: pythonRuntimeLayer,
        bulk: PYTHON_RUNTIME_BULK,
      },
      {
        key: `python:${v.minor}-slim build`,
        ...options.build,
        created: options.buildAt,
        tree: () => pythonBuildLayer(v, true),
        bulk: pythonBuildBulk(v.minor),
      },
      {
        key: `python:${v.minor}-slim symlinks`,
        ...options.links,
        unpacked: 'exact',
        created: options.created,
        tree: () => pythonSymlinkLayer(true),
      },
    ],
    publication: 'oci-index',
    source: 'repo-info repos/python/remote (2026-08-05), local (Virtual Size)',
  };
}

/** python:3.11-slim — 3.11.15 on trixie, 45,520,747 bytes compressed, ~124.84 MB (125MB) unpacked. */
export const PYTHON_311_SLIM = pythonSlim({
  v: { version: '3.11.15', minor: '3.11', pip: '24.0', setuptools: '79.0.1', wheel: '0.46.3' },
  gpg: 'A035C8C19219BA821ECEA86B64E628F8D684696D',
  sha256: '272179ddd9a2e41a0fc8e42e33dfbdca0b3711aa5abf372d3f2d51543d09b625',
  created: '2026-08-05T01:12:29.228607556Z',
  envAt: '2026-08-05T01:05:13Z',
  buildAt: '2026-08-05T01:12:29Z',
  runtime: { digest: 'sha256:2835c55197170c643a531e330159e6c5c215f044e97d1cde2ee1f3056c5ad840', size: 1_293_262 },
  // 124.84 MB total (repo-info local) minus the base and runtime layers
  build: { digest: 'sha256:bbaff5426d0f7209ef9826582b46945e0e6851829b308e906c9c05874cf70915', size: 14_446_471, unpacked: 42_116_000 },
  links: { digest: 'sha256:0fc9203b193a8869d7e8cdb9754932db059f4a0d5b9812b000b47d1f5d0b4488', size: 249 },
  script: BUILD_311,
  tags: ['3.11-slim', '3.11.15-slim', '3.11-slim-trixie', '3.11.15-slim-trixie'],
});

/** python:3.12-slim — 3.12.13 on trixie, 43,188,023 bytes compressed, ~119.2 MB unpacked. */
export const PYTHON_312_SLIM = pythonSlim({
  v: { version: '3.12.13', minor: '3.12', pip: '25.0.1' },
  gpg: '7169605F62C751356D054A26A821E680E5FA6305',
  sha256: 'c08bc65a81971c1dd5783182826503369466c7e67374d1646519adf05207b684',
  created: '2026-08-05T01:12:35Z',
  envAt: '2026-08-05T01:04:15Z',
  buildAt: '2026-08-05T01:12:35Z',
  runtime: { digest: 'sha256:5a31db4cd47898e862a567028aa41f7a11d814cf69be6904173402a8b8eac5cb', size: 1_293_276 },
  build: { digest: 'sha256:c85ad0bcaca895afa08053538ec1ea7642c7e9e05f5684d18e3627a2316ca8ae', size: 12_113_733, unpacked: 36_476_000 },
  links: { digest: 'sha256:b3c7a9bdb4f2a30d0a1358438d1539c06b86da99135cfd9d92756863cc87ae18', size: 249 },
  script: BUILD_312,
  tags: ['3.12-slim', '3.12.13-slim', '3.12-slim-trixie', '3.12.13-slim-trixie'],
});

/**
 * python:3.7-slim as of the repo-info snapshot of 2023-01-24 (3.7.16 on bullseye, 46,381,278 bytes
 * compressed, ~122.90 MB unpacked). The tag later moved to 3.7.17-slim-bookworm and froze (EOL).
 */
const PY37: PythonVersion = { version: '3.7.16', minor: '3.7', pip: '22.0.4', setuptools: '57.5.0', wheel: '0.38.4' };
const NOP = '/bin/sh -c #(nop) ';
export const PYTHON_37_SLIM: ImageDef = {
  repo: 'library/python',
  tags: ['3.7-slim', '3.7.16-slim', '3.7-slim-bullseye', '3.7.16-slim-bullseye'],
  created: '2023-01-24T00:55:55.148946311Z',
  config: {
    Env: [
      PYTHON_PATH,
      'LANG=C.UTF-8',
      'GPG_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D',
      'PYTHON_VERSION=3.7.16',
      'PYTHON_PIP_VERSION=22.0.4',
      'PYTHON_SETUPTOOLS_VERSION=57.5.0',
      'PYTHON_GET_PIP_URL=https://github.com/pypa/get-pip/raw/66030fa03382b4914d4c4d0896961a0bdeeeb274/public/get-pip.py',
      'PYTHON_GET_PIP_SHA256=1e501cf004eac1b7eb1f97266d28f995ae835d30250bec7f8850562703067dc6',
    ],
    Cmd: ['python3'],
  },
  history: [
    { created: '2023-01-11T02:34:44Z', createdBy: `${NOP}ADD file:e2398d0bf516084b2b37ba1bb76b86d56e66999831df692461679fbd6a5d8eb6 in / ` },
    { created: '2023-01-11T02:34:44Z', createdBy: `${NOP} CMD ["bash"]`, empty: true },
    { created: '2023-01-11T13:21:07Z', createdBy: `${NOP} ENV ${PYTHON_PATH}`, empty: true },
    { created: '2023-01-11T13:21:07Z', createdBy: `${NOP} ENV LANG=C.UTF-8`, empty: true },
    { created: '2023-01-11T13:21:12Z', createdBy: `/bin/sh -c ${APT_BULLSEYE}` },
    { created: '2023-01-11T16:52:12Z', createdBy: `${NOP} ENV GPG_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D`, empty: true },
    { created: '2023-01-11T16:52:12Z', createdBy: `${NOP} ENV PYTHON_VERSION=3.7.16`, empty: true },
    { created: '2023-01-24T00:55:43Z', createdBy: `/bin/sh -c ${BUILD_37}` },
    { created: '2023-01-24T00:55:44Z', createdBy: `/bin/sh -c ${SYMLINKS_37}` },
    { created: '2023-01-24T00:55:44Z', createdBy: `${NOP} ENV PYTHON_PIP_VERSION=22.0.4`, empty: true },
    { created: '2023-01-24T00:55:44Z', createdBy: `${NOP} ENV PYTHON_SETUPTOOLS_VERSION=57.5.0`, empty: true },
    {
      created: '2023-01-24T00:55:44Z',
      createdBy: `${NOP} ENV PYTHON_GET_PIP_URL=https://github.com/pypa/get-pip/raw/66030fa03382b4914d4c4d0896961a0bdeeeb274/public/get-pip.py`,
      empty: true,
    },
    { created: '2023-01-24T00:55:44Z', createdBy: `${NOP} ENV PYTHON_GET_PIP_SHA256=1e501cf004eac1b7eb1f97266d28f995ae835d30250bec7f8850562703067dc6`, empty: true },
    { created: '2023-01-24T00:55:55Z', createdBy: `/bin/sh -c ${GET_PIP_37}` },
    { created: '2023-01-24T00:55:55Z', createdBy: `${NOP} CMD ["python3"]`, empty: true },
  ],
  layers: [
    BULLSEYE_SLIM,
    {
      key: 'python:3.7-slim runtime',
      digest: 'sha256:69038a8b17e6522ee257591b4fedd33c5a44012d99fa761409aa2753414fdfc5',
      size: 1_076_311,
      unpacked: 3_280_000,
      created: '2023-01-11T13:21:12Z',
      tree: pythonRuntimeLayer,
      bulk: PYTHON_RUNTIME_BULK,
    },
    {
      key: 'python:3.7-slim build',
      digest: 'sha256:cfed35266d5f01e2fedde9735af15f81ea0425c939e5ee215a57e6cbb1388c64',
      size: 10_729_376,
      unpacked: 30_300_000,
      created: '2023-01-24T00:55:43Z',
      tree: () => pythonBuildLayer(PY37, false),
      bulk: pythonBuildBulk('3.7').filter(([p]) => !p.includes('site-packages') && !p.includes('ensurepip')),
    },
    {
      key: 'python:3.7-slim symlinks',
      digest: 'sha256:36d2947b78ce8a62948d606340ac814ac05d4ceee5221473bda2dded2dd8be4f',
      size: 234,
      unpacked: 'exact',
      created: '2023-01-24T00:55:44Z',
      tree: () => pythonSymlinkLayer(false),
    },
    {
      key: 'python:3.7-slim get-pip',
      digest: 'sha256:a92d0938373067a6fef10d12ac5393689f64fad87b88a41cf785a78fba56287e',
      size: 3_178_385,
      // 122.90 MB total (repo-info local) minus the layers above
      unpacked: 8_900_000,
      created: '2023-01-24T00:55:55Z',
      tree: () => getPipLayer(PY37),
      bulk: getPipBulk('3.7'),
    },
  ],
  publication: 'docker-list',
  source: 'repo-info repos/python/remote/3.7-slim.md (72e4be7, 2023-01-24); facts: ~122.90 MB',
};

// ---- Debian, Ubuntu, Alpine, BusyBox, hello-world ----------------------------------------------

export const DEBIAN_BOOKWORM_SLIM: ImageDef = {
  repo: 'library/debian',
  tags: ['bookworm-slim', '12-slim', '12.15-slim', 'bookworm-20260918-slim'],
  created: '2026-09-18T00:00:00Z',
  config: { Env: [DEFAULT_PATH], Cmd: ['bash'] },
  history: [{ created: '2026-09-18T00:00:00Z', createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1789689600'", comment: 'debuerreotype 0.17' }],
  layers: [BOOKWORM_SLIM],
  publication: 'oci-index',
  source: 'repo-info repos/debian/remote/bookworm-20260918-slim.md; local bookworm-slim ~74.83 MB',
};

export const DEBIAN_TRIXIE_SLIM: ImageDef = {
  repo: 'library/debian',
  tags: ['trixie-slim', '13-slim', '13.6-slim', 'trixie-20260803-slim'],
  created: '2026-08-03T00:00:00Z',
  config: { Env: [DEFAULT_PATH], Cmd: ['bash'] },
  history: [TRIXIE_HISTORY],
  layers: [TRIXIE_SLIM],
  publication: 'oci-index',
  source: 'the base layer of python:3.11-slim (repo-info); unpacked size estimated',
};

export const UBUNTU_2204: ImageDef = {
  repo: 'library/ubuntu',
  tags: ['22.04', 'jammy', 'jammy-20260731'],
  created: '2026-07-31T21:53:12Z',
  config: { Env: [DEFAULT_PATH], Cmd: ['/bin/bash'], Labels: { 'org.opencontainers.image.version': '22.04' } },
  history: [
    { created: '2026-07-31T21:53:09Z', createdBy: `${NOP} ARG RELEASE`, empty: true },
    { created: '2026-07-31T21:53:09Z', createdBy: `${NOP} ARG LAUNCHPAD_BUILD_ARCH`, empty: true },
    { created: '2026-07-31T21:53:09Z', createdBy: `${NOP} LABEL org.opencontainers.image.version=22.04`, empty: true },
    { created: '2026-07-31T21:53:11Z', createdBy: `${NOP}ADD file:4501ff54ffd37d854b1cfbcd2e37da58bf8a49da3a6a82232d03e7556d337a92 in / ` },
    { created: '2026-07-31T21:53:12Z', createdBy: `${NOP} CMD ["/bin/bash"]`, empty: true },
  ],
  layers: [
    {
      key: 'ubuntu:22.04@2026-07-31',
      digest: 'sha256:39a945af8df2ad9343f141c82355d3f2c4b576d432eda34c460d630607462b60',
      size: 29_736_517,
      unpacked: 78_080_000, // repo-info local: ~78.08 MB
      created: '2026-07-31T21:53:11Z',
      tree: () => ubuntuBase({ version: '22.04', point: '22.04.5', codename: 'jammy', name: 'Jammy Jellyfish' }, days('2026-07-31')),
      bulk: UBUNTU_BULK,
    },
  ],
  publication: 'oci-index',
  source: 'repo-info repos/ubuntu/remote/22.04.md (2026-07-31); local ~78.08 MB',
};

const ALPINE_LAYER: LayerDef = {
  key: 'alpine:3.24.2',
  digest: 'sha256:e2de96513ba9eb53b431787ec8a65cdde380ac4772a3e4c4b714dcfde2a102b5',
  size: 3_849_738,
  unpacked: 8_440_000, // estimate (~2.2x the compressed size); no published number
  created: '2026-09-17T20:37:20Z',
  tree: () => alpineRoot('3.24.2'),
  bulk: ALPINE_BULK,
};

export const ALPINE: ImageDef = {
  repo: 'library/alpine',
  tags: ['latest', '3', '3.24', '3.24.2'],
  created: '2026-09-17T20:37:20Z',
  config: { Env: [DEFAULT_PATH], Cmd: ['/bin/sh'] },
  history: [
    { created: '2026-09-17T20:37:20Z', createdBy: 'ADD alpine-minirootfs-3.24.2-x86_64.tar.gz / # buildkit', comment: BUILDKIT },
    { created: '2026-09-17T20:37:20Z', createdBy: 'CMD ["/bin/sh"]', comment: BUILDKIT, empty: true },
  ],
  layers: [ALPINE_LAYER],
  publication: 'oci-index',
  source: 'repo-info repos/alpine/remote/latest.md (2026-09-17); unpacked size estimated',
};

export const BUSYBOX: ImageDef = {
  repo: 'library/busybox',
  tags: ['latest', '1', '1.38', '1.38.0', 'glibc', '1-glibc', '1.38-glibc', '1.38.0-glibc', 'stable'],
  created: '2026-05-13T02:21:49Z',
  config: { Env: [DEFAULT_PATH], Cmd: ['sh'] },
  history: [{ created: '2026-05-13T02:21:49Z', createdBy: 'BusyBox 1.38.0 (glibc), Debian 13' }],
  layers: [
    {
      key: 'busybox:1.38.0-glibc',
      digest: 'sha256:b05093807bb0294152bb9cf86d64da722732dddaf7f8882fa1f120477dbc4db3',
      size: 2_226_327,
      unpacked: 4_450_000, // repo-info local: ~4.45 MB
      created: '2026-05-13T02:21:49Z',
      tree: busyboxRoot,
      bulk: BUSYBOX_BULK,
    },
  ],
  publication: 'oci-index',
  source: 'repo-info repos/busybox/remote/latest.md, local/latest.md',
};

export const HELLO_WORLD: ImageDef = {
  repo: 'library/hello-world',
  tags: ['latest', 'linux'],
  created: '2026-03-23T21:33:59Z',
  config: { Env: [DEFAULT_PATH], Cmd: ['/hello'] },
  history: [
    { created: '2026-03-23T21:33:59Z', createdBy: 'COPY hello / # buildkit', comment: BUILDKIT },
    { created: '2026-03-23T21:33:59Z', createdBy: 'CMD ["/hello"]', comment: BUILDKIT, empty: true },
  ],
  layers: [
    {
      key: 'hello-world:latest',
      digest: 'sha256:4f55086f7dd096d48b0e49be066971a8ed996521c2e190aa21b2435a847198b4',
      size: 2_415,
      unpacked: 'exact',
      created: '2026-03-23T21:33:59Z',
      // the static `hello` binary; 13,256 bytes is an estimate
      tree: () => ({ '/hello': program('hello', {}, 13_256) }),
    },
  ],
  publication: 'oci-index',
  source: 'repo-info repos/hello-world/remote/latest.md (2026-03-23); binary size estimated',
};

export const OFFICIAL_IMAGES: readonly ImageDef[] = [
  PYTHON_37_SLIM,
  PYTHON_311_SLIM,
  PYTHON_312_SLIM,
  DEBIAN_BOOKWORM_SLIM,
  DEBIAN_TRIXIE_SLIM,
  UBUNTU_2204,
  ALPINE,
  BUSYBOX,
  HELLO_WORLD,
];
