/**
 * The Dockerfile excerpt buildx prints above a build error (buildkit solver/errdefs/source.go):
 *
 *     Dockerfile:2
 *     --------------------
 *        1 |     FROM alpine
 *        2 | >>> RUN exit 1
 *        3 |
 *     --------------------
 */
import type { SourceRange } from './errors';

export function printSource(filename: string, data: string, ranges: readonly SourceRange[]): string {
  if (ranges.length === 0) return '';
  const lines = data.split('\n');
  let start = Math.min(...ranges.map((r) => r.startLine));
  let end = Math.max(...ranges.map((r) => r.endLine));
  if (start > lines.length || start < 1) return '';
  if (end > lines.length) end = lines.length;
  const pad = end === start ? 4 : 2;
  const prepadStart = start;
  let p = 0;
  while (p < pad) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
    p++;
  }
  const inRange = (i: number): boolean => ranges.some((r) => i >= r.startLine && i <= r.endLine);
  let out = `${filename}:${prepadStart}\n${'-'.repeat(20)}\n`;
  for (let i = start; i <= end; i++) {
    out += ` ${String(i).padStart(3, ' ')} | ${inRange(i) ? '>>>' : '   '} ${lines[i - 1]!.replace(/\r$/, '')}\n`;
  }
  out += `${'-'.repeat(20)}\n`;
  return out;
}
