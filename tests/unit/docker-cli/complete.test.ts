import { describe, expect, test } from 'vitest';
import { completeDockerCommandLine } from '../../../src/engine/docker/cli/complete';

describe('tab completion data', () => {
  test('top-level commands, including the plugin and its aliases, not the hidden swarm groups', () => {
    const { candidates, kind } = completeDockerCommandLine([], '');
    expect(kind).toBe('command');
    for (const name of ['build', 'builder', 'buildx', 'container', 'image', 'images', 'ps', 'run', 'volume', 'system', 'help']) {
      expect(candidates).toContain(name);
    }
    expect(candidates).not.toContain('service');
    expect(completeDockerCommandLine([], 'im').candidates).toEqual(['image', 'images', 'import']);
  });

  test('subcommands of a group, aliases included', () => {
    expect(completeDockerCommandLine(['image'], '').candidates).toEqual(
      expect.arrayContaining(['build', 'history', 'inspect', 'ls', 'list', 'prune', 'pull', 'push', 'rm', 'remove', 'tag']),
    );
    expect(completeDockerCommandLine(['container'], 'l').candidates).toEqual(['list', 'logs', 'ls']);
    expect(completeDockerCommandLine(['-D', 'volume'], 'p').candidates).toEqual(['prune']);
    expect(completeDockerCommandLine(['buildx'], 'b').candidates).toEqual(['b', 'bake', 'build']);
  });

  test('flags of the command being typed', () => {
    const run = completeDockerCommandLine(['run'], '--de');
    expect(run.kind).toBe('flag');
    expect(run.candidates).toEqual(['--detach', '--detach-keys', '--device', '--device-cgroup-rule', '--device-read-bps', '--device-read-iops', '--device-write-bps', '--device-write-iops']);
    expect(completeDockerCommandLine(['build'], '--ta').candidates).toEqual(['--tag', '--target']);
    expect(completeDockerCommandLine(['ps'], '-').candidates).toContain('-a');
    expect(completeDockerCommandLine([], '--v').candidates).toEqual(['--version']);
  });

  test('no candidates for a flag value or a positional argument', () => {
    expect(completeDockerCommandLine(['run', '-v'], '').kind).toBe('value');
    expect(completeDockerCommandLine(['run', '-itv'], '').kind).toBe('value');
    expect(completeDockerCommandLine(['run', '--name'], 'we').candidates).toEqual([]);
    expect(completeDockerCommandLine(['run', '-it', 'ubuntu'], '').kind).toBe('argument');
    expect(completeDockerCommandLine(['ps', '--format={{.ID}}'], '').kind).toBe('argument');
  });
});
