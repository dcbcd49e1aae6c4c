/**
 * go-units and BuildKit sizes. Cases come from the real engine (fixtures/recorded.json and the
 * outputs quoted below, observed on docker 28.2.2) and from the go-units rules in
 * /work/shared/fidelity/docker-messages.md §17 (read from go-units' source).
 */
import { describe, expect, test } from 'vitest';
import {
  GoError,
  buildkitSize,
  bytesSize,
  containerStatus,
  copiedSize,
  fromHumanSize,
  humanDuration,
  humanSize,
  humanSizeWithPrecision,
  ramInBytes,
  timeAgo,
} from '../../../src/engine/docker/format';
import { recorded } from './recorded-helpers';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('HumanDuration (go-units duration.go)', () => {
  test.each([
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [-5 * S, 'Less than a second'],
    [1 * S, '1 second'],
    [1999, '1 second'],
    [2 * S, '2 seconds'],
    [59 * S, '59 seconds'],
    [60 * S, 'About a minute'],
    [119 * S, 'About a minute'],
    [2 * M, '2 minutes'],
    [59 * M + 29 * S, '59 minutes'],
    [59 * M + 59 * S, '59 minutes'],
    [60 * M, 'About an hour'],
    [H + 29 * M + 59 * S, 'About an hour'],
    [H + 30 * M, '2 hours'],
    [47 * H, '47 hours'],
    [47 * H + 30 * M, '2 days'],
    [48 * H, '2 days'],
    [71 * H, '2 days'],
    [13 * D, '13 days'],
    [14 * D, '2 weeks'],
    [59 * D, '8 weeks'],
    [60 * D, '2 months'],
    [365 * D, '12 months'],
    [2 * 365 * D - 1 * H, '24 months'],
    [2 * 365 * D, '2 years'],
    [10 * 365 * D, '10 years'],
  ])('%i ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  test('the ago and Up forms seen in docker ps (observed: "Less than a second ago", "Up Less than a second")', () => {
    expect(timeAgo(1000, 1500)).toBe('Less than a second ago');
    expect(containerStatus({ running: true, startedAt: 1000 }, 1500)).toBe('Up Less than a second');
    expect(containerStatus({ running: true, startedAt: 0 }, 3 * S)).toBe('Up 3 seconds');
    expect(containerStatus({ running: true, startedAt: 0 }, 90 * S)).toBe('Up About a minute');
    expect(containerStatus({ running: true, startedAt: 0, paused: true }, 5 * M)).toBe('Up 5 minutes (Paused)');
    expect(containerStatus({ running: true, startedAt: 0, health: 'starting' }, 5 * S)).toBe(
      'Up 5 seconds (health: starting)',
    );
    expect(containerStatus({ running: true, startedAt: 0, health: 'healthy' }, 5 * M)).toBe('Up 5 minutes (healthy)');
    expect(containerStatus({ running: false, startedAt: 0 }, 5 * M)).toBe('Created');
    expect(containerStatus({ running: false, startedAt: 10, finishedAt: 20, exitCode: 0 }, 2 * M + 20)).toBe(
      'Exited (0) 2 minutes ago',
    );
    expect(containerStatus({ running: false, startedAt: 10, finishedAt: 20, exitCode: 137 }, 5020)).toBe(
      'Exited (137) 5 seconds ago',
    );
    expect(containerStatus({ running: false, startedAt: 10, finishedAt: 20, exitCode: 0 }, 520)).toBe(
      'Exited (0) Less than a second ago',
    );
    expect(containerStatus({ running: true, restarting: true, exitCode: 1, finishedAt: 0 }, 3 * S)).toBe(
      'Restarting (1) 3 seconds ago',
    );
    expect(containerStatus({ running: false, dead: true }, 0)).toBe('Dead');
    expect(containerStatus({ running: false, removalInProgress: true }, 0)).toBe('Removal In Progress');
  });
});

