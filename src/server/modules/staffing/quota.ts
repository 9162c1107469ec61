import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { TQuotaUsage, ZQuotaCreate } from '../../../contracts/staffing';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx, type TxCtx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { StaffingErrors } from './errors';
import { GROUP_LABELS } from './rules';
import type { EselonGroup } from './tables';

/**
 * Per-Pemda quota rules with their citation (seed 002: the Plt. Sekjen Kemendagri's guidance of at most 3 eselon II
 * and 15 eselon III/IV proposals before the Pilkada; BRIEF §4.9 [U]: configuration, never a constant). A proposal
 * counts while it is not rejected or cancelled.
 */
export async function quotaUsage(db: Kysely<DB>, pemdaId: string, date?: string): Promise<TQuotaUsage[]> {
  let rules = db.selectFrom('stf_quota_rule').selectAll().where('pemda_id', '=', pemdaId).orderBy('valid_from', 'desc').orderBy('eselon_group');
  if (date) rules = rules.where('valid_from', '<=', date).where('valid_to', '>=', date);
  const out: TQuotaUsage[] = [];
  for (const rule of await rules.execute()) {
    const used = await countUsed(db, pemdaId, rule);
    out.push({ id: rule.id, eselonGroup: rule.eselon_group, maxProposals: rule.max_proposals, validFrom: rule.valid_from, validTo: rule.valid_to, legalBasis: rule.legal_basis, used, remaining: Math.max(0, rule.max_proposals - used) });
  }
  return out;
}

async function countUsed(db: Kysely<DB>, pemdaId: string, rule: { eselon_group: EselonGroup; valid_from: string; valid_to: string }): Promise<number> {
  const row = await db
    .selectFrom('stf_proposal')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('pemda_id', '=', pemdaId)
    .where('eselon_group', '=', rule.eselon_group)
    .where('proposed_on', '>=', rule.valid_from)
    .where('proposed_on', '<=', rule.valid_to)
    .where('status', 'not in', ['ditolak', 'dibatalkan'])
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Refuses a proposal that would exceed a rule in force on its date; locks the rules so two cannot both squeeze in. */
export async function checkQuota(tx: TxCtx, pemdaId: string, group: EselonGroup, date: string): Promise<void> {
  const rules = await tx.db
    .selectFrom('stf_quota_rule')
    .selectAll()
    .where('pemda_id', '=', pemdaId)
    .where('eselon_group', '=', group)
    .where('valid_from', '<=', date)
    .where('valid_to', '>=', date)
    .forUpdate()
    .execute();
  for (const rule of rules) {
    const used = await countUsed(tx.db, pemdaId, rule);
    if (used >= rule.max_proposals) {
      throw new AppError(StaffingErrors.STF_QUOTA_EXCEEDED, { group: GROUP_LABELS[group], from: rule.valid_from, to: rule.valid_to, used, max: rule.max_proposals, basis: rule.legal_basis });
    }
  }
}

export async function createQuota(ctx: Ctx, actor: UserActor, input: z.infer<typeof ZQuotaCreate>): Promise<TQuotaUsage> {
  if (input.validTo < input.validFrom) throw new AppError(StaffingErrors.STF_QUOTA_DATES);
  const id = await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('stf_quota_rule')
      .values({ pemda_id: actor.pemdaId, eselon_group: input.eselonGroup, max_proposals: input.maxProposals, valid_from: input.validFrom, valid_to: input.validTo, legal_basis: input.legalBasis })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'staffing.quota.created', entityType: 'stf_quota_rule', entityId: row.id, after: { ...input } });
    return row.id;
  });
  const usage = (await quotaUsage(ctx.db, actor.pemdaId)).find((q) => q.id === id);
  if (!usage) throw new AppError(StaffingErrors.STF_QUOTA_DATES);
  return usage;
}
