import type { InterruptSignal } from './process';

/** The sending side of an InterruptSignal: the terminal's Ctrl+C, `docker stop`, `docker kill`. */
export class InterruptController {
  readonly signal: InterruptSignal;
  private readonly listeners = new Set<(signo: number) => void>();
  private state = { interrupted: false, signo: 0 };

  constructor() {
    const state = () => this.state;
    const listeners = this.listeners;
    this.signal = {
      get interrupted() {
        return state().interrupted;
      },
      get signo() {
        return state().signo;
      },
      onInterrupt(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }

  interrupt(signo = 2): void {
    if (this.state.interrupted) return;
    this.state = { interrupted: true, signo };
    for (const listener of [...this.listeners]) listener(signo);
  }
}
