/**
 * `docker pull` and `docker push` (cli/command/image/pull.go, push.go): the client's checks, the
 * credentials from config.json, the daemon's JSON stream through the jsonmessage renderer, and
 * the full reference printed at the end. Recorded on the reference engine (not a terminal):
 *
 *   $ docker pull python:3.11-slim
 *   3.11-slim: Pulling from library/python
 *   bb2759b730bc: Pulling fs layer
 *   bb2759b730bc: Download complete
 *   Digest: sha256:f33e0292f1f6…
 *   Status: Downloaded newer image for python:3.11-slim
 *   docker.io/library/python:3.11-slim
 *
 * Ctrl+C stops the stream where it is: nothing more is printed, the exit status is 130, and the
 * engine keeps nothing of the unfinished pull.
 */
import type { ProcessContext } from '../../../process';
import type { BackendMethod, DockerRequest } from '../../cli';
import type { DockerEngine } from '../../engine';
import { DaemonError, MESSAGES, reference } from '../../daemon';
import type { AuthConfig, JSONMessage, Platform, Reference } from '../../daemon';
import { DockerHub } from '../../registry';
import { CliError, flagBool, flagString, runCommand } from './common';
import { authFor, loadConfig } from './config-file';
import { MessageDisplay } from './jsonmessage';

const NO_OUTPUT = { write: () => undefined };

function display(ctx: ProcessContext, quiet: boolean): MessageDisplay {
  if (quiet) return new MessageDisplay(NO_OUTPUT, { isTerminal: false, width: 80 });
  return new MessageDisplay(ctx.stdout, { isTerminal: ctx.tty.stdout, width: ctx.terminal.columns });
}

/**
 * The reference as the pull and push commands take it: normalised, `:latest` added (with the
 * `Using default tag` line) unless --all-tags, which refuses a tag.
 */
function commandReference(request: DockerRequest, ctx: ProcessContext, all: boolean, quiet: boolean): Reference {
  let ref = reference.parseNormalizedNamed(request.args[0] ?? '');
  if (all && !reference.isNameOnly(ref)) throw new CliError("tag can't be used with --all-tags/-a");
  if (!all && reference.isNameOnly(ref)) {
    ref = reference.tagNameOnly(ref);
    if (!quiet) ctx.stdout.write(`Using default tag: ${ref.tag}\n`);
  }
  return ref;
}

/** containerd platforms normalizeArch: aliases and their variants. */
function normalizeArch(arch: string, variant: string): [string, string] {
  const a = arch.toLowerCase();
  const v = variant.toLowerCase();
  switch (a) {
    case 'i386':
      return ['386', ''];
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return ['amd64', v === 'v1' ? '' : v];
    case 'aarch64':
    case 'arm64':
      return ['arm64', v === '8' || v === 'v8' ? '' : v];
    case 'armhf':
      return ['arm', 'v7'];
    case 'armel':
      return ['arm', 'v6'];
    case 'arm':
      return ['arm', v === '' || v === '7' ? 'v7' : v === '5' || v === '6' || v === '8' ? `v${v}` : v];
    default:
      return [a, v];
  }
}

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'windows', 'zos']);
const KNOWN_ARCH = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);

/** containerd platforms.Parse (1.7), with the daemon's words for a specifier it cannot read. */
export function parsePlatform(spec: string): Platform {
  const invalid = (why: string) => new DaemonError('invalid-parameter', `${why}: invalid argument`);
  if (spec.includes('*')) throw invalid(`"${spec}": wildcards not yet supported`);
  const parts = spec.split('/');
  for (const part of parts) {
    if (!/^[A-Za-z0-9_-]+$/.test(part)) {
      throw invalid(`"${part}" is an invalid component of "${spec}": platform specifier component must match "^[A-Za-z0-9_-]+$"`);
    }
  }
  const platform = (os: string, [architecture, variant]: [string, string]): Platform => (variant ? { os, architecture, variant } : { os, architecture });
  const os = parts[0]!.toLowerCase() === 'macos' ? 'darwin' : parts[0]!.toLowerCase();
  switch (parts.length) {
    case 1: {
      if (KNOWN_OS.has(os)) return { os, architecture: 'amd64' };
      const [arch, variant] = normalizeArch(parts[0]!, '');
      if (KNOWN_ARCH.has(arch)) return platform('linux', [arch, arch === 'arm' && variant === 'v7' ? '' : variant]);
      throw invalid(`"${spec}": unknown operating system or architecture`);
    }
    case 2:
    case 3: {
      const [arch, variant] = normalizeArch(parts[1]!, parts[2] ?? '');
      return platform(os, [arch, arch === 'arm64' && variant === '' ? 'v8' : variant]);
    }
    default:
      throw invalid(`"${spec}": cannot parse platform specifier`);
  }
}

