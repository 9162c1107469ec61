import { loadCalendar } from '../../platform/calendar';
import type { Flag, FlagSource } from '../../platform/metrics';
import { staffingGuardOn } from '../neutrality/election';

/** Approved proposals that cannot be executed today: freeze or Pj, and no Minister's letter recorded yet. */
export const blockedProposalFlags: FlagSource = {
  kind: 'staffing.blocked_by_freeze',
  async list(ctx, pemdaId) {
    const today = (await loadCalendar(ctx.db, pemdaId)).today();
    const guard = await staffingGuardOn(ctx.db, pemdaId, today);
    if (!guard.needsMinisterApproval) return [];
    const rows = await ctx.db
      .selectFrom('stf_proposal as p')
      .innerJoin('jabatan as j', (join) => join.onRef('j.pemda_id', '=', 'p.pemda_id').onRef('j.id', '=', 'p.jabatan_id'))
      .select(['p.id', 'p.number', 'p.decided_on', 'j.name', 'j.opd_id'])
      .where('p.pemda_id', '=', pemdaId)
      .where('p.status', '=', 'disetujui')
      .where('p.minister_letter_number', 'is', null)
      .execute();
    const why = guard.freeze ? { id: 'masa larangan mutasi', en: 'the staffing freeze' } : { id: 'kepala daerah Penjabat', en: 'an acting head (Pj)' };
    return rows.map((r): Flag => ({
      kind: 'staffing.blocked_by_freeze',
      severity: 'warning',
      opdId: r.opd_id,
      since: r.decided_on ?? today,
      title: { id: `Usulan ${r.number} (${r.name}) tertahan: ${why.id}, menunggu persetujuan tertulis Mendagri`, en: `Proposal ${r.number} (${r.name}) is blocked by ${why.en}: waiting for the Minister's written approval` },
      link: `/kepegawaian/usulan?id=${r.id}`,
    }));
  },
};
