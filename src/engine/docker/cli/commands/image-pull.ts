import type { CommandHandler } from './handler';

/** `docker image pull (docker pull)`. */
export const imagePull: CommandHandler = (request, ctx, backend) => backend.imagePull(request, ctx);
