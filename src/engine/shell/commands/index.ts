/**
 * The host's command-line programs with GNU coreutils 9.1 behaviour, and the few others a Debian
 * laptop has (grep, sed, find, xargs, tree, which, clear, hostname, less, more). echo and printf
 * behave as bash's builtins, which is what a student reaches when typing them; the shell
 * registers them as builtins.
 *
 * env, xargs and find start other programs: `createCoreutils(lookup)` gives them the host's
 * program table (so that `xargs docker rm` works); `coreutils` can only start its own programs.
 */
import type { Program } from '../../process';
import { cat } from './cat';
import { md5sum, sha1sum, sha256sum, sha512sum } from './checksums';
import { chmod } from './chmod';
import { clear } from './clear';
import { cmp } from './cmp';
import { cp } from './cp';
import { cut } from './cut';
import { date } from './date';
import { df } from './df';
import { diff } from './diff';
import { du } from './du';
import { echo } from './echo';
import { makeEnv, printenv } from './env';
import { falseProgram, trueProgram } from './exit-status';
import { makeFind } from './find';
import { grep } from './grep';
import { head, tail } from './head-tail';
import { id, whoami } from './identity';
import { ln } from './ln';
import { ls } from './ls';
import { mkdir } from './mkdir';
import { mv } from './mv';
import { less, more } from './pager';
import { paste } from './paste';
import { basename, dirname } from './path-names';
import { realpath, readlink } from './path-resolution';
import { printf } from './printf';
import { rm } from './rm';
import { rmdir } from './rmdir';
import { sed } from './sed';
import { seq } from './seq';
import { sleep } from './sleep';
import { sort } from './sort';
import type { ProgramLookup } from './spawn';
import { stat } from './stat';
import { hostname, uname } from './system-info';
import { tee } from './tee';
import { touch } from './touch';
import { tr } from './tr';
import { tree } from './tree';
import { uniq } from './uniq';
import { wc } from './wc';
import { which } from './which';
import { makeXargs } from './xargs';

export type { ProgramLookup } from './spawn';

/** The programs; `lookup` finds any program of the host by id for env, xargs and find -exec. */
export function createCoreutils(lookup?: ProgramLookup): Record<string, Program> {
  const programs: Record<string, Program> = {
    basename,
    cat,
    chmod,
    clear,
    cmp,
    cp,
    cut,
    date,
    df,
    diff,
    dirname,
    du,
    echo,
    false: falseProgram,
    grep,
    head,
    hostname,
    id,
    less,
    ln,
    ls,
    md5sum,
    mkdir,
    more,
    mv,
    paste,
    printenv,
    printf,
    readlink,
    realpath,
    rm,
    rmdir,
    sed,
    seq,
    sha1sum,
    sha256sum,
    sha512sum,
    sleep,
    sort,
    stat,
    tail,
    tee,
    touch,
    tr,
    tree,
    true: trueProgram,
    uname,
    uniq,
    wc,
    which,
    whoami,
  };
  const find: ProgramLookup = (name) => lookup?.(name) ?? programs[name];
  programs.env = makeEnv(find);
  programs.find = makeFind(find);
  programs.xargs = makeXargs(find);
  return programs;
}

export const coreutils: Record<string, Program> = createCoreutils();
