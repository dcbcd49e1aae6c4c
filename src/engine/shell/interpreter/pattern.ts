/**
 * Bash patterns (`*`, `?`, `[…]`, with backslash quoting) for pathname expansion, `case`, `[[ == ]]`
 * and the `${x#pat}` family. A pattern string marks quoted characters with a backslash before
 * them, so `"*"` in a word becomes `\*` here and matches only a star.
 */
import type { FileSystem } from '../../fs/types';

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
  word: 'a-zA-Z0-9_',
};

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** Inside a character class `-` needs quoting too. */
function escapeClass(c: string): string {
  return c === '-' ? '\\-' : escapeRegex(c);
}

/** True when the pattern has an unquoted `*`, `?` or `[`. */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Removes the quoting backslashes of a pattern: the literal text it stands for. */
export function unescapePattern(pattern: string): string {
  if (!pattern.includes('\\')) return pattern;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) out += pattern[++i];
    else out += c;
  }
  return out;
}

/** Quotes every pattern character of a literal text. */
export function escapePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** Parses a bracket expression at `i` (the `[`); returns the regex class and the index after `]`, or null. */
function bracket(pattern: string, i: number): { re: string; end: number } | null {
  let j = i + 1;
  let negate = false;
  if (pattern[j] === '!' || pattern[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  for (;;) {
    if (j >= pattern.length) return null;
    let c = pattern[j]!;
    if (c === ']' && !first) break;
    first = false;
    if (c === '[' && pattern[j + 1] === ':') {
      const close = pattern.indexOf(':]', j + 2);
      if (close > 0) {
        const name = pattern.slice(j + 2, close);
        const cls = CLASSES[name];
        if (cls !== undefined) {
          body += cls;
          j = close + 2;
          continue;
        }
      }
    }
    if (c === '\\' && j + 1 < pattern.length) {
      j++;
      c = pattern[j]!;
    }
    // A range a-z (the `-` is literal at the start or the end).
    if (pattern[j + 1] === '-' && pattern[j + 2] !== undefined && pattern[j + 2] !== ']') {
      let hi = pattern[j + 2]!;
      let step = 3;
      if (hi === '\\' && pattern[j + 3] !== undefined) {
        hi = pattern[j + 3]!;
        step = 4;
      }
      if (c.codePointAt(0)! <= hi.codePointAt(0)!) body += `${escapeClass(c)}-${escapeClass(hi)}`;
      j += step;
      continue;
    }
    body += escapeClass(c);
    j++;
  }
  if (body === '') return { re: negate ? '[^]' : '[]', end: j + 1 };
  return { re: `[${negate ? '^' : ''}${body}]`, end: j + 1 };
}

/** The regex source for a pattern (unanchored); `*` and `?` never match `/` when `path` is set. */
export function patternSource(pattern: string, path = false): string {
  let re = '';
  const any = path ? '[^/]' : '[^]';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (i + 1 < pattern.length) re += escapeRegex(pattern[++i]!);
      else re += '\\\\';
    } else if (c === '*') {
      while (pattern[i + 1] === '*') i++;
      re += `${any}*`;
    } else if (c === '?') {
      re += any;
    } else if (c === '[') {
      const b = bracket(pattern, i);
      if (b === null) re += '\\[';
      else {
        re += b.re;
        i = b.end - 1;
      }
    } else {
      re += escapeRegex(c);
    }
  }
  return re;
}

const cache = new Map<string, RegExp>();

