/** The engine's bundle of the starter project must match content/project. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODULE, renderProjectModule } from './project-files';

describe('project files bundled for the engine', () => {
  it('is up to date with content/project (regenerate: npm exec -- tsx tests/unit/docker-programs/project-files.ts)', () => {
    expect(readFileSync(MODULE, 'utf8')).toBe(renderProjectModule());
  });
});
