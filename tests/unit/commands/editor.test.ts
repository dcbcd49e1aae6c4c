import { expect, test } from 'vitest';
import { createStudentHost, openSession } from '../../../src/engine/world';

async function run(line: string, withEditor: boolean) {
  const host = createStudentHost();
  const opened: string[] = [];
  if (withEditor) host.openEditor = async (path) => void opened.push(path);
  const session = openSession(host, { tty: true });
  let out = '';
  const write = (text: string) => void (out += text);
  const status = await session.execute(line, { stdout: { write }, stderr: { write } });
  return { status, out, opened };
}

test('nano, vim, vi and code open the page editor on the named file', async () => {
  for (const editor of ['nano', 'vim', 'vi', 'code']) {
    const result = await run(`mkdir -p mnist && cd mnist && ${editor} trainer.dockerfile`, true);
    expect(result).toEqual({ status: 0, out: '', opened: ['/home/student/mnist/trainer.dockerfile'] });
  }
});

test('without an editor they say so and fail', async () => {
  const result = await run('nano trainer.dockerfile', false);
  expect(result.status).toBe(1);
  expect(result.out).toMatch(/^nano: there is no full-screen editor in this simulated terminal\./);
  expect(result.opened).toEqual([]);
});
