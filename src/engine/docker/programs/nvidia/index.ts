/**
 * The NVIDIA side of `docker run --gpus all` on a host with a GPU. The real NVIDIA Container
 * Toolkit bind-mounts the driver's user-space files into the container (nvidia-smi, libcuda,
 * libnvidia-ml), creates the device nodes and shows /proc/driver/nvidia; `injectNvidiaRuntime`
 * writes the same set into a filesystem the runtime mounts over the container's root (so that it
 * never ends up in the container's own layer), and `nvidiaSmiProgram` is what /usr/bin/nvidia-smi runs.
 */
import type { FileSystem } from '../../../fs/types';
import type { Program } from '../../../process';
import { executableImage } from '../../../shell/executable';
import { gpuOf, writeSized } from '../system';
import type { GpuInfo } from '../system';

/** The gpu-cloud host's card: an AWS g4dn-style Tesla T4 with the 535 driver (CUDA 12.2). */
export const DEFAULT_GPU: GpuInfo = { name: 'Tesla T4', driver: '535.183.01', cuda: '12.2', memoryMiB: 15360, busId: '00000000:00:1E.0' };

/** Paths the toolkit provides, for the runtime to mount (relative to the container's root). */
export const NVIDIA_PATHS = [
  '/dev/nvidia0',
  '/dev/nvidiactl',
  '/dev/nvidia-uvm',
  '/proc/driver/nvidia',
  '/usr/bin/nvidia-smi',
  '/usr/lib/x86_64-linux-gnu/libcuda.so.1',
  '/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1',
] as const;

/**
 * Writes what the NVIDIA runtime injects into `fs` (the container's root, or a layer the runtime
 * mounts over it). The runtime also sets NVIDIA_VISIBLE_DEVICES (e.g. "all" or "0") in the
 * container's environment.
 */
export function injectNvidiaRuntime(fs: FileSystem, gpu: GpuInfo = DEFAULT_GPU): void {
  const bus = gpu.busId.slice(4).toLowerCase();
  fs.mkdir('/dev', { recursive: true });
  for (const dev of ['nvidia0', 'nvidiactl', 'nvidia-uvm']) fs.writeFile(`/dev/${dev}`, '', { mode: 0o666 });
  fs.mkdir(`/proc/driver/nvidia/gpus/${bus}`, { recursive: true });
  fs.writeFile('/proc/driver/nvidia/version', `NVRM version: NVIDIA UNIX x86_64 Kernel Module  ${gpu.driver}  Thu Jun 27 20:43:33 UTC 2024\nGCC version:  gcc version 12.2.0 (Debian 12.2.0-14)\n`);
  fs.writeFile(
    `/proc/driver/nvidia/gpus/${bus}/information`,
    `Model: \t\t ${gpu.name}\nIRQ:   \t\t 39\nGPU UUID: \t GPU-8f3c1a42-7d2e-4b6f-9c1a-3e5d7f9b2c4d\nVideo BIOS: \t 90.04.96.00.01\nBus Type: \t PCIe\nDMA Size: \t 47 bits\nDMA Mask: \t 0x7fffffffffff\nBus Location: \t ${gpu.busId}\nDevice Minor: \t 0\nCUDA Version: \t ${gpu.cuda}\nMemory: \t ${gpu.memoryMiB}\nGPU Excluded:\t No\n`,
  );
  fs.mkdir('/usr/bin', { recursive: true });
  fs.writeFile('/usr/bin/nvidia-smi', executableImage('nvidia-smi'), { mode: 0o755 });
  fs.chmod('/usr/bin/nvidia-smi', 0o755);
  fs.mkdir('/usr/lib/x86_64-linux-gnu', { recursive: true });
  writeSized(fs, `/usr/lib/x86_64-linux-gnu/libcuda.so.${gpu.driver}`, 29_867_944, { seed: 535 });
  writeSized(fs, `/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.${gpu.driver}`, 2_078_360, { seed: 536 });
  for (const [link, target] of [
    ['libcuda.so.1', `libcuda.so.${gpu.driver}`],
    ['libnvidia-ml.so.1', `libnvidia-ml.so.${gpu.driver}`],
  ] as const) {
    if (!fs.exists(`/usr/lib/x86_64-linux-gnu/${link}`)) fs.symlink(target, `/usr/lib/x86_64-linux-gnu/${link}`);
  }
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** nvidia-smi's table, in the layout of the 535 driver. */
export function nvidiaSmiTable(gpu: GpuInfo, now: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const hh = (n: number) => String(n).padStart(2, '0');
  const date = `${days[now.getUTCDay()]} ${months[now.getUTCMonth()]} ${String(now.getUTCDate()).padStart(2, ' ')} ${hh(now.getUTCHours())}:${hh(now.getUTCMinutes())}:${hh(now.getUTCSeconds())} ${now.getUTCFullYear()}`;
  const rule = '+---------------------------------------------------------------------------------------+';
  const cols = '+-----------------------------------------+----------------------+----------------------+';
  const head = `| ${pad(`NVIDIA-SMI ${gpu.driver}`, 34)}${pad(`Driver Version: ${gpu.driver}`, 29)}${pad(`CUDA Version: ${gpu.cuda}`, 23)}|`;
  const row1 = `| ${pad(`  0  ${gpu.name}`, 36)}${pad('Off', 3, true)} | ${gpu.busId} Off |                    0 |`;
  const row2 = `| N/A   32C    P8               9W /  70W | ${pad(`2MiB / ${gpu.memoryMiB}MiB`, 20, true)} |      0%      Default |`;
  return [
    `${date}       `,
    rule,
    head,
    '|-----------------------------------------+----------------------+----------------------+',
    '| GPU  Name                 Persistence-M | Bus-Id        Disp.A | Volatile Uncorr. ECC |',
    '| Fan  Temp   Perf          Pwr:Usage/Cap |         Memory-Usage | GPU-Util  Compute M. |',
    '|                                         |                      |               MIG M. |',
    '|=========================================+======================+======================|',
    row1,
    row2,
    '|                                         |                      |                  N/A |',
    cols,
    '                                                                                         ',
    rule,
    '| Processes:                                                                            |',
    '|  GPU   GI   CI        PID   Type   Process name                            GPU Memory |',
    '|        ID   ID                                                             Usage      |',
    '|=======================================================================================|',
    '|  No running processes found                                                           |',
    rule,
    '',
  ].join('\n');
}

export const nvidiaSmiProgram: Program = async (ctx) => {
  const gpu = gpuOf(ctx);
  if (!gpu) {
    ctx.stderr.write('NVIDIA-SMI has failed because it couldn\'t communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.\n\n');
    return 9;
  }
  if (ctx.argv.includes('-L') || ctx.argv.includes('--list-gpus')) {
    ctx.stdout.write(`GPU 0: ${gpu.name} (UUID: GPU-8f3c1a42-7d2e-4b6f-9c1a-3e5d7f9b2c4d)\n`);
    return 0;
  }
  ctx.stdout.write(nvidiaSmiTable(gpu, new Date(ctx.clock.now())));
  return 0;
};
