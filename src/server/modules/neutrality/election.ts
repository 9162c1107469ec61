import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TBanners, TElection, ZElectionCreate, ZElectionUpdate } from '../../../contracts/neutrality';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar } from '../../platform/calendar';
import { NeutralityErrors } from './errors';
import { freezePeriod, watchPeriod, within, type StageDates } from './rules';
import type { StageKind } from './tables';

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

/** Stage names as the screens show them, for the error messages. */
const STAGE_LABELS: Record<StageKind, { id: string; en: string }> = {
  penetapan_calon: { id: 'penetapan calon', en: 'candidate designation' },
  kampanye: { id: 'kampanye', en: 'campaign' },
  masa_tenang: { id: 'masa tenang', en: 'quiet days' },
  pemungutan: { id: 'pemungutan suara', en: 'voting' },
  penetapan_hasil: { id: 'penetapan hasil', en: 'result' },
};

function checkStages(stages: z.infer<typeof ZElectionCreate>['stages']): void {
  const seen = new Set<string>();
  for (const stage of stages) {
    if (seen.has(stage.kind)) throw new AppError(NeutralityErrors.NTR_STAGE_DUPLICATE, { stage: STAGE_LABELS[stage.kind] });
    seen.add(stage.kind);
    if (stage.endDate < stage.startDate) throw new AppError(NeutralityErrors.NTR_STAGE_DATES, { stage: STAGE_LABELS[stage.kind] });
  }
}

export async function createElection(ctx: Ctx, pemdaId: string, input: z.infer<typeof ZElectionCreate>): Promise<TElection> {
  checkStages(input.stages);
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

async function findElection(db: Kysely<DB>, pemdaId: string, electionId: string): Promise<TElection> {
  const found = (await listElections(db, pemdaId)).find((e) => e.id === electionId);
  if (!found) throw new AppError(NeutralityErrors.NTR_ELECTION_NOT_FOUND);
  return found;
}

/** What an audit diff shows of an election: the recorded fields and the periods derived from them. */
function auditView(e: TElection): Record<string, unknown> {
  return { kind: e.kind, name: e.name, votingDate: e.votingDate, freezeEnd: e.freezeEnd, legalBasis: e.legalBasis, stages: e.stages, freeze: e.freeze, watch: e.watch };
}

/**
 * KPU moved a stage, the name had a typo, the end of term became known: the whole election is replaced and the
 * freeze and watch periods (and so the banners and the staffing guard) follow, since they are derived on read.
 * Records already made under the old dates keep what they were (a case keeps its election; an executed staffing
 * proposal keeps its letter); the audit row holds the old and new dates and periods.
 */
export async function updateElection(ctx: Ctx, pemdaId: string, electionId: string, input: z.infer<typeof ZElectionUpdate>): Promise<TElection> {
  checkStages(input.stages);
  await inTransaction(ctx, async (tx) => {
    const locked = await tx.db.selectFrom('ntr_election').select('id').where('pemda_id', '=', pemdaId).where('id', '=', electionId).forUpdate().executeTakeFirst();
    if (!locked) throw new AppError(NeutralityErrors.NTR_ELECTION_NOT_FOUND);
    const before = await findElection(tx.db, pemdaId, electionId);
    await tx.db
      .updateTable('ntr_election')
      .set({ kind: input.kind, name: input.name, voting_date: input.votingDate, freeze_end: input.freezeEnd ?? null, legal_basis: input.legalBasis })
      .where('pemda_id', '=', pemdaId)
      .where('id', '=', electionId)
      .execute();
    await tx.db.deleteFrom('ntr_election_stage').where('pemda_id', '=', pemdaId).where('election_id', '=', electionId).execute();
    await tx.db
      .insertInto('ntr_election_stage')
      .values(input.stages.map((s) => ({ pemda_id: pemdaId, election_id: electionId, kind: s.kind, start_date: s.startDate, end_date: s.endDate })))
      .execute();
    const after = await findElection(tx.db, pemdaId, electionId);
    // writeAudit keeps only what changed: the fields edited and the freeze/watch periods they moved.
    await writeAudit(tx, { pemdaId, action: 'neutrality.election.updated', entityType: 'ntr_election', entityId: electionId, before: auditView(before), after: auditView(after) });
  });
  return findElection(ctx.db, pemdaId, electionId);
}

/** What still refers to an election: campaigns and cases by key, staffing proposals through its freeze period. */
export async function electionUses(db: Kysely<DB>, pemdaId: string, election: TElection): Promise<{ campaigns: number; cases: number; staffing: number }> {
  const campaigns = await db.selectFrom('ntr_pledge_campaign').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).where('election_id', '=', election.id).executeTakeFirstOrThrow();
  const cases = await db.selectFrom('ntr_case').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).where('election_id', '=', election.id).executeTakeFirstOrThrow();
  let staffing = 0;
  const freeze = election.freeze;
  if (freeze) {
    // Proposals executed in the freeze, or whose Minister's letter was recorded for it: deleting the election
    // would erase the reason those decisions needed (or were refused without) that letter.
    const row = await db
      .selectFrom('stf_proposal')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('pemda_id', '=', pemdaId)
      .where((eb) =>
        eb.or([
          eb.and([eb('executed_on', '>=', freeze.start), eb('executed_on', '<=', freeze.end)]),
          eb.and([eb('minister_letter_date', '>=', freeze.start), eb('minister_letter_date', '<=', freeze.end)]),
        ]),
      )
      .executeTakeFirstOrThrow();
    staffing = Number(row.n);
  }
  return { campaigns: Number(campaigns.n), cases: Number(cases.n), staffing };
}

