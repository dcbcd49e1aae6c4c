/**
 * `docker login` and `docker logout` (cli/command/registry/login.go, logout.go of docker 28.2.2).
 * The engine checks the credentials with the registry (POST /auth); the CLI keeps them in
 * config.json as the file credential store does. Recorded on the reference CLI:
 *
 *   $ echo learn-docker | docker login -u student --password-stdin 127.0.0.1:5000
 *   (stderr) \nWARNING! Your credentials are stored unencrypted in '/home/student/.docker/config.json'.
 *   (stderr) Configure a credential helper to remove this warning. See
 *   (stderr) https://docs.docker.com/go/credential-store/\n
 *   Login Succeeded
 *   $ docker login 127.0.0.1:5000            (credentials stored)
 *   Authenticating with existing credentials... [Username: student]
 *   \n Info -> To login with a different account, run 'docker logout' followed by 'docker login'\n\n
 *   Login Succeeded
 *   $ docker logout
 *   Removing login credentials for https://index.docker.io/v1/
 *
 * Docker Hub's web (device code) login cannot start here, so `docker login` at a terminal takes
 * the path the real CLI takes when it cannot reach login.docker.com: "Failed to start web-based
 * login - falling back to command line login..." and the username and password prompts.
 */
import type { ProcessContext } from '../../../process';
import type { BackendMethod, DockerRequest } from '../../cli';
import type { DockerEngine } from '../../engine';
import { DaemonError } from '../../daemon';
import { CliError, flagString, runCommand } from './common';
import { INDEX_SERVER, convertToHostname, loadConfig, saveConfig, storedAuth } from './config-file';
import type { ConfigFile, StoredAuth } from './config-file';

const NON_TTY = 'Error: Cannot perform an interactive login from a non TTY device';
const REGISTER_SUGGEST =
  "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.";
const PAT_SUGGEST =
  'You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/';

/** registry.DefaultNamespace: `docker login docker.io` means Docker Hub. */
const DEFAULT_NAMESPACE = 'docker.io';

/** tui.Output.PrintNote: ` Info -> ` (or the styled `i Info → ` on a terminal) before each note. */
export function note(text: string, terminal: boolean): string {
  const header = terminal ? '\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m' : ' Info -> ';
  let out = `\n${header}`;
  text.split('\n').forEach((line, i) => {
    if (i > 0) out += ' '.repeat(9);
    out += `${terminal ? `\x1b[3m${line}\x1b[0m` : line}\n`;
  });
  return out;
}

/** prompt.ReadInput: one line of input, trimmed (empty at end of input). */
async function readLine(ctx: ProcessContext): Promise<string> {
  let line = '';
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) break;
    line += chunk;
    const nl = line.indexOf('\n');
    if (nl >= 0) {
      line = line.slice(0, nl);
      break;
    }
  }
  return line.trim();
}

async function readAll(ctx: ProcessContext): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) return text;
    text += chunk;
  }
}

