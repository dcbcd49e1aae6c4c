/** Instruction semantics, the build cache and the image a build leaves in the store. */
import { describe, expect, test } from 'vitest';
import { builderState } from '../../../src/engine/docker/builder';
import { LESSON_FILES, buildWorld } from './helpers';

function config(w: ReturnType<typeof buildWorld>, ref: string) {
  return w.engine.images.imageInspect(ref).Config;
}

function history(w: ReturnType<typeof buildWorld>, ref: string, n: number) {
  return w.engine.images.imageHistory(ref).slice(0, n).map((h) => `${h.CreatedBy}|${h.Size}`);
}

function createdBy(entry: string): string {
  return entry.slice(0, entry.lastIndexOf('|'));
}

/** `#N [step] …` blocks and how they ended: `[2/4] COPY x .=CACHED`. */
function steps(out: string): string[] {
  const result = new Map<string, string>();
  const names = new Map<string, string>();
  for (const line of out.split('\n')) {
    const m = /^#(\d+) (.*)$/.exec(line);
    if (!m) continue;
    if (!names.has(m[1]!)) {
      names.set(m[1]!, m[2]!);
      continue;
    }
    if (/^(CACHED|DONE|ERROR|CANCELED)/.test(m[2]!)) result.set(names.get(m[1]!)!, m[2]!.split(' ')[0]!.replace(':', ''));
  }
  return [...result].filter(([n]) => /^\[/.test(n) && !n.startsWith('[internal]')).map(([n, r]) => `${n.replace(/@sha256:[0-9a-f]+/, '')}=${r}`);
}

describe('docker build: the lesson', () => {
  test('trainer.dockerfile builds, caches, and rebuilds from a changed file on', async () => {
    const w = buildWorld();
    w.write({ ...LESSON_FILES, 'project/trainer.dockerfile': LESSON_FILES['project/trainer.dockerfile']!.replaceAll('requirements.txt requirements.txt', 'requirement.txt requirement.txt') });
    await w.run('cd project');
    // the lab's order: the typo first (its context transfer fills the receiver), then the fix
    const typo = await w.run('docker build -f trainer.dockerfile . -t trainer:latest');
    expect(typo.out).toContain('transferring context: 466B done');
    w.write({ 'project/trainer.dockerfile': LESSON_FILES['project/trainer.dockerfile']! });
    const wrong = await w.run('docker build -f train.dockerfile . -t trainer:latest');
    expect(wrong.status).toBe(1);
    expect(wrong.out).toContain('ERROR: failed to solve: failed to read dockerfile: open train.dockerfile: no such file or directory\n');
    const first = await w.run('docker build -f trainer.dockerfile . -t trainer:latest');
    expect(first.status).toBe(0);
    expect(steps(first.out)).toEqual([
      '[1/7] FROM docker.io/library/python:3.7-slim=DONE',
      '[2/7] COPY requirements.txt requirements.txt=DONE',
      '[3/7] COPY setup.py setup.py=DONE',
      '[4/7] COPY src/ src/=DONE',
      '[5/7] COPY data/ data/=DONE',
      '[6/7] RUN echo pip install -r requirements.txt --no-cache-dir=DONE',
    ]);
    expect(first.out).toContain('#4 transferring context: 365B done\n');
    const again = await w.run('docker build -f trainer.dockerfile . -t trainer:latest');
    expect(steps(again.out).map((s) => s.split('=')[1])).toEqual(['CACHED', 'CACHED', 'CACHED', 'CACHED', 'CACHED', 'CACHED']);
    expect(again.out).toContain('transferring context: 332B done');
    w.write({ 'project/src/models/train_model.py': 'print("training v2")\n' });
    const changed = await w.run('docker build -f trainer.dockerfile . -t trainer:latest');
    expect(steps(changed.out).map((s) => s.split('=')[1])).toEqual(['CACHED', 'CACHED', 'CACHED', 'DONE', 'DONE', 'DONE']);
    expect(changed.out).toContain('transferring context: 363B done');
    expect(history(w, 'trainer', 7)).toEqual([
      'ENTRYPOINT ["python" "-u" "src/models/train_model.py"]|0',
      'RUN /bin/sh -c echo pip install -r requirements.txt --no-cache-dir # buildkit|4096',
      'WORKDIR /|0',
      'COPY data/ data/ # buildkit|16384',
      'COPY src/ src/ # buildkit|16384',
      'COPY setup.py setup.py # buildkit|8192',
      'COPY requirements.txt requirements.txt # buildkit|8192',
    ]);
    expect(config(w, 'trainer').Entrypoint).toEqual(['python', '-u', 'src/models/train_model.py']);
  });

  test('a missing COPY source fails with the excerpt before anything is downloaded', async () => {
    const w = buildWorld();
    w.write({ ...LESSON_FILES, 'project/trainer.dockerfile': LESSON_FILES['project/trainer.dockerfile']!.replace('COPY requirements.txt requirements.txt', 'COPY requirement.txt requirement.txt') });
    await w.run('cd project');
    const r = await w.run('docker build -f trainer.dockerfile . -t trainer:latest');
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/#6 \[2\/7\] COPY requirement.txt requirement.txt\n#6 CANCELED\n/);
    expect(r.out).toContain(`trainer.dockerfile:4
--------------------
   2 |     FROM python:3.7-slim
   3 |     
   4 | >>> COPY requirement.txt requirement.txt
   5 |     COPY setup.py setup.py
   6 |     COPY src/ src/
--------------------
`);
    expect(r.out).toMatch(/ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref [a-z0-9]{25}::[a-z0-9]{25}: "\/requirement.txt": not found\n$/);
    expect(w.engine.images.imageList()).toEqual([]);
  });
});

describe('docker build: instructions', () => {
  test('config and history of every metadata instruction', async () => {
    const w = buildWorld();
    w.write({
      'app/Dockerfile': `ARG BASE=python:3.11-slim
FROM $BASE AS base
ARG BASE
ARG VERSION=1.0
ENV APP_HOME=/srv/app MODE=v$VERSION
LABEL version=$VERSION maintainer="me"
WORKDIR $APP_HOME
RUN echo "base=$BASE version=$VERSION home=$APP_HOME" && pwd
USER nobody
EXPOSE 8080 9090/udp
VOLUME /data
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --retries=3 CMD echo ok
SHELL ["/bin/bash", "-c"]
RUN echo $0
ENTRYPOINT python3 -m http.server
CMD ["--bind", "0.0.0.0"]
`,
    });
    const r = await w.run('cd app && docker build -t sem --build-arg VERSION=2.0 .');
    expect(r.status).toBe(0);
    expect(r.out).toContain('#6 [3/4] RUN echo "base=python:3.11-slim version=2.0 home=/srv/app" && pwd\n#6 0.100 base=python:3.11-slim version=2.0 home=/srv/app\n#6 0.100 /srv/app\n');
    expect(r.out).toContain('#7 0.100 /bin/bash\n');
    expect(history(w, 'sem', 16)).toEqual([
      'CMD ["--bind" "0.0.0.0"]|0',
      'ENTRYPOINT ["/bin/bash" "-c" "python3 -m http.server"]|0',
      'RUN |2 BASE=python:3.11-slim VERSION=2.0 /bin/bash -c echo $0 # buildkit|4096',
      'SHELL [/bin/bash -c]|0',
      `HEALTHCHECK &{["CMD-SHELL" "echo ok"] "30s" "0s" "0s" "0s" '\\x03'}|0`,
      'STOPSIGNAL SIGTERM|0',
      'VOLUME [/data]|0',
      'EXPOSE map[8080/tcp:{} 9090/udp:{}]|0',
      'USER nobody|0',
      'RUN |2 BASE=python:3.11-slim VERSION=2.0 /bin/sh -c echo "base=$BASE version=$VERSION home=$APP_HOME" && pwd # buildkit|4096',
      'WORKDIR /srv/app|12288',
      'LABEL version=2.0 maintainer=me|0',
      'ENV APP_HOME=/srv/app MODE=v2.0|0',
      'ARG VERSION=1.0|0',
      'ARG BASE|0',
      expect.stringMatching(/^CMD \["python3"\]\|0$/),
    ]);
    const c = config(w, 'sem');
    expect(c.User).toBe('nobody');
    expect(c.ExposedPorts).toEqual({ '8080/tcp': {}, '9090/udp': {} });
    expect(c.Entrypoint).toEqual(['/bin/bash', '-c', 'python3 -m http.server']);
    expect(c.Cmd).toEqual(['--bind', '0.0.0.0']);
    expect(c.Volumes).toEqual({ '/data': {} });
    expect(c.WorkingDir).toBe('/srv/app');
    expect(c.Labels).toEqual({ maintainer: 'me', version: '2.0' });
    expect(c.StopSignal).toBe('SIGTERM');
    expect(c.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'echo ok'], Interval: 30e9, Retries: 3 });
    expect(c.Shell).toEqual(['/bin/bash', '-c']);
    expect(c.Env).toContain('APP_HOME=/srv/app');
  });

  test('ENTRYPOINT resets an inherited CMD; CMD after it keeps both', async () => {
    const w = buildWorld();
    w.write({ 'a/Dockerfile': 'FROM python:3.11-slim\nENTRYPOINT ["python3"]\n', 'b/Dockerfile': 'FROM python:3.11-slim\nCMD ["x"]\nENTRYPOINT ["python3"]\n' });
    await w.run('docker build -q -t a a && docker build -q -t b b');
    expect(config(w, 'a').Cmd).toBeNull();
    expect(config(w, 'b').Cmd).toEqual(['x']);
  });

  test('ARG scoping: global ARGs only in FROM, redeclared ones inherit; unset args stay in vertex names', async () => {
    const w = buildWorld();
    w.write({
      'app/Dockerfile': `ARG BASE=python:3.11-slim
ARG UNUSED=1
FROM \${BASE}
ARG BASE
ARG V=$BASE
ARG A B=2
ARG CACHEBUST
ENV X=\${V:-none} Y=\${A:+set} Z=\\$NOTVAR W='$V' \\
    Q="$V"
RUN echo "V=$V A=$A B=$B X=$X Y=$Y Z=$Z W=$W Q=$Q T=$TARGETPLATFORM"
ARG TARGETPLATFORM
RUN echo "T=$TARGETPLATFORM C=$CACHEBUST" && echo \${UNUSED:-unset}
COPY Dockerfile /\${B}/
`,
    });
    const r = await w.run('cd app && docker build -t args .');
    expect(r.out).toContain('[2/4] RUN echo "V=python:3.11-slim A=$A B=2 X=python:3.11-slim Y= Z=$NOTVAR W=$V Q=python:3.11-slim T=$TARGETPLATFORM"\n');
    expect(r.out).toContain('0.100 V=python:3.11-slim A= B=2 X=python:3.11-slim Y= Z=$NOTVAR W=$V Q=python:3.11-slim T=\n');
    expect(r.out).toContain('[3/4] RUN echo "T=linux/amd64 C=$CACHEBUST" && echo ${UNUSED:-unset}\n');
    expect(r.out).toContain('[4/4] COPY Dockerfile /2/\n');
    expect(history(w, 'args', 9).map(createdBy)).toEqual([
      'COPY Dockerfile /2/ # buildkit',
      'RUN |6 BASE=python:3.11-slim V=python:3.11-slim A= B=2 CACHEBUST= TARGETPLATFORM=linux/amd64 /bin/sh -c echo "T=$TARGETPLATFORM C=$CACHEBUST" && echo ${UNUSED:-unset} # buildkit',
      'ARG TARGETPLATFORM',
      'RUN |5 BASE=python:3.11-slim V=python:3.11-slim A= B=2 CACHEBUST= /bin/sh -c echo "V=$V A=$A B=$B X=$X Y=$Y Z=$Z W=$W Q=$Q T=$TARGETPLATFORM" # buildkit',
      'ENV X=python:3.11-slim Y= Z=$NOTVAR W=$V Q=python:3.11-slim',
      'ARG CACHEBUST',
      'ARG A B=2',
      'ARG V=python:3.11-slim',
      'ARG BASE',
    ]);
    // a build arg the Dockerfile uses invalidates the RUN steps that see it
    const withA = await w.run('docker build -t args --build-arg A=x .');
    expect(steps(withA.out).map((s) => s.split('=').pop())).toEqual(['CACHED', 'DONE', 'DONE', 'DONE']);
    const again = await w.run('docker build -t args --build-arg A=x --build-arg NOPE=1 .');
    expect(steps(again.out).map((s) => s.split('=').pop())).toEqual(['CACHED', 'CACHED', 'CACHED', 'CACHED']);
  });

  test('heredocs, --chown/--chmod, ONBUILD, cache mounts', async () => {
    const w = buildWorld();
    w.write({
      'app/Dockerfile': `FROM python:3.11-slim
ARG NAME=world
RUN <<EOT
echo hello $NAME
echo second line
EOT
COPY <<EOT /greeting.txt
hi \${NAME}
EOT
COPY --chown=nobody:nogroup --chmod=600 Dockerfile /owned
RUN cat /greeting.txt && stat -c '%u:%g %a' /owned
ONBUILD RUN echo onbuild
RUN --mount=type=cache,target=/root/.cache echo cached mount > /root/.cache/x
`,
    });
    const r = await w.run('cd app && docker build -t here .');
    expect(r.status).toBe(0);
    expect(r.out).toContain('[stage-0 2/6] RUN <<EOT (echo hello world...)\n#7 0.100 hello world\n#7 0.100 second line\n');
    expect(r.out).toContain('[internal] preparing inline document');
    expect(r.out).toContain('hi world\n');
    expect(r.out).toContain('65534:65534 600\n');
    expect(history(w, 'here', 5).map(createdBy)).toEqual([
      'RUN |1 NAME=world /bin/sh -c echo cached mount > /root/.cache/x # buildkit',
      "RUN |1 NAME=world /bin/sh -c cat /greeting.txt && stat -c '%u:%g %a' /owned # buildkit",
      'COPY --chown=nobody:nogroup --chmod=600 Dockerfile /owned # buildkit',
      'COPY <<EOT /greeting.txt # buildkit',
      'RUN |1 NAME=world /bin/sh -c echo hello $NAME\necho second line\n # buildkit',
    ]);
    expect(config(w, 'here').OnBuild).toEqual(['RUN echo onbuild']);
    // the cache mount is not in the layer, but outlives the build
    expect(builderState(w.engine).cacheMounts['/root/.cache']).toBeDefined();
    w.write({ 'child/Dockerfile': 'FROM here\nRUN echo child\n' });
    const child = await w.run('docker build ../child');
    expect(child.out).toContain('[2/2] RUN echo onbuild\n');
    expect(child.out).toContain('[3/2] RUN echo child\n');
  });

  test('multi-stage: shared FROM vertex, stage names, COPY --from, --target', async () => {
    const w = buildWorld();
    w.write({
      'app/a.txt': 'hello\n',
      'app/Dockerfile': `FROM python:3.11-slim AS builder
WORKDIR /build
COPY a.txt .
RUN cp a.txt b.txt && echo built > c.txt

FROM builder AS tester
RUN cat /build/c.txt

FROM python:3.11-slim
COPY --from=builder /build/b.txt /build/c.txt /app/
COPY --from=builder /build /copy
CMD ["cat", "/app/b.txt"]
`,
    });
    const r = await w.run('cd app && docker build -t multi .');
    expect(steps(r.out)).toEqual([
      '[builder 1/4] FROM docker.io/library/python:3.11-slim=DONE',
      '[builder 2/4] WORKDIR /build=DONE',
      '[builder 3/4] COPY a.txt .=DONE',
      '[builder 4/4] RUN cp a.txt b.txt && echo built > c.txt=DONE',
      '[stage-2 2/3] COPY --from=builder /build/b.txt /build/c.txt /app/=DONE',
      '[stage-2 3/3] COPY --from=builder /build /copy=DONE',
    ]);
    expect(history(w, 'multi', 3)).toEqual(['CMD ["cat" "/app/b.txt"]|0', 'COPY /build /copy # buildkit|20480', 'COPY /build/b.txt /build/c.txt /app/ # buildkit|16384']);
    const t = await w.run('docker build --target tester -t multi:test .');
    expect(steps(t.out).pop()).toBe('[tester 1/1] RUN cat /build/c.txt=DONE');
    expect(t.out).toContain('0.100 built\n');
  });
});

