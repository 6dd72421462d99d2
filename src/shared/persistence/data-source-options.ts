import { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One definition of the Postgres connection, used by the app, the TypeORM CLI (ormconfig.ts) and tests. */
export function dataSourceOptions(opts: {
  url: string;
  poolSize?: number;
  migrationsRun?: boolean;
  readUrl?: string;
}): DataSourceOptions {
  return {
    type: 'postgres',
    url: opts.url,
    ...(opts.readUrl ? { replication: { master: { url: opts.url }, slaves: [{ url: opts.readUrl }] } } : {}),
    synchronize: false,
    migrationsRun: opts.migrationsRun ?? false,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'migrations',
    // Each migration in its own transaction so a failure leaves earlier ones applied and is easy to retry.
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: opts.poolSize ?? 20, application_name: 'tollgate' },
    logging: ['error', 'migration'],
  };
}
