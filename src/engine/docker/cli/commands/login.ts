import type { CommandHandler } from './handler';

/** `docker login`. */
export const login: CommandHandler = (request, ctx, backend) => backend.login(request, ctx);
