/**
 * Tag, untag, remove, prune, list filters, inspect and history, compared with what the reference
 * engine (dockerd 26.1.5, containerd image store; docker CLI 28.2.2) answered on 2026-11-26.
 * The recorded commands and outputs are quoted next to each check. The reference images there
 * were stand-ins, so ids differ; the shapes, the wording and the decisions are what is compared.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { DaemonError, humanSizeWithPrecision, shortId } from '../../../src/engine/docker/daemon';
import type { DeleteResponse } from '../../../src/engine/docker/daemon';
import { pull, world } from './helpers';
import type { World } from './helpers';

const CTR = '2afee55b86551aafb99501676c709fc6ccab6f6e5cf5f8eaf9cba5f8884e6823';

function errorOf(fn: () => unknown): DaemonError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DaemonError) return err;
    throw err;
  }
  throw new Error('expected a DaemonError');
}

/** `docker images` rows as REPOSITORY:TAG (the CLI expands RepoTags; <none>:<none> for none). */
function rows(w: World): string[] {
  return w.daemon.imageList().flatMap((s) => (s.RepoTags.length > 0 ? s.RepoTags : ['<none>:<none>']));
}

function lines(records: DeleteResponse[]): string[] {
  return records.map((r) => ('Untagged' in r ? `Untagged: ${r.Untagged}` : `Deleted: ${r.Deleted}`));
}

