/**
 * What the offline lab cannot show: Docker Hub's own answers (pull access denied, unknown tags,
 * wrong passwords, pushes to namespaces that are not yours) and logging in to Docker Hub. Texts
 * are the containerd image store's (dockerd 26.1) as catalogued in
 * /work/shared/fidelity/docker-messages.md §4 and the image service; the CLI's side (prefix, exit
 * status, config.json, prompts) is the reference CLI's, recorded against the lab's registry:2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEFAULT_ACCOUNTS } from '../../../src/engine/docker/registry';
import { laptop, visible } from './helpers';

const PASSWORD = DEFAULT_ACCOUNTS.student!.password;
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const CONFIG = '/home/student/.docker/config.json';

const WARNING =
  "\nWARNING! Your credentials are stored unencrypted in '/home/student/.docker/config.json'.\n" +
  'Configure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n';

describe('pull errors from Docker Hub', () => {
  test('a repository that does not exist (or is private): pull access denied, exit 1', async () => {
    const w = laptop();
    expect(await w.docker('pull nosuch')).toEqual({
      status: 1,
      stdout: 'Using default tag: latest\n',
      stderr: "Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login'\n",
      merged:
        "Using default tag: latest\nError response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login'\n",
    });
    const other = await w.docker('pull someone/private:v1');
    expect(other.stderr).toBe(
      "Error response from daemon: pull access denied for someone/private, repository does not exist or may require 'docker login'\n",
    );
  });

  test('a tag that does not exist: the resolver says not found', async () => {
    const w = laptop();
    const run = await w.docker('pull python:nosuchtag');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'Error response from daemon: failed to resolve reference "docker.io/library/python:nosuchtag": docker.io/library/python:nosuchtag: not found\n',
    );
  });

  test('-q prints nothing but the error', async () => {
    const w = laptop();
    const run = await w.docker('pull -q nosuch');
    expect(run.merged).toBe("Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login'\n");
  });
});

describe('docker login to Docker Hub', () => {
  test('--password-stdin: the warning, Login Succeeded, the credentials in config.json (0600)', async () => {
    const w = laptop();
    const run = await w.docker('login -u student --password-stdin', { stdin: `${PASSWORD}\n` });
    expect(run).toEqual({ status: 0, stdout: 'Login Succeeded\n', stderr: WARNING, merged: `${WARNING}Login Succeeded\n` });
    const auth = Buffer.from(`student:${PASSWORD}`).toString('base64');
    expect(w.fs.readText(CONFIG)).toBe(`{\n\t"auths": {\n\t\t"https://index.docker.io/v1/": {\n\t\t\t"auth": "${auth}"\n\t\t}\n\t}\n}`);
    expect(w.fs.stat(CONFIG).mode & 0o777).toBe(0o600);
    expect(w.fs.stat(CONFIG).uid).toBe(1000);
  });

  test('a wrong password: the registry refuses, nothing is stored', async () => {
    const w = laptop();
    const run = await w.docker('login -u student --password-stdin', { stdin: 'wrong\n' });
    expect(run.status).toBe(1);
    expect(run.merged).toBe('Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password\n');
    expect(w.fs.exists(CONFIG)).toBe(false);
  });

  test('docker.io, index.docker.io and the v1 URL name Docker Hub; keys as the CLI stores them', async () => {
    const w = laptop();
    for (const server of ['docker.io', 'index.docker.io', 'https://index.docker.io/v1/']) {
      expect((await w.docker(`login -u student --password-stdin ${server}`, { stdin: PASSWORD })).stdout).toBe('Login Succeeded\n');
    }
    expect(Object.keys(JSON.parse(w.fs.readText(CONFIG)).auths)).toEqual(['https://index.docker.io/v1/', 'index.docker.io']);
  });

  test('stored credentials are used when no username is given (non-TTY)', async () => {
    const w = laptop();
    await w.docker('login -u student --password-stdin', { stdin: PASSWORD });
    const run = await w.docker('login');
    expect(run.merged).toBe(
      "Authenticating with existing credentials... [Username: student]\n\n Info -> To login with a different account, run 'docker logout' followed by 'docker login'\n\n\nLogin Succeeded\n",
    );
    expect(run.status).toBe(0);
    const info = await w.docker('info');
    expect(info.stdout).toContain(' Debug Mode: false\n Username: student\n Experimental: false\n');
  });

  test('stored credentials that no longer work, then no terminal to ask on', async () => {
    const w = laptop();
    w.fs.mkdir('/home/student/.docker', { recursive: true });
    w.fs.writeFile(CONFIG, JSON.stringify({ auths: { 'https://index.docker.io/v1/': { auth: Buffer.from('student:old').toString('base64') } } }));
    const run = await w.docker('login');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Stored credentials invalid or expired\nError: Cannot perform an interactive login from a non TTY device\n');
  });

  test('at a terminal: the web login cannot start, the prompts follow (recorded)', async () => {
    const w = laptop();
    // the user types student, then the password (the terminal echoes the first, not the second)
    const run = await w.docker('login', { tty: true, stdin: ['student\n', `${PASSWORD}\n`] });
    expect(run.status).toBe(0);
    const recorded = fixture('login-hub-prompts.tty');
    const prompts = recorded.slice(0, recorded.indexOf('Password: ') + 'Password: \n'.length).replace('Username: student\n', 'Username: ');
    expect(visible(run.merged)).toBe(visible(`${prompts}${WARNING}Login Succeeded\n`));
  });

  test('at a terminal, an empty password (recorded)', async () => {
    const w = laptop();
    const run = await w.docker('login -u student', { tty: true, stdin: ['\n'] });
    expect(run.status).toBe(1);
    expect(visible(run.merged)).toBe(visible(fixture('login-hub-empty-password.tty')));
  });

  test('at a terminal, stored credentials (recorded, against a registry:2)', async () => {
    const w = laptop();
    await w.docker('login -u student --password-stdin', { stdin: PASSWORD });
    const run = await w.docker('login', { tty: true });
    expect(visible(run.merged)).toBe(visible(fixture('login-stored.tty')));
  });

  test('logout removes the credentials; a second logout has nothing to remove', async () => {
    const w = laptop();
    await w.docker('login -u student --password-stdin', { stdin: PASSWORD });
    expect((await w.docker('logout')).merged).toBe('Removing login credentials for https://index.docker.io/v1/\n');
    expect(w.fs.readText(CONFIG)).toBe('{\n\t"auths": {}\n}');
    expect((await w.docker('logout')).status).toBe(0);
  });

  test('other settings in config.json survive a login', async () => {
    const w = laptop();
    w.fs.mkdir('/home/student/.docker', { recursive: true });
    w.fs.writeFile(CONFIG, '{"imagesFormat": "table {{.Repository}}", "psFormat": "x", "unknown": 1}');
    await w.docker('login -u student --password-stdin', { stdin: PASSWORD });
    expect(JSON.parse(w.fs.readText(CONFIG))).toEqual({
      auths: { 'https://index.docker.io/v1/': { auth: Buffer.from(`student:${PASSWORD}`).toString('base64') } },
      psFormat: 'x',
      imagesFormat: 'table {{.Repository}}',
    });
    expect((await w.docker('images')).stdout).toBe('REPOSITORY\n');
  });

  test('DOCKER_CONFIG and --config choose where config.json lives', async () => {
    const w = laptop();
    w.fs.mkdir('/home/student/cfg', { recursive: true });
    await w.docker('login -u student --password-stdin', { stdin: PASSWORD, env: { DOCKER_CONFIG: '/home/student/cfg' } });
    expect(w.fs.exists('/home/student/cfg/config.json')).toBe(true);
    const run = await w.docker('--config /home/student/other login -u student --password-stdin', { stdin: PASSWORD });
    expect(run.stderr).toContain("'/home/student/other/config.json'");
    expect(w.fs.stat('/home/student/other').mode & 0o777).toBe(0o700);
  });
});

describe('docker push to Docker Hub', () => {
  test('without logging in: denied', async () => {
    const w = laptop();
    await w.docker('pull -q python:3.11-slim');
    await w.docker('tag python:3.11-slim student/app:v1');
    const run = await w.docker('push student/app:v1');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('The push refers to repository [docker.io/student/app]\n');
    expect(run.stderr).toBe('push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n');
  });

  test('logged in as student: student/* is pushed (layers of library/python are mounted), then pullable', async () => {
    const w = laptop();
    await w.docker('pull -q python:3.11-slim');
    await w.docker('tag python:3.11-slim student/app:v1');
    await w.docker('login -u student --password-stdin', { stdin: PASSWORD });
    const run = await w.docker('push student/app:v1');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('The push refers to repository [docker.io/student/app]');
    expect(lines.slice(1, -1).every((l) => /^[0-9a-f]{12}: Mounted from library\/python$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^v1: digest: sha256:[0-9a-f]{64} size: \d+$/);
    // again: everything is there
    const again = await w.docker('push student/app:v1');
    expect(again.stdout.split('\n').slice(1, -2).every((l) => l.endsWith(': Layer already exists'))).toBe(true);
    // someone else's laptop can pull it
    const other = laptop();
    other.engine.images.setRegistry('docker.io', w.engine.images.ctx.registries.get('docker.io')!);
    expect((await other.docker('pull student/app:v1')).stdout).toContain('Status: Downloaded newer image for student/app:v1\n');
  });

  test('library/* and other namespaces are denied even when logged in', async () => {
    const w = laptop();
    await w.docker('pull -q python:3.11-slim');
    await w.docker('login -u student --password-stdin', { stdin: PASSWORD });
    await w.docker('tag python:3.11-slim someoneelse/app');
    for (const name of ['python:3.11-slim', 'someoneelse/app']) {
      const run = await w.docker(`push ${name}`);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe('push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n');
    }
  });

  test('a name with no local image', async () => {
    const w = laptop();
    expect((await w.docker('push student/app')).merged).toBe(
      'Using default tag: latest\nThe push refers to repository [docker.io/student/app]\ntag does not exist: student/app:latest\n',
    );
    expect((await w.docker('push -a student/app')).merged).toBe(
      'The push refers to repository [docker.io/student/app]\nAn image does not exist locally with the tag: student/app\n',
    );
  });
});
