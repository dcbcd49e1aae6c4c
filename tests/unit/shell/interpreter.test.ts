/**
 * The interpreter against a MemoryFs laptop: executables on disk, scripts, signals, the session
 * API. Expected texts come from GNU bash 5.2 (checked with /bin/bash).
 */
import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/engine/host';
import { Interrupted, type Program } from '../../../src/engine/process';
import { createLaptop } from '../../../src/engine/shell/laptop';
import { installProgram, classifyExecutable, executableImage } from '../../../src/engine/shell/executable';
import { ShellSession } from '../../../src/engine/shell/session';
import { spawn } from '../../../src/engine/shell/spawn';

function setup(options: { tty?: boolean } = {}) {
  const host = new Host();
  const laptop = createLaptop(host);
  const session = new ShellSession(host, { tty: options.tty ?? false });
  const run = async (text: string) => {
    let out = '';
    const write = (chunk: string) => {
      out += chunk;
    };
    const status = await session.execute(text, { stdout: { write }, stderr: { write } });
    return { out, status };
  };
  return { host, fs: laptop.fs, session, run };
}

describe('executables on disk', () => {
  it('finds programs in PATH and says where', async () => {
    const { run } = setup();
    expect(await run('type ls')).toEqual({ out: 'ls is /usr/bin/ls\n', status: 0 });
    expect(await run('ls / >/dev/null; type ls')).toEqual({ out: 'ls is hashed (/usr/bin/ls)\n', status: 0 });
    expect(await run('command -v cat')).toEqual({ out: '/usr/bin/cat\n', status: 0 });
    expect(await run('/bin/ls -d /tmp')).toEqual({ out: '/tmp\n', status: 0 });
  });

  it('marks files with a fake ELF header naming the program', () => {
    expect(classifyExecutable(executableImage('ls'))).toEqual({ kind: 'program', id: 'ls' });
    expect(classifyExecutable('#!/usr/bin/env python3\n')).toEqual({ kind: 'script', interpreter: '/usr/bin/env', argument: 'python3' });
    expect(classifyExecutable('echo hi\n')).toEqual({ kind: 'shell' });
  });

  it('runs programs the host installs', async () => {
    const { host, fs, run } = setup();
    const hello: Program = async (ctx) => {
      ctx.stdout.write(`hello ${ctx.argv.slice(1).join(' ')} from ${ctx.cwd}\n`);
      return 3;
    };
    host.programs.set('hello', hello);
    installProgram(fs, '/usr/local/bin/hello', 'hello');
    expect(await run('hello you')).toEqual({ out: 'hello you from /home/student\n', status: 3 });
    expect(await run('cp /usr/local/bin/hello ./hi; ./hi copy')).toEqual({ out: 'hello copy from /home/student\n', status: 3 });
  });

  it('refuses what cannot run, with bash words and statuses', async () => {
    const { fs, run } = setup();
    expect(await run('nope')).toEqual({ out: 'bash: nope: command not found\n', status: 127 });
    expect(await run('./nope')).toEqual({ out: 'bash: ./nope: No such file or directory\n', status: 127 });
    expect(await run('/nope')).toEqual({ out: 'bash: /nope: No such file or directory\n', status: 127 });
    expect(await run('mkdir dir; ./dir')).toEqual({ out: 'bash: ./dir: Is a directory\n', status: 126 });
    expect(await run('echo echo hi > x; ./x')).toEqual({ out: 'bash: ./x: Permission denied\n', status: 126 });
    fs.chmod('/usr/bin/ls', 0o644);
    expect(await run('ls')).toEqual({ out: 'bash: /usr/bin/ls: Permission denied\n', status: 126 });
    expect(await run('type ls')).toEqual({ out: 'ls is hashed (/usr/bin/ls)\n', status: 0 });
    fs.unlink('/usr/bin/ls');
    expect(await run('type ls')).toEqual({ out: 'bash: type: ls: not found\n', status: 1 });
    fs.writeFile('/usr/local/bin/elf', '\x7fELF\x02\x01\x01\x00junk', { mode: 0o755 });
    expect(await run('elf')).toEqual({ out: 'bash: /usr/local/bin/elf: cannot execute binary file: Exec format error\n', status: 126 });
  });

  it('runs scripts: #! interpreters, env, and plain shell files', async () => {
    const { run } = setup();
    await run(`printf '#!/bin/bash\\necho "$0 has $# args: $*"\\nnope\\nexit 5\\n' > s.sh; chmod +x s.sh`);
    expect(await run('./s.sh a b')).toEqual({ out: './s.sh has 2 args: a b\n./s.sh: line 3: nope: command not found\n', status: 5 });
    expect(await run('bash s.sh x')).toEqual({ out: 's.sh has 1 args: x\ns.sh: line 3: nope: command not found\n', status: 5 });
    expect(await run(`printf '#!/usr/bin/env bash\\necho via env\\n' > e.sh; chmod +x e.sh; ./e.sh`)).toEqual({ out: 'via env\n', status: 0 });
    expect(await run(`printf '#!/usr/bin/env nope\\n' > n.sh; chmod +x n.sh; ./n.sh`)).toEqual({ out: '/usr/bin/env: ‘nope’: No such file or directory\n', status: 127 });
    expect(await run(`printf '#!/usr/bin/python9\\n' > p.sh; chmod +x p.sh; ./p.sh`)).toEqual({ out: 'bash: ./p.sh: cannot execute: required file not found\n', status: 127 });
    expect(await run(`printf 'echo plain $1\\n' > plain; chmod +x plain; ./plain arg`)).toEqual({ out: 'plain arg\n', status: 0 });
    expect(await run(`printf '#!/bin/sh\\nfoo\\n' > d.sh; chmod +x d.sh; ./d.sh`)).toEqual({ out: './d.sh: 2: foo: not found\n', status: 127 });
    expect(await run('bash -c "foo"')).toEqual({ out: 'bash: line 1: foo: command not found\n', status: 127 });
    expect(await run('bash -c "echo ;;"')).toEqual({ out: "bash: -c: line 1: syntax error near unexpected token `;;'\nbash: -c: line 1: `echo ;;'\n", status: 2 });
    expect(await run('sh -c foo')).toEqual({ out: 'sh: 1: foo: not found\n', status: 127 });
    expect(await run('bash nope.sh')).toEqual({ out: 'bash: nope.sh: No such file or directory\n', status: 127 });
    expect(await run('echo "echo from stdin \\$((6*7))" | bash')).toEqual({ out: 'from stdin 42\n', status: 0 });
  });

  it('lets programs start commands (spawn)', async () => {
    const { host, fs, run } = setup();
    const runner: Program = async (ctx) => {
      const result = await spawn(ctx, ctx.argv.slice(1));
      if (result.kind === 'error') {
        ctx.stderr.write(`runner: ‘${ctx.argv[1]}’: ${result.reason}\n`);
        return result.code === 'ENOENT' ? 127 : 126;
      }
      return result.status;
    };
    host.programs.set('runner', runner);
    installProgram(fs, '/usr/local/bin/runner', 'runner');
    expect(await run('runner ls -d /tmp')).toEqual({ out: '/tmp\n', status: 0 });
    expect(await run('runner nope')).toEqual({ out: 'runner: ‘nope’: No such file or directory\n', status: 127 });
  });
});

