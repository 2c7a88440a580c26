/**
 * Quick answers: where and to whom to submit, what, how long the public notice and the evaluation take, what
 * follows a refusal, grants, the evaluation cycle and grades, revocation — each from the text's procedure or
 * materials, with its article. The search box matches Chinese or English keywords ("公示多久", "public notice").
 */
import type { Catalog, CatalogJurisdiction, QuickAnswer } from '../shared/types.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';

export interface QuickView {
  focusSearch(): void;
}

/** How well `answer` matches `query`: 0 for not at all. Keywords found in the query weigh by their length. */
export function score(answer: QuickAnswer, query: string): number {
  const q = query.trim().toLowerCase();
  if (q === '') return 1;
  const haystack = [answer.title, answer.summary, ...answer.figures, ...answer.keywords, ...answer.items.flatMap((i) => [i.title, i.quote])]
    .join(' ')
    .toLowerCase();
  let total = 0;
  for (const keyword of answer.keywords) if (keyword.length > 1 && q.includes(keyword.toLowerCase())) total += keyword.length;
  for (const token of q.split(/[\s,，。？?、]+/).filter((w) => w.length > 1)) if (haystack.includes(token)) total += 1;
  return total;
}

function answerEl(answer: QuickAnswer, j: CatalogJurisdiction, showName: boolean): HTMLElement {
  return h(
    'article',
    { class: 'quick', dataset: { topic: answer.topic, jurisdiction: j.id } },
    h('h3', {}, answer.title, showName ? h('span', { class: 'jur' }, j.shortName) : null),
    h('p', { class: 'summary' }, answer.summary),
    answer.items.length
      ? h(
          'ul',
          {},
          ...answer.items.map((item) =>
            h('li', {}, item.title, ' ', h('span', { class: 'ref' }, item.refText), h('blockquote', { lang: 'zh-CN' }, item.quote)),
          ),
        )
      : null,
  );
}

/** Draws the quick answers of `current` (or of all five) into `host`. */
export function renderQuick(host: HTMLElement, catalog: Catalog, current: CatalogJurisdiction): QuickView {
  clear(host);
  const search = h('input', { id: 'quick-search', type: 'search', autocomplete: 'off', placeholder: t('quick.placeholder'), 'aria-describedby': 'quick-hint' });
  const all = h('input', { id: 'quick-all', type: 'checkbox' });
  const results = h('div', { id: 'quick-results', class: 'quick-results' });
  const count = h('p', { class: 'hint', role: 'status' });
  const draw = () => {
    clear(results);
    const jurisdictions = all.checked ? catalog.jurisdictions : [current];
    const found = jurisdictions
      .flatMap((j) => j.quick.map((answer) => ({ j, answer, score: score(answer, search.value) })))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score);
    // Keep the text's order (by topic, then jurisdiction) among equally good matches.
    for (const r of found) results.append(answerEl(r.answer, r.j, all.checked));
    count.textContent = found.length ? t('quick.count', { count: found.length, n: found.length }) : t('quick.noMatch');
  };
  search.addEventListener('input', draw);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && search.value) {
      search.value = '';
      draw();
    }
  });
  all.addEventListener('change', draw);
  host.append(
    h('h2', { id: 'quick-title' }, t('quick.title', { name: current.name })),
    h(
      'div',
      { class: 'quick-search' },
      h('label', { for: 'quick-search' }, t('quick.search')),
      search,
      h('label', { class: 'inline' }, all, ' ', t('quick.all')),
    ),
    h('p', { id: 'quick-hint', class: 'hint' }, t('quick.hint')),
    count,
    results,
  );
  draw();
  return { focusSearch: () => search.focus() };
}
