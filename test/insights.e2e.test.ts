/**
 * The insights view (Alt+I) in Debian Chromium with the CJK font, behind the policy the console is served with
 * (no inline script or style): the funnel and the unmet conditions drawn as SVG images with titles, tables with
 * the same figures ("<5" where a count is small), CSV files with a BOM, a 400 said in the console's language,
 * a screenshot under test/artifacts/, and axe-core without serious or critical violations.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import { createInsights, MemoryInsightsStore } from '../src/insights/index.js';
import { fieldOf } from '../src/insights/counters.js';
import { addPeriod, todayInChina } from '../src/rules/dates.js';
import { createApp } from '../src/server/app.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { launchChromium, listenLocal } from './support/browser.js';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: Server;
let base: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // The view's default period ends today: the figures sit a few days back, so that the stops count as abandoned.
  const today = todayInChina();
  const day = addPeriod(today, { days: -3 });
  const store = new MemoryInsightsStore({ today: () => today });
  const f = (counted: Parameters<typeof fieldOf>[2], channel: 'web' | 'telegram' = 'web') => fieldOf('shandong', channel, counted);
  await store.add(
    day,
    new Map<string, number>([
      [f({ kind: 'started' }), 31],
      [f({ kind: 'started' }, 'telegram'), 11],
      [f({ kind: 'completed' }), 26],
      [f({ kind: 'verdict', verdict: 'eligible' }), 7],
      [f({ kind: 'verdict', verdict: 'ineligible' }), 16],
      [f({ kind: 'verdict', verdict: 'incomplete' }), 3],
      [f({ kind: 'close' }), 9],
      [f({ kind: 'criterion', id: 'shandong.floor-area', status: 'unmet' }), 12],
      [f({ kind: 'criterion', id: 'shandong.floor-area', status: 'met' }), 14],
      [f({ kind: 'criterion', id: 'shandong.annual-revenue', status: 'unmet' }), 8],
      [f({ kind: 'criterion', id: 'shandong.staff', status: 'unmet' }), 2],
      [f({ kind: 'unknown', fact: 'annualRevenue' }), 10],
      [f({ kind: 'unknown', fact: 'fullTimeStaff' }), 3],
      [f({ kind: 'open', questionId: 'occupiedArea' }), 6],
      [f({ kind: 'open', questionId: 'layout' }), 1],
    ]),
  );
  const insights = createInsights(store, { today: () => today });
  const sessionStore = new MemorySessionStore();
  const app = createApp({ sessions: new ConversationSessions(sessionStore), store: sessionStore, insights });
  ({ server, base } = await listenLocal(app));
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1300, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function axeViolations(target: Page) {
  await target.evaluate(AXE);
  const violations = await target.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const rowsOf = (p: Page, table: string) =>
  p.$$eval(`${table} tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));

describe('the insights view in Chromium', () => {
  it('opens with Alt+I and draws the funnel and the unmet conditions as titled SVG with tables', async () => {
    await page.goto(`${base}/staff`);
    await page.waitForSelector('#profile-form');
    await page.keyboard.press('Alt+I');
    await page.waitForSelector('#chart-shandong-funnel');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('insights-title');
    expect(await page.locator('#views button[data-view="insights"]').textContent()).toContain('统计');

    const funnel = page.locator('#chart-shandong-funnel');
    expect(await funnel.getAttribute('role')).toBe('img');
    expect(await funnel.locator('title').textContent()).toContain('从开始到结论');
    expect(await funnel.locator('desc').textContent()).toBe('山东省：开始咨询 42，得出结论 26，符合条件 7。'.replace('山东省', (await page.locator('#ins-shandong').textContent()) ?? ''));
    expect(await funnel.locator('rect').count()).toBe(3);
    // Staff checks are left out by default; web and Telegram are both counted.
    expect(await rowsOf(page, '#table-shandong-funnel')).toEqual([
      ['开始咨询', '42'],
      ['得出结论', '26'],
      ['符合条件', '7'],
      ['不符合', '16'],
      ['待补充信息', '<5'],
      ['仅差一项必备条件', '9'],
    ]);

    // Conditions by unmet, most first, with their article; "<5" drawn apart (dashed), never as its true length.
    const unmet = page.locator('#chart-shandong-unmet');
    const labels = await unmet.locator('text.label').allTextContents();
    expect(labels).toHaveLength(3);
    // The article first, so that a long title cut short never hides it.
    expect(labels[0]).toMatch(/^第.+条\S* .+/);
    expect(await unmet.locator('text.value').allTextContents()).toEqual(['12', '8', '<5']);
    expect(await unmet.locator('g.small').count()).toBe(1);
    const criteria = await rowsOf(page, '#table-shandong-unmet');
    expect(criteria[0]?.slice(2)).toEqual(['12', '14', '0']);

    expect(await rowsOf(page, '#table-shandong-unknown')).toEqual([
      [expect.stringMatching(/营业收入|收入/), '10'],
      [expect.stringMatching(/人员|员工|工作人员/), '<5'],
    ]);
    expect(await rowsOf(page, '#table-shandong-abandoned')).toEqual([
      [expect.stringMatching(/面积/), '6'],
      [expect.any(String), '<5'],
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'staff-insights.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('exports each table as CSV with a BOM, so spreadsheet programs read Chinese', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-csv="shandong-unmet"]')]);
    expect(download.suggestedFilename()).toMatch(/^insights-shandong-criteria-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('条件,条款,未满足,满足,待确认');
    expect(lines[1]).toMatch(/^.+,第.+条.*,12,14,0$/);
    expect(lines.some((l) => l.endsWith(',<5,0,0'))).toBe(true);
  });

  it('takes the period and the staff checks from the pickers, and says what is wrong with a period', async () => {
    await page.check('#insights-staff');
    await page.selectOption('#insights-jurisdiction', '');
    await page.click('.insights-form button[type="submit"]');
    await page.waitForSelector('section[data-jurisdiction="wenzhou"]');
    expect(await page.locator('section.insights-jurisdiction').count()).toBe(5);
    expect(await page.locator('section[data-jurisdiction="jilin"] .hint').textContent()).toBe('这一期间还没有记录。');
    await page.fill('#insights-from', addPeriod(todayInChina(), { days: -1 }));
    await page.fill('#insights-to', addPeriod(todayInChina(), { days: -20 }));
    await page.click('.insights-form button[type="submit"]');
    await expect.poll(() => page.locator('#insights-status').textContent()).toBe('起始日期不能晚于结束日期。');
    expect(await page.locator('#insights-status').getAttribute('class')).toBe('error');
    expect(await axeViolations(page)).toEqual([]);
  }, 30_000);

  it('speaks English when the console does', async () => {
    const english = await page.context().newPage();
    english.on('pageerror', (e) => problems.push(e.message));
    await english.goto(`${base}/staff?lang=en`);
    await english.waitForSelector('#profile-form');
    await english.keyboard.press('Alt+I');
    await english.waitForSelector('#chart-shandong-unmet');
    expect(await english.locator('#insights-title').textContent()).toBe('Enquiry insights');
    expect((await rowsOf(english, '#table-shandong-funnel'))[0]).toEqual(['Started', '42']);
    expect(await english.locator('#chart-shandong-unmet text.label').first().textContent()).toMatch(/^Art(icle|\.) ?\d+/);
    await english.screenshot({ path: join(ARTIFACTS, 'staff-insights-en.png'), fullPage: true });
    expect(await axeViolations(english)).toEqual([]);
    await english.close();
  }, 60_000);

  it('fits a phone: the page does not run off the screen, a chart keeps readable labels and scrolls in its frame', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const clerk = await phone.newPage();
    clerk.on('pageerror', (e) => problems.push(e.message));
    await clerk.goto(`${base}/staff#j=shandong&v=insights`);
    await clerk.waitForSelector('#chart-shandong-unmet');
    expect(await clerk.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    // Labels drawn at no less than 10 px (the chart's 13 px, scaled): shrunk to the screen they were 6 px.
    const label = await clerk.locator('#chart-shandong-unmet text.label').first().boundingBox();
    expect(label?.height ?? 0).toBeGreaterThanOrEqual(10);
    const frame = await clerk.locator('#chart-shandong-unmet').evaluate((svg) => {
      const wrap = svg.closest('.chart-wrap') as HTMLElement;
      return { scrolls: wrap.scrollWidth > wrap.clientWidth, right: wrap.getBoundingClientRect().right };
    });
    expect(frame).toEqual({ scrolls: true, right: expect.any(Number) });
    expect(frame.right).toBeLessThanOrEqual(390);
    await clerk.screenshot({ path: join(ARTIFACTS, 'staff-insights-phone.png'), fullPage: true });
    await clerk.locator('#chart-shandong-unmet').screenshot({ path: join(ARTIFACTS, 'staff-insights-phone-chart.png') });
    await phone.close();
  }, 30_000);

  it('breaks no rule of the page policy and logs no errors', () => {
    expect(problems.filter((p) => !p.includes('400 (Bad Request)'))).toEqual([]);
  });
});
