/**
 * The shape of a quiz file in content/quizzes/<id>.yaml: the `quizzes` content collection
 * (src/content.config.ts) validates every file with `quizSchema`, and so do the unit tests.
 *
 * Text fields may use `code spans` in backticks and blank lines between paragraphs; nothing else is
 * markup (see inline.ts). The file name is the quiz id that pages use: <Quiz id="why-copy" />.
 */
import { z } from 'astro/zod';

/** Question ids are kebab-case, unique within their quiz; they key the saved answers. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const words = z.string().regex(/\S/, 'must not be empty');

/** One option of a multiple-choice (or predict) question; its feedback is shown after checking. */
export const choiceSchema = z.strictObject({
  text: words,
  correct: z.boolean().default(false),
  feedback: words,
});

const common = {
  id: z.string().regex(ID_PATTERN, 'must be kebab-case, e.g. "why-requirements"'),
  prompt: words,
  /** Shown after the student checks an answer, right or wrong. */
  explanation: words,
};

const choices = z.array(choiceSchema).min(2).max(8);
/** Checkboxes ("choose all that apply") rather than radio buttons. Default: more than one choice is correct. */
const multiple = z.boolean().optional();
/** Accepted answers, compared with the typed text after normalising both (grade.ts `normalise`). */
const answers = z.array(words).min(1);
const placeholder = z.string().optional();

export const choiceQuestionSchema = z.strictObject({
  type: z.literal('choice'),
  ...common,
  multiple,
  choices,
});

export const shortQuestionSchema = z.strictObject({
  type: z.literal('short'),
  ...common,
  answers,
  placeholder,
});

/**
 * "Predict the output": the student picks (choices) or types (answers) what `command` will
 * print, then is told to run it in the terminal and compare.
 */
export const predictQuestionSchema = z.strictObject({
  type: z.literal('predict'),
  ...common,
  command: words,
  multiple,
  choices: choices.optional(),
  answers: answers.optional(),
  placeholder,
});

export const questionSchema = z.discriminatedUnion('type', [
  choiceQuestionSchema,
  shortQuestionSchema,
  predictQuestionSchema,
]);

export const quizSchema = z
  .strictObject({
    title: words,
    questions: z.array(questionSchema).min(1).max(10),
  })
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>();
    quiz.questions.forEach((question, index) => {
      const path = ['questions', index];
      if (seen.has(question.id)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate question id "${question.id}"` });
      }
      seen.add(question.id);
      if (question.type === 'predict') {
        const hasChoices = question.choices !== undefined;
        const hasAnswers = question.answers !== undefined;
        if (hasChoices === hasAnswers) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: 'a predict question has either `choices` (pick) or `answers` (type), not both or neither',
          });
        }
        if (!hasChoices && question.multiple !== undefined) {
          ctx.addIssue({ code: 'custom', path: [...path, 'multiple'], message: '`multiple` needs `choices`' });
        }
        if (!hasAnswers && question.placeholder !== undefined) {
          ctx.addIssue({ code: 'custom', path: [...path, 'placeholder'], message: '`placeholder` needs `answers`' });
        }
      }
      if (question.type === 'choice' || (question.type === 'predict' && question.choices)) {
        const list = question.choices ?? [];
        const correct = list.filter((choice) => choice.correct).length;
        if (correct === 0) {
          ctx.addIssue({ code: 'custom', path: [...path, 'choices'], message: 'no choice is marked `correct: true`' });
        }
        if (question.multiple === false && correct > 1) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'multiple'],
            message: `\`multiple: false\` but ${correct} choices are correct`,
          });
        }
        const texts = new Set<string>();
        list.forEach((choice, at) => {
          if (texts.has(choice.text)) {
            ctx.addIssue({ code: 'custom', path: [...path, 'choices', at, 'text'], message: 'duplicate choice' });
          }
          texts.add(choice.text);
        });
      }
    });
  });

export type Choice = z.infer<typeof choiceSchema>;
export type ChoiceQuestion = z.infer<typeof choiceQuestionSchema>;
export type ShortQuestion = z.infer<typeof shortQuestionSchema>;
export type PredictQuestion = z.infer<typeof predictQuestionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Quiz = z.infer<typeof quizSchema>;
