/** Our own Dockerfile parser, conformant to BuildKit's parser test corpus. */
export type {
  DirectiveName,
  DockerfileAst,
  Heredoc,
  InstructionNode,
  ParseResult,
  ParseWarning,
  ParserDirective,
} from './ast';
export { DockerfileParseError } from './ast';
export { parseDockerfile, MAX_LINE_BYTES } from './parse';
export { dumpAst, dumpInstruction } from './dump';
export { instructionSource, sourceLines } from './source';
export type { SourceLine } from './source';
export { chompHeredocContent } from './heredoc';
export { goQuote } from './text';