function sameAuth(a: StoredAuth | undefined, b: StoredAuth): boolean {
  if (!a) return false;
  const keys: (keyof StoredAuth)[] = ['username', 'password', 'email', 'identitytoken', 'registrytoken'];
  return keys.every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

/** fileStore.Store: saves only when the credentials changed; warns once about plain-text storage. */
function storeCredentials(ctx: ProcessContext, cfg: ConfigFile, key: string, auth: StoredAuth): void {
  if (sameAuth(Object.hasOwn(cfg.auths, key) ? cfg.auths[key] : undefined, auth)) return;
  cfg.auths[key] = auth;
  saveConfig(cfg, ctx.fs);
  if (auth.password) {
    ctx.stderr.write(
      `\nWARNING! Your credentials are stored unencrypted in '${cfg.filename}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`,
    );
  }
}

/** POST /auth: the daemon's answer (the identity token replaces the password when given). */
function registryLogin(engine: DockerEngine, auth: StoredAuth, serverAddress: string): { status: string; stored: StoredAuth } {
  const response = engine.images.auth({ username: auth.username ?? '', password: auth.password ?? '', serveraddress: serverAddress });
  const stored: StoredAuth = { ...auth };
  if (response.IdentityToken) {
    delete stored.password;
    stored.identitytoken = response.IdentityToken;
  }
  return { status: response.Status, stored };
}

interface LoginOptions {
  user: string;
  password: string;
  serverAddress: string;
}

/** command.PromptUserForCredentials. */
async function promptForCredentials(ctx: ProcessContext, opts: LoginOptions, defaultUsername: string, serverAddress: string): Promise<StoredAuth> {
  let user = opts.user.trim();
  if (user === '') {
    if (serverAddress === INDEX_SERVER) {
      ctx.stdout.write(`${REGISTER_SUGGEST}\n`);
      if (ctx.env.DOCKER_CLI_HINTS === undefined || !/^(0|false)$/i.test(ctx.env.DOCKER_CLI_HINTS)) ctx.stdout.write(`${PAT_SUGGEST}\n\n`);
    }
    const fallback = defaultUsername.trim();
    ctx.stdout.write(fallback === '' ? 'Username: ' : `Username (${fallback}): `);
    user = (await readLine(ctx)) || fallback;
    if (user === '') throw new CliError('Error: Non-null Username Required');
  }
  let password = opts.password.trim();
  if (password === '') {
    if (serverAddress === INDEX_SERVER) {
      const underline = ctx.tty.stderr ? '\x1b[4mhttps://app.docker.com/settings\x1b[0m' : 'https://app.docker.com/settings';
      ctx.stderr.write(note(`A Personal Access Token (PAT) can be used instead.\nTo create a PAT, visit ${underline}\n\n`, ctx.tty.stderr));
    }
    ctx.stdout.write('Password: ');
    password = await readLine(ctx);
    ctx.stdout.write('\n');
    if (password === '') throw new CliError('Error: Password Required');
  }
  return { username: user, password };
}

export function login(engine: DockerEngine): BackendMethod {
  return (request, ctx) =>
    runCommand(ctx, async () => {
      const opts: LoginOptions = {
        user: flagString(request, 'username'),
        password: flagString(request, 'password'),
        serverAddress: request.args[0] ?? '',
      };
      verifyLoginFlags(request, opts);
      if (opts.password !== '') ctx.stderr.write('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
      if (request.changed.has('password-stdin')) {
        opts.password = (await readAll(ctx)).replace(/\n$/, '').replace(/\r$/, '');
      }

      const serverAddress = opts.serverAddress !== '' && opts.serverAddress !== DEFAULT_NAMESPACE ? opts.serverAddress : INDEX_SERVER;
      const isDefault = serverAddress === INDEX_SERVER;
      const key = isDefault ? serverAddress : convertToHostname(serverAddress);
      const cfg = loadConfig(request, ctx);
      const stored = opts.user === '' && opts.password === '' ? storedAuth(cfg, key) : undefined;

      // the stored credentials first
      if (stored?.username && stored.password) {
        ctx.stderr.write(`Authenticating with existing credentials... [Username: ${stored.username}]\n`);
        ctx.stderr.write(note("To login with a different account, run 'docker logout' followed by 'docker login'", ctx.tty.stderr));
        ctx.stderr.write('\n\n');
        try {
          const { status, stored: next } = registryLogin(engine, stored, key);
          storeCredentials(ctx, cfg, key, next);
          ctx.stdout.write(`${status}\n`);
          return 0;
        } catch (err) {
          if (!(err instanceof DaemonError)) throw err;
          ctx.stderr.write(err.kind === 'unauthorized' ? 'Stored credentials invalid or expired\n' : `Login did not succeed, error: Error response from daemon: ${err.message}\n`);
        }
      }

      // loginUser
      if ((opts.user === '' || opts.password === '') && !ctx.tty.stdin) throw new CliError(NON_TTY);
      if (isDefault && opts.user === '' && opts.password === '') {
        ctx.stderr.write('Failed to start web-based login - falling back to command line login...\n\n');
      }
      const auth = await promptForCredentials(ctx, opts, stored?.username ?? '', key);
      const { status, stored: next } = registryLogin(engine, auth, key);
      storeCredentials(ctx, cfg, key, next);
      ctx.stdout.write(`${status}\n`);
      return 0;
    });
}

/** verifyLoginFlags: the checks on the flags as given. */
function verifyLoginFlags(request: DockerRequest, opts: LoginOptions): void {
  if (request.changed.has('password-stdin')) {
    if (request.changed.has('password')) throw new CliError('conflicting options: cannot specify both --password and --password-stdin');
    if (!request.changed.has('username')) throw new CliError('the --password-stdin option requires --username to be set');
  }
  if (request.changed.has('username') && opts.user === '') throw new CliError('username is empty');
  if (request.changed.has('password') && opts.password === '') throw new CliError('password is empty');
}

export function logout(_engine: DockerEngine): BackendMethod {
  return (request, ctx) =>
    runCommand(ctx, () => {
      let serverAddress = request.args[0] ?? '';
      const isDefault = serverAddress === '';
      if (isDefault) serverAddress = INDEX_SERVER;
      const hostname = isDefault ? serverAddress : convertToHostname(serverAddress);
      const targets = isDefault ? [serverAddress] : [serverAddress, hostname, `http://${hostname}`, `https://${hostname}`];
      ctx.stdout.write(`Removing login credentials for ${hostname}\n`);
      const cfg = loadConfig(request, ctx);
      for (const key of targets) {
        if (!Object.hasOwn(cfg.auths, key)) continue;
        delete cfg.auths[key];
        saveConfig(cfg, ctx.fs);
      }
      return 0;
    });
}
