/** `.dockerignore` patterns, FollowPaths selection, and fsutil's transfer sizes (checked on the lab). */
import { describe, expect, test } from 'vitest';
import { MemoryFs } from '../../../src/engine/fs';
import { BuildContext, entryFromStat, singleFileSize, syncSize } from '../../../src/engine/docker/builder/context';
import { PatternMatcher, readDockerignore } from '../../../src/engine/docker/builder';

function tree(files: Record<string, string>): MemoryFs {
  const fs = new MemoryFs({ clock: () => Date.UTC(2026, 10, 26, 8, 0, 0) });
  for (const [p, text] of Object.entries(files)) {
    fs.mkdir(p.slice(0, p.lastIndexOf('/')) || '/', { recursive: true });
    fs.writeFile(p, text);
  }
  return fs;
}

describe('.dockerignore', () => {
  test('reading: comments, blanks, `!`, cleaning, leading slash', () => {
    expect(readDockerignore('# c\n\n  *.txt  \n!keep.txt\n/abs/x\n./rel/../y\n! spaced\r\n')).toEqual(['*.txt', '!keep.txt', 'abs/x', 'y', '!spaced']);
  });

  test.each([
    [['*.txt'], 'a.txt', true],
    [['*.txt'], 'src/a.txt', false],
    [['**/*.txt'], 'src/a.txt', true],
    [['**/*.txt'], 'a.txt', true],
    [['data'], 'data/x/y.bin', true],
    [['data/'], 'data/x', true],
    [['src/**'], 'src/a/b', true],
    [['src/**'], 'src', false],
    [['a?c'], 'abc', true],
    [['a?c'], 'a/c', false],
    [['[ab].txt'], 'b.txt', true],
    [['*.txt', '!keep.txt'], 'keep.txt', false],
    [['*.txt', '!keep.txt', 'keep*'], 'keep.txt', true],
    [['**/*.py', '!src/sub/c.py'], 'src/sub/c.py', false],
    [['.git'], '.git/HEAD', true],
  ] as const)('%j matches %s: %s', (patterns, path, want) => {
    expect(new PatternMatcher(patterns).matches(path)).toBe(want);
  });

  test('a directory excluded with an exception below it is walked, and kept as a parent', () => {
    const fs = tree({ '/c/logs/a.log': 'a', '/c/logs/keep.log': 'k', '/c/x': 'x' });
    const ctx = new BuildContext(fs, '/c', ['logs', '!logs/keep.log']);
    expect(ctx.entries().map((e) => e.rel)).toEqual(['logs', 'logs/keep.log', 'x']);
  });
});

describe('transfer sizes (fsutil packets, as the lab reported them)', () => {
  test('the lesson: a typo build, the fix, a cached rebuild, one changed file', () => {
    const fs = tree({
      '/l/requirements.txt': 'torch>=1.8\nnumpy>=1.17\n',
      '/l/setup.py': 'from setuptools import find_packages, setup\n\nsetup(name="src", packages=find_packages(), version="0.1.0")\n',
      '/l/src/models/train_model.py': 'print("training")\n',
      '/l/src/__init__.py': '',
      '/l/src/models/__init__.py': '',
      '/l/data/processed/train.pt': 'tensors',
    });
    const paths = ['setup.py', 'src', 'data'];
    const r1 = syncSize(new BuildContext(fs, '/l', []).selected(['requirement.txt', ...paths]), undefined, true);
    expect(r1.bytes).toBe(466);
    const r2 = syncSize(new BuildContext(fs, '/l', []).selected(['requirements.txt', ...paths]), r1.state, true);
    expect(r2.bytes).toBe(365);
    const r3 = syncSize(new BuildContext(fs, '/l', []).selected(['requirements.txt', ...paths]), r2.state, true);
    expect(r3.bytes).toBe(332);
    fs.writeFile('/l/src/models/train_model.py', 'print("training v2")\n');
    const r4 = syncSize(new BuildContext(fs, '/l', []).selected(['requirements.txt', ...paths]), r3.state, true);
    expect(r4.bytes).toBe(363);
  });

  test('single files: the Dockerfile and .dockerignore (none: 2B)', () => {
    const fs = tree({ '/d/Dockerfile': 'FROM scratch\n', '/d/x.dockerfile': 'FROM scratch\n', '/d/.dockerignore': '*.txt\n' });
    expect(singleFileSize(entryFromStat('Dockerfile', fs.stat('/d/Dockerfile')))).toBe(50);
    expect(singleFileSize(entryFromStat('x.dockerfile', fs.stat('/d/x.dockerfile')))).toBe(52);
    expect(singleFileSize(entryFromStat('.dockerignore', fs.stat('/d/.dockerignore')))).toBe(46);
    expect(singleFileSize(undefined)).toBe(2);
    fs.writeFile('/d/Dockerfile', `FROM scratch\nLABEL a=${'0'.repeat(200)}\n`);
    expect(singleFileSize(entryFromStat('Dockerfile', fs.stat('/d/Dockerfile')))).toBe(261);
  });

  test('COPY . sends everything, ids grow the data packets; unchanged files are not sent again', () => {
    const fs = tree({ '/s/Dockerfile': 'FROM scratch\nCOPY . /\n', '/s/a.txt': 'hi\n', '/s/sub/b.txt': 'x\n', '/s/x.dockerfile': 'FROM scratch\n' });
    const first = syncSize(new BuildContext(fs, '/s', []).selected(['a.txt']), undefined, true);
    expect(first.bytes).toBe(35);
    const all = syncSize(new BuildContext(fs, '/s', []).selected(null), first.state, true);
    expect(all.bytes).toBe(200);
    expect(syncSize(new BuildContext(fs, '/s', []).selected(null), all.state, true).bytes).toBe(137);
    expect(syncSize(new BuildContext(fs, '/s', []).selected(['sub']), all.state, true).bytes).toBe(53);
  });
});