describe('HumanSize / HumanSizeWithPrecision (decimal, %.Ng)', () => {
  test.each([
    [0, 3, '0B'],
    [512, 3, '512B'],
    [2048, 3, '2.05kB'],
    [7_800_000, 3, '7.8MB'],
    [77_880_000, 3, '77.9MB'],
    [125_000_000, 3, '125MB'],
    [1_234_567_890, 3, '1.23GB'],
    [999_999, 3, '1e+03kB'],
    [999_700_000, 3, '1e+03MB'],
    [999_999, 4, '1000kB'],
    [2048, 4, '2.048kB'],
    [1125, 3, '1.12kB'], // exact tie: Go rounds half to even
    [1135, 3, '1.14kB'],
    [4096, 3, '4.1kB'], // ps -s: "4.1kB (virtual 260MB)"
    [259_768_320, 3, '260MB'],
    [381_395_403, 3, '381MB'], // docker images SIZE
    [381_395_403, 4, '381.4MB'], // VirtualSize
    [259_837_952, 4, '259.8MB'], // system df Images SIZE
    [12_288, 4, '12.29kB'], // system df Containers SIZE (observed)
    [8_192, 4, '8.192kB'],
    [-121_600_000, 4, '-1.216e+08B'], // system df RECLAIMABLE went negative (observed)
    [1e27, 3, '1e+03YB'],
  ])('%d bytes, precision %d → %s', (n, p, want) => {
    expect(humanSizeWithPrecision(n, p)).toBe(want);
  });

  test('HumanSize is precision 4; docker cp uses precision 3', () => {
    expect(humanSize(2048)).toBe('2.048kB');
    expect(copiedSize(2048)).toBe('2.05kB');
  });

  test('sizes from the recorded engine (API bytes vs the CLI columns)', () => {
    const img = recorded.imagesApi[0] as { Size: number };
    expect(humanSizeWithPrecision(img.Size, 3)).toBe(recorded.imageRows[0]?.['Size']);
    expect(humanSize(img.Size)).toBe(recorded.imageRows[0]?.['VirtualSize']);
    const layers = recorded.dfApi['LayersSize'] as number;
    expect(humanSize(layers)).toBe(recorded.dfRows[0]?.['Size']);
    const cache = (recorded.dfApi['BuildCache'] as { Size: number; Shared: boolean }[])
      .filter((b) => !b.Shared)
      .reduce((a, b) => a + b.Size, 0);
    expect(humanSize(cache)).toBe(recorded.dfRows[3]?.['Size']);
    for (const c of recorded.containersApi as { Id: string; SizeRw: number; SizeRootFs: number }[]) {
      const row = recorded.psRows.find((r) => c.Id.startsWith(r['ID'] as string));
      expect(`${humanSizeWithPrecision(c.SizeRw, 3)} (virtual ${humanSizeWithPrecision(c.SizeRootFs, 3)})`).toBe(
        row?.['Size'],
      );
    }
  });

  test('BytesSize (binary, %.4g)', () => {
    expect(bytesSize(0)).toBe('0B');
    expect(bytesSize(1024)).toBe('1KiB');
    expect(bytesSize(1536)).toBe('1.5KiB');
    expect(bytesSize(67108864)).toBe('64MiB');
    expect(bytesSize(1073741824 * 1.25)).toBe('1.25GiB');
  });
});

describe('RAMInBytes / FromHumanSize (flag values)', () => {
  test('values the real engine accepted for --shm-size', () => {
    for (const r of recorded.shmSizes) {
      expect(String(ramInBytes(r.value)), r.value).toBe(r.bytes);
    }
  });

  test('errors the real CLI printed for --shm-size', () => {
    for (const run of recorded.shmSizeErrors) {
      const value = run.args[2] as string;
      const m = /flag: (.*)\n/.exec(run.stderr);
      expect(() => ramInBytes(value)).toThrow(GoError);
      try {
        ramInBytes(value);
      } catch (e) {
        expect((e as Error).message, value).toBe(m?.[1]);
      }
    }
  });

  test('FromHumanSize is decimal', () => {
    expect(fromHumanSize('44kB')).toBe(44000);
    expect(fromHumanSize('1.5GB')).toBe(1_500_000_000);
    expect(fromHumanSize('32')).toBe(32);
    expect(fromHumanSize('1KiB')).toBe(1000);
    expect(() => fromHumanSize('1 MBx')).toThrow("invalid suffix: 'mbx'");
  });
});

describe('BuildKit sizes (tonistiigi/units, %.2f)', () => {
  test.each([
    [0, '0B'],
    [2, '2B'],
    [193, '193B'],
    [999, '999B'],
    [1000, '1.00kB'],
    [2048, '2.05kB'],
    [4210, '4.21kB'],
    [3_600_000, '3.60MB'],
    [1_234_567_890, '1.23GB'],
    [1125, '1.12kB'], // half to even, as big.Float formats
  ])('%d → %s', (n, want) => {
    expect(buildkitSize(n)).toBe(want);
  });
});
