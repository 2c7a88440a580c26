/**
 * The Word documents, read back with independent readers (test/support/docx.ts): each is a well-formed package,
 * A4 with page numbers and the 公文 fonts, and says what it must — every material of the checklist with its
 * article and the answers it must prove, the procedure and its deadlines; every field of the Mudanjiang
 * 审批表 filled or blank; the Jilin outlines; the letters with the park's figures and the articles they meet.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument, documentsOf, documentTitle } from '../src/documents/index.js';
import { factLabel, factText } from '../src/documents/fields.js';
import { CONSTRUCTION_MODES, MUDANJIANG_FORM, MUDANJIANG_SERVICES } from '../src/documents/forms.js';
import { LETTER_FORMS } from '../src/documents/letter.js';
import { MATERIAL_PROOFS, proofFacts } from '../src/documents/proofs.js';
import { stepDeadline } from '../src/documents/checklist.js';
import { LANGUAGES } from '../src/i18n/index.js';
import { evaluate } from '../src/rules/evaluate.js';
import type { Facts } from '../src/rules/facts.js';
import { JURISDICTIONS } from '../src/rules/registry.js';
import { type JurisdictionId, JURISDICTION_IDS } from '../src/rules/types.js';
import { cellAfter, readDocx } from './support/docx.js';

const DATE = '2026-11-30';
const example = (name: string): Facts => JSON.parse(readFileSync(new URL(`../examples/${name}.json`, import.meta.url), 'utf8')) as Facts;
const build = (name: string, jurisdiction: JurisdictionId, facts: Facts, lang: 'zh-CN' | 'en' = 'zh-CN', details = {}) =>
  buildDocument(name, { jurisdiction, facts, details, lang, date: DATE });
/** Text without the spaces and breaks a reader may put inside a line. */
const flat = (text: string) => text.replace(/\s+/g, '');

describe('the documents each jurisdiction offers', () => {
  it('are the checklist, plus the form or letter its text names', () => {
    expect(Object.fromEntries(JURISDICTION_IDS.map((j) => [j, documentsOf(j)]))).toEqual({
      shandong: ['checklist', 'application-letter'],
      jilin: ['checklist', 'jilin-form'],
      mudanjiang: ['checklist', 'mudanjiang-form'],
      guangxi: ['checklist', 'application-letter'],
      wenzhou: ['checklist', 'application-letter'],
    });
  });

  it('names the letter as each text does: 申建函件 (Shandong, Wenzhou), 申报请示 (Guangxi)', () => {
    expect(documentTitle('application-letter', 'shandong', 'zh-CN')).toBe('申建函件（草稿）');
    expect(documentTitle('application-letter', 'wenzhou', 'zh-CN')).toBe('申建函件（草稿）');
    expect(documentTitle('application-letter', 'guangxi', 'zh-CN')).toBe('申报请示（草稿）');
    for (const [id, form] of Object.entries(LETTER_FORMS)) {
      const text = readFileSync(new URL(`../regulations/${JURISDICTIONS.find((d) => d.id === id)?.source}`, import.meta.url), 'utf8');
      const quote = JURISDICTIONS.find((d) => d.id === id)?.materials.find((m) => m.id === form?.material)?.quote ?? '∅';
      expect(text, id).toContain(quote);
    }
  });

  it('refuses a document a jurisdiction does not have', async () => {
    await expect(build('mudanjiang-form', 'shandong', {})).rejects.toThrow(/no document/);
    await expect(build('passport', 'jilin', {})).rejects.toThrow(/no document/);
  });
});

describe('every document is a well-formed A4 Word file in the house style', () => {
  const cases = JURISDICTION_IDS.flatMap((j) => documentsOf(j).map((name) => [name, j] as const));
  it.each(cases)('%s (%s)', async (name, jurisdiction) => {
    const built = await build(name, jurisdiction, {});
    expect(built.filename).toMatch(/\.docx$/);
    const doc = await readDocx(built.bytes);
    // A4 portrait with the margins of GB/T 9704, on every section.
    const sizes = [...doc.xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]);
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toMatch(/w:w="11906" w:h="16838"/);
    // Page numbers: a PAGE field in the footer.
    const footers = Object.entries(doc.parts).filter(([p]) => /^word\/footer\d+\.xml$/.test(p));
    expect(footers.some(([, xml]) => /PAGE/.test(xml))).toBe(true);
    // 仿宋_GB2312 三号 body by default, with alternatives in the font table.
    expect(doc.parts['word/styles.xml']).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(doc.parts['word/styles.xml']).toMatch(/<w:sz w:val="32"\/>/);
    expect(doc.parts['word/fontTable.xml']).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    expect(doc.parts['word/fontTable.xml']).toContain('Noto Serif CJK SC');
    // Tables in 小四 (12 pt).
    if (doc.xml.includes('<w:tbl>')) expect(doc.xml).toMatch(/<w:sz w:val="24"\/>/);
    expect(doc.parts['docProps/core.xml']).toContain(built.title);
  });

  it('fails on a damaged file (the readers are real)', async () => {
    const built = await build('checklist', 'jilin', {});
    const broken = Buffer.from(built.bytes);
    broken.fill(0, 200, 400);
    await expect(readDocx(broken)).rejects.toThrow();
  });
});

