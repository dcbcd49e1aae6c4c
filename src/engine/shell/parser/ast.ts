/**
 * The bash syntax tree: plain data (structured-clone safe, no classes, no functions), produced by
 * the parser and walked by the interpreter. Positions (`pos`) are offsets into the parsed text.
 */

/** One piece of a word. Quoted pieces are never split or globbed. */
export type WordPart =
  /** Unquoted literal text: subject to pathname expansion (`*`, `?`, `[`). */
  | { type: 'lit'; text: string }
  /** Quoted literal text: single quotes, `$'…'`, or a backslash-escaped character. */
  | { type: 'sq'; text: string }
  /** Double quotes: their parts are expanded but never split or globbed. */
  | { type: 'dq'; parts: WordPart[] }
  /** `~` or `~user` at the start of a word (or after `=`/`:` in an assignment). */
  | { type: 'tilde'; user: string }
  | ParamPart
  /** `$(…)` or a backquoted command. */
  | { type: 'cmdsub'; body: CommandList; backquote: boolean }
  /** `$((…))` or `$[…]`: the expression text is expanded first, then evaluated. */
  | { type: 'arith'; expr: Word }
  /** `(a b c)` after `name=` in an argument of declare/local/typeset/readonly/export. */
  | { type: 'array'; items: Word[] };

export type ParamOp =
  | ''
  | 'len'
  | ':-'
  | '-'
  | ':='
  | '='
  | ':+'
  | '+'
  | ':?'
  | '?'
  | '#'
  | '##'
  | '%'
  | '%%'
  | '/'
  | '//'
  | '/#'
  | '/%'
  | '^'
  | '^^'
  | ','
  | ',,'
  | ':'
  /** `${x@Q}` and the other transformations (the letter is in `arg`). */
  | '@'
  | 'bad';

export interface ParamPart {
  type: 'param';
  /** A variable name, a positional number (`1`, `10`) or a special parameter (`?`, `$`, `#`, `@`, `*`, `!`, `-`, `0`). */
  name: string;
  op: ParamOp;
  /** `${!name}`: indirection (with `[@]`: the indices of an array). */
  indirect?: boolean;
  /** `${name[…]}`: an arithmetic subscript, or `@` / `*` for every element. */
  index?: Word | '@' | '*';
  /** The word after the operator (default value, pattern, offset…). */
  arg?: Word;
  /** The replacement of `/`, or the length of `:`. */
  arg2?: Word;
  /** Source text, for `bad substitution` messages. */
  raw?: string;
}

export interface Word {
  parts: WordPart[];
  /** Source text as typed. */
  raw: string;
  pos: number;
}

export type RedirectOp =
  | '<'
  | '>'
  | '>>'
  | '>|'
  | '<>'
  | '<&'
  | '>&'
  | '&>'
  | '&>>'
  | '<<'
  | '<<-'
  | '<<<';

export interface Redirect {
  op: RedirectOp;
  /** Explicit descriptor (`2>`); absent means the operator's default (0 for `<`, 1 for `>`). */
  fd?: number;
  target: Word;
  /** Here-document body: a literal text when the delimiter was quoted, else a word to expand. */
  heredoc?: { body: Word; quoted: boolean; delimiter: string };
}

export interface Assignment {
  name: string;
  append: boolean;
  value: Word;
  /** `name[sub]=value`: the subscript (arithmetic). */
  index?: Word;
  /** `name=(a b c)`: the elements of an array. */
  array?: Word[];
  pos: number;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
  line: number;
}

export interface Subshell {
  type: 'subshell';
  body: CommandList;
  redirects: Redirect[];
  line: number;
}

export interface Group {
  type: 'group';
  body: CommandList;
  redirects: Redirect[];
  line: number;
}

export interface IfCommand {
  type: 'if';
  clauses: { cond: CommandList; body: CommandList }[];
  else?: CommandList;
  redirects: Redirect[];
  line: number;
}

export interface ForCommand {
  type: 'for';
  name: string;
  /** Absent: `for x; do` iterates over "$@". */
  items?: Word[];
  body: CommandList;
  redirects: Redirect[];
  line: number;
}

export interface ArithForCommand {
  type: 'arithfor';
  init: Word;
  cond: Word;
  step: Word;
  body: CommandList;
  redirects: Redirect[];
  line: number;
}

export interface WhileCommand {
  type: 'while';
  until: boolean;
  cond: CommandList;
  body: CommandList;
  redirects: Redirect[];
  line: number;
}

export interface CaseItem {
  patterns: Word[];
  body: CommandList;
  /** `;;` stops, `;&` falls through into the next body, `;;&` tests the next patterns. */
  terminator: ';;' | ';&' | ';;&';
}

export interface CaseCommand {
  type: 'case';
  word: Word;
  items: CaseItem[];
  redirects: Redirect[];
  line: number;
}

export interface FunctionDef {
  type: 'function';
  name: string;
  body: Command;
  /** Source text of the definition, for `type f`. */
  source: string;
  redirects: Redirect[];
  line: number;
}

export interface ArithCommand {
  type: 'arithcmd';
  expr: Word;
  redirects: Redirect[];
  line: number;
}

/** `[[ … ]]` expressions. */
export type CondExpr =
  | { type: 'and' | 'or'; left: CondExpr; right: CondExpr }
  | { type: 'not'; expr: CondExpr }
  | { type: 'unary'; op: string; arg: Word }
  | { type: 'binary'; op: string; left: Word; right: Word }
  | { type: 'word'; word: Word };

export interface CondCommand {
  type: 'cond';
  expr: CondExpr;
  redirects: Redirect[];
  line: number;
}

export type Command =
  | SimpleCommand
  | Subshell
  | Group
  | IfCommand
  | ForCommand
  | ArithForCommand
  | WhileCommand
  | CaseCommand
  | FunctionDef
  | ArithCommand
  | CondCommand;

export interface Pipeline {
  negated: boolean;
  /** `time pipeline`: bash prints the elapsed times on stderr afterwards. */
  timed?: boolean;
  commands: Command[];
  /** `|&` after command i pipes its stderr too. */
  pipeStderr?: boolean[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface ListItem {
  andOr: AndOr;
  background: boolean;
}

export interface CommandList {
  items: ListItem[];
}
