import { startTestApp, TestApp } from '../support/test-app';
import { signUp, SignedUp } from '../support/auth';
import { FaultProxy } from './support/fault-proxy';

/**
 * The request deadline holds on its own: with the database frozen and its statement timeout far away, a
 * POST (whose body has been read, where Fastify's own handler timeout no longer runs) is answered 503 +
 * Retry-After at REQUEST_TIMEOUT_MS.
 */
describe('the request deadline', () => {
  let proxy: FaultProxy;
  let app: TestApp;
  let owner: SignedUp;

  beforeAll(async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    proxy = await FaultProxy.inFrontOf(process.env.DATABASE_URL!);
    app = await startTestApp({
      env: {
        DATABASE_URL: proxy.url,
        REQUEST_TIMEOUT_MS: '1500',
        DATABASE_STATEMENT_TIMEOUT_MS: '20000',
      },
    });
    owner = await signUp(app);
  });
  afterAll(async () => {
    proxy.pass();
    await app.close();
    await proxy.close();
  });

  it('a POST waiting on a frozen database gets 503 request_timeout at the deadline, then recovers', async () => {
    proxy.stall();
    const started = Date.now();
    const res = await owner
      .auth(app.http.post('/api/v1/usage/events'))
      .send({
        events: [
          { eventId: 'd1', externalCustomerId: 'x', metric: 'calls', timestamp: new Date().toISOString() },
        ],
      })
      .timeout(10_000);
    const elapsed = Date.now() - started;
    proxy.pass();
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('request_timeout');
    expect(res.headers['retry-after']).toBe('2');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(elapsed).toBeLessThan(4000);
  });
});
