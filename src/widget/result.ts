/**
 * The result view: the verdict, the required conditions counted, the conditions not yet met (each with its
 * explanation and the article's original wording in an expandable `<details>`), those still to be confirmed,
 * those met (collapsed), notes, the checklist of materials as tick boxes (a to-do list), the procedure, and the
 * actions: print, download the checklist as Markdown or HTML.
 */
import { countVars, criteriaByStatus } from '../report/counts.js';
import { h } from './dom.js';
import type { T } from './i18n.js';
import type { AssessmentResult, ChecklistItem, CriterionResult } from './types.js';

/** What the result's buttons do. */
export interface ResultActions {
  print(): void;
  markdown(): void;
  html(): void;
  /** The absolute URL of a document's path on the API origin. */
  resolve(path: string): string;
}

/** A Word document the result lists (`result.documents` of the sessions API). */
export interface ResultDocument {
  name: string;
  title: string;
  url: string;
}

/** Only our own document paths become links (never a scheme or another host the response might carry). */
const DOCUMENT_PATH = /^\/api\/sessions\/[A-Za-z0-9_-]+\/documents\/[a-z-]+\.docx(\?lang=(zh-CN|en))?$/;

/** The result's Word documents, when the server listed them. */
export function resultDocuments(result: AssessmentResult): ResultDocument[] {
  const list = (result as AssessmentResult & { documents?: unknown }).documents;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (d): d is ResultDocument => !!d && typeof d.name === 'string' && typeof d.title === 'string' && typeof d.url === 'string' && DOCUMENT_PATH.test(d.url),
  );
}


/** Builds the result section; `ticks` holds the ids of checklist items ticked (kept across re-renders). */
export function renderResult(result: AssessmentResult, pending: number, t: T, ticks: Set<string>, actions: ResultActions): { section: HTMLElement; heading: HTMLElement } {
  const heading = h('h3', { tabindex: '-1', id: 'pa-result-heading' }, `${t('result.heading')} · ${result.jurisdictionName}`);
  const section = h(
    'section',
    { class: 'result', 'aria-labelledby': 'pa-result-heading', 'data-verdict': result.verdict },
    heading,
    h('p', { class: `verdict ${result.verdict}` }, t(`result.verdict.${result.verdict}`)),
    h('p', { class: 'counts' }, t('result.summary', countVars(result))),
    h('p', { class: 'meta' }, t('result.date', { date: result.date })),
    pending > 0 ? h('p', { class: 'meta' }, t('result.pending', { count: pending })) : null,
  );

  // The lists are exactly what `counts` counts (the summary above), advisory conditions tagged.
  const { unmet, unknown, met } = criteriaByStatus(result);
  if (unmet.length) section.append(h('h4', {}, t('result.unmet', { count: unmet.length })), ...unmet.map((c) => criterion(c, t)));
  if (unknown.length) section.append(h('h4', {}, t('result.unknown', { count: unknown.length })), ...unknown.map((c) => criterion(c, t)));
  if (met.length) {
    section.append(
      h('details', { class: 'met' }, h('summary', {}, t('result.met', { count: met.length })), h('ul', {}, ...met.map((c) => h('li', {}, t('withRef', { title: c.title, ref: c.refText }), c.severity === 'advisory' ? h('span', { class: 'tag' }, t('result.advisory')) : null)))),
    );
  }
  if (result.notices.length) section.append(h('h4', {}, t('result.notices')), h('ul', {}, ...result.notices.map((n) => h('li', {}, n))));

  section.append(h('h4', { id: 'pa-checklist' }, t('result.checklist')), h('p', { class: 'meta' }, t('result.checklistHint')));
  for (const kind of ['material', 'evidence'] as const) {
    const items = result.checklist.filter((i) => i.kind === kind);
    if (items.length) section.append(h('p', { class: 'title' }, h('strong', {}, t(`result.${kind}`))), checklist(items, ticks));
  }
  if (result.procedure.length) {
    section.append(
      h('h4', {}, t('result.procedure')),
      h('ol', { class: 'steps' }, ...result.procedure.map((s) => h('li', {}, t('withRef', { title: s.title, ref: s.refText })))),
    );
  }

  const button = (label: string, name: string, action: () => void) => {
    const b = h('button', { type: 'button', class: 'tool', 'data-action': name }, label);
    b.addEventListener('click', action);
    return b;
  };
  section.append(
    h(
      'div',
      { class: 'actions' },
      button(t('result.print'), 'print', actions.print),
      button(t('result.downloadMarkdown'), 'markdown', actions.markdown),
      button(t('result.downloadHtml'), 'html', actions.html),
    ),
  );
  const documents = resultDocuments(result);
  if (documents.length) {
    // Plain links to the API origin: the server answers with an attachment, so the page stays where it is.
    section.append(
      h('h4', { id: 'pa-documents' }, t('result.documents')),
      h('p', { class: 'meta' }, t('result.documentsHint')),
      h(
        'ul',
        { class: 'documents', 'aria-labelledby': 'pa-documents' },
        ...documents.map((d) =>
          h('li', {}, h('a', { class: 'tool', href: actions.resolve(d.url), download: '', 'data-document': d.name, rel: 'noopener' }, t('result.downloadWord', { title: d.title }))),
        ),
      ),
    );
  }
  return { section, heading };
}

/** One condition: title, tags, explanation and the original wording. */
function criterion(c: CriterionResult, t: T): HTMLElement {
  return h(
    'div',
    { class: 'crit', 'data-criterion': c.id },
    h(
      'p',
      { class: 'title' },
      c.title,
      c.severity === 'advisory' ? h('span', { class: 'tag' }, t('result.advisory')) : null,
      c.inPrinciple ? h('span', { class: 'tag' }, t('result.inPrinciple')) : null,
    ),
    h('p', {}, c.explanation),
    h('details', {}, h('summary', {}, t('result.quote', { ref: c.refText })), h('blockquote', { lang: 'zh-CN' }, c.quote)),
  );
}

/** The checklist as tick boxes; ticking updates `ticks`. */
function checklist(items: ChecklistItem[], ticks: Set<string>): HTMLElement {
  return h(
    'ul',
    { class: 'checklist' },
    ...items.map((item) => {
      const box = h('input', { type: 'checkbox', 'data-item': item.id });
      box.checked = ticks.has(item.id);
      box.addEventListener('change', () => (box.checked ? ticks.add(item.id) : ticks.delete(item.id)));
      return h('li', {}, h('label', { class: 'check' }, box, h('span', {}, item.title, h('span', { class: 'ref' }, item.refText))));
    }),
  );
}
