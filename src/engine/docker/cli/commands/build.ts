import type { CommandHandler } from './handler';

/** `docker buildx build (docker build, docker image build, docker builder build, docker buildx b)`. */
export const buildxBuild: CommandHandler = (request, ctx, backend) => backend.buildxBuild(request, ctx);
