/**
 * <docker-quiz>: grades the server-rendered quiz (Quiz.astro), reveals its feedback and keeps the
 * answers in localStorage (storage.ts). It only sets text, attributes and `hidden`: what the student
 * types is read with `.value` and never written into the page as HTML.
 */
import { grade, isAnswered, scoreText, type AnswerKey, type ChoiceMark, type Grade, type Response, type Score } from './grade';
import { loadAnswers, saveAnswers, scoreOfAnswers, type Answers } from './storage';

const MARKS: Record<ChoiceMark, string> = {
  right: 'Your answer: right.',
  wrong: 'Your answer: not right.',
  missed: 'A right answer you did not pick.',
  none: '',
};

/** The part of <docker-terminal> (terminal/element.ts) that a quiz uses: type a command into it. */
type TerminalElement = HTMLElement & { start?: () => Promise<{ run(command: string): void }> };

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The terminal a quiz's command goes to: the next one after the quiz on the page, else the last before it. */
function terminalFor(from: Element): TerminalElement | null {
  const terminals = [...document.querySelectorAll<TerminalElement>('docker-terminal')];
  const after = terminals.find((t) => from.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
  return after ?? terminals.at(-1) ?? null;
}

class DockerQuiz extends HTMLElement {
  private quizId = '';
  private keys: AnswerKey[] = [];
  private answers: Answers = new Map();
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    this.quizId = this.dataset['quizId'] ?? '';
    try {
      this.keys = JSON.parse(this.dataset['keys'] ?? '[]') as AnswerKey[];
    } catch {
      return;
    }
    this.answers = loadAnswers(localStore(), this.quizId, this.keys);
    for (const key of this.keys) {
      const item = this.item(key);
      if (!item) continue;
      const form = item.querySelector('form')!;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.check(key);
      });
      const draft = () => this.saveDraft(key);
      form.addEventListener('change', draft);
      form.addEventListener('input', draft);
      const run = item.querySelector<HTMLButtonElement>('.quiz-run-button');
      run?.addEventListener('click', () => this.runInTerminal(run));
      this.restore(key);
    }
    this.querySelector<HTMLButtonElement>('.quiz-reset')?.addEventListener('click', () => this.reset());
    this.update();
    this.dataset['ready'] = 'true';
  }

  private item(key: AnswerKey): HTMLElement | null {
    return this.querySelector<HTMLElement>(`.quiz-question[data-question-id="${CSS.escape(key.id)}"]`);
  }

  private inputs(item: HTMLElement): HTMLInputElement[] {
    return [...item.querySelectorAll<HTMLInputElement>('.quiz-fieldset input')];
  }

  private read(key: AnswerKey, item: HTMLElement): Response {
    const inputs = this.inputs(item);
    if (key.kind === 'text') return inputs[0]?.value ?? '';
    return inputs.filter((input) => input.checked).map((input) => Number(input.value));
  }

  private write(key: AnswerKey, item: HTMLElement, response: Response): void {
    const inputs = this.inputs(item);
    if (typeof response === 'string') {
      if (key.kind === 'text' && inputs[0]) inputs[0].value = response;
      return;
    }
    const picked = new Set(response);
    for (const input of inputs) input.checked = picked.has(Number(input.value));
  }

  private restore(key: AnswerKey): void {
    const saved = this.answers.get(key.id);
    const item = this.item(key);
    if (!saved || !item) return;
    this.write(key, item, saved.response);
    if (!saved.checked) return;
    const result = grade(key, saved.response);
    if (result) this.show(key, item, result);
    else this.answers.delete(key.id);
  }

  private saveDraft(key: AnswerKey): void {
    const item = this.item(key);
    if (!item || this.answers.get(key.id)?.checked) return;
    const response = this.read(key, item);
    const verdict = item.querySelector<HTMLElement>('.quiz-verdict');
    if (verdict && item.dataset['result'] === undefined) verdict.textContent = '';
    if (isAnswered(key, response)) this.answers.set(key.id, { fingerprint: key.fingerprint, response, checked: false });
    else this.answers.delete(key.id);
    this.save();
  }

  private check(key: AnswerKey): void {
    const item = this.item(key);
    if (!item || this.answers.get(key.id)?.checked) return;
    const response = this.read(key, item);
    const result = grade(key, response);
    if (!result) {
      const verdict = item.querySelector<HTMLElement>('.quiz-verdict');
      if (verdict) {
        verdict.textContent =
          key.kind === 'text' ? 'Type an answer first.' : key.multiple ? 'Pick at least one answer first.' : 'Pick an answer first.';
      }
      return;
    }
    this.answers.set(key.id, { fingerprint: key.fingerprint, response, checked: true });
    this.save();
    this.show(key, item, result);
    const score = this.update();
    // read out after the verdict, in the same live region (not announced when answers are restored)
    const spoken = item.querySelector<HTMLElement>('.quiz-sr-score');
    if (spoken) spoken.textContent = `Score: ${scoreText(score)}.`;
  }

  /** Shows a checked question's result: the verdict, the marks and feedback of each choice, the explanation. */
  private show(key: AnswerKey, item: HTMLElement, result: Grade): void {
    item.dataset['result'] = result.correct ? 'correct' : 'incorrect';
    const fieldset = item.querySelector<HTMLFieldSetElement>('.quiz-fieldset')!;
    const checkButton = item.querySelector<HTMLButtonElement>('.quiz-check');
    // Enter in the text box checks the answer: keep the focus in the question when the box is locked
    if (fieldset.contains(document.activeElement)) checkButton?.focus();
    fieldset.disabled = true;
    checkButton?.setAttribute('aria-disabled', 'true');
    let verdict = result.correct ? 'Correct.' : 'Not quite.';
    if (result.kind === 'choice') {
      const choices = [...item.querySelectorAll<HTMLElement>('.quiz-choice')];
      choices.forEach((choice, index) => {
        const mark = result.marks[index] ?? 'none';
        choice.dataset['mark'] = mark;
        const text = choice.querySelector<HTMLElement>('.quiz-mark');
        if (text) text.textContent = MARKS[mark];
        const feedback = choice.querySelector<HTMLElement>('.quiz-choice-result');
        if (feedback) {
          feedback.hidden = false;
          choice.querySelector('input')?.setAttribute('aria-describedby', feedback.id);
        }
      });
      if (!result.correct && key.kind === 'choice' && key.multiple) verdict += ' The right answers are marked below.';
      else if (!result.correct) verdict += ' The right answer is marked below.';
    } else {
      const accepted = item.querySelector<HTMLElement>('.quiz-accepted');
      if (accepted) accepted.hidden = result.correct;
    }
    item.querySelector<HTMLElement>('.quiz-verdict')!.textContent = verdict;
    const explanation = item.querySelector<HTMLElement>('.quiz-explanation');
    if (explanation) explanation.hidden = false;
    const run = item.querySelector<HTMLElement>('.quiz-run');
    if (run) {
      run.hidden = false;
      const button = run.querySelector<HTMLButtonElement>('.quiz-run-button');
      if (button) button.hidden = terminalFor(this) === null;
    }
  }

  private runInTerminal(button: HTMLButtonElement): void {
    const command = button.dataset['command'];
    const terminal = terminalFor(this);
    if (!command || !terminal || typeof terminal.start !== 'function') return;
    terminal.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    void terminal.start().then((controller) => controller.run(command));
  }

  private reset(): void {
    this.answers.clear();
    this.save();
    for (const key of this.keys) {
      const item = this.item(key);
      if (!item) continue;
      item.querySelector('form')?.reset();
      delete item.dataset['result'];
      item.querySelector<HTMLFieldSetElement>('.quiz-fieldset')!.disabled = false;
      item.querySelector('.quiz-check')?.removeAttribute('aria-disabled');
      for (const choice of item.querySelectorAll<HTMLElement>('.quiz-choice')) {
        choice.dataset['mark'] = 'none';
        choice.querySelector('input')?.removeAttribute('aria-describedby');
        const text = choice.querySelector<HTMLElement>('.quiz-mark');
        if (text) text.textContent = '';
      }
      for (const hide of item.querySelectorAll<HTMLElement>(
        '.quiz-choice-result, .quiz-accepted, .quiz-explanation, .quiz-run, .quiz-run-button',
      )) {
        hide.hidden = true;
      }
      for (const text of item.querySelectorAll<HTMLElement>('.quiz-verdict, .quiz-sr-score')) text.textContent = '';
    }
    // focus moves to the first question before the button that had it is hidden
    this.querySelector<HTMLInputElement>('.quiz-fieldset input')?.focus();
    this.update();
  }

  private save(): void {
    saveAnswers(localStore(), this.quizId, this.keys, this.answers);
  }

  /** The score in the header, and whether "Try again" is offered. */
  private update(): Score {
    const score = scoreOfAnswers(this.keys, this.answers);
    const value = this.querySelector<HTMLElement>('.quiz-score-value');
    if (value) value.textContent = scoreText(score);
    const reset = this.querySelector<HTMLButtonElement>('.quiz-reset');
    if (reset) reset.hidden = score.answered === 0;
    return score;
  }
}

if (!customElements.get('docker-quiz')) customElements.define('docker-quiz', DockerQuiz);
