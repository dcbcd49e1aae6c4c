/**
 * Loaded on demand: xterm, the engine and the controllers for one <docker-terminal>. Each tab is
 * its own shell session on the page's one simulated laptop.
 */
import { TerminalController } from './controller';
import { loadHistory, newSession, saveHistory, setMachineProfile } from './page-world';

const history = loadHistory();

interface Tab {
  button: HTMLButtonElement;
  pane: HTMLElement;
  controller: TerminalController;
}

export class TerminalTabs {
  private readonly tabs: Tab[] = [];
  private readonly tablist: HTMLElement;
  private readonly panes: HTMLElement;
  private readonly rows: number;

  constructor(private readonly root: HTMLElement) {
    this.tablist = root.querySelector<HTMLElement>('.term-tabs')!;
    this.panes = root.querySelector<HTMLElement>('.term-panes')!;
    this.rows = Number(root.dataset['rows'] ?? '16');
    const firstButton = this.tablist.querySelector<HTMLButtonElement>('.term-tab')!;
    const firstPane = this.panes.querySelector<HTMLElement>('.term-pane')!;
    this.attach(firstButton, firstPane);
    const newButton = root.querySelector<HTMLButtonElement>('.term-new')!;
    newButton.disabled = false;
    newButton.addEventListener('click', () => this.open());
    this.tablist.addEventListener('keydown', (event) => this.onTabKey(event));
    const machine = root.querySelector<HTMLSelectElement>('.term-machine');
    if (machine) {
      machine.disabled = false;
      setMachineProfile(machine.value === 'gpu-cloud' ? 'gpu-cloud' : 'laptop');
      machine.addEventListener('change', () => {
        setMachineProfile(machine.value === 'gpu-cloud' ? 'gpu-cloud' : 'laptop');
        this.active.focus();
      });
    }
    root.dataset['ready'] = 'true';
  }

  get active(): TerminalController {
    return this.tabs.find((tab) => !tab.pane.hidden)!.controller;
  }

  focus(): void {
    this.active.focus();
  }

  /** Types a command into the visible terminal and runs it. */
  run(command: string): void {
    this.active.type(command.endsWith('\n') ? command : `${command}\n`);
    this.active.focus();
  }

  /** Opens another terminal on the same host and switches to it. */
  open(): void {
    const number = this.tabs.length + 1;
    const button = this.root.ownerDocument.createElement('button');
    button.type = 'button';
    button.className = 'term-tab';
    button.setAttribute('role', 'tab');
    button.textContent = `Terminal ${number}`;
    const pane = this.root.ownerDocument.createElement('div');
    pane.className = 'term-pane';
    pane.setAttribute('role', 'tabpanel');
    pane.setAttribute('aria-label', `Terminal ${number}`);
    const screen = this.root.ownerDocument.createElement('div');
    screen.className = 'term-screen';
    screen.style.setProperty('--term-rows', String(this.rows));
    const log = this.root.ownerDocument.createElement('div');
    log.className = 'term-log sr-only';
    log.setAttribute('role', 'log');
    log.setAttribute('aria-live', 'polite');
    log.setAttribute('aria-label', `Terminal ${number} output`);
    pane.append(screen, log);
    this.tablist.append(button);
    this.panes.append(pane);
    this.attach(button, pane);
    this.select(this.tabs.length - 1);
  }

  private attach(button: HTMLButtonElement, pane: HTMLElement): void {
    const screen = pane.querySelector<HTMLElement>('.term-screen')!;
    const log = pane.querySelector<HTMLElement>('.term-log')!;
    screen.replaceChildren();
    // xterm's own textarea takes keyboard focus from here on; one tab stop per terminal.
    screen.removeAttribute('tabindex');
    const id = `${this.root.id || 'term'}-${Math.random().toString(36).slice(2, 8)}`;
    button.id = `${id}-tab`;
    pane.id = `${id}-pane`;
    button.setAttribute('aria-controls', pane.id);
    pane.setAttribute('aria-labelledby', button.id);
    const controller = new TerminalController({
      screen,
      log,
      session: newSession(80, this.rows),
      newSession: () => newSession(80, this.rows),
      history,
      onHistoryChange: () => saveHistory(history),
    });
    const index = this.tabs.length;
    this.tabs.push({ button, pane, controller });
    button.addEventListener('click', () => this.select(index));
    this.select(index, false);
  }

  private select(index: number, focus = true): void {
    this.tabs.forEach((tab, i) => {
      const selected = i === index;
      tab.button.setAttribute('aria-selected', String(selected));
      tab.button.tabIndex = selected ? 0 : -1;
      tab.pane.hidden = !selected;
    });
    const tab = this.tabs[index]!;
    tab.controller.fitToScreen();
    if (focus) tab.controller.focus();
  }

  /** Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects. */
  private onTabKey(event: KeyboardEvent): void {
    const current = this.tabs.findIndex((tab) => tab.button === event.target);
    if (current < 0) return;
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (current + step + this.tabs.length) % this.tabs.length;
    this.select(next, false);
    this.tabs[next]!.button.focus();
  }
}

export function bootTerminal(root: HTMLElement): TerminalTabs {
  return new TerminalTabs(root);
}
