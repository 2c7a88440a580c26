/**
 * Which answer fills which field: the one mapping from the facts (and the typed "details" that are not facts —
 * the park's name, address, contact, the Mudanjiang form's ticks) to the fields of the forms. The staff
 * console's HTML drafts and the Word documents both read their values from here, so a field cannot be filled
 * one way on paper and another in Word. Unknown values are '' (printed blank), never zero.
 */
import { compiledTranslator } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import { factsAsked, questionById } from '../flows/questions.js';
import type { DateBounds, FactName, Facts } from '../rules/facts.js';
import type { NumericValue } from '../rules/facts.js';
import { formatDateSpan, formatFigure, formatNumber, formatNumericAnswer, formatQuantity, formatRef } from '../rules/format.js';
import { prepared } from '../rules/prepared.js';
import { factLabelIn } from '../rules/labels.js';
import type { JurisdictionDef, JurisdictionId, Ref } from '../rules/types.js';
import { FACT_UNITS } from '../rules/units.js';

/** Typed details (not facts): text fields, one choice, or a list of ticked values. */
export type Details = Readonly<Record<string, string | readonly string[]>>;

/** A text detail, or '' when it was not typed. */
export function detailText(details: Details, id: string): string {
  const value = details[id];
  return typeof value === 'string' ? value : '';
}

/** A list detail (ticks), empty when none. */
export function detailList(details: Details, id: string): ReadonlySet<string> {
  const value = details[id];
  return new Set(Array.isArray(value) ? (value as readonly string[]) : []);
}

/** A fact's value as the documents print it ("12,000 平方米", "是", "会议、培训"), or '' when it is unknown. */
export function factText(fact: FactName, facts: Facts, lang: Lang): string {
  const value = facts[fact];
  const question = questionById(fact);
  if (value === undefined || !question) return '';
  const rules = compiledTranslator(lang, 'rules');
  const names = compiledTranslator(lang, 'facts');
  // A day, or bounds on it as people say them ("2023年11月").
  if (FACT_UNITS[fact].kind === 'date') return typeof value === 'string' ? value : formatDateSpan(value as DateBounds, rules);
  // An exact figure, or an approximate answer's bounds ("12,000 多平方米（12,001–12,999 平方米）").
  if (typeof value === 'number' || (typeof value === 'object' && !Array.isArray(value))) return formatNumericAnswer(value as NumericValue, FACT_UNITS[fact], lang, rules);
  if (typeof value === 'boolean') return rules(value ? 'answer.yes' : 'answer.no');
  if (Array.isArray(value)) {
    if (value.length === 0) return compiledTranslator(lang, 'flow')('answer.none');
    return value.map((v) => names(`${fact}.values.${String(v)}`)).join(rules('list.separator'));
  }
  if (question.kind === 'choice') return names(`${fact}.values.${String(value)}`);
  return String(value);
}

/**
 * A fact's short label in the words of `jurisdiction`'s text ("园区年营业收入" for 山东, never 温州's
 * "上一年度…（含代收代付）"), and of `criterion` when the field stands for one condition (the explanations' lookup).
 */
export function factLabel(fact: FactName, lang: Lang, jurisdiction: JurisdictionId, criterion?: string): string {
  return factLabelIn(fact, lang, jurisdiction, criterion);
}

/** The label of a detail (`staff:details.<id>`, the labels the console types them under). */
export function detailLabel(id: string, lang: Lang): string {
  return compiledTranslator(lang, 'staff')(`details.${id}`);
}

// ── the Mudanjiang 评估认定审批表 ─────────────────────────────────────────────────────────────────────────

/** The values of the Mudanjiang 评估认定审批表, field by field (labels: `MUDANJIANG_FORM`). Chinese, as handed in. */
export interface MudanjiangFormValues {
  applicantUnit: string;
  fillDate: string;
  parkName: string;
  address: string;
  contact: string;
  phone: string;
  ownership: string;
  registeredOn: string;
  /** In 万元, as typed (the form prints the unit). */
  investment: string;
  landArea: string;
  /** 专（兼）职人员数: the full-time staff answered ("专职 12 人"); part-time staff is not a fact. */
  staff: string;
  /** 入驻机构数量: all resident institutions if known, else the HR service institutions, said as such. */
  institutions: string;
  /** 载体建设方式: `new`, `renovated` or '' (nothing ticked). */
  constructionMode: string;
  /** 园区可提供的服务: the ticked values. */
  services: ReadonlySet<string>;
}

