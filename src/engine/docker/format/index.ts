/**
 * The formatting room for docker output: Go text/template (docker's --format), docker's template
 * functions and table formatter, go-units sizes and durations, inspect output.
 *
 * A list command (ps shown; images and volume ls have the same shape):
 *
 *   const ctx = containerContext({ trunc: !noTrunc, now: () => clock.now() });
 *   const format = containerFormat(opts.format, opts.quiet, opts.size);
 *   if (opts.format) preflightFormat(opts.format, ctx.value(EMPTY_ROW)); // docker ps only
 *   stdout.write(writeFormatted({ format, context: ctx, rows }));
 *
 * Other contexts: defineContext({ type, header, methods }) with the Go type name and header map
 * docker uses (CONTEXT_TYPES, *_HEADERS). Inspect: renderInspect(format, [{ typed, raw }]) with
 * typed values built from structType/namedType/goValue (Go field order, json tags).
 *
 * Template problems throw TemplateError; its message is what docker prints on stderr.
 */
export { TemplateError } from './errors';
export { Template } from './template';
export type { FuncMap, GoFunc } from './template';
export { goFunc } from './template';
export { BASIC_FUNCTIONS, HEADER_FUNCTIONS, parseTemplate } from './templates';
export {
  DEFAULT_QUIET_FORMAT,
  JSON_FORMAT,
  finalFormat,
  isTableFormat,
  parseFormat,
  preflightFormat,
  renderHeader,
  renderTable,
  writeFormatted,
  type WriteOptions,
} from './formatter';
export {
  CONTAINER_HEADERS,
  CONTEXT_TYPES,
  DEFAULT_FORMATS,
  DISK_USAGE_HEADERS,
  HISTORY_HEADERS,
  IMAGE_HEADERS,
  NETWORK_HEADERS,
  SUB_HEADER_CONTEXT,
  VOLUME_HEADERS,
  containerFormat,
  defineContext,
  headerLabel,
  headerValue,
  imageFormat,
  volumeFormat,
  type ContextMethod,
  type ContextSpec,
  type FormatContext,
} from './contexts';
export {
  PLATFORM_TYPE,
  containerContext,
  displayablePorts,
  familiarName,
  imageContext,
  imageRows,
  volumeContext,
  type ContainerRow,
  type ImageRow,
  type ImageSummary,
  type PortSummary,
  type VolumeRow,
} from './list-contexts';
export { DOCKER_TABLE, TabWriter, tabwrite, type TabWriterOptions } from './tabwriter';
export { stringWidth } from './width';
export {
  buildkitSize,
  bytesSize,
  containerStatus,
  copiedSize,
  customSize,
  fromHumanSize,
  humanDuration,
  humanSize,
  humanSizeWithPrecision,
  ramInBytes,
  timeAgo,
  type ContainerStateLike,
} from './units';
export { ellipsis, goTimeString, rfc3339, rfc3339Nano, truncateID, ZERO_TIME_RFC3339 } from './display';
export {
  JSON_NUMBER,
  InspectFormatError,
  decodeRawJSON,
  inspectFormatted,
  inspectIndented,
  inspectJSON,
  renderInspect,
  type InspectElement,
  type InspectResult,
} from './inspect';
export { indentJSON, toJSON as goJSON } from './go/json';
export { formatValue, sprint, sprintf, sprintln } from './go/printf';
export { formatFloat } from './go/float';
export { goQuote } from './go/literals';
export {
  BOOL,
  FLOAT64,
  GoError,
  GoType,
  IFACE,
  INT,
  INT64,
  MAP_STRING_IFACE,
  MAP_STRING_STRING,
  SLICE_IFACE,
  SLICE_STRING,
  STRING,
  UINT64,
  Value,
  goValue,
  infer,
  mapOf,
  namedType,
  parseType,
  ptrTo,
  sliceOf,
  structType,
  type FieldSpec,
  type MethodDef,
  type TypeSpec,
  type Val,
} from './go/types';
