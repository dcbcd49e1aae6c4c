import { describe, expect, test } from 'vitest';
import type { InputStream } from '../../../src/engine/process';
import { DEFAULT_EPOCH, RealtimeClock } from '../../../src/engine/clock';
import { BufferedInput } from '../../../src/engine/shell/interpreter/io';
import { ContainerRuntime } from '../../../src/engine/docker/runtime';
import { run, session, studentWorld } from './world';

const PY = 'python:3.11-slim';

/** A terminal's input as the browser controller makes it: chunks on demand, raw mode on request. */
class Keys implements InputStream {
  private chunks: (string | null)[] = [];
  private waiter: ((c: string | null) => void) | null = null;
  push(chunk: string | null): void {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(chunk);
    } else this.chunks.push(chunk);
  }
  read(): Promise<string | null> {
    if (this.chunks.length > 0) return Promise.resolve(this.chunks.shift()!);
    return new Promise((resolve) => (this.waiter = resolve));
  }
}

class Terminal extends BufferedInput {
  raw = false;
  modes: boolean[] = [];
  setRawMode(raw: boolean): void {
    this.raw = raw;
    this.modes.push(raw);
  }
}

async function tick(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
}

async function ttyWorld(options: Parameters<typeof studentWorld>[0] = {}) {
  const world = studentWorld(options);
  const s = session(world, true);
  let out = '';
  const write = (c: string): void => {
    out += c;
  };
  await s.execute(`docker run --rm ${PY} true`, { stdout: { write }, stderr: { write } });
  return {
    world,
    s,
    output: () => out,
    clear: () => (out = ''),
    start(command: string, stdin: InputStream) {
      out = '';
      return s.execute(command, { stdout: { write }, stderr: { write }, stdin });
    },
  };
}

describe('docker run -it on a terminal', () => {
  test('cooked lines from a terminal without raw mode: sh prompts with # and runs each line', async () => {
    const t = await ttyWorld();
    const keys = new Keys();
    const done = t.start(`docker run -it --entrypoint sh ${PY}`, new BufferedInput(keys));
    await tick();
    keys.push('echo hi\n');
    await tick();
    keys.push('ls /nonexist\n');
    await tick();
    keys.push('exit 4\n');
    expect(await done).toBe(4);
    expect(t.output()).toBe("# hi\r\n# ls: cannot access '/nonexist': No such file or directory\r\n# ");
  });

  test('raw keys: the container terminal echoes, edits, and Ctrl+C stops the command in the shell', async () => {
    // real time, so that `sleep 100` is still sleeping when Ctrl+C comes
    const t = await ttyWorld({ clock: new RealtimeClock(DEFAULT_EPOCH, 50) });
    const keys = new Keys();
    const terminal = new Terminal(keys);
    const done = t.start(`docker run -it --name it1 --entrypoint sh ${PY}`, terminal);
    await tick();
    expect(terminal.raw).toBe(true);
    for (const k of 'echo hix\x7f\r') keys.push(k);
    await tick();
    for (const k of 'sleep 100\r') keys.push(k);
    await tick();
    keys.push('\x03');
    await tick();
    keys.push('\x03');
    await tick();
    keys.push('\x04');
    expect(await done).toBe(130);
    expect(t.output()).toBe('# echo hix\b \b\r\nhi\r\n# sleep 100\r\n^C\r\n# ^C\r\n# \r\n');
    expect(terminal.modes).toEqual([true, false]);
    expect(ContainerRuntime.of(t.world.engine).find('it1').state.exitCode).toBe(130);
  }, 20_000);

  test('bash shows root@<id>:/# and says exit at the end of input', async () => {
    const t = await ttyWorld();
    const keys = new Keys();
    const done = t.start(`docker run -it --name it2 ${PY} bash`, new BufferedInput(keys));
    await tick();
    keys.push('cd /tmp\n');
    await tick();
    keys.push(null);
    expect(await done).toBe(0);
    const id = ContainerRuntime.of(t.world.engine).find('it2').id.slice(0, 12);
    expect(t.output()).toBe(`\x1b[?2004hroot@${id}:/# \x1b[?2004l\r\x1b[?2004hroot@${id}:/tmp# \x1b[?2004l\r\r\nexit\r\n`);
  });

  test('docker exec -it runs a shell in a running container', async () => {
    const t = await ttyWorld();
    await t.start(`docker run -d --name ex1 ${PY} sleep 1000`, new BufferedInput(new Keys()));
    const keys = new Keys();
    const terminal = new Terminal(keys);
    const done = t.start('docker exec -it ex1 sh', terminal);
    await tick();
    for (const k of 'echo $HOSTNAME\r') keys.push(k);
    await tick();
    for (const k of 'exit\r') keys.push(k);
    expect(await done).toBe(0);
    const id = ContainerRuntime.of(t.world.engine).find('ex1').id.slice(0, 12);
    expect(t.output()).toBe(`# echo $HOSTNAME\r\n${id}\r\n# exit\r\n`);
  });
});

describe('docker start -ai', () => {
  test('attaches the terminal to a container created with -it and runs its shell again', async () => {
    const t = await ttyWorld();
    await t.start(`docker create -it --name again ${PY} sh`, new BufferedInput(new Keys()));
    const keys = new Keys();
    const terminal = new Terminal(keys);
    const done = t.start('docker start -ai again', terminal);
    await tick();
    for (const k of 'echo started\r') keys.push(k);
    await tick();
    keys.push('\x04');
    expect(await done).toBe(0);
    expect(t.output()).toBe('# echo started\r\nstarted\r\n# \r\n');
    expect(terminal.modes).toEqual([true, false]);
  });
});

describe('docker run -i without a terminal', () => {
  test('stdin is piped to the container and closes with the client', async () => {
    const world = studentWorld();
    const s = session(world);
    await run(s, `docker run --rm ${PY} true`);
    const r = await run(s, `printf 'a\\nb\\n' | docker run --rm -i ${PY} sort -r`);
    expect(r.out).toBe('b\na\n');
  });
});
