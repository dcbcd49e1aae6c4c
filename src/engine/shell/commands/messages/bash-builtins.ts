/**
 * Messages of the commands that bash runs as builtins and that live here (echo, printf). Bash
 * prints builtin errors as `bash: NAME: …` at an interactive prompt, usage lines as `NAME: usage: …`.
 */
export const BASH_PREFIX = 'bash';

export const PRINTF = {
  usage: 'printf: usage: printf [-v var] format [arguments]',
  invalidOption: (option: string) => `${option}: invalid option`,
  invalidNumber: (arg: string) => `${arg}: invalid number`,
  outOfRange: (arg: string) => `warning: ${arg}: Numerical result out of range`,
  invalidFormatCharacter: (char: string) => `\`${char}': invalid format character`,
  missingFormatCharacter: (spec: string) => `\`${spec}': missing format character`,
  missingHexDigit: 'missing hex digit for \\x',
  missingUnicodeDigit: (letter: string) => `missing unicode digit for \\${letter}`,
  variableUnsupported: 'printf -v is handled by the shell',
};
