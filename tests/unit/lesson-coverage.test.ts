import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(__dirname, '../..');
const pagesDir = join(root, 'content/docs');

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? pages(join(dir, entry.name)) : entry.name.endsWith('.mdx') ? [join(dir, entry.name)] : [],
  );
}

test('every exercise of the seed lesson (1–12) has its own section on a page', () => {
  const seed = readFileSync(join(root, '../shared/seed/docker-lesson.md'), 'utf8');
  // the seed numbers its exercises as a top-level ordered list under "## Exercises"
  const exercises = seed.split('## Exercises')[1]!.match(/^\d+\. /gm)!.map((item) => Number.parseInt(item, 10));
  expect(exercises).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  const headings = pages(pagesDir).flatMap((file) => readFileSync(file, 'utf8').match(/^#{2,3} Exercise [\d.]+/gm) ?? []);
  for (const n of exercises) {
    expect(headings.some((heading) => new RegExp(`Exercise ${n}(\\.\\d+)?$`).test(heading)), `Exercise ${n}`).toBe(true);
  }
});
