import { describe, expect, it } from 'vitest';
import { laptop, run } from './harness';

const HOME = '/home/student';

// Real rm/cp/mv 9.1 with answers piped in (`echo y | rm -ri d`).
describe('questions answered from standard input', () => {
  it('rm -i removes on y, keeps on end of input', async () => {
    const lap = laptop();
    lap.fs.writeFile(`${HOME}/e`, '');
    const result = await run(lap, ['rm', '-i', 'e'], { stdin: 'y\n' });
    expect(result.output).toBe("rm: remove regular empty file 'e'? ");
    expect(lap.fs.exists(`${HOME}/e`)).toBe(false);
  });
  it('rm -ri asks before descending, one answer per line', async () => {
    const lap = laptop();
    lap.fs.mkdir(`${HOME}/d/s`, { recursive: true });
    lap.fs.writeFile(`${HOME}/d/s/z`, '');
    const result = await run(lap, ['rm', '-ri', 'd'], { stdin: 'y\n' });
    expect(result.output).toBe("rm: descend into directory 'd'? rm: descend into directory 'd/s'? ");
    expect(lap.fs.exists(`${HOME}/d/s/z`)).toBe(true);
    await run(lap, ['rm', '-ri', 'd'], { stdin: ['y\ny\n', 'y\ny\ny\n'] });
    expect(lap.fs.exists(`${HOME}/d`)).toBe(false);
  });
  it('asks about a write-protected file only on a terminal', async () => {
    const lap = laptop();
    lap.fs.writeFile(`${HOME}/ro`, '');
    lap.fs.chmod(`${HOME}/ro`, 0o444);
    const asked = await run(lap, ['rm', 'ro'], { tty: true, stdin: 'n\n' });
    expect(asked.output).toBe("rm: remove write-protected regular empty file 'ro'? ");
    expect(lap.fs.exists(`${HOME}/ro`)).toBe(true);
    expect((await run(lap, ['rm', 'ro'])).output).toBe('');
    expect(lap.fs.exists(`${HOME}/ro`)).toBe(false);
  });
  it('cp -i and mv -i ask before overwriting', async () => {
    const lap = laptop();
    lap.fs.writeFile(`${HOME}/f`, 'x\n');
    expect((await run(lap, ['cp', '-i', 'f', 'f2'])).output).toBe('');
    expect((await run(lap, ['cp', '-i', 'f', 'f2'])).output).toBe("cp: overwrite 'f2'? ");
    const moved = await run(lap, ['mv', '-i', 'f', 'f2'], { stdin: 'y\n' });
    expect(moved.output).toBe("mv: overwrite 'f2'? ");
    expect(lap.fs.exists(`${HOME}/f`)).toBe(false);
  });
});
