// The quiz files in content/quizzes, parsed the way Astro's glob loader parses them (js-yaml's
// `load` for .yaml/.yml, JSON.parse for .json).
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { load } from 'js-yaml';

export const QUIZ_DIR = resolve(__dirname, '../../../content/quizzes');

export interface QuizFile {
  id: string;
  path: string;
  data: unknown;
}

export function quizFiles(): QuizFile[] {
  return readdirSync(QUIZ_DIR)
    .filter((name) => /^[^_].*\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => {
      const path = join(QUIZ_DIR, name);
      const text = readFileSync(path, 'utf8');
      const data: unknown = name.endsWith('.json') ? JSON.parse(text) : load(text, { filename: path });
      return { id: name.slice(0, -extname(name).length), path, data };
    });
}
