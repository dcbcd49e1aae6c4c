/**
 * What differs between a real build transcript (buildx 0.13.1 on the reference lab) and the
 * simulation for reasons that are not behaviour. Applied to both sides before comparing:
 *
 *  - digests and BuildKit's random ref ids; 12-hex image ids;
 *  - durations (`#5 DONE 0.3s`, `… 0.1s done`) and log time stamps (`#7 0.123 …`);
 *  - the FROM download: the lab's stand-in images are one imported layer, the simulated Hub has
 *    the real layer structure, so the layer lines collapse into one `#N <pull>` line;
 *  - racy printing: a status shown again with `done`, a vertex re-opened after `#N ...`, a FROM
 *    shown `DONE 0.0s` or `CACHED`, CACHED steps and the context/FROM blocks in any order
 *    (BuildKit runs them in parallel); vertices are renumbered after sorting;
 *  - `# normalize: context-size` in a scenario: the build context transfer sizes (fsutil resends
 *    files whose timestamps are within its racy window; the lab's timing decides);
 *  - `# normalize: from-pull`: whether a FROM is CACHED or downloaded again (after failed builds
 *    the lab's containerd garbage-collects base content that the simulator keeps);
 *  - a FROM's `[i/N]`: BuildKit names a vertex after the build that made it first, and keeps it
 *    across builds while it is active.
 *
 * Lab state leaks between recordings (the stand-ins for python:3.7-slim and 3.11-slim are one
 * image): recorded/lesson.txt is from a run where the base was not yet on the lab, as on a fresh
 * machine; on a lab that still has it, the typo build shows the FROM CACHED instead.
 */

const DIGEST = /sha256:[0-9a-f]{64}/g;
const LS_DATE = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d (?:\d\d:\d\d| \d{4})(?=\s)/g;
const REF = /ref [a-z0-9]{25}::[a-z0-9]{25}/g;

interface Block {
  id: string;
  title: string;
  lines: string[];
}

interface Segment {
  kind: 'text' | 'build';
  lines: string[];
}

const VERTEX_LINE = /^#(\d+) (.*)$/;

/** Splits a command's output into BuildKit progress (lines `#N …` and the blank lines between) and the rest. */
function segments(lines: readonly string[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const isBuild = VERTEX_LINE.test(line) || (line === '' && i + 1 < lines.length && VERTEX_LINE.test(lines[i + 1]!) && out.at(-1)?.kind === 'build');
    const kind = isBuild ? 'build' : 'text';
    if (out.at(-1)?.kind !== kind) out.push({ kind, lines: [] });
    out.at(-1)!.lines.push(line);
  }
  return out;
}

