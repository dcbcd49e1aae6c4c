/**
 * One simulated laptop per page: every terminal on the page attaches its own shell session to the
 * same host, as terminal windows on one machine do.
 */
import { DEFAULT_EPOCH, RealtimeClock } from '../../engine/clock';
import type { Host } from '../../engine/host';
import type { HostProfile } from '../../engine/docker/engine';
import { createStudentWorld, openSession, type StudentHost } from '../../engine/world';
import type { ShellSession } from '../../engine/shell/session';
import type { HistoryStore } from './line-editor';

let world: StudentHost | null = null;

export function pageHost(): Host {
  world ??= createStudentWorld({ clock: new RealtimeClock(DEFAULT_EPOCH), course: true });
  return world.host;
}

/** Which machine the page's Docker engine runs on: the laptop, or a cloud VM with an NVIDIA GPU. */
export function setMachineProfile(profile: HostProfile): void {
  pageHost();
  world!.engine.profile = profile;
}

export function newSession(columns: number, rows: number): ShellSession {
  return openSession(pageHost(), { tty: true, terminal: { columns, rows } });
}

const HISTORY_KEY = 'docker-course:history:v1';
const HISTORY_LIMIT = 500;

/** Shell history shared by the page's terminals and kept across reloads (like ~/.bash_history). */
export function loadHistory(): HistoryStore {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]');
    if (Array.isArray(parsed)) return { entries: parsed.filter((e): e is string => typeof e === 'string') };
  } catch {
    // unreadable history starts empty
  }
  return { entries: [] };
}

export function saveHistory(history: HistoryStore): void {
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(history.entries.slice(-HISTORY_LIMIT)));
  } catch {
    // storage full or disabled: history lasts for this page only
  }
}
