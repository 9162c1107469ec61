import type { Kysely } from 'kysely';
import type { DemoSeedContext } from '../..';
import type { DB } from '../../../db/schema';
import { systemCtx, type TxCtx } from '../../../http/context';
import { writeAudit } from '../../../platform/audit';
import { currentYearMonth, refreshRollup } from '../rollup';
import { protectedReason } from '../rules';
import { createPostponement, evaluateShortfall } from '../service-shortfall';
import { putRpjmd } from '../service-rpjmd';
import { GAJI, penunjang, SASARAN_OF, TEKNIS, UNLINKED_MAINTENANCE, URUSAN, type Profile, type SubSpec } from './catalog';
import { demoRpjmdFullPeriod, IKU_PERFORMANCE, PAD_SOURCES, SEASONS } from './plan';

/**
 * Demo budget of Kota Pangkal Pinang for the current year (realisation to last month) and the two before
 * (complete), PAD with seasonal history, the RPJMD with quarterly IKU values, and the postponement proposal the
 * shortfall rule draws up for this year. Deterministic for a given day: every figure comes from `random`.
 */
const KAS: Record<Profile, number[]> = {
  // Salaries: twelve months plus the 13th (June) and 14th (THR, April) payments.
  gaji: [1, 1, 1, 2, 1, 2, 1, 1, 1, 1, 1, 1].map((v) => v / 14),
  fisik: [0, 0, 0, 0.05, 0.1, 0.05, 0.1, 0.1, 0.15, 0.15, 0.15, 0.15],
  lambat: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.3, 0.7],
  nonfisik: [0.04, 0.06, 0.08, 0.08, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09, 0.1, 0.1],
  // BOS funds arrive in tranches.
  bos: [0, 0, 0.3, 0, 0, 0, 0, 0.4, 0, 0, 0.3, 0],
};
const FISIK: Record<Profile, number[]> = {
  gaji: [8, 17, 25, 33, 42, 50, 58, 67, 75, 83, 92, 100],
  fisik: [0, 0, 2, 5, 10, 20, 35, 50, 65, 80, 92, 100],
  lambat: [0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 50, 100],
  nonfisik: [8, 16, 25, 33, 41, 50, 58, 66, 75, 83, 91, 100],
  bos: [10, 20, 30, 35, 40, 50, 60, 70, 75, 85, 95, 100],
};
const GROWTH: Record<number, number> = { 0: 1, 1: 0.96, 2: 0.92 };

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Math.floor(random() * 4) + 8) as number).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Split an amount over months by weights, in whole thousands, the remainder on the last paying month. */
function spread(total: number, weights: number[]): number[] {
  const sumW = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.round((total * w) / sumW / 1000) * 1000);
  const last = weights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0).pop() ?? 11;
  out[last] = (out[last] ?? 0) + total - out.reduce((a, b) => a + b, 0);
  return out;
}

async function insertChunks<T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: Array<Record<string, unknown>>, size = 800): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

