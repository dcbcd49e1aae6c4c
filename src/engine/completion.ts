/**
 * Tab completion for a shell session, as bash + docker's completion script offer it: command names
 * in command position, docker subcommands and flags after `docker`, file names elsewhere. The
 * terminal asks; it never decides what can be completed.
 */
import { completeDockerCommandLine } from './docker/cli/complete';
import { FsError, type FileSystem } from './fs/types';
import { resolve } from './fs/path';
import { BUILTINS } from './shell/builtins';
import type { ShellSession } from './shell/session';

export interface CompletionResult {
  /** Index in the line where the word being completed starts. */
  start: number;
  /** Whole replacement words for line[start..cursor], sorted; directories end in `/`. */
  candidates: string[];
  /** Whether a single candidate should be followed by a space (not after a directory). */
  appendSpace: boolean;
}

const SEPARATORS = new Set([';', '|', '&', '&&', '||', '(', '{', '!', 'then', 'do', 'else', 'elif']);

interface Word {
  text: string;
  start: number;
}

/** Splits the text before the cursor into blank-separated words, with operators as their own words. */
function wordsBefore(text: string): Word[] {
  const words: Word[] = [];
  const pattern = /&&|\|\||[;|&()]|(?:\\.|'[^']*'?|"(?:\\.|[^"\\])*"?|[^\s;|&()])+/gs;
  for (const match of text.matchAll(pattern)) words.push({ text: match[0], start: match.index });
  return words;
}

