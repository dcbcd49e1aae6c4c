import type { Host } from '../../host';
import { resolve } from '../../fs/path';
import type { Program } from '../../process';

/** nano, vim, vi and `code FILE`: the page's editor when there is one, an honest message otherwise. */
export function editorProgram(host: Host): Program {
  return async (ctx) => {
    const name = ctx.argv[0]!.split('/').pop()!;
    const files = ctx.argv.slice(1).filter((arg) => !arg.startsWith('-'));
    if (host.openEditor === null) {
      ctx.stderr.write(
        `${name}: there is no full-screen editor in this simulated terminal. ` +
          `Write files with a here-document instead, e.g.\n  cat > trainer.dockerfile <<'EOF'\n  FROM python:3.11-slim\n  EOF\n`,
      );
      return 1;
    }
    if (files.length === 0) {
      ctx.stderr.write(`${name}: name the file to edit, e.g. ${name} trainer.dockerfile\n`);
      return 1;
    }
    await host.openEditor(resolve(ctx.cwd, files[0]!));
    return 0;
  };
}
