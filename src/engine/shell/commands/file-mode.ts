/**
 * File permission bits for people and from people: the `drwxr-xr-x` string of `ls -l` and `stat`,
 * and chmod's modes, octal (`755`) or symbolic (`u+x`, `go-w`, `a=r,u+w`, `+X`).
 */
import type { NodeKind } from '../../fs/types';

const TYPE_LETTER: Record<NodeKind, string> = { file: '-', dir: 'd', symlink: 'l' };

/** `drwxr-xr-x`, with s/S and t/T for setuid, setgid and sticky bits. */
export function modeString(kind: NodeKind, mode: number): string {
  const bit = (mask: number, letter: string) => (mode & mask ? letter : '-');
  const special = (exec: number, flag: number, lower: string, upper: string) =>
    mode & flag ? (mode & exec ? lower : upper) : mode & exec ? 'x' : '-';
  return (
    TYPE_LETTER[kind] +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    special(0o100, 0o4000, 's', 'S') +
    bit(0o040, 'r') +
    bit(0o020, 'w') +
    special(0o010, 0o2000, 's', 'S') +
    bit(0o004, 'r') +
    bit(0o002, 'w') +
    special(0o001, 0o1000, 't', 'T')
  );
}

interface SymbolicClause {
  who: number;
  actions: { op: '+' | '-' | '='; perms: string }[];
}

/**
 * A parsed chmod mode; `apply` gives the new bits for a file's current bits. Null when the text is
 * not a valid mode (`chmod: invalid mode: ‘x’`).
 */
export interface ModeChange {
  apply(current: number, isDir: boolean, umask: number): number;
}

export function parseMode(text: string): ModeChange | null {
  if (/^[0-7]+$/.test(text)) {
    if (text.length > 4 && !/^0+/.test(text.slice(0, text.length - 4))) return null;
    const value = parseInt(text, 8);
    if (value > 0o7777) return null;
    return {
      // GNU chmod keeps a directory's setuid/setgid bits unless five digits or more clear them.
      apply: (current, isDir) => (isDir && text.length < 5 ? value | (current & 0o6000) : value),
    };
  }
  const clauses: SymbolicClause[] = [];
  for (const part of text.split(',')) {
    const match = /^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$/.exec(part);
    if (!match) return null;
    let who = 0;
    for (const letter of match[1]!) {
      if (letter === 'u') who |= 0o4700;
      if (letter === 'g') who |= 0o2070;
      if (letter === 'o') who |= 0o1007;
      if (letter === 'a') who |= 0o7777;
    }
    const actions = [...match[2]!.matchAll(/([-+=])([rwxXstugo]*)/g)].map((m) => ({ op: m[1] as '+' | '-' | '=', perms: m[2]! }));
    if (actions.some((a) => /[ugo]/.test(a.perms) && !/^[ugo]$/.test(a.perms))) return null;
    clauses.push({ who, actions });
  }
  return {
    apply(current, isDir, umask) {
      let mode = current;
      for (const clause of clauses) {
        const explicit = clause.who !== 0;
        const who = explicit ? clause.who : 0o7777;
        for (const action of clause.actions) {
          let bits = 0;
          if (/^[ugo]$/.test(action.perms)) {
            const shift = action.perms === 'u' ? 6 : action.perms === 'g' ? 3 : 0;
            const triple = (mode >> shift) & 7;
            bits = triple * 0o111;
          } else {
            for (const letter of action.perms) {
              if (letter === 'r') bits |= 0o444;
              if (letter === 'w') bits |= 0o222;
              if (letter === 'x') bits |= 0o111;
              if (letter === 'X' && (isDir || (mode & 0o111) !== 0)) bits |= 0o111;
              if (letter === 's') bits |= 0o6000;
              if (letter === 't') bits |= 0o1000;
            }
          }
          let mask = who & bits;
          if (!explicit) mask &= ~umask;
          if (action.op === '+') mode |= mask;
          else if (action.op === '-') mode &= ~mask;
          else {
            const cleared = explicit ? who & 0o777 : 0o777;
            const keepSpecial = isDir ? 0o6000 : 0;
            mode = (mode & ~(cleared | (who & 0o7000 & ~keepSpecial))) | mask;
          }
        }
      }
      return mode;
    },
  };
}
