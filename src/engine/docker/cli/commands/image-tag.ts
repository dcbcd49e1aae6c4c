import type { CommandHandler } from './handler';

/** `docker image tag (docker tag)`. */
export const imageTag: CommandHandler = (request, ctx, backend) => backend.imageTag(request, ctx);
