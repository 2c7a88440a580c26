/**
 * An assessment result as Telegram HTML, following the plain-text report (`src/report/text.ts`): the verdict,
 * each unmet required condition with its explanation (which names the article) and the article's words, what is
 * still to be confirmed, advisory notes, what is met, the checklist of materials, the procedure and notices.
 * Every string from the result is escaped; each item is its own paragraph so that long results split between
 * items. Also the checklist alone, as a message and as a Markdown document to download.
 */
import { compiledTranslator } from '../i18n/compiled.js';
import type { AssessmentResult, CriterionResult } from '../rules/evaluate.js';
import { countVars, criteriaByStatus } from '../report/counts.js';
import { botText } from './lang.js';
import { escapeHtml, splitMessage, tag } from './html.js';

/** `text（ref）` in Chinese, `text (ref)` in English. */
function cite(result: AssessmentResult, text: string, ref: string): string {
  return result.lang === 'zh-CN' ? `${text}（${ref}）` : `${text} (${ref})`;
}

/** The result as HTML paragraphs (joined by blank lines, split between them). */
export function resultParagraphs(result: AssessmentResult, intro: readonly string[] = []): string[] {
  const t = compiledTranslator(result.lang, 'report');
  const tr = compiledTranslator(result.lang, 'rules');
  const groups = criteriaByStatus(result);
  const paragraphs: string[] = [
    [
      ...intro.map(escapeHtml),
      tag('b', t('heading', { name: result.jurisdictionName, date: result.date })),
      tag('b', t('verdict', { verdict: tr(`verdict.${result.verdict}`), ...countVars(result) })),
    ].join('\n'),
  ];
  /** A section: its title opens the first item's paragraph, so a title never ends a message alone. */
  const section = (title: string, items: string[]) => {
    items.forEach((item, i) => paragraphs.push(i === 0 ? `${tag('b', title)}\n${item}` : item));
  };
  const tagged = (c: CriterionResult, text: string) => (c.severity === 'advisory' ? `${text}${escapeHtml(t('advisoryTag'))}` : text);
  const numbered = (c: CriterionResult, i: number) => `${tagged(c, `${i + 1}. ${escapeHtml(c.explanation)}`)}\n${tag('i', t('quote', { quote: c.quote }))}`;
  // Every criterion counted under a status is listed under it (advisory ones marked), so the lists add up to counts.
  section(t('sections.unmet'), groups.unmet.map(numbered));
  section(t('sections.unknown'), groups.unknown.map(numbered));
  const lists = (title: string, lines: string[]) => {
    if (lines.length > 0) paragraphs.push([tag('b', title), ...lines].join('\n'));
  };
  lists(t('sections.met'), groups.met.map((c) => tagged(c, `✓ ${escapeHtml(`${c.refText} ${c.title}`)}`)));
  lists(t('sections.checklist'), checklistLines(result));
  lists(t('sections.procedure'), procedureLines(result));
  lists(t('sections.notices'), result.notices.map((n) => `• ${escapeHtml(n)}`));
  return paragraphs;
}

/** The result as messages of at most 4096 characters. */
export function renderResult(result: AssessmentResult, intro: readonly string[] = []): string[] {
  return splitMessage(resultParagraphs(result, intro).join('\n\n'));
}

function checklistLines(result: AssessmentResult): string[] {
  return result.checklist.map((m) => `☐ ${escapeHtml(cite(result, m.title, m.refText))}`);
}

function procedureLines(result: AssessmentResult): string[] {
  return result.procedure.map((s, i) => `${i + 1}. ${escapeHtml(cite(result, s.title, s.refText))}`);
}

/** The checklist and the procedure alone, as messages (for /checklist). */
export function renderChecklist(result: AssessmentResult): string[] {
  const t = compiledTranslator(result.lang, 'report');
  const b = botText(result.lang);
  const paragraphs = [
    tag('b', b('checklist.heading', { name: result.jurisdictionName })),
    [tag('b', t('sections.checklist')), ...checklistLines(result)].join('\n'),
  ];
  if (result.procedure.length > 0) paragraphs.push([tag('b', t('sections.procedure')), ...procedureLines(result)].join('\n'));
  return splitMessage(paragraphs.join('\n\n'));
}

/** A document to download: its file name and contents. */
export interface ChecklistDocument {
  filename: string;
  content: string;
}

/** The checklist, the procedure and the notices as a Markdown file with boxes to tick. */
export function checklistMarkdown(result: AssessmentResult): ChecklistDocument {
  const t = compiledTranslator(result.lang, 'report');
  const b = botText(result.lang);
  const md = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
  const lines = [
    `# ${md(b('checklist.heading', { name: result.jurisdictionName }))}`,
    '',
    md(b('checklist.generated', { date: result.date })),
    '',
    `## ${md(t('sections.checklist'))}`,
    '',
    ...result.checklist.map((m) => `- [ ] ${md(cite(result, m.title, m.refText))}`),
  ];
  if (result.procedure.length > 0) {
    lines.push('', `## ${md(t('sections.procedure'))}`, '', ...result.procedure.map((s, i) => `${i + 1}. ${md(cite(result, s.title, s.refText))}`));
  }
  if (result.notices.length > 0) lines.push('', `## ${md(t('sections.notices'))}`, '', ...result.notices.map((n) => `- ${md(n)}`));
  return { filename: `checklist-${result.jurisdiction}-${result.date}.md`, content: `${lines.join('\n')}\n` };
}
