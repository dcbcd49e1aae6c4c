/** The engine's answers for images: ls, pull, push, tag, rm, inspect, history, prune; login and logout. */
import type { DockerEngine } from '../engine';
import type { BackendPart } from './index';

export function imagesBackend(_engine: DockerEngine): BackendPart {
  return {};
}
