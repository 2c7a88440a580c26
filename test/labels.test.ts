/**
 * Each jurisdiction's wording comes from its own text, in every channel: 山东 says 园区年营业收入 and 广西
 * 产业园年营业收入, so nothing shown for them — the staff console's responses, the enquiry insights, the Word
 * documents, the conversation — may carry 温州's and 牡丹江's 上一年度…（含代收代付）, while those two still do.
 * The same one lookup names a fact as a criterion words it (园区总面积, 总建筑面积, 入驻的人力资源服务机构).
 */
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildDocument, documentsOf } from '../src/documents/index.js';
import { advanceConversation, startConversation, type View } from '../src/flows/conversation.js';
import { ConversationSessions } from '../src/flows/sessions.js';
import { compiledTranslator } from '../src/i18n/compiled.js';
import type { Lang } from '../src/i18n/index.js';
import { fieldOf } from '../src/insights/counters.js';
import { buildReport, parseInsightsQuery } from '../src/insights/report.js';
import { factLabelIn } from '../src/rules/labels.js';
import type { JurisdictionId } from '../src/rules/types.js';
import { createApp } from '../src/server/app.js';
import { staffRoutes } from '../src/server/staff.js';
import type { AssessResponse, Catalog } from '../src/staff/shared/types.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { readDocx } from './support/docx.js';

const DATE = '2026-11-23';
/** The vocabulary's label, 温州's and 牡丹江's wording: 上一年度园区营业收入（含代收代付）. */
const generic = (lang: Lang) => compiledTranslator(lang, 'facts')('annualRevenue.label');
/** What their own texts say, in both languages. */
const OWN: Record<'shandong' | 'guangxi', Record<Lang, string>> = {
  shandong: { 'zh-CN': '园区年营业收入', en: 'Annual park revenue' },
  guangxi: { 'zh-CN': '产业园年营业收入', en: 'Annual park revenue' },
};
const OWN_WORDING = ['shandong', 'guangxi'] as const;
const QUALIFIED = ['wenzhou', 'mudanjiang'] as const;
const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** No trace of another text's qualifiers for annual revenue. */
function expectOwnWording(text: string, jurisdiction: (typeof OWN_WORDING)[number], lang: Lang, where: string): void {
  expect(text, where).toContain(OWN[jurisdiction][lang]);
  expect(text, where).not.toContain(generic(lang));
  if (lang === 'zh-CN') {
    expect(text, where).not.toContain('含代收代付');
    expect(text, where).not.toContain('上一年度园区营业收入');
  } else {
    expect(text, where).not.toMatch(/pass-through included/i);
  }
}

it('the vocabulary label is the qualified one, and the texts that qualify it still read it', () => {
  expect(generic('zh-CN')).toBe('上一年度园区营业收入（含代收代付）');
  for (const j of QUALIFIED) expect(factLabelIn('annualRevenue', 'zh-CN', j)).toBe(generic('zh-CN'));
  for (const j of OWN_WORDING) for (const lang of LANGS) expect(factLabelIn('annualRevenue', lang, j)).toBe(OWN[j][lang]);
});

