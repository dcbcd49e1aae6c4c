/** The engine's answers for volumes: create, ls, rm, inspect, prune. */
import type { DockerEngine } from '../engine';
import type { BackendPart } from './index';

export function volumesBackend(_engine: DockerEngine): BackendPart {
  return {};
}
