/**
 * The staff console in the browser. One jurisdiction at a time (Alt+1…5), five views (Alt+A the form, Alt+C
 * the comparison, Alt+Q quick answers, Alt+P documents, Alt+I insights); every change to a field is read and assessed by the
 * server after a short pause, and the case is kept in the URL fragment for sharing.
 */
import type { AssessResponse, Catalog, CatalogJurisdiction, CompareResponse } from '../shared/types.js';
import { api, CallError } from './api.js';
import { renderCompare } from './compare.js';
import { type DocsState, renderDocs } from './docs.js';
import { byId, clear, h } from './dom.js';
import { type FormView, renderForm } from './form.js';
import { setStrings, t } from './i18n.js';
import { type InsightsView, renderInsights } from './insights.js';
import { type QuickView, renderQuick } from './quick.js';
import { download, readHash, writeHash } from './share.js';
import { renderShare, type ShareView } from './sharebar.js';
import { renderVerdict, type VerdictView } from './verdict.js';

const VIEWS = ['assess', 'compare', 'quick', 'docs', 'insights'] as const;
type View = (typeof VIEWS)[number];
/** Alt + these keys (by physical key, so any layout and macOS Option work) open the views. */
const VIEW_KEYS: Record<View, string> = { assess: 'KeyA', compare: 'KeyC', quick: 'KeyQ', docs: 'KeyP', insights: 'KeyI' };
const VIEW_SHORTCUTS: Record<View, string> = { assess: 'Alt+A', compare: 'Alt+C', quick: 'Alt+Q', docs: 'Alt+P', insights: 'Alt+I' };
/** The pause after typing before the answers are assessed. */
const DEBOUNCE_MS = 250;

class Console {
  private answers: Record<string, string> = {};
  private facts: Record<string, unknown> = {};
  private jurisdiction: CatalogJurisdiction;
  private view: View = 'assess';
  private readonly docs: DocsState = { details: {}, docLang: 'zh-CN' };
  private readonly sections: Record<View, HTMLElement>;
  private readonly formHost = h('div', { class: 'form-host' });
  private readonly verdict: VerdictView;
  private readonly share: ShareView;
  private form: FormView | undefined;
  private quick: QuickView | undefined;
  private insights: InsightsView | undefined;
  private comparison: CompareResponse | undefined;
  private compareStale = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private assessSeq = 0;
  private compareSeq = 0;

  constructor(private readonly catalog: Catalog) {
    this.jurisdiction = catalog.jurisdictions[0] as CatalogJurisdiction;
    this.verdict = renderVerdict((fact) => this.focusFact(fact));
    this.share = renderShare({
      exportJson: () => download(`park-profile-${this.jurisdiction.id}.json`, `${JSON.stringify(this.facts, null, 2)}\n`),
      importFacts: (facts) => this.importFacts(facts),
      readDocument: (file) => this.readDocument(file),
      clearAll: () => this.clearAll(),
    });
    this.sections = {
      assess: h('section', { id: 'view-assess', class: 'view', 'aria-label': t('views.assess') }, h('div', { class: 'assess-layout' }, this.formHost, h('aside', { class: 'side' }, this.verdict.element, this.share.element))),
      compare: h('section', { id: 'view-compare', class: 'view', hidden: true, 'aria-labelledby': 'compare-title' }),
      quick: h('section', { id: 'view-quick', class: 'view', hidden: true, 'aria-labelledby': 'quick-title' }),
      docs: h('section', { id: 'view-docs', class: 'view', hidden: true, 'aria-labelledby': 'docs-title' }),
      insights: h('section', { id: 'view-insights', class: 'view', hidden: true, 'aria-labelledby': 'insights-title' }),
    };
  }

  async start(): Promise<void> {
    const main = byId('main');
    byId('loading').remove();
    main.append(...VIEWS.map((v) => this.sections[v]));
    this.drawNav();
    document.addEventListener('keydown', (e) => this.onKey(e));
    window.addEventListener('hashchange', () => void this.fromHash(false));
    await this.fromHash(true);
  }

  /** Opens the case the fragment names (on load, or when a pasted link changes it). */
  private async fromHash(initial: boolean): Promise<void> {
    const hash = readHash(location.hash);
    const known = this.catalog.jurisdictions.find((j) => j.id === hash.jurisdiction);
    if (known) this.jurisdiction = known;
    const view = (VIEWS as readonly string[]).includes(hash.view ?? '') ? (hash.view as View) : initial ? 'assess' : this.view;
    if (hash.profile) {
      await this.importFacts(hash.profile, false);
    } else if (hash.badProfile) {
      this.share.say(t('share.badLink'), true);
    }
    this.drawForm();
    this.drawNav();
    this.showView(view, false);
    void this.assess();
  }

