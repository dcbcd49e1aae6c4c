/**
 * Turns an ImageDef into registry content: layer blobs (trees padded to their real unpacked
 * size), the config, the manifest and, for OCI indexes, an attestation manifest beside it, all
 * content-addressed. Layers are built once per key and shared between images.
 */
import { byteLength, digestOf, encodeConfig, encodeIndex, encodeManifest, sha256Hex } from '../../daemon/oci/encode';
import { makeLayerBlob } from '../../daemon/oci/layers';
import { MEDIA_TYPE } from '../../daemon/oci/types';
import type { Blob, ConfigBlob, Descriptor, HistoryEntry, ImageConfig, IndexBlob, LayerBlob, ManifestBlob, OpaqueBlob } from '../../daemon/oci/types';
import { at, buildLayer, padTo } from '../rootfs/util';
import type { ImageDef, LayerDef } from './types';

export interface BuiltImage {
  def: ImageDef;
  target: Descriptor;
  blobs: Blob[];
}

const layerCache = new Map<string, LayerBlob>();

function layerMediaType(def: ImageDef): string {
  return def.publication === 'docker-list' || def.publication === 'docker-manifest' ? MEDIA_TYPE.dockerLayerGzip : MEDIA_TYPE.ociLayerGzip;
}

export function buildLayerBlob(def: LayerDef, mediaType: string): LayerBlob {
  const cached = layerCache.get(def.key);
  if (cached) return cached;
  let spec = def.tree();
  if (def.unpacked !== 'exact') spec = padTo(spec, def.unpacked, def.bulk ?? [], def.bulkOwner ?? {});
  const layer = buildLayer(spec, at(def.created), def.owner);
  const digest = def.digest ?? `sha256:${sha256Hex(`registry-layer\0${def.key}`)}`;
  const blob = makeLayerBlob(layer, { digest, size: def.size, mediaType });
  layerCache.set(def.key, blob);
  return blob;
}

export function buildImage(def: ImageDef): BuiltImage {
  const docker = def.publication === 'docker-list' || def.publication === 'docker-manifest';
  const mediaType = layerMediaType(def);
  const layers = def.layers.map((l) => buildLayerBlob(l, mediaType));
  const nonEmpty = def.history.filter((h) => !h.empty).length;
  if (nonEmpty !== layers.length) throw new Error(`${def.repo}:${def.tags[0]}: ${nonEmpty} layer steps but ${layers.length} layers`);
  const history: HistoryEntry[] = def.history.map((h) => ({
    created: h.created,
    created_by: h.createdBy,
    ...(h.comment ? { comment: h.comment } : {}),
    ...(h.empty ? { empty_layer: true } : {}),
  }));
  const config: ImageConfig = {
    created: def.created,
    architecture: 'amd64',
    os: 'linux',
    config: structuredClone(def.config),
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history,
  };
  const configText = encodeConfig(config);
  const configBlob: ConfigBlob = {
    kind: 'config',
    mediaType: docker ? MEDIA_TYPE.dockerConfig : MEDIA_TYPE.ociConfig,
    digest: digestOf(configText),
    size: byteLength(configText),
    config,
  };
  const manifest = {
    schemaVersion: 2 as const,
    mediaType: docker ? MEDIA_TYPE.dockerManifest : MEDIA_TYPE.ociManifest,
    config: { mediaType: configBlob.mediaType, digest: configBlob.digest, size: configBlob.size },
    layers: layers.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
  };
  const manifestText = encodeManifest(manifest);
  const manifestBlob: ManifestBlob = { kind: 'manifest', mediaType: manifest.mediaType, digest: digestOf(manifestText), size: byteLength(manifestText), manifest };
  const blobs: Blob[] = [...layers, configBlob, manifestBlob];
  const platformDesc: Descriptor = {
    mediaType: manifestBlob.mediaType,
    digest: manifestBlob.digest,
    size: manifestBlob.size,
    platform: { architecture: 'amd64', os: 'linux' },
  };

  if (def.publication === 'docker-manifest' || def.publication === 'oci-manifest') {
    return { def, target: { mediaType: manifestBlob.mediaType, digest: manifestBlob.digest, size: manifestBlob.size }, blobs };
  }
  const manifests: Descriptor[] = [platformDesc];
  if (def.publication === 'oci-index') {
    // the build's provenance, as Docker Hub's official images carry one per platform
    const statement = JSON.stringify({
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://slsa.dev/provenance/v0.2',
      subject: [{ name: `pkg:docker/${def.repo.replace(/^library\//, '')}@${def.tags[0]}?platform=linux%2Famd64`, digest: { sha256: manifestBlob.digest.slice(7) } }],
      predicate: { buildType: 'https://mobyproject.org/buildkit@v1', metadata: { buildFinishedOn: def.created } },
    });
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
    blobs.push(statementBlob, attConfigBlob, attBlob);
    manifests.push({
      mediaType: attBlob.mediaType,
      digest: attBlob.digest,
      size: attBlob.size,
      annotations: { 'vnd.docker.reference.digest': manifestBlob.digest, 'vnd.docker.reference.type': 'attestation-manifest' },
      platform: { architecture: 'unknown', os: 'unknown' },
    });
  }
  const index = { schemaVersion: 2 as const, mediaType: def.publication === 'docker-list' ? MEDIA_TYPE.dockerManifestList : MEDIA_TYPE.ociIndex, manifests };
  const indexText = encodeIndex(index);
  const indexBlob: IndexBlob = { kind: 'index', mediaType: index.mediaType, digest: digestOf(indexText), size: byteLength(indexText), index };
  blobs.push(indexBlob);
  return { def, target: { mediaType: indexBlob.mediaType, digest: indexBlob.digest, size: indexBlob.size }, blobs };
}
