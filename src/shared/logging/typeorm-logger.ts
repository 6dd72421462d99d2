import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from 'pino';
import { scrubbedDbMessage } from './logger';

const MAX_QUERY_CHARS = 500;
const shortQuery = (query: string) =>
  query.length > MAX_QUERY_CHARS ? `${query.slice(0, MAX_QUERY_CHARS)}…` : query;

/**
 * TypeORM's logs as JSON lines through pino. Parameters are never written: they hold passwords, hashes,
 * signing secrets and emails. Only the statement text (placeholders, no values) and the error's code.
 */
export class PinoTypeOrmLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(query: string): void {
    this.logger.trace({ query: shortQuery(query) }, 'query');
  }
  logQueryError(error: string | Error, query: string): void {
    const err = typeof error === 'string' ? { message: error } : (error as Error & { code?: string });
    this.logger.error(
      {
        query: shortQuery(query),
        code: 'code' in err ? err.code : undefined,
        error: scrubbedDbMessage(err.message),
      },
      'query failed',
    );
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ query: shortQuery(query), durationMs: time }, 'slow query');
  }
  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }
  logMigration(message: string): void {
    this.logger.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    this.logger[level === 'log' ? 'info' : level](
      { detail: typeof message === 'string' ? message : undefined },
      'typeorm',
    );
  }
}
