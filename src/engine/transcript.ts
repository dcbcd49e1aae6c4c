/**
 * Transcript mode: the same format as the real recordings (shared/tools/record.sh), so that a
 * scenario run through the simulator can be compared byte for byte with a real bash + Docker run.
 */

export interface TranscriptCommand {
  /** The lines as typed; the first is printed as `$ …`, the others as `> …`. */
  lines: string[];
  /**
   * False when the file ended inside the command (a trailing backslash or an unclosed
   * here-document): the recorder prints its lines but never runs it.
   */
  complete: boolean;
}

/** An odd number of trailing backslashes continues the line at an interactive prompt. */
function endsWithOddBackslashes(line: string): boolean {
  const match = /\\+$/.exec(line);
  return match !== null && match[0].length % 2 === 1;
}

const HEREDOC_START = /<<-?['"]?([A-Za-z_]+)/;

/**
 * Groups a scenario's lines into commands exactly as the recorder does: blank and `#` lines are
 * skipped between commands; a trailing odd backslash or an open here-document continues.
 */
export function splitScenario(text: string): TranscriptCommand[] {
  const commands: TranscriptCommand[] = [];
  let current: string[] | null = null;
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (current === null) {
      if (line === '' || line.startsWith('#')) continue;
      current = [line];
    } else {
      current.push(line);
    }
    if (endsWithOddBackslashes(line)) continue;
    const heredoc = HEREDOC_START.exec(current.join('\n'));
    if (heredoc && line !== heredoc[1]) continue;
    commands.push({ lines: current, complete: true });
    current = null;
  }
  if (current !== null) commands.push({ lines: current, complete: false });
  return commands;
}

export interface TranscriptRunner {
  /** Runs one command's text; everything it prints goes to `write`, in order. */
  run(text: string, write: (chunk: string) => void): Promise<number>;
}

export async function runTranscript(scenario: string, runner: TranscriptRunner): Promise<string> {
  let out = '';
  const write = (chunk: string) => {
    out += chunk;
  };
  for (const command of splitScenario(scenario)) {
    command.lines.forEach((line, index) => {
      out += `${index === 0 ? '$' : '>'} ${line}\n`;
    });
    if (!command.complete) break;
    const status = await runner.run(command.lines.join('\n'), write);
    if (status !== 0) out += `[exit ${status}]\n`;
  }
  return out;
}
