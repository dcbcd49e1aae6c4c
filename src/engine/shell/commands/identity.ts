/** id and whoami: who the running user is, by the numbers and by the names in /etc/passwd and /etc/group. */
import type { Program } from '../../process';
import { Accounts } from './accounts';
import { has, type OptionDef } from './getopt';
import { Invocation } from './invocation';
import { COMMON } from './messages/common';
import { ID } from './messages/shellutils';

type Key = 'user' | 'group' | 'groups' | 'name' | 'real' | 'context' | 'zero';
const OPTIONS: OptionDef<Key>[] = [
  { key: 'context', short: 'Z', long: 'context' },
  { key: 'group', short: 'g', long: 'group' },
  { key: 'groups', short: 'G', long: 'groups' },
  { key: 'name', short: 'n', long: 'name' },
  { key: 'real', short: 'r', long: 'real' },
  { key: 'user', short: 'u', long: 'user' },
  { key: 'zero', short: 'z', long: 'zero' },
];

export const id: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse(OPTIONS);
  if (!parsed) return 1;
  if (has(parsed, 'context')) {
    inv.error(ID.selinux);
    return 1;
  }
  const accounts = new Accounts(ctx.fs);
  if (parsed.operands.length > 1) return inv.usageError(COMMON.extraOperand(parsed.operands[1]!));
  let uid = ctx.cred.uid;
  let gid = ctx.cred.gid;
  let groups: number[] = [gid, ...(ctx.cred.groups ?? []).filter((g) => g !== gid)];
  const target = parsed.operands[0];
  if (target !== undefined) {
    const user = accounts.userByName(target) ?? (/^\d+$/.test(target) ? accounts.userById(Number(target)) : undefined);
    if (!user) {
      inv.error(ID.noSuchUser(target));
      return 1;
    }
    uid = user.uid;
    gid = user.gid;
    groups = accounts.groupsOf(user);
  } else if (ctx.cred.groups === undefined) {
    const user = accounts.userById(uid);
    if (user) groups = accounts.groupsOf(user);
  }
  const modes = ['user', 'group', 'groups'].filter((k) => has(parsed, k as Key));
  if (modes.length > 1) {
    inv.error(ID.onlyOne);
    return 1;
  }
  const names = has(parsed, 'name');
  const end = has(parsed, 'zero') ? '\0' : '\n';
  if (modes.length === 0) {
    if (names || has(parsed, 'real')) {
      inv.error(ID.namesNeedOption);
      return 1;
    }
    const user = (n: number) => (accounts.userById(n) ? `${n}(${accounts.userName(n)})` : String(n));
    const group = (n: number) => (accounts.groupById(n) ? `${n}(${accounts.groupName(n)})` : String(n));
    inv.out(`uid=${user(uid)} gid=${group(gid)} groups=${groups.map(group).join(',')}\n`);
    return 0;
  }
  if (modes[0] === 'user') inv.out(`${names ? accounts.userName(uid) : uid}${end}`);
  else if (modes[0] === 'group') inv.out(`${names ? accounts.groupName(gid) : gid}${end}`);
  else inv.out(`${groups.map((g) => (names ? accounts.groupName(g) : String(g))).join(has(parsed, 'zero') ? '\0' : ' ')}${end}`);
  return 0;
};

export const whoami: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const parsed = inv.parse([]);
  if (!parsed) return 1;
  if (parsed.operands.length > 0) return inv.usageError(COMMON.extraOperand(parsed.operands[0]!));
  const user = new Accounts(ctx.fs).userById(ctx.cred.uid);
  if (!user) {
    inv.error(ID.cannotFindName(ctx.cred.uid));
    return 1;
  }
  inv.out(`${user.name}\n`);
  return 0;
};
