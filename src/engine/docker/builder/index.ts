/**
 * The image builder: `docker build` as buildx 0.13 and BuildKit v0.13 do it (see build.ts), with
 * the build cache in the engine's state (`engine.room('builder')` and the image store's build-cache
 * records). The Dockerfile parser lives in ./parser.
 */
export { runBuild, builderState, BUILDER_ROOM } from './build';
export type { BuildIO, BuildOptions, BuilderHooks } from './build';
export { createBuilderState } from './solver';
export type { BuilderRoomState, StepRecord } from './solver';
export { runtimeExec } from './run';
export type { ContainerExec, RunOutcome, RunRequest } from './run';
export { Lex, LexError } from './lex';
export { PatternMatcher, readDockerignore } from './dockerignore';
