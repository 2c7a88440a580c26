/**
 * Texts have versions (issue 10, section 3): every registered text carries its metadata; an assessment applies
 * the version in force on its date, says which, and — when a newer version exists — what changed. The second
 * version here is a fixture under test/ (never registered, never presented as law).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assessOn, evaluate } from '../src/rules/evaluate.js';
import type { Facts } from '../src/rules/facts.js';
import { JURISDICTIONS, jurisdictionOn, versionOn, versionsOf } from '../src/rules/registry.js';
import { AssessmentResultSchema } from '../src/rules/result.js';
import { JURISDICTION_IDS } from '../src/rules/types.js';
import { addFixtureTexts, FIXTURE_VERSION, mudanjiangAdoptedFixture } from './fixtures/mudanjiang-adopted.fixture.js';
import { eligibleProfiles } from './support/profiles.js';

const draft = versionsOf('mudanjiang')[0];
if (!draft) throw new Error('mudanjiang has no registered text');
const both = [draft, mudanjiangAdoptedFixture] as const;
const park: Facts = { ...eligibleProfiles().mudanjiang.default, floorArea: 3_500 };

beforeAll(addFixtureTexts);

describe('every registered text says which version it is', () => {
  it.each(JURISDICTIONS.map((d) => [d.id, d] as const))('%s', (id, def) => {
    expect(def.text.version).toMatch(new RegExp(`^${id}@\\d{4}-\\d{2}-\\d{2}$`));
    expect(def.text.lastVerifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(['draft', 'in_force', 'repealed']).toContain(def.text.lifecycle);
    // No URL is known from the texts or their README: none is invented.
    expect(def.text.sourceUrl).toBeUndefined();
    const result = evaluate(id, {}, { date: '2026-11-23' });
    expect(result.text).toMatchObject({ version: def.text.version, title: def.title, source: def.source, inForceFrom: def.inForceFrom });
    expect(result.newerTexts).toEqual([]);
  });

  it('the 牡丹江 征求意见稿 is a draft; the others are in force', () => {
    expect(JURISDICTIONS.filter((d) => d.text.lifecycle === 'draft').map((d) => d.id)).toEqual(['mudanjiang']);
  });

  it('the product registers no fixture', () => {
    for (const id of JURISDICTION_IDS) {
      expect(versionsOf(id).map((d) => d.text.version).join()).not.toMatch(/FIXTURE/i);
      expect(versionsOf(id).map((d) => d.title).join()).not.toContain('测试');
    }
    expect(evaluate('mudanjiang', park, { date: '2026-08-01' }).text.version).toBe(draft.text.version);
    expect(jurisdictionOn('mudanjiang', '2026-08-01')).toBe(draft);
  });
});

describe('the version in force on the assessment date is applied (fixture second version)', () => {
  it('before the adopted text takes effect, the draft applies and the result says what will change', () => {
    const result = assessOn(both, park, { date: '2026-06-30', lang: 'zh-CN' });
    expect(result.text.version).toBe(draft.text.version);
    expect(result.text.lifecycle).toBe('draft');
    expect(result.criteria.find((c) => c.id === 'mudanjiang.floor-area')?.status).toBe('met');
    expect(result.newerTexts).toHaveLength(1);
    const [newer] = result.newerTexts;
    expect(newer).toMatchObject({ version: FIXTURE_VERSION, inForceFrom: '2026-07-01', lifecycle: 'in_force' });
    expect(newer?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'added', criterion: 'mudanjiang.floor-area-fixture', quote: '园区建筑面积达到4000平方米（含）以上' }),
        expect.objectContaining({ kind: 'removed', criterion: 'mudanjiang.floor-area', previousQuote: '园区建筑面积达到3000平方米（含）以上' }),
        expect.objectContaining({ kind: 'removed', criterion: 'mudanjiang.branch-count', ref: { article: 6, item: 3 } }),
      ]),
    );
    expect(newer?.changes).toHaveLength(3);
    expect(result.notices.join('')).toContain(`新版本（${FIXTURE_VERSION}），自 2026-07-01 起适用，与本次所用文本相比有 3 项条件变化`);
    expect(AssessmentResultSchema.safeParse(JSON.parse(JSON.stringify(result))).success).toBe(true);
  });

  it('from the day it takes effect, the adopted text applies, and says which text it replaced', () => {
    for (const date of ['2026-07-01', '2027-03-15']) {
      const result = assessOn(both, park, { date, lang: 'en' });
      expect(result.text.version).toBe(FIXTURE_VERSION);
      expect(result.text.supersedes).toBe(draft.text.version);
      expect(result.newerTexts).toEqual([]);
      const floor = result.criteria.find((c) => c.id === 'mudanjiang.floor-area-fixture');
      expect(floor?.status).toBe('unmet');
      expect(floor?.explanation).toContain('short by 500 m²');
      expect(result.criteria.some((c) => c.id === 'mudanjiang.branch-count')).toBe(false);
      expect(result.verdict).toBe('ineligible');
      expect(AssessmentResultSchema.safeParse(JSON.parse(JSON.stringify(result))).success).toBe(true);
    }
  });

  it('before any version takes effect, the earliest applies and says it is not yet in force', () => {
    const result = assessOn(both, park, { date: '2025-12-31', lang: 'zh-CN' });
    expect(result.text.version).toBe(draft.text.version);
    expect(result.criteria.find((c) => c.id === 'mudanjiang.in-force')?.status).toBe('unmet');
  });

  it('an ended version gives way to the one in force, whatever the order of the list', () => {
    const ended = { ...draft, text: { ...draft.text, inForceUntil: '2026-06-30', lifecycle: 'repealed' as const } };
    expect(versionOn([mudanjiangAdoptedFixture, ended], '2026-06-30').text.version).toBe(draft.text.version);
    expect(versionOn([mudanjiangAdoptedFixture, ended], '2026-07-01').text.version).toBe(FIXTURE_VERSION);
  });
});
