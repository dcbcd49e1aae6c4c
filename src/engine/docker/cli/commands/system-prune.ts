import { confirm, type CommandHandler } from './handler';

/** `docker system prune`: lists what goes and asks first, unless --force. */
export const systemPrune: CommandHandler = async (request, ctx, backend) => {
  const all = request.flags.all === true;
  const items = [
    'all stopped containers',
    'all networks not used by at least one container',
    ...(request.flags.volumes === true ? ['all anonymous volumes not used by at least one container'] : []),
    all ? 'all images without at least one container associated to them' : 'all dangling images',
    all ? 'all build cache' : 'unused build cache',
  ];
  const question = `WARNING! This will remove:\n${items.map((item) => `  - ${item}\n`).join('')}\nAre you sure you want to continue?`;
  if (request.flags.force !== true && !(await confirm(ctx, question))) return 0;
  return backend.systemPrune(request, ctx);
};
