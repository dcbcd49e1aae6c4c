import type { CommandHandler } from './handler';

/**
 * `docker buildx build` (docker build, docker image build, docker builder build, docker buildx b).
 * buildx warns about the legacy builder's --squash before it starts.
 */
export const buildxBuild: CommandHandler = (request, ctx, backend) => {
  if (request.changed.has('squash')) {
    ctx.stderr.write(
      'WARNING: experimental flag squash is removed with BuildKit. You should squash inside build using a multi-stage Dockerfile for efficiency.\n',
    );
  }
  return backend.buildxBuild(request, ctx);
};
