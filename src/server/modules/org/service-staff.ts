import type { z } from 'zod';
import type {
  TJabatan,
  TPegawai,
  TPegawaiSummary,
  ZJabatanCreate,
  ZJabatanQuery,
  ZJabatanUpdate,
  ZPegawaiCreate,
  ZPegawaiSearchQuery,
  ZPegawaiUpdate,
} from '../../../contracts/org';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { decodeCursor, encodeCursor } from '../../platform/cursor';
import { can } from '../../platform/policy';
import { OrgErrors } from './errors';
import { parseNip } from './nip';
import { OrgActions } from './policy';
import { jabatanLabel, presentJabatan, presentPegawai, presentPegawaiSummary } from './presenters';
import { orgRepository } from './repository';
import { staffRepository, type JabatanRow, type PegawaiValues } from './repository-staff';
import { mapUniqueViolation, pemdaToday, sameValues } from './service';

/** Business rules of positions (jabatan) and pegawai (appointments: service-appointments.ts). Same conventions as service.ts. */

type Page<T> = { items: T[]; nextCursor: string | null };

async function todayOf(ctx: Ctx, pemdaId: string): Promise<string> {
  return pemdaToday(orgRepository(ctx.db), pemdaId);
}

// ---- Jabatan ----

async function jabatanById(ctx: Ctx, input: { pemdaId: string; jabatanId: string }): Promise<TJabatan> {
  const today = await todayOf(ctx, input.pemdaId);
  const [row] = await staffRepository(ctx.db).jabatanWithHolders(input.pemdaId, { today, ids: [input.jabatanId], activeOnly: false });
  if (!row) throw new AppError(OrgErrors.JABATAN_NOT_FOUND);
  return presentJabatan(row);
}

