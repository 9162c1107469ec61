import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, systemCtx } from '../../src/server/http/context';
import { evaluateDiscipline } from '../../src/server/modules/attendance/discipline';
import { recomputeDays } from '../../src/server/modules/attendance/status';
import { recomputeAndEvaluate } from '../../src/server/modules/attendance/admin';
import { importEvents, parsedAttlog, type DeviceRow } from '../../src/server/modules/attendance/importer';
import { buildHolder, buildJabatan, buildOpd, buildPegawai, buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';

/**
 * Attendance end to end through the API, on dates in the past (January 2025: 1 Jan and 27–29 Jan are days off
 * per SKB 3 Menteri 2025, so the month has 19 working days).
 */
let t: TestApp;
let pemda: { id: string };
let other: { id: string };
let opd: { id: string };
let otherOpd: { id: string };
let people: Array<{ id: string; nip: string | null }>;
let bkpsdm: { id: string; cookie: string };
let kepala: { id: string; cookie: string };
let pegawaiUser: { id: string; cookie: string };
let strangerKepala: { cookie: string };
let deviceId: string;

function multipart(name: string, content: string | Buffer, field = 'file') {
  const boundary = '----pamongtest';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const line = (pin: string | number, at: string, state = 255) => `${String(pin).padStart(9, ' ')}\t${at}\t1\t${state}\t1\t0`;

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db);
  other = await buildPemda(t.database.db);
  opd = await buildOpd(t.database.db, pemda.id);
  otherOpd = await buildOpd(t.database.db, pemda.id);
  people = [];
  for (let i = 0; i < 4; i += 1) people.push(await buildPegawai(t.database.db, pemda.id, opd.id));
  const jabatan = await buildJabatan(t.database.db, pemda.id, opd.id, { kelasJabatan: 9 });
  await buildHolder(t.database.db, pemda.id, { pegawaiId: (people[0] as { id: string }).id, jabatanId: jabatan.id });
  bkpsdm = await buildUser(t.database.db, pemda.id, 'bkpsdm');
  kepala = await buildUser(t.database.db, pemda.id, 'kepala_opd', { opdId: opd.id });
  pegawaiUser = await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: opd.id, pegawaiId: (people[0] as { id: string }).id });
  strangerKepala = await buildUser(t.database.db, pemda.id, 'kepala_opd', { opdId: otherOpd.id });
});
afterAll(async () => t?.close());

