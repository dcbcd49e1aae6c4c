import { describe, expect, test } from 'vitest';
import {
  familiarMatch,
  familiarName,
  familiarString,
  parse,
  parseAnyReference,
  parseDockerRef,
  parseNormalizedNamed,
  referenceString,
} from '../../../src/engine/docker/daemon/reference';
import { ClientError, DaemonError } from '../../../src/engine/docker/daemon';
import { pull, world } from './helpers';

/**
 * `docker tag python:3.11-slim NAME` on the reference engine (docker CLI 28.2.2, dockerd 26.1.5),
 * recorded 2026-11-26: the exit status and what it printed. The CLI prints client-side parse errors
 * as `Error parsing reference: "NAME" is not a valid repository/tag: <reason>`.
 */
const TAG_RECORDING: Array<[name: string, error: string | null]> = [
  ['Bad_Name', 'Error parsing reference: "Bad_Name" is not a valid repository/tag: invalid reference format: repository name (library/Bad_Name) must be lowercase'],
  ['bad_name', null],
  ['UPPER', 'Error parsing reference: "UPPER" is not a valid repository/tag: invalid reference format: repository name (library/UPPER) must be lowercase'],
  ['myapp:V1', null],
  ['myapp:-bad', 'Error parsing reference: "myapp:-bad" is not a valid repository/tag: invalid reference format'],
  ['myapp:.bad', 'Error parsing reference: "myapp:.bad" is not a valid repository/tag: invalid reference format'],
  ['myapp:_ok', null],
  ['myapp:', 'Error parsing reference: "myapp:" is not a valid repository/tag: invalid reference format'],
  [':tag', 'Error parsing reference: ":tag" is not a valid repository/tag: invalid reference format'],
  ['myapp::tag', 'Error parsing reference: "myapp::tag" is not a valid repository/tag: invalid reference format'],
  ['a/b/c/d:e', null],
  ['localhost/app', null],
  ['localhost:5000/app:1', null],
  ['Example.com/App', 'Error parsing reference: "Example.com/App" is not a valid repository/tag: invalid reference format: repository name (App) must be lowercase'],
  ['example.com/app', null],
  ['EXAMPLE.com/app', null],
  ['foo__bar', null],
  ['foo___bar', 'Error parsing reference: "foo___bar" is not a valid repository/tag: invalid reference format'],
  ['foo--bar', null],
  ['foo.-bar', 'Error parsing reference: "foo.-bar" is not a valid repository/tag: invalid reference format'],
  ['-foo', 'Error parsing reference: "-foo" is not a valid repository/tag: invalid reference format'],
  ['foo-', 'Error parsing reference: "foo-" is not a valid repository/tag: invalid reference format'],
  ['foo.', 'Error parsing reference: "foo." is not a valid repository/tag: invalid reference format'],
  ['.foo', 'Error parsing reference: ".foo" is not a valid repository/tag: invalid reference format'],
  ['foo/', 'Error parsing reference: "foo/" is not a valid repository/tag: invalid reference format'],
  ['/foo', 'Error parsing reference: "/foo" is not a valid repository/tag: invalid reference format'],
  ['foo//bar', 'Error parsing reference: "foo//bar" is not a valid repository/tag: invalid reference format'],
  ['docker.io/foo', null],
  ['docker.io/library/foo', null],
  ['index.docker.io/foo', null],
  ['a', null],
  ['sha256', 'refusing to create an ambiguous tag using digest algorithm as name'],
  ['sha256:abc', 'refusing to create an ambiguous tag using digest algorithm as name'],
  ['myapp@sha256:0123456789012345678901234567890123456789012345678901234567890123', 'refusing to create a tag with a digest reference'],
  [
    '0123456789012345678901234567890123456789012345678901234567890123',
    'Error parsing reference: "0123456789012345678901234567890123456789012345678901234567890123" is not a valid repository/tag: invalid repository name (0123456789012345678901234567890123456789012345678901234567890123), cannot specify 64-byte hexadecimal strings',
  ],
  ['0123456789012345678901234567890123456789012345678901234567890123:tag', null],
  ['my app', 'Error parsing reference: "my app" is not a valid repository/tag: invalid reference format'],
  ['my/App', 'Error parsing reference: "my/App" is not a valid repository/tag: invalid reference format: repository name (my/App) must be lowercase'],
  ['[::1]:5000/foo', null],
  ['127.0.0.1:5000/foo:bar', null],
  [`foo:${'a'.repeat(128)}`, null],
  [`foo:${'a'.repeat(129)}`, `Error parsing reference: "foo:${'a'.repeat(129)}" is not a valid repository/tag: invalid reference format`],
  ['a'.repeat(247), null],
  ['a'.repeat(250), `Error parsing reference: "${'a'.repeat(250)}" is not a valid repository/tag: repository name must not be more than 255 characters`],
];