  private drawNav(): void {
    const jurisdictions = byId('jurisdictions');
    clear(jurisdictions);
    this.catalog.jurisdictions.forEach((j, i) =>
      jurisdictions.append(
        h(
          'button',
          {
            type: 'button',
            'aria-pressed': String(j.id === this.jurisdiction.id),
            'aria-keyshortcuts': `Alt+${i + 1}`,
            dataset: { jurisdiction: j.id },
            title: j.name,
            onclick: () => this.setJurisdiction(j.id, true),
          },
          h('kbd', {}, `Alt+${i + 1}`),
          ' ',
          j.shortName,
        ),
      ),
    );
    const views = byId('views');
    clear(views);
    for (const v of VIEWS) {
      views.append(
        h(
          'button',
          { type: 'button', 'aria-pressed': String(v === this.view), 'aria-keyshortcuts': VIEW_SHORTCUTS[v], dataset: { view: v }, onclick: () => this.showView(v, true) },
          t(`views.${v}`),
          ' ',
          h('kbd', {}, VIEW_SHORTCUTS[v]),
        ),
      );
    }
    document.title = `${this.jurisdiction.shortName} · ${t('page.title')}`;
  }

  private drawForm(): void {
    this.form = renderForm(this.formHost, this.catalog, this.jurisdiction, () => this.answers, {
      onInput: (qid, text) => {
        if (text === '') delete this.answers[qid];
        else this.answers[qid] = text;
        this.schedule();
      },
      onLeaveLast: () => this.verdict.focus(),
    });
  }

  private setJurisdiction(id: string, focus: boolean): void {
    const j = this.catalog.jurisdictions.find((x) => x.id === id);
    if (!j) return;
    this.jurisdiction = j;
    this.drawForm();
    this.drawNav();
    this.showView(this.view, focus);
    void this.assess();
  }

