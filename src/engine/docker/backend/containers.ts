/** The engine's answers for containers: run, create, start, stop, kill, restart, rm, ps, logs, exec, cp, inspect, prune. */
import type { ProcessContext } from '../../process';
import type { DockerRequest } from '../cli/parse';
import { DaemonError } from '../daemon/errors';
import { ReferenceError, familiarString, isNamed, parseAnyReference, parseNormalizedNamed, tagNameOnly } from '../daemon/reference';
import type { DockerEngine } from '../engine';
import {
  TemplateError,
  containerContext,
  containerFormat,
  containerStatus,
  humanSize,
  preflightFormat,
  writeFormatted,
  type ContainerRow,
  type PortSummary,
} from '../format';
import { copyCommand } from '../runtime/cp';
import { SIGINT, parseSignal } from '../runtime/exec';
import { listContainers } from '../runtime/filters';
import { PtyInput, isRawCapable, type RawCapableInput } from '../runtime/pty';
import { containerInspectCommand } from '../runtime/inspect';
import { isValidContainerName } from '../runtime/names';
import { ClientOptionError, DaemonOptionError, containerOptions, type ContainerOptions } from '../runtime/options';
import { daemonText, errorText, filterArgs, flagBool, flagList, flagNumber, flagString, withHelp } from '../runtime/output';
import { ContainerRuntime, statusForError } from '../runtime/runtime';
import type { ContainerRecord, LogEntry } from '../runtime/state';
import { authFor, loadConfig } from './images/config-file';
import { MessageDisplay, StreamError } from './images/jsonmessage';
import type { BackendPart } from './index';

// ------------------------------------------------------------------ run and create

/**
 * The pull `docker run` and `docker create` do for a missing image: on stderr (nothing with -q),
 * rendered as `docker pull` renders it, with the credentials `docker login` stored.
 */
async function pullForRun(engine: DockerEngine, request: DockerRequest, ref: string, ctx: ProcessContext, quiet: boolean): Promise<void> {
  const display = new MessageDisplay(quiet ? { write: () => {} } : ctx.stderr, { isTerminal: ctx.tty.stderr, width: ctx.terminal.columns });
  let auth;
  try {
    auth = authFor(loadConfig(request, ctx), parseNormalizedNamed(ref));
  } catch {
    auth = undefined;
  }
  try {
    for await (const message of engine.images.imagePull(ref, { signal: ctx.signal, ...(auth ? { auth } : {}) })) display.write(message);
  } catch (e) {
    if (e instanceof StreamError) throw new DaemonError('system', e.message);
    throw e;
  }
}

/** The image a new container is made from, pulling it when missing (as the CLI's createContainer does). */
async function resolveImage(engine: DockerEngine, request: DockerRequest, options: ContainerOptions, ctx: ProcessContext): Promise<string> {
  let named: string | undefined;
  const ref = parseAnyReference(options.image);
  if (isNamed(ref)) named = familiarString(tagNameOnly(ref));
  if (options.pull === 'always' && named !== undefined) await pullForRun(engine, request, options.image, ctx, options.quiet);
  try {
    return engine.images.getImage(options.image).id;
  } catch (e) {
    if (!(e instanceof DaemonError) || e.kind !== 'not-found' || named === undefined || options.pull !== 'missing') throw e;
  }
  if (!options.quiet) ctx.stderr.write(`Unable to find image '${named}' locally\n`);
  await pullForRun(engine, request, options.image, ctx, options.quiet);
  return engine.images.getImage(options.image).id;
}

/** Simulated durations of the daemon's work (ms): creating the container, starting its task. */
const CREATE_MS = 40;
const START_MS = 260;

