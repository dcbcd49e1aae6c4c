/**
 * Whatever is typed, execute() resolves to an exit status (an integer 0–255) and never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/engine/host';
import { ShellSession } from '../../../src/engine/shell/session';

const TOKENS = [
  'echo', 'cat', 'ls', 'cd', 'x', 'a', '1', '0', ' ', ' ', '\t', '\n', ';', ';;', '&', '&&', '|', '||', '(', ')', '{', '}',
  '$', '${', '$(', '$((', '`', '"', "'", '\\', '<', '>', '>>', '<<', '<<<', '2>&1', '*', '?', '[', ']', '#', '=', '~', '!',
  ':', '%', '/', ',', '^', '+', '-', 'if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until',
  'case', 'esac', 'function', '[[', ']]', 'EOF', 'export', 'unset', 'set', 'read', 'eval', 'type', 'exit', 'return',
  'break', 'local', 'shift', 'test', '..', '/tmp', 'x=1', '$?', '$@', '${x:-y}', '${#x}', '$((1/0))',
];

const shellish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((parts) => parts.join(''));

describe('execute never throws', () => {
  const host = new Host();

  it('returns an exit status for any input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(shellish, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), async (text) => {
        const session = new ShellSession(host, { tty: false });
        let output = '';
        const sink = {
          write: (chunk: string) => {
            output += chunk;
          },
        };
        // A loop that never ends is stopped the way a student would stop it.
        const timer = setTimeout(() => session.interrupt(2), 500);
        try {
          const status = await session.execute(text, { stdout: sink, stderr: sink });
          expect(Number.isInteger(status)).toBe(true);
          expect(status).toBeGreaterThanOrEqual(0);
          expect(status).toBeLessThanOrEqual(255);
          expect(output).not.toContain('internal error');
        } finally {
          clearTimeout(timer);
        }
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});
