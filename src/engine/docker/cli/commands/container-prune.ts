import { confirm, type CommandHandler } from './handler';

/** `docker container prune`: asks first, unless --force. */
export const containerPrune: CommandHandler = async (request, ctx, backend) => {
  const question = 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?';
  if (request.flags.force !== true && !(await confirm(ctx, question))) return 0;
  return backend.containerPrune(request, ctx);
};
