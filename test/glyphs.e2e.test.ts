/**
 * What a person sees: the widget (phone 390×844 and desktop) and the staff console render their Chinese text
 * with real glyphs, not tofu boxes, and are photographed under test/artifacts/ (git-ignored) for a person to
 * look at. The machine this project was first tested on had no CJK font, so every browser test passed while a
 * reader would have seen boxes; `.ci/run` installs Debian's fonts-noto-cjk, and this test fails without it.
 *
 * The check: every distinct CJK character of the page's visible text is drawn on a canvas in the font stack the
 * page itself computes (the widget's `--pa-font`, the console's body font) and compared, pixel by pixel, with the
 * glyph drawn for a code point no font has (U+F0000, private use: always .notdef, the "tofu" reference). A
 * character that draws like the reference, or draws nothing, has no glyph. To show that the check can fail, the
 * same page is opened in a Chromium whose fontconfig knows only DejaVu (no CJK font, as on that first machine):
 * there the check must report the characters missing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import { createApp } from '../src/server/app.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { launchChromium, listenLocal } from './support/browser.js';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const DEJAVU = '/usr/share/fonts/truetype/dejavu';

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const store = new MemorySessionStore();
  ({ server, base } = await listenLocal(createApp({ sessions: new ConversationSessions(store, () => '2026-11-23'), store, config: { rateLimitPerMinute: 0 } })));
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** The distinct CJK characters of `text` (ideographs and CJK punctuation that fonts without CJK lack). */
function cjkOf(text: string): string[] {
  return [...new Set(text.match(/[\u3400-\u9fff\u3001\u3002\uff08\uff09\uff0c\uff1a]/gu) ?? [])];
}

/**
 * The characters of `chars` that draw as no glyph in `font` (a CSS font shorthand's family list): like the
 * .notdef reference, or blank. Runs in the page, so the page's own fonts are used.
 */
function missingGlyphs(page: Page, family: string, chars: string[]): Promise<string[]> {
  return page.evaluate(
    ({ family, chars }) => {
      const size = 48;
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
      const draw = (ch: string): Uint8ClampedArray => {
        ctx.clearRect(0, 0, size, size);
        ctx.font = `40px ${family}`;
        ctx.textBaseline = 'top';
        ctx.fillStyle = '#000';
        ctx.fillText(ch, 2, 2);
        return ctx.getImageData(0, 0, size, size).data.filter((_, i) => i % 4 === 3);
      };
      const tofu = draw('\u{F0000}');
      const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.every((v, i) => v === b[i]);
      return chars.filter((ch) => {
        const glyph = draw(ch);
        return same(glyph, tofu) || glyph.every((v) => v === 0);
      });
    },
    { family, chars },
  );
}

/** The widget's font stack and the CJK characters it shows, from inside its shadow root. */
async function widgetText(page: Page): Promise<{ family: string; chars: string[] }> {
  const { family, text } = await page.evaluate(() => {
    const root = document.querySelector('park-advisor')?.shadowRoot;
    const panel = root?.querySelector('.panel') as HTMLElement;
    return { family: getComputedStyle(panel).fontFamily, text: panel.innerText };
  });
  return { family, chars: cjkOf(text) };
}

async function openWidget(page: Page): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: '园区申报助手', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('park-advisor')?.shadowRoot?.querySelector('.choices .opt'));
}

describe('Chinese text is drawn with real glyphs', () => {
  it('the widget on a phone (390×844): every character has its glyph; screenshot', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await openWidget(page);
    const { family, chars } = await widgetText(page);
    expect(family).toContain('Noto Sans CJK SC');
    expect(chars.length).toBeGreaterThan(30);
    expect(await missingGlyphs(page, family, chars)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-phone.png') });
    await context.close();
  }, 30_000);

  it('the widget on a desktop, over the demo page: every character has its glyph; screenshot', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await openWidget(page);
    const { family, chars } = await widgetText(page);
    expect(await missingGlyphs(page, family, chars)).toEqual([]);
    // The demo page's own text, in its own font.
    const pageFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(await missingGlyphs(page, pageFont, cjkOf(await page.evaluate(() => document.body.innerText)))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-desktop.png') });
    await context.close();
  }, 30_000);

  it('the staff console: every character has its glyph; screenshot', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/staff`);
    await page.waitForSelector('#profile-form [data-qid]');
    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    const chars = cjkOf(await page.evaluate(() => document.body.innerText));
    expect(chars.length).toBeGreaterThan(100);
    expect(await missingGlyphs(page, family, chars)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'staff-console.png') });
    await context.close();
  }, 30_000);

  it('fails where there is no CJK font: a Chromium that knows only DejaVu reports the characters missing', async () => {
    // A fontconfig configuration with one folder of fonts and no CJK font, as on a machine without fonts-noto-cjk.
    const dir = mkdtempSync(join(tmpdir(), 'no-cjk-fonts-'));
    writeFileSync(
      join(dir, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${DEJAVU}</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`,
    );
    const bare = await launchChromium({ env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') } });
    try {
      const page = await (await bare.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await openWidget(page);
      const { family, chars } = await widgetText(page);
      const missing = await missingGlyphs(page, family, chars);
      expect(missing.length).toBeGreaterThan(chars.length / 2);
      expect(missing).toContain('园');
      // The same check passes for Latin text there, so it tells glyphs from boxes and is not failing wholesale.
      expect(await missingGlyphs(page, family, ['A', 'b', '1'])).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'widget-without-cjk-font.png') });
    } finally {
      await bare.close();
    }
  }, 30_000);
});
