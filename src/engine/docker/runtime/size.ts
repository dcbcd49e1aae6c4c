/** Disk usage as the lab engine reports it (containerd snapshotter: whole 4 KiB blocks). */
import { contentSize } from '../../fs/state';
import type { TreeState } from '../../fs/state';

const BLOCK = 4096;

/** A container's SizeRw: the blocks its writable layer takes (directories included, the root too; every file at least one, as measured on the lab). */
export function treeDiskUsage(tree: TreeState): number {
  let total = 0;
  const seen = new Set<number>();
  for (const node of Object.values(tree.nodes)) {
    if (seen.has(node.ino)) continue;
    seen.add(node.ino);
    if (node.kind === 'dir') total += BLOCK;
    else if (node.kind === 'file') total += Math.max(1, Math.ceil(contentSize(node) / BLOCK)) * BLOCK;
  }
  return total;
}

/** A volume's size (`docker system df`): the bytes of its regular files, hard links once. */
export function treeFileBytes(tree: TreeState): number {
  let total = 0;
  for (const node of Object.values(tree.nodes)) if (node.kind === 'file') total += contentSize(node);
  return total;
}
