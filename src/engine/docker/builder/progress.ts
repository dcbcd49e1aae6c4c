/**
 * BuildKit's progress as buildx prints it (util/progress/progressui): a stream of vertex events
 * (started, statuses, logs, completed/cached/error) rendered as plain text (`#5 [2/3] COPY …`)
 * when the output is not a terminal, or as the live TTY view (`[+] Building 1.2s (6/8)`,
 * re-drawn in place) when it is. Times come from the simulated clock.
 */
import type { Clock, OutputStream } from '../../process';
import { buildkitSize } from '../format';

export interface StatusUpdate {
  current?: number;
  total?: number;
  /** Milliseconds; default: now when first seen. */
  started?: number;
  /** Milliseconds, when done. */
  completed?: number;
}

/** What the solver reports. Vertex ids are opaque; the printer numbers them as it shows them. */
export interface ProgressSink {
  /** Announces vertices that will run (the TTY view counts them in `(done/total)`). */
  declare(id: string, name: string): void;
  start(id: string, name: string): void;
  status(id: string, statusId: string, update: StatusUpdate): void;
  log(id: string, text: string): void;
  /** A warning on a vertex (`#1 WARN: …`). */
  warn(id: string, short: string): void;
  /** Ends a vertex: DONE, CACHED, ERROR: … or CANCELED. */
  complete(id: string, result?: { cached?: boolean; error?: string; canceled?: boolean }): void;
  /** Flushes (the last TTY frame) and prints the logs of failed vertices. */
  finish(): void;
}

interface Status {
  /** What the plain printer last showed (it skips updates under 5% or 5 s). */
  shownCurrent?: number;
  shownAt?: number;
  id: string;
  current: number;
  total: number;
  started: number;
  completed?: number;
  timestamp: number;
}

interface VertexState {
  id: string;
  name: string;
  index: number;
  started?: number;
  completed?: number;
  cached: boolean;
  error?: string;
  canceled: boolean;
  statuses: Status[];
  /** Formatted log lines (`0.123 text`), for the error report (the last 10). */
  ring: string[];
  partial: boolean;
  /** For the TTY view: the last lines of output (a small terminal). */
  term: string[];
  termBytes: number;
  termCount: number;
  /** When the partial line started (for its timestamp prefix). */
  pendingStamp?: string;
  /** Seconds from the vertex start of each complete output line (TTY keeps them all). */
  allLogs: string[];
  warnings: string[];
}

const RING = 10;

type UpdateEvent = { kind: 'start' | 'complete' } | { kind: 'status'; status: Status } | { kind: 'warn'; short: string };

/** Go's `%.Nf` (round half to even on the decimal value, close enough for times). */
function fixed(x: number, digits: number): string {
  return (Math.round(x * 10 ** digits + Number.EPSILON * 10) / 10 ** digits).toFixed(digits);
}

/** The time prefix of a log line: seconds since the vertex started, 3/2/1 decimals. */
function logStamp(seconds: number): string {
  const prec = seconds < 10 ? 3 : seconds < 100 ? 2 : 1;
  return fixed(seconds, prec);
}

abstract class Trace implements ProgressSink {
  protected readonly vertices = new Map<string, VertexState>();
  protected readonly order: VertexState[] = [];
  protected nextIndex = 0;
  protected startTime?: number;

  constructor(protected readonly out: OutputStream, protected readonly clock: Clock) {}

  protected get(id: string, name = ''): VertexState {
    let v = this.vertices.get(id);
    if (!v) {
      v = { id, name, index: 0, cached: false, canceled: false, statuses: [], ring: [], partial: false, term: [], termBytes: 0, termCount: 0, allLogs: [], warnings: [] };
      this.vertices.set(id, v);
    }
    if (name && !v.name) v.name = name;
    return v;
  }

  declare(id: string, name: string): void {
    this.get(id, name);
  }

