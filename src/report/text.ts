/**
 * A result as plain text: the verdict, each unmet criterion with its explanation and the article's words,
 * what is still unknown, the advisory notes, the checklist and the procedure. Used by the CLI and by any channel
 * that shows text (it escapes nothing: channels escape for their own markup).
 */
import { translator } from '../i18n/index.js';
import type { AssessmentResult, CriterionResult } from '../rules/evaluate.js';

/** Renders `result` in its own language. */
export function renderText(result: AssessmentResult): string {
  const t = translator(result.lang, 'report');
  const tr = translator(result.lang, 'rules');
  const required = result.criteria.filter((c) => c.severity === 'required');
  const count = (status: CriterionResult['status']) => required.filter((c) => c.status === status).length;
  const lines: string[] = [
    t('heading', { name: result.jurisdictionName, date: result.date }),
    t('verdict', {
      verdict: tr(`verdict.${result.verdict}`),
      met: count('met'),
      unmet: count('unmet'),
      unknown: count('unknown'),
    }),
    t('text', { title: result.text.title, version: result.text.version, from: result.text.inForceFrom }),
  ];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push('', title, ...items);
  };
  const numbered = (c: CriterionResult, i: number) => [
    `${i + 1}. ${c.explanation}`,
    `   ${t('quote', { quote: c.quote })}`,
  ];
  section(t('sections.unmet'), required.filter((c) => c.status === 'unmet').flatMap(numbered));
  section(t('sections.unknown'), required.filter((c) => c.status === 'unknown').flatMap(numbered));
  section(
    t('sections.advisory'),
    result.criteria.filter((c) => c.severity === 'advisory' && c.status !== 'met' && c.status !== 'not_applicable').flatMap(numbered),
  );
  section(t('sections.met'), required.filter((c) => c.status === 'met').map((c) => `✓ ${c.refText} ${c.title}`));
  const cite = (text: string, ref: string) => (result.lang === 'zh-CN' ? `${text}（${ref}）` : `${text} (${ref})`);
  section(t('sections.checklist'), result.checklist.map((m) => `[ ] ${cite(m.title, m.refText)}`));
  section(t('sections.procedure'), result.procedure.map((s, i) => `${i + 1}. ${cite(s.title, s.refText)}`));
  section(t('sections.notices'), result.notices.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}
