/**
 * Conversation views as WeChat text: no buttons, so options are numbered in the text ("1. 是 / 2. 否 —
 * 回复 1 或 2"), and every passive reply fits WeChat's 2,048 bytes. The result is a short summary (verdict,
 * each unmet condition in one line with its article) plus a link to the full result page; the words are the
 * same the other channels use (flow, report and rules namespaces), with this channel's own hints.
 */
import type { Prompt } from '../flows/prompts.js';
import type { SessionView } from '../flows/sessions.js';
import { countVars } from '../report/counts.js';
import { compiledTranslator } from '../i18n/compiled.js';
import type { Lang } from '../i18n/index.js';
import type { AssessmentResult, CriterionResult } from '../rules/evaluate.js';
import { PASSIVE_REPLY_LIMIT, truncateBytes } from './protocol.js';

/** A link to the full result page, and how long it works. */
export interface ResultLink {
  url: string;
  hours: number;
}

const bytes = (text: string) => Buffer.byteLength(text);

/** The line that carries the link (the same wording as the Telegram bot's). */
function linkLine(lang: Lang, link: ResultLink): string {
  return compiledTranslator(lang, 'resultPage')('linkLine', { url: link.url, hours: link.hours });
}

/** This channel's strings in `lang`. */
export function wechatText(lang: Lang) {
  return compiledTranslator(lang, 'wechat');
}

/**
 * The lines that report on the last input: a notice, intro lines, how an approximate answer was taken, why an
 * answer was not taken (and, for a place under another jurisdiction, how to switch), unmet conditions; and on the
 * first question, the text being applied.
 */
function leadLines(view: SessionView, intro: readonly string[]): string[] {
  const w = wechatText(view.lang);
  const first = view.state === 'interviewing' && view.answers.length === 0 && view.applying;
  return [
    ...(view.notice ? [view.notice] : []),
    ...intro,
    ...(first && view.applying ? [`📘 ${view.applying.text}`] : []),
    ...(view.taken ? [`✔️ ${view.taken}`] : []),
    ...(view.error ? [`⚠️ ${view.error.message}`] : []),
    ...(view.offer ? [w('switchHint', { name: view.offer.name })] : []),
    ...view.feedback.map((line) => `📌 ${line}`),
  ];
}

/** How to answer `prompt` in words: its numbered options and the hint. */
function answerLines(prompt: Prompt, lang: Lang): string[] {
  const w = wechatText(lang);
  const options = prompt.options ?? [];
  if (prompt.kind === 'number' || prompt.kind === 'date') return [w(`hints.${prompt.kind}`)];
  const numbered = options.map((o, i) => `${i + 1}. ${o.label}`);
  const list = `1–${options.length}`;
  return [...numbered, w(`options.${prompt.kind}`, { list })];
}

/** The question: progress, text, help, numbered options, how to answer; within the passive-reply limit. */
export function renderPrompt(view: SessionView, intro: readonly string[] = []): string {
  const prompt = view.prompt;
  const lead = leadLines(view, intro);
  if (!prompt) return fit([lead.join('\n')]);
  const w = wechatText(view.lang);
  const ask = [
    ...(prompt.progress ? [`【${prompt.progress.text}】`] : []),
    prompt.text,
    ...(prompt.help && prompt.help !== prompt.text ? [prompt.help] : []),
    '',
    ...answerLines(prompt, view.lang),
    ...(view.state === 'interviewing' ? [w('commandsLine')] : []),
  ];
  const full = [lead.join('\n'), ask.join('\n')].filter((part) => part !== '').join('\n\n');
  if (bytes(full) <= PASSIVE_REPLY_LIMIT) return full;
  // Too long: the help goes first, then the feedback lines are cut; the question and its options stay whole.
  const withoutHelp = ask.filter((line) => line !== prompt.help || line === prompt.text).join('\n');
  const room = PASSIVE_REPLY_LIMIT - bytes(withoutHelp) - 2;
  const leadText = room > 0 ? truncateBytes(lead.join('\n'), room) : '';
  return fit([leadText, withoutHelp]);
}

