/**
 * Rendering for Telegram, without a network: HTML escaping; splitting at paragraph boundaries (then lines, then
 * inside a line without breaking an entity or a character) into messages of at most 4096 characters; every
 * result of every jurisdiction in both languages within the limit with balanced tags; views with hints,
 * feedback and keyboards; keyboards within Telegram's limits (callback data ≤ 64 bytes, ≤ 8 buttons a row)
 * for every question; callback data that round-trips and recognises an outdated step; the checklist document;
 * the command menus; the language rule; the keyed ids; the answers list (escaped, split within the limit, its
 * Change buttons within Telegram's limits and bound to the step) and the change prompt's keyboard for every
 * question (bound to the pending change).
 */
import { readFileSync } from 'node:fs';
import type { InlineKeyboardButton } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  CALLBACK_DATA_LIMIT,
  type ChangeAction,
  decodeAction,
  encodeAction,
  isChangeAction,
  isChangeCurrent,
  isCurrent,
  type StepAction,
  stepToken,
} from '../src/bot/callbacks.js';
import { commandList, COMMANDS, helpText } from '../src/bot/commands.js';
import { escapeHtml, MESSAGE_LIMIT, splitMessage } from '../src/bot/html.js';
import { ChatKeys } from '../src/bot/keys.js';
import {
  answeredKeyboard,
  answersKeyboard,
  CHANGE_BUTTONS_MAX,
  changeKeyboard,
  languageKeyboard,
  maskOf,
  maskValues,
  selectedValues,
  stepKeyboard,
  switchKeyboard,
} from '../src/bot/keyboards.js';
import { langOfUser } from '../src/bot/lang.js';
import { renderAnswers, renderChange, renderView } from '../src/bot/render.js';
import { checklistMarkdown, renderResult } from '../src/bot/report.js';
import { webhookSecret } from '../src/bot/webhook.js';
import { advanceConversation, startConversation, type View } from '../src/flows/conversation.js';
import { jurisdictionPrompt, questionPrompt } from '../src/flows/prompts.js';
import { factsAsked, questionById } from '../src/flows/questions.js';
import { LANGUAGES, type Lang } from '../src/i18n/index.js';
import { evaluate } from '../src/rules/evaluate.js';
import type { Facts } from '../src/rules/facts.js';
import { JURISDICTIONS } from '../src/rules/registry.js';

const DATE = '2026-11-23';
const profile = (id: string) => JSON.parse(readFileSync(new URL(`../examples/${id}-eligible.json`, import.meta.url), 'utf8')) as Facts;