  start(id: string, name: string): void {
    const v = this.get(id, name);
    if (v.started === undefined) {
      v.started = this.clock.now();
      this.startTime ??= v.started;
      this.order.push(v);
    }
    this.onUpdate(v, { kind: 'start' });
  }

  status(id: string, statusId: string, update: StatusUpdate): void {
    const v = this.get(id);
    const now = this.clock.now();
    let s = v.statuses.find((x) => x.id === statusId);
    if (!s) {
      s = { id: statusId, current: 0, total: 0, started: update.started ?? now, timestamp: now };
      v.statuses.push(s);
    }
    if (update.current !== undefined) s.current = update.current;
    if (update.total !== undefined) s.total = update.total;
    if (update.completed !== undefined) s.completed = update.completed;
    s.timestamp = now;
    this.onUpdate(v, { kind: 'status', status: s });
  }

  log(id: string, text: string): void {
    const v = this.get(id);
    if (text === '') return;
    const seconds = v.started === undefined ? 0 : (this.clock.now() - v.started) / 1000;
    const stamp = logStamp(seconds);
    const parts = text.split('\n');
    const complete = text.endsWith('\n');
    if (complete) parts.pop();
    const lines: { line: string; continued: boolean }[] = [];
    parts.forEach((part, i) => {
      const continued = i === 0 && v.partial;
      lines.push({ line: continued ? part : `${stamp} ${part}`, continued });
    });
    v.termBytes += text.length;
    this.termWrite(v, text);
    this.onLog(v, lines, !complete);
    v.partial = !complete;
  }

  warn(id: string, short: string): void {
    const v = this.get(id);
    v.warnings.push(short);
    this.onUpdate(v, { kind: 'warn', short });
  }

  complete(id: string, result: { cached?: boolean; error?: string; canceled?: boolean } = {}): void {
    const v = this.get(id);
    if (v.started === undefined) {
      v.started = this.clock.now();
      this.startTime ??= v.started;
      this.order.push(v);
    }
    v.completed = this.clock.now();
    v.cached = result.cached ?? false;
    if (result.error !== undefined) v.error = result.error;
    v.canceled = result.canceled ?? false;
    this.onUpdate(v, { kind: 'complete' });
  }

  private termWrite(v: VertexState, text: string): void {
    const parts = text.split('\n');
    if (v.term.length === 0) v.term.push('');
    v.term[v.term.length - 1] += parts[0]!.replace(/\r/g, '');
    for (const p of parts.slice(1)) v.term.push(p.replace(/\r/g, ''));
    if (v.term.length > 64) v.term.splice(0, v.term.length - 64);
  }

  protected recordLog(v: VertexState, line: string, continued: boolean): void {
    if (continued && v.ring.length > 0) v.ring[v.ring.length - 1] += line;
    else {
      v.ring.push(line);
      if (v.ring.length > RING) v.ring.shift();
    }
    if (continued && v.allLogs.length > 0) v.allLogs[v.allLogs.length - 1] += line;
    else v.allLogs.push(line);
  }

  protected abstract onUpdate(v: VertexState, e: UpdateEvent): void;
  protected abstract onLog(v: VertexState, lines: { line: string; continued: boolean }[], partial: boolean): void;
  abstract finish(): void;

  /** printErrorLogs: the failed vertices with their last log lines. */
  protected errorLogs(keepAll: boolean): string {
    let out = '';
    for (const v of this.order) {
      if (v.error === undefined || v.canceled) continue;
      out += '------\n';
      out += ` > ${v.name}:\n`;
      for (const l of keepAll ? v.allLogs : v.ring) out += `${l}\n`;
      out += '------\n';
    }
    return out;
  }
}

/** `--progress=plain`: the text mux. */
export class PlainProgress extends Trace {
  private current: VertexState | null = null;
  private notFirst = false;

