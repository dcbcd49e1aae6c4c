import { describe, expect, test } from 'vitest';
import { parseDockerCommandLine, type DockerRequest, type ParseResult } from '../../../src/engine/docker/cli/parse';

function parse(line: string, env: Record<string, string> = {}): ParseResult {
  return parseDockerCommandLine(line.split(' ').filter(Boolean), { env: { HOME: '/home/student', ...env } });
}

function request(line: string, env?: Record<string, string>): DockerRequest {
  const result = parse(line, env);
  if (result.kind !== 'command') throw new Error(`${line}: ${result.output.map((o) => o.text).join('')}`);
  return result.request;
}

function failure(line: string): { status: number; stdout: string; stderr: string } {
  const result = parse(line);
  if (result.kind !== 'done') throw new Error(`${line}: parsed as a command`);
  const text = (stream: string) =>
    result.output
      .filter((o) => o.stream === stream)
      .map((o) => o.text)
      .join('');
  return { status: result.status, stdout: text('stdout'), stderr: text('stderr') };
}

describe('command paths', () => {
  test.each([
    ['ps', ['container', 'ls'], 'docker ps'],
    ['container ls', ['container', 'ls'], 'docker container ls'],
    ['container list', ['container', 'ls'], 'docker container ls'],
    ['container ps', ['container', 'ls'], 'docker container ls'],
    ['images', ['image', 'ls'], 'docker images'],
    ['image list', ['image', 'ls'], 'docker image ls'],
    ['rmi x', ['image', 'rm'], 'docker rmi'],
    ['image remove x', ['image', 'rm'], 'docker image rm'],
    ['rm x', ['container', 'rm'], 'docker rm'],
    ['container remove x', ['container', 'rm'], 'docker container rm'],
    ['run x', ['container', 'run'], 'docker run'],
    ['pull x', ['image', 'pull'], 'docker pull'],
    ['tag a b', ['image', 'tag'], 'docker tag'],
    ['history x', ['image', 'history'], 'docker history'],
    ['info', ['system', 'info'], 'docker info'],
    ['inspect x', ['inspect'], 'docker inspect'],
    ['image inspect x', ['image', 'inspect'], 'docker image inspect'],
    ['volume list', ['volume', 'ls'], 'docker volume ls'],
    ['volume remove v', ['volume', 'rm'], 'docker volume rm'],
    ['version', ['version'], 'docker version'],
    ['build .', ['buildx', 'build'], 'docker buildx build'],
    ['image build .', ['buildx', 'build'], 'docker buildx build'],
    ['builder build .', ['buildx', 'build'], 'docker buildx build'],
    ['buildx b .', ['buildx', 'build'], 'docker buildx build'],
    ['builder prune', ['buildx', 'prune'], 'docker buildx prune'],
    ['network ls', ['network', 'ls'], 'docker network ls'],
  ])('docker %s → %j', (line, command, commandPath) => {
    const parsed = request(line);
    expect(parsed.command).toEqual(command);
    expect(parsed.commandPath).toBe(commandPath);
  });
});

