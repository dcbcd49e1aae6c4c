/**
 * What differs between a recording on the lab engine and the simulator for reasons that are not
 * the commands' behaviour, taken out of both sides before they are compared (after the shared
 * rules of ../normalize.ts). Recordings are never edited.
 *
 *  - ids and digests: the stand-ins' bytes differ, so every sha256 becomes `<Hn>` and every
 *    12-hex short id `<hn>`, numbered by first appearance of the digest they abbreviate (the same
 *    image keeps the same number in both transcripts, so identity is still checked);
 *  - times: RFC 3339 and Go time.Time texts become `<TIME>`, `2 hours ago` becomes `<AGO>` (the
 *    lab's images were built a variable time before each recording);
 *  - sizes: `381MB`, `1.66GB`, raw byte counts (5+ digits) and the pushed manifest's `size: 407`;
 *  - table layout: column widths follow the values above, so runs of spaces between cells
 *    become three spaces;
 *  - row order within one image in `docker images`: the CLI walks a Go map of repositories, so
 *    rows of one image come in random order; lines naming the same image are sorted.
 */
import { normalizeTranscript } from '../normalize';

const HEX64 = /(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/g;
const TOKEN = /(?<![0-9a-zA-Z])([0-9a-f]{64}|[0-9a-f]{12})(?![0-9a-zA-Z])/g;
const RFC3339 = /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;
const GO_TIME = /\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \+0000 UTC/g;
const AGO = /\b(?:Less than a second|About a minute|About an hour|\d+ (?:second|minute|hour|day|week|month|year)s?) ago\b/g;
const SIZE = /(?<![\w.])\d+(?:\.\d+)?(?:B|kB|MB|GB|TB)\b/g;
const BIG_NUMBER = /(?<![\w.-])\d{5,}(?![\w.])/g;
const PUSHED_SIZE = /(: digest: \S+ size: )\d+$/;

/** Commands whose output is a list of images in the CLI's (random) per-image row order. */
const IMAGE_LIST = /^\$ docker (?:images|image ls|image list)\b/;

function hasLetter(hex: string): boolean {
  return /[a-f]/.test(hex);
}

export function normalizeDockerTranscript(text: string): string {
  const base = normalizeTranscript(text);
  const digests = [...base.matchAll(HEX64)].map((m) => m[0]).filter(hasLetter);
  const labels = new Map<string, number>();
  const keyOf = (token: string): string => (token.length === 64 ? token : (digests.find((d) => d.startsWith(token)) ?? token));
  const replaced = base.replace(TOKEN, (token: string) => {
    if (!hasLetter(token)) return token;
    const key = keyOf(token);
    if (!labels.has(key)) labels.set(key, labels.size + 1);
    return token.length === 64 ? `<H${labels.get(key)}>` : `<h${labels.get(key)}>`;
  });
  const lines = replaced.split('\n').map((line) =>
    line
      .replace(RFC3339, '<TIME>')
      .replace(GO_TIME, '<TIME>')
      .replace(AGO, '<AGO>')
      .replace(SIZE, '<SIZE>')
      .replace(BIG_NUMBER, '<N>')
      .replace(PUSHED_SIZE, '$1<N>')
      .replace(/(\S) {2,}(?=\S)/g, '$1   '),
  );
  return sortImageRows(lines).join('\n');
}

/** In `docker images` output, consecutive lines about the same image are sorted. */
function sortImageRows(lines: string[]): string[] {
  const out: string[] = [];
  let listing = false;
  let run: string[] = [];
  let runId: string | undefined;
  const flush = () => {
    out.push(...run.sort());
    run = [];
    runId = undefined;
  };
  for (const line of lines) {
    if (line.startsWith('$ ')) {
      flush();
      listing = IMAGE_LIST.test(line);
      out.push(line);
      continue;
    }
    const id = listing ? /<[hH](\d+)>/.exec(line)?.[1] : undefined;
    if (id === undefined || id !== runId) flush();
    if (id === undefined) out.push(line);
    else {
      runId = id;
      run.push(line);
    }
  }
  flush();
  return out;
}
