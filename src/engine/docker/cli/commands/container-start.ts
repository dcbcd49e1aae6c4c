import type { CommandHandler } from './handler';

/** `docker container start (docker start)`: one container at a time when attaching. */
export const containerStart: CommandHandler = async (request, ctx, backend) => {
  if ((request.flags.attach === true || request.flags.interactive === true) && request.args.length > 1) {
    ctx.stderr.write('you cannot start and attach multiple containers at once\n');
    return 1;
  }
  return backend.containerStart(request, ctx);
};
