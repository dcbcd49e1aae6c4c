/**
 * Every text the builder prints or puts in an image, in one place: BuildKit v0.13 (the daemon's
 * Dockerfile frontend, moby 26.1) and buildx 0.13.1 as recorded on the reference lab.
 */

export const MSG = {
  // buildx
  header: (builder: string, driver: string) => `#0 building with "${builder}" instance using ${driver} driver`,
  invalidTag: (tag: string, reason: string) => `invalid tag "${tag}": ${reason}`,
  contextNotFound: (path: string) => `unable to prepare context: path "${path}" not found`,
  invalidProgress: (mode: string) => `invalid progress mode ${mode}`,
  invalidBuildArg: (arg: string) => `invalid key/value pair "${arg}": key must not be empty`,
  gitNotFound: 'WARNING: current commit information was not captured by the build: git was not found in the system: exec: "git": executable file not found in $PATH',
  gitNotWorkTree: 'WARNING: current commit information was not captured by the build: failed to read current commit information with git rev-parse --is-inside-work-tree',
  errorLine: (text: string) => `ERROR: ${text}`,
  failedToSolve: (text: string) => `failed to solve: ${text}`,

  // vertex names
  loadDefinition: (name: string) => `[internal] load build definition from ${name}`,
  loadMetadata: (ref: string) => `[internal] load metadata for ${ref}`,
  loadDockerignore: '[internal] load .dockerignore',
  loadContext: '[internal] load build context',
  inlineDocument: '[internal] preparing inline document',
  exporting: 'exporting to image',
  transferringDockerfile: 'transferring dockerfile:',
  transferringContext: 'transferring context:',

  // frontend errors
  readDockerfile: (name: string) => `failed to read dockerfile: open ${name}: no such file or directory`,
  emptyDockerfile: 'the Dockerfile cannot be empty',
  noStageForCommand: 'no build stage in current context',
  noStages: 'dockerfile contains no stages to build',
  baseNameBlank: (name: string) => `base name (${name}) should not be blank`,
  targetNotFound: (target: string) => `target stage "${target}" could not be found`,
  circularDependency: (a: string, b: string) => `circular dependency detected on stage: ${a}${b ? ` -> ${b}` : ''}`,
  copyFromSelf: 'invalid stage reference: stage cannot refer to itself',
  invalidPlatform: (p: string) => `failed to parse platform ${p}`,
  // flags (bflag.go, v0.13)
  flagNoDashes: (arg: string) => `arg should start with -- : ${arg}`,
  unknownFlag: (name: string) => `unknown flag: ${name}`,
  duplicateFlag: (name: string) => `duplicate flag specified: ${name}`,
  missingFlagValue: (name: string) => `missing a value on flag: ${name}`,
  expectingBool: (name: string, value: string) => `expecting boolean value for flag ${name}, not: ${value}`,

  // solve errors
  computeCacheKey: (text: string) => `failed to compute cache key: ${text}`,
  checksumNotFound: (ref: string, path: string) => `failed to calculate checksum of ref ${ref}: "${path}": not found`,
  processFailed: (args: string, code: number) => `process "${args}" did not complete successfully: exit code: ${code}`,
  resolveMetadata: (name: string, ref: string, err: string) => `${name}: failed to resolve source metadata for ${ref}: ${err}`,
  notFound: (ref: string) => `${ref}: not found`,
  pullDenied: 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
  unknownChown: (user: string) => `unable to convert uid/gid chown string to host mapping: can't find uid for user ${user}: no such user: ${user}`,
  unknownGroup: (group: string) => `unable to convert uid/gid chown string to host mapping: can't find gid for group ${group}: no such group: ${group}`,
  invalidChmod: (mode: string) => `invalid chmod parameter: '${mode}'. it should be octal string and between 0 and 07777`,
  userNotFound: (user: string) => `unable to find user ${user}: no matching entries in passwd file`,
  cannotCopyDirToFile: (dest: string) => `cannot copy to non-directory: ${dest}`,
  canceled: 'context canceled',
} as const;

/** The history comment BuildKit's Dockerfile frontend gives every step. */
export const HISTORY_COMMENT = 'buildkit.dockerfile.v0';