async function countEvents(): Promise<number> {
  const row = await t.database.db.selectFrom('att_event').select((eb) => eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemda.id).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('devices and attlog import', () => {
  it('401 anonymous, 403 pegawai, 400 with the exact message', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/attendance/devices' })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/attendance/devices', cookie: pegawaiUser.cookie })).statusCode).toBe(403);
    const bad = await t.request({ method: 'POST', url: '/api/v1/attendance/devices', cookie: bkpsdm.cookie, payload: { code: 'a b', name: 'Mesin', kind: 'zkteco' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ detail: 'Data yang dikirim tidak valid.', errors: [{ path: 'code', message: 'code hanya huruf, angka, - dan _ (1–32 karakter)' }] });
  });

  it('registers a device (audited) and maps PINs 1–3; PIN 4 stays unmapped', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/attendance/devices', cookie: bkpsdm.cookie, payload: { code: '1', name: 'Mesin Balai Kota', kind: 'zkteco' } });
    expect(res.statusCode).toBe(201);
    deviceId = res.json().id;
    const map = await t.request({ method: 'POST', url: `/api/v1/attendance/devices/${deviceId}/pins`, cookie: bkpsdm.cookie, payload: { mappings: people.slice(0, 3).map((p, i) => ({ pin: String(i + 1), pegawaiId: p.id })) } });
    expect(map.statusCode).toBe(200);
    expect(map.json()).toMatchObject({ mapped: 3, attributed: 0 });
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', pemda.id).where('action', 'like', 'attendance.%').execute();
    expect(audits.map((a) => a.action)).toEqual(['attendance.device_created', 'attendance.pins_mapped']);
  });

  it('imports an attlog file: summary with rejected lines, idempotent, statuses and why', async () => {
    const file = [
      line(1, '2025-01-06 07:20:00'),
      line(1, '2025-01-06 16:05:00'),
      line(2, '2025-01-06 08:01:00'), // 31 minutes late = TL2 = 1 %
      line(2, '2025-01-06 16:00:00'),
      line(3, '2025-01-06 07:25:00'), // no check-out = PSW4
      line(4, '2025-01-06 07:29:00'), // unmapped PIN: kept
      'garbage line',
      line(1, '2025-13-01 07:00:00'),
      '',
    ].join('\r\n');
    const res = await t.request({ method: 'POST', url: `/api/v1/attendance/devices/${deviceId}/import`, cookie: bkpsdm.cookie, ...multipart('1_attlog.dat', file) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      read: 8,
      added: 6,
      duplicates: 0,
      unmapped: 1,
      rejectedCount: 2,
      rejected: [
        { line: 7, reason: { id: 'kolom kurang: perlu PIN dan waktu dipisah tab' } },
        { line: 8, reason: { id: 'waktu tidak valid (harus YYYY-MM-DD HH:MM:SS, tahun 2000–2099)' } },
      ],
    });
    expect(res.json().recomputedDays).toBeGreaterThan(0);
    const again = await t.request({ method: 'POST', url: `/api/v1/attendance/devices/${deviceId}/import`, cookie: bkpsdm.cookie, ...multipart('1_attlog.dat', file) });
    expect(again.json()).toMatchObject({ read: 8, added: 0, duplicates: 6 });
    expect(await countEvents()).toBe(6);
    const days = await t.database.db.selectFrom('att_day').select(['pegawai_id', 'status', 'tl', 'psw', 'cut_percent']).where('pemda_id', '=', pemda.id).where('date', '=', '2025-01-06').execute();
    const of = (index: number) => days.find((d) => d.pegawai_id === people[index]?.id);
    expect(of(0)).toMatchObject({ status: 'hadir', tl: 0, psw: 0 });
    expect(of(1)).toMatchObject({ status: 'hadir', tl: 2, psw: 0 });
    expect(Number(of(1)?.cut_percent)).toBe(1);
    expect(of(2)).toMatchObject({ status: 'hadir', tl: 0, psw: 4 });
    expect(of(3)).toBeUndefined();
  });

  it('attributes the unmapped PIN once the mapping is added', async () => {
    const map = await t.request({ method: 'POST', url: `/api/v1/attendance/devices/${deviceId}/pins`, cookie: bkpsdm.cookie, payload: { mappings: [{ pin: '4', pegawaiId: people[3]?.id }] } });
    expect(map.json()).toMatchObject({ mapped: 1, attributed: 1 });
    const day = await t.database.db.selectFrom('att_day').select(['status', 'psw']).where('pemda_id', '=', pemda.id).where('pegawai_id', '=', people[3]?.id ?? '').where('date', '=', '2025-01-06').executeTakeFirst();
    expect(day).toMatchObject({ status: 'hadir', psw: 4 });
  });

  it('the pegawai sees their month with each day explained; another OPD head gets 404', async () => {
    const me = await t.request({ method: 'GET', url: '/api/v1/attendance/pegawai/' + people[1]?.id + '?month=2025-01', cookie: kepala.cookie });
    expect(me.statusCode).toBe(200);
    const monday = me.json().days.find((d: { date: string }) => d.date === '2025-01-06');
    expect(monday.why.id).toBe('Hadir (jadwal normal 07:30–16:00): masuk 08:01, pulang 16:00; terlambat 31 menit = TL2; potongan 1 %.');
    const hidden = await t.request({ method: 'GET', url: '/api/v1/attendance/pegawai/' + people[1]?.id + '?month=2025-01', cookie: strangerKepala.cookie });
    expect(hidden.statusCode).toBe(404);
    const mine = await t.request({ method: 'GET', url: '/api/v1/attendance/me?month=2025-01', cookie: pegawaiUser.cookie });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().pegawai.id).toBe(people[0]?.id);
    expect(mine.json().rules.find((r: { kind: string }) => r.kind === 'schedule').legalBasis).toMatch(/Perpres 21\/2023/);
  });

  it('the CLI path (importEvents) streams the same file format and merges overlapping files', async () => {
    const device: DeviceRow = { id: deviceId, code: '1', kind: 'zkteco', column_map: null };
    async function* bytes() {
      yield Buffer.from(`${line(1, '2025-01-06 07:20:00')}\n${line(1, '2025-01-07 07:21:00')}\n`);
    }
    const summary = await importEvents(systemCtx(t.database.db), t.database, { pemdaId: pemda.id, device, filename: 'overlap.dat', source: { format: 'attlog', lines: parsedAttlog(bytes(), 'attlog') }, userId: null });
    expect(summary).toMatchObject({ read: 2, added: 1, duplicates: 1, unmapped: 0 });
  });
});

