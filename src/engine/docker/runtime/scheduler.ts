/**
 * Time for container processes. A container runs alongside the host's shell: `docker run -d … sleep
 * 30` must still be running when the next command lists it, and its output must carry the times it
 * was written at.
 *
 * - On a real-time clock (the browser) processes simply share the host's clock: their sleeps really
 *   wait, concurrently with whatever the student types.
 * - On a virtual clock (transcripts, tests, the Node CLI) sleeping never waits, so container processes
 *   get a clock of their own: a sleep registers a timer, and timers fire in time order only when
 *   the engine lets time pass — when a docker command starts (everything due by the host's "now"),
 *   and while a docker command waits for a container (attached `run`, `stop`, `logs -f`), which
 *   moves the host's clock forward to each timer in turn.
 */
import type { Clock, InterruptSignal } from '../../process';
import { Interrupted } from '../../process';
import { InterruptController } from '../../signal';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

/** What a foreground wait ended with. */
export type WaitResult = 'done' | 'deadline' | 'interrupted';

export interface WaitOptions {
  /** Host time (ms) to give up at. */
  deadline?: number;
  /** The waiting command's own Ctrl+C. */
  signal?: InterruptSignal;
  /**
   * True while what is waited for waits on the user (reads the terminal): on a virtual clock
   * time then stands still instead of jumping to the next timer.
   */
  idle?: () => boolean;
}

export interface Scheduler {
  /** The clock container processes run on. */
  readonly clock: Clock;
  /** Something happened in a container (output, exit, a timer set): wakes waiters. */
  activity(): void;
  /** Lets due timers fire (virtual time); call when a docker command starts. */
  catchUp(): Promise<void>;
  /** Waits until `done()` holds (checked after every bit of activity), the deadline passes or the signal fires. */
  waitFor(done: () => boolean, options?: WaitOptions): Promise<WaitResult>;
}

/** Resolves on a later turn of the event loop where there is a timer, at once otherwise. */
function macrotask(): Promise<void> {
  const timer = (globalThis as { setTimeout?: (callback: () => void, ms: number) => unknown }).setTimeout;
  return new Promise((resolve) => {
    if (timer) timer(resolve, 0);
    else resolve();
  });
}

class Waiters {
  private listeners = new Set<() => void>();
  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
  /** Calls `listener` at every notification until the returned function is called. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** A promise that resolves at the next notification. */
  next(): { promise: Promise<void>; cancel: () => void } {
    let listener: () => void = () => {};
    const promise = new Promise<void>((resolve) => {
      listener = () => {
        this.listeners.delete(listener);
        resolve();
      };
      this.listeners.add(listener);
    });
    return { promise, cancel: () => this.listeners.delete(listener) };
  }
}

/** Processes share the host clock; waits are plain promises. */
export class RealtimeScheduler implements Scheduler {
  private readonly waiters = new Waiters();

  constructor(readonly clock: Clock) {}

  activity(): void {
    this.waiters.notify();
  }

  async catchUp(): Promise<void> {}

  waitFor(done: () => boolean, options: WaitOptions = {}): Promise<WaitResult> {
    const { deadline, signal } = options;
    if (done()) return Promise.resolve('done');
    if (signal?.interrupted) return Promise.resolve('interrupted');
    return new Promise<WaitResult>((resolve) => {
      const timer = new InterruptController();
      const cleanup: (() => void)[] = [];
      let finished = false;
      const finish = (result: WaitResult): void => {
        if (finished) return;
        finished = true;
        for (const f of cleanup) f();
        timer.interrupt(9);
        resolve(result);
      };
      cleanup.push(this.waiters.listen(() => {
        if (done()) finish('done');
      }));
      if (signal) cleanup.push(signal.onInterrupt(() => finish('interrupted')));
      if (deadline !== undefined) {
        this.clock.sleep(Math.max(0, deadline - this.clock.now()), timer.signal).then(
          () => finish('deadline'),
          () => {},
        );
      }
    });
  }
}

