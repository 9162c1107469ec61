import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { copyLine } from '../src/server/db/connect';
import { inTransaction, systemCtx } from '../src/server/http/context';
import { runImport } from '../src/server/modules/org/import/service';
import { createPemdaFromRegistry } from '../src/server/modules/org/wilayah';
import { benchDatabase } from './support';
import type { Bench, BenchResult } from './types';

const ROWS = 50_000;
const OPD_CODES = ['SETDA', 'DINKES', 'DISDIK', 'DISHUB', 'BAPPERIDA', 'BKPSDM', 'DPUPR', 'DINSOS'];

interface Row {
  nip: string;
  name: string;
  status: 'PNS' | 'PPPK';
  golongan: string;
  sex: 'L' | 'P';
  birthDate: string;
  opdCode: string;
  phone: string;
}

/** 50,000 distinct, valid synthetic pegawai (NIP: birth date, appointment month, sex digit, sequence). */
function makeRows(): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < ROWS; i += 1) {
    const year = 1966 + (i % 35);
    const month = String(1 + (Math.floor(i / 35) % 12)).padStart(2, '0');
    const day = String(1 + (Math.floor(i / 420) % 28)).padStart(2, '0');
    const sex = i % 2 === 0 ? 'L' : 'P';
    const sequence = String(1 + (Math.floor(i / 11760) % 999)).padStart(3, '0');
    const nip = `${year}${month}${day}${year + 24}${month}${sex === 'L' ? 1 : 2}${sequence}`;
    rows.push({ nip, name: `Pegawai Uji ${i}`, status: i % 5 === 0 ? 'PPPK' : 'PNS', golongan: i % 5 === 0 ? 'IX' : 'III/a', sex, birthDate: `${year}-${month}-${day}`, opdCode: OPD_CODES[i % OPD_CODES.length] as string, phone: `+62812${String(10_000_000 + i)}` });
  }
  return rows;
}

function toCsv(rows: Row[]): Buffer {
  const header = 'NIP;Nama;Gelar Depan;Gelar Belakang;Status;Golongan;Jenis Kelamin;Tanggal Lahir;Kode OPD;Kode Jabatan;TMT Jabatan;Telepon;Email;Kantor';
  const lines = rows.map((r) => `${r.nip};${r.name};;;${r.status};${r.golongan};${r.sex};${r.birthDate};${r.opdCode};;;${r.phone};;`);
  return Buffer.from([header, ...lines].join('\n'));
}

const bench: Bench = {
  name: 'org.import',
  async run(ctx) {
    const results: BenchResult[] = [];
    const rows = makeRows();
    const csv = toCsv(rows);
    for (const kind of ctx.databases) {
      const database = await benchDatabase(kind, ctx.postgresUrl);
      try {
        const sys = systemCtx(database.db, 'bench');
        const pemdaId = await inTransaction(sys, (tx) => createPemdaFromRegistry(tx, '19.71'));
        const baselinePemda = await inTransaction(sys, (tx) => createPemdaFromRegistry(tx, '53.71'));
        const opdIds = new Map<string, string>();
        for (const [index, code] of OPD_CODES.entries()) {
          for (const target of [pemdaId, baselinePemda]) {
            const row = await database.db.insertInto('opd').values({ pemda_id: target, code, name: `OPD ${code}`, short_name: null, kind: 'dinas', parent_id: null, wilayah_kode: null, address: null, sort_order: index }).returning('id').executeTakeFirstOrThrow();
            if (target === baselinePemda) opdIds.set(code, row.id);
          }
        }
        // Baseline: raw COPY of the same rows into the same table, on the same database, in this run.
        const copyStart = process.hrtime.bigint();
        await database.copyRows(
          'pegawai',
          ['pemda_id', 'id', 'nip', 'name', 'status', 'golongan', 'sex', 'birth_date', 'phone', 'opd_id'],
          rows.map((r) => copyLine([baselinePemda, randomUUID(), r.nip, r.name, r.status, r.golongan, r.sex, r.birthDate, r.phone, opdIds.get(r.opdCode)])),
        );
        const copySeconds = Number(process.hrtime.bigint() - copyStart) / 1e9;
        const importStart = process.hrtime.bigint();
        const result = await runImport(sys, database, { pemdaId, kind: 'pegawai', buffer: csv, filename: 'pegawai.csv', dryRun: false });
        const importSeconds = Number(process.hrtime.bigint() - importStart) / 1e9;
        if (result.inserted !== ROWS) throw new Error(`import inserted ${result.inserted} of ${ROWS} (errors: ${result.errors.length})`);
        const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pegawai WHERE pemda_id = ${pemdaId}`.execute(database.db);
        if (count.rows[0]?.n !== ROWS) throw new Error('row count mismatch');
        const copyRate = ROWS / copySeconds;
        const importRate = ROWS / importSeconds;
        results.push({ name: `org.import.pegawai_50k.${kind}`, value: Math.round(importRate), unit: 'rows/s', baseline: Math.round(copyRate), ratio: importRate / copyRate, target: 'ratio >= 0.4' });
        ctx.log(`  ${kind}: import ${importSeconds.toFixed(2)} s (parse+check+write of a CSV), raw COPY ${copySeconds.toFixed(2)} s`);
      } finally {
        await database.drop();
      }
    }
    return results;
  },
};
export default bench;
