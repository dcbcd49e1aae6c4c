/**
 * The student's laptop: a Debian 12 (bookworm) root filesystem with merged /usr, the accounts
 * root and student (uid 1000), and the host's programs installed as executables in /usr/bin.
 */
import type { Host } from '../host';
import type { Program } from '../process';
import { MemoryFs } from '../fs/memory';
import type { FileSystem } from '../fs/types';
import { coreutils } from './commands';
// The laptop runs Debian 12: the same base accounts as the Debian bookworm images.
import { PASSWD, debianGroup } from '../docker/registry/rootfs/distros';
import { installProgram, programIdOf } from './executable';
import { bashProgram } from './interpreter/shell';



const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const SHELLS = `# /etc/shells: valid login shells
/bin/sh
/usr/bin/sh
/bin/bash
/usr/bin/bash
/bin/rbash
/usr/bin/rbash
/bin/dash
/usr/bin/dash
`;

export interface LaptopOptions {
  user?: string;
  uid?: number;
  home?: string;
}

export interface Laptop {
  host: Host;
  /** The filesystem as root sees it; `fs.as({ uid: 1000, gid: 1000 })` is the student's view. */
  fs: MemoryFs;
}

const hostFileSystems = new WeakMap<Host, MemoryFs>();

/** The filesystem `createLaptop` (or `attachFileSystem`) gave this host. */
export function fileSystemOf(host: Host): MemoryFs | undefined {
  return hostFileSystems.get(host);
}

/** Makes `fs` the host's filesystem (the one its shell sessions use). */
export function attachFileSystem(host: Host, fs: MemoryFs): void {
  hostFileSystems.set(host, fs);
}

/** The programs every laptop has: coreutils and friends, bash and dash. */
export function registerBasePrograms(host: Host): void {
  const lookup = (id: string): Program | undefined => host.programs.get(id);
  for (const [name, program] of Object.entries(coreutils)) if (!host.programs.has(name)) host.programs.set(name, program);
  const bash = bashProgram(lookup);
  if (!host.programs.has('bash')) host.programs.set('bash', bash);
  if (!host.programs.has('dash')) host.programs.set('dash', bash);
}

/**
 * Installs /usr/bin/NAME for every program of the host that has no executable yet (call it again
 * after registering more programs, e.g. docker).
 */
export function installHostPrograms(host: Host, fs: FileSystem, dir = '/usr/bin'): void {
  for (const name of host.programs.keys()) {
    const path = `${dir}/${name}`;
    if (fs.exists(path) || programIdOf(fs, path) !== null) continue;
    installProgram(fs, path, name);
  }
  if (!fs.exists(`${dir}/sh`)) {
    try {
      fs.symlink('dash', `${dir}/sh`);
    } catch {
      // already there
    }
  }
}

/** Builds the laptop's root filesystem and programs, and attaches them to the host. */
export function createLaptop(host: Host, options: LaptopOptions = {}): Laptop {
  const user = options.user ?? 'student';
  const uid = options.uid ?? 1000;
  const home = options.home ?? `/home/${user}`;
  const fs = new MemoryFs({ clock: () => host.clock.now() });
  const dir = (path: string, mode = 0o755, owner = 0, group = owner) => {
    fs.mkdir(path, { mode });
    fs.chmod(path, mode);
    if (owner !== 0 || group !== 0) fs.chown(path, owner, group);
  };
  const file = (path: string, text: string, mode = 0o644, owner = 0, group = owner) => {
    fs.writeFile(path, text, { mode });
    fs.chmod(path, mode);
    if (owner !== 0 || group !== 0) fs.chown(path, owner, group);
  };
  for (const d of ['/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib64', '/usr/local', '/usr/local/bin', '/usr/local/sbin', '/usr/local/lib', '/usr/local/share', '/usr/share', '/usr/games', '/usr/include', '/usr/src']) dir(d);
  fs.symlink('usr/bin', '/bin');
  fs.symlink('usr/sbin', '/sbin');
  fs.symlink('usr/lib', '/lib');
  fs.symlink('usr/lib64', '/lib64');
  for (const d of ['/boot', '/dev', '/etc', '/home', '/media', '/mnt', '/opt', '/run', '/srv', '/var', '/var/lib', '/var/log', '/var/cache', '/var/local', '/var/opt', '/var/spool', '/var/backups', '/var/mail', '/etc/skel']) dir(d);
  dir('/proc', 0o555);
  dir('/sys', 0o555);
  dir('/root', 0o700);
  dir('/tmp', 0o1777);
  dir('/var/tmp', 0o1777);
  dir('/dev/shm', 0o1777);
  // Devices are plain files here; the shell treats /dev/null specially in redirections.
  file('/dev/null', '', 0o666);
  file('/dev/zero', '', 0o666);
  file('/dev/tty', '', 0o666);
  fs.symlink('/proc/self/fd', '/dev/fd');
  fs.symlink('/proc/self/fd/0', '/dev/stdin');
  fs.symlink('/proc/self/fd/1', '/dev/stdout');
  fs.symlink('/proc/self/fd/2', '/dev/stderr');

  file('/etc/passwd', `${PASSWD.bookworm}${user}:x:${uid}:${uid}::${home}:/bin/bash\n`);
  file('/etc/group', `${debianGroup()}${user}:x:${uid}:\n`);
  file('/etc/shadow', `root:*:19800:0:99999:7:::\n${user}:!:19800:0:99999:7:::\n`, 0o640, 0, 42);
  file('/etc/hostname', `${host.hostname}\n`);
  file('/etc/hosts', `127.0.0.1\tlocalhost\n127.0.1.1\t${host.hostname}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`);
  file('/usr/lib/os-release', OS_RELEASE);
  fs.symlink('../usr/lib/os-release', '/etc/os-release');
  file('/etc/debian_version', '12.11\n');
  file('/etc/issue', 'Debian GNU/Linux 12 \\n \\l\n\n');
  file('/etc/shells', SHELLS);

  dir(home, 0o755, uid, uid);

  registerBasePrograms(host);
  installHostPrograms(host, fs);
  attachFileSystem(host, fs);
  return { host, fs };
}