async function createOrRun(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const engine = runtime.engine;
  const run = request.command[1] === 'run';
  let options: ContainerOptions;
  try {
    options = containerOptions(request, { cwd: ctx.cwd, fs: ctx.fs, env: ctx.env });
    parseAnyReference(options.image);
  } catch (e) {
    if (e instanceof ClientOptionError || e instanceof ReferenceError) return withHelp(ctx, request, e.message, 125);
    if (e instanceof DaemonOptionError) return withHelp(ctx, request, daemonText(e.message), 125);
    throw e;
  }
  const daemonFailure = (e: unknown): number => {
    if (!(e instanceof DaemonError)) throw e;
    if (!run) {
      ctx.stderr.write(`${daemonText(e.message)}\n`);
      return 1;
    }
    return withHelp(ctx, request, daemonText(e.message), 125);
  };
  if (options.name !== undefined && options.name !== '' && !isValidContainerName(options.name)) {
    return daemonFailure(new DaemonError('invalid-parameter', `Invalid container name (${options.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`));
  }
  for (const m of options.mountPlans) {
    if (m.type === 'bind' && m.mustExist && !engine.hostFs.exists(m.source)) {
      return daemonFailure(new DaemonError('invalid-parameter', `invalid mount config for type "bind": bind source path does not exist: ${m.source}`));
    }
  }
  if (!['bridge', 'host', 'none'].includes(options.networkMode) && !options.networkMode.startsWith('container:')) {
    return daemonFailure(new DaemonError('not-found', `network ${options.networkMode} not found`));
  }
  let imageId: string;
  try {
    imageId = await resolveImage(engine, request, options, ctx);
  } catch (e) {
    // a DaemonError is the pull's or the lookup's; Ctrl+C during the pull goes on up (130)
    return daemonFailure(e);
  }
  await ctx.clock.sleep(CREATE_MS);
  let record: ContainerRecord;
  try {
    record = runtime.create({ ...options, imageId });
  } catch (e) {
    return daemonFailure(e);
  }
  if (!run) {
    ctx.stdout.write(`${record.id}\n`);
    return 0;
  }
  return startAndAttach(runtime, record, options, request, ctx);
}

async function startAndAttach(runtime: ContainerRuntime, record: ContainerRecord, options: ContainerOptions, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const attached = !options.detach;
  // `-it`: the CLI puts its terminal in raw mode; the container's terminal does the rest
  const raw = attached && options.tty && options.attachStdin && isRawCapable(ctx.stdin);
  if (raw) (ctx.stdin as RawCapableInput).setRawMode(true);
  const detach = attached
    ? runtime.attach(
        record,
        {
          stdout: options.attachStdout ? ctx.stdout : { write: () => {} },
          stderr: options.attachStderr ? ctx.stderr : { write: () => {} },
        },
        options.attachStdin ? ctx.stdin : undefined,
        raw,
      )
    : () => {};
  try {
    await ctx.clock.sleep(START_MS);
    try {
      await runtime.start(record);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      if (record.hostConfig.AutoRemove) runtime.remove(record, { force: true, volumes: true });
      return withHelp(ctx, request, daemonText(e.message), statusForError(e.message));
    }
    if (!attached) {
      ctx.stdout.write(`${record.id}\n`);
      return 0;
    }
    return await waitAttached(runtime, record, ctx, options.sigProxy);
  } finally {
    detach();
    if (raw) (ctx.stdin as RawCapableInput).setRawMode(false);
  }
}

/**
 * Waits for an attached container to end, passing Ctrl+C on: with a TTY the key reaches the
 * container's terminal (SIGINT for its foreground process); without one the CLI forwards SIGINT
 * (--sig-proxy) — which PID 1 ignores unless its program catches it.
 */
async function waitAttached(runtime: ContainerRuntime, record: ContainerRecord, ctx: ProcessContext, sigProxy: boolean): Promise<number> {
  let signal: ProcessContext['signal'] | undefined = ctx.signal;
  for (;;) {
    const result = await runtime.waitExit(record, signal);
    if (result !== 'interrupted') break;
    signal = undefined;
    if (!record.config.Tty && !sigProxy) return 130;
    if (runtime.isRunning(record)) {
      try {
        runtime.kill(record, SIGINT, false);
      } catch {
        // it ended meanwhile
      }
    }
  }
  return record.state.exitCode;
}

// ------------------------------------------------------------------ start, stop, kill, restart, rm

