/** The filesystem room: see types.ts for the interface, vfs.ts for how paths and permissions work. */
export * from './types';
export * as paths from './path';
export {
  ROOT,
  DEFAULT_UMASK,
  MAX_SYMLINKS,
  Namespace,
  Vfs,
  permits,
  type Driver,
  type Mount,
  type MountSource,
  type NewNode,
  type NodeInfo,
  type SetAttrs,
  type VfsOptions,
  type WriteOptions,
} from './vfs';
export {
  createTree,
  contentSize,
  fillerByte,
  readRange,
  seedFrom,
  type FileContent,
  type SyntheticContent,
  type TreeNode,
  type TreeState,
} from './state';
export { MemoryFs, TreeDriver, type MemoryFsOptions } from './memory';
export {
  OverlayFs,
  OverlayDriver,
  INO_SPAN,
  applyLayer,
  emptyUpper,
  flattenLayers,
  layerChanges,
  layerFromDiff,
  layerFromEntries,
  layerSize,
  type Change,
  type ChangeKind,
  type Layer,
  type LayerDiff,
  type OverlayFsOptions,
  type OverlayState,
} from './overlay';
export { MountedFs, FileSystemDriver, mountSourceOf, type MountInfo, type MountOptions, type MountedFsOptions } from './mounts';
export {
  GiB,
  KiB,
  MiB,
  applyEntries,
  big,
  buildFs,
  buildTree,
  dir,
  exe,
  file,
  hardlink,
  opaque,
  specEntries,
  symlink,
  whiteout,
  type BuildOptions,
  type EntrySpec,
  type NodeSpec,
  type TreeSpec,
} from './builder';
export { fsck, listing, treeBytes, type ListingEntry } from './inspect';
