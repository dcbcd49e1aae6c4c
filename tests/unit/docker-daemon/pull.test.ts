/**
 * Pull and push streams. The containerd-26 sequences are compared with the reference engine
 * (dockerd 26.1.5, containerd store), recorded through the Engine API on 2026-11-26:
 *
 *   POST /v1.45/images/create?fromImage=python&tag=3.11-slim
 *   {"status":"Pulling from library/python","id":"3.11-slim"}
 *   {"status":"Pulling fs layer","progressDetail":{},"id":"bb2759b730bc"}
 *   {"status":"Downloading","progressDetail":{"current":13631488,"total":121642661},"progress":"[=====\u003e                                             ]  13.63MB/121.6MB","id":"bb2759b730bc"}
 *   …
 *   {"status":"Download complete","progressDetail":{"hidecounts":true},"id":"bb2759b730bc"}
 *   {"status":"Digest: sha256:f33e0292f1f6089115abfeb3a38c8d70ad5ac37936452818350c8435e0ab9594"}
 *   {"status":"Status: Downloaded newer image for python:3.11-slim"}
 *
 *   $ docker pull python:3.11-slim          (already there)
 *   3.11-slim: Pulling from library/python
 *   Digest: sha256:f33e0292f1f6…
 *   Status: Image is up to date for python:3.11-slim
 */
import { describe, expect, test } from 'vitest';
import { InterruptController } from '../../../src/engine/signal';
import { Interrupted } from '../../../src/engine/process';
import { DaemonError, progressString } from '../../../src/engine/docker/daemon';
import type { JSONMessage } from '../../../src/engine/docker/daemon';
import { collect, plain, pull, world } from './helpers';

async function pullError(w: ReturnType<typeof world>, ref: string): Promise<DaemonError> {
  try {
    await pull(w, ref);
  } catch (err) {
    if (err instanceof DaemonError) return err;
    throw err;
  }
  throw new Error('expected the pull to fail');
}

describe('progress bars as the daemon renders them', () => {
  test('the recorded Downloading lines', () => {
    expect(progressString({ current: 13631488, total: 121642661 })).toBe('[=====>                                             ]  13.63MB/121.6MB');
    expect(progressString({ current: 115343360, total: 121642661 })).toBe('[===============================================>   ]  115.3MB/121.6MB');
    expect(progressString({ current: 121642661, total: 121642661 })).toBe('[==================================================>]  121.6MB/121.6MB');
    expect(progressString({ hidecounts: true })).toBe('');
    expect(progressString({ current: 1, units: 's' })).toBe('1 s');
  });
});

