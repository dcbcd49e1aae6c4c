import { describe, expect, it } from 'vitest';
import { echo } from '../../../src/engine/shell/commands/echo';
import { formatPrintf } from '../../../src/engine/shell/commands/printf';
import { laptop, runProgram } from './harness';

// Expected outputs are bash 5.2's builtin printf and echo (real runs).
describe('printf (bash builtin)', () => {
  it.each([
    ['%s\\n', ['a', 'b', 'c'], 'a\nb\nc\n'],
    ['%s %s\\n', ['a', 'b', 'c'], 'a b\nc \n'],
    ['%5s|%-5s|%05d|%.2f|%x|%o|%e|%g|%c|%%\\n', ['ab', 'cd', '42', '3.14159', '255', '8', '12345.678', '0.0001', 'xyz'], '   ab|cd   |00042|3.14|ff|10|1.234568e+04|0.0001|x|%\n'],
    ['%d\\n', ["'A"], '65\n'],
    ['%d %d\\n', ['1'], '1 0\n'],
    ['%i %u\\n', ['-3', '-3'], '-3 18446744073709551613\n'],
    ['%5.1s|\\n', ['abc'], '    a|\n'],
    ['%*d|\\n', ['4', '7'], '   7|\n'],
    ['%.3d\\n', ['7'], '007\n'],
    ['%+d % d\\n', ['5', '5'], '+5  5\n'],
    ['%#x %#o\\n', ['255', '8'], '0xff 010\n'],
    ['%d\\n', ['0x1F', '010', '-0'], '31\n8\n0\n'],
    ['%-+5d|%x\\n', ['3', '-1'], '+3   |ffffffffffffffff\n'],
    ['%.0f %.1f %e %E %g %G %g %g\\n', ['2.5', '0.05', '0', '1e-5', '123456789', '1e-10', '100000', '1e6'], '2 0.1 0.000000e+00 1.000000E-05 1.23457e+08 1E-10 100000 1e+06\n'],
    ['x\\x41\\101\\u00e9\\n', [], 'xAAé\n'],
    ['%b\\n', ['a\\tb\\c', 'zz'], 'a\tb'],
    ['%q\\n', ['a b', "it's", 'x$y', 'a\nb', '', 'é', 'a~', '~a', '#a', 'a=b'], "a\\ b\nit\\'s\nx\\$y\n$'a\\nb'\n''\né\na~\n\\~a\n\\#a\na=b\n"],
    ['%5s|\\n', ['é'], '   é|\n'],
  ])('printf %j %j', (format, args, output) => {
    expect(formatPrintf(format.replace(/\\\\/g, '\\'), args).output).toBe(output);
  });

  it.each([
    ['%d\\n', ['abc'], '0\n', ['abc: invalid number'], 1],
    ['%d|%s\\n', ['12abc', 'x'], '12|x\n', ['12abc: invalid number'], 1],
    ['%z\\n', ['x'], '', ["`\\': invalid format character"], 1],
    ['%', [], '', ["`%': missing format character"], 1],
    ['ab%5', [], 'ab', ["`%5': missing format character"], 1],
    ['%d\\n', ['99999999999999999999'], '9223372036854775807\n', ['warning: 99999999999999999999: Numerical result out of range'], 0],
    ['\\x|\\u\\n', [], '\\x|\\u\n', ['missing hex digit for \\x', 'missing unicode digit for \\u'], 0],
  ])('printf %j %j reports', (format, args, output, diagnostics, status) => {
    const result = formatPrintf(format.replace(/\\\\/g, '\\'), args);
    expect(result).toEqual({ output, diagnostics, status });
  });

  it('prints diagnostics before the output, as bash buffers stdout', async () => {
    const result = await runProgram((await import('../../../src/engine/shell/commands/printf')).printf, laptop(), ['printf', '%d|%s\n', '12abc', 'x']);
    expect(result.output).toBe('bash: printf: 12abc: invalid number\n12|x\n');
    expect(result.status).toBe(1);
  });

  it('explains its usage without a format', async () => {
    const { printf } = await import('../../../src/engine/shell/commands/printf');
    expect((await runProgram(printf, laptop(), ['printf'])).output).toBe('printf: usage: printf [-v var] format [arguments]\n');
    const bad = await runProgram(printf, laptop(), ['printf', '-x']);
    expect(bad.output).toBe('bash: printf: -x: invalid option\nprintf: usage: printf [-v var] format [arguments]\n');
    expect(bad.status).toBe(2);
  });
});

describe('echo (bash builtin)', () => {
  it.each([
    [['hi'], 'hi\n'],
    [['-n', 'hi'], 'hi'],
    [['--', '-n'], '-- -n\n'],
    [['-ne', 'x\\n'], 'x\n'],
    [['-en'], ''],
    [['-', '-e', '-n'], '- -e -n\n'],
    [['-nx', 'hi'], '-nx hi\n'],
    [['a\\nb'], 'a\\nb\n'],
    [['-e', 'a\\tb\\x41\\0101\\c', 'z'], 'a\tbAA'],
    [['-e', '\\101|\\0101|\\x|\\u|\\q|\\18'], '\\101|A|\\x|\\u|\\q|\\18\n'],
    [['-e', '\\e[1m'], '\x1b[1m\n'],
  ])('echo %j', async (args, output) => {
    const result = await runProgram(echo, laptop(), ['echo', ...args]);
    expect(result.stdout).toBe(output);
  });
});
