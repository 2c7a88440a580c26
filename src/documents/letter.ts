/**
 * The application letter draft for the texts whose first material is a letter: 山东 第十三条（一）1 申建函件,
 * 温州 第十条（一） 申建函件, 广西 第六条（一）1 申报请示 (a 请示, written by the city's HR bureau). Each is named as its
 * text names it, addressed to the body its text sends the application to, and states the park's figures and
 * the conditions they meet with the article and its wording; then the materials that go with it, the closing
 * a 请示 or a 函 uses, the seal and date lines, and the contact. Marked as a draft in a box, with drafting notes
 * (conditions unmet or unconfirmed) at the end to delete before filing. The letter is Chinese, as filed; the
 * mark and the notes follow the reader's language.
 */
import type { Paragraph, Table } from 'docx';
import { compiledTranslator } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import { assess } from '../rules/evaluate.js';
import type { Facts } from '../rules/facts.js';
import { FACT_UNITS } from '../rules/units.js';
import type { JurisdictionDef, JurisdictionId } from '../rules/types.js';
import { docT } from './checklist.js';
import { type Details, detailText, factLabel, factText } from './fields.js';
import { body, gap, heading, mark, title } from './style.js';

/** How each text has the letter written. */
export interface LetterForm {
  /** The material the letter is (its quote is what the text calls it). */
  material: string;
  /** The document's title. */
  heading: string;
  /** Who it is addressed to, per the procedure article (blanks where the text leaves the place open). */
  authority: string;
  verb: '申建' | '申报';
  level: string;
  /** 请示 ends 妥否，请批示; a 函 asks for review. */
  closing: 'request' | 'letter';
  /**
   * Who writes it: the park itself (山东 第十三条（一）), the city's HR bureau (广西 第六条（一）) or the county,
   * county-level city or district (温州 第十条（一） 各县（市、区）申建).
   */
  sender: 'park' | 'city' | 'county';
}

/** The jurisdictions with a letter draft, and how their texts have it written. */
export const LETTER_FORMS: Partial<Record<JurisdictionId, LetterForm>> = {
  // 第十三条（一）: 产业园向所在地设区市人力资源社会保障部门提出申请 … 1.申建函件
  shandong: {
    material: 'shandong.application-letter',
    heading: '关于申建山东省省级人力资源服务产业园的函',
    authority: '＿＿＿＿市人力资源和社会保障局',
    verb: '申建',
    level: '山东省省级',
    closing: 'letter',
    sender: 'park',
  },
  // 第十条（一）: 各县（市、区）申建市级人力资源服务产业园，应向市人力资源和社会保障局提出申请，提交申建函件
  wenzhou: {
    material: 'wenzhou.application-letter',
    heading: '关于申建温州市市级人力资源服务产业园的函',
    authority: '温州市人力资源和社会保障局',
    verb: '申建',
    level: '温州市市级',
    closing: 'letter',
    sender: 'county',
  },
  // 第六条（一）: 由产业园所在的设区市人力资源社会保障部门向自治区人力资源社会保障部门提出申请 … 1．申报请示
  guangxi: {
    material: 'guangxi.application-request',
    heading: '关于申报自治区级人力资源服务产业园的请示',
    authority: '广西壮族自治区人力资源和社会保障厅',
    verb: '申报',
    level: '自治区级',
    closing: 'request',
    sender: 'city',
  },
};

/** Facts that describe the park with a figure or a choice (yes/no facts are stated with the conditions). */
const describes = (fact: string) => {
  const kind = FACT_UNITS[fact as keyof typeof FACT_UNITS]?.kind;
  return kind === 'area' || kind === 'money' || kind === 'count' || kind === 'choice' || kind === 'list';
};
/** Facts about the application's history, not the park. */
const HISTORY = new Set(['previousOutcome', 'previousOutcomeDate', 'existingComprehensivePark']);

