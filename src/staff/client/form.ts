/**
 * The form: every question of one jurisdiction on one screen, grouped by the article or item of the text that
 * asks it, each group showing its conditions' status live. Fields take the same typed forms as the chat ("1.2万",
 * "五亿", "是"); the server reads them. Empty is unknown, and says so. Enter moves to the next field (Shift+Enter
 * back), except while an input method is composing.
 */
import type { AssessResponse, Catalog, CatalogJurisdiction, FieldPrompt, FieldState } from '../shared/types.js';
import { clear, fieldId, h } from './dom.js';
import { t } from './i18n.js';

export interface FormHandlers {
  /** A field's text changed. */
  onInput(questionId: string, text: string): void;
  /** Enter on the last field. */
  onLeaveLast(): void;
}

export interface FormView {
  /** Shows how the server read each field (of the answers `sent`), the branch rows, and each condition's status. */
  update(response: AssessResponse, sent: Readonly<Record<string, string>>): void;
  focusFirst(): void;
  /** Focuses a fact's field; false when this form has none. */
  focusField(fact: string): boolean;
}

/** Every fact's label, from the questions of all jurisdictions. */
export function factLabels(catalog: Catalog): Map<string, string> {
  const labels = new Map<string, string>();
  for (const j of catalog.jurisdictions) for (const g of j.groups) for (const q of g.questions) labels.set(q.fact, q.label);
  return labels;
}

function fieldEl(q: FieldPrompt, value: string): HTMLElement {
  const id = fieldId(q.questionId);
  const input = h('input', {
    id,
    name: q.questionId,
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: t('field.placeholder'),
    'aria-describedby': `${id}-status ${id}-help`,
    'aria-invalid': 'false',
    dataset: { qid: q.questionId, fact: q.fact },
  });
  input.value = value;
  return h(
    'div',
    { class: 'field', dataset: { qid: q.questionId, fact: q.fact, state: value.trim() ? 'pending' : 'unknown' } },
    h('label', { for: id }, q.label),
    input,
    h('span', { id: `${id}-status`, class: 'status' }, value.trim() ? t('field.pending') : t('field.unknown')),
    h('p', { id: `${id}-help`, class: 'help' }, q.text, ' ', h('span', { class: 'ask' }, q.ask)),
  );
}

function statusText(state: FieldState | undefined, needed: boolean): string {
  if (state?.state === 'answered') return `✓ ${state.display ?? ''}`;
  if (state?.state === 'error') return `⚠ ${state.message ?? ''}`;
  const unknown = needed ? t('field.unknownNeeded') : t('field.unknown');
  return state?.display ? `${unknown} (${state.display})` : unknown;
}

