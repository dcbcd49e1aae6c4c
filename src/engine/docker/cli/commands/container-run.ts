import type { CommandHandler } from './handler';

/**
 * `docker container run (docker run)`. The client refuses `-it` when its own stdin is not a
 * terminal (cli/streams In.CheckTty) before it asks the engine for anything.
 */
export const containerRun: CommandHandler = async (request, ctx, backend) => {
  const { detach, interactive, tty } = request.flags;
  if (detach !== true && interactive === true && tty === true && !ctx.tty.stdin) {
    ctx.stderr.write('the input device is not a TTY\n');
    return 1;
  }
  return backend.containerRun(request, ctx);
};
