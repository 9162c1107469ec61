import { z } from 'zod';
import { ZLocalized, ZPlainText } from './common';

/** Budget, revenue and plans (issue 8; rules in docs BRIEF §4.10). Money in rupiah, percentages 0–100. */

export const BANDS = ['sangat_tinggi', 'tinggi', 'sedang', 'rendah', 'sangat_rendah'] as const;
export const ZBand = z.enum(BANDS);
export type TBand = z.infer<typeof ZBand>;

const ZYear = z.coerce.number().int().min(2000).max(2100);
const ZMonth = z.coerce.number().int().min(1).max(12);

export const ZYearQuery = z.object({ tahun: ZYear.optional(), bulan: ZMonth.optional() });
export type TYearQuery = z.infer<typeof ZYearQuery>;

export const ZCurvePoint = z.object({
  bulan: z.number(),
  rencanaKeuangan: z.number(),
  realisasiKeuangan: z.number().nullable(),
  rencanaFisik: z.number().nullable(),
  realisasiFisik: z.number().nullable(),
});
export type TCurvePoint = z.infer<typeof ZCurvePoint>;

export const ZOpdSummary = z.object({
  opdId: z.string(),
  opdCode: z.string(),
  opdName: z.string(),
  jumlahSub: z.number(),
  pagu: z.number(),
  rencanaKeuangan: z.number(),
  realisasiKeuangan: z.number(),
  persenKeuangan: z.number().nullable(),
  persenRencanaKeuangan: z.number().nullable(),
  rencanaFisik: z.number().nullable(),
  realisasiFisik: z.number().nullable(),
  deviasiFisik: z.number().nullable(),
  deviasiKeuangan: z.number().nullable(),
  jumlahKritis: z.number(),
  capaian: z.number().nullable(),
  band: ZBand.nullable(),
  rank: z.number().nullable(),
  adaLaporan: z.boolean(),
});
export type TOpdSummary = z.infer<typeof ZOpdSummary>;

export const ZOverview = z.object({
  tahun: z.number(),
  bulan: z.number(),
  tahunTersedia: z.array(z.number()),
  total: ZOpdSummary.omit({ opdId: true, opdCode: true, opdName: true, rank: true }),
  opd: z.array(ZOpdSummary),
  kurva: z.array(ZCurvePoint),
});
export type TOverview = z.infer<typeof ZOverview>;

export const ZSubKegiatanRow = z.object({
  id: z.string(),
  kode: z.string(),
  nama: z.string(),
  programKode: z.string(),
  programNama: z.string(),
  kegiatanKode: z.string(),
  kegiatanNama: z.string(),
  pagu: z.number(),
  paguEfektif: z.number(),
  wilayahKode: z.string().nullable(),
  wilayahNama: z.string().nullable(),
  sasaranKode: z.string().nullable(),
  jenis: z.enum(['fisik', 'non_fisik']),
  mendesak: z.boolean(),
  dilindungi: z.boolean(),
  dilindungiAlasan: z.string().nullable(),
  statusKontrak: z.enum(['belum', 'proses', 'kontrak', 'swakelola']),
  status: z.enum(['aktif', 'ditunda']),
  rencanaKeuangan: z.number(),
  realisasiKeuangan: z.number(),
  persenKeuangan: z.number().nullable(),
  rencanaFisik: z.number(),
  realisasiFisik: z.number(),
  deviasiFisik: z.number(),
  kritis: z.boolean(),
  band: ZBand.nullable(),
});
export type TSubKegiatanRow = z.infer<typeof ZSubKegiatanRow>;

export const ZOpdBudget = z.object({
  tahun: z.number(),
  bulan: z.number(),
  tahunTersedia: z.array(z.number()),
  summary: ZOpdSummary,
  kurva: z.array(ZCurvePoint),
  subKegiatan: z.array(ZSubKegiatanRow),
  canWrite: z.boolean(),
});
export type TOpdBudget = z.infer<typeof ZOpdBudget>;

