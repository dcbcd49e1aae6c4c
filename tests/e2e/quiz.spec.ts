// <Quiz> on the built site: answering right and wrong, the feedback and score, answers kept across
// a reload, the keyboard alone, predict questions, and every quiz a page uses existing.
// Right and wrong answers are taken from the quiz files, so rewording a question keeps these tests valid.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { load } from 'js-yaml';
import { plainText } from '../../src/components/quiz/inline';
import { quizSchema, type Question, type Quiz } from '../../src/components/quiz/schema';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const docsDir = join(root, 'content/docs');
const quizDir = join(root, 'content/quizzes');

function quizPath(id: string): string | undefined {
  return ['yaml', 'yml', 'json'].map((ext) => join(quizDir, `${id}.${ext}`)).find((path) => existsSync(path));
}

function readQuiz(id: string): Quiz {
  const path = quizPath(id);
  if (!path) throw new Error(`no quiz file for ${id}`);
  const text = readFileSync(path, 'utf8');
  return quizSchema.parse(path.endsWith('.json') ? JSON.parse(text) : load(text));
}

interface QuizUse {
  file: string;
  url: string;
  id: string;
}

/** Every <Quiz id="…" /> in content/docs, with the URL of its page. */
function quizUses(): QuizUse[] {
  const uses: QuizUse[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.mdx?$/.test(entry.name) && !entry.name.startsWith('_')) {
        const text = readFileSync(path, 'utf8');
        const slug = /^---\n[\s\S]*?^slug:\s*['"]?([^'"\n]*?)['"]?\s*$[\s\S]*?^---/m.exec(text)?.[1];
        const route = slug ?? relative(docsDir, path).replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
        const url = route === '' ? '/' : `/${route.replace(/^\/|\/$/g, '')}/`;
        for (const match of text.matchAll(/<Quiz\b[^>]*?\bid=(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g)) {
          uses.push({ file: relative(root, path), url, id: match[1] ?? match[2] ?? match[3] ?? '' });
        }
      }
    }
  };
  walk(docsDir);
  return uses;
}

async function openQuiz(page: Page, url: string, id: string): Promise<Locator> {
  await page.goto(url);
  const quiz = page.locator(`docker-quiz[data-quiz-id="${id}"]`);
  await expect(quiz).toHaveAttribute('data-ready', 'true');
  return quiz;
}

function questionOf(quiz: Locator, question: Question): Locator {
  return quiz.locator(`.quiz-question[data-question-id="${question.id}"]`);
}

type ChoiceLike = Extract<Question, { type: 'choice' }> | Extract<Question, { type: 'predict' }>;

function choicesOf(question: Question): NonNullable<ChoiceLike['choices']> {
  return question.type === 'short' ? [] : (question.choices ?? []);
}

function isMultiple(question: Question): boolean {
  const choices = choicesOf(question);
  const multiple = question.type === 'short' ? undefined : question.multiple;
  return multiple ?? choices.filter((choice) => choice.correct).length > 1;
}

/** The first question of a quiz that fits. */
function find(quiz: Quiz, fits: (question: Question) => boolean): Question {
  const question = quiz.questions.find(fits);
  if (!question) throw new Error('the quiz has no such question');
  return question;
}

function choiceInput(item: Locator, question: Question, text: string): Locator {
  return item.getByRole(isMultiple(question) ? 'checkbox' : 'radio', { name: plainText(text), exact: true });
}

/** The list item of a choice: its input, the mark and the feedback. */
function choiceItem(item: Locator, question: Question, text: string): Locator {
  const role = isMultiple(question) ? 'checkbox' : 'radio';
  return item.locator('.quiz-choice').filter({ has: item.page().getByRole(role, { name: plainText(text), exact: true }) });
}

async function pick(item: Locator, question: Question, texts: string[]): Promise<void> {
  for (const text of texts) await choiceInput(item, question, text).check();
}

