/**
 * GNU grep 3.8 (no colours): BRE by default, `-E`, `-F`; `-i -v -w -x -n -c -l -L -o -q -s -h -H
 * -m`, context `-A -B -C` with `--` between groups, several `-e` patterns, `-r`/`-R` through
 * directories (names without `./` when no directory is given), `--include`/`--exclude`.
 * Exit status: 0 a line matched, 1 none, 2 trouble (unless -q found a match).
 */
import { STRERROR } from '../../fs/types';
import type { Program } from '../../process';
import { fnmatch } from './fnmatch';
import { has, parseArgs, type OptionDef } from './getopt';
import { Invocation, reasonOf } from './invocation';
import { COMMON } from './messages/common';
import { GREP } from './messages/grep';
import { compileRegex, RegexError } from './posix-regex';

type Key =
  | 'extended'
  | 'fixed'
  | 'basic'
  | 'perl'
  | 'regexp'
  | 'file'
  | 'ignoreCase'
  | 'noIgnoreCase'
  | 'invert'
  | 'word'
  | 'line'
  | 'count'
  | 'filesWithMatches'
  | 'filesWithoutMatch'
  | 'onlyMatching'
  | 'quiet'
  | 'noMessages'
  | 'lineNumber'
  | 'withFilename'
  | 'noFilename'
  | 'recursive'
  | 'dereferenceRecursive'
  | 'after'
  | 'before'
  | 'context'
  | 'maxCount'
  | 'color'
  | 'include'
  | 'exclude'
  | 'excludeDir'
  | 'text'
  | 'byteOffset'
  | 'nullData'
  | 'label'
  | 'directories';

const OPTIONS: OptionDef<Key>[] = [
  { key: 'extended', short: 'E', long: 'extended-regexp' },
  { key: 'fixed', short: 'F', long: 'fixed-strings' },
  { key: 'basic', short: 'G', long: 'basic-regexp' },
  { key: 'perl', short: 'P', long: 'perl-regexp' },
  { key: 'regexp', short: 'e', long: 'regexp', arg: 'required' },
  { key: 'file', short: 'f', long: 'file', arg: 'required' },
  { key: 'ignoreCase', short: 'i', long: 'ignore-case' },
  { key: 'ignoreCase', short: 'y' },
  { key: 'noIgnoreCase', long: 'no-ignore-case' },
  { key: 'invert', short: 'v', long: 'invert-match' },
  { key: 'word', short: 'w', long: 'word-regexp' },
  { key: 'line', short: 'x', long: 'line-regexp' },
  { key: 'count', short: 'c', long: 'count' },
  { key: 'color', long: ['color', 'colour'], arg: 'optional' },
  { key: 'filesWithoutMatch', short: 'L', long: 'files-without-match' },
  { key: 'filesWithMatches', short: 'l', long: 'files-with-matches' },
  { key: 'maxCount', short: 'm', long: 'max-count', arg: 'required' },
  { key: 'onlyMatching', short: 'o', long: 'only-matching' },
  { key: 'quiet', short: 'q', long: ['quiet', 'silent'] },
  { key: 'noMessages', short: 's', long: 'no-messages' },
  { key: 'byteOffset', short: 'b', long: 'byte-offset' },
  { key: 'withFilename', short: 'H', long: 'with-filename' },
  { key: 'noFilename', short: 'h', long: 'no-filename' },
  { key: 'label', long: 'label', arg: 'required' },
  { key: 'lineNumber', short: 'n', long: 'line-number' },
  { key: 'text', short: 'a', long: 'text' },
  { key: 'recursive', short: 'r', long: 'recursive' },
  { key: 'dereferenceRecursive', short: 'R', long: 'dereference-recursive' },
  { key: 'include', long: 'include', arg: 'required' },
  { key: 'exclude', long: 'exclude', arg: 'required' },
  { key: 'excludeDir', long: 'exclude-dir', arg: 'required' },
  { key: 'after', short: 'A', long: 'after-context', arg: 'required' },
  { key: 'before', short: 'B', long: 'before-context', arg: 'required' },
  { key: 'context', short: 'C', long: 'context', arg: 'required' },
  { key: 'nullData', short: 'z', long: 'null-data' },
  { key: 'directories', short: 'd', long: 'directories', arg: 'required' },
];

interface Source {
  /** As printed before matches. */
  label: string;
  text: string;
}

