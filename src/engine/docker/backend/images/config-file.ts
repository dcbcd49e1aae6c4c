/**
 * The docker CLI's configuration file (cli/config/configfile): `$DOCKER_CONFIG/config.json`, or
 * `~/.docker/config.json`, or the global `--config` directory. Login stores credentials in it as
 * the file credential store does (base64 `user:password` under `auths`), logout erases them; the
 * image commands read `imagesFormat`, `pruneFilters` and the credentials for pulls and pushes.
 *
 * Saving writes what ConfigFile.SaveToWriter writes: json.MarshalIndent(configFile, "", "\t") of
 * the struct's fields in declaration order (unknown keys do not survive), mode 0600.
 */
import type { FileSystem } from '../../../fs/types';
import type { ProcessContext } from '../../../process';
import type { DockerRequest } from '../../cli';
import type { AuthConfig, Reference } from '../../daemon';
import { goEscapeJSON } from './common';

/** registry.IndexServer: the key Docker Hub credentials are stored under. */
export const INDEX_SERVER = 'https://index.docker.io/v1/';

/** One stored credential (configtypes.AuthConfig as kept in memory: auth decoded). */
export interface StoredAuth {
  username?: string;
  password?: string;
  email?: string;
  identitytoken?: string;
  registrytoken?: string;
}

/** The fields of configfile.ConfigFile, in declaration order, with their json names. */
const FIELDS: readonly (readonly [string, 'auths' | 'string' | 'map' | 'list' | 'any'])[] = [
  ['auths', 'auths'],
  ['HttpHeaders', 'map'],
  ['psFormat', 'string'],
  ['imagesFormat', 'string'],
  ['networksFormat', 'string'],
  ['pluginsFormat', 'string'],
  ['volumesFormat', 'string'],
  ['statsFormat', 'string'],
  ['detachKeys', 'string'],
  ['credsStore', 'string'],
  ['credHelpers', 'map'],
  ['serviceInspectFormat', 'string'],
  ['servicesFormat', 'string'],
  ['tasksFormat', 'string'],
  ['secretFormat', 'string'],
  ['configFormat', 'string'],
  ['nodesFormat', 'string'],
  ['pruneFilters', 'list'],
  ['proxies', 'any'],
  ['experimental', 'string'],
  ['currentContext', 'string'],
  ['cliPluginsExtraDirs', 'list'],
  ['plugins', 'any'],
  ['aliases', 'map'],
  ['features', 'map'],
];

export class ConfigFile {
  auths: Record<string, StoredAuth> = {};
  /** Every other known field, as read. */
  readonly fields: Record<string, unknown> = {};

  constructor(
    readonly filename: string,
    readonly dir: string,
  ) {}

  get imagesFormat(): string {
    const v = this.fields.imagesFormat;
    return typeof v === 'string' ? v : '';
  }

  get pruneFilters(): string[] {
    const v = this.fields.pruneFilters;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  /** The file's text as SaveToWriter writes it (no trailing newline). */
  serialize(): string {
    const out: [string, unknown][] = [];
    for (const [name, kind] of FIELDS) {
      if (kind === 'auths') {
        const auths: Record<string, Record<string, string>> = {};
        for (const key of Object.keys(this.auths).sort()) auths[key] = encodeStored(this.auths[key]!);
        out.push(['auths', auths]);
        continue;
      }
      const v = this.fields[name];
      if (v === undefined || v === null || v === '') continue;
      if (Array.isArray(v) && v.length === 0) continue;
      if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
      out.push([name, kind === 'map' ? sortKeys(v as Record<string, unknown>) : v]);
    }
    return goEscapeJSON(JSON.stringify(Object.fromEntries(out), null, '\t'));
  }
}

function sortKeys(v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]));
}

