/**
 * Puts the widget's stylesheet into its shadow root: a constructed `CSSStyleSheet` through `adoptedStyleSheets`
 * (not subject to a CSP's `style-src`, so no 'unsafe-inline' is needed), or a `<style>` element in browsers
 * without constructable stylesheets.
 */
import css from './styles.css';

/** Applies the widget's styles to `root`. */
export function adoptStyles(root: ShadowRoot): void {
  try {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    /* fall back below */
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.appendChild(style);
}

/**
 * Adds a document-level stylesheet (for printing only the widget); returns a function that removes it again.
 * Without constructable stylesheets it does nothing, and the page prints along with the result.
 */
export function adoptDocumentStyles(text: string): () => void {
  try {
    if ('adoptedStyleSheets' in document && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return () => {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
  } catch {
    /* nothing to undo */
  }
  return () => undefined;
}
