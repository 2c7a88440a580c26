/**
 * 申报材料清单 as a Word document, for every jurisdiction and in the reader's language: the park and the verdict,
 * then each material (and each piece of evidence the answers call for) with a box to tick, its article and
 * annex, and the answers it must prove; the procedure with its deadlines; what is still unmet and what is still
 * unknown. Built from the result, so it lists exactly what the result lists.
 */
import type { Paragraph, Table } from 'docx';
import { compiledTranslator, type Translate } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import type { AssessmentResult } from '../rules/evaluate.js';
import type { Facts } from '../rules/facts.js';
import { chineseNumeral, formatMoney } from '../rules/format.js';
import type { JurisdictionDef, StepParams } from '../rules/types.js';
import { type Details, detailText, factLabel, factText } from './fields.js';
import { proofFacts } from './proofs.js';
import { body, type CellSpec, cellRun, cellText, heading, table, TEXT_WIDTH, title } from './style.js';

/** What the checklist is built from. */
export interface ChecklistInput {
  def: JurisdictionDef;
  result: AssessmentResult;
  facts: Facts;
  details: Details;
  lang: Lang;
}

/** The documents' words in `lang`. */
export function docT(lang: Lang): Translate {
  return compiledTranslator(lang, 'documents');
}

/** A step's figures ("不少于 5 个工作日", "45 日", "100 万元"), from its params; empty when it sets none. */
export function stepDeadline(params: StepParams | undefined, lang: Lang): string[] {
  if (!params) return [];
  const t = docT(lang);
  const hedge = (text: string) => {
    const least = params.atLeast ? t('figure.atLeast', { x: text }) : text;
    return params.usually ? t('figure.usually', { x: least }) : least;
  };
  const out: string[] = [];
  if (params.days !== undefined) out.push(hedge(t(params.dayKind === 'working' ? 'figure.workingDays' : 'figure.days', { count: params.days, n: params.days })));
  if (params.months !== undefined) out.push(hedge(t('figure.months', { count: params.months, n: params.months })));
  if (params.years !== undefined) out.push(hedge(t('figure.years', { count: params.years, n: params.years })));
  if (params.amountYuan !== undefined) out.push(hedge(formatMoney(params.amountYuan, lang, compiledTranslator(lang, 'rules'))));
  return out;
}

/** "标题（第六条）" / "Title (Article 6)". */
export function withRef(text: string, ref: string, lang: Lang): string {
  return lang === 'zh-CN' ? `${text}（${ref}）` : `${text} (${ref})`;
}

