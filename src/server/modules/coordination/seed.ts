import type { Insertable, Kysely } from 'kysely';
import type { DemoSeedContext } from '..';
import type { DB } from '../../db/schema';
import { inTransaction, systemCtx } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { addDays, loadCalendar, startOfLocalDay, type WorkingCalendar } from '../../platform/calendar';
import { lastWorkingDay, newDirectiveCode, pemdaInfo, periodOf, reportDueDate } from './common';
import { DONE_NOTES, MEETINGS, OBSTACLES, PROGRESS_NOTES, REPORT_TEXT, type PointSpec } from './seed-content';
import { canonicalDirective, keyIdOf, privateKeyFromSeed, sha256Hex, signText } from './signing';
import type { AssignedOpd, AssignmentStatus, CoordAssignmentTable, CoordFollowupTable, CoordMeetingInviteTable, CoordReportTable } from './tables';

/**
 * The demo Pemda's coordination history: meetings of the last five months (the 21 points of seed 004, the
 * coffee morning at Balai Besar Betason of seed 000, apel, a DPRD session), their directives signed with a demo
 * key whose private half is thrown away, follow-ups, weekly OPD reports, and exactly two silent OPDs.
 * Deterministic for a given day: every choice comes from the seeded random source.
 */
interface Opd {
  id: string;
  code: string;
  name: string;
  kind: string;
}

const SILENT_PREFERRED = ['Perikanan', 'Pemuda'];
const SILENT_DAYS = 12;

/** A version-4-shaped UUID from the seeded random source, so the demo ids are the same on every run. */
function seededUuid(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

async function insertChunked<T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    // Kysely cannot narrow a generic table name; the rows were typed against that table above.
    await db.insertInto(table).values(rows.slice(i, i + 400) as never).execute();
  }
}