export async function listJabatan(ctx: Ctx, pemdaId: string, query: z.infer<typeof ZJabatanQuery>): Promise<Page<TJabatan>> {
  const today = await todayOf(ctx, pemdaId);
  const afterCode = query.cursor ? String(decodeCursor(query.cursor, 1)[0]) : undefined;
  const rows = await staffRepository(ctx.db).jabatanWithHolders(pemdaId, {
    today,
    opdId: query.opd,
    kind: query.kind,
    vacant: query.vacant === undefined ? undefined : query.vacant === 'true',
    activeOnly: true,
    afterCode,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(presentJabatan), nextCursor: rows.length > query.limit && last ? encodeCursor([last.code]) : null };
}

/** The unit must be one of the OPD's; one active head position per OPD (it names the OPD's head everywhere). */
async function checkJabatanPlacement(tx: TxCtx, input: { pemdaId: string; jabatanId: string | null; values: Omit<JabatanRow, 'pemda_id' | 'id'> }): Promise<void> {
  const { pemdaId, values } = input;
  const org = orgRepository(tx.db);
  if (!(await org.findOpd(pemdaId, values.opd_id))) throw new AppError(OrgErrors.OPD_NOT_FOUND);
  if (values.unit_id) {
    const unit = await org.findUnit(pemdaId, values.unit_id);
    if (!unit || unit.opd_id !== values.opd_id) throw new AppError(OrgErrors.UNIT_NOT_FOUND);
  }
  if (values.is_opd_head && values.active) {
    const head = await staffRepository(tx.db).findOpdHeadJabatan(pemdaId, values.opd_id, input.jabatanId ?? undefined);
    if (head) throw new AppError(OrgErrors.JABATAN_HEAD_EXISTS, { name: head.name });
  }
}

export async function createJabatan(ctx: Ctx, input: { pemdaId: string; jabatan: z.infer<typeof ZJabatanCreate> }): Promise<TJabatan> {
  const { pemdaId, jabatan } = input;
  const id = await inTransaction(ctx, async (tx) => {
    const staff = staffRepository(tx.db);
    const values = {
      code: jabatan.code,
      name: jabatan.name,
      kind: jabatan.kind,
      kelas_jabatan: jabatan.kelasJabatan,
      opd_id: jabatan.opdId,
      unit_id: jabatan.unitId ?? null,
      is_opd_head: jabatan.isOpdHead ?? false,
    };
    if (await staff.jabatanCodeTaken(pemdaId, values.code)) throw new AppError(OrgErrors.JABATAN_CODE_TAKEN, { code: values.code });
    await checkJabatanPlacement(tx, { pemdaId, jabatanId: null, values: { ...values, active: true } });
    const row = await mapUniqueViolation(staff.insertJabatan(pemdaId, values), OrgErrors.JABATAN_CODE_TAKEN, { code: values.code });
    await writeAudit(tx, { pemdaId, action: 'jabatan.created', entityType: 'jabatan', entityId: row.id, after: values });
    return row.id;
  });
  return jabatanById(ctx, { pemdaId, jabatanId: id });
}

export async function updateJabatan(ctx: Ctx, input: { pemdaId: string; jabatanId: string; patch: z.infer<typeof ZJabatanUpdate> }): Promise<TJabatan> {
  const { pemdaId, jabatanId, patch } = input;
  await inTransaction(ctx, async (tx) => {
    const staff = staffRepository(tx.db);
    const before = await staff.findJabatan(pemdaId, jabatanId, { forUpdate: true });
    if (!before) throw new AppError(OrgErrors.JABATAN_NOT_FOUND);
    const { id: _id, pemda_id: _pemda, ...current } = before;
    const after = {
      code: patch.code ?? current.code,
      name: patch.name ?? current.name,
      kind: patch.kind ?? current.kind,
      kelas_jabatan: patch.kelasJabatan ?? current.kelas_jabatan,
      opd_id: patch.opdId ?? current.opd_id,
      unit_id: patch.unitId !== undefined ? patch.unitId : current.unit_id,
      is_opd_head: patch.isOpdHead ?? current.is_opd_head,
      active: patch.active ?? current.active,
    };
    if (after.code !== current.code && (await staff.jabatanCodeTaken(pemdaId, after.code, jabatanId))) throw new AppError(OrgErrors.JABATAN_CODE_TAKEN, { code: after.code });
    await checkJabatanPlacement(tx, { pemdaId, jabatanId, values: after });
    if (current.active && !after.active) {
      const today = await pemdaToday(orgRepository(tx.db), pemdaId);
      // A position that is still held cannot disappear: the holder's term must end first (it is their record).
      if ((await staff.holdersOfJabatan(pemdaId, jabatanId, today)).length > 0) throw new AppError(OrgErrors.JABATAN_HAS_HOLDER, { name: current.name });
    }
    if (sameValues(current, after)) return;
    await mapUniqueViolation(staff.updateJabatan(pemdaId, jabatanId, after), OrgErrors.JABATAN_CODE_TAKEN, { code: after.code });
    await writeAudit(tx, { pemdaId, action: 'jabatan.updated', entityType: 'jabatan', entityId: jabatanId, before: current, after });
  });
  return jabatanById(ctx, { pemdaId, jabatanId });
}

// ---- Pegawai ----

export async function searchPegawai(ctx: Ctx, pemdaId: string, query: z.infer<typeof ZPegawaiSearchQuery>): Promise<Page<TPegawaiSummary>> {
  const staff = staffRepository(ctx.db);
  const q = (query.q ?? '').toLowerCase();
  const compact = q.replace(/\s+/g, '');
  const isNip = /^\d+$/.test(compact);
  let after: { name: string; id: string } | null = null;
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, 2);
    after = { name: String(name), id: String(id) };
  }
  const rows = await staff
    .searchPegawaiQuery(pemdaId, {
      words: isNip ? [] : q.split(/\s+/).filter(Boolean).slice(0, 5),
      nipPrefix: isNip ? compact : null,
      opdId: query.opd,
      status: query.status,
      includeInactive: query.includeInactive === 'true',
      after,
      limit: query.limit + 1,
    })
    .execute();
  const page = rows.slice(0, query.limit);
  const today = await todayOf(ctx, pemdaId);
  const current = new Map((await staff.currentJabatanOf(pemdaId, page.map((row) => row.id), today)).map((row) => [row.pegawai_id, row]));
  const last = page[page.length - 1];
  return {
    items: page.map((row) => presentPegawaiSummary(row, jabatanLabel(current.get(row.id)))),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}

