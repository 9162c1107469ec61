import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZSanction } from '../../../contracts/neutrality';
import type { DB } from '../../db/schema';
import type { TxCtx } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { monthPlus, recordSanction as recordDisciplineSanction } from '../attendance/discipline';
import type { Pp94Level, Track } from './tables';

type TSanction = z.infer<typeof ZSanction>;

export interface SanctionInput {
  pemdaId: string;
  caseId: string;
  pegawaiId: string;
  track: Track;
  level: Pp94Level | null;
  sanction: string;
  decisionNumber: string;
  decidedOn: string;
  startsOn: string;
  endsOn: string | null;
}

/**
 * The one door through which a neutrality sanction is recorded (docs/DESIGN.md: neutrality and discipline both
 * record sanctions through the discipline service, and TPP reads them from there).
 *
 * The case keeps its own registry row (case, track, decision, monitoring); a discipline-track sanction
 * (PP 94/2021 art. 8) is also passed to the discipline service of the attendance module, whose id is kept in
 * `discipline_ref`. A sedang sanction cuts TPP by 25 % for its months (PP 94/2021 art. 8(3); BRIEF §4.3, §4.4);
 * ringan and berat sanctions are recorded there without a percentage cut. Ethics-track sanctions stay here only.
 */
/** Whole months from start to end (a sanction of 2025-01-02 to 2025-12-31 runs 12 months); 0 without an end. */
export function monthsSpanned(startsOn: string, endsOn: string | null): number {
  if (!endsOn) return 0;
  const [sy, sm] = startsOn.split('-').map(Number) as [number, number];
  const [ey, em] = endsOn.split('-').map(Number) as [number, number];
  return Math.max(1, (ey - sy) * 12 + (em - sm) + 1);
}

export async function recordSanction(tx: TxCtx, input: SanctionInput): Promise<string> {
  const row = await tx.db
    .insertInto('ntr_sanction')
    .values({
      pemda_id: input.pemdaId,
      case_id: input.caseId,
      pegawai_id: input.pegawaiId,
      track: input.track,
      level: input.level,
      sanction: input.sanction,
      decision_number: input.decisionNumber,
      decided_on: input.decidedOn,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      discipline_ref: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.track === 'disiplin') {
    const disciplineRef = await recordDisciplineSanction(tx, {
      pemdaId: input.pemdaId,
      pegawaiId: input.pegawaiId,
      caseId: null,
      source: 'neutrality',
      sanction: input.sanction,
      level: input.level ?? 'ringan',
      tppCutPercent: input.level === 'sedang' ? 25 : 0,
      startMonth: input.startsOn.slice(0, 7),
      months: monthsSpanned(input.startsOn, input.endsOn),
      decisionNumber: input.decisionNumber,
    });
    await tx.db.updateTable('ntr_sanction').set({ discipline_ref: disciplineRef }).where('pemda_id', '=', input.pemdaId).where('id', '=', row.id).execute();
  }
  await writeAudit(tx, {
    pemdaId: input.pemdaId,
    action: 'neutrality.sanction.recorded',
    entityType: 'ntr_sanction',
    entityId: row.id,
    after: { caseId: input.caseId, pegawaiId: input.pegawaiId, track: input.track, level: input.level, sanction: input.sanction, decisionNumber: input.decisionNumber, startsOn: input.startsOn, endsOn: input.endsOn },
  });
  return row.id;
}

function sanctionQuery(db: Kysely<DB>, pemdaId: string) {
  return db
    .selectFrom('ntr_sanction as s')
    .innerJoin('ntr_case as c', (join) => join.onRef('c.pemda_id', '=', 's.pemda_id').onRef('c.id', '=', 's.case_id'))
    .innerJoin('pegawai as p', (join) => join.onRef('p.pemda_id', '=', 's.pemda_id').onRef('p.id', '=', 's.pegawai_id'))
    .leftJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'p.pemda_id').onRef('o.id', '=', 'p.opd_id'))
    // The TPP effect as the discipline registry holds it (the attendance module's TPP reads the same row).
    .leftJoin('disc_sanction as d', (join) => join.onRef('d.pemda_id', '=', 's.pemda_id').on(sql<boolean>`d.id::text = s.discipline_ref`))
    .select(['s.id', 's.case_id', 'c.number', 's.pegawai_id', 'p.name', 'o.name as opd_name', 's.track', 's.level', 's.sanction', 's.decision_number', 's.decided_on', 's.starts_on', 's.ends_on', 's.discipline_ref', 's.status'])
    .select(['d.tpp_cut_percent', 'd.start_month', 'd.months'])
    .where('s.pemda_id', '=', pemdaId);
}

type Row = Awaited<ReturnType<ReturnType<typeof sanctionQuery>['execute']>>[number];
const present = (r: Row): TSanction => ({
  id: r.id,
  caseId: r.case_id,
  caseNumber: r.number,
  pegawaiId: r.pegawai_id,
  pegawaiName: r.name,
  opdName: r.opd_name,
  track: r.track,
  level: r.level,
  sanction: r.sanction,
  decisionNumber: r.decision_number,
  decidedOn: r.decided_on,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  disciplineRef: r.discipline_ref,
  status: r.status,
  tpp: r.start_month === null ? null : { cutPercent: Number(r.tpp_cut_percent ?? 0), fromMonth: r.start_month, untilMonth: r.months && r.months > 0 ? monthPlus(r.start_month, r.months - 1) : null },
});

export async function sanctionOfCase(db: Kysely<DB>, pemdaId: string, caseId: string): Promise<TSanction | null> {
  const row = await sanctionQuery(db, pemdaId).where('s.case_id', '=', caseId).executeTakeFirst();
  return row ? present(row) : null;
}

/** The registry: decided sanctions only (no reporter data is stored with them), optionally by status, with counts. */
export async function listSanctions(db: Kysely<DB>, pemdaId: string, status?: 'berjalan' | 'selesai'): Promise<{ items: TSanction[]; counts: { berjalan: number; selesai: number } }> {
  let query = sanctionQuery(db, pemdaId);
  if (status) query = query.where('s.status', '=', status);
  const items = (await query.orderBy('s.decided_on', 'desc').orderBy('c.number').limit(1000).execute()).map(present);
  const counted = await db.selectFrom('ntr_sanction').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('pemda_id', '=', pemdaId).groupBy('status').execute();
  const count = (s: string) => Number(counted.find((r) => r.status === s)?.n ?? 0);
  return { items, counts: { berjalan: count('berjalan'), selesai: count('selesai') } };
}

/** Proven neutrality cases of a pegawai: the neutrality record a staffing proposal shows as merit evidence. */
export async function neutralityRecordOf(db: Kysely<DB>, pemdaId: string, pegawaiIds: string[]): Promise<Map<string, number>> {
  if (pegawaiIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('ntr_sanction')
    .select(['pegawai_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pemda_id', '=', pemdaId)
    .where('pegawai_id', 'in', pegawaiIds)
    .groupBy('pegawai_id')
    .execute();
  return new Map(rows.map((r) => [r.pegawai_id, Number(r.n)]));
}
