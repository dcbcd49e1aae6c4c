/**
 * Base root filesystems of the distributions the course's images build on: Debian (bullseye,
 * bookworm, trixie) slim, Ubuntu (20.04, 22.04), Alpine and BusyBox. Real top-level layout,
 * /etc/os-release text, accounts, the shells and the usual commands as executables of simulated
 * programs; libraries and documentation as synthetic bulk so sizes match the real images.
 */
import { dir, file, symlink } from '../../../fs/builder';
import type { TreeSpec } from '../../../fs/builder';
import { program, script } from '../program';
import { many } from './util';

// ---- accounts -----------------------------------------------------------------------------------

const DEBIAN_PASSWD_COMMON = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
`;

export const PASSWD = {
  bullseye: `${DEBIAN_PASSWD_COMMON}irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
_apt:x:100:65534::/nonexistent:/usr/sbin/nologin
`,
  bookworm: `${DEBIAN_PASSWD_COMMON}irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`,
  ubuntu: `${DEBIAN_PASSWD_COMMON}irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
_apt:x:100:65534::/nonexistent:/usr/sbin/nologin
`,
  alpine: `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`,
  busybox: `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`,
} as const;

const DEBIAN_GROUPS = [
  ['root', 0],
  ['daemon', 1],
  ['bin', 2],
  ['sys', 3],
  ['adm', 4],
  ['tty', 5],
  ['disk', 6],
  ['lp', 7],
  ['mail', 8],
  ['news', 9],
  ['uucp', 10],
  ['man', 12],
  ['proxy', 13],
  ['kmem', 15],
  ['dialout', 20],
  ['fax', 21],
  ['voice', 22],
  ['cdrom', 24],
  ['floppy', 25],
  ['tape', 26],
  ['sudo', 27],
  ['audio', 29],
  ['dip', 30],
  ['www-data', 33],
  ['backup', 34],
  ['operator', 37],
  ['list', 38],
  ['irc', 39],
  ['src', 40],
  ['shadow', 42],
  ['utmp', 43],
  ['video', 44],
  ['sasl', 45],
  ['plugdev', 46],
  ['staff', 50],
  ['games', 60],
  ['users', 100],
  ['nogroup', 65534],
] as const;

export function debianGroup(extra: ReadonlyArray<readonly [string, number]> = []): string {
  return [...DEBIAN_GROUPS, ...extra].map(([name, gid]) => `${name}:x:${gid}:\n`).join('');
}

function shadowOf(passwd: string, days: number): string {
  return passwd
    .trim()
    .split('\n')
    .map((line) => `${line.split(':')[0]}:${line.startsWith('root:') ? '*' : '*'}:${days}:0:99999:7:::\n`)
    .join('');
}

// ---- commands -----------------------------------------------------------------------------------

/** What a Debian/Ubuntu slim image has in /usr/bin (coreutils, grep, sed, tar, findutils …). */
export const DEBIAN_BIN = [
  'base64', 'basename', 'cat', 'chgrp', 'chmod', 'chown', 'cp', 'cut', 'date', 'dd', 'df', 'dirname', 'du', 'echo', 'env', 'expr', 'false',
  'find', 'grep', 'gzip', 'head', 'hostname', 'id', 'kill', 'ln', 'ls', 'md5sum', 'mkdir', 'mktemp', 'more', 'mv', 'nice', 'nohup', 'nproc', 'perl',
  'printf', 'pwd', 'readlink', 'realpath', 'rm', 'rmdir', 'sed', 'seq', 'sha256sum', 'sleep', 'sort', 'stat', 'su', 'tail', 'tar', 'tee', 'test',
  'timeout', 'touch', 'tr', 'true', 'uname', 'uniq', 'wc', 'whoami', 'xargs', 'yes', '[',
] as const;

function debianCommands(): TreeSpec {
  const spec: TreeSpec = {
    ...many('/usr/bin', DEBIAN_BIN, (name) => program(name === '[' ? 'test' : name)),
    '/usr/bin/bash': program('bash'),
    '/usr/bin/dash': program('dash'),
    '/usr/bin/sh': symlink('dash'),
    '/usr/bin/rbash': symlink('bash'),
    '/usr/bin/apt': program('apt'),
    '/usr/bin/apt-get': program('apt-get'),
    '/usr/bin/apt-cache': program('apt-cache'),
    '/usr/bin/apt-config': program('apt-config'),
    '/usr/bin/dpkg': program('dpkg'),
    '/usr/bin/dpkg-query': program('dpkg-query'),
    '/usr/bin/which': script('/bin/sh', 'set -ef\n\nif test -n "$KSH_VERSION"; then\n\tputs() {\n\t\tprint -r -- "$*"\n\t}\nelse\n\tputs() {\n\t\tprintf \'%s\\n\' "$*"\n\t}\nfi\n'),
    '/usr/bin/gunzip': script('/bin/sh', 'PATH=${GZIP_BINDIR-\'/bin\'}:$PATH\nexec gzip -d "$@"\n'),
    '/usr/bin/zcat': script('/bin/sh', 'PATH=${GZIP_BINDIR-\'/bin\'}:$PATH\nexec gzip -cd "$@"\n'),
    '/usr/bin/passwd': program('passwd', { mode: 0o4755 }),
    '/usr/sbin/useradd': program('useradd'),
    '/usr/sbin/groupadd': program('groupadd'),
    '/usr/sbin/usermod': program('usermod'),
    '/usr/sbin/ldconfig': program('ldconfig'),
    '/usr/sbin/nologin': program('nologin'),
  };
  return spec;
}

// ---- layouts ------------------------------------------------------------------------------------

/** Top-level directories of a Debian-family root, merged-/usr or not. */
function debianLayout(merged: boolean, ubuntu: boolean): TreeSpec {
  const spec: TreeSpec = {
    '/boot/': dir(),
    '/dev/': dir(),
    '/etc/': dir(),
    '/home/': dir(),
    '/media/': dir(),
    '/mnt/': dir(),
    '/opt/': dir(),
    '/proc/': dir({ mode: 0o555 }),
    '/root/': dir({ mode: 0o700 }),
    '/run/': dir(),
    '/run/lock/': dir({ mode: 0o1777 }),
    '/srv/': dir(),
    '/sys/': dir({ mode: 0o555 }),
    '/tmp/': dir({ mode: 0o1777 }),
    '/usr/': dir(),
    '/usr/bin/': dir(),
    '/usr/sbin/': dir(),
    '/usr/lib/': dir(),
    '/usr/lib/x86_64-linux-gnu/': dir(),
    '/usr/lib64/': dir(),
    '/usr/lib64/ld-linux-x86-64.so.2': symlink('/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'),
    '/usr/local/': dir(),
    '/usr/local/bin/': dir(),
    '/usr/local/lib/': dir(),
    '/usr/local/sbin/': dir(),
    '/usr/local/share/': dir(),
    '/usr/share/': dir(),
    '/var/': dir(),
    '/var/backups/': dir(),
    '/var/cache/': dir(),
    '/var/cache/apt/': dir(),
    '/var/lib/': dir(),
    '/var/lib/apt/lists/': dir(),
    '/var/lib/dpkg/': dir(),
    '/var/local/': dir({ mode: 0o2775, gid: 50 }),
    '/var/log/': dir(),
    '/var/mail/': dir({ mode: 0o2775, gid: 8 }),
    '/var/opt/': dir(),
    '/var/spool/': dir(),
    '/var/tmp/': dir({ mode: 0o1777 }),
  };
  if (merged) {
    spec['/bin'] = symlink('usr/bin');
    spec['/lib'] = symlink('usr/lib');
    spec['/lib64'] = symlink('usr/lib64');
    spec['/sbin'] = symlink('usr/sbin');
    if (ubuntu) {
      spec['/lib32'] = symlink('usr/lib32');
      spec['/libx32'] = symlink('usr/libx32');
      spec['/usr/lib32/'] = dir();
      spec['/usr/libx32/'] = dir();
    }
  }
  return spec;
}

/** Moves /usr/bin and /usr/sbin programs of `spec` to /bin and /sbin where a non-merged system has them. */
function unmerge(spec: TreeSpec): TreeSpec {
  const out: TreeSpec = { '/bin/': dir(), '/sbin/': dir(), '/lib/': dir(), '/lib64/': dir() };
  const toRoot = new Set(['bash', 'cat', 'chgrp', 'chmod', 'chown', 'cp', 'dash', 'date', 'dd', 'df', 'echo', 'false', 'grep', 'gunzip', 'gzip', 'hostname', 'ln', 'ls', 'mkdir', 'mktemp', 'more', 'mv', 'pwd', 'readlink', 'rm', 'rmdir', 'sed', 'sh', 'sleep', 'su', 'tar', 'touch', 'true', 'uname', 'zcat', 'rbash']);
  for (const [path, node] of Object.entries(spec)) {
    const m = /^\/usr\/(s?bin)\/(.+)$/.exec(path);
    if (m && (m[1] === 'sbin' || toRoot.has(m[2]!))) out[`/${m[1]}/${m[2]}`] = node;
    else if (path === '/usr/lib64/ld-linux-x86-64.so.2') out['/lib64/ld-linux-x86-64.so.2'] = node;
    else out[path] = node;
  }
  return out;
}

export interface DebianRelease {
  codename: 'bullseye' | 'bookworm' | 'trixie';
  major: string;
  /** /etc/debian_version, e.g. 12.15 */
  point: string;
}

export function debianOsRelease(r: DebianRelease): string {
  const full = r.codename === 'trixie' ? `DEBIAN_VERSION_FULL=${r.point}\n` : '';
  return `PRETTY_NAME="Debian GNU/Linux ${r.major} (${r.codename})"