function describeUses(uses: { campaigns: number; cases: number; staffing: number }): { id: string; en: string } {
  const parts: { id: string; en: string }[] = [];
  if (uses.campaigns > 0) parts.push({ id: `${uses.campaigns} kampanye ikrar`, en: `${uses.campaigns} pledge campaign${uses.campaigns === 1 ? '' : 's'}` });
  if (uses.cases > 0) parts.push({ id: `${uses.cases} kasus netralitas`, en: `${uses.cases} neutrality case${uses.cases === 1 ? '' : 's'}` });
  if (uses.staffing > 0) parts.push({ id: `${uses.staffing} usulan kepegawaian dalam masa larangan mutasinya`, en: `${uses.staffing} staffing proposal${uses.staffing === 1 ? '' : 's'} within its freeze` });
  const join = (items: string[], and: string) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`);
  return { id: join(parts.map((p) => p.id), 'dan'), en: join(parts.map((p) => p.en), 'and') };
}

/**
 * Delete an election recorded by mistake. Refused while anything refers to it (campaigns, cases, staffing
 * decisions under its freeze): those are records of what happened, and the election is their context. A real
 * change of schedule is an edit, not a delete.
 */
export async function deleteElection(ctx: Ctx, pemdaId: string, electionId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const locked = await tx.db.selectFrom('ntr_election').select('id').where('pemda_id', '=', pemdaId).where('id', '=', electionId).forUpdate().executeTakeFirst();
    if (!locked) throw new AppError(NeutralityErrors.NTR_ELECTION_NOT_FOUND);
    const election = await findElection(tx.db, pemdaId, electionId);
    const uses = await electionUses(tx.db, pemdaId, election);
    if (uses.campaigns + uses.cases + uses.staffing > 0) throw new AppError(NeutralityErrors.NTR_ELECTION_IN_USE, { uses: describeUses(uses) });
    await tx.db.deleteFrom('ntr_election').where('pemda_id', '=', pemdaId).where('id', '=', electionId).execute();
    await writeAudit(tx, { pemdaId, action: 'neutrality.election.deleted', entityType: 'ntr_election', entityId: electionId, before: auditView(election) });
  });
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
