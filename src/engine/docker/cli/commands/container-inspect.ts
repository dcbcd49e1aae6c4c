import type { CommandHandler } from './handler';

/** `docker container inspect`. */
export const containerInspect: CommandHandler = (request, ctx, backend) => backend.containerInspect(request, ctx);
