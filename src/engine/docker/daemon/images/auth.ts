/**
 * POST /auth (`docker login`): the daemon checks the credentials with the registry and answers
 * `Login Succeeded`; storing them is the CLI's business (config.json).
 */
import { DaemonError, MESSAGES } from '../errors';
import { RegistryError } from './context';
import type { AuthConfig, ImageContext } from './context';
import { registryHost } from './pull';
import type { AuthResponse } from './types';

/** The registry domain a `serveraddress` names (Docker Hub for empty and index.docker.io forms). */
export function loginDomain(serveraddress: string | undefined): string {
  if (!serveraddress) return 'docker.io';
  const host = serveraddress.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (host === 'index.docker.io' || host === 'registry-1.docker.io' || host === 'docker.io') return 'docker.io';
  return host;
}

export function login(ctx: ImageContext, auth: AuthConfig): AuthResponse {
  const domain = loginDomain(auth.serveraddress);
  const reg = ctx.registries.get(domain);
  if (!reg) {
    throw new DaemonError('system', `Get "https://${domain}/v2/": dial tcp: lookup ${domain.replace(/:\d+$/, '')} on 127.0.0.53:53: no such host`);
  }
  try {
    const token = reg.login(auth);
    return { Status: MESSAGES.loginSucceeded, IdentityToken: token };
  } catch (err) {
    if (err instanceof RegistryError) throw new DaemonError('unauthorized', MESSAGES.unauthorizedLogin(registryHost(domain)));
    throw err;
  }
}
