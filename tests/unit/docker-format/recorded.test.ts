/**
 * Replays recordings of the real docker CLI 28.2.2 (fixtures/recorded.json, made by record.ts
 * against the lab engine) and checks the formatting room prints the same bytes.
 */
import { describe, expect, test } from 'vitest';
import {
  CONTAINER_HEADERS,
  CONTEXT_TYPES,
  DEFAULT_FORMATS,
  DISK_USAGE_HEADERS,
  HISTORY_HEADERS,
  IMAGE_HEADERS,
  NETWORK_HEADERS,
  TemplateError,
  VOLUME_HEADERS,
  containerFormat,
  imageFormat,
  inspectFormatted,
  inspectIndented,
  inspectJSON,
  preflightFormat,
  ptrTo,
  structType,
  namedType,
  goValue,
  volumeFormat,
  writeFormatted,
  InspectFormatError,
} from '../../../src/engine/docker/format';
import { type Row, formatArg, parseLabels, recorded, recordedContext, runList } from './recorded-helpers';

const volumeRows: Row[] = recorded.volumeRows.map((json) => ({ json, labels: parseLabels(json['Labels']) }));
const volumeCtx = recordedContext(CONTEXT_TYPES.volume, VOLUME_HEADERS, recorded.volumeRows[0] ?? {}, ['v']);

function volumeLs(format: string, rows: Row[]): [string, string, number] {
  return runList(volumeFormat(format === '' ? 'table' : format, false), volumeCtx, rows);
}

describe('templates on a volume row (docker volume ls -f name=fmtlab-a --format …)', () => {
  const row = volumeRows.filter((r) => r.json['Name'] === 'fmtlab-a');
  for (const run of recorded.engine) {
    const format = formatArg(run);
    test(JSON.stringify(format), () => {
      expect(volumeLs(format, row)).toEqual([run.stdout, run.stderr, run.code]);
    });
  }
});

describe('tables and keywords (docker volume ls -f name=fmtlab- --format …)', () => {
  for (const run of recorded.table) {
    const format = formatArg(run);
    test(JSON.stringify(format), () => {
      expect(volumeLs(format, volumeRows)).toEqual([run.stdout, run.stderr, run.code]);
    });
  }
});

// volume.Volume as docker's API types define it (field order and json tags matter)
const CLUSTER_VOLUME = structType('volume.ClusterVolume', { ID: 'string' });
const USAGE_DATA = structType('volume.UsageData', { RefCount: 'int64', Size: 'int64' });
const VOLUME = structType('volume.Volume', {
  ClusterVolume: { type: ptrTo(CLUSTER_VOLUME), json: ',omitempty' },
  CreatedAt: { type: 'string', json: ',omitempty' },
  Driver: 'string',
  Labels: 'map[string]string',
  Mountpoint: 'string',
  Name: 'string',
  Options: 'map[string]string',
  Scope: 'string',
  Status: { type: 'map[string]interface {}', json: ',omitempty' },
  UsageData: { type: ptrTo(USAGE_DATA), json: ',omitempty' },
});
const inspected = JSON.parse(recorded.volumeInspect) as Record<string, unknown>[];
const labelled = inspected.find((v) => v['Name'] === 'fmtlab-bb-long-name-for-width') as Record<string, unknown>;

describe('docker volume inspect --format … (typed volume.Volume, no raw fallback)', () => {
  for (const run of recorded.volumeInspectRuns) {
    const format = formatArg(run);
    test(JSON.stringify(format), () => {
      const typed = goValue(VOLUME, labelled);
      let got: [string, string, number];
      if (format === 'json') {
        got = [inspectJSON([typed]), '', 0];
      } else {
        const r = inspectFormatted(format, [{ typed }]);
        got = [r.stdout, r.errors.map((e) => e + '\n').join(''), r.errors.length ? 1 : 0];
      }
      expect(got).toEqual([run.stdout, run.stderr, run.code]);
    });
  }
});

