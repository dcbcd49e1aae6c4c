import type { CommandHandler } from './handler';

/** `docker container logs (docker logs)`. */
export const containerLogs: CommandHandler = (request, ctx, backend) => backend.containerLogs(request, ctx);
