import { Logger } from '@nestjs/common';
import type { EventEmitter } from 'node:events';

const logger = new Logger('Redis');
const QUIET_MS = 30_000;

/**
 * Logs a Redis client's (or a BullMQ queue's or worker's) errors as one JSON line without a stack, then
 * at most one line per 30 s while the outage lasts, counting what it left out. Without a listener ioredis
 * prints "Unhandled error event" and BullMQ the raw stack, on every reconnect attempt.
 */
export function logRedisErrors(emitter: EventEmitter, source: string): void {
  let lastAt = 0;
  let suppressed = 0;
  let failing = false;
  emitter.on('error', (error: Error & { code?: string }) => {
    failing = true;
    const now = Date.now();
    if (now - lastAt < QUIET_MS) {
      suppressed++;
      return;
    }
    logger.warn({ msg: 'Redis unavailable', source, code: error?.code, error: error?.message, suppressed });
    lastAt = now;
    suppressed = 0;
  });
  emitter.on('ready', () => {
    if (!failing) return;
    failing = false;
    lastAt = 0;
    logger.log({ msg: 'Redis reachable again', source, suppressed });
    suppressed = 0;
  });
}
