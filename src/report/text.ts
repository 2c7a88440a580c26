/**
 * A result as plain text: the verdict, each unmet criterion with its explanation and the article's words,
 * what is still unknown, what is met (each list as long as the result's `counts` say, advisory ones marked), the checklist and the procedure. Used by the CLI and by any channel
 * that shows text (it escapes nothing: channels escape for their own markup).
 */
import { translator } from '../i18n/index.js';
import type { AssessmentResult, CriterionResult } from '../rules/evaluate.js';
import { countVars, criteriaByStatus } from './counts.js';

/** Renders `result` in its own language. */
export function renderText(result: AssessmentResult): string {
  const t = translator(result.lang, 'report');
  const tr = translator(result.lang, 'rules');
  const groups = criteriaByStatus(result);
  const lines: string[] = [
    t('heading', { name: result.jurisdictionName, date: result.date }),
    t('verdict', { verdict: tr(`verdict.${result.verdict}`), ...countVars(result) }),
    t('text', { title: result.text.title, version: result.text.version, from: result.text.inForceFrom }),
  ];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push('', title, ...items);
  };
  const tagged = (c: CriterionResult, text: string) => (c.severity === 'advisory' ? `${text}${t('advisoryTag')}` : text);
  const numbered = (c: CriterionResult, i: number) => [
    tagged(c, `${i + 1}. ${c.explanation}`),
    `   ${t('quote', { quote: c.quote })}`,
  ];
  // Every criterion counted under a status is listed under it (advisory ones marked), so the lists add up to counts.
  section(t('sections.unmet'), groups.unmet.flatMap(numbered));
  section(t('sections.unknown'), groups.unknown.flatMap(numbered));
  section(t('sections.met'), groups.met.map((c) => tagged(c, `✓ ${c.refText} ${c.title}`)));
  const cite = (text: string, ref: string) => (result.lang === 'zh-CN' ? `${text}（${ref}）` : `${text} (${ref})`);
  section(t('sections.checklist'), result.checklist.map((m) => `[ ] ${cite(m.title, m.refText)}`));
  section(t('sections.procedure'), result.procedure.map((s, i) => `${i + 1}. ${cite(s.title, s.refText)}`));
  section(t('sections.notices'), result.notices.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}
