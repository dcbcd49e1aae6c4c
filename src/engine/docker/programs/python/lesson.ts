/**
 * The starter project's scripts (content/project) as the simulated python runs them: same
 * imports in the same order, same argparse, same messages and output as the real scripts, with
 * the numbers of real runs (training.generated.ts) and simulated time for the work.
 */
import type { OutputStream, ProcessContext } from '../../../process';
import { FsError } from '../../../fs/types';
import { PROJECT_DATA_SIZES, PROJECT_TEXTS } from '../project/files.generated';
import { dirname, basename, fileSize, gpuOf, hash32, isDir, isFile, pause, readTail, readText, realpath, resolvePath, writeSized } from '../system';
import { ArgparseExit, helpWidth, parseArgs, parserError, pathStr } from './argparse';
import type { ArgValues, ParserSpec } from './argparse';
import { findModule, pyNumber } from './install';
import type { InstalledPackage, PythonInstall } from './install';
import { PY } from './messages';
import type { PyStdout } from './stdio';
import { formatTraceback, frameAt } from './traceback';
import type { Frame } from './traceback';
import { MODEL_FILE_SIZES, RECORDED_RUNS } from './training.generated';
import type { RecordedRun } from './training-types';

/** Simulated durations (ms). Real runs of the synthetic set take about this on a laptop CPU, slowed a little so students can watch. */
export const TIMING = {
  importTorch: 1400,
  importNumpy: 250,
  epochCpu: 1500,
  epochGpu: 400,
  evaluate: 120,
  save: 60,
  predict: 80,
  makeDataset: 300,
  makeSynthetic: 1800,
  cudaInit: 900,
} as const;

export type LessonScript = 'train' | 'predict' | 'make_dataset' | 'make_synthetic' | 'pytorch_docker';

const SCRIPT_FILES: Record<LessonScript, string> = {
  train: 'src/models/train_model.py',
  predict: 'src/models/predict_model.py',
  make_dataset: 'src/data/make_dataset.py',
  make_synthetic: 'src/data/make_synthetic.py',
  pytorch_docker: 'pytorch_docker.py',
};

