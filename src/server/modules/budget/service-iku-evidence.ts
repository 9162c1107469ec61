import { inTransaction, isUser, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { findStoredFile, storeFile, type StoredFileRecord } from '../../platform/files';
import { authorize } from '../../platform/policy';
import { BudgetErrors } from './errors';
import { BudgetActions } from './policy';

export interface IkuQuarterKey {
  ikuId: string;
  tahun: number;
  triwulan: number;
}

/**
 * Attaches an evidence file (report PDF, photo) to a quarter's recorded IKU value, by the owning OPD or the admin.
 * The value must exist first: evidence without a value would show nothing in the table. The file is sniffed and
 * stored by platform/files (type and size rules there); a new file replaces the previous one, audited.
 */
export async function attachIkuEvidence(ctx: Ctx, pemdaId: string, key: IkuQuarterKey, file: { data: Buffer; name: string }, filesDir: string): Promise<{ sha256: string }> {
  return inTransaction(ctx, async (tx) => {
    const iku = await tx.db.selectFrom('budget_iku').select(['id', 'opd_id']).where('pemda_id', '=', pemdaId).where('id', '=', key.ikuId).executeTakeFirst();
    if (!iku) throw new AppError(BudgetErrors.BUDGET_IKU_NOT_FOUND);
    authorize(tx.actor, BudgetActions['budget.iku.write'], { pemdaId, opdId: iku.opd_id });
    const row = await tx.db
      .selectFrom('budget_iku_realisasi')
      .select('bukti_file')
      .where('pemda_id', '=', pemdaId)
      .where('iku_id', '=', iku.id)
      .where('tahun', '=', key.tahun)
      .where('triwulan', '=', key.triwulan)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError(BudgetErrors.BUDGET_IKU_NOT_RECORDED, { triwulan: key.triwulan, tahun: key.tahun });
    const stored = await storeFile(tx, { filesDir, pemdaId, data: file.data, originalName: file.name, uploadedBy: isUser(tx.actor) ? tx.actor.userId : null });
    await tx.db
      .updateTable('budget_iku_realisasi')
      .set({ bukti_file: stored.sha256 })
      .where('pemda_id', '=', pemdaId)
      .where('iku_id', '=', iku.id)
      .where('tahun', '=', key.tahun)
      .where('triwulan', '=', key.triwulan)
      .execute();
    await writeAudit(tx, {
      pemdaId,
      action: 'budget.iku.evidence',
      entityType: 'budget_iku',
      entityId: iku.id,
      before: { tahun: key.tahun, triwulan: key.triwulan, bukti_file: row.bukti_file },
      after: { tahun: key.tahun, triwulan: key.triwulan, bukti_file: stored.sha256 },
    });
    return { sha256: stored.sha256 };
  });
}

/** The evidence file of a quarter, only when the digest asked for is the one recorded there (no guessing of other files). */
export async function findIkuEvidence(ctx: Ctx, pemdaId: string, key: IkuQuarterKey, sha256: string): Promise<StoredFileRecord> {
  const row = await ctx.db
    .selectFrom('budget_iku_realisasi')
    .select('bukti_file')
    .where('pemda_id', '=', pemdaId)
    .where('iku_id', '=', key.ikuId)
    .where('tahun', '=', key.tahun)
    .where('triwulan', '=', key.triwulan)
    .executeTakeFirst();
  const file = row?.bukti_file === sha256 ? await findStoredFile(ctx.db, pemdaId, sha256) : null;
  if (!file) throw new AppError(BudgetErrors.BUDGET_IKU_EVIDENCE_NOT_FOUND);
  return file;
}
