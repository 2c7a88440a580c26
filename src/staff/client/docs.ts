/**
 * Documents: the details the forms need beyond the facts (the park's name, address, contact, the Mudanjiang
 * form's ticks), then, for the jurisdiction on screen, the checklist and the forms its text defines — previewed
 * on this page (a same-origin frame showing exactly the page that prints), printed from the preview, opened in a
 * new tab to print (A4), or downloaded as one HTML file. The case goes to the server in a POST body, never in
 * a URL.
 */
import type { Catalog, CatalogJurisdiction, DocKind } from '../shared/types.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';

export interface DocsState {
  details: Record<string, string | string[]>;
  docLang: 'zh-CN' | 'en';
}

/** Draws the documents view; `facts()` is the current profile, `uiLang` the console's language. */
export function renderDocs(host: HTMLElement, catalog: Catalog, j: CatalogJurisdiction, state: DocsState, facts: () => Record<string, unknown>): void {
  clear(host);
  const post = h('form', { method: 'post', target: '_blank', hidden: true, class: 'doc-post' }, h('input', { type: 'hidden', name: 'payload' }));
  const frame = h('iframe', { name: 'doc-preview', id: 'doc-preview', class: 'doc-preview', src: 'about:blank' });
  const printPreview = h('button', { type: 'button', id: 'print-preview', onclick: () => frame.contentWindow?.print() }, t('docs.printPreview'));
  const previewTitle = h('h3', { id: 'preview-title', tabindex: '-1' });
  const preview = h(
    'section',
    { class: 'preview', 'aria-labelledby': 'preview-title', hidden: true },
    previewTitle,
    h('p', { class: 'hint' }, t('docs.previewHint')),
    printPreview,
    frame,
  );
  const send = (action: string, target: string) => {
    const payload = post.querySelector('input') as HTMLInputElement;
    payload.value = JSON.stringify({ jurisdiction: j.id, facts: facts(), details: state.details, lang: state.docLang });
    post.action = action;
    post.target = target;
    post.submit();
  };
  const submit = (kind: DocKind, mode: 'open' | 'download' | 'preview') => {
    if (mode === 'preview') {
      const name = t(`docs.kind.${kind}`);
      previewTitle.textContent = t('docs.previewTitle', { name });
      frame.title = t('docs.previewTitle', { name });
      frame.dataset.doc = kind;
      preview.hidden = false;
      frame.addEventListener('load', () => previewTitle.focus(), { once: true });
    }
    const flag = mode === 'download' ? '&download=1' : mode === 'preview' ? '&preview=1' : '';
    send(`/staff/doc/${kind}?lang=${encodeURIComponent(catalog.lang)}${flag}`, mode === 'download' ? '_self' : mode === 'preview' ? 'doc-preview' : '_blank');
  };
  // A .docx is an attachment: the console stays where it is.
  const word = (name: string) => send(`/staff/docx/${encodeURIComponent(name)}?lang=${encodeURIComponent(catalog.lang)}`, '_self');


  const wanted = new Set(j.documents);
  const fields = catalog.details
    .filter((d) => d.docs.some((doc) => wanted.has(doc)))
    .map((d) => {
      const id = `detail-${d.id}`;
      if (d.kind === 'multi') {
        const chosen = new Set(Array.isArray(state.details[d.id]) ? (state.details[d.id] as string[]) : []);
        return h(
          'fieldset',
          { class: 'detail-field detail-multi' },
          h('legend', {}, d.label),
          ...(d.options ?? []).map((o) => {
            const box = h('input', { type: 'checkbox', id: `${id}-${o.value}`, value: o.value, checked: chosen.has(o.value) });
            box.addEventListener('change', () => {
              const set = new Set(Array.isArray(state.details[d.id]) ? (state.details[d.id] as string[]) : []);
              if (box.checked) set.add(o.value);
              else set.delete(o.value);
              state.details[d.id] = [...set];
            });
            return h('label', { class: 'inline', for: `${id}-${o.value}` }, box, ' ', o.label);
          }),
        );
      }
      if (d.kind === 'choice') {
        const select = h(
          'select',
          { id },
          h('option', { value: '' }, t('docs.notChosen')),
          ...(d.options ?? []).map((o) => h('option', { value: o.value, selected: state.details[d.id] === o.value }, o.label)),
        );
        select.addEventListener('change', () => (state.details[d.id] = select.value));
        return h('div', { class: 'detail-field' }, h('label', { for: id }, d.label), select);
      }
      const input = h('input', { id, type: 'text', autocomplete: 'off' });
      input.value = typeof state.details[d.id] === 'string' ? (state.details[d.id] as string) : '';
      input.addEventListener('input', () => (state.details[d.id] = input.value));
      return h('div', { class: 'detail-field' }, h('label', { for: id }, d.label), input);
    });

  const lang = h(
    'select',
    { id: 'doc-lang' },
    h('option', { value: 'zh-CN', selected: state.docLang === 'zh-CN', lang: 'zh-CN' }, '中文'),
    h('option', { value: 'en', selected: state.docLang === 'en', lang: 'en' }, 'English'),
  );
  lang.addEventListener('change', () => (state.docLang = lang.value === 'en' ? 'en' : 'zh-CN'));

  host.append(
    h('h2', { id: 'docs-title', tabindex: '-1' }, t('docs.title', { name: j.name })),
    h('p', { class: 'hint' }, t('docs.intro')),
    h(
      'ul',
      { class: 'doc-actions' },
      ...j.documents.map((kind) =>
        h(
          'li',
          { dataset: { doc: kind } },
          h('span', { class: 'doc-name' }, t(`docs.kind.${kind}`)),
          h('button', { type: 'button', id: `preview-${kind}`, onclick: () => submit(kind, 'preview'), 'aria-label': t('docs.previewLabel', { name: t(`docs.kind.${kind}`) }) }, t('docs.preview')),
          h('button', { type: 'button', id: `open-${kind}`, class: 'secondary', onclick: () => submit(kind, 'open'), 'aria-label': t('docs.openLabel', { name: t(`docs.kind.${kind}`) }) }, t('docs.open')),
          h('button', { type: 'button', id: `download-${kind}`, class: 'secondary', onclick: () => submit(kind, 'download'), 'aria-label': t('docs.downloadLabel', { name: t(`docs.kind.${kind}`) }) }, t('docs.download')),
        ),
      ),
    ),
    h('h3', { id: 'word-title' }, t('docs.word')),
    h('p', { class: 'hint' }, t('docs.wordHint')),
    h(
      'ul',
      { class: 'doc-actions', 'aria-labelledby': 'word-title' },
      ...j.wordDocuments.map((d) =>
        h(
          'li',
          { dataset: { word: d.name } },
          h('span', { class: 'doc-name' }, d.title),
          h('button', { type: 'button', id: `docx-${d.name}`, onclick: () => word(d.name), 'aria-label': t('docs.downloadWordLabel', { name: d.title }) }, t('docs.downloadWord')),
        ),
      ),
    ),
    h('div', { class: 'detail-field' }, h('label', { for: 'doc-lang' }, t('docs.lang')), lang),
    preview,
    h('section', { class: 'details', 'aria-labelledby': 'details-title' }, h('h3', { id: 'details-title' }, t('docs.details')), h('p', { class: 'hint' }, t('docs.detailsHint')), ...fields),
    post,
  );
}
