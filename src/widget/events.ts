/**
 * The widget's events (`ready`, `opened`, `closed`, `result`): listeners registered with `on(name, fn)`, and the
 * same event dispatched on `window` as a `parkadvisor:<name>` CustomEvent for pages that prefer DOM events.
 */
import type { WidgetEventName } from './types.js';

type Listener = (detail: unknown) => void;

/** A small emitter that also mirrors every event onto `window`. */
export class Emitter {
  private readonly listeners = new Map<WidgetEventName, Set<Listener>>();

  /** Registers `fn`; returns a function that removes it. */
  on(name: WidgetEventName, fn: Listener): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(fn);
    return () => this.off(name, fn);
  }

  /** Removes `fn`. */
  off(name: WidgetEventName, fn: Listener): void {
    this.listeners.get(name)?.delete(fn);
  }

  /** Calls every listener (one that throws does not stop the others) and dispatches `parkadvisor:<name>`. */
  emit(name: WidgetEventName, detail: unknown): void {
    for (const fn of [...(this.listeners.get(name) ?? [])]) {
      try {
        fn(detail);
      } catch (error) {
        console.error(`ParkAdvisor: a "${name}" listener failed`, error);
      }
    }
    window.dispatchEvent(new CustomEvent(`parkadvisor:${name}`, { detail }));
  }
}
