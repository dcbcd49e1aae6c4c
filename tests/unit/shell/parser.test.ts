/**
 * The parser against real bash: oracle/parse-cases.json (made by oracle/cases.sh) says, for each
 * input, whether an interactive bash runs it, asks for more lines, or reports a syntax error, and
 * what `eval` of it prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/engine/host';
import { completeness, parse } from '../../../src/engine/shell/parser/parser';
import { ShellSession } from '../../../src/engine/shell/session';

interface Case {
  input: string;
  /** n/a for several lines (measured on one-line inputs only). */
  complete: 'complete' | 'incomplete' | 'error' | 'n/a';
  eval: string;
}

const cases = JSON.parse(readFileSync(join(__dirname, 'oracle', 'parse-cases.json'), 'utf8')) as Case[];
/** cases.sh decodes inputs with printf %b: `\n` is a newline, `\\` a backslash. */
const decode = (s: string) => s.replace(/\\(\\|n|t)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));

describe('completeness (interactive bash: run, `> ` prompt, or syntax error)', () => {
  for (const c of cases.filter((x) => x.complete !== 'n/a')) {
    it(JSON.stringify(c.input), () => {
      expect(completeness(decode(c.input))).toBe(c.complete);
    });
  }
});

describe('eval output and status', () => {
  const host = new Host();
  for (const c of cases) {
    it(JSON.stringify(c.input), async () => {
      const session = new ShellSession(host, { tty: false });
      // cases.sh runs eval at line 3 of its `bash -c` text.
      session.shell.lineBase = 2;
      let out = '';
      const write = (text: string) => {
        out += text;
      };
      const status = await session.execute(decode(c.input), { stdout: { write }, stderr: { write } });
      expect(`${out}[status ${status}]\n`).toBe(c.eval);
    });
  }
});

describe('syntax tree', () => {
  it('is plain data', () => {
    const result = parse('a=1 b=$(echo "x $y" | tr x y) cmd ${v:-d} 2>&1 >out <<EOF\nbody $z\nEOF');
    expect(structuredClone(result)).toEqual(result);
    expect(result.error).toBeUndefined();
  });

  it('keeps commands before a syntax error', () => {
    const result = parse('echo a\necho b ;; c\necho d');
    expect(result.commands).toHaveLength(1);
    expect(result.error?.message).toBe("syntax error near unexpected token `;;'");
    expect(result.error?.line).toBe('echo b ;; c');
  });

  it('reads here-document bodies after the line', () => {
    const result = parse("cat <<A; cat <<'B'\n$x\nA\n$y\nB\necho after");
    expect(result.commands).toHaveLength(2);
    const pipeline = result.commands[0]!.list.items[0]!.andOr.first;
    const first = pipeline.commands[0]!;
    expect(first.type).toBe('simple');
  });
});
