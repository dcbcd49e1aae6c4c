/**
 * A student's answers to one quiz, kept in localStorage under `docker-course:quiz:v1:<quiz id>`:
 *
 *   { "answers": { "<question id>": { "fingerprint": "1a2b3c4d", "response": [0, 2] | "typed text",
 *                                      "checked": true } },
 *     "score": { "correct": 1, "answered": 1, "total": 3 } }
 *
 * Unchecked responses are drafts (restored, not graded). The score is derived, stored for other
 * pages to read; on load it is recomputed. An answer whose fingerprint no longer matches its
 * question (the quiz file changed) is dropped, and so is anything malformed. A change to this
 * format gets a new version in the key.
 */
import { scoreOf, type AnswerKey, type Response, type Score } from './grade';

export const STORAGE_PREFIX = 'docker-course:quiz:v1:';

export function storageKey(quizId: string): string {
  return `${STORAGE_PREFIX}${quizId}`;
}

export interface SavedAnswer {
  fingerprint: string;
  response: Response;
  checked: boolean;
}

export type Answers = Map<string, SavedAnswer>;

/** The answers in a stored value that still fit the quiz's questions. */
export function parseSaved(raw: string | null, keys: readonly AnswerKey[]): Answers {
  const answers: Answers = new Map();
  if (raw === null) return answers;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return answers;
  }
  if (!isRecord(data) || !isRecord(data['answers'])) return answers;
  const saved = data['answers'];
  for (const key of keys) {
    const entry = saved[key.id];
    if (!isRecord(entry) || entry['fingerprint'] !== key.fingerprint) continue;
    const response = entry['response'];
    const checked = entry['checked'] === true;
    if (key.kind === 'choice' && Array.isArray(response) && response.every((n) => Number.isInteger(n))) {
      answers.set(key.id, { fingerprint: key.fingerprint, response: response as number[], checked });
    } else if (key.kind === 'text' && typeof response === 'string') {
      answers.set(key.id, { fingerprint: key.fingerprint, response, checked });
    }
  }
  return answers;
}

export function checkedResponses(answers: Answers): Map<string, Response> {
  return new Map([...answers].flatMap(([id, answer]) => (answer.checked ? [[id, answer.response] as const] : [])));
}

export function scoreOfAnswers(keys: readonly AnswerKey[], answers: Answers): Score {
  return scoreOf(keys, checkedResponses(answers));
}

export function serialise(keys: readonly AnswerKey[], answers: Answers): string {
  const known = new Set(keys.map((key) => key.id));
  const entries = [...answers].filter(([id]) => known.has(id));
  return JSON.stringify({ answers: Object.fromEntries(entries), score: scoreOfAnswers(keys, answers) });
}

type ReadStore = Pick<Storage, 'getItem'>;
type WriteStore = Pick<Storage, 'setItem' | 'removeItem'>;

/** Reads a quiz's answers; storage that is missing or refuses (privacy settings) reads as empty. */
export function loadAnswers(store: ReadStore | null, quizId: string, keys: readonly AnswerKey[]): Answers {
  try {
    return parseSaved(store?.getItem(storageKey(quizId)) ?? null, keys);
  } catch {
    return new Map();
  }
}

/** Writes a quiz's answers (none: removes the entry); false when the storage refused. */
export function saveAnswers(
  store: WriteStore | null,
  quizId: string,
  keys: readonly AnswerKey[],
  answers: Answers,
): boolean {
  if (!store) return false;
  try {
    if (answers.size === 0) store.removeItem(storageKey(quizId));
    else store.setItem(storageKey(quizId), serialise(keys, answers));
    return true;
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
