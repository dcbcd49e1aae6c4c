/**
 * Diagnostics of the small programs (coreutils' env, sleep, id, whoami, uname, basename, dirname,
 * date; findutils' find and xargs; debianutils' which; ncurses' clear; tree; less and more;
 * hostname from net-tools), each checked against the real program on Debian 12.
 */
import { quoteLocale as q, quoteShellEscape as qf } from '../quoting';

export const ENV = {
  notFound: (name: string, reason: string) => `${q(name)}: ${reason}`,
  cannotUnset: (name: string) => `cannot unset ${q(name)}: Invalid argument`,
};

export const CHECKSUM = {
  fileError: (name: string, reason: string) => `${qf(name)}: ${reason}`,
  failedOpen: 'FAILED open or read',
  noProperLines: (name: string) => `${name}: no properly formatted checksum lines found`,
  unreadable: (n: number) => `WARNING: ${n} listed file${n === 1 ? '' : 's'} could not be read`,
  mismatched: (n: number) => `WARNING: ${n} computed checksum${n === 1 ? '' : 's'} did NOT match`,
};

export const SEQ = {
  invalidFloat: (value: string) => `invalid floating point argument: ${q(value)}`,
  zeroIncrement: (value: string) => `invalid Zero increment value: ${q(value)}`,
};

export const SLEEP = {
  invalidInterval: (value: string) => `invalid time interval ${q(value)}`,
};

export const ID = {
  noSuchUser: (name: string) => `${q(name)}: no such user`,
  namesNeedOption: 'cannot print only names or real IDs in default format',
  onlyOne: 'cannot print "only" of more than one choice',
  selinux: '--context (-Z) works only on an SELinux-enabled kernel',
  cannotFindName: (uid: number) => `cannot find name for user ID ${uid}`,
  cannotFindGroup: (gid: number) => `cannot find name for group ID ${gid}`,
};

export const DATE = {
  invalidDate: (value: string) => `invalid date ${q(value)}`,
  multipleFormats: 'multiple output formats specified',
  referenceFailed: (name: string, reason: string) => `${name}: ${reason}`,
  cannotSet: 'cannot set date: Operation not permitted',
  extraOperand: (operand: string) => `extra operand ${q(operand)}`,
};

export const FIND = {
  noSuchFile: (name: string, reason: string) => `${q(name)}: ${reason}`,
  unknownPredicate: (name: string) => `unknown predicate \`${name}'`,
  missingArgument: (name: string) => `missing argument to \`${name}'`,
  unknownType: (value: string) => `Unknown argument to -type: ${value}`,
  positiveInteger: (option: string, value: string) => `Expected a positive decimal integer argument to ${option}, but got ${q(value)}`,
  expectedAfter: (op: string) => `expected an expression after '${op}'`,
  expectedParen: "invalid expression; I was expecting to find a ')' somewhere but did not see one.",
  tooManyParens: "you have too many ')'",
  invalidSize: (value: string) => `invalid -size type \`${value}'`,
  invalidMode: (value: string) => `invalid mode ${q(value)}`,
  unknownUser: (name: string) => `${q(name)} is not the name of a known user`,
  unknownGroup: (name: string) => `${q(name)} is not the name of an existing group`,
  pathsMustPrecede: (arg: string) => `paths must precede expression: \`${arg}'`,
  possibleUnquoted: 'possible unquoted pattern after predicate `-name\'?',
  cannotDelete: (name: string, reason: string) => `cannot delete ${q(name)}: ${reason}`,
};

export const XARGS = {
  notFound: (name: string, reason: string) => `${name}: ${reason}`,
  invalidNumber: (value: string, option: string) => `invalid number "${value}" for -${option} option`,
  atLeastOne: (value: string, option: string) => `value ${value} for -${option} option should be >= 1`,
  unmatchedQuote: (kind: 'single' | 'double') =>
    `unmatched ${kind} quote; by default quotes are special to xargs unless you use the -0 option`,
  exited255: (name: string) => `${name}: exited with status 255; aborting`,
  killed: (name: string, signo: number) => `${name}: terminated by signal ${signo}`,
};

export const WHICH = {
  illegalOption: (option: string) => `Illegal option -${option}`,
  usage: (program: string) => `Usage: ${program} [-a] args`,
};

export const CLEAR = {
  termNotSet: 'TERM environment variable not set.',
  unknownTerminal: (term: string) => `'${term}': unknown terminal type.`,
  invalidOption: (letter: string) => `invalid option -- '${letter}'`,
  usage: 'Usage: clear [options]\n\nOptions:\n  -T TERM     use this instead of $TERM\n  -V          print curses-version\n  -x          do not try to clear scrollback',
};

export const TREE = {
  errorOpening: '[error opening dir]',
  invalidLevel: 'Invalid level, must be greater than 0.',
  report: (dirs: number, files: number, dirsOnly: boolean) =>
    dirsOnly
      ? `${dirs} director${dirs === 1 ? 'y' : 'ies'}`
      : `${dirs} director${dirs === 1 ? 'y' : 'ies'}, ${files} file${files === 1 ? '' : 's'}`,
};

export const PAGER = {
  lessNoFile: (name: string, reason: string) => `${name}: ${reason}`,
  lessDirectory: (name: string) => `${name} is a directory`,
  moreCannotOpen: (name: string, reason: string) => `cannot open ${name}: ${reason}`,
  moreDirectory: (name: string) => `\n*** ${name}: directory ***\n`,
  moreHeader: (name: string) => `::::::::::::::\n${name}\n::::::::::::::`,
};

export const HOSTNAME = {
  usage: `Usage: hostname [-b] {hostname|-F file}         set host name (from file)
       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname                                 display host name

       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)
       {yp,nis,}domainname                      display NIS domain name

       dnsdomainname                            display dns domain name

       hostname -V|--version|-h|--help          print info and exit

Program name:
       {yp,nis,}domainname=hostname -y
       dnsdomainname=hostname -d

Program options:
    -a, --alias            alias names
    -A, --all-fqdns        all long host names (FQDNs)
    -b, --boot             set default hostname if none available
    -d, --domain           DNS domain name
    -f, --fqdn, --long     long host name (FQDN)
    -F, --file             read host name or NIS domain name from given file
    -i, --ip-address       addresses for the host name
    -I, --all-ip-addresses all addresses for the host
    -s, --short            short host name
    -y, --yp, --nis        NIS/YP domain name

Description:
   This command can get or set the host name or the NIS domain name. You can
   also get the DNS domain or the FQDN (fully qualified domain name).
   Unless you are using bind or NIS for host lookups you can change the
   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is
   part of the FQDN) in the /etc/hosts file.
`,
  mustBeRoot: 'you must be root to change the host name',
};
