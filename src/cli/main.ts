/**
 * The engine from a terminal of your own, on Node:
 *   npm run --silent cli -- transcript FILE   runs FILE's lines in one fresh session, prints a transcript
 *   npm run cli -- shell                      an interactive session
 */
import { readFileSync } from 'node:fs';
import { runTranscript } from '../engine/transcript';
import { createStudentHost, openSession } from '../engine/world';
import { interactiveShell } from './interactive';

const USAGE = `usage: cli transcript [--course] FILE | cli shell [--course]\n  --course  start from the course's state (the starter project in ~/mnist) instead of an empty home\n`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const course = args.includes('--course');
  const rest = args.filter((arg) => arg !== '--course');
  if (command === 'transcript' && rest.length === 1) {
    let scenario: string;
    try {
      scenario = readFileSync(rest[0]!, 'utf8');
    } catch (error) {
      process.stderr.write(`cli: cannot read ${rest[0]}: ${(error as Error).message}\n`);
      return 2;
    }
    const session = openSession(createStudentHost({ course }), { tty: false });
    const transcript = await runTranscript(scenario, {
      run: (text, write) => session.execute(text, { stdout: { write }, stderr: { write } }),
    });
    process.stdout.write(transcript);
    return 0;
  }
  if (command === 'shell' && rest.length === 0) {
    return interactiveShell(course);
  }
  process.stderr.write(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`cli: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
