/**
 * One mounted widget: it opens a conversation on first use (or resumes the stored one from the server), sends
 * what the user does, and renders each view the API returns: the question with its controls, feedback and
 * hints, or the result. It keeps only the session id in storage; an expired session starts over with a note.
 * "My answers" lists the answers so far; Change asks one of them again with the usual controls and sends it to
 * `/change` (in the result, a "what if" that shows the verdict again); Cancel or Escape goes back to where the
 * user was.
 */
import { ApiClient, type Catalog, type Command, type Outcome } from './api.js';
import { Composer, type ToolName } from './composer.js';
import { clear } from './dom.js';
import type { Emitter } from './events.js';
import { checklistHtml, checklistMarkdown, download } from './exporting.js';
import { normalizeLang, otherLang, type T, translator } from './i18n.js';
import { printResult } from './print.js';
import { renderResult } from './result.js';
import { type Answer, reaskPrompt, renderAnswers } from './review.js';
import type { Settings } from './settings.js';
import { Shell } from './shell.js';
import { type IdStore, idStore } from './storage.js';
import { Transcript } from './transcript.js';
import type { AssessmentResult, Prompt, WidgetLang, WireView } from './types.js';

/** What `catalogWhileBusy` answers when the conversation it was asked for is gone. */
const STALE = Symbol('stale');
import { fitToVisualViewport } from './viewport.js';

