/**
 * Lines every GNU program shares: glibc getopt's diagnostics and coreutils' usage hints. Program
 * specific wording lives in the catalogue of its family (fileutils, textutils, …).
 */
import { quoteLocale, quoteShellAlways } from '../quoting';

export const GETOPT = {
  invalid: (letter: string) => `invalid option -- '${letter}'`,
  unrecognized: (arg: string) => `unrecognized option '${arg}'`,
  ambiguous: (spelled: string, possibilities: readonly string[]) =>
    `option '${spelled}' is ambiguous; possibilities:${possibilities.map((p) => ` '${p}'`).join('')}`,
  noArgumentAllowed: (spelled: string) => `option '${spelled}' doesn't allow an argument`,
  longRequiresArgument: (spelled: string) => `option '${spelled}' requires an argument`,
  shortRequiresArgument: (letter: string) => `option requires an argument -- '${letter}'`,
};

export const COMMON = {
  tryHelp: (program: string) => `Try '${program} --help' for more information.`,
  missingOperand: 'missing operand',
  missingFileOperand: 'missing file operand',
  missingDestination: (after: string) => `missing destination file operand after ${quoteShellAlways(after)}`,
  extraOperand: (operand: string) => `extra operand ${quoteLocale(operand)}`,
  /** `invalid argument ‘x’ for ‘--color’` followed by the valid values, as argmatch prints them. */
  invalidArgument: (value: string, option: string, valid: readonly (readonly string[])[]) =>
    [
      `invalid argument ${quoteLocale(value)} for ${quoteLocale(option)}`,
      'Valid arguments are:',
      ...valid.map((group) => `  - ${group.map(quoteLocale).join(', ')}`),
    ].join('\n'),
  writeError: 'write error',
};
