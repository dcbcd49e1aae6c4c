import { createInterface } from 'node:readline';
import { RealtimeClock, DEFAULT_EPOCH } from '../engine/clock';
import { createStudentHost, openSession } from '../engine/world';

/** A simulated session in your own terminal; Ctrl+C interrupts, Ctrl+D or `exit` leaves. */
export async function interactiveShell(course = false): Promise<number> {
  const tty = Boolean(process.stdout.isTTY);
  const host = createStudentHost({ clock: new RealtimeClock(DEFAULT_EPOCH), course });
  const session = openSession(host, {
    tty,
    terminal: { columns: process.stdout.columns ?? 80, rows: process.stdout.rows ?? 24 },
  });
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
  const io = {
    stdout: { write: (text: string) => void process.stdout.write(text) },
    stderr: { write: (text: string) => void process.stderr.write(text) },
  };
  let pending = '';
  let busy = false;
  const showPrompt = () => {
    rl.setPrompt(pending ? '> ' : session.prompt());
    rl.prompt();
  };
  rl.on('SIGINT', () => {
    if (busy) {
      session.interrupt(2);
      return;
    }
    process.stdout.write('^C\n');
    pending = '';
    showPrompt();
  });
  return new Promise<number>((resolve) => {
    rl.on('line', async (line) => {
      const text = pending ? `${pending}\n${line}` : line;
      if (!session.isComplete(text)) {
        pending = text;
        showPrompt();
        return;
      }
      pending = '';
      busy = true;
      rl.pause();
      await session.execute(text, io);
      busy = false;
      if (session.exited) {
        rl.close();
        return;
      }
      rl.resume();
      showPrompt();
    });
    rl.on('close', () => {
      if (!session.exited && tty) process.stdout.write('exit\n');
      resolve(session.lastStatus);
    });
    showPrompt();
  });
}
