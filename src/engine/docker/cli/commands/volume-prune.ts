import { confirm, type CommandHandler } from './handler';

/** `docker volume prune`: asks first, unless --force. */
export const volumePrune: CommandHandler = async (request, ctx, backend) => {
  const warning =
    request.flags.all === true
      ? 'WARNING! This will remove all local volumes not used by at least one container.'
      : 'WARNING! This will remove anonymous local volumes not used by at least one container.';
  if (request.flags.force !== true && !(await confirm(ctx, `${warning}\nAre you sure you want to continue?`))) return 0;
  return backend.volumePrune(request, ctx);
};
