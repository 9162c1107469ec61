import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../factories';
import { buildCoordinationWorld, snapshotCounts, type CoordinationWorld } from '../fixtures/coordination';
import { multipartFile, TINY_PDF, TINY_PNG } from '../fixtures/evidence';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
let w: CoordinationWorld;
let foreign: CoordinationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCoordinationWorld(t.database.db);
  foreign = await buildCoordinationWorld(t.database.db);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(t.config.filesDir, { recursive: true, force: true });
});

const issue = (cookie: string, payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/api/v1/coordination/directives', cookie, payload });
const basic = (opdIds: string[], extra: Record<string, unknown> = {}) => ({ text: 'Petakan kelurahan rawan stunting dan laporkan intervensinya.', tags: ['stunting'], priority: 'penting', dueInWorkingDays: 5, opdIds, ...extra });
const verify = (code: string) => t.request({ method: 'GET', url: `/api/v1/public/directives/${code}` });

describe('issuing directives', () => {
  it('401 without a session; 403 for an operator; 403 with the rule for a head of OPD without delegation', async () => {
    expect((await issue('', basic([w.opds[0]?.id ?? '']))).statusCode).toBe(401);
    const operator = await issue(w.operators[0]?.cookie ?? '', basic([w.opds[0]?.id ?? '']));
    expect(operator.statusCode).toBe(403);
    expect(operator.json().code).toBe('FORBIDDEN');
    const head = await issue(w.heads[0]?.cookie ?? '', basic([w.opds[1]?.id ?? '']));
    expect(head.statusCode).toBe(403);
    expect(head.json()).toMatchObject({ code: 'DIRECTIVE_ISSUER_NOT_ALLOWED', detail: 'Arahan hanya dapat diterbitkan oleh kepala daerah, sekretaris daerah, atau pejabat yang menerima pelimpahan tercatat.' });
  });

  it('400 with exact messages', async () => {
    const bad = await issue(w.sekda.cookie, { text: 'ok', opdIds: ['x'], priority: 'darurat', dueInWorkingDays: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: 'text', message: 'text minimal 5 karakter' },
      { path: 'priority', message: 'priority harus salah satu dari: biasa, penting, segera' },
      { path: 'opdIds.0', message: 'opdIds.0 format uuid tidak valid' },
    ]);
    const past = await issue(w.sekda.cookie, basic([w.opds[0]?.id ?? ''], { dueInWorkingDays: undefined, dueDate: '2020-01-01' }));
    expect(past.json()).toMatchObject({ code: 'DIRECTIVE_DUE_IN_PAST', detail: 'Tenggat 2020-01-01 sudah lewat.' });
    const noDue = await issue(w.sekda.cookie, basic([w.opds[0]?.id ?? ''], { dueInWorkingDays: undefined }));
    expect(noDue.json().detail).toBe('Isi tenggat (tanggal) atau jumlah hari kerja.');
    const otherOpd = await issue(w.sekda.cookie, basic([foreign.opds[0]?.id ?? '']));
    expect(otherOpd.json()).toMatchObject({ code: 'DIRECTIVE_OPD_UNKNOWN', detail: `OPD penerima tidak dikenal di Pemda ini: ${foreign.opds[0]?.id}.` });
  });

  it('signs at issuance; the public page verifies it; tampering with content or signature is caught; audit row written', async () => {
    const res = await issue(w.sekda.cookie, basic(w.opds.slice(0, 3).map((o) => o.id)));
    expect(res.statusCode).toBe(201);
    const directive = res.json();
    expect(directive).toMatchObject({ issuerRole: 'sekda', opdCount: 3, verification: { valid: true, reason: 'ok' }, counts: { belum: 3 } });
    expect(directive.number).toMatch(/^0001\/ARH\/\d{4}$/);
    expect(directive.verifyUrl).toBe(`http://localhost:80/v/${directive.code}`);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'diff']).where('pemda_id', '=', w.pemda.id).where('entity_id', '=', directive.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['coordination.directive_issued']);
    const heads = await t.database.db.selectFrom('notification').select('user_id').where('pemda_id', '=', w.pemda.id).where('kind', '=', 'coordination.directive_issued').execute();
    expect(heads).toHaveLength(6);

    const ok = await verify(directive.code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ number: directive.number, issuer: { role: 'sekda', roleLabel: { id: 'Sekretaris Daerah' } }, verification: { valid: true }, supersededBy: null });
    expect(ok.json().assignedOpds).toEqual(expect.arrayContaining(['Dinas Kesehatan', 'Dinas Pendidikan']));

    await sql`UPDATE coord_directive SET text = text || ' (diubah)' WHERE pemda_id = ${w.pemda.id} AND id = ${directive.id}`.execute(t.database.db);
    expect((await verify(directive.code)).json().verification).toMatchObject({ valid: false, reason: 'content_changed' });
    await sql`UPDATE coord_directive SET text = replace(text, ' (diubah)', '') WHERE pemda_id = ${w.pemda.id} AND id = ${directive.id}`.execute(t.database.db);
    expect((await verify(directive.code)).json().verification.valid).toBe(true);
    const original = (await t.database.db.selectFrom('coord_directive').select('signature').where('id', '=', directive.id).executeTakeFirstOrThrow()).signature;
    const forged = Buffer.from(original, 'base64');
    forged[0] = (forged[0] ?? 0) ^ 0xff;
    await sql`UPDATE coord_directive SET signature = ${forged.toString('base64')} WHERE pemda_id = ${w.pemda.id} AND id = ${directive.id}`.execute(t.database.db);
    expect((await verify(directive.code)).json().verification).toMatchObject({ valid: false, reason: 'bad_signature' });
    await sql`UPDATE coord_directive SET signature = ${original} WHERE pemda_id = ${w.pemda.id} AND id = ${directive.id}`.execute(t.database.db);
    // A hash recomputed over forged content still fails the signature.
    await sql`UPDATE coord_directive SET due_date = due_date + 30 WHERE pemda_id = ${w.pemda.id} AND id = ${directive.id}`.execute(t.database.db);
    expect((await verify(directive.code)).json().verification.valid).toBe(false);
    await sql`UPDATE coord_directive SET due_date = due_date - 30 WHERE pemda_id = ${w.pemda.id} AND id = ${directive.id}`.execute(t.database.db);
    expect((await verify('1971-ZZZZZZZZZZ')).json()).toMatchObject({ code: 'DIRECTIVE_NOT_FOUND', detail: 'Arahan tidak ditemukan.' });
  });

  it('keeps old signatures valid after a key rotation, and signs new ones with the new key', async () => {
    const before = (await issue(w.kepalaDaerah.cookie, basic([w.opds[0]?.id ?? '']))).json();
    const rotated = await t.request({ method: 'POST', url: '/api/v1/coordination/keys/rotate', cookie: w.admin.cookie });
    expect(rotated.statusCode).toBe(200);
    const after = (await issue(w.kepalaDaerah.cookie, basic([w.opds[0]?.id ?? '']))).json();
    expect(after.verification.keyId).toBe(rotated.json().id);
    expect(after.verification.keyId).not.toBe(before.verification.keyId);
    expect((await verify(before.code)).json().verification).toMatchObject({ valid: true, keyId: before.verification.keyId });
    expect((await verify(after.code)).json().verification.valid).toBe(true);
    const keys = await t.request({ method: 'GET', url: '/api/v1/coordination/keys', cookie: w.admin.cookie });
    expect(keys.json().items.filter((k: { active: boolean }) => k.active)).toHaveLength(1);
    const row = await t.database.db.selectFrom('coord_signing_key').select('private_key_sealed').where('pemda_id', '=', w.pemda.id).where('id', '=', after.verification.keyId).executeTakeFirstOrThrow();
    expect(row.private_key_sealed).toMatch(/^v1\./);
  });

  it('is never edited: a correction supersedes it, closes its open follow-ups, and the public page says so', async () => {
    const first = (await issue(w.sekda.cookie, basic([w.opds[0]?.id ?? '', w.opds[1]?.id ?? '']))).json();
    const correction = await issue(w.sekda.cookie, basic([w.opds[0]?.id ?? ''], { text: 'Ralat: petakan kelurahan rawan stunting di kecamatan Taman Sari saja.', supersedesId: first.id }));
    expect(correction.statusCode).toBe(201);
    expect(correction.json().supersedes).toMatchObject({ id: first.id });
    const old = await verify(first.code);
    expect(old.json()).toMatchObject({ verification: { valid: true }, supersededBy: { code: correction.json().code } });
    const oldDetail = await t.request({ method: 'GET', url: `/api/v1/coordination/directives/${first.id}`, cookie: w.sekda.cookie });
    expect(oldDetail.json().counts.dibatalkan).toBe(2);
    const twice = await issue(w.sekda.cookie, basic([w.opds[0]?.id ?? ''], { supersedesId: first.id }));
    expect(twice.json()).toMatchObject({ code: 'DIRECTIVE_ALREADY_SUPERSEDED', detail: `Arahan ${first.number} sudah diganti oleh arahan lain.` });
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/coordination/directives') && (r.method === 'PATCH' || r.method === 'PUT' || r.method === 'DELETE'));
    expect(routes).toEqual([]);
  });

  it('lets a recorded delegate issue, audited, until the delegation is revoked', async () => {
    const grant = await t.request({ method: 'POST', url: '/api/v1/coordination/delegations', cookie: w.sekda.cookie, payload: { delegateUserId: w.heads[3]?.id, validFrom: '2020-01-01', validUntil: '2099-12-31', basis: 'Surat Perintah Sekda Nomor 800/12/2026' } });
    expect(grant.statusCode).toBe(201);
    const res = await issue(w.heads[3]?.cookie ?? '', basic([w.opds[3]?.id ?? '']));
    expect(res.statusCode).toBe(201);
    expect(res.json().issuerRole).toBe('delegasi:sekda');
    expect((await verify(res.json().code)).json().issuer.roleLabel.id).toBe('Atas nama Sekretaris Daerah (pelimpahan)');
    const badDelegate = await t.request({ method: 'POST', url: '/api/v1/coordination/delegations', cookie: w.sekda.cookie, payload: { delegateUserId: w.operators[0]?.id, validFrom: '2020-01-01', validUntil: '2099-12-31', basis: 'Surat perintah' } });
    expect(badDelegate.json().code).toBe('DELEGATE_INVALID');
    expect((await t.request({ method: 'DELETE', url: `/api/v1/coordination/delegations/${grant.json().id}`, cookie: w.sekda.cookie })).statusCode).toBe(200);
    expect((await issue(w.heads[3]?.cookie ?? '', basic([w.opds[3]?.id ?? '']))).statusCode).toBe(403);
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', w.pemda.id).where('action', 'like', 'coordination.delegation%').execute();
    expect(audits.map((a) => a.action)).toEqual(['coordination.delegation_granted', 'coordination.delegation_revoked']);
  });
});

