import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { hashPassword } from '../../src/server/modules/auth/password';
import { createPlatformSession } from '../../src/server/modules/auth/session';
import type { TestApp } from '../support/app';

/** Helpers shared by the organisation API tests (org*.test.ts). */

/** Row counts of the organisation tables and the audit chains: equal before and after means nothing happened. */
export async function orgSnapshot(t: TestApp): Promise<Record<string, number>> {
  const tables = ['pemda', 'pemda_head', 'wilayah', 'opd', 'opd_unit', 'jabatan', 'pegawai', 'jabatan_holder', 'audit_log'] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.database.db);
    out[table] = row.rows[0]?.n ?? -1;
  }
  const boundaries = await sql<{ n: number }>`SELECT count(*)::int AS n FROM wilayah WHERE geometry IS NOT NULL`.execute(t.database.db);
  out.wilayah_with_boundary = boundaries.rows[0]?.n ?? -1;
  const updated = await sql<{ n: string | null }>`SELECT max(updated_at)::text AS n FROM (SELECT updated_at FROM opd UNION ALL SELECT updated_at FROM jabatan UNION ALL SELECT updated_at FROM pegawai) u`.execute(t.database.db);
  out.last_update = updated.rows[0]?.n ? Date.parse(updated.rows[0].n) : 0;
  return out;
}

/** The audit actions of a Pemda, newest first. */
export async function auditActions(t: TestApp, pemdaId: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('audit_log').select('action').where('pemda_id', '=', pemdaId).orderBy('seq', 'desc').execute();
  return rows.map((row) => row.action);
}

export async function lastAudit(t: TestApp, pemdaId: string) {
  return t.database.db.selectFrom('audit_log').selectAll().where('pemda_id', '=', pemdaId).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
}

export async function superadminCookie(t: TestApp): Promise<string> {
  const user = await t.database.db
    .insertInto('platform_user')
    .values({ email: `root.${randomUUID().slice(0, 8)}@pamong.test`, name: 'Root', password_hash: await hashPassword('Root-Password-123') })
    .returning('id')
    .executeTakeFirstOrThrow();
  return createPlatformSession(t.database.db, user.id, 'full');
}

/** A multipart/form-data body with one file in the field "file". */
export function multipartFile(content: string | Buffer, filename = 'batas.geojson'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----pamong${randomUUID().replace(/-/g, '')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/geo+json\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A small square polygon around a point (WGS84). */
export function square(lng: number, lat: number, size = 0.01) {
  return {
    type: 'Polygon' as const,
    coordinates: [[[lng, lat], [lng + size, lat], [lng + size, lat + size], [lng, lat + size], [lng, lat]]],
  };
}
