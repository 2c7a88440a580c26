/**
 * A document page: its print button. (Ctrl+P prints too; the toolbar is not printed.)
 */
const button = document.getElementById('print-doc');
button?.addEventListener('click', () => window.print());