describe('the staff console', () => {
  const app = express();
  app.use(staffRoutes({ today: () => DATE }));
  const store = new MemorySessionStore();
  app.use(createApp({ sessions: new ConversationSessions(store, () => DATE), store }));
  const assess = async (jurisdiction: string, answers: Record<string, string>, lang: Lang) =>
    (await request(app).post('/staff/api/assess').send({ jurisdiction, answers, lang })).body as AssessResponse;

  it.each(LANGS)('labels the annual revenue field in each text\'s words (%s)', async (lang) => {
    const catalog = (await request(app).get(`/staff/api/catalog?lang=${lang}`)).body as Catalog;
    const label = (j: JurisdictionId) =>
      catalog.jurisdictions.find((x) => x.id === j)?.groups.flatMap((g) => g.questions).find((q) => q.fact === 'annualRevenue')?.label;
    for (const j of OWN_WORDING) expect(label(j), j).toBe(OWN[j][lang]);
    for (const j of QUALIFIED) expect(label(j), j).toBe(generic(lang));
  });

  it.each(LANGS)('lists what is still to find out, and each open condition\'s needs, in the text\'s words (%s)', async (lang) => {
    for (const j of OWN_WORDING) {
      const body = await assess(j, {}, lang);
      expect(body.missing.annualRevenue, j).toBe(OWN[j][lang]);
      expect(Object.values(body.needs).flat(), j).toContain(OWN[j][lang]);
      expectOwnWording(JSON.stringify(body), j, lang, `${j} assess response`);
    }
    for (const j of QUALIFIED) {
      const body = await assess(j, {}, lang);
      expect(body.missing.annualRevenue, j).toBe(generic(lang));
      expect(JSON.stringify(body), j).toContain(generic(lang));
    }
  });

  it('names a condition\'s facts as the condition does (园区总面积 in 山东, 总建筑面积 in 吉林)', async () => {
    expect((await assess('shandong', {}, 'zh-CN')).needs['shandong.total-area']).toContain('园区总面积');
    expect((await assess('jilin', {}, 'zh-CN')).needs['jilin.total-area']).toContain('总建筑面积');
    expect((await assess('jilin', {}, 'zh-CN')).needs['jilin.total-area']).not.toContain('园区总面积');
  });

  it('says which answer a figure may not exceed in the text\'s words', async () => {
    const answers = { annualRevenue: '1亿元', specialtyServiceRevenue: '2亿元' };
    const message = (body: AssessResponse) => (body.fields.specialtyServiceRevenue as { message?: string }).message ?? '';
    const shandong = message(await assess('shandong', answers, 'zh-CN'));
    expect(shandong).toContain('园区年营业收入');
    expect(shandong).not.toContain('上一年度');
    expect(message(await assess('wenzhou', answers, 'zh-CN'))).toContain(generic('zh-CN'));
  });

  it('prints the checklist\'s unanswered facts in the text\'s words', async () => {
    const html = async (jurisdiction: string) =>
      (await request(app).post('/staff/doc/checklist').type('form').send({ payload: JSON.stringify({ jurisdiction, facts: {}, lang: 'zh-CN' }) })).text;
    for (const j of OWN_WORDING) expectOwnWording(await html(j), j, 'zh-CN', `${j} checklist`);
    for (const j of QUALIFIED) expect(await html(j), j).toContain(generic('zh-CN'));
  });
});

describe('the enquiry insights', () => {
  it.each(LANGS)('labels the facts people did not know in each text\'s words (%s)', (lang) => {
    const jurisdictions = [...OWN_WORDING, ...QUALIFIED];
    const counters = new Map([[DATE, new Map(jurisdictions.map((j) => [fieldOf(j, 'web', { kind: 'unknown', fact: 'annualRevenue' }), 7]))]]);
    const query = parseInsightsQuery({ from: DATE, to: DATE }, DATE);
    const report = buildReport(counters, query, DATE, lang);
    for (const j of OWN_WORDING) {
      expect(report.jurisdictions[j]?.unknownFacts, j).toEqual([{ fact: 'annualRevenue', label: OWN[j][lang], count: 7 }]);
      expectOwnWording(JSON.stringify(report.jurisdictions[j]), j, lang, `${j} insights`);
    }
    for (const j of QUALIFIED) expect(report.jurisdictions[j]?.unknownFacts[0]?.label, j).toBe(generic(lang));
  });
});