async function eachContainer(
  runtime: ContainerRuntime,
  request: DockerRequest,
  ctx: ProcessContext,
  action: (record: ContainerRecord, ref: string) => Promise<void> | void,
): Promise<string[]> {
  const errors: string[] = [];
  for (const ref of request.args) {
    try {
      await action(runtime.find(ref), ref);
      ctx.stdout.write(`${ref}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(daemonText(e.message));
    }
  }
  return errors;
}

async function startCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const attach = flagBool(request, 'attach') || flagBool(request, 'interactive');
  if (attach) {
    let record: ContainerRecord;
    try {
      record = runtime.find(request.args[0]!);
    } catch (e) {
      ctx.stderr.write(`${errorText(e)}\n`);
      return 1;
    }
    if (record.config.Tty && flagBool(request, 'interactive') && !ctx.tty.stdin) {
      ctx.stderr.write('the input device is not a TTY\n');
      return 1;
    }
    const withStdin = flagBool(request, 'interactive') && record.config.OpenStdin;
    const raw = withStdin && record.config.Tty && isRawCapable(ctx.stdin);
    if (raw) (ctx.stdin as RawCapableInput).setRawMode(true);
    const detach = runtime.attach(record, { stdout: ctx.stdout, stderr: ctx.stderr }, withStdin ? ctx.stdin : undefined, raw);
    try {
      if (!runtime.isRunning(record)) {
        await ctx.clock.sleep(START_MS);
        try {
          await runtime.start(record);
        } catch (e) {
          if (!(e instanceof DaemonError)) throw e;
          ctx.stderr.write(`${daemonText(e.message)}\n`);
          return 1;
        }
      }
      return await waitAttached(runtime, record, ctx, true);
    } finally {
      detach();
      if (raw) (ctx.stdin as RawCapableInput).setRawMode(false);
    }
  }
  // each failure is printed as it happens, then the list of those that failed
  const failed: string[] = [];
  for (const ref of request.args) {
    try {
      const record = runtime.find(ref);
      if (!runtime.isRunning(record)) {
        await ctx.clock.sleep(START_MS);
        await runtime.start(record);
      }
      ctx.stdout.write(`${ref}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      ctx.stderr.write(`${daemonText(e.message)}\n`);
      failed.push(ref);
    }
  }
  if (failed.length === 0) return 0;
  ctx.stderr.write(`Error: failed to start containers: ${failed.join(', ')}\n`);
  return 1;
}

function stopOptions(request: DockerRequest): { signal?: string; timeout?: number } {
  const out: { signal?: string; timeout?: number } = {};
  if (flagString(request, 'signal') !== '') out.signal = flagString(request, 'signal');
  if (request.changed.has('timeout')) out.timeout = flagNumber(request, 'timeout');
  else if (request.changed.has('time')) out.timeout = flagNumber(request, 'time');
  return out;
}

function finish(ctx: ProcessContext, errors: string[], status = 1): number {
  if (errors.length === 0) return 0;
  ctx.stderr.write(`${errors.join('\n')}\n`);
  return status;
}

async function stopCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const options = stopOptions(request);
  // the CLI stops them in parallel and prints them in order
  const found = request.args.map((ref) => {
    try {
      return { ref, record: runtime.find(ref) };
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      return { ref, error: daemonText(e.message) };
    }
  });
  const results = await Promise.all(
    found.map(async (f) => {
      if (!('record' in f) || !f.record) return f.error ?? '';
      try {
        await runtime.stop(f.record, options);
        return '';
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
        return daemonText(e.message);
      }
    }),
  );
  const errors: string[] = [];
  results.forEach((error, i) => {
    if (error === '') ctx.stdout.write(`${request.args[i]}\n`);
    else errors.push(error);
  });
  return finish(ctx, errors);
}

async function killCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const signal = flagString(request, 'signal') || 'KILL';
  const errors = await eachContainer(runtime, request, ctx, (record, ref) => {
    if (parseSignal(signal) === undefined) throw new DaemonError('invalid-parameter', `cannot kill container: ${ref}: invalid signal: ${signal}`);
    if (!runtime.isRunning(record)) throw new DaemonError('conflict', `cannot kill container: ${ref}: container ${record.id} is not running`);
    runtime.kill(record, signal);
  });
  return finish(ctx, errors);
}

async function restartCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const options = stopOptions(request);
  const errors = await eachContainer(runtime, request, ctx, async (record) => {
    await runtime.stop(record, options);
    await ctx.clock.sleep(START_MS);
    await runtime.start(record);
  });
  return finish(ctx, errors);
}