describe('rmi: untag versus delete, conflicts', () => {
  let w: World;
  let id: string;
  beforeEach(async () => {
    w = world();
    await pull(w, 'python:3.11-slim');
    id = w.daemon.imageInspect('python:3.11-slim').Id;
  });

  test('recorded session: several names, then containers', () => {
    for (const t of ['python:3.7-slim', 'myapp', 'student/app:v1', 'localhost:5000/x/y:z']) w.daemon.imageTagFromCli('python:3.11-slim', t);
    // $ docker rmi python:3.7-slim
    // Untagged: python:3.7-slim
    expect(lines(w.daemon.imageRemove('python:3.7-slim'))).toEqual(['Untagged: python:3.7-slim']);
    // $ docker rmi f33e0292f1f6   /   $ docker rmi f33e
    // Error response from daemon: conflict: unable to delete f33e0292f1f6 (must be forced) - image is referenced in multiple repositories
    const conflict = `conflict: unable to delete ${shortId(id)} (must be forced) - image is referenced in multiple repositories`;
    expect(errorOf(() => w.daemon.imageRemove(shortId(id))).message).toBe(conflict);
    expect(errorOf(() => w.daemon.imageRemove(id.slice(7, 11))).message).toBe(conflict);
    expect(errorOf(() => w.daemon.imageRemove(shortId(id))).status).toBe(409);
    // $ docker rmi myapp student/app:v1 localhost:5000/x/y:z
    for (const [ref, line] of [
      ['myapp', 'Untagged: myapp:latest'],
      ['student/app:v1', 'Untagged: student/app:v1'],
      ['localhost:5000/x/y:z', 'Untagged: localhost:5000/x/y:z'],
    ]) {
      expect(lines(w.daemon.imageRemove(ref!))).toEqual([line]);
    }
    // $ docker create --name imgtest1 python:3.11-slim
    w.containers.push({ id: CTR, imageId: id, image: 'python:3.11-slim', running: false });
    // $ docker rmi python:3.11-slim
    // Error response from daemon: conflict: unable to delete python:3.11-slim (must be forced) - container 2afee55b8655 is using its referenced image f33e0292f1f6
    expect(errorOf(() => w.daemon.imageRemove('python:3.11-slim')).message).toBe(
      `conflict: unable to delete python:3.11-slim (must be forced) - container 2afee55b8655 is using its referenced image ${shortId(id)}`,
    );
    // $ docker rmi f33e0292f1f6
    // Error response from daemon: conflict: unable to delete f33e0292f1f6 (must be forced) - image is being used by stopped container 2afee55b8655
    expect(errorOf(() => w.daemon.imageRemove(shortId(id))).message).toBe(
      `conflict: unable to delete ${shortId(id)} (must be forced) - image is being used by stopped container 2afee55b8655`,
    );
    // $ docker tag python:3.11-slim myapp:1 && docker rmi python:3.11-slim
    // Untagged: python:3.11-slim          (myapp 1 f33e0292f1f6 remains)
    w.daemon.imageTagFromCli('python:3.11-slim', 'myapp:1');
    expect(lines(w.daemon.imageRemove('python:3.11-slim'))).toEqual(['Untagged: python:3.11-slim']);
    expect(rows(w)).toEqual(['myapp:1']);
    // $ docker tag myapp:1 python:3.11-slim && docker rmi -f myapp:1
    // Untagged: myapp:1
    w.daemon.imageTagFromCli('myapp:1', 'python:3.11-slim');
    expect(lines(w.daemon.imageRemove('myapp:1', { force: true }))).toEqual(['Untagged: myapp:1']);
    // $ docker rmi -f python:3.11-slim
    // Untagged: python:3.11-slim          (<none> <none> f33e0292f1f6 remains: a container uses it)
    expect(lines(w.daemon.imageRemove('python:3.11-slim', { force: true }))).toEqual(['Untagged: python:3.11-slim']);
    expect(rows(w)).toEqual(['<none>:<none>']);
    expect(w.daemon.imageList()[0]!.Id).toBe(id);
    // $ docker image prune -f             → Total reclaimed space: 0B (the container protects it)
    expect(w.daemon.imagePrune({ dangling: ['true'] })).toEqual({ ImagesDeleted: null, SpaceReclaimed: 0 });
    // $ docker images --filter dangling=true / dangling=false
    expect(w.daemon.imageList({ filters: { dangling: ['true'] } })).toHaveLength(1);
    expect(w.daemon.imageList({ filters: { dangling: ['false'] } })).toHaveLength(0);
    // $ docker rmi f33e0292f1f6 → … image is being used by stopped container 2afee55b8655
    expect(errorOf(() => w.daemon.imageRemove(shortId(id))).message).toContain('image is being used by stopped container 2afee55b8655');
    // $ docker rmi -f f33e0292f1f6
    // Deleted: sha256:f33e0292f1f6…
    expect(lines(w.daemon.imageRemove(shortId(id), { force: true }))).toEqual([`Deleted: ${id}`]);
    expect(w.daemon.imageList()).toEqual([]);
    expect(Object.keys(w.daemon.state.content)).toEqual([]);
  });

  test('a running container is a hard conflict, even with -f', () => {
    w.containers.push({ id: CTR, imageId: id, image: 'python:3.11-slim', running: true });
    const err = errorOf(() => w.daemon.imageRemove(id, { force: true }));
    expect(err.message).toBe(`conflict: unable to delete ${shortId(id)} (cannot be forced) - image is being used by running container 2afee55b8655`);
  });

  test('the last name of an unused image goes with the image', () => {
    expect(lines(w.daemon.imageRemove('python:3.11-slim'))).toEqual(['Untagged: python:3.11-slim', `Deleted: ${id}`]);
    expect(w.daemon.state.content).toEqual({});
  });

  test('two tags in one repository still count as multiple references (containerd store)', () => {
    // recorded: imgtest:v1 and imgtest:v2 → docker rmi ee9c → conflict … image is referenced in multiple repositories
    w.daemon.imageTagFromCli('python:3.11-slim', 'python:mine');
    expect(errorOf(() => w.daemon.imageRemove(id.slice(7, 11))).message).toContain('image is referenced in multiple repositories');
    expect(lines(w.daemon.imageRemove(id.slice(7, 11), { force: true }))).toEqual(['Untagged: python:3.11-slim', 'Untagged: python:mine', `Deleted: ${id}`]);
  });

  test('name@digest removes the tags of that repository and the image', () => {
    w.daemon.imageTagFromCli('python:3.11-slim', 'other:1');
    expect(lines(w.daemon.imageRemove(`python@${id}`))).toEqual(['Untagged: python:3.11-slim']);
    expect(rows(w)).toEqual(['other:1']);
  });

  test('not found, recorded', () => {
    // $ docker image inspect nope / docker rmi nope / docker history nope → No such image: nope:latest
    for (const fn of [() => w.daemon.imageInspect('nope'), () => w.daemon.imageRemove('nope'), () => w.daemon.imageHistory('nope')]) {
      const e = errorOf(fn);
      expect(e.message).toBe('No such image: nope:latest');
      expect(e.status).toBe(404);
    }
    // $ docker image inspect sha256:abcd → No such image: sha256:abcd
    expect(errorOf(() => w.daemon.imageInspect('sha256:abcd')).message).toBe('No such image: sha256:abcd');
    // $ docker rmi 0123 → No such image: 0123:latest
    expect(errorOf(() => w.daemon.imageRemove('0123')).message).toBe('No such image: 0123:latest');
    // $ docker tag nope:1 x → No such image: nope:1
    expect(errorOf(() => w.daemon.imageTagFromCli('nope:1', 'x')).message).toBe('No such image: nope:1');
    // $ docker rmi nope@sha256:0123…
    const d = `sha256:${'0123456789'.repeat(6)}0123`;
    expect(errorOf(() => w.daemon.imageRemove(`nope@${d}`)).message).toBe(`No such image: nope@${d}`);
    // $ docker image inspect Nope → invalid reference format: repository name (library/Nope) must be lowercase
    const bad = errorOf(() => w.daemon.imageInspect('Nope'));
    expect(bad.message).toBe('invalid reference format: repository name (library/Nope) must be lowercase');
    expect(bad.status).toBe(400);
    // $ docker image inspect f33e  and  python@sha256:<id> → found
    expect(w.daemon.imageInspect(id.slice(7, 11)).Id).toBe(id);
    expect(w.daemon.imageInspect(`python@${id}`).Id).toBe(id);
    expect(w.daemon.imageInspect(id).Id).toBe(id);
  });
});

