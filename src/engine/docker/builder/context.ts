/**
 * The build context as buildx sends it: the directory on the client's filesystem, filtered by
 * `.dockerignore`, limited to the paths the Dockerfile copies (BuildKit's FollowPaths), and synced
 * into the builder with fsutil's packet stream, whose byte count is what
 * `transferring context: 350B` shows. The receiver keeps the last synced copy per directory, so a
 * file whose metadata did not change is not sent again.
 */
import type { FileContent } from '../../fs/state';
import type { FileSystem, Stat } from '../../fs/types';
import { FsError } from '../../fs/types';
import { PatternMatcher, cleanPath, readDockerignore } from './dockerignore';

export interface ContextEntry {
  /** Slash path relative to the context root (`src/models/x.py`). */
  rel: string;
  kind: 'file' | 'dir' | 'symlink';
  /** Permission and special bits. */
  mode: number;
  size: number;
  /** Milliseconds. */
  mtime: number;
  target?: string;
}

/** Go os.FileMode bits for fsutil's Stat.mode. */
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;
const MODE_SETUID = 2 ** 23;
const MODE_SETGID = 2 ** 22;
const MODE_STICKY = 2 ** 20;
/** fsutil's send buffer (bufPool): files go out in chunks of this size. */
const CHUNK = 32 * 1024;

function goFileMode(e: ContextEntry): number {
  let m = e.mode & 0o777;
  if (e.mode & 0o4000) m += MODE_SETUID;
  if (e.mode & 0o2000) m += MODE_SETGID;
  if (e.mode & 0o1000) m += MODE_STICKY;
  if (e.kind === 'dir') m += MODE_DIR;
  if (e.kind === 'symlink') m += MODE_SYMLINK;
  return m;
}

