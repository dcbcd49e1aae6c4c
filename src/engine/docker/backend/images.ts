/**
 * The engine's answers for images: ls, pull, push, tag, rm, inspect, history, prune; login and
 * logout. Each command is the docker CLI's client side (images/*) over the engine's image service
 * (engine.images, Engine API shaped); outputs and exit statuses are the reference CLI's (docker
 * 28.2.2 against dockerd 26.1.5 with the containerd image store), recorded in
 * tests/fidelity/docker-images.
 */
import type { DockerEngine } from '../engine';
import type { BackendPart } from './index';
import { imageHistory, imageInspect } from './images/inspect';
import { imageLs } from './images/list';
import { login, logout } from './images/login';
import { imagePrune, imageRm, imageTag } from './images/remove';
import { imagePull, imagePush } from './images/transfer';

export { imageInspectElement } from './images/inspect';
export { MessageDisplay, StreamError } from './images/jsonmessage';

export function imagesBackend(engine: DockerEngine): BackendPart {
  return {
    imageLs: imageLs(engine),
    imagePull: imagePull(engine),
    imagePush: imagePush(engine),
    imageTag: imageTag(engine),
    imageRm: imageRm(engine),
    imageInspect: imageInspect(engine),
    imageHistory: imageHistory(engine),
    imagePrune: imagePrune(engine),
    login: login(engine),
    logout: logout(engine),
  };
}
