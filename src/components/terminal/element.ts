/**
 * <docker-terminal>: the part of a terminal that is in the page's initial JS. It stays a static
 * placeholder until the terminal is about to be seen or gets focus, then loads xterm and the
 * engine (a separate chunk) and hands over.
 */
type Controller = { focus(): void };

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
