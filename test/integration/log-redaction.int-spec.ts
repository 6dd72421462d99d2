import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Queue } from 'bullmq';
import { createRootLogger } from '../../src/shared/logging/logger';
import { PinoNestLogger } from '../../src/shared/logging/nest-logger';
import { createRedisConnection } from '../../src/shared/redis/redis.module';
import { logRedisErrors } from '../../src/shared/redis/redis-errors';
import { startTestApp, TestApp } from '../support/test-app';

function captureLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createRootLogger('trace', stream), lines };
}

describe('secrets stay out of the logs', () => {
  const SECRET = 'whsec_Zk3vQ9pLmN2xR7tYbW4cD8fG';
  let t: TestApp;
  let capture: ReturnType<typeof captureLogger>;

  beforeAll(async () => {
    capture = captureLogger();
    t = await startTestApp({ logger: capture.logger });
  });
  afterAll(() => t.close());

  it('logs a failed query as one JSON line with its code, never its parameters', async () => {
    const ds = t.app.get(DataSource);
    const failures = await Promise.all([
      // The value is quoted in Postgres' own message.
      ds.query('SELECT $1::int', [SECRET]).catch((e: unknown) => e),
      // A NUL byte beside a secret: the whole parameter list used to be printed.
      ds.query('SELECT $1::text, $2::text', [SECRET, 'a\u0000b']).catch((e: unknown) => e),
      // A unique violation's detail names the key's value.
      ds
        .query('CREATE TEMP TABLE t_secret (v text PRIMARY KEY)')
        .then(() => ds.query('INSERT INTO t_secret VALUES ($1), ($1)', [SECRET]))
        .catch((e: unknown) => e),
    ]);
    // What the problem filter does with an unexpected error.
    for (const err of failures) new Logger('Errors').error({ err, requestId: 'r1' }, 'Unhandled error');

    const text = capture.lines.join('\n');
    expect(failures.every((e) => e instanceof Error)).toBe(true);
    expect(text).not.toContain('Zk3vQ9pLmN2xR7tYbW4cD8fG');
    const failed = capture.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'query failed');
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed[0]).toMatchObject({ level: 50, code: expect.any(String), query: expect.any(String) });
  });
});

describe('Redis errors', () => {
  it('go through the logger as a few lines, never "Unhandled error event" or raw stacks', async () => {
    const { logger, lines } = captureLogger();
    Logger.overrideLogger(new PinoNestLogger(logger));
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const dead = { redisUrl: 'redis://127.0.0.1:1' };
    const client = createRedisConnection(dead, { maxRetriesPerRequest: 1 }, 'test');
    const connection = createRedisConnection(dead, { maxRetriesPerRequest: null });
    const queue = new Queue('dead', { connection });
    logRedisErrors(queue, 'queue:dead');
    await new Promise((r) => setTimeout(r, 2500));
    client.disconnect();
    await queue.close().catch(() => undefined);
    // BullMQ never closes a connection it was given: left open, it retries the dead port for good and its
    // reconnect timer keeps the jest worker from exiting.
    connection.disconnect();

    expect(printed).not.toHaveBeenCalled();
    printed.mockRestore();
    const redisLines = lines.map((l) => JSON.parse(l)).filter((l) => l.context === 'Redis');
    expect(redisLines.length).toBeGreaterThanOrEqual(1);
    expect(redisLines.length).toBeLessThanOrEqual(4);
    // Every connection made through createRedisConnection logs by itself.
    expect(redisLines).toContainEqual(
      expect.objectContaining({ msg: 'Redis unavailable', source: 'test', code: 'ECONNREFUSED' }),
    );
    expect(JSON.stringify(redisLines)).not.toContain('    at ');
  });
});
