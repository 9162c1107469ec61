import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, systemCtx } from '../../src/server/http/context';
import { defineNotificationKinds, EMAIL_JOB_KIND, notify, sendQueuedEmails } from '../../src/server/platform/notifications';
import { buildOpd, buildPemda, buildUser } from '../factories';
import { startTestSmtp, type TestSmtp } from '../fixtures/smtp';
import { createTestApp, type TestApp } from '../support/app';

const Kinds = defineNotificationKinds({ 'test.ping': { id: 'Uji', en: 'Test' } });

let t: TestApp;
let smtp: TestSmtp;
let pemda: { id: string };
let other: { id: string };
const settings = () => ({ smtpUrl: smtp.url, from: 'Pamong Uji <pamong@uji.go.id>', publicUrl: 'https://pamong.uji.go.id' });

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startTestSmtp();
  pemda = await buildPemda(t.database.db);
  other = await buildPemda(t.database.db);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const ping = (pemdaId: string, recipients: Parameters<typeof notify>[1]['recipients'], text = 'Halo') =>
  inTransaction(systemCtx(t.database.db), (tx) => notify(tx, { pemdaId, recipients, kind: Kinds['test.ping'], title: { id: `Judul ${text}`, en: `Title ${text}` }, body: { id: `Isi ${text}`, en: `Body ${text}` }, link: '/koordinasi' }));

