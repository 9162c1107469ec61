import { sql, type Kysely } from 'kysely';
import type { TDataset } from '../../../contracts/indicators';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { requireUser } from '../../platform/tenant';
import { requireWalidata } from './access';
import { IndicatorErrors } from './errors';
import { loadIndicator } from './service-catalog';

/**
 * Open data: datasets the walidata publishes (an indicator's values with its metadata). Read without sign-in
 * through the CKAN-compatible API, the DCAT catalogue and the CSV/JSON downloads; public reads are not audited.
 * The public namespace spans Pemdas: dataset names begin with the Pemda code (1971-...), organisations too.
 */
export const slugOfKode = (kode: string) => kode.replace(/\./g, '');
export const orgName = (kode: string, opdCode: string) => `${slugOfKode(kode)}-${opdCode.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}`;

export async function datasetRows(db: Kysely<DB>, filter: { pemdaId?: string; name?: string; id?: string; resourceId?: string; includeWithdrawn?: boolean } = {}) {
  let query = db
    .selectFrom('open_dataset as d')
    .innerJoin('indicator as i', (join) => join.onRef('i.pemda_id', '=', 'd.pemda_id').onRef('i.id', '=', 'd.indicator_id'))
    // The organisation: the one the walidata chose, else the producing OPD.
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'i.pemda_id').on(sql<boolean>`o.id = coalesce(d.organization_opd_id, i.producer_opd_id)`))
    .innerJoin('pemda as p', 'p.id', 'd.pemda_id')
    .select([
      'd.pemda_id', 'd.id', 'd.name', 'd.organization_opd_id', 'i.producer_opd_id', 'd.title', 'd.notes', 'd.tags', 'd.license_id', 'd.status', 'd.csv_resource_id', 'd.json_resource_id', 'd.created_at', 'd.updated_at',
      'i.id as indicator_id', 'i.code as indicator_code', 'i.name_id', 'i.name_en', 'i.definition', 'i.unit', 'i.kind', 'i.factor', 'i.periodicity', 'i.lowest_level', 'i.source', 'i.method', 'i.synthetic',
      'o.id as opd_id', 'o.code as opd_code', 'o.name as opd_name', 'o.created_at as opd_created_at',
      'p.kode_wilayah', 'p.name as pemda_name',
    ]);
  if (filter.pemdaId) query = query.where('d.pemda_id', '=', filter.pemdaId);
  if (filter.name) query = query.where('d.name', '=', filter.name);
  if (filter.id) query = query.where('d.id', '=', filter.id);
  if (filter.resourceId) query = query.where((eb) => eb.or([eb('d.csv_resource_id', '=', filter.resourceId as string), eb('d.json_resource_id', '=', filter.resourceId as string)]));
  if (!filter.includeWithdrawn) query = query.where('d.status', '=', 'published');
  return query.orderBy('d.name').execute();
}
export type DatasetRow = Awaited<ReturnType<typeof datasetRows>>[number];

/** Looks a dataset up by name or id (the CKAN `id` parameter takes either). */
export async function findDataset(db: Kysely<DB>, nameOrId: string, includeWithdrawn = true): Promise<DatasetRow | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(nameOrId);
  const rows = await datasetRows(db, isUuid ? { id: nameOrId, includeWithdrawn } : { name: nameOrId, includeWithdrawn });
  return rows[0];
}

export function presentDataset(row: DatasetRow, base: string): TDataset {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    notes: row.notes,
    indicatorId: row.indicator_id,
    indicatorCode: row.indicator_code,
    organization: { id: row.opd_id, name: orgName(row.kode_wilayah, row.opd_code), title: row.opd_name },
    organizationIsProducer: row.organization_opd_id === null || row.organization_opd_id === row.producer_opd_id,
    tags: row.tags,
    licenseId: row.license_id,
    status: row.status,
    csvUrl: `${base}/api/v1/open-data/datasets/${row.name}.csv`,
    jsonUrl: `${base}/api/v1/open-data/datasets/${row.name}.json`,
    csvResourceId: row.csv_resource_id,
    jsonResourceId: row.json_resource_id,
    modified: new Date(row.updated_at).toISOString(),
    pemda: { kode: row.kode_wilayah, name: row.pemda_name },
  };
}

export interface DatasetRecord {
  _id: number;
  kode_wilayah: string;
  nama_wilayah: string;
  tingkat: string;
  periode: string;
  nilai: number | null;
  pembilang: number | null;
  penyebut: number | null;
  satuan: string;
}

export const RECORD_FIELDS: Array<{ id: keyof DatasetRecord; type: 'int' | 'text' | 'numeric' }> = [
  { id: '_id', type: 'int' },
  { id: 'kode_wilayah', type: 'text' },
  { id: 'nama_wilayah', type: 'text' },
  { id: 'tingkat', type: 'text' },
  { id: 'periode', type: 'text' },
  { id: 'nilai', type: 'numeric' },
  { id: 'pembilang', type: 'numeric' },
  { id: 'penyebut', type: 'numeric' },
  { id: 'satuan', type: 'text' },
];

/** The published values (rejected ones left out), oldest period first, then by wilayah code. */
export async function datasetRecords(db: Kysely<DB>, row: DatasetRow): Promise<DatasetRecord[]> {
  const values = await db
    .selectFrom('indicator_value as v')
    .innerJoin('wilayah as w', (join) => join.onRef('w.pemda_id', '=', 'v.pemda_id').onRef('w.kode', '=', 'v.wilayah_kode'))
    .select(['v.wilayah_kode', 'w.name', 'w.level', 'v.period', 'v.value', 'v.numerator', 'v.denominator'])
    .where('v.pemda_id', '=', row.pemda_id)
    .where('v.indicator_id', '=', row.indicator_id)
    .where('v.review', '<>', 'rejected')
    .orderBy('v.period_start')
    .orderBy('v.wilayah_kode')
    .execute();
  return values.map((v, i) => ({ _id: i + 1, kode_wilayah: v.wilayah_kode, nama_wilayah: v.name, tingkat: v.level, periode: v.period, nilai: v.value, pembilang: v.numerator, penyebut: v.denominator, satuan: row.unit }));
}

