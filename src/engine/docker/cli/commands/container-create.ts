import type { CommandHandler } from './handler';

/** `docker container create (docker create)`. */
export const containerCreate: CommandHandler = (request, ctx, backend) => backend.containerCreate(request, ctx);
