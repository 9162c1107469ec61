import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('OpenAPI', () => {
  it('documents every API route in OpenAPI 3.1 from the same zod schemas', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const missing: string[] = [];
    for (const route of t.app.routeTable) {
      if (!route.url.startsWith('/api/v1') || route.url === '/api/v1/openapi.json') continue;
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      if (!doc.paths[path]?.[route.method.toLowerCase()]) missing.push(`${route.method} ${path}`);
    }
    expect(missing).toEqual([]);
    const login = doc.paths['/api/v1/auth/login']?.post as { requestBody?: { content?: Record<string, { schema?: { required?: string[] } }> } };
    expect(login.requestBody?.content?.['application/json']?.schema?.required).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('serves the docs page and the error catalogue', async () => {
    const docs = await t.request({ method: 'GET', url: '/api/v1/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
    const errors = await t.request({ method: 'GET', url: '/api/v1/errors' });
    const codes = (errors.json() as Array<{ code: string; id: string; en: string }>).map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'AUTH_INVALID_CREDENTIALS', 'OPD_NOT_FOUND']));
  });

  it('answers an unknown API route with a problem, not the web app', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/tidak-ada' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', detail: 'Alamat API tidak dikenal.' });
  });

  it('answers the root and deep links with the web app (or 503 before a build), never an error', async () => {
    for (const url of ['/', '/opd/123', '/v/ABC-123']) {
      const res = await t.request({ method: 'GET', url });
      expect([200, 503], `${url} -> ${res.statusCode}`).toContain(res.statusCode);
    }
  });
});
