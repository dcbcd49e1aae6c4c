/**
 * Ready-made formatter contexts for the everyday list commands (docker ps, docker images,
 * docker volume ls), ported from docker/cli 28.x `cli/command/formatter` (container.go,
 * image.go, volume.go) over plain row data. Commands fill the rows from the daemon's state and
 * call `writeFormatted` with the context.
 */
import {
  CONTAINER_HEADERS,
  CONTEXT_TYPES,
  IMAGE_HEADERS,
  type FormatContext,
  VOLUME_HEADERS,
  defineContext,
} from './contexts';
import { ellipsis, goTimeString, truncateID } from './display';
import { goQuote } from './go/literals';
import { ptrTo, structType } from './go/types';
import { humanDuration, humanSize, humanSizeWithPrecision } from './units';

// --- ports (formatter.DisplayablePorts) ---

export interface PortSummary {
  /** host IP when published (`0.0.0.0`, `::`), empty when only exposed */
  ip?: string;
  privatePort: number;
  publicPort?: number;
  type: string;
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function formGroup(key: string, start: number, last: number): string {
  const parts = key.split('/');
  let groupType = parts[0] as string;
  let ip = '';
  if (parts.length > 1) {
    ip = parts[0] as string;
    groupType = parts[1] as string;
  }
  let group = String(start);
  if (start !== last) group = `${group}-${last}`;
  if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
  return group + '/' + groupType;
}

/** formatter.DisplayablePorts: `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`, `8000-8002/tcp`. */
export function displayablePorts(ports: readonly PortSummary[]): string {
  const sorted = [...ports].sort((a, b) => {
    if (a.privatePort !== b.privatePort) return a.privatePort - b.privatePort;
    const ai = a.ip ?? '';
    const bi = b.ip ?? '';
    if (ai !== bi) return ai < bi ? -1 : 1;
    const ap = a.publicPort ?? 0;
    const bp = b.publicPort ?? 0;
    if (ap !== bp) return ap - bp;
    return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
  });
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const port of sorted) {
    const current = port.privatePort;
    let portKey = port.type;
    if (port.ip) {
      if ((port.publicPort ?? 0) !== current) {
        hostMappings.push(`${joinHostPort(port.ip, String(port.publicPort ?? 0))}->${port.privatePort}/${port.type}`);
        continue;
      }
      portKey = port.ip + '/' + port.type;
    }
    const group = groups.get(portKey);
    if (!group) {
      groups.set(portKey, { first: current, last: current });
      continue;
    }
    if (current === group.last + 1) {
      group.last = current;
      continue;
    }
    result.push(formGroup(portKey, group.first, group.last));
    groups.set(portKey, { first: current, last: current });
  }
  for (const [key, g] of groups) result.push(formGroup(key, g.first, g.last));
  result.push(...hostMappings);
  return result.join(', ');
}

/** reference.FamiliarString for the common cases: drop `docker.io/library/` and `docker.io/`. */
export function familiarName(ref: string): string {
  if (ref.startsWith('docker.io/library/')) return ref.slice('docker.io/library/'.length);
  if (ref.startsWith('docker.io/')) return ref.slice('docker.io/'.length);
  return ref;
}

// --- docker ps ---

export interface ContainerRow {
  /** full 64-hex id */
  id: string;
  /** names as the API lists them, with the leading slash */
  names: readonly string[];
  /** the image as the user gave it */
  image: string;
  imageId: string;
  /** path and args joined as the daemon does (args containing spaces in single quotes) */
  command: string;
  /** creation time, seconds since the epoch */
  created: number;
  ports: readonly PortSummary[];
  /** created, running, paused, restarting, removing, exited, dead */
  state: string;
  /** the daemon's status text (see units.containerStatus) */
  status: string;
  sizeRw?: number;
  sizeRootFs?: number;
  labels: Readonly<Record<string, string>>;
  mounts?: readonly { name?: string; source: string; driver?: string }[];
  networks?: readonly string[];
}

export const PLATFORM_TYPE = structType('formatter.Platform', {
  Architecture: 'string',
  OS: 'string',
  OSVersion: 'string',
  OSFeatures: '[]string',
  Variant: 'string',
});

