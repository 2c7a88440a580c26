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
  /** Puts `text` into a question's text box if it is empty (focus stays where it is); false when it was not. */
  fill(questionId: string, text: string): boolean;
}

/** Splits a typed multi answer into its parts ("会议、培训", "meeting, training"). */
const PARTS = /[,，、;；\s]+/;
/** What a multi-choice group sends for "none of them" (the parser reads it as an empty list). */
const NONE = 'none';

/** The option of `q` that `text` names (its value or its label), if any. */
function optionNamed(q: FieldPrompt, text: string): { value: string | boolean; label: string } | undefined {
  const wanted = text.trim().toLowerCase();
  return q.options?.find((o) => String(o.value).toLowerCase() === wanted || o.label.toLowerCase() === wanted);
}

/**
 * The text a field's control stands for, as the server reads it: a text box's value, a select's option value,
 * or a checkbox group's ticked values joined by commas ("none" when only 都没有 is ticked; empty = unknown).
 */
export function controlText(field: HTMLElement): string {
  const group = field.querySelector<HTMLElement>('.checks');
  if (group) {
    const ticked = [...group.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')].map((c) => c.value);
    return ticked.includes(NONE) ? NONE : ticked.join(',');
  }
  return field.querySelector<HTMLInputElement | HTMLSelectElement>('[data-qid]')?.value ?? '';
}

/**
 * The control for a question: a select for a choice, a group of checkboxes (with 都没有) for a multi choice,
 * a text box for everything else, or when an earlier answer (imported, shared, typed) names no option, so that
 * nothing given is lost and it can still be typed over.
 */
function controlOf(q: FieldPrompt, value: string, id: string, describedBy: string): HTMLElement {
  const common = { 'aria-describedby': describedBy, 'aria-invalid': 'false', dataset: { qid: q.questionId, fact: q.fact } };
  if (q.kind === 'choice' && q.options && (value.trim() === '' || optionNamed(q, value))) {
    const select = h(
      'select',
      { id, name: q.questionId, ...common },
      h('option', { value: '' }, t('field.unknown')),
      ...q.options.map((o) => h('option', { value: String(o.value) }, o.label)),
    );
    select.value = value.trim() === '' ? '' : String(optionNamed(q, value)?.value ?? '');
    return select;
  }
  const parts = value.trim() === '' ? [] : value.split(PARTS).filter(Boolean);
  const noneTyped = parts.length === 1 && ['none', '无', t('field.noneTyped').toLowerCase()].includes((parts[0] ?? '').toLowerCase());
  if (q.kind === 'multi' && q.options && (noneTyped || parts.every((p) => optionNamed(q, p)))) {
    const ticked = new Set(parts.map((p) => String(optionNamed(q, p)?.value ?? '')));
    const box = (v: string, label: string, checked: boolean) => {
      const input = h('input', { type: 'checkbox', value: v, dataset: { qidPart: q.questionId } });
      input.checked = checked;
      return h('label', { class: 'check' }, input, ' ', label);
    };
    // The group is labelled by the field's label (a fieldset inside the field's grid cell).
    return h(
      'fieldset',
      { class: 'checks', id, 'aria-labelledby': `${id}-label`, 'aria-describedby': describedBy, dataset: { qidGroup: q.questionId, fact: q.fact } },
      ...q.options.map((o) => box(String(o.value), o.label, ticked.has(String(o.value)))),
      box(NONE, t('field.noneOf'), noneTyped),
    );
  }
  const input = h('input', { id, name: q.questionId, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: t('field.placeholder'), ...common });
  input.value = value;
  return input;
}

function fieldEl(q: FieldPrompt, value: string): HTMLElement {
  const id = fieldId(q.questionId);
  const control = controlOf(q, value, id, `${id}-status ${id}-help`);
  const multi = control.classList.contains('checks');
  return h(
    'div',
    { class: 'field', dataset: { qid: q.questionId, fact: q.fact, state: value.trim() ? 'pending' : 'unknown', kind: control.tagName.toLowerCase() } },
    multi ? h('span', { id: `${id}-label`, class: 'label' }, q.label) : h('label', { for: id, id: `${id}-label` }, q.label),
    control,
    h('span', { id: `${id}-status`, class: 'status' }, value.trim() ? t('field.pending') : t('field.unknown')),
    // What to type, with the options numbered, is for a text box; a select or a set of boxes shows its options.
    h('p', { id: `${id}-help`, class: 'help' }, q.text, ...(control.tagName === 'INPUT' ? [' ', h('span', { class: 'ask' }, q.ask)] : [])),
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

  /** Each field's first control, in order: text boxes, selects, the first checkbox of a group. */
  const inputs = () =>
    [...form.querySelectorAll<HTMLElement>('.field')].flatMap((field) => {
      const control = field.querySelector<HTMLInputElement | HTMLSelectElement>('[data-qid], .checks input');
      return control ? [control] : [];
    });
  const changed = (e: Event) => {
    const target = e.target as HTMLInputElement;
    const field = target.closest<HTMLElement>('.field');
    const qid = field?.dataset.qid;
    if (!field || !qid || !(target.dataset.qid || target.dataset.qidPart)) return;
    // 都没有 and the options exclude each other.
    if (target.type === 'checkbox' && target.checked) {
      for (const other of field.querySelectorAll<HTMLInputElement>('.checks input')) {
        if (other !== target && (target.value === NONE) !== (other.value === NONE)) other.checked = false;
      }
    }
    field.dataset.state = 'pending';
    const status = field.querySelector('.status');
    if (status) status.textContent = t('field.pending');
    handlers.onInput(qid, controlText(field));
  };
  form.addEventListener('input', changed);
  // Checkboxes and selects also report `change` (some browsers only that); a repeated report is harmless.
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).tagName !== 'INPUT' || (e.target as HTMLInputElement).type === 'checkbox') changed(e);
  });
  form.addEventListener('keydown', (e) => {
    const target = e.target as HTMLInputElement;
    if (e.key !== 'Enter' || !(target.dataset.qid || target.dataset.qidPart) || e.isComposing || e.keyCode === 229 || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const all = inputs();
    const own = all.find((c) => c.closest('.field') === target.closest('.field'));
    const next = all[all.indexOf(own ?? (target as HTMLElement as HTMLInputElement)) + (e.shiftKey ? -1 : 1)];
    if (next) {
      next.focus();
      if (next instanceof HTMLInputElement && next.type === 'text') next.select();
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
        const input = field.querySelector('[data-qid], .checks');
        const state = response.fields[qid];
        // A field typed into after the request left keeps saying "reading…" until its own answer comes.
        if (input && (sent[qid] ?? '') !== controlText(field)) continue;
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
                ? t('criterion.needs', { facts: (response.needs[c.id] ?? c.missing).join(t('list.separator')) })
                : '';
        }
      }
    },
    focusFirst() {
      const first = inputs()[0];
      first?.focus();
    },
    fill(questionId, text) {
      const input = form.querySelector<HTMLInputElement>(`input#${CSS.escape(fieldId(questionId))}`);
      if (!input || input.type !== 'text' || input.value.trim() !== '') return false;
      input.value = text;
      return true;
    },
    focusField(fact) {
      const input = inputs().find((i) => {
        const field = i.closest<HTMLElement>('.field');
        return field?.dataset.fact === fact || field?.dataset.qid === fact || (fact === 'branches' && field?.dataset.qid?.startsWith('branches.'));
      });
      if (!input) return false;
      input.focus();
      if (input instanceof HTMLInputElement && input.type === 'text') input.select();
      return true;
    },
  };
}