const firstParagraph = (text: string) => plainText(text.split('\n')[0] ?? text);

const WHY_COPY = { url: '/exercises/dockerfile/', id: 'why-copy' };

test('every quiz a page uses has a quiz file, and the page shows it', async ({ page }) => {
  const uses = quizUses();
  const known = new Set(readdirSync(quizDir).map((name) => name.replace(/\.(ya?ml|json)$/, '')));
  expect(uses.filter((use) => !known.has(use.id)).map((use) => `${use.file}: <Quiz id="${use.id}" />`)).toEqual([]);
  expect(uses.map((use) => use.id)).toContain('why-copy');
  for (const url of new Set(uses.map((use) => use.url))) {
    await page.goto(url);
    for (const use of uses.filter((u) => u.url === url)) {
      const quiz = page.locator(`docker-quiz[data-quiz-id="${use.id}"]`);
      await expect(quiz, `${use.file}: <Quiz id="${use.id}" />`).toHaveCount(1);
      await expect(quiz).toHaveAttribute('data-ready', 'true');
      await expect(quiz.locator('.quiz-question')).toHaveCount(readQuiz(use.id).questions.length);
    }
  }
});

test('a right answer says so, shows the explanation and counts in the score', async ({ page }) => {
  const data = readQuiz(WHY_COPY.id);
  const quiz = await openQuiz(page, WHY_COPY.url, WHY_COPY.id);
  const total = data.questions.length;
  await expect(quiz.locator('.quiz-score')).toHaveText(`Score: 0 of ${total} correct`);
  const question = find(data, (q) => q.type === 'choice' && !isMultiple(q));
  const item = questionOf(quiz, question);
  const explanation = item.locator('.quiz-explanation');
  await expect(explanation).toBeHidden();
  const right = choicesOf(question).find((choice) => choice.correct)!;
  await pick(item, question, [right.text]);
  await item.getByRole('button', { name: 'Check' }).click();

  const feedback = item.locator('.quiz-feedback');
  await expect(feedback).toHaveAttribute('aria-live', 'polite');
  await expect(item.locator('.quiz-verdict')).toHaveText('Correct.');
  await expect(explanation).toBeVisible();
  await expect(explanation).toContainText(firstParagraph(question.explanation));
  await expect(feedback).toContainText(`Score: 1 of ${total} correct.`);
  await expect(quiz.locator('.quiz-score')).toHaveText(`Score: 1 of ${total} correct`);
  // the picked choice is marked and its feedback shown; the answer is locked
  const choice = choiceItem(item, question, right.text);
  await expect(choice).toHaveAttribute('data-mark', 'right');
  await expect(choice.locator('.quiz-choice-result')).toContainText(firstParagraph(right.feedback));
  await expect(choiceInput(item, question, right.text)).toBeDisabled();
  await expect(item.getByRole('button', { name: 'Check' })).toHaveAttribute('aria-disabled', 'true');
  await expect(quiz.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a wrong answer says so, marks the right one and does not count', async ({ page }) => {
  const data = readQuiz(WHY_COPY.id);
  const quiz = await openQuiz(page, WHY_COPY.url, WHY_COPY.id);
  const question = find(data, (q) => q.type === 'choice' && !isMultiple(q));
  const item = questionOf(quiz, question);
  const wrong = choicesOf(question).find((choice) => !choice.correct)!;
  const right = choicesOf(question).find((choice) => choice.correct)!;
  await pick(item, question, [wrong.text]);
  await item.getByRole('button', { name: 'Check' }).click();

  await expect(item.locator('.quiz-verdict')).toContainText('Not quite.');
  await expect(item.locator('.quiz-explanation')).toContainText(firstParagraph(question.explanation));
  const picked = choiceItem(item, question, wrong.text);
  await expect(picked).toHaveAttribute('data-mark', 'wrong');
  await expect(picked).toContainText('Your answer: not right.');
  await expect(picked).toContainText(firstParagraph(wrong.feedback));
  const missed = choiceItem(item, question, right.text);
  await expect(missed).toHaveAttribute('data-mark', 'missed');
  await expect(choiceInput(item, question, wrong.text)).toHaveAttribute('aria-describedby', /-result$/);
  await expect(quiz.locator('.quiz-score')).toHaveText(`Score: 0 of ${data.questions.length} correct`);
});

test('several correct choices: all of them and only them', async ({ page }) => {
  const data = readQuiz(WHY_COPY.id);
  const quiz = await openQuiz(page, WHY_COPY.url, WHY_COPY.id);
  const question = find(data, (q) => q.type === 'choice' && isMultiple(q));
  const item = questionOf(quiz, question);
  await expect(item.getByText('Choose all that apply.')).toBeVisible();
  const rights = choicesOf(question).filter((choice) => choice.correct);
  await pick(item, question, [rights[0]!.text]);
  await item.getByRole('button', { name: 'Check' }).click();
  await expect(item.locator('.quiz-verdict')).toHaveText('Not quite. The right answers are marked below.');
  await expect(item.locator('.quiz-choice[data-mark="missed"]')).toHaveCount(rights.length - 1);
});

test('typed answers: case and spacing do not matter, a wrong one shows an accepted answer', async ({ page }) => {
  const data = readQuiz(WHY_COPY.id);
  const quiz = await openQuiz(page, WHY_COPY.url, WHY_COPY.id);
  const question = find(data, (q) => q.type === 'short');
  const item = questionOf(quiz, question);
  const answers = question.type === 'short' ? question.answers : [];
  const box = item.getByRole('textbox', { name: 'Your answer' });

  await item.getByRole('button', { name: 'Check' }).click();
  await expect(item.locator('.quiz-verdict')).toHaveText('Type an answer first.');
  await expect(item.locator('.quiz-explanation')).toBeHidden();

  await box.fill('  not the answer ');
  await box.press('Enter');
  await expect(item.locator('.quiz-verdict')).toHaveText('Not quite.');
  await expect(item.locator('.quiz-accepted')).toBeVisible();
  await expect(item.locator('.quiz-accepted code')).toHaveText(answers[0]!);
  await expect(box).toBeDisabled();

  await quiz.getByRole('button', { name: 'Try again' }).click();
  await box.fill(`  ${answers[0]!.toUpperCase()}  `);
  await box.press('Enter');
  await expect(item.locator('.quiz-verdict')).toHaveText('Correct.');
  await expect(item.locator('.quiz-accepted')).toBeHidden();
});

test('typed text stays text', async ({ page }) => {
  const data = readQuiz(WHY_COPY.id);
  const quiz = await openQuiz(page, WHY_COPY.url, WHY_COPY.id);
  const item = questionOf(quiz, find(data, (q) => q.type === 'short'));
  const attack = '<img src=x onerror="window.__quizXss=1"><b>bold</b>';
  await item.getByRole('textbox').fill(attack);
  await item.getByRole('button', { name: 'Check' }).click();
  await expect(item.locator('.quiz-verdict')).toHaveText('Not quite.');
  await page.reload();
  const restored = page.locator('docker-quiz[data-quiz-id="why-copy"] .quiz-question').filter({ has: page.getByRole('textbox') });
  await expect(restored.getByRole('textbox')).toHaveValue(attack);
  expect(await page.locator('docker-quiz img, docker-quiz b').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __quizXss?: number }).__quizXss)).toBeUndefined();
});