export async function getPegawai(ctx: Ctx, input: { pemdaId: string; pegawaiId: string }): Promise<TPegawai> {
  const { pemdaId, pegawaiId } = input;
  const staff = staffRepository(ctx.db);
  const row = await staff.findPegawai(pemdaId, pegawaiId);
  if (!row) throw new AppError(OrgErrors.PEGAWAI_NOT_FOUND);
  const today = await todayOf(ctx, pemdaId);
  const [current, history] = await Promise.all([staff.currentJabatanOf(pemdaId, [pegawaiId], today), staff.pegawaiHistory(pemdaId, pegawaiId)]);
  const showContact = can(ctx.actor, OrgActions['org.pegawai.contact'], { pemdaId, opdId: row.opd_id, pegawaiId });
  return presentPegawai({ row, jabatanName: jabatanLabel(current[0]), history, showContact });
}

type Identity = Pick<PegawaiValues, 'status' | 'nip' | 'sex' | 'birth_date'>;

/**
 * PNS and PPPK have an 18-digit NIP, non-ASN staff none. The NIP encodes birth date and sex (BKN), so those must
 * agree with it and are filled from it when left empty.
 */
function checkIdentity(record: Identity, lang: Ctx['lang']): Identity {
  if (record.status === 'NON_ASN') {
    if (record.nip) throw new AppError(OrgErrors.PEGAWAI_NIP_NOT_FOR_NON_ASN);
    return record;
  }
  if (!record.nip) throw new AppError(OrgErrors.PEGAWAI_NIP_REQUIRED);
  const parsed = parseNip(record.nip);
  if (!parsed.ok) throw new AppError(OrgErrors.PEGAWAI_NIP_INVALID, { reason: lang === 'en' ? parsed.reason.en : parsed.reason.id });
  if (record.sex && record.sex !== parsed.sex) throw new AppError(OrgErrors.PEGAWAI_NIP_SEX_MISMATCH, { sex: record.sex, nipSex: parsed.sex });
  if (record.birth_date && record.birth_date !== parsed.birthDate) {
    throw new AppError(OrgErrors.PEGAWAI_NIP_BIRTHDATE_MISMATCH, { birthDate: record.birth_date, nipBirthDate: parsed.birthDate });
  }
  return { status: record.status, nip: parsed.nip, sex: parsed.sex, birth_date: parsed.birthDate };
}

function checkPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '').length;
  if (!/^\+?[0-9][0-9 -]*[0-9]$/.test(phone) || digits < 8 || digits > 15) throw new AppError(OrgErrors.PEGAWAI_PHONE_INVALID);
  return phone;
}

/**
 * What the audit trail keeps of a pegawai. Contact data (phone, e-mail, birth date) is personal data (UU PDP
 * 27/2022) and is left out: the trail records which of those fields changed, not their values.
 */
function auditedFields(values: PegawaiValues) {
  const { phone: _phone, email: _email, birth_date: _birth, ...rest } = values;
  return rest;
}

function changedContactFields(before: PegawaiValues | null, after: PegawaiValues): string[] {
  return (['phone', 'email', 'birth_date'] as const).filter((key) => (before ? before[key] !== after[key] : after[key] !== null));
}

async function checkPegawaiRefs(tx: TxCtx, input: { pemdaId: string; pegawaiId: string | null; values: PegawaiValues }): Promise<void> {
  const { pemdaId, values } = input;
  if (!(await orgRepository(tx.db).findOpd(pemdaId, values.opd_id))) throw new AppError(OrgErrors.OPD_NOT_FOUND);
  if (values.nip && (await staffRepository(tx.db).nipTaken(pemdaId, values.nip, input.pegawaiId ?? undefined))) {
    throw new AppError(OrgErrors.PEGAWAI_NIP_TAKEN, { nip: values.nip });
  }
}

const emptyToNull = (value: string | null | undefined): string | null => (value ? value : null);

