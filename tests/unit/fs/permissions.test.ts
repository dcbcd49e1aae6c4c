import { describe, expect, test } from 'vitest';
import { FsError } from '../../../src/engine/fs/types';
import type { Credentials } from '../../../src/engine/fs/types';
import { buildFs, dir, exe, file, symlink } from '../../../src/engine/fs/builder';
import { ROOT, permits } from '../../../src/engine/fs/vfs';

const student: Credentials = { uid: 1000, gid: 1000, groups: [1000, 27, 999] };
const other: Credentials = { uid: 1001, gid: 1001 };

function code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
}

/** A small Debian-like host: root-owned system dirs, a student home, /tmp with the sticky bit. */
function host() {
  const fs = buildFs({
    '/etc/': dir(),
    '/etc/hostname': 'laptop\n',
    '/etc/shadow': file('root:*:19000::::::\n', { mode: 0o640, gid: 42 }),
    '/root/': dir({ mode: 0o700 }),
    '/root/secret': 'x',
    '/usr/bin/ls': exe('#!builtin ls\n'),
    '/usr/share/doc/readme': file('doc', { mode: 0o644 }),
    '/tmp/': dir({ mode: 0o1777 }),
    '/home/student/': dir({ uid: 1000, gid: 1000, mode: 0o750 }),
    '/home/student/notes.txt': file('mine', { uid: 1000, gid: 1000 }),
    '/srv/docker/': dir({ mode: 0o2775, gid: 999 }),
    '/var/log/syslog': file('log', { mode: 0o640, gid: 4 }),
  });
  return { root: fs, student: fs.as(student), other: fs.as(other) };
}

describe('permission checks', () => {
  test('a student cannot write into /etc; root can', () => {
    const { root, student } = host();
    expect(code(() => student.writeFile('/etc/motd', 'hi'))).toBe('EACCES');
    expect(code(() => student.writeFile('/etc/hostname', 'pwned'))).toBe('EACCES');
    expect(code(() => student.mkdir('/etc/foo'))).toBe('EACCES');
    expect(code(() => student.unlink('/etc/hostname'))).toBe('EACCES');
    expect(code(() => student.rename('/etc/hostname', '/tmp/h'))).toBe('EACCES');
    expect(code(() => student.symlink('/x', '/etc/l'))).toBe('EACCES');
    root.writeFile('/etc/motd', 'hi');
    expect(root.stat('/etc/motd')).toMatchObject({ uid: 0, gid: 0, mode: 0o644 });
    let e: FsError | undefined;
    try {
      student.writeFile('/etc/motd', 'x');
    } catch (err) {
      e = err as FsError;
    }
    if (!e) throw new Error('expected EACCES');
    expect([e.code, e.path, e.syscall, e.reason]).toEqual(['EACCES', '/etc/motd', 'open', 'Permission denied']);
  });

  test('existing names win over missing permission (mkdir -p /etc)', () => {
    const { student } = host();
    expect(code(() => student.mkdir('/etc'))).toBe('EEXIST');
    student.mkdir('/etc', { recursive: true });
    expect(code(() => student.mkdir('/etc/x/y', { recursive: true }))).toBe('EACCES');
  });

  test('reading needs r; searching needs x', () => {
    const { root, student, other } = host();
    expect(student.readText('/etc/hostname')).toBe('laptop\n');
    expect(code(() => student.readFile('/etc/shadow'))).toBe('EACCES');
    expect(code(() => student.readFile('/root/secret'))).toBe('EACCES');
    expect(code(() => student.stat('/root/secret'))).toBe('EACCES');
    expect(code(() => student.readdir('/root'))).toBe('EACCES');
    expect(student.stat('/root').mode).toBe(0o700);
    expect(student.exists('/root/secret')).toBe(false);
    expect(root.readText('/root/secret')).toBe('x');
    expect(code(() => other.readdir('/home/student'))).toBe('EACCES');
    expect(code(() => other.readFile('/home/student/notes.txt'))).toBe('EACCES');
    root.chmod('/home/student', 0o751);
    expect(code(() => other.readdir('/home/student'))).toBe('EACCES');
    expect(other.readText('/home/student/notes.txt')).toBe('mine');
  });

  test('group permissions use the primary group and supplementary groups', () => {
    const { root, student, other } = host();
    root.chown('/var/log/syslog', 0, 27);
    expect(student.readText('/var/log/syslog')).toBe('log');
    expect(code(() => other.readFile('/var/log/syslog'))).toBe('EACCES');
    expect(code(() => student.as({ uid: 1000, gid: 1000 }).readFile('/var/log/syslog'))).toBe('EACCES');
  });

  test('owner bits apply to the owner even when group or other bits are wider', () => {
    const { root, student } = host();
    root.writeFile('/tmp/odd', 'x');
    root.chown('/tmp/odd', 1000, 1000);
    root.chmod('/tmp/odd', 0o077);
    expect(code(() => student.readFile('/tmp/odd'))).toBe('EACCES');
  });

  test('root bypasses r and w but needs an x bit to execute a file', () => {
    const { root } = host();
    root.chmod('/root/secret', 0o000);
    expect(root.readText('/root/secret')).toBe('x');
    root.writeFile('/root/secret', 'y');
    expect(root.access('/root/secret', 4 | 2)).toBe(true);
    expect(root.access('/root/secret', 1)).toBe(false);
    root.chmod('/root/secret', 0o010);
    expect(root.access('/root/secret', 1)).toBe(true);
    root.chmod('/root', 0o000);
    expect(root.readText('/root/secret')).toBe('y');
    expect(root.access('/root', 1)).toBe(true);
  });

  test('access', () => {
    const { student } = host();
    expect(student.access('/usr/bin/ls', 1)).toBe(true);
    expect(student.access('/usr/bin/ls', 4)).toBe(true);
    expect(student.access('/usr/bin/ls', 2)).toBe(false);
    expect(student.access('/etc/hostname', 0)).toBe(true);
    expect(student.access('/nope', 0)).toBe(false);
    expect(student.access('/home/student/notes.txt', 6)).toBe(true);
    expect(student.access('/root/secret', 0)).toBe(false);
  });

  test('permits() directly', () => {
    const info = { kind: 'file' as const, mode: 0o640, uid: 1, gid: 2 };
    expect(permits({ uid: 1, gid: 9 }, info, 6)).toBe(true);
    expect(permits({ uid: 3, gid: 2 }, info, 4)).toBe(true);
    expect(permits({ uid: 3, gid: 2 }, info, 2)).toBe(false);
    expect(permits({ uid: 3, gid: 3, groups: [2] }, info, 4)).toBe(true);
    expect(permits({ uid: 3, gid: 3 }, info, 4)).toBe(false);
    expect(permits({ uid: 3, gid: 3 }, info, 0)).toBe(true);
    expect(permits(ROOT, info, 7)).toBe(false);
    expect(permits(ROOT, { ...info, kind: 'dir' }, 7)).toBe(true);
  });
});

