import type { z } from 'zod';
import type { TPegawai, ZAssignJabatan, ZHolder } from '../../../contracts/org';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { OrgErrors } from './errors';
import { presentHolder } from './presenters';
import { staffRepository, type HolderRow, type StaffRepository } from './repository-staff';
import { mapUniqueViolation } from './service';
import { getPegawai } from './service-staff';

/**
 * Appointments: who holds which position from when to when (jabatan_holder). One definitif holder per position
 * at a time; a Plt/Plh stands in next to it. Same conventions as service.ts.
 */

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Ends what a new definitif appointment replaces, the day before it starts: the pegawai's current definitif post
 * (one post at a time) and their own Plt/Plh term on the same position (the Plt who is now appointed).
 */
async function endPreviousPosts(
  tx: TxCtx,
  input: { staff: StaffRepository; pemdaId: string; pegawaiId: string; startDate: string; actingHere: HolderRow[] },
): Promise<void> {
  const { staff, pemdaId, pegawaiId, startDate } = input;
  const replaced = [...(await staff.definitifHoldingsOf(pemdaId, pegawaiId, startDate)), ...input.actingHere];
  for (const previous of replaced) {
    if (previous.start_date >= startDate) throw new AppError(OrgErrors.HOLDER_START_CONFLICT, { startDate, currentStart: previous.start_date });
    const endDate = dayBefore(startDate);
    await staff.endHolder(pemdaId, previous.id, endDate);
    await writeAudit(tx, {
      pemdaId,
      action: 'jabatan_holder.ended',
      entityType: 'jabatan_holder',
      entityId: previous.id,
      before: { end_date: previous.end_date },
      after: { end_date: endDate },
      detail: { reason: 'replaced_by_new_appointment', jabatanId: previous.jabatan_id },
    });
  }
}

export async function assignJabatan(ctx: Ctx, input: { pemdaId: string; pegawaiId: string; assignment: z.infer<typeof ZAssignJabatan> }): Promise<TPegawai> {
  const { pemdaId, pegawaiId, assignment } = input;
  await inTransaction(ctx, async (tx) => {
    const staff = staffRepository(tx.db);
    const pegawai = await staff.findPegawai(pemdaId, pegawaiId);
    if (!pegawai) throw new AppError(OrgErrors.PEGAWAI_NOT_FOUND);
    // Locks the position: two appointments to it are decided one after the other.
    const jabatan = await staff.findJabatan(pemdaId, assignment.jabatanId, { forUpdate: true });
    if (!jabatan) throw new AppError(OrgErrors.JABATAN_NOT_FOUND);
    if (!pegawai.active) throw new AppError(OrgErrors.PEGAWAI_INACTIVE);
    if (!jabatan.active) throw new AppError(OrgErrors.JABATAN_INACTIVE, { name: jabatan.name });
    const holders = await staff.holdersOfJabatan(pemdaId, jabatan.id, assignment.startDate);
    const own = holders.filter((h) => h.pegawai_id === pegawaiId);
    if (own.some((h) => h.kind === 'definitif' || assignment.kind !== 'definitif')) throw new AppError(OrgErrors.JABATAN_ALREADY_HELD, { name: jabatan.name });
    if (assignment.kind === 'definitif') {
      if (holders.some((h) => h.kind === 'definitif')) throw new AppError(OrgErrors.JABATAN_OCCUPIED, { name: jabatan.name });
      await endPreviousPosts(tx, { staff, pemdaId, pegawaiId, startDate: assignment.startDate, actingHere: own });
      // A definitif appointment in another OPD moves the pegawai there (mutasi).
      if (pegawai.opd_id !== jabatan.opd_id) await staff.updatePegawai(pemdaId, pegawaiId, { opd_id: jabatan.opd_id });
    } else if (holders.some((h) => h.kind !== 'definitif')) {
      // A Plt/Plh stands in next to (or instead of) the definitif holder, but one at a time.
      throw new AppError(OrgErrors.JABATAN_ACTING_OCCUPIED, { name: jabatan.name });
    }
    const values = { pegawai_id: pegawaiId, jabatan_id: jabatan.id, kind: assignment.kind, start_date: assignment.startDate, sk_number: assignment.skNumber ?? null };
    const holder = await mapUniqueViolation(staff.insertHolder(pemdaId, values), OrgErrors.JABATAN_OCCUPIED, { name: jabatan.name });
    await writeAudit(tx, {
      pemdaId,
      action: 'jabatan_holder.assigned',
      entityType: 'jabatan_holder',
      entityId: holder.id,
      after: values,
      detail: pegawai.opd_id !== jabatan.opd_id && assignment.kind === 'definitif' ? { movedFromOpd: pegawai.opd_id, movedToOpd: jabatan.opd_id } : undefined,
    });
  });
  return getPegawai(ctx, { pemdaId, pegawaiId });
}

export async function endHolder(ctx: Ctx, input: { pemdaId: string; holderId: string; endDate: string }): Promise<z.infer<typeof ZHolder>> {
  const { pemdaId, holderId, endDate } = input;
  return inTransaction(ctx, async (tx) => {
    const staff = staffRepository(tx.db);
    const holder = await staff.findHolder(pemdaId, holderId);
    if (!holder) throw new AppError(OrgErrors.HOLDER_NOT_FOUND);
    if (holder.end_date !== null) throw new AppError(OrgErrors.HOLDER_ALREADY_ENDED, { date: holder.end_date });
    if (endDate < holder.start_date) throw new AppError(OrgErrors.HOLDER_END_BEFORE_START, { endDate, startDate: holder.start_date });
    await staff.endHolder(pemdaId, holderId, endDate);
    await writeAudit(tx, {
      pemdaId,
      action: 'jabatan_holder.ended',
      entityType: 'jabatan_holder',
      entityId: holderId,
      before: { end_date: null },
      after: { end_date: endDate },
      detail: { jabatanId: holder.jabatan_id, pegawaiId: holder.pegawai_id },
    });
    const detail = await staff.holderDetail(pemdaId, holderId);
    if (!detail) throw new AppError(OrgErrors.HOLDER_NOT_FOUND);
    return presentHolder(detail);
  });
}
