/**
 * `docker image inspect` and `docker history` (cli/command/image/inspect.go, history.go).
 *
 * Inspect shows the daemon's JSON (indented by the CLI) or runs --format over the CLI's typed
 * image.InspectResponse, falling back to the raw JSON when the typed value lacks a field. The
 * typed value matters: its Config is the OCI config (`{{json .Config}}` prints only the fields
 * set, `{{.Config}}` prints `{{ map[] [PATH=…] [] [python3] map[] /app map[]  false} {<nil> [] []}}`)
 * and Metadata.LastTagTime is a time.Time (`2026-11-26 08:13:47.169774664 +0000 UTC`). Recorded
 * on the reference engine.
 *
 * History is the image.historyContext formatter: IMAGE, CREATED, CREATED BY (45 columns, `…`),
 * SIZE, COMMENT; `<missing>` for the rows below the image's own.
 */
import type { BackendMethod } from '../../cli';
import type { DockerEngine } from '../../engine';
import { DaemonError } from '../../daemon';
import type { HistoryItem, ImageInspect } from '../../daemon';
import {
  CONTEXT_TYPES,
  DEFAULT_FORMATS,
  HISTORY_HEADERS,
  INT,
  INT64,
  MAP_STRING_STRING,
  SLICE_STRING,
  STRING,
  TemplateError,
  defineContext,
  ellipsis,
  goValue,
  humanDuration,
  humanSizeWithPrecision,
  mapOf,
  namedType,
  parseTemplate,
  ptrTo,
  renderInspect,
  rfc3339,
  sliceOf,
  sprint,
  structType,
  truncateID,
  writeFormatted,
} from '../../format';
import type { InspectElement, Val } from '../../format';
import { CliError, daemonJSON, errorText, flagBool, flagString, runCommand } from './common';
import { inspectRepoDigests } from './names';

// ---------------------------------------------------------------------------------------------
// Go types of the CLI's image.InspectResponse (docker CLI 28.2.2's vendored API types)

/** time.Time over its RFC 3339 text: prints as Go's Time.String(), marshals as RFC 3339 nano. */
export const TIME = structType(
  'time.Time',
  {},
  {
    stringer: ((v: { text?: string } | null) => timeString(v?.text ?? '')) as never,
    marshalJSON: ((v: { text?: string } | null) => JSON.stringify(v?.text || '0001-01-01T00:00:00Z')) as never,
  },
);

/** A time.Time value from RFC 3339 text (the zero time for ''). */
export function timeValue(text: string): { text: string } {
  return { text };
}

