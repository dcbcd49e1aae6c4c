import { createDockerProgram } from './docker/cli';
import { createEngineBackend } from './docker/backend';
import { DockerEngine, type HostProfile } from './docker/engine';
import { ContainerRuntime } from './docker/runtime/runtime';
import { Host, type HostOptions } from './host';
import { editorProgram } from './shell/commands/editor';
import { seedStarterProject } from './starter-project';
import { createLaptop, installHostPrograms } from './shell/laptop';
import { ShellSession, type SessionOptions } from './shell/session';

/** Size of the docker-buildx plugin binary Docker installs (buildx 0.13.1, linux/amd64). */
const BUILDX_PLUGIN_SIZE = 65_898_896;

/**
 * A fresh student laptop: the host every terminal, transcript and test starts from. Docker is
 * installed the way the real lab's student account has it: the client in /usr/bin and the buildx
 * plugin under ~/.docker/cli-plugins.
 */
export interface StudentHostOptions extends HostOptions {
  profile?: HostProfile;
  /** Start from the course's state (the starter project in ~/mnist) rather than an empty home. */
  course?: boolean;
}

export interface StudentHost {
  host: Host;
  engine: DockerEngine;
}

export function createStudentHost(options: StudentHostOptions = {}): Host {
  return createStudentWorld(options).host;
}

/** The laptop and the Docker engine running on it. */
export function createStudentWorld(options: StudentHostOptions = {}): StudentHost {
  const host = new Host(options);
  const editor = editorProgram(host);
  for (const name of ['nano', 'vim', 'vi', 'code']) host.programs.set(name, editor);
  const { fs } = createLaptop(host);
  const engine = new DockerEngine({ host, hostFs: fs, ...(options.profile ? { profile: options.profile } : {}) });
  host.programs.set('docker', createDockerProgram(createEngineBackend(engine)));
  installHostPrograms(host, fs);
  host.nameSources.set('images', () => engine.images.imageList({}).flatMap((image) => image.RepoTags));
  host.nameSources.set('containers', () => ContainerRuntime.of(engine).list().map((container) => container.name.replace(/^\//, '')));
  const plugins = '/home/student/.docker/cli-plugins';
  fs.mkdir(plugins, { recursive: true, mode: 0o755 });
  fs.writeSynthetic(`${plugins}/docker-buildx`, BUILDX_PLUGIN_SIZE, { mode: 0o755 });
  for (const path of ['/home/student/.docker', plugins, `${plugins}/docker-buildx`]) fs.chown(path, 1000, 1000);
  if (options.course) seedStarterProject(fs, '/home/student');
  return { host, engine };
}

export function openSession(host: Host, options: SessionOptions): ShellSession {
  return new ShellSession(host, options);
}
