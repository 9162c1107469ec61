import { defineErrors } from '../../http/errors';

export const StaffingErrors = defineErrors({
  STF_PROPOSAL_NOT_FOUND: { status: 404, id: 'Usulan pengisian jabatan tidak ditemukan.', en: 'Staffing proposal not found.' },
  STF_JABATAN_NOT_FOUND: { status: 400, id: 'Jabatan yang diusulkan tidak ditemukan.', en: 'The proposed position does not exist.' },
  STF_NOT_VACANT: { status: 409, id: 'Jabatan {name} tidak lowong: masih ada pejabat definitif.', en: 'Position {name} is not vacant: it has a definitive holder.' },
  STF_ALREADY_PROPOSED: { status: 409, id: 'Jabatan {name} sudah memiliki usulan yang sedang berjalan ({number}).', en: 'Position {name} already has an open proposal ({number}).' },
  STF_CANDIDATE_NOT_FOUND: { status: 400, id: 'Calon tidak ditemukan di data pegawai aktif Pemda ini.', en: 'A candidate is not an active employee of this Pemda.' },
  STF_CANDIDATE_DUPLICATE: { status: 400, id: 'Seorang calon disebut lebih dari sekali.', en: 'A candidate is listed twice.' },
  STF_QUOTA_EXCEEDED: {
    status: 409,
    id: 'Kuota usulan {group} untuk periode {from} s.d. {to} sudah habis ({used} dari {max} usulan). Dasar: {basis}. Usulan ini tidak dapat diajukan.',
    en: 'The {group} proposal quota for {from} to {to} is used up ({used} of {max}). Basis: {basis}. This proposal cannot be submitted.',
  },
  STF_QUOTA_DATES: { status: 400, id: 'Akhir masa berlaku kuota tidak boleh sebelum awalnya.', en: 'The quota cannot end before it starts.' },
  STF_WRONG_STATUS: { status: 409, id: 'Langkah ini tidak dapat dilakukan pada usulan berstatus {status}.', en: 'This step is not possible on a proposal with status {status}.' },
  STF_CHOSEN_REQUIRED: { status: 400, id: 'Pilih calon yang disetujui dari daftar calon usulan.', en: 'Choose the approved candidate from the proposal’s candidates.' },
  STF_FILE_UNKNOWN: { status: 400, id: 'Berkas surat persetujuan belum diunggah.', en: 'The approval letter file has not been uploaded.' },
  STF_MINISTER_APPROVAL_REQUIRED: {
    status: 409,
    id: 'Usulan tidak dapat dilaksanakan tanpa persetujuan tertulis Menteri Dalam Negeri: {reason}. Catat nomor, tanggal dan berkas surat persetujuan terlebih dahulu.',
    en: "The proposal cannot be executed without the Minister of Home Affairs' written approval: {reason}. Record the letter's number, date and file first.",
  },
  STF_UPLOAD_MISSING: { status: 400, id: 'Tidak ada berkas yang diunggah.', en: 'No file was uploaded.' },
});