export const ZMonthRow = z.object({
  bulan: z.number(),
  rencanaKeuangan: z.number(),
  rencanaFisik: z.number(),
  realisasiKeuangan: z.number().nullable(),
  realisasiFisik: z.number().nullable(),
  sp2dRef: z.string().nullable(),
});
export const ZSubKegiatanDetail = z.object({
  row: ZSubKegiatanRow,
  opdId: z.string(),
  opdName: z.string(),
  tahun: z.number(),
  bulan: z.array(ZMonthRow),
  canWrite: z.boolean(),
});
export type TSubKegiatanDetail = z.infer<typeof ZSubKegiatanDetail>;

export const ZRealisasiRequest = z
  .object({
    realisasiKeuangan: z.number().min(0).max(1e15).nullable(),
    realisasiFisik: z.number().min(0).max(100).nullable(),
    sp2dRef: ZPlainText(200).nullable().optional(),
  })
  .strict();
export type TRealisasiRequest = z.infer<typeof ZRealisasiRequest>;

export const ZSubKegiatanUpdate = z
  .object({
    jenis: z.enum(['fisik', 'non_fisik']).optional(),
    mendesak: z.boolean().optional(),
    dilindungi: z.boolean().optional(),
    statusKontrak: z.enum(['belum', 'proses', 'kontrak', 'swakelola']).optional(),
    sasaranKode: z.string().max(40).nullable().optional(),
  })
  .strict();
export type TSubKegiatanUpdate = z.infer<typeof ZSubKegiatanUpdate>;

// Revenue ---------------------------------------------------------------------------------------------------
export const PAD_KELOMPOK = ['pajak', 'retribusi', 'kekayaan_dipisahkan', 'lain_lain'] as const;
export const ZPadKelompok = z.enum(PAD_KELOMPOK);

export const ZRevenueSource = z.object({
  id: z.string(),
  kode: z.string(),
  nama: z.string(),
  kelompok: ZPadKelompok,
  targetMurni: z.number(),
  targetPerubahan: z.number().nullable(),
  target: z.number(),
  bulanan: z.array(z.number().nullable()),
  realisasi: z.number(),
  persen: z.number().nullable(),
  proyeksi: z.number(),
  metode: z.enum(['musiman', 'linear']),
  selisih: z.number(),
});
export type TRevenueSource = z.infer<typeof ZRevenueSource>;

export const ZRevenue = z.object({
  tahun: z.number(),
  bulan: z.number(),
  tahunTersedia: z.array(z.number()),
  sumber: z.array(ZRevenueSource),
  kelompok: z.array(z.object({ kelompok: ZPadKelompok, target: z.number(), realisasi: z.number(), proyeksi: z.number() })),
  total: z.object({ target: z.number(), realisasi: z.number(), persen: z.number().nullable(), proyeksi: z.number(), selisih: z.number(), metode: z.enum(['musiman', 'linear']), tahunPola: z.array(z.number()) }),
  kurva: z.array(z.object({ bulan: z.number(), realisasiKumulatif: z.number().nullable(), targetLinear: z.number(), proyeksiKumulatif: z.number().nullable() })),
});
export type TRevenue = z.infer<typeof ZRevenue>;

export const ZPadRealisasiRequest = z.object({ jumlah: z.number().min(-1e14).max(1e15) }).strict();
export const ZPadTargetRequest = z.object({ targetMurni: z.number().min(0).max(1e15), targetPerubahan: z.number().min(0).max(1e15).nullable() }).strict();

// Shortfall rule ----------------------------------------------------------------------------------------------
export const POSTPONE_CRITERIA = ['keterkaitan_prioritas', 'progres_terendah', 'sisa_terbesar'] as const;
export const ZCriterion = z.enum(POSTPONE_CRITERIA);

export const ZBudgetSettings = z
  .object({
    ambangPersen: z.number().min(0).max(50),
    kriteria: z.array(ZCriterion).min(1).max(3),
    dasarHukum: ZPlainText(300).nullable(),
  })
  .strict();
export type TBudgetSettings = z.infer<typeof ZBudgetSettings>;

export const ZPostponeItem = z.object({
  subKegiatanId: z.string(),
  kode: z.string(),
  nama: z.string(),
  opdId: z.string(),
  opdName: z.string(),
  urutan: z.number(),
  jumlah: z.number(),
  alasan: ZLocalized,
  termasuk: z.boolean(),
  ditambahKepala: z.boolean(),
  realisasiFisik: z.number(),
});
export type TPostponeItem = z.infer<typeof ZPostponeItem>;

