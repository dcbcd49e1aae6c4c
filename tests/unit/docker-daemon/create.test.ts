/**
 * imageCreate: what the builder hands the image store. The reference build is recorded in
 * fixtures/imgtest-v1 (its `docker history`):
 *
 *   IMAGE          CREATED        CREATED BY                                      SIZE      COMMENT
 *   70f65cdc5a03   …              CMD ["python3" "hello.py"]                      0B        buildkit.dockerfile.v0
 *   <missing>      …              USER nobody                                     0B        buildkit.dockerfile.v0
 *   <missing>      …              EXPOSE map[8000/tcp:{}]                         0B        buildkit.dockerfile.v0
 *   <missing>      …              RUN /bin/sh -c echo hi > /app/x.txt # buildk…   12.3kB    buildkit.dockerfile.v0
 *   <missing>      …              COPY hello.py . # buildkit                      12.3kB    buildkit.dockerfile.v0
 *   <missing>      …              WORKDIR /app                                    8.19kB    buildkit.dockerfile.v0
 *   <missing>      …              ENV APP_HOME=/app                               0B        buildkit.dockerfile.v0
 *   <missing>      …              LABEL course=docker                             0B        buildkit.dockerfile.v0
 *   <missing>      15 minutes ago                                                 260MB     Imported from -
 */
import { describe, expect, test } from 'vitest';
import { dir, file, layerFromEntries, specEntries } from '../../../src/engine/fs';
import type { TreeSpec } from '../../../src/engine/fs';
import type { ImageCreateSpec } from '../../../src/engine/docker/daemon';
import { isIndexType, rfc3339Nano } from '../../../src/engine/docker/daemon';
import { pull, world } from './helpers';
import type { World } from './helpers';

const BK = 'buildkit.dockerfile.v0';

function layer(spec: TreeSpec) {
  return layerFromEntries(specEntries(spec), { mtime: Date.UTC(2026, 10, 26, 9) });
}

function imgtest(tags = ['imgtest:v1']): ImageCreateSpec {
  return {
    parent: 'python:3.11-slim',
    config: {
      User: 'nobody',
      ExposedPorts: { '8000/tcp': {} },
      Env: [
        'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'LANG=C.UTF-8',
        'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
        'PYTHON_VERSION=3.11.15',
        'PYTHON_SHA256=272179ddd9a2e41a0fc8e42e33dfbdca0b3711aa5abf372d3f2d51543d09b625',
        'APP_HOME=/app',
      ],
      Cmd: ['python3', 'hello.py'],
      WorkingDir: '/app',
      Labels: { course: 'docker' },
      ArgsEscaped: true,
    },
    history: [
      { createdBy: 'LABEL course=docker', comment: BK },
      { createdBy: 'ENV APP_HOME=/app', comment: BK },
      { createdBy: 'WORKDIR /app', comment: BK, layer: layer({ '/app/': dir() }) },
      { createdBy: 'COPY hello.py . # buildkit', comment: BK, layer: layer({ '/app/': dir(), '/app/hello.py': file('print("hello")\n') }) },
      { createdBy: 'RUN /bin/sh -c echo hi > /app/x.txt # buildkit', comment: BK, layer: layer({ '/app/': dir(), '/app/x.txt': file('hi\n') }) },
      { createdBy: 'EXPOSE map[8000/tcp:{}]', comment: BK },
      { createdBy: 'USER nobody', comment: BK },
      { createdBy: 'CMD ["python3" "hello.py"]', comment: BK },
    ],
    tags,
  };
}

async function base(flavour: Parameters<typeof world>[0] = 'containerd-26'): Promise<World> {
  const w = world(flavour);
  await pull(w, 'python:3.11-slim');
  return w;
}

