/**
 * The verdict beside the form: what the answers so far mean (announced politely as it changes), how many
 * conditions stand where, each unmet condition with its gap and the article's words, and the facts that would
 * settle the rest, each a button that jumps to its field.
 */
import type { CriterionResult } from '../../rules/evaluate.js';
import type { Finding } from '../../rules/types.js';
import type { AssessResponse } from '../shared/types.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';

/** The fact whose answer an unmet condition turns on: that of its first finding, else its first non-structural fact. */
export function factToFix(c: Pick<CriterionResult, 'findings' | 'facts'>): string {
  const of = (f: Finding | undefined): string | undefined => {
    if (!f) return undefined;
    if (f.kind === 'share') return f.part;
    if (f.kind === 'alternatives') return of(f.options[0]?.[0]);
    return 'fact' in f ? f.fact : undefined;
  };
  for (const finding of c.findings) {
    const fact = of(finding);
    if (fact) return fact;
  }
  return c.facts.find((f) => f !== 'layout' && f !== 'parkType') ?? c.facts[0] ?? '';
}

export interface VerdictView {
  element: HTMLElement;
  update(response: AssessResponse): void;
  focus(): void;
}

/** Builds the panel; `focusFact` moves to a fact's field. */
export function renderVerdict(focusFact: (fact: string) => void): VerdictView {
  const title = h('h2', { id: 'verdict-title', tabindex: '-1' }, t('verdict.title'));
  const verdict = h('p', { id: 'verdict', class: 'verdict', role: 'status', dataset: { verdict: 'pending' } }, t('verdict.pending'));
  const counts = h('p', { class: 'counts' });
  const unmet = h('ul', { class: 'unmet-list' });
  const unmetSection = h('section', { class: 'unmet', 'aria-labelledby': 'unmet-title', hidden: true }, h('h3', { id: 'unmet-title' }, t('verdict.unmet')), unmet);
  const missing = h('ul', { class: 'missing-list' });
  const missingSection = h(
    'section',
    { class: 'missing', 'aria-labelledby': 'missing-title', hidden: true },
    h('h3', { id: 'missing-title' }, t('verdict.missing')),
    h('p', { class: 'hint' }, t('verdict.missingHint')),
    missing,
  );
  const notices = h('div', { class: 'notices' });
  const element = h('section', { class: 'verdict-panel', 'aria-labelledby': 'verdict-title' }, title, verdict, counts, unmetSection, missingSection, notices);

  return {
    element,
    focus: () => title.focus(),
    update(response) {
      const { result, gaps } = response;
      verdict.dataset.verdict = result.verdict;
      verdict.textContent = `${t(`rules.verdict.${result.verdict}`)}`;
      counts.textContent = t('verdict.counts', {
        met: result.counts.met,
        unmet: result.counts.unmet,
        unknown: result.counts.unknown,
        na: result.counts.not_applicable,
      });

      clear(unmet);
      const failing = result.criteria.filter((c) => c.status === 'unmet');
      unmetSection.hidden = failing.length === 0;
      for (const c of failing) {
        unmet.append(
          h(
            'li',
            { dataset: { criterion: c.id, severity: c.severity } },
            h('button', { type: 'button', class: 'link criterion-link', onclick: () => focusFact(factToFix(c)) }, c.title),
            ' ',
            h('span', { class: 'ref' }, c.refText),
            c.severity === 'advisory' ? h('span', { class: 'tag' }, t('rules.severity.advisory')) : null,
            h('span', { class: 'gap' }, gaps[c.id] ?? ''),
            h('details', {}, h('summary', {}, t('verdict.why')), h('p', {}, c.explanation), h('blockquote', { lang: 'zh-CN' }, c.quote)),
          ),
        );
      }

      clear(missing);
      missingSection.hidden = result.missingFacts.length === 0;
      for (const fact of result.missingFacts) {
        missing.append(h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => focusFact(fact) }, response.missing[fact] ?? fact)));
      }

      clear(notices);
      for (const notice of result.notices) notices.append(h('p', { class: 'notice' }, notice));
    },
  };
}
