/**
 * The JSON messages of pull and push streams, built as moby's streamformatter builds them
 * (pkg/jsonmessage): a status line, a per-layer progress update with its rendered bar, an error.
 * Rendering them for a terminal is the CLI's job; the daemon already fills `progress` with the bar
 * for a 200-column terminal, as dockerd does. Sizes use go-units from the format room.
 */
import { humanSize, humanSizeWithPrecision } from '../../format/units';
import type { JSONMessage, ProgressDetail } from './types';

export { humanSize, humanSizeWithPrecision };

function padLeft(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

/** jsonmessage.JSONProgress.String() for a terminal `width` columns wide (the daemon uses 200). */
export function progressString(p: ProgressDetail, width = 200): string {
  const current = p.current ?? 0;
  const total = p.total ?? 0;
  if (current <= 0 && total <= 0) return '';
  if (total <= 0) return p.units ? `${current} ${p.units}` : padLeft(humanSize(current), 8);
  let percentage = Math.trunc(Math.trunc((current / total) * 100) / 2);
  if (percentage > 50) percentage = 50;
  let bar = '';
  if (width > 110) bar = `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] `;
  let numbers = '';
  if (!p.hidecounts) {
    if (!p.units) {
      numbers = current > total ? padLeft(humanSize(current), 8) : `${padLeft(humanSize(current), 8)}/${humanSize(total)}`;
    } else {
      numbers = current > total ? `${current} ${p.units}` : `${current}/${total} ${p.units}`;
    }
  }
  return bar + numbers;
}

/** progress.Message: a status line, with an id when it belongs to something (`3.11-slim: Pulling from …`). */
export function statusMessage(status: string, id?: string): JSONMessage {
  return id ? { status, id } : { status };
}

/** progress.Update / WriteProgress: a per-layer update; `progressDetail` is always present. */
export function progressMessage(id: string, status: string, detail: ProgressDetail = {}): JSONMessage {
  const pd: ProgressDetail = {};
  if (detail.current) pd.current = detail.current;
  if (detail.total) pd.total = detail.total;
  if (detail.hidecounts) pd.hidecounts = true;
  if (detail.units) pd.units = detail.units;
  const msg: JSONMessage = { status, progressDetail: pd };
  const bar = progressString(pd);
  if (bar) msg.progress = bar;
  msg.id = id;
  return msg;
}

/** An error in the middle of a stream (the response had already started). */
export function errorMessage(message: string): JSONMessage {
  return { errorDetail: { message }, error: message };
}

/** Whether a message carries a progress value (the non-TTY CLI drops those). */
export function isProgressUpdate(msg: JSONMessage): boolean {
  return msg.progressDetail !== undefined && ((msg.progressDetail.current ?? 0) > 0 || (msg.progressDetail.total ?? 0) > 0);
}