describe('docker inspect (typed value with raw JSON fallback)', () => {
  const raws = inspected.map((v) => JSON.stringify(v));
  const elements = inspected.map((v, i) => ({ typed: goValue(VOLUME, v), raw: raws[i] as string }));
  const [parseErr, nope, names, json, plain] = recorded.inspectMisc as [
    (typeof recorded.inspectMisc)[0],
    (typeof recorded.inspectMisc)[0],
    (typeof recorded.inspectMisc)[0],
    (typeof recorded.inspectMisc)[0],
    (typeof recorded.inspectMisc)[0],
  ];

  test('a format that does not parse exits 64', () => {
    expect(parseErr.code).toBe(64);
    expect(() => inspectFormatted(formatArg(parseErr), [])).toThrow(InspectFormatError);
    try {
      inspectFormatted(formatArg(parseErr), []);
    } catch (e) {
      expect((e as TemplateError).message + '\n').toBe(parseErr.stderr);
    }
  });

  test('a missing field falls back to the raw map with missingkey=error', () => {
    const r = inspectFormatted(formatArg(nope), elements);
    expect(r.stdout).toBe(nope.stdout);
    expect(r.errors.map((e) => e + '\n').join('')).toBe(nope.stderr);
  });

  test('fields print once per element', () => {
    expect(inspectFormatted(formatArg(names), elements).stdout).toBe(names.stdout);
  });

  test('--format json and the default indented output', () => {
    expect(inspectJSON([raws[0] as string])).toBe(json.stdout);
    expect(inspectIndented([raws[0] as string])).toBe(plain.stdout);
    expect(inspectIndented([])).toBe('[]\n');
  });
});

describe('docker ps (ContainerContext)', () => {
  const api = recorded.containersApi;
  const rows: Row[] = recorded.psRows.map((json) => {
    const c = api.find((x) => (x['Id'] as string).startsWith(json['ID'] as string));
    return { json, labels: (c?.['Labels'] as Record<string, string>) ?? {} };
  });
  const ctx = recordedContext(CONTEXT_TYPES.container, CONTAINER_HEADERS, recorded.psRows[0] ?? {}, ['trunc', 'c']);
  const empty: Row = {
    json: Object.fromEntries(Object.keys(recorded.psRows[0] ?? {}).map((k) => [k, ''])),
    labels: {},
  };
  empty.json['Platform'] = null;

  function ps(run: (typeof recorded.ps)[0]): [string, string, number] {
    const source = formatArg(run);
    const quiet = run.args.includes('-q');
    try {
      if (source !== '') preflightFormat(source, ctx.value(empty));
      return [writeFormatted({ format: containerFormat(source, quiet, true), context: ctx, rows }), '', 0];
    } catch (e) {
      if (e instanceof TemplateError) return ['', e.message + '\n', 1];
      throw e;
    }
  }

  for (const run of recorded.ps) {
    test(run.args.slice(5).join(' ') || 'default table', () => {
      expect(ps(run)).toEqual([run.stdout, run.stderr, run.code]);
    });
  }
});

