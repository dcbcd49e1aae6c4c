import { Interrupted, type Clock, type InterruptSignal } from './process';

/**
 * A clock that never waits for real: `sleep` moves simulated time forward at once. Transcripts,
 * tests and the Node CLI use it, which keeps runs deterministic and fast.
 */
export class VirtualClock implements Clock {
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += Math.max(0, ms);
  }

  async sleep(ms: number, signal?: InterruptSignal): Promise<void> {
    if (signal?.interrupted) throw new Interrupted(signal.signo);
    this.advance(ms);
  }
}

/**
 * A clock for people: simulated time follows real time from a fixed start, and `sleep` really
 * waits (scaled by `speed`, so a long training run can be shown faster than real time).
 */
export class RealtimeClock implements Clock {
  private readonly startedAt: number;

  constructor(
    private readonly start: number,
    private readonly speed = 1,
    private readonly realNow: () => number = () => Date.now(),
  ) {
    this.startedAt = realNow();
  }

  now(): number {
    return this.start + (this.realNow() - this.startedAt) * this.speed;
  }

  sleep(ms: number, signal?: InterruptSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.interrupted) {
        reject(new Interrupted(signal.signo));
        return;
      }
      const stop = signal?.onInterrupt((signo) => {
        clearTimeout(timer);
        reject(new Interrupted(signo));
      });
      const timer = setTimeout(() => {
        stop?.();
        resolve();
      }, ms / this.speed);
    });
  }
}

/** 2026-11-26 09:00:00 UTC: the simulated world's default "now" at the start of a session. */
export const DEFAULT_EPOCH = Date.UTC(2026, 10, 26, 9, 0, 0);
