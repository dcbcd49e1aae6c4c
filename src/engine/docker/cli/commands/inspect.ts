import type { CommandHandler } from './handler';

/** `docker inspect`. */
export const inspect: CommandHandler = (request, ctx, backend) => backend.inspect(request, ctx);
