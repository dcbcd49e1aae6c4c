/**
 * Container names and ids as the daemon makes them: 64 hex digits for an id, and moby's
 * namesgenerator (`adjective_surname`, never `boring_wozniak`; a digit appended on retries) for a
 * name. Every choice is drawn from a counter kept in the room's state and the host's seed, so a
 * replayed session gives the same ids and names.
 */
import { sha256Hex } from '../daemon/oci/encode';

/** The adjectives of moby's pkg/namesgenerator. */
export const NAME_ADJECTIVES: readonly string[] = [
  'admiring', 'adoring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful', 'blissful', 'bold',
  'boring', 'brave', 'busy', 'charming', 'clever', 'cool', 'compassionate', 'competent', 'condescending',
  'confident', 'cranky', 'crazy', 'dazzling', 'determined', 'distracted', 'dreamy', 'eager', 'ecstatic', 'elastic',
  'elated', 'elegant', 'eloquent', 'epic', 'exciting', 'fervent', 'festive', 'flamboyant', 'focused', 'friendly',
  'frosty', 'funny', 'gallant', 'gifted', 'goofy', 'gracious', 'great', 'happy', 'hardcore', 'heuristic', 'hopeful',
  'hungry', 'infallible', 'inspiring', 'interesting', 'intelligent', 'jolly', 'jovial', 'keen', 'kind', 'laughing',
  'loving', 'lucid', 'magical', 'mystifying', 'modest', 'musing', 'naughty', 'nervous', 'nice', 'nifty', 'nostalgic',
  'objective', 'optimistic', 'peaceful', 'pedantic', 'pensive', 'practical', 'priceless', 'quirky', 'quizzical',
  'recursing', 'relaxed', 'reverent', 'romantic', 'sad', 'serene', 'sharp', 'silly', 'sleepy', 'stoic', 'strange',
  'stupefied', 'suspicious', 'sweet', 'tender', 'thirsty', 'trusting', 'unruffled', 'upbeat', 'vibrant', 'vigilant',
  'vigorous', 'wizardly', 'wonderful', 'xenodochial', 'youthful', 'zealous', 'zen',
];

/** The surnames of moby's pkg/namesgenerator (notable scientists and hackers). */
export const NAME_SURNAMES: readonly string[] = [
  'albattani', 'allen', 'almeida', 'antonelli', 'agnesi', 'archimedes', 'ardinghelli', 'armstrong', 'aryabhata',
  'austin', 'babbage', 'banach', 'banzai', 'bardeen', 'bartik', 'bassi', 'beaver', 'bell', 'benz', 'bhabha',
  'bhaskara', 'black', 'blackburn', 'blackwell', 'bohr', 'booth', 'borg', 'bose', 'bouman', 'boyd', 'brahmagupta',
  'brattain', 'brown', 'buck', 'burnell', 'cannon', 'carson', 'cartwright', 'carver', 'cerf', 'chandrasekhar',
  'chaplygin', 'chatelet', 'chatterjee', 'chebyshev', 'cohen', 'chaum', 'clarke', 'colden', 'cori', 'cray', 'curran',
  'curie', 'darwin', 'davinci', 'dewdney', 'dhawan', 'diffie', 'dijkstra', 'dirac', 'driscoll', 'dubinsky', 'easley',
  'edison', 'einstein', 'elbakyan', 'elgamal', 'elion', 'ellis', 'engelbart', 'euclid', 'euler', 'faraday',
  'feistel', 'fermat', 'fermi', 'feynman', 'franklin', 'gagarin', 'galileo', 'galois', 'ganguly', 'gates', 'gauss',
  'germain', 'goldberg', 'goldstine', 'goldwasser', 'golick', 'goodall', 'gould', 'greider', 'grothendieck', 'haibt',
  'hamilton', 'haslett', 'hawking', 'hellman', 'heisenberg', 'hermann', 'herschel', 'hertz', 'heyrovsky', 'hodgkin',
  'hofstadter', 'hoover', 'hopper', 'hugle', 'hypatia', 'ishizaka', 'jackson', 'jang', 'jemison', 'jennings',
  'jepsen', 'johnson', 'joliot', 'jones', 'kalam', 'kapitsa', 'kare', 'keldysh', 'keller', 'kepler', 'khayyam',
  'khorana', 'kilby', 'kirch', 'knuth', 'kowalevski', 'lalande', 'lamarr', 'lamport', 'leakey', 'leavitt',
  'lederberg', 'lehmann', 'lewin', 'lichterman', 'liskov', 'lovelace', 'lumiere', 'mahavira', 'margulis',
  'matsumoto', 'maxwell', 'mayer', 'mccarthy', 'mcclintock', 'mclaren', 'mclean', 'mcnulty', 'mendel', 'mendeleev',
  'meitner', 'meninsky', 'merkle', 'mestorf', 'mirzakhani', 'montalcini', 'moore', 'morse', 'murdock', 'moser',
  'napier', 'nash', 'neumann', 'newton', 'nightingale', 'nobel', 'noether', 'northcutt', 'noyce', 'panini', 'pare',
  'pascal', 'pasteur', 'payne', 'perlman', 'pike', 'poincare', 'poitras', 'proskuriakova', 'ptolemy', 'raman',
  'ramanujan', 'ride', 'ritchie', 'rhodes', 'robinson', 'roentgen', 'rosalind', 'rubin', 'saha', 'sammet',
  'sanderson', 'satoshi', 'shamir', 'shannon', 'shaw', 'shirley', 'shockley', 'shtern', 'sinoussi', 'snyder',
  'solomon', 'spence', 'stonebraker', 'sutherland', 'swanson', 'swartz', 'swirles', 'taussig', 'tereshkova', 'tesla',
  'tharp', 'thompson', 'torvalds', 'tu', 'turing', 'varahamihira', 'vaughan', 'visvesvaraya', 'volhard', 'villani',
  'wescoff', 'wilbur', 'wiles', 'williams', 'williamson', 'wilson', 'wing', 'wozniak', 'wright', 'wu', 'yalow',
  'yonath', 'zhukovsky',
];

