/**
 * The audit's corrections (issue 10, section 2), one block per item, each asserting what a user of the result
 * would read: the text's own words, the status it gives, the count it makes.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../src/i18n/index.js';
import { evaluate } from '../src/rules/evaluate.js';
import type { Facts } from '../src/rules/facts.js';
import { formatPercent } from '../src/rules/format.js';
import { EDGE_DATE } from './support/edges.js';
import { eligibleProfiles } from './support/profiles.js';

const profiles = eligibleProfiles();

function criterion(jurisdiction: string, facts: Facts, id: string, lang: Lang = 'zh-CN', date = EDGE_DATE) {
  const result = evaluate(jurisdiction, facts, { lang, date });
  const found = result.criteria.find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return { result, c: found };
}

describe('1. Jilin 第三条 is a definition, not a condition', () => {
  it('a park without policy support is not made ineligible by it, and is told what 附件5 asks for', () => {
    const { result, c } = criterion('jilin', { ...profiles.jilin.default, hasLocalSupportPolicy: false }, 'jilin.policy-support');
    expect(c.severity).toBe('advisory');
    expect(c.status).toBe('unmet');
    expect(result.verdict).toBe('eligible');
    expect(c.explanation).toContain('附件5');
    expect(c.explanation).toContain('不是单独的申报条件');
  });
});

describe('2. Jilin 第四条 is a permission', () => {
  const facts: Facts = { ...profiles.jilin.specialized, servesLocalIndustry: false };

  it('does not count a second unmet item for the answer 第五条（七） already checks', () => {
    const result = evaluate('jilin', facts, { date: EDGE_DATE });
    const unmetOnFact = result.criteria.filter((c) => c.status === 'unmet' && c.facts.includes('servesLocalIndustry'));
    expect(unmetOnFact.map((c) => c.id)).toEqual(['jilin.local-industry-match']);
    expect(result.criteria.find((c) => c.id === 'jilin.specialized-local-industry')?.status).toBe('not_applicable');
    expect(result.counts.unmet).toBe(1);
  });

  it('is met by a specialized park serving local featured industries, and its label says so', () => {
    const zh = criterion('jilin', profiles.jilin.specialized ?? {}, 'jilin.specialized-local-industry').c;
    expect(zh.status).toBe('met');
    expect(zh.severity).toBe('advisory');
    expect(zh.title).toContain('服务本地特色产业');
    expect(criterion('jilin', {}, 'jilin.specialized-local-industry', 'en').c.title).toContain('serving local featured industries');
  });
});

describe('3. Guangxi 第三条 is advisory (一般应)', () => {
  it('its remedy does not demand a city-level designation first', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const { result, c } = criterion('guangxi', { ...profiles.guangxi.default, cityLevelDesignated: false }, 'guangxi.city-level-first', lang);
      expect(c.status).toBe('unmet');
      expect(result.verdict).toBe('eligible');
      expect(c.explanation).not.toMatch(/须先取得|Obtain city-level designation first/);
      expect(c.explanation).toContain(lang === 'zh-CN' ? '仍可申报' : 'may still apply');
    }
  });
});

describe('4. Shandong 第十二条（五）: 有条件的地方应设立', () => {
  it('says 应 (should), not 可 (may)', () => {
    const zh = criterion('shandong', { hasDevelopmentFund: false }, 'shandong.development-fund').c;
    expect(zh.title).toContain('应设立');
    expect(zh.explanation).not.toContain('可设立');
    expect(criterion('shandong', { hasDevelopmentFund: false }, 'shandong.development-fund', 'en').c.explanation).toContain('should');
  });
});

describe("5. Each text's own words for the park's revenue", () => {
  it.each([
    ['shandong', 'shandong.annual-revenue', '园区年营业收入：'],
    ['guangxi', 'guangxi.annual-revenue', '产业园年营业收入：'],
  ])('%s: no 上一年度 or 含代收代付 the text does not say', (j, id, label) => {
    const zh = criterion(j, { annualRevenue: 400_000_000 }, id).c;
    expect(zh.explanation).toContain(label);
    expect(zh.explanation).not.toMatch(/上一年度|代收代付/);
    expect(criterion(j, { annualRevenue: 400_000_000 }, id, 'en').c.explanation).not.toMatch(/last year|pass-through/);
  });

  it('wenzhou keeps its own 上一年度…（含代收代付）', () => {
    expect(criterion('wenzhou', { annualRevenue: 400_000_000 }, 'wenzhou.annual-revenue').c.explanation).toContain('上一年度园区营业收入（含代收代付）');
  });
});

describe('6. Shandong 第二十二条 bars 重新认定', () => {
  it('speaks of re-designation, not of applying', () => {
    const c = criterion('shandong', { previousOutcome: 'revoked', previousOutcomeDate: '2025-03-01' }, 'shandong.revocation-bar').c;
    expect(c.status).toBe('unmet');
    expect(c.explanation).toContain('重新认定');
    expect(c.explanation).not.toContain('申报');
  });
});

describe('7. Multi-site totals and per-branch denominators', () => {
  it.each([
    ['shandong', 'shandong.total-area', '园区总面积：'],
    ['jilin', 'jilin.total-area', '总建筑面积：'],
    ['guangxi', 'guangxi.total-area', '园区总面积：'],
    ['mudanjiang', 'mudanjiang.total-area', '园区总面积：'],
    ['wenzhou', 'wenzhou.multi-floor-area', '总建筑面积：'],
  ])('%s names the total as its text does', (j, id, label) => {
    const c = criterion(j, { layout: 'multi', floorArea: 4_000 }, id).c;
    expect(c.status).toBe('unmet');
    expect(c.explanation).toContain(label);
    expect(c.explanation).not.toContain('园区建筑面积：');
  });

  it("guangxi's branch ratio is of the branch's own floor area, in both languages", () => {
    const base = profiles.guangxi.multi ?? {};
    const facts: Facts = { ...base, branches: [{ floorArea: 2_500, hrInstitutions: 12, occupiedArea: 1_000 }, { floorArea: 2_000, hrInstitutions: 11, occupiedArea: 1_200 }] };
    expect(criterion('guangxi', facts, 'guangxi.branch-agglomeration').c.explanation).toContain('占该分园区建筑面积（2,500 平方米）的 40%');
    expect(criterion('guangxi', facts, 'guangxi.branch-agglomeration', 'en').c.explanation).toContain("40% of the branch park's own floor area (2,500 m²)");
  });
});

describe('8. 实施 and 按要求整改 as the texts say', () => {
  it('mudanjiang takes effect (实施) on 2026-01-01, in the explanation and the notice', () => {
    const { result, c } = criterion('mudanjiang', {}, 'mudanjiang.in-force', 'zh-CN', '2025-12-31');
    expect(c.status).toBe('unmet');
    expect(c.explanation).toContain('起实施');
    expect([c.explanation, ...result.notices].join('')).not.toContain('施行');
  });

  it('shandong: failing parks rectify as required (按要求整改)', () => {
    const step = evaluate('shandong', {}, { date: EDGE_DATE }).procedure.find((s) => s.id === 'shandong.grades');
    expect(step?.title).toContain('按要求整改');
    expect(step?.title).not.toContain('限期');
  });
});

describe('9. Shandong 第十三条 自愿申报、择优确定', () => {
  it('tells users that meeting the conditions does not guarantee designation', () => {
    expect(evaluate('shandong', {}, { date: EDGE_DATE }).notices.join('')).toContain('择优确定');
    expect(evaluate('shandong', {}, { date: EDGE_DATE, lang: 'en' }).notices.join('')).toContain('does not guarantee designation');
  });
});

describe('10. Jilin 附件 1–7 in their order', () => {
  it('lists the annexed materials in annex order, each reference naming its annex', () => {
    const checklist = evaluate('jilin', {}, { date: EDGE_DATE }).checklist;
    const annexes = checklist.filter((m) => m.ref.annex !== undefined).map((m) => m.ref.annex);
    expect(annexes).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(checklist.find((m) => m.id === 'jilin.application-request')?.refText).toBe('第六条第（一）项第1目（附件2）');
    expect(checklist.find((m) => m.id === 'jilin.cover')?.refText).toBe('附件1');
  });
});

describe('11. Wenzhou 第四条: 专业性分园区', () => {
  it('says specialized branch parks in English too', () => {
    const facts: Facts = { parkType: 'comprehensive', existingComprehensivePark: true };
    expect(criterion('wenzhou', facts, 'wenzhou.one-comprehensive-per-county', 'en').c.explanation).toContain('specialized branch parks (专业性分园区)');
    expect(criterion('wenzhou', facts, 'wenzhou.one-comprehensive-per-county').c.explanation).toContain('专业性分园区');
  });
});

describe("12. A past year's revenue cannot be increased", () => {
  it('the remedy speaks of the next application, for the total and for the share', () => {
    const revenue = criterion('wenzhou', { annualRevenue: 400_000_000 }, 'wenzhou.annual-revenue').c.explanation;
    expect(revenue).toContain('下一次申报');
    expect(revenue).not.toMatch(/增加 [\d.,]+ ?亿元|即可满足/);
    const en = criterion('wenzhou', { annualRevenue: 400_000_000 }, 'wenzhou.annual-revenue', 'en').c.explanation;
    expect(en).toContain('next application');
    expect(en).not.toContain('Adding');
    const share = criterion('wenzhou', { parkType: 'specialized', specialtyServiceRevenue: 200_000_000, annualRevenue: 520_000_000 }, 'wenzhou.specialty-revenue-share').c;
    expect(share.status).toBe('unmet');
    expect(share.explanation).toContain('下一次申报');
    expect(share.explanation).not.toMatch(/即可满足/);
  });

  it('a figure that can still change keeps its remedy', () => {
    expect(criterion('shandong', { layout: 'single', floorArea: 8_000 }, 'shandong.floor-area').c.explanation).toContain('增加 2,000 平方米即可满足');
  });
});

describe('13. Percentages', () => {
  it('are rounded, not floored', () => {
    expect(formatPercent(69.7, 'zh-CN')).toBe('69.7%');
    expect(formatPercent((230 * 100) / 330, 'en')).toBe('69.7%');
    expect(formatPercent(55.55, 'en')).toBe('55.6%');
  });

  it('never show a value below a limit as the limit', () => {
    expect(formatPercent(59.994, 'zh-CN', 60)).toBe('59.99%');
    expect(formatPercent(59.9996, 'zh-CN', 60)).toBe('59.9996%');
    expect(formatPercent(59.94, 'zh-CN', 60)).toBe('59.9%');
    const c = criterion('shandong', { occupiedArea: 5_999.4, floorArea: 10_000 }, 'shandong.occupancy').c;
    expect(c.status).toBe('unmet');
    expect(c.explanation).toContain('的 59.99%');
    const wenzhou = criterion('wenzhou', { parkType: 'comprehensive', hrInstitutions: 230, parkInstitutions: 330 }, 'wenzhou.comprehensive-concentration').c;
    expect(wenzhou.explanation).toContain('69.7%');
  });
});

describe('14. Brackets and capitals', () => {
  const facts: Facts = { parkType: 'specialized', specialtyServiceRevenue: 200_000_000, annualRevenue: 520_000_000 };

  it('a label with a bracket takes the figure inside it', () => {
    const zh = criterion('wenzhou', facts, 'wenzhou.specialty-revenue-share').c.explanation;
    expect(zh).toContain('（含代收代付，5.2 亿元）');
    expect(zh).not.toContain('）（');
    const en = criterion('wenzhou', facts, 'wenzhou.specialty-revenue-share', 'en').c.explanation;
    expect(en).toContain('(pass-through included, CNY 520 million)');
    expect(en).not.toContain(') (');
  });

  it('English labels after a colon start in lower case; acronyms keep their capitals', () => {
    const branch: Facts = { ...(profiles.guangxi.multi ?? {}), branches: [{ floorArea: 2_500, hrInstitutions: 8, occupiedArea: 1_500 }, { floorArea: 2_000, hrInstitutions: 11, occupiedArea: 1_200 }] };
    const text = criterion('guangxi', branch, 'guangxi.branch-agglomeration', 'en').c.explanation;
    expect(text).toContain('Branch park 1: resident HR service institutions');
    expect(text).toContain('requires: each branch park');
    expect(criterion('shandong', {}, 'shandong.occupancy', 'en').c.explanation).toMatch(/without: floor area occupied by resident institutions, total area of the park\./);
  });
});

describe('原则上 is not carried across texts', () => {
  it('guangxi 第五条（三） says 原则, in its title and its explanation', () => {
    const c = criterion('guangxi', { layout: 'multi', branchCount: 3 }, 'guangxi.branch-count').c;
    expect(c.status).toBe('unmet');
    expect(c.title).toContain('分园区原则不超过');
    expect(c.explanation).toContain('（原则）');
    expect(c.explanation).not.toContain('原则上');
  });
});
