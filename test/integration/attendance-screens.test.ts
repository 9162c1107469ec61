import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, systemCtx } from '../../src/server/http/context';
import { recomputeDays } from '../../src/server/modules/attendance/status';
import { DEFAULT_SCHEDULE } from '../../src/server/modules/attendance/rules';
import { buildOpd, buildPegawai, buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';

/**
 * The behaviours behind the attendance screens of issue 5 §8: the shift roster (a night shift across midnight),
 * leave approval excusing days and a revoked approval making them count again, the calendar editor's API, and the
 * sanction registry. Dates are in January 2025 (finished days, so they are computed).
 */
let t: TestApp;
let pemda: { id: string };
let other: { id: string };
let rsud: { id: string };
let dinas: { id: string };
let nurses: Array<{ id: string }>;
let clerk: { id: string };
let admin: { cookie: string };
let bkpsdm: { cookie: string };
let kepalaRsud: { cookie: string };
let kepalaDinas: { cookie: string };
let nurseUser: { cookie: string };
let clerkUser: { cookie: string };
let otherAdmin: { cookie: string };

function multipart(name: string, content: string | Buffer) {
  const boundary = '----pamongscreens';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const line = (pin: number, at: string) => `${String(pin).padStart(9, ' ')}\t${at}\t1\t255\t1\t0`;

async function dayOf(pegawaiId: string, date: string) {
  return t.database.db.selectFrom('att_day').select(['status', 'tl', 'psw', 'reason']).where('pemda_id', '=', pemda.id).where('pegawai_id', '=', pegawaiId).where('date', '=', date).executeTakeFirst();
}

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db);
  other = await buildPemda(t.database.db);
  rsud = await buildOpd(t.database.db, pemda.id, { name: 'RSUD Depati Hamzah', kind: 'rsud' });
  dinas = await buildOpd(t.database.db, pemda.id);
  nurses = [await buildPegawai(t.database.db, pemda.id, rsud.id, { name: 'Ani Perawat' }), await buildPegawai(t.database.db, pemda.id, rsud.id, { name: 'Budi Perawat' })];
  clerk = await buildPegawai(t.database.db, pemda.id, dinas.id, { name: 'Citra Staf' });
  admin = await buildUser(t.database.db, pemda.id, 'admin_pemda');
  bkpsdm = await buildUser(t.database.db, pemda.id, 'bkpsdm');
  kepalaRsud = await buildUser(t.database.db, pemda.id, 'kepala_opd', { opdId: rsud.id });
  kepalaDinas = await buildUser(t.database.db, pemda.id, 'kepala_opd', { opdId: dinas.id });
  nurseUser = await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: rsud.id, pegawaiId: nurses[0]?.id ?? null });
  clerkUser = await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: dinas.id, pegawaiId: clerk.id });
  otherAdmin = await buildUser(t.database.db, other.id, 'admin_pemda');
});
afterAll(async () => t?.close());

