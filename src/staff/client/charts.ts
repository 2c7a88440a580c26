/**
 * Horizontal bar charts as plain SVG, for the insights view: no chart framework, nothing inline that the page's
 * policy would refuse (presentation attributes and classes only, colours in staff.css). Each chart is an image
 * with a title and a description (role="img", aria-labelledby), and always sits next to a table with the same
 * figures, which is what screen readers and the CSV export use.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** One bar: a label, the figure as shown ("<5" for a suppressed count) and its length. */
export interface Bar {
  label: string;
  value: number | '<5';
}

/** Creates an SVG element with attributes. */
function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const WIDTH = 760;
const LABEL_WIDTH = 330;
const ROW = 26;
const BAR = 16;
/** A "<5" bar is drawn as long as 5 would be, marked apart (dashed), never as its unknown true length. */
const SMALL = 5;
/** Characters of a label that fit its column (CJK glyphs are about twice as wide as Latin ones). */
const LABEL_UNITS = 40;

/** Shortens a label to the units of the label column, counting CJK characters double. */
export function fitLabel(label: string, units = LABEL_UNITS): string {
  let used = 0;
  let out = '';
  for (const ch of label) {
    const w = /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
    if (used + w > units - 1) return `${out}…`;
    used += w;
    out += ch;
  }
  return out;
}

/** A bar chart of `bars` (drawn in the given order), with an accessible title and description. */
export function barChart(id: string, title: string, description: string, bars: readonly Bar[]): SVGSVGElement {
  const height = Math.max(1, bars.length) * ROW + 8;
  const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, class: 'chart', id });
  svg.append(s('title', { id: `${id}-t` }, title), s('desc', { id: `${id}-d` }, description));
  const max = Math.max(SMALL, ...bars.map((b) => (b.value === '<5' ? SMALL : b.value)));
  const span = WIDTH - LABEL_WIDTH - 60;
  bars.forEach((bar, i) => {
    const y = 4 + i * ROW;
    const n = bar.value === '<5' ? SMALL : bar.value;
    const length = n === 0 ? 0 : Math.max(2, Math.round((n / max) * span));
    const g = s('g', { class: bar.value === '<5' ? 'bar small' : 'bar' });
    g.append(
      s('text', { x: LABEL_WIDTH - 8, y: y + BAR - 3, 'text-anchor': 'end', class: 'label' }, fitLabel(bar.label)),
      s('rect', { x: LABEL_WIDTH, y, width: length, height: BAR, rx: 2 }),
      s('text', { x: LABEL_WIDTH + length + 6, y: y + BAR - 3, class: 'value' }, String(bar.value)),
    );
    svg.append(g);
  });
  return svg;
}
