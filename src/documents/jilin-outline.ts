/**
 * The Jilin cover page (附件1) and 申报表 (附件3) as outlines. 吉人社规〔2022〕8号 lists these annexes without
 * reproducing them, so each page says it is an outline: the cover follows the annex list, the form the
 * conditions of 第五条, grouped by item, each field filled from the answers (`factGroups`, the same mapping as the
 * console's HTML outline) or left blank.
 */
import type { Paragraph, Table } from 'docx';
import { compiledTranslator } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import type { Facts } from '../rules/facts.js';
import { prepared } from '../rules/prepared.js';
import type { JurisdictionDef } from '../rules/types.js';
import { withRef } from './checklist.js';
import { type Details, factGroups, jilinCoverFields, jilinFormHead, type OutlineField } from './fields.js';
import { body, type CellSpec, cellRun, cellText, gap, heading, line, table, TEXT_WIDTH, title } from './style.js';

/** The cover page's and the form's blocks: two sections. */
export function jilinOutlineSections(def: JurisdictionDef, facts: Facts, details: Details, lang: Lang): (Paragraph | Table)[][] {
  const t = compiledTranslator(lang, 'staff');
  const texts = prepared(def, lang);
  const W = TEXT_WIDTH;
  const cover = texts.materials.find((m) => m.ref.annex === 1);
  const formItem = texts.materials.find((m) => m.id === 'jilin.application-form');
  const formTitle = def.materials.find((m) => m.id === 'jilin.application-form')?.quote ?? '';
  const fieldRow = (f: OutlineField, labelWidth: number) => ({
    minHeight: 480,
    cells: [
      { width: labelWidth, children: [cellText(f.label, { bold: true })] },
      { width: W - labelWidth, children: [cellText(f.value)] },
    ] as CellSpec[],
  });

  // Both pages carry the outline mark in their header (see index.ts).
  const coverPage = [
    body(t('doc.jilin.coverKicker', { ref: cover?.refText ?? '', name: def.materials.find((m) => m.ref.annex === 1)?.quote ?? '' }), { indent: false }),
    gap(400),
    ...title(t('doc.jilin.coverTitle')),
    gap(300),
    table([2600, W - 2600], jilinCoverFields(facts, details, lang).map((f) => fieldRow(f, 2600))),
    heading(t('doc.jilin.contents')),
    ...texts.materials.map((m, i) => line(`${i + 1}. ${withRef(m.title, m.refText, lang)}`)),
  ];

  const groups = factGroups(def, facts, lang).filter((g) => g.fields.length > 0);
  const L = 3000;
  const formRows = [
    ...jilinFormHead(details, lang).map((f) => fieldRow(f, L)),
    ...groups.flatMap((g) => [
      {
        cells: [{ width: W, span: 2, children: [cellText([cellRun(g.refText, { font: 'heading' }), cellRun(`　${g.titles.join(t('doc.jilin.titleSeparator'))}`, { size: 21 })])] }] as CellSpec[],
        cantSplit: true,
      },
      ...g.fields.map((f) => fieldRow(f, L)),
    ]),
    ...[t('doc.jilin.applicantOpinion'), t('doc.jilin.cityOpinion')].map((text) => ({
      minHeight: 2200,
      cells: [
        {
          width: W,
          span: 2,
          align: 'top',
          children: [cellText(text), cellText(''), cellText(''), cellText(t('doc.seal'), { align: 'right' }), cellText(t('doc.dateLine'), { align: 'right' })],
        },
      ] as CellSpec[],
    })),
  ];
  const formPage = [
    body(t('doc.jilin.formKicker', { ref: formItem?.refText ?? '' }), { indent: false }),
    ...title(formTitle),
    table([L, W - L], formRows),
    body(t('doc.jilin.footnote')),
  ];
  return [coverPage, formPage];
}
