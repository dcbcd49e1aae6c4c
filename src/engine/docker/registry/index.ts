/**
 * The simulated Docker Hub and the images it serves (see hub.ts and catalog/).
 */
export { COURSE_IMAGES, DEFAULT_ACCOUNTS, DockerHub, createHubState, identityToken, type DockerHubOptions, type HubAccount, type HubRepository, type HubState } from './hub';
export { buildImage, type BuiltImage } from './catalog/build';
export type { HistoryDef, ImageDef, LayerDef, Publication } from './catalog/types';
export { program, script } from './program';
