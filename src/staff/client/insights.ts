/**
 * The insights view (Alt+I, 统计): anonymous figures of the enquiries for a period — a funnel from started to
 * result to eligible, the conditions most often unmet (bar chart with their article), the facts people answer
 * 不清楚, and the questions at which they stop. Every chart has a table with the same figures and every table a
 * CSV export. Counts below 5 arrive from the server as "<5" and are shown so.
 */
import type { Catalog, CatalogJurisdiction } from '../shared/types.js';
import { api, CallError, type InsightsFigures, type InsightsReport } from './api.js';
import { type Bar, barChart } from './charts.js';
import { toCsv } from './csv.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';
import { download } from './share.js';

type Cell = number | '<5';

/** Today in China, where the counters' days are kept. */
function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function minusDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** The view, drawn once and kept (its pickers keep their values between visits). */
export interface InsightsView {
  focusTitle(): void;
}

/**
 * The criteria's articles from the catalog. Facts and questions are labelled by the report itself, in the words
 * of each jurisdiction's own text (one label per fact across texts would carry 上一年度 into 山东).
 */
function labelsOf(catalog: Catalog) {
  const refs = new Map<string, string>();
  for (const j of catalog.jurisdictions) for (const c of j.criteria) refs.set(c.id, c.refText);
  return { refs };
}

