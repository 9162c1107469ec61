import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { auditCount, indicatorWorld, populationInput, stuntingInput, tableCount, type World } from './indicators-support';

/**
 * The CKAN-compatible API, checked field by field against CKAN's Action API reference (docs.ckan.org/en/2.10/api:
 * package_list, package_show, package_search, organization_list, organization_show, tag_list; ckanext-datastore
 * datastore_search) and CKAN's error handling (ckan/views/api.py: 403 Authorization Error, 404 Not Found Error,
 * 409 Validation Error, each as { help, success: false, error: { __type, message } }).
 */
let t: TestApp;
let w: World;
let other: World;
let stuntingId: string;
let dataset: { id: string; name: string; csvResourceId: string; jsonResourceId: string; organization: { name: string } };

const post = (url: string, cookie: string | undefined, payload: unknown) => t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown> });
const get = (url: string, cookie?: string) => t.request({ method: 'GET', url, cookie });
const ckan = async (action: string, query = '') => {
  const res = await get(`/api/3/action/${action}${query ? `?${query}` : ''}`);
  return { status: res.statusCode, body: res.json(), type: String(res.headers['content-type']) };
};

beforeAll(async () => {
  t = await createTestApp();
  w = await indicatorWorld(t, '19.71');
  other = await indicatorWorld(t, '53.71');
  stuntingId = (await post('/api/v1/indicators', w.cookies.admin, stuntingInput(w.opd.dinkes.id))).json().id;
  const popId = (await post('/api/v1/indicators', w.cookies.admin, populationInput(w.opd.dinsos.id))).json().id;
  await post(`/api/v1/indicators/${stuntingId}/values`, w.cookies.dinkes, { values: w.kelurahanOfFirst.slice(0, 3).map((kode, i) => ({ wilayahKode: kode, period: '2024-Q1', numerator: 5 + i, denominator: 100 })) });
  await post(`/api/v1/indicators/${stuntingId}/values`, w.cookies.dinkes, { values: w.kelurahanOfFirst.slice(0, 2).map((kode) => ({ wilayahKode: kode, period: '2024-Q2', numerator: 4, denominator: 100 })) });
  for (const id of [stuntingId, popId]) await post(`/api/v1/indicators/${id}/approval`, w.cookies.walidata, { decision: 'approved' });
  const pop = await post('/api/v1/datasets', w.cookies.walidata, { indicatorId: popId, title: 'Jumlah Penduduk', notes: 'Penduduk per kelurahan.', slug: 'penduduk', tags: ['kependudukan'] });
  expect(pop.statusCode).toBe(201);
});
afterAll(async () => t?.close());

