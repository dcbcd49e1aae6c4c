/**
 * The ready-made ps / images / volume ls contexts, fed from the daemon API data recorded next to
 * the real CLI's output (fixtures/recorded.json), must give the CLI's column values.
 */
import { describe, expect, test } from 'vitest';
import {
  type ContainerRow,
  type ImageSummary,
  containerContext,
  containerFormat,
  displayablePorts,
  imageContext,
  imageFormat,
  imageRows,
  parseTemplate,
  volumeContext,
  writeFormatted,
} from '../../../src/engine/docker/format';
import { formatArg, recorded } from './recorded-helpers';

function jsonOf(v: unknown): Record<string, unknown> {
  return JSON.parse(parseTemplate('{{json .}}').execute(v)) as Record<string, unknown>;
}

function without<T extends Record<string, unknown>>(o: T, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

type ApiContainer = {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  Ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[];
  State: string;
  Status: string;
  SizeRw: number;
  SizeRootFs: number;
  Labels: Record<string, string>;
  Mounts: { Name?: string; Source: string; Driver?: string }[];
  NetworkSettings: { Networks: Record<string, unknown> };
};

const containers: ContainerRow[] = (recorded.containersApi as unknown as ApiContainer[]).map((c) => ({
  id: c.Id,
  names: c.Names,
  image: c.Image,
  imageId: c.ImageID,
  command: c.Command,
  created: c.Created,
  ports: c.Ports.map((p) => ({ ip: p.IP, privatePort: p.PrivatePort, publicPort: p.PublicPort, type: p.Type })),
  state: c.State,
  status: c.Status,
  sizeRw: c.SizeRw,
  sizeRootFs: c.SizeRootFs,
  labels: c.Labels,
  mounts: c.Mounts.map((m) => ({ name: m.Name, source: m.Source, driver: m.Driver })),
  networks: Object.keys(c.NetworkSettings.Networks),
}));

describe('containerContext (docker ps)', () => {
  const ctx = containerContext({ trunc: true, now: () => Date.now() });

  test('every column but RunningFor and Status equals the recorded {{json .}}', () => {
    for (const c of containers) {
      const want = recorded.psRows.find((r) => c.id.startsWith(r['ID'] as string)) as Record<string, unknown>;
      // Status is the daemon's text at API time (recorded a moment apart from ps)
      expect(without(jsonOf(ctx.value(c)), 'RunningFor', 'Status')).toEqual(without(want, 'RunningFor', 'Status'));
    }
  });

  test('a recorded custom table', () => {
    const run = recorded.ps[1] as (typeof recorded.ps)[0];
    const order = recorded.psRows.map(
      (r) => containers.find((c) => c.id.startsWith(r['ID'] as string)) as ContainerRow,
    );
    expect(writeFormatted({ format: containerFormat(formatArg(run), false, true), context: ctx, rows: order })).toBe(
      run.stdout,
    );
  });

  test('ports', () => {
    expect(displayablePorts([{ ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp' }])).toBe(
      '0.0.0.0:8080->80/tcp',
    );
    expect(
      displayablePorts([
        { ip: '::', privatePort: 80, publicPort: 8080, type: 'tcp' },
        { ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp' },
      ]),
    ).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
    expect(displayablePorts([{ privatePort: 80, type: 'tcp' }])).toBe('80/tcp');
    expect(displayablePorts([8002, 8000, 8001].map((p) => ({ privatePort: p, type: 'tcp' })))).toBe('8000-8002/tcp');
    expect(
      displayablePorts([8000, 8001, 8002].map((p) => ({ ip: '0.0.0.0', privatePort: p, publicPort: p, type: 'tcp' }))),
    ).toBe('0.0.0.0:8000-8002->8000-8002/tcp');
    expect(displayablePorts([])).toBe('');
  });
});

describe('imageContext (docker images)', () => {
  type ApiImage = {
    Id: string;
    RepoTags: string[];
    RepoDigests: string[];
    Created: number;
    Size: number;
    SharedSize: number;
    Containers: number;
  };
  const images: ImageSummary[] = (recorded.imagesApi as unknown as ApiImage[]).map((i) => ({
    id: i.Id,
    repoTags: i.RepoTags,
    repoDigests: i.RepoDigests,
    created: i.Created,
    size: i.Size,
    sharedSize: i.SharedSize,
    containers: i.Containers,
  }));
  const ctx = imageContext({ trunc: true, now: () => Date.now() });

  test('columns equal the recorded {{json .}} (CreatedSince aside)', () => {
    const rows = imageRows(images, { digest: false, format: '{{json .}}' });
    expect(rows.map((r) => without(jsonOf(ctx.value(r)), 'CreatedSince'))).toEqual(
      recorded.imageRows.map((r) => without(r, 'CreatedSince')),
    );
  });

  test('--digests adds the digest to the rows and the column to custom tables', () => {
    const rows = imageRows(images, { digest: true, format: imageFormat('table', false, true) });
    expect(rows[0]?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(imageFormat('table {{.ID}}', false, true)).toBe('table {{.ID}}\\t{{.Digest}}');
    expect(imageFormat('table {{.ID}}', false, false)).toBe('table {{.ID}}');
  });

  test('dangling images are one <none> row', () => {
    const rows = imageRows(
      [{ id: 'sha256:' + 'a'.repeat(64), repoTags: [], repoDigests: [], created: 0, size: 7_800_000 }],
      {
        digest: false,
        format: '',
      },
    );
    expect(rows).toHaveLength(1);
    expect(parseTemplate('{{.Repository}} {{.Tag}} {{.ID}} {{.Size}}').execute(ctx.value(rows[0] as never))).toBe(
      '<none> <none> aaaaaaaaaaaa 7.8MB',
    );
  });
});

describe('volumeContext (docker volume ls)', () => {
  test('columns equal the recorded {{json .}}', () => {
    const ctx = volumeContext();
    const inspected = JSON.parse(recorded.volumeInspect) as {
      Name: string;
      Driver: string;
      Scope: string;
      Mountpoint: string;
      Labels: Record<string, string> | null;
    }[];
    for (const v of inspected) {
      const row = { name: v.Name, driver: v.Driver, scope: v.Scope, mountpoint: v.Mountpoint, labels: v.Labels };
      const want = recorded.volumeRows.find((r) => r['Name'] === v.Name);
      expect(jsonOf(ctx.value(row))).toEqual(want);
    }
  });
});
