/**
 * Questions a program asks on standard error and answers from standard input (`rm -i`, `cp -i`):
 * the prompt, then one line read; an answer starting with y or Y means yes, end of input means no.
 * One Confirmer per run keeps what was read past the answer for the next question.
 */
import type { ProcessContext } from '../../process';

interface LineSource {
  readUntil?: (delimiter: string) => Promise<string | null>;
}

export class Confirmer {
  private buffer = '';
  private ended = false;

  constructor(private readonly ctx: ProcessContext) {}

  private async line(): Promise<string | null> {
    const stdin = this.ctx.stdin as ProcessContext['stdin'] & LineSource;
    if (this.buffer === '' && typeof stdin.readUntil === 'function') return stdin.readUntil.call(stdin, '\n');
    for (;;) {
      const newline = this.buffer.indexOf('\n');
      if (newline !== -1) {
        const line = this.buffer.slice(0, newline + 1);
        this.buffer = this.buffer.slice(newline + 1);
        return line;
      }
      if (this.ended) {
        const rest = this.buffer;
        this.buffer = '';
        return rest === '' ? null : rest;
      }
      const chunk = await stdin.read();
      if (chunk === null) this.ended = true;
      else this.buffer += chunk;
    }
  }

  /** Writes `PROGRAM: question? ` and reads the answer. */
  async ask(program: string, question: string): Promise<boolean> {
    this.ctx.stderr.write(`${program}: ${question}? `);
    const answer = await this.line();
    return answer !== null && /^[yY]/.test(answer);
  }
}
