/**
 * The simulated Docker Hub's images against registry-facts.md and docker-library/repo-info:
 * compressed sizes and layer digests (what a pull shows), unpacked sizes (what `docker images`
 * shows on the graphdriver store), configs, and root filesystems that look like the real ones.
 */
import { describe, expect, test } from 'vitest';
import { OverlayFs } from '../../../src/engine/fs';
import { classifyExecutable, programIdOf } from '../../../src/engine/shell/executable';
import { COURSE_IMAGES, DockerHub, buildImage, program } from '../../../src/engine/docker/registry';
import type { BuiltImage } from '../../../src/engine/docker/registry';
import type { LayerBlob } from '../../../src/engine/docker/daemon';
import { parseNormalizedNamed } from '../../../src/engine/docker/daemon/reference';

const hub = new DockerHub();

function image(ref: string): BuiltImage {
  const r = parseNormalizedNamed(ref);
  const b = hub.official(r.path, r.tag ?? 'latest');
  if (!b) throw new Error(`no ${ref}`);
  return b;
}

function layersOf(b: BuiltImage): LayerBlob[] {
  const manifest = b.blobs.find((x) => x.kind === 'manifest' && x.manifest.layers.length > 0 && x.manifest.layers[0]!.mediaType.includes('tar'));
  if (manifest?.kind !== 'manifest') throw new Error('no manifest');
  return manifest.manifest.layers.map((l) => b.blobs.find((x) => x.digest === l.digest) as LayerBlob);
}

function rootfs(ref: string): OverlayFs {
  return new OverlayFs(layersOf(image(ref)).map((l) => l.layer));
}

describe('sizes and digests (registry-facts.md, repo-info)', () => {
  test.each([
    // ref, compressed bytes (linux/amd64 total), unpacked bytes ("Virtual Size"), first layer id
    ['python:3.7-slim', 46_381_278, 122_900_000, '8740c948ffd4'],
    ['python:3.11-slim', 45_520_747, 124_840_000, '26c307b5e35a'],
    ['python:3.12-slim', 43_188_023, 119_200_000, '26c307b5e35a'],
    ['ubuntu:22.04', 29_736_517, 78_080_000, '39a945af8df2'],
    ['debian:bookworm-slim', 28_238_443, 74_830_000, '774043ccc8cc'],
    ['alpine:latest', 3_849_738, 8_440_000, 'e2de96513ba9'],
    ['busybox:latest', 2_226_327, 4_450_000, 'b05093807bb0'],
  ])('%s', (ref, compressed, unpacked, first) => {
    const layers = layersOf(image(ref));
    expect(layers.reduce((n, l) => n + l.size, 0)).toBe(compressed);
    expect(layers.reduce((n, l) => n + l.unpackedSize, 0)).toBe(unpacked);
    expect(layers[0]!.digest.slice(7, 19)).toBe(first);
  });

  test('python:3.7-slim layer ids as a pull shows them (facts)', () => {
    expect(layersOf(image('python:3.7-slim')).map((l) => l.digest.slice(7, 19))).toEqual(['8740c948ffd4', '69038a8b17e6', 'cfed35266d5f', '36d2947b78ce', 'a92d09383730']);
  });

  test('anibali/pytorch: nocuda about 1.7 GB, CUDA images several GB (estimates)', () => {
    const total = (ref: string) => layersOf(image(ref)).reduce((n, l) => n + l.unpackedSize, 0);
    expect(total('anibali/pytorch:1.10.0-nocuda')).toBeGreaterThan(1_600_000_000);
    expect(total('anibali/pytorch:1.10.0-nocuda')).toBeLessThan(2_000_000_000);
    expect(total('anibali/pytorch:1.8.1-cuda11.1')).toBeGreaterThan(4_000_000_000);
    expect(total('anibali/pytorch:latest')).toBeGreaterThan(total('anibali/pytorch:1.8.1-cuda11.1'));
  });

  test('aliases are the same image; 3.11 and 3.12 share the Debian layer', () => {
    expect(image('python:3.11-slim').target).toEqual(image('python:3.11.15-slim-trixie').target);
    expect(image('anibali/pytorch:1.10.0-nocuda').target).toEqual(image('anibali/pytorch:1.10.0-nocuda-ubuntu20.04').target);
    expect(image('anibali/pytorch:latest').target).toEqual(image('anibali/pytorch:2.0.1-cuda11.8-ubuntu22.04').target);
    expect(layersOf(image('python:3.11-slim'))[0]).toBe(layersOf(image('python:3.12-slim'))[0]);
    expect(layersOf(image('debian:trixie-slim'))[0]).toBe(layersOf(image('python:3.12-slim'))[0]);
  });

  test('every catalog image builds and is deterministic', () => {
    for (const def of COURSE_IMAGES) {
      const a = buildImage(def);
      const b = buildImage(def);
      expect(a.target).toEqual(b.target);
    }
  });

  test('the lesson’s tags exist, others do not', () => {
    const tags = new Map(hub.catalog().map((c) => [c.repo, c.tags]));
    expect(tags.get('library/python')).toEqual(expect.arrayContaining(['3.7-slim', '3.11-slim', '3.12-slim']));
    expect(tags.get('anibali/pytorch')).toEqual(
      expect.arrayContaining(['1.8.1-cuda11.1', '1.8.1-cuda11.1-ubuntu20.04', '1.10.0-nocuda', '1.10.0-nocuda-ubuntu20.04', 'latest']),
    );
    expect(tags.get('anibali/pytorch')).not.toContain('1.10.0-nocuda-ubuntu22.04');
    expect(tags.get('library/alpine')).toEqual(expect.arrayContaining(['latest', '3.24']));
    expect(tags.get('library/hello-world')).toContain('latest');
  });
});