describe('docker build: cache', () => {
  test('ENV before a COPY does not invalidate it; RUN after it is rebuilt', async () => {
    const w = buildWorld();
    w.write({ 'app/f.txt': 'x\n', 'app/Dockerfile': 'FROM python:3.11-slim\nCOPY f.txt /\nRUN cat /f.txt\n' });
    await w.run('cd app && docker build -q -t c .');
    w.write({ 'app/Dockerfile': 'FROM python:3.11-slim\nENV A=1\nCOPY f.txt /\nRUN cat /f.txt\n' });
    const r = await w.run('docker build -t c .');
    expect(steps(r.out).map((s) => s.split('=').pop())).toEqual(['CACHED', 'CACHED', 'DONE']);
  });

  test('touching a file keeps the cache; --no-cache rebuilds everything; the cache outlives the image', async () => {
    const w = buildWorld();
    w.write({ 'app/f.txt': 'x\n', 'app/Dockerfile': 'FROM python:3.11-slim\nCOPY f.txt /\nRUN cat /f.txt\n' });
    await w.run('cd app && docker build -q -t c .');
    await w.run('touch f.txt');
    expect(steps((await w.run('docker build -t c .')).out).map((s) => s.split('=').pop())).toEqual(['CACHED', 'CACHED', 'CACHED']);
    expect(steps((await w.run('docker build --no-cache -t c .')).out).map((s) => s.split('=').pop())).toEqual(['CACHED', 'DONE', 'DONE']);
    w.engine.images.imageRemove('c');
    expect(steps((await w.run('docker build -t c .')).out).map((s) => s.split('=').pop())).toEqual(['CACHED', 'CACHED', 'CACHED']);
    // a pruned build cache is a miss
    w.engine.images.state.buildCache.length = 0;
    expect(steps((await w.run('docker build -t c .')).out).map((s) => s.split('=').pop())).toEqual(['CACHED', 'DONE', 'DONE']);
  });

  test('COPY --from is cached when the copied content is unchanged, even if its stage rebuilt', async () => {
    const w = buildWorld();
    w.write({ 'app/v.txt': '1\n', 'app/Dockerfile': 'FROM python:3.11-slim AS b\nCOPY v.txt /\nRUN echo fixed > /out\nFROM python:3.11-slim\nCOPY --from=b /out /out\n' });
    await w.run('cd app && docker build -q .');
    w.write({ 'app/v.txt': '2\n' });
    const r = await w.run('docker build .');
    expect(steps(r.out)).toEqual(['[b 1/3] FROM docker.io/library/python:3.11-slim=CACHED', '[b 2/3] COPY v.txt /=DONE', '[b 3/3] RUN echo fixed > /out=DONE', '[stage-1 2/2] COPY --from=b /out /out=CACHED']);
  });

  test('cached rebuilds give the same config (history times come from the cache)', async () => {
    const w = buildWorld();
    w.write({ 'app/Dockerfile': 'FROM python:3.11-slim\nRUN echo hi\nCMD ["x"]\n' });
    const a = await w.run('cd app && docker build -t t .');
    await w.run('sleep 5');
    const b = await w.run('docker build -t t .');
    const cfg = (out: string) => /exporting config (sha256:[0-9a-f]{64})/.exec(out)![1];
    expect(cfg(a.out)).toBe(cfg(b.out));
    const list = /exporting manifest list (sha256:[0-9a-f]{64})/;
    expect(list.exec(a.out)![1]).not.toBe(list.exec(b.out)![1]);
  });
});

