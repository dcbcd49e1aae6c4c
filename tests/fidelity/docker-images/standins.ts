/**
 * The lab's Docker Hub, as the simulator's registries: the reference engine pulls from a registry
 * mirror that serves stand-ins built from Debian (/work/shared/tools/reallab.sh images), not the
 * real python and pytorch images. So that pull, images, history and inspect can be compared line
 * for line, the fidelity corpus runs against the same stand-ins: one layer each, made by
 * `docker import` (history "Imported from -", no CREATED BY), OCI manifests without an index,
 * python:3.11-slim and python:3.7-slim the same image. Sizes are the lab's (compressed layer,
 * unpacked bytes); ids and digests cannot be (different bytes) and are normalised away.
 *
 * A second registry stands for the lab's registry:2 on 127.0.0.1:5000 (login, push).
 */
import { DockerHub } from '../../../src/engine/docker/registry';
import type { ImageDef } from '../../../src/engine/docker/registry';

const ENV = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8'];

function imported(options: { repo: string; tags: string[]; created: string; key: string; size: number; unpacked: number; workdir?: string }): ImageDef {
  return {
    repo: options.repo,
    tags: options.tags,
    created: options.created,
    config: { Env: [...ENV], Cmd: ['python3'], ...(options.workdir ? { WorkingDir: options.workdir } : {}) },
    history: [{ created: options.created, createdBy: '', comment: 'Imported from -' }],
    layers: [
      {
        key: options.key,
        size: options.size,
        unpacked: options.unpacked,
        created: options.created,
        tree: () => ({
          'etc/debian_version': '12.12\n',
          'usr/bin/python3': { type: 'symlink', target: 'python3.11' },
          'usr/bin/python': { type: 'symlink', target: 'python3' },
        }),
        bulk: [
          ['usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0', 3],
          ['usr/lib/python3.11/stand-in', 7],
        ],
      },
    ],
    publication: 'oci-manifest',
    source: 'the lab stand-ins (reallab.sh images): debootstrap --variant=minbase, docker import',
  };
}

export const STAND_INS: readonly ImageDef[] = [
  imported({
    repo: 'library/python',
    tags: ['3.11-slim', '3.7-slim'],
    created: '2026-11-26T06:52:16.366499337Z',
    key: 'lab-stand-in:python',
    size: 121_642_661,
    unpacked: 259_700_000,
  }),
  imported({
    repo: 'anibali/pytorch',
    tags: ['1.10.0-nocuda'],
    created: '2026-11-26T06:55:00.816165439Z',
    key: 'lab-stand-in:pytorch',
    size: 745_878_246,
    unpacked: 1_658_200_000,
    workdir: '/app',
  }),
];

/** The lab's Docker Hub mirror. */
export function standInHub(): DockerHub {
  return new DockerHub({ images: STAND_INS });
}

/** The lab's registry:2 (empty; student/learn-docker may log in and push to student/…). */
export function localRegistry(): DockerHub {
  return new DockerHub({ images: [] });
}