NAME="Debian GNU/Linux"
VERSION_ID="${r.major}"
VERSION="${r.major} (${r.codename})"
VERSION_CODENAME=${r.codename}
${full}ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;
}

const BASHRC_ROOT = `# ~/.bashrc: executed by bash(1) for non-login shells.

# Note: PS1 is set in /etc/profile, and the default umask is defined
# in /etc/login.defs. You should not need this unless you want different
# defaults for root.
# PS1='\${debian_chroot:+($debian_chroot)}\\h:\\w\\$ '
# umask 022
`;

const PROFILE_ROOT = `# ~/.profile: executed by Bourne-compatible login shells.

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
`;

/** A Debian slim root filesystem (without bulk). */
export function debianSlim(r: DebianRelease, days: number): TreeSpec {
  const merged = r.codename !== 'bullseye';
  const passwd = r.codename === 'bullseye' ? PASSWD.bullseye : PASSWD.bookworm;
  const spec: TreeSpec = {
    ...debianLayout(merged, false),
    ...debianCommands(),
    '/usr/lib/os-release': file(debianOsRelease(r)),
    '/etc/os-release': symlink('../usr/lib/os-release'),
    '/etc/debian_version': file(`${r.point}\n`),
    '/etc/issue': file(`Debian GNU/Linux ${r.major} \\n \\l\n\n`),
    '/etc/issue.net': file(`Debian GNU/Linux ${r.major}\n`),
    '/etc/passwd': file(passwd),
    '/etc/group': file(debianGroup()),
    '/etc/shadow': file(shadowOf(passwd, days), { mode: 0o640, gid: 42 }),
    '/etc/hostname': file(''),
    '/etc/shells': file('# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n'),
    '/etc/bash.bashrc': file('# System-wide .bashrc file for interactive bash(1) shells.\n\n# If not running interactively, don\'t do anything\n[ -z "$PS1" ] && return\n'),
    '/etc/profile': file('# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))\n# and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).\n\nif [ "$(id -u)" -eq 0 ]; then\n  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nelse\n  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"\nfi\nexport PATH\n'),
    '/etc/skel/.bashrc': file('# ~/.bashrc: executed by bash(1) for non-login shells.\n'),
    '/etc/skel/.profile': file(PROFILE_ROOT),
    '/etc/skel/.bash_logout': file('# ~/.bash_logout: executed by bash(1) when login shell exits.\n'),
    '/root/.bashrc': file(BASHRC_ROOT),
    '/root/.profile': file(PROFILE_ROOT),
    '/etc/apt/': dir(),
    '/etc/apt/apt.conf.d/docker-clean': file('# Since for most Docker users, package installs happen in "docker build" steps,\n# they essentially become individual layers due to the way Docker handles\n# layering, especially using CoW filesystems.\n'),
    '/var/lib/dpkg/status': file(`Package: base-files\nStatus: install ok installed\nPriority: required\nSection: admin\nVersion: ${r.codename === 'trixie' ? '13.8+deb13u6' : r.codename === 'bookworm' ? '12.4+deb12u15' : '11.1+deb11u6'}\n`),
  };
  if (r.codename === 'bullseye') spec['/etc/apt/sources.list'] = file(`# deb http://snapshot.debian.org/archive/debian/20230109T000000Z ${r.codename} main\ndeb http://deb.debian.org/debian ${r.codename} main\n`);
  else spec['/etc/apt/sources.list.d/debian.sources'] = file(`Types: deb\n# http://snapshot.debian.org/archive/debian/20260801T000000Z\nURIs: http://deb.debian.org/debian\nSuites: ${r.codename} ${r.codename}-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`);
  return merged ? spec : unmerge(spec);
}

