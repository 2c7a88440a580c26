/**
 * The widget bundle: built by esbuild from `src/widget`, within its budget (30 KB gzipped, CSS included), free
 * of eval and of any way to turn text into markup, making no request of its own beyond the API; and served at
 * `/widget.js` with the right type, a strong ETag (304 on revalidation), a cache lifetime and a CORP header that
 * lets other sites embed it.
 */
import { gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWidget, type WidgetBundle, widgetRoutes } from '../src/server/widget.js';
import en from '../locales/en/widget.json' with { type: 'json' };
import zh from '../locales/zh-CN/widget.json' with { type: 'json' };

const BUDGET = 30 * 1024;
let bundle: WidgetBundle;

beforeAll(async () => {
  bundle = await buildWidget();
}, 30_000);

describe('widget.js', () => {
  it(`is under ${BUDGET / 1024} KB gzipped, its CSS included`, () => {
    const gzipped = gzipSync(bundle.code, { level: 9 }).length;
    console.log(`widget.js: ${(bundle.code.length / 1024).toFixed(1)} KB minified, ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`);
    expect(gzipped).toBeLessThan(BUDGET);
    expect(bundle.code).toContain('adoptedStyleSheets');
    expect(bundle.code).toMatch(/\.launcher\{position:fixed/);
  });

  it('is one IIFE for ES2019 with both locales inlined', () => {
    expect(bundle.code).toMatch(/^"use strict";\(\(\)=>\{/);
    expect(bundle.code).not.toMatch(/\?\?|\?\.[a-zA-Z_$(]/); // ES2020 syntax lowered
    expect(bundle.code).toContain(JSON.stringify(zh.commands.skip).slice(1, -1));
    expect(bundle.code).toContain(en.result.downloadMarkdown);
  });

  it('contains no eval, no Function constructor, no HTML sinks and no third-party address', () => {
    expect(bundle.code).not.toMatch(/\beval\(/);
    expect(bundle.code).not.toMatch(/new Function|Function\(/);
    expect(bundle.code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|srcdoc/);
    expect(bundle.code).not.toMatch(/setAttribute\("style"|\.cssText/);
    const addresses = bundle.code.match(/\bhttps?:\/\/[^\s"'`)]+/g) ?? [];
    expect(addresses.filter((a) => a !== 'http://www.w3.org/2000/svg')).toEqual([]);
  });
});

describe('GET /widget.js', () => {
  const app = express().use(widgetRoutes());

  it('serves the bundle as JavaScript with an ETag, a cache lifetime and cross-origin embedding allowed', async () => {
    const res = await request(app).get('/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).toBe(bundle.code);
  }, 30_000);

  it('answers a matching If-None-Match with 304, and builds once per process', async () => {
    const first = await request(app).get('/widget.js');
    const again = await request(app).get('/widget.js').set('if-none-match', first.headers.etag as string);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const other = await request(app).get('/widget.js').set('if-none-match', '"something-else"');
    expect(other.status).toBe(200);
    expect(other.headers.etag).toBe(first.headers.etag);
  });
});