describe('creation', () => {
  test('umask 022: files 0644, directories 0755, owned by the caller', () => {
    const { root, student } = host();
    student.writeFile('/home/student/a', 'x');
    student.mkdir('/home/student/d');
    expect(root.stat('/home/student/a')).toMatchObject({ mode: 0o644, uid: 1000, gid: 1000 });
    expect(root.stat('/home/student/d')).toMatchObject({ mode: 0o755, uid: 1000, gid: 1000 });
    student.writeFile('/home/student/script', '#!/bin/sh\n', { mode: 0o777 });
    expect(root.stat('/home/student/script').mode).toBe(0o755);
    const strict = student.withUmask(0o077);
    strict.writeFile('/home/student/private', 'x');
    strict.mkdir('/home/student/pd');
    expect(root.stat('/home/student/private').mode).toBe(0o600);
    expect(root.stat('/home/student/pd').mode).toBe(0o700);
    student.writeFile('/home/student/a', 'again', { mode: 0o600 });
    expect(root.stat('/home/student/a').mode).toBe(0o644);
  });

  test('a setgid directory passes its group (and setgid for subdirectories) on', () => {
    const { root, student } = host();
    root.chown('/srv/docker', 0, 999);
    root.chmod('/srv/docker', 0o2777);
    student.writeFile('/srv/docker/f', '');
    student.mkdir('/srv/docker/d');
    expect(root.stat('/srv/docker/f')).toMatchObject({ uid: 1000, gid: 999, mode: 0o644 });
    expect(root.stat('/srv/docker/d')).toMatchObject({ gid: 999, mode: 0o2755 });
  });

  test('writing an existing file needs w on the file, not on the directory', () => {
    const { root, student } = host();
    root.writeFile('/etc/writable', 'x');
    root.chmod('/etc/writable', 0o666);
    student.writeFile('/etc/writable', 'student was here');
    expect(root.readText('/etc/writable')).toBe('student was here');
    expect(root.stat('/etc/writable').uid).toBe(0);
  });
});

