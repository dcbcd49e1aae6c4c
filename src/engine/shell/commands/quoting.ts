/**
 * How GNU programs quote file names (gnulib's quotearg, in a UTF-8 locale):
 *  - `quoteLocale` (`quote()`): ‘name’, used by mkdir, head, tr… in messages like
 *    `mkdir: cannot create directory ‘models’: File exists`;
 *  - `quoteShellEscape` (`quotef()`, ls's default on a terminal): bare when the shell would read the
 *    name back unchanged, else 'single quoted', "it's" in double quotes, control characters as $'\n';
 *  - `quoteShellAlways` (`quoteaf()`): the same but always quoted, as in
 *    `rm: cannot remove 'x': No such file or directory`.
 */

const C_ESCAPES: Record<string, string> = {
  '\x07': 'a',
  '\b': 'b',
  '\f': 'f',
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
  '\v': 'v',
};

function isControl(char: string): boolean {
  return /^\p{Cc}$/u.test(char);
}

function cEscape(char: string): string {
  const named = C_ESCAPES[char];
  if (named) return `\\${named}`;
  return `\\${char.codePointAt(0)!.toString(8).padStart(3, '0')}`;
}

/** ‘name’ with C escapes for control characters and backslashes (quotearg's locale style). */
export function quoteLocale(name: string): string {
  let body = '';
  for (const char of name) {
    if (char === '\\') body += '\\\\';
    else if (isControl(char)) body += cEscape(char);
    else body += char;
  }
  return `‘${body}’`;
}

/** Characters the shell treats specially anywhere in a word. */
const SHELL_SPECIAL = new Set(['!', '"', '$', '&', '(', ')', '*', ';', '<', '=', '>', '[', '^', '`', '|', '\\', ' ', "'"]);

/**
 * Per character: does it force quoting, and would it read the same inside C-style double quotes
 * (which lets a name with a single quote be shown as "it's" instead of 'it'\''s')?
 */
function classify(char: string, index: number, whole: string): { special: boolean; compatible: boolean } {
  if (isControl(char)) return { special: true, compatible: false };
  if (char === "'" || char === ' ') return { special: true, compatible: true };
  if (char === '#' || char === '~') return index === 0 ? { special: true, compatible: true } : { special: false, compatible: false };
  if (char === '{' || char === '}') return whole.length === 1 ? { special: true, compatible: true } : { special: false, compatible: false };
  if (SHELL_SPECIAL.has(char)) return { special: true, compatible: false };
  return { special: false, compatible: true };
}

function shellQuote(name: string, always: boolean): string {
  if (name === '') return "''";
  const chars = [...name];
  let needsQuotes = always;
  let allCompatible = true;
  let hasSingleQuote = false;
  chars.forEach((char, index) => {
    const { special, compatible } = classify(char, index, name);
    if (special) needsQuotes = true;
    if (!compatible) allCompatible = false;
    if (char === "'") hasSingleQuote = true;
  });
  if (!needsQuotes) return name;
  if (hasSingleQuote && allCompatible) return `"${name}"`;
  let out = "'";
  let inDollarQuote = false;
  for (const char of chars) {
    if (isControl(char)) {
      if (!inDollarQuote) {
        out += "'$'";
        inDollarQuote = true;
      }
      out += cEscape(char);
      continue;
    }
    if (char === "'") {
      out += "'\\''";
      inDollarQuote = false;
      continue;
    }
    if (inDollarQuote) {
      out += "''";
      inDollarQuote = false;
    }
    out += char;
  }
  return `${out}'`;
}

/** Quoted only when needed (gnulib's shell-escape style): `ls` on a terminal, `cat`'s messages. */
export function quoteShellEscape(name: string): string {
  return shellQuote(name, false);
}

/** Always quoted (shell-escape-always): `rm: cannot remove 'x'`, `ls: cannot access 'x'`. */
export function quoteShellAlways(name: string): string {
  return shellQuote(name, true);
}

/** Whether quoteShellEscape would change the name (ls aligns the other names by one space then). */
export function needsShellQuoting(name: string): boolean {
  return quoteShellEscape(name) !== name;
}
