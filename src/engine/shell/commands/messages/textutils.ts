/**
 * Diagnostics of coreutils' text filters (cat, head, tail, wc, sort, uniq, cut, tr, tee) in
 * C.UTF-8, each checked against the real program.
 */
import { quoteLocale as q, quoteShellAlways as qa, quoteShellEscape as qf } from '../quoting';

/** `cat: nope: No such file or directory` — the shape most filters share. */
export const fileError = (name: string, reason: string) => `${qf(name)}: ${reason}`;

export const HEAD_TAIL = {
  cannotOpen: (name: string, reason: string) => `cannot open ${qa(name)} for reading: ${reason}`,
  errorReading: (name: string, reason: string) => `error reading ${qa(name)}: ${reason}`,
  invalidLines: (value: string) => `invalid number of lines: ${q(value)}`,
  invalidBytes: (value: string) => `invalid number of bytes: ${q(value)}`,
  header: (name: string) => `==> ${name} <==`,
  noFilesRemaining: 'no files remaining',
};

export const SORT = {
  cannotRead: (name: string, reason: string) => `cannot read: ${qf(name)}: ${reason}`,
  readFailed: (name: string, reason: string) => `read failed: ${qf(name)}: ${reason}`,
  openFailed: (name: string, reason: string) => `open failed: ${qf(name)}: ${reason}`,
  invalidFieldStart: (spec: string) => `invalid number at field start: invalid count at start of ${q(spec)}`,
  invalidFieldEnd: (spec: string) => `invalid number after ',': invalid count at start of ${q(spec)}`,
  fieldZero: (spec: string) => `field number is zero: invalid field specification ${q(spec)}`,
  multiCharTab: (tab: string) => `multi-character tab ${q(tab)}`,
  incompatible: (a: string, b: string) => `options '-${a}${b}' are incompatible`,
};

export const CUT = {
  noList: 'you must specify a list of bytes, characters, or fields',
  onlyOneList: 'only one list may be specified',
  delimiterSingle: 'the delimiter must be a single character',
  fieldsFromOne: 'fields are numbered from 1',
  bytesFromOne: 'byte/character positions are numbered from 1',
  decreasingRange: 'invalid decreasing range',
  invalidField: (value: string) => `invalid field value ${q(value)}`,
  invalidByte: (value: string) => `invalid byte/character position ${q(value)}`,
  invalidRange: (value: string) => `invalid range with no endpoint: ${value}`,
  delimiterOnlyFields: 'an input delimiter may be specified only when operating on fields',
  suppressOnlyFields: 'suppressing non-delimited lines makes sense\n\tonly when operating on fields',
};

export const TR = {
  missingOperandAfter: (operand: string) => `missing operand after ${q(operand)}`,
  twoStrings: 'Two strings must be given when translating.',
  oneStringDelete: 'Only one string may be given when deleting without squeezing repeats.',
  extraOperand: (operand: string) => `extra operand ${q(operand)}`,
  reverseRange: (a: string, b: string) => `range-endpoints of '${a}-${b}' are in reverse collating sequence order`,
  readError: (reason: string) => `read error: ${reason}`,
  invalidClass: (name: string) => `invalid character class ${q(name)}`,
};
