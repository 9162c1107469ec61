import { sql, type Kysely } from 'kysely';
import type { TServiceAttribute, TService, TServiceUpsert, TSlaClass, TSlaClassUpsert } from '../../../contracts/complaints';
import type { DB } from '../../db/schema';
import type { TxCtx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { TtlCache } from './cache';
import { ComplaintErrors } from './errors';

/**
 * The service catalogue of a Pemda: what the public may report, who handles it and under which deadline class.
 * Each service is also an Open311 service; its attributes are the Open311 service definition.
 */

/**
 * Deadline classes in working days. 'standar' is SP4N-LAPOR! (PermenPANRB 62/2018, BRIEF 4.8): verification 3,
 * first substantive follow-up 5, resolution 60. The others are examples a Pemda may change [U].
 */
export const DEFAULT_SLA_CLASSES: TSlaClass[] = [
  { code: 'standar', name: 'Standar SP4N-LAPOR!', verifyDays: 3, respondDays: 5, resolveDays: 60, legalBasis: 'PermenPANRB 62/2018 (SP4N-LAPOR!)' },
  { code: 'segera', name: 'Segera (darurat/keselamatan)', verifyDays: 1, respondDays: 2, resolveDays: 14, legalBasis: 'Kebijakan Pemda (dapat diubah)' },
  { code: 'administrasi', name: 'Administrasi kependudukan/perizinan', verifyDays: 3, respondDays: 5, resolveDays: 20, legalBasis: 'Kebijakan Pemda (dapat diubah)' },
];

/**
 * Gives a Pemda the default classes the first time it has none. Only then: a class the administrator deleted stays
 * deleted (the last class cannot be deleted, see deleteSlaClass).
 */
export async function ensureSlaClasses(db: Kysely<DB>, pemdaId: string): Promise<void> {
  const any = await db.selectFrom('complaint_sla_class').select('code').where('pemda_id', '=', pemdaId).limit(1).executeTakeFirst();
  if (any) return;
  await db
    .insertInto('complaint_sla_class')
    .values(DEFAULT_SLA_CLASSES.map((c) => ({ pemda_id: pemdaId, code: c.code, name: c.name, verify_days: c.verifyDays, respond_days: c.respondDays, resolve_days: c.resolveDays, legal_basis: c.legalBasis })))
    .onConflict((oc) => oc.columns(['pemda_id', 'code']).doNothing())
    .execute();
}

export async function listSlaClasses(db: Kysely<DB>, pemdaId: string): Promise<TSlaClass[]> {
  await ensureSlaClasses(db, pemdaId);
  const rows = await db.selectFrom('complaint_sla_class').selectAll().where('pemda_id', '=', pemdaId).orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, verifyDays: r.verify_days, respondDays: r.respond_days, resolveDays: r.resolve_days, legalBasis: r.legal_basis }));
}

/**
 * Creates or changes a deadline class (admin Pemda). Complaints already filed keep the due dates they got; new ones
 * use the new figures at once in this process (the catalogue cache is cleared) and within 30 s in the others.
 */
