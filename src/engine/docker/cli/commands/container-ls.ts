import type { CommandHandler } from './handler';

/** `docker container ls (docker ps, docker container list, docker container ps)`. */
export const containerLs: CommandHandler = (request, ctx, backend) => backend.containerLs(request, ctx);