describe('publishing datasets', () => {
  it('needs the walidata and an approved indicator; answers 401, 403, 400, 404 across tenants', async () => {
    const body = { indicatorId: stuntingId, title: 'Prevalensi Stunting per Kelurahan', notes: 'Persentase balita stunting per kelurahan.', slug: 'stunting', tags: ['stunting', 'kesehatan'] };
    expect((await post('/api/v1/datasets', undefined, body)).statusCode).toBe(401);
    expect((await post('/api/v1/datasets', w.cookies.dinkes, body)).statusCode).toBe(403);
    expect((await post('/api/v1/datasets', w.cookies.kepalaDinsos, body)).json().code).toBe('INDICATOR_NOT_WALIDATA');
    const bad = await post('/api/v1/datasets', w.cookies.walidata, { ...body, slug: 'Bad Slug' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    const before = [await tableCount(t, 'open_dataset'), await auditCount(t, other.pemda.id)];
    expect((await post('/api/v1/datasets', other.cookies.admin, body)).statusCode).toBe(404);
    expect([await tableCount(t, 'open_dataset'), await auditCount(t, other.pemda.id)]).toEqual(before);
    const res = await post('/api/v1/datasets', w.cookies.walidata, body);
    expect(res.statusCode).toBe(201);
    dataset = res.json();
    expect(dataset).toMatchObject({ name: '1971-stunting', organization: { name: '1971-dinkes', title: 'Dinas Kesehatan' }, status: 'published' });
    expect(await auditCount(t, w.pemda.id, 'dataset.published')).toBe(2);
    const again = await post('/api/v1/datasets', w.cookies.walidata, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('Nama dataset 1971-stunting sudah dipakai.');
  });
});

describe('CKAN action API', () => {
  it('package_list and package_show in the CKAN envelope, without audit rows', async () => {
    const audit = await auditCount(t, w.pemda.id);
    const list = await ckan('package_list');
    expect(list.status).toBe(200);
    expect(list.type).toContain('application/json');
    expect(list.body).toEqual({ help: 'http://localhost:80/api/3/action/help_show?name=package_list', success: true, result: ['1971-penduduk', '1971-stunting'] });
    const show = await ckan('package_show', `id=${dataset.name}`);
    const pkg = show.body.result;
    expect(Object.keys(show.body).sort()).toEqual(['help', 'result', 'success']);
    // Fields of a package dict (CKAN 2.10 package_show).
    for (const field of ['author', 'author_email', 'creator_user_id', 'id', 'isopen', 'license_id', 'license_title', 'license_url', 'maintainer', 'maintainer_email', 'metadata_created', 'metadata_modified', 'name', 'notes', 'num_resources', 'num_tags', 'organization', 'owner_org', 'private', 'state', 'title', 'type', 'url', 'version', 'extras', 'groups', 'resources', 'tags', 'relationships_as_object', 'relationships_as_subject']) {
      expect(pkg, field).toHaveProperty(field);
    }
    expect(pkg).toMatchObject({ id: dataset.id, name: '1971-stunting', type: 'dataset', state: 'active', private: false, num_resources: 2, num_tags: 2, license_id: 'cc-by-4.0', isopen: true, owner_org: w.opd.dinkes.id });
    expect(pkg.metadata_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+$/);
    expect(pkg.organization).toMatchObject({ id: w.opd.dinkes.id, name: '1971-dinkes', title: 'Dinas Kesehatan', type: 'organization', is_organization: true, state: 'active', approval_status: 'approved' });
    expect(pkg.tags[0]).toEqual({ display_name: 'kesehatan', id: expect.any(String), name: 'kesehatan', state: 'active', vocabulary_id: null });
    expect(pkg.resources[0]).toMatchObject({ id: dataset.csvResourceId, package_id: dataset.id, format: 'CSV', mimetype: 'text/csv', position: 0, state: 'active', datastore_active: true, url: 'http://localhost:80/api/v1/open-data/datasets/1971-stunting.csv' });
    expect(pkg.extras).toContainEqual({ key: 'indicator_code', value: 'STUNTING' });
    const byId = await ckan('package_show', `id=${dataset.id}`);
    expect(byId.body.result.name).toBe('1971-stunting');
    const viaPost = await t.request({ method: 'POST', url: '/api/3/action/package_show', payload: { id: dataset.name } });
    expect(viaPost.json().result.id).toBe(dataset.id);
    expect(await auditCount(t, w.pemda.id)).toBe(audit);
  });

  it('package_search with q, fq on organization and tags, rows, start, sort and facets', async () => {
    const all = await ckan('package_search', 'rows=1&start=1&sort=name%20asc&facet.field=%5B%22organization%22%2C%22tags%22%5D');
    expect(all.status).toBe(200);
    const result = all.body.result;
    expect(Object.keys(result).sort()).toEqual(['count', 'facets', 'results', 'search_facets', 'sort']);
    expect(result).toMatchObject({ count: 2, sort: 'name asc' });
    expect(result.results.map((r: { name: string }) => r.name)).toEqual(['1971-stunting']);
    expect(result.facets.organization).toEqual({ '1971-dinkes': 1, '1971-dinsos': 1 });
    expect(result.search_facets.tags).toEqual({ title: 'tags', items: expect.arrayContaining([{ name: 'stunting', display_name: 'stunting', count: 1 }]) });
    const byOrg = await ckan('package_search', `fq=${encodeURIComponent('organization:1971-dinsos')}`);
    expect(byOrg.body.result.results.map((r: { name: string }) => r.name)).toEqual(['1971-penduduk']);
    const byTag = await ckan('package_search', `fq=${encodeURIComponent('tags:stunting')}`);
    expect(byTag.body.result.count).toBe(1);
    const both = await ckan('package_search', `fq=${encodeURIComponent('organization:1971-dinsos +tags:stunting')}`);
    expect(both.body.result.count).toBe(0);
    const q = await ckan('package_search', 'q=penduduk');
    expect(q.body.result.results.map((r: { name: string }) => r.name)).toEqual(['1971-penduduk']);
    const badRows = await ckan('package_search', 'rows=banyak');
    expect(badRows.status).toBe(409);
    expect(badRows.body).toEqual({ help: expect.any(String), success: false, error: { __type: 'Validation Error', message: 'rows: Invalid integer', rows: ['Invalid integer'] } });
  });

  it('organization_list, organization_show and tag_list', async () => {
    expect((await ckan('organization_list')).body.result).toEqual(['1971-dinkes', '1971-dinsos']);
    const full = (await ckan('organization_list', 'all_fields=true')).body.result;
    expect(full[0]).toMatchObject({ name: '1971-dinkes', package_count: 1, is_organization: true, type: 'organization' });
    const show = await ckan('organization_show', 'id=1971-dinkes&include_datasets=true');
    expect(show.body.result).toMatchObject({ id: w.opd.dinkes.id, name: '1971-dinkes', package_count: 1, packages: [expect.objectContaining({ name: '1971-stunting' })] });
    expect((await ckan('tag_list')).body.result).toEqual(['kependudukan', 'kesehatan', 'stunting']);
    expect((await ckan('tag_list', 'query=stu')).body.result).toEqual(['stunting']);
  });

  it('datastore_search with filters, q, limit and offset', async () => {
    const res = await ckan('datastore_search', `resource_id=${dataset.csvResourceId}&limit=2`);
    expect(res.status).toBe(200);
    const result = res.body.result;
    expect(result).toMatchObject({ resource_id: dataset.csvResourceId, limit: 2, total: 5, records_format: 'objects', include_total: true, total_was_estimated: false });
    expect(result.fields[0]).toEqual({ id: '_id', type: 'int' });
    expect(result.fields.map((f: { id: string }) => f.id)).toEqual(['_id', 'kode_wilayah', 'nama_wilayah', 'tingkat', 'periode', 'nilai', 'pembilang', 'penyebut', 'satuan']);
    expect(result.records).toHaveLength(2);
    expect(result.records[0]).toMatchObject({ _id: 1, kode_wilayah: w.kelurahanOfFirst[0], periode: '2024-Q1', nilai: 5, pembilang: 5, penyebut: 100, satuan: '%' });
    expect(result._links).toEqual({ start: `/api/3/action/datastore_search?resource_id=${dataset.csvResourceId}&limit=2`, next: `/api/3/action/datastore_search?resource_id=${dataset.csvResourceId}&limit=2&offset=2` });
    const filtered = await ckan('datastore_search', `resource_id=${dataset.csvResourceId}&filters=${encodeURIComponent(JSON.stringify({ periode: '2024-Q2' }))}`);
    expect(filtered.body.result.total).toBe(2);
    const offset = await ckan('datastore_search', `resource_id=${dataset.csvResourceId}&offset=4`);
    expect(offset.body.result.records.map((r: { _id: number }) => r._id)).toEqual([5]);
    const q = await ckan('datastore_search', `resource_id=${dataset.csvResourceId}&q=${encodeURIComponent(w.kelurahanOfFirst[2] as string)}`);
    expect(q.body.result.total).toBe(1);
    const badField = await ckan('datastore_search', `resource_id=${dataset.csvResourceId}&filters=${encodeURIComponent('{"warna":"x"}')}`);
    expect(badField.status).toBe(409);
    expect(badField.body.error).toMatchObject({ __type: 'Validation Error', filters: ['field "warna" not in table'] });
  });

  it('answers errors as CKAN does: 404 Not Found Error, 409 Validation Error, 403 Authorization Error', async () => {
    const missing = await ckan('package_show', 'id=tidak-ada');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ help: 'http://localhost:80/api/3/action/help_show?name=package_show', success: false, error: { __type: 'Not Found Error', message: 'Not found: Dataset' } });
    const noId = await ckan('package_show');
    expect(noId.status).toBe(409);
    expect(noId.body.error).toEqual({ __type: 'Validation Error', message: 'id: Missing value', id: ['Missing value'] });
    const noResource = await ckan('datastore_search', 'resource_id=00000000-0000-4000-8000-000000000000');
    expect(noResource.status).toBe(404);
    expect(noResource.body.error.__type).toBe('Not Found Error');
    const unknown = await ckan('package_create');
    expect(unknown.status).toBe(400);
    expect(unknown.body.success).toBe(false);
    // Withdrawn: CKAN refuses a deleted package to anonymous callers with NotAuthorized.
    const withdraw = await post(`/api/v1/datasets/${dataset.id}/status`, w.cookies.walidata, { status: 'withdrawn' });
    expect(withdraw.json().status).toBe('withdrawn');
    expect(await auditCount(t, w.pemda.id, 'dataset.withdrawn')).toBe(1);
    const gone = await ckan('package_show', `id=${dataset.name}`);
    expect(gone.status).toBe(403);
    expect(gone.body.error).toEqual({ __type: 'Authorization Error', message: 'Access denied: User not authorized to read package 1971-stunting' });
    expect((await ckan('datastore_search', `resource_id=${dataset.csvResourceId}`)).status).toBe(403);
    expect((await ckan('package_list')).body.result).toEqual(['1971-penduduk']);
    expect((await post(`/api/v1/datasets/${dataset.id}/status`, other.cookies.admin, { status: 'published' })).statusCode).toBe(404);
    await post(`/api/v1/datasets/${dataset.id}/status`, w.cookies.walidata, { status: 'published' });
  });
});

describe('downloads and the DCAT catalogue', () => {
  it('serves CSV and JSON downloads without sign-in', async () => {
    const csv = await get('/api/v1/open-data/datasets/1971-stunting.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('kode_wilayah,nama_wilayah,tingkat,periode,nilai,pembilang,penyebut,satuan');
    expect(lines).toHaveLength(6);
    const json = await get('/api/v1/open-data/datasets/1971-stunting.json');
    expect(json.json()).toMatchObject({ metadata: { name: '1971-stunting', indicator: { code: 'STUNTING', kind: 'rate', factor: 100 } }, records: expect.any(Array) });
    expect((await get('/api/v1/open-data/datasets/tidak-ada.csv')).statusCode).toBe(404);
    const list = await get('/api/v1/open-data/datasets?pemda=19.71');
    expect(list.json().items.map((d: { name: string }) => d.name)).toEqual(['1971-penduduk', '1971-stunting']);
  });

  it('publishes a DCAT-AP catalogue that a JSON-LD processor expands offline', async () => {
    const res = await get('/api/v1/open-data/catalog.jsonld');
    expect(res.headers['content-type']).toContain('application/ld+json');
    const doc = res.json();
    expect(doc['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/' });
    const graph = doc['@graph'] as Array<Record<string, unknown>>;
    expect(graph.filter((n) => n['@type'] === 'dcat:Catalog')).toHaveLength(1);
    const datasets = graph.filter((n) => n['@type'] === 'dcat:Dataset');
    expect(datasets).toHaveLength(2);
    // Any remote context would be a network fetch at test time: refuse it.
    const documentLoader = async (url: string): Promise<never> => {
      throw new Error(`no remote documents at test time: ${url}`);
    };
    const expanded = (await jsonld.expand(doc, { documentLoader })) as Array<Record<string, unknown>>;
    const DCAT = 'http://www.w3.org/ns/dcat#';
    const expandedDatasets = expanded.filter((n) => (n['@type'] as string[] | undefined)?.includes(`${DCAT}Dataset`));
    expect(expandedDatasets).toHaveLength(2);
    for (const d of expandedDatasets) {
      const distributions = d[`${DCAT}distribution`] as Array<Record<string, unknown>>;
      expect(distributions).toHaveLength(2);
      for (const dist of distributions) {
        expect(dist['@type']).toEqual([`${DCAT}Distribution`]);
        expect((dist[`${DCAT}downloadURL`] as Array<{ '@id': string }>)[0]?.['@id']).toMatch(/^http:\/\/localhost:80\/api\/v1\/open-data\/datasets\/1971-[a-z-]+\.(csv|json)$/);
      }
    }
    const catalog = expanded.find((n) => (n['@type'] as string[] | undefined)?.includes(`${DCAT}Catalog`));
    expect((catalog?.[`${DCAT}dataset`] as unknown[]).length).toBe(2);
  });
});
