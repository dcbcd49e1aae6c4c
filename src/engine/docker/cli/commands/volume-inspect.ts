import type { CommandHandler } from './handler';

/** `docker volume inspect`. */
export const volumeInspect: CommandHandler = (request, ctx, backend) => backend.volumeInspect(request, ctx);
