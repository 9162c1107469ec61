import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPemda } from '../../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db';
import { inTransaction, systemCtx } from '../http/context';
import { canonicalJson, diffRecords, verifyAuditChain, writeAudit, writeAuditMany } from './audit';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

async function chainOf(rows: number) {
  const pemda = await buildPemda(database.db);
  for (let i = 0; i < rows; i += 1) {
    await inTransaction(systemCtx(database.db), (tx) =>
      writeAudit(tx, { pemdaId: pemda.id, action: 'test.changed', entityType: 'thing', entityId: String(i), before: { n: i, password: 'x' }, after: { n: i + 1, password: 'y' } }),
    );
  }
  return pemda.id;
}

describe('audit diff', () => {
  it('keeps only what changed and never the secrets', () => {
    const diff = diffRecords({ name: 'A', password_hash: 'h1', kept: 1 }, { name: 'B', password_hash: 'h2', kept: 1 });
    expect(diff).toEqual({ changes: { name: { from: 'A', to: 'B' }, password_hash: { from: '[redacted]', to: '[redacted]' } } });
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
  });
});

describe('audit chain', () => {
  it('verifies an untouched chain', async () => {
    const pemdaId = await chainOf(5);
    const result = await verifyAuditChain(database.db, pemdaId);
    // createPemdaFromRegistry writes the first row.
    expect(result).toMatchObject({ ok: true, rows: 6, problems: [] });
  });

  it('writeAuditMany chains several rows of two Pemdas in one round, each with its own request id and actor', async () => {
    const a = await chainOf(2);
    const b = await chainOf(1);
    await inTransaction(systemCtx(database.db), (tx) =>
      writeAuditMany(tx, [
        { pemdaId: a, action: 'test.many', entityType: 'thing', entityId: 'a1', detail: { i: 1 }, requestId: 'req-a1', ip: '10.0.0.1', actor: { kind: 'anonymous', role: 'public' } },
        { pemdaId: b, action: 'test.many', entityType: 'thing', entityId: 'b1', detail: { i: 2 } },
        { pemdaId: a, action: 'test.many', entityType: 'thing', entityId: 'a2', after: { token: 'secret', n: 1 }, requestId: 'req-a2' },
      ]),
    );
    await inTransaction(systemCtx(database.db), (tx) => writeAudit(tx, { pemdaId: a, action: 'test.after', entityType: 'thing', entityId: 'a3' }));
    expect(await verifyAuditChain(database.db, a)).toMatchObject({ ok: true, rows: 6 });
    expect(await verifyAuditChain(database.db, b)).toMatchObject({ ok: true, rows: 3 });
    const rows = await database.db.selectFrom('audit_log').select(['seq', 'entity_id', 'request_id', 'ip', 'actor_kind', 'diff']).where('pemda_id', '=', a).where('seq', '>', 3).orderBy('seq').execute();
    expect(rows.map((r) => [r.seq, r.entity_id, r.request_id, r.ip, r.actor_kind])).toEqual([
      [4, 'a1', 'req-a1', '10.0.0.1', 'public'],
      [5, 'a2', 'req-a2', null, 'system'],
      [6, 'a3', expect.any(String), null, 'system'],
    ]);
    expect(JSON.stringify(rows[1]?.diff)).not.toContain('secret');
  });

  it('finds an edited row and says which', async () => {
    const pemdaId = await chainOf(5);
    await sql`UPDATE audit_log SET diff = '{"after":{"n":999}}'::jsonb WHERE pemda_id = ${pemdaId} AND seq = 3`.execute(database.db);
    const result = await verifyAuditChain(database.db, pemdaId);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'edited' }));
  });

  it('finds a deleted row in the middle and at the end', async () => {
    const pemdaId = await chainOf(5);
    await sql`DELETE FROM audit_log WHERE pemda_id = ${pemdaId} AND seq = 4`.execute(database.db);
    const middle = await verifyAuditChain(database.db, pemdaId);
    expect(middle.problems).toContainEqual(expect.objectContaining({ seq: 5, kind: 'missing' }));
    const other = await chainOf(3);
    await sql`DELETE FROM audit_log WHERE pemda_id = ${other} AND seq = 4`.execute(database.db);
    const tail = await verifyAuditChain(database.db, other);
    expect(tail.problems).toContainEqual(expect.objectContaining({ kind: 'tail_mismatch' }));
  });

  it('finds an inserted row even with a plausible hash', async () => {
    const pemdaId = await chainOf(3);
    await sql`UPDATE audit_log SET seq = seq + 10 WHERE pemda_id = ${pemdaId} AND seq >= 3`.execute(database.db);
    await sql`INSERT INTO audit_log (pemda_id, seq, at, actor_kind, action, entity_type, diff, prev_hash, hash)
              SELECT pemda_id, 3, at, actor_kind, 'forged', entity_type, diff, prev_hash, hash FROM audit_log WHERE pemda_id = ${pemdaId} AND seq = 2`.execute(database.db);
    const result = await verifyAuditChain(database.db, pemdaId);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['edited', 'broken_link']));
  });

  it('keeps one chain per Pemda even under concurrent writers', async () => {
    const pemda = await buildPemda(database.db);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        inTransaction(systemCtx(database.db), (tx) => writeAudit(tx, { pemdaId: pemda.id, action: 'test.parallel', entityType: 'thing', entityId: String(i) })),
      ),
    );
    const result = await verifyAuditChain(database.db, pemda.id);
    expect(result).toMatchObject({ ok: true, rows: 13 });
  });
});