describe('notify and e-mail', () => {
  it('resolves users, roles and the head of an OPD, and mails each once through a real SMTP server', async () => {
    const opd = await buildOpd(t.database.db, pemda.id);
    const head = await buildUser(t.database.db, pemda.id, 'kepala_opd', { opdId: opd.id });
    await buildUser(t.database.db, pemda.id, 'operator_opd', { opdId: opd.id });
    const sekda = await buildUser(t.database.db, pemda.id, 'sekda');
    expect(await ping(pemda.id, { opdHeadOf: opd.id }, 'kepala')).toEqual([head.id]);
    expect(await ping(pemda.id, { role: 'sekda' }, 'sekda')).toEqual([sekda.id]);
    expect(await ping(pemda.id, [head.id, head.id, sekda.id], 'daftar')).toHaveLength(2);
    // Two workers racing for the queue (two server processes): every mail goes out once.
    const results = await Promise.all([sendQueuedEmails(t.database.db, settings()), sendQueuedEmails(t.database.db, settings())]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(4);
    expect(smtp.received).toHaveLength(4);
    const toHead = smtp.received.filter((m) => m.to.includes(head.email));
    expect(toHead.map((m) => m.subject).sort()).toEqual(['[Pamong] Judul daftar', '[Pamong] Judul kepala']);
    expect(toHead[0]?.raw).toContain('https://pamong.uji.go.id/koordinasi');
    expect(toHead[0]?.raw).toContain('Title');
    const queued = await t.database.db.selectFrom('job_queue').select(['done_at', 'error']).where('kind', '=', EMAIL_JOB_KIND).where('pemda_id', '=', pemda.id).execute();
    expect(queued.every((q) => q.done_at !== null && q.error === null)).toBe(true);
    expect((await sendQueuedEmails(t.database.db, settings())).sent).toBe(0);
  });

  it('writes nothing when the calling transaction rolls back, and respects e-mail off', async () => {
    const user = await buildUser(t.database.db, pemda.id, 'bkpsdm');
    await expect(
      inTransaction(systemCtx(t.database.db), async (tx) => {
        await notify(tx, { pemdaId: pemda.id, recipients: [user.id], kind: Kinds['test.ping'], title: { id: 'x', en: 'x' }, body: { id: 'x', en: 'x' }, link: '/' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.database.db.selectFrom('notification').select('id').where('pemda_id', '=', pemda.id).where('user_id', '=', user.id).execute()).toHaveLength(0);
    const put = await t.request({ method: 'PUT', url: '/api/v1/notifications/preferences', cookie: user.cookie, payload: { items: [{ kind: 'test.ping', email: false }] } });
    expect(put.statusCode).toBe(200);
    expect(put.json().items).toContainEqual({ kind: 'test.ping', label: { id: 'Uji', en: 'Test' }, email: false });
    const before = smtp.received.length;
    await ping(pemda.id, [user.id], 'senyap');
    await sendQueuedEmails(t.database.db, settings());
    expect(smtp.received.length).toBe(before);
    const inbox = await t.request({ method: 'GET', url: '/api/v1/notifications', cookie: user.cookie });
    expect(inbox.json()).toMatchObject({ unread: 1, items: [{ title: { id: 'Judul senyap' } }] });
  });
});

describe('notifications API', () => {
  it('401 without a session', async () => {
    for (const [method, url] of [['GET', '/api/v1/notifications'], ['POST', '/api/v1/notifications/read-all'], ['GET', '/api/v1/notifications/preferences']] as const) {
      expect((await t.request({ method, url })).statusCode).toBe(401);
    }
  });

  it('lists my inbox, marks read (audited), and answers 404 for a notification of another Pemda without changing it', async () => {
    const me = await buildUser(t.database.db, pemda.id, 'inspektorat');
    const stranger = await buildUser(t.database.db, other.id, 'inspektorat');
    await ping(pemda.id, [me.id], 'satu');
    await ping(pemda.id, [me.id], 'dua');
    await ping(other.id, [stranger.id], 'asing');
    const inbox = await t.request({ method: 'GET', url: '/api/v1/notifications?limit=1', cookie: me.cookie });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json()).toMatchObject({ unread: 2, items: [{ title: { id: 'Judul dua' } }] });
    const page2 = await t.request({ method: 'GET', url: `/api/v1/notifications?limit=1&cursor=${inbox.json().nextCursor}`, cookie: me.cookie });
    expect(page2.json().items[0].title.id).toBe('Judul satu');
    const foreign = await t.database.db.selectFrom('notification').select('id').where('pemda_id', '=', other.id).where('user_id', '=', stranger.id).executeTakeFirstOrThrow();
    const denied = await t.request({ method: 'POST', url: `/api/v1/notifications/${foreign.id}/read`, cookie: me.cookie });
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toMatchObject({ code: 'NOTIFICATION_NOT_FOUND', detail: 'Notifikasi tidak ditemukan.' });
    const still = await t.database.db.selectFrom('notification').select('read_at').where('pemda_id', '=', other.id).where('id', '=', foreign.id).executeTakeFirstOrThrow();
    expect(still.read_at).toBeNull();
    const mine = inbox.json().items[0].id as string;
    expect((await t.request({ method: 'POST', url: `/api/v1/notifications/${mine}/read`, cookie: me.cookie })).statusCode).toBe(200);
    const all = await t.request({ method: 'POST', url: '/api/v1/notifications/read-all', cookie: me.cookie });
    expect(all.json()).toEqual({ updated: 1 });
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', pemda.id).where('actor_id', '=', me.id).execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['notification.read', 'notification.read_all']);
  });

  it('400 with the exact message for an unknown kind or a bad body', async () => {
    const me = await buildUser(t.database.db, pemda.id, 'bkpsdm');
    const unknown = await t.request({ method: 'PUT', url: '/api/v1/notifications/preferences', cookie: me.cookie, payload: { items: [{ kind: 'tidak.ada', email: false }] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'NOTIFICATION_KIND_UNKNOWN', detail: 'Jenis notifikasi tidak.ada tidak dikenal.' });
    const empty = await t.request({ method: 'PUT', url: '/api/v1/notifications/preferences', cookie: me.cookie, payload: { items: [] } });
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED', detail: 'Data yang dikirim tidak valid.', errors: [{ path: 'items', message: 'items minimal 1 butir' }] });
  });
});
