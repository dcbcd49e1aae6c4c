/** The builder's own work is cheap: the lesson's build in a few ms, long Dockerfiles linear. */
import { LESSON_FILES, buildWorld } from '../tests/unit/docker-builder/helpers';

export interface BuilderTimings {
  cachedMs: number;
  uncachedMs: number;
  ms100: number;
  ms500: number;
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function builderTimings(): Promise<BuilderTimings> {
  const lesson = async () => {
    const w = buildWorld();
    w.write(LESSON_FILES);
    await w.run('cd project');
    await w.run('docker build -q -f trainer.dockerfile . -t trainer:latest');
    const cached = await median(21, () => w.run('docker build -q -f trainer.dockerfile . -t trainer:latest'));
    const uncached = await median(21, () => w.run('docker build -q --no-cache -f trainer.dockerfile . -t trainer:latest'));
    return { cached, uncached };
  };
  const linear = async () => {
    const dockerfile = (n: number) => {
      const lines = ['FROM python:3.11-slim'];
      for (let i = 0; i < n; i++) lines.push(i % 5 === 0 ? `RUN echo ${i} > /f${i}` : i % 5 === 1 ? `ENV V${i}=${i}` : i % 5 === 2 ? `COPY a.txt /a${i}` : i % 5 === 3 ? `LABEL l${i}=${i}` : `WORKDIR /w${i}`);
      return `${lines.join('\n')}\n`;
    };
    const w = buildWorld();
    w.write({ 'p/a.txt': 'a\n', 'p/100.dockerfile': dockerfile(100), 'p/500.dockerfile': dockerfile(500) });
    await w.run('cd p');
    await w.run('docker build -q -f 100.dockerfile .');
    const t100 = await median(5, () => w.run('docker build -q --no-cache -f 100.dockerfile .'));
    const t500 = await median(5, () => w.run('docker build -q --no-cache -f 500.dockerfile .'));
    return { t100, t500 };
  };
  const { cached, uncached } = await lesson();
  const { t100, t500 } = await linear();
  return { cachedMs: cached, uncachedMs: uncached, ms100: t100, ms500: t500 };
}
