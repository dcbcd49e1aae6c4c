import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FsError } from '../../../src/engine/fs/types';
import type { Credentials } from '../../../src/engine/fs/types';
import { MemoryFs } from '../../../src/engine/fs/memory';
import { OverlayFs, flattenLayers, layerChanges } from '../../../src/engine/fs/overlay';
import type { Layer } from '../../../src/engine/fs/overlay';
import { MountedFs } from '../../../src/engine/fs/mounts';
import { buildTree, dir, file, symlink } from '../../../src/engine/fs/builder';
import { fsck, listing } from '../../../src/engine/fs/inspect';
import type { Vfs } from '../../../src/engine/fs/vfs';

// ---- a small random world ----------------------------------------------------------------------

/** FS_PROPERTY_RUNS=5000 for a long soak. */
const RUNS = Number(process.env.FS_PROPERTY_RUNS ?? 150);
const TIMEOUT = 30_000 + RUNS * 50;

const ROOT_CRED: Credentials = { uid: 0, gid: 0 };
const STUDENT: Credentials = { uid: 1000, gid: 1000 };

const name = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('a', 'b', 'a', 'b', 'c') }, { weight: 1, arbitrary: fc.constantFrom('.', '..') });
const path = fc
  .tuple(fc.array(name, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 9 }), fc.boolean())
  .map(([parts, slash, under]) => (under ? '/t/' : '/') + parts.join('/') + (slash === 0 ? '/' : ''));
const linkTarget = fc.oneof(
  path,
  fc.array(name, { minLength: 1, maxLength: 3 }).map((p) => p.join('/')),
  fc.constant(''),
);
const cred = fc.constantFrom(ROOT_CRED, ROOT_CRED, STUDENT);
const mode = fc.constantFrom(0o000, 0o644, 0o755, 0o700, 0o1777, 0o2775, 0o555);

type Op =
  | { op: 'write'; p: string; text: string; append: boolean; mode?: number }
  | { op: 'synthetic'; p: string; size: number }
  | { op: 'mkdir'; p: string; recursive: boolean }
  | { op: 'unlink' | 'rmdir' | 'read' | 'readdir' | 'stat' | 'lstat' | 'realpath' | 'readlink' | 'exists'; p: string }
  | { op: 'rename' | 'link'; p: string; q: string }
  | { op: 'symlink'; target: string; p: string }
  | { op: 'chmod'; p: string; mode: number }
  | { op: 'chown'; p: string; uid: number; gid: number }
  | { op: 'utimes'; p: string; t: number }
  | { op: 'access'; p: string; mode: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('write' as const), p: path, text: fc.constantFrom('', 'x', 'hello'), append: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('synthetic' as const), p: path, size: fc.constantFrom(0, 3, 1 << 30) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('mkdir' as const), p: path, recursive: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('unlink' as const, 'rmdir' as const), p: path }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constantFrom('read' as const, 'readdir' as const, 'stat' as const, 'lstat' as const, 'realpath' as const, 'readlink' as const, 'exists' as const),
      p: path,
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('rename' as const), p: path, q: path }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('link' as const), p: path, q: path }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('symlink' as const), target: linkTarget, p: path }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('chmod' as const), p: path, mode }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('chown' as const), p: path, uid: fc.constantFrom(-1, 0, 1000), gid: fc.constantFrom(-1, 0, 1000) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('utimes' as const), p: path, t: fc.nat(1000) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('access' as const), p: path, mode: fc.constantFrom(0, 1, 2, 4, 6) }) },
);
const step = fc.tuple(opArb, cred);
const steps = (max: number, arb = step) => fc.array(arb, { minLength: Math.floor(max / 4), maxLength: max, size: 'max' });
/**
 * Hard links in a lower layer are broken by copy-up (one name gets a private copy), as with
 * overlayfs without `index=on`; a flattened tree keeps them. So no links while building lowers.
 */
const layerStep = fc.tuple(
  opArb.filter((o) => o.op !== 'link'),
  cred,
);

type Outcome = { ok: unknown } | { err: string };

/** Runs one operation; anything thrown that is not an FsError fails the property. */
function run(fs: Vfs, op: Op): Outcome {
  try {
    return { ok: apply(fs, op) };
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    expect(e.path).not.toBe('');
    expect(e.syscall).not.toBe('');
    return { err: e.code };
  }
}

function apply(fs: Vfs, op: Op): unknown {
  switch (op.op) {
    case 'write':
      return fs.writeFile(op.p, op.text, { append: op.append, mode: op.mode });
    case 'synthetic':
      return fs.writeSynthetic(op.p, op.size, { seed: 1 });
    case 'mkdir':
      return fs.mkdir(op.p, { recursive: op.recursive });
    case 'unlink':
      return fs.unlink(op.p);
    case 'rmdir':
      return fs.rmdir(op.p);
    case 'read':
      return Array.from(fs.read(op.p, 0, 16));
    case 'readdir':
      return fs.readdir(op.p);
    case 'stat':
    case 'lstat':
      // inode numbers differ between an overlay and a flattened copy by design
      return { ...fs[op.op](op.p), ino: 0 };
    case 'realpath':
      return fs.realpath(op.p);
    case 'readlink':
      return fs.readlink(op.p);
    case 'exists':
      return fs.exists(op.p);
    case 'rename':
      return fs.rename(op.p, op.q);
    case 'link':
      return fs.link(op.p, op.q);
    case 'symlink':
      return fs.symlink(op.target, op.p);
    case 'chmod':
      return fs.chmod(op.p, op.mode);
    case 'chown':
      return fs.chown(op.p, op.uid, op.gid);
    case 'utimes':
      return fs.utimes(op.p, op.t);
    case 'access':
      return fs.access(op.p, op.mode);
  }
}