describe('configs', () => {
  const config = (ref: string) => {
    const c = image(ref).blobs.find((b) => b.kind === 'config' && b.config.os === 'linux');
    if (c?.kind !== 'config') throw new Error('no config');
    return c.config;
  };

  test('python:3.11-slim (repo-info)', () => {
    const c = config('python:3.11-slim');
    expect(c.config).toEqual({
      Env: [
        'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'LANG=C.UTF-8',
        'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
        'PYTHON_VERSION=3.11.15',
        'PYTHON_SHA256=272179ddd9a2e41a0fc8e42e33dfbdca0b3711aa5abf372d3f2d51543d09b625',
      ],
      Cmd: ['python3'],
    });
    expect(c.created).toBe('2026-08-05T01:12:29.228607556Z');
    expect(c.history!.filter((h) => !h.empty_layer)).toHaveLength(4);
    expect(c.history!.every((h, i) => i === 0 || h.comment === 'buildkit.dockerfile.v0')).toBe(true);
  });

  test('ubuntu, alpine, busybox, hello-world', () => {
    expect(config('ubuntu:22.04').config).toEqual({
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      Cmd: ['/bin/bash'],
      Labels: { 'org.opencontainers.image.version': '22.04' },
    });
    expect(config('alpine').config.Cmd).toEqual(['/bin/sh']);
    expect(config('busybox').config.Cmd).toEqual(['sh']);
    expect(config('hello-world').config.Cmd).toEqual(['/hello']);
    expect(config('python:3.7-slim').config.Env).toContain('PYTHON_PIP_VERSION=22.0.4');
  });
});