test('answers, drafts and the score survive a reload; Try again clears them', async ({ page }) => {
  const data = readQuiz(WHY_COPY.id);
  const total = data.questions.length;
  let quiz = await openQuiz(page, WHY_COPY.url, WHY_COPY.id);
  const single = find(data, (q) => q.type === 'choice' && !isMultiple(q));
  const multi = find(data, (q) => q.type === 'choice' && isMultiple(q));
  const short = find(data, (q) => q.type === 'short');
  const right = choicesOf(single).find((choice) => choice.correct)!;
  const wrong = choicesOf(multi).find((choice) => !choice.correct)!;
  await pick(questionOf(quiz, single), single, [right.text]);
  await questionOf(quiz, single).getByRole('button', { name: 'Check' }).click();
  await pick(questionOf(quiz, multi), multi, [wrong.text]);
  await questionOf(quiz, multi).getByRole('button', { name: 'Check' }).click();
  await questionOf(quiz, short).getByRole('textbox').fill('a draft');
  await expect(quiz.locator('.quiz-score')).toHaveText(`Score: 1 of ${total} correct`);

  const stored = await page.evaluate(() => localStorage.getItem('docker-course:quiz:v1:why-copy'));
  expect(JSON.parse(stored ?? 'null')).toMatchObject({ score: { correct: 1, answered: 2, total } });

  await page.reload();
  quiz = page.locator('docker-quiz[data-quiz-id="why-copy"]');
  await expect(quiz).toHaveAttribute('data-ready', 'true');
  await expect(quiz.locator('.quiz-score')).toHaveText(`Score: 1 of ${total} correct`);
  await expect(choiceInput(questionOf(quiz, single), single, right.text)).toBeChecked();
  await expect(questionOf(quiz, single).locator('.quiz-verdict')).toHaveText('Correct.');
  await expect(questionOf(quiz, single).locator('.quiz-explanation')).toBeVisible();
  await expect(choiceInput(questionOf(quiz, multi), multi, wrong.text)).toBeChecked();
  await expect(questionOf(quiz, multi).locator('.quiz-verdict')).toContainText('Not quite.');
  await expect(questionOf(quiz, short).getByRole('textbox')).toHaveValue('a draft');
  await expect(questionOf(quiz, short).getByRole('textbox')).toBeEnabled();
  await expect(questionOf(quiz, short).locator('.quiz-explanation')).toBeHidden();

  await quiz.getByRole('button', { name: 'Try again' }).click();
  await expect(quiz.locator('.quiz-score')).toHaveText(`Score: 0 of ${total} correct`);
  await expect(quiz.locator('.quiz-explanation:visible')).toHaveCount(0);
  await expect(quiz.locator('.quiz-verdict:not(:empty)')).toHaveCount(0);
  await expect(quiz.locator('input:checked')).toHaveCount(0);
  await expect(questionOf(quiz, short).getByRole('textbox')).toHaveValue('');
  await expect(quiz.locator('input:disabled')).toHaveCount(0);
  await expect(quiz.getByRole('button', { name: 'Try again' })).toBeHidden();
  await expect(quiz.locator('.quiz-fieldset input').first()).toBeFocused();
  expect(await page.evaluate(() => localStorage.getItem('docker-course:quiz:v1:why-copy'))).toBeNull();
  await page.reload();
  await expect(page.locator('docker-quiz[data-quiz-id="why-copy"] .quiz-score')).toHaveText(`Score: 0 of ${total} correct`);
});