/** The counter a room draws from (kept in its plain state). */
export interface RandomSource {
  seq: number;
}

/** 64 hex digits drawn deterministically from the host seed and the room's counter. */
export function randomHex(seed: number, source: RandomSource, purpose: string): string {
  source.seq += 1;
  return sha256Hex(`${seed}:${purpose}:${source.seq}`);
}

/** A number in [0, n) drawn from the seed and the counter. */
export function randomInt(seed: number, source: RandomSource, purpose: string, n: number): number {
  const hex = randomHex(seed, source, purpose).slice(0, 12);
  return Number.parseInt(hex, 16) % n;
}

/**
 * A container id: 64 hex digits, never all-numeric in its first 12 (moby's stringid rejects those,
 * as they would read as a number).
 */
export function newContainerId(seed: number, source: RandomSource, taken: (id: string) => boolean): string {
  for (;;) {
    const id = randomHex(seed, source, 'container-id');
    if (/^[0-9]{12}/.test(id) || taken(id)) continue;
    return id;
  }
}

/** namesgenerator.GetRandomName(retry). */
export function randomName(seed: number, source: RandomSource, retry: number): string {
  for (;;) {
    const left = NAME_ADJECTIVES[randomInt(seed, source, 'name-left', NAME_ADJECTIVES.length)]!;
    const right = NAME_SURNAMES[randomInt(seed, source, 'name-right', NAME_SURNAMES.length)]!;
    const name = `${left}_${right}`;
    if (name === 'boring_wozniak') continue;
    return retry > 0 ? `${name}${randomInt(seed, source, 'name-digit', 10)}` : name;
  }
}

/** daemon.generateNewName: a random name not yet taken (six tries, then the id's first 12 digits). */
export function newContainerName(seed: number, source: RandomSource, taken: (name: string) => boolean, id: string): string {
  for (let retry = 0; retry < 6; retry++) {
    const name = randomName(seed, source, retry);
    if (!taken(name)) return name;
  }
  return id.slice(0, 12);
}

/** moby's validContainerNamePattern: `[a-zA-Z0-9][a-zA-Z0-9_.-]` (a leading slash is allowed). */
export function isValidContainerName(name: string): boolean {
  return /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name);
}
