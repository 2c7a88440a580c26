/**
 * Telegram HTML: escaping every dynamic string, and splitting long texts into messages that fit Telegram's
 * limit at paragraph boundaries (then at line boundaries, and only as a last resort inside a line).
 *
 * The renderers of this folder keep every tag opened and closed on one line, so that any split between lines
 * leaves each message with balanced tags; a line cut in the middle loses its tags (its text stays escaped).
 */

/** The longest text Telegram accepts in one message (characters after entity parsing; we count the markup too). */
export const MESSAGE_LIMIT = 4096;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes `&`, `<`, `>` and `"`: the text is then shown literally in HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

/** Wraps escaped `text` in a tag (`b`, `i`, `code`). */
export function tag(name: 'b' | 'i' | 'code', text: string): string {
  return `<${name}>${escapeHtml(text)}</${name}>`;
}

/**
 * Splits `html` into messages of at most `limit` characters. Paragraphs (separated by a blank line) are packed
 * greedily and never cut while they fit; a longer paragraph is cut between lines, and a longer line between
 * words (outside any `&…;` entity, without its tags).
 */
export function splitMessage(html: string, limit = MESSAGE_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 16) throw new RangeError(`limit must be an integer ≥ 16, got ${limit}`);
  const pieces = html
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .flatMap((p) => (p.length <= limit ? [p] : splitParagraph(p, limit)));
  return pack(pieces, '\n\n', limit);
}

/** Joins `pieces` with `separator` into as few chunks of at most `limit` as their order allows. */
function pack(pieces: readonly string[], separator: string, limit: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current === '') current = piece;
    else if (current.length + separator.length + piece.length <= limit) current += separator + piece;
    else {
      chunks.push(current);
      current = piece;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function splitParagraph(paragraph: string, limit: number): string[] {
  const lines = paragraph.split('\n').flatMap((line) => (line.length <= limit ? [line] : hardSplit(line, limit)));
  return pack(lines, '\n', limit);
}

/** Cuts one over-long line: tags are dropped (a cut could not keep them balanced), entities kept whole. */
function hardSplit(line: string, limit: number): string[] {
  let rest = line.replace(/<[^>]*>/g, '');
  const parts: string[] = [];
  while (rest.length > limit) {
    let cut = limit;
    const space = rest.lastIndexOf(' ', limit - 1);
    if (space > limit * 0.8) cut = space + 1;
    const amp = rest.lastIndexOf('&', cut - 1);
    if (amp !== -1 && rest.indexOf(';', amp) >= cut) cut = amp; // never inside &amp; &lt; …
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // never between the halves of a surrogate pair
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== '') parts.push(rest);
  return parts;
}