describe('flags', () => {
  test('run: flags stop at the image, the rest is the container command', () => {
    const parsed = request('run -it --rm --name web -p 8080:80 ubuntu bash -c ls -la --rm');
    expect(parsed.args).toEqual(['ubuntu', 'bash', '-c', 'ls', '-la', '--rm']);
    expect(parsed.flags.interactive).toBe(true);
    expect(parsed.flags.tty).toBe(true);
    expect(parsed.flags.rm).toBe(true);
    expect(parsed.flags.name).toBe('web');
    expect(parsed.flags.publish).toEqual(['8080:80']);
    expect([...parsed.changed].sort()).toEqual(['interactive', 'name', 'publish', 'rm', 'tty']);
  });

  test('exec stops at the container too; other commands take flags anywhere', () => {
    expect(request('exec -it c ls -l').args).toEqual(['c', 'ls', '-l']);
    const rm = request('rm a -f b');
    expect(rm.args).toEqual(['a', 'b']);
    expect(rm.flags.force).toBe(true);
  });

  test('grouped short flags, and a value glued to the last one', () => {
    const run = request('run -itd alpine');
    expect([run.flags.interactive, run.flags.tty, run.flags.detach]).toEqual([true, true, true]);
    expect(request('build -tname .').flags.tag).toEqual(['name']);
    expect(request('build -t=name .').flags.tag).toEqual(['name']);
    expect(request('ps -qn3').flags.last).toBe(3);
  });

  test('--flag=value and --flag value', () => {
    expect(request('ps --last=5').flags.last).toBe(5);
    expect(request('ps --last 5').flags.last).toBe(5);
    expect(request('ps --format={{.ID}}').flags.format).toBe('{{.ID}}');
  });

  test('repeated list flags keep every value, in order', () => {
    const run = request('run -v a:/a -v b:/b -e A=1 --env B=2 -e C alpine', { C: 'from-env' });
    expect(run.flags.volume).toEqual(['a:/a', 'b:/b']);
    // opts.ValidateEnv: a bare name takes its value from the client's environment
    expect(run.flags.env).toEqual(['A=1', 'B=2', 'C=from-env']);
    expect(request('run -e NOPE alpine').flags.env).toEqual(['NOPE']);
    expect(request('build -t a -t b:1 .').flags.tag).toEqual(['a', 'b:1']);
  });

  test('booleans take =false, not a separate word', () => {
    const run = request('run --rm=false -d=true alpine');
    expect(run.flags.rm).toBe(false);
    expect(run.flags.detach).toBe(true);
    expect(run.changed.has('rm')).toBe(true);
    // `--rm false` makes "false" the image
    expect(request('run --rm false').args).toEqual(['false']);
  });

  test('-- ends the flags', () => {
    const rm = request('rm -- -f');
    expect(rm.args).toEqual(['-f']);
    expect(rm.flags.force).toBe(false);
    expect(rm.argsLenAtDash).toBe(0);
  });

  test('typed values and defaults', () => {
    const run = request('run -m 512m --cpus 1.5 --health-interval 1m30s --blkio-weight 300 alpine');
    expect(run.flags.memory).toBe(512 * 1024 * 1024);
    expect(run.flags.cpus).toBe(1.5e9);
    expect(run.flags['health-interval']).toBe(90e9);
    expect(run.flags['blkio-weight']).toBe(300);
    expect(run.flags.pull).toBe('missing');
    expect(run.flags['sig-proxy']).toBe(true);
    expect(run.flags['memory-swappiness']).toBe(-1);
    expect(run.flags.env).toEqual([]);
    expect(request('ps').flags.last).toBe(-1);
    expect(request('run --memory-swap -1 alpine').flags['memory-swap']).toBe(-1);
    expect(request('ps -n 0x10').flags.last).toBe(16);
  });

  test('buildx: the builder defaults to "default" only through docker build', () => {
    expect(request('build .').flags.builder).toBe('default');
    expect(request('build .').viaBuilderAlias).toBe(true);
    expect(request('buildx build .').flags.builder).toBe('');
    expect(request('buildx build --builder b .').flags.builder).toBe('b');
    expect(request('build --progress=plain -f x.dockerfile .').flags).toMatchObject({ progress: 'plain', file: 'x.dockerfile' });
  });

  test('global options are kept apart', () => {
    const ps = request('-D --host unix:///x.sock ps -a');
    expect(ps.global.debug).toBe(true);
    expect(ps.global.host).toEqual(['unix:///x.sock']);
    expect(ps.global['log-level']).toBe('info');
    expect(ps.flags.all).toBe(true);
  });
});

