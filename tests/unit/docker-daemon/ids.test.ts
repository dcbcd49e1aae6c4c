/**
 * Content addressing: our encoders write the same bytes as BuildKit/containerd, so the digests of
 * configs, manifests and indexes are the real ones for the same content. The fixtures are blobs
 * copied from the reference engine's content store (fixtures/imgtest-v1/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { digestOf, encodeConfig, encodeIndex, encodeManifest } from '../../../src/engine/docker/daemon';
import { diffIdOf, layerSizes, makeLayerBlob } from '../../../src/engine/docker/daemon';
import { dir, file, layerFromEntries, specEntries } from '../../../src/engine/fs';
import { pull, world } from './helpers';

const FIXTURES = join(__dirname, 'fixtures', 'imgtest-v1');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('byte-exact encodings (recorded blobs)', () => {
  test.each([
    ['config.json', 'sha256:1dd16c8b4d0bc897faf829dfc410532de11349a1a6d6070f58f9a4ab3826b653', (o: never) => encodeConfig(o)],
    ['attestation-config.json', 'sha256:b79ad59bd51bd996f2492d221a656f90ebd9ce39cc69999625c087ff917b896b', (o: never) => encodeConfig(o, 'struct')],
    ['manifest.json', 'sha256:841f7c6d17b46c4b0c3621bedadb0a67bba100e91595953a0e412f3d5c8a787a', (o: never) => encodeManifest(o)],
    ['attestation-manifest.json', 'sha256:faa658737b224a0f9fa3ed59e9975fc59a6462459223300f1c6f05bc54c9fa46', (o: never) => encodeManifest(o)],
    ['index.json', 'sha256:70f65cdc5a03457cf3f18782af9f87e8111d872aecac5d4b65e7e5b8502ea021', (o: never) => encodeIndex(o)],
  ])('%s', (name, digest, encode) => {
    const text = read(name);
    expect(digestOf(text)).toBe(digest);
    const reencoded = encode(JSON.parse(text) as never);
    expect(reencoded).toBe(text);
    expect(digestOf(reencoded)).toBe(digest);
  });

  test('key order of the input does not matter', () => {
    const reverse = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(reverse);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverse(x)]));
      return v;
    };
    for (const [name, encode] of [
      ['config.json', (o: never) => encodeConfig(o)],
      ['manifest.json', (o: never) => encodeManifest(o)],
      ['index.json', (o: never) => encodeIndex(o)],
    ] as const) {
      expect(encode(reverse(JSON.parse(read(name))) as never)).toBe(read(name));
    }
  });
});

describe('layers', () => {
  const mtime = Date.UTC(2026, 10, 26, 7, 8, 10);
  const workdir = () => layerFromEntries(specEntries({ '/app/': dir() }), { mtime });
  const copy = () => layerFromEntries(specEntries({ '/app/': dir(), '/app/hello.py': file('print("hello")\n') }), { mtime });

  test('the same tree gives the same diff_id; any change gives another', () => {
    expect(diffIdOf(workdir())).toBe(diffIdOf(workdir()));
    expect(diffIdOf(copy())).not.toBe(diffIdOf(workdir()));
    const other = layerFromEntries(specEntries({ '/app/': dir(), '/app/hello.py': file('print("hello")\n', { mode: 0o600 }) }), { mtime });
    expect(diffIdOf(other)).not.toBe(diffIdOf(copy()));
  });

  test('disk usage as the snapshotter counts it: recorded WORKDIR 8.19kB, COPY hello.py 12.3kB', () => {
    expect(layerSizes(workdir()).diskUsage).toBe(8192);
    expect(layerSizes(copy()).diskUsage).toBe(12288);
    expect(layerSizes(copy()).unpackedSize).toBe(15);
    // compressed sizes estimated near the recorded 92 and 153 bytes
    expect(makeLayerBlob(workdir()).size).toBeGreaterThan(80);
    expect(makeLayerBlob(workdir()).size).toBeLessThan(100);
    expect(Math.abs(makeLayerBlob(copy()).size - 153)).toBeLessThan(15);
  });
});

describe('deterministic ids', () => {
  test('two engines pulling the same image agree; so do two hubs', async () => {
    const a = world();
    const b = world();
    await pull(a, 'python:3.11-slim');
    await pull(b, 'python:3.11-slim');
    expect(a.daemon.imageList()[0]!.Id).toBe(b.daemon.imageList()[0]!.Id);
    expect(a.daemon.imageInspect('python:3.11-slim').RootFS).toEqual(b.daemon.imageInspect('python:3.11-slim').RootFS);
  });

  test('the state survives structuredClone and keeps working', async () => {
    const a = world();
    await pull(a, 'alpine');
    a.daemon.imageTagFromCli('alpine', 'mine:1');
    const copy = structuredClone(a.daemon.state);
    const b = world();
    b.daemon.load(copy);
    expect(b.daemon.imageList()).toEqual(a.daemon.imageList());
    expect(b.daemon.imageRemove('mine:1')).toEqual([{ Untagged: 'mine:1' }]);
    expect(a.daemon.imageList()[0]!.RepoTags).toEqual(['alpine:latest', 'mine:1']);
    // only plain data inside
    const json = JSON.stringify(copy, (_k, v) => (v instanceof Uint8Array ? Array.from(v) : v));
    expect(json.length).toBeGreaterThan(1000);
  });
});
