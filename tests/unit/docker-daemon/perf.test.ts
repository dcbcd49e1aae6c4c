/** `docker images` over a thousand images stays linear and fast. */
import { describe, expect, test } from 'vitest';
import { dir, file, layerFromEntries, specEntries } from '../../../src/engine/fs';
import { pull, world } from './helpers';
import type { World } from './helpers';

async function withImages(n: number): Promise<World> {
  const w = world();
  await pull(w, 'alpine');
  for (let i = 0; i < n; i++) {
    const layer = layerFromEntries(specEntries({ '/app/': dir(), [`/app/f${i}`]: file(`${i}\n`) }), { mtime: 0 });
    w.daemon.imageCreate({ parent: 'alpine', history: [{ createdBy: `COPY f${i} /app/ # buildkit`, comment: 'buildkit.dockerfile.v0', layer }], tags: [`app${i}:v1`, `app${i}:latest`] });
    w.clock.advance(1000);
  }
  return w;
}

/** Median time of a plain and a filtered `docker images` (garbage collection makes single runs noisy). */
function timeList(w: World, runs = 9): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    w.daemon.imageList();
    w.daemon.imageList({ filters: { reference: ['app1*'], dangling: ['false'] } });
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

describe('imageList scales linearly', () => {
  test('1,000 and 3,000 images', async () => {
    const small = await withImages(1000);
    const list = small.daemon.imageList();
    expect(list).toHaveLength(1001);
    expect(list[0]!.RepoTags).toEqual(['app999:latest', 'app999:v1']);
    const t1 = timeList(small);
    const big = await withImages(3000);
    const t3 = timeList(big);
    expect(t1).toBeLessThan(100);
    // three times the images: about three times the time, far from nine (quadratic)
    expect(t3 / Math.max(t1, 1)).toBeLessThan(6);
  }, 120_000);
});