/** Draws the view into `host`; `current` is the console's jurisdiction, preselected. */
export function renderInsights(host: HTMLElement, catalog: Catalog, current: CatalogJurisdiction): InsightsView {
  const labels = labelsOf(catalog);
  const names = new Map(catalog.jurisdictions.map((j) => [j.id, j.name]));
  const today = chinaToday();
  const from = h('input', { id: 'insights-from', type: 'date', name: 'from', value: minusDays(today, 29), max: today, required: true });
  const to = h('input', { id: 'insights-to', type: 'date', name: 'to', value: today, max: today, required: true });
  const jurisdiction = h(
    'select',
    { id: 'insights-jurisdiction', name: 'jurisdiction' },
    h('option', { value: '' }, t('insights.allJurisdictions')),
    ...catalog.jurisdictions.map((j) => h('option', { value: j.id, selected: j.id === current.id }, j.name)),
  );
  const staff = h('input', { id: 'insights-staff', type: 'checkbox', name: 'includeStaff' });
  const status = h('p', { id: 'insights-status', class: 'hint', role: 'status' });
  const results = h('div', { id: 'insights-results', class: 'insights-results' });
  const title = h('h2', { id: 'insights-title', tabindex: '-1' }, t('insights.title'));

  const load = async () => {
    clear(results);
    status.className = 'hint';
    status.textContent = t('insights.loading');
    try {
      const report = await api.insights({ from: from.value, to: to.value, jurisdiction: jurisdiction.value, includeStaff: staff.checked, lang: catalog.lang });
      status.textContent = t('insights.summary', { from: report.from, to: report.to });
      drawReport(results, report, { ...labels, names });
    } catch (error) {
      if (error instanceof CallError && error.status === 401) return;
      status.className = 'error';
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  };

  const form = h(
    'form',
    { class: 'insights-form', onsubmit: (e: Event) => (e.preventDefault(), void load()) },
    h('label', { for: 'insights-from' }, t('insights.from')),
    from,
    h('label', { for: 'insights-to' }, t('insights.to')),
    to,
    h('label', { for: 'insights-jurisdiction' }, t('insights.jurisdiction')),
    jurisdiction,
    h('span', { class: 'check' }, staff, h('label', { for: 'insights-staff' }, t('insights.includeStaff'))),
    h('button', { type: 'submit' }, t('insights.show')),
  );
  clear(host);
  host.append(title, h('p', { class: 'hint' }, t('insights.intro')), form, status, results);
  void load();
  return { focusTitle: () => title.focus() };
}

interface Labels {
  refs: Map<string, string>;
  names: Map<string, string>;
}

/** Whether a report holds anything at all. */
function isEmpty(f: InsightsFigures): boolean {
  return f.started === 0 && f.completed === 0 && f.unknownFacts.length === 0 && f.abandonedAt.length === 0;
}

function drawReport(host: HTMLElement, report: InsightsReport, labels: Labels): void {
  for (const [id, figures] of Object.entries(report.jurisdictions)) {
    const name = labels.names.get(id) ?? id;
    const section = h('section', { class: 'insights-jurisdiction', dataset: { jurisdiction: id }, 'aria-labelledby': `ins-${id}` }, h('h3', { id: `ins-${id}` }, name));
    host.append(section);
    if (isEmpty(figures)) {
      section.append(h('p', { class: 'hint' }, t('insights.empty')));
      continue;
    }
    const file = (what: string) => `insights-${id}-${what}-${report.from}-${report.to}.csv`;

    // The funnel, then the verdicts and close-to-eligible in its table.
    const funnel: Bar[] = [
      { label: t('insights.started'), value: figures.started },
      { label: t('insights.completed'), value: figures.completed },
      { label: t('insights.eligible'), value: figures.verdicts.eligible },
    ];
    const funnelRows: [string, Cell][] = [
      ...funnel.map((b) => [b.label, b.value] as [string, Cell]),
      [t('insights.ineligible'), figures.verdicts.ineligible],
      [t('insights.incomplete'), figures.verdicts.incomplete],
      [t('insights.closeToEligible'), figures.closeToEligible],
    ];
    section.append(
      block(
        `${id}-funnel`,
        t('insights.funnel'),
        barChart(`chart-${id}-funnel`, `${name} · ${t('insights.funnel')}`, t('insights.funnelDesc', { jurisdiction: name, started: figures.started, completed: figures.completed, eligible: figures.verdicts.eligible }), funnel),
        [t('insights.stage'), t('insights.count')],
        funnelRows,
        file('funnel'),
      ),
    );

    // Conditions most often unmet: the chart shows those unmet at least once; the table lists every condition.
    const unmet = figures.criteria.filter((c) => c.unmet !== 0).slice(0, 12);
    const ref = (cid: string) => labels.refs.get(cid) ?? '';
    section.append(
      block(
        `${id}-unmet`,
        t('insights.unmetTitle'),
        unmet.length ? barChart(`chart-${id}-unmet`, `${name} · ${t('insights.unmetTitle')}`, t('insights.unmetDesc', { jurisdiction: name }), unmet.map((c) => ({ label: `${ref(c.id)} ${c.title}`, value: c.unmet }))) : undefined,
        [t('insights.criterion'), t('insights.ref'), t('insights.unmet'), t('insights.met'), t('insights.unknown')],
        figures.criteria.map((c) => [c.title, ref(c.id), c.unmet, c.met, c.unknown]),
        file('criteria'),
      ),
    );

    const unknown = figures.unknownFacts.map((f) => ({ label: f.label, value: f.count }));
    section.append(
      block(
        `${id}-unknown`,
        t('insights.unknownTitle'),
        unknown.length ? barChart(`chart-${id}-unknown`, `${name} · ${t('insights.unknownTitle')}`, t('insights.unknownDesc'), unknown) : undefined,
        [t('insights.fact'), t('insights.count')],
        unknown.map((b) => [b.label, b.value]),
        file('unknown-facts'),
      ),
    );

    const stops = figures.abandonedAt.map((a) => ({ label: a.label, value: a.count }));
    section.append(
      block(
        `${id}-abandoned`,
        t('insights.abandonTitle'),
        stops.length ? barChart(`chart-${id}-abandoned`, `${name} · ${t('insights.abandonTitle')}`, t('insights.abandonDesc'), stops) : undefined,
        [t('insights.question'), t('insights.count')],
        stops.map((b) => [b.label, b.value]),
        file('abandoned'),
      ),
    );
  }
}

/** A heading, an optional chart, its table and the CSV button. */
function block(id: string, heading: string, chart: SVGSVGElement | undefined, header: string[], rows: (string | Cell)[][], filename: string): HTMLElement {
  const body = rows.length
    ? h(
        'div',
        { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': `cap-${id}` },
        h(
          'table',
          { class: 'figures', id: `table-${id}` },
          h('caption', { id: `cap-${id}` }, heading),
          h('thead', {}, h('tr', {}, ...header.map((x) => h('th', { scope: 'col' }, x)))),
          h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, String(cell)) : h('td', { class: /^(\d+|<5)$/.test(String(cell)) ? 'num' : undefined }, String(cell))))))),
        ),
      )
    : h('p', { class: 'hint' }, t('insights.none'));
  const csv = h('button', { type: 'button', class: 'secondary', dataset: { csv: id }, onclick: () => download(filename, toCsv(header, rows), 'text/csv;charset=utf-8') }, t('insights.csv'), h('span', { class: 'visually-hidden' }, ` · ${heading}`));
  return h('div', { class: 'insights-block', dataset: { block: id } }, h('h4', {}, heading), chart ? h('div', { class: 'chart-wrap' }, chart) : null, body, rows.length ? csv : null);
}