describe('imageCreate (the builder’s exporter)', () => {
  test('an index with the image and its provenance; the id is the index digest', async () => {
    const w = await base();
    const created = w.daemon.imageCreate(imgtest());
    const got = w.daemon.getImage('imgtest:v1');
    expect(created.id).toBe(got.view.target.digest);
    expect(isIndexType(got.view.target.mediaType)).toBe(true);
    const manifests = got.view.index!.index.manifests;
    expect(manifests).toHaveLength(2);
    expect(manifests[1]!.annotations).toEqual({ 'vnd.docker.reference.digest': created.manifest, 'vnd.docker.reference.type': 'attestation-manifest' });
    expect(manifests[1]!.platform).toEqual({ architecture: 'unknown', os: 'unknown' });
    expect(w.daemon.imageList().map((s) => s.RepoTags)).toEqual([['imgtest:v1'], ['python:3.11-slim']]);
  });

  test('history and inspect as recorded', async () => {
    const w = await base();
    const builtAt = w.clock.now();
    w.daemon.imageCreate(imgtest());
    const h = w.daemon.imageHistory('imgtest:v1');
    expect(h.slice(0, 8).map((x) => [x.CreatedBy, x.Size])).toEqual([
      ['CMD ["python3" "hello.py"]', 0],
      ['USER nobody', 0],
      ['EXPOSE map[8000/tcp:{}]', 0],
      ['RUN /bin/sh -c echo hi > /app/x.txt # buildkit', 12288],
      ['COPY hello.py . # buildkit', 12288],
      ['WORKDIR /app', 8192],
      ['ENV APP_HOME=/app', 0],
      ['LABEL course=docker', 0],
    ]);
    expect(h[0]!.Tags).toEqual(['imgtest:v1']);
    expect(h.slice(1).every((x) => x.Id === '<missing>')).toBe(true);
    expect(h).toHaveLength(18);
    const i = w.daemon.imageInspect('imgtest:v1');
    expect(i.Config.User).toBe('nobody');
    expect(i.Config.ExposedPorts).toEqual({ '8000/tcp': {} });
    expect(i.Config.ArgsEscaped).toBe(true);
    expect(i.Config.Labels).toEqual({ course: 'docker' });
    expect(Object.keys(i.Config).indexOf('ExposedPorts')).toBe(6);
    expect(i.Comment).toBe(BK);
    expect(i.RootFS.Layers).toHaveLength(7);
    expect(i.Created).toBe(rfc3339Nano(builtAt));
    expect(h[0]!.Created).toBe(Math.floor(builtAt / 1000));
  });

  test('no tag: a dangling image; same tag again: the old image is gone (containerd) or <none> (graphdriver)', async () => {
    const w = await base();
    w.daemon.imageCreate(imgtest([]));
    expect(w.daemon.imageList().map((s) => s.RepoTags)).toEqual([[], ['python:3.11-slim']]);
    const first = w.daemon.imageCreate(imgtest());
    // the dangling record of that image is adopted by the name? no: it is another image (another provenance)
    w.clock.advance(60_000);
    const second = w.daemon.imageCreate(imgtest());
    expect(second.id).not.toBe(first.id);
    // recorded: rebuilding imgtest:v1 on the containerd store left no <none> behind
    expect(w.daemon.imageList().flatMap((s) => (s.RepoTags.length ? s.RepoTags : ['<none>']))).toEqual(['imgtest:v1', '<none>', 'python:3.11-slim']);

    const g = await base('graphdriver-28');
    const a = g.daemon.imageCreate(imgtest());
    g.clock.advance(60_000);
    const b = g.daemon.imageCreate({ ...imgtest(), created: g.clock.now() });
    expect(b.id).not.toBe(a.id);
    expect(g.daemon.imageList().flatMap((s) => (s.RepoTags.length ? s.RepoTags : ['<none>']))).toEqual(['imgtest:v1', '<none>', 'python:3.11-slim']);
  });

  test('same inputs, same clock: same ids', async () => {
    const a = await base();
    const b = await base();
    expect(a.daemon.imageCreate(imgtest()).id).toBe(b.daemon.imageCreate(imgtest()).id);
  });

  test('FROM scratch and a missing parent', async () => {
    const w = world();
    const c = w.daemon.imageCreate({ history: [{ createdBy: 'COPY hello / # buildkit', comment: BK, layer: layer({ '/hello': file('hi') }) }], config: { Cmd: ['/hello'] }, tags: ['mini'] });
    expect(w.daemon.imageInspect('mini').RootFS.Layers).toHaveLength(1);
    expect(w.daemon.getImage('mini').id).toBe(c.id);
    expect(() => w.daemon.imageCreate({ parent: 'nope', history: [] })).toThrow('No such image: nope:latest');
  });

  test('a container created from a built image protects it; its layers are the lowers of an overlay', async () => {
    const w = await base();
    const { id } = w.daemon.imageCreate(imgtest());
    const img = w.daemon.getImage('imgtest:v1');
    expect(img.id).toBe(id);
    expect(img.view.layers.map((l) => l.layer)).toHaveLength(7);
    expect(img.view.config.config.config.WorkingDir).toBe('/app');
  });
});

describe('imageFetch (BuildKit’s FROM)', () => {
  test('the base is downloaded but not named; the build cache keeps it (recorded behaviour)', async () => {
    const w = world();
    const events: string[] = [];
    const fetched = await w.daemon.imageFetch('python:3.11-slim', {
      onProgress: (e) => {
        if (e.kind === 'resolved') events.push(`resolve ${e.ref}`);
        else if (e.done) events.push(`${e.kind} ${e.digest.slice(7, 19)} done`);
      },
    });
    expect(events[0]).toBe(`resolve docker.io/library/python:3.11-slim@${fetched.target.digest}`);
    expect(events.filter((e) => e.startsWith('layer') && e.endsWith('done'))).toHaveLength(4);
    expect(events.filter((e) => e.startsWith('extract') && e.endsWith('done'))).toHaveLength(4);
    // "With the containerd store, images that BuildKit pulled for FROM do not appear in docker images."
    expect(w.daemon.imageList()).toEqual([]);
    const spec = imgtest();
    delete spec.parent;
    const created = w.daemon.imageCreate({ ...spec, base: fetched.target });
    expect(w.daemon.imageList().map((s) => s.RepoTags)).toEqual([['imgtest:v1']]);
    expect(w.daemon.imageInspect('imgtest:v1').RootFS.Layers).toHaveLength(7);
    const df = w.daemon.systemDf();
    expect(df.BuildCache).toHaveLength(1);
    expect(df.BuildCache[0]).toMatchObject({ Type: 'regular', Shared: true, Description: `pulled from docker.io/library/python:3.11-slim@${fetched.target.digest}` });
    // removing the built image keeps the base's content (the cache holds it)
    w.daemon.imageRemove(created.id);
    expect(w.daemon.state.content[fetched.target.digest]).toBeDefined();
    // a second fetch downloads nothing
    const again: string[] = [];
    await w.daemon.imageFetch('python:3.11-slim', { onProgress: (e) => again.push(e.kind) });
    expect(again).toEqual(['resolved']);
    expect(w.daemon.systemDf().BuildCache[0]!.UsageCount).toBe(2);
  });
});