  private showView(view: View, focus: boolean): void {
    this.view = view;
    for (const v of VIEWS) this.sections[v].hidden = v !== view;
    for (const b of byId('views').querySelectorAll<HTMLElement>('button')) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    if (view === 'compare') {
      renderCompare(this.sections.compare, this.compareStale ? undefined : this.comparison, this.jurisdiction.id);
      if (this.compareStale) void this.loadCompare();
    } else if (view === 'quick') {
      this.quick = renderQuick(this.sections.quick, this.catalog, this.jurisdiction);
    } else if (view === 'docs') {
      renderDocs(this.sections.docs, this.catalog, this.jurisdiction, this.docs, () => this.facts);
    } else if (view === 'insights') {
      // Drawn once: its pickers keep their period between visits.
      this.insights ??= renderInsights(this.sections.insights, this.catalog, this.jurisdiction);
    }
    this.writeHash();
    if (!focus) return;
    if (view === 'assess') this.form?.focusFirst();
    else if (view === 'quick') this.quick?.focusSearch();
    else if (view === 'insights') this.insights?.focusTitle();
    else document.getElementById(`${view}-title`)?.focus();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.assess(), DEBOUNCE_MS);
  }

  private async assess(): Promise<void> {
    clearTimeout(this.timer);
    const seq = ++this.assessSeq;
    const sent = { ...this.answers };
    const j = this.jurisdiction.id;
    try {
      const response = await api.assess(j, sent, this.catalog.lang);
      if (seq !== this.assessSeq || j !== this.jurisdiction.id) return;
      this.facts = response.facts as Record<string, unknown>;
      this.form?.update(response, sent);
      this.fillImplied(response.implied ?? []);
      this.verdict.update(response);
      this.compareStale = true;
      this.writeHash();
      if (this.view === 'compare') void this.loadCompare();
    } catch (error) {
      if (!(error instanceof CallError && error.status === 401)) this.share.say(error instanceof Error ? error.message : String(error), true);
    }
  }

  /**
   * Fills the empty fields another field's answer spoke for (一核两园 → 分园区数量 2), says so, and reassesses with
   * them typed in; a field the clerk has typed into is never touched.
   */
  private fillImplied(implied: NonNullable<AssessResponse['implied']>): void {
    const filled = implied.filter((a) => (this.answers[a.questionId] ?? '').trim() === '' && this.form?.fill(a.questionId, a.text));
    if (filled.length === 0) return;
    const labels = new Map(this.jurisdiction.groups.flatMap((g) => g.questions.map((q) => [q.questionId, q.label] as const)));
    for (const a of filled) this.answers[a.questionId] = a.text;
    const from = labels.get(filled[0]!.from) ?? filled[0]!.from;
    const message = t('share.implied', { from, fields: filled.map((a) => `${labels.get(a.questionId) ?? a.questionId} ${a.text}`).join(t('share.listSeparator')) });
    this.share.add(message, this.catalog.lang === 'zh-CN' ? '' : ' ');
    this.schedule();
  }

  private async loadCompare(): Promise<void> {
    const seq = ++this.compareSeq;
    try {
      const response = await api.compare({ ...this.answers }, this.catalog.lang);
      if (seq !== this.compareSeq) return;
      this.comparison = response;
      this.compareStale = false;
      if (this.view === 'compare') renderCompare(this.sections.compare, response, this.jurisdiction.id);
    } catch (error) {
      this.share.say(error instanceof Error ? error.message : String(error), true);
    }
  }

  /** Replaces the answers with those saying `facts`; `redraw` redraws and reassesses. */
  private async importFacts(facts: unknown, redraw = true): Promise<void> {
    try {
      const imported = await api.import(facts, this.catalog.lang);
      this.answers = { ...imported.answers };
      this.facts = facts as Record<string, unknown>;
      const count = Object.keys(imported.answers).length;
      this.share.say(
        [t('share.imported', { count, n: count }), imported.dropped.length ? t('share.dropped', { facts: imported.dropped.join(', ') }) : '']
          .filter(Boolean)
          .join(' '),
      );
      if (redraw) {
        this.drawForm();
        await this.assess();
      }
    } catch (error) {
      this.share.say(t('share.importFailed', { reason: error instanceof Error ? error.message : String(error) }), true);
    }
  }

  /**
   * Fills the empty fields with what an applicant's own file says (never a field already typed: what the clerk has
   * is kept), says what was filled, kept and found twice, and assesses.
   */
  private async readDocument(file: File): Promise<void> {
    try {
      const read = await api.documentAnswers(file, this.catalog.lang, this.jurisdiction.id);
      const empty = (questionId: string) => (this.answers[questionId] ?? '').trim() === '';
      const filled = read.found.filter((a) => empty(a.questionId));
      const kept = read.found.filter((a) => !empty(a.questionId));
      // Answers this text does not ask are kept too (the comparison reads them), and said apart.
      const asked = new Set(this.jurisdiction.groups.flatMap((g) => g.questions.map((q) => q.questionId)));
      const shown = filled.filter((a) => asked.has(a.questionId));
      const listed = (answers: { label: string; text: string }[]) => answers.map((a) => `${a.label} ${a.text}`).join(t('share.listSeparator'));
      const other = filled.length - shown.length;
      const messages = read.found.length === 0
        ? [t('share.readNone', { file: file.name })]
        : [
            shown.length
              ? t('share.readFilled', { file: file.name, found: read.found.length, count: shown.length, n: shown.length, fields: listed(shown) })
              : t('share.readNothingEmpty', { file: file.name, found: read.found.length, count: read.found.length, n: read.found.length }),
            other ? t('share.readOther', { count: other, n: other }) : '',
            kept.length ? t('share.readKept', { count: kept.length, n: kept.length, fields: listed(kept) }) : '',
            read.conflicting.length ? t('share.readConflicting', { fields: read.conflicting.map((c) => c.label).join(t('share.listSeparator')) }) : '',
          ];
      this.share.say(messages.filter(Boolean).join(this.catalog.lang === 'zh-CN' ? '' : ' '));
      if (filled.length === 0) return;
      this.answers = { ...this.answers, ...Object.fromEntries(filled.map((a) => [a.questionId, a.text])) };
      this.drawForm();
      await this.assess();
    } catch (error) {
      this.share.say(t('share.readFailed', { reason: error instanceof Error ? error.message : String(error) }), true);
    }
  }

  private clearAll(): void {
    if (!window.confirm(t('share.confirmClear'))) return;
    this.answers = {};
    this.docs.details = {};
    this.drawForm();
    void this.assess();
    this.form?.focusFirst();
  }

  private focusFact(fact: string): void {
    if (this.view !== 'assess') this.showView('assess', false);
    this.form?.focusField(fact);
  }

  private writeHash(): void {
    const hash = writeHash(this.jurisdiction.id, this.view, this.facts);
    if (hash !== location.hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    this.share.setLink(location.href);
    const other = this.catalog.lang === 'zh-CN' ? 'en' : 'zh-CN';
    document.getElementById('lang-switch')?.setAttribute('href', `?lang=${other}${hash}`);
  }

  private onKey(e: KeyboardEvent): void {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
    if (digit) {
      const j = this.catalog.jurisdictions[Number(digit[1]) - 1];
      if (j) {
        e.preventDefault();
        this.setJurisdiction(j.id, true);
      }
      return;
    }
    const view = VIEWS.find((v) => VIEW_KEYS[v] === e.code);
    if (view) {
      e.preventDefault();
      this.showView(view, true);
    }
  }
}

async function boot(): Promise<void> {
  const main = byId('main');
  const lang = main.dataset.lang ?? 'zh-CN';
  try {
    const catalog = await api.catalog(lang);
    setStrings(catalog.strings, catalog.lang);
    await new Console(catalog).start();
  } catch (error) {
    const loading = document.getElementById('loading');
    if (loading) {
      loading.textContent = error instanceof Error ? error.message : String(error);
      loading.className = 'error';
    }
  }
}

void boot();
