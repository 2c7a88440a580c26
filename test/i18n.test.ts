/**
 * The compiled translator of the hot path renders every key of every locale exactly as i18next does.
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
