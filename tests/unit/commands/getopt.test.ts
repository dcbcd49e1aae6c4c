import { describe, expect, it } from 'vitest';
import { parseArgs, type OptionDef } from '../../../src/engine/shell/commands/getopt';

type Key = 'all' | 'almostAll' | 'long' | 'width' | 'color' | 'lines';
const LS_LIKE: OptionDef<Key>[] = [
  { key: 'all', short: 'a', long: 'all' },
  { key: 'almostAll', short: 'A', long: 'almost-all' },
  { key: 'long', short: 'l' },
  { key: 'width', short: 'w', long: 'width', arg: 'required' },
  { key: 'color', long: 'color', arg: 'optional' },
  { key: 'lines', short: 'n', long: 'lines', arg: 'required' },
];

const parse = (args: string[]) => parseArgs(args, LS_LIKE);

describe('parseArgs (glibc getopt_long)', () => {
  it('bundles short options and permutes operands', () => {
    const result = parse(['x', '-la', 'y']);
    expect(result).toEqual({
      ok: true,
      options: [
        { key: 'long', spelled: '-l' },
        { key: 'all', spelled: '-a' },
      ],
      operands: ['x', 'y'],
    });
  });

  it('takes arguments attached or separate, long with = or as the next word', () => {
    const result = parse(['-n5', '-w', '80', '--lines=3', '--width', '40']);
    expect(result.ok && result.options.map((o) => [o.key, o.value])).toEqual([
      ['lines', '5'],
      ['width', '80'],
      ['lines', '3'],
      ['width', '40'],
    ]);
  });

  it('ends options at -- and keeps a lone - as an operand', () => {
    const result = parse(['--', '-a', '-']);
    expect(result.ok && result.operands).toEqual(['-a', '-']);
    expect(parse(['-']).ok && (parse(['-']) as { operands: string[] }).operands).toEqual(['-']);
  });

  it('accepts unique prefixes of long options', () => {
    const result = parse(['--alm', '--col=never']);
    expect(result.ok && result.options.map((o) => [o.key, o.value])).toEqual([
      ['almostAll', undefined],
      ['color', 'never'],
    ]);
  });

  // Messages as glibc 2.36 prints them for ls (real runs).
  it.each([
    [['-z'], "invalid option -- 'z'"],
    [['--foo'], "unrecognized option '--foo'"],
    [['--foo=bar'], "unrecognized option '--foo=bar'"],
    [['--al'], "option '--al' is ambiguous; possibilities: '--all' '--almost-all'"],
    [['-w'], "option requires an argument -- 'w'"],
    [['--width'], "option '--width' requires an argument"],
    [['--all=x'], "option '--all' doesn't allow an argument"],
  ])('%j → %s', (args, message) => {
    expect(parse(args)).toEqual({ ok: false, message });
  });

  it('stops at the first operand when asked (env, xargs)', () => {
    const result = parseArgs(['-i', 'ls', '-l'], [{ key: 'i', short: 'i' }], { stopAtFirstOperand: true });
    expect(result.ok && result.operands).toEqual(['ls', '-l']);
  });
});