/** Line endings, trailing spaces and trailing blank lines do not make a script different. */
export function normalizeSource(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

const NORMALIZED = new Map<string, LessonScript>(
  (Object.entries(SCRIPT_FILES) as [LessonScript, string][]).map(([k, f]) => [normalizeSource(PROJECT_TEXTS[f] ?? ''), k]),
);

/** Which lesson script a file's content is (wherever it lives), or null. */
export function identifyScript(text: string): LessonScript | null {
  return NORMALIZED.get(normalizeSource(text)) ?? null;
}

export function sourceOf(script: LessonScript): string {
  return PROJECT_TEXTS[SCRIPT_FILES[script]] ?? '';
}

export interface ScriptRun {
  ctx: ProcessContext;
  py: PythonInstall;
  /** sys.argv[0] as given. */
  scriptArg: string;
  /** Absolute path of the script. */
  scriptPath: string;
  args: readonly string[];
  stdout: PyStdout;
  stderr: OutputStream;
}

/** Thrown to end a script with a status (after its output is written). */
export class ScriptExit {
  constructor(
    readonly status: number,
    /** Killed by a signal: Python's buffers are lost. */
    readonly killed = false,
  ) {}
}

function displayPath(run: ScriptRun): string {
  return pyNumber(run.py) >= 309 ? run.scriptPath : run.scriptArg;
}

function width(run: ScriptRun): number {
  return helpWidth(run.ctx.env, run.ctx.tty.stdout ? run.ctx.terminal.columns : null);
}

function parse(run: ScriptRun, spec: ParserSpec): ArgValues {
  try {
    return parseArgs(spec, run.args, width(run), pyNumber(run.py));
  } catch (e) {
    if (e instanceof ArgparseExit) fail(run, e);
    throw e;
  }
}

function fail(run: ScriptRun, e: ArgparseExit): never {
  if (e.stdout) run.stdout.write(e.stdout);
  if (e.stderr) run.stderr.write(e.stderr);
  throw new ScriptExit(e.status);
}

function moduleNotFound(run: ScriptRun, script: LessonScript, code: string, module: string): never {
  const frame = frameAt(displayPath(run), sourceOf(script), '<module>', code);
  run.stderr.write(formatTraceback([frame], `ModuleNotFoundError: No module named '${module}'`, pyNumber(run.py)));
  throw new ScriptExit(1);
}

/** Waits simulated time; on Ctrl+C prints the KeyboardInterrupt traceback `frames` gives. */
async function work(run: ScriptRun, ms: number, frames: () => Frame[]): Promise<void> {
  if (await pause(run.ctx, ms)) return;
  const signo = run.ctx.signal.signo || 2;
  if (signo === 2) {
    run.stderr.write(formatTraceback(frames(), 'KeyboardInterrupt', pyNumber(run.py)));
    throw new ScriptExit(130);
  }
  throw new ScriptExit(128 + signo, true);
}

/** `import numpy` / `import torch` at the top of a script. */
async function importModules(run: ScriptRun, script: LessonScript, modules: readonly ('numpy' | 'torch')[]): Promise<InstalledPackage | null> {
  let torch: InstalledPackage | null = null;
  for (const m of modules) {
    const found = findModule(run.ctx.fs, run.py, m);
    const code = m === 'numpy' ? 'import numpy as np' : 'import torch';
    if (!found) moduleNotFound(run, script, code, m);
    const frame = frameAt(displayPath(run), sourceOf(script), '<module>', code);
    await work(run, m === 'torch' ? TIMING.importTorch : TIMING.importNumpy, () => [frame]);
    if (m === 'torch') torch = found;
  }
  return torch;
}

/** `from src.models.model import …`: the project root (two folders above the script's) must hold an unchanged model.py. */
function importProjectModel(run: ScriptRun, script: LessonScript): string {
  const real = realpath(run.ctx.fs, run.scriptPath);
  const root = dirname(dirname(dirname(real)));
  const base = root === '/' ? '' : root;
  const code = 'from src.models.model import';
  if (!isDir(run.ctx.fs, `${base}/src`)) moduleNotFound(run, script, code, 'src');
  if (!isDir(run.ctx.fs, `${base}/src/models`)) moduleNotFound(run, script, code, 'src.models');
  const model = `${base}/src/models/model.py`;
  const text = readText(run.ctx.fs, model);
  if (text === null) moduleNotFound(run, script, code, 'src.models.model');
  if (normalizeSource(text) !== normalizeSource(PROJECT_TEXTS['src/models/model.py'] ?? '')) {
    run.stderr.write(PY.modelChanged(model));
    throw new ScriptExit(1);
  }
  return model;
}

function abs(run: ScriptRun, path: string): string {
  return resolvePath(run.ctx.cwd, path);
}

/** A data file of the starter project, identified by its size; anything else stops the run honestly. */
function checkData(run: ScriptRun, path: string, shipped: string): void {
  if (fileSize(run.ctx.fs, abs(run, path)) !== PROJECT_DATA_SIZES[shipped]) {
    run.stderr.write(PY.dataUnknown(path));
    throw new ScriptExit(1);
  }
}

// ---- training numbers -------------------------------------------------------------------------

export interface TrainConfig {
  epochs: number;
  lr: number;
  batchSize: number;
  seed: number;
}

export interface EpochResult {
  loss: string;
  accuracy: string;
}

const DEFAULT_RUN = RECORDED_RUNS[0]!;

function recorded(config: TrainConfig): RecordedRun | undefined {
  return RECORDED_RUNS.find((r) => Math.abs(r.lr - config.lr) < 1e-12 && r.batchSize === config.batchSize && r.seed === config.seed);
}

function unit(config: TrainConfig, salt: string): number {
  return hash32(`${config.lr}/${config.batchSize}/${config.seed}/${salt}`) / 2 ** 32;
}

/** The default run's curve at a fractional epoch `e` (linear between recorded epochs, a noisy plateau after them). */
function curve(e: number, pick: (i: number) => number, plateau: number): number {
  const n = DEFAULT_RUN.epochs.length;
  if (e <= 1) return pick(0);
  if (e >= n) return plateau;
  const i = Math.floor(e);
  const t = e - i;
  return pick(i - 1) * (1 - t) + pick(i) * t;
}

/** How many default epochs one epoch of this configuration is worth. */
function pace(config: TrainConfig): number {
  const lr = Math.min(Math.max(config.lr, 1e-5), 0.05);
  return Math.pow(10, 0.6 * Math.log10(lr / 1e-3)) * Math.sqrt(16 / Math.max(1, config.batchSize));
}

/** Loss and accuracy of epoch `epoch` (1-based): recorded where a real run was, plausible otherwise. */
export function epochResult(config: TrainConfig, epoch: number): EpochResult {
  const rec = recorded(config);
  if (rec && epoch <= rec.epochs.length) {
    const [loss, accuracy] = rec.epochs[epoch - 1]!;
    return { loss, accuracy };
  }
  if (config.lr >= 0.1 || !Number.isFinite(config.lr)) {
    const wobble = unit(config, `d${epoch}`);
    return { loss: (2.3026 + wobble * 0.004).toFixed(4), accuracy: (0.09 + wobble * 0.03).toFixed(4) };
  }
  const e = epoch * pace(config);
  const noise = 1 + (unit(config, `l${epoch}`) - 0.5) * 0.12;
  const loss = curve(e, (i) => Number(DEFAULT_RUN.epochs[i]![0]), 0.01 + 0.02 * unit(config, `p${epoch}`)) * noise;
  const acc = Math.min(1, curve(e, (i) => Number(DEFAULT_RUN.epochs[i]![1]), 0.99 + 0.01 * unit(config, `a${epoch}`)) + (unit(config, `q${epoch}`) - 0.5) * 0.01);
  return { loss: loss.toFixed(4), accuracy: (Math.round(acc * 500) / 500).toFixed(4) };
}

/** Test accuracy after `epochs` epochs. */
export function testAccuracy(config: TrainConfig): string {
  const rec = recorded(config);
  if (rec && config.epochs <= rec.test.length) return rec.test[config.epochs - 1]!;
  if (config.lr >= 0.1 || !Number.isFinite(config.lr)) return '0.1000';
  const e = Math.min(config.epochs * pace(config), DEFAULT_RUN.test.length);
  const base = curve(e, (i) => Number(DEFAULT_RUN.test[i]!), Number(DEFAULT_RUN.test[DEFAULT_RUN.test.length - 1]));
  return (Math.round(Math.min(1, base) * 100) / 100).toFixed(4);
}

/** The encoded predictions of a model trained with `config` for one of the shipped image files. */
export function predictionsFor(config: TrainConfig, file: string): string | null {
  const rec = recorded(config);
  const exact = rec?.predictions[config.epochs - 1]?.[file];
  if (exact) return exact;
  const e = Math.round(Math.min(Math.max(config.epochs * pace(config), 1), DEFAULT_RUN.predictions.length));
  for (let k = e; k >= 1; k--) {
    const p = DEFAULT_RUN.predictions[k - 1]?.[file];
    if (p) return p;
  }
  return null;
}

// ---- the model file ---------------------------------------------------------------------------

const MODEL_MARK = 'simulated-model:';

/** Size of the file torch.save writes for the state dict (the archive names entries after the file's stem). */
export function modelFileSize(path: string): number {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const n = Math.max(1, stem.length);
  const sizes = MODEL_FILE_SIZES;
  if (n <= sizes.length) return sizes[n - 1]!;
  return sizes[sizes.length - 1]! + (n - sizes.length) * 10;
}

/** The end of a zip archive (end of central directory) whose comment records the training settings. */
export function modelTail(config: TrainConfig): string {
  const comment = `${MODEL_MARK} epochs=${config.epochs} lr=${config.lr} batch=${config.batchSize} seed=${config.seed}`;
  const le16 = (n: number) => String.fromCharCode(n & 0xff, (n >> 8) & 0xff);
  return `PK\x05\x06\0\0\0\0${le16(10)}${le16(10)}\0\0\0\0\0\0\0\0${le16(comment.length)}${comment}`;
}

/** The training settings of a model file the simulated train_model.py wrote, or null. */
export function readModel(run: { ctx: ProcessContext }, path: string): TrainConfig | null {
  try {
    const tail = new TextDecoder('latin1').decode(readTail(run.ctx.fs, path, 200));
    const m = /simulated-model: epochs=(\d+) lr=([^ ]+) batch=(\d+) seed=(-?\d+)/.exec(tail);
    if (!m) return null;
    return { epochs: Number(m[1]), lr: Number(m[2]), batchSize: Number(m[3]), seed: Number(m[4]) };
  } catch {
    return null;
  }
}

function torchMajorMinor(torch: InstalledPackage | null): number {
  const m = /^(\d+)\.(\d+)/.exec(torch?.version ?? '2.0');
  return m ? Number(m[1]) * 100 + Number(m[2]) : 200;
}

/** What torch.load says about a file that is not a checkpoint, as _brief() cuts it. */
function notACheckpoint(torch: InstalledPackage | null, firstChar: string): string {
  const v = torchMajorMinor(torch);
  let text: string;
  if (v < 113) text = `invalid load key, '${firstChar}'.`;
  else if (v < 200)
    text = `Weights only load failed. Re-running \`torch.load\` with \`weights_only\` set to \`False\` will likely succeed, but it can result in arbitrary code execution.Do it only if you get the file from a trusted source. WeightsUnpickler error: Unsupported operand ${firstChar.charCodeAt(0)}`;
  else if (v < 206)
    text = `Weights only load failed. Re-running \`torch.load\` with \`weights_only\` set to \`False\` will likely succeed, but it can result in arbitrary code execution. Do it only if you got the file from a trusted source. WeightsUnpickler error: Unsupported operand ${firstChar.charCodeAt(0)}`;
  else
    text = `Weights only load failed. This file can still be loaded, to do so you have two options, do those steps only if you trust the source of the checkpoint. (1) In PyTorch 2.6, we changed the default value of the \`weights_only\` argument in \`torch.load\` from \`False\` to \`True\`.`;
  return brief(text);
}

function brief(text: string, limit = 200): string {
  const t = text.split(/\s+/).filter(Boolean).join(' ');
  return t.length <= limit ? t : `${t.slice(0, limit - 3)}...`;
}

// ---- train_model.py ---------------------------------------------------------------------------

const TRAIN_PARSER: ParserSpec = {
  prog: 'train_model.py',
  description: 'Train the digit classifier.',
  args: [
    { dest: 'epochs', option: '--epochs', type: 'int', default: 5, help: 'passes over the training data (default: 5)' },
    { dest: 'lr', option: '--lr', type: 'float', default: 1e-3, help: 'learning rate for Adam (default: 0.001)' },
    { dest: 'batch_size', option: '--batch-size', type: 'int', default: 16, help: 'images per step (default: 16)' },
    { dest: 'seed', option: '--seed', type: 'int', default: 0, help: 'random seed, for repeatable runs (default: 0)' },
    { dest: 'data_dir', option: '--data-dir', type: 'path', default: 'data/processed', help: 'folder with train.pt and test.pt (default: data/processed)' },
    { dest: 'output', option: '--output', type: 'path', default: 'models/trained_model.pt', help: 'where to save the weights (default: models/trained_model.pt)' },
  ],
};

function withProg(spec: ParserSpec, run: ScriptRun): ParserSpec {
  return { ...spec, prog: basename(run.scriptArg) || spec.prog };
}

export async function runTrain(run: ScriptRun): Promise<number> {
  const src = sourceOf('train');
  const file = displayPath(run);
  const torch = await importModules(run, 'train', ['torch']);
  importProjectModel(run, 'train');
  const spec = withProg(TRAIN_PARSER, run);
  const a = parse(run, spec);
  const w = width(run);
  const epochs = a.epochs as number;
  const lr = a.lr as number;
  const batchSize = a.batch_size as number;
  const dataDir = pathStr(String(a.data_dir));
  const output = pathStr(String(a.output));
  if (epochs < 1) fail(run, parserError(spec, w, '--epochs must be at least 1'));
  if (lr <= 0) fail(run, parserError(spec, w, '--lr must be positive'));
  if (batchSize < 1) fail(run, parserError(spec, w, '--batch-size must be at least 1'));
  for (const split of ['train.pt', 'test.pt']) {
    const p = pathStr(`${dataDir}/${split}`);
    if (!isFile(run.ctx.fs, abs(run, p))) fail(run, parserError(spec, w, `${p} not found; create it with: python src/data/make_dataset.py`));
  }
  checkData(run, pathStr(`${dataDir}/train.pt`), 'data/processed/train.pt');
  checkData(run, pathStr(`${dataDir}/test.pt`), 'data/processed/test.pt');
  const gpu = torch?.cuda ? gpuOf(run.ctx) : null;
  const device = gpu ? 'cuda' : 'cpu';
  const config: TrainConfig = { epochs, lr, batchSize, seed: a.seed as number };

  const mainCall = frameAt(file, src, '<module>', '    main()');
  const inEpoch = (): Frame[] => {
    const site = `${run.py.sitePackages}/torch`;
    return [
      mainCall,
      frameAt(file, src, 'main', 'loss, accuracy = train_epoch(', 'train_epoch(model, train_loader, optimizer, device)'),
      frameAt(file, src, 'train_epoch', 'loss.backward()'),
      { file: `${site}/_tensor.py`, line: torchLine(torch, 'tensor'), func: 'backward', code: '    torch.autograd.backward(' },
      { file: `${site}/autograd/__init__.py`, line: torchLine(torch, 'autograd'), func: 'backward', code: '    Variable._execution_engine.run_backward(  # Calls into the C++ engine to run the backward pass' },
    ];
  };
  if (gpu) await work(run, TIMING.cudaInit, inEpoch);
  run.stdout.write(`Training on 500 images for ${epochs} epochs (device: ${device})\n`);
  const perEpoch = (gpu ? TIMING.epochGpu : TIMING.epochCpu) * Math.sqrt(16 / batchSize);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    await work(run, perEpoch, inEpoch);
    const r = epochResult(config, epoch);
    run.stdout.write(`Epoch ${epoch}/${epochs} - loss: ${r.loss} - accuracy: ${r.accuracy}\n`);
  }
  await work(run, TIMING.evaluate, inEpoch);
  run.stdout.write(`Test accuracy: ${testAccuracy(config)} (100 images)\n`);
  const outAbs = abs(run, output);
  const parent = dirname(outAbs);
  try {
    run.ctx.fs.mkdir(parent, { recursive: true });
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    const rel = dirname(output) === '/' ? '/' : output.includes('/') ? output.slice(0, output.lastIndexOf('/')) : '.';
    run.stderr.write(
      formatTraceback(
        [mainCall, frameAt(file, src, 'main', 'args.output.parent.mkdir(parents=True, exist_ok=True)'), { file: `${run.py.prefix}/lib/python${run.py.minor}/pathlib.py`, line: 1116, func: 'mkdir', code: '    os.mkdir(self, mode)' }],
        `${e.code === 'EACCES' ? 'PermissionError: [Errno 13] Permission denied' : e.code === 'ENOTDIR' ? 'NotADirectoryError: [Errno 20] Not a directory' : e.code === 'EROFS' ? 'OSError: [Errno 30] Read-only file system' : 'FileExistsError: [Errno 17] File exists'}: '${rel}'`,
        pyNumber(run.py),
      ),
    );
    throw new ScriptExit(1);
  }
  await work(run, TIMING.save, inEpoch);
  try {
    writeSized(run.ctx.fs, outAbs, modelFileSize(outAbs), { seed: hash32(`model/${epochs}/${lr}/${batchSize}/${config.seed}`), tail: modelTail(config) });
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    const what = e.code === 'EISDIR' ? 'IsADirectoryError: [Errno 21] Is a directory' : e.code === 'EACCES' ? 'PermissionError: [Errno 13] Permission denied' : 'OSError: [Errno 30] Read-only file system';
    run.stderr.write(formatTraceback([mainCall, frameAt(file, src, 'main', 'torch.save(model.state_dict(), args.output)')], `${what}: '${output}'`, pyNumber(run.py)));
    throw new ScriptExit(1);
  }
  run.stdout.write(`Saved model to ${output}\n`);
  return 0;
}

