/**
 * The Word documents of a conversation over HTTP: the result lists them (`result.documents`), each URL serves a
 * real .docx with its media type and an RFC 5987 file name, in the conversation's language or the one asked
 * for; unknown sessions, expired sessions and unknown names are 404s.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import { createApp } from '../src/server/app.js';
import { MemorySessionStore } from '../src/store/memory.js';
import type { SessionStore } from '../src/store/types.js';
import { readDocx } from './support/docx.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function app(store: SessionStore = new MemorySessionStore()) {
  return createApp({ sessions: new ConversationSessions(store, () => '2026-11-23'), store });
}

/** Bytes of a binary response. */
const binary = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** A Mudanjiang conversation with a few answers, at its results. */
async function mudanjiangAtResults(agent: ReturnType<typeof request>, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const { body } = await agent.post('/api/sessions').send({ jurisdiction: 'mudanjiang', lang });
  const id = body.id as string;
  await agent.post(`/api/sessions/${id}/answers`).send({ questionId: 'layout', value: 'single' });
  await agent.post(`/api/sessions/${id}/change`).send({ questionId: 'floorArea', value: '3600平方米' });
  await agent.post(`/api/sessions/${id}/change`).send({ questionId: 'hrInstitutions', value: '14' });
  await agent.post(`/api/sessions/${id}/change`).send({ questionId: 'fullTimeStaff', value: '12' });
  const results = await agent.post(`/api/sessions/${id}/results`).send({});
  return { id, results };
}

describe('GET /api/sessions/:id/documents/<name>.docx', () => {
  it('lists the documents in the result, and serves each as a Word file built from the answers', async () => {
    const agent = request(app());
    const { id, results } = await mudanjiangAtResults(agent);
    expect(results.status).toBe(200);
    const documents = results.body.result.documents as { name: string; title: string; url: string }[];
    expect(documents.map((d) => d.name)).toEqual(['checklist', 'mudanjiang-form']);
    expect(documents[0]).toEqual({ name: 'checklist', title: '申报材料清单', url: `/api/sessions/${id}/documents/checklist.docx?lang=zh-CN` });
    for (const d of documents) {
      const res = await agent.get(d.url).buffer(true).parse(binary);
      expect(res.status, d.name).toBe(200);
      expect(res.headers['content-type']).toBe(DOCX);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''%[0-9A-F]{2}/);
      const doc = await readDocx(res.body as Buffer);
      if (d.name === 'mudanjiang-form') {
        expect(doc.text).toContain('专职 12 人');
        expect(doc.text).toContain('人力资源服务机构 14 家');
      } else {
        expect(doc.text).toContain('申报材料清单');
        expect(doc.text.replace(/\s+/g, '')).toContain('3,600平方米');
      }
    }
    // The file name decodes to the Chinese title.
    const form = await agent.get(`/api/sessions/${id}/documents/mudanjiang-form.docx`).buffer(true).parse(binary);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(String(form.headers['content-disposition']))?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('牡丹江市市级人力资源服务产业园评估认定审批表.docx');
    // The session view itself (GET ?result=1) lists them too.
    const view = await agent.get(`/api/sessions/${id}?result=1`);
    expect(view.body.result.documents).toEqual(documents);
  });

  it('speaks the conversation\'s language, or the one ?lang asks for', async () => {
    const agent = request(app());
    const { id, results } = await mudanjiangAtResults(agent, 'en');
    expect(results.body.result.documents[0]).toMatchObject({ title: 'Checklist of application materials', url: `/api/sessions/${id}/documents/checklist.docx?lang=en` });
    const english = await agent.get(`/api/sessions/${id}/documents/checklist.docx`).buffer(true).parse(binary);
    expect((await readDocx(english.body as Buffer)).text).toContain('Materials to submit');
    const chinese = await agent.get(`/api/sessions/${id}/documents/checklist.docx?lang=zh-CN`).buffer(true).parse(binary);
    expect((await readDocx(chinese.body as Buffer)).text).toContain('需提交的材料');
  });

  it('404s for an unknown session, a name the jurisdiction does not have, and before a jurisdiction is chosen', async () => {
    const agent = request(app());
    const unknown = await agent.get('/api/sessions/AAAAAAAAAAAAAAAAAAAAAA/documents/checklist.docx?lang=en');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('session_not_found');
    const { id } = await mudanjiangAtResults(agent);
    for (const file of ['jilin-form.docx', 'application-letter.docx', 'passport.docx', 'checklist.pdf', 'checklist', '..%2Fchecklist.docx']) {
      const res = await agent.get(`/api/sessions/${id}/documents/${file}?lang=en`);
      expect(res.status, file).toBe(404);
      expect(res.body.error.code, file).toBe('document_not_found');
      expect(res.body.error.message, file).toMatch(/no such document/);
    }
    const { body } = await agent.post('/api/sessions').send({});
    const none = await agent.get(`/api/sessions/${body.id}/documents/checklist.docx`);
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('document_not_found');
  });

  it('expires with the session', async () => {
    let now = Date.parse('2026-11-23T00:00:00Z');
    const store = new MemorySessionStore({ ttlSeconds: 60, now: () => now });
    const agent = request(app(store));
    const { id } = await mudanjiangAtResults(agent);
    expect((await agent.get(`/api/sessions/${id}/documents/checklist.docx`)).status).toBe(200);
    now += 61_000;
    const expired = await agent.get(`/api/sessions/${id}/documents/checklist.docx`);
    expect(expired.status).toBe(404);
    expect(expired.body.error.code).toBe('session_not_found');
  });

  it('offers the letter draft for Shandong, Guangxi and Wenzhou, the outlines for Jilin', async () => {
    const agent = request(app());
    for (const [jurisdiction, names] of [
      ['shandong', ['checklist', 'application-letter']],
      ['guangxi', ['checklist', 'application-letter']],
      ['wenzhou', ['checklist', 'application-letter']],
      ['jilin', ['checklist', 'jilin-form']],
    ] as const) {
      const { body } = await agent.post('/api/sessions').send({ jurisdiction });
      const done = await agent.post(`/api/sessions/${body.id}/results`).send({});
      expect(done.body.result.documents.map((d: { name: string }) => d.name), jurisdiction).toEqual(names);
      const last = done.body.result.documents.at(-1) as { url: string };
      const res = await agent.get(last.url).buffer(true).parse(binary);
      expect(res.status, jurisdiction).toBe(200);
      const doc = await readDocx(res.body as Buffer);
      expect(doc.text, jurisdiction).toMatch(jurisdiction === 'jilin' ? /提纲/ : /草稿/);
    }
  });
});
