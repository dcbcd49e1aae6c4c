import type { CommandHandler } from './handler';

/** `docker container ls (docker ps, docker container list, docker container ps)`. */
export const containerLs: CommandHandler = (request, ctx, backend) => {
  if (request.flags.quiet === true && request.flags.format !== '') {
    ctx.stderr.write('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
  }
  return backend.containerLs(request, ctx);
};
