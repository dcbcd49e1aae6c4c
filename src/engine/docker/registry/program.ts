/**
 * The one place where an image's file becomes an executable implemented by a simulated program.
 * It uses the shell room's convention (shell/executable.ts): a small fake ELF naming the program,
 * which the host looks up in its program table when the file is run.
 */
import type { MetaSpec, NodeSpec } from '../../fs/builder';
import { executableImage } from '../../shell/executable';

/**
 * An executable file run by program `id` (mode 0755 unless given). `size` pads the file with NUL
 * bytes after the marker (real bytes, so keep it for small binaries like hello-world's /hello).
 */
export function program(id: string, meta: MetaSpec = {}, size?: number): NodeSpec {
  const image = executableImage(id);
  const content = size !== undefined && size > image.length ? image + '\0'.repeat(size - image.length) : image;
  return { type: 'file', content, mode: 0o755, ...meta };
}

/** A script run by `interpreter` (`#!` line plus body), mode 0755. */
export function script(interpreter: string, body: string, meta: MetaSpec = {}): NodeSpec {
  return { type: 'file', content: `#!${interpreter}\n${body}`, mode: 0o755, ...meta };
}
