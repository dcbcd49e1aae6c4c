import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { basename, dirname, isWithin, join, normalize, relative, resolve, split } from '../../../src/engine/fs/path';

const segment = fc.constantFrom('a', 'b', 'cc', '.', '..', '', 'x.txt');
const rawPath = fc
  .tuple(fc.boolean(), fc.array(segment, { maxLength: 8 }), fc.boolean())
  .map(([abs, parts, trailing]) => (abs ? '/' : '') + parts.join('/') + (trailing ? '/' : ''));

describe('normalize', () => {
  test.each([
    ['', '.'],
    ['/', '/'],
    ['//', '/'],
    ['///a//b/', '/a/b/'],
    ['/a/./b/../c', '/a/c'],
    ['/..', '/'],
    ['/../a', '/a'],
    ['a/..', '.'],
    ['a/../', './'],
    ['../a', '../a'],
    ['a/../../b', '../b'],
    ['./', './'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  test('agrees with path.posix.normalize', () => {
    fc.assert(
      fc.property(rawPath, (p) => {
        expect(normalize(p)).toBe(posix.normalize(p));
      }),
    );
  });
});

describe('join', () => {
  test('basics', () => {
    expect(join()).toBe('.');
    expect(join('/a', 'b', '../c')).toBe('/a/c');
    expect(join('a', '', 'b/')).toBe('a/b/');
    expect(join('/', '/etc')).toBe('/etc');
  });

  test('agrees with path.posix.join', () => {
    fc.assert(
      fc.property(fc.array(rawPath, { maxLength: 4 }), (parts) => {
        expect(join(...parts)).toBe(posix.join(...parts));
      }),
    );
  });
});

describe('resolve', () => {
  test('basics', () => {
    expect(resolve('/home/student', 'x')).toBe('/home/student/x');
    expect(resolve('/home/student', '/etc/')).toBe('/etc');
    expect(resolve('/home/student', '..', '..', '..')).toBe('/');
    expect(resolve('/home/student', '')).toBe('/home/student');
    expect(resolve('/a', 'b', '/c', 'd')).toBe('/c/d');
  });

  test('agrees with path.posix.resolve for absolute cwd', () => {
    fc.assert(
      fc.property(rawPath, fc.array(rawPath, { maxLength: 3 }), (cwd, parts) => {
        const abs = `/${cwd}`;
        expect(resolve(abs, ...parts)).toBe(posix.resolve(abs, ...parts));
      }),
    );
  });
});

describe('dirname and basename', () => {
  test.each([
    ['/a/b', '/a', 'b'],
    ['/a/b/', '/a', 'b'],
    ['/a', '/', 'a'],
    ['/', '/', '/'],
    ['//', '/', '/'],
    ['a', '.', 'a'],
    ['a/b', 'a', 'b'],
    ['a//b', 'a', 'b'],
    ['', '.', ''],
    ['/a/b/..', '/a/b', '..'],
  ])('%j → dirname %j, basename %j', (p, d, b) => {
    expect(dirname(p)).toBe(d);
    expect(basename(p)).toBe(b);
  });

  test('basename suffix', () => {
    expect(basename('/x/file.tar.gz', '.gz')).toBe('file.tar');
    expect(basename('/x/.gz', '.gz')).toBe('.gz');
  });
});

describe('helpers', () => {
  test('split, isWithin, relative', () => {
    expect(split('/a//b/./')).toEqual(['a', 'b', '.']);
    expect(isWithin('/a', '/a')).toBe(true);
    expect(isWithin('/a', '/a/b')).toBe(true);
    expect(isWithin('/a', '/ab')).toBe(false);
    expect(isWithin('/', '/x')).toBe(true);
    expect(relative('/a/b', '/a/c/d')).toBe('../c/d');
    expect(relative('/a', '/a')).toBe('');
  });
});