function normalizeBuild(lines: readonly string[], contextSize: boolean, fromPull: boolean): string[] {
  // blocks by vertex, merging re-opened ones
  const blocks: Block[] = [];
  const byId = new Map<string, Block>();
  for (const line of lines) {
    if (line === '') continue;
    const m = VERTEX_LINE.exec(line)!;
    const id = m[1]!;
    const rest = m[2]!;
    let b = byId.get(id);
    if (!b) {
      b = { id, title: rest, lines: [] };
      byId.set(id, b);
      blocks.push(b);
      continue;
    }
    if (rest === '...' || rest === b.title) continue;
    b.lines.push(rest);
  }
  for (const b of blocks) {
    const isFrom = / FROM /.test(` ${b.title}`) && !b.title.startsWith('[internal]');
    let out: string[] = [];
    let pulled = false;
    for (let line of b.lines) {
      line = line.replace(DIGEST, 'sha256:<digest>').replace(REF, 'ref <ref>').replace(DNS, '$1<dns>$2');
      if (/^sha256:<digest> /.test(line) || /^extracting sha256:<digest>/.test(line)) {
        if (!pulled) out.push('<pull>');
        pulled = true;
        continue;
      }
      line = line.replace(/^DONE \d+\.\ds$/, 'DONE <t>');
      line = line.replace(/ \d+\.\ds done$/, ' done');
      line = line.replace(/^(\d+\.\d+) /, '<ts> ').replace(/^\d+\.\d+$/, '<ts>');
      // `ls -l` in a RUN step: the date column depends on the clock
      if (/^<ts> [-dlcbps][-rwxsStT]{9}[.+]? +\d+ /.test(line)) line = line.replace(LS_DATE, 'Jan  1 00:00');
      if (contextSize && b.title === '[internal] load build context') line = line.replace(/^transferring context: \S+/, 'transferring context: <size>');
      out.push(line);
    }
    // a status shown in progress, then again (with `done`): keep the last one
    out = out.map((l) => l.replace(/ \d+\.\ds$/, ''));
    out = out.filter((line, i) => {
      if (line.startsWith('<ts>') || /^(DONE|CACHED|ERROR|CANCELED)/.test(line) || line.endsWith(' done')) return true;
      return !out.slice(i + 1).some((l) => l.startsWith(line));
    });
    // a vertex re-opened after it was shown done keeps only its last result
    const terminal = (l: string) => l === 'DONE <t>' || l === 'CACHED';
    out = out.filter((l, i) => !terminal(l) || i === out.length - 1);
    if (isFrom && !pulled) out = out.map((l) => (l === 'DONE <t>' ? 'CACHED' : l));
    // `# normalize: from-pull`: whether the base is downloaded again depends on the lab's GC
    if (isFrom && fromPull && out.at(-1) !== 'CANCELED') out = out.filter((l) => l !== '<pull>').map((l) => (l === 'DONE <t>' || l === 'CACHED' ? '<from>' : l));
    // a canceled FROM may or may not have shown its resolve line
    if (isFrom && out.at(-1) === 'CANCELED') out = out.filter((l) => !l.startsWith('resolve '));
    b.lines = out;
  }
  // canonical order: what BuildKit resolves in parallel (the context, FROM, inline documents and
  // CACHED steps) prints in any order; such runs are sorted
  const isStep = (b: Block) => /^\[[^\]]*\d+\/\d+\] /.test(b.title);
  const isCached = (b: Block) => isStep(b) && b.lines.at(-1) === 'CACHED';
  const racy = (b: Block) => b.title === '[internal] load build context' || b.title === '[internal] preparing inline document' || (isStep(b) && / FROM /.test(b.title)) || isCached(b);
  const rank = (b: Block) => (b.title === '[internal] preparing inline document' ? 0 : b.title === '[internal] load build context' ? 1 : isStep(b) && / FROM /.test(b.title) ? 2 : 3);
  const first = blocks.filter((b) => b.id === '0' || (b.title.startsWith('[internal]') && !racy(b)));
  const parallel = blocks.filter((b) => !first.includes(b) && racy(b));
  parallel.sort((x, y) => rank(x) - rank(y) || (rank(x) === 3 ? (x.title < y.title ? -1 : x.title > y.title ? 1 : 0) : 0));
  const rest = blocks.filter((b) => !first.includes(b) && !racy(b));
  const sorted = [...first, ...parallel, ...rest];
  const out: string[] = [];
  sorted.forEach((b, i) => {
    const n = b.id === '0' ? '0' : String(i + (sorted[0]?.id === '0' ? 0 : 1));
    if (out.length > 0) out.push('');
    // the FROM shared by two stages is named after either stage
    out.push(`#${n} ${b.title.replace(DIGEST, 'sha256:<digest>').replace(/^\[[a-z][^ \]]* \d+\/\d+\] FROM /, '[<stage>] FROM ').replace(/^\[ *\d+\/\d+\] FROM /, '[i/n] FROM ')}`);
    for (const l of b.lines) out.push(`#${n} ${l}`);
  });
  return out;
}

/** The lab's resolver address in DNS failures. */
const DNS = /(lookup \S+ on )[\d.]+(:53)/g;

function normalizeText(line: string): string {
  return line
    .replace(DNS, '$1<dns>$2')
    .replace(DIGEST, 'sha256:<digest>')
    .replace(REF, 'ref <ref>')
    .replace(/^\d+\.\d+ /, '<ts> ')
    .replace(/^\d+\.\d+$/, '<ts>');
}

/** One command's output lines, normalised. */
export interface NormalizeOptions {
  contextSize?: boolean;
  fromPull?: boolean;
}

export function normalizeOutput(lines: readonly string[], options: NormalizeOptions = {}): string[] {
  const out: string[] = [];
  for (const seg of segments(lines)) {
    if (seg.kind === 'build') out.push(...normalizeBuild(seg.lines, options.contextSize ?? false, options.fromPull ?? false));
    else out.push(...seg.lines.map(normalizeText));
  }
  return out;
}

export interface TranscriptBlock {
  command: string[];
  output: string[];
}

/** A transcript as commands (`$ …` with `> …` continuation lines) and their output. */
export function transcriptBlocks(text: string): TranscriptBlock[] {
  const result: TranscriptBlock[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    if (line.startsWith('$ ')) result.push({ command: [line], output: [] });
    else if (line.startsWith('> ') && result.length > 0 && result.at(-1)!.output.length === 0) result.at(-1)!.command.push(line);
    else if (result.length > 0) result.at(-1)!.output.push(line);
  }
  return result;
}

export function normalizeTranscript(text: string, options: NormalizeOptions = {}): TranscriptBlock[] {
  return transcriptBlocks(text).map((b) => ({ command: b.command, output: normalizeOutput(b.output, options) }));
}
