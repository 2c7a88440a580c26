/**
 * The result page in Debian's Chromium, as a phone (390×844) opens it from a WeChat or Telegram link: the
 * app's strict CSP refuses nothing the page needs (its stylesheet applies), nothing is wider than the screen,
 * the text is large enough to read, axe-core finds no serious problem, and printing hides the screen-only hint.
 * Screenshots go to test/artifacts/ (result-page-390[-en][-checklist].png) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import type { Lang } from '../src/i18n/index.js';
import { evaluate } from '../src/rules/evaluate.js';
import { createApp } from '../src/server/app.js';
import { ResultLinks } from '../src/server/result-page.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { launchChromium, listenLocal } from './support/browser.js';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
let server: Server;
let links: ResultLinks;
let base: string;
/** The links name the public URL; the test opens them on the loopback server behind it. */
const PUBLIC_URL = 'https://advisor.example.gov.cn';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const store = new MemorySessionStore();
  links = new ResultLinks(store, { publicUrl: PUBLIC_URL });
  ({ server, base } = await listenLocal(createApp({ sessions: new ConversationSessions(store), store, resultLinks: links, config: { rateLimitPerMinute: 0 } })));
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

/** A result that fails several conditions, so that every section of the page has content. */
function partialResult(lang: Lang) {
  return evaluate('jilin', { layout: 'single', floorArea: 8000, hrInstitutions: 12, annualRevenue: 150_000_000, lawfulOperation: true, hasDedicatedOperator: false }, { lang, date: '2026-11-23' });
}

describe('the result page on a phone', () => {
  it.each(['zh-CN', 'en'] as const)('%s: styled under the strict CSP, no wider than the screen, readable, accessible, printable', async (lang) => {
    const url = (await links.create(partialResult(lang))).replace(PUBLIC_URL, base);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(refused).toEqual([]);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      bodyFont: Number.parseFloat(getComputedStyle(document.body).fontSize),
      headingColor: getComputedStyle(document.querySelector('h1') as Element).color,
      sections: document.querySelectorAll('section h2').length,
      lang: document.documentElement.lang,
    }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
    expect(layout.bodyFont).toBeGreaterThanOrEqual(16);
    expect(layout.headingColor).toBe('rgb(11, 92, 173)'); // the stylesheet applied
    expect(layout.sections).toBeGreaterThanOrEqual(4);
    expect(layout.lang).toBe(lang);
    const suffix = lang === 'en' ? '-en' : '';
    await page.screenshot({ path: `${ARTIFACTS}result-page-390${suffix}.png` });
    await page.locator('.checklist').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}result-page-390${suffix}-checklist.png` });
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.screen-only') as Element).display)).toBe('none');
    await context.close();

    // axe-core is injected as a script, which the page's own CSP would refuse: a context that bypasses it.
    const axeContext = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const axePage = await axeContext.newPage();
    await axePage.goto(url);
    await axePage.addScriptTag({ path: AXE });
    const violations = await axePage.evaluate(async () => {
      type Rule = { id: string; impact: string };
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Rule[] }> } }).axe;
      return (await axe.run(document)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await axeContext.close();
  }, 60_000);
});
