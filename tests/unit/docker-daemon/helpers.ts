import { VirtualClock } from '../../../src/engine/clock';
import { DEFAULT_EPOCH } from '../../../src/engine/clock';
import { ImageService } from '../../../src/engine/docker/daemon';
import type { ContainerImageUse, EngineFlavour, JSONMessage } from '../../../src/engine/docker/daemon';
import { DockerHub } from '../../../src/engine/docker/registry';

export interface World {
  clock: VirtualClock;
  hub: DockerHub;
  daemon: ImageService;
  containers: ContainerImageUse[];
}

/** A fresh engine (one flavour) talking to a fresh simulated Docker Hub. */
export function world(flavour: EngineFlavour = 'containerd-26', hub = new DockerHub()): World {
  const clock = new VirtualClock(DEFAULT_EPOCH);
  const containers: ContainerImageUse[] = [];
  const daemon = new ImageService({ clock, flavour, registries: { 'docker.io': hub }, containers: () => containers });
  return { clock, hub, daemon, containers };
}

export async function collect(stream: AsyncIterable<JSONMessage>): Promise<JSONMessage[]> {
  const out: JSONMessage[] = [];
  for await (const m of stream) out.push(m);
  return out;
}

export async function pull(w: World, ref: string): Promise<JSONMessage[]> {
  return collect(w.daemon.imagePull(ref));
}

/** What a non-TTY `docker pull` prints for these messages (progress updates dropped). */
export function plain(messages: readonly JSONMessage[]): string[] {
  return messages
    .filter((m) => !(m.progress && m.progress !== ''))
    .map((m) => (m.error ? m.error : m.id ? `${m.id}: ${m.status}` : `${m.status}`));
}
