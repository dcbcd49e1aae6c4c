/** Random Dockerfiles: the builder reports build errors, it never throws. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BuildError } from '../../../src/engine/docker/builder/errors';
import { dispatch, prepare } from '../../../src/engine/docker/builder/plan';
import type { BaseImage } from '../../../src/engine/docker/builder/plan';
import { buildWorld } from './helpers';

const word = fc.constantFrom('a', 'b.txt', '/app', '.', '$X', '${X:-d}', '${X:?no}', '"q"', "'s'", '\\', '--from=x', '--chown=1:2', '--mount=type=cache,target=/c', '<<EOF', '[', ']', '["a"]', '=', 'k=v', '$', '${', '--', 'AS', 'as', 'scratch', 'python:3.11-slim', 'x y', '#', '\t', '0');
const keyword = fc.constantFrom('FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'WORKDIR', 'USER', 'EXPOSE', 'VOLUME', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER', 'from', 'NOPE', '#', '');
const line = fc.tuple(keyword, fc.array(word, { maxLength: 4 })).map(([k, ws]) => `${k} ${ws.join(' ')}`);
const dockerfile = fc.array(line, { minLength: 0, maxLength: 8 }).map((ls) => `${ls.join('\n')}\n`);

const base: BaseImage = {
  ref: 'docker.io/library/python:3.11-slim',
  digest: `sha256:${'0'.repeat(64)}`,
  config: { architecture: 'amd64', os: 'linux', config: { Env: ['PATH=/usr/bin'] }, rootfs: { type: 'layers', diff_ids: [] } },
};

describe('the planner', () => {
  test('random text: a plan or a BuildError', () => {
    fc.assert(
      fc.property(dockerfile, fc.string({ maxLength: 12 }), (text, target) => {
        try {
          const options = { buildArgs: new Map([['X', 'x']]), target: target.replace(/[^a-z]/g, ''), platform: { os: 'linux', architecture: 'amd64' }, buildPlatform: { os: 'linux', architecture: 'amd64' }, noCache: false, noCacheFilter: [] };
          const plan = prepare(`FROM python:3.11-slim\n${text}`, options);
          const bases = new Map(plan.images.map((i) => [i.name, base]));
          dispatch({ plan, options, bases, vertices: new Map() });
        } catch (e) {
          if (!(e instanceof BuildError)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('whole builds', () => {
  test('random Dockerfiles end in success or an ERROR line, never a crash', async () => {
    const w = buildWorld();
    w.write({ 'ctx/a': 'a\n', 'ctx/b.txt': 'b\n', 'ctx/app/x': 'x\n' });
    await w.run('cd ctx');
    await fc.assert(
      fc.asyncProperty(fc.boolean(), dockerfile, async (withFrom, text) => {
        w.write({ 'ctx/Dockerfile': withFrom ? `FROM python:3.11-slim\n${text}` : text });
        const r = await w.run('docker build -q .');
        expect([0, 1]).toContain(r.status);
        if (r.status === 1) expect(r.out).toMatch(/^ERROR: .*\n$/m);
        else expect(r.out).toMatch(/^sha256:[0-9a-f]{64}\n$/m);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