export async function seedBudgetDemo(seed: DemoSeedContext): Promise<void> {
  const { db, pemdaId, random, log } = seed;
  const sys = systemCtx(db, 'seed-demo');
  const now = currentYearMonth();
  const reportedTo = (year: number) => (year < now.year ? 12 : Math.max(1, now.month - 1));
  await putRpjmd(sys, pemdaId, demoRpjmdFullPeriod());
  const sasaran = new Map((await db.selectFrom('budget_sasaran').select(['id', 'kode']).where('pemda_id', '=', pemdaId).execute()).map((s) => [s.kode, s.id]));
  const opds = await db.selectFrom('opd').select(['id', 'code', 'kind', 'wilayah_kode']).where('pemda_id', '=', pemdaId).where('active', '=', true).where('kind', 'not in', ['kelurahan', 'uptd']).orderBy('sort_order').execute();
  const kelurahan = await db.selectFrom('wilayah').select(['kode', 'parent_kode']).where('pemda_id', '=', pemdaId).where('level', 'in', ['kelurahan', 'desa']).orderBy('kode').execute();
  const programs: Array<Record<string, unknown>> = [];
  const kegiatan: Array<Record<string, unknown>> = [];
  const subs: Array<Record<string, unknown>> = [];
  const months: Array<Record<string, unknown>> = [];
  const years = [now.year - 2, now.year - 1, now.year];
  for (const year of years) {
    const programIds = new Map<string, string>();
    const kegiatanIds = new Map<string, string>();
    for (const opd of opds) {
      const isKecamatan = opd.kind === 'kecamatan';
      const urusan = isKecamatan ? '7.01' : URUSAN[opd.code];
      if (!urusan) continue;
      const specs: SubSpec[] = [...penunjang(urusan, 'S.4.1.1', !UNLINKED_MAINTENANCE.has(opd.code)), ...(isKecamatan ? (TEKNIS.KECAMATAN ?? []) : (TEKNIS[opd.code] ?? []))];
      const places = isKecamatan ? kelurahan.filter((k) => k.parent_kode === opd.wilayah_kode) : kelurahan;
      for (const spec of specs) {
        const programKey = `${opd.id}|${spec.program[0]}`;
        let programId = programIds.get(programKey);
        if (!programId) {
          programId = uuidFrom(random);
          programIds.set(programKey, programId);
          programs.push({ pemda_id: pemdaId, id: programId, tahun: year, opd_id: opd.id, kode: spec.program[0], nama: spec.program[1] });
        }
        const kegiatanKey = `${programId}|${spec.kegiatan[0]}`;
        let kegiatanId = kegiatanIds.get(kegiatanKey);
        if (!kegiatanId) {
          kegiatanId = uuidFrom(random);
          kegiatanIds.set(kegiatanKey, kegiatanId);
          kegiatan.push({ pemda_id: pemdaId, id: kegiatanId, program_id: programId, kode: spec.kegiatan[0], nama: spec.kegiatan[1] });
        }
        const baseJuta = spec.profile === 'gaji' ? (GAJI[opd.code] ?? (isKecamatan ? 6_200 : 5_400)) : spec.paguJuta;
        const pagu = Math.round(baseJuta * (GROWTH[now.year - year] ?? 1) * (0.96 + 0.08 * random())) * 1_000_000;
        const kode = `${spec.kegiatan[0]}.${spec.nomor}`;
        const current = year === now.year;
        const jenis = spec.profile === 'fisik' || spec.profile === 'lambat' ? 'fisik' : 'non_fisik';
        const lambat = spec.profile === 'lambat' && current;
        const rule = protectedReason(kode, spec.nama);
        const id = uuidFrom(random);
        const lokasi = spec.lokasi !== undefined && places.length > 0 ? (places[spec.lokasi % places.length]?.kode ?? null) : null;
        const sasaranKode = spec.sasaran === null ? null : (spec.sasaran ?? SASARAN_OF[opd.code] ?? 'S.4.1.1');
        subs.push({
          pemda_id: pemdaId, id, tahun: year, opd_id: opd.id, kegiatan_id: kegiatanId, kode, nama: spec.nama, pagu, pagu_perubahan: null, wilayah_kode: lokasi, unit_id: null,
          sasaran_id: sasaranKode ? (sasaran.get(sasaranKode) ?? null) : null, jenis, mendesak: spec.mendesak ?? false, dilindungi: rule !== null, dilindungi_alasan: rule?.id ?? null,
          status_kontrak: jenis === 'non_fisik' ? 'swakelola' : lambat ? 'belum' : 'kontrak',
        });
        const kas = spread(pagu, KAS[spec.profile]);
        const plan = FISIK[spec.profile];
        const late = spec.terlambat === true && current;
        const q = late ? 0.45 + 0.1 * random() : 0.965 + 0.035 * random();
        let cumulativeReal = 0;
        let previousFisik = 0;
        for (let m = 1; m <= 12; m += 1) {
          const reported = m <= reportedTo(year);
          const planned = plan[m - 1] ?? 0;
          let realK: number | null = null;
          let realF: number | null = null;
          if (reported) {
            realK = lambat ? 0 : Math.min(pagu - cumulativeReal, Math.round(((kas[m - 1] ?? 0) * q) / 1000) * 1000);
            cumulativeReal += realK;
            realF = lambat ? 0 : Math.max(previousFisik, Math.round(planned * q * 100) / 100);
            previousFisik = realF;
          }
          months.push({ pemda_id: pemdaId, sub_kegiatan_id: id, bulan: m, rencana_keuangan: kas[m - 1] ?? 0, rencana_fisik: planned, realisasi_keuangan: realK, realisasi_fisik: realF, sp2d_ref: null, updated_by: null });
        }
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    await insertChunks(trx, 'budget_program', programs);
    await insertChunks(trx, 'budget_kegiatan', kegiatan);
    await insertChunks(trx, 'budget_sub_kegiatan', subs, 400);
    await insertChunks(trx, 'budget_bulanan', months, 1500);
    for (const year of years) await refreshRollup(trx, pemdaId, year);
    await seedRevenue(trx, pemdaId, random, years, reportedTo);
    await seedIku(trx, pemdaId, random, now);
    const tx: TxCtx = { ...sys, db: trx };
    await writeAudit(tx, { pemdaId, action: 'seed.demo.budget', entityType: 'pemda', entityId: pemdaId, detail: { synthetic: true, program: programs.length, subKegiatan: subs.length, bulan: months.length } });
  });
  const evaluation = await evaluateShortfall(sys, pemdaId, now.year);
  if (evaluation.terpicu) await createPostponement(sys, pemdaId, now.year);
  const total = subs.filter((s) => s.tahun === now.year).reduce((a, s) => a + Number(s.pagu), 0);
  log(`  anggaran: ${subs.length} sub kegiatan (${years.join(', ')}), APBD ${now.year} Rp ${(total / 1e12).toFixed(2)} T, PAD ${PAD_SOURCES.length} sumber, proyeksi kurang ${evaluation.selisihPersen ?? 0} %`);
}

async function seedRevenue(db: Kysely<DB>, pemdaId: string, random: () => number, years: number[], reportedTo: (year: number) => number): Promise<void> {
  const current = years[years.length - 1] as number;
  const sources: Array<Record<string, unknown>> = [];
  const targets: Array<Record<string, unknown>> = [];
  const actuals: Array<Record<string, unknown>> = [];
  for (const spec of PAD_SOURCES) {
    const id = uuidFrom(random);
    sources.push({ pemda_id: pemdaId, id, kode: spec.kode, nama: spec.nama, kelompok: spec.kelompok, opd_id: null });
    for (const year of years) {
      if (spec.sejak && year < spec.sejak) continue;
      const growth = year === current ? 1 : year === current - 1 ? 0.93 : 0.86;
      const murni = Math.round(spec.targetMiliar * growth * 1000) * 1_000_000;
      // The revised APBD (adopted in September) raises optimistic targets; the demo's BPHTB is one of them.
      const perubahan = year === current ? (spec.kode === '4.1.01.16' || spec.kode === '4.1.01.15' ? Math.round(murni * 1.04) : null) : Math.round(murni * (0.98 + 0.04 * random()));
      targets.push({ pemda_id: pemdaId, sumber_id: id, tahun: year, target_murni: murni, target_perubahan: perubahan });
      const season = SEASONS[spec.season];
      const level = year === current ? spec.kinerja2026 : 0.99 + 0.05 * random();
      for (let m = 1; m <= reportedTo(year); m += 1) {
        const amount = Math.round((murni * (season[m - 1] ?? 0) * level * (0.97 + 0.06 * random())) / 1000) * 1000;
        actuals.push({ pemda_id: pemdaId, sumber_id: id, tahun: year, bulan: m, jumlah: amount });
      }
    }
  }
  await insertChunks(db, 'budget_pad_sumber', sources);
  await insertChunks(db, 'budget_pad_target', targets);
  await insertChunks(db, 'budget_pad_realisasi', actuals);
}

async function seedIku(db: Kysely<DB>, pemdaId: string, random: () => number, now: { year: number; month: number }): Promise<void> {
  const ikus = await db
    .selectFrom('budget_iku as i')
    .innerJoin('budget_iku_target as t', (j) => j.onRef('t.pemda_id', '=', 'i.pemda_id').onRef('t.iku_id', '=', 'i.id'))
    .select(['i.id', 'i.kode', 'i.arah', 't.tahun', 't.target'])
    .where('i.pemda_id', '=', pemdaId)
    .execute();
  const rows: Array<Record<string, unknown>> = [];
  for (const iku of ikus) {
    // Finished quarters only: all of a past year, none of a future one.
    const lastQuarter = iku.tahun < now.year ? 4 : iku.tahun > now.year ? 0 : Math.floor((now.month - 1) / 3);
    const performance = IKU_PERFORMANCE[iku.kode] ?? 1;
    for (let q = 1; q <= lastQuarter; q += 1) {
      const drift = performance * (0.985 + 0.03 * random());
      const value = iku.arah === 'naik' ? iku.target * drift : iku.target / drift;
      rows.push({ pemda_id: pemdaId, iku_id: iku.id, tahun: iku.tahun, triwulan: q, nilai: Math.round(value * 100) / 100, bukti: `Laporan capaian ${iku.kode} triwulan ${q} ${iku.tahun} (dokumen demo)`, bukti_url: null, recorded_by: null });
    }
  }
  await insertChunks(db, 'budget_iku_realisasi', rows);
}
