/**
 * A conversation applies the version of a text in force on its own date, as `evaluate` does: it asks the
 * questions of that version, and assesses, explains and names the text by it; so do the Word documents and the
 * staff console. The second version is the test
 * fixture (never registered in the product): here the registry is given it beside the 牡丹江 draft, for this file
 * only, exactly as a newly adopted text would be added to `VERSIONS`.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDocument } from '../src/documents/index.js';
import { advanceConversation, startConversation, type View } from '../src/flows/conversation.js';
import type { Facts } from '../src/rules/facts.js';
import { getJurisdiction } from '../src/rules/registry.js';
import { assessAnswers } from '../src/staff/server/assess.js';
import { catalog } from '../src/staff/server/catalog.js';
import { addFixtureTexts, FIXTURE_VERSION, mudanjiangAdoptedFixture } from './fixtures/mudanjiang-adopted.fixture.js';
import { fieldOf } from '../src/insights/counters.js';
import { buildReport, parseInsightsQuery } from '../src/insights/report.js';
import { readDocx } from './support/docx.js';
import { eligibleProfiles } from './support/profiles.js';
import { typed, valueFor } from './support/typing.js';

vi.mock('../src/rules/registry.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/rules/registry.js')>();
  const { mudanjiangAdoptedFixture: fixture } = await import('./fixtures/mudanjiang-adopted.fixture.js');
  const versionsOf: typeof actual.versionsOf = (id) => (id === 'mudanjiang' ? [...actual.versionsOf(id), fixture] : actual.versionsOf(id));
  // `getJurisdiction` is left as it is (the draft): only a caller that asks for the version on its date sees the fixture.
  return { ...actual, versionsOf, jurisdictionOn: (id: Parameters<typeof actual.jurisdictionOn>[0], date: string) => actual.versionOn(versionsOf(id), date) };
});

beforeAll(addFixtureTexts);

const draft = getJurisdiction('mudanjiang');
/** A multi-site park of 3,500 m²: enough under the draft (3,000), short of the fixture's 4,000. */
const park: Facts = { ...eligibleProfiles().mudanjiang.multi, floorArea: 3_500 };

/** Answers every question from `park` (skipping what it leaves open) on `date`; the questions asked and the last view. */
function converse(date: string): { asked: string[]; view: View } {
  let { persisted, view } = startConversation({ jurisdiction: 'mudanjiang', lang: 'zh-CN', date });
  const asked: string[] = [];
  for (let turn = 0; view.state === 'interviewing' && view.prompt && turn < 80; turn++) {
    const prompt = view.prompt;
    asked.push(prompt.questionId);
    const value = valueFor(prompt, park);
    const event = value === undefined ? ({ type: 'SKIP' } as const) : ({ type: 'ANSWER', questionId: prompt.questionId, value: typed(prompt, value, 'zh-CN', turn) } as const);
    ({ persisted, view } = JSON.parse(JSON.stringify(advanceConversation(persisted, event, true))) as { persisted: unknown; view: View });
  }
  ({ view } = advanceConversation(persisted, { type: 'RESULTS' }, true));
  return { asked, view };
}