/** Line numbers in torch's own files for the traceback of an interrupted backward pass. */
function torchLine(torch: InstalledPackage | null, which: 'tensor' | 'autograd'): number {
  const v = torchMajorMinor(torch);
  const table: Record<number, [number, number]> = { 108: [255, 147], 110: [307, 154], 113: [488, 197], 200: [487, 200], 205: [581, 347] };
  const key = Object.keys(table).map(Number).filter((k) => k <= v).pop() ?? 113;
  const [t, a] = table[key]!;
  return which === 'tensor' ? t : a;
}

// ---- predict_model.py -------------------------------------------------------------------------

const PREDICT_PARSER: ParserSpec = {
  prog: 'predict_model.py',
  description: 'Predict digits with a trained model.',
  args: [
    { dest: 'model_path', metavar: 'MODEL_PATH', type: 'path', help: 'weights saved by train_model.py' },
    { dest: 'images_path', metavar: 'IMAGES_PATH', type: 'path', help: '.npy or .pt file of 28x28 images' },
  ],
};

const SHIPPED_IMAGES: Record<string, number> = {
  'data/example_images.npy': 10,
  'data/processed/test.pt': 100,
  'data/processed/train.pt': 500,
};

export async function runPredict(run: ScriptRun): Promise<number> {
  const torch = await importModules(run, 'predict', ['numpy', 'torch']);
  importProjectModel(run, 'predict');
  const spec = withProg(PREDICT_PARSER, run);
  const a = parse(run, spec);
  const w = width(run);
  const modelPath = pathStr(String(a.model_path));
  const imagesPath = pathStr(String(a.images_path));
  for (const [label, path] of [
    ['model file', modelPath],
    ['images file', imagesPath],
  ] as const) {
    if (!isFile(run.ctx.fs, abs(run, path))) fail(run, parserError(spec, w, `${label} not found: ${path} (relative paths start at ${run.ctx.cwd})`));
  }
  const config = readModel(run, abs(run, modelPath));
  if (!config) {
    const size = fileSize(run.ctx.fs, abs(run, modelPath));
    let reason: string;
    if (size === PROJECT_DATA_SIZES['data/processed/train.pt'] || size === PROJECT_DATA_SIZES['data/processed/test.pt']) {
      reason = brief(
        'Error(s) in loading state_dict for DigitClassifier: Missing key(s) in state_dict: "features.0.weight", "features.0.bias", "features.3.weight", "features.3.bias", "classifier.1.weight", "classifier.1.bias", "classifier.4.weight", "classifier.4.bias". Unexpected key(s) in state_dict: "images", "labels".',
      );
    } else {
      let first = '\0';
      try {
        first = String.fromCharCode(run.ctx.fs.readFile(abs(run, modelPath)).subarray(0, 1)[0] ?? 0);
      } catch {
        // unreadable: keep NUL
      }
      if (size === 0) reason = brief(torchMajorMinor(torch) < 113 ? 'Ran out of input' : notACheckpoint(torch, 'E'));
      else reason = notACheckpoint(torch, first === '\x93' ? '\x93' : first);
    }
    fail(run, parserError(spec, w, `${modelPath} is not a model saved by train_model.py (${reason})`));
  }
  const suffix = /\.[^./]+$/.exec(basename(imagesPath))?.[0] ?? '';
  let file: string | null = null;
  const imgSize = fileSize(run.ctx.fs, abs(run, imagesPath));
  if (suffix === '.npy') {
    if (imgSize === PROJECT_DATA_SIZES['data/example_images.npy']) file = 'data/example_images.npy';
  } else if (suffix === '.pt') {
    if (readModel(run, abs(run, imagesPath))) fail(run, parserError(spec, w, `could not read images from ${imagesPath}: expected a tensor (or a dict with an 'images' tensor), found OrderedDict`));
    if (imgSize === PROJECT_DATA_SIZES['data/processed/test.pt']) file = 'data/processed/test.pt';
    else if (imgSize === PROJECT_DATA_SIZES['data/processed/train.pt']) file = 'data/processed/train.pt';
  } else {
    fail(run, parserError(spec, w, `could not read images from ${imagesPath}: unsupported file type '${suffix}': use .npy or .pt`));
  }
  if (!file) {
    run.stderr.write(PY.dataUnknown(imagesPath));
    return 1;
  }
  await work(run, TIMING.predict, () => [frameAt(displayPath(run), sourceOf('predict'), '<module>', '    main()')]);
  const encoded = predictionsFor(config, file) ?? predictionsFor({ ...config, epochs: 10, lr: 1e-3, batchSize: 16, seed: 0 }, 'data/processed/test.pt')!;
  const count = SHIPPED_IMAGES[file]!;
  let out = `Predictions for ${count} image${count === 1 ? '' : 's'} in ${imagesPath}:\n`;
  for (let i = 0; i < count; i++) {
    const chunk = encoded.slice(i * 3, i * 3 + 3).padEnd(3, '0');
    const conf = chunk.slice(1) === 'A0' ? '1.00' : `0.${chunk.slice(1)}`;
    out += `image ${i}: ${chunk[0]} (confidence ${conf})\n`;
  }
  run.stdout.write(out);
  return 0;
}

