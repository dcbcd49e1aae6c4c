import { describe, expect, test } from 'vitest';
import { answerKey, fingerprintOf, grade, isAnswered, isMultiple, normalise, scoreOf, scoreText, type AnswerKey } from '../../../src/components/quiz/grade';
import type { Question } from '../../../src/components/quiz/schema';

const single: Question = {
  type: 'choice',
  id: 'single',
  prompt: 'Pick one',
  explanation: 'Because.',
  choices: [
    { text: 'a', correct: false, feedback: 'no' },
    { text: 'b', correct: true, feedback: 'yes' },
    { text: 'c', correct: false, feedback: 'no' },
  ],
};

const several: Question = {
  type: 'choice',
  id: 'several',
  prompt: 'Pick all',
  explanation: 'Because.',
  choices: [
    { text: 'a', correct: true, feedback: 'yes' },
    { text: 'b', correct: false, feedback: 'no' },
    { text: 'c', correct: true, feedback: 'yes' },
    { text: 'd', correct: false, feedback: 'no' },
  ],
};

const short: Question = {
  type: 'short',
  id: 'short',
  prompt: 'Type',
  explanation: 'Because.',
  answers: ['docker cp', 'docker container cp'],
};

const predictTyped: Question = {
  type: 'predict',
  id: 'typed',
  prompt: 'Which tag?',
  explanation: 'Because.',
  command: 'docker images',
  answers: ['latest'],
};

const predictPicked: Question = {
  type: 'predict',
  id: 'picked',
  prompt: 'Which rows?',
  explanation: 'Because.',
  command: 'docker images',
  choices: [
    { text: 'trainer latest', correct: true, feedback: 'yes' },
    { text: 'python 3.7-slim', correct: false, feedback: 'no' },
  ],
};

describe('answerKey', () => {
  test('a single-answer choice question uses radio buttons', () => {
    const key = answerKey(single);
    expect(key).toMatchObject({ kind: 'choice', id: 'single', multiple: false, correct: [1], count: 3 });
  });

  test('several correct choices make checkboxes; `multiple` can force them', () => {
    expect(answerKey(several)).toMatchObject({ kind: 'choice', multiple: true, correct: [0, 2], count: 4 });
    expect(answerKey({ ...single, multiple: true })).toMatchObject({ multiple: true, correct: [1] });
    expect(isMultiple({ choices: [{ correct: true }, { correct: false }] })).toBe(false);
  });

  test('short answers and typed predictions are text keys; picked predictions are choice keys', () => {
    expect(answerKey(short)).toMatchObject({ kind: 'text', answers: ['docker cp', 'docker container cp'] });
    expect(answerKey(predictTyped)).toMatchObject({ kind: 'text', answers: ['latest'] });
    expect(answerKey(predictPicked)).toMatchObject({ kind: 'choice', multiple: false, correct: [0] });
  });

  test('the key holds no prompt, feedback or explanation text', () => {
    const json = JSON.stringify(answerKey(single));
    expect(json).not.toContain('Pick one');
    expect(json).not.toContain('Because');
  });
});

describe('grade: choice questions', () => {
  const one = answerKey(single);
  const many = answerKey(several);

  test('the right pick is correct, a wrong pick is not', () => {
    expect(grade(one, [1])).toEqual({ kind: 'choice', correct: true, marks: ['none', 'right', 'none'] });
    expect(grade(one, [0])).toEqual({ kind: 'choice', correct: false, marks: ['wrong', 'missed', 'none'] });
  });

  test('all correct choices and no others are needed when several are correct', () => {
    expect(grade(many, [2, 0])?.correct).toBe(true);
    expect(grade(many, [0])).toEqual({ kind: 'choice', correct: false, marks: ['right', 'none', 'missed', 'none'] });
    expect(grade(many, [0, 1, 2])?.correct).toBe(false);
    expect(grade(many, [0, 1, 2])?.kind === 'choice' && grade(many, [0, 1, 2])).toMatchObject({
      marks: ['right', 'wrong', 'right', 'none'],
    });
  });

  test('nothing picked is not graded; repeated and out-of-range picks are ignored', () => {
    expect(grade(one, [])).toBeNull();
    expect(isAnswered(one, [])).toBe(false);
    expect(grade(one, [7, -1, 1.5])).toBeNull();
    expect(grade(many, [0, 0, 2, 2, 9])?.correct).toBe(true);
  });

  test('a radio question counts only one pick', () => {
    expect(grade(one, [1, 0])?.correct).toBe(true);
  });

  test('a typed answer does not grade a choice question', () => {
    expect(grade(one, 'b')).toBeNull();
  });
});