/** Fills the Mudanjiang form from the facts and the details. */
export function mudanjiangFormValues(facts: Facts, details: Details): MudanjiangFormValues {
  const t = compiledTranslator('zh-CN', 'staff');
  const n = (value: NumericValue) => formatFigure(value, 'zh-CN');
  const institutions =
    facts.parkInstitutions !== undefined
      ? t('doc.mudanjiang.institutions', { n: n(facts.parkInstitutions) })
      : facts.hrInstitutions !== undefined
        ? t('doc.mudanjiang.hrInstitutions', { n: n(facts.hrInstitutions) })
        : '';
  const text = (id: string) => detailText(details, id);
  return {
    applicantUnit: text('applicantUnit'),
    fillDate: text('fillDate'),
    parkName: text('parkName'),
    address: text('address'),
    contact: text('contact'),
    phone: text('phone'),
    ownership: text('ownership'),
    registeredOn: text('registeredOn'),
    investment: text('investment'),
    landArea: text('landArea'),
    staff: facts.fullTimeStaff === undefined ? '' : t('doc.mudanjiang.fullTime', { n: n(facts.fullTimeStaff) }),
    institutions,
    constructionMode: text('constructionMode'),
    services: detailList(details, 'services'),
  };
}

// ── the Jilin cover page and 申报表 (outlines) ────────────────────────────────────────────────────────────

/** A labelled field of an outline, with its value ('' when unknown). */
export interface OutlineField {
  id: string;
  label: string;
  value: string;
}

/** The fields of the Jilin cover page (附件1), in order. */
export function jilinCoverFields(facts: Facts, details: Details, lang: Lang): OutlineField[] {
  const t = compiledTranslator(lang, 'staff');
  const text = (id: string) => detailText(details, id);
  return [
    { id: 'parkName', label: detailLabel('parkName', lang), value: text('parkName') },
    { id: 'parkType', label: factLabel('parkType', lang, 'jilin'), value: factText('parkType', facts, lang) },
    { id: 'applicantUnit', label: t('doc.jilin.applicantSeal'), value: text('applicantUnit') },
    { id: 'city', label: detailLabel('city', lang), value: text('city') },
    { id: 'contact', label: detailLabel('contact', lang), value: text('contact') },
    { id: 'phone', label: detailLabel('phone', lang), value: text('phone') },
    { id: 'fillDate', label: t('doc.jilin.date'), value: text('fillDate') },
  ];
}

/** The head of the Jilin 申报表: the park's identity before the conditions. */
export function jilinFormHead(details: Details, lang: Lang): OutlineField[] {
  return ['parkName', 'address', 'operator', 'contact', 'phone'].map((id) => ({ id, label: detailLabel(id, lang), value: detailText(details, id) }));
}

/** The answers of one article or item of a text, with the titles of its conditions. */
export interface FactGroup {
  /** `<article>` or `<article>.<item>`. */
  id: string;
  ref: Ref;
  refText: string;
  /** The titles of the conditions of that article or item, in the text's order. */
  titles: string[];
  fields: OutlineField[];
}

/**
 * The facts a text asks, grouped by the article or item whose conditions read them first (第五条第（二）项:
 * 建筑面积, 分园区数量, …), each with its value: the body of an application form laid out like the conditions.
 */
export function factGroups(def: JurisdictionDef, facts: Facts, lang: Lang): FactGroup[] {
  const texts = prepared(def, lang);
  const key = (ref: Ref) => (ref.item === undefined ? `${ref.article}` : `${ref.article}.${ref.item}`);
  const groups = new Map<string, FactGroup>();
  for (const criterion of def.criteria) {
    const id = key(criterion.ref);
    let group = groups.get(id);
    if (!group) {
      const ref: Ref = criterion.ref.item === undefined ? { article: criterion.ref.article } : { article: criterion.ref.article, item: criterion.ref.item };
      group = { id, ref, refText: formatRef(ref, lang, texts.ctx.t), titles: [], fields: [] };
      groups.set(id, group);
    }
    const title = texts.criteria.get(criterion.id)?.title;
    if (title) group.titles.push(title);
  }
  for (const fact of factsAsked(def)) {
    const first = def.criteria.find((c) => c.facts.includes(fact));
    const group = first && groups.get(key(first.ref));
    if (!group || !questionById(fact)) continue;
    group.fields.push({ id: fact, label: factLabel(fact, lang, def.id), value: factText(fact, facts, lang) });
  }
  return [...groups.values()].sort((a, b) => a.ref.article - b.ref.article || (a.ref.item ?? 0) - (b.ref.item ?? 0));
}
