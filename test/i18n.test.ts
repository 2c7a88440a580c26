/**
 * The compiled translator of the hot path renders every key of every locale exactly as i18next does (placeholder
 * values), and sets Chinese spacing where a slot meant for a figure holds words.
 */
import { describe, expect, it } from 'vitest';
import { compiledTranslator } from '../src/i18n/compiled.js';
import { LANGUAGES, loadLocale, translator } from '../src/i18n/index.js';

function leaves(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (tree === null || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

for (const lang of LANGUAGES) {
  const namespaces = loadLocale(lang);
  describe(`${lang}: compiled translator`, () => {
    it.each(Object.keys(namespaces))('%s renders like i18next', (ns) => {
      const fast = compiledTranslator(lang, ns);
      const slow = translator(lang, ns);
      for (const [fullKey, template] of leaves(namespaces[ns])) {
        const key = fullKey.replace(/_(one|other)$/, '');
        const names = [...template.matchAll(/\{\{\s*([^}\s,]+)/g)].map((m) => m[1] as string);
        const vars = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
        for (const count of fullKey === key ? [undefined] : [0, 1, 2, 21]) {
          const withCount: Record<string, unknown> = count === undefined ? vars : { ...vars, count };
          expect(fast(key, withCount), `${ns}:${fullKey} count=${count}`).toBe(slow(key, withCount));
        }
      }
    });
  });
}

describe('compiled translator fallbacks', () => {
  it('falls back to the rules namespace, and returns the key when nothing has it', () => {
    expect(compiledTranslator('en', 'shandong')('status.met')).toBe('met');
    expect(compiledTranslator('en', 'shandong')('no.such.key')).toBe('no.such.key');
    expect(translator('en', 'shandong')('no.such.key')).toBe('no.such.key');
  });
});

describe('Chinese spacing at a slot', () => {
  const t = compiledTranslator('zh-CN', 'rules');
  const vars = { site: '', fact: '园区建筑面积', answered: '5,000–6,000 平方米', required: '10,000 平方米' };

  it('keeps the space between a character and a figure, and drops it between two characters', () => {
    const exact = t('finding.atLeast', { ...vars, gap: '4,000 平方米' });
    expect(exact).toContain('还差 4,000 平方米。将园区建筑面积增加 4,000 平方米即可满足');
    const bounded = t('finding.atLeast', { ...vars, gap: t('gap.atLeast', { gap: '4,000 平方米' }) });
    expect(bounded).toContain('还差至少 4,000 平方米。将园区建筑面积增加至少 4,000 平方米即可满足');
    expect(bounded).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
  });

  it('drops it after a slot that ends with a character too, and leaves other languages alone', () => {
    expect(compiledTranslator('zh-CN', 'mudanjiang')('finding.notInForce', { from: '公布之日' })).toContain('自公布之日起实施');
    expect(compiledTranslator('zh-CN', 'mudanjiang')('finding.notInForce', { from: '2026-12-01' })).toContain('自 2026-12-01 起实施');
    expect(compiledTranslator('en', 'rules')('gap.atLeast', { gap: '4,000 m²' })).toBe('at least 4,000 m²');
  });
});