describe('docker build: layer sizes', () => {
  test('a metadata-only image is as old as its base and adds nothing', async () => {
    const w = buildWorld();
    w.write({ 'app/Dockerfile': 'FROM python:3.11-slim\nCMD ["python3"]\n' });
    await w.run('cd app && docker build -q -t onlymeta .');
    await w.run('docker pull -q python:3.11-slim');
    const meta = w.engine.images.imageInspect('onlymeta');
    const base = w.engine.images.imageInspect('python:3.11-slim');
    // to the millisecond (the image store takes times in ms)
    expect(Date.parse(meta.Created)).toBe(Date.parse(base.Created));
    expect(meta.RootFS.Layers).toEqual(base.RootFS.Layers);
  });

  test('files removed in the same RUN do not count; removed in a later RUN they do', async () => {
    const w = buildWorld();
    w.write({
      'a/Dockerfile': 'FROM python:3.11-slim\nRUN seq 1 500000 > /big && rm /big\n',
      'b/Dockerfile': 'FROM python:3.11-slim\nRUN seq 1 500000 > /big\nRUN rm /big\n',
    });
    await w.run('docker build -q -t a a && docker build -q -t b b');
    const a = w.engine.images.imageHistory('a')[0]!.Size;
    const b = w.engine.images.imageHistory('b');
    expect(a).toBe(4096);
    expect(b[1]!.Size).toBeGreaterThan(3_000_000);
    expect(b[0]!.Size).toBe(4096);
  });
});