describe('shift roster', () => {
  const [a, b] = [0, 1];
  it('the RSUD works by roster from 2025-01-01 (rule version with its legal basis)', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/attendance/rules', cookie: bkpsdm.cookie, payload: { kind: 'schedule', opdId: rsud.id, validFrom: '2025-01-01', legalBasis: 'Perwako 12/2024 jadwal dinas RSUD', body: { ...DEFAULT_SCHEDULE.body, mode: 'roster' } } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'schedule', opdId: rsud.id, validFrom: '2025-01-01', isDefault: false });
  });

  it('a night shift 22:00–07:00 checked out next morning is Hadir; one without check-out is PSW4', async () => {
    const entries = [a, b].map((i) => ({ pegawaiId: nurses[i]?.id, date: '2025-01-06', shiftName: 'Malam', start: '22:00', end: '07:00' }));
    const saved = await t.request({ method: 'POST', url: '/api/v1/attendance/roster', cookie: kepalaRsud.cookie, payload: { entries } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().saved).toBe(2);
    const device = await t.request({ method: 'POST', url: '/api/v1/attendance/devices', cookie: bkpsdm.cookie, payload: { code: 'rsud', name: 'Mesin RSUD', kind: 'zkteco' } });
    const deviceId = device.json().id as string;
    await t.request({ method: 'POST', url: `/api/v1/attendance/devices/${deviceId}/pins`, cookie: bkpsdm.cookie, payload: { mappings: [{ pin: '1', pegawaiId: nurses[a]?.id }, { pin: '2', pegawaiId: nurses[b]?.id }] } });
    const file = [line(1, '2025-01-06 21:55:00'), line(1, '2025-01-07 07:04:00'), line(2, '2025-01-06 21:58:00')].join('\n');
    const imported = await t.request({ method: 'POST', url: `/api/v1/attendance/devices/${deviceId}/import`, cookie: bkpsdm.cookie, ...multipart('2_attlog.dat', file) });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ read: 3, added: 3, rejectedCount: 0 });
    expect(await dayOf(nurses[a]?.id ?? '', '2025-01-06')).toMatchObject({ status: 'hadir', tl: 0, psw: 0 });
    expect(await dayOf(nurses[b]?.id ?? '', '2025-01-06')).toMatchObject({ status: 'hadir', tl: 0, psw: 4 });
  });

  it('the week grid starts on Monday, marks the shift crossing midnight, and is scoped to the OPD', async () => {
    const week = await t.request({ method: 'GET', url: `/api/v1/attendance/roster?opd=${rsud.id}&from=2025-01-08`, cookie: kepalaRsud.cookie });
    expect(week.statusCode).toBe(200);
    const body = week.json();
    expect(body).toMatchObject({ opdId: rsud.id, from: '2025-01-06', to: '2025-01-12', mode: 'roster', scheduleBasis: 'Perwako 12/2024 jadwal dinas RSUD', total: 2 });
    expect(body.pegawai.map((p: { name: string }) => p.name)).toEqual(['Ani Perawat', 'Budi Perawat']);
    expect(body.pegawai[0].shifts).toEqual([{ date: '2025-01-06', shiftName: 'Malam', start: '22:00', end: '07:00', crossesMidnight: true }]);
    const fixed = await t.request({ method: 'GET', url: `/api/v1/attendance/roster?opd=${dinas.id}&from=2025-01-06`, cookie: bkpsdm.cookie });
    expect(fixed.json()).toMatchObject({ mode: 'fixed', total: 1 });
    expect((await t.request({ method: 'GET', url: `/api/v1/attendance/roster?opd=${rsud.id}&from=2025-01-06`, cookie: kepalaDinas.cookie })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/attendance/roster?opd=${rsud.id}&from=2025-01-06`, cookie: nurseUser.cookie })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/attendance/roster?opd=${rsud.id}&from=2025-01-06`, cookie: otherAdmin.cookie })).statusCode).toBe(404);
    const write = await t.request({ method: 'POST', url: '/api/v1/attendance/roster', cookie: kepalaDinas.cookie, payload: { entries: [{ pegawaiId: nurses[a]?.id, date: '2025-01-07', shiftName: 'Pagi', start: '07:00', end: '14:00' }] } });
    expect(write.statusCode).toBe(404);
  });

  it('bad roster input gets a clear message in Indonesian and English', async () => {
    const payload = { entries: [{ pegawaiId: nurses[a]?.id, date: '2025-01-07', shiftName: 'Pagi', start: '25:00', end: '14:00' }] };
    const id = await t.request({ method: 'POST', url: '/api/v1/attendance/roster', cookie: kepalaRsud.cookie, payload });
    expect(id.statusCode).toBe(400);
    expect(id.headers['content-type']).toContain('application/problem+json');
    expect(id.json().errors).toEqual([{ path: 'entries.0.start', message: 'entries.0.start harus berformat JJ:MM' }]);
    const en = await t.request({ method: 'POST', url: '/api/v1/attendance/roster', cookie: kepalaRsud.cookie, headers: { 'accept-language': 'en' }, payload });
    expect(en.json().detail).toBe('The request is not valid.');
  });

  it('clearing a shift makes the day a no-shift day again (audited)', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/attendance/roster/clear', cookie: kepalaRsud.cookie, payload: { entries: [{ pegawaiId: nurses[a]?.id, date: '2025-01-06' }] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().saved).toBe(1);
    expect((await dayOf(nurses[a]?.id ?? '', '2025-01-06'))?.status).toBe('libur');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', pemda.id).where('action', '=', 'attendance.roster_cleared').execute();
    expect(audit).toHaveLength(1);
  });
});