/** Opening and closing tags of one kind are equally many in each message. */
function balanced(html: string): boolean {
  return ['b', 'i', 'code'].every((tag) => (html.match(new RegExp(`<${tag}>`, 'g')) ?? []).length === (html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length);
}

/** The text of `html` as Telegram shows it. */
function shown(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}


/** Checks Telegram's limits on a keyboard (≤ 100 buttons, 1–8 a row, data ≤ 64 bytes, text ≤ 64 chars), then `check`s each button's data. */
function forEachButton(rows: readonly (readonly InlineKeyboardButton[])[], questionId: string, check: (data: string) => void): void {
  expect(rows.flat().length, questionId).toBeLessThanOrEqual(100);
  for (const row of rows) {
    expect(row.length).toBeGreaterThan(0);
    expect(row.length).toBeLessThanOrEqual(8);
    for (const button of row) {
      const data = 'callback_data' in button ? button.callback_data : '';
      expect(Buffer.byteLength(data), data).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
      expect([...button.text].length).toBeLessThanOrEqual(64);
      check(data);
    }
  }
}
describe('escapeHtml', () => {
  it('escapes the characters HTML parse mode reads, and nothing else', () => {
    expect(escapeHtml('<b>A & "B"</b> 1.2万平方米 ≥ 60%')).toBe('&lt;b&gt;A &amp; &quot;B&quot;&lt;/b&gt; 1.2万平方米 ≥ 60%');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('splitMessage', () => {
  const paragraph = (n: number, size: number) => `<b>§${n}</b> ${'字'.repeat(size)}`;

  it('keeps a short text whole', () => {
    expect(splitMessage('a\n\nb')).toEqual(['a\n\nb']);
  });

  it('packs whole paragraphs into messages of at most 4096 characters', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => paragraph(i, 900));
    const chunks = splitMessage(paragraphs.join('\n\n'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    // Every cut is at a paragraph boundary: rejoining gives the text back, and each chunk starts a paragraph.
    expect(chunks.join('\n\n')).toBe(paragraphs.join('\n\n'));
    for (const chunk of chunks) expect(chunk).toMatch(/^<b>§\d+<\/b>/);
    // Greedy: no two neighbours would have fitted together.
    for (let i = 1; i < chunks.length; i++) expect((chunks[i - 1] as string).length + 2 + (chunks[i] as string).length).toBeGreaterThan(MESSAGE_LIMIT);
  });

  it('cuts an over-long paragraph between lines', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${i}. <i>${'x'.repeat(150)}</i>`);
    const chunks = splitMessage(lines.join('\n'));
    expect(chunks.length).toBe(2);
    expect(chunks.join('\n')).toBe(lines.join('\n'));
    for (const chunk of chunks) expect(balanced(chunk)).toBe(true);
  });

  it('cuts an over-long line between words, never inside an entity or a surrogate pair, dropping its tags', () => {
    const line = `<b>${'a &amp; b 😀 '.repeat(800)}</b>`;
    const chunks = splitMessage(line, 1000);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(1000);
      expect(chunk).not.toMatch(/&(?![a-z]+;)/); // every & starts a whole entity
      expect(chunk).not.toMatch(/[\ud800-\udbff]$/); // no lone high surrogate at the end
      expect(chunk).not.toContain('<b>');
    }
    expect(chunks.join('')).toBe(line.replace(/<\/?b>/g, ''));
  });

  it('refuses a nonsensical limit', () => {
    expect(() => splitMessage('x', 3)).toThrow(RangeError);
  });
});

describe('results as HTML', () => {
  const cases = JURISDICTIONS.flatMap((def) => LANGUAGES.flatMap((lang) => [
    [def.id, lang, 'no answers', {}] as const,
    [def.id, lang, 'eligible', profile(def.id)] as const,
  ]));

  it.each(cases)('%s (%s, %s): messages within the limit, tags balanced, every unmet and unknown condition shown', (id, lang, _name, facts) => {
    const result = evaluate(id, facts, { date: DATE, lang });
    const chunks = renderResult(result);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(balanced(chunk)).toBe(true);
    }
    const text = shown(chunks.join('\n\n'));
    for (const c of result.criteria.filter((c) => c.severity === 'required' && c.status !== 'met' && c.status !== 'not_applicable')) {
      expect(text).toContain(c.explanation);
      expect(text).toContain(c.quote);
    }
    for (const item of result.checklist) expect(text).toContain(item.title);
    for (const step of result.procedure) expect(text).toContain(step.title);
  });

  it('splits the longest results into several messages', () => {
    const result = evaluate('wenzhou', {}, { date: DATE, lang: 'en' });
    expect(renderResult(result).length).toBeGreaterThanOrEqual(3);
  });

  it('escapes every string that comes from the result', () => {
    const result = evaluate('shandong', { layout: 'single', floorArea: 100 }, { date: DATE, lang: 'en' });
    const tampered = {
      ...result,
      jurisdictionName: '<Shandong & Co>',
      criteria: result.criteria.map((c) => ({ ...c, explanation: `${c.explanation} <script>`, quote: `${c.quote} "q"` })),
      notices: ['<notice>'],
    };
    const html = renderResult(tampered).join('\n\n');
    expect(html).toContain('&lt;Shandong &amp; Co&gt;');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&quot;q&quot;');
    expect(html).toContain('&lt;notice&gt;');
    expect(html.replace(/<\/?(b|i)>/g, '')).not.toMatch(/[<>]/);
  });
});

describe('renderView', () => {
  it('a question: progress, text, help, how to answer, and its keyboard on the message', () => {
    const { view } = startConversation({ jurisdiction: 'shandong', lang: 'zh-CN', date: DATE });
    const [message, ...rest] = renderView(view);
    expect(rest).toEqual([]);
    expect(message?.html).toContain('<i>第 1 题，共约');
    expect(message?.html).toContain(`<b>${escapeHtml(view.prompt?.text ?? '')}</b>`);
    expect(message?.questionId).toBe('layout');
    // Two options, don't know, back, results, and the change of the text applied.
    expect(message?.keyboard?.inline_keyboard.flat().length).toBe(6);
  });

  it('the first question states the text applied, with a one-tap change to each other text', () => {
    const { view } = startConversation({ jurisdiction: 'wenzhou', lang: 'zh-CN', date: DATE });
    const [message] = renderView(view);
    expect(message?.html).toContain('📘 按《温州市市级人力资源服务产业园建设和评估办法（试行）》逐条核对');
    const change = message?.keyboard?.inline_keyboard.flat().find((b) => 'callback_data' in b && decodeAction(b.callback_data)?.op === 'switchMenu');
    expect(change?.text).toBe('🔄 更换地区');
    const menu = switchKeyboard(view).inline_keyboard.flat();
    expect(menu.map((b) => b.text)).toEqual(['山东省（省级）', '吉林省（省级）', '牡丹江市（市级，征求意见稿）', '广西壮族自治区（自治区级）'].map((n) => `✅ 改为按${n}核对`));
    expect(menu.map((b) => ('callback_data' in b ? decodeAction(b.callback_data) : undefined))).toEqual(
      [0, 1, 2, 3].map((index) => ({ op: 'switchTo', questionId: 'layout', token: stepToken(view), index })),
    );
  });

  it('a place under another text typed as an answer: the offer, and a button that switches', () => {
    const { persisted } = startConversation({ jurisdiction: 'shandong', lang: 'zh-CN', date: DATE });
    const offered = advanceConversation(persisted, { type: 'ANSWER', questionId: 'layout', value: '我们在乐清' }).view;
    const [message] = renderView(offered);
    expect(message?.html).toContain(`⚠️ ${escapeHtml(offered.error?.message ?? '')}`);
    expect(offered.error?.message).toContain('温州市');
    const first = message?.keyboard?.inline_keyboard[0]?.[0];
    expect(first?.text).toBe('✅ 改为按温州市（市级）核对');
    expect(first && 'callback_data' in first ? decodeAction(first.callback_data) : undefined).toMatchObject({ op: 'switchTo', index: 4 });
  });

  it('a rejected answer: the hint (escaped) before the same question; unmet conditions as feedback', () => {
    let { persisted } = startConversation({ jurisdiction: 'shandong', lang: 'en', date: DATE });
    for (const [questionId, value] of [['layout', 'single'], ['locationType', 'prefecture_city']] as const) {
      ({ persisted } = advanceConversation(persisted, { type: 'ANSWER', questionId, value }));
    }
    const rejected = advanceConversation(persisted, { type: 'ANSWER', questionId: 'floorArea', value: '<lots>' }).view;
    const [hint] = renderView(rejected);
    expect(hint?.html).toMatch(/^⚠️ /);
    expect(hint?.html).toContain(escapeHtml(rejected.error?.message ?? ''));
    expect(hint?.questionId).toBe('floorArea');
    const short = advanceConversation(persisted, { type: 'ANSWER', questionId: 'floorArea', value: 9999 }).view;
    const [feedback] = renderView(short, { intro: ['<intro>'] });
    expect(feedback?.html).toContain('&lt;intro&gt;');
    expect(feedback?.html).toContain(`📌 ${escapeHtml(short.feedback[0] ?? '')}`);
  });

  it('results: as many messages as needed, the keyboard only under the last', () => {
    const { persisted } = startConversation({ jurisdiction: 'guangxi', lang: 'en', date: DATE });
    const { view } = advanceConversation(persisted, { type: 'RESULTS' });
    const messages = renderView({ ...view, notice: 'restarted' });
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[0]?.html).toBe('ℹ️ restarted');
    expect(messages.slice(0, -1).every((m) => m.keyboard === undefined)).toBe(true);
    expect(messages.at(-1)?.keyboard?.inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data : ''))).toContain('k');
    expect(messages[1]?.html).toContain('questions are still open');
  });
});

/** A view asking `questionId` (as the interview would show it). */
function asking(questionId: string, lang: Lang, answers = 3): View {
  const spec = questionById(questionId);
  if (!spec) throw new Error(questionId);
  return {
    state: 'interviewing',
    lang,
    jurisdiction: 'guangxi',
    feedback: [],
    answers: Array.from({ length: answers }, (_, i) => ({ questionId: `q${i}`, question: '', answer: '', skipped: false })),
    pending: 5,
    prompt: questionPrompt(spec, lang, answers, 5),
  };
}

const allQuestions = [
  ...new Set([...JURISDICTIONS.flatMap((def) => factsAsked(def).filter((f) => f !== 'branches')), 'branches.19.hrInstitutions', 'branches.99.occupiedArea']),
];

describe('keyboards', () => {
  it.each(LANGUAGES)('every question of every jurisdiction (%s): data ≤ 64 bytes, ≤ 8 buttons a row, decodable, current', (lang) => {
    for (const questionId of allQuestions) {
      const view = asking(questionId, lang);
      const full = (1 << (view.prompt?.options?.length ?? 0)) - 1;
      for (const mask of [0, full]) {
        const rows = stepKeyboard(view, mask)?.inline_keyboard ?? [];
        forEachButton(rows, questionId, (data) => {
          const action = decodeAction(data);
          expect(action, data).toBeDefined();
          if (action && 'token' in action) expect(isCurrent(action, view)).toBe(true);
        });
      }
    }
  });

  it('offers the options of a choice, yes/no, and toggles with Done for a multi choice', () => {
    const labels = (view: View, mask = 0) => stepKeyboard(view, mask)?.inline_keyboard.flat().map((b) => b.text);
    expect(labels(asking('lawfulOperation', 'zh-CN'))).toEqual(['是', '否', '⏭ 不清楚，跳过', '↩ 上一步', '📊 查看结果']);
    const multi = asking('publicServices', 'en');
    const options = multi.prompt?.options ?? [];
    expect(labels(multi, 0b101)?.slice(0, options.length + 1)).toEqual([
      ...options.map((o, i) => `${i === 0 || i === 2 ? '☑' : '☐'} ${o.label}`),
      '✅ Done',
    ]);
    expect(selectedValues(multi, 0b101)).toEqual([options[0]?.value, options[2]?.value]);
    expect(labels(asking('floorArea', 'en'))).toEqual(["⏭ Don't know, skip", '↩ Back', '📊 Show results']);
  });

  it('the opening lists the jurisdictions and the other language', () => {
    const view: View = { state: 'choosing', lang: 'en', jurisdiction: null, feedback: [], answers: [], pending: 0, prompt: jurisdictionPrompt('en') };
    const rows = stepKeyboard(view)?.inline_keyboard ?? [];
    expect(rows.flat().map((b) => ('callback_data' in b ? b.callback_data.split('|')[0] : ''))).toEqual(['j', 'j', 'j', 'j', 'j', 'l']);
    expect(rows.at(-1)?.[0]?.text).toBe('中文');
  });

  it('marks an answered question with one inert button; offers both languages', () => {
    expect(answeredKeyboard('zh-CN', '12,000 平方米').inline_keyboard).toEqual([[{ text: '✓ 12,000 平方米', callback_data: 'x' }]]);
    expect(answeredKeyboard('en', 'x'.repeat(200)).inline_keyboard[0]?.[0]?.text).toHaveLength(60);
    expect(languageKeyboard().inline_keyboard.flat().map((b) => b.text)).toEqual(['中文', 'English']);
  });
});

describe('callback data', () => {
  const token = 'Ab3_-x';
  const actions: Action[] = [
    { op: 'answer', questionId: 'institutionsNetServiceRevenueOver500K', token, index: 9 },
    { op: 'choose', questionId: 'jurisdiction', token, index: 4 },
    { op: 'toggle', questionId: 'businessLines', token, mask: 1023, index: 9 },
    { op: 'done', questionId: 'businessLines', token, mask: 0 },
    { op: 'skip', questionId: 'branches.12.floorArea', token },
    { op: 'back', questionId: 'layout', token },
    { op: 'results', questionId: 'layout', token },
    { op: 'continue', questionId: '', token },
    { op: 'restart', questionId: '', token },
    { op: 'change', questionId: 'institutionsNetServiceRevenueOver500K', token, index: 399 },
    { op: 'changeTo', questionId: 'institutionsNetServiceRevenueOver500K', token, index: 9 },
    { op: 'changeToggle', questionId: 'businessLines', token, mask: 1023, index: 9 },
    { op: 'changeDone', questionId: 'branches.99.occupiedArea', token, mask: 5 },
    { op: 'changeSkip', questionId: 'branches.99.occupiedArea', token },
    { op: 'cancel', questionId: 'floorArea', token },
    { op: 'lang', lang: 'en' },
    { op: 'checklist' },
    { op: 'answers' },
    { op: 'noop' },
  ];

  it.each(actions.map((a) => [a.op, a] as const))('%s round-trips within 64 bytes', (_op, action) => {
    const data = encodeAction(action);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    expect(decodeAction(data)).toEqual(action);
  });

  it('rejects data it did not make', () => {
    for (const data of ['', 'a', 'a|layout|short|0', 'a|layout|Ab3_-x', 'a|layout|Ab3_-x|0|1', 'z|layout|Ab3_-x', 'l|fr', 'a|lay<out|Ab3_-x|0', 'a|layout|Ab3_-x|-1']) {
      expect(decodeAction(data), data).toBeUndefined();
    }
    expect(() => encodeAction({ op: 'skip', questionId: 'q'.repeat(60), token })).toThrow(RangeError);
  });

  it('a step token changes with the question and with every answer, so old buttons are recognised', () => {
    const view = asking('floorArea', 'zh-CN', 3);
    const first = stepKeyboard(view)?.inline_keyboard.flat()[0];
    const skip = decodeAction(first && 'callback_data' in first ? first.callback_data : '') as StepAction;
    expect(skip.op).toBe('skip');
    expect(isCurrent(skip, view)).toBe(true);
    expect(isCurrent(skip, asking('floorArea', 'zh-CN', 4))).toBe(false);
    expect(isCurrent(skip, asking('occupiedArea', 'zh-CN', 3))).toBe(false);
    expect(isCurrent(skip, { ...view, state: 'results', prompt: undefined })).toBe(false);
    // The language does not matter: a keyboard stays valid across /lang.
    expect(isCurrent(skip, asking('floorArea', 'en', 3))).toBe(true);
    expect(stepToken(view)).toMatch(/^[A-Za-z0-9_-]{6}$/);
  });
});

describe('the checklist document', () => {
  it('is Markdown with a box per material, the procedure and the notices', () => {
    const result = evaluate('mudanjiang', profile('mudanjiang'), { date: DATE, lang: 'zh-CN' });
    const doc = checklistMarkdown(result);
    expect(doc.filename).toBe(`checklist-mudanjiang-${DATE}.md`);
    const lines = doc.content.split('\n');
    expect(lines[0]).toMatch(/^# 申报材料清单 · /);
    expect(lines.filter((l) => l.startsWith('- [ ] '))).toHaveLength(result.checklist.length);
    expect(doc.content).toContain('## 办理程序');
    expect(doc.content).toContain('## 提示');
    const tampered = checklistMarkdown({ ...result, checklist: [{ ...result.checklist[0]!, title: '*bold* [link](x) <b>' }] });
    expect(tampered.content).toContain('- [ ] \\*bold\\* \\[link\\](x) \\<b\\>');
  });
});

describe('commands and help', () => {
  it.each(LANGUAGES)('%s: every command with a description Telegram accepts', (lang) => {
    const list = commandList(lang);
    expect(list.map((c) => c.command)).toEqual([...COMMANDS]);
    for (const c of list) {
      expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(c.description.length).toBeGreaterThanOrEqual(3);
      expect(c.description.length).toBeLessThanOrEqual(256);
    }
    for (const c of COMMANDS) expect(helpText(lang)).toContain(`/${c} — `);
  });
});

describe('language, ids and secrets', () => {
  it('zh* is Chinese, anything else English', () => {
    expect(['zh', 'zh-hans', 'ZH-TW', 'zh-CN'].map(langOfUser)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(['en', 'en-GB', 'de', 'ja', undefined].map(langOfUser)).toEqual(['en', 'en', 'en', 'en', 'en']);
  });

  it('derives stable, unguessable ids per chat', () => {
    const keys = new ChatKeys('123:token');
    expect(keys.session(42)).toBe(new ChatKeys('123:token').session(42));
    expect(keys.session(42)).toMatch(/^tg_[A-Za-z0-9_-]{22}$/);
    expect(keys.session(42)).not.toBe(keys.session(43));
    expect(keys.session(42)).not.toBe(new ChatKeys('456:other').session(42));
    expect(new Set([keys.session(42), keys.record(42), keys.log(42)]).size).toBe(3);
    expect(keys.log(42)).not.toContain('42');
  });

  it('uses a configured webhook secret or derives a valid one', () => {
    expect(webhookSecret('1:t', 'my_secret-1')).toBe('my_secret-1');
    expect(webhookSecret('1:t')).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(webhookSecret('1:t')).toBe(webhookSecret('1:t', ''));
    expect(() => webhookSecret('1:t', 'has space')).toThrow(RangeError);
  });
});

/** A view with `count` answers (questions and answers from `make`), asking `asking` or in results. */
function withAnswers(count: number, make: (i: number) => { question: string; answer: string; skipped?: boolean }, asking?: string): View {
  const answers = Array.from({ length: count }, (_, i) => {
    const { question, answer, skipped = false } = make(i);
    return { questionId: `q${i}`, question, answer, skipped };
  });
  const spec = asking ? questionById(asking) : undefined;
  return {
    state: spec ? 'interviewing' : 'results',
    lang: 'zh-CN',
    jurisdiction: 'guangxi',
    feedback: [],
    answers,
    pending: spec ? 3 : 0,
    ...(spec ? { prompt: questionPrompt(spec, 'zh-CN', count, 3) } : {}),
  };
}

describe('the answers list', () => {
  it('escapes every question and answer, marks a skipped one, and numbers the lines', () => {
    const view = withAnswers(3, (i) =>
      i === 1 ? { question: '是否 & "有"？', answer: '不清楚', skipped: true } : { question: `<b>问题</b> ${i}`, answer: `<script>x</script> & ${i}` },
    );
    const [message, ...rest] = renderAnswers(view);
    expect(rest).toEqual([]);
    const html = message?.html ?? '';
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>问题</b>');
    expect(html).toContain('1. &lt;b&gt;问题&lt;/b&gt; 0 — <b>&lt;script&gt;x&lt;/script&gt; &amp; 0</b>');
    expect(html).toContain('2. 是否 &amp; &quot;有&quot;？ — <i>不清楚</i>');
    expect(shown(html)).toContain('3. <b>问题</b> 2 — <script>x</script> & 2');
    expect(balanced(html)).toBe(true);
    expect(message?.keyboard?.inline_keyboard.flat().map((b) => b.text)).toEqual(['✏️ 修改 1', '✏️ 修改 2', '✏️ 修改 3']);
  });

  it('says so when nothing was answered, without buttons', () => {
    expect(renderAnswers(withAnswers(0, () => ({ question: '', answer: '' })))).toEqual([{ html: '您还没有回答任何问题。' }]);
    expect(answersKeyboard(withAnswers(0, () => ({ question: '', answer: '' })))).toBeUndefined();
  });

  it.each([
    [1, 'institutionsNetServiceRevenueOver500K'],
    [9, 'branches.99.occupiedArea'],
    [60, 'floorArea'],
    [150, undefined],
  ] as const)('%i answers (asking %s): split within 4096 characters; Change buttons within Telegram limits, current', (count, asking) => {
    const view = withAnswers(count, (i) => ({ question: `${'园区'.repeat(40)} <${i}>`, answer: `${'x&'.repeat(20)}${i}` }), asking);
    const messages = renderAnswers(view);
    for (const message of messages) {
      expect(message.html.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(balanced(message.html)).toBe(true);
    }
    expect(messages.slice(0, -1).every((m) => m.keyboard === undefined)).toBe(true);
    if (count >= 60) expect(messages.length).toBeGreaterThan(1);
    const rows = messages.at(-1)?.keyboard?.inline_keyboard ?? [];
    expect(rows.flat()).toHaveLength(Math.min(count, CHANGE_BUTTONS_MAX));
    rows.flat().forEach((button, index) => {
      const data = 'callback_data' in button ? button.callback_data : '';
      expect(Buffer.byteLength(data), data).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
      const action = decodeAction(data);
      expect(action).toMatchObject({ op: 'change', index });
      expect(action && 'token' in action && isCurrent(action, view)).toBe(true);
      // After one more answer (or a restart) the list is outdated.
      const moved = { ...view, answers: view.answers.slice(1) };
      expect(action && 'token' in action && isCurrent(action, moved)).toBe(false);
    });
    for (const row of rows) {
      expect(row.length).toBeGreaterThan(0);
      expect(row.length).toBeLessThanOrEqual(8);
    }
  });

  it('the results keyboard offers "My answers" once something was answered', () => {
    const data = (view: View) => stepKeyboard(view)?.inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data : ''));
    expect(data(withAnswers(2, () => ({ question: 'q', answer: 'a' })))).toContain('m');
    expect(data(withAnswers(0, () => ({ question: 'q', answer: 'a' })))).not.toContain('m');
  });
});

describe('the change prompt', () => {
  it.each(LANGUAGES)('every question of every jurisdiction (%s): data ≤ 64 bytes, ≤ 8 buttons a row, bound to the pending change', (lang) => {
    for (const questionId of allQuestions) {
      const view = asking('floorArea', lang);
      const prompt = asking(questionId, lang).prompt;
      if (!prompt) throw new Error(questionId);
      const change = { questionId, token: stepToken(view) };
      const full = (1 << (prompt.options?.length ?? 0)) - 1;
      for (const mask of [0, full]) {
        const rows = changeKeyboard(lang, prompt, change, mask).inline_keyboard;
        forEachButton(rows, questionId, (data) => {
          const action = decodeAction(data) as StepAction;
          expect(isChangeAction(action), data).toBe(true);
          const answered = { ...view, answers: [...view.answers, { questionId, question: '', answer: '', skipped: false }] };
          const pending = { questionId, token: stepToken(answered) };
          const bound = { ...(action as ChangeAction), token: pending.token };
          expect(isChangeCurrent(bound, pending, answered)).toBe(true);
          // Not once the change is dropped, for another change, or after the conversation moved on.
          expect(isChangeCurrent(bound, undefined, answered)).toBe(false);
          expect(isChangeCurrent(bound, { ...pending, questionId: 'other' }, answered)).toBe(false);
          expect(isChangeCurrent(bound, pending, { ...answered, answers: answered.answers.slice(1) })).toBe(false);
        });
      }
    }
  });

  it('shows the current answer escaped, the question, how to answer, and starts a multi choice from the answer', () => {
    const view = asking('publicServices', 'zh-CN');
    const prompt = view.prompt;
    if (!prompt?.options) throw new Error('no options');
    const [a, , c] = prompt.options;
    const answer = [a?.label, c?.label].join('、');
    const mask = maskOf(prompt, answer, 'zh-CN');
    expect(mask).toBe(0b101);
    expect(maskValues(prompt, mask)).toEqual([a?.value, c?.value]);
    expect(maskOf(prompt, '不清楚', 'zh-CN')).toBe(0);
    const entry = { questionId: 'publicServices', question: prompt.text, answer: '<i>&', skipped: false };
    const [message, ...rest] = renderChange({ ...view, error: { code: 'x', message: '<bad>' } }, prompt, entry, { questionId: 'publicServices', token: stepToken(view) }, { mask });
    expect(rest).toEqual([]);
    expect(message?.html).toMatch(/^⚠️ &lt;bad&gt;/);
    expect(message?.html).toContain('原回答：<b>&lt;i&gt;&amp;</b>');
    expect(message?.html).toContain(`<b>${escapeHtml(prompt.text)}</b>`);
    expect(message?.questionId).toBe('publicServices');
    expect(balanced(message?.html ?? '')).toBe(true);
    const labels = message?.keyboard?.inline_keyboard.flat().map((b) => b.text) ?? [];
    expect(labels.slice(0, 3)).toEqual([`☑ ${a?.label}`, expect.stringMatching(/^☐ /), `☑ ${c?.label}`]);
    expect(labels.slice(-3)).toEqual(['✅ 完成', '⏭ 不清楚，跳过', '✖ 取消']);
    const number = asking('floorArea', 'en');
    const [typed] = renderChange(number, number.prompt!, { questionId: 'floorArea', question: 'q', answer: "Don't know", skipped: true }, { questionId: 'floorArea', token: stepToken(number) });
    expect(typed?.html).toContain("Current answer: <i>Don't know</i>");
    expect(typed?.html).toContain('Type the figure');
    expect(typed?.keyboard?.inline_keyboard.flat().map((b) => b.text)).toEqual(["⏭ Don't know, skip", '✖ Cancel']);
  });
});
