/**
 * find (findutils 4.9): walks each starting point depth-first in directory order (what readdir
 * gives: the simulated fs returns names sorted, ext4 returns them in hash order) and evaluates an
 * expression of tests (-name -iname -path -regex -type -size -empty -newer -mtime -mmin -perm
 * -user -group), operators (! -not -a -and -o -or, parentheses), global options (-maxdepth
 * -mindepth -depth) and actions (-print -print0 -printf -delete -exec … ; and + -prune -quit).
 */
import type { Stat } from '../../fs/types';
import type { Program } from '../../process';
import { Accounts } from './accounts';
import { modeString, parseMode } from './file-mode';
import { fnmatch } from './fnmatch';
import { codeOf, Invocation, reasonOf } from './invocation';
import { FIND } from './messages/shellutils';
import { compileRegex, RegexError } from './posix-regex';
import { startCommand, type ProgramLookup } from './spawn';

interface Visit {
  /** The path as printed (the start point as typed, then `/name` per level). */
  path: string;
  /** The absolute path for the fs. */
  abs: string;
  name: string;
  depth: number;
  stat: Stat;
  /** The starting point it was found under (for %P). */
  start: string;
}

type Node =
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; expr: Node }
  | { kind: 'test'; run: (v: Visit) => boolean | Promise<boolean>; action: boolean };

class FindSyntaxError extends Error {}

interface Globals {
  maxDepth: number;
  minDepth: number;
  depthFirst: boolean;
  follow: boolean;
}

interface Runtime {
  inv: Invocation;
  lookup: ProgramLookup;
  accounts: Accounts;
  now: number;
  out: (text: string) => void;
  status: number;
  quit: boolean;
  pruned: boolean;
  /** Writes what -print and friends buffered (before a command runs or a diagnostic). */
  flush: () => void;
  /** -exec … + batches, flushed at the end. */
  batches: { argv: string[]; files: string[] }[];
}

function numericTest(text: string, option: string): (value: number) => boolean {
  const match = /^([+-]?)(\d+)$/.exec(text);
  if (!match) throw new FindSyntaxError(FIND.positiveInteger(option, text));
  const n = Number(match[2]);
  if (match[1] === '+') return (v) => v > n;
  if (match[1] === '-') return (v) => v < n;
  return (v) => v === n;
}

const SIZE_UNITS: Record<string, number> = { c: 1, w: 2, b: 512, k: 1024, M: 1024 ** 2, G: 1024 ** 3 };