function unquote(word: string): string {
  return word.replace(/\\(.)|'([^']*)'?|"((?:\\.|[^"\\])*)"?/gs, (_m, esc?: string, single?: string, double?: string) =>
    esc ?? single ?? (double ?? '').replace(/\\(["\\$`])/g, '$1'),
  );
}

/** Quotes a completed name so the shell reads it back as the same word. */
function quoteForShell(name: string): string {
  return name.replace(/([\s'"\\$`!&|;()<>*?[\]#~{}])/g, '\\$1');
}

function listDir(fs: FileSystem, path: string): { name: string; dir: boolean }[] {
  try {
    return fs.readdir(path).map((entry) => {
      let dir = entry.kind === 'dir';
      if (entry.kind === 'symlink') {
        try {
          dir = fs.stat(`${path === '/' ? '' : path}/${entry.name}`).kind === 'dir';
        } catch {
          dir = false;
        }
      }
      return { name: entry.name, dir };
    });
  } catch (error) {
    if (error instanceof FsError) return [];
    throw error;
  }
}

function completePath(session: ShellSession, partial: string, onlyDirs = false): string[] {
  const fs = session.shell.fs;
  const home = session.shell.getVar('HOME') ?? session.home;
  const expanded = partial === '~' ? '~/' : partial;
  const slash = expanded.lastIndexOf('/');
  const typedDir = slash >= 0 ? expanded.slice(0, slash + 1) : '';
  const prefix = expanded.slice(slash + 1);
  const realDir = typedDir.startsWith('~/') ? `${home}/${typedDir.slice(2)}` : typedDir;
  const dirPath = resolve(session.shell.cwd, realDir === '' ? '.' : realDir);
  return listDir(fs, dirPath)
    .filter((entry) => entry.name.startsWith(prefix) && (prefix.startsWith('.') || !entry.name.startsWith('.')))
    .filter((entry) => !onlyDirs || entry.dir)
    .map((entry) => `${typedDir}${quoteForShell(entry.name)}${entry.dir ? '/' : ''}`)
    .sort();
}

function completeCommandName(session: ShellSession, partial: string): string[] {
  if (partial.includes('/')) return completePath(session, partial);
  const names = new Set<string>();
  for (const name of BUILTINS.keys()) if (name.startsWith(partial)) names.add(name);
  const fs = session.shell.fs;
  for (const dir of (session.shell.getVar('PATH') ?? '').split(':')) {
    if (!dir.startsWith('/')) continue;
    for (const entry of listDir(fs, dir)) {
      if (!entry.name.startsWith(partial) || entry.dir) continue;
      if (fs.access(`${dir}/${entry.name}`, 1)) names.add(entry.name);
    }
  }
  return [...names].sort();
}

/** Commands whose arguments are images, or containers; run/create take an image first, then a command. */
const IMAGE_ARGUMENTS = new Set(['image rm', 'image inspect', 'image history', 'image tag', 'image push', 'image save']);
const IMAGE_FIRST = new Set(['container run', 'container create']);
const CONTAINER_ARGUMENTS = new Set([
  'container start', 'container stop', 'container kill', 'container restart', 'container rm', 'container logs',
  'container exec', 'container inspect', 'container attach', 'container wait', 'container port', 'container top',
]);

function dockerObjectNames(session: ShellSession, command: string, positionalsBefore: number, partial: string): string[] | null {
  const names = (source: 'images' | 'containers') => session.host.nameSources.get(source)?.() ?? [];
  let pool: string[];
  if (IMAGE_ARGUMENTS.has(command) || (IMAGE_FIRST.has(command) && positionalsBefore === 0)) pool = names('images');
  else if (CONTAINER_ARGUMENTS.has(command) && !(command === 'container exec' && positionalsBefore > 0)) pool = names('containers');
  else if (command === 'inspect') pool = [...names('containers'), ...names('images')];
  else if (command === 'container cp' && !partial.startsWith('/') && !partial.startsWith('.')) {
    const fromContainer = names('containers').map((name) => `${name}:`);
    const matches = fromContainer.filter((name) => name.startsWith(partial));
    return matches.length > 0 ? matches.sort() : null;
  } else return null;
  return [...new Set(pool)].filter((name) => name.startsWith(partial)).sort();
}

export function complete(session: ShellSession, line: string, cursor: number): CompletionResult {
  const before = line.slice(0, cursor);
  const words = wordsBefore(before);
  const endsInBlank = before.length === 0 || /\s$/.test(before);
  const current: Word = endsInBlank || words.length === 0 ? { text: '', start: cursor } : words.pop()!;
  if (SEPARATORS.has(current.text)) {
    words.push(current);
    return { start: cursor, candidates: [], appendSpace: true };
  }
  let commandStart = 0;
  words.forEach((word, index) => {
    if (SEPARATORS.has(word.text)) commandStart = index + 1;
  });
  const commandWords = words.slice(commandStart).map((word) => unquote(word.text));
  const partial = unquote(current.text);
  let candidates: string[];
  if (commandWords.length === 0) {
    candidates = completeCommandName(session, partial);
  } else if (commandWords[0] === 'docker') {
    const docker = completeDockerCommandLine(commandWords.slice(1), partial);
    if (docker.kind === 'command' || docker.kind === 'flag') candidates = docker.candidates;
    else candidates = dockerObjectNames(session, docker.command.join(' '), docker.positionalsBefore, partial) ?? completePath(session, partial);
  } else if (commandWords[0] === 'cd' || commandWords[0] === 'rmdir') {
    candidates = completePath(session, partial, true);
  } else {
    candidates = completePath(session, partial);
  }
  const appendSpace = !(candidates.length === 1 && (candidates[0]!.endsWith('/') || candidates[0]!.endsWith(':')));
  return { start: current.start, candidates, appendSpace };
}

/** The longest text every candidate starts with. */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0]!;
  for (const candidate of candidates) {
    while (!candidate.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/**
 * What bash prints on a second Tab when several candidates remain: their last path components in
 * columns, filled top to bottom, two spaces apart, as wide as the terminal allows.
 */
export function completionListing(candidates: readonly string[], width: number): string {
  const names = candidates.map((candidate) => {
    const trimmed = candidate.endsWith('/') ? candidate.slice(0, -1) : candidate;
    const last = trimmed.slice(trimmed.lastIndexOf('/') + 1).replace(/\\(.)/g, '$1');
    return candidate.endsWith('/') ? `${last}/` : last;
  });
  const cell = Math.max(...names.map((name) => name.length)) + 2;
  const perRow = Math.max(1, Math.floor((width + 2) / cell));
  const rows = Math.ceil(names.length / perRow);
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    let text = '';
    for (let col = 0; col * rows + row < names.length; col++) {
      const name = names[col * rows + row]!;
      const last = (col + 1) * rows + row >= names.length;
      text += last ? name : name.padEnd(cell);
    }
    lines.push(text);
  }
  return `${lines.join('\n')}\n`;
}
