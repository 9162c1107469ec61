import type { TServiceUpsert } from '../../../contracts/complaints';

/** The demo catalogue of Kota Pangkal Pinang: real-sounding services, each with the OPD code that handles it. */
export interface DemoService extends Omit<TServiceUpsert, 'opdId'> {
  opdCode: string | null;
  weight: number;
  texts: string[];
  replies: string[];
}

export const STREETS = ['Jl. Jenderal Sudirman', 'Jl. Ahmad Yani', 'Jl. Depati Hamzah', 'Jl. Soekarno-Hatta', 'Jl. Mentok', 'Jl. Kampung Bintang', 'Jl. Balai', 'Jl. Pasir Padi', 'Jl. Koba', 'Jl. Selindung', 'Jl. Semabung Lama', 'Jl. Mayor Syafrie Rachman', 'Jl. Usman Ambon', 'Jl. Hormen Maddati', 'Jl. Abdurrahman Siddik'];

const attr = (code: string, description: string, datatype: TServiceUpsert['attributes'][number]['datatype'], order: number, required = false, values: Array<[string, string]> = []) => ({
  code,
  variable: true,
  datatype,
  required,
  datatypeDescription: '',
  order,
  description,
  values: values.map(([key, name]) => ({ key, name })),
});

export const DEMO_SERVICES: DemoService[] = [
  {
    code: 'JLN-RUSAK', name: 'Jalan rusak / berlubang', description: 'Jalan kota yang berlubang, amblas atau retak berbahaya.', group: 'Infrastruktur', keywords: ['jalan', 'lubang', 'aspal'], opdCode: 'DPUPR', territorial: false, slaClass: 'standar', serviceNotice: 'Tim DPUPR akan meninjau lokasi; perbaikan sementara dalam 14 hari kerja.', active: true,
    attributes: [attr('TINGKAT', 'Tingkat kerusakan', 'singlevaluelist', 1, true, [['ringan', 'Ringan'], ['sedang', 'Sedang'], ['berat', 'Berat / membahayakan']])],
    weight: 16,
    texts: ['Jalan berlubang cukup dalam di {street}, sudah beberapa pengendara motor jatuh terutama malam hari.', 'Aspal di {street} dekat simpang amblas setelah hujan, mohon segera diperbaiki.', 'Lubang besar di tengah {street}, tergenang air sehingga tidak terlihat.'],
    replies: ['Terima kasih. Tim DPUPR sudah meninjau lokasi dan menjadwalkan penambalan.', 'Lubang sudah ditambal sementara; pengaspalan ulang masuk program pemeliharaan bulan depan.'],
  },
  {
    code: 'PJU-MATI', name: 'Lampu penerangan jalan mati', description: 'Lampu penerangan jalan umum (PJU) padam atau berkedip.', group: 'Infrastruktur', keywords: ['lampu', 'PJU', 'gelap'], opdCode: 'DISPERKIM', territorial: false, slaClass: 'standar', serviceNotice: null, active: true,
    attributes: [attr('TIANG', 'Nomor tiang (jika terlihat)', 'string', 1)],
    weight: 12,
    texts: ['Lampu jalan di {street} mati sudah seminggu, rawan kejahatan.', 'Tiga lampu PJU berturut-turut padam di {street} dekat masjid.', 'Lampu jalan berkedip terus di {street}.'],
    replies: ['Lampu sudah diganti oleh petugas PJU.', 'Kerusakan pada kabel sudah diperbaiki, lampu menyala kembali.'],
  },
  {
    code: 'SAMPAH', name: 'Sampah tidak diangkut / TPS liar', description: 'Sampah menumpuk, tidak diangkut sesuai jadwal, atau tempat pembuangan liar.', group: 'Lingkungan', keywords: ['sampah', 'TPS', 'bau'], opdCode: 'DLH', territorial: false, slaClass: 'standar', serviceNotice: null, active: true,
    attributes: [attr('JENIS', 'Jenis masalah', 'singlevaluelist', 1, true, [['tidak_diangkut', 'Tidak diangkut'], ['tps_liar', 'TPS liar'], ['dibakar', 'Dibakar']])],
    weight: 14,
    texts: ['Sampah di TPS {street} sudah tiga hari tidak diangkut, bau menyengat.', 'Ada pembuangan sampah liar di lahan kosong {street}.', 'Warga membakar sampah di {street}, asap masuk ke rumah.'],
    replies: ['Armada DLH sudah mengangkut sampah pada pagi ini.', 'Petugas memasang papan larangan dan membersihkan lokasi.'],
  },
  {
    code: 'BANJIR', name: 'Banjir / drainase tersumbat', description: 'Genangan, banjir, atau saluran drainase tersumbat.', group: 'Infrastruktur', keywords: ['banjir', 'drainase', 'got', 'parit'], opdCode: 'DPUPR', territorial: false, slaClass: 'segera', serviceNotice: 'Laporan banjir ditangani dengan tenggat segera.', active: true,
    attributes: [attr('KEDALAMAN', 'Perkiraan kedalaman genangan (cm)', 'number', 1)],
    weight: 10,
    texts: ['Drainase di {street} tersumbat sampah, setiap hujan air meluap ke jalan.', 'Genangan setinggi lutut di {street} setelah hujan deras.', 'Parit di {street} dangkal dan penuh lumpur.'],
    replies: ['Normalisasi saluran sudah dilakukan oleh tim DPUPR.', 'Saluran dibersihkan; pembangunan gorong-gorong baru diusulkan tahun depan.'],
  },
  {
    code: 'KTP-KK', name: 'Layanan KTP-el / KK / akta', description: 'Keluhan layanan administrasi kependudukan.', group: 'Administrasi', keywords: ['KTP', 'KK', 'akta', 'dukcapil'], opdCode: 'DISDUKCAPIL', territorial: false, slaClass: 'administrasi', serviceNotice: null, active: true,
    attributes: [],
    weight: 9,
    texts: ['KTP-el saya belum jadi sudah dua bulan padahal dijanjikan dua minggu.', 'Antrean di loket Disdukcapil sangat panjang, nomor antrean habis jam 9 pagi.', 'Perubahan data KK belum diproses, mohon informasinya.'],
    replies: ['KTP-el Anda sudah dicetak dan dapat diambil di loket 3.', 'Kami menambah kuota antrean daring; mohon daftar melalui aplikasi.'],
  },
  {
    code: 'KESEHATAN', name: 'BPJS / layanan kesehatan', description: 'Keluhan layanan puskesmas, RSUD, atau kepesertaan BPJS Kesehatan (PBI).', group: 'Kesehatan', keywords: ['BPJS', 'puskesmas', 'RSUD', 'obat'], opdCode: 'DINKES', territorial: false, slaClass: 'standar', serviceNotice: null, active: true,
    attributes: [attr('MASALAH', 'Masalah yang dialami', 'multivaluelist', 1, false, [['antrean', 'Antrean lama'], ['obat', 'Obat kosong'], ['pbi', 'Kepesertaan PBI nonaktif'], ['sikap', 'Sikap petugas']])],
    weight: 8,
    texts: ['Kartu BPJS PBI ibu saya nonaktif, padahal masih terdaftar sebagai warga kurang mampu.', 'Di puskesmas obat untuk hipertensi kosong sejak dua minggu.', 'Antrean poli umum sangat lama, petugas datang terlambat.'],
    replies: ['Kepesertaan PBI sudah diaktifkan kembali melalui Dinas Sosial dan BPJS.', 'Stok obat sudah dipenuhi dari gudang farmasi kota.'],
  },
  {
    code: 'PERIZINAN', name: 'Perizinan (PBG, izin usaha)', description: 'Keluhan proses perizinan di Mal Pelayanan Publik/DPMPTSP.', group: 'Administrasi', keywords: ['izin', 'PBG', 'OSS', 'usaha'], opdCode: 'DPMPTSP', territorial: false, slaClass: 'administrasi', serviceNotice: null, active: true,
    attributes: [],
    weight: 5,
    texts: ['Pengajuan PBG rumah saya belum ada kabar sejak sebulan lalu.', 'Sistem OSS error saat mengurus NIB, petugas tidak bisa membantu.'],
    replies: ['Berkas PBG Anda sudah diverifikasi; jadwal peninjauan lapangan minggu ini.', 'Petugas pendamping OSS siap membantu di Mal Pelayanan Publik.'],
  },
  {
    code: 'PARKIR-LIAR', name: 'Parkir liar', description: 'Parkir di bahu jalan/trotoar yang mengganggu atau juru parkir liar.', group: 'Ketertiban', keywords: ['parkir', 'jukir', 'trotoar'], opdCode: 'DISHUB', territorial: false, slaClass: 'standar', serviceNotice: null, active: true,
    attributes: [],
    weight: 6,
    texts: ['Parkir liar di depan pasar {street} menyebabkan macet setiap sore.', 'Juru parkir liar meminta tarif di atas ketentuan di {street}.'],
    replies: ['Petugas Dishub sudah melakukan penertiban bersama Satpol PP.'],
  },
  {
    code: 'PUNGLI', name: 'Pungutan liar', description: 'Pungutan di luar ketentuan oleh petugas layanan.', group: 'Integritas', keywords: ['pungli', 'suap', 'biaya'], opdCode: 'INSPEKTORAT', territorial: false, slaClass: 'standar', serviceNotice: 'Identitas pelapor dirahasiakan.', active: true,
    attributes: [attr('NOMINAL', 'Jumlah yang diminta (Rp)', 'number', 1), attr('WAKTU', 'Waktu kejadian', 'datetime', 2)],
    weight: 2,
    texts: ['Saya dimintai uang oleh oknum saat mengurus surat, tanpa kuitansi.', 'Ada biaya tambahan tidak resmi saat mengurus izin.'],
    replies: ['Laporan sudah ditindaklanjuti Inspektorat dengan pemeriksaan; hasilnya dilaporkan kepada pimpinan.'],
  },
  {
    code: 'ASN-DISIPLIN', name: 'ASN tidak disiplin / pelayanan buruk', description: 'Petugas tidak di tempat, terlambat, atau bersikap tidak sopan.', group: 'Integritas', keywords: ['ASN', 'petugas', 'disiplin'], opdCode: 'BKPSDM', territorial: false, slaClass: 'standar', serviceNotice: null, active: true,
    attributes: [],
    weight: 3,
    texts: ['Jam 10 pagi loket pelayanan masih kosong, petugas belum datang.', 'Petugas berbicara kasar kepada warga lansia.'],
    replies: ['Atasan langsung sudah memberikan teguran kepada petugas yang bersangkutan.'],
  },
  {
    code: 'FASUM-KEL', name: 'Fasilitas umum lingkungan (kelurahan)', description: 'Pos ronda, taman, MCK umum, atau jalan lingkungan: ditangani kelurahan setempat.', group: 'Lingkungan', keywords: ['kelurahan', 'lingkungan', 'RT'], opdCode: null, territorial: true, slaClass: 'standar', serviceNotice: null, active: true,
    attributes: [],
    weight: 8,
    texts: ['Jalan setapak di gang dekat {street} rusak dan licin.', 'Taman di lingkungan {street} tidak terawat, rumput tinggi.', 'MCK umum di RT kami rusak, air tidak mengalir.'],
    replies: ['Kelurahan sudah berkoordinasi dengan RT dan melaksanakan gotong royong.', 'Perbaikan diusulkan melalui dana kelurahan tahun ini.'],
  },
  {
    code: 'POHON', name: 'Pohon tumbang / rawan tumbang', description: 'Pohon tumbang atau dahan rawan patah di jalan umum.', group: 'Lingkungan', keywords: ['pohon', 'tumbang', 'dahan'], opdCode: 'DLH', territorial: false, slaClass: 'segera', serviceNotice: null, active: true,
    attributes: [],
    weight: 3,
    texts: ['Pohon besar di {street} miring ke jalan, dahannya sudah retak.', 'Pohon tumbang menutup separuh {street}.'],
    replies: ['Pohon sudah dipangkas oleh tim DLH bersama BPBD.'],
  },
];

