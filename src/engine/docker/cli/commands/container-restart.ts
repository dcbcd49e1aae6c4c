import type { CommandHandler } from './handler';

/** `docker container restart (docker restart)`. */
export const containerRestart: CommandHandler = (request, ctx, backend) => backend.containerRestart(request, ctx);
