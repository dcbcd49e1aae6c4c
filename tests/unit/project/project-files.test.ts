// The starter project in content/project: the files the lesson's Dockerfiles rely on are there,
// and the data stays small. (Its Python behaviour is tested by tests/python with Debian's python3.)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const project = resolve(__dirname, '../../../content/project');

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

describe('starter project', () => {
  test('has what trainer.dockerfile and predict.dockerfile use', () => {
    const paths = [
      'requirements.txt',
      'setup.py',
      'src/__init__.py',
      'src/models/__init__.py',
      'src/models/model.py',
      'src/models/train_model.py',
      'src/models/predict_model.py',
      'src/data/__init__.py',
      'src/data/make_dataset.py',
      'src/data/make_synthetic.py',
      'data/processed/train.pt',
      'data/processed/test.pt',
      'data/example_images.npy',
      'pytorch_docker.py',
      'README.md',
    ];
    expect(paths.filter((path) => !existsSync(join(project, path)))).toEqual([]);
  });

  test('requirements.txt asks for torch and numpy', () => {
    const names = readFileSync(join(project, 'requirements.txt'), 'utf8')
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter((line) => line !== '')
      .map((line) => line.split(/[<>=!~ ;[]/)[0]!.toLowerCase());
    expect(names.sort()).toEqual(['numpy', 'torch']);
  });

  test('training writes models/trained_model.pt relative to the working directory', () => {
    const source = readFileSync(join(project, 'src/models/train_model.py'), 'utf8');
    expect(source).toContain('default=Path("models/trained_model.pt")');
    expect(source).toContain('default=Path("data/processed")');
  });

  test('example_images.npy is ten 28x28 uint8 images', () => {
    const bytes = readFileSync(join(project, 'data/example_images.npy'));
    expect(bytes.subarray(0, 6).toString('latin1')).toBe('\x93NUMPY');
    const headerLength = bytes.readUInt16LE(8);
    const header = bytes.subarray(10, 10 + headerLength).toString('latin1');
    expect(header).toContain("'descr': '|u1'");
    expect(header).toContain("'shape': (10, 28, 28)");
    expect(bytes.length).toBe(10 + headerLength + 10 * 28 * 28);
  });

  test('the data is labelled synthetic and stays under 1 MB', () => {
    expect(readFileSync(join(project, 'data/README.md'), 'utf8')).toContain('SYNTHETIC');
    const mnist = join(project, 'data/raw/mnist'); // a local download, ignored by git
    const size = sizeOf(join(project, 'data')) - (existsSync(mnist) ? sizeOf(mnist) : 0);
    expect(size).toBeLessThan(1_000_000);
  });
});
