/**
 * `GET /staff/api/catalog`: everything the console draws, built from the rules data — the questions of each
 * jurisdiction grouped by the article or item that asks for them, its criteria with their comparison topic,
 * and the quick answers (where to submit, what, how long the notice is, …) from the procedure steps' topics and
 * params and the materials. Nothing here restates a rule: change a step's params and the answer changes.
 */
import { compiledTranslator } from '../../i18n/compiled.js';
import { LANGUAGES, type Lang } from '../../i18n/index.js';
import { questionPrompt } from '../../flows/prompts.js';
import { answerHint } from '../../flows/hints.js';
import { BRANCH_FIELDS, factsAsked, type QuestionSpec, questionById } from '../../flows/questions.js';
import { formatMoney, formatRef } from '../../rules/format.js';
import { prepared } from '../../rules/prepared.js';
import { factLabelIn } from '../../rules/labels.js';
import { JURISDICTIONS, jurisdictionOn } from '../../rules/registry.js';
import type { JurisdictionDef, Ref, StepParams, StepTopic } from '../../rules/types.js';
import {
  type Catalog,
  type CatalogJurisdiction,
  COMPARE_TOPICS,
  type DetailField,
  type DocKind,
  type FieldPrompt,
  type QuestionGroup,
  type QuickAnswer,
  QUICK_TOPICS,
  type QuickTopic,
} from '../shared/types.js';
import { documentsOf as wordDocumentsOf, documentTitle } from '../../documents/index.js';
import { MAX_BRANCHES } from './answers.js';
import { DETAILS, FORM_MATERIALS } from './forms.js';
import { flatStrings, staffT } from './text.js';
import { criterionTopic } from './topics.js';

/** The procedure topics behind each quick answer (`materials` comes from the materials instead). */
export const QUICK_SOURCES: Readonly<Record<QuickTopic, readonly StepTopic[]>> = {
  where: ['submission', 'review'],
  materials: [],
  publicNotice: ['publicNotice'],
  evaluation: ['evaluation'],
  designation: ['designation'],
  refusal: ['refusal'],
  grant: ['grant'],
  cycle: ['periodicEvaluation', 'grades'],
  revocation: ['revocation'],
  branches: ['branches'],
};

/** Quick answers whose point is a figure: without one, the summary says the text sets none. */
const FIGURE_TOPICS: readonly QuickTopic[] = ['publicNotice', 'evaluation', 'refusal', 'grant'];

/** The figures of a step, in words: "不少于 5 个工作日", "3 个月", "100 万元". */
export function stepFigures(params: StepParams | undefined, lang: Lang): string[] {
  if (!params) return [];
  const t = staffT(lang);
  const hedge = (text: string) => {
    const least = params.atLeast ? t('figure.atLeast', { x: text }) : text;
    return params.usually ? t('figure.usually', { x: least }) : least;
  };
  const out: string[] = [];
  if (params.days !== undefined) {
    out.push(hedge(t(params.dayKind === 'working' ? 'figure.workingDays' : 'figure.days', { count: params.days, n: params.days })));
  }
  if (params.months !== undefined) out.push(hedge(t('figure.months', { count: params.months, n: params.months })));
  if (params.years !== undefined) out.push(hedge(t('figure.years', { count: params.years, n: params.years })));
  if (params.amountYuan !== undefined) out.push(hedge(formatMoney(params.amountYuan, lang, compiledTranslator(lang, 'rules'))));
  return out;
}