/** Anything with a VirtualClock's `advance`: time that moves only when told. */
interface Advanceable extends Clock {
  advance(ms: number): void;
}

export function isVirtualClock(clock: Clock): clock is Advanceable {
  return typeof (clock as Partial<Advanceable>).advance === 'function';
}

/** Processes sleep on timers that fire in time order as the engine lets time pass. */
export class VirtualScheduler implements Scheduler {
  readonly clock: Clock;
  private timers: Timer[] = [];
  private seq = 0;
  private ticks = 0;
  /** The time of the timer being handled while processes catch up; null: the host's now. */
  private current: number | null = null;
  private readonly waiters = new Waiters();
  private running = false;

  constructor(private readonly host: Advanceable) {
    this.clock = {
      now: () => this.now(),
      sleep: (ms, signal) => this.sleep(ms, signal),
    };
  }

  now(): number {
    return this.current ?? this.host.now();
  }

  activity(): void {
    this.ticks++;
    this.waiters.notify();
  }

  private sleep(ms: number, signal?: InterruptSignal): Promise<void> {
    if (signal?.interrupted) return Promise.reject(new Interrupted(signal.signo));
    this.activity();
    return new Promise<void>((resolve, reject) => {
      const timer: Timer = { at: this.now() + Math.max(0, ms), seq: this.seq++, fire: () => {} };
      const stop = signal?.onInterrupt((signo) => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(new Interrupted(signo));
      });
      timer.fire = () => {
        stop?.();
        resolve();
      };
      this.timers.push(timer);
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    });
  }

  /** Lets the processes run until nothing happens for a while (microtasks, then one macrotask). */
  private async settle(): Promise<void> {
    let quiet = 0;
    while (quiet < 2) {
      const mark = this.ticks;
      for (let i = 0; i < 64; i++) await Promise.resolve();
      if (this.ticks !== mark) {
        quiet = 0;
        continue;
      }
      quiet++;
      if (quiet === 1) await macrotask();
      if (this.ticks !== mark) quiet = 0;
    }
  }

  private fire(timer: Timer): void {
    this.timers = this.timers.filter((t) => t !== timer);
    if (timer.at > this.host.now()) this.host.advance(timer.at - this.host.now());
    this.current = timer.at;
    timer.fire();
    this.activity();
  }

  async catchUp(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.settle();
      for (;;) {
        const next = this.timers[0];
        if (!next || next.at > this.host.now()) break;
        this.fire(next);
        await this.settle();
      }
    } finally {
      this.current = null;
      this.running = false;
    }
  }

  async waitFor(done: () => boolean, options: WaitOptions = {}): Promise<WaitResult> {
    const { deadline, signal, idle } = options;
    const nested = this.running;
    this.running = true;
    try {
      for (;;) {
        await this.settle();
        if (done()) return 'done';
        if (signal?.interrupted) return 'interrupted';
        const next = idle?.() ? undefined : this.timers[0];
        if (deadline !== undefined && !idle?.() && (!next || next.at > deadline)) {
          if (deadline > this.host.now()) this.host.advance(deadline - this.host.now());
          this.current = null;
          return 'deadline';
        }
        if (next) {
          this.fire(next);
          continue;
        }
        // Nothing is scheduled: the processes wait for input, or compute across macrotasks.
        this.current = null;
        const wake = this.waiters.next();
        let unsubscribe: (() => void) | undefined;
        const interrupted = new Promise<void>((resolve) => (unsubscribe = signal?.onInterrupt(() => resolve())));
        await Promise.race([wake.promise, interrupted]);
        wake.cancel();
        unsubscribe?.();
      }
    } finally {
      if (!nested) {
        this.current = null;
        this.running = false;
      }
    }
  }
}

export function createScheduler(clock: Clock): Scheduler {
  return isVirtualClock(clock) ? new VirtualScheduler(clock) : new RealtimeScheduler(clock);
}