describe('tag', () => {
  test('moving a name keeps the image it left as dangling; tagging an unnamed image adopts it', async () => {
    const w = world();
    await pull(w, 'python:3.11-slim');
    await pull(w, 'python:3.12-slim');
    const a = w.daemon.imageInspect('python:3.11-slim').Id;
    w.daemon.imageTagFromCli('python:3.12-slim', 'python:3.11-slim');
    expect(rows(w).sort()).toEqual(['<none>:<none>', 'python:3.11-slim', 'python:3.12-slim']);
    w.daemon.imageTagFromCli(a, 'back:again');
    expect(rows(w).sort()).toEqual(['back:again', 'python:3.11-slim', 'python:3.12-slim']);
  });

  test('the daemon API form checks its own arguments', async () => {
    const w = world();
    await pull(w, 'alpine');
    expect(() => w.daemon.imageTag('alpine', 'sha256')).toThrow('refusing to create an ambiguous tag using digest algorithm as name');
    expect(() => w.daemon.imageTag('alpine', `x@sha256:${'a'.repeat(64)}`)).toThrow('cannot import digest reference');
    expect(() => w.daemon.imageTag('alpine', 'x', '-bad')).toThrow('invalid tag format');
    w.daemon.imageTag('alpine', 'docker.io/library/x');
    expect(rows(w).sort()).toEqual(['alpine:latest', 'x:latest']);
  });
});

