/**
 * Command-line option parsing as glibc's getopt_long does it for coreutils: bundled short options
 * (`-la`), attached or separate arguments (`-n5`, `-n 5`, `--lines=5`, `--lines 5`), unique
 * prefixes of long options (`--al` is ambiguous, `--alm` is `--almost-all`), `--` ending the options,
 * a lone `-` as an operand, and operands and options in any order unless the program stops at the
 * first operand (like `env` and `xargs`, getopt's leading `+`). Errors come back as the exact line
 * glibc prints (without the program name), for the caller to follow with its "Try … --help" line.
 */
import { GETOPT } from './messages/common';

export type ArgumentKind = 'none' | 'required' | 'optional';

export interface OptionDef<K extends string = string> {
  /** What the program switches on. Several definitions may share a key (`-R` and `-r`). */
  key: K;
  /** One character: `a` for `-a`. */
  short?: string;
  /** Long names without dashes: `all` for `--all`. */
  long?: string | readonly string[];
  arg?: ArgumentKind;
}

export interface ParsedOption<K extends string = string> {
  key: K;
  /** The argument, when the option takes one and it was given. */
  value?: string;
  /** How the option was written, for messages: `-n` or `--lines`. */
  spelled: string;
}

export interface ParsedArgs<K extends string = string> {
  ok: true;
  /** Options in the order given: later ones override earlier ones where that matters. */
  options: ParsedOption<K>[];
  operands: string[];
}

export interface ParseFailure {
  ok: false;
  /** The diagnostic glibc prints, e.g. `invalid option -- 'z'`. */
  message: string;
}

export interface ParseSettings {
  /** Stop at the first operand, as getopt does with a leading `+` in its option string. */
  stopAtFirstOperand?: boolean;
  /**
   * Decides whether an argument that starts with `-` is taken as options at all; used by programs
   * that accept things like `-5` (head) or `+3` themselves. Returns an operand-like rewrite or null.
   */
  special?: (arg: string) => ParsedOption<string> | null;
}

function longNames(def: OptionDef): readonly string[] {
  if (def.long === undefined) return [];
  return typeof def.long === 'string' ? [def.long] : def.long;
}

export function parseArgs<K extends string>(
  args: readonly string[],
  defs: readonly OptionDef<K>[],
  settings: ParseSettings = {},
): ParsedArgs<K> | ParseFailure {
  const options: ParsedOption<K>[] = [];
  const operands: string[] = [];
  let index = 0;
  while (index < args.length) {
    const arg = args[index]!;
    index += 1;
    if (arg === '--') {
      operands.push(...args.slice(index));
      break;
    }
    if (settings.special) {
      const rewritten = settings.special(arg);
      if (rewritten) {
        options.push(rewritten as ParsedOption<K>);
        continue;
      }
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const attached = eq === -1 ? undefined : arg.slice(eq + 1);
      const exact = defs.find((def) => longNames(def).includes(name));
      let def: OptionDef<K> | undefined = exact;
      let fullName = name;
      if (!def) {
        const candidates: { def: OptionDef<K>; name: string }[] = [];
        for (const candidate of defs) {
          for (const long of longNames(candidate)) {
            if (long.startsWith(name)) candidates.push({ def: candidate, name: long });
          }
        }
        if (candidates.length === 0) {
          return { ok: false, message: GETOPT.unrecognized(arg) };
        }
        const first = candidates[0]!;
        const distinct = candidates.some((c) => c.def.key !== first.def.key || (c.def.arg ?? 'none') !== (first.def.arg ?? 'none'));
        if (distinct) {
          return { ok: false, message: GETOPT.ambiguous(`--${name}`, candidates.map((c) => `--${c.name}`)) };
        }
        def = first.def;
        fullName = first.name;
      }
      const kind = def.arg ?? 'none';
      if (kind === 'none') {
        if (attached !== undefined) return { ok: false, message: GETOPT.noArgumentAllowed(`--${fullName}`) };
        options.push({ key: def.key, spelled: `--${fullName}` });
      } else if (kind === 'optional') {
        options.push(attached === undefined ? { key: def.key, spelled: `--${fullName}` } : { key: def.key, value: attached, spelled: `--${fullName}` });
      } else if (attached !== undefined) {
        options.push({ key: def.key, value: attached, spelled: `--${fullName}` });
      } else if (index < args.length) {
        options.push({ key: def.key, value: args[index]!, spelled: `--${fullName}` });
        index += 1;
      } else {
        return { ok: false, message: GETOPT.longRequiresArgument(`--${fullName}`) };
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let at = 1; at < arg.length; at += 1) {
        const letter = arg[at]!;
        const def = defs.find((d) => d.short === letter);
        if (!def) return { ok: false, message: GETOPT.invalid(letter) };
        const kind = def.arg ?? 'none';
        if (kind === 'none') {
          options.push({ key: def.key, spelled: `-${letter}` });
          continue;
        }
        const rest = arg.slice(at + 1);
        if (rest !== '') {
          options.push({ key: def.key, value: rest, spelled: `-${letter}` });
        } else if (kind === 'optional') {
          options.push({ key: def.key, spelled: `-${letter}` });
        } else if (index < args.length) {
          options.push({ key: def.key, value: args[index]!, spelled: `-${letter}` });
          index += 1;
        } else {
          return { ok: false, message: GETOPT.shortRequiresArgument(letter) };
        }
        break;
      }
      continue;
    }
    operands.push(arg);
    if (settings.stopAtFirstOperand) {
      operands.push(...args.slice(index));
      break;
    }
  }
  return { ok: true, options, operands };
}

/** Whether an option with this key was given. */
export function has<K extends string>(parsed: ParsedArgs<K>, key: K): boolean {
  return parsed.options.some((o) => o.key === key);
}

/** Which of `keys` was given last (options that override each other, like -i, -f and -n). */
export function lastOf<K extends string>(options: readonly ParsedOption<K>[], keys: readonly K[]): K | undefined {
  for (let i = options.length - 1; i >= 0; i -= 1) {
    if (keys.includes(options[i]!.key)) return options[i]!.key;
  }
  return undefined;
}

/** The value of the last occurrence of an option, as GNU programs let the last one win. */
export function lastValue<K extends string>(parsed: ParsedArgs<K>, key: K): string | undefined {
  for (let i = parsed.options.length - 1; i >= 0; i -= 1) {
    const option = parsed.options[i]!;
    if (option.key === key) return option.value;
  }
  return undefined;
}
