import type { CommandHandler } from './handler';

/** `docker container cp (docker cp)`. */
export const containerCp: CommandHandler = (request, ctx, backend) => backend.containerCp(request, ctx);
