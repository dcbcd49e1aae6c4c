import type { CommandHandler } from './handler';

/** `docker logout`. */
export const logout: CommandHandler = (request, ctx, backend) => backend.logout(request, ctx);
