// @ts-check
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'http://localhost:4321',
  server: { port: 4321, host: true },
  integrations: [
    starlight({
      title: 'Docker for MLOps',
      description: 'Learn Docker by doing: write a Dockerfile, build an image, run containers — in a simulated terminal.',
      customCss: ['./src/styles/course.css'],
      sidebar: [
        { label: 'Overview', link: '/' },
        {
          label: 'Concepts',
          items: [
            { label: 'Why containers', slug: 'concepts/why-containers' },
            { label: 'Dockerfile, image, container', slug: 'concepts/dockerfile-image-container' },
          ],
        },
        {
          label: 'Exercises',
          items: [
            { label: '1 · Install Docker', slug: 'exercises/install' },
            { label: '2–5 · Write trainer.dockerfile', slug: 'exercises/dockerfile' },
            { label: '6–7 · Build and list images', slug: 'exercises/build' },
            { label: '7–8 · Run containers', slug: 'exercises/run' },
            { label: '9 · Get files out', slug: 'exercises/files' },
            { label: '10 · Look inside', slug: 'exercises/inside' },
            { label: '11 · A predict image', slug: 'exercises/predict' },
            { label: '12 · GPU images', slug: 'exercises/gpu' },
          ],
        },
        {
          label: 'Wrapping up',
          items: [
            { label: 'Image size', slug: 'wrap-up/image-size' },
            { label: 'Recap', slug: 'wrap-up/recap' },
          ],
        },
      ],
    }),
    mdx(),
  ],
});
