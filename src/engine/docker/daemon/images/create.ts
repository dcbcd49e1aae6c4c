/**
 * A new image from a parent, new layers and a config: what the builder's exporter (and later
 * `docker commit`) hands to the image store. On the containerd store BuildKit writes an index
 * holding the image manifest and a provenance attestation manifest (recorded on the reference
 * engine: `exporting manifest`, `exporting config`, `exporting attestation manifest`, `exporting
 * manifest list`), so the image ID is the index digest; on the graphdriver store it is the config
 * digest.
 */
import type { Layer } from '../../../fs/overlay';
import { byteLength, digestOf, encodeConfig, encodeIndex, encodeManifest, rfc3339Nano } from '../oci/encode';
import { makeLayerBlob } from '../oci/layers';
import { MEDIA_TYPE } from '../oci/types';
import type { ConfigBlob, ContainerConfig, Descriptor, Digest, HistoryEntry, ImageConfig, IndexBlob, LayerBlob, ManifestBlob, OpaqueBlob } from '../oci/types';
import { DaemonError } from '../errors';
import { parseNormalizedNamed, referenceString, tagNameOnly } from '../reference';
import { isGraphdriver } from './context';
import type { ImageContext } from './context';
import { requireView } from './inspect';
import { ensureDangling, setImageName } from './tag';
import { collectGarbage, parseError, resolveImage, viewOf } from './store';

export interface NewHistoryEntry {
  /** `RUN /bin/sh -c pip install … # buildkit`, `WORKDIR /app`, `CMD ["python3"]` … */
  createdBy: string;
  /** `buildkit.dockerfile.v0` for Dockerfile steps. */
  comment?: string;
  /** Milliseconds on the simulated clock; default: the image's `created`. */
  created?: number;
  /** The layer this step added; none for metadata-only steps (`empty_layer`). */
  layer?: Layer;
}

export interface ImageCreateSpec {
  /** The base image (name or ID). Omit (and `base`) for `FROM scratch`. */
  parent?: string;
  /** Or the target of a base fetched by `imageFetch` (not a named local image). */
  base?: Descriptor;
  /** The runtime config of the new image. Default: the parent's. */
  config?: ContainerConfig;
  /** The steps this build added, oldest first. */
  history: NewHistoryEntry[];
  /** Milliseconds; default: now. */
  created?: number;
  author?: string;
  /** Names to give it (`-t`); none leaves a dangling image. */
  tags?: readonly string[];
  /** Wrap the manifest in an index with a provenance attestation (BuildKit's default). Default: on the containerd store. */
  attestation?: boolean;
  /** For the provenance statement: when the build started (default: `created`). */
  buildStarted?: number;
}

export interface CreatedImage {
  /** The image ID `docker images` shows. */
  id: Digest;
  target: Descriptor;
  manifest: Digest;
  config: Digest;
  /** The provenance attestation manifest (BuildKit's `exporting attestation manifest sha256:…`). */
  attestationManifest?: Digest;
  /** Full names given, e.g. `docker.io/library/myimg:latest`. */
  names: string[];
  /** The layer blobs this build added (compressed digests, for the builder's progress lines). */
  layers: LayerBlob[];
}

function provenance(subject: Digest, name: string | undefined, started: number, finished: number): string {
  const statement = {
    _type: 'https://in-toto.io/Statement/v0.1',
    predicateType: 'https://slsa.dev/provenance/v0.2',
    subject: [{ name: name ? `pkg:docker/${name}?platform=linux%2Famd64` : '_', digest: { sha256: subject.slice(7) } }],
    predicate: {
      builder: { id: '' },
      buildType: 'https://mobyproject.org/buildkit@v1',
      metadata: { buildStartedOn: rfc3339Nano(started), buildFinishedOn: rfc3339Nano(finished), completeness: {}, reproducible: false },
    },
  };
  return JSON.stringify(statement);
}

