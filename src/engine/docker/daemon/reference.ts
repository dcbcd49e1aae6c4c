/**
 * Image references exactly as github.com/distribution/reference (the copy vendored by the docker
 * CLI 28 and moby 26) parses, normalises and prints them: `python` is
 * `docker.io/library/python:latest`, familiar names drop `docker.io/` and `library/`, uppercase
 * repository names are rejected with the same words, tags are `[\w][\w.-]{0,127}`, digests are
 * validated like go-digest does.
 *
 * A reference is plain data. `domain`/`path` are empty for a digest-only reference (what
 * ParseAnyReference gives for an image id).
 */

export const DEFAULT_DOMAIN = 'docker.io';
export const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
export const OFFICIAL_REPO_PREFIX = 'library/';
export const NAME_TOTAL_LENGTH_MAX = 255;

export interface Reference {
  /** Registry host (and port), e.g. `docker.io`, `localhost:5000`; '' for a digest-only reference. */
  domain: string;
  /** Repository path within the registry, e.g. `library/python`; '' for a digest-only reference. */
  path: string;
  tag?: string;
  digest?: string;
}

/** A parse error; `message` is the exact text Go's error prints. */
export class ReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceError';
  }
}

export const REFERENCE_ERRORS = {
  invalidFormat: 'invalid reference format',
  tagInvalidFormat: 'invalid tag format',
  digestInvalidFormat: 'invalid digest format',
  nameContainsUppercase: 'repository name must be lowercase',
  nameEmpty: 'repository name must have at least one component',
  nameTooLong: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`,
  nameNotCanonical: 'repository name must be canonical',
  // go-digest
  checksumInvalidFormat: 'invalid checksum digest format',
  checksumInvalidLength: 'invalid checksum digest length',
  digestUnsupported: 'unsupported digest algorithm',
} as const;

// ---- the grammar (reference/regexp.go) ------------------------------------------------------

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = `${host}${optionalPort}`;
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;

const referenceRegexp = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredTagRegexp = new RegExp(`^${tagPat}$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const anchoredIdentifierRegexp = /^[a-f0-9]{64}$/;
const goDigestRegexp = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

const DIGEST_SIZES: Record<string, number> = { sha256: 32, sha384: 48, sha512: 64 };

/** go-digest's Digest.Validate. */
export function validateDigest(s: string): void {
  const i = s.indexOf(':');
  if (i <= 0 || i + 1 === s.length) throw new ReferenceError(REFERENCE_ERRORS.checksumInvalidFormat);
  const algorithm = s.slice(0, i);
  const hex = s.slice(i + 1);
  const size = DIGEST_SIZES[algorithm];
  if (size === undefined) {
    if (!goDigestRegexp.test(s)) throw new ReferenceError(REFERENCE_ERRORS.checksumInvalidFormat);
    throw new ReferenceError(REFERENCE_ERRORS.digestUnsupported);
  }
  if (hex.length !== size * 2) throw new ReferenceError(REFERENCE_ERRORS.checksumInvalidLength);
  if (!/^[a-f0-9]+$/.test(hex)) throw new ReferenceError(REFERENCE_ERRORS.checksumInvalidFormat);
}

/** reference.Parse: the string as is (no normalisation). */
export function parse(s: string): Reference {
  const m = referenceRegexp.exec(s);
  if (!m) {
    if (s === '') throw new ReferenceError(REFERENCE_ERRORS.nameEmpty);
    if (referenceRegexp.test(s.toLowerCase())) throw new ReferenceError(REFERENCE_ERRORS.nameContainsUppercase);
    throw new ReferenceError(REFERENCE_ERRORS.invalidFormat);
  }
  const name = m[1]!;
  const nm = anchoredNameRegexp.exec(name);
  const ref: Reference = nm && nm[1] !== undefined ? { domain: nm[1], path: nm[2]! } : { domain: '', path: name };
  // the path, not the whole name, is limited (docker tag accepts library/ + 247 characters)
  if (ref.path.length > NAME_TOTAL_LENGTH_MAX) throw new ReferenceError(REFERENCE_ERRORS.nameTooLong);
  if (m[2]) ref.tag = m[2];
  if (m[3]) {
    validateDigest(m[3]);
    ref.digest = m[3];
  }
  return ref;
}

/** The registry part and the rest of a name, as splitDockerDomain does (familiar names get library/). */
export function splitDockerDomain(name: string): [domain: string, remainder: string] {
  const slash = name.indexOf('/');
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (maybeDomain === 'localhost') {
    [domain, remainder] = [maybeDomain, maybeRemote];
  } else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) {
    [domain, remainder] = [DEFAULT_DOMAIN, maybeRemote];
  } else if (/[.:]/.test(maybeDomain)) {
    [domain, remainder] = [maybeDomain, maybeRemote];
  } else if (maybeDomain.toLowerCase() !== maybeDomain) {
    [domain, remainder] = [maybeDomain, maybeRemote];
  } else {
    [domain, remainder] = [DEFAULT_DOMAIN, name];
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return [domain, remainder];
}

/** reference.ParseNormalizedNamed: `python` → docker.io/library/python (no tag added). */
export function parseNormalizedNamed(s: string): Reference {
  if (anchoredIdentifierRegexp.test(s)) {
    throw new ReferenceError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon > -1 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) {
    throw new ReferenceError(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  return parse(`${domain}/${remainder}`);
}

/** reference.ParseDockerRef: normalised, `:latest` added, and the tag dropped when a digest is given. */
export function parseDockerRef(s: string): Reference {
  const ref = parseNormalizedNamed(s);
  if (ref.digest) return { domain: ref.domain, path: ref.path, digest: ref.digest };
  return tagNameOnly(ref);
}

/** reference.ParseAnyReference: a 64-hex id or `algo:hex` is a digest reference; the rest is a name. */
export function parseAnyReference(s: string): Reference {
  if (anchoredIdentifierRegexp.test(s)) return { domain: '', path: '', digest: `sha256:${s}` };
  try {
    validateDigest(s);
    return { domain: '', path: '', digest: s };
  } catch {
    return parseNormalizedNamed(s);
  }
}

export function isNamed(ref: Reference): boolean {
  return ref.path !== '';
}

export function isNameOnly(ref: Reference): boolean {
  return isNamed(ref) && ref.tag === undefined && ref.digest === undefined;
}

/** reference.TagNameOnly: adds `latest` to a bare name. */
export function tagNameOnly(ref: Reference): Reference {
  return isNameOnly(ref) ? { ...ref, tag: 'latest' } : ref;
}

export function trimNamed(ref: Reference): Reference {
  return { domain: ref.domain, path: ref.path };
}

export function withTag(ref: Reference, tag: string): Reference {
  if (!anchoredTagRegexp.test(tag)) throw new ReferenceError(REFERENCE_ERRORS.tagInvalidFormat);
  const out: Reference = { domain: ref.domain, path: ref.path, tag };
  if (ref.digest) out.digest = ref.digest;
  return out;
}

export function withDigest(ref: Reference, digest: string): Reference {
  validateDigest(digest);
  const out: Reference = { domain: ref.domain, path: ref.path, digest };
  if (ref.tag) out.tag = ref.tag;
  return out;
}

/** Named.Name(): `docker.io/library/python`. */
export function nameOf(ref: Reference): string {
  return ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
}

/** Reference.String(): `docker.io/library/python:3.11-slim@sha256:…`. */
export function referenceString(ref: Reference): string {
  let s = nameOf(ref);
  if (ref.tag !== undefined) s += `:${ref.tag}`;
  if (ref.digest !== undefined) s += `@${ref.digest}`;
  return s;
}

/** reference.FamiliarName: `python`, `student/app`, `localhost:5000/app`. */
export function familiarName(ref: Reference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return nameOf(ref);
  const p = ref.path;
  if (p.startsWith(OFFICIAL_REPO_PREFIX) && !p.slice(OFFICIAL_REPO_PREFIX.length).includes('/')) {
    return p.slice(OFFICIAL_REPO_PREFIX.length);
  }
  return p;
}

/** reference.FamiliarString: `python:3.11-slim`, `python@sha256:…`, or the digest of an id reference. */
export function familiarString(ref: Reference): string {
  if (!isNamed(ref)) return ref.digest ?? '';
  let s = familiarName(ref);
  if (ref.tag !== undefined) s += `:${ref.tag}`;
  if (ref.digest !== undefined) s += `@${ref.digest}`;
  return s;
}

/** reference.Path: the repository path, e.g. `library/python`. */
export function pathOf(ref: Reference): string {
  return ref.path;
}

// ---- FamiliarMatch (path.Match on familiar strings) ---------------------------------------------

const patternCache = new Map<string, RegExp | null>();

/** Go's path.Match compiled to a RegExp; null when the pattern is malformed (ErrBadPattern). */
export function pathMatchRegExp(pattern: string): RegExp | null {
  const cached = patternCache.get(pattern);
  if (cached !== undefined) return cached;
  let re = '^';
  let ok = true;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      i++;
      if (i >= pattern.length) {
        ok = false;
        break;
      }
      re += escapeRe(pattern[i]!);
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        ok = false;
        break;
      }
      let cls = pattern.slice(i + 1, end);
      let neg = false;
      if (cls.startsWith('^')) {
        neg = true;
        cls = cls.slice(1);
      }
      if (cls === '') {
        ok = false;
        break;
      }
      re += `[${neg ? '^' : ''}${cls.replace(/\\/g, '\\\\').replace(/\]/g, '\\]')}]`;
      i = end;
    } else re += escapeRe(c);
  }
  const result = ok ? new RegExp(`${re}$`) : null;
  if (patternCache.size > 256) patternCache.clear();
  patternCache.set(pattern, result);
  return result;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** reference.FamiliarMatch: the pattern against the familiar string, or else the familiar name. */
export function familiarMatch(pattern: string, ref: Reference): boolean {
  const re = pathMatchRegExp(pattern);
  if (!re) return false;
  return re.test(familiarString(ref)) || re.test(familiarName(ref));
}
