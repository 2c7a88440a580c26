/**
 * Park Advisor's embeddable help widget. A bureau site adds one tag:
 *
 *   <script src="https://HOST/widget.js" data-jurisdiction="shandong" data-lang="zh-CN" async></script>
 *
 * and gets a launcher that opens the assistant. Pages may preset `window.ParkAdvisorSettings` before the script
 * loads, and script against `window.ParkAdvisor`: `init(options)`, `open()`, `close()`, `toggle()`,
 * `setLocale(lang)`, `reset()`, and `on(event, fn)` for `ready`, `opened`, `closed` and `result` (each also
 * dispatched on `window` as a `parkadvisor:<event>` CustomEvent).
 */
import { Emitter } from './events.js';
import { Widget } from './controller.js';
import { mergeOptions, optionsFromScript, ownScript, resolveSettings, scriptOrigin, type WidgetOptions } from './settings.js';
import type { WidgetEventName } from './types.js';

/** The public API on `window.ParkAdvisor`. */
export interface ParkAdvisorApi {
  readonly version: string;
  /** (Re)creates the widget with these options on top of the current ones. */
  init(options?: WidgetOptions): ParkAdvisorApi;
  open(): void;
  close(): void;
  toggle(): void;
  /** Switches the language (`zh-CN` or `en`) of the widget and the conversation. */
  setLocale(lang: string): Promise<void>;
  /** Forgets the conversation and starts a new one. */
  reset(): void;
  /** Listens to an event; returns a function that stops listening. */
  on(event: WidgetEventName, fn: (detail: unknown) => void): () => void;
  off(event: WidgetEventName, fn: (detail: unknown) => void): void;
}

declare global {
  interface Window {
    ParkAdvisor?: ParkAdvisorApi;
    ParkAdvisorSettings?: WidgetOptions;
  }
}

const VERSION = '1.0.0';

function main(): void {
  // Loaded twice (two tags, or a tag and a tag manager): the first copy stays in charge.
  if (window.ParkAdvisor && typeof window.ParkAdvisor.init === 'function') return;
  const script = ownScript();
  const origin = scriptOrigin(script);
  const events = new Emitter();
  let options = mergeOptions(optionsFromScript(script), window.ParkAdvisorSettings);
  let widget: Widget | undefined;

  const whenBodyReady = (fn: () => void) => {
    if (document.body) fn();
    else document.addEventListener('DOMContentLoaded', fn, { once: true });
  };

  const api: ParkAdvisorApi = {
    version: VERSION,
    init(next) {
      options = mergeOptions(options, next);
      widget?.destroy();
      const created = new Widget(resolveSettings(options, origin), events);
      widget = created;
      whenBodyReady(() => {
        if (widget === created) created.mount();
      });
      return api;
    },
    open: () => widget?.open(),
    close: () => widget?.close(),
    toggle: () => widget?.toggle(),
    setLocale: (lang) => widget?.setLocale(lang) ?? Promise.resolve(),
    reset: () => widget?.reset(),
    on: (event, fn) => events.on(event, fn),
    off: (event, fn) => events.off(event, fn),
  };
  window.ParkAdvisor = api;
  api.init();
}

main();
