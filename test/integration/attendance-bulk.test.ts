import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/http/context';
import { importEvents, parsedAttlog } from '../../src/server/modules/attendance/importer';
import { recomputeDays } from '../../src/server/modules/attendance/status';
import { buildOpd, buildPegawai, buildPemda } from '../factories';
import { createTestApp, type TestApp } from '../support/app';

/**
 * The bulk path of the daily status (COPY on the caller's transaction, used by the benchmark, the demo seed and big
 * recomputations) must give exactly the rows of the ordinary upsert path, also when the days already exist.
 * 13–17 January 2025 are working days (07:30–16:00, Friday until 16:30); 18–19 January are a weekend.
 */
let t: TestApp;
let pemda: { id: string };
let people: Array<{ id: string }>;
const scope = { from: '2025-01-13', to: '2025-01-19', today: '2025-02-01' };

beforeAll(async () => {
  t = await createTestApp();
  pemda = await buildPemda(t.database.db);
  const opd = await buildOpd(t.database.db, pemda.id);
  people = [];
  for (let i = 0; i < 3; i += 1) people.push(await buildPegawai(t.database.db, pemda.id, opd.id));
  const device = await t.database.db.insertInto('att_device').values({ pemda_id: pemda.id, code: 'b1', name: 'Bulk', kind: 'zkteco', opd_id: null, serial_number: null, column_map: null }).returning('id').executeTakeFirstOrThrow();
  const [a, b] = people as [{ id: string }, { id: string }];
  // a: on time by 0.7 s short of a minute (07:30:59.7 is not late), a break (ignored), left 16:05; next day one
  // undefined punch after the middle of the shift (check-out only), an unusual state (300) in the morning.
  // b: 45 minutes late with explicit states; on leave on the 15th (events that day do not matter).
  const events: Array<[string, string, number | null]> = [
    [a.id, '2025-01-13 07:30:59.7', 0], [a.id, '2025-01-13 12:00:00', 2], [a.id, '2025-01-13 16:05:00', 1],
    [a.id, '2025-01-14 07:10:00', 300], [a.id, '2025-01-14 16:20:00', null],
    [b.id, '2025-01-13 08:15:00', 0], [b.id, '2025-01-13 15:40:00', 1], [b.id, '2025-01-15 07:00:00', 0],
  ];
  let n = 0;
  for (const [pegawaiId, at, state] of events) {
    n += 1;
    await t.database.db.insertInto('att_event').values({ pemda_id: pemda.id, device_id: device.id, pin: String(n), at, state, verify: 1, workcode: '0', pegawai_id: pegawaiId, import_id: null, mode: null, lat: null, lng: null, accuracy_m: null }).execute();
  }
  await t.database.db.insertInto('att_leave').values({ pemda_id: pemda.id, pegawai_id: b.id, opd_id: opd.id, kind: 'cuti_tahunan', start_date: '2025-01-15', end_date: '2025-01-15', reason: 'x', status: 'disetujui' }).execute();
});
afterAll(async () => t?.close());

async function snapshot() {
  return (await sql<Record<string, unknown>>`
    SELECT pegawai_id, date, opd_id, status, scheduled, sched_start, sched_end, check_in, check_out, late_minutes, early_minutes, tl, psw, cut_percent, reason
    FROM att_day WHERE pemda_id = ${pemda.id} ORDER BY pegawai_id, date`.execute(t.database.db)).rows;
}

