import type { CommandHandler } from './handler';

/** `docker version`. */
export const version: CommandHandler = (request, ctx, backend) => backend.version(request, ctx);
