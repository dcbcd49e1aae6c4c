import type { CommandHandler } from './handler';

/** `docker container exec (docker exec)`. */
export const containerExec: CommandHandler = (request, ctx, backend) => backend.containerExec(request, ctx);