describe('root filesystems', () => {
  test('python:3.11-slim: Debian 13, python in /usr/local/bin, pip/setuptools/wheel', () => {
    const fs = rootfs('python:3.11-slim');
    expect(fs.readText('/etc/os-release')).toContain('PRETTY_NAME="Debian GNU/Linux 13 (trixie)"');
    expect(fs.readlink('/bin')).toBe('usr/bin');
    expect(fs.readlink('/usr/bin/sh')).toBe('dash');
    expect(programIdOf(fs, '/bin/sh')).toBe('dash');
    expect(programIdOf(fs, '/bin/bash')).toBe('bash');
    expect(programIdOf(fs, '/usr/bin/ls')).toBe('ls');
    expect(fs.readlink('/usr/local/bin/python')).toBe('python3');
    expect(fs.readlink('/usr/local/bin/python3')).toBe('python3.11');
    expect(programIdOf(fs, '/usr/local/bin/python')).toBe('python3');
    expect(classifyExecutable(fs.readText('/usr/local/bin/pip3'))).toEqual({ kind: 'script', interpreter: '/usr/local/bin/python3.11' });
    expect(fs.readlink('/usr/local/bin/pip')).toBe('pip3');
    const sp = fs.readdir('/usr/local/lib/python3.11/site-packages').map((e) => e.name);
    expect(sp).toEqual(expect.arrayContaining(['pip', 'pip-24.0.dist-info', 'setuptools', 'setuptools-79.0.1.dist-info', 'wheel', 'wheel-0.46.3.dist-info']));
    expect(fs.readText('/etc/passwd')).toMatch(/^root:x:0:0:root:\/root:\/bin\/bash\n/);
    expect(fs.stat('/tmp').mode).toBe(0o1777);
    expect(fs.stat('/root').mode).toBe(0o700);
    expect(fs.readlink('/etc/localtime')).toBe('/usr/share/zoneinfo/Etc/UTC');
    expect(fs.readdir('/').map((e) => e.name)).toEqual(['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var']);
  });

  test('python:3.12-slim ships pip only; python:3.7-slim is bullseye without merged /usr', () => {
    const fs = rootfs('python:3.12-slim');
    const sp = fs.readdir('/usr/local/lib/python3.12/site-packages').map((e) => e.name);
    expect(sp).toContain('pip');
    expect(sp).not.toContain('setuptools');
    const old = rootfs('python:3.7-slim');
    expect(old.readText('/etc/os-release')).toContain('PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"');
    expect(old.lstat('/bin').kind).toBe('dir');
    expect(programIdOf(old, '/bin/bash')).toBe('bash');
    expect(old.readlink('/usr/local/bin/python3')).toBe('python3.7');
    expect(old.readdir('/usr/local/lib/python3.7/site-packages').map((e) => e.name)).toEqual(
      expect.arrayContaining(['pip-22.0.4.dist-info', 'setuptools-57.5.0.dist-info', 'wheel-0.38.4.dist-info']),
    );
  });

  test('ubuntu:22.04, alpine, busybox, hello-world', () => {
    const u = rootfs('ubuntu:22.04');
    expect(u.readText('/etc/os-release')).toContain('PRETTY_NAME="Ubuntu 22.04.5 LTS"');
    expect(programIdOf(u, '/bin/bash')).toBe('bash');
    expect(u.readlink('/lib32')).toBe('usr/lib32');
    const a = rootfs('alpine');
    expect(a.readText('/etc/os-release')).toContain('PRETTY_NAME="Alpine Linux v3.24"');
    expect(a.readText('/etc/alpine-release')).toBe('3.24.2\n');
    expect(a.readlink('/bin/sh')).toBe('/bin/busybox');
    expect(programIdOf(a, '/bin/sh')).toBe('busybox');
    expect(a.exists('/bin/bash')).toBe(false);
    expect(programIdOf(a, '/sbin/apk')).toBe('apk');
    const b = rootfs('busybox');
    expect(b.stat('/bin/ls').ino).toBe(b.stat('/bin/busybox').ino);
    expect(programIdOf(b, '/bin/sh')).toBe('busybox');
    const h = rootfs('hello-world');
    expect(h.readdir('/').map((e) => e.name)).toEqual(['hello']);
    expect(programIdOf(h, '/hello')).toBe('hello');
    expect(h.stat('/hello').size).toBe(13_256);
  });

  test('anibali/pytorch: user, /app, conda with torch and numpy', () => {
    const fs = rootfs('anibali/pytorch:1.10.0-nocuda');
    expect(fs.readText('/etc/os-release')).toContain('PRETTY_NAME="Ubuntu 20.04.3 LTS"');
    expect(fs.readText('/etc/passwd')).toContain('user:x:1000:1000:,,,:/home/user:/bin/bash\n');
    expect(fs.readText('/etc/sudoers.d/90-user')).toBe('user ALL=(ALL) NOPASSWD:ALL\n');
    expect(fs.stat('/app')).toMatchObject({ uid: 1000, gid: 1000 });
    expect(fs.exists('/app/environment.yml')).toBe(false);
    expect(fs.stat('/home/user').mode).toBe(0o777);
    const sp = '/home/user/miniconda/lib/python3.9/site-packages';
    expect(fs.readText(`${sp}/torch/version.py`)).toContain("__version__ = '1.10.0'");
    expect(fs.readText(`${sp}/torch/version.py`)).toContain('cuda = None');
    expect(fs.readText(`${sp}/numpy/version.py`)).toContain('1.21.2');
    expect(fs.stat(`${sp}/torch/lib/libtorch_cpu.so`).size).toBeGreaterThan(300_000_000);
    expect(fs.stat(`${sp}/torch`).uid).toBe(1000);
    expect(programIdOf(fs, '/home/user/miniconda/bin/python3')).toBe('python3');
    expect(programIdOf(fs, '/usr/bin/sudo')).toBe('sudo');
    const cuda = rootfs('anibali/pytorch:1.8.1-cuda11.1');
    expect(cuda.readText('/home/user/miniconda/lib/python3.8/site-packages/torch/version.py')).toContain("cuda = '11.1'");
    expect(cuda.exists('/etc/apt/sources.list.d/cuda.list')).toBe(false);
    expect(cuda.readlink('/usr/local/cuda')).toBe('cuda-11.1');
    const latest = rootfs('anibali/pytorch:latest');
    expect(latest.readText('/etc/os-release')).toContain('22.04');
    expect(latest.readText('/home/user/micromamba/lib/python3.11/site-packages/torch/version.py')).toContain("'2.0.1'");
    expect(latest.exists('/app/conda-linux-64.lock')).toBe(false);
  });

  test('program(): the shell room’s executable format', () => {
    const node = program('python3');
    expect(node).toMatchObject({ type: 'file', mode: 0o755 });
    if (node.type !== 'file' || typeof node.content !== 'string') throw new Error('not a file');
    expect(classifyExecutable(node.content)).toEqual({ kind: 'program', id: 'python3' });
  });
});

describe('accounts', () => {
  const student = { username: 'student', password: 'learn-docker' };
  test('login', () => {
    expect(hub.login(student)).toBe('');
    expect(() => hub.login({ username: 'student', password: 'x' })).toThrow('incorrect username or password');
    expect(() => hub.login({ username: 'nobody', password: 'x' })).toThrow();
  });
  test('push only to your own namespace (and your organisations)', () => {
    expect(() => hub.authorizePush('student/app', student)).not.toThrow();
    expect(() => hub.authorizePush('student/app')).toThrow('requested access to the resource is denied');
    expect(() => hub.authorizePush('library/python', student)).toThrow('requested access to the resource is denied');
    expect(() => hub.authorizePush('anibali/pytorch', student)).toThrow();
    const org = new DockerHub({ accounts: { ana: { password: 'p', organizations: ['ml-course'] } } });
    expect(() => org.authorizePush('ml-course/trainer', { username: 'ana', password: 'p' })).not.toThrow();
  });
});
