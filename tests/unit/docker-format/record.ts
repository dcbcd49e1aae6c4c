/**
 * Records the real docker CLI's answers to the corpus (fixtures/recorded.json). Not a test: run it
 * by hand against the lab engine when the corpus changes:
 *
 *   DOCKER_HOST=unix:///tmp/reallab/docker.sock DOCKER_CONFIG=/tmp/reallab/cfg \
 *     npx tsx tests/unit/docker-format/record.ts
 *
 * Needs the image python:3.11-slim (pullable from the lab's registry mirror). It creates volumes and
 * containers named fmtlab-* and removes the containers afterwards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { ENGINE_FORMATS, TABLE_FORMATS, VOLUME_INSPECT_FORMATS } from './corpus';

interface Run {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

function docker(...args: string[]): Run {
  const r = spawnSync('docker', args, { encoding: 'utf8' });
  return { args, stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

function must(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8' });
}

function api(path: string): unknown {
  const sock = (process.env['DOCKER_HOST'] ?? '').replace('unix://', '');
  const out = execFileSync('curl', ['-s', '--unix-socket', sock, `http://localhost/v1.45${path}`], {
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

const LABELLED = 'fmtlab-bb-long-name-for-width';
const LABEL = 'com.example.my-label=a<b>&c';

function ensureVolumes(): void {
  if (docker('volume', 'inspect', 'fmtlab-a').code !== 0) must('volume', 'create', 'fmtlab-a');
  if (docker('volume', 'inspect', LABELLED).code !== 0) must('volume', 'create', '--label', LABEL, LABELLED);
}

function volumeRuns(formats: readonly string[], filter: string): Run[] {
  return formats.map((f) => {
    ensureVolumes();
    return docker('volume', 'ls', '-f', `name=${filter}`, '--format', f);
  });
}

const out: Record<string, unknown> = {};

must('pull', '-q', 'python:3.11-slim');

ensureVolumes();
out['volumeRows'] = must('volume', 'ls', '-f', 'name=fmtlab-', '--format', '{{json .}}')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as unknown);
out['volumeInspect'] = must('volume', 'inspect', 'fmtlab-a', LABELLED);
out['engine'] = volumeRuns(ENGINE_FORMATS, 'fmtlab-a');
out['table'] = volumeRuns(TABLE_FORMATS, 'fmtlab-');
out['volumeInspectRuns'] = VOLUME_INSPECT_FORMATS.map((f) => {
  ensureVolumes();
  return docker('volume', 'inspect', '--format', f, LABELLED);
});
out['inspectMisc'] = [
  docker('volume', 'inspect', '--format', '{{', 'fmtlab-a'),
  docker('inspect', '--format', '{{.Nope}}', 'fmtlab-a', LABELLED),
  docker('inspect', '--format', '{{.Name}}', 'fmtlab-a', LABELLED),
  docker('inspect', '--format', 'json', 'fmtlab-a'),
  docker('inspect', '--type', 'volume', 'fmtlab-a'),
];

// containers
for (const n of ['fmtlab-run', 'fmtlab-created', 'fmtlab-exited']) docker('rm', '-f', n);
must(
  'run',
  '-d',
  '--name',
  'fmtlab-run',
  '--label',
  'com.example.my-label=hello',
  '-p',
  '8080:80',
  'python:3.11-slim',
  'python3',
  '-c',
  'import time; time.sleep(100000)',
);
must('create', '--name', 'fmtlab-created', 'python:3.11-slim', 'python3', '-u', 'src/models/train_model.py');
docker('run', '--name', 'fmtlab-exited', 'python:3.11-slim', 'sh', '-c', 'exit 3');
const ps = ['ps', '-a', '-s', '-f', 'name=fmtlab-'];
out['psRows'] = must(...ps, '--format', '{{json .}}')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as unknown);
out['ps'] = [
  docker(...ps),
  docker(
    ...ps,
    '--format',
    'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.Ports}}\\t{{.Names}}\\t{{.Labels}}\\t{{.State}}\\t{{.Size}}',
  ),
  docker(
    ...ps,
    '--format',
    'table {{.Label "com.example.my-label"}}\\t{{.Names}}\\t{{.Networks}}\\t{{.Mounts}}\\t{{.LocalVolumes}}\\t{{.Platform}}',
  ),
  docker(...ps, '--format', 'raw'),
  docker(...ps, '--format', '{{.Nope}}'),
  docker(...ps, '--format', '{{.Name}'),
  docker(...ps, '--format', '{{index .Labels 1}}'),
  docker(...ps, '--format', '{{.Platform.OS}}'),
  docker(...ps, '--format', '{{.Names}} {{.Platform}} {{json .Platform}}'),
  docker(...ps, '-q'),
];
out['containersApi'] = api('/containers/json?all=1&size=1&filters=' + encodeURIComponent('{"name":["fmtlab-"]}'));
out['containerInspectRaw'] = must('inspect', 'fmtlab-created');
out['containerInspect'] = [
  docker('inspect', '--format', '{{.State.Health.Status}}', 'fmtlab-created'),
  docker('inspect', '--format', '{{.Name.X}}', 'fmtlab-created'),
  docker(
    'inspect',
    '--format',
    '{{.Config.Entrypoint}}|{{.Config.Cmd}}|{{json .Config.Cmd}}|{{.Config.Labels}}',
    'fmtlab-created',
  ),
  docker(
    'inspect',
    '--format',
    '{{.State.Status}} {{.State.ExitCode}} {{.State.Health}} {{.HostConfig.ShmSize}}',
    'fmtlab-created',
  ),
  docker(
    'inspect',
    '--format',
    '{{join .Config.Cmd " "}} {{index .Config.Cmd 0}} {{len .Config.Env}}',
    'fmtlab-created',
  ),
  docker('inspect', '--format', '{{.NoSuch}} {{.State.Status}}', 'fmtlab-created', 'fmtlab-exited'),
];
for (const n of ['fmtlab-run', 'fmtlab-created', 'fmtlab-exited']) docker('rm', '-f', n);

// images, history, networks, disk usage
out['imagesApi'] = api('/images/json');
out['imageRows'] = must('images', '--format', '{{json .}}')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as unknown);
out['images'] = [docker('images'), docker('images', '--digests'), docker('images', '--format', '{{.Nope}}')];
out['historyRows'] = must('history', '--format', '{{json .}}', 'python:3.11-slim')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as unknown);
out['history'] = [
  docker('history', 'python:3.11-slim'),
  docker('history', '--format', '{{.Nope}}', 'python:3.11-slim'),
];
out['networkRows'] = must('network', 'ls', '--format', '{{json .}}')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as unknown);
out['network'] = [docker('network', 'ls'), docker('network', 'ls', '--format', '{{.Nope}}')];
out['dfApi'] = api('/system/df');
out['dfRows'] = must('system', 'df', '--format', '{{json .}}')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as unknown);
out['df'] = [docker('system', 'df'), docker('system', 'df', '--format', '{{.Nope}}')];

// size flags (go-units RAMInBytes via --shm-size; errors come from flag parsing)
const sizes = ['64m', '1g', '1.5g', '100k', '100kb', '100KiB', '10 MB', '12345', '1b', '0.5m'];
out['shmSizes'] = sizes.map((v) => {
  docker('rm', '-f', 'fmtlab-mem');
  const c = docker('create', '--name', 'fmtlab-mem', '--shm-size', v, 'python:3.11-slim', 'true');
  const r = c.code === 0 ? must('inspect', '--format', '{{.HostConfig.ShmSize}}', 'fmtlab-mem').trim() : null;
  docker('rm', '-f', 'fmtlab-mem');
  return { value: v, bytes: r, stderr: c.stderr, code: c.code };
});
const badSizes = ['abc', '1x', '-1', '1.2.3', '1mbx', '1kb2', '1 m b', 'm'];
out['shmSizeErrors'] = badSizes.map((v) => docker('create', '--shm-size', v, 'python:3.11-slim', 'true'));

writeFileSync(new URL('./fixtures/recorded.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
console.log('recorded');