// ---- pytorch_docker.py ------------------------------------------------------------------------

export async function runPytorchDocker(run: ScriptRun): Promise<number> {
  const torch = findModule(run.ctx.fs, run.py, 'torch');
  if (!torch) {
    run.stderr.write(`PyTorch is not installed for this Python (${run.py.executable}): No module named 'torch'\n`);
    return 1;
  }
  await work(run, TIMING.importTorch, () => [frameAt(displayPath(run), sourceOf('pytorch_docker'), 'main', 'import torch')]);
  const gpu = torch.cuda ? gpuOf(run.ctx) : null;
  run.stdout.write(`Python version: ${run.py.version}\n`);
  run.stdout.write(`PyTorch version: ${torch.version}\n`);
  run.stdout.write(`CUDA available: ${gpu ? 'True' : 'False'}\n`);
  if (gpu) {
    run.stdout.write(`GPU: ${gpu.name} (CUDA ${torch.cuda})\n`);
    await work(run, TIMING.cudaInit, () => []);
  }
  run.stdout.write(`Sum of a 3x3 matrix product computed on ${gpu ? 'cuda' : 'cpu'}: 27\n`);
  return 0;
}

// ---- make_dataset.py and make_synthetic.py ----------------------------------------------------

const DATASET_PARSER: ParserSpec = {
  prog: 'make_dataset.py',
  description: 'Turn raw digits into data/processed/{train,test}.pt.',
  args: [
    { dest: 'source', option: '--source', choices: ['synthetic', 'mnist'], default: 'synthetic', help: 'default: synthetic' },
    { dest: 'download', option: '--download', flag: true, default: false, help: 'with --source mnist: fetch the files first' },
    { dest: 'raw_dir', option: '--raw-dir', type: 'path', default: 'data/raw', help: 'default: data/raw' },
    { dest: 'out_dir', option: '--out-dir', type: 'path', default: 'data/processed', help: 'default: data/processed' },
  ],
};

