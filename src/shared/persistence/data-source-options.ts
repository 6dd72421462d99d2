import { DataSourceOptions } from 'typeorm';
import type { Logger } from 'pino';
import { createRootLogger } from '../logging/logger';
import { PinoTypeOrmLogger } from '../logging/typeorm-logger';
import { ALL_MIGRATIONS } from '../../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One definition of the Postgres connection, used by the app, the TypeORM CLI (ormconfig.ts) and tests. */
export function dataSourceOptions(opts: {
  url: string;
  poolSize?: number;
  migrationsRun?: boolean;
  readUrl?: string;
  /** Absent (the migration CLI) = no limits. */
  timeouts?: { connectMs: number; statementMs: number; idleInTransactionMs: number };
  /** The process' JSON logger; TypeORM never prints query parameters through it. */
  logger?: Logger;
}): DataSourceOptions {
  const t = opts.timeouts;
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
    extra: {
      max: opts.poolSize ?? 20,
      application_name: 'tollgate',
      keepAlive: true,
      // A stuck or frozen database gives fast errors (503 upstream) instead of hanging every request:
      // connecting and waiting for a pooled client are bounded, the server cancels long statements and
      // abandoned transactions, and the client stops waiting on a server that does not answer at all.
      ...(t
        ? {
            connectionTimeoutMillis: t.connectMs,
            statement_timeout: t.statementMs,
            idle_in_transaction_session_timeout: t.idleInTransactionMs,
            query_timeout: t.statementMs + 2000,
          }
        : {}),
    },
    logging: ['error', 'warn', 'migration'],
    logger: new PinoTypeOrmLogger(opts.logger ?? createRootLogger('info')),
  };
}
