/** Loaded on demand: xterm, the engine and the controller, for one <docker-terminal>. */
import { TerminalController } from './controller';
import { loadHistory, newSession, saveHistory } from './page-world';

const history = loadHistory();

export function bootTerminal(root: HTMLElement): TerminalController {
  const screen = root.querySelector<HTMLElement>('.term-screen')!;
  const log = root.querySelector<HTMLElement>('.term-log')!;
  screen.replaceChildren();
  // xterm's own textarea takes keyboard focus from here on; one tab stop per terminal.
  screen.removeAttribute('tabindex');
  const rows = Number(root.dataset['rows'] ?? '16');
  const controller = new TerminalController({
    screen,
    log,
    session: newSession(80, rows),
    history,
    onHistoryChange: () => saveHistory(history),
  });
  root.dataset['ready'] = 'true';
  return controller;
}
