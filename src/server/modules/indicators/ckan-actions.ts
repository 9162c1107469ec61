import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { datasetRecords, datasetRows, findDataset, orgName, RECORD_FIELDS, type DatasetRecord, type DatasetRow } from './opendata';

/**
 * The read actions of CKAN's Action API (CKAN 2.10, ckan/logic/action/get.py and ckanext-datastore), over the
 * published datasets. Each action takes the request's data dict and returns its result or throws a CkanError,
 * which the route turns into CKAN's error envelope with CKAN's HTTP status.
 */
export class CkanError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly type: 'Not Found Error' | 'Validation Error' | 'Authorization Error' | 'Bad request' | 'Search Query Error',
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

const notFound = (what: string) => new CkanError(404, 'Not Found Error', `Not found: ${what}`);
const invalid = (field: string, problem: string) => new CkanError(409, 'Validation Error', `${field}: ${problem}`, { [field]: [problem] });

export type DataDict = Record<string, unknown>;

function intParam(dict: DataDict, field: string, fallback: number, max: number): number {
  const raw = dict[field];
  if (raw === undefined || raw === null || raw === '') return fallback;
  const value = typeof raw === 'number' ? raw : /^-?\d+$/.test(String(raw)) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value)) throw invalid(field, 'Invalid integer');
  if (value < 0) throw invalid(field, 'Must be a natural number');
  return Math.min(value, max);
}

function boolParam(dict: DataDict, field: string, fallback: boolean): boolean {
  const raw = dict[field];
  if (raw === undefined || raw === null || raw === '') return fallback;
  if (typeof raw === 'boolean') return raw;
  return ['true', '1', 'yes', 'on'].includes(String(raw).toLowerCase());
}

function requiredString(dict: DataDict, ...fields: string[]): string {
  for (const field of fields) {
    const raw = dict[field];
    if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
  }
  throw invalid(fields[0] as string, 'Missing value');
}

function jsonParam<T>(dict: DataDict, field: string): T | undefined {
  const raw = dict[field];
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') return raw as T;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw invalid(field, 'Cannot parse JSON');
  }
}