/** The synthetic bulk of a Debian-family base (libraries, locales, package data), by weight. */
export const DEBIAN_BULK: ReadonlyArray<readonly [string, number]> = [
  ['/usr/lib/x86_64-linux-gnu/libc.so.6', 8],
  ['/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.33', 9],
  ['/usr/lib/x86_64-linux-gnu/libapt-pkg.so.6.0.0', 8],
  ['/usr/lib/x86_64-linux-gnu/libgnutls.so.30.34.3', 7],
  ['/usr/lib/x86_64-linux-gnu/libdb-5.3.so', 6],
  ['/usr/lib/x86_64-linux-gnu/libunistring.so.2.2.0', 6],
  ['/usr/lib/x86_64-linux-gnu/libsystemd.so.0.35.0', 3],
  ['/usr/lib/x86_64-linux-gnu/libp11-kit.so.0.3.0', 4],
  ['/usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4', 3],
  ['/usr/lib/x86_64-linux-gnu/libm.so.6', 3],
  ['/usr/lib/x86_64-linux-gnu/libcrypt.so.1.1.0', 1],
  ['/usr/lib/x86_64-linux-gnu/libselinux.so.1', 1],
  ['/usr/lib/x86_64-linux-gnu/perl-base/unicore/Name.pm', 3],
  ['/usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache', 1],
  ['/usr/lib/locale/C.utf8/LC_COLLATE', 5],
  ['/usr/libexec/coreutils/libstdbuf.so', 1],
  ['/usr/share/common-licenses/GPL-3', 1],
  ['/usr/share/perl5/Debconf/Template.pm', 1],
  ['/var/lib/dpkg/info/libc6:amd64.md5sums', 1],
  ['/var/cache/debconf/templates.dat', 2],
];

