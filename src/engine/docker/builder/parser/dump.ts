/**
 * The AST dump BuildKit's parser tests compare against (`result` files): one `(keyword …)` line per
 * instruction, flags as a bracketed group, every argument Go-quoted, ONBUILD's instruction nested.
 */
import type { DockerfileAst, InstructionNode } from './ast';
import { goQuote, trimLeftSpace, trimSpace } from './text';

function head(node: InstructionNode): string {
  let s = node.keyword;
  if (node.flags.length > 0) s += ` [${node.flags.map(goQuote).join(' ')}]`;
  for (const arg of node.args) s += ' ' + goQuote(arg);
  return s;
}

/** One instruction without its outer parentheses: `run "echo hi"`, `onbuild (copy "." "/")`. */
export function dumpInstruction(node: InstructionNode): string {
  // Built from the innermost ONBUILD level outwards, without recursion.
  const chain: InstructionNode[] = [];
  for (let n: InstructionNode | null = node; n; n = n.next) chain.push(n);
  let out = trimSpace(head(chain[chain.length - 1] as InstructionNode));
  for (let i = chain.length - 2; i >= 0; i--) {
    out = trimLeftSpace(`${head(chain[i] as InstructionNode)} (${out})`);
  }
  return out;
}

/** The whole dump, exactly as a corpus `result` file: one line per instruction, final newline. */
export function dumpAst(ast: DockerfileAst): string {
  let out = '';
  for (const child of ast.children) out += `(${dumpInstruction(child)})\n`;
  return trimSpace(out) + '\n';
}
