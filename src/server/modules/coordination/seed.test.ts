import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpd, buildPemda } from '../../../../test/factories';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/db';
import { systemCtx } from '../../http/context';
import { loadCalendar } from '../../platform/calendar';
import { mulberry32 } from '../org/demo/random';
import { computeSilence } from './inbox';
import { seedCoordinationDemo } from './seed';
import { verifyDirectiveRow } from './verify';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

const NAMES: Array<[string, string]> = [
  ['Sekretariat Daerah', 'sekretariat'],
  ['Badan Pengelolaan Keuangan dan Aset Daerah', 'badan'],
  ['Badan Pendapatan Daerah', 'badan'],
  ['Badan Perencanaan, Pembangunan, Riset dan Inovasi Daerah', 'badan'],
  ['Dinas Pendidikan', 'dinas'],
  ['Dinas Kesehatan', 'dinas'],
  ['Dinas Sosial', 'dinas'],
  ['Dinas Perikanan', 'dinas'],
  ['Dinas Pemuda dan Olahraga', 'dinas'],
  ['Dinas Pekerjaan Umum dan Penataan Ruang', 'dinas'],
  ['Kecamatan Taman Sari', 'kecamatan'],
  ['Kecamatan Bukit Intan', 'kecamatan'],
  ['Kelurahan Opas Indah', 'kelurahan'],
  ['Kelurahan Bukit Besar', 'kelurahan'],
];

// Both seeds of the determinism test share one clock: events laid out "up to now" would otherwise differ when
// the real time passes one of them between the two runs.
const NOW = new Date();

async function seededPemda(kode?: string) {
  const pemda = await buildPemda(database.db, kode);
  for (const [index, [name, kind]] of NAMES.entries()) await buildOpd(database.db, pemda.id, { name, kind, code: `D${pemda.kode.replace('.', '')}-${index}` });
  const started = Date.now();
  await seedCoordinationDemo({ db: database.db, pemdaId: pemda.id, pegawaiCount: 0, random: mulberry32(42), log: () => undefined, now: NOW });
  return { pemda, ms: Date.now() - started };
}

describe('coordination demo data', () => {
  it('is fast, has the 21 points as signed directives, and exactly two silent OPDs', async () => {
    const { pemda, ms } = await seededPemda();
    expect(ms).toBeLessThan(10_000);
    const directives = await database.db.selectFrom('coord_directive').selectAll().where('pemda_id', '=', pemda.id).orderBy('number').execute();
    expect(directives.length).toBeGreaterThanOrEqual(21 + 10);
    const points = directives.filter((d) => d.text.startsWith('Semua ASN') || d.text.startsWith('Abaikan siapa pun'));
    expect(points.length).toBeGreaterThanOrEqual(5);
    for (const row of directives) expect((await verifyDirectiveRow(database.db, row)).valid, row.number).toBe(true);
    const calendar = await loadCalendar(database.db, pemda.id);
    const silence = await computeSilence(database.db, pemda.id, calendar, { silenceDays: 7 });
    const silent = silence.filter((s) => s.silent).map((s) => s.opdName).sort();
    expect(silent).toEqual(['Dinas Pemuda dan Olahraga', 'Dinas Perikanan']);
    expect(Math.min(...silence.filter((s) => s.silent).map((s) => s.daysSilent))).toBeGreaterThanOrEqual(12);
    const statuses = await database.db.selectFrom('coord_assignment').select('status').where('pemda_id', '=', pemda.id).execute();
    const kinds = new Set(statuses.map((s) => s.status));
    for (const status of ['belum', 'proses', 'diterima']) expect(kinds.has(status as never), status).toBe(true);
    const meetings = await database.db.selectFrom('coord_meeting').select(['place', 'kind']).where('pemda_id', '=', pemda.id).execute();
    expect(meetings.some((m) => m.place.includes('Balai Besar Betason') && m.kind === 'coffee_morning')).toBe(true);
    // Seeding twice changes nothing.
    await seedCoordinationDemo({ db: database.db, pemdaId: pemda.id, pegawaiCount: 0, random: mulberry32(42), log: () => undefined, now: NOW });
    expect(await database.db.selectFrom('coord_directive').select('id').where('pemda_id', '=', pemda.id).execute()).toHaveLength(directives.length);
    expect(systemCtx(database.db).actor.kind).toBe('system');
  });

  it('is deterministic: the same OPDs and seed give the same history', async () => {
    const shape = async (pemdaId: string) => {
      const rows = await database.db
        .selectFrom('coord_assignment as a')
        .innerJoin('coord_directive as d', (j) => j.onRef('d.pemda_id', '=', 'a.pemda_id').onRef('d.id', '=', 'a.directive_id'))
        .innerJoin('opd as o', (j) => j.onRef('o.pemda_id', '=', 'a.pemda_id').onRef('o.id', '=', 'a.opd_id'))
        .select(['d.number', 'd.code', 'o.name', 'a.status', 'a.due_date', 'a.completed_on'])
        .where('a.pemda_id', '=', pemdaId)
        .orderBy('d.number')
        .orderBy('o.name')
        .execute();
      return rows.map((r) => `${r.number}|${r.code.slice(5)}|${r.name}|${r.status}|${r.due_date}|${r.completed_on}`);
    };
    // Two Pemdas in the same time zone (both WIB): the history is laid out in local working hours, so Pemdas in
    // different zones rightly differ around "now".
    const a = await seededPemda('31.71');
    const b = await seededPemda('32.73');
    expect(await shape(b.pemda.id)).toEqual(await shape(a.pemda.id));
  });
});
