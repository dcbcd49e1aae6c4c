/** Diagnostics of GNU sed 4.9 in C.UTF-8. */
import { quoteShellEscape as qf } from '../quoting';

/** `sed -e expression #1, char 5: unterminated `s' command` */
export const sedExpressionError = (expression: number, char: number, message: string) => `-e expression #${expression}, char ${char}: ${message}`;

export const SED = {
  unterminatedS: "unterminated `s' command",
  unterminatedY: "unterminated `y' command",
  unknownOptionS: "unknown option to `s'",
  unknownCommand: (c: string) => `unknown command: \`${c}'`,
  missingCommand: 'missing command',
  extraCharacters: 'extra characters after command',
  unterminatedAddress: 'unterminated address regex',
  invalidReference: (n: number) => `invalid reference \\${n} on \`s' command's RHS`,
  yLengths: "strings for `y' command are different lengths",
  unexpectedBrace: 'unexpected `}\'',
  unmatchedBrace: 'unmatched `{\'',
  oneAddress: 'command only uses one address',
  unexpectedComma: "unexpected `,'",
  colonAddress: ": doesn't want any addresses",
  colonLabel: '":" lacks a label',
  zeroNumber: "number option to `s' command may not be zero",
  multipleG: "multiple `g' options to `s' command",
  multipleP: "multiple `p' options to `s' command",
  multipleNumber: "multiple number options to `s' command",
  missingFilename: 'missing filename in r/R/w/W commands',
  unknownLabel: (label: string) => `can't find label for jump to \`${label}'`,
  invalidUsageLineZero: 'invalid usage of line address 0',
  cantRead: (name: string, reason: string) => `can't read ${name}: ${reason}`,
  readError: (name: string, reason: string) => `read error on ${name}: ${reason}`,
  couldntEdit: (name: string) => `couldn't edit ${qf(name)}: not a regular file`,
  couldntOpen: (name: string, reason: string) => `couldn't open file ${name}: ${reason}`,
  noInputFiles: 'no input files',
  usage: `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the \`l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
`,
};
