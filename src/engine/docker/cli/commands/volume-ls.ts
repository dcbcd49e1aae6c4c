import type { CommandHandler } from './handler';

/** `docker volume ls (docker volume list)`. */
export const volumeLs: CommandHandler = (request, ctx, backend) => backend.volumeLs(request, ctx);
