/**
 * Consistency checks and plain listings, for tests and for debugging persisted states.
 */
import type { FileSystem, NodeKind } from './types';
import { FsError } from './types';
import { contentSize, entryNames } from './state';
import type { TreeState } from './state';

/**
 * Problems in a tree's bookkeeping (empty when sound): dangling entries, unreachable nodes,
 * wrong link counts, directories linked twice, inode numbers out of step.
 */
export function fsck(tree: TreeState, options: { allowWhiteouts?: boolean } = {}): string[] {
  const problems: string[] = [];
  const refs = new Map<number, number>();
  const subdirs = new Map<number, number>();
  const root = tree.nodes[tree.root];
  if (root?.kind !== 'dir') return ['root is not a directory'];
  for (const [key, n] of Object.entries(tree.nodes)) {
    if (Number(key) !== n.ino) problems.push(`node ${key} says ino ${n.ino}`);
    if (n.ino >= tree.nextIno) problems.push(`ino ${n.ino} >= nextIno ${tree.nextIno}`);
    if (n.kind === 'whiteout' && !options.allowWhiteouts) problems.push(`whiteout ${n.ino} in a plain tree`);
    if (n.kind === 'dir') {
      for (const name of entryNames(n)) {
        const child = n.entries[name]!;
        const c = tree.nodes[child];
        if (!c) {
          problems.push(`dir ${n.ino} entry ${JSON.stringify(name)} → missing ${child}`);
          continue;
        }
        if (name === '' || name === '.' || name === '..' || name.includes('/')) problems.push(`bad name ${JSON.stringify(name)}`);
        refs.set(child, (refs.get(child) ?? 0) + 1);
        if (c.kind === 'dir') subdirs.set(n.ino, (subdirs.get(n.ino) ?? 0) + 1);
      }
    }
  }
  // reachability
  const seen = new Set<number>([tree.root]);
  const stack = [tree.root];
  while (stack.length > 0) {
    const n = tree.nodes[stack.pop()!];
    if (n?.kind !== 'dir') continue;
    for (const name of entryNames(n)) {
      const child = n.entries[name]!;
      if (!seen.has(child) && tree.nodes[child]) {
        seen.add(child);
        stack.push(child);
      }
    }
  }
  for (const n of Object.values(tree.nodes)) {
    if (!seen.has(n.ino)) problems.push(`node ${n.ino} (${n.kind}) unreachable`);
    if (n.kind === 'dir') {
      const expected = 2 + (subdirs.get(n.ino) ?? 0);
      if (n.nlink !== expected) problems.push(`dir ${n.ino} nlink ${n.nlink}, expected ${expected}`);
      const r = refs.get(n.ino) ?? 0;
      if (n.ino === tree.root ? r !== 0 : r !== 1) problems.push(`dir ${n.ino} linked ${r} times`);
    } else {
      const r = refs.get(n.ino) ?? 0;
      if (n.nlink !== r) problems.push(`${n.kind} ${n.ino} nlink ${n.nlink}, linked ${r} times`);
    }
  }
  return problems;
}

/** One line of a listing: what `ls -l` and `cat` would show, without inode numbers. */
export interface ListingEntry {
  kind: NodeKind;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  nlink: number;
  /** Symlink target. */
  target?: string;
  /** The first 256 bytes of a file (up to 64 KiB) as text, when `content` is asked for. */
  text?: string;
}

/**
 * Everything visible under `root` (not following symlinks), by path: for comparing two
 * filesystems that should show the same tree.
 */
export function listing(fs: FileSystem, root = '/', options: { content?: boolean } = {}): Record<string, ListingEntry> {
  const out: Record<string, ListingEntry> = {};
  const visit = (path: string): void => {
    const st = fs.lstat(path);
    const entry: ListingEntry = {
      kind: st.kind,
      mode: st.mode,
      uid: st.uid,
      gid: st.gid,
      size: st.size,
      mtime: st.mtime,
      nlink: st.nlink,
    };
    if (st.kind === 'symlink') entry.target = fs.readlink(path);
    if (st.kind === 'file' && options.content && st.size <= 65536) {
      try {
        entry.text = new TextDecoder().decode(fs.readFile(path).subarray(0, 256));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
      }
    }
    out[path] = entry;
    if (st.kind === 'dir') {
      for (const e of fs.readdir(path)) visit(path === '/' ? `/${e.name}` : `${path}/${e.name}`);
    }
  };
  visit(root);
  return out;
}

/** Bytes held by a tree's files (declared sizes included). */
export function treeBytes(tree: TreeState): number {
  let n = 0;
  for (const node of Object.values(tree.nodes)) if (node.kind === 'file') n += contentSize(node);
  return n;
}