export async function seedCoordinationDemo(seed: DemoSeedContext): Promise<void> {
  const { db, pemdaId } = seed;
  const rnd = seed.random;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const exists = await db.selectFrom('coord_meeting').select('id').where('pemda_id', '=', pemdaId).limit(1).executeTakeFirst();
  if (exists) return;
  const opds: Opd[] = await db.selectFrom('opd').select(['id', 'code', 'name', 'kind']).where('pemda_id', '=', pemdaId).where('active', '=', true).orderBy('sort_order').orderBy('code').execute();
  if (opds.length < 5) {
    seed.log('coordination: fewer than 5 OPDs, no demo coordination data');
    return;
  }
  const pemda = await pemdaInfo(db, pemdaId);
  const calendar = await loadCalendar(db, pemdaId);
  const now = seed.now ?? new Date();
  const today = calendar.today(now);
  const at = (date: string, hours: number) => new Date(startOfLocalDay(date, pemda.timezone).getTime() + hours * 3_600_000);
  const head = await db.selectFrom('pemda_head').select(['name', 'title']).where('pemda_id', '=', pemdaId).orderBy('term_start', 'desc').executeTakeFirst();
  const sekda = await db.selectFrom('app_user').select(['id', 'name']).where('pemda_id', '=', pemdaId).where('role', '=', 'sekda').executeTakeFirst();
  const kepala = await db.selectFrom('app_user').select(['id', 'name']).where('pemda_id', '=', pemdaId).where('role', '=', 'kepala_daerah').executeTakeFirst();
  const issuers = {
    kepala_daerah: { userId: kepala?.id ?? null, name: head ? `${head.title} ${head.name}` : (kepala?.name ?? 'Kepala Daerah') },
    sekda: { userId: sekda?.id ?? null, name: sekda?.name ?? 'Sekretaris Daerah' },
  };

  // Exactly two silent OPDs (seed 000): preferably the two named below, else the first two dinas/badan.
  const offices = opds.filter((o) => !['kecamatan', 'kelurahan', 'uptd'].includes(o.kind));
  const silent = new Set<string>();
  for (const word of SILENT_PREFERRED) {
    const match = offices.find((o) => o.name.includes(word) && !silent.has(o.id));
    if (match) silent.add(match.id);
  }
  for (const o of offices) if (silent.size < 2 && !silent.has(o.id)) silent.add(o.id);
  const diligence = new Map(opds.map((o) => [o.id, silent.has(o.id) ? 0.45 : 0.6 + rnd() * 0.37]));
  const activityLimit = (opdId: string) => (silent.has(opdId) ? at(addDays(today, -SILENT_DAYS), 0) : now);

  // A demo signing key: its private half is derived from the seeded random source and never stored.
  const keySeed = Buffer.from(Array.from({ length: 32 }, () => Math.floor(rnd() * 256)));
  const privateKey = privateKeyFromSeed(keySeed);
  const { createPublicKey } = await import('node:crypto');
  const x = createPublicKey(privateKey).export({ format: 'jwk' }).x as string;
  const keyId = keyIdOf(x);

  const meetings: Insertable<DB['coord_meeting']>[] = [];
  const invites: Insertable<CoordMeetingInviteTable>[] = [];
  const directives: Insertable<DB['coord_directive']>[] = [];
  const assignments: Insertable<CoordAssignmentTable>[] = [];
  const followups: Insertable<CoordFollowupTable>[] = [];
  const numbers = new Map<number, number>();

  const resolveTarget = (point: PointSpec): Opd[] => {
    if (point.target === 'all') return opds;
    if (point.target === 'all_kecamatan' || point.target === 'all_kelurahan') {
      const kind = point.target === 'all_kecamatan' ? 'kecamatan' : 'kelurahan';
      const found = opds.filter((o) => o.kind === kind);
      return found.length ? found : offices.slice(0, 3);
    }
    const words = point.target;
    const found = offices.filter((o) => words.some((w) => o.name.toLowerCase().includes(w.toLowerCase())));
    return found.length ? found : [pick(offices), pick(offices)].filter((o, i, list) => list.indexOf(o) === i);
  };

  for (const spec of [...MEETINGS].sort((a, b) => b.daysAgo - a.daysAgo)) {
    const raw = addDays(today, -spec.daysAgo);
    const date = spec.daysAgo >= 0 ? lastWorkingDay(calendar, raw) : calendar.addWorkingDays(addDays(raw, -1), 1);
    const startsAt = at(date, spec.kind === 'apel' ? 7.5 : spec.kind === 'dprd' ? 10 : 8);
    const meetingId = seededUuid(rnd);
    meetings.push({ pemda_id: pemdaId, id: meetingId, kind: spec.kind, title: spec.title, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 2 * 3_600_000), place: spec.place, chair_name: issuers[spec.chair].name, chair_user_id: issuers[spec.chair].userId, agenda: spec.agenda, minutes: spec.minutes, created_by: null, created_at: new Date(startsAt.getTime() - 3 * 86_400_000) });
    const invited = spec.kind === 'apel' || spec.kind === 'coffee_morning' ? opds : opds.filter((o) => o.kind !== 'kelurahan');
    for (const opd of invited) invites.push(attendanceOf({ meetingId, opd, startsAt, past: startsAt <= now, diligence: diligence.get(opd.id) ?? 0.8, rnd, pick, pemdaId }));
    spec.points.forEach((point, index) => {
      const issuedAt = new Date(startsAt.getTime() + 3 * 3_600_000 + index * 60_000);
      const year = Number(date.slice(0, 4));
      const seq = (numbers.get(year) ?? 0) + 1;
      numbers.set(year, seq);
      const number = `${String(seq).padStart(4, '0')}/ARH/${year}`;
      const targets = resolveTarget(point);
      const assigned: AssignedOpd[] = targets.map((o) => ({ id: o.id, code: o.code, name: o.name }));
      const dueDate = calendar.addWorkingDays(date, point.dueWorkingDays);
      const issuer = issuers[spec.chair];
      const tags = [...point.tags].sort();
      const canonical = canonicalDirective({ pemdaKode: pemda.kode, number, issuerName: issuer.name, issuerRole: spec.chair, issuedAt, text: point.text, tags, priority: point.priority, dueDate, assignedOpds: assigned, supersedesNumber: null });
      const directiveId = seededUuid(rnd);
      directives.push({
        pemda_id: pemdaId, id: directiveId, code: newDirectiveCode(pemda.kode, rnd), number, meeting_id: meetingId, issuer_user_id: issuer.userId, issuer_name: issuer.name, issuer_role: spec.chair, delegation_id: null,
        issued_at: issuedAt, text: point.text, tags, priority: point.priority, due_date: dueDate, target: Array.isArray(point.target) ? 'opds' : point.target, assigned_opds: JSON.stringify(assigned),
        supersedes_id: null, supersedes_number: null, content_hash: sha256Hex(canonical), signature: signText(privateKey, canonical), key_id: keyId,
      });
      for (const opd of targets) {
        const simulated = simulate({ calendar, at, pick, rnd, now, issuedOn: date, dueDate, diligence: diligence.get(opd.id) ?? 0.8, limit: activityLimit(opd.id), leader: issuer });
        assignments.push({ pemda_id: pemdaId, directive_id: directiveId, opd_id: opd.id, due_date: dueDate, issued_on: date, ...simulated.state });
        for (const f of simulated.followups) followups.push({ pemda_id: pemdaId, directive_id: directiveId, opd_id: opd.id, ...f });
      }
    });
  }

  const reports = weeklyReports({ calendar, at, rnd, pick, now, today, opds, silent, diligence, pemdaId });
  await inTransaction(systemCtx(db, 'seed-demo'), async (tx) => {
    await tx.db.insertInto('coord_signing_key').values({ pemda_id: pemdaId, id: keyId, public_key: x, private_key_sealed: null, active: false, retired_at: now, note: 'demo seed key; private half destroyed' }).execute();
    await insertChunked(tx.db, 'coord_meeting', meetings);
    await insertChunked(tx.db, 'coord_meeting_invite', invites);
    await insertChunked(tx.db, 'coord_directive', directives);
    await insertChunked(tx.db, 'coord_assignment', assignments);
    await insertChunked(tx.db, 'coord_followup', followups);
    await insertChunked(tx.db, 'coord_report', reports);
    await writeAudit(tx, { pemdaId, action: 'coordination.demo_seeded', entityType: 'pemda', entityId: pemdaId, detail: { meetings: meetings.length, directives: directives.length, assignments: assignments.length, followups: followups.length, reports: reports.length, silentOpds: [...silent] } });
  });
  seed.log(`coordination: ${meetings.length} meetings, ${directives.length} directives, ${assignments.length} assignments, ${followups.length} follow-ups, ${reports.length} reports, 2 silent OPDs`);
}