  private header(v: VertexState): void {
    if (this.current === v) return;
    if (this.current && this.current.completed === undefined) {
      if (this.current.partial) this.out.write('\n');
      this.out.write(`#${this.current.index} ...\n`);
    }
    if (v.index === 0) v.index = ++this.nextIndex;
    this.out.write(this.notFirst ? `\n#${v.index} ${v.name}\n` : `#${v.index} ${v.name}\n`);
    this.notFirst = true;
    this.current = v;
  }

  protected onUpdate(v: VertexState, e: UpdateEvent): void {
    if (e.kind === 'start') {
      this.header(v);
      return;
    }
    this.header(v);
    if (e.kind === 'warn') {
      this.out.write(`#${v.index} WARN: ${e.short}\n`);
      return;
    }
    if (e.kind === 'status') {
      const s = e.status;
      if (s.completed === undefined && s.shownAt !== undefined) {
        const delta = s.total > 0 ? (s.current - (s.shownCurrent ?? 0)) / s.total : 0;
        if (delta < 0.05 && s.timestamp - s.shownAt < 5000) return;
      }
      s.shownCurrent = s.current;
      s.shownAt = s.timestamp;
      let bytes = '';
      if (s.total !== 0) bytes = ` ${buildkitSize(s.current)} / ${buildkitSize(s.total)}`;
      else if (s.current !== 0) bytes = ` ${buildkitSize(s.current)}`;
      let tm = '';
      const end = s.completed ?? s.timestamp;
      const diff = (end - s.started) / 1000;
      if (diff > 0.01) tm = ` ${fixed(diff, 1)}s`;
      if (s.completed !== undefined) tm += ' done';
      this.out.write(`#${v.index} ${s.id}${bytes}${tm}\n`);
      return;
    }
    if (v.partial) this.out.write('\n');
    v.partial = false;
    if (v.error !== undefined && !v.canceled) this.out.write(`#${v.index} ERROR: ${v.error}\n`);
    else if (v.canceled) this.out.write(`#${v.index} CANCELED\n`);
    else if (v.cached) this.out.write(`#${v.index} CACHED\n`);
    else this.out.write(`#${v.index} DONE ${fixed(((v.completed ?? 0) - (v.started ?? 0)) / 1000, 1)}s\n`);
    this.current = null;
  }

  protected onLog(v: VertexState, lines: { line: string; continued: boolean }[], partial: boolean): void {
    this.header(v);
    lines.forEach(({ line, continued }, i) => {
      this.recordLog(v, line, continued);
      const last = i === lines.length - 1;
      this.out.write(continued ? line : `#${v.index} ${line}`);
      if (!last || !partial) this.out.write('\n');
    });
  }

  finish(): void {
    this.out.write(this.errorLogs(false));
  }
}

/** `--quiet`: nothing while building; the caller prints the result or the error. */
export class QuietProgress extends Trace {
  protected onUpdate(): void {}
  protected onLog(v: VertexState, lines: { line: string; continued: boolean }[]): void {
    for (const { line, continued } of lines) this.recordLog(v, line, continued);
  }
  finish(): void {}
}

// ---------------------------------------------------------------------------------------------
// the TTY view

const ESC = '\x1b[';
const UP = `${ESC}1A`;
const DOWN = `${ESC}1B`;
const COL0 = `${ESC}0G`;
const HIDE = `${ESC}?25l`;
const SHOW = `${ESC}?25h`;
const RESET = `${ESC}0m`;
const BLUE = `${ESC}34m`;
const YELLOW = `${ESC}33m`;
const RED = `${ESC}31m`;
const FAINT = `${ESC}2m`;

const TERM_PAD = 10;
const TERM_HEIGHT_INITIAL = 6;
const TERM_HEIGHT_MIN = 3;
/** The display is redrawn at most every 100 ms. */
const DISPLAY_INTERVAL = 100;

interface Job {
  name: string;
  status: string;
  start: number;
  stop?: number;
  completed: boolean;
  hasError: boolean;
  canceled: boolean;
  vertex?: VertexState;
  showTerm: boolean;
}

