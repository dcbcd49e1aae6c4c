import { describe, expect, it } from 'vitest';
import { InterruptController } from '../../../src/engine/signal';
import { humanSize } from '../../../src/engine/shell/commands/human-size';
import { laptop, run } from './harness';

const HOME = '/home/student';

// Expectations are the real programs' outputs (Debian 12) unless a comment says otherwise.
describe('who and where', () => {
  it('id and whoami read /etc/passwd and /etc/group', async () => {
    expect((await run(laptop(), ['id'])).stdout).toBe('uid=1000(student) gid=1000(student) groups=1000(student)\n');
    expect((await run(laptop(), ['id', '-un'])).stdout).toBe('student\n');
    expect((await run(laptop(), ['id', '-u'])).stdout).toBe('1000\n');
    expect((await run(laptop(), ['id', 'root'])).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect((await run(laptop(), ['id', 'nobodyx'])).output).toBe('id: ‘nobodyx’: no such user\n');
    expect((await run(laptop(), ['id', '-n'])).output).toBe('id: cannot print only names or real IDs in default format\n');
    expect((await run(laptop(), ['whoami'])).stdout).toBe('student\n');
    expect((await run(laptop(), ['whoami', 'x'])).output).toBe("whoami: extra operand ‘x’\nTry 'whoami --help' for more information.\n");
  });
  it('uname and hostname describe the laptop', async () => {
    expect((await run(laptop(), ['uname'])).stdout).toBe('Linux\n');
    expect((await run(laptop(), ['uname', '-s', '-n'])).stdout).toBe('Linux laptop\n');
    expect((await run(laptop(), ['uname', '-o'])).stdout).toBe('GNU/Linux\n');
    expect((await run(laptop(), ['uname', '-p'])).stdout).toBe('unknown\n');
    expect((await run(laptop(), ['uname', '-a'])).stdout).toMatch(/^Linux laptop \S+ #1 .* x86_64 GNU\/Linux\n$/);
    expect((await run(laptop(), ['hostname'])).stdout).toBe('laptop\n');
    expect((await run(laptop(), ['uname', 'x'])).output).toBe("uname: extra operand ‘x’\nTry 'uname --help' for more information.\n");
  });
  it('which searches PATH; debianutils prints its usage on stdout', async () => {
    expect((await run(laptop(), ['which', 'ls'])).stdout).toBe('/usr/bin/ls\n');
    expect((await run(laptop(), ['which', '-a', 'ls'])).stdout).toBe('/usr/bin/ls\n/bin/ls\n');
    const missing = await run(laptop(), ['which', 'ls', 'nope']);
    expect(missing.stdout).toBe('/usr/bin/ls\n');
    expect(missing.status).toBe(1);
    const bad = await run(laptop(), ['which', '-x']);
    expect(bad.stderr).toBe('Illegal option -x\n');
    expect(bad.stdout).toBe('Usage: /usr/bin/which [-a] args\n');
    expect(bad.status).toBe(2);
  });
});

describe('paths and numbers', () => {
  it.each([
    [['basename', '/a/b.txt', '.txt'], 'b\n'],
    [['basename', '-s', '.txt', 'a.txt', 'b.txt'], 'a\nb\n'],
    [['basename', '-a', 'a/b', 'c/d'], 'b\nd\n'],
    [['basename', '/'], '/\n'],
    [['basename', ''], '\n'],
    [['dirname', 'a/b', 'c/d'], 'a\nc\n'],
    [['dirname', '/'], '/\n'],
    [['dirname', ''], '.\n'],
    [['seq', '3'], '1\n2\n3\n'],
    [['seq', '1', '2', '7'], '1\n3\n5\n7\n'],
    [['seq', '-s,', '3'], '1,2,3\n'],
    [['seq', '-w', '8', '10'], '08\n09\n10\n'],
    [['seq', '1.5', '3'], '1.5\n2.5\n'],
    [['seq', '0.1', '0.1', '0.3'], '0.1\n0.2\n0.3\n'],
    [['seq', '5', '1'], ''],
    [['seq', '-f', '%03g', '3'], '001\n002\n003\n'],
  ])('%j', async (argv, output) => {
    expect((await run(laptop(), argv)).stdout).toBe(output);
  });
  it.each([
    [['basename'], "basename: missing operand\nTry 'basename --help' for more information.\n"],
    [['basename', 'a', 'b', 'c'], "basename: extra operand ‘c’\nTry 'basename --help' for more information.\n"],
    [['seq', 'x'], "seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n"],
    [['seq', '1', '2', '3', '4'], "seq: extra operand ‘4’\nTry 'seq --help' for more information.\n"],
  ])('%j fails', async (argv, message) => {
    const result = await run(laptop(), argv);
    expect(result.stderr).toBe(message);
    expect(result.status).toBe(1);
  });
  it('sizes for people round up', () => {
    expect([1023, 1024, 1025, 1536, 5000, 10239, 10240, 2_000_000, 4096].map(humanSize)).toEqual(['1023', '1.0K', '1.1K', '1.5K', '4.9K', '10K', '10K', '2.0M', '4.0K']);
  });
});

describe('time', () => {
  it('sleep waits on the simulated clock and stops when interrupted', async () => {
    const lap = laptop();
    const before = lap.clock.now();
    expect((await run(lap, ['sleep', '1.5'])).status).toBe(0);
    expect(lap.clock.now() - before).toBe(1500);
    await run(lap, ['sleep', '1m', '1s']);
    expect(lap.clock.now() - before).toBe(62_500);
    const signal = new InterruptController();
    signal.interrupt(2);
    expect((await run(lap, ['sleep', '10'], { signal })).status).toBe(130);
  });
  it.each([
    [['sleep'], "sleep: missing operand\nTry 'sleep --help' for more information.\n"],
    [['sleep', 'x'], "sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n"],
    [['sleep', '1m1'], "sleep: invalid time interval ‘1m1’\nTry 'sleep --help' for more information.\n"],
    [['sleep', '-1'], "sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n"],
  ])('%j fails', async (argv, message) => {
    expect((await run(laptop(), argv)).stderr).toBe(message);
  });
  it('date formats the simulated clock in UTC', async () => {
    expect((await run(laptop(), ['date'])).stdout).toBe('Thu Nov 26 09:00:00 UTC 2026\n');
    expect((await run(laptop(), ['date', '-d', '@0'])).stdout).toBe('Thu Jan  1 00:00:00 UTC 1970\n');
    expect((await run(laptop(), ['date', '-d', '2025-01-02 03:04:05'])).stdout).toBe('Thu Jan  2 03:04:05 UTC 2025\n');
    expect((await run(laptop(), ['date', '+%Y-%m-%d'])).stdout).toBe('2026-11-26\n');
    expect((await run(laptop(), ['date', '-I'])).stdout).toBe('2026-11-26\n');
    expect((await run(laptop(), ['date', '-R'])).stdout).toBe('Thu, 26 Nov 2026 09:00:00 +0000\n');
    expect((await run(laptop(), ['date', '--iso-8601=seconds'])).stdout).toBe('2026-11-26T09:00:00+00:00\n');
    expect((await run(laptop(), ['date', '-d', 'yesterday', '+%F'])).stdout).toBe('2026-11-25\n');
    expect((await run(laptop(), ['date', '-d', 'bogus'])).output).toBe('date: invalid date ‘bogus’\n');
  });
});

describe('terminal and pagers', () => {
  it('clear emits what terminfo says for $TERM', async () => {
    expect((await run(laptop(), ['clear'], { env: { TERM: 'xterm-256color' } })).stdout).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect((await run(laptop(), ['clear', '-x'], { env: { TERM: 'xterm' } })).stdout).toBe('\x1b[H\x1b[2J');
    expect((await run(laptop(), ['clear'], { env: { TERM: 'linux' } })).stdout).toBe('\x1b[H\x1b[J\x1b[3J');
    const unset = await run(laptop(), ['clear']);
    expect(unset.stderr).toBe('TERM environment variable not set.\n');
    expect(unset.status).toBe(1);
    expect((await run(laptop(), ['clear'], { env: { TERM: '' } })).stderr).toBe("'': unknown terminal type.\n");
  });
  it('less and more copy files when there is nothing to page', async () => {
    const lap = laptop();
    lap.fs.writeFile(`${HOME}/a.txt`, 'hi\n');
    expect((await run(lap, ['less', 'a.txt', 'nope'])).output).toBe('hi\nnope: No such file or directory\n');
    expect((await run(lap, ['more', 'a.txt'])).stdout).toBe('::::::::::::::\na.txt\n::::::::::::::\nhi\n');
  });
});

describe('running other programs', () => {
  it('env sets, unsets and runs', async () => {
    expect((await run(laptop(), ['env', 'FOO=bar', 'printenv', 'FOO'])).stdout).toBe('bar\n');
    expect((await run(laptop(), ['env', '-i', 'PATH=/bin', 'printenv'])).stdout).toBe('PATH=/bin\n');
    const missing = await run(laptop(), ['env', 'nope']);
    expect(missing.stderr).toBe('env: ‘nope’: No such file or directory\n');
    expect(missing.status).toBe(127);
    const bad = await run(laptop(), ['env', '-u']);
    expect(bad.stderr).toBe("env: option requires an argument -- 'u'\nTry 'env --help' for more information.\n");
    expect(bad.status).toBe(125);
  });
  it('xargs builds command lines from its input', async () => {
    expect((await run(laptop(), ['xargs', '-n1', 'echo'], { stdin: 'a b c\n' })).stdout).toBe('a\nb\nc\n');
    expect((await run(laptop(), ['xargs'], { stdin: 'a b\n' })).stdout).toBe('a b\n');
    expect((await run(laptop(), ['xargs', '-I{}', 'echo', '{}!'], { stdin: 'x\ny\n' })).stdout).toBe('x!\ny!\n');
    expect((await run(laptop(), ['xargs', 'echo', 'hi'], { stdin: '\n' })).stdout).toBe('hi\n');
    expect((await run(laptop(), ['xargs', '-r', 'echo'], { stdin: '' })).stdout).toBe('');
    expect((await run(laptop(), ['xargs', 'false'], { stdin: 'a\n' })).status).toBe(123);
    const missing = await run(laptop(), ['xargs', 'nope'], { stdin: 'a\n' });
    expect(missing.stderr).toBe('xargs: nope: No such file or directory\n');
    expect(missing.status).toBe(127);
    expect((await run(laptop(), ['xargs', '-n', '0'])).stderr).toBe("xargs: value 0 for -n option should be >= 1\nTry 'xargs --help' for more information.\n");
    expect((await run(laptop(), ['xargs', '-t', 'echo'], { stdin: 'x\n' })).output).toBe('echo x\nx\n');
  });
  it('true and false', async () => {
    expect((await run(laptop(), ['true', '--x'])).status).toBe(0);
    expect((await run(laptop(), ['false'])).status).toBe(1);
  });
});

describe('links and metadata', () => {
  it('readlink, realpath, stat -c', async () => {
    const lap = laptop();
    lap.fs.mkdir(`${HOME}/d`);
    lap.fs.writeFile(`${HOME}/d/a.txt`, 'hi\n');
    lap.fs.symlink('a.txt', `${HOME}/d/link`);
    expect((await run(lap, ['readlink', 'd/link'])).stdout).toBe('a.txt\n');
    expect((await run(lap, ['readlink', 'd/a.txt'])).status).toBe(1);
    expect((await run(lap, ['realpath', 'd/link', 'nope'])).stdout).toBe(`${HOME}/d/a.txt\n${HOME}/nope\n`);
    expect((await run(lap, ['stat', '-c', '%n %s %a %A %U %G %F', 'd/a.txt', 'd', 'd/link'])).stdout).toBe(
      'd/a.txt 3 644 -rw-r--r-- student student regular file\nd 4096 755 drwxr-xr-x student student directory\nd/link 5 777 lrwxrwxrwx student student symbolic link\n',
    );
    expect((await run(lap, ['stat', 'nope'])).stderr).toBe("stat: cannot statx 'nope': No such file or directory\n");
  });
  it('df prints the header GNU df prints', async () => {
    expect((await run(laptop(), ['df', '-h', '/'])).stdout.split('\n')[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
    expect((await run(laptop(), ['df', '/'])).stdout.split('\n')[0]).toBe('Filesystem     1K-blocks     Used Available Use% Mounted on');
  });
});
