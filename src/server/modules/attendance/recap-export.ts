import ExcelJS from 'exceljs';
import type { TRecap } from '../../../contracts/attendance';

/** The monthly recap as XLSX: a sheet per OPD summary and one per pegawai row. */
export async function recapXlsx(recap: TRecap, lang: 'id' | 'en'): Promise<Buffer> {
  const en = lang === 'en';
  const workbook = new ExcelJS.Workbook();
  const opds = workbook.addWorksheet(en ? 'OPD' : 'Per OPD');
  opds.columns = [
    { header: 'OPD', key: 'opd', width: 40 },
    { header: en ? 'Staff' : 'Pegawai', key: 'pegawai', width: 9 },
    { header: en ? 'Working days' : 'Hari kerja', key: 'scheduled', width: 11 },
    { header: en ? 'Present' : 'Hadir', key: 'hadir', width: 9 },
    { header: 'TK', key: 'tk', width: 7 },
    { header: en ? 'Excused' : 'Cuti/izin/DL', key: 'excused', width: 11 },
    { header: en ? 'Minutes late' : 'Menit terlambat', key: 'late', width: 14 },
    { header: en ? 'Minutes early' : 'Menit pulang cepat', key: 'early', width: 16 },
    { header: en ? 'Attendance rate' : 'Tingkat kehadiran', key: 'rate', width: 16 },
    { header: en ? 'Punctuality' : 'Ketepatan waktu', key: 'punct', width: 15 },
  ];
  for (const o of recap.opds) opds.addRow({ opd: o.opdName, pegawai: o.pegawai, scheduled: o.scheduled, hadir: o.hadir, tk: o.tk, excused: o.excused, late: o.lateMinutes, early: o.earlyMinutes, rate: o.attendanceRate, punct: o.punctuality });
  opds.getColumn('rate').numFmt = '0.0%';
  opds.getColumn('punct').numFmt = '0.0%';
  const people = workbook.addWorksheet(en ? 'Staff' : 'Per pegawai');
  people.columns = [
    { header: 'NIP', key: 'nip', width: 20 },
    { header: en ? 'Name' : 'Nama', key: 'name', width: 32 },
    { header: 'OPD', key: 'opd', width: 32 },
    { header: en ? 'Working days' : 'Hari kerja', key: 'scheduled', width: 11 },
    { header: en ? 'Present' : 'Hadir', key: 'hadir', width: 9 },
    { header: 'TK', key: 'tk', width: 7 },
    { header: en ? 'Excused' : 'Cuti/izin/DL', key: 'excused', width: 11 },
    { header: en ? 'Minutes late' : 'Menit terlambat', key: 'late', width: 14 },
    { header: en ? 'Minutes early' : 'Menit pulang cepat', key: 'early', width: 16 },
    { header: en ? 'Cuts %' : 'Potongan %', key: 'cut', width: 11 },
    { header: en ? 'Attendance rate' : 'Tingkat kehadiran', key: 'rate', width: 16 },
  ];
  for (const p of recap.pegawai) people.addRow({ nip: p.nip ?? '', name: p.name, opd: p.opdName, scheduled: p.scheduled, hadir: p.hadir, tk: p.tk, excused: p.excused, late: p.lateMinutes, early: p.earlyMinutes, cut: p.cutPercent, rate: p.attendanceRate });
  people.getColumn('rate').numFmt = '0.0%';
  for (const ws of [opds, people]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
