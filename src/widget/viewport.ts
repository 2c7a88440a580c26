/**
 * On narrow screens the panel is full-screen; when the on-screen keyboard opens, the visual viewport shrinks
 * while the layout viewport does not, so the panel is fitted to `window.visualViewport` (height and offset) to
 * keep the text box above the keyboard. On wide screens the stylesheet alone decides.
 */

/** The width under which the panel is full-screen (matches the stylesheet). */
export const NARROW = '(max-width: 639.98px)';

/**
 * Keeps `panel` fitted to the visual viewport while narrow; `fit` re-applies it (call it on opening), and
 * `resized` runs after each change of size (to keep the newest message in view above the keyboard).
 */
export function fitToVisualViewport(panel: HTMLElement, resized: () => void = () => undefined): { fit: () => void; stop: () => void } {
  const viewport = window.visualViewport;
  const narrow = window.matchMedia(NARROW);
  let last = '';
  const fit = () => {
    if (viewport && narrow.matches && !panel.hidden) {
      const height = `${Math.round(viewport.height)}px`;
      panel.style.height = height;
      panel.style.top = `${Math.round(viewport.offsetTop)}px`;
      if (height !== last) resized();
      last = height;
    } else {
      last = '';
      panel.style.removeProperty('height');
      panel.style.removeProperty('top');
    }
  };
  viewport?.addEventListener('resize', fit);
  viewport?.addEventListener('scroll', fit);
  window.addEventListener('resize', fit);
  fit();
  const stop = () => {
    viewport?.removeEventListener('resize', fit);
    viewport?.removeEventListener('scroll', fit);
    window.removeEventListener('resize', fit);
  };
  return { fit, stop };
}