async function rmCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const force = flagBool(request, 'force');
  const errors: string[] = [];
  let notFoundOnly = true;
  for (const ref of request.args) {
    try {
      const record = runtime.find(ref);
      runtime.remove(record, { force, volumes: flagBool(request, 'volumes') });
      ctx.stdout.write(`${ref}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      if (e.kind !== 'not-found') notFoundOnly = false;
      errors.push(daemonText(e.message));
    }
  }
  // with --force, a container that does not exist is not a failure
  return finish(ctx, errors, force && notFoundOnly ? 0 : 1);
}

// ------------------------------------------------------------------ ps

/** moby container/view: the command as `docker ps` shows it. */
export function commandLine(record: ContainerRecord): string {
  if (record.args.length === 0) return record.path;
  return `${record.path} ${record.args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;
}

export function containerRow(runtime: ContainerRuntime, record: ContainerRecord, size: boolean): ContainerRow {
  const now = runtime.now();
  const ports: PortSummary[] = [];
  if (runtime.isRunning(record)) {
    for (const [key, bindings] of Object.entries(record.ports)) {
      const [port, type] = key.split('/') as [string, string];
      if (!bindings) ports.push({ privatePort: Number(port), type });
      else for (const b of bindings) ports.push({ ip: b.HostIp, privatePort: Number(port), publicPort: Number(b.HostPort), type });
    }
  }
  const status =
    record.state.status === 'restarting'
      ? `Restarting (${record.state.exitCode}) ${containerStatus({ running: false, startedAt: 1, finishedAt: record.state.finishedAt, exitCode: 0 }, now).replace(/^Exited \(0\) /, '')}`
      : containerStatus(
          {
            running: runtime.isRunning(record),
            paused: record.state.status === 'paused',
            exitCode: record.state.exitCode,
            startedAt: record.state.startedAt || null,
            finishedAt: record.state.finishedAt || null,
          },
          now,
        );
  return {
    id: record.id,
    names: [`/${record.name}`],
    image: record.image,
    imageId: record.imageId,
    command: commandLine(record),
    created: Math.floor(record.created / 1000),
    ports,
    state: record.state.status,
    status,
    ...(size ? { sizeRw: runtime.sizeRw(record), sizeRootFs: runtime.sizeRootFs(record) } : {}),
    labels: record.config.Labels,
    mounts: record.mounts.map((m) => ({ ...(m.name ? { name: m.name } : {}), source: m.source, ...(m.driver ? { driver: m.driver } : {}) })),
    networks: record.hostConfig.NetworkMode === 'none' ? ['none'] : [record.hostConfig.NetworkMode === 'default' ? 'bridge' : record.hostConfig.NetworkMode],
  };
}

const EMPTY_ROW: ContainerRow = { id: '', names: [], image: '', imageId: '', command: '', created: 0, ports: [], state: '', status: '', labels: {} };

async function psCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const format = flagString(request, 'format');
  const quiet = flagBool(request, 'quiet');
  const trunc = !flagBool(request, 'no-trunc');
  const context = containerContext({ trunc, now: () => runtime.now() });
  try {
    if (format !== '' && !quiet) preflightFormat(format, context.value(EMPTY_ROW));
  } catch (e) {
    if (e instanceof TemplateError) {
      ctx.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  let limit = flagNumber(request, 'last');
  if (flagBool(request, 'latest')) limit = 1;
  let records: ContainerRecord[];
  try {
    records = listContainers(runtime, { all: flagBool(request, 'all'), limit, filters: filterArgs(request) });
  } catch (e) {
    if (!(e instanceof DaemonError)) throw e;
    ctx.stderr.write(`${daemonText(e.message)}\n`);
    return 1;
  }
  const size = flagBool(request, 'size') || (format !== '' && format.includes('.Size'));
  const chosen = format === '' ? (quiet ? 'table' : 'table') : format;
  const finalFormat = containerFormat(chosen === 'table' && format === '' ? 'table' : chosen, quiet, flagBool(request, 'size'));
  try {
    ctx.stdout.write(writeFormatted({ format: finalFormat, context, rows: records.map((r) => containerRow(runtime, r, size)) }));
  } catch (e) {
    if (e instanceof TemplateError) {
      ctx.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  return 0;
}

// ------------------------------------------------------------------ logs

/** RFC3339NanoFixed: always nine digits of fraction. */
function logTime(ms: number, salt: number): string {
  const iso = new Date(Math.floor(ms)).toISOString();
  const nanos = String((Math.floor(ms) % 1000) * 1_000_000 + (salt % 1_000_000)).padStart(9, '0');
  return `${iso.slice(0, 19)}.${nanos}Z`;
}

async function logsCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  let record: ContainerRecord;
  try {
    record = runtime.find(request.args[0]!);
  } catch (e) {
    ctx.stderr.write(`${errorText(e)}\n`);
    return 1;
  }
  const tailText = flagString(request, 'tail') || 'all';
  let tail = -1;
  if (tailText !== 'all') {
    tail = /^-?[0-9]+$/.test(tailText) ? Number(tailText) : -1;
  }
  const timestamps = flagBool(request, 'timestamps');
  let counter = 0;
  const print = (entry: LogEntry): void => {
    counter++;
    const prefix = timestamps ? `${logTime(entry.time, Number.parseInt(record.id.slice(counter % 50, (counter % 50) + 6), 16))} ` : '';
    ctx[entry.stream].write(prefix + entry.text);
  };
  const entries = tail >= 0 ? (tail === 0 ? [] : record.logs.slice(-tail)) : record.logs;
  for (const entry of entries) print(entry);
  if (!flagBool(request, 'follow') || !runtime.isRunning(record)) return 0;
  const unsubscribe = runtime.onLog(record, print);
  try {
    const result = await runtime.waitStopped(record, { signal: ctx.signal });
    if (result === 'interrupted') return 130;
  } finally {
    unsubscribe();
  }
  return 0;
}

// ------------------------------------------------------------------ exec

async function execCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const tty = flagBool(request, 'tty');
  const interactive = flagBool(request, 'interactive');
  const detach = flagBool(request, 'detach');
  let record: ContainerRecord;
  try {
    record = runtime.find(request.args[0]!);
  } catch (e) {
    ctx.stderr.write(`${errorText(e)}\n`);
    return 1;
  }
  if (!runtime.isRunning(record)) {
    ctx.stderr.write(`${daemonText(`container ${record.id} is not running`)}\n`);
    return 1;
  }
  if (!detach && interactive && tty && !ctx.tty.stdin) {
    ctx.stderr.write('the input device is not a TTY\n');
    return 1;
  }
  const quietOut = { write: () => {} };
  const convert = (out: ProcessContext['stdout']): ProcessContext['stdout'] => (tty ? { write: (c) => out.write(c.replace(/\r?\n/g, '\r\n')) } : out);
  const raw = tty && interactive && !detach && isRawCapable(ctx.stdin);
  let target: { signal(signo: number): void } | undefined;
  let pending = 0;
  let pty: PtyInput | undefined;
  let stdin: ProcessContext['stdin'] | undefined;
  if (interactive && !detach) {
    if (tty) {
      pty = new PtyInput(ctx.stdin, { echo: convert(ctx.stdout), interrupt: () => target?.signal(SIGINT), raw: () => raw });
      stdin = pty;
    } else {
      // reads of the user's input: while one waits, the exec waits on the user (time stands still)
      stdin = {
        read: async () => {
          pending++;
          try {
            return await ctx.stdin.read();
          } finally {
            pending--;
          }
        },
      };
    }
  }
  if (raw) (ctx.stdin as RawCapableInput).setRawMode(true);
  try {
    return await execAttached(runtime, record, request, ctx, { tty, detach, stdin, convert, quietOut, setTarget: (t) => (target = t), idle: () => (pty ? pty.pending : pending) > 0 });
  } finally {
    if (raw) (ctx.stdin as RawCapableInput).setRawMode(false);
  }
}

interface ExecIo {
  tty: boolean;
  detach: boolean;
  stdin: ProcessContext['stdin'] | undefined;
  convert: (out: ProcessContext['stdout']) => ProcessContext['stdout'];
  quietOut: ProcessContext['stdout'];
  setTarget: (t: { signal(signo: number): void }) => void;
  idle: () => boolean;
}

async function execAttached(runtime: ContainerRuntime, record: ContainerRecord, request: DockerRequest, ctx: ProcessContext, io: ExecIo): Promise<number> {
  const { tty, detach, stdin, convert, quietOut } = io;
  const process = runtime.exec(record, {
    argv: request.args.slice(1),
    env: flagList(request, 'env'),
    user: flagString(request, 'user'),
    workdir: flagString(request, 'workdir'),
    tty,
    ...(stdin ? { stdin } : {}),
    stdout: detach ? quietOut : convert(ctx.stdout),
    stderr: detach ? quietOut : tty ? convert(ctx.stdout) : ctx.stderr,
    terminal: ctx.terminal,
  });
  io.setTarget(process);
  if (detach) {
    const early = await Promise.race([process.started, process.result]);
    return early && early.kind === 'failed' ? execFailure(ctx, early) : 0;
  }
  let signal: ProcessContext['signal'] | undefined = ctx.signal;
  for (;;) {
    const done = await runtime.scheduler.waitFor(() => process.exited, signal ? { signal, idle: io.idle } : { idle: io.idle });
    if (done !== 'interrupted') break;
    signal = undefined;
    // the key reaches the exec's terminal; without one the CLI itself stops waiting
    if (tty) process.signal(SIGINT);
    else return 130;
  }
  const result = await process.result;
  if (result.kind === 'failed') return execFailure(ctx, result);
  return result.status;
}

function execFailure(ctx: ProcessContext, failure: { stage: string; reason: string }): number {
  // the daemon writes it into the exec's output stream, with a CRLF
  if (failure.stage === 'user') ctx.stdout.write('no users found\r\n');
  else ctx.stdout.write(`OCI runtime exec failed: exec failed: unable to start container process: ${failure.reason}: unknown\r\n`);
  return 126;
}

// ------------------------------------------------------------------ prune

async function pruneCommand(runtime: ContainerRuntime, request: DockerRequest, ctx: ProcessContext): Promise<number> {
  const filters = filterArgs(request);
  for (const key of filters.keys()) {
    if (key !== 'until' && key !== 'label' && key !== 'label!') {
      ctx.stderr.write(`${daemonText(`invalid filter '${key}'`)}\n`);
      return 1;
    }
  }
  const { deleted, reclaimed } = pruneContainers(runtime, filters);
  if (deleted.length > 0) ctx.stdout.write(`Deleted Containers:\n${deleted.map((id) => `${id}\n`).join('')}\n`);
  ctx.stdout.write(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  return 0;
}


/** POST /containers/prune: every stopped container (filters: until, label). */
export function pruneContainers(runtime: ContainerRuntime, filters: Map<string, string[]>): { deleted: string[]; reclaimed: number } {
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const record of runtime.list()) {
    if (runtime.isRunning(record) || record.state.status === 'restarting') continue;
    const labels = filters.get('label') ?? [];
    if (!labels.every((l) => labelMatches(record, l))) continue;
    const notLabels = filters.get('label!') ?? [];
    if (notLabels.some((l) => labelMatches(record, l))) continue;
    reclaimed += runtime.sizeRw(record);
    runtime.remove(record, {});
    deleted.push(record.id);
  }
  return { deleted, reclaimed };
}

function labelMatches(record: ContainerRecord, want: string): boolean {
  const eq = want.indexOf('=');
  const key = eq < 0 ? want : want.slice(0, eq);
  if (!Object.hasOwn(record.config.Labels, key)) return false;
  return eq < 0 || record.config.Labels[key] === want.slice(eq + 1);
}

// ------------------------------------------------------------------ the part

export function containersBackend(engine: DockerEngine): BackendPart {
  const runtime = ContainerRuntime.of(engine);
  return {
    containerRun: (request, ctx) => runtime.command(() => createOrRun(runtime, request, ctx)),
    containerCreate: (request, ctx) => runtime.command(() => createOrRun(runtime, request, ctx)),
    containerStart: (request, ctx) => runtime.command(() => startCommand(runtime, request, ctx)),
    containerStop: (request, ctx) => runtime.command(() => stopCommand(runtime, request, ctx)),
    containerKill: (request, ctx) => runtime.command(() => killCommand(runtime, request, ctx)),
    containerRestart: (request, ctx) => runtime.command(() => restartCommand(runtime, request, ctx)),
    containerRm: (request, ctx) => runtime.command(() => rmCommand(runtime, request, ctx)),
    containerLs: (request, ctx) => runtime.command(() => psCommand(runtime, request, ctx)),
    containerLogs: (request, ctx) => runtime.command(() => logsCommand(runtime, request, ctx)),
    containerExec: (request, ctx) => runtime.command(() => execCommand(runtime, request, ctx)),
    containerCp: (request, ctx) => runtime.command(() => copyCommand(runtime, request, ctx)),
    containerInspect: (request, ctx) => runtime.command(() => containerInspectCommand(runtime, request, ctx)),
    containerPrune: (request, ctx) => runtime.command(() => pruneCommand(runtime, request, ctx)),
  };
}

