/** The engine's answers for containers: run, create, start, stop, kill, restart, rm, ps, logs, exec, cp, inspect, prune. */
import type { DockerEngine } from '../engine';
import type { BackendPart } from './index';

export function containersBackend(_engine: DockerEngine): BackendPart {
  return {};
}
