/**
 * `docker images` / `docker image ls` / `docker image list` (cli/command/image/list.go): the
 * engine's image summaries through the CLI's image formatter, one row per repository:tag.
 */
import type { BackendMethod } from '../../cli';
import type { DockerEngine } from '../../engine';
import { imageContext, imageFormat, imageRows, writeFormatted } from '../../format';
import type { ImageSummary as FormatSummary } from '../../format';
import { filterArgs, flagBool, flagList, flagString, runCommand } from './common';
import { loadConfig } from './config-file';
import { listRepoDigests } from './names';

/** The `docker image` subcommands (and aliases) a lone `docker images WORD` may have meant. */
const IMAGE_SUBCOMMANDS = new Set(['build', 'history', 'import', 'inspect', 'list', 'load', 'ls', 'prune', 'pull', 'push', 'rm', 'save', 'tag']);

export function imageLs(engine: DockerEngine): BackendMethod {
  return (request, ctx) =>
    runCommand(ctx, () => {
      const quiet = flagBool(request, 'quiet');
      const digests = flagBool(request, 'digests');
      const filters = filterArgs(flagList(request, 'filter'));
      const matchName = request.args[0] ?? '';
      if (matchName !== '') (filters.reference ??= []).push(matchName);

      let format = flagString(request, 'format');
      if (format === '') {
        const configured = loadConfig(request, ctx).imagesFormat;
        format = configured !== '' && !quiet ? configured : 'table';
      }

      const summaries = engine.images.imageList({ all: flagBool(request, 'all'), filters });
      const patterns = filters.reference ?? [];
      const images: FormatSummary[] = summaries.map((s) => ({
        id: s.Id,
        repoTags: s.RepoTags,
        repoDigests: listRepoDigests(engine, s.Id, patterns, s.RepoDigests),
        created: s.Created,
        size: s.Size,
        sharedSize: s.SharedSize,
        containers: s.Containers,
      }));

      const finalFormat = imageFormat(format, quiet, digests);
      const context = imageContext({ trunc: !flagBool(request, 'no-trunc'), now: () => ctx.clock.now() });
      const rows = imageRows(images, { digest: digests, format: finalFormat });
      ctx.stdout.write(writeFormatted({ format: finalFormat, context, rows }));

      if (matchName !== '' && images.length === 0 && request.commandPath === 'docker images' && IMAGE_SUBCOMMANDS.has(matchName)) {
        ctx.stderr.write(`\nNo images found matching "${matchName}": did you mean "docker image ${matchName}"?\n`);
      }
      return 0;
    });
}
