/**
 * Values worded once per language and applied text, by question: what a turn shows again and again (the answers
 * summary repeats every earlier answer, the prompt is the same until it is answered) depends on nothing else.
 * Looked up by identity (`questionById` gives one object per id), so a turn builds no key strings; a question
 * object that is not that one is never remembered (see `remembered`), which keeps the memo bounded by languages ×
 * jurisdictions × questions.
 */
import type { Lang } from '../i18n/index.js';
import type { JurisdictionId } from '../rules/types.js';
import { questionById, type QuestionSpec } from './questions.js';

/** One memo: `of(lang, jurisdiction)` is the map for that text, by question. */
export class PerText<V> {
  readonly #maps = new Map<Lang, Map<JurisdictionId | null, Map<QuestionSpec, V>>>();

  /** The value for `question`, made by `make` the first time; a question not shared by id is made every time. */
  remembered(lang: Lang, jurisdiction: JurisdictionId | null | undefined, question: QuestionSpec, make: () => V): V {
    if (questionById(question.id) !== question) return make();
    const values = this.of(lang, jurisdiction);
    let value = values.get(question);
    if (value === undefined) values.set(question, (value = make()));
    return value;
  }

  /** The values remembered for `lang` and `jurisdiction` (created empty the first time). */
  of(lang: Lang, jurisdiction: JurisdictionId | null | undefined): Map<QuestionSpec, V> {
    let byJurisdiction = this.#maps.get(lang);
    if (!byJurisdiction) this.#maps.set(lang, (byJurisdiction = new Map()));
    const key = jurisdiction ?? null;
    let values = byJurisdiction.get(key);
    if (!values) byJurisdiction.set(key, (values = new Map()));
    return values;
  }
}
