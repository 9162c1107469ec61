import type { MeetingKind, Priority } from './tables';

/**
 * What the demo Pemda's meetings said. Wording follows the public reports in shared/seeds: the 21 points of
 * seed 004 (a head's first working meeting with OPD leaders), the coffee-morning rakor at Balai Besar Betason of
 * seed 000, and the apel of seed 002. People are synthetic; the demo Pemda is marked synthetic.
 */
export type Target = 'all' | 'all_kecamatan' | 'all_kelurahan' | string[];

export interface PointSpec {
  text: string;
  tags: string[];
  priority: Priority;
  /** OPD name keywords, or a whole group. */
  target: Target;
  dueWorkingDays: number;
}

export interface MeetingSpec {
  daysAgo: number;
  kind: MeetingKind;
  title: string;
  place: string;
  chair: 'kepala_daerah' | 'sekda';
  agenda: string;
  minutes: string;
  points: PointSpec[];
}

const all = 'all' as const;

/** Seed 004: the 21 points, each its own directive to every OPD. */
export const TWENTY_ONE_POINTS: PointSpec[] = [
  ['Semua ASN harus mengetahui visi dan misi kepala daerah.', ['kinerja']],
  ['Semua ASN harus mengetahui tugas pokok dan fungsi masing-masing.', ['kinerja']],
  ['Tidak boleh ada pemotongan anggaran untuk bantuan, khususnya bantuan bagi masyarakat miskin.', ['anggaran', 'kemiskinan']],
  ['Semua ASN harus berinovasi; setiap OPD mendaftarkan inovasinya.', ['inovasi']],
  ['Program pemerintahan sebelumnya yang kurang agar disampaikan kepada pimpinan. Jadikan kritik sebagai masukan, bukan gangguan.', ['pelayanan_publik']],
  ['Setiap acara di DPRD atau rapat koordinasi wajib dihadiri, walaupun hanya dipimpin sekda atau asisten.', ['koordinasi']],
  ['Semua pimpinan OPD, sekretaris, kepala bidang dan pejabat terkait mengaktifkan telepon 24 jam.', ['koordinasi']],
  ['Setiap OPD menyambut tamu dan masyarakat dengan baik; ciptakan suasana nyaman bagi tamu yang datang.', ['pelayanan_publik']],
  ['Jadikan daerah ini lebih baik daripada kabupaten/kota lain di provinsi.', ['kinerja']],
  ['Saling menghargai dan menghormati antara kepala dinas, sekretaris, kepala bidang dan kepala seksi; jangan saling menyalahkan.', ['koordinasi']],
  ['Abaikan siapa pun yang mengatasnamakan kepala daerah tanpa komunikasi atau petunjuk langsung dari kepala daerah. Periksa keaslian arahan melalui kode QR-nya.', ['koordinasi']],
  ['Tidak boleh ada ego sektoral OPD; setiap kegiatan melibatkan semua OPD terkait.', ['koordinasi']],
  ['Pimpinan OPD menegur dan memberi sanksi kepada bawahan yang tidak mematuhi jam kerja, sering bolos atau terlambat.', ['disiplin']],
  ['ASN yang kinerjanya baik tidak perlu khawatir dimutasi; mutasi berdasarkan kinerja.', ['kepegawaian']],
  ['Pejabat yang tidak dapat bekerja agar melapor kepada kepala daerah untuk diganti.', ['kepegawaian']],
  ['Tim percepatan pembangunan daerah akan berkoordinasi dengan OPD terkait; siapkan data program prioritas.', ['koordinasi']],
  ['Akan dilakukan pemetaan untuk perampingan OPD; siapkan analisis beban kerja.', ['kepegawaian']],
  ['Pemerintah adalah pelayan masyarakat: utamakan pelayanan publik.', ['pelayanan_publik']],
  ['Kepala daerah akan berkunjung ke OPD dalam waktu dekat; siapkan paparan capaian dan kendala.', ['koordinasi']],
  ['Semua ASN mengikuti vaksinasi; pejabat eselon menjadi contoh.', ['kepegawaian']],
  ['Semua OPD melaporkan program dan kegiatan yang diselaraskan dengan visi dan misi kepala daerah.', ['kinerja']],
].map(([text, tags], index) => ({ text: text as string, tags: tags as string[], priority: index === 2 || index === 10 ? 'segera' : 'penting', target: all, dueWorkingDays: 10 + (index % 4) * 5 }));

