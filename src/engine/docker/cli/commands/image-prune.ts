import { confirm, type CommandHandler } from './handler';

/** `docker image prune`: asks first, unless --force. */
export const imagePrune: CommandHandler = async (request, ctx, backend) => {
  const warning =
    request.flags.all === true
      ? 'WARNING! This will remove all images without at least one container associated to them.'
      : 'WARNING! This will remove all dangling images.';
  if (request.flags.force !== true && !(await confirm(ctx, `${warning}\nAre you sure you want to continue?`))) return 0;
  return backend.imagePrune(request, ctx);
};
