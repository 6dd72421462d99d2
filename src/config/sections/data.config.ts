import { z } from 'zod';
import { envBool, envInt } from '../env-helpers';

export const dataConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/postgres'),
  DATABASE_POOL_SIZE: envInt(20, 1, 500),
  /** Optional read replica for reports; falls back to the primary. */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  MIGRATIONS_RUN: envBool(true),
  DATABASE_CONNECT_TIMEOUT_MS: envInt(5000, 100),
  DATABASE_STATEMENT_TIMEOUT_MS: envInt(15000, 100),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: envInt(30000, 100),
  REDIS_COMMAND_TIMEOUT_MS: envInt(2000, 50),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  /** Prefix for every Redis key and BullMQ queue, so several deployments (or test runs) share one Redis. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_.:-]+$/)
    .default('tollgate'),
});

export const dataConfig = (env: z.infer<typeof dataConfigSchema>) => ({
  databaseUrl: env.DATABASE_URL,
  databaseReadUrl: env.DATABASE_READ_URL,
  databasePoolSize: env.DATABASE_POOL_SIZE,
  migrationsRun: env.MIGRATIONS_RUN,
  databaseTimeouts: {
    connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  },
  redisCommandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
  redisUrl: env.REDIS_URL,
  redisKeyPrefix: env.REDIS_KEY_PREFIX,
});
