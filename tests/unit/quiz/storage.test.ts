import { describe, expect, test } from 'vitest';
import { answerKey } from '../../../src/components/quiz/grade';
import type { Question } from '../../../src/components/quiz/schema';
import {
  STORAGE_PREFIX,
  loadAnswers,
  parseSaved,
  saveAnswers,
  scoreOfAnswers,
  serialise,
  storageKey,
  type Answers,
} from '../../../src/components/quiz/storage';

const questions: Question[] = [
  {
    type: 'choice',
    id: 'pick',
    prompt: 'Pick',
    explanation: 'E',
    choices: [
      { text: 'a', correct: true, feedback: 'f' },
      { text: 'b', correct: false, feedback: 'f' },
    ],
  },
  { type: 'short', id: 'type', prompt: 'Type', explanation: 'E', answers: ['-u'] },
];
const keys = questions.map(answerKey);
const [pick, type] = keys as [(typeof keys)[0], (typeof keys)[0]];

class MemoryStore {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe('quiz storage', () => {
  test('the key is versioned and names the quiz', () => {
    expect(STORAGE_PREFIX).toBe('docker-course:quiz:v1:');
    expect(storageKey('why-copy')).toBe('docker-course:quiz:v1:why-copy');
  });

  test('answers and the score survive a round trip', () => {
    const answers: Answers = new Map([
      ['pick', { fingerprint: pick.fingerprint, response: [0], checked: true }],
      ['type', { fingerprint: type.fingerprint, response: '-x', checked: false }],
    ]);
    const raw = serialise(keys, answers);
    expect(JSON.parse(raw)).toMatchObject({ score: { correct: 1, answered: 1, total: 2 } });
    expect(parseSaved(raw, keys)).toEqual(answers);
    expect(scoreOfAnswers(keys, answers)).toEqual({ correct: 1, answered: 1, total: 2 });
  });

  test('drafts are kept but not scored', () => {
    const answers: Answers = new Map([['type', { fingerprint: type.fingerprint, response: '-u', checked: false }]]);
    expect(scoreOfAnswers(keys, answers)).toEqual({ correct: 0, answered: 0, total: 2 });
  });

  test('answers to a changed question, unknown questions and wrong shapes are dropped', () => {
    const raw = JSON.stringify({
      answers: {
        pick: { fingerprint: 'deadbeef', response: [0], checked: true },
        type: { fingerprint: type.fingerprint, response: [1], checked: true },
        gone: { fingerprint: 'x', response: 'y', checked: true },
      },
    });
    expect(parseSaved(raw, keys).size).toBe(0);
    const mixed = JSON.stringify({ answers: { pick: { fingerprint: pick.fingerprint, response: ['0'], checked: true } } });
    expect(parseSaved(mixed, keys).size).toBe(0);
  });

  test('garbage reads as no answers', () => {
    for (const raw of [null, '', '{', 'null', '[]', '"x"', '{"answers": 3}', '{"answers": {"pick": null}}']) {
      expect(parseSaved(raw, keys).size, String(raw)).toBe(0);
    }
  });

  test('load and save go through the store; no answers removes the entry', () => {
    const store = new MemoryStore();
    const answers: Answers = new Map([['pick', { fingerprint: pick.fingerprint, response: [1], checked: true }]]);
    expect(saveAnswers(store, 'q', keys, answers)).toBe(true);
    expect([...store.items.keys()]).toEqual(['docker-course:quiz:v1:q']);
    expect(loadAnswers(store, 'q', keys)).toEqual(answers);
    expect(saveAnswers(store, 'q', keys, new Map())).toBe(true);
    expect(store.items.size).toBe(0);
  });

  test('a missing or refusing store is not an error', () => {
    const refusing = {
      getItem(): string | null {
        throw new Error('SecurityError');
      },
      setItem(): void {
        throw new Error('QuotaExceededError');
      },
      removeItem(): void {
        throw new Error('SecurityError');
      },
    };
    expect(loadAnswers(refusing, 'q', keys).size).toBe(0);
    expect(loadAnswers(null, 'q', keys).size).toBe(0);
    expect(saveAnswers(refusing, 'q', keys, new Map([['pick', { fingerprint: pick.fingerprint, response: [0], checked: true }]]))).toBe(false);
    expect(saveAnswers(null, 'q', keys, new Map())).toBe(false);
  });
});
