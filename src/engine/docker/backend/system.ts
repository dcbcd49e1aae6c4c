/** The engine's answers for version, info, system df, system prune, and `docker inspect` of any object. */
import type { DockerEngine } from '../engine';
import type { BackendPart } from './index';

export function systemBackend(_engine: DockerEngine): BackendPart {
  return {};
}
