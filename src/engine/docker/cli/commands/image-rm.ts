import type { CommandHandler } from './handler';

/** `docker image rm (docker rmi, docker image remove)`. */
export const imageRm: CommandHandler = (request, ctx, backend) => backend.imageRm(request, ctx);
