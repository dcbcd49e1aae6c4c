/** nvidia-smi and the GPU the NVIDIA runtime injects; the training program's CPU cost. */
import { describe, expect, it } from 'vitest';
import { container, copyProject, run } from './harness';
import { DEFAULT_GPU, injectNvidiaRuntime } from '../../../src/engine/docker/programs';
import { nvidiaSmiTable } from '../../../src/engine/docker/programs/nvidia';

describe('nvidia-smi', () => {
  it('draws the 535 driver table with every box line the same width', () => {
    const lines = nvidiaSmiTable(DEFAULT_GPU, new Date(Date.UTC(2026, 10, 26, 9, 0, 0))).split('\n');
    expect(lines[0]).toBe('Thu Nov 26 09:00:00 2026       ');
    for (const l of lines.slice(1, -1)) expect(l.length, l).toBe(89);
    expect(lines[2]).toBe('| NVIDIA-SMI 535.183.01             Driver Version: 535.183.01   CUDA Version: 12.2     |');
    expect(lines[8]).toBe('|   0  Tesla T4                       Off | 00000000:00:1E.0 Off |                    0 |');
    expect(lines[9]).toBe('| N/A   32C    P8               9W /  70W |      2MiB / 15360MiB |      0%      Default |');
  });

  it('exists only where the runtime injected it, and then sees the GPU', async () => {
    const c = container('anibali/pytorch:latest');
    expect(c.fs.exists('/usr/bin/nvidia-smi')).toBe(false);
    injectNvidiaRuntime(c.fs.as({ uid: 0, gid: 0 }));
    const r = await run(c, ['nvidia-smi']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Tesla T4');
    expect((await run(c, ['nvidia-smi', '-L'])).stdout).toMatch(/^GPU 0: Tesla T4 \(UUID: GPU-[0-9a-f-]+\)\n$/);
    expect((await run(c, ['nvidia-smi'], { env: { NVIDIA_VISIBLE_DEVICES: 'void' } })).status).toBe(9);
  });
});

describe('cost', () => {
  it('computing a training run takes a few ms of CPU (the simulated minutes are the clock\'s)', async () => {
    const c = container('python:3.11-slim');
    copyProject(c);
    await run(c, ['pip', 'install', '--no-cache-dir', '-r', 'requirements.txt']);
    await run(c, ['python', 'src/models/train_model.py']);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = await run(c, ['python', 'src/models/train_model.py']);
      times.push(performance.now() - t0);
      expect(r.status).toBe(0);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(5);
  });
});
