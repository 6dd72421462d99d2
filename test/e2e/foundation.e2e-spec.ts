import { Writable } from 'node:stream';
import { createRootLogger } from '../../src/shared/logging/logger';
import { spawn, ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /application\/problem\+json/;

describe('foundation: errors, health, metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness', async () => {
    await t.http.get('/health').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('echoes a sane X-Request-Id and makes one otherwise', async () => {
    const given = await t.http.get('/health').set('X-Request-Id', 'abc-123').expect(200);
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.http.get('/health').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with a problem+json 404', async () => {
    const res = await t.http.get('/no/such/route').set('X-Request-Id', 'r-404').expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      status: 404,
      title: 'Not Found',
      instance: '/no/such/route',
      requestId: 'r-404',
    });
    expect(res.body.type).toMatch(/^https:\/\//);
    expect(typeof res.body.detail).toBe('string');
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await t.http
      .post('/health')
      .set('content-type', 'application/json')
      .send('{"a":')
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.status).toBe(400);
  });

  it('answers a 2 MiB body with 413 problem+json', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) });
    const res = await t.http.post('/health').set('content-type', 'application/json').send(big).expect(413);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 413, code: 'content_too_large' });
  });

  it('exposes the HTTP histogram by route template and the in-flight gauge', async () => {
    await t.http.get('/health').expect(200);
    const res = await t.http.get('/metrics').expect(200);
    expect(res.text).toMatch(
      /http_request_duration_seconds_bucket\{[^}]*method="GET",route="\/health",status="200"/,
    );
    expect(res.text).toMatch(/http_requests_in_flight/);
    expect(res.text).toMatch(/process_cpu_user_seconds_total/);
  });

  it('runs without global interceptors (nestjs-cls no-ops cost ~3.6x CPU per request; see src/http-app.ts)', () => {
    const internals = (t.app as unknown as { config: { getGlobalInterceptors(): unknown[] } }).config;
    expect(internals.getGlobalInterceptors()).toHaveLength(0);
  });

  it('serves Swagger UI and the OpenAPI document', async () => {
    await t.http.get('/docs').expect(200);
    const doc = await t.http.get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
  });
});

/** A private redis-server we can stop and start, to prove readiness follows Redis without a restart. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'pipe' },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on(
      'data',
      (d: Buffer) => d.toString().includes('Ready to accept connections') && resolve(child),
    );
    child.on('error', reject);
  });
}

const stopRedis = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGKILL')));

describe('foundation: readiness when Redis goes away', () => {
  let redis: ChildProcess;
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    t = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await t.close().catch(() => undefined);
    if (redis.exitCode === null) await stopRedis(redis);
  });

  it('answers 503 naming Redis within 2 s, keeps /health at 200, and recovers when Redis is back', async () => {
    await t.http.get('/health/ready').expect(200);
    await stopRedis(redis);

    const started = Date.now();
    const down = await t.http.get('/health/ready');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(down.status).toBe(503);
    expect(JSON.stringify(down.body)).toMatch(/redis/);
    expect(down.body.details.redis.status).toBe('down');
    await t.http.get('/health').expect(200);

    redis = await startRedis(port);
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await t.http.get('/health/ready')).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
  });
});

describe('foundation: access logs', () => {
  it('writes one JSON line per request with request id, route, status and duration, and no credentials', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        cb();
      },
    });
    const t = await startTestApp({ logger: createRootLogger('info', sink) });
    try {
      await t.http
        .get('/no/such/route')
        .set('X-Request-Id', 'log-check-1')
        .set('Authorization', 'Bearer secret-token-value')
        .expect(404);
      const entry = lines
        .map((l) => JSON.parse(l))
        .find((l) => l.requestId === 'log-check-1' && l.msg === 'request completed');
      expect(entry).toMatchObject({ method: 'GET', route: 'unmatched', status: 404 });
      expect(typeof entry.durationMs).toBe('number');
      expect(lines.join('\n')).not.toContain('secret-token-value');
    } finally {
      await t.close();
    }
  });
});
