/**
 * The widget's frame: a `<park-advisor>` host with an open shadow root holding the launcher button and the chat
 * panel (`role="dialog"`): a header (title, language switch, close), progress, the scrolling conversation
 * (`role="log"`, `aria-live="polite"`) with room for the result and for the list of answers, and the answer area. It owns opening,
 * closing, Escape and focus return; what goes inside is filled in by the transcript, composer and result modules.
 */
import { h, icon } from './dom.js';
import type { T } from './i18n.js';
import { adoptStyles } from './styles.js';
import type { Theme } from './settings.js';
import { NARROW } from './viewport.js';

/** What can take focus inside the panel (for the focus trap of the full-screen dialog). */
const FOCUSABLE = 'button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])';

/** The tag of the host element (an undefined autonomous custom element, so that it can hold a shadow root). */
export const HOST_TAG = 'park-advisor';

const CHAT_ICON = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6v2h2v-2H7zm4 0v2h2v-2h-2zm4 0v2h2v-2h-2z';

/** What the frame reports back. */
export interface ShellHandlers {
  toggle(): void;
  close(): void;
  switchLanguage(): void;
  /** The "change" button beside the text being applied. */
  changeText(): void;
  /** Escape was pressed: true when that cancelled something (then the panel stays open). */
  escape(): boolean;
}

/** The frame's elements. */
export class Shell {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly launcher: HTMLButtonElement;
  readonly panel: HTMLElement;
  readonly title: HTMLHeadingElement;
  readonly subtitle: HTMLParagraphElement;
  readonly langButton: HTMLButtonElement;
  readonly closeButton: HTMLButtonElement;
  readonly progress: HTMLElement;
  /** The text being applied ("按《…》逐条核对") and the button that changes it. */
  readonly applying: HTMLElement;
  readonly applyingText: HTMLElement;
  readonly changeTextButton: HTMLButtonElement;
  readonly progressText: HTMLElement;
  readonly progressFill: HTMLElement;
  readonly scroll: HTMLElement;
  readonly log: HTMLElement;
  readonly resultBox: HTMLElement;
  readonly reviewBox: HTMLElement;
  readonly foot: HTMLElement;
  private readonly launcherText: HTMLElement;
  /** Narrow screens, where the open panel covers the page and is a modal dialog. */
  private readonly narrow: MediaQueryList;
  /** Elements of the page this widget made inert while modal (and so restores). */
  private inerted: HTMLElement[] = [];

