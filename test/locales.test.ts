/**
 * zh-CN and en carry the same keys in every namespace, and every key the rules ask for exists.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, loadLocale } from '../src/i18n/index.js';
import { slug } from '../src/rules/explain.js';
import { FACT_NAMES, FactShape } from '../src/rules/facts.js';
import { JURISDICTIONS } from '../src/rules/registry.js';

/** Flattened keys, with i18next plural suffixes folded (zh has only `_other`, en `_one` and `_other`). */
function keys(tree: unknown, prefix = ''): string[] {
  if (tree === null || typeof tree !== 'object') return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const fold = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const keySet = (tree: unknown) => [...new Set(keys(tree).map(fold))].sort();

const locales = Object.fromEntries(LANGUAGES.map((lang) => [lang, loadLocale(lang)]));

describe('locales', () => {
  const namespaces = Object.keys(locales['zh-CN'] ?? {}).sort();

  it('have the same namespaces in every language', () => {
    for (const lang of LANGUAGES) expect(Object.keys(locales[lang] ?? {}).sort()).toEqual(namespaces);
  });

  it.each(namespaces)('%s has the same keys in zh-CN and en', (ns) => {
    expect(keySet(locales.en?.[ns])).toEqual(keySet(locales['zh-CN']?.[ns]));
  });

  it.each(namespaces)('%s has no empty strings', (ns) => {
    for (const lang of LANGUAGES) {
      const empty = keys(locales[lang]?.[ns]).filter((k) => {
        const value = k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], locales[lang]?.[ns]);
        return value === '';
      });
      expect(empty, lang).toEqual([]);
    }
  });

  it('label every fact and every value of every choice', () => {
    const facts = keySet(locales['zh-CN']?.facts);
    for (const fact of FACT_NAMES) {
      expect(facts).toContain(`${fact}.label`);
      const options = (FactShape[fact] as { options?: readonly string[]; element?: { options?: readonly string[] } });
      const values = options.options ?? options.element?.options ?? [];
      // A numeric fact is a union (number | bounds) whose `options` are schemas, not values to label.
      for (const value of values.filter((v) => typeof v === 'string')) expect(facts).toContain(`${fact}.values.${value}`);
    }
  });

  it.each(JURISDICTIONS.map((d) => [d.id, d] as const))('%s: every criterion, material, step and notice has its text', (id, def) => {
    const ns = keySet(locales['zh-CN']?.[id]);
    const wanted = [
      'name',
      'shortName',
      ...def.criteria.map((c) => `criteria.${slug(c.id)}`),
      ...def.materials.map((m) => `materials.${slug(m.id)}`),
      ...def.evidence.map((m) => `evidence.${slug(m.id)}`),
      ...def.procedure.map((s) => `procedure.${slug(s.id)}`),
      ...def.notices.map((n) => `notices.${n.id}`),
    ];
    expect(wanted.filter((k) => !ns.includes(k))).toEqual([]);
  });
});

/**
 * When an `en` string counts as English. A string with CJK characters (U+3400–U+9FFF, U+F900–U+FAFF) is English
 * when, with its `{{placeholders}}` removed,
 *   1. it has at least two English words (runs of two or more Latin letters), and
 *   2. its Latin letters outnumber its CJK characters,
 * so that the Chinese in it can only be glosses beside the English (设立一个园区 / 设立多个园区), examples of what may
 * be typed (1.2万平方米), document numbers (吉人社规〔2022〕8号) or quoted titles. Exempt: the endonym 中文 on
 * the buttons that switch to Chinese (a Chinese reader must recognise it), and keys named `quote` (verbatim
 * regulation wording stays Chinese).
 */
export function isEnglish(value: string): boolean {
  const text = value.replace(/\{\{[^}]*\}\}/g, '');
  const cjk = text.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  if (cjk === 0) return true;
  const words = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return words >= 2 && latin > cjk;
}

describe('English strings are English', () => {
  it('the rule tells a gloss beside English from a Chinese-only line', () => {
    expect(isEnglish('管理制度健全.')).toBe(false);
    expect(isEnglish('小微企业园 cooperation.')).toBe(false);
    expect(isEnglish('Language / 切换语言')).toBe(false);
    expect(isEnglish('e.g. 5000000 or 500万元')).toBe(false);
    expect(isEnglish('设立一个园区 / 设立多个园区: the texts set different area and concentration thresholds for each.')).toBe(true);
    expect(isEnglish('Sound management rules for the park (管理制度健全).')).toBe(true);
    expect(isEnglish('Covered: {{list}}.')).toBe(true);
  });

  it.each(Object.keys(locales.en ?? {}).sort())('%s: every en string is English', (ns) => {
    const strings = (tree: unknown, path: string): Array<[string, string]> => {
      if (typeof tree === 'string') return [[path, tree]];
      if (tree === null || typeof tree !== 'object') return [];
      return Object.entries(tree).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
    };
    // The application letter (documents: letter.*) is filed with a Chinese authority, so its body is Chinese in
    // every language; its drafting notes, under other keys, follow the reader's language.
    const filedInChinese = (key: string) => ns === 'documents' && key.startsWith('letter.');
    const offending = strings(locales.en?.[ns], '')
      .filter(([key, value]) => value !== '中文' && !/(^|\.)quote$/.test(key) && !filedInChinese(key))
      .filter(([, value]) => !isEnglish(value));
    expect(offending).toEqual([]);
  });
});