describe('errors', () => {
  test('unknown shorthand among the global options', () => {
    expect(failure('-f')).toEqual({
      status: 125,
      stdout: '',
      stderr: "unknown shorthand flag: 'f' in -f\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n",
    });
  });

  test('bad values, missing values', () => {
    expect(failure('ps -n x').stderr.split('\n')[0]).toBe(
      'invalid argument "x" for "-n, --last" flag: strconv.ParseInt: parsing "x": invalid syntax',
    );
    expect(failure('build -t').stderr).toBe("flag needs an argument: 't' in -t\nSee 'docker buildx build --help'.\n");
    expect(failure('run -m 1x alpine').stderr.split('\n')[0]).toBe('invalid argument "1x" for "-m, --memory" flag: invalid suffix: \'x\'');
    expect(failure('run --health-interval 1 a').stderr.split('\n')[0]).toContain('time: missing unit in duration "1"');
  });

  test('exit codes: 125 for flags, 1 for arguments and unknown commands', () => {
    expect(failure('run --foo alpine').status).toBe(125);
    expect(failure('run').status).toBe(1);
    expect(failure('nosuch').status).toBe(1);
    expect(failure('build').status).toBe(1);
    expect(failure('build --foo .').status).toBe(125);
  });

  test('argument counts', () => {
    expect(failure('rm').stderr).toBe(
      "docker: 'docker rm' requires at least 1 argument\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker rm --help' for more information\n",
    );
    expect(failure('images a b').stderr).toContain("\n\nSRun 'docker images --help' for more information\n");
    expect(failure('container list x').stderr).toContain("docker: 'docker container ls' accepts no arguments");
  });

  test('help goes to stdout, a bare group prints its help on stderr', () => {
    const help = failure('ps --help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: {2}docker ps \[OPTIONS\]\n\nList containers\n/);
    const group = failure('image');
    expect(group.stdout).toBe('');
    expect(group.stderr).toMatch(/^Usage: {2}docker image COMMAND\n/);
  });

  test('-h is deprecated but prints help, after the notice', () => {
    const result = parse('ps -h');
    expect(result.output.map((o) => o.stream)).toEqual(['stdout', 'stdout']);
    expect(result.output[0]!.text).toBe('Flag shorthand -h has been deprecated, use --help\n');
  });
});

describe('help width', () => {
  test('flag descriptions wrap to the terminal on stdin', () => {
    const narrow = parseDockerCommandLine(['ps', '--help'], { width: 80 });
    const wide = parseDockerCommandLine(['ps', '--help'], { width: 200 });
    const text = (r: ParseResult) => r.output.map((o) => o.text).join('');
    expect(text(narrow)).toContain('  -n, --last int        Show n last created containers (includes all\n                        states) (default -1)\n');
    expect(text(wide)).toContain('  -n, --last int        Show n last created containers (includes all states) (default -1)\n');
  });

  test('the config dir in the global options follows DOCKER_CONFIG', () => {
    const result = parseDockerCommandLine(['--help'], { env: { HOME: '/home/student', DOCKER_CONFIG: '/cfg' }, width: 200 });
    expect(result.output.map((o) => o.text).join('')).toContain('Location of client config files (default "/cfg")');
  });
});

describe('speed', () => {
  test('a parse takes well under 5 ms', () => {
    const lines = [
      'run -it --rm -v a:/a -e A=1 -p 80:80 --name x ubuntu bash',
      'build -t app:1 --progress=plain -f Dockerfile .',
      'ps -a --format {{.ID}}',
      'image ls --help',
      'run --foo alpine',
    ].map((line) => line.split(' '));
    for (const argv of lines) parseDockerCommandLine(argv, { width: 80 });
    const start = performance.now();
    const rounds = 200;
    for (let i = 0; i < rounds; i++) for (const argv of lines) parseDockerCommandLine(argv, { width: 80 });
    const each = (performance.now() - start) / (rounds * lines.length);
    expect(each).toBeLessThan(1);
  });
});
