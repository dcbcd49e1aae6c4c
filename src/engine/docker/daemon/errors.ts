/**
 * How the daemon fails, and every message it words (one catalogue for the image room). Texts are
 * moby's (daemon/containerd for the default engine, daemon/images + distribution for the
 * graphdriver flavour) as the reference engine prints them; the CLI prefixes
 * `Error response from daemon: ` to a DaemonError and prints a ClientError as is.
 */

/** The errdefs class of an error, with the HTTP status the API server maps it to. */
export type ErrorKind =
  | 'invalid-parameter' // 400
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409
  | 'system'; // 500

const STATUS: Record<ErrorKind, number> = {
  'invalid-parameter': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  system: 500,
};

/** An error response from the Engine API. `message` is the daemon's text, verbatim. */
export class DaemonError extends Error {
  readonly status: number;
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DaemonError';
    this.status = STATUS[kind];
  }
}

/** An error the Go API client raises before talking to the daemon (no "Error response" prefix). */
export class ClientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClientError';
  }
}

export const MESSAGES = {
  noSuchImage: (familiar: string) => `No such image: ${familiar}`,
  ambiguousReference: 'ambiguous reference',
  invalidFilter: (name: string, values?: readonly string[]) =>
    values === undefined ? `invalid filter '${name}'` : `invalid filter '${name}=[${values.join(' ')}]'`,
  badTimestamp: (value: string) => `failed to parse value as time or duration: "${value}"`,

  // tag (api/server/router/image: postImagesTag, httputils.RepoTagReference)
  ambiguousDigestName: 'refusing to create an ambiguous tag using digest algorithm as name',
  cannotTagDigested: 'cannot import digest reference',
  // client side (client/image_tag.go)
  clientTagDigest: 'refusing to create a tag with a digest reference',
  clientBadReference: (ref: string, reason: string) => `Error parsing reference: "${ref}" is not a valid repository/tag: ${reason}`,

  // rmi (daemon/containerd/image_delete.go)
  conflictDelete: (ref: string, hard: boolean, reason: string) =>
    `conflict: unable to delete ${ref} (${hard ? 'cannot be forced' : 'must be forced'}) - ${reason}`,
  usedByRunning: (containerShort: string) => `image is being used by running container ${containerShort}`,
  usedByStopped: (containerShort: string) => `image is being used by stopped container ${containerShort}`,
  multipleRepositories: 'image is referenced in multiple repositories',
  containerUsingReference: (containerShort: string, imageShort: string) =>
    `container ${containerShort} is using its referenced image ${imageShort}`,
  // the graphdriver store's wording for the same case (daemon/images/image_delete.go)
  conflictRemoveReference: (familiar: string, containerShort: string, imageShort: string) =>
    `conflict: unable to remove repository reference "${familiar}" (must force) - container ${containerShort} is using its referenced image ${imageShort}`,

  pruneRunning: 'a prune operation is already running',

  // pull (daemon/containerd/image_pull.go; distribution/errors.go for graphdriver)
  pullAccessDenied: (familiarName: string) =>
    `pull access denied for ${familiarName}, repository does not exist or may require 'docker login'`,
  registryDenied: 'denied: requested access to the resource is denied',
  manifestUnknown: (familiar: string) => `manifest for ${familiar} not found: manifest unknown: manifest unknown`,
  resolveNotFound: (full: string) => `failed to resolve reference "${full}": ${full}: not found`,
  noMatchingManifest: (platform: string) => `no matching manifest for ${platform} in the manifest list entries`,
  unauthorizedLogin: (host: string) => `Get "https://${host}/v2/": unauthorized: incorrect username or password`,

  // push (daemon/containerd/image_push.go; distribution/push_v2.go for graphdriver)
  pushRefersTo: (name: string) => `The push refers to repository [${name}]`,
  pushTagMissing: (familiar: string) => `tag does not exist: ${familiar}`,
  pushNoLocalTag: (familiarName: string) => `An image does not exist locally with the tag: ${familiarName}`,
  pushDigest: (tag: string, digest: string, size: number) => `${tag}: digest: ${digest} size: ${size}`,
  pushAccessDenied: 'push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',

  // pull/push status lines
  pullingFrom: (path: string) => `Pulling from ${path}`,
  digestLine: (digest: string) => `Digest: ${digest}`,
  downloadedNewer: (familiar: string) => `Status: Downloaded newer image for ${familiar}`,
  upToDate: (familiar: string) => `Status: Image is up to date for ${familiar}`,
  loginSucceeded: 'Login Succeeded',
} as const;

export function noSuchImage(familiar: string): DaemonError {
  return new DaemonError('not-found', MESSAGES.noSuchImage(familiar));
}