describe('the checklist (申报材料清单)', () => {
  const details = { parkName: '泉城人力资源服务产业园', contact: '李华', phone: '0531-7654321' };
  for (const def of JURISDICTIONS) {
    for (const lang of LANGUAGES) {
      it(`${def.id}, ${lang}: every material with its article, the answers to prove, the procedure and its deadlines`, async () => {
        const facts = example(`${def.id}-eligible`);
        const doc = await readDocx((await build('checklist', def.id, facts, lang, details)).bytes);
        const result = evaluate(def.id, facts, { lang, date: DATE });
        const text = flat(doc.text);
        expect(result.checklist.length).toBeGreaterThan(0);
        // One tick box per item, each item with its article.
        expect(doc.text.match(/☐/g)?.length).toBe(result.checklist.length);
        for (const item of result.checklist) {
          expect(text, item.id).toContain(flat(item.title));
          expect(text, item.id).toContain(flat(item.refText));
          for (const fact of proofFacts(def, item.id)) {
            expect(text, `${item.id} proves ${fact}`).toContain(flat(factLabel(fact, lang, def.id)));
            const value = factText(fact, facts, lang);
            if (value) expect(text, `${item.id}: ${fact} = ${value}`).toContain(flat(value));
          }
        }
        for (const step of result.procedure) {
          expect(text, step.id).toContain(flat(step.title));
          for (const figure of stepDeadline(step.params, lang)) expect(text, step.id).toContain(flat(figure));
        }
        for (const value of Object.values(details)) expect(text).toContain(value);
        expect(text).toContain(flat(evaluate(def.id, facts, { lang, date: DATE }).date));
      });
    }
  }

  it('lists the conditions not yet met with their gap, and the answers still missing', async () => {
    const doc = await readDocx((await build('checklist', 'shandong', { layout: 'single', floorArea: 9999 })).bytes);
    expect(doc.text).toContain('尚未满足的条件');
    expect(flat(doc.text)).toContain('还差1平方米');
    expect(doc.text).toContain('暂不符合申报条件');
    expect(doc.text).toContain('尚未回答');
    const en = await readDocx((await build('checklist', 'guangxi', {}, 'en')).bytes);
    expect(en.text).toContain('Checklist of application materials');
    expect(en.text).toContain('Still to be confirmed');
  });

  it('prints the evidence the answers call for, and states the facts that call for it', async () => {
    const facts: Facts = { parkType: 'comprehensive', laborLiaisonStations: 1 };
    const doc = await readDocx((await build('checklist', 'wenzhou', facts)).bytes);
    const item = evaluate('wenzhou', facts, { lang: 'zh-CN', date: DATE }).checklist.find((i) => i.id === 'wenzhou.labor-liaison-records');
    expect(item?.kind).toBe('evidence');
    expect(doc.text).toContain(item?.title);
    expect(flat(doc.text)).toContain(flat(`${factLabel('laborLiaisonStations', 'zh-CN', 'wenzhou')}：${factText('laborLiaisonStations', facts, 'zh-CN')}`));
  });
});

describe('which answers each material must prove', () => {
  it('is stated for every material of every text, and names only facts of the vocabulary', () => {
    const materials = JURISDICTIONS.flatMap((d) => d.materials.map((m) => m.id)).sort();
    expect(Object.keys(MATERIAL_PROOFS).sort()).toEqual(materials);
  });

  it('takes an evidence item\'s answers from the criteria that call for it', () => {
    const wenzhou = JURISDICTIONS.find((d) => d.id === 'wenzhou');
    expect(wenzhou && proofFacts(wenzhou, 'wenzhou.staff-list')).toEqual(['fullTimeStaff']);
  });
});