describe('leave approval and revocation', () => {
  beforeAll(async () => {
    // 13–17 January computed without any event: TK for the clerk.
    await inTransaction(systemCtx(t.database.db, 'test'), async (tx) => recomputeDays(tx.db, pemda.id, { from: '2025-01-13', to: '2025-01-17', pegawaiIds: [clerk.id] }));
  });

  it('approval excuses the days; revoking the approval makes them TK again', async () => {
    expect((await dayOf(clerk.id, '2025-01-13'))?.status).toBe('tk');
    const req = await t.request({ method: 'POST', url: '/api/v1/attendance/leave', cookie: clerkUser.cookie, payload: { kind: 'cuti_sakit', startDate: '2025-01-13', endDate: '2025-01-14', reason: 'Demam, surat dokter terlampir' } });
    expect(req.statusCode).toBe(201);
    const id = req.json().id as string;
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    expect((await t.request({ method: 'POST', url: `/api/v1/attendance/leave/${id}/attachment`, cookie: clerkUser.cookie, ...multipart('surat.png', png) })).statusCode).toBe(200);
    const letter = await t.request({ method: 'GET', url: `/api/v1/attendance/leave/${id}/attachment`, cookie: kepalaDinas.cookie });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toContain('image/png');
    expect((await t.request({ method: 'GET', url: `/api/v1/attendance/leave/${id}/attachment`, cookie: kepalaRsud.cookie })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/attendance/leave/${id}/attachment`, cookie: nurseUser.cookie })).statusCode).toBe(404);

    const queue = await t.request({ method: 'GET', url: '/api/v1/attendance/leave?status=diajukan', cookie: kepalaDinas.cookie });
    expect(queue.json().items.map((l: { id: string }) => l.id)).toEqual([id]);
    expect((await t.request({ method: 'GET', url: '/api/v1/attendance/leave?status=diajukan', cookie: kepalaRsud.cookie })).json().items).toEqual([]);

    const ok = await t.request({ method: 'POST', url: `/api/v1/attendance/leave/${id}/decision`, cookie: kepalaDinas.cookie, payload: { decision: 'disetujui' } });
    expect(ok.json().status).toBe('disetujui');
    expect((await dayOf(clerk.id, '2025-01-13'))?.status).toBe('cuti');
    expect((await dayOf(clerk.id, '2025-01-14'))?.status).toBe('cuti');
    expect((await dayOf(clerk.id, '2025-01-15'))?.status).toBe('tk');

    const own = await t.request({ method: 'POST', url: `/api/v1/attendance/leave/${id}/cancel`, cookie: clerkUser.cookie, payload: {} });
    expect(own.statusCode).toBe(409);
    expect(own.json().detail).toBe('Pengajuan berstatus disetujui tidak dapat dibatalkan.');
    expect((await t.request({ method: 'POST', url: `/api/v1/attendance/leave/${id}/cancel`, cookie: kepalaRsud.cookie, payload: {} })).statusCode).toBe(404);
    const revoked = await t.request({ method: 'POST', url: `/api/v1/attendance/leave/${id}/cancel`, cookie: bkpsdm.cookie, payload: { note: 'Surat dokter tidak sah' } });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'dibatalkan', decisionNote: 'Surat dokter tidak sah' });
    expect((await dayOf(clerk.id, '2025-01-13'))?.status).toBe('tk');
    const actions = await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', pemda.id).where('entity_id', '=', id).orderBy('seq').execute();
    expect(actions.map((r) => r.action)).toEqual(['attendance.leave_requested', 'attendance.leave_attachment', 'attendance.leave_decided', 'attendance.leave_cancelled']);
  });

  it('a refused request excuses nothing; a pending one can be withdrawn by its pegawai', async () => {
    const req = await t.request({ method: 'POST', url: '/api/v1/attendance/leave', cookie: clerkUser.cookie, payload: { kind: 'izin', startDate: '2025-01-15', endDate: '2025-01-15', reason: 'Mengurus KTP' } });
    const refused = await t.request({ method: 'POST', url: `/api/v1/attendance/leave/${req.json().id}/decision`, cookie: kepalaDinas.cookie, payload: { decision: 'ditolak', note: 'Bisa di luar jam kerja' } });
    expect(refused.json()).toMatchObject({ status: 'ditolak', decisionNote: 'Bisa di luar jam kerja' });
    expect((await dayOf(clerk.id, '2025-01-15'))?.status).toBe('tk');
    const pending = await t.request({ method: 'POST', url: '/api/v1/attendance/leave', cookie: clerkUser.cookie, payload: { kind: 'wfa', startDate: '2025-01-16', endDate: '2025-01-16', reason: 'Anak sakit' } });
    const withdrawn = await t.request({ method: 'POST', url: `/api/v1/attendance/leave/${pending.json().id}/cancel`, cookie: clerkUser.cookie, payload: {} });
    expect(withdrawn.json().status).toBe('dibatalkan');
    const mine = await t.request({ method: 'GET', url: '/api/v1/attendance/leave?mine=true', cookie: clerkUser.cookie });
    expect(mine.json().items.map((l: { status: string }) => l.status).sort()).toEqual(['dibatalkan', 'dibatalkan', 'ditolak']);
  });
});

describe('calendar editor API', () => {
  it('a local holiday on a computed date turns TK into a day off; removing it brings TK back', async () => {
    expect((await dayOf(clerk.id, '2025-01-17'))?.status).toBe('tk');
    const added = await t.request({ method: 'POST', url: '/api/v1/calendar/holidays', cookie: admin.cookie, payload: { date: '2025-01-17', kind: 'local', name: 'HUT Kota (uji)', source: 'Perwako 3/2024' } });
    expect(added.statusCode).toBe(201);
    expect((await dayOf(clerk.id, '2025-01-17'))?.status).toBe('libur');
    const list = await t.request({ method: 'GET', url: '/api/v1/calendar/holidays?year=2025', cookie: bkpsdm.cookie });
    expect(list.json().items).toContainEqual({ id: added.json().id, date: '2025-01-17', kind: 'local', name: 'HUT Kota (uji)', source: 'Perwako 3/2024', weekday: true });
    expect(list.json().items.some((h: { kind: string }) => h.kind === 'cuti_bersama')).toBe(true);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/calendar/holidays/${added.json().id}`, cookie: otherAdmin.cookie })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/calendar/holidays/${added.json().id}`, cookie: admin.cookie })).statusCode).toBe(200);
    expect((await dayOf(clerk.id, '2025-01-17'))?.status).toBe('tk');
  });

  it('bad input gets problem+json in Indonesian or English', async () => {
    const far = await t.request({ method: 'POST', url: '/api/v1/calendar/holidays', cookie: admin.cookie, payload: { date: '1990-05-01', name: 'Lama', source: 'Perwako' } });
    expect(far.statusCode).toBe(400);
    expect(far.headers['content-type']).toContain('application/problem+json');
    expect(far.json()).toMatchObject({ code: 'HOLIDAY_YEAR', detail: 'Tahun 1990 di luar jangkauan kalender (2000–2100).' });
    const farEn = await t.request({ method: 'POST', url: '/api/v1/calendar/holidays', cookie: admin.cookie, headers: { 'accept-language': 'en' }, payload: { date: '1990-05-01', name: 'Lama', source: 'Perwako' } });
    expect(farEn.json().detail).toBe('Year 1990 is outside the calendar range (2000–2100).');
    const missing = await t.request({ method: 'POST', url: '/api/v1/calendar/holidays', cookie: admin.cookie, headers: { 'accept-language': 'en' }, payload: { date: '2025-02-03', kind: 'libur', name: 'X' } });
    expect(missing.json().errors).toEqual([
      { path: 'kind', message: 'kind must be one of: libur_nasional, cuti_bersama, election, local' },
      { path: 'source', message: 'source is required' },
    ]);
    expect((await t.request({ method: 'POST', url: '/api/v1/calendar/holidays', cookie: bkpsdm.cookie, payload: { date: '2025-02-03', name: 'X', source: 'Y' } })).statusCode).toBe(403);
  });

  it('a schedule version with a bad body or a foreign OPD is refused with the reason', async () => {
    const bad = await t.request({ method: 'POST', url: '/api/v1/attendance/rules', cookie: bkpsdm.cookie, payload: { kind: 'schedule', validFrom: '2025-02-01', legalBasis: 'Perwako', body: { ...DEFAULT_SCHEDULE.body, week: { ...DEFAULT_SCHEDULE.body.week, 5: { start: '7.30', end: '16:30' } } } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'ATT_RULE_INVALID', errors: [{ path: 'body.week.5.start' }] });
    expect(bad.json().detail).toMatch(/^Aturan tidak valid: body\.week\.5\.start /);
    const ramadan = await t.request({ method: 'POST', url: '/api/v1/attendance/rules', cookie: bkpsdm.cookie, payload: { kind: 'schedule', validFrom: '2025-02-01', legalBasis: 'Perwako', body: { ...DEFAULT_SCHEDULE.body, ramadan: [{ from: '2025-03-30', to: '2025-03-01', name: 'Ramadan 1446 H' }] } } });
    expect(ramadan.json().detail).toBe('Aturan tidak valid: Ramadan Ramadan 1446 H: 2025-03-01 < 2025-03-30');
    const foreign = await t.request({ method: 'POST', url: '/api/v1/attendance/rules', cookie: otherAdmin.cookie, payload: { kind: 'schedule', opdId: rsud.id, validFrom: '2025-02-01', legalBasis: 'Perwako', body: DEFAULT_SCHEDULE.body } });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('sanction registry', () => {
  it('lists active sanctions with their TPP effect and duration, scoped for an OPD head', async () => {
    const month = new Date().toISOString().slice(0, 7);
    await t.database.db
      .insertInto('disc_sanction')
      .values([
        { pemda_id: pemda.id, pegawai_id: clerk.id, case_id: null, source: 'disiplin', sanction: 'potong_tpp_6', level: 'sedang', tpp_cut_percent: 25, start_month: month, months: 6, decision_number: '800/12/BKPSDM/2026' },
        { pemda_id: pemda.id, pegawai_id: nurses[0]?.id ?? '', case_id: null, source: 'disiplin', sanction: 'teguran_lisan', level: 'ringan', tpp_cut_percent: 0, start_month: month, months: 0, decision_number: '800/13/RSUD/2026' },
      ])
      .execute();
    const active = await t.request({ method: 'GET', url: '/api/v1/discipline/sanctions?active=true', cookie: bkpsdm.cookie });
    expect(active.statusCode).toBe(200);
    expect(active.json().items).toHaveLength(1);
    expect(active.json().items[0]).toMatchObject({ pegawaiName: 'Citra Staf', sanction: 'potong_tpp_6', tppCutPercent: 25, months: 6, active: true, decisionNumber: '800/12/BKPSDM/2026' });
    const all = await t.request({ method: 'GET', url: '/api/v1/discipline/sanctions', cookie: bkpsdm.cookie });
    expect(all.json().items).toHaveLength(2);
    expect(all.json().items.find((s: { sanction: string }) => s.sanction === 'teguran_lisan')).toMatchObject({ active: false, endMonth: null });
    const head = await t.request({ method: 'GET', url: '/api/v1/discipline/sanctions', cookie: kepalaRsud.cookie });
    expect(head.json().items.map((s: { pegawaiName: string }) => s.pegawaiName)).toEqual(['Ani Perawat']);
    expect((await t.request({ method: 'GET', url: '/api/v1/discipline/sanctions', cookie: clerkUser.cookie })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/discipline/sanctions', cookie: otherAdmin.cookie })).statusCode).toBe(403);
  });
});