export async function upsertSlaClass(tx: TxCtx, pemdaId: string, input: TSlaClassUpsert, mode: 'create' | 'update'): Promise<TSlaClass> {
  if (!(input.verifyDays <= input.respondDays && input.respondDays <= input.resolveDays)) throw new AppError(ComplaintErrors.COMPLAINT_SLA_ORDER);
  await ensureSlaClasses(tx.db, pemdaId);
  const existing = await tx.db.selectFrom('complaint_sla_class').selectAll().where('pemda_id', '=', pemdaId).where('code', '=', input.code).forUpdate().executeTakeFirst();
  if (mode === 'create' && existing) throw new AppError(ComplaintErrors.COMPLAINT_SLA_EXISTS, { code: input.code });
  if (mode === 'update' && !existing) throw new AppError(ComplaintErrors.COMPLAINT_SLA_UNKNOWN, { code: input.code });
  const row = { name: input.name, verify_days: input.verifyDays, respond_days: input.respondDays, resolve_days: input.resolveDays, legal_basis: input.legalBasis };
  if (existing) {
    await tx.db.updateTable('complaint_sla_class').set(row).where('pemda_id', '=', pemdaId).where('code', '=', input.code).execute();
  } else {
    await tx.db.insertInto('complaint_sla_class').values({ pemda_id: pemdaId, code: input.code, ...row }).execute();
  }
  const before = existing ? { name: existing.name, verify_days: existing.verify_days, respond_days: existing.respond_days, resolve_days: existing.resolve_days, legal_basis: existing.legal_basis } : null;
  await writeAudit(tx, { pemdaId, action: mode === 'create' ? 'complaints.sla_class.created' : 'complaints.sla_class.updated', entityType: 'complaint_sla_class', entityId: input.code, before, after: row });
  invalidateCatalogue(pemdaId);
  return { ...input };
}

