import type { CommandHandler } from './handler';

/** `docker system info (docker info)`. */
export const systemInfo: CommandHandler = (request, ctx, backend) => backend.systemInfo(request, ctx);
