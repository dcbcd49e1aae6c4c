import { docker } from './docker/cli';
import { Host, type HostOptions } from './host';
import { ShellSession, type SessionOptions } from './shell/session';

/** A fresh student laptop: the host every terminal, transcript and test starts from. */
export function createStudentHost(options: HostOptions = {}): Host {
  const host = new Host(options);
  host.programs.set('docker', docker);
  return host;
}

export function openSession(host: Host, options: SessionOptions): ShellSession {
  return new ShellSession(host, options);
}
