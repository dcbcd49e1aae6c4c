import type { CommandHandler } from './handler';

/** `docker volume create`: the name comes from the argument or the (hidden) --name, not both. */
export const volumeCreate: CommandHandler = async (request, ctx, backend) => {
  if (request.changed.has('name') && request.args.length > 0) {
    ctx.stderr.write('conflicting options: cannot specify a volume-name through both --name and as a positional arg\n');
    return 1;
  }
  return backend.volumeCreate(request, ctx);
};