describe('leave, discipline and TPP', () => {
  it('approved cuti excuses the days; a refused one does not', async () => {
    const req = await t.request({ method: 'POST', url: '/api/v1/attendance/leave', cookie: pegawaiUser.cookie, payload: { kind: 'cuti_tahunan', startDate: '2025-01-08', endDate: '2025-01-09', reason: 'Keperluan keluarga' } });
    expect(req.statusCode).toBe(201);
    const bad = await t.request({ method: 'POST', url: '/api/v1/attendance/leave', cookie: pegawaiUser.cookie, payload: { kind: 'cuti_tahunan', startDate: '2025-01-09', endDate: '2025-01-08', reason: 'x' } });
    expect(bad.json().errors).toEqual([{ path: 'endDate', message: 'endDate tidak boleh sebelum tanggal mulai' }]);
    const denied = await t.request({ method: 'POST', url: `/api/v1/attendance/leave/${req.json().id}/decision`, cookie: strangerKepala.cookie, payload: { decision: 'disetujui' } });
    expect(denied.statusCode).toBe(404);
    const ok = await t.request({ method: 'POST', url: `/api/v1/attendance/leave/${req.json().id}/decision`, cookie: kepala.cookie, payload: { decision: 'disetujui' } });
    expect(ok.statusCode).toBe(200);
    const days = await t.database.db.selectFrom('att_day').select(['date', 'status', 'cut_percent']).where('pemda_id', '=', pemda.id).where('pegawai_id', '=', people[0]?.id ?? '').where('date', 'in', ['2025-01-08', '2025-01-09']).orderBy('date').execute();
    expect(days.map((d) => [d.status, Number(d.cut_percent)])).toEqual([['cuti', 0], ['cuti', 0]]);
  });

  it('3 TK days open a teguran lisan case with the summons ≥ 7 working days ahead', async () => {
    // Pegawai 4 checked in on 6 Jan only: 13–15 Jan without events are three TK days.
    const opened = await inTransaction(systemCtx(t.database.db), async (tx) => {
      const result = await recomputeDays(tx.db, pemda.id, { from: '2025-01-13', to: '2025-01-15', pegawaiIds: [people[3]?.id ?? ''] });
      return evaluateDiscipline(tx, pemda.id, result.touched, '2025-01-16');
    });
    expect(opened).toHaveLength(1);
    const res = await t.request({ method: 'GET', url: `/api/v1/discipline/cases/${opened[0]?.id}`, cookie: kepala.cookie });
    // 16 Jan (Thu) + 7 working days, skipping the weekends and 27–29 Jan (Isra Mi'raj, cuti bersama, Imlek).
    expect(res.json()).toMatchObject({ case: { level: 'ringan', proposedSanction: 'teguran_lisan', openedOn: '2025-01-16', summons1On: '2025-01-30', status: 'panggilan_1' }, ledger: { tkDays: 3, days: 3 } });
    const hidden = await t.request({ method: 'GET', url: `/api/v1/discipline/cases/${opened[0]?.id}`, cookie: strangerKepala.cookie });
    expect(hidden.statusCode).toBe(404);
  });

  it('crossing a higher bracket opens a new case; the decision follows the authority matrix and records the sanction', async () => {
    const computed = await t.request({ method: 'POST', url: '/api/v1/tpp/2025-01/compute', cookie: bkpsdm.cookie });
    expect(computed.statusCode).toBe(200);
    const cases = await t.request({ method: 'GET', url: '/api/v1/discipline/cases?year=2025', cookie: bkpsdm.cookie });
    const found = cases.json().items.find((c: { pegawaiId: string }) => c.pegawaiId === people[2]?.id);
    // Every working day of January but 6 Jan is TK for pegawai 3: ten consecutive TK days reach dismissal (berat).
    expect(found).toMatchObject({ level: 'berat', status: 'panggilan_1', proposedSanction: 'pdhtaps', bracket: 'berat_berturut_10' });
    const tooSoon = await t.request({ method: 'POST', url: `/api/v1/discipline/cases/${found.id}/summons`, cookie: bkpsdm.cookie, payload: { date: found.summons1On } });
    expect(tooSoon.statusCode).toBe(400);
    expect(tooSoon.json().detail).toMatch(/^Tanggal panggilan paling cepat \d{4}-\d{2}-\d{2} \(7 hari kerja setelah/);
    const exam = await t.request({ method: 'POST', url: `/api/v1/discipline/cases/${found.id}/examination`, cookie: bkpsdm.cookie, payload: { date: found.summons1On, notes: 'Diperiksa; mengakui tidak masuk.' } });
    expect(exam.json().case.status).toBe('pemeriksaan');
    const notAllowed = await t.request({ method: 'POST', url: `/api/v1/discipline/cases/${found.id}/decision`, cookie: kepala.cookie, payload: { sanction: 'potong_tpp_12', decisionNumber: '800/1/2025', date: found.summons1On } });
    expect(notAllowed.statusCode).toBe(403);
    expect(notAllowed.json().detail).toBe('Hukuman disiplin tingkat berat diputus oleh: kepala_daerah.');
    const head = await buildUser(t.database.db, pemda.id, 'kepala_daerah');
    const decided = await t.request({ method: 'POST', url: `/api/v1/discipline/cases/${found.id}/decision`, cookie: head.cookie, payload: { sanction: 'potong_tpp_12', decisionNumber: '800/1/2025', date: '2025-02-03' } });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().case).toMatchObject({ status: 'diputus', decidedSanction: 'potong_tpp_12' });
    const sanction = await t.database.db.selectFrom('disc_sanction').select(['tpp_cut_percent', 'start_month', 'months']).where('pemda_id', '=', pemda.id).executeTakeFirst();
    expect(sanction).toMatchObject({ start_month: '2025-03', months: 12 });
    expect(Number(sanction?.tpp_cut_percent)).toBe(25);
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', pemda.id).where('action', 'like', 'discipline.%').execute();
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['discipline.case_opened', 'discipline.case_pemeriksaan', 'discipline.case_diputus', 'discipline.sanction_recorded']));
  });

  it('TPP sheet with the breakdown explained; pegawai sees own; XLSX export', async () => {
    const sheet = await t.request({ method: 'GET', url: '/api/v1/tpp/2025-01', cookie: bkpsdm.cookie });
    expect(sheet.statusCode).toBe(200);
    const row = sheet.json().items.find((r: { pegawaiId: string }) => r.pegawaiId === people[0]?.id);
    expect(row.kelas).toBe(9);
    expect(row.basic).toBe(3_750_000);
    expect(row.breakdown.map((l: { label: { id: string } }) => l.label.id)[0]).toBe('TPP dasar kelas jabatan 9');
    expect(row.breakdown.at(-1).label.id).toBe('Dibayar');
    const mine = await t.request({ method: 'GET', url: '/api/v1/attendance/me/tpp?month=2025-01', cookie: pegawaiUser.cookie });
    expect(mine.json().items).toHaveLength(1);
    const xlsx = await t.request({ method: 'GET', url: '/api/v1/tpp/2025-01/xlsx', cookie: bkpsdm.cookie });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', pemda.id).where('action', '=', 'tpp.computed').execute();
    expect(audit).toHaveLength(1);
  });

  it('monthly recap: a head sees their OPD only; metrics and flags carry links', async () => {
    const recap = await t.request({ method: 'GET', url: '/api/v1/attendance/recap?month=2025-01', cookie: kepala.cookie });
    expect(recap.statusCode).toBe(200);
    expect(recap.json().opds).toHaveLength(1);
    expect(recap.json().opds[0].scheduled).toBe(19 * 4);
    const stranger = await t.request({ method: 'GET', url: '/api/v1/attendance/recap?month=2025-01', cookie: strangerKepala.cookie });
    expect(stranger.json().pegawai).toHaveLength(0);
    const metrics = await t.request({ method: 'GET', url: '/api/v1/metrics?month=2025-01&key=attendance.rate', cookie: bkpsdm.cookie });
    if (metrics.statusCode === 200) expect(JSON.stringify(metrics.json())).toContain('/absensi/rekap?opd=');
    const bad = await t.request({ method: 'GET', url: '/api/v1/attendance/recap?month=2025-13', cookie: bkpsdm.cookie });
    expect(bad.json().errors).toEqual([{ path: 'querystring.month', message: 'querystring.month harus berformat YYYY-MM' }]);
  });

  it('web check-in: refused outside the office polygon with a clear reason; accepted inside', async () => {
    const square = { type: 'Polygon', coordinates: [[[106.1, -2.13], [106.11, -2.13], [106.11, -2.12], [106.1, -2.12], [106.1, -2.13]]] };
    const office = await t.request({ method: 'POST', url: '/api/v1/attendance/offices', cookie: bkpsdm.cookie, payload: { name: 'Kantor Dinas Uji', opdId: opd.id, geometry: square } });
    expect(office.statusCode).toBe(201);
    const outside = await t.request({ method: 'POST', url: '/api/v1/attendance/checkin', cookie: pegawaiUser.cookie, payload: { mode: 'wfo', lat: -2.2, lng: 106.105, accuracy: 12 } });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().detail).toMatch(/^Presensi ditolak: Anda berada di luar area kantor Kantor Dinas Uji \(sekitar \d+ m dari kantor\)/);
    const wfa = await t.request({ method: 'POST', url: '/api/v1/attendance/checkin', cookie: pegawaiUser.cookie, payload: { mode: 'wfa', lat: -2.2, lng: 106.105, accuracy: 12 } });
    expect(wfa.json().code).toBe('ATT_CHECKIN_NOT_ALLOWED');
    const inside = await t.request({ method: 'POST', url: '/api/v1/attendance/checkin', cookie: pegawaiUser.cookie, payload: { mode: 'wfo', lat: -2.125, lng: 106.105, accuracy: 12 } });
    expect(inside.statusCode).toBe(201);
    expect(inside.json().office).toBe('Kantor Dinas Uji');
    const noLink = await buildUser(t.database.db, pemda.id, 'pegawai', { opdId: opd.id });
    const unlinked = await t.request({ method: 'POST', url: '/api/v1/attendance/checkin', cookie: noLink.cookie, payload: { mode: 'wfo', lat: -2.125, lng: 106.105, accuracy: 12 } });
    expect(unlinked.json()).toMatchObject({ code: 'ATT_NO_PEGAWAI', detail: 'Akun Anda belum terhubung dengan data pegawai.' });
  });

  it("another Pemda's device answers 404 and changes nothing", async () => {
    const foreignAdmin = await buildUser(t.database.db, other.id, 'bkpsdm');
    const before = await countEvents();
    const res = await t.request({ method: 'POST', url: `/api/v1/attendance/devices/${deviceId}/import`, cookie: foreignAdmin.cookie, ...multipart('x.dat', line(1, '2025-01-20 07:00:00')) });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe('Mesin presensi tidak ditemukan.');
    expect(await countEvents()).toBe(before);
    const after = await recomputeAndEvaluate(systemCtx(t.database.db), other.id);
    expect(after.days).toBe(0);
  });
});
