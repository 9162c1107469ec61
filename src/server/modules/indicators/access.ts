import { inTransaction, type Ctx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { authorize, can } from '../../platform/policy';
import { writeAudit } from '../../platform/audit';
import { requireUser } from '../../platform/tenant';
import { OrgActions } from '../org/policy';
import { IndicatorErrors } from './errors';
import { IndicatorActions } from './policy';

/** The pemda_setting naming the walidata OPD (Perpres 39/2019 art. 1: walidata = the unit that checks and publishes data). */
export const WALIDATA_SETTING = 'walidata_opd_id';

export async function walidataOpdId(ctx: Ctx, pemdaId: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('pemda_setting').select('value').where('pemda_id', '=', pemdaId).where('key', '=', WALIDATA_SETTING).executeTakeFirst();
  return typeof row?.value === 'string' ? row.value : null;
}

export async function isWalidata(ctx: Ctx, actor: UserActor): Promise<boolean> {
  if (!can(actor, IndicatorActions['indicators.walidata'])) return false;
  if (actor.role === 'admin_pemda') return true;
  return actor.opdId !== null && actor.opdId === (await walidataOpdId(ctx, actor.pemdaId));
}

/** The walidata's decisions; any other caller holding the role (a kepala_opd elsewhere) gets a clear 403. */
export async function requireWalidata(ctx: Ctx): Promise<UserActor> {
  const actor = requireUser(ctx.actor);
  authorize(actor, IndicatorActions['indicators.walidata']);
  if (!(await isWalidata(ctx, actor))) throw new AppError(IndicatorErrors.INDICATOR_NOT_WALIDATA);
  return actor;
}

export function mayEnter(actor: UserActor, producerOpdId: string): boolean {
  return can(actor, IndicatorActions['indicators.enter'], { pemdaId: actor.pemdaId, opdId: producerOpdId });
}

/** The walidata setting as the screens show it: which OPD, whether the caller may change it or acts as walidata. */
export async function walidataSetting(ctx: Ctx): Promise<{ walidataOpd: { id: string; name: string } | null; mayEdit: boolean; isWalidata: boolean }> {
  const actor = requireUser(ctx.actor);
  const id = await walidataOpdId(ctx, actor.pemdaId);
  const opd = id ? await ctx.db.selectFrom('opd').select(['id', 'name']).where('pemda_id', '=', actor.pemdaId).where('id', '=', id).executeTakeFirst() : undefined;
  return { walidataOpd: opd ?? null, mayEdit: can(actor, OrgActions['pemda.manage']), isWalidata: await isWalidata(ctx, actor) };
}

/** The Pemda admin names the walidata OPD (pemda_setting walidata_opd_id); null leaves the walidata to the admin alone. */
export async function setWalidataOpd(ctx: Ctx, opdId: string | null) {
  const actor = requireUser(ctx.actor);
  authorize(actor, OrgActions['pemda.manage']);
  if (opdId) {
    const opd = await ctx.db.selectFrom('opd').select('id').where('pemda_id', '=', actor.pemdaId).where('id', '=', opdId).executeTakeFirst();
    if (!opd) throw new AppError(IndicatorErrors.WALIDATA_OPD_UNKNOWN);
  }
  const before = await walidataOpdId(ctx, actor.pemdaId);
  if (before !== opdId) {
    await inTransaction(ctx, async (tx) => {
      if (opdId === null) await tx.db.deleteFrom('pemda_setting').where('pemda_id', '=', actor.pemdaId).where('key', '=', WALIDATA_SETTING).execute();
      else {
        await tx.db
          .insertInto('pemda_setting')
          .values({ pemda_id: actor.pemdaId, key: WALIDATA_SETTING, value: JSON.stringify(opdId) })
          .onConflict((oc) => oc.columns(['pemda_id', 'key']).doUpdateSet({ value: JSON.stringify(opdId), updated_at: new Date() }))
          .execute();
      }
      await writeAudit(tx, { pemdaId: actor.pemdaId, action: 'indicators.walidata_changed', entityType: 'pemda_setting', entityId: WALIDATA_SETTING, before: { walidataOpdId: before }, after: { walidataOpdId: opdId } });
    });
  }
  return walidataSetting(ctx);
}
