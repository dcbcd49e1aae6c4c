import type { CommandHandler } from './handler';

/** `docker container rm (docker rm, docker container remove)`. */
export const containerRm: CommandHandler = (request, ctx, backend) => backend.containerRm(request, ctx);