describe('signals', () => {
  const blocker: Program = (ctx) =>
    new Promise((resolve) => {
      ctx.stdout.write('started\n');
      ctx.signal.onInterrupt((signo) => resolve(128 + signo));
    });

  it('Ctrl+C stops the foreground job and the rest of the line: status 130', async () => {
    const { host, fs, session, run } = setup({ tty: true });
    host.programs.set('block', blocker);
    installProgram(fs, '/usr/local/bin/block', 'block');
    const pending = run('block; echo after');
    await new Promise((r) => setTimeout(r, 10));
    session.interrupt(2);
    expect(await pending).toEqual({ out: 'started\n', status: 130 });
    expect(await run('echo $?')).toEqual({ out: '130\n', status: 0 });
  });

  it('Ctrl+C stops a busy loop', async () => {
    const { session, run } = setup();
    const pending = run('while true; do :; done; echo after');
    await new Promise((r) => setTimeout(r, 20));
    session.interrupt(2);
    expect(await pending).toEqual({ out: '', status: 130 });
  });

  it('a program that throws Interrupted exits 128+signo', async () => {
    const { host, fs, session, run } = setup();
    host.programs.set('sleeper', async (ctx) => {
      await new Promise((_, reject) => ctx.signal.onInterrupt((signo) => reject(new Interrupted(signo))));
      return 0;
    });
    installProgram(fs, '/usr/local/bin/sleeper', 'sleeper');
    const pending = run('sleeper');
    await new Promise((r) => setTimeout(r, 10));
    session.interrupt(2);
    expect((await pending).status).toBe(130);
  });

  it('a writer whose reader has gone gets SIGPIPE (yes | head)', async () => {
    const { host, fs, run } = setup();
    host.programs.set('yes', async (ctx) => {
      for (let i = 0; i < 100_000 && !ctx.signal.interrupted; i++) {
        ctx.stdout.write('y\n');
        await Promise.resolve();
      }
      return ctx.signal.interrupted ? 128 + ctx.signal.signo : 0;
    });
    // Reads one chunk and leaves, as head does once it has its lines.
    host.programs.set('first', async (ctx) => {
      const chunk = (await ctx.stdin.read()) ?? '';
      ctx.stdout.write(chunk.split('\n')[0] + '\n');
      return 0;
    });
    installProgram(fs, '/usr/bin/yes', 'yes');
    installProgram(fs, '/usr/local/bin/first', 'first');
    expect(await run('yes | first; echo ${PIPESTATUS[@]}')).toEqual({ out: 'y\n141 0\n', status: 0 });
  });
});

