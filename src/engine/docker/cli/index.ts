import type { Program } from '../../process';
import { DOCKER_HELP } from './help-text';
import { longVersion, shortVersion } from './version';

/**
 * The `docker` client. For now it knows the top level only; the full command tree (driven by
 * docker-cli-flags.json) replaces this dispatcher.
 */
export const docker: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const [first] = args;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    ctx.stdout.write(DOCKER_HELP);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    ctx.stdout.write(shortVersion());
    return 0;
  }
  if (first === 'version' && args.length === 1) {
    ctx.stdout.write(longVersion());
    return 0;
  }
  ctx.stderr.write(`docker: unknown command: docker ${first}\n\nRun 'docker --help' for more information\n`);
  return 1;
};
