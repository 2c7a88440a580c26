/**
 * The conversation says which text it applies, from the first message, and changes it only when asked: a place
 * under another jurisdiction typed at any time ("我们在乐清") is offered as a switch, which keeps every answer.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ConversationSessions } from '../src/flows/sessions.js';
import { placeNamed } from '../src/flows/switching.js';
import { createApp } from '../src/server/app.js';
import { ConversationResponse } from '../src/server/schemas.js';
import { MemorySessionStore } from '../src/store/memory.js';

const sessions = () => new ConversationSessions(new MemorySessionStore(), () => '2026-11-23');

describe('the text being applied', () => {
  it('is stated from the first question, with the regulation’s full title', async () => {
    const { view } = await sessions().create({ jurisdiction: 'wenzhou' });
    expect(view.applying?.text).toBe('按《温州市市级人力资源服务产业园建设和评估办法（试行）》逐条核对');
    const en = await sessions().create({ jurisdiction: 'shandong', lang: 'en' });
    expect(en.view.applying?.text).toMatch(/^Checking condition by condition against 《山东省省级人力资源服务产业园管理暂行办法》 \(Shandong/);
    const opening = await sessions().create({});
    expect(opening.view.applying).toBeUndefined();
  });

  it('offers to switch when a place under another jurisdiction is typed, never silently, and keeps every answer', async () => {
    const s = sessions();
    const { id } = await s.create({ jurisdiction: 'shandong' });
    const asked = await s.send(id, { type: 'ANSWER', questionId: 'layout', value: 'single' });
    await s.send(id, { type: 'ANSWER', questionId: asked?.prompt?.questionId ?? '', value: null });
    const named = await s.send(id, { type: 'ANSWER', questionId: 'floorArea', value: '我们在乐清' });
    expect(named?.jurisdiction).toBe('shandong');
    expect(named?.error?.code).toBe('placeNamed');
    expect(named?.error?.message).toContain('温州市');
    expect(named?.error?.message).toContain('《山东省省级人力资源服务产业园管理暂行办法》');
    expect(named?.offer).toMatchObject({ jurisdiction: 'wenzhou', title: '温州市市级人力资源服务产业园建设和评估办法（试行）' });
    expect(named?.prompt?.questionId).toBe('floorArea');

    // Answering instead declines the offer.
    const declined = await s.send(id, { type: 'ANSWER', questionId: 'floorArea', value: '1.2万平方米' });
    expect(declined?.offer).toBeUndefined();
    expect(declined?.jurisdiction).toBe('shandong');

    const switched = await s.send(id, { type: 'SWITCH', jurisdiction: 'wenzhou' });
    expect(switched?.jurisdiction).toBe('wenzhou');
    expect(switched?.applying?.text).toBe('按《温州市市级人力资源服务产业园建设和评估办法（试行）》逐条核对');
    expect(switched?.answers.map((a) => [a.questionId, a.answer])).toEqual([
      ['layout', '设立一个园区'],
      ['locationType', '不清楚'],
      ['floorArea', '12,000 平方米'],
    ]);
    expect(switched?.prompt?.questionId).not.toBe('floorArea');
    expect(switched?.error).toBeUndefined();
  });

  it('works for a channel-preset jurisdiction too, by id or by place, and refuses a place it does not cover', async () => {
    const s = sessions();
    const { id } = await s.create({ jurisdiction: 'jilin', lang: 'en' });
    expect((await s.send(id, { type: 'SWITCH', jurisdiction: 'jinan' }))?.jurisdiction).toBe('shandong');
    const refused = await s.send(id, { type: 'SWITCH', jurisdiction: 'Tokyo' });
    expect(refused?.jurisdiction).toBe('shandong');
    expect(refused?.error?.code).toBe('notCovered');
  });

  it('never reads a figure or the text applied as a place', () => {
    expect(placeNamed('5', 'shandong')).toBeUndefined();
    expect(placeNamed('1.', 'shandong')).toBeUndefined();
    expect(placeNamed('12,000', 'shandong')).toBeUndefined();
    expect(placeNamed('我们在济南', 'shandong')).toBeUndefined();
    expect(placeNamed('我们在乐清', 'shandong')).toBe('wenzhou');
    expect(placeNamed('our park is in Yanji', 'wenzhou')).toBe('jilin');
  });
});

describe('over HTTP', () => {
  it('POST /api/sessions/:id/jurisdiction switches; a typed place answers 422 with the offer', async () => {
    const store = new MemorySessionStore();
    const agent = request(createApp({ sessions: new ConversationSessions(store, () => '2026-11-23'), store }));
    const { body } = await agent.post('/api/sessions').send({ jurisdiction: 'shandong' });
    expect(ConversationResponse.parse(body).applying?.title).toBe('山东省省级人力资源服务产业园管理暂行办法');
    const offered = await agent.post(`/api/sessions/${body.id}/answers`).send({ questionId: 'layout', value: '我们在乐清' });
    expect(offered.status).toBe(422);
    expect(ConversationResponse.parse(offered.body).offer?.jurisdiction).toBe('wenzhou');
    const switched = await agent.post(`/api/sessions/${body.id}/jurisdiction`).send({ jurisdiction: offered.body.offer.jurisdiction });
    expect(switched.status).toBe(200);
    expect(ConversationResponse.parse(switched.body).jurisdiction).toBe('wenzhou');
    expect((await agent.post(`/api/sessions/${body.id}/jurisdiction`).send({ jurisdiction: 'tokyo' })).status).toBe(422);
  });
});
