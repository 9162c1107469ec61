import { sql } from 'kysely';
import type { TDirectiveIssueRequest, TDirectivePoint } from '../../../contracts/coordination';
import { inTransaction, type Ctx, type TxCtx, type UserActor } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadCalendar, type WorkingCalendar } from '../../platform/calendar';
import { notify } from '../../platform/notifications';
import type { SecretBox } from '../../platform/secrets';
import { CLOSED_STATUSES, newDirectiveCode, pemdaInfo, resolveTargetOpds, type PemdaInfo } from './common';
import { CoordinationErrors } from './errors';
import { CoordinationNotifications } from './notification-kinds';
import { activeSigningKey, canonicalDirective, sha256Hex, signText, type ActiveKey } from './signing';
import type { AssignedOpd } from './tables';

/**
 * Issuing a directive: who may (kepala daerah, sekda, or a recorded delegate: seed 004 "ignore anyone who claims
 * to speak for the Bupati without direct instruction"), its due date on the Pemda's working calendar, the OPDs it
 * goes to, and the Ed25519 signature over its canonical content. The row is never updated afterwards; a
 * correction is a new directive naming the one it supersedes.
 */
export interface IssuerAuthority {
  issuerRole: string;
  delegationId: string | null;
}

export async function issuerAuthority(ctx: Ctx, actor: UserActor, today: string): Promise<IssuerAuthority> {
  if (actor.role === 'kepala_daerah' || actor.role === 'sekda') return { issuerRole: actor.role, delegationId: null };
  const delegation = await ctx.db
    .selectFrom('coord_delegation')
    .select(['id', 'granted_by_role'])
    .where('pemda_id', '=', actor.pemdaId)
    .where('delegate_user_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .where('valid_from', '<=', today)
    .where('valid_until', '>=', today)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!delegation) throw new AppError(CoordinationErrors.DIRECTIVE_ISSUER_NOT_ALLOWED);
  return { issuerRole: `delegasi:${delegation.granted_by_role}`, delegationId: delegation.id };
}

export function resolveDueDate(calendar: WorkingCalendar, today: string, point: Pick<TDirectivePoint, 'dueDate' | 'dueInWorkingDays'>): string {
  if (point.dueDate) {
    if (point.dueDate < today) throw new AppError(CoordinationErrors.DIRECTIVE_DUE_IN_PAST, { dueDate: point.dueDate });
    return point.dueDate;
  }
  if (point.dueInWorkingDays === undefined) throw new AppError(CoordinationErrors.DIRECTIVE_DUE_REQUIRED);
  return calendar.addWorkingDays(today, point.dueInWorkingDays);
}

async function nextNumber(tx: TxCtx, pemdaId: string, year: number): Promise<string> {
  const row = await tx.db
    .selectFrom('coord_directive')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('pemda_id', '=', pemdaId)
    .where('number', 'like', `%/ARH/${year}`)
    .executeTakeFirstOrThrow();
  return `${String(row.n + 1).padStart(4, '0')}/ARH/${year}`;
}

interface IssueOne {
  pemda: PemdaInfo;
  actor: UserActor;
  authority: IssuerAuthority;
  key: ActiveKey;
  calendar: WorkingCalendar;
  today: string;
  point: TDirectivePoint;
  meetingId: string | null;
  supersedes: { id: string; number: string } | null;
}

