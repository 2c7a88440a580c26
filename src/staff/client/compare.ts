/**
 * The comparison: the same profile under all five texts, one column each, one row per topic (area,
 * institutions, revenue, operator, services, policies, other); each cell says met / not met / to be confirmed /
 * not applicable in words and lists its conditions, with the gap of each unmet one.
 */
import type { CompareResponse } from '../shared/types.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';

/** Draws the comparison into `host`; `current` is the jurisdiction on screen (its column is marked). */
export function renderCompare(host: HTMLElement, response: CompareResponse | undefined, current: string): void {
  clear(host);
  host.append(h('h2', { id: 'compare-title', tabindex: '-1' }, t('compare.title')), h('p', { class: 'hint' }, t('compare.intro')));
  if (!response) {
    host.append(h('p', { class: 'loading' }, t('page.loading')));
    return;
  }
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, t('compare.topic')),
    ...response.jurisdictions.map((j) =>
      h(
        'th',
        { scope: 'col', dataset: { jurisdiction: j.id, current: String(j.id === current) } },
        h('span', { class: 'name' }, j.name),
        h('span', { class: 'verdict-chip', dataset: { verdict: j.verdict } }, j.verdictText),
        h('span', { class: 'counts' }, t('compare.counts', { met: j.counts.met, unmet: j.counts.unmet, unknown: j.counts.unknown })),
      ),
    ),
  );
  const rows = response.rows.map((row) =>
    h(
      'tr',
      { dataset: { topic: row.topic } },
      h('th', { scope: 'row' }, row.label),
      ...row.cells.map((cell) =>
        h(
          'td',
          { dataset: { jurisdiction: cell.jurisdiction, status: cell.status, current: String(cell.jurisdiction === current) } },
          h('span', { class: 'badge' }, cell.status === 'none' ? t('compare.none') : t(`rules.status.${cell.status}`)),
          cell.criteria.length
            ? h(
                'ul',
                {},
                ...cell.criteria.map((c) =>
                  h(
                    'li',
                    { dataset: { criterion: c.id, status: c.status, severity: c.severity } },
                    h('span', { class: 'mark' }, t(`compare.mark.${c.status}`)),
                    ' ',
                    c.title,
                    ' ',
                    h('span', { class: 'ref' }, c.refText),
                    c.severity === 'advisory' ? h('span', { class: 'tag' }, t('rules.severity.advisory')) : null,
                    c.gap ? h('span', { class: 'gap' }, c.gap) : null,
                  ),
                ),
              )
            : null,
        ),
      ),
    ),
  );
  host.append(
    h(
      'div',
      { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'compare-caption' },
      h('table', { class: 'compare' }, h('caption', { id: 'compare-caption' }, t('compare.caption')), h('thead', {}, head), h('tbody', {}, ...rows)),
    ),
  );
}
