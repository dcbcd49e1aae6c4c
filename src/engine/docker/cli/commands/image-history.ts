import type { CommandHandler } from './handler';

/** `docker image history (docker history)`. */
export const imageHistory: CommandHandler = (request, ctx, backend) => backend.imageHistory(request, ctx);