describe('the Mudanjiang 评估认定审批表', () => {
  const details = {
    parkName: '镜泊湖人力资源服务产业园',
    applicantUnit: '宁安市人力资源和社会保障局',
    phone: '0453-1234567',
    ownership: '国有',
    investment: '1200',
    constructionMode: 'renovated',
    services: ['financing', 'policy_consulting'],
  };
  const facts: Facts = { layout: 'single', floorArea: 3600, hrInstitutions: 14, fullTimeStaff: 12 };

  it('is a real table with every label of the annex, verbatim', async () => {
    const doc = await readDocx((await build('mudanjiang-form', 'mudanjiang', facts, 'zh-CN', details)).bytes);
    const annex = flat(readFileSync(new URL('../regulations/mudanjiang-municipal.txt', import.meta.url), 'utf8').split('附件')[1] ?? '');
    expect(doc.xml).toContain('<w:tbl>');
    const labels = [MUDANJIANG_FORM.parkName, MUDANJIANG_FORM.address, MUDANJIANG_FORM.contact, MUDANJIANG_FORM.phone, MUDANJIANG_FORM.ownership,
      MUDANJIANG_FORM.registeredOn, MUDANJIANG_FORM.investment, MUDANJIANG_FORM.landArea, MUDANJIANG_FORM.staff, MUDANJIANG_FORM.institutions];
    for (const label of labels) expect(doc.cells, label).toContain(label);
    for (const text of [...Object.values(MUDANJIANG_FORM).filter((v) => !v.startsWith('《')), ...MUDANJIANG_SERVICES.map((s) => s.label), ...CONSTRUCTION_MODES.map((m) => m.label)]) {
      expect(annex, text).toContain(flat(text));
      expect(flat(doc.text), text).toContain(flat(text));
    }
  });

  it('fills every field it can from the answers and the details, and leaves the rest blank', async () => {
    const doc = await readDocx((await build('mudanjiang-form', 'mudanjiang', facts, 'zh-CN', details)).bytes);
    expect(cellAfter(doc, MUDANJIANG_FORM.parkName)).toBe('镜泊湖人力资源服务产业园');
    expect(cellAfter(doc, MUDANJIANG_FORM.phone)).toBe('0453-1234567');
    expect(cellAfter(doc, MUDANJIANG_FORM.ownership)).toBe('国有');
    expect(flat(cellAfter(doc, MUDANJIANG_FORM.investment) ?? '')).toBe('1200万元');
    expect(cellAfter(doc, MUDANJIANG_FORM.staff)).toBe('专职 12 人');
    expect(cellAfter(doc, MUDANJIANG_FORM.institutions)).toBe('人力资源服务机构 14 家');
    for (const blank of [MUDANJIANG_FORM.address, MUDANJIANG_FORM.contact, MUDANJIANG_FORM.registeredOn, MUDANJIANG_FORM.landArea]) {
      expect(cellAfter(doc, blank), blank).toBe('');
    }
    expect(doc.text).toContain('宁安市人力资源和社会保障局');
    // Ticked: 改建, 政策咨询, 融资服务; every other box open.
    expect(flat(doc.text)).toContain('☑改建');
    expect(flat(doc.text)).toContain('☐新建');
    expect(flat(doc.text)).toContain('☑政策咨询');
    expect(flat(doc.text)).toContain('☑融资服务');
    expect(doc.text.match(/☑/g)?.length).toBe(3);
    expect(doc.text.match(/☐/g)?.length).toBe(CONSTRUCTION_MODES.length + MUDANJIANG_SERVICES.length - 3);
    // All resident institutions, when known, take the place of the HR institutions.
    const all = await readDocx((await build('mudanjiang-form', 'mudanjiang', { ...facts, parkInstitutions: 30 })).bytes);
    expect(cellAfter(all, MUDANJIANG_FORM.institutions)).toBe('30 家');
    // Marked as a draft on the page.
    expect(Object.entries(doc.parts).some(([p, xml]) => p.startsWith('word/header') && xml.includes('预填稿'))).toBe(true);
  });

  it('glosses the labels in English and keeps the form Chinese', async () => {
    const doc = await readDocx((await build('mudanjiang-form', 'mudanjiang', facts, 'en', details)).bytes);
    expect(doc.text).toContain(MUDANJIANG_FORM.title);
    expect(doc.text).toContain('(Park name)');
  });
});