/** Draws the form of `j` into `host`. */
export function renderForm(
  host: HTMLElement,
  catalog: Catalog,
  j: CatalogJurisdiction,
  answers: () => Readonly<Record<string, string>>,
  handlers: FormHandlers,
): FormView {
  clear(host);
  const labels = factLabels(catalog);
  const criteria = new Map(j.criteria.map((c) => [c.id, c]));
  const form = h('form', { id: 'profile-form', class: 'profile', novalidate: true, 'aria-labelledby': 'form-title', onsubmit: (e: Event) => e.preventDefault() });
  form.append(
    h('h2', { id: 'form-title' }, t('form.title', { name: j.name })),
    h('p', { class: 'text-meta' }, h('span', { lang: 'zh-CN' }, [j.title, j.documentNumber].filter(Boolean).join(' ')), ' · ', j.statusText),
    h('p', { class: 'hint' }, t('form.hint')),
  );
  const branchHosts: HTMLElement[] = [];
  for (const group of j.groups) {
    const list = h(
      'ul',
      { class: 'criteria-inline', 'aria-label': t('form.conditions', { ref: group.refText }) },
      ...group.criteria.map((id) => {
        const c = criteria.get(id);
        return h(
          'li',
          { dataset: { criterion: id, status: 'unknown', severity: c?.severity ?? 'required' } },
          h('span', { class: 'badge' }, t('rules.status.unknown')),
          ' ',
          h('span', { class: 'title' }, c?.title ?? id),
          c?.severity === 'advisory' ? h('span', { class: 'tag' }, t('rules.severity.advisory')) : null,
          c?.inPrinciple ? h('span', { class: 'tag' }, t('criterion.inPrinciple')) : null,
          ' ',
          h('span', { class: 'detail' }),
        );
      }),
    );
    const fieldset = h('fieldset', { class: 'group', dataset: { group: group.id } }, h('legend', {}, group.refText), list);
    for (const q of group.questions) fieldset.append(fieldEl(q, answers()[q.questionId] ?? ''));
    if (group.branches) {
      const branches = h('div', { class: 'branches', dataset: { branches: 'true' } }, h('p', { class: 'hint branch-hint' }, t('form.branchesFirst')));
      branchHosts.push(branches);
      fieldset.append(branches);
    }
    form.append(fieldset);
  }
  host.append(form);

  const inputs = () => [...form.querySelectorAll<HTMLInputElement>('input[data-qid]')];
  form.addEventListener('input', (e) => {
    const input = e.target as HTMLInputElement;
    const qid = input.dataset.qid;
    if (!qid) return;
    const field = input.closest<HTMLElement>('.field');
    if (field) {
      field.dataset.state = 'pending';
      const status = field.querySelector('.status');
      if (status) status.textContent = t('field.pending');
    }
    handlers.onInput(qid, input.value);
  });
  form.addEventListener('keydown', (e) => {
    const input = e.target as HTMLInputElement;
    if (e.key !== 'Enter' || !input.dataset.qid || e.isComposing || e.keyCode === 229 || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const all = inputs();
    const next = all[all.indexOf(input) + (e.shiftKey ? -1 : 1)];
    if (next) {
      next.focus();
      next.select();
    } else if (!e.shiftKey) {
      handlers.onLeaveLast();
    }
  });

  /** Keeps one row of three figures per branch park, up to the count answered. */
  const ensureBranchRows = (count: number) => {
    for (const branches of branchHosts) {
      const rows = [...branches.querySelectorAll<HTMLElement>('.branch-row')];
      rows.slice(count).forEach((row) => row.remove());
      for (let i = rows.length; i < count; i++) {
        const fields = catalog.branchFields[i] ?? [];
        branches.append(
          h(
            'div',
            { class: 'branch-row', dataset: { branch: String(i) }, role: 'group', 'aria-label': t('form.branch', { n: i + 1 }) },
            ...fields.map((q) => fieldEl(q, answers()[q.questionId] ?? '')),
          ),
        );
      }
      const hint = branches.querySelector('.branch-hint');
      if (hint) hint.textContent = count === 0 ? t('form.branchesFirst') : count >= catalog.branchFields.length ? t('form.branchesLimit', { n: catalog.branchFields.length }) : t('form.branchesHint');
    }
  };

  return {
    update(response, sent) {
      const missing = new Set<string>(response.result.missingFacts);
      const facts = response.facts as { branchCount?: number; layout?: string };
      ensureBranchRows(facts.layout === 'single' ? 0 : Math.min(facts.branchCount ?? 0, catalog.branchFields.length));
      for (const field of form.querySelectorAll<HTMLElement>('.field')) {
        const qid = field.dataset.qid ?? '';
        const input = field.querySelector('input');
        const state = response.fields[qid];
        // A field typed into after the request left keeps saying "reading…" until its own answer comes.
        if (input && (sent[qid] ?? '') !== input.value) continue;
        // A branch figure settles `branches`, not the park's own figure of the same name.
        const needed = qid.startsWith('branches.') ? missing.has('branches') : missing.has(field.dataset.fact ?? '');
        field.dataset.state = state?.state ?? 'unknown';
        field.dataset.needed = String(needed && state?.state !== 'answered');
        const status = field.querySelector('.status');
        if (status) status.textContent = statusText(state, needed);
        input?.setAttribute('aria-invalid', String(state?.state === 'error'));
      }
      const results = new Map(response.result.criteria.map((c) => [c.id, c]));
      for (const li of form.querySelectorAll<HTMLElement>('li[data-criterion]')) {
        const c = results.get(li.dataset.criterion ?? '');
        if (!c) continue;
        li.dataset.status = c.status;
        const badge = li.querySelector('.badge');
        if (badge) badge.textContent = t(`rules.status.${c.status}`);
        const detail = li.querySelector('.detail');
        if (detail) {
          detail.textContent =
            c.status === 'unmet'
              ? (response.gaps[c.id] ?? '')
              : c.status === 'unknown' && c.missing.length
                ? t('criterion.needs', { facts: c.missing.map((f) => labels.get(f) ?? f).join(t('list.separator')) })
                : '';
        }
      }
    },
    focusFirst() {
      const first = inputs()[0];
      first?.focus();
    },
    focusField(fact) {
      const input = inputs().find((i) => i.dataset.fact === fact || i.dataset.qid === fact || (fact === 'branches' && i.dataset.qid?.startsWith('branches.')));
      if (!input) return false;
      input.focus();
      input.select();
      return true;
    },
  };
}
