import { sql } from 'kysely';
import type { TDay, TPegawaiMonth, TRecap, TRecapRow } from '../../../contracts/attendance';
import type { Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { addDays, loadCalendar } from '../../platform/calendar';
import { authorize } from '../../platform/policy';
import { loadRuleBook } from './config';
import type { DayStatus } from './day';
import { AttendanceErrors } from './errors';
import { AttendanceActions } from './policy';

/** Reading attendance: one pegawai's month with each day's status and why; the monthly recap per pegawai and OPD. */
export function monthRange(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { start: `${month}-01`, end };
}

const LEAVE_LABEL: Record<string, { id: string; en: string }> = {
  cuti_tahunan: { id: 'cuti tahunan', en: 'annual leave' },
  cuti_sakit: { id: 'cuti sakit', en: 'sick leave' },
  cuti_besar: { id: 'cuti besar', en: 'long leave' },
  cuti_melahirkan: { id: 'cuti melahirkan', en: 'maternity leave' },
  cuti_alasan_penting: { id: 'cuti karena alasan penting', en: 'leave for important reasons' },
  cltn: { id: 'cuti di luar tanggungan negara', en: 'unpaid leave (CLTN)' },
  izin: { id: 'izin', en: 'permission' },
  dinas_luar: { id: 'dinas luar', en: 'official travel' },
  tugas_belajar: { id: 'tugas belajar', en: 'study assignment' },
};

export interface DayRowLike {
  date: string;
  status: string;
  scheduled: boolean;
  sched_start: string | null;
  sched_end: string | null;
  check_in: string | null;
  check_out: string | null;
  late_minutes: number;
  early_minutes: number;
  tl: number;
  psw: number;
  cut_percent: number;
  reason: string;
}

/** Each day's status explained in words: the schedule, the times found, the code and the cut (BRIEF §4.1–4.2). */
export function explainDay(row: DayRowLike): TDay['why'] {
  const sched = `${row.sched_start}–${row.sched_end}`;
  const schedName = row.reason === 'jadwal_ramadan' ? { id: 'jadwal Ramadan', en: 'Ramadan schedule' } : row.reason === 'jadwal_normal' ? { id: 'jadwal normal', en: 'normal schedule' } : { id: `shift ${row.reason}`, en: `shift ${row.reason}` };
  switch (row.status as DayStatus) {
    case 'libur':
      if (row.reason === 'weekend') return { id: 'Hari libur akhir pekan (Perpres 21/2023: Senin–Jumat).', en: 'Weekend (Perpres 21/2023: Monday–Friday).' };
      if (row.reason === 'no_shift') return { id: 'Tidak ada shift pada jadwal dinas (roster).', en: 'No shift on the roster.' };
      return { id: `Hari libur: ${row.reason}.`, en: `Day off: ${row.reason}.` };
    case 'tk':
      return { id: `Tidak ada catatan hadir pada ${schedName.id} ${sched} dan tidak ada cuti/izin yang disetujui: TK, potongan ${row.cut_percent} %.`, en: `No presence recorded for the ${schedName.en} ${sched} and no approved leave: TK (absent), cut ${row.cut_percent} %.` };
    case 'hadir': {
      const inText = row.check_in ? { id: `masuk ${row.check_in}`, en: `in ${row.check_in}` } : { id: 'tidak absen masuk', en: 'no check-in' };
      const outText = row.check_out ? { id: `pulang ${row.check_out}`, en: `out ${row.check_out}` } : { id: 'tidak absen pulang', en: 'no check-out' };
      const codes: Array<{ id: string; en: string }> = [];
      if (row.tl > 0) codes.push(row.check_in ? { id: `terlambat ${row.late_minutes} menit = TL${row.tl}`, en: `${row.late_minutes} minutes late = TL${row.tl}` } : { id: `TL${row.tl}`, en: `TL${row.tl}` });
      if (row.psw > 0) codes.push(row.check_out ? { id: `pulang ${row.early_minutes} menit lebih awal = PSW${row.psw}`, en: `left ${row.early_minutes} minutes early = PSW${row.psw}` } : { id: `PSW${row.psw}`, en: `PSW${row.psw}` });
      const tail = codes.length === 0 ? { id: 'tepat waktu.', en: 'on time.' } : { id: `${codes.map((c) => c.id).join('; ')}; potongan ${row.cut_percent} %.`, en: `${codes.map((c) => c.en).join('; ')}; cut ${row.cut_percent} %.` };
      return { id: `Hadir (${schedName.id} ${sched}): ${inText.id}, ${outText.id}; ${tail.id}`, en: `Present (${schedName.en} ${sched}): ${inText.en}, ${outText.en}; ${tail.en}` };
    }
    default: {
      const label = LEAVE_LABEL[row.reason] ?? { id: row.reason, en: row.reason };
      return { id: `Disetujui: ${label.id}. Tidak ada potongan (BRIEF §4.2).`, en: `Approved: ${label.en}. No cut.` };
    }
  }
}

export function presentDay(row: DayRowLike): TDay {
  return {
    date: row.date,
    status: row.status as TDay['status'],
    scheduled: row.scheduled,
    schedStart: row.sched_start,
    schedEnd: row.sched_end,
    checkIn: row.check_in,
    checkOut: row.check_out,
    lateMinutes: row.late_minutes,
    earlyMinutes: row.early_minutes,
    tl: row.tl,
    psw: row.psw,
    cutPercent: Number(row.cut_percent),
    why: explainDay(row),
  };
}

const DAY_COLUMNS = ['date', 'status', 'scheduled', 'sched_start', 'sched_end', 'check_in', 'check_out', 'late_minutes', 'early_minutes', 'tl', 'psw', 'cut_percent', 'reason'] as const;

/** A pegawai's month: checks the caller may see this pegawai (own, own OPD, or Pemda-wide), else 404. */
export async function pegawaiMonth(ctx: Ctx, pemdaId: string, pegawaiId: string, month: string, self: boolean): Promise<TPegawaiMonth> {
  const person = await ctx.db
    .selectFrom('pegawai as p')
    .innerJoin('opd as o', (j) => j.onRef('o.pemda_id', '=', 'p.pemda_id').onRef('o.id', '=', 'p.opd_id'))
    .select(['p.id', 'p.name', 'p.nip', 'p.opd_id', 'o.name as opd_name'])
    .where('p.pemda_id', '=', pemdaId)
    .where('p.id', '=', pegawaiId)
    .executeTakeFirst();
  if (!person) throw new AppError(AttendanceErrors.ATT_PEGAWAI_NOT_FOUND);
  if (!self) authorize(ctx.actor, AttendanceActions['attendance.read'], { pemdaId, opdId: person.opd_id });
  const range = monthRange(month);
  const rows = await ctx.db.selectFrom('att_day').select(DAY_COLUMNS).where('pemda_id', '=', pemdaId).where('pegawai_id', '=', pegawaiId).where('date', '>=', range.start).where('date', '<=', range.end).orderBy('date').execute();
  const days = rows.map(presentDay);
  const lastComputed = rows.length > 0 ? (rows[rows.length - 1] as { date: string }).date : addDays(range.start, -1);
  const pending = await sql<{ at: string; code: string; state: number | null; mode: string | null }>`
    SELECT to_char(e.at, 'YYYY-MM-DD HH24:MI:SS') AS at, d.code, e.state, e.mode FROM att_event e
    JOIN att_device d ON d.pemda_id = e.pemda_id AND d.id = e.device_id
    WHERE e.pemda_id = ${pemdaId} AND e.pegawai_id = ${pegawaiId} AND e.at >= ${addDays(lastComputed, 1)}::timestamp AND e.at < ${addDays(range.end, 1)}::timestamp
    ORDER BY e.at LIMIT 200`.execute(ctx.db);
  const book = await loadRuleBook(ctx.db, pemdaId);
  const calendar = await loadCalendar(ctx.db, pemdaId);
  const ruleDate = range.end < calendar.today() ? range.end : calendar.today();
  const rules = (['schedule', 'lateness', 'discipline', 'tpp'] as const).map((kind) => {
    const version = book.get(kind, ruleDate, kind === 'schedule' ? person.opd_id : null);
    return { kind, validFrom: version.validFrom, legalBasis: version.legalBasis, isDefault: version.isDefault };
  });
  const excused = days.filter((d) => d.scheduled && ['cuti', 'izin', 'dinas_luar', 'tugas_belajar'].includes(d.status)).length;
  return {
    pegawai: { id: person.id, name: person.name, nip: person.nip, opdId: person.opd_id, opdName: person.opd_name },
    month,
    days,
    pendingEvents: pending.rows.map((e) => ({ at: e.at, device: e.code, state: e.state, mode: e.mode })),
    totals: {
      scheduled: days.filter((d) => d.scheduled).length,
      hadir: days.filter((d) => d.status === 'hadir').length,
      tk: days.filter((d) => d.status === 'tk').length,
      excused,
      lateMinutes: days.reduce((s, d) => s + d.lateMinutes, 0),
      earlyMinutes: days.reduce((s, d) => s + d.earlyMinutes, 0),
      cutPercent: Math.round(days.reduce((s, d) => s + d.cutPercent, 0) * 100) / 100,
    },
    rules,
  };
}

export interface RecapScope {
  pemdaId: string;
  month: string;
  /** One OPD, or all (Pemda-wide roles only). */
  opdId: string | null;
}

/** Attendance rate = present / (scheduled − excused); punctuality = present without TL / present. */
export async function monthlyRecap(ctx: Ctx, scope: RecapScope): Promise<TRecap> {
  const range = monthRange(scope.month);
  const opdFilter = scope.opdId ? sql`AND d.opd_id = ${scope.opdId}::uuid` : sql``;
  // Aggregated per pegawai first, names looked up per result row: a plan that stays cheap whatever the planner
  // believes of the tables' sizes (PGlite never runs ANALYZE by itself).
  const rows = await sql<{ pegawai_id: string; name: string; nip: string | null; opd_id: string; opd_name: string; scheduled: number; hadir: number; tk: number; excused: number; on_time: number; late: number; early: number; tl: number; psw: number; cut: number }>`
    SELECT a.*, p.name, p.nip, o.name AS opd_name
    FROM (
      SELECT d.pegawai_id, d.opd_id,
        count(*) FILTER (WHERE d.scheduled)::int AS scheduled,
        count(*) FILTER (WHERE d.status = 'hadir')::int AS hadir,
        count(*) FILTER (WHERE d.status = 'tk')::int AS tk,
        count(*) FILTER (WHERE d.scheduled AND d.status IN ('cuti', 'izin', 'dinas_luar', 'tugas_belajar'))::int AS excused,
        count(*) FILTER (WHERE d.status = 'hadir' AND d.tl = 0)::int AS on_time,
        coalesce(sum(d.late_minutes), 0)::int AS late, coalesce(sum(d.early_minutes), 0)::int AS early,
        count(*) FILTER (WHERE d.tl > 0)::int AS tl, count(*) FILTER (WHERE d.psw > 0)::int AS psw,
        coalesce(sum(d.cut_percent), 0)::float8 AS cut
      FROM att_day d
      WHERE d.pemda_id = ${scope.pemdaId} AND d.date >= ${range.start}::date AND d.date <= ${range.end}::date ${opdFilter}
      GROUP BY d.pegawai_id, d.opd_id
    ) a
    CROSS JOIN LATERAL (SELECT name, nip FROM pegawai WHERE pemda_id = ${scope.pemdaId} AND id = a.pegawai_id) p
    CROSS JOIN LATERAL (SELECT name FROM opd WHERE pemda_id = ${scope.pemdaId} AND id = a.opd_id) o
    ORDER BY o.name, p.name`.execute(ctx.db);
  const rate = (hadir: number, scheduled: number, excused: number) => (scheduled - excused > 0 ? Math.round((hadir / (scheduled - excused)) * 10_000) / 10_000 : null);
  const pegawai: TRecapRow[] = rows.rows.map((r) => ({
    pegawaiId: r.pegawai_id, name: r.name, nip: r.nip, opdId: r.opd_id, opdName: r.opd_name, scheduled: r.scheduled, hadir: r.hadir, tk: r.tk, excused: r.excused,
    onTime: r.on_time, lateMinutes: r.late, earlyMinutes: r.early, tl: r.tl, psw: r.psw, cutPercent: Math.round(r.cut * 100) / 100, attendanceRate: rate(r.hadir, r.scheduled, r.excused),
  }));
  const byOpd = new Map<string, TRecap['opds'][number]>();
  for (const r of pegawai) {
    const o = byOpd.get(r.opdId) ?? { opdId: r.opdId, opdName: r.opdName, pegawai: 0, scheduled: 0, hadir: 0, tk: 0, excused: 0, onTime: 0, lateMinutes: 0, earlyMinutes: 0, tl: 0, psw: 0, cutPercent: 0, attendanceRate: null, punctuality: null };
    o.pegawai += 1;
    o.scheduled += r.scheduled;
    o.hadir += r.hadir;
    o.tk += r.tk;
    o.excused += r.excused;
    o.onTime += r.onTime;
    o.lateMinutes += r.lateMinutes;
    o.earlyMinutes += r.earlyMinutes;
    o.tl += r.tl;
    o.psw += r.psw;
    o.cutPercent = Math.round((o.cutPercent + r.cutPercent) * 100) / 100;
    byOpd.set(r.opdId, o);
  }
  const opds = [...byOpd.values()].map((o) => ({ ...o, attendanceRate: rate(o.hadir, o.scheduled, o.excused), punctuality: o.hadir > 0 ? Math.round((o.onTime / o.hadir) * 10_000) / 10_000 : null }));
  return { month: scope.month, opdId: scope.opdId, opds, pegawai };
}