export async function createPegawai(ctx: Ctx, input: { pemdaId: string; pegawai: z.infer<typeof ZPegawaiCreate> }): Promise<TPegawai> {
  const { pemdaId, pegawai } = input;
  const identity = checkIdentity(
    { status: pegawai.status, nip: emptyToNull(pegawai.nip), sex: pegawai.sex ?? null, birth_date: pegawai.birthDate ?? null },
    ctx.lang,
  );
  const values: PegawaiValues = {
    ...identity,
    name: pegawai.name,
    gelar_depan: emptyToNull(pegawai.gelarDepan),
    gelar_belakang: emptyToNull(pegawai.gelarBelakang),
    golongan: emptyToNull(pegawai.golongan),
    phone: checkPhone(emptyToNull(pegawai.phone)),
    email: pegawai.email ? pegawai.email.toLowerCase() : null,
    opd_id: pegawai.opdId,
    office: emptyToNull(pegawai.office),
    active: true,
  };
  const id = await inTransaction(ctx, async (tx) => {
    await checkPegawaiRefs(tx, { pemdaId, pegawaiId: null, values });
    const row = await mapUniqueViolation(staffRepository(tx.db).insertPegawai(pemdaId, values), OrgErrors.PEGAWAI_NIP_TAKEN, { nip: values.nip ?? '' });
    await writeAudit(tx, {
      pemdaId,
      action: 'pegawai.created',
      entityType: 'pegawai',
      entityId: row.id,
      after: auditedFields(values),
      detail: { contactFieldsSet: changedContactFields(null, values) },
    });
    return row.id;
  });
  return getPegawai(ctx, { pemdaId, pegawaiId: id });
}

export async function updatePegawai(ctx: Ctx, input: { pemdaId: string; pegawaiId: string; patch: z.infer<typeof ZPegawaiUpdate> }): Promise<TPegawai> {
  const { pemdaId, pegawaiId, patch } = input;
  await inTransaction(ctx, async (tx) => {
    const staff = staffRepository(tx.db);
    const row = await staff.findPegawai(pemdaId, pegawaiId);
    if (!row) throw new AppError(OrgErrors.PEGAWAI_NOT_FOUND);
    const { id: _id, pemda_id: _pemda, synthetic: _synthetic, opd_name: _opdName, ...before } = row;
    const nip = patch.nip !== undefined ? emptyToNull(patch.nip) : before.nip;
    // A new NIP brings its own birth date and sex unless they are given alongside it.
    const nipChanged = nip !== before.nip;
    const identity = checkIdentity(
      {
        status: patch.status ?? before.status,
        nip,
        sex: patch.sex !== undefined ? patch.sex : nipChanged ? null : before.sex,
        birth_date: patch.birthDate !== undefined ? patch.birthDate : nipChanged ? null : before.birth_date,
      },
      ctx.lang,
    );
    const after: PegawaiValues = {
      ...before,
      ...identity,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.gelarDepan !== undefined && { gelar_depan: emptyToNull(patch.gelarDepan) }),
      ...(patch.gelarBelakang !== undefined && { gelar_belakang: emptyToNull(patch.gelarBelakang) }),
      ...(patch.golongan !== undefined && { golongan: emptyToNull(patch.golongan) }),
      ...(patch.phone !== undefined && { phone: checkPhone(emptyToNull(patch.phone)) }),
      ...(patch.email !== undefined && { email: patch.email ? patch.email.toLowerCase() : null }),
      ...(patch.opdId !== undefined && { opd_id: patch.opdId }),
      ...(patch.office !== undefined && { office: emptyToNull(patch.office) }),
      ...(patch.active !== undefined && { active: patch.active }),
    };
    await checkPegawaiRefs(tx, { pemdaId, pegawaiId, values: after });
    if (sameValues(before, after)) return;
    await mapUniqueViolation(staff.updatePegawai(pemdaId, pegawaiId, after), OrgErrors.PEGAWAI_NIP_TAKEN, { nip: after.nip ?? '' });
    await writeAudit(tx, {
      pemdaId,
      action: 'pegawai.updated',
      entityType: 'pegawai',
      entityId: pegawaiId,
      before: auditedFields(before),
      after: auditedFields(after),
      detail: { contactFieldsChanged: changedContactFields(before, after) },
    });
  });
  return getPegawai(ctx, { pemdaId, pegawaiId });
}
