/**
 * The staff console's server side (supertest, mounted in front of the real app as src/main.ts will mount it):
 * who may use it (token login, loopback only), the page and its policy, the catalog built from the rules data
 * (quick answers follow the procedure params), reading typed answers and assessing them, the comparison,
 * import, and the printable documents (every field of the Mudanjiang annex, filled where known, blank where not).
 */
import { readdirSync, readFileSync } from 'node:fs';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import { factsAsked } from '../src/flows/questions.js';
import { loadLocale } from '../src/i18n/index.js';
import { evaluate } from '../src/rules/evaluate.js';
import type { Facts } from '../src/rules/facts.js';
import { getJurisdiction, JURISDICTIONS } from '../src/rules/registry.js';
import type { JurisdictionDef } from '../src/rules/types.js';
import { type App, createApp } from '../src/server/app.js';
import { STAFF_CSP, type StaffOptions, staffRoutes } from '../src/server/staff.js';
import { decideAccess, isDirectLoopback, SESSION_COOKIE, sessionValid, sessionValue, tokenMatches } from '../src/staff/server/access.js';
import { quickAnswers } from '../src/staff/server/catalog.js';
import { MUDANJIANG_FORM, MUDANJIANG_SERVICES } from '../src/staff/server/forms.js';
import { MemorySessionStore } from '../src/store/memory.js';
import { cellAfter, readDocx } from './support/docx.js';
import { COMPARE_TOPICS, type Catalog, type CompareResponse, type AssessResponse } from '../src/staff/shared/types.js';

const TODAY = '2026-11-23';
const TOKEN = 'correct horse battery staple 7';

/** The console in front of the app, as main.ts mounts it; `remote` pretends the client came from elsewhere. */
function appWith(options: StaffOptions = {}, remote?: string) {
  const app = express();
  if (remote) {
    app.use((req, _res, next) => {
      Object.defineProperty(req.socket, 'remoteAddress', { value: remote, configurable: true });
      next();
    });
  }
  app.use(staffRoutes({ today: () => TODAY, ...options }));
  const store = new MemorySessionStore();
  app.use(createApp({ sessions: new ConversationSessions(store, () => TODAY), store }));
  return app;
}

async function login(app: express.Express | App): Promise<string> {
  const res = await request(app).post('/staff/login').type('form').send({ token: TOKEN, lang: 'zh-CN', hash: '' });
  expect(res.status).toBe(303);
  const cookie = [res.headers['set-cookie'] ?? []].flat()[0] ?? '';
  return cookie.split(';')[0] ?? '';
}

const doc = (app: express.Express, kind: string, payload: unknown, query = '') =>
  request(app).post(`/staff/doc/${kind}${query}`).type('form').send({ payload: JSON.stringify(payload) });

/** A Word document from the console (the body as bytes). */
const docx = (app: express.Express, name: string, payload: unknown, cookie = '') =>
  request(app)
    .post(`/staff/docx/${name}`)
    .set('cookie', cookie)
    .type('form')
    .send({ payload: JSON.stringify(payload) })
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });

describe('access with a token', () => {
  const app = appWith({ token: TOKEN });

  it('shows the login form, not the console, without a session', async () => {
    const page = await request(app).get('/staff');
    expect(page.status).toBe(401);
    expect(page.text).toContain('action="/staff/login"');
    expect(page.text).toContain('type="password"');
    expect(page.text).not.toContain('staff.js');
    const data = await request(app).get('/staff/api/catalog');
    expect(data.status).toBe(401);
    expect(data.body.error.code).toBe('unauthorized');
    expect((await request(app).post('/staff/api/assess').send({ jurisdiction: 'jilin', answers: {} })).status).toBe(401);
    expect((await doc(app, 'checklist', { jurisdiction: 'jilin', facts: {} })).status).toBe(401);
    expect((await docx(app, 'checklist', { jurisdiction: 'jilin', facts: {} })).status).toBe(401);
    expect((await request(app).get('/staff/assets/staff.js')).status).toBe(401);
    // The stylesheet and the login script hold no data; the login page needs them.
    expect((await request(app).get('/staff/assets/staff.css')).status).toBe(200);
  });

  it('refuses a wrong token with 401 and no cookie', async () => {
    const res = await request(app).post('/staff/login').type('form').send({ token: 'wrong', lang: 'en' });
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.text).toContain('That token is not correct');
  });

  it('sets an HttpOnly, SameSite=Strict session cookie for the right token, which then opens the console', async () => {
    const res = await request(app).post('/staff/login').type('form').send({ token: TOKEN, lang: 'en', hash: '#j=jilin&profile=eyJmbG9vckFyZWEiOjV9' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/staff?lang=en#j=jilin&profile=eyJmbG9vckFyZWEiOjV9');
    const cookie = [res.headers['set-cookie'] ?? []].flat()[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=v1\\.`));
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\/staff/i);
    expect(cookie).not.toContain(TOKEN.split(' ')[0]);
    const session = cookie.split(';')[0] ?? '';
    const page = await request(app).get('/staff').set('cookie', session);
    expect(page.status).toBe(200);
    expect(page.text).toContain('/staff/assets/staff.js');
    expect(page.text).toContain('action="/staff/logout"');
    expect((await request(app).get('/staff/api/catalog').set('cookie', session)).status).toBe(200);
    expect((await request(app).get('/staff/assets/staff.js').set('cookie', session)).status).toBe(200);
  });

  it('drops a fragment that is not a shared case from the redirect', async () => {
    const res = await request(app).post('/staff/login').type('form').send({ token: TOKEN, hash: '#"><script>' });
    expect(res.headers.location).toBe('/staff?lang=zh-CN');
  });

  it('rejects forged, expired and foreign sessions', async () => {
    const now = Date.now() / 1000;
    const forged = `${SESSION_COOKIE}=v1.${Math.floor(now) + 3600}.${'A'.repeat(43)}`;
    const expired = `${SESSION_COOKIE}=${sessionValue(TOKEN, Math.floor(now) - 1)}`;
    const foreign = `${SESSION_COOKIE}=${sessionValue('another token', Math.floor(now) + 3600)}`;
    for (const cookie of [forged, expired, foreign, `${SESSION_COOKIE}=`, 'other=1']) {
      expect((await request(app).get('/staff').set('cookie', cookie)).status).toBe(401);
    }
    expect(sessionValid(sessionValue(TOKEN, Math.floor(now) + 60), TOKEN, now)).toBe(true);
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches(undefined, TOKEN)).toBe(false);
  });

  it('logs out by clearing the cookie', async () => {
    const res = await request(app).post('/staff/logout').set('cookie', await login(app));
    expect(res.status).toBe(303);
    expect([res.headers['set-cookie'] ?? []].flat()[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
  });

  it('limits failed logins', async () => {
    const limited = appWith({ token: TOKEN, loginAttempts: 2 });
    for (let i = 0; i < 2; i++) expect((await request(limited).post('/staff/login').type('form').send({ token: 'no' })).status).toBe(401);
    expect((await request(limited).post('/staff/login').type('form').send({ token: 'no' })).status).toBe(429);
  });

  it('leaves the rest of the app alone', async () => {
    expect((await request(app).get('/api/jurisdictions')).status).toBe(200);
    expect((await request(app).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await request(app).get('/staffing')).status).toBe(404);
  });
});

describe('as createApp mounts it', () => {
  it('guards the console with the configured STAFF_TOKEN, under its own strict policy', async () => {
    const store = new MemorySessionStore();
    const app = createApp({ sessions: new ConversationSessions(store, () => TODAY), store, config: { staffToken: TOKEN } });
    const page = await request(app).get('/staff');
    expect(page.status).toBe(401);
    expect(page.headers['content-security-policy']).toBe(STAFF_CSP);
    const session = await login(app);
    const console = await request(app).get('/staff').set('cookie', session);
    expect(console.status).toBe(200);
    expect(console.text).toContain('/staff/assets/staff.js');
    expect((await request(app).get('/staff/api/catalog').set('cookie', session)).body.jurisdictions).toHaveLength(5);
  });
});

describe('access without a token', () => {
  it('serves loopback clients', async () => {
    const res = await request(appWith()).get('/staff');
    expect(res.status).toBe(200);
    expect(res.text).toContain('/staff/assets/staff.js');
    expect(res.text).not.toContain('/staff/logout');
  });

  it('refuses other clients with a short localized 403 page (JSON for the data)', async () => {
    const app = appWith({}, '203.0.113.7');
    const zh = await request(app).get('/staff');
    expect(zh.status).toBe(403);
    expect(zh.text).toContain('无权访问');
    const en = await request(app).get('/staff').set('accept-language', 'en');
    expect(en.text).toContain('Access denied');
    expect(en.text).toContain('STAFF_TOKEN');
    const data = await request(app).get('/staff/api/catalog');
    expect(data.status).toBe(403);
    expect(data.body.error.code).toBe('forbidden');
    expect((await doc(app, 'checklist', { jurisdiction: 'jilin', facts: {} })).status).toBe(403);
  });

  it('accepts the three loopback spellings, and nothing forwarded or addressed to another host', async () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect((await request(appWith({}, address)).get('/staff')).status).toBe(200);
    for (const address of ['10.0.0.8', '::ffff:192.168.1.4', '127.0.0.2']) expect((await request(appWith({}, address)).get('/staff')).status).toBe(403);
    // A reverse proxy on this machine forwards other people's requests: loopback then proves nothing.
    expect((await request(appWith()).get('/staff').set('x-forwarded-for', '198.51.100.1')).status).toBe(403);
    expect((await request(appWith()).get('/staff').set('forwarded', 'for=198.51.100.1')).status).toBe(403);
    // A page on another site rebinding its name to 127.0.0.1.
    expect((await request(appWith()).get('/staff').set('host', 'attacker.example:3000')).status).toBe(403);
    const req = (remoteAddress: string, host = 'localhost:3000') => ({ headers: { host }, socket: { remoteAddress } }) as never;
    expect(isDirectLoopback(req('::1', '[::1]:3000'))).toBe(true);
    expect(decideAccess(req('127.0.0.1'), undefined)).toBe('allow');
    expect(decideAccess(req('192.0.2.1'), undefined)).toBe('forbidden');
    expect(decideAccess(req('127.0.0.1'), TOKEN)).toBe('login');
  });
});

describe('the page', () => {
  const app = appWith();

  it('runs under a strict policy: no inline script or style, nothing from elsewhere', async () => {
    const res = await request(app).get('/staff');
    expect(res.headers['content-security-policy']).toBe(STAFF_CSP);
    expect(STAFF_CSP).toContain("script-src 'self'");
    expect(STAFF_CSP).toContain("style-src 'self'");
    expect(STAFF_CSP).not.toContain('unsafe');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(res.text).not.toMatch(/<style|\sstyle=/);
    expect((await request(app).get('/staff?lang=en')).text).toContain('lang="en"');
  });

  it('bundles the browser code with esbuild once, with a validator', async () => {
    const first = await request(app).get('/staff/assets/staff.js');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/javascript/);
    expect(first.text.length).toBeGreaterThan(5000);
    expect(first.text).not.toMatch(/innerHTML|eval\(/);
    const again = await request(app).get('/staff/assets/staff.js').set('if-none-match', first.headers.etag ?? '');
    expect(again.status).toBe(304);
    expect((await request(app).get('/staff/assets/doc.css')).text).toContain('@page');
  });
});

describe('the catalog', () => {
  const app = appWith();
  const get = async (lang = 'zh-CN') => (await request(app).get(`/staff/api/catalog?lang=${lang}`)).body as Catalog;

  it('groups every question of a jurisdiction by the article or item that asks it', async () => {
    const catalog = await get();
    expect(catalog.jurisdictions.map((j) => j.id)).toEqual(['shandong', 'jilin', 'mudanjiang', 'guangxi', 'wenzhou']);
    for (const j of catalog.jurisdictions) {
      const def = getJurisdiction(j.id as never);
      const shown = j.groups.flatMap((g) => g.questions.map((q) => q.questionId));
      const branches = j.groups.some((g) => g.branches);
      expect([...shown, ...(branches ? ['branches'] : [])].sort()).toEqual([...factsAsked(def)].sort());
      expect(j.groups.flatMap((g) => g.criteria).sort()).toEqual(def.criteria.map((c) => c.id).sort());
    }
    const area = catalog.jurisdictions[0]?.groups.find((g) => g.refText === '第十二条第（二）项');
    expect(area?.questions.map((q) => q.questionId)).toEqual(['layout', 'floorArea', 'coreFloorArea', 'hasAdequateFacilities']);
    expect(area?.questions[1]?.ask).toContain('1.2万平方米');
    expect(catalog.branchFields[1]?.map((q) => q.questionId)).toEqual(['branches.1.floorArea', 'branches.1.hrInstitutions', 'branches.1.occupiedArea']);
  });

  it('answers "how long is the public notice" from the procedure params', async () => {
    const zh = (await get()).jurisdictions.find((j) => j.id === 'shandong')?.quick.find((q) => q.topic === 'publicNotice');
    const step = getJurisdiction('shandong').procedure.find((s) => s.topic === 'publicNotice');
    expect(step?.params).toMatchObject({ days: 5, dayKind: 'working', atLeast: true });
    expect(zh?.summary).toBe('公示期：不少于 5 个工作日');
    expect(zh?.items[0]?.refText).toBe('第十三条第（四）项');
    const en = (await get('en')).jurisdictions.find((j) => j.id === 'shandong')?.quick.find((q) => q.topic === 'publicNotice');
    expect(en?.summary).toBe('Public notice: at least 5 working days');
    // The answer follows the data, not a copy of it.
    const changed: JurisdictionDef = {
      ...getJurisdiction('shandong'),
      procedure: getJurisdiction('shandong').procedure.map((s) => (s.topic === 'publicNotice' ? { ...s, params: { days: 7, dayKind: 'calendar' as const } } : s)),
    };
    expect(quickAnswers(changed, 'zh-CN').find((q) => q.topic === 'publicNotice')?.summary).toBe('公示期：7 日');
    expect(quickAnswers(changed, 'en').find((q) => q.topic === 'publicNotice')?.summary).toBe('Public notice: 7 calendar days');
  });

  it('answers the other questions staff hear, each with its article, and says when a text is silent', async () => {
    const catalog = await get();
    const quick = (id: string, topic: string) => catalog.jurisdictions.find((j) => j.id === id)?.quick.find((q) => q.topic === topic);
    expect(quick('jilin', 'grant')?.summary).toBe('补助：100 万元');
    expect(quick('jilin', 'refusal')?.summary).toBe('未通过的，3 个月后可再次申报');
    expect(quick('guangxi', 'evaluation')?.summary).toBe('评估时限：45 日');
    expect(quick('guangxi', 'publicNotice')?.summary).toBe('公示期：7 日');
    expect(quick('wenzhou', 'publicNotice')?.summary).toBe('公示期：一般不少于 5 个工作日');
    expect(quick('mudanjiang', 'publicNotice')?.summary).toBe('本办法规定要公示，但未规定公示期限。');
    expect(quick('mudanjiang', 'grant')?.summary).toBe('本办法未规定补助资金。');
    expect(quick('mudanjiang', 'cycle')?.figures).toEqual(['3 年']);
    expect(quick('mudanjiang', 'where')?.items.map((i) => i.id)).toEqual(['mudanjiang.applicant', 'mudanjiang.submit']);
    expect(quick('mudanjiang', 'revocation')?.items.every((i) => i.refText === '第十五条')).toBe(true);
    for (const def of JURISDICTIONS) {
      expect(quick(def.id, 'materials')?.items.map((i) => i.id)).toEqual(def.materials.map((m) => m.id));
      for (const answer of catalog.jurisdictions.find((j) => j.id === def.id)?.quick ?? []) {
        expect(answer.summary.length).toBeGreaterThan(0);
        expect(answer.keywords).toEqual(expect.arrayContaining([expect.stringMatching(/[\u4e00-\u9fff]/), expect.stringMatching(/^[a-z-]+$/)]));
        for (const item of answer.items) expect(item.refText).not.toBe('');
      }
    }
  });

  it('offers each jurisdiction the forms its materials name', async () => {
    const docs = Object.fromEntries((await get()).jurisdictions.map((j) => [j.id, j.documents]));
    expect(docs).toEqual({
      shandong: ['checklist'],
      jilin: ['checklist', 'jilin-form'],
      mudanjiang: ['checklist', 'mudanjiang-form'],
      guangxi: ['checklist'],
      wenzhou: ['checklist'],
    });
  });

  it('holds every string the browser code asks for', async () => {
    const strings = (await get()).strings;
    const dir = new URL('../src/staff/client/', import.meta.url);
    const used = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(new URL(f, dir), 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1] ?? ''));
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((key) => strings[key] === undefined && strings[`${key}_other`] === undefined)).toEqual([]);
    const en = loadLocale('en').staff as Record<string, unknown>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(loadLocale('zh-CN').staff as object).sort());
  });
});

describe('assessing typed answers', () => {
  const app = appWith();
  const assess = async (jurisdiction: string, answers: Record<string, string>, lang = 'zh-CN') =>
    (await request(app).post('/staff/api/assess').send({ jurisdiction, answers, lang })).body as AssessResponse;
  const criterion = (r: AssessResponse, id: string) => r.result.criteria.find((c) => c.id === id);

  it('reads the same typed forms as the chat, and leaves empty fields unknown', async () => {
    const r = await assess('shandong', { floorArea: '1.2万', annualRevenue: '五亿', hasPlanningReport: '是', fullTimeStaff: '', lawfulOperation: '不清楚', layout: '1' });
    expect(r.facts).toEqual({ floorArea: 12000, annualRevenue: 500_000_000, hasPlanningReport: true, layout: 'single' });
    expect(r.fields.floorArea).toEqual({ state: 'answered', display: '12,000 平方米' });
    expect(r.fields.annualRevenue?.display).toBe('5 亿元');
    expect(r.fields.fullTimeStaff?.state).toBe('unknown');
    expect(r.fields.lawfulOperation?.state).toBe('unknown');
    expect(r.result.missingFacts).toContain('fullTimeStaff');
    expect(criterion(r, 'shandong.staff')?.status).toBe('unknown');
  });

  it('takes what a layout says along (一核两园: two branch parks) into an empty field, never over a typed one', async () => {
    const r = await assess('jilin', { layout: '一核两园', branchCount: '' });
    expect(r.facts).toMatchObject({ layout: 'multi', branchCount: 2 });
    expect(r.fields.branchCount).toEqual({ state: 'answered', display: expect.stringMatching(/^2.*（随“.+”一并读出）$/) });
    expect(r.implied).toEqual([{ questionId: 'branchCount', text: '2', from: 'layout' }]);
    const typed = await assess('jilin', { layout: '一核两园', branchCount: '3' });
    expect(typed.facts).toMatchObject({ layout: 'multi', branchCount: 3 });
    expect(typed.implied).toBeUndefined();
    expect((await assess('jilin', { layout: 'a core park and two branches' }, 'en')).fields.branchCount?.display).toMatch(/^2.*\(read along with “.+”\)$/);
  });

  it('says why a field cannot be read, with the chat hint, and assesses the rest', async () => {
    const r = await assess('shandong', { floorArea: '很大', commercialHrInstitutions: '2.5', occupiedArea: '2万', hrInstitutions: 'x' }, 'en');
    expect(r.fields.floorArea?.state).toBe('error');
    expect(r.fields.floorArea?.message).toContain('1.2万平方米');
    expect(r.fields.commercialHrInstitutions?.message).toMatch(/whole number/);
    expect(r.facts).toEqual({ occupiedArea: 20000 });
    const contradiction = await assess('shandong', { floorArea: '1万', occupiedArea: '2万' });
    expect(contradiction.fields.occupiedArea).toMatchObject({ state: 'error', message: expect.stringContaining('园区建筑面积') });
    expect(contradiction.facts).toEqual({ floorArea: 10000 });
  });

  it('reads a part given as a share of its whole typed in the form, as the chat does', async () => {
    const r = await assess('shandong', { floorArea: '1.2万', occupiedArea: '60%', hrInstitutions: '40', commercialHrInstitutions: '一半左右' });
    expect(r.facts).toMatchObject({ floorArea: 12000, occupiedArea: 7200, commercialHrInstitutions: { min: 18, max: 22 } });
    expect(r.fields.occupiedArea).toEqual({ state: 'answered', display: '7,200 平方米' });
    // Without the whole, a share is not a figure: the field says what to type.
    const alone = await assess('shandong', { occupiedArea: '60%' });
    expect(alone.fields.occupiedArea?.state).toBe('error');
  });

  it('moves the verdict at a threshold: Shandong 9,999 m² is short by 1 m², 10,000 m² meets it', async () => {
    const under = await assess('shandong', { layout: '设立一个园区', floorArea: '9999' });
    expect(criterion(under, 'shandong.floor-area')?.status).toBe('unmet');
    expect(under.gaps['shandong.floor-area']).toBe('园区建筑面积还差 1 平方米');
    expect(under.result.verdict).toBe('ineligible');
    const at = await assess('shandong', { layout: '设立一个园区', floorArea: '10000' });
    expect(criterion(at, 'shandong.floor-area')?.status).toBe('met');
    expect(at.result.verdict).toBe('incomplete');
  });

  it('reads branch figures up to the number of branch parks', async () => {
    const r = await assess('guangxi', { layout: 'multi', branchCount: '2', 'branches.0.floorArea': '3000', 'branches.1.hrInstitutions': '4', 'branches.2.floorArea': '1' });
    expect(r.facts.branches).toEqual([{ floorArea: 3000 }, { hrInstitutions: 4 }]);
    expect(r.fields['branches.2.floorArea']?.state).toBe('unknown');
  });

  it('rejects malformed requests', async () => {
    expect((await request(app).post('/staff/api/assess').send({ jurisdiction: 'beijing', answers: {} })).status).toBe(400);
    expect((await request(app).post('/staff/api/assess').send({ jurisdiction: 'jilin', answers: { floorArea: 5 } })).status).toBe(400);
    const broken = await request(app).post('/staff/api/assess').set('content-type', 'application/json').send('{"x":');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
    expect((await request(app).get('/staff/api/nothing')).status).toBe(404);
  });
});

describe('the comparison', () => {
  it('assesses one profile under all five, row by topic, with the gap in each unmet cell', async () => {
    const res = await request(appWith()).post('/staff/api/compare').send({ answers: { layout: 'single', floorArea: '9999', parkType: 'comprehensive' } });
    const body = res.body as CompareResponse;
    expect(body.jurisdictions.map((j) => j.id)).toEqual(['shandong', 'jilin', 'mudanjiang', 'guangxi', 'wenzhou']);
    expect(body.rows.map((r) => r.topic)).toEqual([...COMPARE_TOPICS]);
    const area = body.rows.find((r) => r.topic === 'area');
    const shandong = area?.cells.find((c) => c.jurisdiction === 'shandong');
    expect(shandong?.status).toBe('unmet');
    expect(shandong?.criteria.find((c) => c.id === 'shandong.floor-area')?.gap).toBe('园区建筑面积还差 1 平方米');
    expect(shandong?.criteria.find((c) => c.id === 'shandong.core-area')?.status).toBe('not_applicable');
    const mudanjiang = area?.cells.find((c) => c.jurisdiction === 'mudanjiang');
    expect(mudanjiang?.criteria.find((c) => c.id === 'mudanjiang.floor-area')?.status).toBe('met');
    expect(mudanjiang?.status).toBe('unknown');
    // Every criterion of every jurisdiction lands in exactly one row.
    for (const def of JURISDICTIONS) {
      const ids = body.rows.flatMap((r) => r.cells.find((c) => c.jurisdiction === def.id)?.criteria.map((c) => c.id) ?? []);
      expect(ids.sort()).toEqual(def.criteria.map((c) => c.id).sort());
    }
  });
});

const asSets = (facts: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, Array.isArray(v) && typeof v[0] === 'string' ? [...v].sort() : v]));

describe('import', () => {
  const app = appWith();
  const examples = readdirSync(new URL('../examples/', import.meta.url)).filter((f) => f.endsWith('.json'));

  it.each(['zh-CN', 'en'])('turns every example profile into typed answers that read back to the same facts (%s)', async (lang) => {
    for (const file of examples) {
      const facts = JSON.parse(readFileSync(new URL(`../examples/${file}`, import.meta.url), 'utf8')) as Facts;
      const imported = await request(app).post('/staff/api/import').send({ facts, lang });
      expect(imported.status).toBe(200);
      const { institutionRevenues: _dropped, ...expected } = facts;
      const back = await request(app).post('/staff/api/assess').send({ jurisdiction: 'jilin', answers: imported.body.answers, lang });
      // Lists come back in the options' order (as the parser gives them): compare them as sets.
      expect(asSets(back.body.facts), file).toEqual(asSets(expected));
      expect(Object.values(back.body.fields as Record<string, { state: string }>).every((f) => f.state === 'answered'), file).toBe(true);
    }
  });

  it('names what it cannot show and refuses what is not the vocabulary', async () => {
    const ok = await request(app).post('/staff/api/import').send({ facts: { floorArea: 1, institutionRevenues: [{ revenue: 1 }] } });
    expect(ok.body).toEqual({ answers: { floorArea: '1' }, dropped: ['institutionRevenues'] });
    const bad = await request(app).post('/staff/api/import').send({ facts: { floorArea: -1, size: 3 }, lang: 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['floorArea', 'size']);
  });
});

describe('documents', () => {
  const app = appWith();
  const details = { parkName: '镜泊湖人力资源服务产业园', phone: '0453-1234567', constructionMode: 'renovated', services: ['financing', 'policy_consulting', 'nonsense'] };
  const facts: Facts = { layout: 'single', floorArea: 3600, hrInstitutions: 14, fullTimeStaff: 12 };
  const field = (html: string, name: string) => new RegExp(`data-field="${name.replace('.', '\\.')}"[^>]*>([^<]*)<`).exec(html)?.[1];

  it('prints the Mudanjiang 评估认定审批表 with every field of its annex', async () => {
    const res = await doc(app, 'mudanjiang-form', { jurisdiction: 'mudanjiang', facts, details });
    expect(res.status).toBe(200);
    const annex = readFileSync(new URL('../regulations/mudanjiang-municipal.txt', import.meta.url), 'utf8').split('附件')[1] ?? '';
    const labels = ['园区名称', '园区地址', '负责人（联系人）', '联系电话', '产权归属', '注册时间', '建设投入资金', '占地面积', '专（兼）职人员数', '入驻机构数量', '载体建设方式', '园区可提供的服务'];
    const everything = [
      ...labels,
      ...Object.values(MUDANJIANG_FORM).filter((v) => !v.startsWith('《')),
      ...MUDANJIANG_SERVICES.map((s) => s.label),
      '新建',
      '改建',
    ];
    for (const label of everything) {
      expect(annex.replace(/\s+/g, ''), label).toContain(label.replace(/\s+/g, ''));
      expect(res.text, label).toContain(label);
    }
  });

  it('fills the Mudanjiang form from the answers and leaves the unknown blank', async () => {
    const html = (await doc(app, 'mudanjiang-form', { jurisdiction: 'mudanjiang', facts, details })).text;
    expect(field(html, 'parkName')).toBe('镜泊湖人力资源服务产业园');
    expect(field(html, 'phone')).toBe('0453-1234567');
    expect(field(html, 'staff')).toBe('专职 12 人');
    expect(field(html, 'institutions')).toBe('人力资源服务机构 14 家');
    for (const blank of ['address', 'contact', 'ownership', 'registeredOn', 'investment', 'landArea', 'applicantUnit', 'fillDate']) {
      expect(html, blank).toMatch(new RegExp(`class="fill blank" data-field="${blank}"></span>`));
    }
    expect(html).toContain('data-field="constructionMode.renovated" data-checked="true"');
    expect(html).toContain('data-field="constructionMode.new" data-checked="false"');
    expect(html).toContain('data-field="services.financing" data-checked="true"');
    expect(html).toContain('data-field="services.policy_consulting" data-checked="true"');
    expect(html).toContain('data-field="services.other" data-checked="false"');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle=/);
    expect(html).toContain('/staff/assets/doc.css');
    const parkInstitutions = (await doc(app, 'mudanjiang-form', { jurisdiction: 'mudanjiang', facts: { ...facts, parkInstitutions: 30 } })).text;
    expect(field(parkInstitutions, 'institutions')).toBe('30 家');
  });

  it('downloads a document as a standalone HTML file', async () => {
    const res = await doc(app, 'mudanjiang-form', { jurisdiction: 'mudanjiang', facts, details }, '?download=1');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="?mudanjiang-approval-form\.html"?$/);
    expect(res.text).toContain('<style>');
    expect(res.text).toContain('@page');
    expect(res.text).not.toContain('<script');
    expect(res.text).not.toContain('<form');
  });

  it('outlines the Jilin cover page and 申报表 from the annex list and the conditions', async () => {
    const html = (await doc(app, 'jilin-form', { jurisdiction: 'jilin', facts: { parkType: 'comprehensive', commercialHrInstitutions: 18, hasPlanningReport: true }, details })).text;
    const jilin = getJurisdiction('jilin');
    expect(html).toContain(jilin.materials.find((m) => m.id === 'jilin.application-form')?.quote);
    expect(html).toContain('申报材料封面格式');
    expect(html).toContain('附件1');
    expect(field(html, 'parkType')).toBe('综合性园区');
    expect(field(html, 'commercialHrInstitutions')).toBe('18 家');
    expect(field(html, 'hasPlanningReport')).toBe('是');
    expect(html).toMatch(/class="fill blank" data-field="floorArea"><\/span>/);
    expect(html).toContain('第五条第（三）项');
    const materials = evaluate('jilin', {}, { lang: 'zh-CN', date: TODAY }).checklist.filter((i) => i.kind === 'material');
    expect(materials).toHaveLength(jilin.materials.length);
    for (const item of materials) expect(html).toContain(item.title);
  });

  it('prints a checklist for any jurisdiction: materials, where to submit, gaps', async () => {
    const html = (await doc(app, 'checklist', { jurisdiction: 'shandong', facts: { layout: 'single', floorArea: 9999 }, details, lang: 'zh-CN' })).text;
    const expected = evaluate('shandong', { layout: 'single', floorArea: 9999 }, { lang: 'zh-CN', date: TODAY });
    for (const item of expected.checklist) expect(html).toContain(item.title);
    expect(html).toContain('第十三条第（一）项');
    expect(html).toContain('园区建筑面积还差 1 平方米');
    expect(html).toContain('暂不符合申报条件');
    expect(field(html, 'parkName')).toBe('镜泊湖人力资源服务产业园');
    const en = (await doc(app, 'checklist', { jurisdiction: 'guangxi', facts: {}, lang: 'en' })).text;
    expect(en).toContain('Checklist of application materials');
    expect(en).toContain('lang="en"');
  });

  it('downloads the Word documents, built from the posted profile and details', async () => {
    const res = await docx(app, 'mudanjiang-form', { jurisdiction: 'mudanjiang', facts, details });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const word = await readDocx(res.body as Buffer);
    expect(cellAfter(word, MUDANJIANG_FORM.parkName)).toBe('镜泊湖人力资源服务产业园');
    expect(cellAfter(word, MUDANJIANG_FORM.staff)).toBe('专职 12 人');
    expect(word.text.replace(/\s+/g, '')).toContain('☑改建');
    const letter = await readDocx((await docx(app, 'application-letter', { jurisdiction: 'guangxi', facts: {}, details, lang: 'en' })).body as Buffer);
    expect(letter.text).toContain('关于申报自治区级人力资源服务产业园的请示');
    expect(letter.text).toContain('镜泊湖人力资源服务产业园');
    const catalogue = (await request(app).get('/staff/api/catalog?lang=zh-CN')).body as Catalog;
    expect(catalogue.jurisdictions.find((j) => j.id === 'wenzhou')?.wordDocuments).toEqual([
      { name: 'checklist', title: '申报材料清单' },
      { name: 'application-letter', title: '申建函件（草稿）' },
    ]);
    expect((await docx(app, 'jilin-form', { jurisdiction: 'mudanjiang', facts: {} })).status).toBe(404);
    expect((await docx(app, 'checklist', { jurisdiction: 'jilin', facts: { floorArea: 'big' } })).status).toBe(400);
  });

  it('escapes what was typed, and refuses what it cannot read', async () => {
    const html = (await doc(app, 'checklist', { jurisdiction: 'jilin', facts: {}, details: { parkName: '<script>alert(1)</script>' } })).text;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect((await doc(app, 'checklist', { jurisdiction: 'jilin', facts: { floorArea: 'big' } })).status).toBe(400);
    expect((await request(app).post('/staff/doc/checklist').type('form').send({ payload: '{' })).status).toBe(400);
    expect((await doc(app, 'passport', { jurisdiction: 'jilin', facts: {} })).status).toBe(404);
  });
});