describe('docker build: the size lesson', () => {
  test('pip with --no-cache-dir and apt lists removed in the same RUN make smaller layers', async () => {
    const w = buildWorld();
    w.write({
      'a/Dockerfile': 'FROM python:3.11-slim\nRUN pip install numpy\n',
      'b/Dockerfile': 'FROM python:3.11-slim\nRUN pip install --no-cache-dir numpy\n',
      'c/Dockerfile': 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y gcc\n',
      'd/Dockerfile': 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\n',
    });
    const size = async (d: string) => {
      expect((await w.run(`docker build -q -t ${d} ${d}`)).status).toBe(0);
      return w.engine.images.imageHistory(d)[0]!.Size;
    };
    const [a, b, c, d] = [await size('a'), await size('b'), await size('c'), await size('d')];
    expect(a - b).toBeGreaterThan(10_000_000);
    expect(c - d).toBeGreaterThan(10_000_000);
  });
});

describe('docker build: base images', () => {
  test.each([
    ['nosuchimage:1.0', 'docker.io/library/nosuchimage:1.0', 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'],
    ['python:9.9-slim', 'docker.io/library/python:9.9-slim', 'docker.io/library/python:9.9-slim: not found'],
  ])('FROM %s', async (name, ref, why) => {
    const w = buildWorld();
    w.write({ 'x/Dockerfile': `FROM ${name}\n` });
    const r = await w.run('docker build x');
    expect(r.status).toBe(1);
    expect(r.out).toContain(`#2 [internal] load metadata for ${ref}\n#2 ERROR: ${why}\n------\n > [internal] load metadata for ${ref}:\n------\nDockerfile:1\n`);
    expect(r.out.endsWith(`ERROR: failed to solve: ${name}: failed to resolve source metadata for ${ref}: ${why}\n`)).toBe(true);
  });

  test('a local image is a base without the registry; --pull asks the registry', async () => {
    const w = buildWorld();
    w.write({ 'b/Dockerfile': 'FROM python:3.11-slim\nRUN echo base > /base.txt\n', 'c/Dockerfile': 'FROM mybase\nRUN cat /base.txt\n' });
    await w.run('docker build -q -t mybase b');
    const r = await w.run('docker build c');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/\[1\/2\] FROM docker\.io\/library\/mybase:latest@sha256:[0-9a-f]{64}\n/);
    expect(r.out).toContain('0.100 base\n');
    expect((await w.run('docker build --pull c')).out).toContain('ERROR: failed to solve: mybase: failed to resolve source metadata for docker.io/library/mybase:latest: pull access denied');
  });
});

