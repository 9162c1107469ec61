import { sql } from 'kysely';
import { copyLine } from '../../db/connect';
import type { DemoSeedContext } from '../index';
import { inTransaction, systemCtx } from '../../http/context';
import { addDays, loadCalendar } from '../../platform/calendar';
import { loadRuleBook } from './config';
import { minutesOf, type LeaveKind, type Shift } from './day';
import { evaluateDiscipline, recordSanction } from './discipline';
import { DEFAULT_LATENESS, RULE_DEFAULTS } from './rules';
import { computeRows, copyDays, datesBetween, planDates, type EventsByPegawai, type LeavesByPegawai } from './status';
import { computeTppMonth } from './tpp';

/**
 * Demo attendance for Kota Pangkal Pinang over three months: the two full months before the running one and the
 * running month up to yesterday. Device "1" (ZKTeco) maps PIN n to the n-th pegawai ordered by NIP (pegawai
 * without NIP last, then by id). Punches are generated here, deterministically (hashes of pegawai and day), with
 * profiles: 1 % chronic (often and long late, absent ~6 %), 24 % sometimes late, the rest diligent, and one in a
 * thousand truant (absent ~22 %); a few forget to check out or leave early. Approved leave of several kinds (cuti tahunan, sakit, dinas luar, izin)
 * excuses its days, and a few requests wait for approval. The daily statuses of all three months come from the
 * real engine (`computeRows`, the function recomputeDays uses) and are written by COPY, like the punches of the
 * running month (kept in att_event as if imported); then the discipline cases they open, one decided sedang case
 * with its TPP cut, and the TPP sheet of the last full month with imported kinerja.
 */
const CHUNK = 1000;

/** Deterministic 32-bit hash of a few integers. */
function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return h >>> 0;
}

