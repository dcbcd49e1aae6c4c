/**
 * POSIX path helpers (lexical only: they never look at a filesystem, so `..` after a symlink is
 * not resolved physically — the filesystem's own lookup does that). No Node imports.
 */

/**
 * Lexical normalisation as `path.posix.normalize` does it: collapses repeated `/`, removes `.`,
 * folds `..` (never above `/` for absolute paths), keeps one trailing `/` when the input had one.
 * `''` becomes `'.'`, `a/../` becomes `./`.
 */
export function normalize(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const trailing = path.endsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  let result = (absolute ? '/' : '') + out.join('/');
  if (result === '') result = absolute ? '/' : '.';
  if (trailing && result !== '/') result += '/';
  return result;
}

/** Joins the parts with `/` and normalises; empty parts are skipped. `join()` is `'.'`. */
export function join(...parts: string[]): string {
  const nonEmpty = parts.filter((p) => p !== '');
  if (nonEmpty.length === 0) return '.';
  return normalize(nonEmpty.join('/'));
}

/**
 * An absolute, normalised path (no trailing slash, except for `/`) for `path` seen from `cwd`.
 * Further arguments are applied in turn, as `path.posix.resolve` does.
 */
export function resolve(cwd: string, ...paths: string[]): string {
  let acc = cwd.startsWith('/') ? cwd : `/${cwd}`;
  for (const p of paths) {
    if (p === '') continue;
    acc = p.startsWith('/') ? p : `${acc}/${p}`;
  }
  return stripTrailing(normalize(acc));
}

/** `dirname(3)`: `/a/b/` → `/a`, `a` → `.`, `/` → `/`. */
export function dirname(path: string): string {
  if (path === '') return '.';
  const p = stripTrailing(path);
  if (p === '/') return '/';
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return stripTrailing(p.slice(0, i));
}

/** `basename(1)`: `/a/b/` → `b`, `/` → `/`. With `suffix`, removes it unless it is the whole name. */
export function basename(path: string, suffix?: string): string {
  if (path === '') return '';
  const p = stripTrailing(path);
  if (p === '/') return '/';
  let base = p.slice(p.lastIndexOf('/') + 1);
  if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  return base;
}

/** True for paths starting with `/`. */
export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/** The non-empty components of a path (`.` and `..` kept): `/a//b/` → `['a', 'b']`. */
export function split(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
}

/** True when `path` equals `ancestor` or lies below it (both absolute and normalised). */
export function isWithin(ancestor: string, path: string): boolean {
  if (ancestor === '/') return path.startsWith('/');
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** `relative('/a/b', '/a/c/d')` → `../c/d` (both absolute). */
export function relative(from: string, to: string): string {
  const a = split(normalize(from));
  const b = split(normalize(to));
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function stripTrailing(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}
