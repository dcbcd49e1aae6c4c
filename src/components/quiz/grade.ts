/**
 * Answer checking, with no DOM: the browser element and the unit tests share it. The page carries
 * an AnswerKey per question (built at build time by `answerKey`); prompts and feedback texts are in
 * the server-rendered HTML, not here.
 */
import type { Question } from './schema';

export type AnswerKey =
  | {
      kind: 'choice';
      id: string;
      /** Changes whenever the question's text changes, so saved answers to an older version are dropped. */
      fingerprint: string;
      /** Checkboxes instead of radio buttons. */
      multiple: boolean;
      /** Indices of the correct choices, ascending. */
      correct: number[];
      /** How many choices there are. */
      count: number;
    }
  | {
      kind: 'text';
      id: string;
      fingerprint: string;
      /** Accepted answers as written in the quiz file (shown to the student); compared normalised. */
      answers: string[];
    };

/** What the student gave: the indices of the picked choices, or the typed text. */
export type Response = number[] | string;

/** How one choice turned out: picked and right, picked and wrong, right but not picked, or neither. */
export type ChoiceMark = 'right' | 'wrong' | 'missed' | 'none';

export type Grade =
  | { kind: 'choice'; correct: boolean; marks: ChoiceMark[] }
  | { kind: 'text'; correct: boolean; expected: string };

/** True when a question with this choice list should use checkboxes. */
export function isMultiple(question: { multiple?: boolean | undefined; choices: { correct: boolean }[] }): boolean {
  return question.multiple ?? question.choices.filter((choice) => choice.correct).length > 1;
}

/** The grading key of a question from a quiz file. */
export function answerKey(question: Question): AnswerKey {
  const fingerprint = fingerprintOf(question);
  if (question.type !== 'short' && question.choices) {
    const { choices } = question;
    return {
      kind: 'choice',
      id: question.id,
      fingerprint,
      multiple: isMultiple({ multiple: question.multiple, choices }),
      correct: choices.flatMap((choice, index) => (choice.correct ? [index] : [])),
      count: choices.length,
    };
  }
  const answers = question.type === 'choice' ? [] : (question.answers ?? []);
  return { kind: 'text', id: question.id, fingerprint, answers };
}

/**
 * Typed answers are compared after this: Unicode-normalised (NFKC), lower case, runs of white
 * space as one space, no surrounding white space, no copied `$ ` prompt, no one pair of quotes or
 * backticks around the whole answer, no full stop or exclamation mark after a final word.
 */
export function normalise(text: string): string {
  let value = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  value = value.replace(/^\$ /, '');
  const quoted = /^(["'`\u2018\u201c])(.*)(["'`\u2019\u201d])$/su.exec(value);
  if (quoted && quoted[2] && pairs(quoted[1] ?? '', quoted[3] ?? '')) value = quoted[2].trim();
  value = value.replace(/(?<=[\p{L}\p{N})])[.!]+$/u, '');
  return value;
}

function pairs(open: string, close: string): boolean {
  if (open === '\u2018') return close === '\u2019';
  if (open === '\u201c') return close === '\u201d';
  return open === close;
}

/** False for a response that cannot be graded yet: nothing picked, or nothing but white space typed. */
export function isAnswered(key: AnswerKey, response: Response | undefined): boolean {
  if (response === undefined) return false;
  if (key.kind === 'choice') return Array.isArray(response) && validPicks(key, response).length > 0;
  return typeof response === 'string' && normalise(response) !== '';
}

function validPicks(key: Extract<AnswerKey, { kind: 'choice' }>, picks: number[]): number[] {
  const valid = [...new Set(picks)].filter((pick) => Number.isInteger(pick) && pick >= 0 && pick < key.count);
  // a radio group holds one answer at most: the first
  return key.multiple ? valid.sort((a, b) => a - b) : valid.slice(0, 1);
}

/**
 * Grades a response, or returns null when there is nothing to grade. Choice questions are right
 * only when exactly the correct choices are picked (all of them, and no others).
 */
export function grade(key: AnswerKey, response: Response): Grade | null {
  if (!isAnswered(key, response)) return null;
  if (key.kind === 'choice') {
    const picked = new Set(validPicks(key, response as number[]));
    const correct = new Set(key.correct);
    const marks: ChoiceMark[] = [];
    for (let index = 0; index < key.count; index++) {
      if (picked.has(index)) marks.push(correct.has(index) ? 'right' : 'wrong');
      else marks.push(correct.has(index) ? 'missed' : 'none');
    }
    return { kind: 'choice', correct: marks.every((mark) => mark === 'right' || mark === 'none'), marks };
  }
  const typed = normalise(response as string);
  const correct = key.answers.some((answer) => normalise(answer) === typed);
  return { kind: 'text', correct, expected: key.answers[0] ?? '' };
}

export interface Score {
  correct: number;
  answered: number;
  total: number;
}

/** The quiz's score from the responses the student has checked (keyed by question id). */
export function scoreOf(keys: readonly AnswerKey[], checked: ReadonlyMap<string, Response>): Score {
  let correct = 0;
  let answered = 0;
  for (const key of keys) {
    const response = checked.get(key.id);
    if (response === undefined) continue;
    const result = grade(key, response);
    if (!result) continue;
    answered++;
    if (result.correct) correct++;
  }
  return { correct, answered, total: keys.length };
}

/** "2 of 3 correct". */
export function scoreText(score: Score): string {
  return `${score.correct} of ${score.total} correct`;
}

/** A short stable hash (FNV-1a, 32 bits, hex) of a question as written in its quiz file. */
export function fingerprintOf(question: Question): string {
  const text = JSON.stringify(question);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
