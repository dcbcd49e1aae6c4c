/**
 * <docker-terminal>: the part of a terminal that is in the page's initial JS. It stays a static
 * placeholder until the terminal is about to be seen or gets focus, then loads xterm and the
 * engine (a separate chunk) and hands over.
 */
type Controller = { focus(): void; run(command: string): void };

class DockerTerminal extends HTMLElement {
  private loading: Promise<Controller> | null = null;
  private observer: IntersectionObserver | null = null;

  connectedCallback(): void {
    const screen = this.querySelector<HTMLElement>('.term-screen');
    if (!screen) return;
    const start = (focus: boolean) => {
      void this.start().then((controller) => {
        if (focus) controller.focus();
      });
    };
    screen.addEventListener('focus', () => start(true));
    screen.addEventListener('click', () => start(true));
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) start(false);
    });
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
  }

  start(): Promise<Controller> {
    this.observer?.disconnect();
    this.loading ??= import('./boot').then(({ bootTerminal }) => bootTerminal(this));
    return this.loading;
  }
}

if (!customElements.get('docker-terminal')) customElements.define('docker-terminal', DockerTerminal);

const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console']);

/** The terminal a code block's command goes to: the next one after it on the page, else the last before it. */
function terminalFor(block: Element): DockerTerminal | null {
  const terminals = [...document.querySelectorAll<DockerTerminal>('docker-terminal')];
  const after = terminals.find((t) => block.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
  return after ?? terminals.at(-1) ?? null;
}

/**
 * Adds "Run in terminal" beside the copy button of every shell code block on a page that has a
 * terminal. The command is typed into the terminal as if by hand. A block inside an element with
 * `data-norun` (e.g. a command with placeholders to fill in) is for reading only.
 */
function addRunButtons(): void {
  for (const pre of document.querySelectorAll<HTMLElement>('.expressive-code pre[data-language]')) {
    if (!SHELL_LANGUAGES.has(pre.dataset['language'] ?? '')) continue;
    const figure = pre.closest('figure');
    const copy = figure?.querySelector<HTMLButtonElement>('.copy button[data-code]');
    if (!figure || !copy || figure.querySelector('.run-in-terminal') || figure.closest('[data-norun]')) continue;
    const command = (copy.dataset['code'] ?? '').replace(/\u007f/g, '\n');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'run-in-terminal';
    button.textContent = 'Run';
    button.title = 'Run in terminal';
    button.setAttribute('aria-label', `Run in terminal: ${command.split('\n')[0]}`);
    button.addEventListener('click', () => {
      const terminal = terminalFor(figure);
      if (!terminal) return;
      terminal.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      void terminal.start().then((controller) => controller.run(command));
    });
    copy.parentElement!.prepend(button);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', addRunButtons, { once: true });
else addRunButtons();