describe('images: filters and order', () => {
  test('recorded filter errors and matches', async () => {
    const w = world();
    await pull(w, 'python:3.11-slim');
    const list = (filters: Record<string, string[]>) => w.daemon.imageList({ filters }).flatMap((s) => s.RepoTags);
    expect(errorOf(() => list({ foo: ['bar'] })).message).toBe("invalid filter 'foo'");
    expect(errorOf(() => list({ dangling: ['maybe'] })).message).toBe("invalid filter 'dangling=[maybe]'");
    expect(errorOf(() => list({ before: ['nope'] })).message).toBe('No such image: nope:latest');
    expect(errorOf(() => list({ since: ['Nope'] })).message).toBe('invalid reference format: repository name (library/Nope) must be lowercase');
    expect(errorOf(() => list({ until: ['bogus'] })).message).toBe('failed to parse value as time or duration: "bogus"');
    expect(list({ dangling: ['1'] })).toEqual([]);
    expect(list({ reference: ['python'] })).toEqual(['python:3.11-slim']);
    expect(list({ reference: ['*:3.11*'] })).toEqual(['python:3.11-slim']);
    expect(list({ reference: ['docker.io/library/python:3.11-slim'] })).toEqual([]);
    expect(list({ reference: ['Bad_Name'] })).toEqual([]);
    expect(list({ label: [''] })).toEqual([]);
    // the image was created 2026-08-05: `until=1h` keeps it, `until=2026-01-01` does not
    expect(list({ until: ['1h'] })).toEqual(['python:3.11-slim']);
    expect(list({ until: ['2026-01-01'] })).toEqual([]);
    // recorded: with myapp:1 also naming it, -f reference=myapp shows only myapp:1 (RepoTags too)
    w.daemon.imageTagFromCli('python:3.11-slim', 'myapp:1');
    expect(list({ reference: ['myapp'] })).toEqual(['myapp:1']);
    expect(w.daemon.imageList({ filters: { reference: ['myapp'] } })[0]!.RepoDigests).toEqual([`myapp@${w.daemon.imageList()[0]!.Id}`]);
    expect(list({ reference: ['myapp', 'python'] })).toEqual(['myapp:1', 'python:3.11-slim']);
    expect(errorOf(() => w.daemon.imagePrune({ foo: ['bar'] })).message).toBe("invalid filter 'foo'");
    expect(errorOf(() => w.daemon.imagePrune({ dangling: ['false', 'true'] })).message).toBe("invalid filter 'dangling=[false true]'");
  });

  test('newest first; before/since/label', async () => {
    const w = world();
    for (const r of ['python:3.7-slim', 'alpine', 'ubuntu:22.04']) await pull(w, r);
    // created: python 3.7-slim 2023-01-24, ubuntu 2026-07-31, alpine 2026-09-17
    expect(rows(w)).toEqual(['alpine:latest', 'ubuntu:22.04', 'python:3.7-slim']);
    const tags = (filters: Record<string, string[]>) => w.daemon.imageList({ filters }).flatMap((s) => s.RepoTags);
    expect(tags({ before: ['ubuntu:22.04'] })).toEqual(['python:3.7-slim']);
    expect(tags({ since: ['ubuntu:22.04'] })).toEqual(['alpine:latest']);
    expect(tags({ label: ['org.opencontainers.image.version'] })).toEqual(['ubuntu:22.04']);
    expect(tags({ label: ['org.opencontainers.image.version=22.04'] })).toEqual(['ubuntu:22.04']);
    expect(tags({ 'label!': ['org.opencontainers.image.version'] })).toEqual(['alpine:latest', 'python:3.7-slim']);
    expect(w.daemon.imageList({ filters: { label: ['org.opencontainers.image.version'] } })[0]!.Labels).toEqual({ 'org.opencontainers.image.version': '22.04' });
  });
});

describe('sizes', () => {
  test('python:3.11-slim is 125MB on the graphdriver store, content + snapshots on containerd', async () => {
    const g = world('graphdriver-28');
    await pull(g, 'python:3.11-slim');
    const gs = g.daemon.imageList()[0]!;
    expect(gs.Size).toBe(124_840_000);
    expect(humanSizeWithPrecision(gs.Size, 3)).toBe('125MB');
    // the graphdriver's image id is the config digest
    expect(gs.Id).toBe(g.daemon.getImage('python:3.11-slim').view.config.digest);

    const c = world('containerd-26');
    await pull(c, 'python:3.11-slim');
    const cs = c.daemon.imageList()[0]!;
    const view = c.daemon.getImage('python:3.11-slim').view;
    const content = view.manifest.size + view.config.size + 45_520_747;
    const snapshots = view.layers.reduce((n, l) => n + l.diskUsage, 0);
    expect(cs.Size).toBe(content + snapshots);
    expect(humanSizeWithPrecision(cs.Size, 3)).toBe('171MB');
    // and the containerd id is the index digest
    expect(cs.Id).toBe(view.target.digest);
    expect(view.index).toBeDefined();
    // inspect's Size is the content (index included), as the reference engine reports it
    expect(c.daemon.imageInspect('python:3.11-slim').Size).toBe(view.index!.size + content);
  });

  test('the sizes of the course images on the graphdriver store (docker images SIZE)', async () => {
    const g = world('graphdriver-28');
    const expected: Record<string, string> = {
      'python:3.7-slim': '123MB',
      'python:3.11-slim': '125MB',
      'python:3.12-slim': '119MB',
      'ubuntu:22.04': '78.1MB',
      'debian:bookworm-slim': '74.8MB',
      'busybox:latest': '4.45MB',
    };
    for (const ref of Object.keys(expected)) await pull(g, ref);
    const got: Record<string, string> = {};
    for (const s of g.daemon.imageList()) for (const t of s.RepoTags) got[t] = humanSizeWithPrecision(s.Size, 3);
    expect(got).toEqual(expected);
  });

  test('system df: shared layers, containers, LayersSize', async () => {
    const w = world();
    await pull(w, 'python:3.11-slim');
    await pull(w, 'python:3.12-slim');
    const id = w.daemon.imageInspect('python:3.12-slim').Id;
    w.containers.push({ id: CTR, imageId: id, image: 'python:3.12-slim', running: false });
    const df = w.daemon.systemDf();
    const base = w.daemon.getImage('python:3.11-slim').view.layers[0]!;
    expect(df.Images.map((i) => i.SharedSize)).toEqual([base.diskUsage, base.diskUsage]);
    expect(df.Images.find((i) => i.Id === id)!.Containers).toBe(1);
    const all = new Map<string, number>();
    for (const r of ['python:3.11-slim', 'python:3.12-slim']) for (const l of w.daemon.getImage(r).view.layers) all.set(l.digest, l.diskUsage);
    expect(df.LayersSize).toBe([...all.values()].reduce((a, b) => a + b, 0));
    expect(df.BuildCache).toEqual([]);
  });
});