describe('daily status, bulk path', () => {
  it('COPY gives the same rows as the upsert, on an empty range and over existing rows', async () => {
    const plain = await recomputeDays(t.database.db, pemda.id, scope);
    expect(plain.days).toBe(3 * 7);
    const expected = await snapshot();
    const byKey = new Map(expected.map((r) => [`${r.pegawai_id as string}|${r.date as string}`, r]));
    const [a, b] = people as [{ id: string }, { id: string }];
    expect(byKey.get(`${a.id}|2025-01-13`)).toMatchObject({ status: 'hadir', check_in: '07:30', check_out: '16:05', late_minutes: 0, tl: 0, psw: 0 });
    expect(byKey.get(`${a.id}|2025-01-14`)).toMatchObject({ status: 'hadir', check_in: '07:10', check_out: '16:20', tl: 0 });
    expect(byKey.get(`${b.id}|2025-01-13`)).toMatchObject({ status: 'hadir', late_minutes: 45, tl: 2, early_minutes: 20, psw: 1 });
    expect(byKey.get(`${b.id}|2025-01-15`)).toMatchObject({ status: 'cuti', reason: 'cuti_tahunan' });
    expect(byKey.get(`${b.id}|2025-01-18`)).toMatchObject({ status: 'libur', reason: 'weekend', scheduled: false });
    expect(byKey.get(`${(people[2] as { id: string }).id}|2025-01-16`)).toMatchObject({ status: 'tk' });

    // Over the existing rows (replaced), then into an empty range.
    const over = await t.database.transactionWithCopy((trx, copy) => recomputeDays(trx, pemda.id, scope, { copy }));
    expect(over.days).toBe(plain.days);
    expect(await snapshot()).toEqual(expected);
    await t.database.db.deleteFrom('att_day').where('pemda_id', '=', pemda.id).execute();
    await t.database.transactionWithCopy((trx, copy) => recomputeDays(trx, pemda.id, scope, { copy }));
    expect(await snapshot()).toEqual(expected);
    expect(new Set(over.touched.map((x) => `${x.pegawaiId}|${x.year}`))).toEqual(new Set(people.map((p) => `${p.id}|2025`)));
  });

  it('recomputing one pegawai leaves the others alone', async () => {
    const before = await snapshot();
    const [a] = people as [{ id: string }];
    await t.database.db.updateTable('att_day').set({ reason: 'marker' }).where('pemda_id', '=', pemda.id).where('pegawai_id', '<>', a.id).execute();
    const result = await t.database.transactionWithCopy((trx, copy) => recomputeDays(trx, pemda.id, { ...scope, pegawaiIds: [a.id] }, { copy }));
    expect(result.days).toBe(7);
    const after = await snapshot();
    expect(after.filter((r) => r.pegawai_id === a.id)).toEqual(before.filter((r) => r.pegawai_id === a.id));
    expect(after.filter((r) => r.pegawai_id !== a.id).every((r) => r.reason === 'marker')).toBe(true);
  });
});

describe('attlog import, direct and staged paths', () => {
  it('a new file goes straight in and marks its days; a line twice in a file, and a re-import, fall back to the staged path', async () => {
    const device = await t.database.db.insertInto('att_device').values({ pemda_id: pemda.id, code: 'b2', name: 'Direct', kind: 'zkteco', opd_id: null, serial_number: null, column_map: null }).returning(['id', 'code', 'kind', 'column_map']).executeTakeFirstOrThrow();
    const [a] = people as [{ id: string }];
    await t.database.db.insertInto('att_pin_map').values({ pemda_id: pemda.id, device_id: device.id, pin: '1', pegawai_id: a.id }).execute();
    const line = (pin: string, at: string) => `${pin.padStart(9, ' ')}\t${at}\t1\t255\t1\t0`;
    async function* bytes(lines: string[]) {
      yield Buffer.from(`${lines.join('\n')}\n`);
    }
    const run = (lines: string[]) =>
      importEvents(systemCtx(t.database.db), t.database, { pemdaId: pemda.id, device, filename: 'x.dat', source: { format: 'attlog', lines: parsedAttlog(bytes(lines), 'attlog') }, userId: null });
    const fresh = await run([line('1', '2025-02-03 07:20:00'), line('1', '2025-02-03 16:10:00'), line('9', '2025-02-04 07:00:00')]);
    expect(fresh).toMatchObject({ read: 3, added: 3, duplicates: 0, unmapped: 1 });
    const dirty = await t.database.db.selectFrom('att_dirty').select(['pegawai_id', 'date']).where('pemda_id', '=', pemda.id).execute();
    expect(dirty).toEqual([{ pegawai_id: a.id, date: '2025-02-03' }]);
    const events = await t.database.db.selectFrom('att_event').select(['pegawai_id', 'import_id']).where('pemda_id', '=', pemda.id).where('device_id', '=', device.id).execute();
    expect(events.filter((e) => e.pegawai_id === a.id && e.import_id === fresh.importId)).toHaveLength(2);
    const twice = await run([line('1', '2025-02-05 07:20:00'), line('1', '2025-02-05 07:20:00')]);
    expect(twice).toMatchObject({ read: 2, added: 1, duplicates: 1, unmapped: 0 });
    const again = await run([line('1', '2025-02-03 07:20:00'), line('1', '2025-02-06 07:25:00')]);
    expect(again).toMatchObject({ read: 2, added: 1, duplicates: 1 });
  });
});
