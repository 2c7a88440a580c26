/**
 * One mounted widget: it opens a conversation on first use (or resumes the stored one from the server), sends
 * what the user does, and renders each view the API returns: the question with its controls, feedback and
 * hints, or the result. It keeps only the session id in storage; an expired session starts over with a note.
 */
import { ApiClient, type Command, type Outcome } from './api.js';
import { Composer, type ToolName } from './composer.js';
import { clear } from './dom.js';
import type { Emitter } from './events.js';
import { checklistHtml, checklistMarkdown, download } from './exporting.js';
import { normalizeLang, otherLang, type T, translator } from './i18n.js';
import { printResult } from './print.js';
import { renderResult } from './result.js';
import type { Settings } from './settings.js';
import { Shell } from './shell.js';
import { type IdStore, idStore } from './storage.js';
import { Transcript } from './transcript.js';
import type { AssessmentResult, WidgetLang, WireView } from './types.js';
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

  /** Answers the current question (a value or typed text), showing `shown` as the user's reply. */
  private answer(value: unknown, shown: string): void {
    const prompt = this.view?.prompt;
    if (!prompt || this.busy) return;
    void this.send('answers', { questionId: prompt.questionId, value }, shown);
  }

  private command(name: ToolName): void {
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
      this.apply(view, command === 'back' || command === 'continue');
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
    this.view = view;
    if (view.lang !== this.lang) this.applyLang(view.lang);
    const t = this.t;
    if (view.notice) this.transcript.note(view.notice, 'note');
    for (const line of view.feedback) this.transcript.note(line, 'warn');
    const hintId = view.error ? this.transcript.note(view.error.message, 'error') : undefined;

    if (view.state === 'results' && view.result) {
      this.question = null;
      this.transcript.bot(view.pending > 0 ? t('notes.early', { count: view.pending }) : t('notes.results'), t);
      const tools: ToolName[] = [...(view.answers.length ? (['back'] as const) : []), ...(view.pending > 0 ? (['continue'] as const) : []), 'restart'];
      this.composer.show({ kind: 'tools', tools });
      this.shell.setProgress(undefined);
      this.focusTarget = this.showResult(view.result, view.pending);
      // The result starts at the top of the conversation area, and focus lands on its heading.
      this.shell.scroll.scrollTop = Math.max(0, this.shell.resultBox.offsetTop - 8);
      this.moveFocus();
      this.events.emit('result', { jurisdiction: view.result.jurisdiction, verdict: view.result.verdict, result: view.result });
      return;
    }
    this.showNothing();
    const prompt = view.prompt;
    if (!prompt) return;
    if (reask || !hintId || this.question?.id !== prompt.questionId) {
      this.question = { id: prompt.questionId, labelId: this.transcript.bot(prompt.text, t, prompt.help) };
    }
    const tools: ToolName[] =
      view.state === 'choosing'
        ? []
        : [...(view.answers.length || !this.settings.jurisdiction ? (['back'] as const) : []), 'skip', 'results', 'restart'];
    this.focusTarget = this.composer.show({ kind: 'prompt', prompt, labelId: this.question.labelId, tools, ...(hintId ? { hintId } : {}) });
    this.shell.setProgress(prompt.progress);
    this.shell.scrollToEnd();
    this.moveFocus();
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
    });
    clear(this.shell.resultBox);
    this.shell.resultBox.appendChild(section);
    return heading;
  }

  /** Clears the result and progress (while asking, or before anything is shown). */
  private showNothing(): void {
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
