/**
 * Prints commands back as bash does for `type f` and `declare -f` (print_cmd.c): four-space
 * indentation, `;` after each command of a block, `name () ` and `{ ` with their trailing blanks.
 */
import type { AndOr, CaseCommand, Command, CommandList, CondExpr, FunctionDef, Pipeline, Redirect, SimpleCommand } from '../parser/ast';

const INDENT = '    ';

function redirectText(r: Redirect): string {
  const fd = r.fd !== undefined ? String(r.fd) : '';
  if (r.op === '<<' || r.op === '<<-') return `${fd}${r.op}${r.target.raw}`;
  if (r.op === '>&' || r.op === '<&') {
    if (/^[0-9-]+$/.test(r.target.raw)) return `${fd}${r.op}${r.target.raw}`;
    return `${fd}${r.op} ${r.target.raw}`;
  }
  return `${fd}${r.op} ${r.target.raw}`;
}

function heredocs(redirects: Redirect[]): string {
  let out = '';
  for (const r of redirects) {
    if (r.heredoc) out += `\n${r.heredoc.body.raw}${r.heredoc.delimiter}\n`;
  }
  return out;
}

function simple(cmd: SimpleCommand): string {
  const words = [...cmd.assigns.map((a) => `${a.name}${a.append ? '+=' : '='}${a.value.raw}`), ...cmd.words.map((w) => w.raw), ...cmd.redirects.map(redirectText)];
  return words.join(' ') + heredocs(cmd.redirects);
}

function cond(e: CondExpr): string {
  switch (e.type) {
    case 'and':
      return `${cond(e.left)} && ${cond(e.right)}`;
    case 'or':
      return `${cond(e.left)} || ${cond(e.right)}`;
    case 'not':
      return `! ${cond(e.expr)}`;
    case 'unary':
      return `${e.op} ${e.arg.raw}`;
    case 'binary':
      return `${e.left.raw} ${e.op} ${e.right.raw}`;
    case 'word':
      return e.word.raw;
  }
}

class Printer {
  constructor(readonly indent: string) {}

  private deeper(): Printer {
    return new Printer(this.indent + INDENT);
  }

  /** A block's commands, one per line, each ended by `;` but the last. */
  block(list: CommandList, lastSemicolon = false): string {
    const lines: string[] = [];
    let pending = '';
    list.items.forEach((item, i) => {
      const text = this.andOr(item.andOr);
      if (item.background) {
        pending += `${text} & `;
        return;
      }
      const last = i === list.items.length - 1;
      lines.push(`${this.indent}${pending}${text}${last && !lastSemicolon ? '' : ';'}`);
      pending = '';
    });
    if (pending !== '') lines.push(`${this.indent}${pending.trimEnd()}`);
    return lines.join('\n');
  }

  /** A list inline (conditions): `a; b`. */
  inline(list: CommandList): string {
    return list.items.map((item) => this.andOr(item.andOr) + (item.background ? ' &' : '')).join('; ');
  }

  andOr(andOr: AndOr): string {
    let text = this.pipeline(andOr.first);
    for (const { op, pipeline } of andOr.rest) text += ` ${op} ${this.pipeline(pipeline)}`;
    return text;
  }

  pipeline(p: Pipeline): string {
    const text = p.commands.map((c, i) => this.command(c) + (i < p.commands.length - 1 ? (p.pipeStderr?.[i] ? ' |&' : ' |') : '')).join(' ');
    return p.negated ? `! ${text}` : text;
  }

  command(c: Command): string {
    const redirs = c.type !== 'simple' && c.redirects.length > 0 ? ' ' + c.redirects.map(redirectText).join(' ') : '';
    const inner = this.deeper();
    switch (c.type) {
      case 'simple':
        return simple(c);
      case 'group':
        return `{ \n${inner.block(c.body)}\n${this.indent}}${redirs}`;
      case 'subshell':
        return `( ${c.body.items.map((item) => this.andOr(item.andOr)).join(`;\n${this.indent}`)} )${redirs}`;
      case 'if': {
        let text = '';
        c.clauses.forEach((clause, i) => {
          if (i === 0) text += `if ${this.inline(clause.cond)}; then\n${inner.block(clause.body, true)}\n`;
        });
        if (c.clauses.length > 1 || c.else) {
          const rest = c.clauses.slice(1);
          let elseText: string;
          if (rest.length > 0) {
            const nested: Command = { type: 'if', clauses: rest, redirects: [], line: c.line, ...(c.else ? { else: c.else } : {}) };
            elseText = `${inner.indent}${inner.command(nested)};`;
          } else elseText = inner.block(c.else!, true);
          text += `${this.indent}else\n${elseText}\n`;
        }
        return `${text}${this.indent}fi${redirs}`;
      }
      case 'while':
        return `${c.until ? 'until' : 'while'} ${this.inline(c.cond)}; do\n${inner.block(c.body, true)}\n${this.indent}done${redirs}`;
      case 'for': {
        const items = c.items ? ` in ${c.items.map((w) => w.raw).join(' ')}` : '';
        return `for ${c.name}${items};\n${this.indent}do\n${inner.block(c.body, true)}\n${this.indent}done${redirs}`;
      }
      case 'arithfor':
        return `for ((${c.init.raw}; ${c.cond.raw}; ${c.step.raw}))\n${this.indent}do\n${inner.block(c.body, true)}\n${this.indent}done${redirs}`;
      case 'case':
        return this.caseCommand(c) + redirs;
      case 'arithcmd':
        return `(( ${c.expr.raw.trim()} ))${redirs}`;
      case 'cond':
        return `[[ ${cond(c.expr)} ]]${redirs}`;
      case 'function':
        return printFunction(c, this.indent);
    }
  }

  private caseCommand(c: CaseCommand): string {
    const item = this.deeper();
    const body = item.deeper();
    let text = `case ${c.word.raw} in \n`;
    for (const it of c.items) {
      text += `${item.indent}${it.patterns.map((p) => p.raw).join(' | ')})\n`;
      text += it.body.items.length > 0 ? `${body.block(it.body)}\n` : '\n';
      text += `${item.indent}${it.terminator}\n`;
    }
    return `${text}${this.indent}esac`;
  }
}

/** An and-or list on one line (job reports). */
export function printAndOr(andOr: AndOr): string {
  return new Printer('').andOr(andOr);
}

/** `type f` / `declare -f f` text (without a final newline). */
export function printFunction(fn: FunctionDef, indent = ''): string {
  const p = new Printer(indent);
  const inner = new Printer(indent + INDENT);
  const body = fn.body;
  let text: string;
  if (body.type === 'group') {
    text = `{ \n${inner.block(body.body)}\n${indent}}`;
  } else {
    text = `{ \n${inner.indent}${inner.command(body)}\n${indent}}`;
  }
  void p;
  return `${fn.name} () \n${indent}${text}`;
}
