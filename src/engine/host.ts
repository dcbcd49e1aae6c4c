import { DEFAULT_EPOCH, VirtualClock } from './clock';
import type { Clock, Program } from './process';

export interface HostOptions {
  /** Seeds every random choice (container names, ids), so that a run can be replayed exactly. */
  seed?: number;
  clock?: Clock;
  hostname?: string;
}

/**
 * One simulated machine: the student's laptop (or a cloud box with a GPU). Terminals attach to a
 * host through ShellSessions; several sessions may share one host, as several terminal windows do.
 */
export class Host {
  readonly clock: Clock;
  readonly hostname: string;
  readonly seed: number;
  /** Programs by name; executables on the filesystem point here (see shell/README). */
  readonly programs = new Map<string, Program>();
  /**
   * Opens a file in the page's editor (nano, vim, vi and `code` call it). Absent in the Node CLI
   * and on pages without an editor, where those commands say so.
   */
  openEditor: ((path: string) => Promise<void>) | null = null;
  /** Names Tab completion may offer for docker arguments (`images`: `repo:tag`, `containers`: names). */
  readonly nameSources = new Map<'images' | 'containers', () => string[]>();

  constructor(options: HostOptions = {}) {
    this.seed = options.seed ?? 1;
    this.clock = options.clock ?? new VirtualClock(DEFAULT_EPOCH);
    this.hostname = options.hostname ?? 'laptop';
  }
}
