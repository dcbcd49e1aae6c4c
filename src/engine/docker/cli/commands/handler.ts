import type { ProcessContext } from '../../../process';
import type { DockerBackend } from '../backend';
import type { DockerRequest } from '../parse';

/**
 * A command's client side: checks what the real client checks before it talks to the engine, then
 * calls the backend. Resolves to the exit status.
 */
export type CommandHandler = (request: DockerRequest, ctx: ProcessContext, backend: DockerBackend) => Promise<number>;

/** internal/prompt Confirm: prints the question with ` [y/N] ` and reads a line; only y/Y confirms. */
export async function confirm(ctx: ProcessContext, question: string): Promise<boolean> {
  ctx.stdout.write(`${question} [y/N] `);
  let line = '';
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) break;
    line += chunk;
    const newline = line.indexOf('\n');
    if (newline !== -1) {
      line = line.slice(0, newline);
      break;
    }
  }
  const answer = line.trim();
  return answer === 'y' || answer === 'Y';
}
