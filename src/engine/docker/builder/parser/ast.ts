/**
 * The Dockerfile AST as BuildKit's low-level parser (`frontend/dockerfile/parser`) builds it, as plain
 * serialisable data: no classes, no cycles, nothing but strings, numbers, booleans, arrays and objects.
 * Quote removal, variable expansion and instruction validation happen later, in the instruction stage.
 */

/** One here-document attached to a RUN, COPY or ADD (or an ONBUILD of one of those). */
export interface Heredoc {
  /** The delimiter word with quotes removed (`<<"EOF"` → `EOF`). */
  name: string;
  /**
   * The body: every line between the instruction and the terminator, each with its own line ending,
   * exactly as written except that for `<<-` the leading tabs of every line are already stripped.
   */
  content: string;
  /** False when any part of the delimiter was quoted (`<<'EOF'`, `<<"EOF"`, `<<E"O"F`): no expansion. */
  expand: boolean;
  /** True for `<<-EOF`. */
  chomp: boolean;
}

/** One instruction (a child of the root), or the instruction nested inside an ONBUILD. */
export interface InstructionNode {
  /** The instruction word, lower-cased (`run`, `copy`, …); unknown words are kept (lower-cased) too. */
  keyword: string;
  /** The instruction as written, with continuation lines joined the way BuildKit joins them. */
  original: string;
  /** Leading `--name[=value]` flags, in order. */
  flags: string[];
  /**
   * The argument nodes, split per instruction (see the README of the corpus): for ENV and LABEL they
   * come in triples `key, value, separator`; an unknown instruction has the single argument `""`.
   */
  args: string[];
  /** The exec (JSON array) form was used. */
  json: boolean;
  /** ONBUILD only: the nested instruction. */
  next: InstructionNode | null;
  /** 1-based source lines the instruction spans, heredoc bodies included. */
  startLine: number;
  endLine: number;
  heredocs: Heredoc[];
}

export interface DockerfileAst {
  children: InstructionNode[];
  /** The lines from the first instruction to the end of the last one (1-based). */
  startLine: number;
  endLine: number;
}

export type DirectiveName = 'syntax' | 'escape' | 'check';

/** A parser directive (`# syntax=…`, `# escape=…`, `# check=…`) from the top of the file. */
export interface ParserDirective {
  name: DirectiveName;
  value: string;
  line: number;
}

export interface ParseWarning {
  /** E.g. `Empty continuation line found in: RUN echo hi`. */
  short: string;
  detail: string[];
  url: string;
  startLine: number;
  endLine: number;
}

export interface ParseResult {
  ast: DockerfileAst;
  warnings: ParseWarning[];
  directives: ParserDirective[];
  /** `\` unless `# escape=`` ` changed it. */
  escapeToken: '\\' | '`';
}

/** Parsing failed; `message` is BuildKit's wording, `line`/`endLine` are 1-based when known. */
export class DockerfileParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly endLine?: number,
  ) {
    super(message);
    this.name = 'DockerfileParseError';
  }
}