export const DEMO_IKM_UNITS: Array<{ code: string; name: string; opdCode: string; population: number }> = [
  { code: 'DUKCAPIL-LOKET', name: 'Loket Pelayanan Disdukcapil', opdCode: 'DISDUKCAPIL', population: 24000 },
  { code: 'MPP', name: 'Mal Pelayanan Publik (DPMPTSP)', opdCode: 'DPMPTSP', population: 9000 },
  { code: 'PKM-TAMANSARI', name: 'UPTD Puskesmas Taman Sari', opdCode: 'UPTD-PKM-TAMANSARI', population: 15000 },
  { code: 'PKM-MELINTANG', name: 'UPTD Puskesmas Melintang', opdCode: 'UPTD-PKM-MELINTANG', population: 11000 },
  { code: 'RSUD-RAJAL', name: 'Rawat Jalan RSUD Depati Hamzah', opdCode: 'RSUD', population: 30000 },
  { code: 'DISHUB-KIR', name: 'Pengujian Kendaraan Bermotor (KIR)', opdCode: 'DISHUB', population: 3000 },
  { code: 'DINSOS-DTKS', name: 'Layanan DTKS dan Bansos', opdCode: 'DINSOS', population: 6000 },
  { code: 'BKPSDM-LAYANAN', name: 'Layanan Kepegawaian BKPSDM', opdCode: 'BKPSDM', population: 800 },
];

export const GIVEN_NAMES = ['Ahmad', 'Siti', 'Budi', 'Nurhayati', 'Rudi', 'Dewi', 'Hendra', 'Yuliana', 'Agus', 'Rina', 'Fajar', 'Maya', 'Iwan', 'Lestari', 'Bambang', 'Fitri'];
export const FAMILY_NAMES = ['Saputra', 'Wijaya', 'Hasan', 'Lim', 'Kurniawan', 'Rahmawati', 'Syahputra', 'Tan', 'Pratama', 'Handayani'];
