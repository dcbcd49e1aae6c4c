/**
 * An interactive shell inside a container (`docker run -it IMAGE sh`, `docker exec -it NAME bash`):
 * prints the prompt, reads one line at a time from the terminal, runs it, until `exit` or the end
 * of input. As on the lab engine:
 *
 *   dash:  `# ` (`$ ` for other users); end of input prints a newline.
 *   bash:  `root@<12-hex id>:/# ` with bracketed paste switched on around the prompt
 *          (`ESC[?2004h` … `ESC[?2004l\r`); end of input prints `exit`.
 *
 * SIGINT from the terminal ends the command running in it (the shell itself catches it).
 */
import type { OutputStream } from '../../process';
import { InterruptController } from '../../signal';
import { completeness } from '../../shell/parser/parser';
import type { Shell } from '../../shell/interpreter/shell';
import type { BufferedInput, Fds } from '../../shell/interpreter/io';

export interface InteractiveShellOptions {
  shell: Shell;
  flavour: 'bash' | 'dash';
  stdin: BufferedInput;
  stdout: OutputStream;
  stderr: OutputStream;
  hostname: string;
  /** argv[0] as typed (`sh`, `bash`, `/bin/bash`): dash's messages start with it. */
  name: string;
}

export interface InteractiveShell {
  readonly done: Promise<number>;
  /** SIGINT: ends the command running now, or abandons the line being typed. */
  interrupt(): void;
}

const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l\r';

export function runInteractiveShell(options: InteractiveShellOptions): InteractiveShell {
  const { shell, flavour, stdin, stdout, stderr } = options;
  let running: InterruptController | null = null;
  const bash = flavour === 'bash';
  shell.interactive = bash;
  shell.arg0 = options.name;
  const base = options.name.split('/').pop() ?? options.name;
  shell.errorStyle = bash ? { name: 'bash', lines: false } : { name: base, lines: true, dash: true };
  if (bash) {
    shell.vars.set('PS1', { value: '\\u@\\h:\\w\\$ ', exported: false, readonly: false });
    shell.vars.set('PS2', { value: '> ', exported: false, readonly: false });
  }
  const prompt = (): string => {
    const root = shell.env.cred.uid === 0;
    if (!bash) return root ? '# ' : '$ ';
    const home = shell.getVar('HOME') ?? '';
    const cwd = shell.cwd;
    const dir = home !== '' && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`)) ? `~${cwd.slice(home.length)}` : cwd;
    return `${PASTE_ON}${shell.userName}@${options.hostname}:${dir}${root ? '#' : '$'} `;
  };
  const fds: Fds = [
    { input: stdin, tty: true },
    { output: stdout, tty: true },
    { output: stderr, tty: true },
  ];
  let lineNo = 0;

  const done = (async (): Promise<number> => {
    for (;;) {
      stderr.write(prompt());
      let text = '';
      let eof = false;
      for (;;) {
        const line = await stdin.readUntil('\n');
        if (line === null) {
          eof = true;
          break;
        }
        lineNo++;
        text += line;
        if (completeness(text) !== 'incomplete') break;
        stderr.write(bash ? '> ' : '> ');
      }
      if (bash) stdout.write(PASTE_OFF);
      if (eof && text === '') {
        stdout.write(bash ? '\nexit\n' : '\n');
        return shell.lastStatus & 255;
      }
      const body = text.endsWith('\n') ? text.slice(0, -1) : text;
      if (body.trim() !== '' && bash && shell.history[shell.history.length - 1] !== body) shell.history.push(body);
      running = new InterruptController();
      shell.signal = running.signal;
      shell.lineBase = bash ? 0 : lineNo - 1 - (body.split('\n').length - 1);
      try {
        await shell.runText(body, { fds });
      } catch (e) {
        stderr.write(`${base}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      } finally {
        running = null;
      }
      if (shell.signal.interrupted) stdout.write('\n');
      if (bash && shell.jobs.length > 0) stderr.write(shell.jobReport());
      if (shell.exited) return shell.lastStatus & 255;
      if (eof) {
        stdout.write(bash ? '\nexit\n' : '\n');
        return shell.lastStatus & 255;
      }
    }
  })();

  return {
    done,
    interrupt: () => {
      if (running) running.interrupt(2);
      // at the prompt: the line is dropped (the terminal echoed ^C) and a new prompt follows
      else stderr.write(`\n${prompt()}`);
    },
  };
}