interface AttendanceInput {
  meetingId: string;
  opd: Opd;
  startsAt: Date;
  past: boolean;
  diligence: number;
  rnd: () => number;
  pick: <T>(list: readonly T[]) => T;
  pemdaId: string;
}

function attendanceOf({ meetingId, opd, startsAt, past, diligence, rnd, pick, pemdaId }: AttendanceInput): Insertable<CoordMeetingInviteTable> {
  const base = { pemda_id: pemdaId, meeting_id: meetingId, opd_id: opd.id, represented_by: null, absence_reason: null, recorded_at: null };
  const recorded_at = new Date(startsAt.getTime() + 3 * 3_600_000);
  if (!past) return base;
  const r = rnd();
  if (r < diligence * 0.8) return { ...base, attendance: 'present', recorded_at };
  if (r < diligence) return { ...base, attendance: 'represented', represented_by: pick(['Sekretaris', 'Kepala Bidang', 'Sekretaris Camat', 'Kepala Subbagian Umum']), recorded_at };
  return { ...base, attendance: 'absent', absence_reason: pick(['Dinas luar daerah', 'Sakit', 'Tanpa keterangan', 'Bertepatan dengan kegiatan di kementerian']), recorded_at };
}

interface SimInput {
  calendar: WorkingCalendar;
  at: (date: string, hours: number) => Date;
  pick: <T>(list: readonly T[]) => T;
  rnd: () => number;
  now: Date;
  issuedOn: string;
  dueDate: string;
  diligence: number;
  limit: Date;
  leader: { userId: string | null; name: string };
}

type SimFollowUp = Omit<Insertable<CoordFollowupTable>, 'pemda_id' | 'directive_id' | 'opd_id'>;

