import type { TSanctionItem } from '../../../contracts/attendance-screens';
import type { Ctx, UserActor } from '../../http/context';
import { loadCalendar } from '../../platform/calendar';
import { monthPlus } from './discipline';

/**
 * The sanction registry (issue 5 §6): every sanction decided (from a case or recorded by another module), with its
 * TPP effect and duration; "active" means it cuts TPP in the current month. A head of OPD sees their OPD only.
 */
const OPD_ONLY = new Set(['kepala_opd']);

export async function listSanctions(ctx: Ctx, actor: UserActor, filter: { active: boolean }): Promise<{ month: string; items: TSanctionItem[] }> {
  const month = (await loadCalendar(ctx.db, actor.pemdaId)).today().slice(0, 7);
  let query = ctx.db
    .selectFrom('disc_sanction as s')
    .innerJoin('pegawai as p', (j) => j.onRef('p.pemda_id', '=', 's.pemda_id').onRef('p.id', '=', 's.pegawai_id'))
    .innerJoin('opd as o', (j) => j.onRef('o.pemda_id', '=', 'p.pemda_id').onRef('o.id', '=', 'p.opd_id'))
    .select(['s.id', 's.pegawai_id', 'p.name', 'p.nip', 'o.name as opd_name', 's.case_id', 's.source', 's.sanction', 's.level', 's.tpp_cut_percent', 's.start_month', 's.months', 's.decision_number', 's.created_at'])
    .where('s.pemda_id', '=', actor.pemdaId)
    .orderBy('s.start_month', 'desc')
    .orderBy('p.name')
    .limit(1000);
  if (OPD_ONLY.has(actor.role)) query = query.where('p.opd_id', '=', actor.opdId ?? '00000000-0000-4000-8000-000000000000');
  if (filter.active) query = query.where('s.tpp_cut_percent', '>', 0).where('s.months', '>', 0).where('s.start_month', '<=', month);
  const items = (await query.execute()).map((r) => {
    const endMonth = r.months > 0 ? monthPlus(r.start_month, r.months) : null;
    const cut = Number(r.tpp_cut_percent);
    return {
      id: r.id,
      pegawaiId: r.pegawai_id,
      pegawaiName: r.name,
      nip: r.nip,
      opdName: r.opd_name,
      caseId: r.case_id,
      source: r.source,
      sanction: r.sanction,
      level: r.level,
      tppCutPercent: cut,
      startMonth: r.start_month,
      months: r.months,
      endMonth,
      decisionNumber: r.decision_number,
      active: cut > 0 && endMonth !== null && r.start_month <= month && month < endMonth,
      createdAt: new Date(r.created_at).toISOString(),
    };
  });
  return { month, items: filter.active ? items.filter((i) => i.active) : items };
}