export function imageCreate(ctx: ImageContext, spec: ImageCreateSpec): CreatedImage {
  const now = ctx.clock.now();
  const created = spec.created ?? now;
  const names = (spec.tags ?? []).map((t) => {
    try {
      return referenceString(tagNameOnly(parseNormalizedNamed(t)));
    } catch (err) {
      throw parseError(err);
    }
  });

  let baseConfig: ImageConfig | undefined;
  let baseLayers: Descriptor[] = [];
  if (spec.parent || spec.base) {
    const view = spec.base ? viewOf(ctx.state.content, spec.base, ctx.platform) : requireView(ctx, resolveImage(ctx, spec.parent!));
    if (!view) throw new DaemonError('not-found', `content digest ${spec.base!.digest}: not found`);
    baseConfig = view.config.config;
    baseLayers = view.manifest.manifest.layers.map((l) => ({ ...l }));
  }

  const newLayers: LayerBlob[] = [];
  const history: HistoryEntry[] = [...(baseConfig?.history ?? []).map((h) => ({ ...h }))];
  for (const step of spec.history) {
    const entry: HistoryEntry = { created: rfc3339Nano(step.created ?? created), created_by: step.createdBy };
    if (step.comment) entry.comment = step.comment;
    if (step.layer) newLayers.push(makeLayerBlob(step.layer));
    else entry.empty_layer = true;
    history.push(entry);
  }

  const runtime: ContainerConfig = structuredClone(spec.config ?? baseConfig?.config ?? {});
  const config: ImageConfig = {
    created: rfc3339Nano(created),
    ...(spec.author ? { author: spec.author } : {}),
    architecture: baseConfig?.architecture ?? ctx.platform.architecture,
    ...(baseConfig?.variant ? { variant: baseConfig.variant } : {}),
    os: baseConfig?.os ?? ctx.platform.os,
    config: runtime,
    rootfs: { type: 'layers', diff_ids: [...(baseConfig?.rootfs.diff_ids ?? []), ...newLayers.map((l) => l.diffId)] },
    history,
  };
  const configText = encodeConfig(config);
  const configBlob: ConfigBlob = { kind: 'config', mediaType: MEDIA_TYPE.ociConfig, digest: digestOf(configText), size: byteLength(configText), config };
  const manifest = {
    schemaVersion: 2 as const,
    mediaType: MEDIA_TYPE.ociManifest,
    config: { mediaType: configBlob.mediaType, digest: configBlob.digest, size: configBlob.size },
    layers: [...baseLayers, ...newLayers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size }))],
  };
  const manifestText = encodeManifest(manifest);
  const manifestBlob: ManifestBlob = { kind: 'manifest', mediaType: MEDIA_TYPE.ociManifest, digest: digestOf(manifestText), size: byteLength(manifestText), manifest };

  const content = ctx.state.content;
  for (const d of baseLayers) {
    if (content[d.digest]?.kind !== 'layer') throw new DaemonError('system', `content digest ${d.digest}: not found`);
  }
  for (const l of newLayers) content[l.digest] = l;
  content[configBlob.digest] = configBlob;
  content[manifestBlob.digest] = manifestBlob;

  let target: Descriptor = {
    mediaType: manifestBlob.mediaType,
    digest: manifestBlob.digest,
    size: manifestBlob.size,
    platform: { architecture: config.architecture, os: config.os },
  };
  const attest = spec.attestation ?? !isGraphdriver(ctx.flavour);
  let attestationManifest: Digest | undefined;
  if (attest) {
    const statement = provenance(manifestBlob.digest, names[0], spec.buildStarted ?? created, now);
    const statementBlob: OpaqueBlob = { kind: 'opaque', mediaType: MEDIA_TYPE.inToto, digest: digestOf(statement), size: byteLength(statement), text: statement };
    const attConfig: ImageConfig = { architecture: 'unknown', os: 'unknown', config: {}, rootfs: { type: 'layers', diff_ids: [statementBlob.digest] } };
    const attConfigText = encodeConfig(attConfig, 'struct');
    const attConfigBlob: ConfigBlob = { kind: 'config', mediaType: MEDIA_TYPE.ociConfig, digest: digestOf(attConfigText), size: byteLength(attConfigText), config: attConfig };
    const attManifest = {
      schemaVersion: 2 as const,
      mediaType: MEDIA_TYPE.ociManifest,
      config: { mediaType: attConfigBlob.mediaType, digest: attConfigBlob.digest, size: attConfigBlob.size },
      layers: [{ mediaType: MEDIA_TYPE.inToto, digest: statementBlob.digest, size: statementBlob.size, annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' } }],
    };
    const attText = encodeManifest(attManifest);
    const attBlob: ManifestBlob = { kind: 'manifest', mediaType: MEDIA_TYPE.ociManifest, digest: digestOf(attText), size: byteLength(attText), manifest: attManifest };
    const index = {
      schemaVersion: 2 as const,
      mediaType: MEDIA_TYPE.ociIndex,
      manifests: [
        { ...target },
        {
          mediaType: attBlob.mediaType,
          digest: attBlob.digest,
          size: attBlob.size,
          annotations: { 'vnd.docker.reference.digest': manifestBlob.digest, 'vnd.docker.reference.type': 'attestation-manifest' },
          platform: { architecture: 'unknown', os: 'unknown' },
        },
      ],
    };
    const indexText = encodeIndex(index);
    const indexBlob: IndexBlob = { kind: 'index', mediaType: MEDIA_TYPE.ociIndex, digest: digestOf(indexText), size: byteLength(indexText), index };
    content[statementBlob.digest] = statementBlob;
    content[attConfigBlob.digest] = attConfigBlob;
    content[attBlob.digest] = attBlob;
    content[indexBlob.digest] = indexBlob;
    target = { mediaType: indexBlob.mediaType, digest: indexBlob.digest, size: indexBlob.size };
    attestationManifest = attBlob.digest;
  }

  // BuildKit's containerd exporter simply moves the name; the graphdriver keeps the old image as <none>
  let dropped = false;
  for (const name of names) {
    if (setImageName(ctx.state, name, target, now, { keepReplaced: isGraphdriver(ctx.flavour) }) && !isGraphdriver(ctx.flavour)) dropped = true;
  }
  if (names.length === 0) ensureDangling(ctx.state, target, now);
  // an image that lost its name to this one is garbage now (containerd's GC)
  if (dropped) collectGarbage(ctx.state);
  const id = isGraphdriver(ctx.flavour) ? configBlob.digest : target.digest;
  return {
    id,
    target,
    manifest: manifestBlob.digest,
    config: configBlob.digest,
    ...(attestationManifest ? { attestationManifest } : {}),
    names,
    layers: newLayers,
  };
}