/** The checklist's blocks (one section). */
export function checklistBlocks({ def, result, facts, details, lang }: ChecklistInput): (Paragraph | Table)[] {
  const t = docT(lang);
  const rules = compiledTranslator(lang, 'rules');
  const W = TEXT_WIDTH;
  const meta: [string, string][] = [
    [t('checklist.parkName'), detailText(details, 'parkName')],
    [t('checklist.applicantUnit'), detailText(details, 'applicantUnit')],
    [t('checklist.contact'), detailText(details, 'contact')],
    [t('checklist.phone'), detailText(details, 'phone')],
    [t('checklist.verdict'), rules(`verdict.${result.verdict}`)],
    [t('checklist.date'), result.date],
    [t('checklist.basis'), [def.title, def.documentNumber].filter(Boolean).join(' ')],
  ];
  const labelWidth = 2000;
  const metaTable = table(
    [labelWidth, W - labelWidth],
    meta.map(([label, value]) => ({
      cells: [
        { width: labelWidth, children: [cellText(label, { bold: true })] },
        { width: W - labelWidth, children: [cellText(value)] },
      ],
      minHeight: 440,
    })),
  );

  // Materials: ☐ | 序号 | 材料 | 依据条款 | 需证明的回答
  const cols = [480, 520, 2700, 1650, W - 480 - 520 - 2700 - 1650];
  const head = (text: string, i: number): CellSpec => ({ width: cols[i] ?? 0, children: [cellText(text, { bold: true, align: 'center' })] });
  const rows = result.checklist.map((item, i) => {
    const proofs = proofFacts(def, item.id);
    // Answered facts one per line with their value; the unanswered ones together, so a row stays short.
    const colon = lang === 'zh-CN' ? '：' : ': ';
    const answered = proofs.filter((fact) => factText(fact, facts, lang) !== '');
    const open = proofs.filter((fact) => factText(fact, facts, lang) === '');
    const proofLines = [
      ...answered.map((fact) => cellText([cellRun(`${factLabel(fact, lang, def.id)}${colon}`), cellRun(factText(fact, facts, lang))])),
      ...(open.length
        ? [cellText([cellRun(`${t('checklist.notAnswered')}${colon}`, { italics: true }), cellRun(open.map((f) => factLabel(f, lang, def.id)).join(compiledTranslator(lang, 'rules')('list.separator')))])]
        : []),
    ];
    if (!proofLines.length) proofLines.push(cellText(t('checklist.nothingToProve'), { align: 'center' }));
    const itemParas = [cellText([cellRun(item.title), ...(item.kind === 'evidence' ? [cellRun(t('checklist.evidence'))] : [])])];
    if (item.quote !== item.title && !item.title.includes(item.quote)) itemParas.push(cellText([cellRun(`“${item.quote}”`, { size: 21 })]));
    return {
      cells: [
        { width: cols[0] ?? 0, children: [cellText([cellRun('☐', { size: 28 })], { align: 'center' })], align: 'top' },
        { width: cols[1] ?? 0, children: [cellText(String(i + 1), { align: 'center' })], align: 'top' },
        { width: cols[2] ?? 0, children: itemParas, align: 'top' },
        { width: cols[3] ?? 0, children: [cellText(item.refText)], align: 'top' },
        { width: cols[4] ?? 0, children: proofLines, align: 'top' },
      ] as CellSpec[],
      // A long row may run over a page: kept whole, it would leave half a page empty before it.
      cantSplit: false,
    };
  });
  const materials = table(cols, [
    { header: true, cells: [t('checklist.done'), t('checklist.number'), t('checklist.item'), t('checklist.ref'), t('checklist.proves')].map(head) },
    ...rows,
  ]);

  // Procedure: 序号 | 步骤 | 依据条款 | 期限
  const pcols = [620, 5000, 1600, W - 620 - 5000 - 1600];
  const phead = (text: string, i: number): CellSpec => ({ width: pcols[i] ?? 0, children: [cellText(text, { bold: true, align: 'center' })] });
  const procedure = table(pcols, [
    { header: true, cells: [t('checklist.number'), t('checklist.step'), t('checklist.ref'), t('checklist.deadline')].map(phead) },
    ...result.procedure.map((step, i) => ({
      cells: [
        { width: pcols[0] ?? 0, children: [cellText(String(i + 1), { align: 'center' })] },
        { width: pcols[1] ?? 0, children: [cellText(step.title)] },
        { width: pcols[2] ?? 0, children: [cellText(step.refText)] },
        { width: pcols[3] ?? 0, children: [cellText(stepDeadline(step.params, lang).join(t('figure.separator')) || t('checklist.noDeadline'), { align: 'center' })] },
      ] as CellSpec[],
    })),
  ]);

  const unmet = result.criteria.filter((c) => c.status === 'unmet');
  const unknown = result.criteria.filter((c) => c.status === 'unknown');
  // Headings numbered in order of appearance: 一、二、… / 1. 2. …
  let count = 0;
  const numbered = (key: string) => {
    count += 1;
    return heading(lang === 'zh-CN' ? `${chineseNumeral(count)}、${t(key)}` : `${count}. ${t(key)}`);
  };
  return [
    ...title([t('checklist.titleLead', { name: result.jurisdictionName }), t('checklist.title')]),
    metaTable,
    numbered('checklist.materials'),
    body(t('checklist.materialsHint')),
    materials,
    numbered('checklist.procedure'),
    procedure,
    ...(unmet.length ? [numbered('checklist.unmet'), ...unmet.map((c) => body(c.explanation))] : []),
    ...(unknown.length ? [numbered('checklist.unknown'), ...unknown.map((c) => body(withRef(c.title, c.refText, lang)))] : []),
    ...(result.notices.length ? [numbered('checklist.notices'), ...result.notices.map((n) => body(n))] : []),
    body(t('checklist.footnote', { date: result.date })),
  ];
}
