/**
 * What `docker --version` and `docker version` print. The client is the reference CLI on this
 * machine (28.2.2); the server section is the reference engine of ../shared/fidelity/real-engine.md,
 * so that recorded transcripts and the simulator agree.
 */
export const CLIENT_VERSION = '28.2.2';
export const CLIENT_COMMIT = 'e6534b4';

export function shortVersion(): string {
  return `Docker version ${CLIENT_VERSION}, build ${CLIENT_COMMIT}\n`;
}

export function longVersion(): string {
  return [
    'Client:',
    ` Version:           ${CLIENT_VERSION}`,
    ' API version:       1.45 (downgraded from 1.50)',
    ' Go version:        go1.24.3',
    ` Git commit:        ${CLIENT_COMMIT}`,
    ' Built:             Fri May 30 12:07:14 2025',
    ' OS/Arch:           linux/amd64',
    ' Context:           default',
    '',
    'Server:',
    ' Engine:',
    '  Version:          26.1.5+dfsg1',
    '  API version:      1.45 (minimum version 1.24)',
    '  Go version:       go1.24.4',
    '  Git commit:       411e817',
    '  Built:            Thu Aug 13 05:35:48 2026',
    '  OS/Arch:          linux/amd64',
    '  Experimental:     false',
    ' containerd:',
    '  Version:          1.7.24~ds1',
    '  GitCommit:        1.7.24~ds1-6+deb13u1',
    ' runc:',
    '  Version:          1.1.5+ds1',
    '  GitCommit:        1.1.5+ds1-1+deb12u1',
    ' docker-init:',
    '  Version:          0.19.0',
    '  GitCommit:        ',
    '',
  ].join('\n');
}
