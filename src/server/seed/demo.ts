import type { Database } from '../db/connect';
import { inTransaction, systemCtx } from '../http/context';
import { createPemdaFromRegistry } from '../modules/org/wilayah';

export const DEMO_KODE = '19.71';

export interface DemoSeedOptions {
  pegawaiCount: number;
  log: (line: string) => void;
}

/** The demo Pemda: Kota Pangkal Pinang with real regions and boundaries and a synthetic (clearly marked) staff. */
export async function seedDemoPemda(database: Database, options: DemoSeedOptions): Promise<{ created: boolean; pemdaId: string; pegawai: number }> {
  const existing = await database.db.selectFrom('pemda').select('id').where('kode_wilayah', '=', DEMO_KODE).executeTakeFirst();
  if (existing) return { created: false, pemdaId: existing.id, pegawai: 0 };
  options.log('Memuat Pemda demo / loading the demo Pemda (Kota Pangkal Pinang)...');
  const pemdaId = await inTransaction(systemCtx(database.db, 'seed-demo'), (tx) => createPemdaFromRegistry(tx, DEMO_KODE, { synthetic: true }));
  return { created: true, pemdaId, pegawai: 0 };
}