describe('inspect and history', () => {
  test('inspect has the reference engine’s shape', async () => {
    const w = world();
    await pull(w, 'python:3.11-slim');
    const i = w.daemon.imageInspect('python:3.11-slim');
    // keys in the order `docker image inspect` printed them on the reference engine
    expect(Object.keys(i)).toEqual(['Id', 'RepoTags', 'RepoDigests', 'Parent', 'Comment', 'Created', 'DockerVersion', 'Author', 'Config', 'Architecture', 'Os', 'Size', 'GraphDriver', 'RootFS', 'Metadata']);
    expect(Object.keys(i.Config)).toEqual(['Hostname', 'Domainname', 'User', 'AttachStdin', 'AttachStdout', 'AttachStderr', 'Tty', 'OpenStdin', 'StdinOnce', 'Env', 'Cmd', 'Image', 'Volumes', 'WorkingDir', 'Entrypoint', 'OnBuild', 'Labels']);
    expect(i.Config.Cmd).toEqual(['python3']);
    expect(i.Config.Entrypoint).toBeNull();
    expect(i.Config.WorkingDir).toBe('');
    expect(i.Config.Env).toContain('PYTHON_VERSION=3.11.15');
    expect(i.Created).toBe('2026-08-05T01:12:29.228607556Z');
    expect(i.Comment).toBe('buildkit.dockerfile.v0');
    expect(i.DockerVersion).toBe('26.1.5+dfsg1');
    expect(i.GraphDriver).toEqual({ Data: null, Name: 'overlayfs' });
    expect(i.RootFS.Layers).toHaveLength(4);
    expect(i.RepoDigests).toEqual([`python@${i.Id}`]);
    expect(i.Metadata.LastTagTime).toMatch(/^2026-11-26T09:00:\d\d(\.\d+)?Z$/);
  });

  test('anibali/pytorch runs as user in /app', async () => {
    const w = world();
    await pull(w, 'anibali/pytorch:1.10.0-nocuda');
    const c = w.daemon.imageInspect('anibali/pytorch:1.10.0-nocuda').Config;
    expect(c.User).toBe('user');
    expect(c.WorkingDir).toBe('/app');
    expect(c.Cmd).toEqual(['python3']);
    expect(c.Entrypoint).toBeNull();
    expect(c.Env).toEqual(['PATH=/home/user/miniconda/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOME=/home/user', 'CONDA_AUTO_UPDATE_CONDA=false']);
  });

  test('history: newest first, <missing> below the top, sizes of layers, 0B for metadata steps', async () => {
    const w = world();
    await pull(w, 'python:3.11-slim');
    const h = w.daemon.imageHistory('python:3.11-slim');
    const view = w.daemon.getImage('python:3.11-slim').view;
    expect(h).toHaveLength(10);
    expect(h[0]).toMatchObject({ Id: view.target.digest, CreatedBy: 'CMD ["python3"]', Size: 0, Tags: ['python:3.11-slim'], Comment: 'buildkit.dockerfile.v0' });
    expect(h.slice(1).every((x) => x.Id === '<missing>' && x.Tags === null)).toBe(true);
    expect(h[1]!.CreatedBy).toMatch(/^RUN \/bin\/sh -c set -eux; \tfor src in idle3 pip3 .* # buildkit$/);
    expect(h[9]).toMatchObject({ CreatedBy: "# debian.sh --arch 'amd64' out/ 'trixie' '@1785715200'", Comment: 'debuerreotype 0.17', Size: view.layers[0]!.diskUsage });
    expect(h[9]!.Created).toBe(Date.UTC(2026, 7, 3) / 1000);
    expect(h.filter((x) => x.Size > 0)).toHaveLength(4);
  });
});

describe('prune', () => {
  test('dangling only by default; -a removes unused images and reports blobs', async () => {
    const w = world();
    await pull(w, 'python:3.11-slim');
    await pull(w, 'python:3.12-slim');
    await pull(w, 'alpine');
    // an image without a name: retag 3.11-slim away
    const old = w.daemon.imageInspect('python:3.11-slim').Id;
    w.daemon.imageTagFromCli('python:3.12-slim', 'python:3.11-slim');
    const r1 = w.daemon.imagePrune({ dangling: ['true'] });
    // recorded: a pruned dangling image is reported as `untagged: sha256:<id>`
    expect(r1.ImagesDeleted![0]).toEqual({ Untagged: old });
    // its own blobs go; the shared Debian layer stays (3.12 uses it)
    const deleted = r1.ImagesDeleted!.filter((d): d is { Deleted: string } => 'Deleted' in d).map((d) => d.Deleted);
    expect(deleted).toContain(old);
    expect(deleted).not.toContain('sha256:26c307b5e35a59ce911f5fde5b9458120ec8734e831ea2da5649a9ad14abfd3d');
    expect(r1.SpaceReclaimed).toBeGreaterThan(14_000_000);

    // docker image prune -a: every image no container uses (a container protects the name it was created with)
    const alpine = w.daemon.imageInspect('alpine').Id;
    w.containers.push({ id: CTR, imageId: alpine, image: 'alpine', running: false });
    const r2 = w.daemon.imagePrune({ dangling: ['false'] });
    expect(r2.ImagesDeleted!.filter((d) => 'Untagged' in d)).toEqual([{ Untagged: 'python:3.11-slim' }, { Untagged: 'python:3.12-slim' }]);
    expect(rows(w)).toEqual(['alpine:latest']);
    expect(w.daemon.imagePrune({ dangling: ['false'] })).toEqual({ ImagesDeleted: null, SpaceReclaimed: 0 });
  });

  test('recorded: pruning a dangling image reports its blobs in walk order and their bytes', async () => {
    // POST /v1.45/images/prune?filters={"dangling":["true"]} on the reference engine:
    // {"ImagesDeleted":[{"Untagged":"sha256:f33e…"},{"Deleted":"sha256:f33e…"},{"Deleted":"sha256:a618…"},
    //   {"Deleted":"sha256:bb27…"}],"SpaceReclaimed":121643467}      (manifest, config, layer; 407+399+121642661)
    const w = world();
    await pull(w, 'alpine');
    w.daemon.imageTagFromCli('alpine', 'dtest:1');
    w.daemon.imageRemove('alpine');
    const id = w.daemon.imageInspect('dtest:1').Id;
    w.containers.push({ id: CTR, imageId: id, image: 'dtest:1', running: false });
    w.daemon.imageRemove('dtest:1', { force: true });
    // recorded: a dangling image lists with empty RepoTags and RepoDigests, history's Tags is null
    expect(w.daemon.imageList()[0]).toMatchObject({ Id: id, RepoTags: [], RepoDigests: [] });
    expect(w.daemon.imageHistory(id.slice(7, 11))[0]!.Tags).toBeNull();
    w.containers.length = 0;
    const view = w.daemon.getImage(id).view;
    const report = w.daemon.imagePrune({ dangling: ['true'] });
    expect(report.ImagesDeleted).toEqual([
      { Untagged: id },
      { Deleted: view.index!.digest },
      { Deleted: view.manifest.digest },
      { Deleted: view.config.digest },
      { Deleted: view.layers[0]!.digest },
    ]);
    expect(report.SpaceReclaimed).toBe(view.index!.size + view.manifest.size + view.config.size + view.layers[0]!.size);
    expect(w.daemon.imageList()).toEqual([]);
  });

  test('a container created by id keeps its image as dangling', async () => {
    const w = world();
    await pull(w, 'alpine');
    const id = w.daemon.imageInspect('alpine').Id;
    w.containers.push({ id: CTR, imageId: id, image: id.slice(7, 19), running: false });
    const r = w.daemon.imagePrune({ dangling: ['false'] });
    expect(r.ImagesDeleted).toEqual([{ Untagged: 'alpine:latest' }]);
    expect(rows(w)).toEqual(['<none>:<none>']);
  });
});
