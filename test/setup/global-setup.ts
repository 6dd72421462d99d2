import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/shared/persistence/data-source-options';
import { databaseUrl, withAdmin } from './test-database';

/**
 * Each jest run gets its own database (migrations applied, never synchronize) and its own Redis key
 * prefix, so concurrent runs never see each other's data. Dropped in global-teardown.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const dbName = `tollgate_test_${runId}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const url = databaseUrl(dbName);
  const ds = new DataSource({ ...dataSourceOptions({ url }), logging: ['error'] });
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();

  process.env.TEST_RUN_ID = runId;
  process.env.TEST_DATABASE_NAME = dbName;
  process.env.DATABASE_URL = url;
  process.env.REDIS_KEY_PREFIX = `tgtest_${runId}`;
  // Each test file adds its own part to it (per-file-redis-prefix.ts).
  process.env.TEST_RUN_REDIS_KEY_PREFIX = process.env.REDIS_KEY_PREFIX;
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.MIGRATIONS_RUN = 'false';
  // Usage records spooled while the stores are down stay with this run.
  process.env.CHAT_USAGE_SPOOL_DIR = join(tmpdir(), `tollgate-spool-${runId}`);
  // Tests enqueue scheduler ticks themselves; a real hourly tick must not fire in the middle of a suite.
  process.env.INVOICE_RUN_CRON = 'off';
  process.env.INVOICE_OVERDUE_CRON = 'off';
  // Every test signs up and gets service tokens from 127.0.0.1; the rate-limit tests set their own limits.
  process.env.AUTH_REGISTER_MAX_PER_IP = '1000000';
  process.env.AUTH_TOKEN_MAX_PER_IP = '1000000';
  // A loopback connect can stall past the 5 s default while both jest workers start apps at once on a
  // 2-core machine; the fault suites set their own short connect deadlines.
  process.env.DATABASE_CONNECT_TIMEOUT_MS = '20000';
}
