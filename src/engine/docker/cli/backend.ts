/**
 * Where the docker client meets the engine. The CLI parses and validates a command line into a
 * DockerRequest, and a handler (commands/*) calls one method of a DockerBackend, which does the
 * work and resolves to the exit status.
 *
 * DISCONNECTED_BACKEND is what a client without a reachable engine does: it answers `docker version`
 * and otherwise prints docker's own "Cannot connect to the Docker daemon" error. It is the default
 * until the engine (daemon) is plugged in with createDockerProgram(backend).
 */
import type { ProcessContext } from '../../process';
import type { DockerRequest } from './parse';
import { longVersion } from './version';

export type BackendMethod = (request: DockerRequest, ctx: ProcessContext) => Promise<number>;

/** One method per command, named after its canonical path (`docker ps` → containerLs). */
export interface DockerBackend {
  buildxBuild: BackendMethod;
  imageLs: BackendMethod;
  imagePull: BackendMethod;
  imagePush: BackendMethod;
  imageTag: BackendMethod;
  imageRm: BackendMethod;
  imageInspect: BackendMethod;
  imageHistory: BackendMethod;
  imagePrune: BackendMethod;
  containerRun: BackendMethod;
  containerCreate: BackendMethod;
  containerStart: BackendMethod;
  containerStop: BackendMethod;
  containerKill: BackendMethod;
  containerRestart: BackendMethod;
  containerRm: BackendMethod;
  containerLs: BackendMethod;
  containerLogs: BackendMethod;
  containerExec: BackendMethod;
  containerCp: BackendMethod;
  containerInspect: BackendMethod;
  containerPrune: BackendMethod;
  /** `docker inspect`: any kind of object. */
  inspect: BackendMethod;
  login: BackendMethod;
  logout: BackendMethod;
  version: BackendMethod;
  systemInfo: BackendMethod;
  systemDf: BackendMethod;
  systemPrune: BackendMethod;
  volumeCreate: BackendMethod;
  volumeLs: BackendMethod;
  volumeRm: BackendMethod;
  volumeInspect: BackendMethod;
  volumePrune: BackendMethod;
  /** Every other command of the tree (network, context, buildx ls, …): request.command says which. */
  other: BackendMethod;
}

/** The daemon address the client would use: --host, DOCKER_HOST, or the default socket. */
export function daemonHost(request: DockerRequest, ctx: ProcessContext): string {
  const hosts = request.global.host;
  if (Array.isArray(hosts) && hosts.length > 0) return hosts[hosts.length - 1]!;
  return ctx.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
}

/** What the reference CLI prints when the daemon does not answer, for this command. */
export function cannotConnect(request: DockerRequest, ctx: ProcessContext): number {
  const message = `Cannot connect to the Docker daemon at ${daemonHost(request, ctx)}. Is the docker daemon running?`;
  const command = request.command.join(' ');
  if (request.commandPath.startsWith('docker buildx')) {
    ctx.stderr.write(`ERROR: ${message}\n`);
    return 1;
  }
  if (command === 'container run') {
    // run wraps its errors (cli/command/container/run.go withHelp, toStatusError), naming `docker run`
    // whatever was typed
    ctx.stderr.write(`docker: ${message}\n\nRun 'docker run --help' for more information\n`);
    return 125;
  }
  ctx.stderr.write(`${message}\n`);
  return 1;
}

const disconnected: BackendMethod = async (request, ctx) => cannotConnect(request, ctx);

export const DISCONNECTED_BACKEND: DockerBackend = {
  buildxBuild: disconnected,
  imageLs: disconnected,
  imagePull: disconnected,
  imagePush: disconnected,
  imageTag: disconnected,
  imageRm: disconnected,
  imageInspect: disconnected,
  imageHistory: disconnected,
  imagePrune: disconnected,
  containerRun: disconnected,
  containerCreate: disconnected,
  containerStart: disconnected,
  containerStop: disconnected,
  containerKill: disconnected,
  containerRestart: disconnected,
  containerRm: disconnected,
  containerLs: disconnected,
  containerLogs: disconnected,
  containerExec: disconnected,
  containerCp: disconnected,
  containerInspect: disconnected,
  containerPrune: disconnected,
  inspect: disconnected,
  login: disconnected,
  logout: disconnected,
  // the simulated engine's reference version (what transcripts recorded on the real lab show)
  version: async (_request, ctx) => {
    ctx.stdout.write(longVersion());
    return 0;
  },
  systemInfo: disconnected,
  systemDf: disconnected,
  systemPrune: disconnected,
  volumeCreate: disconnected,
  volumeLs: disconnected,
  volumeRm: disconnected,
  volumeInspect: disconnected,
  volumePrune: disconnected,
  other: disconnected,
};