/** The `*formatter.ContainerContext` rows of `docker ps`. `trunc` is !--no-trunc; `now` in ms. */
export function containerContext(opts: { trunc: boolean; now: () => number }): FormatContext<ContainerRow> {
  const { trunc } = opts;
  return defineContext<ContainerRow>({
    type: CONTEXT_TYPES.container,
    header: CONTAINER_HEADERS,
    hidden: ['trunc', 'c'],
    fields: { FieldsUsed: { type: 'map[string]interface {}' } },
    methods: {
      ID: (c) => (trunc ? truncateID(c.id) : c.id),
      Names: (c) => {
        const names = c.names.map((n) => (n.startsWith('/') ? n.slice(1) : n));
        if (trunc) return names.find((n) => !n.includes('/')) ?? '';
        return names.join(',');
      },
      Image: (c) => {
        if (c.image === '') return '<no image>';
        if (!trunc) return c.image;
        const t = truncateID(c.imageId);
        if (t === truncateID(c.image)) return t;
        const at = c.image.indexOf('@');
        return familiarName(at >= 0 ? c.image.slice(0, at) : c.image);
      },
      Command: (c) => goQuote(trunc ? ellipsis(c.command, 20) : c.command),
      CreatedAt: (c) => goTimeString(c.created * 1000),
      RunningFor: (c) => humanDuration(opts.now() - c.created * 1000) + ' ago',
      Platform: { result: ptrTo(PLATFORM_TYPE), fn: () => null },
      Ports: (c) => displayablePorts(c.ports),
      State: (c) => c.state,
      Status: (c) => c.status,
      Size: (c) => {
        const srw = humanSizeWithPrecision(c.sizeRw ?? 0, 3);
        if ((c.sizeRootFs ?? 0) > 0) return `${srw} (virtual ${humanSizeWithPrecision(c.sizeRootFs ?? 0, 3)})`;
        return srw;
      },
      Labels: (c) =>
        Object.entries(c.labels)
          .map(([k, v]) => `${k}=${v}`)
          .sort()
          .join(','),
      Label: { params: ['string'], fn: (c, name: string) => c.labels[name] ?? '' },
      Mounts: (c) =>
        (c.mounts ?? [])
          .map((m) => {
            const name = m.name || m.source;
            return trunc ? ellipsis(name, 15) : name;
          })
          .join(','),
      LocalVolumes: (c) => String((c.mounts ?? []).filter((m) => m.driver === 'local').length),
      Networks: (c) => (c.networks ?? []).join(','),
    },
  });
}

// --- docker images ---

export interface ImageSummary {
  /** `sha256:…` */
  id: string;
  repoTags: readonly string[];
  repoDigests: readonly string[];
  /** seconds since the epoch (0 when unknown) */
  created: number;
  size: number;
  /** -1 when not computed */
  sharedSize?: number;
  /** -1 when not computed */
  containers?: number;
}

export interface ImageRow {
  image: ImageSummary;
  repo: string;
  tag: string;
  digest: string;
}

function splitRepoTag(ref: string): [string, string] {
  const f = familiarName(ref);
  const slash = f.lastIndexOf('/');
  const colon = f.lastIndexOf(':');
  if (colon > slash) return [f.slice(0, colon), f.slice(colon + 1)];
  return [f, ''];
}

/**
 * formatter.imageFormat: one row per repo:tag (and per digest with --digests or a format using
 * {{.Digest}}); dangling images are one `<none>` row.
 */
