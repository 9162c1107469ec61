import { sql } from 'kysely';
import type { DemoSeedContext } from '../index';
import { inTransaction, systemCtx } from '../../http/context';
import { addDays, loadCalendar } from '../../platform/calendar';
import { loadRuleBook } from './config';
import { fixedShift } from './day';
import { evaluateDiscipline, recordSanction } from './discipline';
import { DEFAULT_LATENESS } from './rules';
import { recomputeDays } from './status';
import { computeTppMonth } from './tpp';

/**
 * Demo attendance for Kota Pangkal Pinang: device "1" (ZKTeco) where PIN n is the n-th pegawai ordered by NIP
 * (pegawai without NIP last, then by id), the events of the last full month generated inside the database
 * (one INSERT … SELECT, deterministic: the pseudo-random figures are hashes of pegawai and date), a little
 * approved leave, the daily statuses computed by the real engine, the discipline cases they open, one decided
 * sedang case with its TPP cut, and the TPP sheet of the last full month with imported kinerja.
 */
export async function seedAttendanceDemo(seed: DemoSeedContext): Promise<void> {
  const { db, pemdaId, log } = seed;
  const started = Date.now();
  const step = (name: string) => log(`    ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const calendar = await loadCalendar(db, pemdaId);
  const today = calendar.today();
  const thisMonth = today.slice(0, 7);
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  const to = addDays(today, -1);
  const lastIndex = y * 12 + (m - 1) - 1;
  const tppMonth = `${Math.floor(lastIndex / 12)}-${String((lastIndex % 12) + 1).padStart(2, '0')}`;
  const book = await loadRuleBook(db, pemdaId);
  const eventsFrom = `${tppMonth}-01`;
  const eventsTo = addDays(`${thisMonth}-01`, -1);
  const days: Array<{ date: string; start: number; end: number }> = [];
  const earlier: Array<{ date: string; start: string | null; end: string | null; reason: string }> = [];
  const mins = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  for (let d = eventsFrom; d <= to; d = addDays(d, 1)) {
    const shift = calendar.isWorkingDay(d) ? fixedShift(book.get('schedule', d).body, d) : null;
    if (d >= eventsFrom && d <= eventsTo) {
      if (shift) days.push({ date: d, start: mins(shift.start), end: mins(shift.end) });
    } else if (shift && d > eventsTo) {
      earlier.push({ date: d, start: shift?.start ?? null, end: shift?.end ?? null, reason: shift ? shift.name : calendar.holidayName(d) ?? 'weekend' });
    }
  }
  const device = await db.insertInto('att_device').values({ pemda_id: pemdaId, code: '1', name: 'Mesin sidik jari Balai Kota (demo)', kind: 'zkteco', opd_id: null, serial_number: 'DEMO-ZK-0001', column_map: null }).returning('id').executeTakeFirstOrThrow();
  await sql`
    INSERT INTO att_pin_map (pemda_id, device_id, pin, pegawai_id)
    SELECT ${pemdaId}::uuid, ${device.id}::uuid, (row_number() OVER (ORDER BY nip NULLS LAST, id))::text, id
    FROM pegawai WHERE pemda_id = ${pemdaId} AND active`.execute(db);
  // Profiles by hash: 1 % chronic (often late, absent ~6 %), 24 % sometimes late, the rest diligent.
  await sql`
    INSERT INTO att_event (pemda_id, device_id, pin, at, state, verify, workcode, pegawai_id)
    SELECT ${pemdaId}::uuid, ${device.id}::uuid, m.pin, ev.at, ev.state, 1, '0', m.pegawai_id
    FROM att_pin_map m
    CROSS JOIN unnest(${days.map((d) => d.date)}::date[], ${days.map((d) => d.start)}::int[], ${days.map((d) => d.end)}::int[]) AS w(date, start_min, end_min)
    CROSS JOIN LATERAL (SELECT abs(hashtext(m.pegawai_id::text)) % 100 AS profile, abs(hashtext(m.pegawai_id::text || w.date::text)) AS h) r
    CROSS JOIN LATERAL (
      SELECT CASE WHEN r.profile = 0 THEN 60 WHEN r.profile < 25 THEN 15 ELSE 4 END AS absent_per_mille,
             CASE WHEN r.profile = 0 THEN 400 WHEN r.profile < 25 THEN 150 ELSE 30 END AS late_per_mille
    ) p
    CROSS JOIN LATERAL (VALUES
      (w.date + make_interval(mins => w.start_min + CASE WHEN (r.h % 1000) < p.late_per_mille THEN 1 + (r.h / 7) % (CASE WHEN r.profile = 0 THEN 120 ELSE 40 END) ELSE -1 - (r.h / 11) % 30 END, secs => (r.h / 13) % 60), 0),
      (w.date + make_interval(mins => w.end_min + CASE WHEN (r.h / 17) % 100 < 3 THEN -10 - (r.h / 19) % 50 ELSE (r.h / 23) % 40 END, secs => (r.h / 29) % 60), 1)
    ) AS ev(at, state)
    WHERE m.pemda_id = ${pemdaId} AND m.device_id = ${device.id}
      AND (r.h / 3) % 1000 >= p.absent_per_mille
      AND NOT (ev.state = 1 AND (r.h / 31) % 100 < 2)`.execute(db);
  step('events');
  const events = await sql<{ n: number }>`SELECT count(*)::int AS n FROM att_event WHERE pemda_id = ${pemdaId}`.execute(db);
  // A little approved leave: 3 % of pegawai take 2 days of cuti tahunan in the event month.
  const leaveStart = days[Math.min(days.length - 1, Math.floor(days.length / 2))]?.date ?? eventsFrom;
  await sql`
    INSERT INTO att_leave (pemda_id, pegawai_id, opd_id, kind, start_date, end_date, reason, status, decided_at, decision_note)
    SELECT ${pemdaId}::uuid, id, opd_id, 'cuti_tahunan', ${leaveStart}::date, ${leaveStart}::date + 1, 'Keperluan keluarga (demo)', 'disetujui', now(), 'Disetujui (demo)'
    FROM pegawai WHERE pemda_id = ${pemdaId} AND active AND abs(hashtext(id::text || 'cuti')) % 100 < 3`.execute(db);
  step('leave');
  const sys = systemCtx(db, 'seed-attendance');
  // The last full month runs through the real engine from its events; the working days of the running month are
  // aggregated straight into daily statuses (same profiles, no events). The month before is left out: PGlite
  // inserts ~10k rows/s here and seedDemo has no COPY handle (see the report of issue 5).
  const result = await recomputeDays(db, pemdaId, { from: eventsFrom, to: eventsTo, today });
  step('recompute');
  await synthesiseDays(db, pemdaId, earlier);
  step('synth');
  const everyone = (await db.selectFrom('pegawai').select('id').where('pemda_id', '=', pemdaId).where('active', '=', true).execute()).map((p) => ({ pegawaiId: p.id, year: Number(today.slice(0, 4)) }));
  const opened = await inTransaction(sys, (tx) => evaluateDiscipline(tx, pemdaId, result.touched.length > 0 ? everyone : [], today));
  step('discipline');
  // One sedang case decided, to show a TPP sanction cut in the sheet.
  const sedang = await db.selectFrom('disc_case').select(['id', 'pegawai_id', 'level']).where('pemda_id', '=', pemdaId).orderBy('days_at_open', 'desc').limit(1).executeTakeFirst();
  if (sedang) {
    await inTransaction(sys, async (tx) => {
      await tx.db.updateTable('disc_case').set({ status: 'diputus', examined_on: addDays(today, -20), bap_notes: 'Pemeriksaan (demo)', decided_sanction: 'potong_tpp_6', decision_number: '800/DEMO/BKPSDM/2025', decided_on: addDays(today, -10), appeal_until: calendar.addWorkingDays(addDays(today, -10), 14) }).where('pemda_id', '=', pemdaId).where('id', '=', sedang.id).execute();
      await recordSanction(tx, { pemdaId, pegawaiId: sedang.pegawai_id, caseId: sedang.id, source: 'discipline', sanction: 'potong_tpp_6', level: 'sedang', tppCutPercent: 25, startMonth: tppMonth, months: 6, decisionNumber: '800/DEMO/BKPSDM/2025' });
    });
  }
  await sql`
    INSERT INTO tpp_kinerja (pemda_id, pegawai_id, month, predikat, score, source)
    SELECT ${pemdaId}::uuid, id, ${tppMonth}, CASE WHEN h < 15 THEN 'sangat_baik' WHEN h < 92 THEN 'baik' WHEN h < 98 THEN 'butuh_perbaikan' ELSE 'kurang' END, NULL, 'demo'
    FROM (SELECT id, abs(hashtext(id::text || 'skp')) % 100 AS h FROM pegawai WHERE pemda_id = ${pemdaId} AND active) p`.execute(db);
  step('kinerja');
  const tpp = await computeTppMonth(db, pemdaId, tppMonth);
  log(`  absensi: ${events.rows[0]?.n ?? 0} kejadian ${eventsFrom} s.d. ${eventsTo} (${result.days} hari-status dari mesin), ${earlier.length} hari kerja bulan berjalan diringkas langsung (s.d. ${to}), ${opened.length} kasus disiplin, TPP ${tppMonth}: ${tpp.pegawai} pegawai (aturan ${DEFAULT_LATENESS.legalBasis.slice(0, 20)}…)`);
}

/** Daily statuses without events for the working days outside the event month, with the same profiles as the events. */
async function synthesiseDays(db: DemoSeedContext['db'], pemdaId: string, days: Array<{ date: string; start: string | null; end: string | null; reason: string }>): Promise<void> {
  if (days.length === 0) return;
  await sql`
    INSERT INTO att_day (pemda_id, pegawai_id, date, opd_id, status, scheduled, sched_start, sched_end, check_in, check_out, late_minutes, early_minutes, tl, psw, cut_percent, reason)
    SELECT ${pemdaId}::uuid, p.id, w.date, p.opd_id, s.status, w.start IS NOT NULL, w.start, w."end",
      CASE WHEN s.status = 'hadir' THEN to_char(w.date + w.start::time + make_interval(mins => s.late), 'HH24:MI') END,
      CASE WHEN s.status = 'hadir' THEN w."end" END,
      CASE WHEN s.status = 'hadir' THEN greatest(s.late, 0) ELSE 0 END, 0,
      CASE WHEN s.status <> 'hadir' OR s.late <= 0 THEN 0 WHEN s.late <= 30 THEN 1 WHEN s.late <= 60 THEN 2 WHEN s.late <= 90 THEN 3 ELSE 4 END, 0,
      CASE WHEN s.status = 'tk' THEN 3 WHEN s.status <> 'hadir' OR s.late <= 0 THEN 0 WHEN s.late <= 30 THEN 0.5 WHEN s.late <= 60 THEN 1 WHEN s.late <= 90 THEN 1.25 ELSE 1.5 END,
      CASE WHEN w.start IS NULL THEN w.reason WHEN s.status = 'hadir' OR s.status = 'tk' THEN w.reason ELSE w.reason END
    FROM pegawai p
    CROSS JOIN unnest(${days.map((d) => d.date)}::date[], ${days.map((d) => d.start)}::text[], ${days.map((d) => d.end)}::text[], ${days.map((d) => d.reason)}::text[]) AS w(date, start, "end", reason)
    CROSS JOIN LATERAL (SELECT abs(hashtext(p.id::text)) % 100 AS profile, abs(hashtext(p.id::text || w.date::text)) AS h) r
    CROSS JOIN LATERAL (SELECT
      CASE WHEN w.start IS NULL THEN 'libur'
           WHEN (r.h / 3) % 1000 < CASE WHEN r.profile = 0 THEN 60 WHEN r.profile < 25 THEN 15 ELSE 4 END THEN 'tk'
           ELSE 'hadir' END AS status,
      CASE WHEN (r.h % 1000) < CASE WHEN r.profile = 0 THEN 400 WHEN r.profile < 25 THEN 150 ELSE 30 END
           THEN 1 + (r.h / 7) % (CASE WHEN r.profile = 0 THEN 120 ELSE 40 END) ELSE -1 - (r.h / 11) % 30 END AS late) s
    WHERE p.pemda_id = ${pemdaId} AND p.active
    ON CONFLICT DO NOTHING`.execute(db);
}