describe('session', () => {
  it('prompts like Debian: ~, ~/dir, full path elsewhere', async () => {
    const { session, run } = setup();
    expect(session.prompt()).toBe('student@laptop:~$ ');
    await run('mkdir mnist; cd mnist');
    expect(session.prompt()).toBe('student@laptop:~/mnist$ ');
    await run('cd /tmp');
    expect(session.prompt()).toBe('student@laptop:/tmp$ ');
    expect(session.cwd).toBe('/tmp');
  });

  it('tells complete from incomplete input', () => {
    const { session } = setup();
    expect(session.isComplete('echo hi')).toBe(true);
    expect(session.isComplete('echo "hi')).toBe(false);
    expect(session.isComplete('echo hi \\')).toBe(false);
    expect(session.isComplete('cat <<EOF\nbody')).toBe(false);
    expect(session.isComplete('cat <<EOF\nbody\nEOF')).toBe(true);
    expect(session.isComplete('echo ;;')).toBe(true);
  });

  it('has the environment of a login shell; env reads and writes variables', async () => {
    const { session, run } = setup({ tty: true });
    expect(session.env.HOME).toBe('/home/student');
    expect(session.env.TERM).toBe('xterm-256color');
    expect(session.env.LANG).toBe('C.UTF-8');
    await run('export GREETING=hi; LOCAL=x');
    expect(session.env.GREETING).toBe('hi');
    expect(session.env.LOCAL).toBeUndefined();
    session.env.FROM_HOST = 'yes';
    expect(await run('echo $FROM_HOST')).toEqual({ out: 'yes\n', status: 0 });
    expect(Object.keys(session.env)).toContain('PATH');
    const plain = setup({ tty: false }).session;
    expect(plain.env.TERM).toBeUndefined();
  });

  it('numbers history like bash on a terminal', async () => {
    const { run } = setup({ tty: true });
    await run('echo one');
    await run('echo two');
    expect(await run('history')).toEqual({ out: '    1  echo one\n    2  echo two\n    3  history\n', status: 0 });
  });

  it('exit ends the session', async () => {
    const { session, run } = setup();
    expect(await run('exit 3')).toEqual({ out: '', status: 3 });
    expect(session.exited).toBe(true);
    const tty = setup({ tty: true });
    expect(await tty.run('exit')).toEqual({ out: 'exit\n', status: 0 });
  });

  it('seeds a Debian root', async () => {
    const { fs, run } = setup();
    expect(fs.readlink('/bin')).toBe('usr/bin');
    expect(fs.stat('/tmp').mode).toBe(0o1777);
    const home = fs.stat('/home/student');
    expect([home.mode, home.uid, home.gid]).toEqual([0o755, 1000, 1000]);
    expect(await run('cat /etc/os-release | head -n 1')).toEqual({ out: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n', status: 0 });
    expect(await run('echo hi > /dev/null; cat /dev/null; echo > /etc/x')).toEqual({ out: 'bash: /etc/x: Permission denied\n', status: 1 });
  });
});
