/**
 * Users and groups as the C library finds them: in the filesystem's /etc/passwd and /etc/group.
 * `ls -l`, `id`, `whoami`, `stat` and `find -user` read them through here; an id with no entry is
 * shown as its number, as getpwuid failing makes ls do.
 */
import type { FileSystem } from '../../fs/types';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

function readLines(fs: FileSystem, path: string): string[][] {
  try {
    return fs
      .readText(path)
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.split(':'));
  } catch {
    return [];
  }
}

export class Accounts {
  readonly users: PasswdEntry[];
  readonly groups: GroupEntry[];

  constructor(fs: FileSystem) {
    this.users = readLines(fs, '/etc/passwd').map((f) => ({
      name: f[0] ?? '',
      uid: Number(f[2]),
      gid: Number(f[3]),
      home: f[5] ?? '',
      shell: f[6] ?? '',
    }));
    this.groups = readLines(fs, '/etc/group').map((f) => ({
      name: f[0] ?? '',
      gid: Number(f[2]),
      members: (f[3] ?? '').split(',').filter(Boolean),
    }));
  }

  userById(uid: number): PasswdEntry | undefined {
    return this.users.find((u) => u.uid === uid);
  }

  userByName(name: string): PasswdEntry | undefined {
    return this.users.find((u) => u.name === name);
  }

  groupById(gid: number): GroupEntry | undefined {
    return this.groups.find((g) => g.gid === gid);
  }

  groupByName(name: string): GroupEntry | undefined {
    return this.groups.find((g) => g.name === name);
  }

  /** The user's name, or the number when /etc/passwd has no entry. */
  userName(uid: number): string {
    return this.userById(uid)?.name ?? String(uid);
  }

  groupName(gid: number): string {
    return this.groupById(gid)?.name ?? String(gid);
  }

  /** Supplementary groups from /etc/group plus the primary one, in getgrouplist's order. */
  groupsOf(user: PasswdEntry): number[] {
    const ids = [user.gid];
    for (const group of this.groups) {
      if (group.members.includes(user.name) && !ids.includes(group.gid)) ids.push(group.gid);
    }
    return ids;
  }
}
