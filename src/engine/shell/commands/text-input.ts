/**
 * Where filters (cat, head, wc, grep, sort …) get their text: each operand names a file, `-` or no
 * operand at all means standard input, read to its end. Failures come back as the FsError code and
 * strerror text for each program to word its own diagnostic.
 */
import type { FsErrorCode } from '../../fs/types';
import type { InputStream } from '../../process';
import { codeOf, reasonOf, type Invocation } from './invocation';

export type InputResult = { ok: true; text: string } | { ok: false; code: FsErrorCode; reason: string };

/** Reads an input stream until its end (null). */
export async function readStream(stream: InputStream): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await stream.read();
    if (chunk === null) return text;
    text += chunk;
  }
}

/** The text of one operand (`-` is standard input). */
export async function readOperand(inv: Invocation, operand: string): Promise<InputResult> {
  if (operand === '-') return { ok: true, text: await readStream(inv.ctx.stdin) };
  try {
    return { ok: true, text: inv.ctx.fs.readText(inv.path(operand)) };
  } catch (error) {
    return { ok: false, code: codeOf(error), reason: reasonOf(error) };
  }
}

const CHUNK_BYTES = 64 * 1024;

interface RangeReader {
  read?: (path: string, offset: number, length: number) => Uint8Array;
}

/**
 * A file's text piece by piece (64 KiB at a time where the fs can read ranges), so that `cat` of a
 * 2 GB model file writes as it goes and stops at Ctrl+C instead of building the whole text first.
 * Returns the failure for the caller to word, or null when done.
 */
export async function forEachChunk(
  inv: Invocation,
  operand: string,
  write: (text: string) => void,
): Promise<{ code: FsErrorCode; reason: string } | null> {
  const fs = inv.ctx.fs as Invocation['ctx']['fs'] & RangeReader;
  try {
    const path = inv.path(operand);
    const st = fs.stat(path);
    if (typeof fs.read !== 'function' || st.kind !== 'file' || st.size <= CHUNK_BYTES) {
      const text = fs.readText(path);
      if (text !== '') write(text);
      return null;
    }
    const decoder = new TextDecoder();
    for (let offset = 0; offset < st.size; offset += CHUNK_BYTES) {
      if (inv.ctx.signal.interrupted) return null;
      const bytes = fs.read(path, offset, CHUNK_BYTES);
      const text = decoder.decode(bytes, { stream: offset + CHUNK_BYTES < st.size });
      if (text !== '') write(text);
      await Promise.resolve();
    }
    return null;
  } catch (error) {
    return { code: codeOf(error), reason: reasonOf(error) };
  }
}

/** Splits text into lines the way line-oriented tools see them: a final unterminated line counts. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Whether the text ends without a newline (tools like sort add one, cat keeps it missing). */
export function endsWithoutNewline(text: string): boolean {
  return text !== '' && !text.endsWith('\n');
}