/** The synthetic bulk of an Ubuntu base. */
export const UBUNTU_BULK: ReadonlyArray<readonly [string, number]> = [
  ['/usr/lib/x86_64-linux-gnu/libc.so.6', 8],
  ['/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30', 9],
  ['/usr/lib/x86_64-linux-gnu/libapt-pkg.so.6.0.0', 8],
  ['/usr/lib/x86_64-linux-gnu/libgnutls.so.30.31.0', 8],
  ['/usr/lib/x86_64-linux-gnu/libdb-5.3.so', 6],
  ['/usr/lib/x86_64-linux-gnu/libunistring.so.2.2.0', 6],
  ['/usr/lib/x86_64-linux-gnu/libsystemd.so.0.32.0', 3],
  ['/usr/lib/x86_64-linux-gnu/libp11-kit.so.0.3.0', 4],
  ['/usr/lib/x86_64-linux-gnu/libzstd.so.1.4.8', 3],
  ['/usr/lib/x86_64-linux-gnu/libm.so.6', 3],
  ['/usr/lib/x86_64-linux-gnu/perl-base/unicore/Name.pm', 3],
  ['/usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache', 1],
  ['/usr/lib/locale/C.utf8/LC_COLLATE', 5],
  ['/usr/share/common-licenses/GPL-3', 1],
  ['/var/lib/dpkg/info/libc6:amd64.md5sums', 1],
  ['/var/cache/debconf/templates.dat', 2],
];

