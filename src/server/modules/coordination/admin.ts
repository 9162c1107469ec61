import type { TCoordinationSettings, TDelegation, TDelegationRequest } from '../../../contracts/coordination';
import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import type { SecretBox } from '../../platform/secrets';
import { coordinationSettings, SETTING_KEYS } from './common';
import { CoordinationErrors } from './errors';
import { rotateSigningKey } from './signing';

/** Delegations of the power to issue directives, signing keys, and the module's per-Pemda settings. */
export async function listDelegations(ctx: Ctx, pemdaId: string): Promise<TDelegation[]> {
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const today = calendar.today();
  const rows = await ctx.db
    .selectFrom('coord_delegation as d')
    .innerJoin('app_user as delegate', (join) => join.onRef('delegate.pemda_id', '=', 'd.pemda_id').onRef('delegate.id', '=', 'd.delegate_user_id'))
    .innerJoin('app_user as grantor', (join) => join.onRef('grantor.pemda_id', '=', 'd.pemda_id').onRef('grantor.id', '=', 'd.granted_by_user_id'))
    .select(['d.id', 'd.delegate_user_id', 'delegate.name as delegate_name', 'grantor.name as grantor_name', 'd.granted_by_role', 'd.valid_from', 'd.valid_until', 'd.basis', 'd.revoked_at'])
    .where('d.pemda_id', '=', pemdaId)
    .orderBy('d.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    delegateUserId: r.delegate_user_id,
    delegateName: r.delegate_name,
    grantedByName: r.grantor_name,
    grantedByRole: r.granted_by_role,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    basis: r.basis,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    active: r.revoked_at === null && r.valid_from <= today && r.valid_until >= today,
  }));
}

export async function grantDelegation(ctx: Ctx, actor: UserActor, input: TDelegationRequest): Promise<string> {
  const pemdaId = actor.pemdaId;
  if (input.validUntil < input.validFrom) throw new AppError(CoordinationErrors.DELEGATION_DATES_INVALID);
  const delegate = await ctx.db.selectFrom('app_user').select(['id', 'role', 'active']).where('pemda_id', '=', pemdaId).where('id', '=', input.delegateUserId).executeTakeFirst();
  if (!delegate || !delegate.active || delegate.role !== 'kepala_opd') throw new AppError(CoordinationErrors.DELEGATE_INVALID);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('coord_delegation')
      .values({ pemda_id: pemdaId, delegate_user_id: input.delegateUserId, granted_by_user_id: actor.userId, granted_by_role: actor.role, valid_from: input.validFrom, valid_until: input.validUntil, basis: input.basis })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, { pemdaId, action: 'coordination.delegation_granted', entityType: 'coord_delegation', entityId: row.id, after: { delegate_user_id: input.delegateUserId, granted_by_role: actor.role, valid_from: input.validFrom, valid_until: input.validUntil, basis: input.basis } });
    return row.id;
  });
}

export async function revokeDelegation(ctx: Ctx, actor: UserActor, delegationId: string): Promise<void> {
  const pemdaId = actor.pemdaId;
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom('coord_delegation').select(['id', 'revoked_at']).where('pemda_id', '=', pemdaId).where('id', '=', delegationId).executeTakeFirst();
    if (!row) throw new AppError(CoordinationErrors.DELEGATION_NOT_FOUND);
    if (row.revoked_at) return;
    await tx.db.updateTable('coord_delegation').set({ revoked_at: new Date() }).where('pemda_id', '=', pemdaId).where('id', '=', delegationId).execute();
    await writeAudit(tx, { pemdaId, action: 'coordination.delegation_revoked', entityType: 'coord_delegation', entityId: delegationId });
  });
}

export async function listKeys(ctx: Ctx, pemdaId: string) {
  const rows = await ctx.db.selectFrom('coord_signing_key').select(['id', 'public_key', 'active', 'created_at', 'retired_at', 'note']).where('pemda_id', '=', pemdaId).orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, publicKey: r.public_key, active: r.active, createdAt: r.created_at.toISOString(), retiredAt: r.retired_at?.toISOString() ?? null, note: r.note }));
}

export async function rotateKey(ctx: Ctx, secrets: SecretBox, actor: UserActor): Promise<string> {
  return inTransaction(ctx, (tx) => rotateSigningKey(tx, secrets, actor.pemdaId));
}

export async function updateSettings(ctx: Ctx, actor: UserActor, patch: Partial<TCoordinationSettings>): Promise<TCoordinationSettings> {
  const pemdaId = actor.pemdaId;
  const before = await coordinationSettings(ctx.db, pemdaId);
  const after = { ...before, ...patch };
  await inTransaction(ctx, async (tx) => {
    const upsert = (key: string, value: unknown) =>
      tx.db
        .insertInto('pemda_setting')
        .values({ pemda_id: pemdaId, key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.columns(['pemda_id', 'key']).doUpdateSet({ value: JSON.stringify(value), updated_at: new Date() }))
        .execute();
    await upsert(SETTING_KEYS.silenceDays, after.silenceDays);
    await upsert(SETTING_KEYS.reportCadence, after.reportCadence);
    await writeAudit(tx, { pemdaId, action: 'coordination.settings_changed', entityType: 'pemda_setting', entityId: 'coordination', before: { ...before }, after: { ...after } });
  });
  return after;
}