async function issueOne(tx: TxCtx, input: IssueOne): Promise<string> {
  const { pemda, actor, point } = input;
  const dueDate = resolveDueDate(input.calendar, input.today, point);
  const opds: AssignedOpd[] = await resolveTargetOpds(tx.db, pemda.id, point.target, point.opdIds);
  const issuedAt = new Date();
  const number = await nextNumber(tx, pemda.id, Number(input.today.slice(0, 4)));
  const code = newDirectiveCode(pemda.kode);
  const tags = [...new Set(point.tags)].sort();
  const canonical = canonicalDirective({
    pemdaKode: pemda.kode,
    number,
    issuerName: actor.name,
    issuerRole: input.authority.issuerRole,
    issuedAt,
    text: point.text,
    tags,
    priority: point.priority,
    dueDate,
    assignedOpds: opds,
    supersedesNumber: input.supersedes?.number ?? null,
  });
  const contentHash = sha256Hex(canonical);
  const signature = signText(input.key.privateKey, canonical);
  const row = await tx.db
    .insertInto('coord_directive')
    .values({
      pemda_id: pemda.id,
      code,
      number,
      meeting_id: input.meetingId,
      issuer_user_id: actor.userId,
      issuer_name: actor.name,
      issuer_role: input.authority.issuerRole,
      delegation_id: input.authority.delegationId,
      issued_at: issuedAt,
      text: point.text,
      tags,
      priority: point.priority,
      due_date: dueDate,
      target: point.target,
      assigned_opds: JSON.stringify(opds.map((opd) => ({ id: opd.id, code: opd.code, name: opd.name }))),
      supersedes_id: input.supersedes?.id ?? null,
      supersedes_number: input.supersedes?.number ?? null,
      content_hash: contentHash,
      signature,
      key_id: input.key.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.db
    .insertInto('coord_assignment')
    .values(opds.map((opd) => ({ pemda_id: pemda.id, directive_id: row.id, opd_id: opd.id, due_date: dueDate, issued_on: input.today })))
    .execute();
  await writeAudit(tx, {
    pemdaId: pemda.id,
    action: 'coordination.directive_issued',
    entityType: 'coord_directive',
    entityId: row.id,
    after: { number, code, issuer_role: input.authority.issuerRole, delegation_id: input.authority.delegationId, due_date: dueDate, priority: point.priority, tags, opds: opds.length, supersedes: input.supersedes?.number ?? null },
    detail: { contentHash, keyId: input.key.id },
  });
  const recipients = await tx.db
    .selectFrom('app_user')
    .select('id')
    .where('pemda_id', '=', pemda.id)
    .where('active', '=', true)
    .where('role', 'in', ['kepala_opd', 'operator_opd'])
    .where('opd_id', 'in', opds.map((opd) => opd.id))
    .execute();
  await notify(tx, {
    pemdaId: pemda.id,
    recipients: recipients.map((r) => r.id),
    kind: CoordinationNotifications['coordination.directive_issued'],
    title: { id: `Arahan baru ${number}`, en: `New directive ${number}` },
    body: { id: `${actor.name}: ${point.text.slice(0, 300)}\nTenggat: ${dueDate}`, en: `${actor.name}: ${point.text.slice(0, 300)}\nDue: ${dueDate}` },
    link: `/koordinasi/arahan/${row.id}`,
  });
  return row.id;
}

/** Issues one directive, or several points of one meeting in one transaction (seed 004's 21 points). */
export async function issueDirectives(
  ctx: Ctx,
  secrets: SecretBox,
  actor: UserActor,
  input: { points: TDirectivePoint[]; meetingId?: string | undefined; supersedesId?: string | undefined },
): Promise<string[]> {
  const calendar = await loadCalendar(ctx.db, actor.pemdaId);
  const today = calendar.today();
  const authority = await issuerAuthority(ctx, actor, today);
  return inTransaction(ctx, async (tx) => {
    // Serialise issuance per Pemda so numbers are sequential without gaps or collisions.
    await tx.db.selectFrom('pemda').select('id').where('id', '=', actor.pemdaId).forUpdate().executeTakeFirst();
    const pemda = await pemdaInfo(tx.db, actor.pemdaId);
    if (input.meetingId) {
      const meeting = await tx.db.selectFrom('coord_meeting').select('id').where('pemda_id', '=', pemda.id).where('id', '=', input.meetingId).executeTakeFirst();
      if (!meeting) throw new AppError(CoordinationErrors.MEETING_NOT_FOUND);
    }
    let supersedes: { id: string; number: string } | null = null;
    if (input.supersedesId) {
      const old = await tx.db.selectFrom('coord_directive').select(['id', 'number']).where('pemda_id', '=', pemda.id).where('id', '=', input.supersedesId).executeTakeFirst();
      if (!old) throw new AppError(CoordinationErrors.DIRECTIVE_NOT_FOUND);
      const taken = await tx.db.selectFrom('coord_directive').select('id').where('pemda_id', '=', pemda.id).where('supersedes_id', '=', old.id).executeTakeFirst();
      if (taken) throw new AppError(CoordinationErrors.DIRECTIVE_ALREADY_SUPERSEDED, { number: old.number });
      supersedes = old;
    }
    const key = await activeSigningKey(tx, secrets, pemda.id);
    const ids: string[] = [];
    for (const point of input.points) {
      ids.push(await issueOne(tx, { pemda, actor, authority, key, calendar, today, point, meetingId: input.meetingId ?? null, supersedes }));
    }
    if (supersedes) {
      // The old directive's text stays as signed; only its open follow-ups are closed as superseded.
      await tx.db
        .updateTable('coord_assignment')
        .set({ status: 'dibatalkan', updated_at: new Date() })
        .where('pemda_id', '=', pemda.id)
        .where('directive_id', '=', supersedes.id)
        .where('status', 'not in', CLOSED_STATUSES)
        .execute();
      await writeAudit(tx, { pemdaId: pemda.id, action: 'coordination.directive_superseded', entityType: 'coord_directive', entityId: supersedes.id, detail: { by: ids[0] } });
    }
    return ids;
  });
}

export function singlePoint(input: TDirectiveIssueRequest): TDirectivePoint {
  return { text: input.text, tags: input.tags, priority: input.priority, dueDate: input.dueDate, dueInWorkingDays: input.dueInWorkingDays, target: input.target, opdIds: input.opdIds };
}
