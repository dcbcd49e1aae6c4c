/**
 * uname and hostname: the machine's names. The host name is /etc/hostname's; the kernel is the
 * one in /proc/sys/kernel when the fs has it, else a Debian 12 laptop kernel.
 */
import type { FileSystem } from '../../fs/types';
import type { Program } from '../../process';
import { has, parseArgs, type OptionDef } from './getopt';
import { Invocation } from './invocation';
import { COMMON } from './messages/common';
import { HOSTNAME } from './messages/shellutils';

export const DEFAULT_KERNEL = {
  release: '6.1.0-28-amd64',
  version: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)',
  machine: 'x86_64',
};

function readFirstLine(fs: FileSystem, path: string): string | null {
  try {
    const line = fs.readText(path).split('\n')[0]!.trim();
    return line === '' ? null : line;
  } catch {
    return null;
  }
}

export function hostNameOf(fs: FileSystem): string {
  return readFirstLine(fs, '/etc/hostname') ?? 'localhost';
}

type UnameKey = 'all' | 'kernelName' | 'nodename' | 'release' | 'version' | 'machine' | 'processor' | 'platform' | 'os';
const UNAME_OPTIONS: OptionDef<UnameKey>[] = [
  { key: 'all', short: 'a', long: 'all' },
  { key: 'kernelName', short: 's', long: ['kernel-name', 'sysname'] },
  { key: 'nodename', short: 'n', long: 'nodename' },
  { key: 'release', short: 'r', long: ['kernel-release', 'release'] },
  { key: 'version', short: 'v', long: 'kernel-version' },
  { key: 'machine', short: 'm', long: 'machine' },
  { key: 'processor', short: 'p', long: 'processor' },
  { key: 'platform', short: 'i', long: 'hardware-platform' },
  { key: 'os', short: 'o', long: 'operating-system' },
];

export const uname: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(UNAME_OPTIONS);
  if (!parsed) return 1;
  if (parsed.operands.length > 0) return inv.usageError(COMMON.extraOperand(parsed.operands[0]!));
  const fs = ctx.fs;
  const values: Record<Exclude<UnameKey, 'all'>, string> = {
    kernelName: 'Linux',
    nodename: hostNameOf(fs),
    release: readFirstLine(fs, '/proc/sys/kernel/osrelease') ?? DEFAULT_KERNEL.release,
    version: readFirstLine(fs, '/proc/sys/kernel/version') ?? DEFAULT_KERNEL.version,
    machine: DEFAULT_KERNEL.machine,
    processor: 'unknown',
    platform: 'unknown',
    os: 'GNU/Linux',
  };
  const all = has(parsed, 'all');
  const order: Exclude<UnameKey, 'all'>[] = ['kernelName', 'nodename', 'release', 'version', 'machine', 'processor', 'platform', 'os'];
  let selected = order.filter((key) => has(parsed, key) || (all && values[key] !== 'unknown'));
  if (selected.length === 0) selected = ['kernelName'];
  inv.out(`${selected.map((key) => values[key]).join(' ')}\n`);
  return 0;
};

type HostnameKey = 'short' | 'fqdn' | 'domain' | 'ip' | 'allIps' | 'help' | 'version' | 'alias' | 'allFqdns' | 'boot' | 'file' | 'yp';
const HOSTNAME_OPTIONS: OptionDef<HostnameKey>[] = [
  { key: 'alias', short: 'a', long: 'alias' },
  { key: 'allFqdns', short: 'A', long: 'all-fqdns' },
  { key: 'boot', short: 'b', long: 'boot' },
  { key: 'domain', short: 'd', long: 'domain' },
  { key: 'fqdn', short: 'f', long: ['fqdn', 'long'] },
  { key: 'file', short: 'F', long: 'file', arg: 'required' },
  { key: 'help', short: 'h', long: 'help' },
  { key: 'ip', short: 'i', long: 'ip-address' },
  { key: 'allIps', short: 'I', long: 'all-ip-addresses' },
  { key: 'short', short: 's', long: 'short' },
  { key: 'version', short: 'V', long: 'version' },
  { key: 'yp', short: 'y', long: ['yp', 'nis'] },
];

export const hostname: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = parseArgs(inv.args, HOSTNAME_OPTIONS);
  if (!parsed.ok) {
    inv.error(parsed.message);
    ctx.stderr.write(HOSTNAME.usage);
    return 255;
  }
  if (has(parsed, 'help')) {
    ctx.stderr.write(HOSTNAME.usage);
    return 0;
  }
  if (parsed.operands.length > 1) {
    ctx.stderr.write(HOSTNAME.usage);
    return 255;
  }
  if (parsed.operands.length === 1) {
    if (ctx.cred.uid !== 0) {
      inv.error(HOSTNAME.mustBeRoot);
      return 1;
    }
    ctx.fs.writeFile('/etc/hostname', `${parsed.operands[0]}\n`);
    return 0;
  }
  const name = hostNameOf(ctx.fs);
  if (has(parsed, 'ip') || has(parsed, 'allIps')) {
    inv.out(has(parsed, 'ip') ? '127.0.1.1\n' : '192.168.1.23 \n');
    return 0;
  }
  if (has(parsed, 'domain')) {
    inv.out('\n');
    return 0;
  }
  inv.out(`${has(parsed, 'short') ? name.split('.')[0] : name}\n`);
  return 0;
};