function align(l: string, r: string, w: number): string {
  const width = w - r.length - 1;
  return `${l.length < width ? l + ' '.repeat(width - l.length) : l} ${r}`;
}

export interface TtyOptions {
  columns: number;
  rows: number;
  /** The builder shown on the right: `docker:default`. */
  desc: string;
  /** Redraw on a timer too (a clock that follows real time; not in transcripts and tests). */
  live?: boolean;
}

export class TtyProgress extends Trace {
  private lineCount = 0;
  private repeated = false;
  private lastRender = -Infinity;
  private done = false;

  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(out: OutputStream, clock: Clock, private readonly opts: TtyOptions) {
    super(out, clock);
    if (opts.live) this.tick();
  }

  /** The display's ticker: timers keep counting while a step runs silently. */
  private tick(): void {
    this.timer = setTimeout(() => {
      if (this.done) return;
      if (this.order.length > 0) this.maybeRender();
      this.tick();
    }, DISPLAY_INTERVAL * 1.5);
  }

  protected onUpdate(): void {
    this.maybeRender();
  }

  protected onLog(v: VertexState, lines: { line: string; continued: boolean }[]): void {
    for (const { line, continued } of lines) this.recordLog(v, line, continued);
    this.maybeRender();
  }

  /** Redraws when the display interval has passed (the solver calls it while it waits, too). */
  maybeRender(): void {
    if (this.done) return;
    const now = this.clock.now();
    if (now - this.lastRender < DISPLAY_INTERVAL) return;
    this.render(false);
  }

  private jobs(): Job[] {
    const jobs: Job[] = [];
    for (const v of this.order) {
      let name = v.name.replaceAll('\t', ' ');
      if (v.error !== undefined || v.canceled) name = `${v.canceled ? 'CANCELED' : 'ERROR'} ${name}`;
      if (v.cached) name = `CACHED ${name}`;
      jobs.push({ name, status: '', start: v.started ?? 0, ...(v.completed !== undefined ? { stop: v.completed } : {}), completed: v.completed !== undefined, hasError: v.error !== undefined && !v.canceled, canceled: v.canceled, vertex: v, showTerm: false });
      for (const w of v.warnings) {
        jobs.push({ name: `WARN: ${w}`, status: '', start: v.started ?? 0, ...(v.completed !== undefined ? { stop: v.completed } : {}), completed: true, hasError: false, canceled: true, showTerm: false });
      }
      for (const s of v.statuses) {
        let status = '';
        if (s.total !== 0) status = `${buildkitSize(s.current)} / ${buildkitSize(s.total)}`;
        else if (s.current !== 0) status = buildkitSize(s.current);
        jobs.push({ name: `=> ${s.id}`, status, start: s.started, ...(s.completed !== undefined ? { stop: s.completed } : {}), completed: s.completed !== undefined, hasError: false, canceled: false, showTerm: false });
      }
    }
    return jobs;
  }

  private termHeight(height: number): number {
    return Math.max(TERM_HEIGHT_MIN, Math.min(TERM_HEIGHT_INITIAL, height - TERM_HEIGHT_MIN - 1));
  }