const MNIST_FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];

function writeData(run: ScriptRun, path: string, shipped: string): void {
  const p = abs(run, path);
  run.ctx.fs.mkdir(dirname(p), { recursive: true });
  writeSized(run.ctx.fs, p, PROJECT_DATA_SIZES[shipped]!, { seed: hash32(shipped) });
}

export async function runMakeDataset(run: ScriptRun): Promise<number> {
  await importModules(run, 'make_dataset', ['numpy', 'torch']);
  const spec = withProg(DATASET_PARSER, run);
  const a = parse(run, spec);
  if (a.download && a.source !== 'mnist') fail(run, parserError(spec, width(run), '--download only applies to --source mnist'));
  const rawDir = pathStr(String(a.raw_dir));
  const outDir = pathStr(String(a.out_dir));
  if (a.source === 'mnist') {
    const mnistDir = pathStr(`${rawDir}/mnist`);
    if (a.download) {
      run.stderr.write(PY.noMnistDownload);
      return 1;
    }
    const missing = MNIST_FILES.filter((n) => !run.ctx.fs.exists(abs(run, `${mnistDir}/${n}`)));
    run.stderr.write(missing.length ? `error: ${mnistDir} lacks ${missing.join(', ')}; run again with --download\n` : PY.noMnistDownload);
    return 1;
  }
  const rawFile = pathStr(`${rawDir}/synthetic_digits.npz`);
  if (!run.ctx.fs.exists(abs(run, rawFile))) {
    run.stderr.write(`error: ${rawFile} not found; create it with: python src/data/make_synthetic.py\n`);
    return 1;
  }
  checkData(run, rawFile, 'data/raw/synthetic_digits.npz');
  await work(run, TIMING.makeDataset, () => [frameAt(displayPath(run), sourceOf('make_dataset'), '<module>', '    main()')]);
  for (const split of ['train', 'test']) {
    const path = pathStr(`${outDir}/${split}.pt`);
    writeData(run, path, `data/processed/${split}.pt`);
    run.stdout.write(`Wrote ${path}\n`);
  }
  return 0;
}

