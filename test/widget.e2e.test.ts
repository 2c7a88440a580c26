/**
 * The embeddable widget in a real browser: Debian's Chromium driven by playwright-core, against the real app
 * (in-memory sessions) on a free port, through the demo bureau page that embeds it with one script tag.
 * Full conversations by mouse (Chinese and English) to a result with a checklist and downloads; resuming after
 * a reload; an expired session; keyboard only; changing earlier answers ("My answers", a "what if" on the
 * result) by mouse and by keyboard; a phone; axe-core; a strict CSP; typed HTML shown as text.
 * CI installs Chromium (`.ci/run`); without it this suite fails, it does not skip.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prompt } from '../src/flows/prompts.js';
import { ConversationSessions } from '../src/flows/sessions.js';
import type { Lang } from '../src/i18n/index.js';
import type { Facts } from '../src/rules/facts.js';
import { createApp } from '../src/server/app.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { readDocx } from './support/docx.js';
import { eligibleProfiles } from './support/profiles.js';
import { typed, valueFor } from './support/typing.js';
import { launchChromium, listenLocal } from './support/browser.js';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const STRICT_CSP = "script-src 'self'; style-src 'self'; object-src 'none'";
const profiles = eligibleProfiles();

let browser: Browser;
let server: Server;
let store: MemorySessionStore;
let base: string;
/** Another site (another origin) that embeds the widget from `base`, as a bureau's website would. */
let bureau: Server;
let bureauOrigin: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server: bureau, base: bureauOrigin } = await listenLocal((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="zh-CN"><head><title>温州市人力资源和社会保障局</title></head><body><main><h1>温州市人力资源和社会保障局</h1></main><script src="${base}/widget.js" data-jurisdiction="wenzhou" data-lang="zh-CN" async></script></body></html>`);
  }));
  store = new MemorySessionStore();
  // Every test talks from 127.0.0.1; the per-IP rate limit (tested in the API tests) would count them all as one client.
  const config = { rateLimitPerMinute: 0, allowedOrigins: [bureauOrigin] };
  ({ server, base } = await listenLocal(createApp({ sessions: new ConversationSessions(store), store, config })));
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  for (const s of [server, bureau]) await new Promise((resolve) => (s ? s.close(resolve) : resolve(undefined)));
});

/** A fresh browser context and page; page errors are collected and must stay empty. */
async function newPage(options: BrowserContextOptions & { settings?: Record<string, unknown> } = {}) {
  const { settings, ...contextOptions } = options;
  const context = await browser.newContext({ reducedMotion: 'reduce', acceptDownloads: true, viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript((preset) => {
    const w = window as unknown as Record<string, unknown>;
    w.__events = [];
    for (const name of ['ready', 'opened', 'closed', 'result']) {
      window.addEventListener(`parkadvisor:${name}`, (e) => (w.__events as unknown[]).push([name, (e as CustomEvent<{ verdict?: string }>).detail?.verdict ?? null]));
    }
    if (preset) w.ParkAdvisorSettings = preset;
  }, settings ?? null);
  return { context, page, errors };
}

/** Runs `fn` inside the widget's shadow root (sent as an expression, which a page's CSP does not restrict). */
function inWidget<T, A = undefined>(page: Page, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T> {
  return page.evaluate(`(${fn.toString()})(document.querySelector('park-advisor').shadowRoot, ${JSON.stringify(arg ?? null)})`) as Promise<T>;
}

/** The number of assistant messages so far (a new one appears with every question and with the result). */
const botCount = (page: Page) => inWidget(page, (root) => root.querySelectorAll('.msg.bot').length);

async function waitForBot(page: Page, after: number): Promise<void> {
  await page.waitForFunction((n) => (document.querySelector('park-advisor')?.shadowRoot?.querySelectorAll('.msg.bot').length ?? 0) > n, after);
}

/** The question on screen: its id and kind (from the answer area), or null once the result shows. */
function currentPrompt(page: Page): Promise<{ id: string; kind: string; text: string } | null> {
  return inWidget(page, (root) => {
    if (root.querySelector('.result')) return null;
    const choices = root.querySelector('.choices');
    const bots = root.querySelectorAll('.msg.bot p[id]');
    return { id: choices?.getAttribute('data-question-id') ?? '', kind: choices?.getAttribute('data-kind') ?? '', text: bots[bots.length - 1]?.textContent ?? '' };
  });
}

/** Opens the widget with the launcher and waits for the first question. */
async function open(page: Page, launcherName: string): Promise<void> {
  const before = await page.evaluate(() => document.querySelector('park-advisor')?.shadowRoot?.querySelectorAll('.msg.bot').length ?? 0);
  await page.getByRole('button', { name: launcherName, exact: true }).click();
  await waitForBot(page, before);
}

/** Answers one question by mouse from a profile (typing only figures), and waits for what comes next. */
async function answerOne(page: Page, prompt: { id: string; kind: string }, facts: Facts, lang: Lang, turn: number): Promise<void> {
  const before = await botCount(page);
  const value = valueFor({ questionId: prompt.id } as Prompt, facts);
  if (value === undefined) {
    await page.locator('[data-command="skip"]').click();
  } else if (prompt.kind === 'boolean' || prompt.kind === 'choice') {
    await page.locator(`.choices .opt[data-value="${String(value)}"]`).click();
  } else if (prompt.kind === 'multi') {
    for (const v of value as string[]) await page.locator(`.choices input[value="${v}"]`).click();
    await page.locator('.choices .confirm').click();
  } else {
    await page.locator('#pa-input').fill(typed({ questionId: prompt.id, kind: prompt.kind } as Prompt, value, lang, turn));
    await page.locator('.form button[type="submit"]').click();
  }
  await waitForBot(page, before);
}

/** Answers every question from `facts` by mouse until the result shows. */
async function answerAll(page: Page, facts: Facts, lang: Lang): Promise<number> {
  for (let turn = 0; turn < 80; turn++) {
    const prompt = await currentPrompt(page);
    if (!prompt) return turn;
    await answerOne(page, prompt, facts, lang, turn);
    expect(await inWidget(page, (root) => root.querySelectorAll('.msg.error').length), `answer to ${prompt.id} was not understood`).toBe(0);
  }
  throw new Error('the conversation did not end');
}

/** Ticks the first checklist item, downloads the Markdown checklist and returns its text and file name. */
async function tickAndDownloadMarkdown(page: Page): Promise<{ name: string; text: string; items: number }> {
  const items = page.locator('.checklist input[type="checkbox"]');
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  await items.first().check();
  expect(await items.first().isChecked()).toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="markdown"]').click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8'), items: count };
}

/** Scrolls the conversation to the top of the result (for screenshots). */
async function showResultTop(page: Page): Promise<void> {
  await inWidget(page, (root) => {
    const scroll = root.querySelector('.scroll') as HTMLElement;
    scroll.scrollTop = (root.querySelector('.result-box') as HTMLElement).offsetTop - 8;
  });
}

/**
 * Serious or critical axe-core violations of the whole page, the widget's open shadow root included (axe names
 * a node inside a shadow root by a path of selectors; the scan must have checked some of those).
 */
async function axeViolations(page: Page): Promise<{ id: string; impact: string; targets: string }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const { violations, shadowChecks } = await page.evaluate(async () => {
    type Node = { target: unknown[] };
    type Rule = { id: string; impact: string; nodes: Node[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations', 'passes'] });
    return {
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: JSON.stringify(v.nodes.map((n) => n.target)) })),
      shadowChecks: result.passes.flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0])).length,
    };
  });
  expect(shadowChecks).toBeGreaterThan(20);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The element that has focus, looking into the widget's shadow root. */
function focused(page: Page): Promise<{ inWidget: boolean; tag: string; className: string; command: string | null; text: string }> {
  return page.evaluate(() => {
    let active = document.activeElement;
    const inWidget = active?.tagName.toLowerCase() === 'park-advisor';
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      inWidget,
      tag: active?.tagName.toLowerCase() ?? '',
      className: (active as HTMLElement | null)?.className ?? '',
      command: active?.getAttribute('data-command') ?? active?.getAttribute('data-action') ?? active?.getAttribute('data-item') ?? active?.getAttribute('data-change') ?? null,
      text: active?.textContent?.trim() ?? '',
    };
  });
}

/** Presses Tab until the focused element matches (at most `max` times). */
/** Loads `url` and opens the widget with the keyboard alone (Tab to the launcher, Enter), up to its first question. */
async function openByKeyboard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('body').focus();
  await tabTo(page, (f) => f.inWidget && f.className === 'launcher');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('park-advisor')?.shadowRoot?.querySelector('.choices .opt'));
}

async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`focus never reached the element (last: ${JSON.stringify(await focused(page))})`);
}

describe('the demo page and the widget', () => {
  it('loads the demo page with one script tag, and the launcher opens a labelled dialog', async () => {
    const { context, page, errors } = await newPage();
    const response = await page.goto(`${base}/`);
    expect(response?.status()).toBe(200);
    const scripts = await page.evaluate(() => Array.from(document.scripts).map((s) => ({ src: s.getAttribute('src'), inline: !s.src, data: { ...s.dataset } })));
    expect(scripts).toEqual([{ src: '/widget.js', inline: false, data: { jurisdiction: 'shandong', lang: 'zh-CN' } }]);
    const launcher = page.getByRole('button', { name: '园区申报助手', exact: true });
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await launcher.getAttribute('aria-controls')).toBe('pa-panel');
    await open(page, '园区申报助手');
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    const dialog = page.getByRole('dialog', { name: '园区申报助手' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await inWidget(page, (root) => root.querySelector('[role="log"]')?.getAttribute('aria-live'))).toBe('polite');
    expect(await currentPrompt(page)).toMatchObject({ id: 'layout', kind: 'choice' });
    // Focus is on the newest question's first answer, which the question labels.
    const f = await focused(page);
    expect(f).toMatchObject({ inWidget: true, tag: 'button', className: 'opt' });
    // The host page's `button { all: unset }` and 17px root font size do not reach into the widget.
    expect(await inWidget(page, (root) => getComputedStyle(root.querySelector('.launcher') as Element).position)).toBe('fixed');
    expect(await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events)).toEqual([['ready', null], ['opened', null]]);
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('goes through a whole conversation by mouse to the result: verdict, checklist, downloads, print', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${base}/`);
    await open(page, '园区申报助手');
    const turns = await answerAll(page, profiles.shandong.default as Facts, 'zh-CN');
    expect(turns).toBeGreaterThan(10);
    const verdict = page.locator('.result .verdict');
    expect(await verdict.textContent()).toBe('符合申报条件');
    expect(await page.locator('.result').getAttribute('data-verdict')).toBe('eligible');
    expect((await focused(page)).tag).toBe('h3');
    expect(await page.locator('.result .steps li').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events)).toContainEqual(['result', 'eligible']);
    // One set of counts: the summary says what the lists hold (issue 10 §5: it said 11 and listed 12).
    const summary = (await page.locator('.result .counts').textContent()) ?? '';
    const met = Number(/已满足 (\d+) 项/.exec(summary)?.[1]);
    expect(met).toBeGreaterThan(0);
    expect(await page.locator('.result details.met li').count()).toBe(met);
    expect(await page.locator('.result details.met summary').textContent()).toBe(`已满足的条件（${met} 项）`);

    const md = await tickAndDownloadMarkdown(page);
    expect(md.name).toBe('park-advisor-shandong-checklist.md');
    expect(md.text).toMatch(/^# 山东省.* · 申报材料清单/);
    expect(md.text).toContain('结论：符合申报条件');
    expect(md.text.match(/^- \[x\] /gm)).toHaveLength(1);
    expect(md.text.match(/^- \[[ x]\] /gm)).toHaveLength(md.items);
    const [html] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="html"]').click()]);
    const htmlText = readFileSync(await html.path(), 'utf8');
    expect(html.suggestedFilename()).toBe('park-advisor-shandong-checklist.html');
    expect(htmlText).toMatch(/^<!doctype html>/);
    expect(htmlText.match(/type="checkbox" checked/g)).toHaveLength(1);
    // The Word files the server built from the answers: a link each, downloaded as a real .docx.
    expect(await page.locator('.result .documents a').allTextContents()).toEqual(['下载 申报材料清单（Word）', '下载 申建函件（草稿）（Word）']);
    // Each link is a box of its own: as inline text their padded borders overlapped the next one's.
    const boxes = await inWidget(page, (root) => [...root.querySelectorAll('.result .documents a')].map((a) => a.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes[0]!.bottom).toBeLessThanOrEqual(boxes[1]!.top);
    expect(boxes[0]!.height).toBeGreaterThanOrEqual(36);
    const [word] = await Promise.all([page.waitForEvent('download'), page.locator('.result a[data-document="checklist"]').click()]);
    expect(word.suggestedFilename()).toBe('申报材料清单-山东省（省级）.docx');
    const checklist = await readDocx(readFileSync(await word.path()));
    expect(checklist.text).toContain('人力资源服务产业园申报材料清单');
    expect(checklist.text.match(/☐/g)?.length).toBe(md.items);

    // Print: the host is marked while the browser prints, and the print stylesheet shows the result alone.
    await page.evaluate(() => {
      const w = window as unknown as { __printing: boolean[] };
      w.__printing = [];
      window.print = () => w.__printing.push(document.querySelector('park-advisor')?.hasAttribute('data-printing') ?? false);
    });
    await page.locator('[data-action="print"]').click();
    expect(await page.evaluate(() => (window as unknown as { __printing: boolean[] }).__printing)).toEqual([true]);
    expect(await page.evaluate(() => document.querySelector('park-advisor')?.hasAttribute('data-printing'))).toBe(false);
    await page.evaluate(() => document.querySelector('park-advisor')?.setAttribute('data-printing', ''));
    await page.emulateMedia({ media: 'print' });
    const printed = await inWidget(page, (root) => ({
      launcher: getComputedStyle(root.querySelector('.launcher') as Element).display,
      foot: getComputedStyle(root.querySelector('.foot') as Element).display,
      result: getComputedStyle(root.querySelector('.result') as Element).display,
    }));
    expect(printed).toEqual({ launcher: 'none', foot: 'none', result: 'block' });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.querySelector('park-advisor')?.removeAttribute('data-printing'));

    await showResultTop(page);
    await page.screenshot({ path: `${ARTIFACTS}widget-result-zh.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 40_000);

  it('does the same in English for another jurisdiction (settings preset on window.ParkAdvisorSettings)', async () => {
    const { context, page, errors } = await newPage({ settings: { jurisdiction: 'jilin', lang: 'en' } });
    await page.goto(`${base}/`);
    await open(page, 'Park Advisor');
    expect(await page.getByRole('dialog', { name: 'Park Advisor' }).isVisible()).toBe(true);
    expect((await currentPrompt(page))?.text).toMatch(/single site/);
    const results: string[] = [];
    await page.exposeFunction('recordResult', (verdict: string) => results.push(verdict));
    await page.evaluate(() => window.ParkAdvisor?.on('result', (d) => (window as unknown as { recordResult(v: string): void }).recordResult((d as { verdict: string }).verdict)));
    await answerAll(page, profiles.jilin.default as Facts, 'en');
    expect(await page.locator('.result .verdict').textContent()).toBe('Meets the conditions to apply');
    expect(await page.locator('.result h3').textContent()).toMatch(/^Assessment · Jilin/);
    expect(results).toEqual(['eligible']);
    const md = await tickAndDownloadMarkdown(page);
    expect(md.name).toBe('park-advisor-jilin-checklist.md');
    expect(md.text).toMatch(/^# Jilin.* · Checklist of materials/);
    expect(md.text).toContain('Verdict: Meets the conditions to apply');
    await showResultTop(page);
    await page.screenshot({ path: `${ARTIFACTS}widget-result-en.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 40_000);

  it('resumes after a reload: same question, earlier answers kept, only the session id stored', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${base}/`);
    await open(page, '园区申报助手');
    const facts = profiles.shandong.default as Facts;
    for (let turn = 0; turn < 3; turn++) await answerOne(page, (await currentPrompt(page))!, facts, 'zh-CN', turn);
    const before = await currentPrompt(page);
    const replies = await inWidget(page, (root) => Array.from(root.querySelectorAll('.msg.user p')).map((p) => p.textContent));
    const stored = await page.evaluate(() => Object.entries(localStorage));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.[0]).toMatch(/^parkadvisor:127\.0\.0\.1:\d+:shandong:session$/);
    expect(stored[0]?.[1]).toMatch(/^[A-Za-z0-9_-]{22}$/);

    await page.reload();
    await open(page, '园区申报助手');
    expect(await currentPrompt(page)).toEqual(before);
    const after = await inWidget(page, (root) => Array.from(root.querySelectorAll('.msg.user p')).map((p) => p.textContent));
    expect(after).toHaveLength(3);
    expect(after[0]).toBe(replies[0]);
    expect(after[1]).toBe(replies[1]);
    expect(after[2]).toBe('12,000 平方米');
    expect(await inWidget(page, (root) => root.querySelector('.progress')?.textContent)).toMatch(/^第 4 题/);
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('starts over with a clear message when the session has expired (on reload and mid-conversation)', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${base}/`);
    await open(page, '园区申报助手');
    await answerOne(page, (await currentPrompt(page))!, profiles.shandong.default as Facts, 'zh-CN', 0);
    const key = 'parkadvisor:' + new URL(base).host + ':shandong:session';
    const first = (await page.evaluate((k) => localStorage.getItem(k), key)) as string;
    await store.delete(first);

    await page.reload();
    await open(page, '园区申报助手');
    expect(await inWidget(page, (root) => root.querySelector('.msg.warn')?.textContent)).toContain('已过期');
    expect((await currentPrompt(page))?.id).toBe('layout');
    const second = (await page.evaluate((k) => localStorage.getItem(k), key)) as string;
    expect(second).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second).not.toBe(first);

    await store.delete(second);
    const bots = await botCount(page);
    await page.locator('.choices .opt').first().click();
    await waitForBot(page, bots - 1);
    await page.waitForFunction(() => document.querySelector('park-advisor')?.shadowRoot?.querySelector('.msg.warn')?.textContent?.includes('已过期'));
    // The note comes before the new conversation's first question.
    await page.locator('.choices[data-question-id]').waitFor({ state: 'attached' });
    expect((await currentPrompt(page))?.id).toBe('layout');
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).not.toBe(second);
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('is usable by keyboard alone (Tab, Enter, Space, Escape and typing)', async () => {
    const { context, page, errors } = await newPage();
    await openByKeyboard(page, `${base}/`);
    for (let turn = 0; turn < 6; turn++) {
      const prompt = (await currentPrompt(page))!;
      const f = await focused(page);
      const before = await botCount(page);
      if (prompt.kind === 'multi') {
        expect(f.tag).toBe('input');
        await page.keyboard.press('Space');
        await tabTo(page, (g) => g.className.includes('confirm'));
        await page.keyboard.press('Enter');
      } else if (prompt.kind === 'number' || prompt.kind === 'date') {
        expect(f).toMatchObject({ tag: 'input', className: 'text' });
        await page.keyboard.type(prompt.kind === 'date' ? '2024-01-10' : '100');
        await page.keyboard.press('Enter');
      } else {
        expect(f).toMatchObject({ tag: 'button', className: 'opt' });
        await page.keyboard.press('Enter');
      }
      await waitForBot(page, before);
    }
    // 不清楚 (skip) and "show results now" from the tool row.
    let before = await botCount(page);
    await tabTo(page, (f) => f.command === 'skip');
    await page.keyboard.press('Enter');
    await waitForBot(page, before);
    before = await botCount(page);
    await tabTo(page, (f) => f.command === 'results');
    await page.keyboard.press('Space');
    await waitForBot(page, before);
    await page.locator('.result').waitFor();
    expect((await focused(page)).tag).toBe('h3');
    // A checklist tick box by Space; a collapsed quote opened with Enter.
    await tabTo(page, (f) => f.tag === 'summary');
    await page.keyboard.press('Enter');
    expect(await inWidget(page, (root) => root.querySelector('.result details[open]') !== null)).toBe(true);
    await tabTo(page, (f) => f.tag === 'input' && f.command !== null, 80);
    await page.keyboard.press('Space');
    expect(await inWidget(page, (root) => root.querySelectorAll('.checklist input:checked').length)).toBe(1);
    // Escape closes and returns focus to the launcher; Enter opens again where the user was.
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await focused(page)).toMatchObject({ inWidget: true, className: 'launcher' });
    await page.keyboard.press('Enter');
    expect((await focused(page)).tag).toBe('h3');
    expect(await inWidget(page, (root) => root.querySelectorAll('.checklist input:checked').length)).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  it('lists the answers so far and changes an earlier one in place, by mouse (hint, then feedback)', async () => {
    // axe-core is injected as an inline script, which the app's own CSP would refuse.
    const { context, page, errors } = await newPage({ bypassCSP: true });
    await page.goto(`${base}/`);
    await open(page, '园区申报助手');
    const facts = profiles.shandong.default as Facts;
    for (let turn = 0; turn < 3; turn++) await answerOne(page, (await currentPrompt(page))!, facts, 'zh-CN', turn);
    let before = await botCount(page);
    await page.locator('[data-command="skip"]').click();
    await waitForBot(page, before);
    const where = (await currentPrompt(page))!;

    // The list: question and answer, 不清楚 for the skipped one; focus on its heading.
    await page.getByRole('button', { name: '我的回答', exact: true }).click();
    expect(await page.getByRole('region', { name: '我的回答' }).isVisible()).toBe(true);
    const items = await inWidget(page, (root) => Array.from(root.querySelectorAll('.review li')).map((li) => Array.from(li.querySelectorAll('p')).map((p) => p.textContent)));
    expect(items).toHaveLength(4);
    expect(items[2]).toEqual([expect.stringMatching(/^园区建筑面积是多少平方米/), '12,000 平方米']);
    expect(items[3]?.[1]).toBe('不清楚');
    expect(await focused(page)).toMatchObject({ tag: 'h3', text: '我的回答' });
    expect(await axeViolations(page)).toEqual([]);
    // Cancel goes back to the question the user was on.
    await page.locator('[data-command="cancel"]').click();
    expect(await inWidget(page, (root) => root.querySelector('.review'))).toBeNull();
    expect(await currentPrompt(page)).toEqual(where);

    // Change the floor area: the same question again, with the text box, focus in it.
    await page.locator('[data-command="answers"]').click();
    before = await botCount(page);
    await page.getByRole('button', { name: /^修改：园区建筑面积/ }).click();
    await waitForBot(page, before);
    expect(await currentPrompt(page)).toMatchObject({ id: 'floorArea', kind: 'number', text: expect.stringMatching(/^修改回答：园区建筑面积/) });
    expect(await inWidget(page, (root) => root.querySelector('.msg.bot:last-of-type .help')?.textContent)).toMatch(/^目前的回答：12,000 平方米/);
    expect(await focused(page)).toMatchObject({ tag: 'input', className: 'text' });
    expect(await inWidget(page, (root) => root.querySelector('[data-command="skip"]')?.hasAttribute('hidden'))).toBe(true);
    // Not understood: the hint, and the question stays open.
    await page.locator('#pa-input').fill('很大');
    await page.locator('.form button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('park-advisor')?.shadowRoot?.querySelector('.msg.error'));
    expect(await page.locator('#pa-input').getAttribute('aria-invalid')).toBe('true');
    expect((await currentPrompt(page))?.id).toBe('floorArea');
    expect(await axeViolations(page)).toEqual([]);
    // From passing (12,000) to failing (5,000): the inline feedback, then the question the user was on.
    before = await botCount(page);
    await page.locator('#pa-input').fill('5000');
    await page.locator('.form button[type="submit"]').click();
    await waitForBot(page, before);
    const log = await inWidget(page, (root) => ({ warn: Array.from(root.querySelectorAll('.msg.warn')).map((m) => m.textContent), notes: Array.from(root.querySelectorAll('.msg.note')).map((m) => m.textContent) }));
    expect(log.warn.length).toBeGreaterThan(0);
    expect(log.warn.join('')).toMatch(/建筑面积/);
    expect(log.notes).toContain('已修改回答。');
    expect(await currentPrompt(page)).toMatchObject({ id: where.id, kind: where.kind });
    await page.locator('[data-command="answers"]').click();
    expect(await inWidget(page, (root) => root.querySelectorAll('.review li')[2]?.querySelector('.a')?.textContent)).toBe('5,000 平方米');
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  it('takes approximate answers: says how each was taken, asks one follow-up for a range across a limit', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${base}/`);
    await open(page, '园区申报助手');
    const notes = () => inWidget(page, (root) => Array.from(root.querySelectorAll('.msg.note')).map((m) => m.textContent));
    const typeAnswer = async (text: string) => {
      const before = await botCount(page);
      await page.locator('#pa-input').fill(text);
      await page.locator('.form button[type="submit"]').click();
      await waitForBot(page, before);
    };
    const pick = async (value: string) => {
      const before = await botCount(page);
      await page.locator(`.choices .opt[data-value="${value}"]`).click();
      await waitForBot(page, before);
    };
    await pick('single');
    await pick('prefecture_city');
    expect((await currentPrompt(page))?.id).toBe('floorArea');
    // 约1万 straddles 不少于1万平方米: taken as a range, then one yes/no question naming the limit.
    await typeAnswer('约1万平方米');
    expect(await notes()).toContain('按 9,000–11,000 平方米计。');
    expect(await currentPrompt(page)).toMatchObject({ id: 'settle.floorArea', kind: 'boolean', text: expect.stringContaining('是否不少于 10,000 平方米？') });
    expect(await inWidget(page, (root) => Array.from(root.querySelectorAll('.choices .opt')).map((b) => b.textContent))).toEqual(['是', '否', '不清楚']);
    await pick('false');
    expect(await notes()).toContain('按 9,000–9,999.99 平方米计。');
    expect((await inWidget(page, (root) => Array.from(root.querySelectorAll('.msg.warn')).map((m) => m.textContent))).join('')).toMatch(/建筑面积/);
    // 8000左右 decides 入驻面积 at once: said back, no follow-up.
    expect((await currentPrompt(page))?.id).toBe('occupiedArea');
    await typeAnswer('8000左右');
    expect(await notes()).toContain('按 7,200–8,800 平方米计。');
    expect((await currentPrompt(page))?.id).not.toMatch(/^settle\./);
    expect(await inWidget(page, (root) => root.querySelectorAll('.msg.error').length)).toBe(0);
    await page.locator('[data-command="answers"]').click();
    const answers = await inWidget(page, (root) => Array.from(root.querySelectorAll('.review li .a')).map((a) => a.textContent));
    expect(answers).toEqual(['设立一个园区', '设区市（地级市、自治州）', '9,000–9,999.99 平方米', '7,200–8,800 平方米']);
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  it('changes an answer on the result view ("what if") and shows the verdict again', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${base}/`);
    await open(page, '园区申报助手');
    await answerAll(page, profiles.shandong.default as Facts, 'zh-CN');
    expect(await page.locator('.result .verdict').textContent()).toBe('符合申报条件');
    await page.locator('[data-command="answers"]').click();
    expect(await page.locator('.result').isVisible()).toBe(false);
    // A multi-select comes back with the current answer ticked; Cancel returns to the result as it was.
    let before = await botCount(page);
    await page.locator('.review [data-change="supportingServices"]').click();
    await waitForBot(page, before);
    expect(await inWidget(page, (root) => root.querySelectorAll('.choices input:checked').length)).toBe(6);
    expect((await focused(page)).tag).toBe('input');
    await page.locator('[data-command="cancel"]').click();
    expect(await botCount(page)).toBe(before);
    expect(await page.locator('.result .verdict').textContent()).toBe('符合申报条件');
    expect((await focused(page)).tag).toBe('h3');
    await page.locator('[data-command="answers"]').click();
    before = await botCount(page);
    await page.locator('.review [data-change="annualRevenue"]').click();
    await waitForBot(page, before);
    expect(await focused(page)).toMatchObject({ tag: 'input', className: 'text' });
    await page.locator('#pa-input').fill('4.9亿');
    await page.locator('.form button[type="submit"]').click();
    await page.locator('.result[data-verdict="ineligible"]').waitFor();
    expect(await page.locator('.result .verdict').textContent()).toBe('暂不符合申报条件');
    expect(await page.locator('.result .crit').first().textContent()).toMatch(/营业收入/);
    expect((await focused(page)).tag).toBe('h3');
    expect(await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events)).toContainEqual(['result', 'ineligible']);
    // And back again: 6.2亿 is eligible once more.
    await page.locator('[data-command="answers"]').click();
    await page.locator('.review [data-change="annualRevenue"]').click();
    await page.locator('.choices[data-question-id="annualRevenue"]').waitFor({ state: 'attached' });
    await page.locator('#pa-input').fill('6.2亿');
    await page.locator('.form button[type="submit"]').click();
    await page.locator('.result[data-verdict="eligible"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 40_000);

  it('changes an earlier choice by keyboard alone, and Escape cancels a change', async () => {
    const { context, page, errors } = await newPage();
    await openByKeyboard(page, `${base}/`);
    for (const key of ['Enter', 'Space']) {
      const before = await botCount(page);
      await page.keyboard.press(key);
      await waitForBot(page, before);
    }
    let before = await botCount(page);
    await page.keyboard.type('12000');
    await page.keyboard.press('Enter');
    await waitForBot(page, before);
    const where = (await currentPrompt(page))!;
    const label = () => inWidget(page, (root) => root.querySelector(`[id="${root.querySelector('.choices-group')?.getAttribute('aria-labelledby')}"]`)?.textContent ?? '');

    // My answers → Change (location) → the question again, focus on its first option → another option with Space.
    await tabTo(page, (f) => f.command === 'answers');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'h3', text: '我的回答' });
    await tabTo(page, (f) => f.command === 'locationType');
    before = await botCount(page);
    await page.keyboard.press('Enter');
    await waitForBot(page, before);
    expect(await focused(page)).toMatchObject({ tag: 'button', className: 'opt', text: '设区市（地级市、自治州）' });
    expect(await label()).toMatch(/^修改回答：园区位于哪类区域/);
    await tabTo(page, (f) => f.text === '国家级自由贸易试验区');
    before = await botCount(page);
    await page.keyboard.press('Space');
    await waitForBot(page, before);
    expect(await currentPrompt(page)).toMatchObject({ id: where.id });
    expect(await focused(page)).toMatchObject({ tag: 'input', className: 'text' });
    expect(await inWidget(page, (root) => Array.from(root.querySelectorAll('.msg.user p')).map((p) => p.textContent))).toContain('国家级自由贸易试验区');

    // Another change, cancelled with Escape: the panel stays open, the question is gone, nothing changed.
    await tabTo(page, (f) => f.command === 'answers');
    await page.keyboard.press('Space');
    expect(await inWidget(page, (root) => root.querySelectorAll('.review li')[1]?.querySelector('.a')?.textContent)).toBe('国家级自由贸易试验区');
    await tabTo(page, (f) => f.command === 'layout');
    before = await botCount(page);
    await page.keyboard.press('Enter');
    await waitForBot(page, before);
    expect((await currentPrompt(page))?.id).toBe('layout');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').isVisible()).toBe(true);
    expect(await botCount(page)).toBe(before);
    expect(await currentPrompt(page)).toEqual(where);
    expect(await focused(page)).toMatchObject({ tag: 'input', className: 'text' });
    // Escape in the list closes the list; then Escape closes the panel as before.
    await tabTo(page, (f) => f.command === 'answers');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    expect(await inWidget(page, (root) => root.querySelector('.review'))).toBeNull();
    expect(await page.getByRole('dialog').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  it('states the text applied from the first question; Change lists the other texts and switches, answers kept', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${base}/`);
    await open(page, '园区申报助手');
    const applying = page.locator('.applying-text');
    expect(await applying.textContent()).toBe('按《山东省省级人力资源服务产业园管理暂行办法》逐条核对');
    await answerOne(page, (await currentPrompt(page))!, profiles.shandong.default as Facts, 'zh-CN', 0);
    const answered = await inWidget(page, (root) => root.querySelectorAll('.msg.user').length);
    await page.getByRole('button', { name: '更换所适用的办法（目前：山东省（省级））' }).click();
    await page.locator('.choices .opt[data-value="wenzhou"]').waitFor();
    expect(await page.locator('.choices .opt').allTextContents()).toEqual(['吉林省（省级）', '牡丹江市（市级，征求意见稿）', '广西壮族自治区（自治区级）', '温州市（市级）']);
    const before = await botCount(page);
    await page.locator('.choices .opt[data-value="wenzhou"]').click();
    await waitForBot(page, before);
    expect(await applying.textContent()).toBe('按《温州市市级人力资源服务产业园建设和评估办法（试行）》逐条核对');
    expect(await page.locator('.msg.note').last().textContent()).toContain('已改为按《温州市市级人力资源服务产业园建设和评估办法（试行）》核对');
    expect(await inWidget(page, (root) => root.querySelectorAll('.msg.user').length)).toBe(answered + 1);
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  it('offers to switch when a place under another text is typed, and switches only when confirmed', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${base}/`);
    await open(page, '园区申报助手');
    const first = (await currentPrompt(page))!;
    await page.locator('#pa-input').fill('我们在乐清');
    await page.locator('.form button[type="submit"]').click();
    const yes = page.locator('.offer [data-offer="yes"]');
    await yes.waitFor();
    expect(await page.locator('.msg.note').last().textContent()).toContain('“我们在乐清”属于温州市');
    expect(await page.locator('.applying-text').textContent()).toContain('山东省');
    expect((await focused(page)).text).toBe('改为按温州市（市级）核对');
    // "No": the same question, the text unchanged.
    await page.locator('.offer [data-offer="no"]').click();
    expect(await page.locator('.offer').count()).toBe(0);
    expect((await currentPrompt(page))?.id).toBe(first.id);
    expect(await page.locator('.applying-text').textContent()).toContain('山东省');
    // Again, and "yes".
    await page.locator('#pa-input').fill('园区在乐清市');
    await page.locator('.form button[type="submit"]').click();
    await yes.waitFor();
    const before = await botCount(page);
    await yes.click();
    await waitForBot(page, before);
    expect(await page.locator('.applying-text').textContent()).toContain('温州市');
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  it('is a modal dialog on a phone: aria-modal, focus kept inside, the page behind inert; the launcher comes first', async () => {
    // axe-core is injected as an inline script, which the app's own CSP would refuse.
    const { context, page, errors } = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true });
    await page.goto(`${base}/`);
    // The launcher is the first stop of the tab order (before the page's own skip link).
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ inWidget: true, className: 'launcher' });
    await page.keyboard.press('Enter');
    await page.locator('.choices .opt').first().waitFor();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const inert = await page.evaluate(() => Array.from(document.body.children).map((e) => [e.tagName.toLowerCase(), (e as HTMLElement).inert]));
    expect(inert.filter(([tag]) => tag !== 'park-advisor' && tag !== 'script').every(([, isInert]) => isInert)).toBe(true);
    expect(inert.find(([tag]) => tag === 'park-advisor')?.[1]).toBe(false);
    // Forty presses of Tab (and of Shift+Tab) never leave the panel.
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press(key);
        const f = await focused(page);
        expect(f.inWidget, `${key} ×${i + 1}`).toBe(true);
        expect(f.className, `${key} ×${i + 1}`).not.toBe('launcher');
      }
    }
    expect(await axeViolations(page)).toEqual([]);
    // Closed, the page is usable again.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => Array.from(document.body.children).some((e) => (e as HTMLElement).inert))).toBe(false);
    expect(await focused(page)).toMatchObject({ inWidget: true, className: 'launcher' });
    // On a desktop the panel sits beside the page, which stays usable: not modal.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.keyboard.press('Enter');
    await page.locator('.choices .opt').first().waitFor();
    expect(await page.getByRole('dialog').getAttribute('aria-modal')).toBeNull();
    expect(await page.evaluate(() => Array.from(document.body.children).some((e) => (e as HTMLElement).inert))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 40_000);

  it('is full-screen on a phone (390×844), with 16px inputs, and follows the visual viewport', async () => {
    const { context, page, errors } = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: '园区申报助手', exact: true }).tap();
    await page.locator('.choices .opt').first().waitFor();
    const box = await page.getByRole('dialog').boundingBox();
    expect(box && [box.x, box.y, box.width, box.height].map(Math.round)).toEqual([0, 0, 390, 844]);
    await page.locator('.choices .opt').first().tap();
    await page.locator('.choices .opt').first().tap();
    await page.locator('#pa-input').waitFor();
    const sizes = await inWidget(page, (root) => Array.from(root.querySelectorAll('input, button')).map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: `${ARTIFACTS}widget-mobile.png` });
    // An on-screen keyboard shrinks the visual viewport but not the layout viewport (100dvh stays 844 px).
    // Zooming the page to 2× does the same to the visual viewport: the panel must follow it, text box included.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
    await page.waitForFunction(() => {
      const vv = window.visualViewport;
      const panel = document.querySelector('park-advisor')?.shadowRoot?.querySelector('.panel');
      return vv !== null && vv.height < 500 && panel !== null && panel !== undefined && Math.round(panel.getBoundingClientRect().height) === Math.round(vv.height);
    }, undefined, { timeout: 3000 });
    const fitted = await inWidget(page, (root) => {
      const vv = window.visualViewport as VisualViewport;
      const panel = (root.querySelector('.panel') as HTMLElement).getBoundingClientRect();
      const input = (root.querySelector('#pa-input') as HTMLElement).getBoundingClientRect();
      return { layout: window.innerHeight, visual: Math.round(vv.height), panel: Math.round(panel.height), inputBottom: input.bottom, visibleBottom: vv.offsetTop + vv.height };
    });
    expect(fitted.layout).toBe(844);
    expect(fitted.panel).toBe(fitted.visual);
    expect(fitted.inputBottom).toBeLessThanOrEqual(fitted.visibleBottom);
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('has no serious or critical axe-core violations, open and on the result view', async () => {
    // axe-core is injected as an inline script, which the app's own CSP would refuse.
    const { context, page, errors } = await newPage({ bypassCSP: true });
    await page.goto(`${base}/`);
    await open(page, '园区申报助手');
    expect(await axeViolations(page)).toEqual([]);
    const facts = profiles.shandong.default as Facts;
    for (let turn = 0; turn < 3; turn++) await answerOne(page, (await currentPrompt(page))!, { ...facts, floorArea: 5000 }, 'zh-CN', turn);
    expect(await inWidget(page, (root) => root.querySelectorAll('.msg.warn').length)).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    const before = await botCount(page);
    await page.locator('[data-command="results"]').click();
    await waitForBot(page, before);
    await page.locator('.result details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    expect(await axeViolations(page)).toEqual([]);
    await showResultTop(page);
    await page.screenshot({ path: `${ARTIFACTS}widget-result-unmet.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  it('works under a strict CSP without unsafe-inline, and reports no violation', async () => {
    const { context, page, errors } = await newPage();
    await page.route(`${base}/`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
    });
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    });
    const response = await page.goto(`${base}/`);
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    await open(page, '园区申报助手');
    // Styles arrived (constructed stylesheet): the panel is laid out as a fixed dialog with its colours.
    expect(await inWidget(page, (root) => getComputedStyle(root.querySelector('.panel') as Element).position)).toBe('fixed');
    const facts = profiles.shandong.default as Facts;
    for (let turn = 0; turn < 3; turn++) await answerOne(page, (await currentPrompt(page))!, facts, 'zh-CN', turn);
    const before = await botCount(page);
    await page.locator('[data-command="results"]').click();
    await waitForBot(page, before);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="markdown"]').click()]);
    expect(readFileSync(await download.path(), 'utf8')).toContain('申报材料清单');
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('shows HTML typed as an answer, or echoed by the server, as text', async () => {
    const { context, page, errors } = await newPage();
    // A host page that does not preset the jurisdiction: the first question asks for a place.
    await page.route(`${base}/embed-test.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="zh-CN"><title>t</title><body><script src="/widget.js" async></script></body></html>' }),
    );
    await page.goto(`${base}/embed-test.html`);
    await open(page, '园区申报助手');
    expect((await currentPrompt(page))?.id).toBe('jurisdiction');
    const attack = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    await page.locator('#pa-input').fill(attack);
    await page.locator('.form button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('park-advisor')?.shadowRoot?.querySelector('.msg.error'));
    const shown = await inWidget(page, (root) => ({
      reply: root.querySelector('.msg.user p')?.textContent,
      hint: root.querySelector('.msg.error')?.textContent ?? '',
      markup: root.querySelectorAll('.log img, .log b').length,
      invalid: root.querySelector('#pa-input')?.getAttribute('aria-invalid'),
    }));
    expect(shown.reply).toBe(attack);
    expect(shown.hint).toContain('<img src=x');
    expect(shown.markup).toBe(0);
    expect(shown.invalid).toBe('true');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('works embedded on another site: the API is found at the origin of the script', async () => {
    const { context, page, errors } = await newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).origin));
    await page.goto(`${bureauOrigin}/`);
    await open(page, '园区申报助手');
    expect((await currentPrompt(page))?.id).toBe('layout');
    await answerOne(page, (await currentPrompt(page))!, profiles.wenzhou.default as Facts, 'zh-CN', 0);
    const before = await botCount(page);
    await page.locator('[data-command="results"]').click();
    await waitForBot(page, before);
    expect(await page.locator('.result h3').textContent()).toMatch(/温州/);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([`parkadvisor:${new URL(bureauOrigin).host}:wenzhou:session`]);
    // Only the bureau's page and Park Advisor's origin were contacted: no third party.
    expect([...new Set(requests)].sort()).toEqual([base, bureauOrigin].sort());
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('offers the JS API: open, close, toggle, setLocale, reset and events', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(() => window.ParkAdvisor !== undefined && document.querySelector('park-advisor') !== null);
    await page.evaluate(() => window.ParkAdvisor?.open());
    await page.locator('.choices .opt').first().waitFor();
    await page.evaluate(() => window.ParkAdvisor?.toggle());
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.evaluate(() => window.ParkAdvisor?.toggle());
    await page.evaluate(() => window.ParkAdvisor?.setLocale('en'));
    await page.waitForFunction(() => /single site/.test(document.querySelector('park-advisor')?.shadowRoot?.querySelector('.msg.bot:last-of-type')?.textContent ?? ''));
    expect(await page.getByRole('dialog', { name: 'Park Advisor' }).isVisible()).toBe(true);
    await page.evaluate(() => window.ParkAdvisor?.reset());
    await page.waitForFunction(() => document.querySelector('park-advisor')?.shadowRoot?.querySelectorAll('.msg').length === 1);
    await page.evaluate(() => window.ParkAdvisor?.close());
    expect(await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events)).toEqual([['ready', null], ['opened', null], ['closed', null], ['opened', null], ['closed', null]]);
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);
});