const monthShift = (month: string, delta: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** 'YYYY-MM-DD HH:MM:SS' of seconds from the epoch of the wall-clock time. */
const wallClock = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');

export async function seedAttendanceDemo(seed: DemoSeedContext): Promise<void> {
  const { db, database, pemdaId, log } = seed;
  if (!database) throw new Error('the attendance demo needs the Database handle (COPY) in DemoSeedContext');
  const started = Date.now();
  const step = (name: string) => log(`    ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const calendar = await loadCalendar(db, pemdaId);
  const today = calendar.today();
  const thisMonth = today.slice(0, 7);
  const tppMonth = monthShift(thisMonth, -1);
  const from = `${monthShift(thisMonth, -2)}-01`;
  const to = addDays(today, -1);
  // The punches of the running month are kept in att_event (as if imported): the days recomputed in normal use
  // (nightly job, a new holiday, a late import) are recent ones, and they find their events. Older months keep
  // their daily statuses only, so first start writes no more rows than it must.
  const eventsFrom = `${thisMonth}-01`;
  const eventsTo = to;
  // The hospital works in shifts (issue 5 §1): its schedule is the roster, from the start of the demo period.
  const rsud = await db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('code', '=', 'RSUD').executeTakeFirst();
  if (rsud) {
    await db
      .insertInto('att_rule_set')
      .values({ pemda_id: pemdaId, kind: 'schedule', opd_id: rsud.id, valid_from: from, legal_basis: 'Peraturan Direktur RSUD Depati Hamzah tentang Jadwal Dinas Pegawai (demo)', body: JSON.stringify({ ...RULE_DEFAULTS.schedule.body, mode: 'roster' }), created_by: null })
      .execute();
  }
  const plan = planDates({ calendar, rules: await loadRuleBook(db, pemdaId) }, datesBetween(from, to));
  const device = await db.insertInto('att_device').values({ pemda_id: pemdaId, code: '1', name: 'Mesin sidik jari Balai Kota (demo)', kind: 'zkteco', opd_id: null, serial_number: 'DEMO-ZK-0001', column_map: null }).returning('id').executeTakeFirstOrThrow();
  await sql`
    INSERT INTO att_pin_map (pemda_id, device_id, pin, pegawai_id)
    SELECT ${pemdaId}::uuid, ${device.id}::uuid, (row_number() OVER (ORDER BY nip NULLS LAST, id))::text, id
    FROM pegawai WHERE pemda_id = ${pemdaId} AND active`.execute(db);
  const people = (await sql<{ pin: string; id: string; opd_id: string }>`
    SELECT m.pin, p.id, p.opd_id FROM att_pin_map m JOIN pegawai p ON p.pemda_id = m.pemda_id AND p.id = m.pegawai_id
    WHERE m.pemda_id = ${pemdaId} AND m.device_id = ${device.id} ORDER BY m.pin::int`.execute(db)).rows;

  // The RSUD roster from the first demo day to two weeks ahead: nurses, midwives and doctors rotate through
  // Pagi, Pagi, Siang, Siang, Malam, Malam, Libur, Libur (the night shift ends the next morning); the rest of the
  // hospital's staff are rostered on office hours on working days.
  const rosters = new Map<string, Map<string, Shift>>();
  const rosterLines: string[] = [];
  if (rsud) {
    const nakes = new Set(
      (await sql<{ id: string }>`
        SELECT p.id FROM pegawai p
        JOIN jabatan_holder h ON h.pemda_id = p.pemda_id AND h.pegawai_id = p.id AND h.end_date IS NULL
        JOIN jabatan j ON j.pemda_id = h.pemda_id AND j.id = h.jabatan_id
        WHERE p.pemda_id = ${pemdaId} AND p.opd_id = ${rsud.id} AND j.name ~ '^(Perawat|Bidan|Dokter)'`.execute(db)).rows.map((r) => r.id),
    );
    const SHIFTS: Record<string, Shift> = { P: { name: 'Pagi', start: '07:00', end: '14:00' }, S: { name: 'Siang', start: '14:00', end: '21:00' }, M: { name: 'Malam', start: '21:00', end: '07:00' } };
    const CYCLE = 'PPSSMMLL';
    const rosterDates = datesBetween(from, addDays(today, 14));
    let k = 0;
    for (const person of people) {
      if (person.opd_id !== rsud.id) continue;
      const map = new Map<string, Shift>();
      const rotates = nakes.has(person.id);
      const offset = k++ % CYCLE.length;
      rosterDates.forEach((date, d) => {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        const shift = rotates ? SHIFTS[CYCLE[(d + offset) % CYCLE.length] as string] : calendar.isWorkingDay(date) ? { name: 'Kantor', start: '07:30', end: weekday === 5 ? '16:30' : '16:00' } : undefined;
        if (!shift) return;
        map.set(date, shift);
        rosterLines.push(copyLine([pemdaId, person.id, date, shift.name, shift.start, shift.end]));
      });
      rosters.set(person.id, map);
    }
  }
  /** The shift of a pegawai on the date of index i: the OPD's fixed hours, or the roster's. */
  const shiftOn = (person: { id: string; opd_id: string }, opdDays: ReturnType<typeof plan.opdDays>, i: number): { start: string; end: string } | null => {
    const planned = opdDays[i];
    if (!planned) return null;
    return planned.roster ? (rosters.get(person.id)?.get(plan.dates[i] as string) ?? null) : planned.shift;
  };

  // Approved leave: per pegawai and month at most one absence, on working days of that month up to yesterday.
  const leaves: LeavesByPegawai = new Map();
  const leaveLines: string[] = [];
  const months = [...new Set(plan.dates.map((d) => d.slice(0, 7)))];
  const KINDS: Array<{ kind: LeaveKind; perMille: number; days: number; reason: string }> = [
    { kind: 'cuti_tahunan', perMille: 30, days: 2, reason: 'Keperluan keluarga (demo)' },
    { kind: 'cuti_sakit', perMille: 10, days: 3, reason: 'Sakit dengan surat dokter (demo)' },
    { kind: 'dinas_luar', perMille: 20, days: 1, reason: 'Rapat koordinasi di provinsi (demo)' },
    { kind: 'izin', perMille: 5, days: 1, reason: 'Mengurus dokumen keluarga (demo)' },
  ];
  people.forEach((person, p) => {
    const opdDays = plan.opdDays(person.opd_id);
    months.forEach((month, mi) => {
      const working = plan.dates.filter((d, i) => d.startsWith(month) && shiftOn(person, opdDays, i));
      let r = hash(p, mi, 11) % 1000;
      const pick = KINDS.find((k) => (r -= k.perMille) < 0);
      if (!pick || working.length < pick.days + 2) return;
      const k = 1 + (hash(p, mi, 12) % (working.length - pick.days));
      const start = working[k] as string;
      const end = working[k + pick.days - 1] as string;
      const list = leaves.get(person.id) ?? [];
      list.push({ kind: pick.kind, from: start, to: end });
      leaves.set(person.id, list);
      leaveLines.push(copyLine([pemdaId, person.id, person.opd_id, pick.kind, start, end, pick.reason, 'disetujui', `${start} 08:00:00+00`, 'Disetujui (demo)']));
    });
    // A few requests for next week still wait for the superior.
    if (hash(p, 99, 13) % 1000 < 4) {
      const start = calendar.addWorkingDays(today, 5);
      leaveLines.push(copyLine([pemdaId, person.id, person.opd_id, 'cuti_tahunan', start, calendar.addWorkingDays(start, 1), 'Acara keluarga (demo)', 'diajukan', null, null]));
    }
  });

  // Punches of every working day: check-in (state 0) and check-out (state 1), by profile.
  const events: EventsByPegawai = new Map();
  const eventLines: string[] = [];
  people.forEach((person, p) => {
    // One pegawai in a thousand stays away for days on end: enough for a sedang case (PP 94/2021: 11+ days).
    const truant = p % 1000 === 7;
    const profile = hash(p, 0, 1) % 100;
    const absentPerMille = truant ? 220 : profile === 0 ? 60 : profile < 25 ? 15 : 4;
    const latePerMille = truant ? 500 : profile === 0 ? 400 : profile < 25 ? 150 : 30;
    const maxLate = profile === 0 || truant ? 120 : 40;
    const opdDays = plan.opdDays(person.opd_id);
    const times: number[] = [];
    const states: number[] = [];
    plan.dates.forEach((date, i) => {
      const shift = shiftOn(person, opdDays, i);
      if (!shift) return;
      if (hash(p, i, 2) % 1000 < absentPerMille) return;
      const midnight = plan.midnights[i] as number;
      const start = minutesOf(shift.start);
      // A night shift ends the next morning.
      const end = minutesOf(shift.end) + (minutesOf(shift.end) <= start ? 24 * 60 : 0);
      const inMinute = start + (hash(p, i, 3) % 1000 < latePerMille ? 1 + (hash(p, i, 4) % maxLate) : -1 - (hash(p, i, 4) % 30));
      const punches: Array<[number, number]> = [[midnight + inMinute * 60 + (hash(p, i, 5) % 60), 0]];
      if (hash(p, i, 6) % 100 >= 2) {
        const outMinute = end + (hash(p, i, 7) % 100 < 3 ? -10 - (hash(p, i, 8) % 50) : hash(p, i, 8) % 40);
        punches.push([midnight + outMinute * 60 + (hash(p, i, 9) % 60), 1]);
      }
      for (const [t, state] of punches) {
        times.push(t);
        states.push(state);
        if (date >= eventsFrom && date <= eventsTo) eventLines.push(copyLine([pemdaId, device.id, person.pin, wallClock(t), state, 1, '0', person.id]));
      }
    });
    events.set(person.id, { times: Float64Array.from(times), states: Int16Array.from(states) });
  });
  step('generated');

  let dayRows = 0;
  await database.transactionWithCopy(async (trx, copy) => {
    await copy('att_event', ['pemda_id', 'device_id', 'pin', 'at', 'state', 'verify', 'workcode', 'pegawai_id'], eventLines);
    step('events');
    await copy('att_leave', ['pemda_id', 'pegawai_id', 'opd_id', 'kind', 'start_date', 'end_date', 'reason', 'status', 'decided_at', 'decision_note'], leaveLines);
    await copy('att_roster', ['pemda_id', 'pegawai_id', 'date', 'shift_name', 'start_time', 'end_time'], rosterLines);
    for (let i = 0; i < people.length; i += CHUNK) {
      const chunk = people.slice(i, i + CHUNK);
      const rows = computeRows(plan, chunk, events, rosters, leaves);
      await copyDays(trx, copy, pemdaId, chunk, plan, rows);
      dayRows += rows.length;
    }
    step('days');
  });
  const sys = systemCtx(db, 'seed-attendance');
  const everyone = people.map((p) => ({ pegawaiId: p.id, year: Number(today.slice(0, 4)) }));
  const opened = await inTransaction(sys, (tx) => evaluateDiscipline(tx, pemdaId, everyone, today));
  step('discipline');
  // One sedang case decided (its proposed TPP cut), to show the sanction in the TPP sheet.
  const sedang = await db.selectFrom('disc_case').select(['id', 'pegawai_id', 'level']).where('pemda_id', '=', pemdaId).where('level', '=', 'sedang').where('proposed_sanction', '=', 'potong_tpp_6').orderBy('days_at_open', 'desc').limit(1).executeTakeFirst();
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
  const tpp = await computeTppMonth(db, pemdaId, tppMonth);
  step('tpp');
  log(`  absensi: ${from} s.d. ${to}: ${dayRows} hari-status dari mesin, ${eventLines.length} kejadian mesin ${eventsFrom} s.d. ${eventsTo}, ${leaveLines.length} cuti/izin, ${rosterLines.length} jadwal shift RSUD, ${opened.length} kasus disiplin, TPP ${tppMonth}: ${tpp.pegawai} pegawai (aturan ${DEFAULT_LATENESS.legalBasis.slice(0, 20)}…)`);
}
