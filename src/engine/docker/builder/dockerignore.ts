/**
 * `.dockerignore`: moby/patternmatcher (Go filepath.Match per path segment, `**`, `!` exceptions,
 * the last matching pattern wins) and the ignorefile reader (comments, trimming, cleaning).
 */

export interface Pattern {
  /** The cleaned pattern, without `!`. */
  text: string;
  exclusion: boolean;
  /** Path segments (split on `/`). */
  dirs: string[];
  regex: RegExp | null;
}

/** path.Clean (slash paths). */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** ignorefile.ReadAll: one pattern per line; `#` comments; trimmed; cleaned; leading `/` dropped. */
export function readDockerignore(text: string): string[] {
  const out: string[] = [];
  let first = true;
  for (let line of text.split('\n')) {
    if (first) {
      line = line.replace(/^\ufeff/, '');
      first = false;
    }
    line = line.replace(/\r$/, '');
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    let invert = false;
    if (pattern.startsWith('!')) {
      invert = true;
      pattern = pattern.slice(1).trim();
    }
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    out.push(invert ? `!${pattern}` : pattern);
  }
  return out;
}

/** patternmatcher's regexp for one pattern (filepath.Match syntax plus `**`). */
function compile(pattern: string): RegExp | null {
  let re = '^';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') {
      if (chars[i + 1] === '*') {
        i++;
        // `**/` is `**`
        if (chars[i + 1] === '/') i++;
        re += i + 1 >= chars.length ? '.*' : '(.*/)?';
        continue;
      }
      re += '[^/]*';
    } else if (ch === '?') {
      re += '[^/]';
    } else if ('.+()|{}^$'.includes(ch)) {
      re += `\\${ch}`;
    } else if (ch === '\\') {
      const nx = chars[i + 1];
      if (nx === undefined) re += '\\\\';
      else {
        re += /[A-Za-z0-9]/.test(nx) ? nx : `\\${nx}`;
        i++;
      }
    } else {
      re += ch;
    }
  }
  re += '$';
  try {
    return new RegExp(re, 'u');
  } catch {
    return null;
  }
}

export class PatternMatcher {
  readonly patterns: Pattern[];
  readonly hasExclusions: boolean;

  constructor(lines: readonly string[]) {
    this.patterns = [];
    for (const raw of lines) {
      let p = raw.trim();
      if (p === '') continue;
      p = cleanPath(p);
      let exclusion = false;
      if (p.startsWith('!')) {
        if (p.length === 1) continue;
        exclusion = true;
        p = p.slice(1);
      }
      this.patterns.push({ text: p, exclusion, dirs: p.split('/'), regex: compile(p) });
    }
    this.hasExclusions = this.patterns.some((p) => p.exclusion);
  }

  /**
   * MatchesOrParentMatches: is `file` (slash path relative to the context) excluded? A pattern
   * that matches a parent directory matches the file too.
   */
  matches(file: string): boolean {
    const path = cleanPath(file);
    const parents = path.split('/');
    parents.pop();
    let matched = false;
    for (const p of this.patterns) {
      if (p.exclusion !== matched) continue;
      let hit = p.regex?.test(path) ?? false;
      for (let i = 0; !hit && i < parents.length; i++) hit = p.regex?.test(parents.slice(0, i + 1).join('/')) ?? false;
      if (hit) matched = !p.exclusion;
    }
    return matched;
  }

  /** Could a pattern re-include something below `dir` (an exclusion that starts inside it)? */
  mayIncludeBelow(dir: string): boolean {
    if (!this.hasExclusions) return false;
    const prefix = `${cleanPath(dir)}/`;
    return this.patterns.some((p) => p.exclusion && (p.text.startsWith(prefix) || p.text.includes('*') || p.text.includes('?') || p.text.includes('[')));
  }
}