test('answering with the keyboard alone', async ({ page }) => {
  const data = readQuiz(WHY_COPY.id);
  const quiz = await openQuiz(page, WHY_COPY.url, WHY_COPY.id);
  // Tab in from the end of the page before the quiz
  await quiz.evaluate((el) => {
    const before = document.createElement('button');
    before.textContent = 'start here';
    el.before(before);
    before.focus();
  });
  for (const [n, question] of data.questions.entries()) {
    const item = questionOf(quiz, question);
    await page.keyboard.press('Tab');
    if (question.type === 'short') {
      await expect(item.getByRole('textbox')).toBeFocused();
      await page.keyboard.type(question.answers[0]!);
      await page.keyboard.press('Enter');
    } else if (isMultiple(question)) {
      // Tab through the checkboxes, ticking the right ones with Space
      for (const choice of choicesOf(question)) {
        await expect(choiceInput(item, question, choice.text)).toBeFocused();
        if (choice.correct) await page.keyboard.press('Space');
        await page.keyboard.press('Tab');
      }
      await expect(item.getByRole('button', { name: 'Check' })).toBeFocused();
      await page.keyboard.press('Enter');
    } else {
      // a radio group is one Tab stop; arrow keys move and select
      const index = choicesOf(question).findIndex((choice) => choice.correct);
      await expect(item.getByRole('radio').first()).toBeFocused();
      if (index === 0) await page.keyboard.press('Space');
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await expect(item.getByRole('button', { name: 'Check' })).toBeFocused();
      await page.keyboard.press('Enter');
    }
    await expect(item.locator('.quiz-verdict')).toHaveText('Correct.');
    await expect(quiz.locator('.quiz-score')).toHaveText(`Score: ${n + 1} of ${data.questions.length} correct`);
    // focus stays where it was, not lost to the page
    expect(await item.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Tab');
  await expect(quiz.getByRole('button', { name: 'Try again' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(quiz.locator('.quiz-score')).toHaveText(`Score: 0 of ${data.questions.length} correct`);
  await expect(quiz.locator('.quiz-fieldset input').first()).toBeFocused();
});

test('a predict question tells the student to run the command, and can type it into the terminal', async ({ page }) => {
  const use = quizUses().find((u) => readQuiz(u.id).questions.some((q) => q.type === 'predict'));
  test.skip(!use, 'no page uses a quiz with a predict question yet');
  const data = readQuiz(use!.id);
  const question = find(data, (q) => q.type === 'predict');
  if (question.type !== 'predict') return;
  const quiz = await openQuiz(page, use!.url, use!.id);
  const item = questionOf(quiz, question);
  await expect(item.getByText('Predict the output')).toBeVisible();
  await expect(item.locator('.quiz-command')).toContainText(`$ ${question.command}`);
  const run = item.locator('.quiz-run');
  await expect(run).toBeHidden();
  if (question.choices) {
    await pick(item, question, [question.choices.find((choice) => !choice.correct)!.text]);
  } else {
    await item.getByRole('textbox', { name: 'Your prediction' }).fill('something else');
  }
  await item.getByRole('button', { name: 'Check' }).click();
  await expect(item.locator('.quiz-verdict')).toContainText('Not quite.');
  await expect(item.locator('.quiz-explanation')).toBeVisible();
  await expect(run).toBeVisible();
  await expect(run).toContainText(`run ${question.command} in the terminal`);
  const terminal = page.locator('docker-terminal');
  if ((await terminal.count()) === 0) {
    await expect(run.getByRole('button', { name: 'Run in terminal' })).toBeHidden();
    return;
  }
  await run.getByRole('button', { name: 'Run in terminal' }).click();
  const target = page.locator('docker-terminal[data-ready="true"]');
  await expect(target.locator('.xterm-rows').first()).toContainText(`$ ${question.command}`);
});

test('a quiz makes no network requests', async ({ page }) => {
  const data = readQuiz(WHY_COPY.id);
  const quiz = await openQuiz(page, WHY_COPY.url, WHY_COPY.id);
  // the page's own scripts (Starlight's search UI among them) finish loading first
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (request) => {
    if (['fetch', 'xhr', 'script'].includes(request.resourceType())) requests.push(request.url());
  });
  await page.context().setOffline(true);
  const question = find(data, (q) => q.type === 'choice');
  const item = questionOf(quiz, question);
  await pick(item, question, [choicesOf(question)[0]!.text]);
  await item.getByRole('button', { name: 'Check' }).click();
  await expect(item.locator('.quiz-verdict')).not.toBeEmpty();
  expect(requests).toEqual([]);
});
