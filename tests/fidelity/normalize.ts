/**
 * What differs between a real recording and the simulation for reasons that are not behaviour:
 * the recording machine's clock, host name and kernel. Applied to both sides before comparing.
 *  - `ls -l` style lines: the date column becomes `Jan  1 00:00` (both the recent and the old form);
 *  - after `hostname` and in `uname -a`: the host name becomes `laptop`;
 *  - after `uname -r`, `-v`, `-a`: the kernel release and version become `KERNEL` and `#VERSION`.
 * Recordings are never edited: each rule names the output it applies to.
 */

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
/** `Nov 26 09:00` or `Jan  2  2025`, as ls -l prints dates. */
const LS_DATE = new RegExp(`${MONTH} [ \\d]\\d (?:\\d\\d:\\d\\d| \\d{4})(?=\\s)`, 'g');
/** A long-listing line: mode string, links, owner… */
const LONG_LISTING = /^(?:\s*\d+\s+)?[-dlcbps][-rwxsStT]{9}[.+]?\s+\d+\s/;

const KERNEL_RELEASE = /\b\d+\.\d+\.\d+(?:-[\w.+~-]+)?\b/;
const UNAME_ALL = /^Linux (\S+) (\S+) (#.*?) (x86_64|aarch64|arm64) GNU\/Linux$/;

interface Block {
  command: string[];
  output: string[];
}

function blocks(text: string): Block[] {
  const result: Block[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('$ ')) {
      result.push({ command: [line], output: [] });
    } else if (line.startsWith('> ') && result.length > 0 && result[result.length - 1]!.output.length === 0) {
      result[result.length - 1]!.command.push(line);
    } else if (result.length > 0) {
      result[result.length - 1]!.output.push(line);
    } else {
      result.push({ command: [], output: [line] });
    }
  }
  return result;
}

function normalizeBlock(block: Block): Block {
  const command = block.command.join('\n');
  const output = block.output.map((line) => {
    let out = line;
    if (LONG_LISTING.test(out)) out = out.replace(LS_DATE, 'Jan  1 00:00');
    const all = UNAME_ALL.exec(out);
    if (all) out = `Linux laptop KERNEL #VERSION ${all[4]} GNU/Linux`;
    return out;
  });
  if (/(^|[\s;|&])hostname(\s|$)/.test(command) && !/hostname\s+-/.test(command)) {
    const first = output.findIndex((line) => /^[\w.-]+$/.test(line));
    if (first !== -1) output[first] = 'laptop';
  }
  if (/\buname\b/.test(command)) {
    for (let i = 0; i < output.length; i += 1) {
      if (UNAME_ALL.test(output[i]!)) continue;
      output[i] = output[i]!.replace(KERNEL_RELEASE, 'KERNEL').replace(/#\d+ .*$/, '#VERSION');
    }
  }
  return { command: block.command, output };
}

export function normalizeTranscript(text: string): string {
  return blocks(text)
    .map(normalizeBlock)
    .map((b) => [...b.command, ...b.output].join('\n'))
    .join('\n');
}
