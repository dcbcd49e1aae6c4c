/**
 * Recursive-descent parser from tokens to the syntax tree. One source text can define several
 * templates ({{define}}, {{block}}); the result maps each name to its statement list.
 *
 * Errors are thrown as ParseFailure with Go's message; the line is that of the furthest token the
 * parser has looked at, as Go reports it.
 */
import { goQuote, readStringLiteral, readRuneLiteral } from '../go/literals';
import { parseFloatLiteral, parseIntLiteral, parseUintLiteral } from '../go/numbers';
import { utf8Len } from '../go/utf8';
import { type Command, type NumberFacts, type Operand, type Pipeline, type Statement, describe } from './ast';
import { type Token, type TokenKind, tokenize } from './tokens';

export class ParseFailure extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** `{{else}}` or `{{end}}`: they close a list rather than belong to it. */
interface Closer {
  readonly kind: 'else' | 'end';
  readonly pos: number;
}

type Item = Statement | Closer;

function isCloser(item: Item): item is Closer {
  return item.kind === 'else' || item.kind === 'end';
}

function closerText(c: Closer): string {
  return `{{${c.kind}}}`;
}

/** Go's isEmptyTree: only whitespace text (comments are already gone). */
export function isBlankBody(body: readonly Statement[]): boolean {
  return body.every((s) => s.kind === 'text' && /^[\t\n\v\f\r \u0085\u00a0\p{Z}]*$/u.test(s.text));
}

/** How a token is quoted in "unexpected … in …" messages. */
function tokenLabel(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'EOF';
    case 'error':
      return t.text;
    case 'keyword':
      return `<${t.text}>`;
  }
  if (utf8Len(t.text) > 10) return goQuote([...t.text].slice(0, 10).join('')) + '...';
  return goQuote(t.text);
}

const OPERAND_START: ReadonlySet<TokenKind> = new Set<TokenKind>([
  'bool',
  'char',
  'complex',
  'field',
  'word',
  'number',
  'rawstring',
  'string',
  'variable',
  'lparen',
]);

/** Reads a number literal the way the template language does (several readings at once). */
function numberFacts(text: string, kind: TokenKind): NumberFacts | string {
  if (kind === 'complex' || text.endsWith('i')) return `illegal number syntax: ${goQuote(text)}`;
  if (kind === 'char') {
    const r = readRuneLiteral(text);
    if (r === null) return 'invalid syntax';
    if (r === 'tail') return `malformed character constant: ${text}`;
    return { int: BigInt(r), uint: BigInt(r), float: r };
  }
  const u = parseUintLiteral(text);
  const i = parseIntLiteral(text);
  if (i !== null) return { int: i, uint: i === 0n ? 0n : (u ?? undefined), float: Number(i) };
  if (u !== null) return { uint: u, float: Number(u) };
  const f = parseFloatLiteral(text);
  if (f === null || !f.inRange) return `illegal number syntax: ${goQuote(text)}`;
  if (!/[.eEpP]/.test(text)) return `integer overflow: ${goQuote(text)}`;
  const x = f.value;
  const whole = Number.isInteger(x);
  return {
    float: x,
    int: whole && x >= -(2 ** 63) && x < 2 ** 63 ? BigInt(x) : undefined,
    uint: whole && x >= 0 && x < 2 ** 64 ? BigInt(x) : undefined,
  };
}

/** Per-template parsing state ({{define}} and {{block}} bodies start afresh). */
interface Scope {
  vars: string[];
  loops: number;
  actionLine: number;
}

export interface ParseOptions {
  /** the template's name (used in messages and as the main definition) */
  name: string;
  /** names of the functions templates may call */
  functions: ReadonlySet<string>;
}

export function parseTemplates(src: string, opts: ParseOptions): Map<string, readonly Statement[]> {
  const p = new Parser(src, opts);
  return p.run();
}

class Parser {
  private readonly toks: Token[];
  private at = 0;
  private furthest = 0;
  private scope: Scope = { vars: ['$'], loops: 0, actionLine: 0 };
  private readonly defs = new Map<string, readonly Statement[]>();

