import type { CommandHandler } from './handler';

/** `docker image ls (docker images, docker image list)`. */
export const imageLs: CommandHandler = (request, ctx, backend) => backend.imageLs(request, ctx);