function formatPrintf(format: string, v: Visit, rt: Runtime): string {
  let out = '';
  for (let i = 0; i < format.length; i += 1) {
    const c = format[i]!;
    if (c === '\\' && i + 1 < format.length) {
      const e = format[++i]!;
      out += e === 'n' ? '\n' : e === 't' ? '\t' : e === '0' ? '\0' : e === '\\' ? '\\' : `\\${e}`;
      continue;
    }
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    const d = format[++i]!;
    switch (d) {
      case 'p':
        out += v.path;
        break;
      case 'f':
        out += v.name;
        break;
      case 'h': {
        const slash = v.path.lastIndexOf('/');
        out += slash === -1 ? '.' : slash === 0 ? '/' : v.path.slice(0, slash);
        break;
      }
      case 'P':
        out += v.path === v.start ? '' : v.path.slice(v.start.length).replace(/^\//, '');
        break;
      case 's':
        out += String(v.stat.size);
        break;
      case 'd':
        out += String(v.depth);
        break;
      case 'm':
        out += (v.stat.mode & 0o7777).toString(8);
        break;
      case 'M':
        out += modeString(v.stat.kind, v.stat.mode);
        break;
      case 'y':
        out += v.stat.kind === 'dir' ? 'd' : v.stat.kind === 'symlink' ? 'l' : 'f';
        break;
      case 'u':
        out += rt.accounts.userName(v.stat.uid);
        break;
      case 'g':
        out += rt.accounts.groupName(v.stat.gid);
        break;
      case 'U':
        out += String(v.stat.uid);
        break;
      case 'G':
        out += String(v.stat.gid);
        break;
      case 'n':
        out += String(v.stat.nlink);
        break;
      case 'i':
        out += String(v.stat.ino);
        break;
      case '%':
        out += '%';
        break;
      default:
        out += `%${d}`;
    }
  }
  return out;
}

class ExpressionParser {
  private index = 0;
  hasAction = false;
  readonly globals: Globals = { maxDepth: Infinity, minDepth: 0, depthFirst: false, follow: false };

  constructor(
    private readonly args: string[],
    private readonly rt: Runtime,
  ) {}

  parse(): Node | null {
    if (this.index >= this.args.length) return null;
    const expr = this.or();
    if (this.index < this.args.length) {
      if (this.args[this.index] === ')') throw new FindSyntaxError(FIND.tooManyParens);
      throw new FindSyntaxError(FIND.pathsMustPrecede(this.args[this.index]!));
    }
    return expr;
  }

  private peek(): string | undefined {
    return this.args[this.index];
  }

  private or(): Node {
    let left = this.and();
    while (this.peek() === '-o' || this.peek() === '-or') {
      const op = this.args[this.index++]!;
      if (this.index >= this.args.length || this.peek() === ')') throw new FindSyntaxError(FIND.expectedAfter(op));
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Node {
    let left = this.unary();
    for (;;) {
      const next = this.peek();
      if (next === undefined || next === ')' || next === '-o' || next === '-or' || next === ',') return left;
      if (next === '-a' || next === '-and') {
        this.index += 1;
        if (this.index >= this.args.length) throw new FindSyntaxError(FIND.expectedAfter(next));
      }
      left = { kind: 'and', left, right: this.unary() };
    }
  }

  private unary(): Node {
    const token = this.peek();
    if (token === '!' || token === '-not') {
      this.index += 1;
      if (this.index >= this.args.length) throw new FindSyntaxError(FIND.expectedAfter(token));
      return { kind: 'not', expr: this.unary() };
    }
    if (token === '(') {
      this.index += 1;
      const expr = this.or();
      if (this.peek() !== ')') throw new FindSyntaxError(FIND.expectedParen);
      this.index += 1;
      return expr;
    }
    return this.primary();
  }

  private argument(name: string): string {
    const value = this.args[this.index++];
    if (value === undefined) throw new FindSyntaxError(FIND.missingArgument(name));
    return value;
  }

  private test(run: (v: Visit) => boolean | Promise<boolean>, action = false): Node {
    if (action) this.hasAction = true;
    return { kind: 'test', run, action };
  }

  private primary(): Node {
    const name = this.args[this.index++]!;
    const rt = this.rt;
    const fs = rt.inv.ctx.fs;
    switch (name) {
      case '-name':
      case '-iname': {
        const pattern = this.argument(name);
        return this.test((v) => fnmatch(pattern, v.name, { fold: name === '-iname' }));
      }
      case '-path':
      case '-ipath':
      case '-wholename':
      case '-iwholename': {
        const pattern = this.argument(name);
        const fold = name.startsWith('-i');
        return this.test((v) => fnmatch(pattern, v.path, { fold }));
      }
      case '-regex':
      case '-iregex': {
        const pattern = this.argument(name);
        let re: RegExp;
        try {
          re = compileRegex(pattern, { syntax: 'basic', ignoreCase: name === '-iregex', line: true });
        } catch (error) {
          if (error instanceof RegexError) throw new FindSyntaxError(error.message);
          throw error;
        }
        return this.test((v) => re.test(v.path));
      }
      case '-type':
      case '-xtype': {
        const value = this.argument(name);
        const letters = value.split(',');
        for (const letter of letters) if (!/^[fdlbcps]$/.test(letter)) throw new FindSyntaxError(FIND.unknownType(value));
        return this.test((v) => {
          let kind = v.stat.kind;
          if (name === '-xtype' && kind === 'symlink') {
            try {
              kind = fs.stat(v.abs).kind;
            } catch {
              kind = 'symlink';
            }
          }
          const letter = kind === 'dir' ? 'd' : kind === 'symlink' ? 'l' : 'f';
          return letters.includes(letter);
        });
      }
      case '-maxdepth':
      case '-mindepth': {
        const value = this.argument(name);
        if (!/^\d+$/.test(value)) throw new FindSyntaxError(FIND.positiveInteger(name, value));
        if (name === '-maxdepth') this.globals.maxDepth = Number(value);
        else this.globals.minDepth = Number(value);
        return this.test(() => true);
      }
      case '-depth':
      case '-d':
        this.globals.depthFirst = true;
        return this.test(() => true);
      case '-follow':
        this.globals.follow = true;
        return this.test(() => true);
      case '-empty':
        return this.test((v) => {
          if (v.stat.kind === 'file') return v.stat.size === 0;
          if (v.stat.kind !== 'dir') return false;
          try {
            return fs.readdir(v.abs).length === 0;
          } catch {
            return false;
          }
        });
      case '-size': {
        const value = this.argument(name);
        const match = /^([+-]?)(\d+)([cwbkMG]?)$/.exec(value);
        if (!match) {
          const unit = /^[+-]?\d+(.)/.exec(value)?.[1] ?? value;
          throw new FindSyntaxError(FIND.invalidSize(unit));
        }
        const unit = SIZE_UNITS[match[3] || 'b']!;
        const compare = numericTest(`${match[1]}${match[2]}`, name);
        return this.test((v) => compare(Math.ceil(v.stat.size / unit)));
      }
      case '-newer': {
        const reference = this.argument(name);
        let mtime: number;
        try {
          mtime = fs.stat(rt.inv.path(reference)).mtime;
        } catch (error) {
          throw new FindSyntaxError(FIND.noSuchFile(reference, reasonOf(error)));
        }
        return this.test((v) => v.stat.mtime > mtime);
      }
      case '-mtime':
      case '-mmin':
      case '-atime':
      case '-amin':
      case '-ctime':
      case '-cmin': {
        const value = this.argument(name);
        const compare = numericTest(value, name);
        const unit = name.endsWith('min') ? 60_000 : 86_400_000;
        return this.test((v) => compare(Math.floor((rt.now - v.stat.mtime) / unit)));
      }
      case '-perm': {
        const value = this.argument(name);
        const prefix = value[0] === '-' || value[0] === '/' ? value[0] : '';
        const change = parseMode(value.slice(prefix.length));
        if (!change) throw new FindSyntaxError(FIND.invalidMode(value));
        const wanted = change.apply(0, false, 0) & 0o7777;
        return this.test((v) => {
          const mode = v.stat.mode & 0o7777;
          if (prefix === '-') return (mode & wanted) === wanted;
          if (prefix === '/') return wanted === 0 || (mode & wanted) !== 0;
          return mode === wanted;
        });
      }
      case '-user':
      case '-group': {
        const value = this.argument(name);
        const entry = name === '-user' ? rt.accounts.userByName(value) : rt.accounts.groupByName(value);
        const id = entry ? ('uid' in entry ? entry.uid : entry.gid) : /^\d+$/.test(value) ? Number(value) : null;
        if (id === null) throw new FindSyntaxError(name === '-user' ? FIND.unknownUser(value) : FIND.unknownGroup(value));
        return this.test((v) => (name === '-user' ? v.stat.uid : v.stat.gid) === id);
      }
      case '-uid':
      case '-gid': {
        const compare = numericTest(this.argument(name), name);
        return this.test((v) => compare(name === '-uid' ? v.stat.uid : v.stat.gid));
      }
      case '-links': {
        const compare = numericTest(this.argument(name), name);
        return this.test((v) => compare(v.stat.nlink));
      }
      case '-executable':
        return this.test((v) => fs.access(v.abs, 1));
      case '-readable':
        return this.test((v) => fs.access(v.abs, 4));
      case '-writable':
        return this.test((v) => fs.access(v.abs, 2));
      case '-true':
        return this.test(() => true);
      case '-false':
        return this.test(() => false);
      case '-print':
        return this.test((v) => {
          rt.out(`${v.path}\n`);
          return true;
        }, true);
      case '-print0':
        return this.test((v) => {
          rt.out(`${v.path}\0`);
          return true;
        }, true);
      case '-printf': {
        const format = this.argument(name);
        return this.test((v) => {
          rt.out(formatPrintf(format, v, rt));
          return true;
        }, true);
      }
      case '-ls':
        return this.test((v) => {
          const blocks = v.stat.kind === 'symlink' ? 0 : Math.ceil(v.stat.size / 4096) * 4;
          rt.out(
            `${String(v.stat.ino).padStart(9)} ${String(blocks).padStart(6)} ${modeString(v.stat.kind, v.stat.mode)} ${String(v.stat.nlink).padStart(3)} ${rt.accounts.userName(v.stat.uid).padEnd(8)} ${rt.accounts.groupName(v.stat.gid).padEnd(8)} ${String(v.stat.size).padStart(8)} ${new Date(v.stat.mtime).toUTCString().slice(8, 11)} ${String(new Date(v.stat.mtime).getUTCDate()).padStart(2)} ${new Date(v.stat.mtime).toISOString().slice(11, 16)} ${v.path}\n`,
          );
          return true;
        }, true);
      case '-prune':
        return this.test(() => {
          rt.pruned = true;
          return true;
        });
      case '-quit':
        return this.test(() => {
          rt.quit = true;
          return true;
        }, true);
      case '-delete':
        this.globals.depthFirst = true;
        return this.test((v) => {
          if (v.path === '.') return true;
          try {
            if (v.stat.kind === 'dir') fs.rmdir(v.abs);
            else fs.unlink(v.abs);
            return true;
          } catch (error) {
            rt.flush();
            rt.inv.error(FIND.cannotDelete(v.path, reasonOf(error)));
            rt.status = 1;
            return false;
          }
        }, true);
      case '-exec':
      case '-execdir':
      case '-ok': {
        const words: string[] = [];
        let terminator: string | undefined;
        while (this.index < this.args.length) {
          const word = this.args[this.index++]!;
          if (word === ';' || (word === '+' && words[words.length - 1] === '{}')) {
            terminator = word;
            break;
          }
          words.push(word);
        }
        if (terminator === undefined || words.length === 0) throw new FindSyntaxError(FIND.missingArgument(name));
        if (terminator === '+') {
          const batch = { argv: words.slice(0, -1), files: [] as string[] };
          rt.batches.push(batch);
          return this.test((v) => {
            batch.files.push(v.path);
            return true;
          }, true);
        }
        return this.test(async (v) => {
          const argv = words.map((w) => w.split('{}').join(v.path));
          return (await runCommand(rt, argv)) === 0;
        }, true);
      }
      default:
        if (name.startsWith('-')) throw new FindSyntaxError(FIND.unknownPredicate(name));
        throw new FindSyntaxError(FIND.pathsMustPrecede(name));
    }
  }
}

async function runCommand(rt: Runtime, argv: string[]): Promise<number> {
  const ctx = rt.inv.ctx;
  rt.flush();
  const started = await startCommand(ctx, argv, {}, rt.lookup);
  if (started.kind === 'error') {
    rt.inv.error(FIND.noSuchFile(argv[0]!, started.reason));
    rt.status = 1;
    return 127;
  }
  return started.status;
}

async function evaluate(node: Node, v: Visit): Promise<boolean> {
  switch (node.kind) {
    case 'and':
      return (await evaluate(node.left, v)) && evaluate(node.right, v);
    case 'or':
      return (await evaluate(node.left, v)) || evaluate(node.right, v);
    case 'not':
      return !(await evaluate(node.expr, v));
    default:
      return node.run(v);
  }
}

export function makeFind(lookup: ProgramLookup): Program {
  return async (ctx) => {
    const inv = new Invocation(ctx);
    const args = [...inv.args];
    let follow = false;
    while (args[0] === '-L' || args[0] === '-P' || args[0] === '-H') {
      follow = args.shift() === '-L';
    }
    const firstExpression = args.findIndex((a) => (a.startsWith('-') && a.length > 1) || a === '!' || a === '(');
    const starts = firstExpression === -1 ? args : args.slice(0, firstExpression);
    const expressionArgs = firstExpression === -1 ? [] : args.slice(firstExpression);
    let output = '';
    const rt: Runtime = {
      inv,
      lookup,
      accounts: new Accounts(ctx.fs),
      now: ctx.clock.now(),
      out: (text) => {
        output += text;
      },
      status: 0,
      quit: false,
      pruned: false,
      flush: () => {
        if (output !== '') ctx.stdout.write(output);
        output = '';
      },
      batches: [],
    };
    const flush = rt.flush;
    rt.out = (text) => {
      output += text;
      if (output.length > 4096) flush();
    };
    const parser = new ExpressionParser(expressionArgs, rt);
    let expr: Node | null;
    try {
      expr = parser.parse();
    } catch (error) {
      if (error instanceof FindSyntaxError) {
        inv.error(error.message);
        return 1;
      }
      throw error;
    }
    const globals = parser.globals;
    if (!parser.hasAction) {
      const print: Node = {
        kind: 'test',
        run: (v) => {
          rt.out(`${v.path}\n`);
          return true;
        },
        action: true,
      };
      expr = expr ? { kind: 'and', left: expr, right: print } : print;
    }
    const fs = ctx.fs;
    const walk = async (visit: Visit): Promise<void> => {
      if (rt.quit) return;
      rt.pruned = false;
      const inRange = visit.depth >= globals.minDepth;
      if (!globals.depthFirst && inRange) await evaluate(expr!, visit);
      const pruned = rt.pruned;
      if (visit.stat.kind === 'dir' && visit.depth < globals.maxDepth && !pruned && !rt.quit) {
        let names: string[] = [];
        try {
          names = fs.readdir(visit.abs).map((e) => e.name);
        } catch (error) {
          flush();
          inv.error(FIND.noSuchFile(visit.path, reasonOf(error)));
          rt.status = 1;
        }
        for (const name of names) {
          const abs = `${visit.abs === '/' ? '' : visit.abs}/${name}`;
          let stat: Stat;
          try {
            stat = follow || globals.follow ? fs.stat(abs) : fs.lstat(abs);
          } catch (error) {
            flush();
            inv.error(FIND.noSuchFile(`${visit.path}/${name}`, reasonOf(error)));
            rt.status = 1;
            continue;
          }
          const path = visit.path.endsWith('/') ? `${visit.path}${name}` : `${visit.path}/${name}`;
          await walk({ path, abs, name, depth: visit.depth + 1, stat, start: visit.start });
          if (rt.quit) return;
        }
      }
      if (globals.depthFirst && inRange && !rt.quit) await evaluate(expr!, visit);
    };
    for (const start of starts.length > 0 ? starts : ['.']) {
      let stat: Stat;
      let abs: string;
      try {
        abs = inv.path(start);
        stat = follow ? fs.stat(abs) : fs.lstat(abs);
        if (stat.kind === 'symlink' && start.endsWith('/')) stat = fs.stat(abs);
      } catch (error) {
        flush();
        inv.error(FIND.noSuchFile(start, codeOf(error) === 'ENOENT' ? reasonOf(error) : reasonOf(error)));
        rt.status = 1;
        continue;
      }
      const trimmed = start.replace(/\/+$/, '');
      const name = trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
      await walk({ path: start, abs, name, depth: 0, stat, start });
      if (rt.quit) break;
    }
    for (const batch of rt.batches) {
      if (batch.files.length === 0) continue;
      flush();
      const code = await runCommand(rt, [...batch.argv, ...batch.files]);
      if (code !== 0) rt.status = 1;
    }
    flush();
    return rt.status;
  };
}