/** A widget on the page. */
export class Widget {
  private readonly shell: Shell;
  private readonly transcript: Transcript;
  private readonly composer: Composer;
  private readonly api: ApiClient;
  private readonly ids: IdStore;
  private readonly ticks = new Set<string>();
  private lang: WidgetLang;
  private t: T;
  private view: WireView | null = null;
  private question: { id: string; labelId: string } | null = null;
  private focusTarget: HTMLElement | undefined;
  private resultHeading: HTMLElement | undefined;
  /**
   * The list of answers is open, or an earlier question is being asked again (`labelId`: its message), or
   * (`switching`) the five texts are offered to change the one applied.
   */
  private review: { prompt?: Prompt; labelId?: string; current?: string; switching?: boolean } | null = null;
  /** The question catalog by language, fetched once (a failed fetch is tried again next time). */
  private readonly catalogs = new Map<WidgetLang, Promise<Catalog | undefined>>();
  private started = false;
  private busy = false;
  private mounted = false;
  private openWhenMounted = false;
  /** Bumped by reset and destroy, so that answers to older requests are dropped. */
  private generation = 0;
  private viewport: { fit: () => void; stop: () => void } | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly events: Emitter,
  ) {
    this.lang = settings.lang;
    this.t = translator(this.lang);
    this.api = new ApiClient(settings.apiBase);
    this.ids = idStore(settings.persistence, settings.storageKey);
    this.shell = new Shell({
      toggle: () => this.toggle(),
      close: () => this.close(true),
      switchLanguage: () => void this.setLocale(otherLang(this.lang)),
      changeText: () => void this.chooseText(),
      escape: () => {
        if (!this.review) return false;
        if (!this.busy) this.cancel();
        return true;
      },
    });
    this.transcript = new Transcript(this.shell.log, () => this.shell.scrollToEnd());
    this.composer = new Composer(this.shell.foot, {
      answer: (value, shown) => this.answer(value, shown),
      type: (text) => this.answer(text, text),
      command: (name) => this.command(name),
    });
    this.applyLang(this.lang);
    this.composer.show({ kind: 'idle' });
  }

  /** Puts the launcher on the page and announces `ready`. */
  mount(): void {
    if (this.mounted) return;
    this.mounted = true;
    this.shell.attach(this.settings.theme);
    this.viewport = fitToVisualViewport(this.shell.panel, () => {
      if (this.view?.state !== 'results') this.shell.scrollToEnd();
    });
    this.events.emit('ready', { jurisdiction: this.settings.jurisdiction ?? null, lang: this.lang });
    if (this.openWhenMounted) this.open();
  }

  /** Opens the panel; the first time, starts or resumes the conversation. */
  open(): void {
    if (!this.mounted) {
      this.openWhenMounted = true;
      return;
    }
    if (this.shell.isOpen) return;
    this.shell.setOpen(true);
    this.viewport?.fit();
    this.events.emit('opened', { jurisdiction: this.settings.jurisdiction ?? null });
    if (!this.started) void this.start();
    else this.focusCurrent();
  }

  /** Closes the panel; focus returns to the launcher when it was in the panel (or when asked). */
  close(returnFocus = this.shell.focusInPanel()): void {
    this.openWhenMounted = false;
    if (!this.shell.isOpen) return;
    this.shell.setOpen(false);
    if (returnFocus) this.shell.launcher.focus();
    this.events.emit('closed', { jurisdiction: this.settings.jurisdiction ?? null });
  }

  /** Opens or closes. */
  toggle(): void {
    if (this.shell.isOpen) this.close(true);
    else this.open();
  }

  /** Switches the language of the widget and of the conversation (ignored while a request is under way). */
  async setLocale(tag: string): Promise<void> {
    const lang = normalizeLang(tag);
    if (!lang || this.busy) return;
    this.applyLang(lang);
    if (this.view) await this.send('lang', { lang });
    else this.composer.show({ kind: 'idle' });
  }

  /** Forgets the conversation (and the stored id); a new one starts when the panel is (or is already) open. */
  reset(): void {
    this.generation += 1;
    this.ids.clear();
    this.view = null;
    this.started = false;
    this.busy = false;
    this.ticks.clear();
    this.transcript.clear();
    this.showNothing();
    if (this.shell.isOpen) void this.start();
  }

  /** Removes the widget from the page. */
  destroy(): void {
    this.generation += 1;
    this.viewport?.stop();
    this.shell.detach();
    this.mounted = false;
  }

  /** Creates a conversation, or resumes the stored one; an expired one starts over with a note. */
  private async start(): Promise<void> {
    const generation = this.generation;
    this.started = true;
    this.setBusy(true);
    const stored = this.ids.get();
    let outcome: Outcome | undefined;
    if (stored) {
      outcome = await this.api.get(stored, this.lang);
      if (generation !== this.generation) return;
      if (outcome.kind === 'view') {
        this.setBusy(false);
        this.rebuild(outcome.view);
        if (outcome.view.answers.length) this.transcript.note(this.t('notes.resumed'), 'note');
        this.apply(outcome.view);
        return;
      }
      if (outcome.kind === 'expired') this.noteExpired();
    }
    if (!outcome || outcome.kind === 'expired') {
      outcome = await this.api.create({ lang: this.lang, ...(this.settings.jurisdiction ? { jurisdiction: this.settings.jurisdiction } : {}) });
      if (generation !== this.generation) return;
    }
    this.setBusy(false);
    if (outcome.kind === 'view') {
      this.ids.set(outcome.view.id);
      this.apply(outcome.view);
      return;
    }
    this.started = false;
    this.failed(outcome);
    this.focusTarget = this.composer.show({ kind: 'tools', tools: ['retry'] });
    this.focusCurrent();
  }

  /** Answers the current question, or the one being changed (a value or typed text), showing `shown` as the user's reply. */
  private answer(value: unknown, shown: string): void {
    const changing = this.review?.prompt;
    const prompt = changing ?? this.view?.prompt;
    if (!prompt || this.busy) return;
    if (this.review?.switching) {
      void this.send('jurisdiction', { jurisdiction: value }, shown);
      return;
    }
    void this.send(changing ? 'change' : 'answers', { questionId: prompt.questionId, value }, shown);
  }

  private command(name: ToolName): void {
    if (name === 'answers') return this.showAnswers();
    if (name === 'cancel') {
      if (!this.busy) this.cancel();
      return;
    }
    if (name === 'retry') {
      if (!this.busy) void this.start();
      return;
    }
    if (name === 'skip') {
      const prompt = this.view?.prompt;
      if (prompt) void this.send('skip', { questionId: prompt.questionId }, this.t('commands.skip'));
      return;
    }
    void this.send(name);
  }

  /** Sends a command and renders what comes back. */
  private async send(command: Command, body: Record<string, unknown> = {}, echo?: string): Promise<void> {
    const id = this.view?.id;
    if (!id || this.busy) return;
    const generation = this.generation;
    if (echo) this.transcript.user(echo, this.t);
    this.setBusy(true);
    const outcome = await this.api.send(id, command, body);
    if (generation !== this.generation) return;
    this.setBusy(false);
    if (outcome.kind === 'view') {
      const view = outcome.view;
      if (command === 'restart') {
        this.ticks.clear();
        this.transcript.clear();
        this.transcript.note(this.t('notes.restarted'), 'note');
        this.question = null;
      }
      if (command === 'lang') this.rebuild(view);
      if (command === 'back' && !view.error) this.transcript.note(this.t('notes.back'), 'note');
      if (command === 'jurisdiction' && !view.error && view.applying) {
        this.transcript.note(this.t('switch.done', { title: view.applying.title }), 'note');
        // The question now asked may be the one asked before the switch: ask it again under the new text.
        this.question = null;
      }
      const review = this.review;
      if (command === 'change' && review?.prompt && review.labelId) {
        if (view.error) {
          // Not taken: the same question again, with the hint.
          this.view = view;
          const hintId = this.transcript.note(view.error.message, 'error');
          this.focusTarget = this.composer.show({ kind: 'prompt', prompt: review.prompt, labelId: review.labelId, tools: ['cancel'], hintId });
          this.shell.scrollToEnd();
          this.moveFocus();
          return;
        }
        this.transcript.note(this.t('notes.changed'), 'note');
      }
      this.apply(view, command === 'back' || command === 'continue' || command === 'change');
      return;
    }
    if (outcome.kind === 'expired') {
      this.noteExpired();
      this.view = null;
      this.started = false;
      await this.start();
      return;
    }
    this.failed(outcome);
    this.focusCurrent();
  }

  /** Renders a view. `reask` shows the question again even when it is the one already asked. */
  private apply(view: WireView, reask = false): void {
    this.endReview();
    // An offer to switch is about the answer just given: a later view replaces it.
    this.shell.log.querySelectorAll('.offer').forEach((offer) => offer.remove());
    this.view = view;
    if (view.lang !== this.lang) this.applyLang(view.lang);
    const t = this.t;
    this.shell.setApplying(view.applying, t);
    if (view.notice) this.transcript.note(view.notice, 'note');
    if (view.taken) this.transcript.note(view.taken, 'note');
    for (const line of view.feedback) this.transcript.note(line, 'warn');
    const hintId = view.error ? this.transcript.note(view.error.message, view.offer ? 'note' : 'error') : undefined;

    if (view.state === 'results' && view.result) {
      this.question = null;
      this.transcript.bot(view.pending > 0 ? t('notes.early', { count: view.pending }) : t('notes.results'), t);
      this.showControls(view);
      this.shell.setProgress(undefined);
      this.resultHeading = this.showResult(view.result, view.pending);
      this.showResultTop();
      this.events.emit('result', { jurisdiction: view.result.jurisdiction, verdict: view.result.verdict, result: view.result });
      return;
    }
    this.showNothing();
    const prompt = view.prompt;
    if (!prompt) return;
    if (reask || !hintId || this.question?.id !== prompt.questionId) {
      this.question = { id: prompt.questionId, labelId: this.transcript.bot(prompt.text, t, prompt.help) };
    }
    this.focusTarget = this.showControls(view, hintId);
    const offer = view.offer;
    if (offer && hintId) {
      // A place under another jurisdiction was typed: switch only when the user confirms.
      const questionControl = this.focusTarget;
      this.focusTarget = this.transcript.offer(
        hintId,
        { label: t('switch.yes', { name: offer.name }), run: () => void this.send('jurisdiction', { jurisdiction: offer.jurisdiction }, t('switch.yes', { name: offer.name })) },
        {
          label: t('switch.no'),
          run: () => {
            this.focusTarget = questionControl;
            this.moveFocus();
          },
        },
      );
    }
    this.shell.setProgress(prompt.progress);
    this.shell.scrollToEnd();
    this.moveFocus();
  }

  /** Offers the five texts (the opening question's options) to change the one applied; answers are kept. */
  private async chooseText(): Promise<void> {
    const view = this.view;
    if (!view || this.busy) return;
    const catalog = await this.catalogWhileBusy();
    if (catalog === STALE) return;
    const opening = catalog?.opening;
    if (!opening) {
      this.failed({ kind: 'network' });
      return;
    }
    this.endReview();
    const prompt: Prompt = { ...opening, text: this.t('switch.choose'), help: '', options: opening.options?.filter((o) => o.value !== view.jurisdiction) ?? [] };
    const labelId = this.transcript.bot(prompt.text, this.t);
    this.review = { prompt, labelId, switching: true };
    this.focusTarget = this.composer.show({ kind: 'prompt', prompt, labelId, tools: ['cancel'] });
    this.shell.scrollToEnd();
    this.moveFocus();
  }

  /** Shows the answer area for `view` (the question's controls, or the result's commands); returns what to focus. */
  private showControls(view: WireView, hintId?: string): HTMLElement | undefined {
    const answers = view.answers.length ? (['answers'] as const) : [];
    if (view.state === 'results') {
      this.composer.show({ kind: 'tools', tools: [...(view.answers.length ? (['back'] as const) : []), ...(view.pending > 0 ? (['continue'] as const) : []), ...answers, 'restart'] });
      return undefined;
    }
    if (!view.prompt || !this.question) return undefined;
    const tools: ToolName[] =
      view.state === 'choosing' ? [] : [...(view.answers.length || !this.settings.jurisdiction ? (['back'] as const) : []), 'skip', 'results', ...answers, 'restart'];
    return this.composer.show({ kind: 'prompt', prompt: view.prompt, labelId: this.question.labelId, tools, ...(hintId ? { hintId } : {}) });
  }

  /** The result starts at the top of the conversation area, and focus lands on its heading. */
  private showResultTop(): void {
    this.focusTarget = this.resultHeading;
    this.shell.scroll.scrollTop = Math.max(0, this.shell.resultBox.offsetTop - 8);
    this.moveFocus();
  }

  /** Opens the list of answers so far (in place of the result, if any), and fetches the questions meanwhile. */
  private showAnswers(): void {
    const view = this.view;
    if (!view || this.busy) return;
    void this.catalog();
    this.review = {};
    const { section, heading } = renderAnswers(view.answers, this.t, (answer) => void this.change(answer));
    clear(this.shell.reviewBox);
    this.shell.reviewBox.appendChild(section);
    this.shell.resultBox.hidden = true;
    this.composer.show({ kind: 'tools', tools: ['cancel'] });
    this.focusTarget = heading;
    this.shell.scroll.scrollTop = Math.max(0, this.shell.reviewBox.offsetTop - 8);
    this.moveFocus();
  }

  /** Asks `answer`'s question again, with the usual controls; what is sent goes to `/change`. */
  private async change(answer: Answer): Promise<void> {
    const view = this.view;
    if (!view || this.busy) return;
    const catalog = await this.catalogWhileBusy();
    if (catalog === STALE) return;
    if (!this.review) return;
    const t = this.t;
    const prompt = reaskPrompt(answer, view, catalog);
    const current = answer.skipped ? t('commands.skip') : answer.answer;
    clear(this.shell.reviewBox);
    const help = [t('review.current', { answer: current }), prompt.help].filter(Boolean).join('\n');
    const labelId = this.transcript.bot(t('review.reask', { question: prompt.text }), t, help);
    this.review = { prompt, labelId, current };
    this.focusTarget = this.composer.show({ kind: 'prompt', prompt, labelId, tools: ['cancel'], current });
    this.shell.scrollToEnd();
    this.moveFocus();
  }

  /** Leaves the list or the change, back to the question or the result, as they were. */
  private cancel(): void {
    const view = this.view;
    const labelId = this.review?.labelId;
    if (labelId) this.shell.log.querySelector(`[id="${labelId}"]`)?.parentElement?.remove();
    this.endReview();
    if (!view) return;
    if (view.state === 'results') {
      this.showControls(view);
      this.showResultTop();
      return;
    }
    this.focusTarget = this.showControls(view);
    this.shell.scrollToEnd();
    this.moveFocus();
  }

  private endReview(): void {
    this.review = null;
    clear(this.shell.reviewBox);
    this.shell.resultBox.hidden = false;
  }

  /**
   * The catalog, fetched with the controls busy; STALE when the widget was reset or re-created meanwhile (the
   * answer then belongs to a conversation that is gone).
   */
  private async catalogWhileBusy(): Promise<Catalog | undefined | typeof STALE> {
    const generation = this.generation;
    this.setBusy(true);
    const catalog = await this.catalog();
    if (generation !== this.generation) return STALE;
    this.setBusy(false);
    return catalog;
  }

  private catalog(): Promise<Catalog | undefined> {
    const lang = this.lang;
    let catalog = this.catalogs.get(lang);
    if (!catalog) {
      catalog = this.api.catalog(lang).then((c) => {
        if (!c) this.catalogs.delete(lang);
        return c;
      });
      this.catalogs.set(lang, catalog);
    }
    return catalog;
  }

  /** Re-renders the conversation so far from the server's summary (after a reload or a language switch). */
  private rebuild(view: WireView): void {
    this.transcript.clear();
    this.question = null;
    if (view.lang !== this.lang) this.applyLang(view.lang);
    for (const answer of view.answers) {
      this.transcript.bot(answer.question, this.t);
      this.transcript.user(answer.answer, this.t);
    }
  }

  private showResult(result: AssessmentResult, pending: number): HTMLElement {
    const t = this.t;
    const { section, heading } = renderResult(result, pending, t, this.ticks, {
      print: () => printResult(this.shell.host, this.shell.root),
      markdown: () => download(this.shell.root, `park-advisor-${result.jurisdiction}-checklist.md`, 'text/markdown;charset=utf-8', checklistMarkdown(result, this.ticks, t)),
      html: () => download(this.shell.root, `park-advisor-${result.jurisdiction}-checklist.html`, 'text/html;charset=utf-8', checklistHtml(result, this.ticks, t)),
      resolve: (path) => this.settings.apiBase + path,
    });
    clear(this.shell.resultBox);
    this.shell.resultBox.appendChild(section);
    return heading;
  }

  /** Clears the result and progress (while asking, or before anything is shown). */
  private showNothing(): void {
    this.endReview();
    clear(this.shell.resultBox);
    this.shell.setProgress(undefined);
    this.composer.show({ kind: 'idle' });
  }

  private noteExpired(): void {
    this.ids.clear();
    this.ticks.clear();
    this.transcript.clear();
    this.question = null;
    this.showNothing();
    this.transcript.note(this.t('notes.expired'), 'warn');
  }

  private failed(outcome: Outcome): void {
    const message = outcome.kind === 'network' ? this.t('notes.network') : (outcome.kind === 'error' && outcome.message) || this.t('notes.server');
    this.transcript.note(message, 'error');
  }

  private applyLang(lang: WidgetLang): void {
    this.lang = lang;
    this.t = translator(lang);
    this.shell.setTexts(this.t, lang);
    this.composer.setTexts(this.t);
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    if (busy) this.shell.log.setAttribute('aria-busy', 'true');
    else this.shell.log.removeAttribute('aria-busy');
  }

  /** Moves focus to the newest question's control (or the result), when the panel is open. */
  private moveFocus(): void {
    if (this.shell.isOpen && this.focusTarget) this.focusTarget.focus({ preventScroll: this.focusTarget.tagName === 'H3' });
  }

  private focusCurrent(): void {
    if (this.focusTarget && !this.focusTarget.isConnected) this.focusTarget = undefined;
    if (this.shell.isOpen) (this.focusTarget ?? this.shell.closeButton).focus();
  }
}
