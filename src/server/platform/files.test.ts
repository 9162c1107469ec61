import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPemda } from '../../../test/factories';
import { TINY_PNG } from '../../../test/fixtures/evidence';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db';
import { inTransaction, systemCtx } from '../http/context';
import { AppError } from '../http/errors';
import { cleanFileName, sniffMime, storedPath, storeFile, unsafeOpenStoredFile } from './files';


let database: TestDatabase;
let filesDir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-files-'));
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

describe('type sniffing', () => {
  it('recognises the four evidence types by their first bytes, whatever the name says', () => {
    expect(sniffMime(TINY_PNG)).toBe('image/png');
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffMime(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(sniffMime(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMime(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffMime(Buffer.from('MZ\u0090\u0000'))).toBeNull();
    expect(cleanFileName('../../etc/"passwd"\u0000.jpg')).toBe('passwd.jpg');
  });
});

describe('storeFile', () => {
  it('stores content-addressed with two-level fan-out, once, and audits the first upload', async () => {
    const pemda = await buildPemda(database.db);
    const sha = createHash('sha256').update(TINY_PNG).digest('hex');
    const stored = await inTransaction(systemCtx(database.db), (tx) => storeFile(tx, { filesDir, pemdaId: pemda.id, data: TINY_PNG, originalName: 'foto kegiatan.png', uploadedBy: null }));
    expect(stored).toEqual({ sha256: sha, mime: 'image/png', size: TINY_PNG.length, originalName: 'foto kegiatan.png' });
    expect(storedPath(filesDir, sha)).toBe(path.join(filesDir, sha.slice(0, 2), sha.slice(2, 4), sha));
    expect(fs.readFileSync(storedPath(filesDir, sha)).equals(TINY_PNG)).toBe(true);
    await inTransaction(systemCtx(database.db), (tx) => storeFile(tx, { filesDir, pemdaId: pemda.id, data: TINY_PNG, originalName: 'lagi.png', uploadedBy: null }));
    const rows = await database.db.selectFrom('stored_file').selectAll().where('pemda_id', '=', pemda.id).execute();
    expect(rows).toHaveLength(1);
    const audits = await database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', pemda.id).where('action', '=', 'file.stored').execute();
    expect(audits).toHaveLength(1);
    const chunks: Buffer[] = [];
    for await (const chunk of unsafeOpenStoredFile(filesDir, sha)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(TINY_PNG)).toBe(true);
  });

  it('refuses other types, empty files and files over the limit, storing nothing', async () => {
    const pemda = await buildPemda(database.db);
    const attempt = (data: Buffer, maxBytes?: number) =>
      inTransaction(systemCtx(database.db), (tx) => storeFile(tx, { filesDir, pemdaId: pemda.id, data, originalName: 'x.jpg', uploadedBy: null, ...(maxBytes ? { maxBytes } : {}) })).catch((e: unknown) => e);
    const html = await attempt(Buffer.from('<svg onload=alert(1)>'));
    expect(html).toBeInstanceOf(AppError);
    expect((html as AppError).def.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((html as AppError).message_('id')).toBe('Jenis berkas tidak diizinkan. Unggah foto JPEG, PNG, WebP atau dokumen PDF.');
    expect(((await attempt(Buffer.alloc(0))) as AppError).def.code).toBe('FILE_EMPTY');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = (await attempt(big, 1024 * 1024)) as AppError;
    expect(tooBig.def.code).toBe('FILE_TOO_LARGE');
    expect(tooBig.message_('id')).toBe('Berkas terlalu besar (maksimal 1 MB).');
    expect(await database.db.selectFrom('stored_file').select('sha256').where('pemda_id', '=', pemda.id).execute()).toHaveLength(0);
  });
});
