/**
 * Checks a jurisdiction's definition against the text of its regulation: every quote (criteria, materials,
 * evidence, procedure steps, unencoded wording) still stands verbatim where its reference points, every reference
 * (article, item, point, annex) still exists, and every item of the conditions article is either encoded by a
 * criterion or declared `notEncoded`. `npm run texts:check` runs it over `regulations/`; the tests run it too.
 * Pure: it takes the text as a string.
 */
import { chineseNumeral } from './format.js';
import type { JurisdictionDef, Ref } from './types.js';

/** One thing in a definition that no longer matches its text. */
export interface TextProblem {
  jurisdiction: string;
  /** The criterion, material, evidence or step id; for unencoded wording `notEncoded[<n>]`; for items `item`. */
  id: string;
  kind: 'criterion' | 'material' | 'evidence' | 'step' | 'notEncoded' | 'coverage';
  ref: Ref;
  problem: 'missing-article' | 'missing-item' | 'missing-point' | 'missing-annex' | 'quote-not-found' | 'quote-moved' | 'uncovered-item';
  /** One line for a reviewer. */
  message: string;
}

/** Whitespace never matters: the texts are copied from web pages and PDFs with arbitrary line breaks. */
export const squash = (text: string): string => text.replace(/[\s\u3000]+/g, '');

const NUMERAL = '[零一二三四五六七八九十百]+';
const ARTICLE_HEAD = new RegExp(`^[\\s\\u3000]*第(${NUMERAL})条`, 'gm');
const SECTION_END = new RegExp(`^[\\s\\u3000]*(第${NUMERAL}[条章]|附件|附[\\s\\u3000]*则)`, 'gm');

/** The text of article `n`: from its heading at the start of a line to the next article, chapter or annex list. */
export function articleOf(text: string, n: number): string | undefined {
  const numeral = chineseNumeral(n);
  for (const m of text.matchAll(ARTICLE_HEAD)) {
    if (m[1] !== numeral) continue;
    const start = m.index;
    SECTION_END.lastIndex = start + m[0].length;
    const next = SECTION_END.exec(text);
    return text.slice(start, next ? next.index : text.length);
  }
  return undefined;
}

/** The item numbers an article enumerates: （一）/(一) at the start of a line. */
export function itemsOf(article: string): number[] {
  const found: number[] = [];
  for (let i = 1; i <= 20; i++) if (itemOf(article, i) !== undefined) found.push(i);
  return found;
}

function itemMarker(i: number): RegExp {
  const numeral = chineseNumeral(i);
  return new RegExp(`^[\\s\\u3000]*[（(]${numeral}[）)]`, 'm');
}

/** The text of item `i` of an article, up to the next item. */
export function itemOf(article: string, i: number): string | undefined {
  const start = itemMarker(i).exec(article);
  if (!start) return undefined;
  const rest = article.slice(start.index + start[0].length);
  const next = new RegExp(`^[\\s\\u3000]*[（(]${NUMERAL}[）)]`, 'm').exec(rest);
  return article.slice(start.index, start.index + start[0].length + (next ? next.index : rest.length));
}

/** Whether an item has a numbered point `p` (1.申建函件, 1．申报请示, 1、…) at the start of a line. */
function hasPoint(item: string, p: number): boolean {
  return new RegExp(`^[\\s\\u3000]*${p}[.．、]`, 'm').test(item);
}

/** The annex list (附件：1.… 2.…) and the title of annex `n`, if the text has it. */
function annexTitle(text: string, n: number): string | undefined {
  const head = /^[\s\u3000]*附件[:：]?[\s\u3000]*$/m.exec(text);
  if (!head) return undefined;
  const list = text.slice(head.index);
  const line = new RegExp(`^[\\s\\u3000]*${n}[.．、](.+)$`, 'm').exec(list);
  return line?.[1]?.trim();
}

interface Entry {
  id: string;
  kind: TextProblem['kind'];
  ref: Ref;
  quote: string;
}

/** Every quote of a definition with its reference. */
function entriesOf(def: JurisdictionDef): Entry[] {
  return [
    ...def.criteria.map((c) => ({ id: c.id, kind: 'criterion' as const, ref: c.ref, quote: c.quote })),
    ...def.materials.map((m) => ({ id: m.id, kind: 'material' as const, ref: m.ref, quote: m.quote })),
    ...def.evidence.map((m) => ({ id: m.id, kind: 'evidence' as const, ref: m.ref, quote: m.quote })),
    ...def.procedure.map((s) => ({ id: s.id, kind: 'step' as const, ref: s.ref, quote: s.quote })),
    ...def.notEncoded.map((n, i) => ({ id: `notEncoded[${i}]`, kind: 'notEncoded' as const, ref: n.ref, quote: n.quote })),
  ];
}

function refLabel(ref: Ref): string {
  const item = ref.item === undefined ? '' : `（${chineseNumeral(ref.item)}）`;
  const point = ref.point === undefined ? '' : `${ref.point}.`;
  const annex = ref.annex === undefined ? '' : ` 附件${ref.annex}`;
  return `第${chineseNumeral(ref.article)}条${item}${point}${annex}`;
}

/** Every problem of `def` against `text` (the content of `regulations/<def.source>`); empty when all match. */
export function auditText(def: JurisdictionDef, text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const flat = squash(text);
  const report = (e: Pick<Entry, 'id' | 'kind' | 'ref'>, problem: TextProblem['problem'], message: string) =>
    problems.push({ jurisdiction: def.id, id: e.id, kind: e.kind, ref: e.ref, problem, message: `${def.source}: ${e.id} ${refLabel(e.ref)}: ${message}` });

  for (const e of entriesOf(def)) {
    const article = articleOf(text, e.ref.article);
    if (article === undefined) {
      report(e, 'missing-article', `第${chineseNumeral(e.ref.article)}条 is no longer in the text`);
      continue;
    }
    let scope = article;
    if (e.ref.item !== undefined) {
      const item = itemOf(article, e.ref.item);
      if (item === undefined) {
        report(e, 'missing-item', `item （${chineseNumeral(e.ref.item)}） is no longer in 第${chineseNumeral(e.ref.article)}条`);
        continue;
      }
      scope = item;
      if (e.ref.point !== undefined && !hasPoint(item, e.ref.point)) {
        report(e, 'missing-point', `point ${e.ref.point} is no longer in the item`);
        continue;
      }
    }
    let annex: string | undefined;
    if (e.ref.annex !== undefined) {
      annex = annexTitle(text, e.ref.annex);
      if (annex === undefined) {
        report(e, 'missing-annex', `附件${e.ref.annex} is no longer in the annex list`);
        continue;
      }
    }
    const quote = squash(e.quote);
    if (squash(scope).includes(quote) || (annex !== undefined && squash(annex).includes(quote))) continue;
    if (flat.includes(quote)) report(e, 'quote-moved', `“${e.quote}” is in the text, but no longer where the reference points`);
    else report(e, 'quote-not-found', `“${e.quote}” is no longer in the text`);
  }

  for (const n of def.conditionsArticles) {
    const article = articleOf(text, n);
    if (article === undefined) continue; // reported above for every criterion citing it
    const cited = new Set([...def.criteria, ...def.notEncoded].filter((c) => c.ref.article === n && c.ref.item !== undefined).map((c) => c.ref.item));
    for (const item of itemsOf(article)) {
      if (cited.has(item)) continue;
      report({ id: 'item', kind: 'coverage', ref: { article: n, item } }, 'uncovered-item', 'no criterion encodes this item and notEncoded does not list it');
    }
  }
  return problems;
}
