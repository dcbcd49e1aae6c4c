import type { CommandHandler } from './handler';

/** `docker image inspect`. */
export const imageInspect: CommandHandler = (request, ctx, backend) => backend.imageInspect(request, ctx);