/** types.AuthConfig as saved: username and password become `auth`, the rest keeps its json name. */
function encodeStored(a: StoredAuth): Record<string, string> {
  const out: Record<string, string> = {};
  const auth = a.username || a.password ? base64(`${a.username ?? ''}:${a.password ?? ''}`) : '';
  if (auth) out.auth = auth;
  if (a.email) out.email = a.email;
  if (a.identitytoken) out.identitytoken = a.identitytoken;
  if (a.registrytoken) out.registrytoken = a.registrytoken;
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8(text: string): number[] {
  return [...new TextEncoder().encode(text)];
}

export function base64(text: string): string {
  const bytes = utf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}

export function unbase64(text: string): string | undefined {
  const clean = text.replace(/=+$/, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The directory the CLI reads its configuration from (`--config`, DOCKER_CONFIG, ~/.docker). */
export function configDir(request: DockerRequest, ctx: ProcessContext): string {
  // the parsed --config carries the table's displayed default when not given: only another value counts
  const flag = request.global.config;
  if (typeof flag === 'string' && flag !== '' && flag !== DEFAULT_CONFIG_FLAG) return absolute(flag, ctx.cwd);
  if (ctx.env.DOCKER_CONFIG) return absolute(ctx.env.DOCKER_CONFIG, ctx.cwd);
  return `${ctx.env.HOME ?? '/home/student'}/.docker`;
}

const DEFAULT_CONFIG_FLAG = '/home/student/.docker';

function absolute(path: string, cwd: string): string {
  if (path.startsWith('/')) return path;
  return `${cwd === '/' ? '' : cwd}/${path}`;
}

/** Loads config.json (an absent or unreadable file is an empty configuration). */
export function loadConfig(request: DockerRequest, ctx: ProcessContext): ConfigFile {
  const dir = configDir(request, ctx);
  const filename = `${dir}/config.json`;
  const cfg = new ConfigFile(filename, dir);
  let text: string;
  try {
    text = ctx.fs.readText(filename);
  } catch {
    return cfg;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return cfg;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return cfg;
  const obj = data as Record<string, unknown>;
  for (const [name] of FIELDS) {
    if (name === 'auths' || !(name in obj)) continue;
    cfg.fields[name] = obj[name];
  }
  const auths = obj.auths;
  if (typeof auths === 'object' && auths !== null) {
    for (const [key, value] of Object.entries(auths as Record<string, unknown>)) {
      if (typeof value !== 'object' || value === null) continue;
      const v = value as Record<string, unknown>;
      const stored: StoredAuth = {};
      if (typeof v.auth === 'string' && v.auth !== '') {
        const decoded = unbase64(v.auth);
        const colon = decoded?.indexOf(':') ?? -1;
        if (decoded !== undefined && colon >= 0) {
          stored.username = decoded.slice(0, colon);
          stored.password = decoded.slice(colon + 1).replace(/\0+$/, '');
        }
      }
      if (typeof v.username === 'string' && v.username) stored.username = v.username;
      if (typeof v.password === 'string' && v.password) stored.password = v.password;
      if (typeof v.email === 'string' && v.email) stored.email = v.email;
      if (typeof v.identitytoken === 'string' && v.identitytoken) stored.identitytoken = v.identitytoken;
      if (typeof v.registrytoken === 'string' && v.registrytoken) stored.registrytoken = v.registrytoken;
      cfg.auths[key] = stored;
    }
  }
  return cfg;
}

/** ConfigFile.Save: writes the file (creating its directory, 0700) with mode 0600. */
export function saveConfig(cfg: ConfigFile, fs: FileSystem): void {
  if (!fs.exists(cfg.dir)) fs.mkdir(cfg.dir, { recursive: true, mode: 0o700 });
  const existed = fs.exists(cfg.filename);
  fs.writeFile(cfg.filename, cfg.serialize(), { mode: 0o600 });
  if (!existed) fs.chmod(cfg.filename, 0o600);
}

/** credentials.ConvertToHostname: `https://host:port/path` → `host:port`. */
export function convertToHostname(maybeURL: string): string {
  let stripped = maybeURL;
  const scheme = stripped.indexOf('://');
  if (scheme >= 0) stripped = stripped.slice(scheme + 3);
  const slash = stripped.indexOf('/');
  return slash >= 0 ? stripped.slice(0, slash) : stripped;
}

/** fileStore.Get: the exact key, else a key whose host name is the address. */
export function storedAuth(cfg: ConfigFile, serverAddress: string): StoredAuth | undefined {
  if (Object.hasOwn(cfg.auths, serverAddress)) return cfg.auths[serverAddress];
  for (const [key, value] of Object.entries(cfg.auths)) if (convertToHostname(key) === serverAddress) return value;
  return undefined;
}

/** The key credentials for a registry domain live under (Docker Hub's is the v1 index URL). */
export function authKey(domain: string): string {
  return domain === 'docker.io' ? INDEX_SERVER : domain;
}

/** command.ResolveAuthConfig for an image reference: what the CLI sends as X-Registry-Auth. */
export function authFor(cfg: ConfigFile, ref: Reference): AuthConfig | undefined {
  const key = authKey(ref.domain);
  const stored = storedAuth(cfg, key);
  if (!stored) return undefined;
  const auth: AuthConfig = { serveraddress: key };
  if (stored.username) auth.username = stored.username;
  if (stored.password) auth.password = stored.password;
  if (stored.identitytoken) auth.identitytoken = stored.identitytoken;
  return auth;
}
