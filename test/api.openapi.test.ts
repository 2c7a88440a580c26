/**
 * The OpenAPI document at /api/openapi.json: an OpenAPI 3.1 document, every route the API really has (read
 * from the router itself) and nothing it does not, and schemas that are the ones generated from the zod schemas
 * the API validates with (FactsSchema lists every fact of FACT_NAMES, AssessmentResultSchema as zod renders it).
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConversationSessions } from '../src/flows/sessions.js';
import { FACT_NAMES, FactsSchema } from '../src/rules/facts.js';
import { AssessmentResultSchema } from '../src/rules/result.js';
import { apiRouter } from '../src/server/api.js';
import { createApp } from '../src/server/app.js';
import { API_ERROR_CODES } from '../src/server/errors.js';
import { openApiPath, ROUTES } from '../src/server/openapi.js';
import { MemorySessionStore } from '../src/store/memory.js';

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { operationId: string; parameters?: Array<{ name: string; in: string }>; requestBody?: { content: Record<string, { schema: { $ref: string } }> }; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
  components: { schemas: Record<string, Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] }> };
};

const store = new MemorySessionStore();
const sessions = new ConversationSessions(store);

async function fetchDoc(): Promise<{ doc: Doc; res: request.Response }> {
  const res = await request(createApp({ sessions, store })).get('/api/openapi.json');
  return { doc: JSON.parse(res.text) as Doc, res };
}

/** `METHOD /api/path` for every route the API router really has. */
function routerRoutes(): string[] {
  const stack = (apiRouter(sessions) as unknown as { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> }).stack;
  return stack.flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${openApiPath(`/api${layer.route?.path}`)}`) : []));
}

/** Without `$schema`/`$id`, as the document carries them. */
const generated = (schema: z.ZodType) => {
  const { $schema: _s, $id: _i, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1.0 document, served as JSON', async () => {
    const { doc, res } = await fetchDoc();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toMatch(/Park Advisor/);
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('documents every route of api.ts, and no route it does not have', async () => {
    const { doc } = await fetchDoc();
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const real = routerRoutes();
    expect(real.length).toBeGreaterThanOrEqual(14);
    expect(documented.sort()).toEqual(real.sort());
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz']));
  });

  it('gives every operation a unique id, its path parameters, and a JSON error response for every error it can answer', async () => {
    const { doc } = await fetchDoc();
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
          expect(op.parameters?.some((p) => p.in === 'path' && p.name === name), `${method} ${path} declares {${name}}`).toBe(true);
        }
        if (!path.startsWith('/api/')) continue;
        for (const status of ['429', '500', '503']) {
          expect(op.responses[status]?.content?.['application/json']?.schema.$ref, `${method} ${path} ${status}`).toBe('#/components/schemas/Error');
        }
      }
    }
    const answers = doc.paths['/api/sessions/{id}/answers']?.post;
    expect(Object.keys(answers?.responses ?? {})).toEqual(['200', '400', '404', '409', '413', '415', '422', '429', '500', '503']);
    expect(answers?.responses['422']?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/Conversation');
  });

  it('documents the Word documents of a session: a .docx download, 404 for an unknown session or name', async () => {
    const { doc } = await fetchDoc();
    const op = doc.paths['/api/sessions/{id}/documents/{file}']?.get;
    expect(op?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['path:id', 'path:file', 'query:lang']));
    expect(Object.keys(op?.responses['200']?.content ?? {})).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(op?.responses['404']?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/Error');
    const documents = doc.components.schemas.SessionResult?.properties?.documents as { type: string; items: { $ref: string } };
    expect(documents).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/DocumentLink' } });
    expect(doc.components.schemas.DocumentLink?.required).toEqual(['name', 'title', 'url']);
  });

  it('resolves every $ref to a component', async () => {
    const { doc, res } = await fetchDoc();
    const refs = [...res.text.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
    }
    for (const schema of Object.values(doc.components.schemas)) {
      expect(schema.$schema).toBeUndefined();
      expect(schema.$id).toBeUndefined();
    }
  });

  it('describes the facts with the generated FactsSchema: every fact name, nothing else', async () => {
    const { doc } = await fetchDoc();
    const facts = doc.components.schemas.Facts;
    expect(Object.keys(facts?.properties ?? {})).toEqual([...FACT_NAMES]);
    expect(facts?.additionalProperties).toBe(false);
    expect(facts?.required ?? []).toEqual([]);
    // The generated schema, only with a description added (the cross-fact rules JSON Schema cannot express).
    const { description, ...rest } = facts ?? {};
    expect(description).toMatch(/part never exceeds its whole/);
    expect(rest).toEqual(generated(FactsSchema));
    expect(doc.paths['/api/assess']?.post?.requestBody?.content['application/json']?.schema.$ref).toBe('#/components/schemas/AssessRequest');
    expect(doc.components.schemas.AssessRequest?.properties?.facts).toEqual({ $ref: '#/components/schemas/Facts' });
  });

  it('describes the result with the generated AssessmentResultSchema', async () => {
    const { doc } = await fetchDoc();
    const { description: _d, ...result } = doc.components.schemas.AssessmentResult ?? {};
    expect(result).toEqual(generated(AssessmentResultSchema));
    expect(doc.paths['/api/assess']?.post?.responses['200']?.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/AssessmentResult');
  });

  it('describes conversations, errors and every request body from the schemas in src/server/schemas.ts', async () => {
    const { doc } = await fetchDoc();
    const schemas = doc.components.schemas;
    expect(schemas.Conversation?.required).toEqual(expect.arrayContaining(['id', 'state', 'lang', 'jurisdiction', 'feedback', 'answers', 'pending']));
    expect(schemas.Conversation?.properties?.result).toEqual({ $ref: '#/components/schemas/SessionResult' });
    expect(schemas.Conversation?.properties?.prompt).toMatchObject({ $ref: '#/components/schemas/Prompt' });
    const code = ((schemas.Error?.properties?.error as { properties: { code: { enum: string[] } } }).properties.code).enum;
    expect(code.sort()).toEqual([...API_ERROR_CODES].sort());
    expect(schemas.AnswerRequest?.required).toEqual(expect.arrayContaining(['questionId']));
    expect(schemas.LangRequest?.properties?.lang).toMatchObject({ enum: ['zh-CN', 'en'] });
    expect(schemas.CreateSessionRequest?.additionalProperties).toBe(false);
    for (const route of ROUTES.filter((r) => r.method === 'post')) {
      const op = doc.paths[openApiPath(route.path)]?.post;
      expect(op?.requestBody, route.path).toBeDefined();
    }
  });
});
