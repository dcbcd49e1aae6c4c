/**
 * Loads fixtures/recorded.json (real docker CLI 28.2.2 output, see record.ts) and builds the
 * formatter contexts the recordings were made with, from the recorded `{{json .}}` rows.
 */
import { readFileSync } from 'node:fs';
import {
  type ContextMethod,
  type FormatContext,
  TemplateError,
  defineContext,
  ptrTo,
  structType,
  writeFormatted,
} from '../../../src/engine/docker/format';

export interface Run {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

export type JsonRow = Record<string, unknown>;

export const recorded = JSON.parse(readFileSync(new URL('./fixtures/recorded.json', import.meta.url), 'utf8')) as {
  volumeRows: JsonRow[];
  volumeInspect: string;
  engine: Run[];
  table: Run[];
  volumeInspectRuns: Run[];
  inspectMisc: Run[];
  psRows: JsonRow[];
  ps: Run[];
  containersApi: JsonRow[];
  containerInspect: Run[];
  containerInspectRaw: string;
  imagesApi: JsonRow[];
  imageRows: JsonRow[];
  images: Run[];
  historyRows: JsonRow[];
  history: Run[];
  networkRows: JsonRow[];
  network: Run[];
  dfApi: JsonRow;
  dfRows: JsonRow[];
  df: Run[];
  shmSizes: { value: string; bytes: string | null; stderr: string; code: number }[];
  shmSizeErrors: Run[];
};

/** ocispec.Platform as embedded in formatter.Platform (fields promoted). */
export const PLATFORM = structType('formatter.Platform', {
  Architecture: 'string',
  OS: 'string',
  OSVersion: 'string',
  OSFeatures: '[]string',
  Variant: 'string',
});

export interface Row {
  json: JsonRow;
  labels: Record<string, string>;
}

/**
 * A context whose no-argument methods return the recorded `{{json .}}` values, with a Label method
 * over `labels`. `Platform` (ps) returns a *formatter.Platform.
 */
export function recordedContext(
  type: string,
  header: Record<string, string>,
  sample: JsonRow,
  hidden: string[] = [],
): FormatContext<Row> {
  const methods: Record<string, ContextMethod<Row>> = {};
  for (const key of Object.keys(sample)) {
    if (key === 'Platform') methods[key] = { result: ptrTo(PLATFORM), fn: (r) => r.json[key] ?? null };
    else methods[key] = { fn: (r) => r.json[key] };
  }
  methods['Label'] = { params: ['string'], fn: (r, name: string) => r.labels[name] ?? '' };
  return defineContext<Row>({ type, header, methods, hidden });
}

/** What the CLI would print: [stdout, stderr, exit code] for a formatter-driven list. */
export function runList<R>(format: string, context: FormatContext<R>, rows: R[]): [string, string, number] {
  try {
    return [writeFormatted({ format, context, rows }), '', 0];
  } catch (e) {
    if (e instanceof TemplateError) return ['', e.message + '\n', 1];
    throw e;
  }
}

export function formatArg(run: Run): string {
  const i = run.args.indexOf('--format');
  return i >= 0 ? (run.args[i + 1] as string) : '';
}

/** Labels "k=v,k2=v2" as recorded → map (values here contain no commas). */
export function parseLabels(s: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof s !== 'string' || s === '') return out;
  for (const kv of s.split(',')) {
    const i = kv.indexOf('=');
    out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}
