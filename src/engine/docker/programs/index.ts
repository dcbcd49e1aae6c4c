/**
 * Programs that run inside containers and build steps, by the program id their image files
 * name (see README.md). The runtime looks commands up here, then in the coreutils table.
 */
import type { Program } from '../../process';
import { aptGetProgram, aptProgram } from './apt';
import { nvidiaSmiProgram } from './nvidia';
import { pythonProgram } from './python';
import { runPip } from './pip';
import { findPython } from './python/install';
import { TOOLCHAIN_PROGRAMS } from './toolchain';

/** `pip` as a program of its own (images here install pip as a python script; this id serves any that name it). */
const pipProgram: Program = (ctx) => runPip(ctx, findPython({ ...ctx, argv: ['python3'] }), (ctx.argv[0] ?? 'pip').split('/').pop()!, ctx.argv.slice(1));

export const containerPrograms: Record<string, Program> = {
  python: pythonProgram,
  python3: pythonProgram,
  'python3.7': pythonProgram,
  'python3.8': pythonProgram,
  'python3.9': pythonProgram,
  'python3.10': pythonProgram,
  'python3.11': pythonProgram,
  'python3.12': pythonProgram,
  pip: pipProgram,
  pip3: pipProgram,
  apt: aptProgram,
  'apt-get': aptGetProgram,
  'nvidia-smi': nvidiaSmiProgram,
  ...TOOLCHAIN_PROGRAMS,
};

export { injectNvidiaRuntime, DEFAULT_GPU, NVIDIA_PATHS } from './nvidia';
export { networkUp, gpuOf, type GpuInfo } from './system';