describe('follow-up with evidence, review, visibility', () => {
  it('runs the whole cycle: upload a photo, report done, send back, report again, accept', async () => {
    const directive = (await issue(w.sekda.cookie, basic(w.opds.slice(0, 3).map((o) => o.id)))).json();
    const opd = w.opds[0]?.id ?? '';
    const operator = w.operators[0]?.cookie ?? '';
    const upload = multipartFile('file', 'posyandu.png', 'image/png', TINY_PNG);
    const uploaded = await t.request({ method: 'POST', url: '/api/v1/coordination/files', cookie: operator, ...upload });
    expect(uploaded.statusCode).toBe(201);
    const sha = uploaded.json().sha256 as string;
    const fake = multipartFile('file', 'foto.jpg', 'image/jpeg', Buffer.from('<html>bukan foto</html>'));
    const refused = await t.request({ method: 'POST', url: '/api/v1/coordination/files', cookie: operator, ...fake });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().detail).toBe('Jenis berkas tidak diizinkan. Unggah foto JPEG, PNG, WebP atau dokumen PDF.');

    const url = `/api/v1/coordination/directives/${directive.id}/opds/${opd}/follow-ups`;
    const missingObstacle = await t.request({ method: 'POST', url, cookie: operator, payload: { status: 'terkendala', note: 'Anggaran belum turun' } });
    expect(missingObstacle.json()).toMatchObject({ code: 'FOLLOWUP_OBSTACLE_REQUIRED', detail: 'Jelaskan kendala yang memerlukan keputusan pimpinan.' });
    const otherOpd = await t.request({ method: 'POST', url, cookie: w.operators[1]?.cookie ?? '', payload: { status: 'proses', note: 'Bukan OPD kami' } });
    expect(otherOpd.statusCode).toBe(404);
    const done = await t.request({ method: 'POST', url, cookie: operator, payload: { status: 'selesai', note: 'Pemetaan selesai di 7 kelurahan.', files: [sha] } });
    expect(done.statusCode).toBe(201);
    const review = `/api/v1/coordination/directives/${directive.id}/opds/${opd}/review`;
    const notIssuer = await t.request({ method: 'POST', url: review, cookie: w.heads[2]?.cookie ?? '', payload: { decision: 'accept' } });
    expect(notIssuer.json()).toMatchObject({ code: 'REVIEW_NOT_ISSUER', detail: 'Hanya penerbit arahan, kepala daerah atau sekretaris daerah yang dapat memeriksa tindak lanjut.' });
    expect((await t.request({ method: 'POST', url: review, cookie: w.heads[3]?.cookie ?? '', payload: { decision: 'accept' } })).statusCode).toBe(404);
    const noComment = await t.request({ method: 'POST', url: review, cookie: w.sekda.cookie, payload: { decision: 'return' } });
    expect(noComment.json().detail).toBe('Tuliskan alasan pengembalian.');
    expect((await t.request({ method: 'POST', url: review, cookie: w.sekda.cookie, payload: { decision: 'return', comment: 'Lampirkan daftar kelurahan.' } })).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: review, cookie: w.sekda.cookie, payload: { decision: 'accept' } })).json().code).toBe('REVIEW_NOT_READY');
    await t.request({ method: 'POST', url, cookie: operator, payload: { status: 'selesai', note: 'Daftar kelurahan terlampir.', files: [sha] } });
    expect((await t.request({ method: 'POST', url: review, cookie: w.sekda.cookie, payload: { decision: 'accept', comment: 'Baik.' } })).statusCode).toBe(200);
    const closed = await t.request({ method: 'POST', url, cookie: operator, payload: { status: 'proses', note: 'Tambahan' } });
    expect(closed.json()).toMatchObject({ code: 'FOLLOWUP_CLOSED', detail: 'Tindak lanjut arahan ini sudah ditutup (diterima).' });

    const detail = (await t.request({ method: 'GET', url: `/api/v1/coordination/directives/${directive.id}`, cookie: w.sekda.cookie })).json();
    expect(detail.assignments.find((a: { opdId: string }) => a.opdId === opd)).toMatchObject({ status: 'diterima' });
    expect(detail.followUps.map((f: { kind: string }) => f.kind)).toEqual(['progress', 'returned', 'progress', 'accepted']);
    const fileUrl = detail.followUps[0].files[0].url as string;
    const image = await t.request({ method: 'GET', url: fileUrl, cookie: w.operators[1]?.cookie ?? '' });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(TINY_PNG)).toBe(true);
    const strangerSees = await t.request({ method: 'GET', url: fileUrl, cookie: foreign.sekda.cookie });
    expect(strangerSees.statusCode).toBe(404);
    const actions = (await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', w.pemda.id).where('entity_id', '=', `${directive.id}:${opd}`).orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(['coordination.followup_recorded', 'coordination.followup_returned', 'coordination.followup_recorded', 'coordination.followup_accepted']);
  });

  it("hides another OPD's internal follow-up (and its files) but shows it to the leadership", async () => {
    const directive = (await issue(w.sekda.cookie, basic([w.opds[0]?.id ?? '', w.opds[1]?.id ?? '']))).json();
    const pdf = await t.request({ method: 'POST', url: '/api/v1/coordination/files', cookie: w.operators[0]?.cookie ?? '', ...multipartFile('file', 'nota.pdf', 'application/pdf', TINY_PDF) });
    await t.request({ method: 'POST', url: `/api/v1/coordination/directives/${directive.id}/opds/${w.opds[0]?.id}/follow-ups`, cookie: w.operators[0]?.cookie ?? '', payload: { status: 'terkendala', note: 'Catatan internal', obstacle: 'Kepala puskesmas cuti', internal: true, files: [pdf.json().sha256] } });
    await t.request({ method: 'POST', url: `/api/v1/coordination/directives/${directive.id}/opds/${w.opds[1]?.id}/follow-ups`, cookie: w.operators[1]?.cookie ?? '', payload: { status: 'proses', note: 'Sedang didata' } });
    const asOther = (await t.request({ method: 'GET', url: `/api/v1/coordination/directives/${directive.id}`, cookie: w.operators[1]?.cookie ?? '' })).json();
    expect(asOther.followUps.map((f: { note: string }) => f.note)).toEqual(['Sedang didata']);
    const asOwner = (await t.request({ method: 'GET', url: `/api/v1/coordination/directives/${directive.id}`, cookie: w.heads[0]?.cookie ?? '' })).json();
    expect(asOwner.followUps).toHaveLength(2);
    const asLeader = (await t.request({ method: 'GET', url: `/api/v1/coordination/directives/${directive.id}`, cookie: w.inspektorat.cookie })).json();
    const internal = asLeader.followUps.find((f: { internal: boolean }) => f.internal);
    expect(internal).toBeDefined();
    expect((await t.request({ method: 'GET', url: internal.files[0].url, cookie: w.operators[1]?.cookie ?? '' })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: internal.files[0].url, cookie: w.inspektorat.cookie })).statusCode).toBe(200);
    const notAssigned = await t.request({ method: 'GET', url: `/api/v1/coordination/directives/${directive.id}`, cookie: w.operators[3]?.cookie ?? '' });
    expect(notAssigned.statusCode).toBe(404);
    // The leader decides on the obstacle; the OPD resumes.
    const decided = await t.request({ method: 'POST', url: `/api/v1/coordination/directives/${directive.id}/opds/${w.opds[0]?.id}/decision`, cookie: w.sekda.cookie, payload: { note: 'Sekretaris dinas ditunjuk sebagai Plh.' } });
    expect(decided.statusCode).toBe(200);
    const list = (await t.request({ method: 'GET', url: `/api/v1/coordination/directives?opd=${w.opds[0]?.id}&status=open`, cookie: w.sekda.cookie })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(directive.id);
  });

  it("answers 404 for another Pemda's directive on every route and changes nothing", async () => {
    const theirs = (await issue(foreign.sekda.cookie, basic([foreign.opds[0]?.id ?? '']))).json();
    const before = await snapshotCounts(t.database.db);
    const base = `/api/v1/coordination/directives/${theirs.id}`;
    const calls = [
      { method: 'GET', url: base, cookie: w.sekda.cookie },
      { method: 'GET', url: `${base}/pdf`, cookie: w.sekda.cookie },
      { method: 'POST', url: `${base}/opds/${foreign.opds[0]?.id}/follow-ups`, cookie: w.operators[0]?.cookie ?? '', payload: { status: 'proses', note: 'coba' } },
      { method: 'POST', url: `${base}/opds/${w.opds[0]?.id}/follow-ups`, cookie: w.operators[0]?.cookie ?? '', payload: { status: 'proses', note: 'coba' } },
      { method: 'POST', url: `${base}/opds/${foreign.opds[0]?.id}/review`, cookie: w.sekda.cookie, payload: { decision: 'accept' } },
      { method: 'POST', url: `${base}/opds/${foreign.opds[0]?.id}/decision`, cookie: w.sekda.cookie, payload: { note: 'putusan' } },
      { method: 'POST', url: '/api/v1/coordination/directives', cookie: w.sekda.cookie, payload: basic([w.opds[0]?.id ?? ''], { supersedesId: theirs.id }) },
      { method: 'GET', url: `/api/v1/coordination/opds/${foreign.opds[0]?.id}/inbox`, cookie: w.sekda.cookie },
    ] as const;
    for (const call of calls) {
      const res = await t.request({ ...call, method: call.method as 'GET' });
      expect(res.statusCode, `${call.method} ${call.url}`).toBe(404);
    }
    expect(await snapshotCounts(t.database.db)).toBe(before);
  });

  it('renders the PDF with its QR code', async () => {
    const directive = (await issue(w.kepalaDaerah.cookie, basic([w.opds[0]?.id ?? '']))).json();
    const res = await t.request({ method: 'GET', url: `/api/v1/coordination/directives/${directive.id}/pdf`, cookie: w.operators[0]?.cookie ?? '' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(5000);
    const viewer = await buildUser(t.database.db, w.pemda.id, 'pegawai', { opdId: w.opds[0]?.id ?? null });
    expect((await t.request({ method: 'GET', url: `/api/v1/coordination/directives/${directive.id}/pdf`, cookie: viewer.cookie })).statusCode).toBe(403);
  });
});