  constructor(handlers: ShellHandlers) {
    this.host = document.createElement(HOST_TAG);
    this.host.setAttribute('data-park-advisor', '');
    this.root = this.host.attachShadow({ mode: 'open' });
    adoptStyles(this.root);

    this.launcherText = h('span');
    this.launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'pa-panel', 'aria-haspopup': 'dialog' });
    this.launcher.append(icon(CHAT_ICON), this.launcherText);

    this.title = h('h2', { id: 'pa-title' });
    this.subtitle = h('p', { id: 'pa-subtitle' });
    this.langButton = h('button', { type: 'button', class: 'lang' });
    this.closeButton = h('button', { type: 'button', class: 'x' }, '×');
    const heading = h('div', { class: 'titles' }, this.title, this.subtitle);
    this.applyingText = h('p', { class: 'applying-text', id: 'pa-applying' });
    this.changeTextButton = h('button', { type: 'button', class: 'tool change-text', 'data-command': 'jurisdiction' });
    this.applying = h('div', { class: 'applying', hidden: true }, this.applyingText, this.changeTextButton);
    this.progressText = h('div');
    this.progressFill = h('div');
    this.progress = h('div', { class: 'progress', hidden: true }, this.progressText, h('div', { class: 'bar', 'aria-hidden': 'true' }, this.progressFill));
    this.log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', tabindex: '0' });
    this.resultBox = h('div', { class: 'result-box' });
    this.reviewBox = h('div');
    this.scroll = h('div', { class: 'scroll' }, this.log, this.resultBox, this.reviewBox);
    this.foot = h('div', { class: 'foot' });
    this.panel = h(
      'div',
      { class: 'panel', id: 'pa-panel', role: 'dialog', 'aria-labelledby': 'pa-title', 'aria-describedby': 'pa-subtitle', hidden: true },
      h('div', { class: 'head' }, heading, this.langButton, this.closeButton),
      this.applying,
      this.progress,
      this.scroll,
      this.foot,
    );
    this.root.append(h('div', { class: 'root' }, this.launcher, this.panel));

    this.launcher.addEventListener('click', () => handlers.toggle());
    this.closeButton.addEventListener('click', () => handlers.close());
    this.langButton.addEventListener('click', () => handlers.switchLanguage());
    this.changeTextButton.addEventListener('click', () => handlers.changeText());
    this.narrow = window.matchMedia(NARROW);
    this.narrow.addEventListener('change', () => this.syncModal());
    // While modal, Tab and Shift+Tab go round the panel's controls and never leave it.
    this.root.addEventListener('keydown', (event) => {
      const e = event as KeyboardEvent;
      if (e.key === 'Tab' && this.isModal) this.trapTab(e);
    });
    // Escape cancels a change under way, or else closes from anywhere in the widget (the launcher included) and
    // focus returns to the launcher.
    this.root.addEventListener('keydown', (event) => {
      const e = event as KeyboardEvent;
      if (e.key === 'Escape' && this.isOpen) {
        e.preventDefault();
        e.stopPropagation();
        if (!handlers.escape()) handlers.close();
      }
    });
  }

  /** Whether the panel is showing. */
  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  /**
   * Puts the widget on the page, as the body's first element: the launcher is fixed at a corner whatever its
   * place in the document, and first in the document it is reached early in the tab order.
   */
  attach(theme: Theme): void {
    this.applyTheme(theme);
    document.body.prepend(this.host);
  }

  /** Sets theme custom properties on the host (through the CSSOM, which a CSP does not restrict). */
  applyTheme(theme: Theme): void {
    for (const key of Object.keys(theme)) {
      const value = theme[key];
      if (typeof value !== 'string') continue;
      if (key === 'position') {
        this.host.setAttribute('data-position', value === 'left' ? 'left' : 'right');
        continue;
      }
      const name = key.startsWith('--') ? key : `--pa-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      this.host.style.setProperty(name, value);
    }
  }

  /** Updates the frame's own words. */
  setTexts(t: T, lang: string): void {
    this.host.setAttribute('lang', lang);
    this.panel.setAttribute('lang', lang);
    this.launcherText.textContent = t('title');
    this.title.textContent = t('title');
    this.subtitle.textContent = t('subtitle');
    this.langButton.textContent = t('switchLanguage');
    this.langButton.setAttribute('aria-label', t('switchLanguageLabel'));
    this.langButton.setAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
    this.closeButton.setAttribute('aria-label', t('close'));
    this.log.setAttribute('aria-label', t('log'));
  }

  /** Shows or hides the panel and keeps the launcher's state in step. */
  setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    this.syncModal();
  }

  /** Whether the open panel is a modal dialog now (open on a narrow screen, where it covers the page). */
  get isModal(): boolean {
    return this.isOpen && this.narrow.matches && this.host.isConnected;
  }

  /**
   * Full-screen on a phone, the panel is a modal dialog: `aria-modal="true"`, the page behind it (every other
   * element of the body, and the launcher under the panel) inert, focus kept inside. On a wide screen it sits
   * beside the page, which stays usable.
   */
  syncModal(): void {
    const modal = this.isModal;
    if (modal) this.panel.setAttribute('aria-modal', 'true');
    else this.panel.removeAttribute('aria-modal');
    this.launcher.inert = modal;
    if (modal && this.inerted.length === 0) {
      for (const element of Array.from(document.body.children)) {
        if (element === this.host || !(element instanceof HTMLElement) || element.inert) continue;
        element.inert = true;
        this.inerted.push(element);
      }
    } else if (!modal) {
      for (const element of this.inerted) element.inert = false;
      this.inerted = [];
    }
  }

  /** Moves focus round the panel's controls on Tab (forwards from the last, backwards from the first). */
  private trapTab(e: KeyboardEvent): void {
    const focusable = Array.from(this.panel.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && !el.closest('[inert]'),
    );
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    const active = this.root.activeElement;
    const inside = active !== null && this.panel.contains(active);
    if (!inside || (e.shiftKey && active === first) || (!e.shiftKey && active === last)) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  }

  /** Whether keyboard focus is inside the panel. */
  focusInPanel(): boolean {
    const active = this.root.activeElement;
    return active !== null && this.panel.contains(active);
  }

  /** States the text being applied, with its change button, or hides the line (while choosing). */
  setApplying(applying: { text: string; name: string } | undefined, t: T): void {
    this.applying.hidden = !applying;
    if (!applying) return;
    this.applyingText.textContent = applying.text;
    this.changeTextButton.textContent = t('applying.change');
    this.changeTextButton.setAttribute('aria-label', t('applying.changeLabel', { name: applying.name }));
  }

  /** Shows progress ("第 5 题，共约 18 题") or hides it. */
  setProgress(progress: { current: number; total: number; text: string } | undefined): void {
    this.progress.hidden = !progress;
    if (!progress) return;
    this.progressText.textContent = progress.text;
    this.progressFill.style.width = `${Math.min(100, Math.round((100 * (progress.current - 1)) / Math.max(progress.total, 1)))}%`;
  }

  /** Scrolls the conversation to its end. */
  scrollToEnd(): void {
    this.scroll.scrollTop = this.scroll.scrollHeight;
  }

  /** Takes the widget off the page (and gives the page back its focus and interaction). */
  detach(): void {
    this.panel.hidden = true;
    this.host.remove();
    this.syncModal();
  }
}
