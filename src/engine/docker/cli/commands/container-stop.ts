import type { CommandHandler } from './handler';

/** `docker container stop (docker stop)`. */
export const containerStop: CommandHandler = (request, ctx, backend) => backend.containerStop(request, ctx);
