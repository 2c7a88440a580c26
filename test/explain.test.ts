/**
 * Explanations, in both languages: what the article requires, what was answered, the gap in the user's units,
 * and what would close it; for unknowns, what is missing. No template or key ever leaks through.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/i18n/index.js';
import { evaluate } from '../src/rules/evaluate.js';
import type { Facts } from '../src/rules/facts.js';
import { JURISDICTIONS } from '../src/rules/registry.js';
import type { JurisdictionId } from '../src/rules/types.js';
import { cases as guangxi } from './cases/guangxi.js';
import { cases as jilin } from './cases/jilin.js';
import { cases as mudanjiang } from './cases/mudanjiang.js';
import { cases as shandong } from './cases/shandong.js';
import { cases as wenzhou } from './cases/wenzhou.js';
import { EDGE_DATE, type EdgeCase, type Patch } from './support/edges.js';
import { eligibleProfiles } from './support/profiles.js';

const ALL: Record<JurisdictionId, EdgeCase[]> = { shandong, jilin, mudanjiang, guangxi, wenzhou };
const profiles = eligibleProfiles();
const LEAK = /\{\{|\}\}|\b(criteria|facts|finding|explain|units|materials|procedure|notices|evidence|remedies)\.[a-z]/;

const assess = (facts: Facts, lang: (typeof LANGUAGES)[number], date = '2026-11-23') => evaluate('shandong', facts, { lang, date });
const explanation = (facts: Facts, id: string, lang: (typeof LANGUAGES)[number]) =>
  assess(facts, lang).criteria.find((c) => c.id === id)?.explanation ?? '';

describe('explanations state the gap in the user units', () => {
  it('area, count, money and share gaps in Chinese', () => {
    const facts: Facts = { layout: 'single', floorArea: 8_000, occupiedArea: 4_000, commercialHrInstitutions: 17, annualRevenue: 300_000_000 };
    expect(explanation(facts, 'shandong.floor-area', 'zh-CN')).toContain('您的回答为 8,000 平方米，要求不少于 10,000 平方米，还差 2,000 平方米');
    expect(explanation(facts, 'shandong.commercial-institutions', 'zh-CN')).toContain('还差 3 家');
    expect(explanation(facts, 'shandong.annual-revenue', 'zh-CN')).toContain('您的回答为 3 亿元，要求不少于 5 亿元，还差 2 亿元');
    expect(explanation(facts, 'shandong.occupancy', 'zh-CN')).toContain('占园区总面积（8,000 平方米）的 50%，要求达到 60%（即至少 4,800 平方米），还差 800 平方米');
  });

  it('the same in English', () => {
    const facts: Facts = { layout: 'single', floorArea: 8_000, occupiedArea: 4_000, commercialHrInstitutions: 19, annualRevenue: 499_990_000 };
    expect(explanation(facts, 'shandong.floor-area', 'en')).toContain('short by 2,000 m²');
    expect(explanation(facts, 'shandong.commercial-institutions', 'en')).toContain('short by 1 institution.');
    expect(explanation(facts, 'shandong.annual-revenue', 'en')).toContain('you answered CNY 499.99 million; the article requires at least CNY 500 million, so you are short by CNY 10,000');
    expect(explanation(facts, 'shandong.occupancy', 'en')).toContain('short by 800 m²');
  });

  it('an in-principle condition says so; an advisory one says it does not decide', () => {
    expect(explanation({ layout: 'single', floorArea: 1 }, 'shandong.floor-area', 'zh-CN')).toContain('原则上');
    expect(explanation({ layout: 'single', floorArea: 1 }, 'shandong.floor-area', 'en')).toContain('in principle');
    expect(explanation({ hasDevelopmentFund: false }, 'shandong.development-fund', 'zh-CN')).toContain('不影响是否符合申报条件');
  });

  it('an unknown names the missing facts; a rule for other parks says why it does not apply', () => {
    expect(explanation({}, 'shandong.occupancy', 'zh-CN')).toContain('入驻机构使用面积、园区总面积');
    expect(explanation({ layout: 'single' }, 'shandong.core-area', 'en')).toContain('not applicable (Site layout is “a single site”)');
  });

  it('a missing service is named, and what to add is said', () => {
    const text = explanation({ supportingServices: ['meeting', 'training', 'finance', 'legal'] }, 'shandong.supporting-services', 'zh-CN');
    expect(text).toContain('配套服务尚缺：餐饮、网络信息');
  });

  it('a waiting period gives the first day the bar ends (山东 第二十二条: 重新认定)', () => {
    const facts: Facts = { previousOutcome: 'revoked', previousOutcomeDate: '2024-01-10' };
    expect(explanation(facts, 'shandong.revocation-bar', 'zh-CN')).toContain('自 2027-01-11 起方可重新获得认定');
    expect(explanation(facts, 'shandong.revocation-bar', 'en')).toContain('designated again from 2027-01-11');
  });
});

for (const def of JURISDICTIONS) {
  describe(`${def.id}: every unmet edge explains itself in both languages`, () => {
    it.each(ALL[def.id].map((e) => [`${e.criterion} / ${e.fact}`, e] as const))('%s', (_name, edge) => {
      const patch: Patch = typeof edge.beyond === 'number' ? { facts: { [edge.fact]: edge.beyond } as Facts } : edge.beyond;
      const facts = { ...profiles[def.id][edge.profile ?? 'default'], ...edge.given, ...patch.facts };
      for (const lang of LANGUAGES) {
        const result = evaluate(def.id, facts, { lang, date: patch.date ?? EDGE_DATE });
        const c = result.criteria.find((x) => x.id === edge.criterion);
        expect(c?.status).toBe('unmet');
        expect(c?.explanation).toContain(c?.refText);
        expect(c?.explanation).not.toMatch(LEAK);
        const gap = c?.findings.some((f) => f.kind === 'threshold' && f.op === 'gte') || c?.findings.some((f) => f.kind === 'share');
        if (gap) expect(c?.explanation).toMatch(lang === 'zh-CN' ? /还差 [\d,.]+ ?\S+/ : /short by (CNY )?[\d,.]+/);
      }
    });

    it('renders every criterion, material, step and notice without leaking a key', () => {
      for (const lang of LANGUAGES) {
        for (const facts of [{}, ...Object.values(profiles[def.id])]) {
          const result = evaluate(def.id, facts, { lang, date: EDGE_DATE });
          const texts = [
            result.jurisdictionName,
            ...result.criteria.flatMap((c) => [c.explanation, c.title]),
            ...result.checklist.map((m) => m.title),
            ...result.procedure.map((s) => s.title),
            ...result.notices,
          ];
          expect(texts.filter((t) => LEAK.test(t) || t.trim() === '')).toEqual([]);
        }
      }
    });
  });
}
