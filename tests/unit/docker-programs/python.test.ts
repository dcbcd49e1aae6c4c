/**
 * The simulated python against the starter project's real output (fixtures/, recorded with
 * Debian's python3 and torch by oracle/record_scripts.sh), in containers of the registry's images.
 */
import { describe, expect, it } from 'vitest';
import { container, copyProject, fixture, run } from './harness';
import type { Container } from './harness';
import { identifyScript, modelFileSize } from '../../../src/engine/docker/programs/python/lesson';
import { PROJECT_TEXTS } from '../../../src/engine/docker/programs/project/files.generated';
import { injectNvidiaRuntime } from '../../../src/engine/docker/programs';

/** python:3.11-slim with the project copied to / and torch + numpy installed by pip. */
async function trainer(ref = 'python:3.11-slim'): Promise<Container> {
  const c = container(ref);
  copyProject(c);
  const pip = await run(c, ['pip', 'install', '-r', 'requirements.txt', '--no-cache-dir']);
  expect(pip.status).toBe(0);
  return c;
}

/** A real transcript with the recording machine's folder replaced by the container's. */
function real(name: string, root = '') {
  const f = fixture(name);
  const fix = (t: string) => t.split(f.workdir).join(root).replace(/\/usr\/lib\/python3\/dist-packages/g, '/usr/local/lib/python3.11/site-packages');
  return { stdout: fix(f.stdout), stderr: fix(f.stderr), status: f.status };
}