/** One OPD working on one directive: when it first reacts, whether it hits an obstacle, finishes, is accepted. */
function simulate(input: SimInput): { state: Pick<Insertable<CoordAssignmentTable>, 'status' | 'first_activity_at' | 'last_activity_at' | 'completed_on' | 'accepted_at' | 'obstacle' | 'updated_at'>; followups: SimFollowUp[] } {
  const { calendar, at, pick, rnd } = input;
  const followups: SimFollowUp[] = [];
  let status: AssignmentStatus = 'belum';
  let first: Date | null = null;
  let last: Date | null = null;
  let completedOn: string | null = null;
  let acceptedAt: Date | null = null;
  let obstacle: string | null = null;
  const happened = (when: Date) => when < input.limit && when < input.now;
  const opdStep = (date: string, next: AssignmentStatus, note: string, extra: Partial<SimFollowUp> = {}): boolean => {
    const when = at(date, 9 + rnd() * 6);
    if (!happened(when)) return false;
    followups.push({ kind: 'progress', status_to: next, note, obstacle: null, internal: rnd() < 0.1, author_user_id: null, author_name: 'Operator OPD', created_at: when, ...extra });
    first ??= when;
    last = when;
    status = next;
    return true;
  };
  const span = Math.max(1, calendar.workingDaysBetween(input.issuedOn, input.dueDate));
  const firstDate = calendar.addWorkingDays(input.issuedOn, 1 + Math.floor((rnd() * 4) / input.diligence));
  if (!opdStep(firstDate, 'proses', pick(PROGRESS_NOTES))) return { state: { status, first_activity_at: null, last_activity_at: null, completed_on: null, accepted_at: null, obstacle: null, updated_at: input.now }, followups };
  let cursor = firstDate;
  if (rnd() < 0.03) {
    const blocked = calendar.addWorkingDays(cursor, 1 + Math.floor(rnd() * 3));
    const text = pick(OBSTACLES);
    if (opdStep(blocked, 'terkendala', 'Pelaksanaan terhambat; mohon keputusan pimpinan.', { obstacle: text })) {
      obstacle = text;
      const decided = at(calendar.addWorkingDays(blocked, 2), 13);
      if (rnd() < 0.3 || !(decided < input.now)) return finish();
      followups.push({ kind: 'decision', status_to: 'proses', note: 'Disetujui; koordinasikan dengan BPKAD dan laporkan kembali.', obstacle: text, internal: false, author_user_id: input.leader.userId, author_name: input.leader.name, created_at: decided });
      status = 'proses';
      obstacle = null;
      cursor = calendar.addWorkingDays(blocked, 2);
    } else {
      return finish();
    }
  }
  const needed = Math.max(1, Math.round(span * (0.5 + (rnd() * 0.9) / input.diligence)));
  const doneDate = calendar.addWorkingDays(input.issuedOn, needed);
  if (doneDate <= cursor) cursor = doneDate;
  if (!opdStep(doneDate > cursor ? doneDate : calendar.addWorkingDays(cursor, 1), 'selesai', pick(DONE_NOTES))) return finish();
  completedOn = calendar.today(last ?? input.now);
  const acceptDate = calendar.addWorkingDays(completedOn, 1 + Math.floor(rnd() * 3));
  const acceptAt = at(acceptDate, 14);
  if (acceptAt < input.now && rnd() < 0.88) {
    followups.push({ kind: 'accepted', status_to: 'diterima', note: 'Diterima.', obstacle: null, internal: false, author_user_id: input.leader.userId, author_name: input.leader.name, created_at: acceptAt });
    status = 'diterima';
    acceptedAt = acceptAt;
  }
  return finish();

  function finish() {
    return { state: { status, first_activity_at: first, last_activity_at: last, completed_on: completedOn, accepted_at: acceptedAt, obstacle, updated_at: acceptedAt ?? last ?? input.now }, followups };
  }
}

interface ReportInput {
  calendar: WorkingCalendar;
  at: (date: string, hours: number) => Date;
  rnd: () => number;
  pick: <T>(list: readonly T[]) => T;
  now: Date;
  today: string;
  opds: Opd[];
  silent: Set<string>;
  diligence: Map<string, number>;
  pemdaId: string;
}

/** Weekly reports of the last 12 weeks: most on Friday, some late or missing; silent OPDs stop 12+ days ago. */
function weeklyReports(input: ReportInput): Insertable<CoordReportTable>[] {
  const { calendar, at, rnd, pick, now, today } = input;
  const rows: Insertable<CoordReportTable>[] = [];
  for (const opd of input.opds) {
    const quiet = input.silent.has(opd.id);
    const diligence = input.diligence.get(opd.id) ?? 0.8;
    let latestForced = false;
    for (let week = 0; week < 12; week += 1) {
      const period = periodOf('weekly', addDays(today, -7 * week));
      const friday = addDays(period.start, 4);
      if (friday > today) continue;
      const due = reportDueDate(calendar, period);
      let date = friday;
      let when: Date;
      if (!quiet && !latestForced) {
        // The most recent report of an active OPD: never older than a week, so only the two chosen OPDs are silent.
        latestForced = true;
        when = new Date(Math.min(at(friday, 14).getTime(), now.getTime() - 30 * 60_000));
      } else {
        if (rnd() > diligence + 0.1) continue;
        const slip = rnd() < 0.8 ? 0 : 1 + Math.floor(rnd() * 4);
        date = addDays(friday, slip);
        when = at(date, 9 + rnd() * 7);
        if (when >= now) continue;
        if (quiet && date > addDays(today, -SILENT_DAYS)) continue;
      }
      const submittedOn = calendar.today(when);
      rows.push({
        pemda_id: input.pemdaId,
        opd_id: opd.id,
        period_start: period.start,
        period_end: period.end,
        due_date: due,
        achievements: pick(REPORT_TEXT.achievements),
        problems: pick(REPORT_TEXT.problems),
        needs: pick(REPORT_TEXT.needs),
        submitted_by: null,
        submitted_at: when,
        late: submittedOn > due,
      });
    }
  }
  return rows;
}