function compiled(key: string, source: () => string, flags = 'u'): RegExp {
  let re = cache.get(key);
  if (re === undefined) {
    try {
      re = new RegExp(source(), flags);
    } catch {
      re = /(?!)/;
    }
    if (cache.size > 500) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** Does the whole text match the pattern? */
export function matchPattern(pattern: string, text: string): boolean {
  if (!hasGlob(pattern)) return unescapePattern(pattern) === text;
  return compiled(`m${pattern}`, () => `^(?:${patternSource(pattern)})$`).test(text);
}

/**
 * `${x#pat}` and friends: removes the shortest/longest match of the pattern at the start
 * (`prefix`) or the end of the text.
 */
export function removeMatch(text: string, pattern: string, where: 'prefix' | 'suffix', longest: boolean): string {
  const re = compiled(`m${pattern}`, () => `^(?:${patternSource(pattern)})$`);
  const chars = Array.from(text);
  const n = chars.length;
  if (where === 'prefix') {
    if (longest) {
      for (let k = n; k >= 0; k--) if (re.test(chars.slice(0, k).join(''))) return chars.slice(k).join('');
    } else {
      for (let k = 0; k <= n; k++) if (re.test(chars.slice(0, k).join(''))) return chars.slice(k).join('');
    }
  } else if (longest) {
    for (let k = 0; k <= n; k++) if (re.test(chars.slice(k).join(''))) return chars.slice(0, k).join('');
  } else {
    for (let k = n; k >= 0; k--) if (re.test(chars.slice(k).join(''))) return chars.slice(0, k).join('');
  }
  return text;
}

/** `${x/pat/rep}`: replaces the first (or every) longest match; `#`/`%` anchor it. */
export function replaceMatch(text: string, pattern: string, replacement: string, mode: 'first' | 'all' | 'prefix' | 'suffix'): string {
  const re = compiled(`m${pattern}`, () => `^(?:${patternSource(pattern)})$`);
  const chars = Array.from(text);
  const n = chars.length;
  if (mode === 'prefix') {
    for (let k = n; k >= 0; k--) if (re.test(chars.slice(0, k).join(''))) return replacement + chars.slice(k).join('');
    return text;
  }
  if (mode === 'suffix') {
    for (let k = 0; k <= n; k++) if (re.test(chars.slice(k).join(''))) return chars.slice(0, k).join('') + replacement;
    return text;
  }
  if (pattern === '') return text;
  let out = '';
  let i = 0;
  let replaced = false;
  while (i <= n) {
    let matched = -1;
    if (!(replaced && mode === 'first')) {
      for (let k = n; k > i; k--) {
        if (re.test(chars.slice(i, k).join(''))) {
          matched = k;
          break;
        }
      }
    }
    if (matched > i) {
      out += replacement;
      i = matched;
      replaced = true;
      continue;
    }
    if (i < n) out += chars[i];
    i++;
  }
  return out;
}

/** Sorting of pathname expansion results: byte order, as bash in C.UTF-8. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Pathname expansion: the sorted paths matching the pattern, or an empty list. Paths are given
 * as the pattern wrote them (relative stays relative). Names starting with `.` match only a
 * pattern component that starts with a literal `.`; `.` and `..` are never produced.
 */
export function expandPathname(fs: FileSystem, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/');
  // Leading '' for absolute paths; a trailing '' when the pattern ends with '/'.
  let results: string[] = [absolute ? '/' : ''];
  const start = absolute ? 1 : 0;
  const toFs = (p: string): string => (p === '' ? cwd : p.startsWith('/') ? p : cwd === '/' ? `/${p}` : `${cwd}/${p}`);
  const join = (base: string, name: string): string => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
  for (let c = start; c < components.length; c++) {
    const comp = components[c]!;
    const last = c === components.length - 1;
    if (comp === '') {
      if (last) {
        // Trailing slash: keep directories only.
        results = results.filter((p) => isDir(fs, toFs(p))).map((p) => (p.endsWith('/') ? p : `${p}/`));
      }
      continue;
    }
    const next: string[] = [];
    if (!hasGlob(comp)) {
      const name = unescapePattern(comp);
      for (const base of results) {
        const path = join(base, name);
        if (last ? exists(fs, toFs(path)) : isDir(fs, toFs(path))) next.push(path);
      }
    } else {
      const re = compiled(`p${comp}`, () => `^(?:${patternSource(comp, true)})$`);
      const dotOk = comp.startsWith('.') || comp.startsWith('\\.');
      for (const base of results) {
        let entries;
        try {
          entries = fs.readdir(toFs(base));
        } catch {
          continue;
        }
        const names: string[] = [];
        for (const entry of entries) {
          const name = entry.name;
          if (name.startsWith('.') && !dotOk) continue;
          if (re.test(name)) names.push(name);
        }
        names.sort(compare);
        for (const name of names) {
          const path = join(base, name);
          if (!last && !isDir(fs, toFs(path))) continue;
          next.push(path);
        }
      }
    }
    results = next;
    if (results.length === 0) return [];
  }
  return results.sort(compare);
}

function exists(fs: FileSystem, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

function isDir(fs: FileSystem, path: string): boolean {
  try {
    return fs.stat(path).kind === 'dir';
  } catch {
    return false;
  }
}