describe('docker images, history, network ls, system df', () => {
  test('images (default, --digests, bad field)', () => {
    const ctx = recordedContext(CONTEXT_TYPES.image, IMAGE_HEADERS, recorded.imageRows[0] ?? {});
    const rows = recorded.imageRows.map((json) => ({ json, labels: {} }));
    const [plain, digests, bad] = recorded.images as [
      (typeof recorded.images)[0],
      (typeof recorded.images)[0],
      (typeof recorded.images)[0],
    ];
    expect(runList(imageFormat('table', false, false), ctx, rows)).toEqual([plain.stdout, '', 0]);
    // with --digests docker makes one row per repo digest; the recorded json rows are without it
    const withDigest = rows.map((r) => {
      const api = recorded.imagesApi.find((i) => (i['Id'] as string).includes(r.json['ID'] as string));
      const digest = ((api?.['RepoDigests'] as string[] | undefined)?.[0] ?? '@<none>').split('@')[1];
      return { ...r, json: { ...r.json, Digest: digest } };
    });
    expect(runList(imageFormat('table', false, true), ctx, withDigest)).toEqual([digests.stdout, '', 0]);
    expect(runList(formatArg(bad), ctx, rows)).toEqual([bad.stdout, bad.stderr, bad.code]);
  });

  test('history', () => {
    const ctx = recordedContext(CONTEXT_TYPES.history, HISTORY_HEADERS, recorded.historyRows[0] ?? {});
    const rows = recorded.historyRows.map((json) => ({ json, labels: {} }));
    const [plain, bad] = recorded.history as [(typeof recorded.history)[0], (typeof recorded.history)[0]];
    expect(runList(DEFAULT_FORMATS.historyTable, ctx, rows)).toEqual([plain.stdout, '', 0]);
    expect(runList(formatArg(bad), ctx, rows)).toEqual([bad.stdout, bad.stderr, bad.code]);
  });

  test('network ls', () => {
    const ctx = recordedContext(CONTEXT_TYPES.network, NETWORK_HEADERS, recorded.networkRows[0] ?? {});
    const rows = recorded.networkRows.map((json) => ({ json, labels: {} }));
    const [plain, bad] = recorded.network as [(typeof recorded.network)[0], (typeof recorded.network)[0]];
    expect(runList(DEFAULT_FORMATS.networkTable, ctx, rows)).toEqual([plain.stdout, '', 0]);
    expect(runList(formatArg(bad), ctx, rows)).toEqual([bad.stdout, bad.stderr, bad.code]);
  });

  test('system df', () => {
    const ctx = recordedContext(CONTEXT_TYPES.diskUsageImages, DISK_USAGE_HEADERS, recorded.dfRows[0] ?? {});
    const rows = recorded.dfRows.map((json) => ({ json, labels: {} }));
    const [plain, bad] = recorded.df as [(typeof recorded.df)[0], (typeof recorded.df)[0]];
    expect(runList(DEFAULT_FORMATS.diskUsageTable, ctx, rows)).toEqual([plain.stdout, '', 0]);
    expect(runList(formatArg(bad), ctx, rows)).toEqual([bad.stdout, bad.stderr, bad.code]);
  });
});

describe('docker inspect of a container (typed struct, raw fallback)', () => {
  // a slice of container.InspectResponse: enough fields for the recorded templates
  const STR_SLICE = namedType('strslice.StrSlice', '[]string');
  const HEALTH = structType('container.Health', { Status: 'string', FailingStreak: 'int' });
  const STATE = structType('container.State', {
    Status: 'string',
    Running: 'bool',
    Paused: 'bool',
    Restarting: 'bool',
    OOMKilled: 'bool',
    Dead: 'bool',
    Pid: 'int',
    ExitCode: 'int',
    Error: 'string',
    StartedAt: 'string',
    FinishedAt: 'string',
    Health: { type: ptrTo(HEALTH), json: ',omitempty' },
  });
  const CONFIG = structType('container.Config', {
    Hostname: 'string',
    Env: '[]string',
    Cmd: STR_SLICE,
    Entrypoint: STR_SLICE,
    Labels: 'map[string]string',
  });
  const HOST_CONFIG = structType('container.HostConfig', { ShmSize: 'int64', Memory: 'int64' });
  const INSPECT = structType('container.InspectResponse', {
    Id: 'string',
    Name: 'string',
    State: ptrTo(STATE),
    Config: ptrTo(CONFIG),
    HostConfig: ptrTo(HOST_CONFIG),
  });
  const raw = JSON.parse(recorded.containerInspectRaw) as Record<string, unknown>[];
  const el = { typed: goValue(INSPECT, raw[0]), raw: JSON.stringify(raw[0]) };

  for (const run of recorded.containerInspect) {
    const format = formatArg(run);
    test(JSON.stringify(format), () => {
      const elements = run.args.slice(3).map(() => el);
      const r = inspectFormatted(format, elements);
      expect([r.stdout, r.errors.map((e) => e + '\n').join(''), r.errors.length ? 1 : 0]).toEqual([
        run.stdout,
        run.stderr,
        run.code,
      ]);
    });
  }
});