/** Bytes of a protobuf varint. */
export function varintLength(n: number): number {
  if (n <= 0) return n === 0 ? 1 : 10;
  let len = 1;
  let v = n;
  while (v >= 128) {
    v = Math.floor(v / 128);
    len++;
  }
  return len;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function bytesField(len: number): number {
  return 1 + varintLength(len) + len;
}

function varintField(n: number): number {
  return n === 0 ? 0 : 1 + varintLength(n);
}

/** The size of the STAT packet fsutil sends for an entry (uid/gid reset to 0). */
export function statPacketSize(e: ContextEntry): number {
  let stat = bytesField(utf8Length(e.rel));
  stat += varintField(goFileMode(e));
  if (e.kind === 'file') stat += varintField(e.size);
  stat += varintField(Math.round(e.mtime * 1e6));
  if (e.kind === 'symlink') stat += bytesField(utf8Length(e.target ?? ''));
  return bytesField(stat);
}

/** The DATA packets for one file: its chunks, then the empty packet that ends it. */
export function dataPacketsSize(id: number, size: number): number {
  const idField = varintField(id);
  let total = 0;
  for (let left = size; left > 0; left -= CHUNK) {
    const len = Math.min(CHUNK, left);
    total += 2 + idField + bytesField(len);
  }
  return total + 2 + idField;
}

/** What the receiver remembers of the last sync of a directory: path → metadata signature. */
export type SyncedState = Record<string, string>;

function signature(e: ContextEntry): string {
  return `${e.kind}:${e.mode}:${e.size}:${e.mtime}:${e.target ?? ''}`;
}

/**
 * One sync: the entries sent (in walk order), the bytes on the wire, and the receiver's state
 * after it. Files whose metadata is unchanged since the last sync are not sent again.
 */
export function syncSize(entries: readonly ContextEntry[], previous: SyncedState | undefined, differ: boolean): { bytes: number; state: SyncedState } {
  let bytes = 0;
  const state: SyncedState = {};
  entries.forEach((e, id) => {
    bytes += statPacketSize(e);
    const sig = signature(e);
    state[e.rel] = sig;
    if (e.kind !== 'file') return;
    if (differ && previous?.[e.rel] === sig) return;
    bytes += dataPacketsSize(id, e.size);
  });
  return { bytes: bytes + 2, state };
}

/** A single file sent on its own (the Dockerfile, `.dockerignore`): stat, data, FIN. */
export function singleFileSize(entry: ContextEntry | undefined): number {
  if (!entry) return 2;
  return statPacketSize(entry) + dataPacketsSize(0, entry.size) + 2;
}

export function entryFromStat(rel: string, st: Stat, target?: string): ContextEntry {
  return {
    rel,
    kind: st.kind,
    mode: st.mode & 0o7777,
    size: st.kind === 'file' ? st.size : 0,
    mtime: st.mtime,
    ...(target !== undefined ? { target } : {}),
  };
}

function joinAbs(root: string, rel: string): string {
  if (rel === '' || rel === '.') return root;
  return root === '/' ? `/${rel}` : `${root}/${rel}`;
}

/**
 * The context directory on the client, seen through `.dockerignore`. Walks lazily and remembers
 * what it has seen (one build).
 */
export class BuildContext {
  readonly excludes: PatternMatcher;
  private all: ContextEntry[] | null = null;
  private byRel: Map<string, ContextEntry> | null = null;

  constructor(
    readonly fs: FileSystem,
    /** Absolute, as the client resolved it. */
    readonly root: string,
    ignorePatterns: readonly string[],
  ) {
    this.excludes = new PatternMatcher(ignorePatterns);
  }

  static readIgnoreFile(text: string): string[] {
    return readDockerignore(text);
  }

  abs(rel: string): string {
    return joinAbs(this.root, rel);
  }

  /** Every entry of the context not excluded by `.dockerignore`, in fsutil's walk order. */
  entries(): ContextEntry[] {
    if (this.all) return this.all;
    const out: ContextEntry[] = [];
    const walk = (relDir: string, lazyParents: ContextEntry[]): void => {
      let names: string[];
      try {
        names = this.fs.readdir(this.abs(relDir)).map((d) => d.name);
      } catch (e) {
        if (e instanceof FsError) return;
        throw e;
      }
      names.sort(compareBytes);
      for (const name of names) {
        const rel = relDir === '' ? name : `${relDir}/${name}`;
        let st: Stat;
        try {
          st = this.fs.lstat(this.abs(rel));
        } catch (e) {
          if (e instanceof FsError) continue;
          throw e;
        }
        const target = st.kind === 'symlink' ? safeReadlink(this.fs, this.abs(rel)) : undefined;
        const entry = entryFromStat(rel, st, target);
        const excluded = this.excludes.patterns.length > 0 && this.excludes.matches(rel);
        if (excluded) {
          if (st.kind === 'dir' && this.excludes.hasExclusions) walk(rel, [...lazyParents, entry]);
          continue;
        }
        for (const p of lazyParents) out.push(p);
        lazyParents = [];
        out.push(entry);
        if (st.kind === 'dir') walk(rel, []);
      }
    };
    walk('', []);
    // lazily emitted parents can appear twice when two children are re-included
    const seen = new Set<string>();
    this.all = out.filter((e) => (seen.has(e.rel) ? false : (seen.add(e.rel), true)));
    this.byRel = new Map(this.all.map((e) => [e.rel, e]));
    return this.all;
  }

  /** An entry by relative path (`.dockerignore` applied), or undefined. */
  get(rel: string): ContextEntry | undefined {
    this.entries();
    const clean = cleanPath(rel);
    return this.byRel!.get(clean === '.' ? '' : clean);
  }

  /** Direct children of a directory (`''` for the root), in order. */
  children(relDir: string): ContextEntry[] {
    const prefix = relDir === '' ? '' : `${relDir}/`;
    return this.entries().filter((e) => e.rel.startsWith(prefix) && e.rel.length > prefix.length && !e.rel.slice(prefix.length).includes('/'));
  }

  /** Every entry below a directory (`''`: all), in walk order. */
  below(relDir: string): ContextEntry[] {
    if (relDir === '') return this.entries();
    const prefix = `${relDir}/`;
    return this.entries().filter((e) => e.rel.startsWith(prefix));
  }

  /** The file's content (synthetic files stay synthetic). */
  content(rel: string): FileContent {
    const abs = this.abs(rel);
    const withContent = this.fs as FileSystem & { readContent?: (p: string) => FileContent };
    if (typeof withContent.readContent === 'function') return withContent.readContent(abs);
    return { data: this.fs.readFile(abs) };
  }

  /**
   * The entries BuildKit's FollowPaths selects: those matching an include path (or below one),
   * with their parent directories. `null` includes everything.
   */
  selected(includes: readonly string[] | null): ContextEntry[] {
    const all = this.entries();
    if (includes === null) return all;
    const matcher = new PatternMatcher(includes);
    const picked = new Set<string>();
    for (const e of all) {
      if (!matcher.matches(e.rel)) continue;
      picked.add(e.rel);
      let p = e.rel;
      for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/')) {
        p = p.slice(0, i);
        picked.add(p);
      }
    }
    return all.filter((e) => picked.has(e.rel));
  }
}

function safeReadlink(fs: FileSystem, path: string): string {
  try {
    return fs.readlink(path);
  } catch {
    return '';
  }
}

/** Go's byte-wise string order (names are compared as UTF-8). */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // surrogates (astral characters) sort after the rest of the BMP in UTF-8
      const xs = x >= 0xd800 && x <= 0xdfff ? x + 0x2000 : x >= 0xe000 ? x - 0x800 : x;
      const ys = y >= 0xd800 && y <= 0xdfff ? y + 0x2000 : y >= 0xe000 ? y - 0x800 : y;
      return xs - ys;
    }
  }
  return a.length - b.length;
}