describe('docker build: Ctrl+C', () => {
  test('the running step is CANCELED and buildx says so (exit 1)', async () => {
    const w = buildWorld();
    w.write({ 'i/Dockerfile': 'FROM python:3.11-slim\nRUN echo start && sleep 5\n' });
    await w.run('docker build -q i');
    const clock = w.engine.host.clock;
    let deadline = Infinity;
    const signal = {
      get interrupted() {
        return clock.now() > deadline;
      },
      signo: 2,
      onInterrupt: () => () => undefined,
    };
    let out = '';
    const sink = { write: (t: string) => (out += t) };
    const { runBuild } = await import('../../../src/engine/docker/builder');
    deadline = clock.now() + 2000;
    const status = await runBuild(
      w.engine,
      { context: '/home/student/i', file: '', tags: [], buildArgs: [], noCache: true, noCacheFilter: [], target: '', platforms: [], progress: 'plain', quiet: false, pull: false, labels: [], iidfile: '' },
      { cwd: '/home/student', fs: w.fs, env: {}, stdout: sink, stderr: sink, tty: false, terminal: { columns: 80, rows: 24 }, clock, signal },
    );
    expect(status).toBe(1);
    expect(out).toMatch(/#5 \[2\/2\] RUN echo start && sleep 5\n#5 0\.100 start\n#5 CANCELED\nERROR: failed to solve: Canceled: context canceled\n$/);
  });
});

describe('docker build: state', () => {
  test('the build cache lives in the engine state: a restored snapshot still hits it', async () => {
    const w = buildWorld();
    w.write({ 's/f.txt': 'x\n', 's/Dockerfile': 'FROM python:3.11-slim\nCOPY f.txt /\nRUN cat /f.txt\n' });
    await w.run('docker build -q s');
    const { DockerEngine } = await import('../../../src/engine/docker/engine');
    const { runBuild } = await import('../../../src/engine/docker/builder');
    const restored = new DockerEngine({ host: w.engine.host, hostFs: w.fs, state: structuredClone(w.engine.state) });
    let out = '';
    const sink = { write: (t: string) => (out += t) };
    const never = { interrupted: false, signo: 0, onInterrupt: () => () => undefined };
    const status = await runBuild(
      restored,
      { context: '/home/student/s', file: '', tags: [], buildArgs: [], noCache: false, noCacheFilter: [], target: '', platforms: [], progress: 'plain', quiet: false, pull: false, labels: [], iidfile: '' },
      { cwd: '/home/student', fs: w.fs, env: {}, stdout: sink, stderr: sink, tty: false, terminal: { columns: 80, rows: 24 }, clock: w.engine.host.clock, signal: never },
    );
    expect(status).toBe(0);
    expect(steps(out).map((s) => s.split('=').pop())).toEqual(['CACHED', 'CACHED', 'CACHED']);
  });
});