export const ZShortfall = z.object({
  tahun: z.number(),
  bulan: z.number(),
  target: z.number(),
  proyeksi: z.number(),
  selisih: z.number(),
  selisihPersen: z.number().nullable(),
  ambangPersen: z.number(),
  terpicu: z.boolean(),
  settings: ZBudgetSettings,
  usulan: z.array(ZPostponeItem),
  tertutup: z.number(),
  cukup: z.boolean(),
});
export type TShortfall = z.infer<typeof ZShortfall>;

export const ZPostponement = z.object({
  id: z.string(),
  tahun: z.number(),
  bulanDasar: z.number(),
  targetPad: z.number(),
  proyeksiPad: z.number(),
  selisih: z.number(),
  ambangPersen: z.number(),
  kriteria: z.array(z.string()),
  status: z.enum(['diusulkan', 'disetujui', 'ditolak']),
  dibuatPada: z.string(),
  diputuskanPada: z.string().nullable(),
  diputuskanPeran: z.string().nullable(),
  catatanKeputusan: z.string().nullable(),
  jumlahDitunda: z.number(),
  items: z.array(ZPostponeItem),
  canDecide: z.boolean(),
});
export type TPostponement = z.infer<typeof ZPostponement>;

export const ZPostponementCreate = z.object({ tahun: z.number().int().min(2000).max(2100) }).strict();
export const ZPostponementDecision = z
  .object({
    keputusan: z.enum(['setujui', 'tolak']),
    /** The list as the head approves it: Pamong's proposal with items removed or eligible ones added. */
    subKegiatanIds: z.array(z.uuid()).max(2000).optional(),
    catatan: ZPlainText(1000),
  })
  .strict();
export type TPostponementDecision = z.infer<typeof ZPostponementDecision>;

// Plans: RPJMD cascade and IKU ----------------------------------------------------------------------------------
export const ZIkuRow = z.object({
  id: z.string(),
  kode: z.string(),
  nama: z.string(),
  satuan: z.string(),
  arah: z.enum(['naik', 'turun']),
  opdId: z.string().nullable(),
  opdName: z.string().nullable(),
  sasaranKode: z.string(),
  /** Kondisi awal, when the planner entered one. */
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  triwulan: z.array(z.object({ triwulan: z.number(), nilai: z.number(), bukti: z.string(), buktiUrl: z.string().nullable(), buktiFile: z.object({ name: z.string(), url: z.string() }).nullable(), capaian: z.number().nullable(), band: ZBand.nullable() }).nullable()),
  capaian: z.number().nullable(),
  band: ZBand.nullable(),
});
export type TIkuRow = z.infer<typeof ZIkuRow>;

export const ZRpjmd = z.object({
  id: z.string(),
  periodStart: z.number(),
  periodEnd: z.number(),
  visi: z.string(),
  tahun: z.number(),
  misi: z.array(
    z.object({
      nomor: z.number(),
      uraian: z.string(),
      tujuan: z.array(
        z.object({
          kode: z.string(),
          uraian: z.string(),
          sasaran: z.array(z.object({ id: z.string(), kode: z.string(), uraian: z.string(), prioritas: z.boolean(), jumlahSub: z.number(), pagu: z.number(), iku: z.array(ZIkuRow) })),
        }),
      ),
    }),
  ),
});
export type TRpjmd = z.infer<typeof ZRpjmd>;

