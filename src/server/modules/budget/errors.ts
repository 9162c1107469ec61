import { defineErrors } from '../../http/errors';

export const BudgetErrors = defineErrors({
  BUDGET_OPD_NOT_FOUND: { status: 404, id: 'OPD tidak ditemukan.', en: 'OPD not found.' },
  BUDGET_SUB_KEGIATAN_NOT_FOUND: { status: 404, id: 'Sub kegiatan tidak ditemukan.', en: 'Sub-activity not found.' },
  BUDGET_NO_APBD: { status: 404, id: 'Belum ada APBD tahun {tahun}.', en: 'There is no budget for {tahun} yet.' },
  BUDGET_FISIK_DECREASING: {
    status: 400,
    id: 'Progres fisik kumulatif bulan {bulan} ({nilai} %) tidak boleh lebih kecil dari bulan sebelumnya ({sebelumnya} %).',
    en: 'Cumulative physical progress for month {bulan} ({nilai} %) cannot be below the previous month ({sebelumnya} %).',
  },
  BUDGET_OVER_PAGU: {
    status: 400,
    id: 'Realisasi kumulatif (Rp {total}) melebihi pagu efektif (Rp {pagu}).',
    en: 'Cumulative realisation (Rp {total}) exceeds the effective ceiling (Rp {pagu}).',
  },
  BUDGET_FUTURE_MONTH: { status: 400, id: 'Realisasi bulan {bulan} {tahun} belum dapat diisi.', en: 'Realisation for {bulan}/{tahun} cannot be entered yet.' },
  BUDGET_POSTPONED: { status: 400, id: 'Sub kegiatan ini ditunda; realisasi tidak dapat diisi.', en: 'This sub-activity is postponed; no realisation can be entered.' },
  BUDGET_PROTECTED_FIXED: {
    status: 400,
    id: 'Sub kegiatan ini dilindungi karena {alasan}; status lindung tidak dapat dicabut.',
    en: 'This sub-activity is protected ({alasan}); the protection cannot be removed.',
  },
  BUDGET_SASARAN_NOT_FOUND: { status: 400, id: 'Sasaran {kode} tidak ada di RPJMD.', en: 'Target {kode} does not exist in the RPJMD.' },
  BUDGET_SOURCE_NOT_FOUND: { status: 404, id: 'Sumber PAD tidak ditemukan.', en: 'Revenue source not found.' },
  BUDGET_IKU_NOT_FOUND: { status: 404, id: 'IKU tidak ditemukan.', en: 'Key indicator not found.' },
  BUDGET_NO_RPJMD: { status: 404, id: 'RPJMD belum diisi.', en: 'No RPJMD has been entered.' },
  BUDGET_NO_SHORTFALL: {
    status: 400,
    id: 'Proyeksi kekurangan PAD ({persen} %) belum melewati ambang {ambang} %; usulan penundaan tidak diperlukan.',
    en: 'The projected revenue shortfall ({persen} %) does not exceed the {ambang} % threshold; no postponement is needed.',
  },
  BUDGET_POSTPONEMENT_OPEN: { status: 409, id: 'Masih ada usulan penundaan tahun {tahun} yang menunggu keputusan.', en: 'A postponement proposal for {tahun} is still awaiting a decision.' },
  BUDGET_POSTPONEMENT_NOT_FOUND: { status: 404, id: 'Usulan penundaan tidak ditemukan.', en: 'Postponement proposal not found.' },
  BUDGET_POSTPONEMENT_DECIDED: { status: 409, id: 'Usulan ini sudah diputuskan ({status}).', en: 'This proposal has already been decided ({status}).' },
  BUDGET_NOT_POSTPONABLE: {
    status: 400,
    id: 'Sub kegiatan {kode} tidak dapat ditunda: {alasan}.',
    en: 'Sub-activity {kode} cannot be postponed: {alasan}.',
  },
  BUDGET_POSTPONE_EMPTY: { status: 400, id: 'Daftar penundaan yang disetujui tidak boleh kosong; pilih "tolak" bila tidak ada yang ditunda.', en: 'The approved list cannot be empty; choose "reject" if nothing is postponed.' },
  BUDGET_PERIOD_INVALID: { status: 400, id: 'Periode RPJMD {start}–{end} tidak valid (paling lama 5 tahun).', en: 'RPJMD period {start}–{end} is not valid (at most 5 years).' },
  BUDGET_OPD_CODE_UNKNOWN: { status: 400, id: 'Kode OPD {code} tidak ada di Pemda ini.', en: 'OPD code {code} does not exist in this Pemda.' },
  BUDGET_IMPORT_FILE_MISSING: { status: 400, id: 'Unggah satu berkas XLSX atau CSV.', en: 'Upload one XLSX or CSV file.' },
  BUDGET_IMPORT_UNREADABLE: { status: 400, id: 'Berkas tidak dapat dibaca: {reason}', en: 'The file cannot be read: {reason}' },
  BUDGET_IMPORT_HAS_ERRORS: { status: 422, id: '{count} baris ditolak; tidak ada yang disimpan. Perbaiki lalu unggah ulang.', en: '{count} rows rejected; nothing was saved. Fix them and upload again.' },
  BUDGET_QUARTER_FUTURE: { status: 400, id: 'Triwulan {triwulan} tahun {tahun} belum berakhir.', en: 'Quarter {triwulan} of {tahun} has not ended yet.' },
});