/** The tags a registry lists for a repository (GET /v2/NAME/tags/list, lexical order). */
function remoteTags(engine: DockerEngine, ref: Reference): string[] {
  const registry = engine.images.ctx.registries.get(ref.domain);
  const tags = new Set<string>();
  if (registry instanceof DockerHub) {
    for (const entry of registry.catalog()) if (entry.repo === ref.path) for (const t of entry.tags) tags.add(t);
    const pushed = Object.hasOwn(registry.state.repositories, ref.path) ? registry.state.repositories[ref.path] : undefined;
    if (pushed && !pushed.private) for (const t of Object.keys(pushed.tags)) tags.add(t);
  }
  return [...tags].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether the engine already has `ref` (a digest reference) under the same repository. */
function hasDigest(engine: DockerEngine, ref: Reference): boolean {
  try {
    engine.images.imageInspect(reference.familiarString(ref));
    return true;
  } catch (err) {
    if (err instanceof DaemonError) return false;
    throw err;
  }
}

/**
 * One tag's pull stream, shown. The reference engine names a digest pull by its full reference
 * (`docker.io/library/python@sha256:…: Pulling from library/python`) and reports a digest it
 * already has as up to date; the image service says otherwise, so the stream is corrected here.
 */
async function pullOne(engine: DockerEngine, ctx: ProcessContext, ref: Reference, shown: MessageDisplay, auth: AuthConfig | undefined, platform: Platform | undefined): Promise<void> {
  const digest = ref.digest;
  const present = digest !== undefined && hasDigest(engine, ref);
  const familiar = reference.familiarString(ref);
  const stream = engine.images.imagePull(familiar, { signal: ctx.signal, ...(auth ? { auth } : {}), ...(platform ? { platform } : {}) });
  for await (const message of stream) {
    let msg: JSONMessage = message;
    if (digest !== undefined && msg.id === digest && msg.status?.startsWith('Pulling from ')) msg = { ...msg, id: reference.referenceString(ref) };
    if (present && msg.status === MESSAGES.downloadedNewer(familiar)) msg = { ...msg, status: MESSAGES.upToDate(familiar) };
    shown.write(msg);
  }
}

export function imagePull(engine: DockerEngine): BackendMethod {
  return (request, ctx) =>
    runCommand(ctx, async () => {
      const quiet = flagBool(request, 'quiet');
      const all = flagBool(request, 'all-tags');
      const ref = commandReference(request, ctx, all, quiet);
      const platformFlag = flagString(request, 'platform');
      const platform = platformFlag === '' ? undefined : parsePlatform(platformFlag);
      const auth = authFor(loadConfig(request, ctx), ref);
      const shown = display(ctx, quiet);
      if (!all) {
        await pullOne(engine, ctx, ref, shown, auth, platform);
      } else {
        const tags = remoteTags(engine, ref);
        if (tags.length === 0) throw new DaemonError('not-found', MESSAGES.pullAccessDenied(reference.familiarName(ref)));
        let started = false;
        for (const tag of tags) {
          const tagged = reference.withTag(ref, tag);
          try {
            await pullOne(engine, ctx, tagged, shown, auth, platform);
            started = true;
          } catch (err) {
            // once the response has started, the daemon reports errors inside the stream
            if (started && err instanceof DaemonError) throw new CliError(`error pulling ${reference.referenceString(tagged)}: ${err.message}`);
            throw err;
          }
        }
      }
      ctx.stdout.write(`${reference.referenceString(ref)}\n`);
      return 0;
    });
}

export function imagePush(engine: DockerEngine): BackendMethod {
  return (request, ctx) =>
    runCommand(ctx, async () => {
      const quiet = flagBool(request, 'quiet');
      const all = flagBool(request, 'all-tags');
      const ref = commandReference(request, ctx, all, quiet);
      const auth = authFor(loadConfig(request, ctx), ref);
      const shown = display(ctx, quiet);
      const name = all ? reference.familiarName(ref) : reference.familiarString(ref);
      for await (const msg of engine.images.imagePush(name, { signal: ctx.signal, ...(auth ? { auth } : {}) })) shown.write(msg);
      if (quiet) ctx.stdout.write(`${reference.referenceString(ref)}\n`);
      return 0;
    });
}