/** Every quick answer of one jurisdiction, in `lang`. */
export function quickAnswers(def: JurisdictionDef, lang: Lang): QuickAnswer[] {
  const t = staffT(lang);
  const texts = prepared(def, lang);
  // Titles come from the prepared texts of the registered definition; a step's figures from `def` itself.
  const titled = new Map(texts.procedure.map((p) => [p.id, p]));
  return QUICK_TOPICS.map((topic) => {
    const keywords = LANGUAGES.flatMap((l) => staffT(l)(`quick.keywords.${topic}`).split(/\s+/)).filter(Boolean);
    const base = { topic, title: t(`quick.topic.${topic}`), keywords };
    if (topic === 'materials') {
      const items = texts.materials.map(({ id, title, refText, quote }) => ({ id, title, refText, quote }));
      return { ...base, summary: t('quick.summary.materials', { count: items.length, n: items.length }), figures: [], items };
    }
    const steps = def.procedure.filter((s) => QUICK_SOURCES[topic].includes(s.topic));
    const items = steps.map((s) => ({
      id: s.id,
      title: titled.get(s.id)?.title ?? s.quote,
      refText: titled.get(s.id)?.refText ?? '',
      quote: s.quote,
    }));
    const figures = steps.flatMap((s) => stepFigures(s.params, lang));
    let summary: string;
    if (items.length === 0) summary = t(`quick.none.${topic}`);
    else if (figures.length > 0) summary = t(`quick.summary.${topic}`, { figures: figures.join(t('figure.separator')) });
    else if (FIGURE_TOPICS.includes(topic)) summary = t(`quick.noFigure.${topic}`);
    else summary = items[0]?.title ?? '';
    return { ...base, summary, figures, items };
  });
}

/** A question as a field of the console. */
function fieldOf(question: QuestionSpec, lang: Lang, jurisdiction?: JurisdictionDef['id']): FieldPrompt {
  const prompt = questionPrompt(question, lang, 0, 0, jurisdiction);
  const label =
    question.branch === undefined
      ? factLabelIn(question.fact, lang, jurisdiction)
      : staffT(lang)(`branch.${question.fact}`, { n: question.branch + 1 });
  return {
    questionId: prompt.questionId,
    fact: question.fact,
    kind: prompt.kind,
    label,
    text: prompt.text,
    help: prompt.help,
    // The chat's hint for an empty answer, minus its "no answer yet" lead: what to type, with an example.
    ask: askLine(question, lang),
    ...(prompt.options ? { options: prompt.options } : {}),
    ...(question.branch !== undefined ? { branch: question.branch } : {}),
  };
}

/** What a field accepts, in the parser's own words. */
function askLine(question: QuestionSpec, lang: Lang): string {
  // The hint renders `ask.<kind|unit>` with the option list (and the question's counter) for any failure;
  // 'unreadable' is that line behind a fixed lead, which is cut off here.
  const hint = answerHint(question, { ok: false, code: 'unreadable' }, lang);
  const lead = compiledTranslator(lang, 'parse')('error.unreadable', { ask: '' });
  return hint.startsWith(lead) ? hint.slice(lead.length).trim() : hint;
}

const groupKey = (ref: Ref) => (ref.item === undefined ? `${ref.article}` : `${ref.article}.${ref.item}`);

/** The questions of a jurisdiction grouped by the article or item of the text whose criteria read them. */
export function questionGroups(def: JurisdictionDef, lang: Lang): QuestionGroup[] {
  const texts = prepared(def, lang);
  const groups = new Map<string, QuestionGroup>();
  for (const criterion of def.criteria) {
    const id = groupKey(criterion.ref);
    let group = groups.get(id);
    if (!group) {
      const ref: Ref = criterion.ref.item === undefined ? { article: criterion.ref.article } : { article: criterion.ref.article, item: criterion.ref.item };
      group = { id, ref, refText: formatRef(ref, lang, texts.ctx.t), criteria: [], questions: [], branches: false };
      groups.set(id, group);
    }
    group.criteria.push(criterion.id);
  }
  for (const fact of factsAsked(def)) {
    const first = def.criteria.find((c) => c.facts.includes(fact));
    const group = first && groups.get(groupKey(first.ref));
    if (!group) continue;
    if (fact === 'branches') {
      group.branches = true;
      continue;
    }
    const question = questionById(fact);
    if (question) group.questions.push(fieldOf(question, lang, def.id));
  }
  return [...groups.values()].sort((a, b) => a.ref.article - b.ref.article || (a.ref.item ?? 0) - (b.ref.item ?? 0));
}