describe('a conversation applies the version of the text in force on its date', () => {
  it('the day before the fixture takes effect: the draft asks for the branch parks\' number and passes 3,500 m²', () => {
    const { asked, view } = converse('2026-06-30');
    expect(view.applying?.title).toBe(draft.title);
    expect(asked).toContain('branchCount');
    const result = view.result;
    expect(result?.text.version).toBe(draft.text.version);
    expect(result?.criteria.find((c) => c.id === 'mudanjiang.floor-area')?.status).toBe('met');
    expect(result?.criteria.some((c) => c.id === 'mudanjiang.floor-area-fixture')).toBe(false);
    expect(result?.newerTexts.map((n) => n.version)).toEqual([FIXTURE_VERSION]);
  });

  it('from the day it takes effect: the fixture no longer asks for the number of branches and finds 500 m² missing', () => {
    for (const date of ['2026-07-01', '2027-01-15']) {
      const { asked, view } = converse(date);
      expect(view.applying?.title, date).toBe(mudanjiangAdoptedFixture.title);
      expect(asked, date).not.toContain('branchCount');
      const result = view.result;
      expect(result?.text.version, date).toBe(FIXTURE_VERSION);
      const floor = result?.criteria.find((c) => c.id === 'mudanjiang.floor-area-fixture');
      expect(floor?.status, date).toBe('unmet');
      expect(floor?.explanation, date).toContain('还差 500 平方米');
      expect(result?.criteria.some((c) => c.id === 'mudanjiang.branch-count'), date).toBe(false);
      expect(result?.verdict, date).toBe('ineligible');
    }
  });

  it('the feedback after an answer comes from the version in force (the fixture\'s 4,000 m²)', () => {
    const start = (date: string) => startConversation({ jurisdiction: 'mudanjiang', lang: 'zh-CN', date }).persisted;
    const after = (date: string) => advanceConversation(start(date), { type: 'CHANGE', questionId: 'floorArea', value: '3500平方米' }).view.feedback.join('');
    expect(after('2026-06-30')).toBe('');
    expect(after('2026-07-01')).toContain('500 平方米');
  });
});

describe('the channels that have a date apply the same version', () => {
  it('a Word checklist of a session dated after the fixture lists its condition and gap; one dated before does not', async () => {
    const checklist = async (date: string) => (await readDocx((await buildDocument('checklist', { jurisdiction: 'mudanjiang', facts: park, lang: 'zh-CN', date })).bytes)).text;
    const before = await checklist('2026-06-30');
    expect(before).not.toContain('【测试夹具】');
    const after = await checklist('2026-07-01');
    expect(after).toContain('【测试夹具】园区建筑面积达到 4,000 平方米（含）以上');
    expect(after.replace(/\s+/g, '')).toContain('还差500平方米');
  });

  it('the staff console offers the questions and conditions of the version in force today, and its gaps', () => {
    const mudanjiang = (date: string) => catalog('zh-CN', false, date).jurisdictions.find((j) => j.id === 'mudanjiang');
    expect(mudanjiang('2026-06-30')?.criteria.map((c) => c.id)).toContain('mudanjiang.branch-count');
    const after = mudanjiang('2026-07-01');
    expect(after?.criteria.map((c) => c.id)).toContain('mudanjiang.floor-area-fixture');
    expect(after?.criteria.map((c) => c.id)).not.toContain('mudanjiang.branch-count');
    expect(after?.groups.flatMap((g) => g.questions).map((q) => q.fact)).not.toContain('branchCount');
    const assessed = assessAnswers('mudanjiang', { floorArea: '3500' }, { lang: 'zh-CN', date: '2026-07-01' });
    expect(assessed.gaps['mudanjiang.floor-area-fixture']).toContain('500');
  });

  it('the enquiry insights count the conditions of the versions in force during the period, the latest first', () => {
    const unmet = (id: string) => fieldOf('mudanjiang', 'web', { kind: 'criterion', id, status: 'unmet' });
    const counters = new Map([
      ['2026-06-30', new Map([[unmet('mudanjiang.branch-count'), 6]])],
      ['2026-07-01', new Map([[unmet('mudanjiang.floor-area-fixture'), 8]])],
    ]);
    const report = (from: string, to: string) =>
      buildReport(counters, parseInsightsQuery({ from, to, jurisdiction: 'mudanjiang' }, '2026-12-01'), '2026-12-01', 'zh-CN').jurisdictions.mudanjiang?.criteria ?? [];
    const ids = (criteria: { id: string }[]) => criteria.map((c) => c.id);
    expect(ids(report('2026-06-01', '2026-06-30'))).not.toContain('mudanjiang.floor-area-fixture');
    expect(ids(report('2026-07-01', '2026-07-31'))).not.toContain('mudanjiang.branch-count');
    const across = report('2026-06-30', '2026-07-01');
    expect(across.find((c) => c.id === 'mudanjiang.floor-area-fixture')).toMatchObject({ unmet: 8, title: expect.stringContaining('【测试夹具】') });
    expect(across.find((c) => c.id === 'mudanjiang.branch-count')).toMatchObject({ unmet: 6 });
    expect(new Set(ids(across)).size).toBe(across.length);
  });
});
