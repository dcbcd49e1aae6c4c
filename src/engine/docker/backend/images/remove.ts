/**
 * `docker tag`, `docker rmi` / `docker image rm` and `docker image prune` (cli/command/image
 * tag.go, remove.go, prune.go). Recorded on the reference engine:
 *
 *   $ docker rmi nosuch python:3.11-slim other
 *   Untagged: python:3.11-slim
 *   Error response from daemon: No such image: nosuch:latest
 *   Error response from daemon: No such image: other:latest      (exit 1; with -f and only
 *                                                                  "No such image" errors: exit 0)
 *   $ docker image prune -f
 *   Deleted Images:
 *   untagged: sha256:f33e0292f1f6…
 *   deleted: sha256:f33e0292f1f6…
 *   …
 *
 *   Total reclaimed space: 121.6MB
 */
import type { BackendMethod } from '../../cli';
import type { DockerEngine } from '../../engine';
import { DaemonError } from '../../daemon';
import { humanSize } from '../../format';
import { CliError, errorText, filterArgs, flagBool, flagList, runCommand } from './common';
import { loadConfig } from './config-file';

export function imageTag(engine: DockerEngine): BackendMethod {
  return (request, ctx) =>
    runCommand(ctx, () => {
      engine.images.imageTagFromCli(request.args[0] ?? '', request.args[1] ?? '');
      return 0;
    });
}

export function imageRm(engine: DockerEngine): BackendMethod {
  return (request, ctx) =>
    runCommand(ctx, () => {
      const force = flagBool(request, 'force');
      const errors: string[] = [];
      let fatal = false;
      for (const name of request.args) {
        let deleted;
        try {
          // DELETE /images/ (no name) is no route of the API: 404 page not found
          if (name === '') throw new DaemonError('not-found', 'page not found');
          deleted = engine.images.imageRemove(name, { force, noprune: flagBool(request, 'no-prune') });
        } catch (err) {
          const text = errorText(err);
          if (text === undefined) throw err;
          if (!(err instanceof DaemonError && err.kind === 'not-found')) fatal = true;
          errors.push(text);
          continue;
        }
        let out = '';
        for (const d of deleted) out += 'Deleted' in d ? `Deleted: ${d.Deleted}\n` : `Untagged: ${d.Untagged}\n`;
        ctx.stdout.write(out);
      }
      if (errors.length === 0) return 0;
      if (!force || fatal) throw new CliError(errors.join('\n'));
      ctx.stderr.write(`${errors.join('\n')}\n`);
      return 0;
    });
}

/** command.PruneFilters: the `pruneFilters` of config.json join the command's own. */
function pruneFilters(filters: Record<string, string[]>, configured: readonly string[]): Record<string, string[]> {
  for (const f of configured) {
    const eq = f.indexOf('=');
    if (eq < 0) continue;
    const key = f.slice(0, eq);
    const value = f.slice(eq + 1);
    if (key === 'label' && filters['label!']?.includes(value)) continue;
    if (key === 'label!' && filters.label?.includes(value)) continue;
    const list = (filters[key] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  return filters;
}

/** The prune itself (the confirmation prompt is the command handler's). */
export function imagePrune(engine: DockerEngine): BackendMethod {
  return (request, ctx) =>
    runCommand(ctx, () => {
      const filters = filterArgs(flagList(request, 'filter'));
      const dangling = (filters.dangling ??= []);
      const value = String(!flagBool(request, 'all'));
      if (!dangling.includes(value)) dangling.push(value);
      const report = engine.images.imagePrune(pruneFilters(filters, loadConfig(request, ctx).pruneFilters));
      let out = '';
      if (report.ImagesDeleted && report.ImagesDeleted.length > 0) {
        out += 'Deleted Images:\n';
        for (const d of report.ImagesDeleted) out += 'Deleted' in d ? `deleted: ${d.Deleted}\n` : `untagged: ${d.Untagged}\n`;
        out += '\n';
      }
      out += `Total reclaimed space: ${humanSize(report.SpaceReclaimed)}\n`;
      ctx.stdout.write(out);
      return 0;
    });
}
