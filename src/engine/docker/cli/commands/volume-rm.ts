import type { CommandHandler } from './handler';

/** `docker volume rm (docker volume remove)`. */
export const volumeRm: CommandHandler = (request, ctx, backend) => backend.volumeRm(request, ctx);