/** The documents a jurisdiction offers: the checklist, and the forms its materials name. */
export function documentsOf(def: JurisdictionDef): DocKind[] {
  const forms = (Object.entries(FORM_MATERIALS) as [DocKind, string][]).filter(([, material]) => def.materials.some((m) => m.id === material));
  return ['checklist', ...forms.map(([kind]) => kind)];
}

function jurisdictionEntry(def: JurisdictionDef, lang: Lang, date?: string): CatalogJurisdiction {
  const texts = prepared(def, lang);
  const groups = questionGroups(def, lang);
  const groupOf = new Map(groups.flatMap((g) => g.criteria.map((c) => [c, g.id] as const)));
  return {
    id: def.id,
    name: texts.name,
    shortName: texts.ctx.tj('shortName'),
    authority: texts.ctx.tj('authority'),
    title: def.title,
    documentNumber: def.documentNumber,
    statusText: staffT(lang)(`textStatus.${def.status}`),
    groups,
    criteria: def.criteria.map((c) => {
      const fixed = texts.criteria.get(c.id);
      return {
        id: c.id,
        title: fixed?.title ?? c.id,
        refText: fixed?.refText ?? '',
        quote: c.quote,
        severity: c.severity,
        inPrinciple: c.inPrinciple ?? false,
        topic: criterionTopic(c),
        group: groupOf.get(c.id) ?? '',
      };
    }),
    quick: quickAnswers(def, lang),
    documents: documentsOf(def),
    wordDocuments: wordDocumentsOf(def.id, date).map((name) => ({ name, title: documentTitle(name, def.id, lang, date) })),
  };
}

/** The detail fields in `lang`. */
function detailFields(lang: Lang): DetailField[] {
  const t = staffT(lang);
  return DETAILS.map((d) => ({
    id: d.id,
    label: t(`details.${d.id}`),
    kind: d.kind,
    ...(d.options
      ? { options: d.options.map((o) => ({ value: o.value, label: lang === 'zh-CN' ? o.label : `${o.label} (${t(`details.options.${o.value}`)})` })) }
      : {}),
    docs: [...d.docs],
  }));
}

const cache = new Map<string, Catalog>();

/**
 * The catalog in `lang`: each jurisdiction's questions, criteria and documents by the version of its text in
 * force on `date` (the console's today; the latest without one). Built once per language, token setting and set
 * of versions (not per day: a new entry only when a text changes).
 */
export function catalog(lang: Lang, tokenRequired: boolean, date?: string): Catalog {
  const defs = JURISDICTIONS.map((def) => (date === undefined ? def : jurisdictionOn(def.id, date)));
  const key = `${lang}/${tokenRequired}/${defs.map((d) => d.text.version).join()}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const t = staffT(lang);
  const built: Catalog = {
    lang,
    strings: { ...flatStrings(lang, 'staff'), ...pick(flatStrings(lang, 'rules', 'rules.'), /^rules\.(status|verdict|severity)\./) },
    jurisdictions: defs.map((def) => jurisdictionEntry(def, lang, date)),
    topics: COMPARE_TOPICS.map((id) => ({ id, label: t(`topics.${id}`) })),
    branchFields: Array.from({ length: MAX_BRANCHES }, (_, i) =>
      BRANCH_FIELDS.map((field) => fieldOf(questionById(`branches.${i}.${field}`) as QuestionSpec, lang)),
    ),
    tokenRequired,
    details: detailFields(lang),
  };
  cache.set(key, built);
  return built;
}

function pick(strings: Record<string, string>, pattern: RegExp): Record<string, string> {
  return Object.fromEntries(Object.entries(strings).filter(([k]) => pattern.test(k)));
}
