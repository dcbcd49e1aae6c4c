/**
 * Formatter contexts: the Go values docker's list commands hand to --format templates
 * (`*formatter.ContainerContext`, `*formatter.imageContext`, `*formatter.volumeContext`, …).
 * They are pointers to structs whose template "fields" are methods, whose header row comes from a
 * `formatter.SubHeaderContext` map, and whose JSON is the sorted map of their no-argument methods.
 *
 * The column header names and default formats below are docker CLI 28.2.2's (checked against the
 * real CLI; see tests/unit/docker-format).
 */
import { toJSON } from './go/json';
import {
  type GoType,
  IFACE,
  MAP_STRING_STRING,
  type MethodDef,
  STRING,
  type TypeSpec,
  type Val,
  Value,
  goValue,
  namedType,
  structType,
  toResult,
  toType,
} from './go/types';

/** A template method on a context: the row, then the template arguments. */
export interface ContextMethod<Row> {
  params?: readonly TypeSpec[];
  /** Result type (default `string`). Give pointer types for methods that can return nil. */
  result?: TypeSpec;
  fn: (row: Row, ...args: never[]) => unknown;
}

export interface ContextSpec<Row> {
  /** Go name of the struct, e.g. `formatter.ContainerContext`; values are pointers to it. */
  type: string;
  /** The SubHeaderContext map (method name → column header); null for contexts without one. */
  header: Readonly<Record<string, string>> | null;
  /** Template methods. A plain function is a method returning string with string parameters. */
  methods: Readonly<Record<string, ContextMethod<Row> | ((row: Row, ...args: never[]) => unknown)>>;
  /** Exported struct fields besides the embedded HeaderContext's `Header` (e.g. `FieldsUsed`). */
  fields?: Readonly<Record<string, { type: TypeSpec; value?: (row: Row) => unknown }>>;
  /** Unexported field names (reading them gives Go's "is an unexported field" error). */
  hidden?: readonly string[];
  /** What `{{.}}` shows inside the braces (Go prints the raw struct). */
  print?: (row: Row) => string;
}

export interface FormatContext<Row> {
  /** The pointer type, e.g. `*formatter.volumeContext`. */
  readonly type: GoType;
  readonly header: Readonly<Record<string, string>> | null;
  /** The Go value a template sees for one row. */
  value(row: Row): Value;
}

interface Recv<Row> {
  readonly __row: Row;
  readonly [field: string]: unknown;
}

/** SubHeaderContext.Label: the last dot-separated part, `-` and `_` as spaces. */
export function headerLabel(name: string): string {
  const parts = name.split('.');
  return (parts[parts.length - 1] as string).replace(/[-_]/g, ' ');
}

/** formatter.SubHeaderContext: map[string]string with a Label method. */
export const SUB_HEADER_CONTEXT: GoType = namedType('formatter.SubHeaderContext', MAP_STRING_STRING, {
  methods: {
    Label: { params: [STRING], result: STRING, fn: ((_m: unknown, name: string) => headerLabel(name)) as never },
  },
});

export function defineContext<Row>(spec: ContextSpec<Row>): FormatContext<Row> {
  const methods: Record<string, MethodDef> = {
    FullHeader: { params: [], result: IFACE, fn: (() => null) as never },
  };
  const jsonMethods: [string, MethodDef][] = [];
  for (const [name, m] of Object.entries(spec.methods)) {
    const def: MethodDef =
      typeof m === 'function'
        ? {
            params: Array.from({ length: Math.max(m.length - 1, 0) }, () => STRING),
            result: STRING,
            fn: ((recv: Recv<Row>, ...args: never[]) => m(recv.__row, ...args)) as never,
          }
        : {
            params: (m.params ?? []).map(toType),
            result: toType(m.result ?? STRING),
            fn: ((recv: Recv<Row>, ...args: never[]) => m.fn(recv.__row, ...args)) as never,
          };
    methods[name] = def;
    if (def.params.length === 0) jsonMethods.push([name, def]);
  }
  jsonMethods.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  const fields: Record<string, TypeSpec> = { Header: IFACE };
  for (const h of spec.hidden ?? []) fields[h] = IFACE;
  for (const [name, f] of Object.entries(spec.fields ?? {})) fields[name] = f.type;

  const marshalJSON = (recv: Recv<Row>): string => {
    const parts = jsonMethods.map(([name, def]) => {
      const v: Val = toResult(def.result, (def.fn as (r: unknown) => unknown)(recv));
      return JSON.stringify(name) + ':' + toJSON(v);
    });
    return '{' + parts.join(',') + '}';
  };

  const struct = structType(spec.type, fields, {
    methods,
    marshalJSON: marshalJSON as never,
    goString: spec.print ? (((recv: Recv<Row>) => (spec.print as (r: Row) => string)(recv.__row)) as never) : undefined,
  });
  const ptr = struct.ptr();
  const extra = Object.entries(spec.fields ?? {});
  return {
    type: ptr,
    header: spec.header,
    value(row: Row): Value {
      const recv: Record<string, unknown> = { __row: row };
      for (const [name, f] of extra) if (f.value) recv[name] = f.value(row);
      return new Value(ptr, recv);
    },
  };
}

/** The value a context's header template runs on (FullHeader()). */
export function headerValue<Row>(ctx: FormatContext<Row>): Val {
  return ctx.header ? goValue(SUB_HEADER_CONTEXT, ctx.header) : null;
}

// --- docker CLI 28.2.2 header maps ---

export const CONTAINER_HEADERS = {
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
  Platform: 'PLATFORM',
} as const;

