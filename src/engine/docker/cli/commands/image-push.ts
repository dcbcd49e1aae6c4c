import type { CommandHandler } from './handler';

/** `docker image push (docker push)`. */
export const imagePush: CommandHandler = (request, ctx, backend) => backend.imagePush(request, ctx);
