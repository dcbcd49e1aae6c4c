/**
 * What differs between a recording on the lab engine and the simulation for reasons that are not
 * container behaviour, applied to both sides before comparing (on top of ../normalize.ts):
 *  - container ids (64 and 12 hex digits), image digests and generated names (`adjective_surname`);
 *  - human durations (`Less than a second ago`, `Up 3 seconds`) and RFC 3339 times: the lab's
 *    commands take real time, the simulator's take simulated time;
 *  - table alignment: columns are compared cell by cell (runs of 2+ spaces become ` | `), since
 *    a duration's width moves the columns after it;
 *  - pull progress per layer: the lab's stand-in images are built differently (one layer), the
 *    pull itself is the image room's corpus;
 *  - image sizes (`virtual 260MB`): the stand-ins' sizes are not the real images';
 *  - the lab daemon's data root (`/tmp/reallab/data`) is `/var/lib/docker` on a default install.
 * Recordings are never edited.
 */
import { NAME_ADJECTIVES, NAME_SURNAMES } from '../../../src/engine/docker/runtime/names';

const NAME = new RegExp(`\\b(?:${NAME_ADJECTIVES.join('|')})_(?:${NAME_SURNAMES.join('|')})\\d?\\b`, 'g');
const DURATION = /\b(?:Less than a second|About a minute|About an hour|\d+ (?:seconds?|minutes|hours|days|weeks|months|years))\b/g;
const ISO_TIME = /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\b/g;

export function normalizeRuntime(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^[0-9a-f]{12}: (?:Pulling fs layer|Waiting|Downloading|Verifying Checksum|Download complete|Extracting|Pull complete|Already exists)\b/.test(line))
    .map((line) => {
      if (line.startsWith('$ ') || line.startsWith('> ')) return line;
      let out = line
        .replace(/\/tmp\/reallab\/data\//g, '/var/lib/docker/')
        .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<DIGEST>')
        .replace(/\b[0-9a-f]{64}\b/g, '<ID>')
        .replace(/\b[0-9a-f]{12}\b/g, '<ID12>')
        .replace(NAME, '<NAME>')
        .replace(ISO_TIME, '<TIME>')
        .replace(DURATION, '<DURATION>')
        .replace(/\(virtual [0-9.]+[kMG]?B\)/g, '(virtual <SIZE>)');
      if (/ {2,}/.test(out.trim())) out = out.trimEnd().replace(/ {2,}/g, ' | ');
      return out;
    })
    .join('\n');
}
