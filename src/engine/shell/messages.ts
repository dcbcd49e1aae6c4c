/**
 * Every message the shell itself prints, worded as GNU bash 5.2 prints it (checked against
 * /bin/bash). The `bash: ` prefix (or `script: line N: `) is added by the caller.
 */
export const SHELL = {
  commandNotFound: (name: string) => `${name}: command not found`,
  noSuchFile: (path: string) => `${path}: No such file or directory`,
  permissionDenied: (path: string) => `${path}: Permission denied`,
  isADirectory: (path: string) => `${path}: Is a directory`,
  fsError: (path: string, reason: string) => `${path}: ${reason}`,
  badInterpreter: (path: string, interpreter: string, reason: string) => `${path}: ${interpreter}: bad interpreter: ${reason}`,
  /** bash 5.2 when a `#!` interpreter does not exist (ENOENT from execve). */
  requiredFileNotFound: (path: string) => `${path}: cannot execute: required file not found`,
  execFormat: (path: string) => `${path}: cannot execute binary file: Exec format error`,
  ambiguousRedirect: (word: string) => `${word}: ambiguous redirect`,
  badFd: (fd: string) => `${fd}: Bad file descriptor`,
  badSubstitution: (raw: string) => `${raw}: bad substitution`,
  unboundVariable: (name: string) => `${name}: unbound variable`,
  parameterNullOrNotSet: (name: string) => `${name}: parameter null or not set`,
  parameterNotSet: (name: string) => `${name}: parameter not set`,
  notValidIdentifier: (name: string) => `\`${name}': not a valid identifier`,
  readonlyVariable: (name: string) => `${name}: readonly variable`,
  heredocEof: (line: number, delimiter: string) => `warning: here-document at line ${line} delimited by end-of-file (wanted \`${delimiter}')`,
  numericArgumentRequired: (builtin: string, arg: string) => `${builtin}: ${arg}: numeric argument required`,
  tooManyArguments: (builtin: string) => `${builtin}: too many arguments`,
  invalidOption: (builtin: string, option: string) => `${builtin}: ${option}: invalid option`,
  loopOnly: (builtin: string) => `${builtin}: only meaningful in a \`for', \`while', or \`until' loop`,
  returnOutsideFunction: 'return: can only `return\' from a function or sourced script',
  localOutsideFunction: 'local: can only be used in a function',
  cd: {
    homeNotSet: 'cd: HOME not set',
    oldpwdNotSet: 'cd: OLDPWD not set',
    error: (dir: string, reason: string) => `cd: ${dir}: ${reason}`,
    tooMany: 'cd: too many arguments',
  },
  type: {
    notFound: (name: string) => `type: ${name}: not found`,
  },
  source: {
    filenameRequired: '.: filename argument required',
    usage: '.: usage: . filename [arguments]',
  },
  shift: {
    count: (arg: string) => `shift: ${arg}: shift count out of range`,
  },
  history: {
    outOfRange: (arg: string) => `history: ${arg}: history position out of range`,
  },
  test: {
    missingBracket: "[: missing `]'",
    unaryExpected: (cmd: string, op: string) => `${cmd}: ${op}: unary operator expected`,
    binaryExpected: (cmd: string, op: string) => `${cmd}: ${op}: binary operator expected`,
    integerExpected: (cmd: string, arg: string) => `${cmd}: ${arg}: integer expression expected`,
    tooManyArguments: (cmd: string) => `${cmd}: too many arguments`,
    argumentExpected: (cmd: string) => `${cmd}: argument expected`,
    missingParen: (cmd: string) => `${cmd}: \`)' expected`,
  },
};