export const MEETINGS: MeetingSpec[] = [
  {
    daysAgo: 150,
    kind: 'rakor',
    title: 'Rapat kerja perdana kepala daerah dengan pimpinan OPD',
    place: 'Ruang Rapat Kantor Wali Kota',
    chair: 'kepala_daerah',
    agenda: 'Arahan kepala daerah tentang kinerja ASN',
    minutes: 'Kepala daerah menyampaikan 21 poin pengarahan kinerja bagi ASN. Setiap poin diterbitkan sebagai arahan tersendiri dengan tanda tangan elektronik.',
    points: TWENTY_ONE_POINTS,
  },
  {
    daysAgo: 128,
    kind: 'apel',
    title: 'Apel gabungan ASN lingkup Pemerintah Kota',
    place: 'Halaman Kantor Wali Kota',
    chair: 'kepala_daerah',
    agenda: 'Kinerja tepat jadwal dan target; netralitas ASN; stunting, kemiskinan ekstrem dan pengangguran',
    minutes: 'Kepala daerah meminta ASN memperkuat disiplin kerja dan tidak menunda pekerjaan, serta menginstruksikan pemetaan wilayah rawan stunting, kemiskinan ekstrem dan pengangguran.',
    points: [
      { text: 'Lakukan pemetaan kelurahan rawan stunting, kemiskinan ekstrem dan pengangguran, lalu susun rencana intervensi yang terukur.', tags: ['stunting', 'kemiskinan'], priority: 'segera', target: ['Kesehatan', 'Sosial', 'Tenaga Kerja', 'Perencanaan'], dueWorkingDays: 15 },
      { text: 'Percepat realisasi anggaran program prioritas yang berdampak langsung pada masyarakat.', tags: ['anggaran'], priority: 'penting', target: ['Keuangan', 'Pekerjaan Umum', 'Perumahan'], dueWorkingDays: 20 },
      { text: 'Bila target pendapatan daerah tidak tercapai, tunda pencairan kegiatan fisik yang tidak mendesak dan utamakan program kesejahteraan masyarakat dan pegawai.', tags: ['anggaran', 'pad'], priority: 'penting', target: ['Keuangan', 'Pendapatan'], dueWorkingDays: 10 },
    ],
  },
  {
    daysAgo: 104,
    kind: 'dprd',
    title: 'Rapat paripurna DPRD: penyampaian LKPJ kepala daerah',
    place: 'Gedung DPRD',
    chair: 'kepala_daerah',
    agenda: 'Penyampaian Laporan Keterangan Pertanggungjawaban',
    minutes: 'DPRD meminta data realisasi program per OPD. Sekretariat DPRD mencatat OPD yang tidak hadir.',
    points: [{ text: 'Siapkan jawaban tertulis atas pandangan umum fraksi tentang LKPJ, sesuai bidang masing-masing.', tags: ['koordinasi', 'kinerja'], priority: 'segera', target: ['Perencanaan', 'Keuangan', 'Pendidikan', 'Kesehatan', 'Pekerjaan Umum'], dueWorkingDays: 5 }],
  },
  {
    daysAgo: 84,
    kind: 'rakor',
    title: 'Rakor pendapatan asli daerah dan efisiensi anggaran',
    place: 'Ruang Rapat Sekretariat Daerah',
    chair: 'sekda',
    agenda: 'Realisasi PAD triwulan; efisiensi belanja',
    minutes: 'Sekda menekankan efisiensi anggaran dan inovasi peningkatan PAD dengan keterbatasan APBD.',
    points: [
      { text: 'Susun langkah intensifikasi pajak daerah dan retribusi, termasuk pendataan ulang wajib pajak restoran dan hotel.', tags: ['pad'], priority: 'penting', target: ['Pendapatan', 'Penanaman Modal', 'Pasar'], dueWorkingDays: 15 },
      { text: 'Laporkan belanja yang dapat diefisienkan tanpa mengurangi pelayanan dasar.', tags: ['anggaran'], priority: 'biasa', target: all, dueWorkingDays: 10 },
    ],
  },
  {
    daysAgo: 60,
    kind: 'coffee_morning',
    title: 'Coffee morning: rapat koordinasi percepatan program kerja',
    place: 'Balai Besar Betason, Kantor Wali Kota',
    chair: 'kepala_daerah',
    agenda: 'Komunikasi dan koordinasi lintas sektor; kepedulian lurah dan camat; netralitas ASN menjelang Pilkada ulang; masukan masyarakat tentang pelayanan publik',
    minutes: 'Kepala daerah meminta komunikasi lebih intens: OPD yang tidak pernah datang atau melapor dianggap tidak punya masalah, padahal kenyataannya berbeda. Lurah dan camat diminta lebih peduli pada wilayahnya. ASN wajib netral.',
    points: [
      { text: 'Setiap OPD menyampaikan laporan mingguan capaian, masalah dan kebutuhan kepada pimpinan melalui Pamong.', tags: ['koordinasi'], priority: 'penting', target: all, dueWorkingDays: 5 },
      { text: 'Lurah dan camat memantau wilayah kerjanya dan melaporkan persoalan warga yang memerlukan penanganan lintas OPD.', tags: ['kewilayahan', 'pelayanan_publik'], priority: 'penting', target: 'all_kecamatan', dueWorkingDays: 10 },
      { text: 'Jaga netralitas ASN menjelang Pilkada ulang: tidak ada keberpihakan pada pasangan calon, di kantor maupun di media sosial.', tags: ['netralitas'], priority: 'segera', target: all, dueWorkingDays: 5 },
      { text: 'Tindak lanjuti masukan masyarakat tentang pelayanan publik secara cepat dan tepat; laporkan waktu tanggap.', tags: ['pelayanan_publik'], priority: 'penting', target: ['Kependudukan', 'Penanaman Modal', 'Kesehatan', 'Perhubungan'], dueWorkingDays: 10 },
    ],
  },
  {
    daysAgo: 36,
    kind: 'rakor',
    title: 'Rakor penanganan stunting dan kemiskinan ekstrem',
    place: 'Ruang Rapat Bappeda',
    chair: 'sekda',
    agenda: 'Data sasaran; intervensi per kelurahan',
    minutes: 'Data sasaran belum padu antar-OPD; disepakati satu data sasaran per kelurahan.',
    points: [
      { text: 'Padukan data sasaran stunting dan kemiskinan ekstrem per kelurahan dalam satu daftar bersama.', tags: ['stunting', 'kemiskinan'], priority: 'segera', target: ['Kesehatan', 'Sosial', 'Perencanaan', 'Keluarga Berencana', 'Kependudukan'], dueWorkingDays: 10 },
      { text: 'Lurah memverifikasi daftar sasaran di wilayahnya bersama kader posyandu.', tags: ['stunting', 'kewilayahan'], priority: 'penting', target: 'all_kelurahan', dueWorkingDays: 15 },
    ],
  },
  {
    daysAgo: 15,
    kind: 'apel',
    title: 'Apel pagi: disiplin dan pelayanan',
    place: 'Halaman Kantor Wali Kota',
    chair: 'sekda',
    agenda: 'Disiplin jam kerja; pelayanan tamu',
    minutes: 'Sekda mengingatkan jam kerja Perpres 21/2023 dan sanksi keterlambatan.',
    points: [{ text: 'Pimpinan OPD menegakkan jam kerja (07.30) dan melaporkan pegawai yang sering terlambat atau tidak masuk tanpa keterangan.', tags: ['disiplin'], priority: 'penting', target: all, dueWorkingDays: 5 }],
  },
  {
    daysAgo: 6,
    kind: 'rakor',
    title: 'Rakor evaluasi realisasi anggaran triwulan',
    place: 'Ruang Rapat Sekretariat Daerah',
    chair: 'sekda',
    agenda: 'Deviasi realisasi keuangan dan fisik',
    minutes: 'OPD dengan deviasi besar diminta menyusun rencana percepatan.',
    points: [{ text: 'OPD dengan deviasi realisasi lebih dari 10 persen menyusun rencana aksi percepatan dan melaporkannya.', tags: ['anggaran'], priority: 'segera', target: ['Pekerjaan Umum', 'Perumahan', 'Pendidikan', 'Kesehatan', 'Lingkungan'], dueWorkingDays: 7 },
    ],
  },
  {
    daysAgo: -5,
    kind: 'coffee_morning',
    title: 'Coffee morning bersama camat dan lurah',
    place: 'Balai Besar Betason, Kantor Wali Kota',
    chair: 'kepala_daerah',
    agenda: 'Kepedulian wilayah; persiapan kunjungan kerja',
    minutes: '',
    points: [],
  },
];

