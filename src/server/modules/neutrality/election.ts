import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TBanners, TElection, ZElectionCreate } from '../../../contracts/neutrality';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { NeutralityErrors } from './errors';
import { freezePeriod, watchPeriod, within, type StageDates } from './rules';

/** The election calendar of a Pemda and the periods derived from it (BRIEF §4.9). */
export async function listElections(db: Kysely<DB>, pemdaId: string): Promise<TElection[]> {
  const elections = await db.selectFrom('ntr_election').selectAll().where('pemda_id', '=', pemdaId).orderBy('voting_date', 'desc').execute();
  const stages = await db.selectFrom('ntr_election_stage').selectAll().where('pemda_id', '=', pemdaId).orderBy('start_date').execute();
  return elections.map((e) => {
    const own: StageDates[] = stages.filter((s) => s.election_id === e.id).map((s) => ({ kind: s.kind, startDate: s.start_date, endDate: s.end_date }));
    return {
      id: e.id,
      kind: e.kind,
      name: e.name,
      votingDate: e.voting_date,
      freezeEnd: e.freeze_end,
      legalBasis: e.legal_basis,
      stages: own,
      freeze: freezePeriod(e.kind, own, e.freeze_end),
      watch: watchPeriod(own),
    };
  });
}

export async function createElection(ctx: Ctx, pemdaId: string, input: z.infer<typeof ZElectionCreate>): Promise<TElection> {
  const seen = new Set<string>();
  for (const stage of input.stages) {
    if (seen.has(stage.kind)) throw new AppError(NeutralityErrors.NTR_STAGE_DUPLICATE, { stage: stage.kind });
    seen.add(stage.kind);
    if (stage.endDate < stage.startDate) throw new AppError(NeutralityErrors.NTR_STAGE_DATES, { stage: stage.kind });
  }
  const id = await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('ntr_election')
      .values({ pemda_id: pemdaId, kind: input.kind, name: input.name, voting_date: input.votingDate, freeze_end: input.freezeEnd ?? null, legal_basis: input.legalBasis })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('ntr_election_stage')
      .values(input.stages.map((s) => ({ pemda_id: pemdaId, election_id: row.id, kind: s.kind, start_date: s.startDate, end_date: s.endDate })))
      .execute();
    await writeAudit(tx, { pemdaId, action: 'neutrality.election.created', entityType: 'ntr_election', entityId: row.id, after: { ...input } });
    return row.id;
  });
  const created = (await listElections(ctx.db, pemdaId)).find((e) => e.id === id);
  if (!created) throw new AppError(NeutralityErrors.NTR_ELECTION_NOT_FOUND);
  return created;
}

/** The head in office on a date (pemda_head), for the Pj rule of PP 49/2008 art. 132A. */
export async function headStatusOn(db: Kysely<DB>, pemdaId: string, date: string): Promise<TBanners['headStatus']> {
  const head = await db
    .selectFrom('pemda_head')
    .select('status')
    .where('pemda_id', '=', pemdaId)
    .where('term_start', '<=', date)
    .where((eb) => eb.or([eb('term_end', 'is', null), eb('term_end', '>', date)]))
    .orderBy('term_start', 'desc')
    .executeTakeFirst();
  return head?.status ?? null;
}

export interface StaffingGuard {
  date: string;
  headStatus: TBanners['headStatus'];
  freeze: { electionName: string; start: string; end: string } | null;
  /** True when a replacement needs the Minister's written approval on this date. */
  needsMinisterApproval: boolean;
}

/**
 * The service function the staffing module calls (it does not read these tables): whether on `date` the freeze of
 * UU 10/2016 art. 71(2) runs, or the head is a Pj (PP 49/2008 art. 132A), so a replacement needs the Minister's
 * written approval.
 */
export async function staffingGuardOn(db: Kysely<DB>, pemdaId: string, date: string): Promise<StaffingGuard> {
  const elections = await listElections(db, pemdaId);
  const active = elections.find((e) => within(date, e.freeze));
  const headStatus = await headStatusOn(db, pemdaId, date);
  const freeze = active?.freeze ? { electionName: active.name, ...active.freeze } : null;
  return { date, headStatus, freeze, needsMinisterApproval: freeze !== null || headStatus === 'pj' };
}

export async function currentBanners(db: Kysely<DB>, pemdaId: string): Promise<TBanners> {
  const calendar = await loadCalendar(db, pemdaId);
  const today = calendar.today();
  const elections = await listElections(db, pemdaId);
  const freezeElection = elections.find((e) => within(today, e.freeze));
  const watchElection = elections.find((e) => within(today, e.watch));
  const past = elections.filter((e) => e.freeze && e.freeze.end < today).sort((a, b) => ((a.freeze?.end ?? '') < (b.freeze?.end ?? '') ? 1 : -1))[0];
  return {
    today,
    headStatus: await headStatusOn(db, pemdaId, today),
    freeze: freezeElection?.freeze ? { electionName: freezeElection.name, ...freezeElection.freeze } : null,
    watch: watchElection?.watch ? { electionName: watchElection.name, ...watchElection.watch, votingDate: watchElection.votingDate } : null,
    lastFreeze: past?.freeze ? { electionName: past.name, ...past.freeze } : null,
  };
}