describe('the Word documents (read back as text)', () => {
  const text = async (name: string, jurisdiction: JurisdictionId, facts: Record<string, unknown>, lang: Lang = 'zh-CN') =>
    (await readDocx((await buildDocument(name, { jurisdiction, facts, lang, date: DATE })).bytes)).text;

  it('the checklist and the letter name annual revenue as the text applied does', async () => {
    for (const j of OWN_WORDING) {
      for (const lang of LANGS) expectOwnWording(await text('checklist', j, {}, lang), j, lang, `${j} checklist ${lang}`);
      expect(documentsOf(j)).toContain('application-letter');
      expectOwnWording(await text('application-letter', j, { annualRevenue: 600_000_000 }), j, 'zh-CN', `${j} letter`);
    }
    for (const j of QUALIFIED) expect(await text('checklist', j, {}), j).toContain(generic('zh-CN'));
    expect(await text('application-letter', 'wenzhou', { annualRevenue: 600_000_000 })).toContain(generic('zh-CN'));
  });

  it('the letter names a met condition\'s answers as that condition does (山东 园区总面积)', async () => {
    const letter = await text('application-letter', 'shandong', { layout: 'multi', floorArea: 30_000 });
    // 第十二条第（二）项: "园区总面积不少于1.5万平方米" — its answer is quoted as 园区总面积, not 园区建筑面积.
    expect(letter).toMatch(/“园区总面积不少于1\.5万平方米”。经自查，[^。]*园区总面积为30,000\s*平方米/);
  });
});

describe('the conversation', () => {
  /** Skips to the annual revenue question, answers a range straddling the text's limit; every view on the way. */
  function rangeOfRevenue(jurisdiction: JurisdictionId, answer: string, lang: Lang): View[] {
    let { persisted, view } = startConversation({ jurisdiction, lang, date: DATE });
    const views = [view];
    const send = (event: Parameters<typeof advanceConversation>[1]) => {
      ({ persisted, view } = advanceConversation(persisted, event, true));
      views.push(view);
    };
    for (let turn = 0; view.prompt?.questionId !== 'annualRevenue' && turn < 80; turn++) send({ type: 'SKIP' });
    expect(view.prompt?.questionId).toBe('annualRevenue');
    send({ type: 'ANSWER', questionId: 'annualRevenue', value: answer });
    return views;
  }

  it.each(LANGS)('asks, follows up and lists the answers in the text\'s words (%s)', (lang) => {
    const range = lang === 'zh-CN' ? '4亿到6亿元' : '400 to 600 million yuan';
    for (const j of OWN_WORDING) {
      const views = rangeOfRevenue(j, range, lang);
      const last = views.at(-1);
      // The follow-up that settles the range names the figure: "园区年营业收入是否不少于 5 亿元？"
      expect(last?.prompt?.questionId).toBe('settle.annualRevenue');
      expect(last?.prompt?.text).toContain(OWN[j][lang]);
      const seen = JSON.stringify(views.map((v) => ({ ...v, result: undefined })));
      expectOwnWording(seen, j, lang, `${j} conversation`);
    }
    // 温州 sets the same 5 亿元: its follow-up names the figure its own way; 牡丹江 asks in its own words.
    expect(rangeOfRevenue('wenzhou', range, lang).at(-1)?.prompt?.text).toContain(generic(lang));
    const mudanjiang = rangeOfRevenue('mudanjiang', range, lang).find((v) => v.prompt?.questionId === 'annualRevenue');
    expect(mudanjiang?.prompt?.text).toMatch(lang === 'zh-CN' ? /上一年度.*含代收代付/ : /last year.*pass-through/i);
  });

  it('says which answer a figure may not exceed in the text\'s words', () => {
    const error = (jurisdiction: JurisdictionId) => {
      let { persisted } = startConversation({ jurisdiction, lang: 'zh-CN', date: DATE });
      persisted = advanceConversation(persisted, { type: 'CHANGE', questionId: 'annualRevenue', value: '1亿元' }).persisted;
      return advanceConversation(persisted, { type: 'CHANGE', questionId: 'specialtyServiceRevenue', value: '2亿元' }).view.error?.message ?? '';
    };
    expect(error('shandong')).toContain('园区年营业收入');
    expect(error('shandong')).not.toContain('上一年度');
    expect(error('wenzhou')).toContain(generic('zh-CN'));
  });
});