const csvCell = (value: unknown) => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Cells starting with = + - @ are read as formulas by spreadsheets (CSV injection); a leading quote defuses them.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function recordsCsv(records: readonly DatasetRecord[]): string {
  const columns = RECORD_FIELDS.filter((f) => f.id !== '_id').map((f) => f.id);
  return [columns.join(','), ...records.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

export async function listMyDatasets(ctx: Ctx, base: string): Promise<TDataset[]> {
  const actor = requireUser(ctx.actor);
  return (await datasetRows(ctx.db, { pemdaId: actor.pemdaId, includeWithdrawn: true })).map((r) => presentDataset(r, base));
}

async function checkOrganization(ctx: Ctx, pemdaId: string, opdId: string | null | undefined): Promise<void> {
  if (!opdId) return;
  const opd = await ctx.db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('id', '=', opdId).executeTakeFirst();
  if (!opd) throw new AppError(IndicatorErrors.DATASET_ORGANIZATION_UNKNOWN);
}

export async function publishDataset(ctx: Ctx, base: string, input: { indicatorId: string; title: string; notes: string; slug: string; tags: string[]; licenseId: string; organizationOpdId?: string | null }): Promise<TDataset> {
  const indicator = await loadIndicator(ctx, input.indicatorId);
  const actor = await requireWalidata(ctx);
  if (indicator.approval !== 'approved') throw new AppError(IndicatorErrors.DATASET_INDICATOR_NOT_APPROVED);
  await checkOrganization(ctx, actor.pemdaId, input.organizationOpdId);
  const pemda = await ctx.db.selectFrom('pemda').select('kode_wilayah').where('id', '=', actor.pemdaId).executeTakeFirstOrThrow();
  const name = `${slugOfKode(pemda.kode_wilayah)}-${input.slug}`;
  const id = await inTransaction(ctx, async (tx) => {
    const taken = await tx.db.selectFrom('open_dataset').select('id').where('name', '=', name).executeTakeFirst();
    if (taken) throw new AppError(IndicatorErrors.DATASET_NAME_TAKEN, { name });
    const row = await tx.db
      .insertInto('open_dataset')
      .values({ pemda_id: actor.pemdaId, name, title: input.title, notes: input.notes, indicator_id: indicator.id, tags: JSON.stringify(input.tags), license_id: input.licenseId, organization_opd_id: input.organizationOpdId ?? null, published_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'dataset.published', entityType: 'open_dataset', entityId: row.id, after: { name, ...input } });
    return row.id;
  });
  return presentDataset((await datasetRows(ctx.db, { pemdaId: actor.pemdaId, id, includeWithdrawn: true }))[0] as DatasetRow, base);
}

export async function setDatasetStatus(ctx: Ctx, base: string, id: string, status: 'published' | 'withdrawn'): Promise<TDataset> {
  const actor = requireUser(ctx.actor);
  const before = (await datasetRows(ctx.db, { pemdaId: actor.pemdaId, id, includeWithdrawn: true }))[0];
  if (!before) throw new AppError(IndicatorErrors.DATASET_NOT_FOUND);
  await requireWalidata(ctx);
  if (before.status !== status) {
    await inTransaction(ctx, async (tx) => {
      await tx.db.updateTable('open_dataset').set({ status, updated_at: new Date() }).where('pemda_id', '=', actor.pemdaId).where('id', '=', id).execute();
      await writeAudit(tx, { pemdaId: actor.pemdaId, action: `dataset.${status}`, entityType: 'open_dataset', entityId: id, before: { status: before.status }, after: { status } });
    });
  }
  return presentDataset((await datasetRows(ctx.db, { pemdaId: actor.pemdaId, id, includeWithdrawn: true }))[0] as DatasetRow, base);
}

export interface DatasetUpdate {
  title: string;
  notes: string;
  tags: string[];
  licenseId: string;
  organizationOpdId: string | null;
}

/** The walidata edits a dataset's metadata, licence, tags and organisation (the name stays: it is the public id). */
export async function updateDataset(ctx: Ctx, base: string, id: string, input: DatasetUpdate): Promise<TDataset> {
  const actor = requireUser(ctx.actor);
  const before = (await datasetRows(ctx.db, { pemdaId: actor.pemdaId, id, includeWithdrawn: true }))[0];
  if (!before) throw new AppError(IndicatorErrors.DATASET_NOT_FOUND);
  await requireWalidata(ctx);
  await checkOrganization(ctx, actor.pemdaId, input.organizationOpdId);
  const tags = [...new Set(input.tags)];
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('open_dataset')
      .set({ title: input.title, notes: input.notes, tags: JSON.stringify(tags), license_id: input.licenseId, organization_opd_id: input.organizationOpdId, updated_at: new Date() })
      .where('pemda_id', '=', actor.pemdaId)
      .where('id', '=', id)
      .execute();
    await writeAudit(tx, {
      pemdaId: actor.pemdaId,
      action: 'dataset.updated',
      entityType: 'open_dataset',
      entityId: id,
      before: { title: before.title, notes: before.notes, tags: before.tags, licenseId: before.license_id, organizationOpdId: before.organization_opd_id },
      after: { ...input, tags },
    });
  });
  return presentDataset((await datasetRows(ctx.db, { pemdaId: actor.pemdaId, id, includeWithdrawn: true }))[0] as DatasetRow, base);
}