  private render(all: boolean): void {
    const now = this.clock.now();
    this.lastRender = now;
    const width = this.opts.columns;
    const height = this.opts.rows;
    let jobs = this.jobs();
    // setupTerminals
    const termHeight = this.termHeight(height);
    const candidates = jobs.filter((j) => j.vertex && j.vertex.termBytes > 0 && !j.completed);
    candidates.sort((a, b) => b.vertex!.termBytes + b.vertex!.termCount * 50 - (a.vertex!.termBytes + a.vertex!.termCount * 50));
    const inUse = jobs.filter((j) => !j.completed).length;
    let numFree = height - 2 - inUse;
    let numToHide = 0;
    const termLimit = termHeight + 3;
    for (let i = 0; numFree > termLimit && i < candidates.length; i++) {
      candidates[i]!.showTerm = true;
      numToHide += this.termLines(candidates[i]!.vertex!, termHeight, width).length;
      numFree -= termLimit;
    }
    if (!all) jobs = wrapHeight(jobs, height - 2 - numToHide);

    let out = '';
    for (let i = 0; i <= this.lineCount; i++) out += UP;
    if (!this.repeated) out += DOWN;
    this.repeated = true;
    out += COL0 + HIDE;
    const vertices = [...this.vertices.values()];
    const total = vertices.length;
    const completed = vertices.filter((v) => v.completed !== undefined).length;
    const status = completed > 0 && completed === total && all ? 'FINISHED' : '';
    const elapsed = (now - (this.startTime ?? now)) / 1000;
    let header = `[+] Building ${fixed(elapsed, 1)}s (${completed}/${total}) ${status}`;
    header = align(header, this.opts.desc, width - 1);
    if (header.length > width) header = header.slice(0, width);
    out += `${header}\n`;
    let lineCount = 0;
    for (const j of jobs) {
      let dt = ((j.stop ?? now) - j.start) / 1000;
      if (dt < 0.05) dt = 0;
      const pfx = ' => ';
      const timer = ` ${fixed(dt, 1).padStart(3, ' ')}s\n`;
      let left = width - pfx.length - timer.length - 1;
      let showStatus = false;
      if (j.status !== '' && left + j.status.length > 20) {
        showStatus = true;
        left -= j.status.length + 1;
      }
      if (left < 12) continue;
      let name = j.name;
      if (name.length > left) name = name.slice(0, left);
      let line = pfx + name;
      if (showStatus) line += ` ${j.status}`;
      line = align(line, timer, width);
      if (j.completed) {
        const color = j.canceled ? YELLOW : j.hasError ? RED : BLUE;
        line = color + line + RESET;
      }
      out += line;
      lineCount++;
      if (j.showTerm && j.vertex) {
        for (const l of this.termLines(j.vertex, termHeight, width)) {
          out += `${FAINT} => => # ${l}\n${RESET}`;
          lineCount++;
        }
        j.vertex.termCount++;
      }
    }
    const diff = this.lineCount - lineCount;
    if (diff > 0) {
      for (let i = 0; i < diff; i++) out += `${' '.repeat(width)}\n`;
      for (let i = 0; i < diff; i++) out += UP;
      out += COL0;
    }
    this.lineCount = lineCount;
    out += SHOW;
    this.out.write(out);
  }

  /** The rows of the vertex's small terminal that are not blank (the last `height` lines). */
  private termLines(v: VertexState, height: number, width: number): string[] {
    const w = Math.max(1, width - TERM_PAD);
    const rows: string[] = [];
    for (const line of v.term) {
      if (line.length === 0) {
        rows.push('');
        continue;
      }
      for (let i = 0; i < line.length; i += w) rows.push(line.slice(i, i + w));
    }
    // the cursor sits on the row after a final newline
    const visible = rows.slice(-height);
    return visible.filter((r) => r.trim() !== '').map((r) => r.padEnd(w, ' '));
  }

  finish(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.render(true);
    this.done = true;
    this.out.write(this.errorLogs(true));
  }
}

function wrapHeight(jobs: Job[], limit: number): Job[] {
  if (limit < 0) return [];
  if (jobs.length <= limit) return jobs;
  let wrapped = jobs.slice(jobs.length - limit);
  const invisible = jobs.slice(0, jobs.length - limit).filter((j) => !j.completed);
  if (invisible.length > 0) {
    let l = invisible.length;
    const rewrapped: Job[] = [];
    for (const j of wrapped) {
      if (!j.completed || l <= 0) rewrapped.push(j);
      l--;
    }
    const free = wrapped.length - rewrapped.length;
    wrapped = [...invisible.slice(invisible.length - free), ...rewrapped];
  }
  return wrapped;
}
