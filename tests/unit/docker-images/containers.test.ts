/**
 * rmi and prune when containers use an image (the container room tells the engine which, through
 * engine.addContainerView). Texts recorded on the reference engine (dockerd 26.1.5, containerd
 * store) with `docker create python:3.11-slim` / `docker run -d … sleep`:
 *
 *   docker rmi python:3.11-slim   → conflict: unable to delete python:3.11-slim (must be forced) - container 2afee55b8655 is using its referenced image f33e0292f1f6
 *   docker rmi f33e0292f1f6       → conflict: unable to delete f33e0292f1f6 (must be forced) - image is being used by stopped container 2afee55b8655
 *   docker rmi -f python:3.11-slim → Untagged: python:3.11-slim   (the image stays, as <none>)
 */
import { describe, expect, test } from 'vitest';
import type { ContainerImageUse } from '../../../src/engine/docker/daemon';
import { laptop } from './helpers';

const CONTAINER = '2afee55b8655e8f2a0c5b1f2d7e0c2b96c3c7bb2a2d9f2a7c3e9d1f0b6a4c8e1';

async function withContainer(running: boolean) {
  const w = laptop();
  await w.docker('pull -q python:3.11-slim');
  const id = w.engine.images.imageList()[0]!.Id;
  const containers: ContainerImageUse[] = [{ id: CONTAINER, imageId: id, image: 'python:3.11-slim', running }];
  w.engine.addContainerView(() => containers);
  return { w, id, short: id.slice(7, 19), containers };
}

describe('docker rmi with containers', () => {
  test('by name, a stopped container: must be forced', async () => {
    const { w, short } = await withContainer(false);
    const run = await w.docker('rmi python:3.11-slim');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `Error response from daemon: conflict: unable to delete python:3.11-slim (must be forced) - container 2afee55b8655 is using its referenced image ${short}\n`,
    );
  });

  test('by id, a stopped container: must be forced', async () => {
    const { w, short } = await withContainer(false);
    const run = await w.docker(`rmi ${short}`);
    expect(run.stderr).toBe(`Error response from daemon: conflict: unable to delete ${short} (must be forced) - image is being used by stopped container 2afee55b8655\n`);
  });

  test('-f by name: untagged, the image stays as <none>', async () => {
    const { w, short } = await withContainer(false);
    const run = await w.docker('rmi -f python:3.11-slim');
    expect(run).toMatchObject({ status: 0, merged: 'Untagged: python:3.11-slim\n' });
    expect((await w.docker('images --format {{.Repository}}:{{.Tag}}:{{.ID}}')).stdout).toBe(`<none>:<none>:${short}\n`);
    // prune keeps it: a container uses it
    expect((await w.docker('image prune -f')).stdout).toBe('Total reclaimed space: 0B\n');
  });

  test('a running container: cannot be forced', async () => {
    const { w, short } = await withContainer(true);
    const run = await w.docker(`rmi -f ${short}`);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`Error response from daemon: conflict: unable to delete ${short} (cannot be forced) - image is being used by running container 2afee55b8655\n`);
  });

  test('a conflict among several names: the other arguments still go, exit 1', async () => {
    const { w } = await withContainer(true);
    await w.docker('tag python:3.11-slim other:v1');
    const run = await w.docker('rmi other:v1 nosuch python:3.11-slim');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('Untagged: other:v1\n');
    expect(run.stderr.split('\n')[0]).toBe('Error response from daemon: No such image: nosuch:latest');
    expect(run.stderr.split('\n')[1]).toMatch(/^Error response from daemon: conflict: unable to delete python:3.11-slim/);
  });

  test('-f with a conflict and a missing name: the conflict makes it fail', async () => {
    const { w } = await withContainer(true);
    const run = await w.docker(`rmi -f nosuch ${w.engine.images.imageList()[0]!.Id}`);
    expect(run.status).toBe(1);
  });

  test('image prune -a keeps images that containers use', async () => {
    const { w } = await withContainer(false);
    await w.docker('pull -q alpine');
    const run = await w.docker('image prune -a -f');
    expect(run.stdout.startsWith('Deleted Images:\nuntagged: alpine:latest\ndeleted: sha256:')).toBe(true);
    expect(run.stdout).toMatch(/\n\nTotal reclaimed space: \d+(\.\d+)?MB\n$/);
    expect((await w.docker('images --format {{.Repository}}')).stdout).toBe('python\n');
  });
});
