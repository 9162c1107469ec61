import { Command } from 'commander';
import { loadConfig } from '../../config';
import { inTransaction, systemCtx } from '../../http/context';
import { openDatabase } from '../../runtime';
import { createOpen311Client } from './open311-keys';

/**
 * `pamong open311 key create NAME [--pemda KODE]`: a new api_key for an Open311 client application. The key is the
 * LAST line of the output (scripts take it with `tail -n1`); only its SHA-256 is stored.
 */
export function open311Command(): Command {
  const command = new Command('open311').description('Open311 GeoReport v2 (/open311/v2) administration');
  command
    .command('key')
    .description('API keys of client applications')
    .command('create')
    .description('Create an api_key for a client application; the key is printed once, as the last line')
    .argument('<name>', 'name of the client application')
    .option('--pemda <kode>', 'kode wilayah of the Pemda (default: the only one)')
    .action(async (name: string, options: { pemda?: string }) => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        let query = database.db.selectFrom('pemda').select(['id', 'kode_wilayah', 'name']);
        if (options.pemda) query = query.where('kode_wilayah', '=', options.pemda);
        const pemdas = await query.execute();
        if (pemdas.length !== 1) {
          console.error(options.pemda ? `Pemda ${options.pemda} tidak ditemukan / not found` : 'Lebih dari satu Pemda: sebutkan --pemda KODE / several Pemdas: pass --pemda KODE');
          process.exitCode = 1;
          return;
        }
        const pemda = pemdas[0] as (typeof pemdas)[number];
        const created = await inTransaction(systemCtx(database.db, 'cli-open311'), (tx) => createOpen311Client(tx, pemda.id, name));
        console.log(`api_key untuk / for "${name}" (${pemda.kode_wilayah} ${pemda.name}), jurisdiction_id=${pemda.kode_wilayah}; simpan sekarang, tidak ditampilkan lagi / store it now, it is not shown again:`);
        console.log(created.key);
      } finally {
        await database.close();
      }
    });
  return command;
}