function clock() {
  let t = 1_000_000;
  return { now: () => t, tick: () => void (t += 1000) };
}

function seedTree() {
  return buildTree(
    {
      '/t/': dir({ mode: 0o1777 }),
      '/t/a/b': file('student', { uid: 1000, gid: 1000 }),
      '/a/a/': dir({ uid: 1000, gid: 1000 }),
      '/b': 'x',
      '/c': symlink('t'),
    },
    { mtime: 1 },
  );
}

// ---- properties ---------------------------------------------------------------------------------

describe('random operation sequences', () => {
  test('MemoryFs: only FsErrors, consistent bookkeeping, snapshots round-trip', () => {
    fc.assert(
      fc.property(steps(60), (ops) => {
        const c = clock();
        const fs = new MemoryFs({ state: seedTree(), clock: c.now });
        for (const [op, who] of ops) {
          run(fs.as(who), op);
          c.tick();
          const problems = fsck(fs.state);
          if (problems.length > 0) throw new Error(`${JSON.stringify(op)}: ${problems.join('; ')}`);
        }
        // every directory's entries resolve, through the public API
        const seen = listing(fs, '/', { content: true });
        for (const p of Object.keys(seen)) expect(fs.lstat(p).kind).toBe(seen[p]!.kind);
        // snapshot / restore
        const snap = fs.snapshot();
        expect(structuredClone(snap)).toEqual(fs.state);
        const copy = MemoryFs.fromSnapshot(snap);
        expect(listing(copy, '/', { content: true })).toEqual(seen);
        fs.writeFile('/after-snapshot', 'x');
        fs.restore(snap);
        expect(fs.state).toEqual(snap);
        expect(listing(fs, '/', { content: true })).toEqual(seen);
      }),
      { numRuns: RUNS * 2 },
    );
  }, TIMEOUT);

  test('OverlayFs behaves exactly like a MemoryFs holding the flattened layers', () => {
    fc.assert(
      fc.property(fc.array(steps(25, layerStep), { maxLength: 3 }), steps(40), (layerOps, ops) => {
        const c = clock();
        // Lower layers made the way docker build makes them: run steps, commit.
        const builder = new OverlayFs([seedTree()], { clock: c.now });
        for (const batch of layerOps) {
          for (const [op, who] of batch) {
            run(builder.as(who), op);
            c.tick();
          }
          const before = listing(builder, '/', { content: true });
          const diff = builder.diff();
          const layer = builder.commit();
          expect(fsck(layer, { allowWhiteouts: true })).toEqual([]);
          expect(layerChanges(builder.lowers.slice(0, -1), layer)).toEqual(diff);
          expect(listing(builder, '/', { content: true })).toEqual(before);
        }
        const lowers: Layer[] = [...builder.lowers];
        const frozen = structuredClone(lowers);
        const overlay = new OverlayFs(lowers, { clock: c.now });
        const memory = new MemoryFs({ state: flattenLayers(lowers), clock: c.now });
        expect(fsck(memory.state)).toEqual([]);
        expect(listing(overlay, '/', { content: true })).toEqual(listing(memory, '/', { content: true }));
        for (const [op, who] of ops) {
          const a = run(overlay.as(who), op);
          const b = run(memory.as(who), op);
          if (JSON.stringify(a) !== JSON.stringify(b)) {
            throw new Error(`${JSON.stringify(op)} as ${who.uid}: overlay ${JSON.stringify(a)}, memory ${JSON.stringify(b)}`);
          }
          c.tick();
        }
        expect(fsck(overlay.upper, { allowWhiteouts: true })).toEqual([]);
        const shown = listing(overlay, '/', { content: true });
        expect(shown).toEqual(listing(memory, '/', { content: true }));
        expect(listing(new MemoryFs({ state: overlay.flatten() }), '/', { content: true })).toEqual(shown);
        expect(lowers).toEqual(frozen);
        // snapshot / restore of the overlay
        const snap = overlay.snapshot();
        overlay.commit();
        overlay.writeFile('/after', 'x');
        overlay.restore(snap);
        expect(listing(overlay, '/', { content: true })).toEqual(shown);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  test('MountedFs with live binds: only FsErrors, binds always show the source', () => {
    fc.assert(
      fc.property(steps(60), (ops) => {
        const c = clock();
        const host = new MemoryFs({ state: buildTree({ '/src/t/': dir({ mode: 0o1777 }), '/src/a/b': 'x', '/ro/x': 'y' }), clock: c.now });
        const rootfs = new OverlayFs([seedTree()], { clock: c.now });
        const ctr = new MountedFs(rootfs);
        ctr.mount('/a', host, { subpath: '/src' });
        ctr.mount('/t/b', host, { subpath: '/ro', readOnly: true });
        for (const [op, who] of ops) {
          run(ctr.as(who), op);
          c.tick();
        }
        expect(fsck(host.state)).toEqual([]);
        expect(fsck(rootfs.upper, { allowWhiteouts: true })).toEqual([]);
        const rebase = (l: ReturnType<typeof listing>, from: string) =>
          Object.fromEntries(Object.entries(l).map(([k, v]) => [k.slice(from.length) || '/', v]));
        expect(rebase(listing(ctr, '/a', { content: true }), '/a')).toEqual(rebase(listing(host, '/src', { content: true }), '/src'));
        expect(listing(host, '/ro')).toEqual({
          '/ro': expect.objectContaining({ kind: 'dir' }),
          '/ro/x': expect.objectContaining({ kind: 'file', size: 1 }),
        });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