const ZTargetValue = z.number().min(-1e12).max(1e12);
const ZIkuInput = z.object({
  kode: z.string().trim().min(1).max(40),
  nama: ZPlainText(300),
  satuan: ZPlainText(40),
  arah: z.enum(['naik', 'turun']),
  opdCode: z.string().max(64).nullable().optional(),
  /** Kondisi awal (usually the year before the period). */
  baseline: ZTargetValue.nullable().optional(),
  /** Yearly targets keyed by year ("2026"); each year must lie within the RPJMD period. */
  target: z.record(z.string().regex(/^\d{4}$/), ZTargetValue).optional(),
});
const ZSasaranInput = z.object({ kode: z.string().trim().min(1).max(40), uraian: ZPlainText(1000), prioritas: z.boolean().default(false), iku: z.array(ZIkuInput).max(100).default([]) });
const ZTujuanInput = z.object({ kode: z.string().trim().min(1).max(40), uraian: ZPlainText(1000), sasaran: z.array(ZSasaranInput).max(100) });
const ZMisiInput = z.object({ nomor: z.number().int().min(1).max(20), uraian: ZPlainText(1000), tujuan: z.array(ZTujuanInput).max(100) });
export const ZRpjmdInput = z
  .object({
    periodStart: z.number().int().min(2000).max(2100),
    periodEnd: z.number().int().min(2000).max(2100),
    visi: ZPlainText(1000),
    legalBasis: ZPlainText(300).nullable().optional(),
    misi: z.array(ZMisiInput).min(1).max(20),
    /**
     * When true the body is the whole cascade of this period: missions, goals, targets, IKU and yearly targets it
     * no longer holds are removed. Refused (409, nothing saved) for an IKU with recorded realisation or evidence
     * and for a target (sasaran) that sub-activities link to. Without it (the default) nodes are only added or
     * updated, so sending the same body again changes nothing.
     */
    prune: z.boolean().optional(),
    /**
     * The `version` of GET /budget/rpjmd/editable this body was made from. When given and the stored cascade has
     * changed since (another planner saved), the save is refused (409) instead of overwriting their work.
     */
    expectedVersion: z.string().max(128).optional(),
  })
  .strict();
export type TRpjmdInput = z.infer<typeof ZRpjmdInput>;

/**
 * The cascade as the editor loads it: exactly what PUT /budget/rpjmd accepts (all yearly targets, not one year's),
 * plus read-only facts the editor shows (linked sub-activities, recorded IKU quarters) and the OPD to choose from.
 */
export const ZRpjmdEditable = z.object({
  exists: z.boolean(),
  /** Changes whenever the stored cascade does; send it back as `expectedVersion`. */
  version: z.string(),
  periodStart: z.number(),
  periodEnd: z.number(),
  visi: z.string(),
  legalBasis: z.string().nullable(),
  misi: z.array(
    z.object({
      nomor: z.number(),
      uraian: z.string(),
      tujuan: z.array(
        z.object({
          kode: z.string(),
          uraian: z.string(),
          sasaran: z.array(
            z.object({
              kode: z.string(),
              uraian: z.string(),
              prioritas: z.boolean(),
              jumlahSub: z.number(),
              iku: z.array(z.object({ kode: z.string(), nama: z.string(), satuan: z.string(), arah: z.enum(['naik', 'turun']), opdCode: z.string().nullable(), baseline: z.number().nullable(), target: z.record(z.string(), z.number()), jumlahRealisasi: z.number() })),
            }),
          ),
        }),
      ),
    }),
  ),
  opds: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type TRpjmdEditable = z.infer<typeof ZRpjmdEditable>;

export const ZIkuRealisasiRequest = z
  .object({ nilai: z.number().min(-1e12).max(1e12), bukti: ZPlainText(500), buktiUrl: z.url().max(500).nullable().optional() })
  .strict();

export const ZAlignment = z.object({
  tahun: z.number(),
  totalSub: z.number(),
  totalPagu: z.number(),
  selaras: z.object({ jumlah: z.number(), pagu: z.number() }),
  prioritas: z.object({ jumlah: z.number(), pagu: z.number() }),
  perMisi: z.array(z.object({ nomor: z.number(), uraian: z.string(), jumlah: z.number(), pagu: z.number() })),
  tanpaSasaran: z.array(z.object({ id: z.string(), kode: z.string(), nama: z.string(), opdId: z.string(), opdName: z.string(), pagu: z.number() })),
  sasaranTanpaKegiatan: z.array(z.object({ kode: z.string(), uraian: z.string() })),
  ikuTanpaTarget: z.array(z.object({ kode: z.string(), nama: z.string() })),
});
export type TAlignment = z.infer<typeof ZAlignment>;

export const ZBudgetImportResult = z.object({
  dryRun: z.boolean(),
  totalRows: z.number(),
  valid: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string().optional(), reason: ZLocalized })),
});
export type TBudgetImportResult = z.infer<typeof ZBudgetImportResult>;
