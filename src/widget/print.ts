/**
 * Prints the result alone: while the browser prints, the host is marked `data-printing` (the widget's print
 * styles then show only the result, with every article quote expanded) and a document-level stylesheet hides
 * the rest of the page. A plain Ctrl+P of the page hides the widget instead.
 */
import { adoptDocumentStyles } from './styles.js';
import { HOST_TAG } from './shell.js';

const HIDE_PAGE = `@media print{body>:not(${HOST_TAG}){display:none!important}}`;

/** Prints the result shown in `root`. */
export function printResult(host: HTMLElement, root: ShadowRoot): void {
  const details = Array.from(root.querySelectorAll('.result details')) as HTMLDetailsElement[];
  const wasOpen = details.map((d) => d.open);
  for (const d of details) d.open = true;
  host.setAttribute('data-printing', '');
  const restorePage = adoptDocumentStyles(HIDE_PAGE);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    window.removeEventListener('afterprint', finish);
    host.removeAttribute('data-printing');
    restorePage();
    details.forEach((d, i) => (d.open = wasOpen[i] ?? false));
  };
  window.addEventListener('afterprint', finish);
  try {
    // window.print() returns when the print dialog closes.
    window.print();
  } finally {
    finish();
  }
}
