/**
 * "My answers": the answers so far (question and answer, 不清楚 for the skipped ones), each with a Change button,
 * and the prompt that asks one of them again. An earlier question's kind, help, unit and options come from the
 * catalog of `GET /api/jurisdictions` (a branch figure `branches.<i>.<field>` reuses the entry of branch 0); its
 * text comes from the answer itself. Without the catalog the question is asked with the text box, which the
 * server reads as well.
 */
import type { Catalog } from './api.js';
import { h } from './dom.js';
import type { T } from './i18n.js';
import type { Prompt, WireView } from './types.js';

/** One earlier answer as the view summarizes it. */
export type Answer = WireView['answers'][number];

/** Builds the list; `change` is called with the answer whose Change button was pressed. */
export function renderAnswers(answers: Answer[], t: T, change: (answer: Answer) => void): { section: HTMLElement; heading: HTMLElement } {
  const heading = h('h3', { tabindex: '-1', id: 'pa-review-heading' }, t('review.heading'));
  const list = h('ol', { class: 'answers' });
  for (const answer of answers) {
    const button = h(
      'button',
      { type: 'button', class: 'tool', 'data-change': answer.questionId, 'aria-label': t('review.changeLabel', { question: answer.question }) },
      t('review.change'),
    );
    button.addEventListener('click', () => change(answer));
    list.appendChild(h('li', {}, h('p', {}, answer.question), h('p', { class: 'a' }, answer.skipped ? t('commands.skip') : answer.answer), button));
  }
  return { section: h('section', { class: 'review', 'aria-labelledby': 'pa-review-heading' }, heading, list), heading };
}

/** The prompt that asks `answer`'s question again (the view's own prompt when it is that question). */
export function reaskPrompt(answer: Answer, view: WireView, catalog: Catalog | undefined): Prompt {
  const id = answer.questionId;
  const shared = id.replace(/^branches\.\d+\./, 'branches.0.');
  const lists = catalog ? [...catalog.jurisdictions.filter((j) => j.id === view.jurisdiction), ...catalog.jurisdictions] : [];
  let found: Prompt | undefined = view.prompt?.questionId === id ? view.prompt : undefined;
  for (const list of lists) found ??= (list.questions ?? []).find((q) => q.questionId === id) ?? (list.questions ?? []).find((q) => q.questionId === shared);
  return {
    questionId: id,
    kind: found?.kind ?? 'choice',
    text: answer.question,
    help: found?.help ?? '',
    ...(found?.options ? { options: found.options } : {}),
    ...(found?.unit ? { unit: found.unit } : {}),
  };
}