describe('train_model.py', () => {
  it('prints what the real script prints and saves a model of the real size', async () => {
    const c = await trainer();
    const r = await run(c, ['python', '-u', 'src/models/train_model.py']);
    expect(r).toMatchObject(real('train-default'));
    expect(c.fs.stat('/models/trained_model.pt').size).toBe(426_507);
    expect(modelFileSize('/models/trained_model.pt')).toBe(426_507);
    // time passes per epoch
    expect(r.chunks.length).toBe(8);
    expect(r.chunks[1]!.at).toBeGreaterThan(r.chunks[0]!.at);
  });

  it('matches the real run for other epoch counts', async () => {
    const c = await trainer();
    expect(await run(c, ['python', 'src/models/train_model.py', '--epochs', '3'])).toMatchObject(real('train-epochs3'));
  });

  it('has the real --help and argparse errors', async () => {
    const c = await trainer();
    expect(await run(c, ['python', 'src/models/train_model.py', '--help'])).toMatchObject(real('train-help'));
    for (const a of ['--epochs 0', '--epochs x', '--lr 0', '--batch-size 0', '--foo', '--data-dir nowhere', '--epochs']) {
      const r = await run(c, ['python', 'src/models/train_model.py', ...a.split(' ')]);
      expect(r, a).toMatchObject(real(`train-error${a.replace(/ /g, '_')}`));
    }
  });

  it('says optional arguments: on Python 3.7 and wraps help to the terminal', async () => {
    const c = await trainer('python:3.7-slim');
    const r = await run(c, ['python', 'src/models/train_model.py', '-h']);
    expect(r.stdout).toContain('\noptional arguments:\n');
    const wide = await run(c, ['python', 'src/models/train_model.py', '-h'], { tty: true, columns: 200 });
    expect(wide.stdout.split('\n')[0]).toBe('usage: train_model.py [-h] [--epochs EPOCHS] [--lr LR] [--batch-size BATCH_SIZE] [--seed SEED] [--data-dir DATA_DIR] [--output OUTPUT]');
  });

  it('fails the real way without torch (paths relative before 3.9, absolute after)', async () => {
    const c = container('python:3.11-slim');
    copyProject(c);
    expect(await run(c, ['python', 'src/models/train_model.py'])).toMatchObject(real('train-no-torch'));
    const old = container('python:3.7-slim');
    copyProject(old);
    const r = await run(old, ['python', 'src/models/train_model.py']);
    expect(r.stderr).toBe("Traceback (most recent call last):\n  File \"src/models/train_model.py\", line 16, in <module>\n    import torch\nModuleNotFoundError: No module named 'torch'\n");
    expect(r.status).toBe(1);
  });

  it('fails the real way when data/ was not copied', async () => {
    const c = container('python:3.11-slim');
    copyProject(c, '/', (p) => !p.startsWith('data/'));
    await run(c, ['pip', 'install', '-r', 'requirements.txt']);
    const r = await run(c, ['python', 'src/models/train_model.py']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').slice(-2)[0]).toBe('train_model.py: error: data/processed/train.pt not found; create it with: python src/data/make_dataset.py');
  });

  it('holds output back without -u when stdout is not a terminal', async () => {
    const c = await trainer();
    const buffered = await run(c, ['python', 'src/models/train_model.py']);
    expect(buffered.chunks.length).toBe(1);
    expect(buffered.chunks[0]!.at).toBe(buffered.elapsed);
    const env = await run(c, ['python', 'src/models/train_model.py'], { env: { PYTHONUNBUFFERED: '1' } });
    expect(env.chunks.length).toBe(8);
    const tty = await run(c, ['python', 'src/models/train_model.py'], { tty: true });
    expect(tty.chunks.length).toBe(8);
  });

  it('Ctrl+C: KeyboardInterrupt traceback, the buffered lines at exit, status 130', async () => {
    const c = await trainer();
    const r = await run(c, ['python', 'src/models/train_model.py'], { interruptAfter: 5000 });
    expect(r.status).toBe(130);
    expect(r.stdout).toBe('Training on 500 images for 5 epochs (device: cpu)\nEpoch 1/5 - loss: 2.2715 - accuracy: 0.1300\nEpoch 2/5 - loss: 1.8184 - accuracy: 0.4440\n');
    // the shape of the real traceback (recorded by interrupting the real script in loss.backward())
    const lines = r.stderr.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      'Traceback (most recent call last):',
      '  File "/src/models/train_model.py", line 122, in <module>',
      '    main()',
      '  File "/src/models/train_model.py", line 112, in main',
      '    loss, accuracy = train_epoch(model, train_loader, optimizer, device)',
      '                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "/src/models/train_model.py", line 46, in train_epoch',
      '    loss.backward()',
    ]);
    expect(lines[8]).toMatch(/^ {2}File "\/usr\/local\/lib\/python3.11\/site-packages\/torch\/_tensor.py", line \d+, in backward$/);
    expect(lines.slice(9, 14)).toEqual([
      '    torch.autograd.backward(',
      expect.stringMatching(/autograd\/__init__.py", line \d+, in backward$/),
      '    Variable._execution_engine.run_backward(  # Calls into the C++ engine to run the backward pass',
      'KeyboardInterrupt',
      '',
    ]);
    expect(r.stderr.endsWith('KeyboardInterrupt\n')).toBe(true);
  });

  it('docker stop (SIGTERM) kills it silently and the buffered output is lost', async () => {
    const c = await trainer();
    const r = await run(c, ['python', 'src/models/train_model.py'], { interruptAfter: 5000, signo: 15 });
    expect(r).toMatchObject({ status: 143, stdout: '', stderr: '' });
  });

  it('PermissionError when models/ cannot be created (non-root in /)', async () => {
    const c = await trainer();
    const r = await run(c, ['python', 'src/models/train_model.py', '--epochs', '1'], { uid: 1000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("    args.output.parent.mkdir(parents=True, exist_ok=True)\n");
    expect(r.stderr.endsWith("PermissionError: [Errno 13] Permission denied: 'models'\n")).toBe(true);
  });

  it('notices an edited script and says what it can run', async () => {
    const c = await trainer();
    c.fs.writeFile('/src/models/train_model.py', `${PROJECT_TEXTS['src/models/train_model.py']!.replace('default=5', 'default=50')}`);
    const r = await run(c, ['python', 'src/models/train_model.py']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("the course's simulator runs only the lesson's Python programs as shipped");
    expect(identifyScript(PROJECT_TEXTS['src/models/train_model.py']!.replace(/\n/g, '\r\n'))).toBe('train');
  });
});

describe('predict_model.py', () => {
  it('predicts what the real model predicts', async () => {
    const c = await trainer();
    await run(c, ['python', 'src/models/train_model.py']);
    expect(await run(c, ['python', 'src/models/predict_model.py', 'models/trained_model.pt', 'data/example_images.npy'])).toMatchObject(real('predict-default-examples'));
    expect(await run(c, ['python', 'src/models/predict_model.py', 'models/trained_model.pt', 'data/processed/test.pt'])).toMatchObject(real('predict-default-test'));
  });

  it('has the real usage and errors', async () => {
    const c = await trainer();
    await run(c, ['python', 'src/models/train_model.py']);
    const cases: [string, string[]][] = [
      ['predict-help', ['--help']],
      ['predict-noargs', []],
      ['predict-onearg', ['models/trained_model.pt']],
      ['predict-missing-model', ['nope.pt', 'data/example_images.npy']],
      ['predict-missing-images', ['models/trained_model.pt', 'nope.npy']],
      ['predict-bad-suffix', ['models/trained_model.pt', 'data/raw/synthetic_digits.npz']],
      ['predict-model-as-images', ['models/trained_model.pt', 'models/trained_model.pt']],
      ['predict-data-as-model', ['data/processed/test.pt', 'data/example_images.npy']],
    ];
    for (const [name, args] of cases) {
      const want = real(name, '');
      const got = await run(c, ['python', 'src/models/predict_model.py', ...args]);
      expect(got, name).toMatchObject({ ...want, stderr: want.stderr.replace('relative paths start at ', 'relative paths start at /').replace('at //', 'at /') });
    }
  });

  it('fails on numpy first when nothing is installed', async () => {
    const c = container('python:3.11-slim');
    copyProject(c);
    expect(await run(c, ['python', 'src/models/predict_model.py', 'a', 'b'])).toMatchObject(real('predict-no-numpy'));
  });
});

describe('pytorch_docker.py', () => {
  it('prints the real lines with the image torch (anibali/pytorch:1.10.0-nocuda)', async () => {
    const c = container('anibali/pytorch:1.10.0-nocuda');
    copyProject(c, '/app', (p) => p === 'pytorch_docker.py');
    const r = await run(c, ['python3', 'pytorch_docker.py']);
    const want = real('pytorch-docker');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(want.stdout.replace('3.11.2', '3.9.7').replace('1.13.0a0', '1.10.0'));
  });

  it('sees a GPU only where the NVIDIA runtime injected one', async () => {
    const c = container('anibali/pytorch:1.8.1-cuda11.1');
    copyProject(c, '/app', (p) => p === 'pytorch_docker.py');
    const without = await run(c, ['python3', 'pytorch_docker.py']);
    expect(without.stdout).toContain('CUDA available: False\n');
    injectNvidiaRuntime(c.fs.as({ uid: 0, gid: 0 }));
    const gpu = await run(c, ['python3', 'pytorch_docker.py']);
    expect(gpu.stdout).toBe('Python version: 3.8.3\nPyTorch version: 1.8.1\nCUDA available: True\nGPU: Tesla T4 (CUDA 11.1)\nSum of a 3x3 matrix product computed on cuda: 27\n');
    const smi = await run(c, ['nvidia-smi']);
    expect(smi.stdout).toContain('Driver Version: 535.183.01');
    // a CPU-only torch does not use the GPU
    const nocuda = container('anibali/pytorch:1.10.0-nocuda');
    copyProject(nocuda, '/app', (p) => p === 'pytorch_docker.py');
    injectNvidiaRuntime(nocuda.fs.as({ uid: 0, gid: 0 }));
    expect((await run(nocuda, ['python3', 'pytorch_docker.py'])).stdout).toContain('CUDA available: False\n');
  });

  it('exits 1 with the real message where torch is missing', async () => {
    const c = container('python:3.12-slim');
    copyProject(c, '/', (p) => p === 'pytorch_docker.py');
    const r = await run(c, ['python3', 'pytorch_docker.py']);
    expect(r).toMatchObject({ status: 1, stdout: '', stderr: real('pytorch-docker-no-torch').stderr.replace('/usr/bin/python3', '/usr/local/bin/python3') });
  });
});

describe('the data scripts', () => {
  it('make_dataset.py and make_synthetic.py print and write what the real ones do', async () => {
    const c = await trainer();
    expect(await run(c, ['python', 'src/data/make_dataset.py'])).toMatchObject(real('make-dataset'));
    expect(await run(c, ['python', 'src/data/make_dataset.py', '--help'])).toMatchObject(real('make-dataset-help'));
    expect(await run(c, ['python', 'src/data/make_dataset.py', '--download'])).toMatchObject(real('make-dataset-download-synthetic'));
    expect(await run(c, ['python', 'src/data/make_synthetic.py'])).toMatchObject(real('make-synthetic'));
    expect(c.fs.stat('/data/processed/train.pt').size).toBe(396_959);
  });
});

describe('python itself', () => {
  it('-c with literals and torch, like the real interpreter', async () => {
    const c = await trainer();
    expect(await run(c, ['python', '-c', "print('hello', 1 + 2, 2 / 4, True, None)"])).toMatchObject(real('c-print'));
    expect((await run(c, ['python', '-c', 'import torch; print(torch.__version__)'])).stdout).toBe('2.5.1+cu124\n');
    expect((await run(c, ['python', '-c', 'import torch; print(torch.cuda.is_available())'])).stdout).toBe('False\n');
    const bare = container('python:3.11-slim');
    expect(await run(bare, ['python', '-c', 'import torch'])).toMatchObject(real('c-no-torch'));
    const other = await run(bare, ['python', '-c', 'import os; os.listdir()']);
    expect(other.status).toBe(1);
    expect(other.stderr).toContain('does not run arbitrary Python');
  });

  it('--version and the prompt with the image version', async () => {
    expect((await run(container('python:3.7-slim'), ['python', '--version'])).stdout).toBe('Python 3.7.16\n');
    const c = container('python:3.11-slim');
    const r = await run(c, ['python3'], { tty: true, stdin: ['1 + 1\n', "'a' * 3\n", 'exit()\n'] });
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n')[0]).toMatch(/^Python 3\.11\.15 \(main, \w{3} [ \d]\d \d{4}, \d\d:\d\d:\d\d\) \[GCC [\d.]+\] on linux$/);
    expect(r.stdout).toBe("2\n'aaa'\n");
    const eof = await run(c, ['python3'], { tty: true, stdin: [] });
    expect(eof.status).toBe(0);
    expect(eof.stderr.endsWith('>>> \n')).toBe(true);
  });

  it('says so for a missing script, as python does', async () => {
    const r = await run(container('python:3.11-slim'), ['python', 'train.py']);
    expect(r).toMatchObject({ status: 2, stderr: "python: can't open file '/train.py': [Errno 2] No such file or directory\n" });
  });
});
