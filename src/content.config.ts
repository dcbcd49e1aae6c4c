import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { quizSchema } from './components/quiz/schema';

export const collections = {
  // Lesson pages live in content/docs (not src/content), next to the starter project and quizzes.
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
  // One quiz per file, content/quizzes/<id>.yaml; pages show it with <Quiz id="<id>" />.
  quizzes: defineCollection({
    loader: glob({ base: './content/quizzes', pattern: '**/[^_]*.{yaml,yml,json}' }),
    schema: quizSchema,
  }),
};