export const PROGRESS_NOTES = [
  'Sudah disosialisasikan dalam rapat internal bidang.',
  'Surat edaran kepala OPD telah diterbitkan kepada seluruh pegawai.',
  'Data sedang dihimpun dari UPTD dan bidang terkait.',
  'Tim kecil dibentuk; pertemuan pertama sudah dilaksanakan.',
  'Koordinasi dengan kecamatan dan kelurahan berjalan.',
];

export const DONE_NOTES = [
  'Selesai dilaksanakan; notulen dan daftar hadir terlampir.',
  'Laporan pelaksanaan telah disusun dan ditandatangani kepala OPD.',
  'Seluruh kegiatan selesai sesuai rencana; dokumentasi foto terlampir.',
];

export const OBSTACLES = [
  'Anggaran kegiatan belum tersedia pada DPA; perlu pergeseran anggaran.',
  'Data dari instansi vertikal belum diterima meskipun sudah disurati dua kali.',
  'Jabatan kepala bidang kosong; pelaksana tugas belum ditunjuk.',
];

export const REPORT_TEXT = {
  achievements: ['Pelayanan berjalan normal; capaian kinerja mingguan sesuai target.', 'Realisasi kegiatan minggu ini sesuai jadwal.', 'Tindak lanjut arahan pimpinan berjalan; dua kegiatan selesai.'],
  problems: ['', 'Sarana kerja terbatas.', 'Beberapa pegawai sakit.', ''],
  needs: ['', 'Dukungan koordinasi dengan BPKAD.', ''],
};
