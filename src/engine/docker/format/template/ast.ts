/**
 * The syntax tree of a template. Every node keeps its source offset (`pos`) so execution errors
 * can say `:line:col`, and `describe` spells a node back the way Go's messages quote it
 * (`at <index .Name 1>`, `{{template "x"}}`).
 */
import { goQuote } from '../go/literals';

/** What the parser knows about a number literal (Go reads one literal as several kinds at once). */
export interface NumberFacts {
  /** fits int64 */
  readonly int?: bigint;
  /** fits uint64 */
  readonly uint?: bigint;
  /** readable as float64 */
  readonly float?: number;
}

export type Operand =
  | { readonly kind: 'dot'; readonly pos: number }
  | { readonly kind: 'nil'; readonly pos: number }
  | { readonly kind: 'bool'; readonly pos: number; readonly value: boolean }
  | { readonly kind: 'number'; readonly pos: number; readonly text: string; readonly facts: NumberFacts }
  | { readonly kind: 'string'; readonly pos: number; readonly text: string; readonly value: string }
  /** .A.B */
  | { readonly kind: 'field'; readonly pos: number; readonly path: readonly string[] }
  /** $x.A.B */
  | { readonly kind: 'variable'; readonly pos: number; readonly name: string; readonly path: readonly string[] }
  /** a function name */
  | { readonly kind: 'function'; readonly pos: number; readonly name: string }
  /** ( pipeline ) */
  | { readonly kind: 'group'; readonly pos: number; readonly pipeline: Pipeline }
  /** (…).A.B */
  | { readonly kind: 'select'; readonly pos: number; readonly target: Operand; readonly path: readonly string[] };

export interface Command {
  readonly kind: 'command';
  readonly pos: number;
  readonly words: readonly Operand[];
  /** words after the first */
  readonly args: readonly Operand[];
}

export interface Declaration {
  readonly name: string;
  readonly pos: number;
}

export interface Pipeline {
  readonly kind: 'pipeline';
  readonly pos: number;
  readonly declarations: readonly Declaration[];
  /** `$x = …` rather than `$x := …` */
  readonly assigns: boolean;
  readonly commands: readonly Command[];
}

export type Statement =
  | { readonly kind: 'text'; readonly pos: number; readonly text: string }
  /** {{pipeline}} */
  | { readonly kind: 'output'; readonly pos: number; readonly pipeline: Pipeline }
  | {
      readonly kind: 'if' | 'with' | 'range';
      readonly pos: number;
      readonly pipeline: Pipeline;
      readonly body: readonly Statement[];
      readonly otherwise: readonly Statement[] | null;
    }
  /** {{template "name" pipeline}} (also what {{block}} leaves in place) */
  | { readonly kind: 'include'; readonly pos: number; readonly name: string; readonly pipeline: Pipeline | null }
  | { readonly kind: 'break' | 'continue'; readonly pos: number };

export type Node = Operand | Command | Pipeline | Statement;

function wordText(w: Operand): string {
  return w.kind === 'group' ? '(' + describe(w) + ')' : describe(w);
}

function listText(list: readonly Statement[]): string {
  return list.map(describe).join('');
}

/** A node spelled as Go's text/template prints it. */
export function describe(n: Node): string {
  switch (n.kind) {
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
    case 'string':
      return n.text;
    case 'field':
      return '.' + n.path.join('.');
    case 'variable':
      return [n.name, ...n.path].join('.');
    case 'function':
      return n.name;
    case 'group':
      return describe(n.pipeline);
    case 'select':
      return wordText(n.target) + n.path.map((p) => '.' + p).join('');
    case 'command':
      return n.words.map(wordText).join(' ');
    case 'pipeline': {
      let s = '';
      if (n.declarations.length > 0) {
        s = n.declarations.map((d) => d.name).join(', ') + (n.assigns ? ' = ' : ' := ');
      }
      return s + n.commands.map(describe).join(' | ');
    }
    case 'text':
      return n.text;
    case 'output':
      return '{{' + describe(n.pipeline) + '}}';
    case 'if':
    case 'with':
    case 'range': {
      let s = `{{${n.kind} ${describe(n.pipeline)}}}${listText(n.body)}`;
      if (n.otherwise) s += '{{else}}' + listText(n.otherwise);
      return s + '{{end}}';
    }
    case 'include':
      return n.pipeline ? `{{template ${goQuote(n.name)} ${describe(n.pipeline)}}}` : `{{template ${goQuote(n.name)}}}`;
    case 'break':
    case 'continue':
      return `{{${n.kind}}}`;
  }
}