export function imageRows(images: readonly ImageSummary[], opts: { digest: boolean; format: string }): ImageRow[] {
  const needDigest = opts.digest || opts.format.includes('{{.Digest}}');
  const rows: ImageRow[] = [];
  for (const img of images) {
    const dangling =
      (img.repoTags.length === 0 && img.repoDigests.length === 0) ||
      (img.repoTags.length === 1 &&
        img.repoTags[0] === '<none>:<none>' &&
        img.repoDigests.length === 1 &&
        img.repoDigests[0] === '<none>@<none>');
    if (dangling) {
      rows.push({ image: img, repo: '<none>', tag: '<none>', digest: '<none>' });
      continue;
    }
    const repoTags = new Map<string, string[]>();
    const repoDigests = new Map<string, string[]>();
    for (const ref of img.repoTags) {
      const [repo, tag] = splitRepoTag(ref);
      if (tag === '') continue;
      repoTags.set(repo, [...(repoTags.get(repo) ?? []), tag]);
    }
    for (const ref of img.repoDigests) {
      const at = ref.indexOf('@');
      if (at < 0) continue;
      const repo = familiarName(ref.slice(0, at));
      repoDigests.set(repo, [...(repoDigests.get(repo) ?? []), ref.slice(at + 1)]);
    }
    for (const [repo, tags] of repoTags) {
      let digests = repoDigests.get(repo) ?? [];
      repoDigests.delete(repo);
      if (!needDigest) digests = [];
      for (const tag of tags) {
        if (digests.length === 0) rows.push({ image: img, repo, tag, digest: '<none>' });
        else for (const d of digests) rows.push({ image: img, repo, tag, digest: d });
      }
    }
    for (const [repo, digests] of repoDigests) {
      if (opts.digest) for (const d of digests) rows.push({ image: img, repo, tag: '<none>', digest: d });
      else rows.push({ image: img, repo, tag: '<none>', digest: '' });
    }
  }
  return rows;
}

/** The `*formatter.imageContext` rows of `docker images`. */
export function imageContext(opts: { trunc: boolean; now: () => number }): FormatContext<ImageRow> {
  return defineContext<ImageRow>({
    type: CONTEXT_TYPES.image,
    header: IMAGE_HEADERS,
    hidden: ['trunc', 'i', 'repo', 'tag', 'digest'],
    methods: {
      ID: (r) => (opts.trunc ? truncateID(r.image.id) : r.image.id),
      Repository: (r) => r.repo,
      Tag: (r) => r.tag,
      Digest: (r) => r.digest,
      CreatedSince: (r) => humanDuration(opts.now() - r.image.created * 1000) + ' ago',
      CreatedAt: (r) => goTimeString(r.image.created * 1000),
      Size: (r) => humanSizeWithPrecision(r.image.size, 3),
      Containers: (r) => ((r.image.containers ?? -1) === -1 ? 'N/A' : String(r.image.containers)),
      VirtualSize: (r) => humanSize(r.image.size),
      SharedSize: (r) => ((r.image.sharedSize ?? -1) === -1 ? 'N/A' : humanSize(r.image.sharedSize ?? 0)),
      UniqueSize: (r) =>
        r.image.size === -1 || (r.image.sharedSize ?? -1) === -1
          ? 'N/A'
          : humanSize(r.image.size - (r.image.sharedSize ?? 0)),
    },
  });
}

// --- docker volume ls ---

export interface VolumeRow {
  name: string;
  driver: string;
  scope: string;
  mountpoint: string;
  labels?: Readonly<Record<string, string>> | null;
  /** from `docker system df -v` (UsageData); absent in `docker volume ls` */
  usage?: { refCount: number; size: number } | null;
}

/** The `*formatter.volumeContext` rows of `docker volume ls`. */
export function volumeContext(): FormatContext<VolumeRow> {
  return defineContext<VolumeRow>({
    type: CONTEXT_TYPES.volume,
    header: VOLUME_HEADERS,
    hidden: ['v'],
    methods: {
      Name: (v) => v.name,
      Driver: (v) => v.driver,
      Scope: (v) => v.scope,
      Mountpoint: (v) => v.mountpoint,
      Labels: (v) =>
        v.labels
          ? Object.entries(v.labels)
              .map(([k, x]) => `${k}=${x}`)
              .join(',')
          : '',
      Label: { params: ['string'], fn: (v, name: string) => v.labels?.[name] ?? '' },
      Links: (v) => (v.usage ? String(v.usage.refCount) : 'N/A'),
      Size: (v) => (v.usage ? humanSize(v.usage.size) : 'N/A'),
      Group: () => 'N/A',
      Availability: () => 'N/A',
      Status: () => 'N/A',
    },
  });
}