describe('the Jilin cover page and 申报表 (outlines)', () => {
  it('marks both as outlines, lists every material, and fills the form from the answers', async () => {
    const facts: Facts = { parkType: 'comprehensive', commercialHrInstitutions: 18, hasPlanningReport: true };
    const built = await build('jilin-form', 'jilin', facts, 'zh-CN', { parkName: '长春人力资源服务产业园', city: '长春市' });
    const doc = await readDocx(built.bytes);
    expect(Object.entries(doc.parts).filter(([p, xml]) => p.startsWith('word/header') && xml.includes('提纲')).length).toBeGreaterThan(0);
    expect(doc.text).toContain('申报材料封面格式（提纲）');
    expect(doc.text).toContain('吉林省省级人力资源服务产业园申报表');
    for (const item of evaluate('jilin', facts, { lang: 'zh-CN', date: DATE }).checklist.filter((i) => i.kind === 'material')) {
      expect(flat(doc.text), item.id).toContain(flat(item.title));
    }
    expect(cellAfter(doc, '园区类型')).toBe('综合性园区');
    expect(cellAfter(doc, factLabel('commercialHrInstitutions', 'zh-CN', 'jilin'))).toBe('18 家');
    expect(cellAfter(doc, factLabel('hasPlanningReport', 'zh-CN', 'jilin'))).toBe('是');
    expect(cellAfter(doc, factLabel('floorArea', 'zh-CN', 'jilin'))).toBe('');
    expect(cellAfter(doc, '所在市（州）')).toBe('长春市');
    expect(doc.text).toContain('第五条第（三）项');
    // Two sections: the cover and the form each start a page.
    expect(doc.xml.match(/<w:sectPr/g)?.length).toBe(2);
  });
});

describe('the application letter drafts', () => {
  for (const jurisdiction of ['shandong', 'wenzhou', 'guangxi'] as const) {
    it(`${jurisdiction}: a draft with the park's figures and the articles they meet`, async () => {
      const facts = example(`${jurisdiction}-eligible`);
      const details = { parkName: '示范人力资源服务产业园', applicantUnit: '示范市人力资源和社会保障局', contact: '张三', phone: '010-12345678' };
      const doc = await readDocx((await build('application-letter', jurisdiction, facts, 'zh-CN', details)).bytes);
      const form = LETTER_FORMS[jurisdiction];
      const text = flat(doc.text);
      expect(doc.text).toContain(form?.heading);
      expect(doc.text).toContain('草稿');
      expect(text).toContain(flat(`${form?.authority}：`));
      for (const value of Object.values(details)) expect(text).toContain(value);
      expect(text).toContain(flat(factText('floorArea', facts, 'zh-CN')));
      expect(text).toContain(flat(factText('annualRevenue', facts, 'zh-CN')));
      const result = evaluate(jurisdiction, facts, { lang: 'zh-CN', date: DATE });
      const met = result.criteria.filter((c) => c.status === 'met' && c.facts.length > 0);
      expect(met.length).toBeGreaterThan(3);
      for (const c of met) {
        expect(text, c.id).toContain(flat(c.refText));
        expect(text, c.id).toContain(flat(c.quote));
      }
      for (const item of result.checklist.filter((i) => i.kind === 'material' && i.id !== form?.material)) expect(text, item.id).toContain(flat(item.title));
      expect(text).toContain(jurisdiction === 'guangxi' ? '妥否，请批示。' : '请予审核。');
      // Written by whom the text has apply: the park (山东), the county (温州 各县（市、区）申建), the city bureau (广西).
      const writer = { shandong: `${details.parkName}（以下简称园区）对照申报条件逐项自查`, wenzhou: `现申请将我县（市、区）${details.parkName}`, guangxi: `现申请将我市${details.parkName}` }[jurisdiction];
      expect(text).toContain(flat(writer));
      expect(text).toContain('各项必备条件均已确认满足');
    });
  }

  it('leaves blanks for what is not known, and lists what is unmet to fix before filing', async () => {
    const doc = await readDocx((await build('application-letter', 'shandong', { layout: 'single', floorArea: 9999 }, 'en')).bytes);
    expect(doc.text).toContain('＿＿＿＿＿＿人力资源服务产业园');
    expect(doc.text).toContain('Drafting notes');
    expect(flat(doc.text)).toContain(flat('short by 1 m²'));
  });
});

describe('a fact as the documents print it', () => {
  it('a day is printed as given, and bounds on it as people say them (never "[object Object]")', () => {
    expect(factText('previousOutcomeDate', { previousOutcomeDate: '2023-11-10' }, 'zh-CN')).toBe('2023-11-10');
    expect(factText('previousOutcomeDate', { previousOutcomeDate: { min: '2023-11-01', max: '2023-11-30' } }, 'zh-CN')).toBe('2023年11月');
    expect(factText('previousOutcomeDate', { previousOutcomeDate: { min: '2023-11-01', max: '2023-11-30' } }, 'en')).toBe('November 2023');
    expect(factText('previousOutcomeDate', { previousOutcomeDate: { max: '2023-11-20' } }, 'zh-CN')).toBe('2023-11-20 或之前');
  });
});
