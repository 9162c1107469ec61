import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
let pemda: { id: string };
let other: { id: string };
let admin: { cookie: string };
let reader: { cookie: string };

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db);
  other = await buildPemda(t.database.db);
  admin = await buildUser(t.database.db, pemda.id, 'admin_pemda');
  reader = await buildUser(t.database.db, pemda.id, 'bkpsdm');
});
afterAll(async () => t?.close());

describe('calendar API', () => {
  it('401 without a session', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/calendar/holidays?year=2025' })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: '/api/v1/calendar/holidays', payload: {} })).statusCode).toBe(401);
  });

  it('lists the national days of a year with the decree, and the working days left', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/calendar/holidays?year=2025', cookie: reader.cookie });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.basis).toMatch(/SKB 3 Menteri/);
    expect(body.timezone).toBe('Asia/Jakarta');
    expect(body.items.find((h: { date: string }) => h.date === '2025-08-18')).toMatchObject({ kind: 'cuti_bersama', weekday: true });
    expect(body.workingDays).toBe(261 - body.items.filter((h: { weekday: boolean }) => h.weekday).length);
  });

  it('400 with the exact Indonesian messages', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/calendar/holidays', cookie: admin.cookie, payload: { date: '2026-02-30', name: '<b>x</b>', source: 'Perwako' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      detail: 'Data yang dikirim tidak valid.',
      errors: [
        { path: 'date', message: 'date format date tidak valid' },
        { path: 'name', message: 'name tidak boleh berisi tanda < atau > (HTML)' },
      ],
    });
    const year = await t.request({ method: 'GET', url: '/api/v1/calendar/holidays?year=1999', cookie: reader.cookie });
    expect(year.json().errors).toEqual([{ path: 'querystring.year', message: 'querystring.year minimal 2000' }]);
  });

  it('adds a local election day (audited), refuses a duplicate, and the admin of another Pemda cannot delete it', async () => {
    const payload = { date: '2025-08-27', kind: 'election', name: 'Pemungutan suara Pilkada ulang', source: 'Keputusan Wali Kota (contoh)' };
    const created = await t.request({ method: 'POST', url: '/api/v1/calendar/holidays', cookie: admin.cookie, payload });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const again = await t.request({ method: 'POST', url: '/api/v1/calendar/holidays', cookie: admin.cookie, payload });
    expect(again.json()).toMatchObject({ code: 'HOLIDAY_EXISTS', detail: 'Hari libur "Pemungutan suara Pilkada ulang" pada 2025-08-27 sudah tercatat.' });
    const strangerAdmin = await buildUser(t.database.db, other.id, 'admin_pemda');
    const denied = await t.request({ method: 'DELETE', url: `/api/v1/calendar/holidays/${id}`, cookie: strangerAdmin.cookie });
    expect(denied.statusCode).toBe(404);
    expect(denied.json().detail).toBe('Hari libur tidak ditemukan.');
    expect(await t.database.db.selectFrom('holiday').select('id').where('pemda_id', '=', pemda.id).where('id', '=', id).execute()).toHaveLength(1);
    const removed = await t.request({ method: 'DELETE', url: `/api/v1/calendar/holidays/${id}`, cookie: admin.cookie });
    expect(removed.statusCode).toBe(200);
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', pemda.id).where('action', 'like', 'calendar.%').execute();
    expect(audits.map((a) => a.action)).toEqual(['calendar.holiday_added', 'calendar.holiday_removed']);
  });

  it('403 for a role that may not change the calendar', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/calendar/holidays', cookie: reader.cookie, payload: {} });
    expect(res.statusCode).toBe(403);
  });
});