// ---- Ubuntu -------------------------------------------------------------------------------------

export interface UbuntuRelease {
  version: string; // 22.04
  point: string; // 22.04.5
  codename: 'focal' | 'jammy';
  name: string; // Jammy Jellyfish
}

export function ubuntuOsRelease(r: UbuntuRelease): string {
  if (r.codename === 'focal') {
    return `NAME="Ubuntu"
VERSION="${r.point} LTS (${r.name})"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="Ubuntu ${r.point} LTS"
VERSION_ID="${r.version}"
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
VERSION_CODENAME=${r.codename}
UBUNTU_CODENAME=${r.codename}
`;
  }
  return `PRETTY_NAME="Ubuntu ${r.point} LTS"
NAME="Ubuntu"
VERSION_ID="${r.version}"
VERSION="${r.point} LTS (${r.name})"
VERSION_CODENAME=${r.codename}
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=${r.codename}
`;
}

export function ubuntuBase(r: UbuntuRelease, days: number): TreeSpec {
  const passwd = PASSWD.ubuntu;
  return {
    ...debianLayout(true, true),
    ...debianCommands(),
    '/usr/lib/os-release': file(ubuntuOsRelease(r)),
    '/etc/os-release': symlink('../usr/lib/os-release'),
    '/etc/lsb-release': file(`DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${r.version}\nDISTRIB_CODENAME=${r.codename}\nDISTRIB_DESCRIPTION="Ubuntu ${r.point} LTS"\n`),
    '/etc/debian_version': file(r.codename === 'jammy' ? 'bookworm/sid\n' : 'bullseye/sid\n'),
    '/etc/issue': file(`Ubuntu ${r.point} LTS \\n \\l\n\n`),
    '/etc/passwd': file(passwd),
    '/etc/group': file(debianGroup([['crontab', 101], ['messagebus', 102]])),
    '/etc/shadow': file(shadowOf(passwd, days), { mode: 0o640, gid: 42 }),
    '/etc/hostname': file(''),
    '/etc/shells': file('# /etc/shells: valid login shells\n/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/usr/bin/sh\n/bin/dash\n/usr/bin/dash\n'),
    '/etc/bash.bashrc': file('# System-wide .bashrc file for interactive bash(1) shells.\n'),
    '/etc/profile': file('# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))\n'),
    '/etc/skel/.bashrc': file('# ~/.bashrc: executed by bash(1) for non-login shells.\n'),
    '/etc/skel/.profile': file(PROFILE_ROOT),
    '/etc/skel/.bash_logout': file('# ~/.bash_logout: executed by bash(1) when login shell exits.\n'),
    '/root/.bashrc': file(BASHRC_ROOT),
    '/root/.profile': file(PROFILE_ROOT),
    '/etc/apt/sources.list': file(`# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to\n# newer versions of the distribution.\ndeb http://archive.ubuntu.com/ubuntu/ ${r.codename} main restricted\n`),
    '/var/lib/dpkg/status': file('Package: base-files\nStatus: install ok installed\nPriority: required\nSection: admin\n'),
  };
}

// ---- Alpine and BusyBox -------------------------------------------------------------------------

