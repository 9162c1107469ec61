import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { indicatorWorld, stuntingInput, type World } from './indicators-support';

/**
 * Every indicator route that names a resource, called by the admin of ANOTHER Pemda with this Pemda's real ids:
 * 404 (a write may stop at 400 on its body first), and the database unchanged, audit chain included.
 */
let t: TestApp;
let w: World;
let other: World;
let ids: Record<string, string>;

const post = (url: string, cookie: string, payload: unknown) => t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown> });

beforeAll(async () => {
  t = await createTestApp();
  w = await indicatorWorld(t, '19.71');
  other = await indicatorWorld(t, '53.71');
  const indicatorId = (await post('/api/v1/indicators', w.cookies.admin, stuntingInput(w.opd.dinkes.id, { periodicity: 'yearly' }))).json().id as string;
  await post(`/api/v1/indicators/${indicatorId}/values`, w.cookies.admin, { values: [{ wilayahKode: w.kelurahanOfFirst[0], period: '2024', numerator: 3, denominator: 30 }] });
  await post(`/api/v1/indicators/${indicatorId}/approval`, w.cookies.admin, { decision: 'approved' });
  const index = await post('/api/v1/vulnerability/indexes', w.cookies.admin, { name: 'Indeks', components: [{ indicatorId, weight: 1 }] });
  const intervention = await post('/api/v1/interventions', w.cookies.admin, { title: 'PMT', kind: 'program', opdId: w.opd.dinkes.id, startDate: '2024-01-01', endDate: '2024-12-31', targetGroup: 'Balita', wilayahKodes: [w.kelurahanOfFirst[0]] });
  const dataset = await post('/api/v1/datasets', w.cookies.admin, { indicatorId, title: 'Stunting', notes: 'Stunting per kelurahan.', slug: 'stunting' });
  expect([index.statusCode, intervention.statusCode, dataset.statusCode]).toEqual([201, 201, 201]);
  ids = { indicatorId, indexId: index.json().index.id, interventionId: intervention.json().id, datasetId: dataset.json().id, kode: w.kelurahanOfFirst[0] as string };
});
afterAll(async () => t?.close());

async function snapshot(): Promise<string> {
  const tables = ['indicator', 'indicator_value', 'indicator_value_history', 'vulnerability_index', 'intervention', 'intervention_wilayah', 'open_dataset', 'audit_log'];
  const counts: string[] = [];
  for (const table of tables) {
    const row = await sql<{ n: number; h: string }>`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS h FROM ${sql.table(table)} t`.execute(t.database.db);
    counts.push(`${table}=${row.rows[0]?.n}:${row.rows[0]?.h}`);
  }
  return counts.join(';');
}

describe('tenancy of every indicator route', () => {
  it("answers 404 for another Pemda's indicators, indexes, interventions, datasets and wilayah, changing nothing", async () => {
    const routes = t.app.routeTable.filter((r) => /^\/api\/v1\/(indicators|vulnerability|interventions|datasets|territory)\//.test(r.url) && /:(indicatorId|indexId|interventionId|datasetId|kode)\b/.test(r.url));
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const before = await snapshot();
    const failures: string[] = [];
    const bodies: Record<string, unknown> = {
      '/api/v1/indicators/:indicatorId': stuntingInput(other.opd.dinkes.id),
      '/api/v1/indicators/:indicatorId/approval': { decision: 'approved' },
      '/api/v1/indicators/:indicatorId/values': { values: [{ wilayahKode: other.kelurahanOfFirst[0], period: '2024', numerator: 1, denominator: 2 }] },
      '/api/v1/indicators/:indicatorId/review': { wilayahKode: w.kelurahanOfFirst[0], period: '2024', decision: 'rejected' },
      '/api/v1/vulnerability/indexes/:indexId': { name: 'X', components: [{ indicatorId: ids.indicatorId, weight: 1 }] },
      '/api/v1/interventions/:interventionId': { title: 'X', kind: 'program', opdId: other.opd.dinkes.id, startDate: '2024-01-01', endDate: '2024-12-31', targetGroup: 'X', wilayahKodes: [other.kelurahanOfFirst[0]] },
      '/api/v1/datasets/:datasetId/status': { status: 'withdrawn' },
      '/api/v1/datasets/:datasetId': { title: 'X', notes: 'X', tags: [], licenseId: 'cc-zero', organizationOpdId: null },
    };
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? 'x') + (route.url.endsWith('/completeness') || route.url.endsWith('/history') ? `?period=2024&wilayah=${ids.kode}` : '');
      const res = await t.request({ method: route.method as 'GET', url, cookie: other.cookies.admin, payload: route.method === 'GET' ? undefined : (bodies[route.url] as Record<string, unknown>) });
      if (res.statusCode !== 404) failures.push(`${route.method} ${route.url} -> ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
