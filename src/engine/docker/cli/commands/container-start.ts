import type { CommandHandler } from './handler';

/** `docker container start (docker start)`. */
export const containerStart: CommandHandler = (request, ctx, backend) => backend.containerStart(request, ctx);
