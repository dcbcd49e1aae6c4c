/**
 * `-v/--volume`, `--mount` and `--tmpfs` as the client and the daemon read them (Linux rules,
 * messages checked on the lab engine): an absolute source is a bind mount, a name is a named
 * volume (created when missing), a lone absolute path is an anonymous volume.
 */
import { readCsvRecord } from '../cli/values';

/** A mount to set up when the container is created. */
export interface MountPlan {
  type: 'bind' | 'volume' | 'tmpfs';
  /** Host path (bind), volume name (volume; '' for a new anonymous volume). */
  source: string;
  destination: string;
  readOnly: boolean;
  /** The mode text inspect shows (`ro`, `z`, ''). */
  mode: string;
  propagation: string;
  /** `--mount type=bind`: the source must exist (the daemon does not create it). */
  mustExist: boolean;
  /** `volume-nocopy`: do not copy the image's files into a new volume. */
  noCopy: boolean;
  /** Came from `-v` (HostConfig.Binds) rather than `--mount`. */
  fromBinds: boolean;
}

/** An error the client reports itself (`docker: invalid spec: …`). */
export class ClientMountError extends Error {}
/** An error from the daemon (`docker: Error response from daemon: …`). */
export class DaemonMountError extends Error {}

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const MODES = new Set(['ro', 'rw', 'z', 'Z', 'nocopy', 'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'consistent', 'cached', 'delegated']);

export function isValidVolumeName(name: string): boolean {
  return VOLUME_NAME.test(name);
}

/** The local driver's complaint about a volume name (call when isValidVolumeName fails). */
export function invalidVolumeName(name: string): string {
  if (/^[a-zA-Z0-9]$/.test(name)) return `create ${name}: volume name is too short, names should be at least two alphanumeric characters`;
  return `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`;
}

function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/**
 * The client's part of `-v`: a source starting with `.` is made absolute against the working
 * directory; empty sections are an error (`invalid spec: :/x: empty section between colons`).
 */
export function clientVolumeSpec(spec: string, cwd: string): string {
  const parts = spec.split(':');
  if (parts.some((p) => p === '') && parts.length > 1) throw new ClientMountError(`invalid spec: ${spec}: empty section between colons`);
  if (parts.length >= 2 && parts[0]!.startsWith('.')) {
    parts[0] = cleanPath(`${cwd}/${parts[0]}`);
    return parts.join(':');
  }
  return spec;
}

/** The daemon's reading of one `-v` entry. */
export function parseBind(spec: string): MountPlan {
  const parts = spec.split(':');
  if (parts.length > 3 || parts.length === 0) throw new DaemonMountError(`invalid volume specification: '${spec}'`);
  if (parts.length === 1) {
    const dest = parts[0]!;
    if (!dest.startsWith('/')) throw new DaemonMountError(`invalid volume specification: '${spec}': invalid mount config for type "volume": invalid mount path: '${dest}' mount path must be absolute`);
    return { type: 'volume', source: '', destination: cleanPath(dest), readOnly: false, mode: '', propagation: '', mustExist: false, noCopy: false, fromBinds: true };
  }
  const [source, dest, mode = ''] = parts as [string, string, string?];
  const bind = source.startsWith('/');
  if (!dest.startsWith('/')) {
    throw new DaemonMountError(
      `invalid volume specification: '${spec}': invalid mount config for type "${bind ? 'bind' : 'volume'}": invalid mount path: '${dest}' mount path must be absolute`,
    );
  }
  const modes = mode === '' ? [] : mode.split(',');
  for (const m of modes) if (!MODES.has(m)) throw new DaemonMountError(`invalid mode: ${mode}`);
  const readOnly = modes.includes('ro');
  if (bind) {
    return { type: 'bind', source: cleanPath(source), destination: cleanPath(dest), readOnly, mode, propagation: 'rprivate', mustExist: false, noCopy: false, fromBinds: true };
  }
  if (!isValidVolumeName(source)) throw new DaemonMountError(invalidVolumeName(source));
  return {
    type: 'volume',
    source,
    destination: cleanPath(dest),
    readOnly,
    mode: mode === '' ? 'z' : mode,
    propagation: '',
    mustExist: false,
    noCopy: modes.includes('nocopy'),
    fromBinds: true,
  };
}

/** The daemon's reading of one `--mount` entry (the client has checked its keys). */
export function parseMountFlag(value: string): MountPlan {
  let type = 'volume';
  let source = '';
  let target = '';
  let readOnly = false;
  let noCopy = false;
  for (const field of readCsvRecord(value)) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? undefined : field.slice(eq + 1);
    switch (key) {
      case 'type':
        type = val ?? '';
        break;
      case 'source':
      case 'src':
        source = val ?? '';
        break;
      case 'target':
      case 'dst':
      case 'destination':
        target = val ?? '';
        break;
      case 'readonly':
      case 'ro':
        readOnly = val === undefined || val === '1' || val === 'true';
        break;
      case 'volume-nocopy':
        noCopy = val === undefined || val === '1' || val === 'true';
        break;
    }
  }
  if (type !== 'bind' && type !== 'volume' && type !== 'tmpfs') throw new DaemonMountError(`invalid mount config: mount type unknown: "${type}"`);
  if (!target.startsWith('/')) throw new DaemonMountError(`invalid mount config for type "${type}": invalid mount path: '${target}' mount path must be absolute`);
  if (type === 'bind') {
    if (source === '') throw new DaemonMountError('invalid mount config for type "bind": field Source must not be empty');
    if (!source.startsWith('/')) throw new DaemonMountError(`invalid mount config for type "bind": invalid mount path: '${source}' mount path must be absolute`);
    return { type, source: cleanPath(source), destination: cleanPath(target), readOnly, mode: '', propagation: 'rprivate', mustExist: true, noCopy: false, fromBinds: false };
  }
  if (type === 'tmpfs') {
    if (source !== '') throw new DaemonMountError('invalid mount config for type "tmpfs": field Source must not be specified');
    return { type, source: '', destination: cleanPath(target), readOnly, mode: '', propagation: '', mustExist: false, noCopy: false, fromBinds: false };
  }
  if (source !== '' && !isValidVolumeName(source)) throw new DaemonMountError(invalidVolumeName(source));
  return { type, source, destination: cleanPath(target), readOnly, mode: 'z', propagation: '', mustExist: false, noCopy, fromBinds: false };
}

/** `--tmpfs /path[:options]`. */
export function parseTmpfs(value: string): MountPlan {
  const dest = value.split(':')[0]!;
  if (!dest.startsWith('/')) throw new DaemonMountError(`invalid mount config for type "tmpfs": invalid mount path: '${dest}' mount path must be absolute`);
  return { type: 'tmpfs', source: '', destination: cleanPath(dest), readOnly: false, mode: '', propagation: '', mustExist: false, noCopy: false, fromBinds: false };
}

/** Duplicate destinations: `Duplicate mount point: /x`. */
export function checkDuplicates(plans: readonly MountPlan[]): void {
  const seen = new Set<string>();
  for (const p of plans) {
    if (seen.has(p.destination)) throw new DaemonMountError(`Duplicate mount point: ${p.destination}`);
    seen.add(p.destination);
  }
}