export const BUSYBOX_APPLETS = {
  bin: [
    'arch', 'ash', 'base64', 'cat', 'chgrp', 'chmod', 'chown', 'cp', 'date', 'dd', 'df', 'dmesg', 'echo', 'egrep', 'false', 'fgrep', 'grep',
    'gunzip', 'gzip', 'hostname', 'kill', 'ln', 'login', 'ls', 'mkdir', 'mknod', 'mktemp', 'more', 'mount', 'mv', 'netstat', 'nice', 'pidof',
    'ping', 'ps', 'pwd', 'rm', 'rmdir', 'sed', 'sh', 'sleep', 'stat', 'su', 'sync', 'tar', 'touch', 'true', 'umount', 'uname', 'usleep', 'watch', 'zcat',
  ],
  usrbin: [
    '[', '[[', 'awk', 'basename', 'clear', 'cut', 'dirname', 'du', 'env', 'expr', 'find', 'free', 'head', 'id', 'less', 'md5sum', 'nc', 'nproc',
    'nslookup', 'od', 'printf', 'readlink', 'realpath', 'reset', 'seq', 'sha256sum', 'sort', 'tail', 'tee', 'test', 'time', 'timeout', 'top', 'tr',
    'uniq', 'unzip', 'uptime', 'vi', 'wc', 'wget', 'which', 'whoami', 'xargs', 'yes',
  ],
  sbin: ['adduser', 'addgroup', 'deluser', 'delgroup', 'halt', 'ifconfig', 'init', 'mdev', 'poweroff', 'reboot', 'route', 'sysctl'],
} as const;

export const ALPINE_OS_RELEASE = (version: string): string => `NAME="Alpine Linux"
ID=alpine
VERSION_ID=${version}
PRETTY_NAME="Alpine Linux v${version.split('.').slice(0, 2).join('.')}"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

export function alpineRoot(version: string): TreeSpec {
  const spec: TreeSpec = {
    '/bin/': dir(),
    '/dev/': dir(),
    '/etc/': dir(),
    '/home/': dir(),
    '/lib/': dir(),
    '/media/': dir(),
    '/mnt/': dir(),
    '/opt/': dir(),
    '/proc/': dir({ mode: 0o555 }),
    '/root/': dir({ mode: 0o700 }),
    '/run/': dir(),
    '/sbin/': dir(),
    '/srv/': dir(),
    '/sys/': dir({ mode: 0o555 }),
    '/tmp/': dir({ mode: 0o1777 }),
    '/usr/': dir(),
    '/usr/bin/': dir(),
    '/usr/lib/': dir(),
    '/usr/local/bin/': dir(),
    '/usr/sbin/': dir(),
    '/usr/share/': dir(),
    '/var/': dir(),
    '/var/cache/apk/': dir(),
    '/var/lib/apk/': dir(),
    '/var/log/': dir(),
    '/var/tmp/': dir({ mode: 0o1777 }),
    '/bin/busybox': program('busybox'),
    ...many('/bin', BUSYBOX_APPLETS.bin, () => symlink('/bin/busybox')),
    ...many('/usr/bin', BUSYBOX_APPLETS.usrbin, () => symlink('/bin/busybox')),
    ...many('/sbin', BUSYBOX_APPLETS.sbin, () => symlink('/bin/busybox')),
    '/sbin/apk': program('apk'),
    '/sbin/ldconfig': script('/bin/sh', 'scan_dirs() {\n\tscanelf -qS "$@" | while read SONAME FILE; do\n\t\tTARGET="${FILE##*/}"\n\tdone\n}\n'),
    '/lib/libc.musl-x86_64.so.1': symlink('ld-musl-x86_64.so.1'),
    '/etc/os-release': symlink('../usr/lib/os-release'),
    '/usr/lib/os-release': file(ALPINE_OS_RELEASE(version)),
    '/etc/alpine-release': file(`${version}\n`),
    '/etc/issue': file(`Welcome to Alpine Linux ${version.split('.').slice(0, 2).join('.')}\nKernel \\r on \\m (\\l)\n\n`),
    '/etc/passwd': file(PASSWD.alpine),
    '/etc/group': file('root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nsys:x:3:root,bin\nadm:x:4:root,daemon\ntty:x:5:\ndisk:x:6:root\nlp:x:7:lp\nkmem:x:9:\nwheel:x:10:root\nfloppy:x:11:root\nmail:x:12:mail\nnews:x:13:news\nuucp:x:14:uucp\ncron:x:16:cron\naudio:x:18:\ncdrom:x:19:\ndialout:x:20:root\nftp:x:21:\nsshd:x:22:\ninput:x:23:\ntape:x:26:root\nvideo:x:27:root\nnetdev:x:28:\nkvm:x:34:kvm\ngames:x:35:\nshadow:x:42:\nwww-data:x:82:\nusers:x:100:games\nntp:x:123:\nabuild:x:300:\nutmp:x:406:\nping:x:999:\nnogroup:x:65533:\nnobody:x:65534:\n'),
    '/etc/shadow': file('root:*::0:::::\nbin:!::0:::::\ndaemon:!::0:::::\nnobody:!::0:::::\n', { mode: 0o640, gid: 42 }),
    '/etc/hostname': file('localhost\n'),
    '/etc/shells': file('# valid login shells\n/bin/sh\n/bin/ash\n'),
    '/etc/profile': file('export CHARSET=UTF-8\nexport LANG=C.UTF-8\nexport LC_COLLATE=C\n\nexport PAGER=less\numask 022\n'),
    '/etc/apk/repositories': file(`https://dl-cdn.alpinelinux.org/alpine/v${version.split('.').slice(0, 2).join('.')}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${version.split('.').slice(0, 2).join('.')}/community\n`),
    '/etc/apk/world': file('alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n'),
  };
  return spec;
}

