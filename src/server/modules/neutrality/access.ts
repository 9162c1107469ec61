import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { NeutralityErrors } from './errors';
import { neutralitySettings } from './settings';
import type { CaseStage } from './tables';

/**
 * Case-level access (BRIEF §4.6 "reporter identity is confidential"; issue 7 §5):
 * - handlers: Inspektorat, and BKPSDM when the Pemda configures it, see every case;
 * - the authorised official (kepala daerah, sekda) sees a case once a recommendation awaits the decision;
 * - the reported person's OPD head sees the case only after the decision, and only a case of their own OPD;
 * - nobody else learns that a case exists (404).
 */
export interface CaseFacts {
  stage: CaseStage;
  reported_opd_id: string | null;
  outcome: string | null;
}

export type CaseAccess = 'handler' | 'official' | 'opd_head' | null;

export async function isHandler(db: Kysely<DB>, actor: UserActor): Promise<boolean> {
  if (actor.role !== 'inspektorat' && actor.role !== 'bkpsdm') return false;
  const settings = await neutralitySettings(db, actor.pemdaId);
  return settings.handlerRoles.includes(actor.role);
}

export async function caseAccess(db: Kysely<DB>, actor: UserActor, facts: CaseFacts): Promise<CaseAccess> {
  if (await isHandler(db, actor)) return 'handler';
  if ((actor.role === 'kepala_daerah' || actor.role === 'sekda') && ['keputusan', 'monitoring', 'selesai'].includes(facts.stage)) return 'official';
  if (actor.role === 'kepala_opd' && facts.outcome !== null && facts.reported_opd_id !== null && facts.reported_opd_id === actor.opdId) return 'opd_head';
  return null;
}

export async function requireHandler(db: Kysely<DB>, actor: UserActor): Promise<void> {
  if (!(await isHandler(db, actor))) throw new AppError(NeutralityErrors.NTR_CASE_NOT_FOUND);
}

/** Loads the case facts for an access decision; a case of another Pemda or one the caller may not see is 404. */
export async function loadCaseFor(db: Kysely<DB>, actor: UserActor, caseId: string): Promise<{ access: Exclude<CaseAccess, null>; facts: CaseFacts & { id: string } }> {
  const facts = await db
    .selectFrom('ntr_case')
    .select(['id', 'stage', 'reported_opd_id', 'outcome'])
    .where('pemda_id', '=', actor.pemdaId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!facts) throw new AppError(NeutralityErrors.NTR_CASE_NOT_FOUND);
  const access = await caseAccess(db, actor, facts);
  if (!access) throw new AppError(NeutralityErrors.NTR_CASE_NOT_FOUND);
  return { access, facts };
}