describe('grade: typed answers', () => {
  const key = answerKey(short);

  test('any accepted answer, in any case and spacing, is correct', () => {
    for (const typed of ['docker cp', 'Docker CP', '  docker   cp ', 'DOCKER CONTAINER CP', '`docker cp`', '"docker cp"', '$ docker cp', 'docker cp.']) {
      expect(grade(key, typed), typed).toEqual({ kind: 'text', correct: true, expected: 'docker cp' });
    }
  });

  test('other text is wrong, and the first accepted answer is given', () => {
    expect(grade(key, 'docker copy')).toEqual({ kind: 'text', correct: false, expected: 'docker cp' });
    expect(grade(key, 'docker c p')?.correct).toBe(false);
  });

  test('blank input is not graded', () => {
    expect(grade(key, '')).toBeNull();
    expect(grade(key, '   \t')).toBeNull();
    expect(isAnswered(key, ' x ')).toBe(true);
  });

  test('picks do not grade a text question', () => {
    expect(grade(key, [0])).toBeNull();
  });

  test('typed predictions are graded the same way', () => {
    expect(grade(answerKey(predictTyped), 'Latest')?.correct).toBe(true);
    expect(grade(answerKey(predictTyped), 'newest')?.correct).toBe(false);
  });
});

describe('normalise', () => {
  test('folds case, width and white space', () => {
    expect(normalise('  PYTHONUNBUFFERED=1 ')).toBe('pythonunbuffered=1');
    expect(normalise('ｄｏｃｋｅｒ\u00a0ps\n-a')).toBe('docker ps -a');
  });

  test('strips one pair of matching quotes or backticks, not unmatched ones', () => {
    expect(normalise('`-u`')).toBe('-u');
    expect(normalise('\u201c-u\u201d')).toBe('-u');
    expect(normalise("'-u\"")).toBe('\'-u"');
    expect(normalise('"')).toBe('"');
  });

  test('a full stop after a word goes, a lone dot argument stays', () => {
    expect(normalise('latest.')).toBe('latest');
    expect(normalise('Exited (0).')).toBe('exited (0)');
    expect(normalise('docker cp c:/f .')).toBe('docker cp c:/f .');
    expect(normalise('.')).toBe('.');
  });

  test('does not treat regular-expression characters specially', () => {
    const key: AnswerKey = { kind: 'text', id: 'x', fingerprint: '0', answers: ['a.*'] };
    expect(grade(key, 'abc')?.correct).toBe(false);
    expect(grade(key, 'A.*')?.correct).toBe(true);
  });
});

describe('score', () => {
  const keys = [answerKey(single), answerKey(several), answerKey(short)];

  test('counts checked answers that are correct', () => {
    const checked = new Map<string, number[] | string>([
      ['single', [1]],
      ['several', [0]],
      ['short', 'docker cp'],
    ]);
    const score = scoreOf(keys, checked);
    expect(score).toEqual({ correct: 2, answered: 3, total: 3 });
    expect(scoreText(score)).toBe('2 of 3 correct');
  });

  test('unanswered and unknown questions do not count', () => {
    const score = scoreOf(keys, new Map([['nope', [1]], ['single', []]]));
    expect(score).toEqual({ correct: 0, answered: 0, total: 3 });
  });
});

describe('fingerprintOf', () => {
  test('is stable and changes with the question', () => {
    expect(fingerprintOf(single)).toBe(fingerprintOf(structuredClone(single)));
    expect(fingerprintOf(single)).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprintOf({ ...single, prompt: 'Pick one!' })).not.toBe(fingerprintOf(single));
  });
});
