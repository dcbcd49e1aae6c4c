/** Command handlers by canonical command path. Commands not listed go to DockerBackend.other. */
import { buildxBuild } from './build';
import { containerCp } from './container-cp';
import { containerCreate } from './container-create';
import { containerExec } from './container-exec';
import { containerInspect } from './container-inspect';
import { containerKill } from './container-kill';
import { containerLogs } from './container-logs';
import { containerLs } from './container-ls';
import { containerPrune } from './container-prune';
import { containerRestart } from './container-restart';
import { containerRm } from './container-rm';
import { containerRun } from './container-run';
import { containerStart } from './container-start';
import { containerStop } from './container-stop';
import type { CommandHandler } from './handler';
import { imageHistory } from './image-history';
import { imageInspect } from './image-inspect';
import { imageLs } from './image-ls';
import { imagePrune } from './image-prune';
import { imagePull } from './image-pull';
import { imagePush } from './image-push';
import { imageRm } from './image-rm';
import { imageTag } from './image-tag';
import { inspect } from './inspect';
import { login } from './login';
import { logout } from './logout';
import { systemDf } from './system-df';
import { systemInfo } from './system-info';
import { systemPrune } from './system-prune';
import { version } from './version';
import { volumeCreate } from './volume-create';
import { volumeInspect } from './volume-inspect';
import { volumeLs } from './volume-ls';
import { volumePrune } from './volume-prune';
import { volumeRm } from './volume-rm';

export type { CommandHandler } from './handler';

export const HANDLERS: Readonly<Record<string, CommandHandler>> = {
  'buildx build': buildxBuild,
  'image ls': imageLs,
  'image pull': imagePull,
  'image push': imagePush,
  'image tag': imageTag,
  'image rm': imageRm,
  'image inspect': imageInspect,
  'image history': imageHistory,
  'image prune': imagePrune,
  'container run': containerRun,
  'container create': containerCreate,
  'container start': containerStart,
  'container stop': containerStop,
  'container kill': containerKill,
  'container restart': containerRestart,
  'container rm': containerRm,
  'container ls': containerLs,
  'container logs': containerLogs,
  'container exec': containerExec,
  'container cp': containerCp,
  'container inspect': containerInspect,
  'container prune': containerPrune,
  inspect,
  login,
  logout,
  version,
  'system info': systemInfo,
  'system df': systemDf,
  'system prune': systemPrune,
  'volume create': volumeCreate,
  'volume ls': volumeLs,
  'volume rm': volumeRm,
  'volume inspect': volumeInspect,
  'volume prune': volumePrune,
};