function fit(parts: string[]): string {
  return truncateBytes(parts.filter((p) => p !== '').join('\n\n'), PASSIVE_REPLY_LIMIT);
}

/** `第十二条第（二）项 title`: one unmet condition in one line. */
function unmetLine(c: CriterionResult): string {
  return `· ${c.refText} ${c.title}`;
}

/**
 * The result in brief: what the last input changed, the verdict, the unmet required conditions one a line
 * (as many as fit, then how many more), how many are still to be confirmed, the link to the full page (or how
 * to get the checklist), and what to reply next.
 */
export function renderSummary(view: SessionView, result: AssessmentResult, link?: ResultLink, intro: readonly string[] = []): string {
  const lang = result.lang;
  const w = wechatText(lang);
  const t = compiledTranslator(lang, 'report');
  const tr = compiledTranslator(lang, 'rules');
  const tf = compiledTranslator(lang, 'flow');
  const required = result.criteria.filter((c) => c.severity === 'required');
  const count = (status: CriterionResult['status']) => required.filter((c) => c.status === status).length;
  const unmet = required.filter((c) => c.status === 'unmet');
  // The verdict line states the result's own counts, as every channel does (src/report/counts.ts).
  const lead = leadLines({ ...view, feedback: [] }, intro);
  const head = [
    ...lead,
    view.pending > 0 ? tf('results.early', { count: view.pending }) : tf('results.ready'),
    t('heading', { name: result.jurisdictionName, date: result.date }),
    t('verdict', { verdict: tr(`verdict.${result.verdict}`), ...countVars(result) }),
  ].join('\n');
  const tail = [
    ...(count('unknown') > 0 ? [w('summary.unknown', { count: count('unknown') })] : []),
    ...(view.pending > 0 ? [w('summary.continue', { count: view.pending })] : []),
    link ? linkLine(lang, link) : w('summary.noLink'),
    w('summary.next'),
  ].join('\n');
  const lines = unmet.length > 0 ? [w('summary.unmet')] : [];
  // Every unmet line that fits, keeping room for the "more" line and the tail (the link must never be cut).
  const budget = PASSIVE_REPLY_LIMIT - bytes(head) - bytes(tail) - 4;
  for (const [i, c] of unmet.entries()) {
    const more = w('summary.more', { count: unmet.length - i });
    const candidate = [...lines, unmetLine(c)];
    const rest = i < unmet.length - 1 ? bytes(more) + 1 : 0;
    if (bytes(candidate.join('\n')) + rest > budget) {
      lines.push(more);
      break;
    }
    lines.push(unmetLine(c));
  }
  const body = lines.join('\n');
  const text = [head, body, tail].filter((p) => p !== '').join('\n\n');
  return bytes(text) <= PASSIVE_REPLY_LIMIT ? text : [truncateBytes(head, 600), tail].join('\n\n');
}

/** The checklist of materials and the procedure, as many items as fit, then the link for the rest. */
export function renderChecklist(result: AssessmentResult, link?: ResultLink): string {
  const lang = result.lang;
  const w = wechatText(lang);
  const t = compiledTranslator(lang, 'report');
  const cite = (text: string, ref: string) => (lang === 'zh-CN' ? `${text}（${ref}）` : `${text} (${ref})`);
  const items = [
    w('checklist.heading', { name: result.jurisdictionName }),
    t('sections.checklist'),
    ...result.checklist.map((m) => `☐ ${cite(m.title, m.refText)}`),
    ...(result.procedure.length > 0 ? [t('sections.procedure'), ...result.procedure.map((s, i) => `${i + 1}. ${cite(s.title, s.refText)}`)] : []),
  ];
  const tail = link ? linkLine(lang, link) : '';
  const budget = PASSIVE_REPLY_LIMIT - bytes(tail) - 2;
  const lines: string[] = [];
  for (const [i, line] of items.entries()) {
    const more = w('checklist.more', { count: items.length - i });
    if (bytes([...lines, line].join('\n')) + bytes(more) + 1 > budget && i < items.length - 1) {
      lines.push(more);
      break;
    }
    lines.push(line);
  }
  return fit([lines.join('\n'), tail]);
}
