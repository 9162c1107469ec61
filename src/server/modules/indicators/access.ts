import type { Ctx, UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { authorize, can } from '../../platform/policy';
import { requireUser } from '../../platform/tenant';
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
