import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { connectDatabase, pgliteDataDir, type Database } from './db/connect';
import { migrate } from './db/migrate';
import { ALL_JOBS } from './modules';
import { Scheduler } from './platform/jobs';
import { SecretBox } from './platform/secrets';

/** Opens the configured database (PGlite in the data directory, or PostgreSQL) and brings its schema up to date. */
export async function openDatabase(config: Config): Promise<Database> {
  const database = await connectDatabase(
    config.databaseKind === 'postgres'
      ? { kind: 'postgres', databaseUrl: config.databaseUrl, onIdleError: (error) => console.error(`PostgreSQL idle connection lost: ${error.message}`) }
      : { kind: 'pglite', dataDir: pgliteDataDir(config.dataDir), sharedBuffersMb: config.pgliteSharedBuffersMb },
  );
  await migrate(database);
  return database;
}

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  scheduler: Scheduler | undefined;
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config, database: Database): Promise<RunningServer> {
  const secrets = SecretBox.fromFile(config.secretKeyFile);
  const app = await buildApp({ config, database, secrets });
  const address = await app.listen({ port: config.port, host: config.host });
  let scheduler: Scheduler | undefined;
  if (config.jobs) {
    scheduler = new Scheduler(database.db, ALL_JOBS(), (message, error) => app.log.error({ err: error instanceof Error ? { message: error.message } : undefined }, message), { database });
    await scheduler.register();
    scheduler.start();
  }
  return {
    app,
    database,
    scheduler,
    url: address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost'),
    async close() {
      scheduler?.stop();
      await app.close();
      await database.close();
    },
  };
}
