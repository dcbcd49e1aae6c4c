/**
 * `docker version` and `docker info` with the engine. The lab's JSON (fixtures/*-lab.json,
 * recorded with `--format json` / `'{{json .}}'`) gives the field order and every value that is
 * not the lab machine's own (kernel, CPUs, memory, cgroup v1, its registry mirror). The laptop is a
 * Debian 12 machine with systemd and cgroup v2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { laptop } from './helpers';

const lab = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as Record<string, unknown>;

describe('docker version', () => {
  test('--format json: the lab answer, with the laptop kernel', async () => {
    const w = laptop();
    const run = await w.docker('version --format json');
    expect(run.status).toBe(0);
    const expected = JSON.stringify(lab('version-lab.json')).replaceAll('6.18.44-fc-v657', '6.1.0-28-amd64');
    expect(run.stdout).toBe(`${expected}\n`);
  });

  test('a template with tabs goes through a tabwriter (minwidth 20, padding 1); \\t stays as typed', async () => {
    const w = laptop();
    expect((await w.docker("version -f '{{.Client.Version}}\t{{.Server.Version}}'")).stdout).toBe(`28.2.2${' '.repeat(14)}26.1.5+dfsg1\n`);
    expect((await w.docker('version -f {{.Client.Version}}\\t{{.Server.Version}}')).stdout).toBe('28.2.2\\t26.1.5+dfsg1\n');
  });

  test('the default output is the reference text', async () => {
    const w = laptop();
    const run = await w.docker('version');
    expect(run.stdout.startsWith('Client:\n Version:           28.2.2\n')).toBe(true);
    expect(run.stdout).toContain('\nServer:\n Engine:\n  Version:          26.1.5+dfsg1\n');
  });
});

describe('docker info', () => {
  test('the laptop', async () => {
    const w = laptop();
    await w.docker('pull -q python:3.11-slim');
    await w.docker('tag python:3.11-slim again');
    const run = await w.docker('info');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const id = /\n ID: (\S+)\n/.exec(run.stdout)![1]!;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(run.stdout).toBe(
      [
        'Client:',
        ' Version:    28.2.2',
        ' Context:    default',
        ' Debug Mode: false',
        ' Plugins:',
        '  buildx: Docker Buildx (Docker Inc.)',
        '    Version:  0.13.1+ds1',
        '    Path:     /home/student/.docker/cli-plugins/docker-buildx',
        '',
        'Server:',
        ' Containers: 0',
        '  Running: 0',
        '  Paused: 0',
        '  Stopped: 0',
        ' Images: 2',
        ' Server Version: 26.1.5+dfsg1',
        ' Storage Driver: overlayfs',
        '  driver-type: io.containerd.snapshotter.v1',
        ' Logging Driver: json-file',
        ' Cgroup Driver: systemd',
        ' Cgroup Version: 2',
        ' Plugins:',
        '  Volume: local',
        '  Network: bridge host ipvlan macvlan null overlay',
        '  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog',
        ' Swarm: inactive',
        ' Runtimes: io.containerd.runc.v2 runc',
        ' Default Runtime: runc',
        ' Init Binary: docker-init',
        ' containerd version: 1.7.24~ds1-6+deb13u1',
        ' runc version: 1.1.5+ds1-1+deb12u1',
        ' init version: ',
        ' Security Options:',
        '  apparmor',
        '  seccomp',
        '   Profile: builtin',
        '  cgroupns',
        ' Kernel Version: 6.1.0-28-amd64',
        ' Operating System: Debian GNU/Linux 12 (bookworm)',
        ' OSType: linux',
        ' Architecture: x86_64',
        ' CPUs: 8',
        ' Total Memory: 15.47GiB',
        ' Name: laptop',
        ` ID: ${id}`,
        ' Docker Root Dir: /var/lib/docker',
        ' Debug Mode: false',
        ' Experimental: false',
        ' Insecure Registries:',
        '  127.0.0.0/8',
        ' Live Restore Enabled: false',
        '',
        '',
      ].join('\n'),
    );
    // the same daemon keeps its ID
    expect((await w.docker('info -f {{.ID}}')).stdout).toBe(`${id}\n`);
  });

  test('containers come from the container room', async () => {
    const w = laptop();
    w.engine.addContainerView(() => [
      { id: 'a'.repeat(64), imageId: 'sha256:1', image: 'x', running: true },
      { id: 'b'.repeat(64), imageId: 'sha256:1', image: 'x', running: false },
      { id: 'c'.repeat(64), imageId: 'sha256:1', image: 'x', running: false },
    ]);
    const run = await w.docker('info --format {{.Containers}}/{{.ContainersRunning}}/{{.ContainersStopped}}');
    expect(run.stdout).toBe('3/1/2\n');
    expect((await w.docker('info')).stdout).toContain(' Containers: 3\n  Running: 1\n  Paused: 0\n  Stopped: 2\n');
  });

  test('the GPU VM registers the NVIDIA runtime', async () => {
    const w = laptop({ profile: 'gpu-cloud' });
    const run = await w.docker('info');
    expect(run.stdout).toContain(' Runtimes: io.containerd.runc.v2 nvidia runc\n');
    expect(run.stdout).toContain(' CPUs: 16\n Total Memory: 61.48GiB\n');
    expect((await w.docker("info --format '{{json .Runtimes.nvidia}}'")).stdout).toMatch(/^\{"path":"nvidia-container-runtime","status":\{"org\.opencontainers\.runtime-spec\.features":/);
  });

  test('docker -D info adds the debug counters', async () => {
    const w = laptop();
    const run = await w.docker('-D info');
    expect(run.stdout).toContain(' Debug Mode: true\n');
    expect(run.stdout).toMatch(/ Debug Mode: false\n {2}File Descriptors: 24\n {2}Goroutines: 43\n {2}System Time: 2026-11-26T09:00:00Z\n {2}EventsListeners: 0\n/);
  });

  test("'{{json .}}': the lab's fields in the lab's order (cgroup v2 drops KernelMemoryTCP)", async () => {
    const w = laptop();
    const run = await w.docker('info --format json');
    const ours = JSON.parse(run.stdout) as Record<string, unknown>;
    const theirs = lab('info-lab.json');
    expect(Object.keys(ours)).toEqual(Object.keys(theirs).filter((k) => k !== 'KernelMemoryTCP'));
    for (const key of ['Driver', 'DriverStatus', 'Plugins', 'LoggingDriver', 'IndexServerAddress', 'GenericResources', 'Labels', 'ExperimentalBuild', 'ServerVersion', 'Runtimes', 'DefaultRuntime', 'Swarm', 'Isolation', 'InitBinary', 'ContainerdCommit', 'RuncCommit', 'InitCommit', 'CDISpecDirs', 'Warnings']) {
      expect([key, ours[key]]).toEqual([key, theirs[key]]);
    }
    const client = ours.ClientInfo as Record<string, unknown>;
    const labClient = theirs.ClientInfo as Record<string, unknown> & { Plugins: Record<string, string>[] };
    expect(client).toEqual({ ...labClient, Plugins: labClient.Plugins.map((p) => ({ ...p, Path: '/home/student/.docker/cli-plugins/docker-buildx' })) });
    expect(ours.RegistryConfig).toEqual({
      IndexConfigs: { 'docker.io': { Mirrors: [], Name: 'docker.io', Official: true, Secure: true } },
      InsecureRegistryCIDRs: ['127.0.0.0/8'],
      Mirrors: [],
    });
  });
});
