/**
 * The shell room's public API: sessions for terminals and transcripts, the laptop's filesystem,
 * executables on disk, and the bash language tools.
 */
export { ShellSession, type SessionIO, type SessionOptions } from './session';
export { createLaptop, attachFileSystem, fileSystemOf, installHostPrograms, registerBasePrograms, type Laptop, type LaptopOptions } from './laptop';
export { installProgram, executableImage, classifyExecutable, programIdOf, type ExecutableKind } from './executable';
export { spawn, type SpawnOptions, type SpawnResult } from './spawn';
export { parse, completeness, type Completeness, type ParseResult, type SyntaxError } from './parser/parser';
export { Shell, bashProgram, runBash, type ShellEnvironment } from './interpreter/shell';
export { inputFilePath } from './interpreter/io';
