import Redis from 'ioredis';
import { rmSync } from 'node:fs';
import { withAdmin } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const dbName = process.env.TEST_DATABASE_NAME;
  if (dbName && !process.env.TEST_KEEP_DATABASE) {
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  }
  const spool = process.env.CHAT_USAGE_SPOOL_DIR;
  if (spool?.includes('tollgate-spool-')) rmSync(spool, { recursive: true, force: true });
  const prefix = process.env.REDIS_KEY_PREFIX;
  if (prefix?.startsWith('tgtest_')) {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  }
}