export const grep: Program = async (ctx) => {
  const inv = new Invocation(ctx);
  const usage = () => {
    ctx.stderr.write(`${GREP.usage}\n`);
    return inv.usageError(null, 2);
  };
  const parsedArgs = parseArgs(inv.args, OPTIONS);
  if (!parsedArgs.ok) {
    inv.error(parsedArgs.message);
    return usage();
  }
  const parsed = parsedArgs;
  const operands = [...parsed.operands];
  const patterns: string[] = [];
  for (const option of parsed.options) {
    if (option.key === 'regexp') patterns.push(...(option.value ?? '').split('\n'));
    if (option.key === 'file') {
      try {
        const text = ctx.fs.readText(inv.path(option.value ?? ''));
        patterns.push(...(text === '' ? [] : text.replace(/\n$/, '').split('\n')));
      } catch (error) {
        inv.error(GREP.fileError(option.value ?? '', reasonOf(error)));
        return 2;
      }
    }
  }
  if (!has(parsed, 'regexp') && !has(parsed, 'file')) {
    const first = operands.shift();
    if (first === undefined) return usage();
    patterns.push(...first.split('\n'));
  }
  let ignoreCase = false;
  let syntax: 'basic' | 'extended' = 'basic';
  let fixed = false;
  let after = 0;
  let before = 0;
  let maxCount = Infinity;
  let directories: 'read' | 'recurse' | 'skip' = 'read';
  for (const option of parsed.options) {
    if (option.key === 'directories') {
      const value = option.value ?? '';
      const match = GREP.directoryActions.find((action) => action.startsWith(value) && value !== '');
      if (!match) {
        inv.error(COMMON.invalidArgument(value, '--directories', GREP.directoryActions.map((action) => [action])));
        ctx.stderr.write(`${GREP.usage}\n`);
        return inv.usageError(null, 1);
      }
      directories = match;
    }
    if (option.key === 'ignoreCase') ignoreCase = true;
    if (option.key === 'noIgnoreCase') ignoreCase = false;
    if (option.key === 'extended') [syntax, fixed] = ['extended', false];
    if (option.key === 'basic') [syntax, fixed] = ['basic', false];
    if (option.key === 'perl') [syntax, fixed] = ['extended', false];
    if (option.key === 'fixed') fixed = true;
    if (option.key === 'after' || option.key === 'before' || option.key === 'context') {
      const value = option.value ?? '';
      if (!/^\d+$/.test(value)) {
        inv.error(GREP.invalidContext(value));
        return 2;
      }
      if (option.key !== 'before') after = Number(value);
      if (option.key !== 'after') before = Number(value);
    }
    if (option.key === 'maxCount') {
      if (!/^-?\d+$/.test(option.value ?? '')) {
        inv.error(GREP.invalidMaxCount);
        return 2;
      }
      maxCount = Number(option.value) < 0 ? Infinity : Number(option.value);
    }
  }
  let regexes: RegExp[];
  try {
    regexes = patterns.map((p) => compileRegex(p, { syntax, fixed, ignoreCase, word: has(parsed, 'word'), line: has(parsed, 'line'), global: true }));
  } catch (error) {
    if (error instanceof RegexError) {
      inv.error(error.message);
      return 2;
    }
    throw error;
  }
  const recursive = has(parsed, 'recursive') || has(parsed, 'dereferenceRecursive') || directories === 'recurse';
  const implicitDot = recursive && operands.length === 0;
  if (operands.length === 0) operands.push(recursive ? '.' : '-');
  const showNames = has(parsed, 'noFilename') ? false : has(parsed, 'withFilename') || operands.length > 1 || recursive;
  const invert = has(parsed, 'invert');
  const quiet = has(parsed, 'quiet');
  const silent = has(parsed, 'noMessages');
  const includes = parsed.options.filter((o) => o.key === 'include').map((o) => o.value ?? '');
  const excludes = parsed.options.filter((o) => o.key === 'exclude').map((o) => o.value ?? '');
  const excludeDirs = parsed.options.filter((o) => o.key === 'excludeDir').map((o) => o.value ?? '');
  let trouble = false;
  let anyMatch = false;
  let out = '';
  const flush = () => {
    if (out !== '') inv.out(out);
    out = '';
  };
  const fail = (message: string) => {
    trouble = true;
    if (silent) return;
    flush();
    inv.error(message);
  };

  const lineMatches = (line: string): boolean => regexes.some((re) => {
    re.lastIndex = 0;
    return re.test(line);
  });

  const summaryOnly = quiet || has(parsed, 'count') || has(parsed, 'filesWithMatches') || has(parsed, 'filesWithoutMatch');

  /** Line-by-line matching for one input, so that a stream (a pipe from a running program) is searched as it arrives. */
  const searcher = (label: string, binary: boolean) => {
    const prefix = (n: number, sep: string) => `${showNames ? `${label}${sep}` : ''}${has(parsed, 'lineNumber') ? `${n + 1}${sep}` : ''}`;
    let n = -1;
    let count = 0;
    let lastPrinted = -1;
    let pendingAfter = 0;
    let printedAny = false;
    const recent: { n: number; line: string }[] = [];
    const silent = summaryOnly || binary;
    return {
      /** Nothing more can be printed for this input. */
      get done(): boolean {
        return (count >= maxCount && pendingAfter === 0) || (quiet && anyMatch);
      },
      feed(line: string): void {
        n += 1;
        const selected = lineMatches(line) !== invert;
        if (count >= maxCount) {
          if (pendingAfter > 0 && !selected && !silent) {
            out += `${prefix(n, '-')}${line}\n`;
            lastPrinted = n;
            pendingAfter -= 1;
          } else {
            pendingAfter = 0;
          }
          return;
        }
        if (!selected) {
          if (pendingAfter > 0 && !silent) {
            out += `${prefix(n, '-')}${line}\n`;
            lastPrinted = n;
            pendingAfter -= 1;
          } else if (before > 0) {
            recent.push({ n, line });
            if (recent.length > before) recent.shift();
          }
          return;
        }
        count += 1;
        anyMatch = true;
        if (silent) return;
        const context = recent.filter((r) => r.n > lastPrinted);
        recent.length = 0;
        const firstShown = context[0]?.n ?? n;
        if ((before > 0 || after > 0) && printedAny && firstShown > lastPrinted + 1) out += '--\n';
        for (const r of context) out += `${prefix(r.n, '-')}${r.line}\n`;
        if (has(parsed, 'onlyMatching')) {
          if (!invert) {
            for (const re of regexes) {
              re.lastIndex = 0;
              for (const m of line.matchAll(re)) if (m[0] !== '') out += `${prefix(n, ':')}${m[0]}\n`;
            }
          }
        } else {
          out += `${prefix(n, ':')}${line}\n`;
        }
        lastPrinted = n;
        printedAny = true;
        pendingAfter = after;
      },
      finish(): void {
        if (has(parsed, 'count') && !quiet) out += `${showNames ? `${label}:` : ''}${count}\n`;
        if (has(parsed, 'filesWithMatches') && count > 0 && !quiet) out += `${label}\n`;
        if (has(parsed, 'filesWithoutMatch') && count === 0 && !quiet) out += `${label}\n`;
        if (binary && count > 0 && !summaryOnly) {
          flush();
          inv.error(GREP.binaryMatches(label));
        }
      },
    };
  };

  const search = (source: Source): void => {
    const s = searcher(source.label, source.text.includes('\0') && !has(parsed, 'text'));
    const lines = source.text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) {
      if (s.done) break;
      s.feed(line);
    }
    s.finish();
  };

  /** Standard input, searched chunk by chunk as it arrives; stops reading once nothing more can print. */
  const searchStream = async (label: string): Promise<void> => {
    let pending = '';
    let s: ReturnType<typeof searcher> | null = null;
    for (;;) {
      const chunk = await ctx.stdin.read();
      if (chunk === null) break;
      s ??= searcher(label, chunk.includes('\0') && !has(parsed, 'text'));
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (!s.done) s.feed(line);
      flush();
      if (s.done) return void s.finish();
    }
    s ??= searcher(label, false);
    if (pending !== '' && !s.done) s.feed(pending);
    s.finish();
  };

  const included = (name: string) =>
    (includes.length === 0 || includes.some((g) => fnmatch(g, name))) && !excludes.some((g) => fnmatch(g, name));

  const walk = (label: string, path: string, top: boolean): void => {
    const fs = ctx.fs;
    let st;
    try {
      st = top || has(parsed, 'dereferenceRecursive') ? fs.stat(path) : fs.lstat(path);
    } catch (error) {
      fail(GREP.fileError(label, reasonOf(error)));
      return;
    }
    if (st.kind === 'symlink') return;
    if (st.kind === 'dir') {
      if (directories === 'skip' && !recursive) return;
      if (!recursive) {
        fail(GREP.fileError(label, STRERROR.EISDIR));
        return;
      }
      let names: string[];
      try {
        names = fs.readdir(path).map((e) => e.name);
      } catch (error) {
        fail(GREP.fileError(label, reasonOf(error)));
        return;
      }
      for (const name of names) {
        const childLabel = implicitDot && top ? name : label.endsWith('/') ? `${label}${name}` : `${label}/${name}`;
        const childPath = `${path}/${name}`;
        let kind: string | null;
        try {
          kind = fs.stat(childPath).kind;
        } catch {
          kind = null;
        }
        if (kind === 'dir' && excludeDirs.some((g) => fnmatch(g, name))) continue;
        if (kind !== 'dir' && !included(name)) continue;
        walk(childLabel, childPath, false);
      }
      return;
    }
    if (!top && !included(label.split('/').pop() ?? label)) return;
    let text: string;
    try {
      text = fs.readText(path);
    } catch (error) {
      fail(GREP.fileError(label, reasonOf(error)));
      return;
    }
    search({ label, text });
  };

  for (const operand of operands) {
    if (operand === '-') {
      await searchStream(parsed.options.find((o) => o.key === 'label')?.value ?? GREP.stdinLabel);
      if (quiet && anyMatch) break;
      continue;
    }
    let path: string;
    try {
      path = inv.path(operand);
    } catch (error) {
      fail(GREP.fileError(operand, reasonOf(error)));
      continue;
    }
    walk(operand, path, true);
    if (quiet && anyMatch) break;
  }
  flush();
  if (quiet && anyMatch) return 0;
  if (trouble) return 2;
  return anyMatch ? 0 : 1;
};
