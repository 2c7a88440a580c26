/**
 * The Mudanjiang 评估认定审批表 (附件, cited by 第七条（一）2) as a real Word table laid out like the annex: four
 * columns of label and value, the tick rows, and the two opinion boxes with seal and date lines. Labels verbatim
 * from the annex (`MUDANJIANG_FORM`), values from `mudanjiangFormValues` — the same mapping as the console's HTML
 * draft — and blank where unknown. In English, each label carries a small gloss; the form stays Chinese.
 */
import type { Paragraph, Table } from 'docx';
import type { Lang } from '../i18n/index.js';
import { compiledTranslator } from '../i18n/compiled.js';
import type { Facts } from '../rules/facts.js';
import { type Details, mudanjiangFormValues } from './fields.js';
import { CONSTRUCTION_MODES, MUDANJIANG_FORM as F, MUDANJIANG_SERVICES } from './forms.js';
import { body, type CellSpec, cellRun, cellText, run, SIZES, table, TEXT_WIDTH, title } from './style.js';

/** ☑ for a ticked choice, ☐ for one left open. */
const tick = (checked: boolean, label: string) => [cellRun(checked ? '☑' : '☐', { size: 28 }), cellRun(` ${label}`)];

/** The form's blocks (one section). */
export function mudanjiangFormBlocks(facts: Facts, details: Details, lang: Lang): (Paragraph | Table)[] {
  const v = mudanjiangFormValues(facts, details);
  const t = compiledTranslator(lang, 'staff');
  const gloss = (key: string) => (lang === 'en' ? [cellRun(` ${t(`doc.mudanjiang.gloss.${key}`)}`, { size: SIZES.small, font: 'latin' })] : []);
  const W = TEXT_WIDTH;
  const cols = [2200, W / 2 - 2200, 2000, W / 2 - 2000].map(Math.round);
  const width = (from: number, span = 1) => cols.slice(from, from + span).reduce((a, b) => a + b, 0);
  const label = (text: string, key: string, at: number, extra?: string): CellSpec => ({
    width: width(at),
    children: [cellText([cellRun(text), ...gloss(key)], { align: 'center' }), ...(extra ? [cellText(extra, { align: 'center' })] : [])],
  });
  const value = (text: string, at: number, span = 1, suffix?: string): CellSpec => ({
    width: width(at, span),
    span: span > 1 ? span : undefined,
    children: [cellText([cellRun(text), ...(suffix ? [cellRun(`${text ? ' ' : '              '}${suffix}`)] : [])])],
  });
  const row = (cells: CellSpec[], minHeight = 480) => ({ cells, minHeight });
  // Four to a line, as many lines as it takes (the annex's own layout is a run of boxes).
  const serviceLines = Array.from({ length: Math.ceil(MUDANJIANG_SERVICES.length / 4) }, (_, i) => MUDANJIANG_SERVICES.slice(i * 4, i * 4 + 4));
  const serviceLine = (list: readonly { value: string; label: string }[]) =>
    cellText(list.flatMap((s, i) => [...(i ? [cellRun('　')] : []), ...tick(v.services.has(s.value), s.label)]));
  const opinion = (text: string, key: string) =>
    row(
      [
        {
          width: W,
          span: 4,
          align: 'top',
          children: [
            cellText([cellRun(text), ...gloss(key)]),
            cellText(''),
            cellText(F.seal, { align: 'right' }),
            cellText(F.date, { align: 'right' }),
          ],
        },
      ],
      1900,
    );
  const form = table(cols, [
    row([label(F.parkName, 'parkName', 0), value(v.parkName, 1, 3)]),
    row([label(F.address, 'address', 0), value(v.address, 1, 3)]),
    row([label(F.contact, 'contact', 0), value(v.contact, 1), label(F.phone, 'phone', 2), value(v.phone, 3)]),
    row([label(F.ownership, 'ownership', 0), value(v.ownership, 1), label(F.registeredOn, 'registeredOn', 2), value(v.registeredOn, 3)]),
    row([label(F.investment, 'investment', 0), value(v.investment, 1, 1, F.investmentUnit), label(F.landArea, 'landArea', 2), value(v.landArea, 3)]),
    row([label(F.staff, 'staff', 0), value(v.staff, 1), label(F.institutions, 'institutions', 2), value(v.institutions, 3)]),
    row([
      label(F.constructionMode, 'constructionMode', 0, F.tick),
      { width: width(1, 3), span: 3, children: [cellText(CONSTRUCTION_MODES.flatMap((m, i) => [...(i ? [cellRun('　　　　')] : []), ...tick(v.constructionMode === m.value, m.label)]))] },
    ]),
    row(
      [
        label(F.services, 'services', 0, F.tick),
        { width: width(1, 3), span: 3, children: serviceLines.map(serviceLine) },
      ],
      900,
    ),
    opinion(F.countyOpinion, 'countyOpinion'),
    opinion(F.cityOpinion, 'cityOpinion'),
  ]);
  const headLine = cellText([
    cellRun(F.applicant, { size: SIZES.table }),
    cellRun(v.applicantUnit || '　　　　　　　　　　', { underline: {} }),
    cellRun('　　　　'),
    cellRun(F.fillDate),
    cellRun(v.fillDate || '　　　　　　　　', { underline: {} }),
  ]);
  return [
    body([run('附件', 'heading', { size: SIZES.body })], { indent: false }),
    ...title(F.title),
    headLine,
    form,
  ];
}
