import { Client } from 'pg';
import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';
import { until } from '../support/until';
import { FaultProxy } from './support/fault-proxy';

const BATCHES = 30;
const PER_BATCH = 100;

/**
 * A client sends usage batches, retrying each (same event ids) on 503, 429, a timeout or a broken
 * connection, while the database is cut, then refused, back, then frozen, then back: every acknowledged
 * event is stored exactly once.
 */
describe('usage ingestion while Postgres is cut, refused and frozen', () => {
  let proxy: FaultProxy;
  let app: TestApp;
  let owner: SignedUp;
  let db: Client;

  beforeAll(async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    proxy = await FaultProxy.inFrontOf(process.env.DATABASE_URL!);
    app = await startTestApp({
      env: {
        DATABASE_URL: proxy.url,
        REQUEST_TIMEOUT_MS: '2000',
        DATABASE_CONNECT_TIMEOUT_MS: '500',
        DATABASE_STATEMENT_TIMEOUT_MS: '1000',
      },
    });
    owner = await signUp(app);
    await owner
      .auth(app.http.post('/api/v1/billable-metrics'))
      .send({ code: 'calls', name: 'Calls', aggregation: 'count' })
      .expect(201);
    await owner
      .auth(app.http.post('/api/v1/customers'))
      .send({ name: 'Acme', currency: 'USD', externalId: 'acme' })
      .expect(201);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    proxy.pass();
    await app.close();
    await Promise.all([db.end(), proxy.close()]);
  });

  it('every acknowledged event is stored exactly once', async () => {
    let acked = 0;
    let failures = 0;
    const unexpected: string[] = [];
    const ts = new Date().toISOString();
    const send = async (b: number) => {
      const events = Array.from({ length: PER_BATCH }, (_, i) => ({
        eventId: `b${b}-e${i}`,
        externalCustomerId: 'acme',
        metric: 'calls',
        timestamp: ts,
      }));
      for (;;) {
        const res = await owner
          .auth(app.http.post('/api/v1/usage/events'))
          .send({ events })
          .timeout(8_000)
          .catch((e: { status?: number; response?: unknown }) => ({ status: e.status ?? 0, body: {} }));
        if (res.status === 202) {
          const body = res.body as { accepted: number; duplicates: number; rejected: number };
          if (body.rejected) unexpected.push(`rejected ${JSON.stringify(body)}`);
          return void (acked += body.accepted + body.duplicates);
        }
        if (![0, 429, 503].includes(res.status)) unexpected.push(`${res.status} ${JSON.stringify(res.body)}`);
        failures++;
        await new Promise((r) => setTimeout(r, 50)); // client backoff
      }
    };
    const client = (async () => {
      for (let b = 0; b < BATCHES; b++) await send(b);
    })();

    await until(
      async () => acked,
      (n) => n >= 5 * PER_BATCH,
    );
    proxy.cut();
    await until(
      async () => acked,
      (n) => n >= 8 * PER_BATCH,
    );
    proxy.refuse();
    const refusedAt = failures;
    await until(
      async () => failures,
      (n) => n >= refusedAt + 3,
    );
    proxy.pass();
    const passedAt = acked;
    await until(
      async () => acked,
      (n) => n >= passedAt + 3 * PER_BATCH,
    );
    proxy.stall(); // with live pooled connections: statements in flight freeze
    const stalledAt = failures;
    await until(
      async () => failures,
      (n) => n >= stalledAt + 2,
      30_000,
    );
    proxy.pass();
    await client;

    expect(unexpected).toEqual([]);
    expect(acked).toBe(BATCHES * PER_BATCH);
    const { rows } = await db.query<{ n: string; distinct_ids: string }>(
      'SELECT count(*) AS n, count(DISTINCT event_id) AS distinct_ids FROM usage_events WHERE tenant_id = $1',
      [owner.tenantId],
    );
    expect(rows[0]).toEqual({ n: String(acked), distinct_ids: String(acked) });
  });
});