  constructor(
    src: string,
    private readonly opts: ParseOptions,
  ) {
    this.toks = tokenize(src, {
      breakKeyword: !opts.functions.has('break'),
      continueKeyword: !opts.functions.has('continue'),
    });
  }

  run(): Map<string, readonly Statement[]> {
    const main: Statement[] = [];
    while (this.peek().kind !== 'eof') {
      if (this.peek().kind === 'open') {
        const mark = this.at;
        this.next();
        if (this.isKeyword(this.nextNonSpace(), 'define')) {
          this.definition();
          continue;
        }
        this.at = mark;
      }
      const item = this.textOrAction();
      if (isCloser(item)) this.fail(`unexpected ${closerText(item)}`);
      else main.push(item);
    }
    this.register(this.opts.name, main);
    return this.defs;
  }

  // ---- token access ---------------------------------------------------------------------------

  private tokenAt(i: number): Token {
    const last = this.toks.length - 1;
    const k = i > last ? last : i;
    if (k > this.furthest) this.furthest = k;
    return this.toks[k] as Token;
  }

  private next(): Token {
    return this.tokenAt(this.at++);
  }

  private peek(): Token {
    return this.tokenAt(this.at);
  }

  private nextNonSpace(): Token {
    let t = this.next();
    while (t.kind === 'space') t = this.next();
    return t;
  }

  private peekNonSpace(): Token {
    const t = this.nextNonSpace();
    this.at--;
    return t;
  }

  private isKeyword(t: Token, word: string): boolean {
    return t.kind === 'keyword' && t.text === word;
  }

  // ---- errors ---------------------------------------------------------------------------------

  private fail(message: string): never {
    throw new ParseFailure(message, (this.toks[this.furthest] as Token).line);
  }