const iso = (d: Date | string) => new Date(d).toISOString().replace('Z', '');
const FREQUENCY: Record<string, string> = { monthly: 'monthly', quarterly: 'quarterly', yearly: 'annual' };
const LICENSES: Record<string, { title: string; url: string }> = {
  'cc-by-4.0': { title: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  'odc-by': { title: 'Open Data Commons Attribution License', url: 'https://opendatacommons.org/licenses/by/1-0/' },
  'cc-zero': { title: 'Creative Commons CCZero', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
};

function organizationDict(row: DatasetRow, packageCount?: number) {
  return {
    id: row.opd_id,
    name: orgName(row.kode_wilayah, row.opd_code),
    title: row.opd_name,
    type: 'organization',
    description: `${row.opd_name}, ${row.pemda_name} (produsen data)`,
    image_url: '',
    created: iso(row.opd_created_at),
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    ...(packageCount === undefined ? {} : { package_count: packageCount, display_name: row.opd_name }),
  };
}

function resourceDicts(row: DatasetRow, base: string) {
  const common = { package_id: row.id, created: iso(row.created_at), last_modified: iso(row.updated_at), metadata_modified: iso(row.updated_at), state: 'active', datastore_active: true, url_type: null, resource_type: null, size: null, hash: '', cache_url: null, mimetype_inner: null };
  return [
    { ...common, id: row.csv_resource_id, name: `${row.title} (CSV)`, description: `Nilai ${row.name_id} per ${row.lowest_level}`, format: 'CSV', mimetype: 'text/csv', url: `${base}/api/v1/open-data/datasets/${row.name}.csv`, position: 0 },
    { ...common, id: row.json_resource_id, name: `${row.title} (JSON)`, description: `Nilai ${row.name_id} per ${row.lowest_level}`, format: 'JSON', mimetype: 'application/json', url: `${base}/api/v1/open-data/datasets/${row.name}.json`, position: 1 },
  ];
}

/** CKAN tag ids are UUIDs; ours are derived from the name (same tag, same id, across datasets). */
function tagId(name: string): string {
  const hex = createHash('sha1').update(`pamong-tag:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function packageDict(row: DatasetRow, base: string) {
  const license = LICENSES[row.license_id] ?? { title: row.license_id, url: '' };
  return {
    author: row.opd_name,
    author_email: null,
    creator_user_id: null,
    id: row.id,
    isopen: true,
    license_id: row.license_id,
    license_title: license.title,
    license_url: license.url,
    maintainer: row.opd_name,
    maintainer_email: null,
    metadata_created: iso(row.created_at),
    metadata_modified: iso(row.updated_at),
    name: row.name,
    notes: row.notes,
    num_resources: 2,
    num_tags: row.tags.length,
    organization: organizationDict(row),
    owner_org: row.opd_id,
    private: false,
    state: row.status === 'published' ? 'active' : 'deleted',
    title: row.title,
    type: 'dataset',
    url: `${base}/data-terbuka/${row.name}`,
    version: null,
    extras: [
      { key: 'indicator_code', value: row.indicator_code },
      { key: 'unit', value: row.unit },
      { key: 'frequency', value: FREQUENCY[row.periodicity] ?? row.periodicity },
      { key: 'spatial_level', value: row.lowest_level },
      { key: 'pemda', value: `${row.kode_wilayah} ${row.pemda_name}` },
      { key: 'source', value: row.source },
      { key: 'method', value: row.method },
      { key: 'synthetic', value: row.synthetic ? 'true' : 'false' },
    ],
    groups: [],
    relationships_as_object: [],
    relationships_as_subject: [],
    resources: resourceDicts(row, base),
    tags: [...row.tags].sort().map((tag) => ({ display_name: tag, id: tagId(tag), name: tag, state: 'active', vocabulary_id: null })),
  };
}

/** Anonymous callers may not read a withdrawn dataset (CKAN answers a deleted package with NotAuthorized). */
function visible(row: DatasetRow | undefined, what: string): DatasetRow {
  if (!row) throw notFound(what);
  if (row.status !== 'published') throw new CkanError(403, 'Authorization Error', `Access denied: User not authorized to read package ${row.name}`);
  return row;
}

// ---------------------------------------------------------------------------------------------------------------

interface ParsedFq {
  organization: string[];
  tags: string[];
  res_format: string[];
}

/** fq is a Solr filter query; the clauses CKAN clients send for these facets are read: field:value or field:"value". */
function parseFq(fq: string): ParsedFq {
  const parsed: ParsedFq = { organization: [], tags: [], res_format: [] };
  const clause = /(\+|-)?(organization|tags|res_format):("([^"]*)"|[^\s)]+)/g;
  let rest = fq;
  for (const match of fq.matchAll(clause)) {
    const field = match[2] as keyof ParsedFq;
    parsed[field].push(match[4] ?? (match[3] as string));
    rest = rest.replace(match[0], '');
  }
  if (rest.replace(/\b(AND|OR)\b|[()+\s]/g, '').length > 0) throw new CkanError(400, 'Search Query Error', `Search Query is invalid: unsupported filter "${rest.trim()}"`);
  return parsed;
}

export async function runAction(db: Kysely<DB>, action: string, dict: DataDict, base: string): Promise<unknown> {
  switch (action) {
    case 'package_list': {
      const limit = intParam(dict, 'limit', 1000, 1000);
      const offset = intParam(dict, 'offset', 0, Number.MAX_SAFE_INTEGER);
      return (await datasetRows(db)).map((r) => r.name).slice(offset, offset + limit);
    }
    case 'package_show': {
      const id = requiredString(dict, 'id', 'name_or_id');
      return packageDict(visible(await findDataset(db, id), 'Dataset'), base);
    }
    case 'package_search':
      return packageSearch(db, dict, base);
    case 'organization_list': {
      const all = boolParam(dict, 'all_fields', false);
      const limit = intParam(dict, 'limit', 1000, 1000);
      const offset = intParam(dict, 'offset', 0, Number.MAX_SAFE_INTEGER);
      const orgs = organizations(await datasetRows(db));
      const page = orgs.slice(offset, offset + limit);
      return all ? page.map((o) => organizationDict(o.row, o.count)) : page.map((o) => o.name);
    }
    case 'organization_show': {
      const id = requiredString(dict, 'id');
      const rows = await datasetRows(db);
      const org = organizations(rows).find((o) => o.name === id || o.row.opd_id === id);
      if (!org) throw notFound('Organization was not found.');
      const includeDatasets = boolParam(dict, 'include_datasets', false);
      return {
        ...organizationDict(org.row, org.count),
        users: [],
        tags: [],
        groups: [],
        extras: [],
        ...(includeDatasets ? { packages: rows.filter((r) => r.opd_id === org.row.opd_id).map((r) => packageDict(r, base)) } : {}),
      };
    }
    case 'tag_list': {
      const query = typeof dict.query === 'string' ? dict.query.toLowerCase() : '';
      const tags = [...new Set((await datasetRows(db)).flatMap((r) => r.tags))].filter((t) => t.includes(query)).sort();
      return boolParam(dict, 'all_fields', false) ? tags.map((t) => ({ id: tagId(t), name: t, vocabulary_id: null })) : tags;
    }
    case 'datastore_search':
      return datastoreSearch(db, dict, base);
    case 'help_show': {
      const name = requiredString(dict, 'name');
      if (!ACTIONS.includes(name)) throw notFound(`Action function not found: ${name}`);
      return `${name}: CKAN-compatible read action of Pamong (see CKAN API docs, https://docs.ckan.org/en/2.10/api/).`;
    }
    default:
      throw new CkanError(400, 'Bad request', `Bad request - Action name not known: ${action}`);
  }
}

export const ACTIONS = ['package_list', 'package_show', 'package_search', 'organization_list', 'organization_show', 'tag_list', 'datastore_search', 'help_show'];

function organizations(rows: readonly DatasetRow[]) {
  const byName = new Map<string, { name: string; row: DatasetRow; count: number }>();
  for (const row of rows) {
    const name = orgName(row.kode_wilayah, row.opd_code);
    const entry = byName.get(name) ?? { name, row, count: 0 };
    entry.count += 1;
    byName.set(name, entry);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

async function packageSearch(db: Kysely<DB>, dict: DataDict, base: string) {
  const rows = intParam(dict, 'rows', 10, 1000);
  const start = intParam(dict, 'start', 0, Number.MAX_SAFE_INTEGER);
  const q = typeof dict.q === 'string' ? dict.q.trim() : '';
  const fq = parseFq(typeof dict.fq === 'string' ? dict.fq : '');
  const sort = typeof dict.sort === 'string' && dict.sort.trim() !== '' ? dict.sort.trim() : 'score desc, metadata_modified desc';
  const facetFields = jsonParam<string[]>(dict, 'facet.field') ?? [];
  if (!Array.isArray(facetFields)) throw invalid('facet.field', 'Must be a list');
  const facetLimit = intParam(dict, 'facet.limit', 50, 1000);
  const terms = q === '' || q === '*:*' ? [] : q.toLowerCase().split(/\s+/).filter(Boolean);
  let matches = (await datasetRows(db)).filter((row) => {
    const org = orgName(row.kode_wilayah, row.opd_code);
    if (fq.organization.length > 0 && !fq.organization.includes(org)) return false;
    if (fq.tags.some((tag) => !row.tags.includes(tag))) return false;
    if (fq.res_format.some((format) => !['CSV', 'JSON'].includes(format.toUpperCase()))) return false;
    const haystack = `${row.name} ${row.title} ${row.notes} ${row.tags.join(' ')} ${row.opd_name} ${row.indicator_code}`.toLowerCase();
    return terms.every((term) => haystack.includes(term.replace(/^(title|name|notes|tags):/, '')));
  });
  const score = (row: DatasetRow) => terms.reduce((sum, term) => sum + (row.title.toLowerCase().includes(term) ? 2 : 0) + (row.name.includes(term) ? 1 : 0), 0);
  const orderings = sort.split(',').map((part) => {
    const [field = 'score', direction = 'asc'] = part.trim().split(/\s+/);
    const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
    const value = (row: DatasetRow): string | number => {
      if (field === 'score') return score(row);
      if (field === 'metadata_modified') return new Date(row.updated_at).getTime();
      if (field === 'metadata_created') return new Date(row.created_at).getTime();
      if (field === 'name') return row.name;
      if (field === 'title_string' || field === 'title') return row.title.toLowerCase();
      throw new CkanError(400, 'Search Query Error', `Search Query is invalid: can not sort on field "${field}"`);
    };
    return { sign, value };
  });
  matches = [...matches].sort((a, b) => {
    for (const { sign, value } of orderings) {
      const va = value(a);
      const vb = value(b);
      if (va < vb) return -sign;
      if (va > vb) return sign;
    }
    return a.name.localeCompare(b.name);
  });
  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<string, { title: string; items: Array<{ name: string; display_name: string; count: number }> }> = {};
  for (const field of facetFields) {
    const counts = new Map<string, { display: string; count: number }>();
    for (const row of matches) {
      const keys = field === 'organization' ? [[orgName(row.kode_wilayah, row.opd_code), row.opd_name]] : field === 'tags' ? row.tags.map((t) => [t, t]) : field === 'res_format' ? [['CSV', 'CSV'], ['JSON', 'JSON']] : [];
      for (const [key, display] of keys as Array<[string, string]>) counts.set(key, { display, count: (counts.get(key)?.count ?? 0) + 1 });
    }
    const items = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).slice(0, facetLimit);
    facets[field] = Object.fromEntries(items.map(([name, v]) => [name, v.count]));
    searchFacets[field] = { title: field, items: items.map(([name, v]) => ({ name, display_name: v.display, count: v.count })) };
  }
  return { count: matches.length, facets, results: matches.slice(start, start + rows).map((r) => packageDict(r, base)), sort, search_facets: searchFacets };
}

async function datastoreSearch(db: Kysely<DB>, dict: DataDict, base: string) {
  const resourceId = requiredString(dict, 'resource_id', 'id');
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(resourceId);
  const row = isUuid ? (await datasetRows(db, { resourceId, includeWithdrawn: true }))[0] : undefined;
  if (!row) throw notFound(`Resource "${resourceId}" was not found.`);
  visible(row, 'Resource');
  const limit = intParam(dict, 'limit', 100, 32000);
  const offset = intParam(dict, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const filters = jsonParam<Record<string, unknown>>(dict, 'filters') ?? {};
  if (typeof filters !== 'object' || Array.isArray(filters)) throw invalid('filters', 'Not a json object');
  const known = new Set(RECORD_FIELDS.map((f) => f.id as string));
  const unknown = Object.keys(filters).find((key) => !known.has(key));
  if (unknown) throw invalid('filters', `field "${unknown}" not in table`);
  const q = dict.q;
  let records = await datasetRecords(db, row);
  records = records.filter((record) =>
    Object.entries(filters).every(([key, wanted]) => {
      const actual = record[key as keyof DatasetRecord];
      const options = Array.isArray(wanted) ? wanted : [wanted];
      return options.some((option) => String(option) === String(actual ?? ''));
    }),
  );
  if (typeof q === 'string' && q.trim() !== '') {
    const terms = q.toLowerCase().split(/\s+/);
    records = records.filter((record) => terms.every((term) => Object.values(record).some((v) => String(v ?? '').toLowerCase().includes(term))));
  } else if (q && typeof q === 'object') {
    records = records.filter((record) => Object.entries(q as Record<string, unknown>).every(([key, term]) => String(record[key as keyof DatasetRecord] ?? '').toLowerCase().includes(String(term).toLowerCase())));
  }
  const total = records.length;
  const link = (at: number) => `/api/3/action/datastore_search?resource_id=${row.csv_resource_id === resourceId ? row.csv_resource_id : row.json_resource_id}${limit !== 100 ? `&limit=${limit}` : ''}${at > 0 ? `&offset=${at}` : ''}`;
  void base;
  return {
    include_total: true,
    limit,
    ...(offset > 0 ? { offset } : {}),
    records_format: 'objects',
    resource_id: resourceId,
    total_estimation_threshold: null,
    records: records.slice(offset, offset + limit),
    fields: RECORD_FIELDS.map((f) => ({ id: f.id, type: f.type })),
    _links: { start: link(0), next: link(offset + limit) },
    total,
    total_was_estimated: false,
  };
}
