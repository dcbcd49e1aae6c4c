/**
 * The course's starting state: the starter MNIST project (content/project) in ~/mnist, owned by
 * the student, as if cloned from the course repository. Text files are the real ones; data files
 * keep their real sizes (the simulated python never reads their bytes).
 */
import type { FileSystem } from './fs/types';
import { PROJECT_DATA_SIZES, PROJECT_TEXTS } from './docker/programs/project/files.generated';

export const STARTER_DIR = 'mnist';

export function seedStarterProject(fs: FileSystem & { writeSynthetic(path: string, size: number): void }, home: string, owner = { uid: 1000, gid: 1000 }): string {
  const root = `${home}/${STARTER_DIR}`;
  const made = new Set<string>();
  const ensureDir = (dir: string) => {
    if (made.has(dir) || dir === home) return;
    ensureDir(dir.slice(0, dir.lastIndexOf('/')));
    if (!fs.exists(dir)) fs.mkdir(dir, { mode: 0o755 });
    fs.chown(dir, owner.uid, owner.gid);
    made.add(dir);
  };
  const place = (relative: string, write: (path: string) => void) => {
    const path = `${root}/${relative}`;
    ensureDir(path.slice(0, path.lastIndexOf('/')));
    write(path);
    fs.chown(path, owner.uid, owner.gid);
  };
  for (const [relative, text] of Object.entries(PROJECT_TEXTS)) place(relative, (path) => fs.writeFile(path, text, { mode: 0o644 }));
  for (const [relative, size] of Object.entries(PROJECT_DATA_SIZES)) place(relative, (path) => fs.writeSynthetic(path, size));
  return root;
}
