/** Diagnostics and report lines of GNU diffutils 3.8 diff and cmp (plain '…' quotes, unlike coreutils). */

export const DIFF = {
  missingOperand: (after: string | undefined) => (after === undefined ? 'missing operand' : `missing operand after '${after}'`),
  extraOperand: (operand: string) => `extra operand '${operand}'`,
  /** diffutils prefixes its hint with the program name, unlike coreutils. */
  tryHelp: (program: string) => `${program}: Try '${program} --help' for more information.`,
  fileError: (name: string, reason: string) => `${name}: ${reason}`,
  cmpDiffer: (a: string, b: string, byte: number, line: number) => `${a} ${b} differ: byte ${byte}, line ${line}`,
  cmpEof: (name: string, byte: number, line: number) => `EOF on ${name} after byte ${byte}, line ${line}`,
  cmpEmpty: (name: string) => `EOF on ${name} which is empty`,
  noNewline: '\\ No newline at end of file',
  identical: (a: string, b: string) => `Files ${a} and ${b} are identical`,
  differ: (a: string, b: string) => `Files ${a} and ${b} differ`,
  onlyIn: (dir: string, name: string) => `Only in ${dir}: ${name}`,
  commonSubdirectories: (a: string, b: string) => `Common subdirectories: ${a} and ${b}`,
  dirVsFile: (dir: string, file: string) => `File ${dir} is a directory while file ${file} is a regular file`,
  fileVsDir: (file: string, dir: string) => `File ${file} is a regular file while file ${dir} is a directory`,
};