describe('docker tag against the recorded CLI', async () => {
  const w = world();
  await pull(w, 'python:3.11-slim');
  test.each(TAG_RECORDING)('docker tag python:3.11-slim %s', (name, error) => {
    if (error === null) {
      expect(() => w.daemon.imageTagFromCli('python:3.11-slim', name)).not.toThrow();
      return;
    }
    let thrown: unknown;
    try {
      w.daemon.imageTagFromCli('python:3.11-slim', name);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe(error);
    // the daemon's own refusals come back as an error response, the others from the client
    expect(thrown).toBeInstanceOf(error.startsWith('refusing to create an ambiguous') ? DaemonError : ClientError);
  });

  test('accepted names show up as docker images shows them', () => {
    const tags = w.daemon.imageList().flatMap((s) => s.RepoTags);
    // recorded `docker images --format '{{.Repository}}:{{.Tag}}'` after the run above
    for (const t of [
      'foo:latest',
      '[::1]:5000/foo:latest',
      '0123456789012345678901234567890123456789012345678901234567890123:tag',
      'foo--bar:latest',
      'foo__bar:latest',
      'example.com/app:latest',
      '127.0.0.1:5000/foo:bar',
      'EXAMPLE.com/app:latest',
      'a:latest',
      'localhost:5000/app:1',
      'localhost/app:latest',
      'a/b/c/d:e',
      'bad_name:latest',
      'myapp:V1',
      'myapp:_ok',
      'python:3.11-slim',
    ]) {
      expect(tags).toContain(t);
    }
  });
});

describe('normalisation (distribution/reference)', () => {
  test.each([
    ['python', 'docker.io/library/python', 'python', 'python'],
    ['python:3.11-slim', 'docker.io/library/python:3.11-slim', 'python', 'python:3.11-slim'],
    ['library/python', 'docker.io/library/python', 'python', 'python'],
    ['docker.io/python', 'docker.io/library/python', 'python', 'python'],
    ['index.docker.io/library/python:3', 'docker.io/library/python:3', 'python', 'python:3'],
    ['anibali/pytorch:1.10.0-nocuda', 'docker.io/anibali/pytorch:1.10.0-nocuda', 'anibali/pytorch', 'anibali/pytorch:1.10.0-nocuda'],
    ['localhost:5000/app', 'localhost:5000/app', 'localhost:5000/app', 'localhost:5000/app'],
    ['localhost/app', 'localhost/app', 'localhost/app', 'localhost/app'],
    ['ghcr.io/org/app:v1', 'ghcr.io/org/app:v1', 'ghcr.io/org/app', 'ghcr.io/org/app:v1'],
    ['docker.io/library/a/b', 'docker.io/library/a/b', 'library/a/b', 'library/a/b'],
  ])('%s', (input, full, name, familiar) => {
    const ref = parseNormalizedNamed(input);
    expect(referenceString(ref)).toBe(full);
    expect(familiarName(ref)).toBe(name);
    expect(familiarString(ref)).toBe(familiar);
  });

  test('ParseDockerRef adds latest and drops the tag when a digest is given', () => {
    expect(referenceString(parseDockerRef('python'))).toBe('docker.io/library/python:latest');
    const d = `sha256:${'a'.repeat(64)}`;
    expect(referenceString(parseDockerRef(`python:3@${d}`))).toBe(`docker.io/library/python@${d}`);
  });

  test('ParseAnyReference: ids and digests are digest references', () => {
    const hex = 'f33e0292f1f6089115abfeb3a38c8d70ad5ac37936452818350c8435e0ab9594';
    expect(parseAnyReference(hex)).toEqual({ domain: '', path: '', digest: `sha256:${hex}` });
    expect(parseAnyReference(`sha256:${hex}`)).toEqual({ domain: '', path: '', digest: `sha256:${hex}` });
    // a short id parses as a name, which is why `docker rmi 0123` says "No such image: 0123:latest"
    expect(referenceString(parseAnyReference('0123'))).toBe('docker.io/library/0123');
    expect(familiarString(parseAnyReference('sha256:abcd'))).toBe('sha256:abcd');
  });

  test('digests are validated as go-digest does', () => {
    expect(() => parse(`python@sha256:${'a'.repeat(40)}`)).toThrow('invalid checksum digest length');
    expect(() => parse(`python@sha256:${'A'.repeat(64)}`)).toThrow('invalid checksum digest format');
    expect(() => parse(`python@md5:${'a'.repeat(32)}`)).toThrow('unsupported digest algorithm');
    expect(() => parse(`python@sha256:${'a'.repeat(10)}`)).toThrow('invalid reference format');
    expect(() => parse('')).toThrow('repository name must have at least one component');
  });

  test('FamiliarMatch (the reference filter) matches familiar forms only', () => {
    const ref = parseNormalizedNamed('python:3.11-slim');
    expect(familiarMatch('python', ref)).toBe(true);
    expect(familiarMatch('*:3.11*', ref)).toBe(true);
    expect(familiarMatch('pyth*', ref)).toBe(true);
    expect(familiarMatch('docker.io/library/python:3.11-slim', ref)).toBe(false);
    expect(familiarMatch('Bad_Name', ref)).toBe(false);
    expect(familiarMatch('[', ref)).toBe(false);
    const student = parseNormalizedNamed('student/app:v1');
    expect(familiarMatch('student/*', student)).toBe(true);
    expect(familiarMatch('*', student)).toBe(false);
  });
});
