/**
 * The case tools: export the profile as JSON (the fact vocabulary, usable by the CLI and the API), import one,
 * copy the link that opens the same case, and start over.
 */
import { h } from './dom.js';
import { t } from './i18n.js';
import { factsOfImport } from './share.js';

/** A Word file's media type. */
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ShareHandlers {
  exportJson(): void;
  importFacts(facts: unknown): Promise<void>;
  /** Reads the answers an applicant's own Word file gives into the empty fields. */
  readDocument(file: File): Promise<void>;
  clearAll(): void;
}

export interface ShareView {
  element: HTMLElement;
  setLink(url: string): void;
  say(message: string, error?: boolean): void;
  /** Adds a sentence to what the bar says (unless that is an error, which it then replaces). */
  add(message: string, separator: string): void;
}

export function renderShare(handlers: ShareHandlers): ShareView {
  const status = h('p', { class: 'share-status', role: 'status' });
  const say = (message: string, error = false) => {
    status.textContent = message;
    status.dataset.error = String(error);
  };
  const file = h('input', { type: 'file', id: 'import-file', accept: 'application/json,.json', hidden: true });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    try {
      const parsed = JSON.parse(await chosen.text()) as unknown;
      await handlers.importFacts(factsOfImport(parsed));
    } catch (error) {
      say(t('share.importFailed', { reason: error instanceof Error ? error.message : String(error) }), true);
    }
  });
  const word = h('input', { type: 'file', id: 'read-word-file', accept: `.docx,.txt,${DOCX_TYPE},text/plain`, hidden: true });
  word.addEventListener('change', () => {
    const chosen = word.files?.[0];
    word.value = '';
    if (chosen) void handlers.readDocument(chosen);
  });
  const link = h('input', { id: 'share-link', type: 'text', readonly: true, class: 'link-field', 'aria-describedby': 'share-link-hint' });
  link.addEventListener('focus', () => link.select());
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.value);
      say(t('share.copied'));
    } catch {
      link.focus();
      link.select();
      say(t('share.copyManually'));
    }
  };
  const element = h(
    'section',
    { class: 'share', 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title' }, t('share.title')),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', id: 'export-json', onclick: () => handlers.exportJson() }, t('share.export')),
      h('button', { type: 'button', id: 'import-json', onclick: () => file.click() }, t('share.import')),
      h('button', { type: 'button', id: 'read-word', 'aria-describedby': 'read-word-hint', onclick: () => word.click() }, t('share.readWord')),
      h('button', { type: 'button', id: 'copy-link', onclick: () => void copy() }, t('share.copy')),
      h('button', { type: 'button', id: 'clear-all', class: 'secondary', onclick: () => handlers.clearAll() }, t('share.clear')),
    ),
    file,
    word,
    h('p', { id: 'read-word-hint', class: 'hint' }, t('share.readWordHint')),
    h('label', { for: 'share-link' }, t('share.link')),
    link,
    h('p', { id: 'share-link-hint', class: 'hint' }, t('share.linkHint')),
    status,
  );
  const add = (message: string, separator: string) => {
    if (status.dataset.error === 'true' || !status.textContent) say(message);
    else status.textContent = `${status.textContent}${separator}${message}`;
  };
  return { element, setLink: (url) => (link.value = url), say, add };
}
