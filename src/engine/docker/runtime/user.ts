/**
 * `--user` / USER as runc's libcontainer/user.GetExecUser reads it against the container's own
 * /etc/passwd and /etc/group: `name`, `uid`, `name:group`, `uid:gid`; names must exist, numbers
 * need not. The errors are the daemon's (`unable to find user x: no matching entries in passwd file`).
 */
import type { Credentials, FileSystem } from '../../fs/types';

export interface ExecUser {
  uid: number;
  gid: number;
  /** Supplementary groups (the primary group first), as `id` shows them. */
  groups: number[];
  /** HOME when the environment has none: the passwd entry's, else `/`. */
  home: string;
  /** The passwd name, when the uid has an entry. */
  name?: string;
}

export class UserError extends Error {}

interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

function readLines(fs: FileSystem, path: string): string[] {
  try {
    return fs.readText(path).split('\n');
  } catch {
    return [];
  }
}

function passwdEntries(fs: FileSystem): PasswdEntry[] {
  const out: PasswdEntry[] = [];
  for (const line of readLines(fs, '/etc/passwd')) {
    const f = line.split(':');
    if (f.length < 7 || line.startsWith('#')) continue;
    const uid = Number(f[2]);
    const gid = Number(f[3]);
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) continue;
    out.push({ name: f[0]!, uid, gid, home: f[5]! });
  }
  return out;
}

function groupEntries(fs: FileSystem): GroupEntry[] {
  const out: GroupEntry[] = [];
  for (const line of readLines(fs, '/etc/group')) {
    const f = line.split(':');
    if (f.length < 4 || line.startsWith('#')) continue;
    const gid = Number(f[2]);
    if (!Number.isInteger(gid)) continue;
    out.push({ name: f[0]!, gid, members: f[3]!.split(',').filter(Boolean) });
  }
  return out;
}

const NUMERIC = /^[0-9]+$/;

/** The user a process runs as; throws UserError with the daemon's message. */
export function resolveUser(fs: FileSystem, spec: string | undefined): ExecUser {
  const text = spec ?? '';
  const [userPart, groupPart] = text.includes(':') ? [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1)] : [text, undefined];
  const passwd = passwdEntries(fs);
  let entry: PasswdEntry | undefined;
  let uid: number;
  let gid = 0;
  let home = '/';
  if (userPart === '') {
    entry = passwd.find((p) => p.uid === 0);
    uid = 0;
  } else if (NUMERIC.test(userPart)) {
    uid = Number(userPart);
    entry = passwd.find((p) => p.uid === uid);
  } else {
    entry = passwd.find((p) => p.name === userPart);
    if (!entry) throw new UserError(`unable to find user ${userPart}: no matching entries in passwd file`);
    uid = entry.uid;
  }
  if (entry) {
    gid = entry.gid;
    home = entry.home;
  }
  const groups = groupEntries(fs);
  let supplementary: number[];
  if (groupPart !== undefined && groupPart !== '') {
    if (NUMERIC.test(groupPart)) gid = Number(groupPart);
    else {
      const g = groups.find((x) => x.name === groupPart);
      if (!g) throw new UserError(`unable to find group ${groupPart}: no matching entries in group file`);
      gid = g.gid;
    }
    supplementary = [gid];
  } else {
    supplementary = [gid];
    if (entry) for (const g of groups) if (g.members.includes(entry.name) && !supplementary.includes(g.gid)) supplementary.push(g.gid);
  }
  return { uid, gid, groups: supplementary, home, ...(entry ? { name: entry.name } : {}) };
}

export function credentialsOf(user: ExecUser): Credentials {
  return { uid: user.uid, gid: user.gid, groups: user.groups };
}
