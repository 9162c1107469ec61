import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/http/context';
import { addDays, loadCalendar } from '../../src/server/platform/calendar';
import { notifySilentOpds } from '../../src/server/modules/coordination/jobs';
import { buildCoordinationWorld, snapshotCounts, type CoordinationWorld } from '../fixtures/coordination';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
let w: CoordinationWorld;
let foreign: CoordinationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCoordinationWorld(t.database.db);
  foreign = await buildCoordinationWorld(t.database.db);
});
afterAll(async () => t?.close());

const meetingBody = (opdIds: string[]) => ({
  kind: 'coffee_morning',
  title: 'Rakor percepatan program kerja',
  startsAt: '2026-07-16T08:00:00+07:00',
  place: 'Balai Besar Betason, Kantor Wali Kota',
  chairName: 'Pj Wali Kota',
  agenda: 'Pelayanan publik; netralitas ASN; PAD',
  opdIds,
});

describe('meetings, attendance and QR check-in', () => {
  it('401, 400 and 403 before anything is written', async () => {
    expect((await t.request({ method: 'POST', url: '/api/v1/coordination/meetings', payload: {} })).statusCode).toBe(401);
    const bad = await t.request({ method: 'POST', url: '/api/v1/coordination/meetings', cookie: w.sekda.cookie, payload: { ...meetingBody([]), startsAt: 'besok pagi' } });
    expect(bad.json().errors).toEqual([{ path: 'startsAt', message: 'startsAt format datetime tidak valid' }]);
    const none = await t.request({ method: 'POST', url: '/api/v1/coordination/meetings', cookie: w.sekda.cookie, payload: meetingBody([]) });
    expect(none.json()).toMatchObject({ code: 'MEETING_NO_INVITEES', detail: 'Undang minimal satu OPD.' });
    expect((await t.request({ method: 'POST', url: '/api/v1/coordination/meetings', cookie: w.operators[0]?.cookie ?? '', payload: meetingBody([]) })).statusCode).toBe(403);
  });

  it('records attendance, checks people in once with a signed expiring QR, and turns decisions into signed directives', async () => {
    const created = await t.request({ method: 'POST', url: '/api/v1/coordination/meetings', cookie: w.sekda.cookie, payload: meetingBody(w.opds.map((o) => o.id)) });
    expect(created.statusCode).toBe(201);
    const meeting = created.json();
    expect(meeting.invites).toHaveLength(4);
    const attendance = `/api/v1/coordination/meetings/${meeting.id}/attendance`;
    const reasonless = await t.request({ method: 'PUT', url: attendance, cookie: w.sekda.cookie, payload: { items: [{ opdId: w.opds[2]?.id, attendance: 'absent' }] } });
    expect(reasonless.json().detail).toBe('Isi alasan ketidakhadiran OPD Badan Pendapatan Daerah.');
    const recorded = await t.request({
      method: 'PUT',
      url: attendance,
      cookie: w.sekda.cookie,
      payload: { items: [{ opdId: w.opds[2]?.id, attendance: 'absent', absenceReason: 'Dinas luar ke Jakarta' }, { opdId: w.opds[3]?.id, attendance: 'represented', representedBy: 'Sekretaris Camat' }] },
    });
    expect(recorded.statusCode).toBe(200);

    const tokenRes = await t.request({ method: 'POST', url: `/api/v1/coordination/meetings/${meeting.id}/checkin-token`, cookie: w.sekda.cookie, payload: { validMinutes: 30 } });
    expect(tokenRes.statusCode).toBe(200);
    const { token, qrSvg, url } = tokenRes.json();
    expect(qrSvg).toContain('<svg');
    expect(url).toContain('/koordinasi/hadir?t=');
    const checkin = (cookie: string, value: string) => t.request({ method: 'POST', url: '/api/v1/coordination/checkin', cookie, payload: { token: value } });
    const first = await checkin(w.heads[0]?.cookie ?? '', token);
    expect(first.statusCode).toBe(200);
    expect(first.json().attendance).toBe('present');
    const again = await checkin(w.heads[0]?.cookie ?? '', token);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CHECKIN_ALREADY');
    expect((await checkin(w.operators[1]?.cookie ?? '', token)).json().attendance).toBe('represented');
    const tampered = token.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
    expect((await checkin(w.heads[1]?.cookie ?? '', tampered)).json()).toMatchObject({ code: 'CHECKIN_TOKEN_INVALID', detail: 'Kode QR presensi tidak sah.' });
    expect((await checkin(foreign.heads[0]?.cookie ?? '', token)).json().code).toBe('CHECKIN_TOKEN_INVALID');
    // An expired token: same signature scheme, expiry in the past, signed with the right secret.
    const { createHmac } = await import('node:crypto');
    const sealed = await t.database.db.selectFrom('pemda_setting').select('value').where('pemda_id', '=', w.pemda.id).where('key', '=', 'coordination.checkin_secret').executeTakeFirstOrThrow();
    const secret = Buffer.from(t.secrets.open(sealed.value as string), 'base64');
    const body = Buffer.from(JSON.stringify({ p: w.pemda.id, m: meeting.id, e: Math.floor(Date.now() / 1000) - 60 })).toString('base64url');
    const expired = await checkin(w.heads[1]?.cookie ?? '', `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().detail).toBe('Kode QR presensi sudah kedaluwarsa. Minta panitia menampilkan kode baru.');

    const page = (await t.request({ method: 'GET', url: `/api/v1/coordination/meetings/${meeting.id}`, cookie: w.operators[3]?.cookie ?? '' })).json();
    expect(page.invites.map((i: { attendance: string }) => i.attendance)).toEqual(['present', 'represented', 'absent', 'represented']);
    expect(page.attendanceRate).toBe(0.75);
    expect(page.checkins).toHaveLength(2);

    const points = ['Semua ASN harus mengetahui visi misi bupati.', 'Semua ASN harus mengetahui tupoksi masing-masing.', 'Tidak boleh ada pemotongan anggaran bantuan untuk masyarakat miskin.'];
    const decisions = await t.request({
      method: 'POST',
      url: `/api/v1/coordination/meetings/${meeting.id}/directives`,
      cookie: w.sekda.cookie,
      payload: { points: points.map((text) => ({ text, tags: ['kinerja'], target: 'all', dueInWorkingDays: 10 })) },
    });
    expect(decisions.statusCode).toBe(201);
    expect(decisions.json().items).toHaveLength(3);
    for (const item of decisions.json().items) {
      expect((await t.request({ method: 'GET', url: `/api/v1/public/directives/${item.code}` })).json().verification.valid).toBe(true);
    }
    const kecamatan = await t.request({ method: 'POST', url: `/api/v1/coordination/meetings/${meeting.id}/directives`, cookie: w.sekda.cookie, payload: { points: [{ text: 'Camat memimpin gerakan kebersihan wilayah.', target: 'all_kecamatan', dueInWorkingDays: 5 }] } });
    const detail = (await t.request({ method: 'GET', url: `/api/v1/coordination/directives/${kecamatan.json().items[0].id}`, cookie: w.sekda.cookie })).json();
    expect(detail.assignments.map((a: { opdName: string }) => a.opdName)).toEqual(['Kecamatan Taman Sari']);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', w.pemda.id).where('entity_id', '=', meeting.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['coordination.meeting_created', 'coordination.attendance_recorded', 'coordination.checkin_token_created', 'coordination.checked_in', 'coordination.checked_in']);
  });

  it("answers 404 for another Pemda's meeting and changes nothing", async () => {
    const theirs = (await t.request({ method: 'POST', url: '/api/v1/coordination/meetings', cookie: foreign.sekda.cookie, payload: meetingBody([foreign.opds[0]?.id ?? '']) })).json();
    const before = await snapshotCounts(t.database.db);
    const base = `/api/v1/coordination/meetings/${theirs.id}`;
    for (const call of [
      { method: 'GET', url: base },
      { method: 'PATCH', url: base, payload: { minutes: 'x' } },
      { method: 'PUT', url: `${base}/attendance`, payload: { items: [{ opdId: foreign.opds[0]?.id, attendance: 'present' }] } },
      { method: 'POST', url: `${base}/checkin-token`, payload: {} },
      { method: 'POST', url: `${base}/directives`, payload: { points: [{ text: 'Arahan palsu dari luar', target: 'all', dueInWorkingDays: 3 }] } },
    ]) {
      const res = await t.request({ ...call, method: call.method as 'GET', cookie: w.sekda.cookie });
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(404);
    }
    expect(await snapshotCounts(t.database.db)).toBe(before);
  });
});

describe('OPD reports, silence and working-day overdue', () => {
  it('takes one report per period, marks late ones, and refuses a future period', async () => {
    const calendar = await loadCalendar(t.database.db, w.pemda.id);
    const today = calendar.today();
    const first = await t.request({ method: 'POST', url: '/api/v1/coordination/reports', cookie: w.operators[0]?.cookie ?? '', payload: { achievements: 'Posyandu aktif di 42 kelurahan.', problems: 'Kader kurang', needs: 'Pelatihan kader' } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ late: false });
    const again = await t.request({ method: 'POST', url: '/api/v1/coordination/reports', cookie: w.operators[0]?.cookie ?? '', payload: { achievements: 'Lagi' } });
    expect(again.json().code).toBe('REPORT_EXISTS');
    const future = first.json().periodEnd as string;
    const ahead = await t.request({ method: 'POST', url: '/api/v1/coordination/reports', cookie: w.operators[0]?.cookie ?? '', payload: { periodStart: addDays(future, 1), achievements: 'Nanti' } });
    expect(ahead.json().detail).toBe(`Periode laporan ${addDays(future, 1)} belum dimulai.`);
    const monday = addDays(first.json().periodStart, -28);
    const late = await t.request({ method: 'POST', url: '/api/v1/coordination/reports', cookie: w.operators[0]?.cookie ?? '', payload: { periodStart: monday, achievements: 'Laporan susulan' } });
    expect(late.json()).toMatchObject({ late: true, periodStart: monday });
    expect((await t.request({ method: 'POST', url: '/api/v1/coordination/reports', cookie: w.sekda.cookie, payload: { achievements: 'x' } })).statusCode).toBe(403);
    const mine = await t.request({ method: 'GET', url: '/api/v1/coordination/reports', cookie: w.operators[1]?.cookie ?? '' });
    expect(mine.json().items).toEqual([]);
    expect(today >= first.json().periodStart).toBe(true);
  });

  it('flags a silent OPD with its days of silence and notifies its head once per spell', async () => {
    const settings = await t.request({ method: 'PUT', url: '/api/v1/coordination/settings', cookie: w.admin.cookie, payload: { silenceDays: 5 } });
    expect(settings.json()).toEqual({ silenceDays: 5, reportCadence: 'weekly' });
    // The OPDs were created "now": backdate two of them so they have been silent for 12 days.
    const twelveDaysAgo = new Date(Date.now() - 12 * 86_400_000);
    await sql`UPDATE opd SET created_at = ${twelveDaysAgo} WHERE pemda_id = ${w.pemda.id} AND id IN (${w.opds[2]?.id ?? ''}, ${w.opds[3]?.id ?? ''})`.execute(t.database.db);
    const flags = (await t.request({ method: 'GET', url: '/api/v1/flags', cookie: w.kepalaDaerah.cookie })).json().flags.filter((f: { kind: string }) => f.kind === 'coordination.silent_opd');
    expect(flags.map((f: { opdId: string }) => f.opdId).sort()).toEqual([w.opds[2]?.id, w.opds[3]?.id].sort());
    expect(flags[0]).toMatchObject({ severity: 'critical', title: { id: expect.stringMatching(/tidak melapor selama 12 hari/) } });
    const inbox = (await t.request({ method: 'GET', url: '/api/v1/coordination/inbox', cookie: w.sekda.cookie })).json();
    expect(inbox.totals.silentOpds).toBe(2);
    expect(await notifySilentOpds(systemCtx(t.database.db), w.pemda.id)).toBe(2);
    expect(await notifySilentOpds(systemCtx(t.database.db), w.pemda.id)).toBe(0);
    const told = await t.database.db.selectFrom('notification').select('user_id').where('pemda_id', '=', w.pemda.id).where('kind', '=', 'coordination.silent_opd').execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([w.heads[2]?.id, w.heads[3]?.id].sort());
    // A report ends the spell; the flag goes away.
    await t.request({ method: 'POST', url: '/api/v1/coordination/reports', cookie: w.operators[2]?.cookie ?? '', payload: { achievements: 'Realisasi PAD 61%.' } });
    const after = (await t.request({ method: 'GET', url: '/api/v1/flags', cookie: w.kepalaDaerah.cookie })).json().flags.filter((f: { kind: string }) => f.kind === 'coordination.silent_opd');
    expect(after.map((f: { opdId: string }) => f.opdId)).toEqual([w.opds[3]?.id]);
  });

  it('counts overdue in working days: weekends and holidays do not count', async () => {
    const directive = (await t.request({ method: 'POST', url: '/api/v1/coordination/directives', cookie: w.sekda.cookie, payload: { text: 'Percepat realisasi anggaran kegiatan fisik.', tags: ['anggaran'], dueInWorkingDays: 1, opdIds: [w.opds[1]?.id] } })).json();
    const calendar = await loadCalendar(t.database.db, w.pemda.id);
    const today = calendar.today();
    const due = addDays(today, -6);
    await sql`UPDATE coord_assignment SET due_date = ${due} WHERE pemda_id = ${w.pemda.id} AND directive_id = ${directive.id}`.execute(t.database.db);
    // Declare every day after the due date a local holiday: nothing is overdue.
    const added: string[] = [];
    for (let d = addDays(due, 1); d <= today; d = addDays(d, 1)) {
      if (!calendar.isWorkingDay(d)) continue;
      const res = await t.request({ method: 'POST', url: '/api/v1/calendar/holidays', cookie: w.admin.cookie, payload: { date: d, kind: 'local', name: `Libur daerah uji ${d}`, source: 'Perwako uji' } });
      added.push(res.json().id);
    }
    const quiet = (await t.request({ method: 'GET', url: `/api/v1/coordination/directives/${directive.id}`, cookie: w.sekda.cookie })).json();
    expect(quiet.assignments[0].overdueDays).toBe(0);
    expect((await t.request({ method: 'GET', url: '/api/v1/coordination/inbox', cookie: w.sekda.cookie })).json().overdue.map((i: { directiveId: string }) => i.directiveId)).not.toContain(directive.id);
    for (const id of added) await t.request({ method: 'DELETE', url: `/api/v1/calendar/holidays/${id}`, cookie: w.admin.cookie });
    const fresh = await loadCalendar(t.database.db, w.pemda.id);
    const expected = fresh.workingDaysBetween(due, today);
    expect(expected).toBeGreaterThanOrEqual(2);
    expect(expected).toBeLessThanOrEqual(5);
    const late = (await t.request({ method: 'GET', url: `/api/v1/coordination/directives/${directive.id}`, cookie: w.sekda.cookie })).json();
    expect(late.assignments[0].overdueDays).toBe(expected);
    const inbox = (await t.request({ method: 'GET', url: '/api/v1/coordination/inbox', cookie: w.sekda.cookie })).json();
    expect(inbox.overdue.find((i: { directiveId: string }) => i.directiveId === directive.id)?.overdueDays).toBe(expected);
    const overdueList = (await t.request({ method: 'GET', url: '/api/v1/coordination/directives?status=overdue', cookie: w.operators[1]?.cookie ?? '' })).json();
    expect(overdueList.items.map((i: { id: string }) => i.id)).toContain(directive.id);
  });

  it('serves the five monthly metrics with links to the records behind them', async () => {
    const month = (await loadCalendar(t.database.db, w.pemda.id)).today().slice(0, 7);
    const res = await t.request({ method: 'GET', url: `/api/v1/metrics?month=${month}&opd=${w.opds[0]?.id}`, cookie: w.operators[0]?.cookie ?? '' });
    expect(res.statusCode).toBe(200);
    const rows = res.json().metrics.filter((m: { key: string }) => m.key.startsWith('coordination.'));
    expect(rows.map((m: { key: string }) => m.key).sort()).toEqual(['coordination.directives_on_time', 'coordination.first_followup_days', 'coordination.longest_silence', 'coordination.meeting_attendance', 'coordination.report_cadence']);
    const attendance = rows.find((m: { key: string }) => m.key === 'coordination.meeting_attendance');
    expect(attendance.link).toBe(`/koordinasi/rapat?opd=${w.opds[0]?.id}&bulan=${month}`);
    const silence = rows.find((m: { key: string }) => m.key === 'coordination.longest_silence');
    expect(silence.value).toBeGreaterThanOrEqual(0);
  });
});
