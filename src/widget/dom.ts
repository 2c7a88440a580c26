/**
 * The one way the widget makes elements. Text is only ever set through text nodes (`textContent`), attributes
 * through `setAttribute`; there is deliberately no way to pass HTML, inline styles or inline event handlers, so
 * nothing a user types or the server sends can become markup or code, and a strict CSP is never violated.
 */

/** Attribute values; `true` sets an empty attribute, `false`/`null`/`undefined` leave it out. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** A child: a node, text, or nothing. */
export type Child = Node | string | null | undefined | false;

/** Creates `<tag>` with attributes (`class` included) and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const name of Object.keys(attrs)) {
    const value = attrs[name];
    if (value === false || value === null || value === undefined) continue;
    if (/^on/i.test(name) || name === 'style') throw new Error(`refusing attribute ${name}`);
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

/** Appends children, strings as text. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Removes every child of `node`. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

let counter = 0;

/** A document-unique id for aria references inside the shadow root. */
export function uid(prefix: string): string {
  counter += 1;
  return `pa-${prefix}-${counter}`;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A decorative inline SVG icon (hidden from assistive technology) drawn from one path. */
export function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const shape = document.createElementNS(SVG, 'path');
  shape.setAttribute('d', path);
  svg.appendChild(shape);
  return svg;
}
