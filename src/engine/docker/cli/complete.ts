/**
 * Tab completion data for the terminal: what may come next on a partial docker command line —
 * subcommand names, or flag names once a word starts with `-`.
 */
import { takesNoValue } from './flags';
import { commandTree, findChild, type CommandNode } from './table';

export interface Completion {
  /** Candidates for the word being typed, sorted, each a whole word. */
  candidates: string[];
  /** What the word under completion is: a command name, a flag, or something we cannot list (a value, an image…). */
  kind: 'command' | 'flag' | 'value' | 'argument';
  /** The canonical command the word belongs to (`['container', 'run']` for `docker run`). */
  command: string[];
  /** How many positional arguments come before the word (0 or 1: only the first one is told apart). */
  positionalsBefore: number;
}

function visibleChildren(node: CommandNode): string[] {
  const names = new Set<string>();
  for (const [name, child] of node.children) {
    if (child.spec.hidden || child.spec.helpOnly) continue;
    names.add(name);
  }
  // docker's own build commands are the plugin's when buildx is installed
  if (node.spec.path.length === 0) names.add('build').add('builder').add('bake').add('help');
  if (node.spec.path.join(' ') === 'image') names.add('build');
  return [...names];
}

function flagNames(node: CommandNode): string[] {
  const names: string[] = [];
  for (const flag of node.flagSet.flags) {
    if (flag.hidden && flag.name !== 'help') continue;
    names.push(`--${flag.name}`);
    if (flag.short && !flag.shorthandDeprecated) names.push(`-${flag.short}`);
  }
  return names;
}

/**
 * Completes `docker WORDS… PARTIAL`: `words` are the complete words after `docker`, `partial` the
 * word being typed (possibly empty).
 */
export function completeDockerCommandLine(words: readonly string[], partial: string): Completion {
  const tree = commandTree();
  let node = tree.docker;
  let expectValue = false;
  let positional = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (expectValue) {
      expectValue = false;
      continue;
    }
    if (word === '--') {
      positional = true;
      break;
    }
    if (word.startsWith('--')) {
      const name = word.slice(2);
      expectValue = !name.includes('=') && node.flagSet.byName.has(name) && !takesNoValue(node.flagSet, name, false);
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      // a group of short flags: the first one taking a value takes the rest of the word, or the next word
      for (let c = 1; c < word.length; c++) {
        const flag = node.flagSet.byShort.get(word[c]!);
        if (!flag || word[c + 1] === '=') break;
        if (!takesNoValue(node.flagSet, word[c]!, true)) {
          expectValue = c === word.length - 1;
          break;
        }
      }
      continue;
    }
    // the plugin's aliases
    let next: CommandNode | undefined;
    if (node === tree.docker && (word === 'build' || word === 'bake')) next = findChild(tree.buildx, word);
    else if (node === tree.docker && word === 'builder') next = tree.buildx;
    else if (node.spec.path.join(' ') === 'image' && word === 'build') next = findChild(tree.buildx, 'build');
    else next = findChild(node, word);
    if (next && node.spec.sections) {
      node = next;
      continue;
    }
    positional = true;
    break;
  }
  const command = node.spec.canonical ?? node.spec.path;
  const positionalsBefore = positional ? 1 : 0;
  if (expectValue) return { candidates: [], kind: 'value', command, positionalsBefore };
  if (partial.startsWith('-')) {
    return { candidates: flagNames(node).filter((name) => name.startsWith(partial)).sort(), kind: 'flag', command, positionalsBefore };
  }
  if (!positional && node.spec.sections) {
    return { candidates: visibleChildren(node).filter((name) => name.startsWith(partial)).sort(), kind: 'command', command, positionalsBefore };
  }
  return { candidates: [], kind: 'argument', command, positionalsBefore };
}
