import type { CommandHandler } from './handler';

/** `docker container kill (docker kill)`. */
export const containerKill: CommandHandler = (request, ctx, backend) => backend.containerKill(request, ctx);
