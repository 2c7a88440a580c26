/**
 * A small element builder. Text always goes in as text (never as HTML), so nothing typed, imported or shared
 * in a link can inject markup; and no element gets a style attribute (the page runs under style-src 'self').
 */
type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown>;

/** Creates `tag` with attributes, `class`, `dataset`, `on<Event>` listeners, boolean properties and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value as Record<string, string>);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Removes every child. */
export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** The element with `id`, which the page must have. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing`);
  return el as T;
}

/** A DOM id for a question id (`branches.0.floorArea` → `q-branches-0-floorArea`). */
export function fieldId(questionId: string): string {
  return `q-${questionId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
