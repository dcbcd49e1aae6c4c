/**
 * The Docker daemon's image room: an image store shaped like the containerd image store, and the
 * Engine API image endpoints over it (see images/service.ts). Containers live elsewhere and plug
 * in through `ContainerImageUse`.
 */
export { ImageService, ENGINE_VERSION, type ImageServiceOptions } from './images/service';
export {
  DEFAULT_NETWORK,
  HOST_PLATFORM,
  RegistryError,
  isGraphdriver,
  type AuthConfig,
  type ContainerImageUse,
  type EngineFlavour,
  type ImageContext,
  type NetworkModel,
  type RegistryClient,
  type RegistryErrorCode,
} from './images/context';
export { createImageStoreState, danglingName, isDangling, type BuildCacheRecord, type ImageRecord, type ImageStoreState } from './images/state';
export type { CreatedImage, ImageCreateSpec, NewHistoryEntry } from './images/create';
export type { FetchEvent, FetchOptions, FetchedImage } from './images/fetch';
export type { ResolvedImage } from './images/inspect';
export type { PullOptions } from './images/pull';
export type { PushOptions } from './images/push';
export type { RemoveOptions } from './images/remove';
export type { Filters } from './images/filters';
export type { ImageView } from './images/store';
export type {
  AuthResponse,
  BuildCacheUsage,
  DeleteResponse,
  HistoryItem,
  ImageInspect,
  ImageListOptions,
  ImageSummary,
  ImagesDiskUsage,
  ImagesPruneReport,
  InspectConfig,
  JSONMessage,
  ProgressDetail,
} from './images/types';
export { humanSize, humanSizeWithPrecision, isProgressUpdate, progressString } from './images/progress';
export { ClientError, DaemonError, MESSAGES, type ErrorKind } from './errors';
export * as reference from './reference';
export { ReferenceError, type Reference } from './reference';
export { digestOf, encodeConfig, encodeIndex, encodeManifest, rfc3339Nano, shortId } from './oci/encode';
export { diffIdOf, layerSizes, makeLayerBlob } from './oci/layers';
export * from './oci/types';
