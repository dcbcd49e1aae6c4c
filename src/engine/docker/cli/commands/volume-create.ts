import type { CommandHandler } from './handler';

/** `docker volume create`. */
export const volumeCreate: CommandHandler = (request, ctx, backend) => backend.volumeCreate(request, ctx);