export const ALPINE_BULK: ReadonlyArray<readonly [string, number]> = [
  ['/lib/libcrypto.so.3', 45],
  ['/lib/libssl.so.3', 8],
  ['/lib/ld-musl-x86_64.so.1', 8],
  ['/lib/libz.so.1.3.1', 1],
  ['/usr/lib/libapk.so.2.14.6', 2],
  ['/etc/ssl/certs/ca-certificates.crt', 2],
  ['/usr/lib/engines-3/loader_attic.so', 1],
];

export const BUSYBOX_BULK: ReadonlyArray<readonly [string, number]> = [
  ['/lib/libc.so.6', 8],
  ['/lib/libm.so.6', 3],
  ['/lib/ld-linux-x86-64.so.2', 1],
  ['/lib/libresolv.so.2', 1],
  ['/lib/libnss_files.so.2', 1],
];

/** The busybox image: one statically linked binary, its applets as hard links in /bin. */
export function busyboxRoot(): TreeSpec {
  const applets = [...BUSYBOX_APPLETS.bin, ...BUSYBOX_APPLETS.usrbin, ...BUSYBOX_APPLETS.sbin].filter((a) => a !== 'sh');
  const spec: TreeSpec = {
    '/bin/': dir(),
    '/bin/busybox': program('busybox'),
    '/bin/sh': { type: 'link', to: '/bin/busybox' },
    '/dev/': dir(),
    '/etc/': dir(),
    '/home/': dir(),
    '/lib/': dir(),
    '/lib64': symlink('lib'),
    '/root/': dir({ mode: 0o700 }),
    '/tmp/': dir({ mode: 0o1777 }),
    '/usr/': dir(),
    '/usr/sbin/': dir(),
    '/var/': dir(),
    '/var/spool/mail/': dir(),
    '/var/www/': dir(),
    '/etc/passwd': file(PASSWD.busybox),
    '/etc/group': file('root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnobody:x:65534:\n'),
    '/etc/shadow': file('root:*::::::\ndaemon:*::::::\nbin:*::::::\nsys:*::::::\nsync:*::::::\nmail:*::::::\nwww-data:*::::::\noperator:*::::::\nnobody:*::::::\n', { mode: 0o600 }),
    '/etc/localtime': file('TZif2\n'),
    '/etc/nsswitch.conf': file('hosts:          files dns\nnetworks:       files\n'),
  };
  for (const a of applets) spec[`/bin/${a}`] = { type: 'link', to: '/bin/busybox' };
  return spec;
}