/** time.Time.String() of an RFC 3339 time in UTC, keeping its nanoseconds. */
export function timeString(text: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?Z$/.exec(text);
  if (!m) return '0001-01-01 00:00:00 +0000 UTC';
  const nanos = (m[7] ?? '').padEnd(9, '0').slice(0, 9).replace(/0+$/, '');
  return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}${nanos ? `.${nanos}` : ''} +0000 UTC`;
}

/** time.Duration: an int64 of nanoseconds printed as Go prints durations (`30s`, `1m30s`). */
const DURATION = namedType('time.Duration', INT64, { stringer: ((ns: number) => goDuration(ns)) as never });

export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let u = Math.abs(ns);
  let out: string;
  if (u < 1e9) {
    const [unit, div] = u < 1e3 ? ['ns', 1] : u < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    out = `${trimFloat(u / div)}${unit}`;
  } else {
    const h = Math.floor(u / 3.6e12);
    u -= h * 3.6e12;
    const m = Math.floor(u / 6e10);
    u -= m * 6e10;
    out = `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${trimFloat(u / 1e9)}s`;
  }
  return neg ? `-${out}` : out;
}

function trimFloat(n: number): string {
  return String(Number(n.toFixed(9)));
}

const EMPTY_STRUCT = structType('struct {}', {});
const PORT_SET = mapOf(STRING, EMPTY_STRUCT);

const HEALTHCHECK = structType('v1.HealthcheckConfig', {
  Test: { type: SLICE_STRING, json: ',omitempty' },
  Interval: { type: DURATION, json: ',omitempty' },
  Timeout: { type: DURATION, json: ',omitempty' },
  StartPeriod: { type: DURATION, json: ',omitempty' },
  StartInterval: { type: DURATION, json: ',omitempty' },
  Retries: { type: INT, json: ',omitempty' },
});

interface OciConfig {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>> | null;
  Env?: string[] | null;
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: Record<string, Record<string, never>> | null;
  WorkingDir?: string;
  Labels?: Record<string, string> | null;
  StopSignal?: string;
  ArgsEscaped?: boolean;
  Healthcheck?: Record<string, unknown> | null;
  OnBuild?: string[] | null;
  Shell?: string[] | null;
}

function v(type: Parameters<typeof goValue>[0], data: unknown): Val {
  return goValue(type, data);
}

/**
 * dockerspec.DockerOCIImageConfig: ocispec.ImageConfig and DockerOCIImageConfigExt embedded. The
 * fields are promoted (templates and JSON see them flat); printing shows the two embedded structs.
 */
const OCI_CONFIG = structType(
  'v1.DockerOCIImageConfig',
  {
    User: { type: STRING, json: 'User,omitempty' },
    ExposedPorts: { type: PORT_SET, json: 'ExposedPorts,omitempty' },
    Env: { type: SLICE_STRING, json: 'Env,omitempty' },
    Entrypoint: { type: SLICE_STRING, json: 'Entrypoint,omitempty' },
    Cmd: { type: SLICE_STRING, json: 'Cmd,omitempty' },
    Volumes: { type: PORT_SET, json: 'Volumes,omitempty' },
    WorkingDir: { type: STRING, json: 'WorkingDir,omitempty' },
    Labels: { type: MAP_STRING_STRING, json: 'Labels,omitempty' },
    StopSignal: { type: STRING, json: 'StopSignal,omitempty' },
    ArgsEscaped: { type: 'bool', json: 'ArgsEscaped,omitempty' },
    Healthcheck: { type: ptrTo(HEALTHCHECK), json: ',omitempty' },
    OnBuild: { type: SLICE_STRING, json: ',omitempty' },
    Shell: { type: SLICE_STRING, json: ',omitempty' },
  },
  {
    stringer: ((c: OciConfig | null) => {
      // %v of a struct: each field as %v, one space between them, embedded structs in braces
      const x = c ?? {};
      const image = [
        v(STRING, x.User ?? ''),
        v(PORT_SET, x.ExposedPorts ?? null),
        v(SLICE_STRING, x.Env ?? null),
        v(SLICE_STRING, x.Entrypoint ?? null),
        v(SLICE_STRING, x.Cmd ?? null),
        v(PORT_SET, x.Volumes ?? null),
        v(STRING, x.WorkingDir ?? ''),
        v(MAP_STRING_STRING, x.Labels ?? null),
        v(STRING, x.StopSignal ?? ''),
        v('bool', x.ArgsEscaped ?? false),
      ].map((f) => sprint(f));
      // a non-nil pointer inside a struct prints as its address
      const health = x.Healthcheck ? '0xc000482480' : '<nil>';
      const ext = [health, sprint(v(SLICE_STRING, x.OnBuild ?? null)), sprint(v(SLICE_STRING, x.Shell ?? null))];
      return `{{${image.join(' ')}} {${ext.join(' ')}}}`;
    }) as never,
  },
);

const CONTAINER_CONFIG = structType('container.Config', { Hostname: STRING, Domainname: STRING, User: STRING });
const DESCRIPTOR = structType('v1.Descriptor', { mediaType: { type: STRING, json: 'mediaType' }, digest: { type: STRING, json: 'digest' }, size: { type: INT64, json: 'size' } });
const MANIFEST_SUMMARY = structType('image.ManifestSummary', { ID: STRING });

export const IMAGE_INSPECT = structType('image.InspectResponse', {
  ID: { type: STRING, json: 'Id' },
  RepoTags: SLICE_STRING,
  RepoDigests: SLICE_STRING,
  Parent: STRING,
  Comment: STRING,
  Created: { type: STRING, json: ',omitempty' },
  Container: { type: STRING, json: ',omitempty' },
  ContainerConfig: { type: ptrTo(CONTAINER_CONFIG), json: ',omitempty' },
  DockerVersion: { type: STRING, json: ',omitempty' },
  Author: STRING,
  Config: ptrTo(OCI_CONFIG),
  Architecture: STRING,
  Variant: { type: STRING, json: ',omitempty' },
  Os: STRING,
  OsVersion: { type: STRING, json: ',omitempty' },
  Size: INT64,
  VirtualSize: { type: INT64, json: 'VirtualSize,omitempty' },
  GraphDriver: structType('storage.DriverData', { Data: MAP_STRING_STRING, Name: STRING }),
  RootFS: structType('image.RootFS', { Type: STRING, Layers: { type: SLICE_STRING, json: ',omitempty' } }),
  Metadata: structType('image.Metadata', { LastTagTime: { type: TIME, json: ',omitempty' } }),
  Descriptor: { type: ptrTo(DESCRIPTOR), json: 'Descriptor,omitempty' },
  Manifests: { type: sliceOf(MANIFEST_SUMMARY), json: 'Manifests,omitempty' },
});

/** The typed value the CLI decodes the daemon's answer into. */
export function typedInspect(img: ImageInspect): Val {
  const c = img.Config;
  const config: OciConfig = {
    User: c.User,
    ExposedPorts: c.ExposedPorts ?? null,
    Env: c.Env,
    Entrypoint: c.Entrypoint,
    Cmd: c.Cmd,
    Volumes: c.Volumes,
    WorkingDir: c.WorkingDir,
    Labels: c.Labels,
    StopSignal: c.StopSignal ?? '',
    ArgsEscaped: c.ArgsEscaped ?? false,
    Healthcheck: c.Healthcheck ?? null,
    OnBuild: c.OnBuild,
    Shell: c.Shell ?? null,
  };
  return goValue(IMAGE_INSPECT, {
    ID: img.Id,
    RepoTags: img.RepoTags,
    RepoDigests: img.RepoDigests,
    Parent: img.Parent,
    Comment: img.Comment,
    Created: img.Created,
    Container: '',
    ContainerConfig: null,
    DockerVersion: img.DockerVersion,
    Author: img.Author,
    Config: config,
    Architecture: img.Architecture,
    Variant: img.Variant ?? '',
    Os: img.Os,
    OsVersion: '',
    Size: img.Size,
    VirtualSize: 0,
    GraphDriver: { Data: img.GraphDriver.Data, Name: img.GraphDriver.Name },
    RootFS: { Type: img.RootFS.Type, Layers: img.RootFS.Layers },
    Metadata: { LastTagTime: timeValue(img.Metadata.LastTagTime) },
    Descriptor: null,
    Manifests: null,
  });
}

/** What the engine answers for GET /images/{name}/json, with the reference engine's names. */
export function inspectImage(engine: DockerEngine, name: string): ImageInspect {
  const img = engine.images.imageInspect(name);
  return { ...img, RepoDigests: inspectRepoDigests(engine, img.Id, img.RepoDigests) };
}

/**
 * One image as `docker inspect` elements are made: the typed value and the daemon's raw JSON.
 * Throws the daemon's error (DaemonError) when there is no such image. (`docker inspect` of any
 * object can use this for images.)
 */
export function imageInspectElement(engine: DockerEngine, name: string): InspectElement {
  const img = inspectImage(engine, name);
  return { typed: typedInspect(img), raw: daemonJSON(img) };
}

/** templates.Parse for `inspect --format`: a bad template is exit status 64. */
export function checkInspectFormat(format: string): void {
  if (format === '' || format === 'json') return;
  try {
    parseTemplate(format);
  } catch (err) {
    if (err instanceof TemplateError) throw new CliError(`template parsing error: ${err.message}`, 64);
    throw err;
  }
}

export function imageInspect(engine: DockerEngine): BackendMethod {
  return (request, ctx) =>
    runCommand(ctx, () => {
      const format = flagString(request, 'format');
      checkInspectFormat(format);
      const elements: InspectElement[] = [];
      const errors: string[] = [];
      for (const name of request.args) {
        try {
          // the API client refuses an empty name itself (objectNotFoundError)
          if (name === '') throw new CliError('Error: No such image: ');
          elements.push(imageInspectElement(engine, name));
        } catch (err) {
          const text = errorText(err);
          if (text === undefined) throw err;
          errors.push(text);
        }
      }
      const result = renderInspect(format, elements);
      ctx.stdout.write(result.stdout);
      errors.push(...result.errors);
      if (errors.length > 0) throw new CliError(errors.join('\n'));
      return 0;
    });
}

// ---------------------------------------------------------------------------------------------
// docker history

interface HistoryRow {
  item: HistoryItem;
}

const HISTORY_ITEM = structType('image.HistoryResponseItem', {
  Comment: STRING,
  Created: INT64,
  CreatedBy: STRING,
  ID: { type: STRING, json: 'Id' },
  Size: INT64,
  Tags: SLICE_STRING,
});

function historyContext(opts: { trunc: boolean; human: boolean; now: () => number }) {
  const createdAt = (r: HistoryRow): string => rfc3339(r.item.Created * 1000);
  return defineContext<HistoryRow>({
    type: CONTEXT_TYPES.history,
    header: HISTORY_HEADERS,
    hidden: ['trunc', 'human', 'h'],
    print: (r) => `{<nil>} ${opts.trunc} ${opts.human} ${sprint(goValue(HISTORY_ITEM, r.item))}`,
    methods: {
      ID: (r) => (opts.trunc ? truncateID(r.item.Id) : r.item.Id),
      CreatedAt: createdAt,
      CreatedSince: (r) => (opts.human ? `${humanDuration(opts.now() - r.item.Created * 1000)} ago` : createdAt(r)),
      CreatedBy: (r) => {
        const by = r.item.CreatedBy.replace(/\t/g, ' ');
        return opts.trunc ? ellipsis(by, 45) : by;
      },
      Size: (r) => (opts.human ? humanSizeWithPrecision(r.item.Size, 3) : String(r.item.Size)),
      Comment: (r) => r.item.Comment,
    },
  });
}

/** image.NewHistoryFormat. */
function historyFormat(source: string, quiet: boolean, human: boolean): string {
  if (source !== 'table') return source;
  if (quiet) return DEFAULT_FORMATS.quiet;
  return human ? DEFAULT_FORMATS.historyTable : DEFAULT_FORMATS.historyTableNonHuman;
}

export function imageHistory(engine: DockerEngine): BackendMethod {
  return (request, ctx) =>
    runCommand(ctx, () => {
      const name = request.args[0] ?? '';
      // GET /images//history is no route of the API
      if (name === '') throw new DaemonError('not-found', 'page not found');
      const items = engine.images.imageHistory(name);
      const human = request.flags.human !== false;
      const format = historyFormat(flagString(request, 'format') || 'table', flagBool(request, 'quiet'), human);
      const context = historyContext({ trunc: !flagBool(request, 'no-trunc'), human, now: () => ctx.clock.now() });
      ctx.stdout.write(writeFormatted({ format, context, rows: items.map((item) => ({ item })) }));
      return 0;
    });
}
