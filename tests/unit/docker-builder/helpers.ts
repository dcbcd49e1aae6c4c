/** A student world to build in: write files, run `docker build`, read the engine's state. */
import type { MemoryFs } from '../../../src/engine/fs';
import { fileSystemOf } from '../../../src/engine/shell';
import { createStudentWorld, openSession } from '../../../src/engine/world';
import type { DockerEngine } from '../../../src/engine/docker/engine';
import type { ShellSession } from '../../../src/engine/shell';

export interface BuildWorld {
  engine: DockerEngine;
  fs: MemoryFs;
  session: ShellSession;
  /** Runs a command line; output (stdout + stderr) and status. */
  run(line: string): Promise<{ out: string; status: number }>;
  /** Writes files under /home/student (paths relative to it), owned by the student. */
  write(files: Record<string, string>): void;
}

export function buildWorld(options: { tty?: boolean; columns?: number; rows?: number } = {}): BuildWorld {
  const { host, engine } = createStudentWorld();
  const fs = fileSystemOf(host)!;
  const session = openSession(host, { tty: options.tty ?? false, ...(options.columns ? { terminal: { columns: options.columns, rows: options.rows ?? 30 } } : {}) });
  return {
    engine,
    fs,
    session,
    async run(line) {
      let out = '';
      const write = (t: string) => {
        out += t;
      };
      const status = await session.execute(line, { stdout: { write }, stderr: { write } });
      return { out, status };
    },
    write(files) {
      for (const [rel, text] of Object.entries(files)) {
        const path = `/home/student/${rel}`;
        const parts = path.split('/').slice(1, -1);
        let dir = '';
        for (const p of parts) {
          dir += `/${p}`;
          if (!fs.exists(dir)) {
            fs.mkdir(dir);
            fs.chown(dir, 1000, 1000);
          }
        }
        fs.writeFile(path, text);
        fs.chown(path, 1000, 1000);
      }
    },
  };
}

/** The lesson's trainer.dockerfile and the files it copies. */
export const LESSON_FILES: Record<string, string> = {
  'project/requirements.txt': 'torch>=1.8\nnumpy>=1.17\n',
  'project/setup.py': 'from setuptools import find_packages, setup\n\nsetup(name="src", packages=find_packages(), version="0.1.0")\n',
  'project/src/__init__.py': '',
  'project/src/models/__init__.py': '',
  'project/src/models/train_model.py': 'print("training")\n',
  'project/data/processed/train.pt': 'tensors',
  'project/trainer.dockerfile': `# Base image
FROM python:3.7-slim

COPY requirements.txt requirements.txt
COPY setup.py setup.py
COPY src/ src/
COPY data/ data/

WORKDIR /
RUN echo pip install -r requirements.txt --no-cache-dir

ENTRYPOINT ["python", "-u", "src/models/train_model.py"]
`,
};
