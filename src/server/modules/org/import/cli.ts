import { Command } from 'commander';

/** `pamong import pegawai|jabatan FILE --pemda KODE [--dry-run]` (being written). */
export function importCommand(): Command {
  return new Command('import').description('Import positions or pegawai from XLSX/CSV');
}
