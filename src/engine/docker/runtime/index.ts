/**
 * The container runtime: processes in container filesystems (exec.ts, the builder's way in too),
 * the container and volume rooms (runtime.ts over state.ts), and what the backend parts share.
 * See README.md.
 */
export {
  SIGHUP,
  SIGINT,
  SIGKILL,
  SIGQUIT,
  SIGTERM,
  SIGNALS,
  lookPath,
  parseSignal,
  runInContainer,
  startContainerProcess,
  type ContainerProcess,
  type ContainerProcessOptions,
  type ProcessResult,
} from './exec';
export { DEFAULT_PATH, envRecord, mergeEnv, processEnv, replaceOrAppendEnv, type ProcessEnvOptions } from './env';
export { UserError, credentialsOf, resolveUser, type ExecUser } from './user';
export { containerProgram, declareSignalHandlers, handlesSignal, registerContainerPrograms, type ProgramLookup } from './programs';
export { createScheduler, isVirtualClock, RealtimeScheduler, VirtualScheduler, type Scheduler, type WaitOptions, type WaitResult } from './scheduler';
export { ContainerRuntime, copyTree, failureMessage, statusForError, type Attachment, type CreateSpec, type ExecSpec } from './runtime';
export {
  createContainersState,
  createVolumesState,
  volumeMountpoint,
  type ContainerRecord,
  type ContainerStatus,
  type ContainersState,
  type LogEntry,
  type MountRecord,
  type VolumeRecord,
  type VolumesState,
} from './state';
export { NAME_ADJECTIVES, NAME_SURNAMES, isValidContainerName, newContainerName, randomName } from './names';
export { treeDiskUsage, treeFileBytes } from './size';
export { readTar, tarSize, writeTar, collectEntries, type TarEntry } from './tar';
