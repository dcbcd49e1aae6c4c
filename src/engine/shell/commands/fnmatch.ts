/**
 * fnmatch(3) without flags, as find -name and grep --include use it: `*` and `?` match any
 * characters (a leading dot included), `[abc]`, `[!a-z]`, `[^a-z]`, `[[:digit:]]`, and `\x` for a
 * literal x.
 */

const CLASSES: Record<string, (c: string) => boolean> = {
  alpha: (c) => /\p{L}/u.test(c),
  digit: (c) => /[0-9]/.test(c),
  alnum: (c) => /[\p{L}0-9]/u.test(c),
  upper: (c) => /\p{Lu}/u.test(c),
  lower: (c) => /\p{Ll}/u.test(c),
  space: (c) => /\s/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
  print: (c) => /[^\p{C}]/u.test(c),
  graph: (c) => /[^\p{C}\s]/u.test(c),
  cntrl: (c) => /\p{Cc}/u.test(c),
  xdigit: (c) => /[0-9a-fA-F]/.test(c),
};

/** Matches a bracket expression at `p[at]` (the `[`) against `c`; null when it is not one. */
function bracket(p: string[], at: number, c: string, fold: boolean): { matched: boolean; next: number } | null {
  let j = at + 1;
  let negate = false;
  if (p[j] === '!' || p[j] === '^') {
    negate = true;
    j += 1;
  }
  let matched = false;
  let first = true;
  const cmp = (x: string) => (fold ? x.toLowerCase() : x);
  while (j < p.length) {
    const ch = p[j]!;
    if (ch === ']' && !first) return { matched: matched !== negate, next: j + 1 };
    first = false;
    if (ch === '[' && p[j + 1] === ':') {
      const end = p.indexOf(':', j + 2);
      if (end !== -1 && p[end + 1] === ']') {
        const test = CLASSES[p.slice(j + 2, end).join('')];
        if (test?.(c)) matched = true;
        j = end + 2;
        continue;
      }
    }
    let lo = ch;
    if (ch === '\\' && j + 1 < p.length) {
      lo = p[j + 1]!;
      j += 1;
    }
    if (p[j + 1] === '-' && p[j + 2] !== undefined && p[j + 2] !== ']') {
      const hi = p[j + 2]!;
      const code = cmp(c).codePointAt(0)!;
      if (code >= cmp(lo).codePointAt(0)! && code <= cmp(hi).codePointAt(0)!) matched = true;
      j += 3;
      continue;
    }
    if (cmp(lo) === cmp(c)) matched = true;
    j += 1;
  }
  return null;
}

export function fnmatch(pattern: string, text: string, options: { fold?: boolean } = {}): boolean {
  const p = [...pattern];
  const t = [...text];
  const fold = options.fold ?? false;
  const memo = new Map<string, boolean>();
  const match = (pi: number, ti: number): boolean => {
    const key = `${pi},${ti}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (pi === p.length) result = ti === t.length;
    else {
      const pc = p[pi]!;
      if (pc === '*') {
        result = match(pi + 1, ti) || (ti < t.length && match(pi, ti + 1));
      } else if (ti === t.length) {
        result = false;
      } else if (pc === '?') {
        result = match(pi + 1, ti + 1);
      } else if (pc === '[') {
        const b = bracket(p, pi, t[ti]!, fold);
        result = b === null ? t[ti] === '[' && match(pi + 1, ti + 1) : b.matched && match(b.next, ti + 1);
      } else if (pc === '\\' && pi + 1 < p.length) {
        const lit = p[pi + 1]!;
        result = (fold ? lit.toLowerCase() === t[ti]!.toLowerCase() : lit === t[ti]) && match(pi + 2, ti + 1);
      } else {
        result = (fold ? pc.toLowerCase() === t[ti]!.toLowerCase() : pc === t[ti]) && match(pi + 1, ti + 1);
      }
    }
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}
