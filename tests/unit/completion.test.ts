import { describe, expect, test } from 'vitest';
import { commonPrefix, complete, completionListing } from '../../src/engine/completion';
import { createStudentHost, openSession } from '../../src/engine/world';

async function sessionWith(commands: string) {
  const session = openSession(createStudentHost(), { tty: true });
  const sink = { write: () => undefined };
  await session.execute(commands, { stdout: sink, stderr: sink });
  return session;
}

describe('Tab completion', () => {
  test('command names come from builtins and executables on PATH', async () => {
    const session = await sessionWith('true');
    expect(complete(session, 'dock', 4).candidates).toEqual(['docker']);
    const ex = complete(session, 'ex', 2).candidates;
    expect(ex).toContain('export');
    expect(ex).toContain('exit');
  });

  test('file names relative to the working directory, directories with a slash', async () => {
    const session = await sessionWith('mkdir -p mnist/src/models && touch mnist/trainer.dockerfile mnist/train.txt && cd mnist');
    expect(complete(session, 'cat tr', 6)).toEqual({
      start: 4,
      candidates: ['train.txt', 'trainer.dockerfile'],
      appendSpace: true,
    });
    expect(complete(session, 'ls src/m', 8)).toEqual({ start: 3, candidates: ['src/models/'], appendSpace: false });
    expect(complete(session, 'cd ', 3).candidates).toEqual(['src/']);
  });

  test('names with spaces are escaped, hidden files need a dot', async () => {
    const session = await sessionWith('touch "my file" .hidden');
    expect(complete(session, 'cat m', 5).candidates).toEqual(['my\\ file']);
    expect(complete(session, 'cat ', 4).candidates).toEqual(['my\\ file']);
    expect(complete(session, 'cat .h', 6).candidates).toEqual(['.hidden']);
  });

  test('docker subcommands and flags come from the CLI table', async () => {
    const session = await sessionWith('true');
    expect(complete(session, 'docker im', 9).candidates).toEqual(['image', 'images', 'import']);
    expect(complete(session, 'docker run --na', 15).candidates).toEqual(['--name']);
    expect(complete(session, 'ls && docker bui', 16).candidates).toEqual(['build', 'builder', 'buildx']);
  });

  test('common prefix and the listing bash prints on a second Tab', () => {
    expect(commonPrefix(['train.txt', 'trainer.dockerfile'])).toBe('train');
    expect(completionListing(['src/data/', 'src/models/', 'setup.py'], 80)).toBe('data/     models/   setup.py\n');
    expect(completionListing(['aaaa', 'bbbb', 'cccc'], 10)).toBe('aaaa  cccc\nbbbb\n');
  });
});

describe('Tab completion of docker objects', () => {
  test('image names for run, rmi and inspect; container names for stop, logs and cp', async () => {
    const session = await sessionWith(
      'docker pull -q python:3.11-slim && docker tag python:3.11-slim trainer:latest && docker create --name experiment1 trainer:latest',
    );
    expect(complete(session, 'docker run --rm tr', 18).candidates).toEqual(['trainer:latest']);
    expect(complete(session, 'docker rmi py', 13).candidates).toEqual(['python:3.11-slim']);
    expect(complete(session, 'docker logs ex', 14).candidates).toEqual(['experiment1']);
    expect(complete(session, 'docker cp ex', 12)).toEqual({ start: 10, candidates: ['experiment1:'], appendSpace: false });
    expect(complete(session, 'docker inspect ', 15).candidates).toEqual(['experiment1', 'python:3.11-slim', 'trainer:latest']);
    // after the image, run's arguments are the container's command: file names
    expect(complete(session, 'docker run trainer:latest tr', 28).candidates).toEqual([]);
  });
});