const SYNTHETIC_PARSER: ParserSpec = {
  prog: 'make_synthetic.py',
  description: 'Generate the synthetic digit data set.',
  args: [
    { dest: 'n_train', option: '--n-train', type: 'int', default: 500, help: 'training images (default: 500)' },
    { dest: 'n_test', option: '--n-test', type: 'int', default: 100, help: 'test images (default: 100)' },
    { dest: 'seed', option: '--seed', type: 'int', default: 0, help: 'random seed (default: 0)' },
    { dest: 'raw_dir', option: '--raw-dir', type: 'path', default: 'data/raw', help: 'default: data/raw' },
    { dest: 'examples', option: '--examples', type: 'path', default: 'data/example_images.npy', help: 'default: data/example_images.npy' },
  ],
};

export async function runMakeSynthetic(run: ScriptRun): Promise<number> {
  await importModules(run, 'make_synthetic', ['numpy']);
  const spec = withProg(SYNTHETIC_PARSER, run);
  const a = parse(run, spec);
  if (a.n_train !== 500 || a.n_test !== 100 || a.seed !== 0) {
    run.stderr.write(PY.dataUnknown(`a data set with --n-train ${a.n_train} --n-test ${a.n_test} --seed ${a.seed}`));
    return 1;
  }
  await work(run, TIMING.makeSynthetic, () => [frameAt(displayPath(run), sourceOf('make_synthetic'), '<module>', '    main()')]);
  const rawFile = pathStr(`${pathStr(String(a.raw_dir))}/synthetic_digits.npz`);
  const examples = pathStr(String(a.examples));
  writeData(run, rawFile, 'data/raw/synthetic_digits.npz');
  writeData(run, examples, 'data/example_images.npy');
  run.stdout.write(`Wrote ${rawFile} (500 train, 100 test images)\nWrote ${examples} (the digits 0-9 in order)\n`);
  return 0;
}

export const LESSON_RUNNERS: Record<LessonScript, (run: ScriptRun) => Promise<number>> = {
  train: runTrain,
  predict: runPredict,
  make_dataset: runMakeDataset,
  make_synthetic: runMakeSynthetic,
  pytorch_docker: runPytorchDocker,
};