export const IMAGE_HEADERS = {
  ID: 'IMAGE ID',
  Repository: 'REPOSITORY',
  Tag: 'TAG',
  Digest: 'DIGEST',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  Size: 'SIZE',
  Containers: 'CONTAINERS',
  VirtualSize: 'SIZE',
  SharedSize: 'SHARED SIZE',
  UniqueSize: 'UNIQUE SIZE',
} as const;

export const VOLUME_HEADERS = {
  ID: 'ID',
  Name: 'VOLUME NAME',
  Group: 'GROUP',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  Availability: 'AVAILABILITY',
  Mountpoint: 'MOUNTPOINT',
  Labels: 'LABELS',
  Links: 'LINKS',
  Size: 'SIZE',
  Status: 'STATUS',
} as const;

export const HISTORY_HEADERS = {
  ID: 'IMAGE',
  CreatedSince: 'CREATED',
  CreatedAt: 'CREATED AT',
  CreatedBy: 'CREATED BY',
  Size: 'SIZE',
  Comment: 'COMMENT',
} as const;

export const NETWORK_HEADERS = {
  ID: 'NETWORK ID',
  Name: 'NAME',
  Driver: 'DRIVER',
  Scope: 'SCOPE',
  IPv4: 'IPV4',
  IPv6: 'IPV6',
  Internal: 'INTERNAL',
  Labels: 'LABELS',
  CreatedAt: 'CREATED AT',
} as const;

export const DISK_USAGE_HEADERS = {
  Type: 'TYPE',
  TotalCount: 'TOTAL',
  Active: 'ACTIVE',
  Size: 'SIZE',
  Reclaimable: 'RECLAIMABLE',
} as const;

// --- docker CLI 28.2.2 Go type names of the contexts ---

export const CONTEXT_TYPES = {
  container: 'formatter.ContainerContext',
  image: 'formatter.imageContext',
  volume: 'formatter.volumeContext',
  history: 'image.historyContext',
  network: 'network.networkContext',
  diskUsageImages: 'formatter.diskUsageImagesContext',
  diskUsageContainers: 'formatter.diskUsageContainersContext',
  diskUsageVolumes: 'formatter.diskUsageVolumesContext',
  diskUsageBuilder: 'formatter.diskUsageBuilderContext',
  buildCache: 'formatter.buildCacheContext',
  stats: 'container.statsContext',
} as const;

// --- default formats (formatter.NewXxxFormat) ---

export const DEFAULT_FORMATS = {
  containerTable: 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}',
  containerRaw:
    'container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\n' +
    'state: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\n' +
    'labels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n',
  containerRawQuiet: 'container_id: {{.ID}}',
  imageTable:
    'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}',
  imageTableDigest:
    'table {{.Repository}}\\t{{.Tag}}\\t{{.Digest}}\\t{{.ID}}\\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}',
  imageRaw:
    'repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n',
  imageRawDigest:
    'repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n',
  imageRawQuiet: 'image_id: {{.ID}}',
  volumeTable: 'table {{.Driver}}\\t{{.Name}}',
  volumeQuiet: '{{.Name}}',
  volumeRaw: 'name: {{.Name}}\\ndriver: {{.Driver}}\\n',
  volumeRawQuiet: 'name: {{.Name}}',
  historyTable: 'table {{.ID}}\\t{{.CreatedSince}}\\t{{.CreatedBy}}\\t{{.Size}}\\t{{.Comment}}',
  historyTableNonHuman: 'table {{.ID}}\\t{{.CreatedAt}}\\t{{.CreatedBy}}\\t{{.Size}}\\t{{.Comment}}',
  networkTable: 'table {{.ID}}\\t{{.Name}}\\t{{.Driver}}\\t{{.Scope}}',
  diskUsageTable: 'table {{.Type}}\\t{{.TotalCount}}\\t{{.Active}}\\t{{.Size}}\\t{{.Reclaimable}}',
  quiet: '{{.ID}}',
} as const;

/** formatter.NewContainerFormat */
export function containerFormat(source: string, quiet: boolean, size: boolean): string {
  switch (source) {
    case 'table':
    case '':
      if (quiet) return DEFAULT_FORMATS.quiet;
      return DEFAULT_FORMATS.containerTable + (size ? '\\t{{.Size}}' : '');
    case 'raw':
      if (quiet) return DEFAULT_FORMATS.containerRawQuiet;
      return DEFAULT_FORMATS.containerRaw + (size ? 'size: {{.Size}}\\n' : '');
    default:
      return quiet ? DEFAULT_FORMATS.quiet : source;
  }
}

/** formatter.NewImageFormat */
export function imageFormat(source: string, quiet: boolean, digest: boolean): string {
  switch (source) {
    case 'table':
      if (quiet) return DEFAULT_FORMATS.quiet;
      return digest ? DEFAULT_FORMATS.imageTableDigest : DEFAULT_FORMATS.imageTable;
    case 'raw':
      if (quiet) return DEFAULT_FORMATS.imageRawQuiet;
      return digest ? DEFAULT_FORMATS.imageRawDigest : DEFAULT_FORMATS.imageRaw;
    default:
      if (source.startsWith('table') && digest && !source.includes('{{.Digest}}')) return source + '\\t{{.Digest}}';
      return source;
  }
}

/** formatter.NewVolumeFormat */
export function volumeFormat(source: string, quiet: boolean): string {
  switch (source) {
    case 'table':
      return quiet ? DEFAULT_FORMATS.volumeQuiet : DEFAULT_FORMATS.volumeTable;
    case 'raw':
      return quiet ? DEFAULT_FORMATS.volumeRawQuiet : DEFAULT_FORMATS.volumeRaw;
    default:
      return source;
  }
}