/** The letter's blocks (one section). */
export function letterBlocks(def: JurisdictionDef, form: LetterForm, facts: Facts, details: Details, lang: Lang, date: string): (Paragraph | Table)[] {
  const zh = docT('zh-CN');
  const t = docT(lang);
  const result = assess(def, facts, { date, lang: 'zh-CN' });
  const local = lang === 'zh-CN' ? result : assess(def, facts, { date, lang });
  const park = detailText(details, 'parkName') || zh('letter.parkBlank');

  const asked = new Set(def.criteria.flatMap((c) => c.facts));
  const figures = [...asked].filter((f) => describes(f) && !HISTORY.has(f) && facts[f] !== undefined);
  // In asking order, as the interview and the forms list them.
  const order = Object.keys(FACT_UNITS);
  figures.sort((a, b) => order.indexOf(a) - order.indexOf(b));

  const met = result.criteria.filter((c) => c.status === 'met' && c.facts.some((f) => facts[f] !== undefined));
  // Each condition's answers are named as that condition words them (the explanations' lookup).
  const answerList = (names: readonly string[], criterion: string) =>
    names
      .filter((f) => facts[f as keyof Facts] !== undefined)
      .map((f) =>
        typeof facts[f as keyof Facts] === 'boolean'
          ? zh('letter.answerFlag', { label: factLabel(f as never, 'zh-CN', def.id, criterion), value: factText(f as never, facts, 'zh-CN') })
          : zh('letter.answer', { label: factLabel(f as never, 'zh-CN', def.id, criterion), value: factText(f as never, facts, 'zh-CN') }),
      )
      .join(zh('letter.answerSeparator'));

  const unmet = local.criteria.filter((c) => c.status === 'unmet' && c.severity === 'required');
  const unknown = local.criteria.filter((c) => c.status === 'unknown' && c.severity === 'required');
  const contact = detailText(details, 'contact');
  const phone = detailText(details, 'phone');
  const materials = result.checklist.filter((i) => i.kind === 'material' && i.id !== form.material);

  return [
    mark(t('letter.mark')),
    ...title(form.heading),
    body(zh('letter.addressee', { authority: form.authority }), { indent: false, align: 'left' }),
    body(
      zh(form.sender === 'park' ? 'letter.intro' : 'letter.introAuthority', {
        our: form.sender === 'park' ? '' : zh(`letter.our.${form.sender}`),
        title: def.title,
        number: def.documentNumber ? `（${def.documentNumber}）` : '',
        park,
        verb: form.verb,
        level: form.level,
      }),
    ),
    heading(zh('letter.figures')),
    ...(figures.length
      ? figures.map((f) => body(zh('letter.figureLine', { label: factLabel(f, 'zh-CN', def.id), value: factText(f, facts, 'zh-CN') })))
      : [body(zh('letter.noFigures'))]),
    heading(zh('letter.conditions')),
    ...(met.length
      ? met.map((c, i) => body(`${i + 1}. ${zh('letter.conditionLine', { ref: c.refText, quote: c.quote, answers: answerList(c.facts, c.id) })}`))
      : [body(zh('letter.noConditions'))]),
    body(zh(`letter.closing.${form.closing}`)),
    gap(240),
    ...materials.map((m, i) => body(`${i === 0 ? zh('letter.annexLead') : '　　　'}${i + 1}. ${m.title}`)),
    gap(480),
    body(zh('letter.signature', { unit: detailText(details, 'applicantUnit') || zh('letter.unitBlank') }), { indent: false, align: 'right' }),
    body(detailText(details, 'fillDate') || zh('letter.dateBlank'), { indent: false, align: 'right' }),
    body(zh('letter.contact', { contact: contact || zh('letter.blank'), phone: phone || zh('letter.blank') })),
    gap(480),
    heading(t('letter.hints')),
    ...(unmet.length || unknown.length
      ? [
          ...unmet.map((c) => body(t('letter.hintUnmet', { explanation: c.explanation }))),
          ...unknown.map((c) => body(t('letter.hintUnknown', { title: c.title, ref: c.refText }))),
        ]
      : [body(t('letter.hintNone'))]),
  ];
}
