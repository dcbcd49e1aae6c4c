/**
 * The engine side of the docker client: one DockerBackend assembled from each room's part. A room
 * that does not answer a command yet leaves it to the disconnected client's answer.
 */
import { DISCONNECTED_BACKEND, type DockerBackend } from '../cli/backend';
import type { DockerEngine } from '../engine';
import { buildBackend } from './build';
import { containersBackend } from './containers';
import { imagesBackend } from './images';
import { systemBackend } from './system';
import { systemObjectsBackend } from './system-objects';
import { volumesBackend } from './volumes';

export type BackendPart = Partial<DockerBackend>;

export function createEngineBackend(engine: DockerEngine): DockerBackend {
  return Object.assign(
    { ...DISCONNECTED_BACKEND },
    imagesBackend(engine),
    containersBackend(engine),
    volumesBackend(engine),
    buildBackend(engine),
    systemBackend(engine),
    systemObjectsBackend(engine),
  );
}
