import { describe, expect, test } from 'vitest';
import { ID_PATTERN, quizSchema } from '../../../src/components/quiz/schema';
import { quizFiles } from './quiz-files';

/** The ids the lesson pages use (<Quiz id="…" />). */
const LESSON_QUIZZES = ['why-copy', 'no-cache-dir', 'python-u', 'ps-a', 'files-out', 'predict-images', 'predict-ps'];

const files = quizFiles();

describe('quiz files in content/quizzes', () => {
  test('every quiz the lesson uses has a file', () => {
    const ids = files.map((file) => file.id);
    expect(LESSON_QUIZZES.filter((id) => !ids.includes(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(files.map((file) => [file.id, file] as const))('%s matches the schema', (id, file) => {
    expect(id).toMatch(ID_PATTERN);
    const result = quizSchema.safeParse(file.data);
    expect(result.success ? [] : result.error.issues, file.path).toEqual([]);
  });

  test.each(files.map((file) => [file.id, file] as const))('%s has 2 to 4 questions', (_id, file) => {
    const quiz = quizSchema.parse(file.data);
    expect(quiz.questions.length).toBeGreaterThanOrEqual(2);
    expect(quiz.questions.length).toBeLessThanOrEqual(4);
  });

  test('the predict quizzes ask to predict, and give the command to check with', () => {
    for (const id of ['predict-images', 'predict-ps']) {
      const quiz = quizSchema.parse(files.find((file) => file.id === id)?.data);
      expect(quiz.questions.every((question) => question.type === 'predict'), id).toBe(true);
    }
  });
});

describe('quiz schema', () => {
  const choice = (correct: boolean, text = correct ? 'yes' : 'no') => ({ text, correct, feedback: 'because' });
  const quiz = (question: object) => ({ title: 'T', questions: [question] });
  const base = { id: 'q', prompt: 'P?', explanation: 'E.' };
  const issues = (data: unknown) => {
    const result = quizSchema.safeParse(data);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  test('accepts each kind of question', () => {
    expect(issues(quiz({ type: 'choice', ...base, choices: [choice(true), choice(false)] }))).toEqual([]);
    expect(issues(quiz({ type: 'short', ...base, answers: ['x'] }))).toEqual([]);
    expect(issues(quiz({ type: 'predict', ...base, command: 'docker ps', answers: ['x'] }))).toEqual([]);
    expect(issues(quiz({ type: 'predict', ...base, command: 'docker ps', choices: [choice(true), choice(false)] }))).toEqual([]);
  });

  test('`correct` defaults to false', () => {
    const parsed = quizSchema.parse(
      quiz({ type: 'choice', ...base, choices: [choice(true), { text: 'no', feedback: 'f' }] }),
    );
    expect(parsed.questions[0]?.type === 'choice' && parsed.questions[0].choices[1]?.correct).toBe(false);
  });

  test('rejects a choice question without a correct choice, or with one choice', () => {
    expect(issues(quiz({ type: 'choice', ...base, choices: [choice(false), choice(false, 'n2')] }))).toEqual([
      'questions.0.choices: no choice is marked `correct: true`',
    ]);
    expect(issues(quiz({ type: 'choice', ...base, choices: [choice(true)] }))).not.toEqual([]);
  });

  test('rejects `multiple: false` with several correct choices, and duplicate choices', () => {
    expect(issues(quiz({ type: 'choice', ...base, multiple: false, choices: [choice(true), choice(true, 'y2')] }))).toEqual([
      'questions.0.multiple: `multiple: false` but 2 choices are correct',
    ]);
    expect(issues(quiz({ type: 'choice', ...base, choices: [choice(true), choice(false, 'yes')] }))).toEqual([
      'questions.0.choices.1.text: duplicate choice',
    ]);
  });

  test('rejects a predict question without a command, or with both or neither way of answering', () => {
    expect(issues(quiz({ type: 'predict', ...base, answers: ['x'] }))).not.toEqual([]);
    expect(issues(quiz({ type: 'predict', ...base, command: 'ls' }))).toHaveLength(1);
    expect(issues(quiz({ type: 'predict', ...base, command: 'ls', answers: ['x'], choices: [choice(true), choice(false)] }))).toHaveLength(1);
  });

  test('rejects empty texts, unknown fields and types, bad ids and duplicate ids', () => {
    expect(issues(quiz({ type: 'short', ...base, answers: [] }))).not.toEqual([]);
    expect(issues(quiz({ type: 'short', ...base, answers: ['  '] }))).not.toEqual([]);
    expect(issues(quiz({ type: 'short', ...base, prompt: ' ', answers: ['x'] }))).not.toEqual([]);
    expect(issues(quiz({ type: 'short', ...base, answers: ['x'], regex: '.*' }))).not.toEqual([]);
    expect(issues(quiz({ type: 'essay', ...base }))).not.toEqual([]);
    expect(issues(quiz({ type: 'short', ...base, id: 'Bad Id', answers: ['x'] }))).not.toEqual([]);
    const q = { type: 'short', ...base, answers: ['x'] };
    expect(issues({ title: 'T', questions: [q, q] })).toEqual(['questions.1.id: duplicate question id "q"']);
    expect(issues({ title: 'T', questions: [] })).not.toEqual([]);
    expect(issues({ questions: [q] })).not.toEqual([]);
  });
});
