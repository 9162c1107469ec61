import { sql } from 'kysely';
import { z } from 'zod';
import type { TBudgetOption, ZInterventionBudget } from '../../../contracts/indicators';
import type { Ctx, UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { can, PEMDA_WIDE } from '../../platform/policy';
import { requireUser } from '../../platform/tenant';
import { BudgetActions } from '../budget/policy';
import { IndicatorErrors } from './errors';

/**
 * The link from an intervention to the budget module's sub-kegiatan (budget_sub_kegiatan, issue 8): a picker over
 * the sub-kegiatan the caller may read, and the pagu and realisation shown on the intervention. Budget figures
 * follow the budget read policy (OPD staff see their own OPD's); others see the sub-kegiatan's name and code only.
 */
type TInterventionBudget = z.infer<typeof ZInterventionBudget>;

const mayReadBudget = (actor: UserActor, opdId: string) => can(actor, BudgetActions['budget.read'], { pemdaId: actor.pemdaId, opdId });

export async function budgetOfSubKegiatan(ctx: Ctx, actor: UserActor, ids: readonly string[]): Promise<Map<string, TInterventionBudget>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('budget_sub_kegiatan as s')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 's.pemda_id').onRef('o.id', '=', 's.opd_id'))
    .select([
      's.id',
      's.tahun',
      's.kode',
      's.nama',
      's.opd_id',
      'o.name as opd_name',
      sql<number>`coalesce(s.pagu_perubahan, s.pagu) - s.pagu_ditunda`.as('pagu_ef'),
      (eb) =>
        eb
          .selectFrom('budget_bulanan as b')
          .select(sql<number>`coalesce(sum(b.realisasi_keuangan), 0)`.as('r'))
          .whereRef('b.pemda_id', '=', 's.pemda_id')
          .whereRef('b.sub_kegiatan_id', '=', 's.id')
          .as('realisasi'),
    ])
    .where('s.pemda_id', '=', actor.pemdaId)
    .where('s.id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => {
      const visible = mayReadBudget(actor, r.opd_id);
      const pagu = Number(r.pagu_ef);
      const realisasi = Number(r.realisasi ?? 0);
      return [
        r.id,
        {
          id: r.id,
          tahun: r.tahun,
          kode: r.kode,
          nama: r.nama,
          opd: { id: r.opd_id, name: r.opd_name },
          pagu: visible ? pagu : null,
          realisasi: visible ? realisasi : null,
          realisasiPersen: visible && pagu > 0 ? Math.round((realisasi / pagu) * 1000) / 10 : null,
          link: visible ? `/anggaran/sub/${r.id}` : null,
        },
      ];
    }),
  );
}

/** The sub-kegiatan a caller may link: by year, code or name; OPD staff only their own OPD's (budget read policy). */
export async function budgetOptions(ctx: Ctx, filter: { q?: string; year?: number; opdId?: string }): Promise<TBudgetOption[]> {
  const actor = requireUser(ctx.actor);
  const pemdaWide = (PEMDA_WIDE as readonly string[]).includes(actor.role);
  let query = ctx.db
    .selectFrom('budget_sub_kegiatan as s')
    .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 's.pemda_id').onRef('o.id', '=', 's.opd_id'))
    .select(['s.id', 's.tahun', 's.kode', 's.nama', 's.opd_id', 'o.name as opd_name', sql<number>`coalesce(s.pagu_perubahan, s.pagu) - s.pagu_ditunda`.as('pagu_ef')])
    .where('s.pemda_id', '=', actor.pemdaId);
  if (!pemdaWide) query = query.where('s.opd_id', '=', actor.opdId ?? '00000000-0000-0000-0000-000000000000');
  else if (filter.opdId) query = query.where('s.opd_id', '=', filter.opdId);
  if (filter.year) query = query.where('s.tahun', '=', filter.year);
  const q = filter.q?.trim();
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('s.kode', 'like', `${q.replace(/[%_\\]/g, '\\$&')}%`), eb('s.nama', 'ilike', like)]));
  }
  const rows = await query.orderBy('s.tahun', 'desc').orderBy('s.kode').orderBy('o.name').limit(30).execute();
  return rows.map((r) => ({ id: r.id, tahun: r.tahun, kode: r.kode, nama: r.nama, opd: { id: r.opd_id, name: r.opd_name }, pagu: Number(r.pagu_ef) }));
}

/** The linked sub-kegiatan must belong to the Pemda (and be readable by the caller under the budget policy). */
export async function checkSubKegiatan(ctx: Ctx, actor: UserActor, id: string): Promise<{ kode: string }> {
  const row = await ctx.db.selectFrom('budget_sub_kegiatan').select(['kode', 'opd_id']).where('pemda_id', '=', actor.pemdaId).where('id', '=', id).executeTakeFirst();
  if (!row || !mayReadBudget(actor, row.opd_id)) throw new AppError(IndicatorErrors.INTERVENTION_SUB_KEGIATAN_UNKNOWN);
  return { kode: row.kode };
}
