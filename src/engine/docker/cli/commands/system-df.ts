import type { CommandHandler } from './handler';

/** `docker system df`. */
export const systemDf: CommandHandler = (request, ctx, backend) => backend.systemDf(request, ctx);