describe('containerd-26 (the reference engine)', () => {
  test('first pull: the recorded sequence of messages', async () => {
    const w = world();
    const msgs = await pull(w, 'python:3.11-slim');
    const id = w.daemon.imageList()[0]!.Id;
    expect(msgs[0]).toEqual({ status: 'Pulling from library/python', id: '3.11-slim' });
    const layers = ['26c307b5e35a', '2835c5519717', 'bbaff5426d0f', '0fc9203b193a'];
    expect(msgs.slice(1, 5)).toEqual(layers.map((l) => ({ status: 'Pulling fs layer', progressDetail: {}, id: l })));
    const downloading = msgs.filter((m) => m.status === 'Downloading');
    expect(downloading.length).toBeGreaterThan(10);
    for (const m of downloading) {
      expect(Object.keys(m)).toEqual(['status', 'progressDetail', 'progress', 'id']);
      expect(m.progress).toBe(progressString(m.progressDetail!));
    }
    const complete = msgs.filter((m) => m.status === 'Download complete');
    expect(complete.map((m) => m.id).sort()).toEqual([...layers].sort());
    expect(complete[0]).toEqual({ status: 'Download complete', progressDetail: { hidecounts: true }, id: complete[0]!.id });
    expect(msgs.slice(-2)).toEqual([{ status: `Digest: ${id}` }, { status: 'Status: Downloaded newer image for python:3.11-slim' }]);
    expect(msgs.some((m) => m.status === 'Extracting' || m.status === 'Pull complete' || m.status === 'Verifying Checksum')).toBe(false);
    // what a piped `docker pull` prints
    expect(plain(msgs).slice(0, 5)).toEqual(['3.11-slim: Pulling from library/python', ...layers.map((l) => `${l}: Pulling fs layer`)]);
  });

  test('again: only the first and last lines (recorded)', async () => {
    const w = world();
    await pull(w, 'python:3.11-slim');
    const id = w.daemon.imageList()[0]!.Id;
    expect(plain(await pull(w, 'python:3.11-slim'))).toEqual([
      '3.11-slim: Pulling from library/python',
      `Digest: ${id}`,
      'Status: Image is up to date for python:3.11-slim',
    ]);
  });

  test('a shared base layer "Already exists"; a second tag of the same image is "newer" for that name', async () => {
    const w = world();
    await pull(w, 'python:3.11-slim');
    const msgs = plain(await pull(w, 'python:3.12-slim'));
    expect(msgs).toContain('26c307b5e35a: Already exists');
    expect(msgs.filter((l) => l.endsWith('Download complete'))).toHaveLength(3);
    // recorded: pulling python:3.7-slim (the same digest as 3.11-slim there) said "Downloaded newer image"
    const again = plain(await pull(w, 'python:3.11.15-slim'));
    expect(again).toEqual(['3.11.15-slim: Pulling from library/python', expect.stringMatching(/^Digest: sha256:/), 'Status: Downloaded newer image for python:3.11.15-slim']);
  });

  test('errors before the first message are thrown with the engine’s words', async () => {
    const w = world();
    const denied = await pullError(w, 'nosuchimage');
    expect(denied.message).toBe("pull access denied for nosuchimage, repository does not exist or may require 'docker login'");
    expect(denied.status).toBe(404);
    expect((await pullError(w, 'python:9')).message).toBe('failed to resolve reference "docker.io/library/python:9": docker.io/library/python:9: not found');
    expect((await pullError(w, 'anibali/pytorch:1.8.1-cuda11.1-ubuntu22.04')).message).toBe(
      'failed to resolve reference "docker.io/anibali/pytorch:1.8.1-cuda11.1-ubuntu22.04": docker.io/anibali/pytorch:1.8.1-cuda11.1-ubuntu22.04: not found',
    );
    expect((await pullError(w, 'Foo')).message).toBe('invalid reference format: repository name (library/Foo) must be lowercase');
    expect((await pullError(w, 'ghcr.io/org/app')).message).toBe(
      'failed to resolve reference "ghcr.io/org/app:latest": failed to do request: Head "https://ghcr.io/v2/org/app/manifests/latest": dial tcp: lookup ghcr.io on 127.0.0.53:53: no such host',
    );
    expect(w.daemon.imageList()).toEqual([]);
  });

  test('pull by digest: TAG <none>, RepoDigests only', async () => {
    const w = world();
    await pull(w, 'alpine');
    const id = w.daemon.imageList()[0]!.Id;
    w.daemon.imageRemove('alpine');
    const msgs = await pull(w, `alpine@${id}`);
    expect(msgs[0]).toEqual({ status: 'Pulling from library/alpine', id });
    expect(msgs.at(-1)).toEqual({ status: `Status: Downloaded newer image for alpine@${id}` });
    expect(w.daemon.imageList()[0]).toMatchObject({ Id: id, RepoTags: [], RepoDigests: [`alpine@${id}`] });
  });

  test('a newer image for a name leaves the old one dangling', async () => {
    // engine A pushes student/app:v1 twice (different images); engine B pulls before and after
    const a = world();
    const b = world('containerd-26', a.hub);
    const auth = { username: 'student', password: 'learn-docker' };
    await pull(a, 'alpine');
    await pull(a, 'busybox');
    a.daemon.imageTagFromCli('alpine', 'student/app:v1');
    await collect(a.daemon.imagePush('student/app:v1', { auth }));
    await pull(b, 'student/app:v1');
    const old = b.daemon.imageList()[0]!.Id;
    a.daemon.imageTagFromCli('busybox', 'student/app:v1');
    await collect(a.daemon.imagePush('student/app:v1', { auth }));
    const msgs = plain(await pull(b, 'student/app:v1'));
    expect(msgs.at(-1)).toBe('Status: Downloaded newer image for student/app:v1');
    // newest first: the old image (alpine, created later) is listed above the new one (busybox)
    const list = b.daemon.imageList();
    expect(list.map((s) => [s.Id === old ? 'old' : 'new', s.RepoTags])).toEqual([
      ['old', []],
      ['new', ['student/app:v1']],
    ]);
  });

  test('timing: simulated time follows the bytes (12.5 MB/s by default)', async () => {
    const w = world();
    const t0 = w.clock.now();
    await pull(w, 'python:3.11-slim');
    const secs = (w.clock.now() - t0) / 1000;
    // 45.5 MB at 12.5 MB/s plus round trips and unpacking
    expect(secs).toBeGreaterThan(3.6);
    expect(secs).toBeLessThan(5);
    const big = world();
    const t1 = big.clock.now();
    const msgs = await pull(big, 'anibali/pytorch:1.10.0-nocuda');
    expect((big.clock.now() - t1) / 1000).toBeGreaterThan(60);
    // the number of progress messages stays bounded for big images
    expect(msgs.length).toBeLessThan(3000);
  });

  test('Ctrl+C interrupts a pull; nothing is left behind', async () => {
    const w = world();
    const ctl = new InterruptController();
    const seen: JSONMessage[] = [];
    let error: unknown;
    try {
      for await (const m of w.daemon.imagePull('anibali/pytorch:1.10.0-nocuda', { signal: ctl.signal })) {
        seen.push(m);
        if (seen.filter((x) => x.status === 'Downloading').length === 5) ctl.interrupt(2);
      }
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(Interrupted);
    expect((error as Interrupted).signo).toBe(2);
    expect(w.daemon.imageList()).toEqual([]);
    expect(w.daemon.state.content).toEqual({});
  });
});

describe('containerd-28 and graphdriver-28 flavours', () => {
  test('Docker 28 on containerd also shows Extracting (seconds) and Pull complete', async () => {
    const w = world('containerd-28');
    const msgs = await pull(w, 'python:3.11-slim');
    const ext = msgs.find((m) => m.status === 'Extracting');
    expect(ext).toMatchObject({ progressDetail: { current: 1, units: 's' }, progress: '1 s' });
    expect(msgs.filter((m) => m.status === 'Pull complete')).toHaveLength(4);
    expect(plain(msgs).filter((l) => !l.startsWith('Digest') && !l.startsWith('Status')).slice(-1)[0]).toMatch(/: Pull complete$/);
    // per layer: Pulling fs layer → Download complete → Pull complete
    for (const id of ['26c307b5e35a', '2835c5519717', 'bbaff5426d0f', '0fc9203b193a']) {
      expect(plain(msgs).filter((l) => l.startsWith(`${id}:`))).toEqual([`${id}: Pulling fs layer`, `${id}: Download complete`, `${id}: Pull complete`]);
    }
  });

  test('graphdriver: Waiting, Verifying Checksum, Extracting bytes, Pull complete; Already exists', async () => {
    const w = world('graphdriver-28');
    const msgs = await pull(w, 'python:3.11-slim');
    const p = plain(msgs);
    expect(p.slice(0, 6)).toEqual([
      '3.11-slim: Pulling from library/python',
      '26c307b5e35a: Pulling fs layer',
      '2835c5519717: Pulling fs layer',
      'bbaff5426d0f: Pulling fs layer',
      '0fc9203b193a: Pulling fs layer',
      '0fc9203b193a: Waiting',
    ]);
    for (const id of ['26c307b5e35a', '2835c5519717', 'bbaff5426d0f', '0fc9203b193a']) {
      expect(p.filter((l) => l.startsWith(`${id}:`)).slice(-3)).toEqual([`${id}: Verifying Checksum`, `${id}: Download complete`, `${id}: Pull complete`]);
    }
    // layers are extracted in order
    const order = p.filter((l) => l.endsWith('Pull complete')).map((l) => l.slice(0, 12));
    expect(order).toEqual(['26c307b5e35a', '2835c5519717', 'bbaff5426d0f', '0fc9203b193a']);
    const extracting = msgs.find((m) => m.status === 'Extracting')!;
    expect(extracting.progressDetail!.total).toBeGreaterThan(0);
    // again: every layer already exists
    const again = plain(await pull(w, 'python:3.11-slim'));
    expect(again.slice(1, 5).every((l) => l.endsWith(': Already exists'))).toBe(true);
    expect(again.at(-1)).toBe('Status: Image is up to date for python:3.11-slim');
    // its errors carry distribution's words
    await expect(pull(w, 'python:9')).rejects.toThrow('manifest for python:9 not found: manifest unknown: manifest unknown');
    await expect(pull(w, 'nosuchimage')).rejects.toThrow(
      "pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    );
  });
});

describe('login and push', () => {
  test('docker login', () => {
    const w = world();
    expect(w.daemon.auth({ username: 'student', password: 'learn-docker' })).toEqual({ Status: 'Login Succeeded', IdentityToken: '' });
    expect(() => w.daemon.auth({ username: 'student', password: 'nope' })).toThrow('Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password');
  });

  test('push to the student namespace: Mounted from the base repository, Pushed, digest line; again: Layer already exists', async () => {
    const w = world();
    await pull(w, 'python:3.11-slim');
    w.daemon.imageCreate({
      parent: 'python:3.11-slim',
      history: [{ createdBy: 'WORKDIR /app', comment: 'buildkit.dockerfile.v0', layer: appLayer() }],
      tags: ['student/app:v1'],
    });
    const auth = { username: 'student', password: 'learn-docker' };
    const first = plain(await collect(w.daemon.imagePush('student/app:v1', { auth })));
    expect(first[0]).toBe('The push refers to repository [docker.io/student/app]');
    expect(first.filter((l) => l.endsWith('Mounted from library/python'))).toHaveLength(4);
    expect(first.filter((l) => l.endsWith(': Pushed'))).toHaveLength(1);
    const id = w.daemon.imageInspect('student/app:v1').Id;
    const size = w.daemon.getImage('student/app:v1').view.index!.size;
    expect(first.at(-1)).toBe(`v1: digest: ${id} size: ${size}`);
    const second = plain(await collect(w.daemon.imagePush('student/app:v1', { auth })));
    expect(second.filter((l) => l.endsWith('Layer already exists'))).toHaveLength(5);

    // another engine pulls what the student pushed
    const other = world('containerd-26', w.hub);
    await pull(other, 'student/app:v1');
    expect(other.daemon.imageList()[0]!.Id).toBe(id);
  });

  test('push errors, in the stream after the first line', async () => {
    const w = world();
    await pull(w, 'alpine');
    w.daemon.imageTagFromCli('alpine', 'someoneelse/app:v1');
    w.daemon.imageTagFromCli('alpine', 'student/app:v1');
    const auth = { username: 'student', password: 'learn-docker' };
    const denied = await collect(w.daemon.imagePush('someoneelse/app:v1', { auth }));
    expect(denied[0]).toEqual({ status: 'The push refers to repository [docker.io/someoneelse/app]' });
    const msg = 'push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    expect(denied.at(-1)).toEqual({ errorDetail: { message: msg }, error: msg });
    // not logged in: the same
    expect((await collect(w.daemon.imagePush('student/app:v1'))).at(-1)!.error).toBe(msg);
    // recorded: tag does not exist: 127.0.0.1:5000/simtest/nope:v1
    expect((await collect(w.daemon.imagePush('student/nope:v1', { auth }))).at(-1)!.error).toBe('tag does not exist: student/nope:v1');
    expect((await collect(w.daemon.imagePush('student/nope', { auth }))).at(-1)!.error).toBe('An image does not exist locally with the tag: student/nope');
    // the graphdriver store: Preparing lines, then Docker Hub's denial
    const g = world('graphdriver-28');
    await pull(g, 'alpine');
    g.daemon.imageTagFromCli('alpine', 'someoneelse/app:v1');
    expect(plain(await collect(g.daemon.imagePush('someoneelse/app:v1', { auth })))).toEqual([
      'The push refers to repository [docker.io/someoneelse/app]',
      'e2de96513ba9: Preparing',
      'denied: requested access to the resource is denied',
    ]);
  });
});

import { dir, layerFromEntries, specEntries } from '../../../src/engine/fs';

function appLayer() {
  return layerFromEntries(specEntries({ '/app/': dir() }), { mtime: Date.UTC(2026, 10, 26, 9) });
}