  private unexpected(t: Token, context: string): never {
    if (t.kind === 'error') {
      const started = this.scope.actionLine;
      let extra = '';
      if (started !== 0 && started !== t.line) {
        extra = ` in action started at ${this.opts.name}:${started}`;
        if (t.text.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.fail(t.text + extra);
    }
    this.fail(`unexpected ${tokenLabel(t)} in ${context}`);
  }

  private expect(kind: TokenKind, context: string): Token {
    const t = this.nextNonSpace();
    if (t.kind !== kind) this.unexpected(t, context);
    return t;
  }

  // ---- templates ------------------------------------------------------------------------------

  private register(name: string, body: readonly Statement[]): void {
    const existing = this.defs.get(name);
    if (!existing || isBlankBody(existing)) {
      this.defs.set(name, body);
      return;
    }
    if (!isBlankBody(body)) this.fail(`template: multiple definition of template ${goQuote(name)}`);
  }

  /** Parse a nested template body with its own variables and loop depth. */
  private inOwnScope<T>(fn: () => T): T {
    const outer = this.scope;
    this.scope = { vars: ['$'], loops: 0, actionLine: 0 };
    try {
      return fn();
    } finally {
      this.scope = outer;
    }
  }

  private templateName(t: Token, context: string): string {
    if (t.kind !== 'string' && t.kind !== 'rawstring') this.unexpected(t, context);
    const name = readStringLiteral(t.text);
    if (name === null) this.fail('invalid syntax');
    return name;
  }

  /** {{define "name"}} … {{end}} (the opening `{{define` already read) */
  private definition(): void {
    this.inOwnScope(() => {
      const context = 'define clause';
      const nameTok = this.nextNonSpace();
      if (nameTok.kind !== 'string' && nameTok.kind !== 'rawstring') this.unexpected(nameTok, context);
      const name = readStringLiteral(nameTok.text);
      if (name === null) this.fail('invalid syntax');
      this.expect('close', context);
      const { body, closer } = this.list();
      if (closer.kind !== 'end') this.fail(`unexpected ${closerText(closer)} in ${context}`);
      this.register(name, body);
    });
  }

  // ---- statements -----------------------------------------------------------------------------

  /** Statements up to a closing {{end}} or {{else}}. */
  private list(): { body: Statement[]; closer: Closer } {
    const body: Statement[] = [];
    while (this.peekNonSpace().kind !== 'eof') {
      const item = this.textOrAction();
      if (isCloser(item)) return { body, closer: item };
      body.push(item);
    }
    this.fail('unexpected EOF');
  }

  private textOrAction(): Item {
    const t = this.nextNonSpace();
    if (t.kind === 'text') return { kind: 'text', pos: t.pos, text: t.text };
    if (t.kind !== 'open') this.unexpected(t, 'input');
    this.scope.actionLine = t.line;
    const item = this.action();
    this.scope.actionLine = 0;
    return item;
  }

  private action(): Item {
    const t = this.nextNonSpace();
    if (t.kind === 'keyword') {
      switch (t.text) {
        case 'block':
          return this.block();
        case 'break':
        case 'continue':
          return this.loopControl(t, t.text);
        case 'else':
          return this.elseClause();
        case 'end':
          return { kind: 'end', pos: this.expect('close', 'end').pos };
        case 'if':
        case 'range':
        case 'with':
          return this.control(t.text);
        case 'template':
          return this.include();
      }
    }
    this.at--;
    const first = this.peek();
    return { kind: 'output', pos: first.pos, pipeline: this.pipeline('command', 'close') };
  }

  private loopControl(t: Token, word: 'break' | 'continue'): Statement {
    const after = this.nextNonSpace();
    if (after.kind !== 'close') this.unexpected(after, `{{${word}}}`);
    if (this.scope.loops === 0) this.fail(`{{${word}}} outside {{range}}`);
    return { kind: word, pos: t.pos };
  }

  private elseClause(): Closer {
    const ahead = this.peekNonSpace();
    // {{else if …}} / {{else with …}}: leave the keyword for the enclosing control to read
    if (this.isKeyword(ahead, 'if') || this.isKeyword(ahead, 'with')) return { kind: 'else', pos: ahead.pos };
    return { kind: 'else', pos: this.expect('close', 'else').pos };
  }

  private control(kind: 'if' | 'range' | 'with'): Statement {
    const varsBefore = this.scope.vars.length;
    const pipeline = this.pipeline(kind, 'close');
    if (kind === 'range') this.scope.loops++;
    const { body, closer } = this.list();
    if (kind === 'range') this.scope.loops--;
    let otherwise: Statement[] | null = null;
    if (closer.kind === 'else') {
      if (kind !== 'range' && this.isKeyword(this.peek(), kind)) {
        // {{else if}} chains nest: the inner control consumes the shared {{end}}
        this.next();
        otherwise = [this.control(kind)];
      } else {
        const rest = this.list();
        otherwise = rest.body;
        if (rest.closer.kind !== 'end') this.fail(`expected end; found ${closerText(rest.closer)}`);
      }
    }
    this.scope.vars.length = varsBefore;
    return { kind, pos: pipeline.pos, pipeline, body, otherwise };
  }

  private include(): Statement {
    const nameTok = this.nextNonSpace();
    const name = this.templateName(nameTok, 'template clause');
    let pipeline: Pipeline | null = null;
    if (this.nextNonSpace().kind !== 'close') {
      this.at--;
      pipeline = this.pipeline('template clause', 'close');
    }
    return { kind: 'include', pos: nameTok.pos, name, pipeline };
  }

  private block(): Statement {
    const context = 'block clause';
    const nameTok = this.nextNonSpace();
    const name = this.templateName(nameTok, context);
    const pipeline = this.pipeline(context, 'close');
    this.inOwnScope(() => {
      const { body, closer } = this.list();
      if (closer.kind !== 'end') this.fail(`unexpected ${closerText(closer)} in ${context}`);
      this.register(name, body);
    });
    return { kind: 'include', pos: nameTok.pos, name, pipeline };
  }

  // ---- pipelines ------------------------------------------------------------------------------

  private pipeline(context: string, end: 'close' | 'rparen'): Pipeline {
    const start = this.peekNonSpace();
    const declarations: { name: string; pos: number }[] = [];
    let assigns = false;
    for (;;) {
      const v = this.peekNonSpace();
      if (v.kind !== 'variable') break;
      const mark = this.at;
      this.next();
      const after = this.peekNonSpace();
      if (after.kind === 'assign' || after.kind === 'declare') {
        assigns = after.kind === 'assign';
        this.nextNonSpace();
        declarations.push({ name: v.text, pos: v.pos });
        this.scope.vars.push(v.text);
      } else if (after.kind === 'punct' && after.text === ',') {
        this.nextNonSpace();
        declarations.push({ name: v.text, pos: v.pos });
        this.scope.vars.push(v.text);
        if (context === 'range' && declarations.length < 2) {
          const k = this.peekNonSpace().kind;
          if (k === 'variable' || k === 'close' || k === 'rparen') continue;
          this.fail('range can only initialize variables');
        }
        this.fail(`too many declarations in ${context}`);
      } else {
        this.at = mark;
      }
      break;
    }
    const commands: Command[] = [];
    for (;;) {
      const t = this.nextNonSpace();
      if (t.kind === end) break;
      if (OPERAND_START.has(t.kind) || this.isKeyword(t, '.') || this.isKeyword(t, 'nil')) {
        this.at--;
        commands.push(this.command());
        continue;
      }
      this.unexpected(t, context);
    }
    if (commands.length === 0) this.fail(`missing value for ${context}`);
    commands.slice(1).forEach((c, i) => {
      const k = (c.words[0] as Operand).kind;
      if (k === 'bool' || k === 'dot' || k === 'nil' || k === 'number' || k === 'string') {
        this.fail(`non executable command in pipeline stage ${i + 2}`);
      }
    });
    return { kind: 'pipeline', pos: start.pos, declarations, assigns, commands };
  }

  private command(): Command {
    const pos = this.peekNonSpace().pos;
    const words: Operand[] = [];
    for (;;) {
      this.peekNonSpace();
      const word = this.operand();
      if (word) words.push(word);
      const t = this.next();
      if (t.kind === 'space') continue;
      if (t.kind === 'close' || t.kind === 'rparen') this.at--;
      else if (t.kind !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (words.length === 0) this.fail('empty command');
    return { kind: 'command', pos, words, args: words.slice(1) };
  }

  /** A term followed by any number of .Field selectors. */
  private operand(): Operand | null {
    const base = this.term();
    if (!base || this.peek().kind !== 'field') return base;
    const pos = this.peek().pos;
    const path: string[] = [];
    while (this.peek().kind === 'field') path.push(this.next().text.slice(1));
    switch (base.kind) {
      case 'field':
        return { kind: 'field', pos, path: [...base.path, ...path] };
      case 'variable':
        return { kind: 'variable', pos, name: base.name, path: [...base.path, ...path] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.fail(`unexpected . after term ${goQuote(describe(base))}`);
      default:
        return { kind: 'select', pos, target: base, path };
    }
  }

  private term(): Operand | null {
    const t = this.nextNonSpace();
    switch (t.kind) {
      case 'word':
        if (!this.opts.functions.has(t.text)) this.fail(`function ${goQuote(t.text)} not defined`);
        return { kind: 'function', pos: t.pos, name: t.text };
      case 'keyword':
        if (t.text === '.') return { kind: 'dot', pos: t.pos };
        if (t.text === 'nil') return { kind: 'nil', pos: t.pos };
        break;
      case 'variable':
        if (!this.scope.vars.includes(t.text)) this.fail(`undefined variable ${goQuote(t.text)}`);
        return { kind: 'variable', pos: t.pos, name: t.text, path: [] };
      case 'field':
        return { kind: 'field', pos: t.pos, path: [t.text.slice(1)] };
      case 'bool':
        return { kind: 'bool', pos: t.pos, value: t.text === 'true' };
      case 'char':
      case 'number':
      case 'complex': {
        const facts = numberFacts(t.text, t.kind);
        if (typeof facts === 'string') this.fail(facts);
        return { kind: 'number', pos: t.pos, text: t.text, facts };
      }
      case 'lparen': {
        const pipeline = this.pipeline('parenthesized pipeline', 'rparen');
        return { kind: 'group', pos: pipeline.pos, pipeline };
      }
      case 'string':
      case 'rawstring': {
        const value = readStringLiteral(t.text);
        if (value === null) this.fail('invalid syntax');
        return { kind: 'string', pos: t.pos, text: t.text, value };
      }
    }
    this.at--;
    return null;
  }
}
