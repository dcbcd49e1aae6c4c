/** The engine's answers for `docker build` (buildx): the builder room. */
import type { DockerEngine } from '../engine';
import type { BackendPart } from './index';

export function buildBackend(_engine: DockerEngine): BackendPart {
  return {};
}