/** "3 layanan dan 120 pengaduan" / "3 services and 120 complaints": what still refers to a class or service. */
function describeUses(counts: Array<{ n: number; id: string; en: string; enOne: string }>): { id: string; en: string } {
  const used = counts.filter((c) => c.n > 0);
  const join = (parts: string[], and: string) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`);
  return {
    id: join(used.map((c) => `${c.n.toLocaleString('id-ID')} ${c.id}`), 'dan'),
    en: join(used.map((c) => `${c.n.toLocaleString('en-US')} ${c.n === 1 ? c.enOne : c.en}`), 'and'),
  };
}

/** PostgreSQL foreign_key_violation: a row that refers to the one being deleted appeared meanwhile. */
function isForeignKeyViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23503';
}

/**
 * Deletes a deadline class nothing refers to (admin Pemda). Refused (409) while a service uses it or a complaint was
 * filed under it (the complaint's due dates were computed from it), and for the Pemda's last class. The row is locked
 * first, so a service or complaint being added concurrently either commits before the count or waits and fails.
 */
export async function deleteSlaClass(tx: TxCtx, pemdaId: string, code: string): Promise<void> {
  // All the Pemda's classes are locked, not only this one: two admins deleting the last two classes at once must
  // not both see two left (the Pemda would be left with none, and the defaults would come back).
  const all = await tx.db.selectFrom('complaint_sla_class').selectAll().where('pemda_id', '=', pemdaId).orderBy('code').forUpdate().execute();
  const existing = all.find((row) => row.code === code);
  if (!existing) throw new AppError(ComplaintErrors.COMPLAINT_SLA_NOT_FOUND);
  const count = (table: 'complaint_service' | 'complaint') =>
    tx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).where('sla_class', '=', code).executeTakeFirstOrThrow();
  const services = await count('complaint_service');
  const complaints = await count('complaint');
  if (Number(services.n) > 0 || Number(complaints.n) > 0) {
    const uses = describeUses([
      { n: Number(services.n), id: 'layanan', en: 'services', enOne: 'service' },
      { n: Number(complaints.n), id: 'pengaduan', en: 'complaints', enOne: 'complaint' },
    ]);
    throw new AppError(ComplaintErrors.COMPLAINT_SLA_IN_USE, { code, uses });
  }
  if (all.length <= 1) throw new AppError(ComplaintErrors.COMPLAINT_SLA_LAST);
  try {
    await tx.db.deleteFrom('complaint_sla_class').where('pemda_id', '=', pemdaId).where('code', '=', code).execute();
  } catch (err) {
    if (isForeignKeyViolation(err)) throw new AppError(ComplaintErrors.COMPLAINT_SLA_IN_USE, { code, uses: { id: 'data baru', en: 'new data' } });
    throw err;
  }
  await writeAudit(tx, {
    pemdaId,
    action: 'complaints.sla_class.deleted',
    entityType: 'complaint_sla_class',
    entityId: code,
    before: { name: existing.name, verify_days: existing.verify_days, respond_days: existing.respond_days, resolve_days: existing.resolve_days, legal_basis: existing.legal_basis },
    after: null,
  });
  invalidateCatalogue(pemdaId);
}

export interface CatalogueEntry extends TService {
  sla: TSlaClass;
}

const catalogues = new TtlCache<CatalogueEntry[]>();

async function loadCatalogue(db: Kysely<DB>, pemdaId: string): Promise<CatalogueEntry[]> {
  const classes = new Map((await listSlaClasses(db, pemdaId)).map((c) => [c.code, c]));
  const services = await db
    .selectFrom('complaint_service as s')
    .leftJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 's.pemda_id').onRef('o.id', '=', 's.opd_id'))
    .select(['s.code', 's.name', 's.description', 's.group_name', 's.keywords', 's.opd_id', 'o.name as opd_name', 's.territorial', 's.sla_class', 's.service_notice', 's.active'])
    .where('s.pemda_id', '=', pemdaId)
    .orderBy('s.sort_order')
    .orderBy('s.code')
    .execute();
  const attributes = await db.selectFrom('complaint_service_attribute').selectAll().where('pemda_id', '=', pemdaId).orderBy('sort_order').orderBy('code').execute();
  const byService = new Map<string, TServiceAttribute[]>();
  for (const a of attributes) {
    const list = byService.get(a.service_code) ?? [];
    list.push({ code: a.code, variable: a.variable, datatype: a.datatype, required: a.required, datatypeDescription: a.datatype_description, order: a.sort_order, description: a.description, values: a.values });
    byService.set(a.service_code, list);
  }
  return services.map((s) => ({
    code: s.code,
    name: s.name,
    description: s.description,
    group: s.group_name,
    keywords: s.keywords,
    opdId: s.opd_id,
    opdName: s.opd_name,
    territorial: s.territorial,
    slaClass: s.sla_class,
    serviceNotice: s.service_notice,
    active: s.active,
    attributes: byService.get(s.code) ?? [],
    sla: classes.get(s.sla_class) ?? (DEFAULT_SLA_CLASSES[0] as TSlaClass),
  }));
}

/** The whole catalogue (active and inactive), cached briefly: intake reads it on every request. */
export function catalogue(db: Kysely<DB>, pemdaId: string): Promise<CatalogueEntry[]> {
  return catalogues.get(pemdaId, () => loadCatalogue(db, pemdaId));
}

export async function findService(db: Kysely<DB>, pemdaId: string, code: string): Promise<CatalogueEntry | null> {
  return (await catalogue(db, pemdaId)).find((s) => s.code === code) ?? null;
}

export function invalidateCatalogue(pemdaId: string): void {
  catalogues.delete(pemdaId);
}

/** Creates or replaces a service and its attributes (admin Pemda). */
export async function upsertService(tx: TxCtx, pemdaId: string, input: TServiceUpsert, mode: 'create' | 'update'): Promise<void> {
  await ensureSlaClasses(tx.db, pemdaId);
  const sla = await tx.db.selectFrom('complaint_sla_class').select('code').where('pemda_id', '=', pemdaId).where('code', '=', input.slaClass).executeTakeFirst();
  if (!sla) throw new AppError(ComplaintErrors.COMPLAINT_SLA_UNKNOWN, { code: input.slaClass });
  if (input.opdId) {
    const opd = await tx.db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('id', '=', input.opdId).executeTakeFirst();
    if (!opd) throw new AppError(ComplaintErrors.COMPLAINT_OPD_UNKNOWN);
  } else if (!input.territorial) {
    throw new AppError(ComplaintErrors.COMPLAINT_OPD_UNKNOWN);
  }
  const existing = await tx.db.selectFrom('complaint_service').selectAll().where('pemda_id', '=', pemdaId).where('code', '=', input.code).executeTakeFirst();
  if (mode === 'create' && existing) throw new AppError(ComplaintErrors.COMPLAINT_SERVICE_EXISTS, { code: input.code });
  if (mode === 'update' && !existing) throw new AppError(ComplaintErrors.COMPLAINT_SERVICE_NOT_FOUND);
  const row = {
    name: input.name,
    description: input.description,
    group_name: input.group,
    keywords: input.keywords,
    opd_id: input.opdId,
    territorial: input.territorial,
    sla_class: input.slaClass,
    service_notice: input.serviceNotice,
    active: input.active,
  };
  if (existing) {
    await tx.db.updateTable('complaint_service').set({ ...row, updated_at: sql<Date>`now()` }).where('pemda_id', '=', pemdaId).where('code', '=', input.code).execute();
    await tx.db.deleteFrom('complaint_service_attribute').where('pemda_id', '=', pemdaId).where('service_code', '=', input.code).execute();
  } else {
    await tx.db.insertInto('complaint_service').values({ pemda_id: pemdaId, code: input.code, ...row }).execute();
  }
  if (input.attributes.length > 0) {
    await tx.db
      .insertInto('complaint_service_attribute')
      .values(
        input.attributes.map((a) => ({
          pemda_id: pemdaId,
          service_code: input.code,
          code: a.code,
          variable: a.variable,
          datatype: a.datatype,
          required: a.required,
          datatype_description: a.datatypeDescription,
          sort_order: a.order,
          description: a.description,
          values: JSON.stringify(a.values),
        })),
      )
      .execute();
  }
  await writeAudit(tx, {
    pemdaId,
    action: mode === 'create' ? 'complaints.service.created' : 'complaints.service.updated',
    entityType: 'complaint_service',
    entityId: input.code,
    before: existing ? { name: existing.name, opd_id: existing.opd_id, sla_class: existing.sla_class, active: existing.active } : null,
    after: { name: input.name, opd_id: input.opdId, sla_class: input.slaClass, active: input.active, attributes: input.attributes.length },
  });
  invalidateCatalogue(pemdaId);
}

/**
 * Deletes a service nothing refers to, with its Open311 attributes (admin Pemda). Refused (409) once a complaint was
 * filed under it: such a service is deactivated instead, so its complaints keep their category. IKM survey units
 * are per OPD and do not refer to services.
 */
export async function deleteService(tx: TxCtx, pemdaId: string, code: string): Promise<void> {
  const existing = await tx.db.selectFrom('complaint_service').selectAll().where('pemda_id', '=', pemdaId).where('code', '=', code).forUpdate().executeTakeFirst();
  if (!existing) throw new AppError(ComplaintErrors.COMPLAINT_SERVICE_NOT_FOUND);
  const complaints = await tx.db.selectFrom('complaint').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).where('service_code', '=', code).executeTakeFirstOrThrow();
  if (Number(complaints.n) > 0) {
    throw new AppError(ComplaintErrors.COMPLAINT_SERVICE_IN_USE, { code, uses: describeUses([{ n: Number(complaints.n), id: 'pengaduan', en: 'complaints', enOne: 'complaint' }]) });
  }
  const attributes = await tx.db.deleteFrom('complaint_service_attribute').where('pemda_id', '=', pemdaId).where('service_code', '=', code).executeTakeFirst();
  try {
    await tx.db.deleteFrom('complaint_service').where('pemda_id', '=', pemdaId).where('code', '=', code).execute();
  } catch (err) {
    if (isForeignKeyViolation(err)) throw new AppError(ComplaintErrors.COMPLAINT_SERVICE_IN_USE, { code, uses: { id: 'pengaduan baru', en: 'a new complaint' } });
    throw err;
  }
  await writeAudit(tx, {
    pemdaId,
    action: 'complaints.service.deleted',
    entityType: 'complaint_service',
    entityId: code,
    before: { name: existing.name, group_name: existing.group_name, opd_id: existing.opd_id, territorial: existing.territorial, sla_class: existing.sla_class, active: existing.active, attributes: Number(attributes.numDeletedRows) },
    after: null,
  });
  invalidateCatalogue(pemdaId);
}