describe('deleting and renaming', () => {
  test('deleting needs w+x on the directory, whatever the file mode', () => {
    const { root, student } = host();
    root.writeFile('/home/student/rootfile', 'x');
    root.chmod('/home/student/rootfile', 0o600);
    student.unlink('/home/student/rootfile');
    expect(root.exists('/home/student/rootfile')).toBe(false);
    root.chmod('/home/student', 0o550);
    expect(code(() => student.unlink('/home/student/notes.txt'))).toBe('EACCES');
  });

  test('the sticky bit on /tmp: only the owner (or the dir owner, or root) may delete', () => {
    const { root, student, other } = host();
    student.writeFile('/tmp/mine', 'x');
    expect(code(() => other.unlink('/tmp/mine'))).toBe('EPERM');
    expect(code(() => other.rename('/tmp/mine', '/tmp/theirs'))).toBe('EPERM');
    other.writeFile('/tmp/theirs', 'y');
    expect(code(() => other.rename('/tmp/theirs', '/tmp/mine'))).toBe('EPERM');
    student.unlink('/tmp/mine');
    other.unlink('/tmp/theirs');
    student.writeFile('/tmp/again', '');
    root.unlink('/tmp/again');
  });

  test('moving a directory to another parent needs w on the directory itself', () => {
    const { root, student } = host();
    root.mkdir('/home/student/rootdir');
    root.mkdir('/home/student/target');
    root.chown('/home/student/target', 1000, 1000);
    expect(code(() => student.rename('/home/student/rootdir', '/home/student/target/x'))).toBe('EACCES');
    student.rename('/home/student/rootdir', '/home/student/renamed');
    expect(root.stat('/home/student/renamed').kind).toBe('dir');
  });

  test('rmdir permissions', () => {
    const { root, student } = host();
    root.mkdir('/etc/empty');
    expect(code(() => student.rmdir('/etc/empty'))).toBe('EACCES');
    root.rmdir('/etc/empty');
  });
});

describe('metadata changes', () => {
  test('chmod: owner or root; others EPERM', () => {
    const { root, student } = host();
    student.chmod('/home/student/notes.txt', 0o600);
    expect(root.stat('/home/student/notes.txt').mode).toBe(0o600);
    expect(code(() => student.chmod('/etc/hostname', 0o777))).toBe('EPERM');
    root.chmod('/home/student/notes.txt', 0o644);
  });

  test('chmod g+s by a non-member drops setgid', () => {
    const { root, student } = host();
    root.writeFile('/home/student/g', '');
    root.chown('/home/student/g', 1000, 50);
    student.chmod('/home/student/g', 0o2755);
    expect(root.stat('/home/student/g').mode).toBe(0o755);
    root.chown('/home/student/g', 1000, 27);
    student.chmod('/home/student/g', 0o2755);
    expect(root.stat('/home/student/g').mode).toBe(0o2755);
  });

  test('chown: root only; owners may change the group to one of theirs', () => {
    const { root, student } = host();
    expect(code(() => student.chown('/home/student/notes.txt', 0, 0))).toBe('EPERM');
    expect(code(() => student.chown('/etc/hostname', 1000, 1000))).toBe('EPERM');
    student.chown('/home/student/notes.txt', -1, 27);
    expect(root.stat('/home/student/notes.txt').gid).toBe(27);
    student.chown('/home/student/notes.txt', 1000, 1000);
    expect(code(() => student.chown('/home/student/notes.txt', -1, 4))).toBe('EPERM');
    root.chown('/etc/hostname', 1000, 1000);
    expect(root.stat('/etc/hostname')).toMatchObject({ uid: 1000, gid: 1000 });
  });

  test('utimes: owner or root', () => {
    const { student } = host();
    student.utimes('/home/student/notes.txt', 5);
    expect(code(() => student.utimes('/etc/hostname', 5))).toBe('EPERM');
  });

  test('symlinks in a directory you cannot search do not help', () => {
    const { root, student } = host();
    root.symlink('/root/secret', '/tmp/peek');
    expect(student.lstat('/tmp/peek').kind).toBe('symlink');
    expect(code(() => student.readFile('/tmp/peek'))).toBe('EACCES');
    root.symlink('secret', '/root/rel');
    expect(code(() => student.readlink('/root/rel'))).toBe('EACCES');
    expect(root.readlink('/root/rel')).toBe('secret');
  });

  test('symlink targets are created in the caller’s name', () => {
    const { root, student } = host();
    student.mkdir('/home/student/bin');
    student.symlink('/usr/bin/ls', '/home/student/bin/ls');
    expect(root.lstat('/home/student/bin/ls')).toMatchObject({ uid: 1000, mode: 0o777 });
    expect(symlink('x').type).toBe('symlink');
  });
});
