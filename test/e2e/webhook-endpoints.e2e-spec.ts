import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';
import { signUp, SignedUp } from '../support/auth';
import { FakeWebhookReceiver } from '../fakes/fake-webhook-receiver';
import { WebhookEvents } from '../../src/shared/contracts/webhook-events';
import { asTenantId } from '../../src/shared/domain/tenant-id';
import { verifySignature } from '../../src/shared/contracts/webhook-signature';

const PROBLEM = /application\/problem\+json/;

interface Delivery {
  id: string;
  eventId: string;
  status: string;
}

describe('outbound webhooks', () => {
  let t: TestApp;
  let owner: SignedUp;
  let other: SignedUp;
  let receiver: FakeWebhookReceiver;
  let events: WebhookEvents;

  beforeAll(async () => {
    t = await startTestApp({
      workers: true,
      env: {
        OUTBOUND_ALLOW_PRIVATE_ADDRESSES: 'true',
        WEBHOOK_BACKOFF_BASE_MS: '100',
        WEBHOOK_MAX_ATTEMPTS: '3',
      },
    });
    receiver = await new FakeWebhookReceiver().start();
    [owner, other] = await Promise.all([signUp(t), signUp(t)]);
    events = t.app.get(WebhookEvents);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const createEndpoint = async (path: string, eventTypes: string[]) => {
    const res = await owner
      .auth(t.http.post('/api/v1/webhook-endpoints'))
      .send({ url: `${receiver.url}${path}`, eventTypes })
      .expect(201);
    return res.body as { id: string; secret: string };
  };

  it('registers endpoints, validates input, and hides them from other organizations', async () => {
    const ep = await createEndpoint('/crud', ['invoice.paid']);
    expect(ep.secret).toMatch(/^whsec_/);
    const list = await owner.auth(t.http.get('/api/v1/webhook-endpoints')).expect(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(ep.id);
    expect(list.body.items[0].secret).toBeUndefined();

    const bad = await owner
      .auth(t.http.post('/api/v1/webhook-endpoints'))
      .send({ url: 'ftp://example.com/x', eventTypes: ['invoice.paid'] })
      .expect(400);
    expect(bad.headers['content-type']).toMatch(PROBLEM);
    await owner
      .auth(t.http.post('/api/v1/webhook-endpoints'))
      .send({ url: 'https://example.com/x', eventTypes: ['no.such_event'] })
      .expect(400);

    await other.auth(t.http.get(`/api/v1/webhook-endpoints/${ep.id}`)).expect(404);
    await other
      .auth(t.http.patch(`/api/v1/webhook-endpoints/${ep.id}`))
      .send({ enabled: false })
      .expect(404);
    await other.auth(t.http.delete(`/api/v1/webhook-endpoints/${ep.id}`)).expect(404);
    await other.auth(t.http.get(`/api/v1/webhook-endpoints/${ep.id}/deliveries`)).expect(404);
    await owner.auth(t.http.get('/api/v1/webhook-endpoints/not-a-uuid')).expect(404);

    const patched = await owner
      .auth(t.http.patch(`/api/v1/webhook-endpoints/${ep.id}`))
      .send({ eventTypes: ['invoice.paid', 'invoice.finalized'] })
      .expect(200);
    expect(patched.body.eventTypes).toEqual(['invoice.paid', 'invoice.finalized']);
    await owner.auth(t.http.delete(`/api/v1/webhook-endpoints/${ep.id}`)).expect(204);
    await owner.auth(t.http.get(`/api/v1/webhook-endpoints/${ep.id}`)).expect(404);
  });

  it('delivers a signed event only to subscribed endpoints of the tenant and logs the response', async () => {
    const ep = await createEndpoint('/signed', ['credits.low']);
    await events.publish(asTenantId(other.tenantId), 'credits.low', { customerId: 'c-other' });
    await events.publish(asTenantId(owner.tenantId), 'invoice.voided', { invoiceId: 'not-subscribed' });
    await events.publish(asTenantId(owner.tenantId), 'credits.low', { customerId: 'c1', balance: '1.50' });

    const [hook] = await receiver.waitFor(1, (r) => r.path === '/signed');
    expect(hook.json).toMatchObject({ type: 'credits.low', data: { customerId: 'c1', balance: '1.50' } });
    const signature = hook.headers['tollgate-signature'] as string;
    expect(verifySignature(ep.secret, signature, hook.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(hook.headers['tollgate-event-id']).toBe(hook.json.id);

    const log = await until(
      () =>
        owner
          .auth(t.http.get(`/api/v1/webhook-endpoints/${ep.id}/deliveries`))
          .then((r) => r.body.items as Delivery[]),
      (items: Delivery[]) => items[0]?.status === 'delivered',
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      status: 'delivered',
      lastStatusCode: 200,
      attempts: 1,
      eventType: 'credits.low',
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received.filter((r) => r.path === '/signed')).toHaveLength(1);
  });

  it('retries failures with backoff, keeps the attempt log, and gives up after the last attempt', async () => {
    const ep = await createEndpoint('/flaky', ['invoice.paid']);
    let calls = 0;
    receiver.respond = (r) =>
      r.path === '/flaky' && ++calls <= 2 ? { status: 503, body: 'busy' } : { status: 200 };
    await events.publish(asTenantId(owner.tenantId), 'invoice.paid', { invoiceId: 'i1' });
    const hooks = await receiver.waitFor(3, (r) => r.path === '/flaky');
    expect(new Set(hooks.map((h) => h.json.id)).size).toBe(1);

    const deliveries = await until(
      () =>
        owner
          .auth(t.http.get(`/api/v1/webhook-endpoints/${ep.id}/deliveries`))
          .then((r) => r.body.items as Delivery[]),
      (items: Delivery[]) => items[0]?.status === 'delivered',
    );
    const detail = await owner
      .auth(t.http.get(`/api/v1/webhook-endpoints/${ep.id}/deliveries/${deliveries[0].id}`))
      .expect(200);
    expect(detail.body.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([503, 503, 200]);
    expect(detail.body.attemptLog[0].responseBody).toBe('busy');
    await other
      .auth(t.http.get(`/api/v1/webhook-endpoints/${ep.id}/deliveries/${deliveries[0].id}`))
      .expect(404);
  });

  it('marks a delivery failed after all attempts and redelivers it on request', async () => {
    const ep = await createEndpoint('/down', ['invoice.finalized']);
    let up = false;
    receiver.respond = (r) => (r.path === '/down' && !up ? { status: 500 } : { status: 204 });
    await events.publish(asTenantId(owner.tenantId), 'invoice.finalized', { invoiceId: 'i2' });
    const failed = await until(
      () =>
        owner
          .auth(t.http.get(`/api/v1/webhook-endpoints/${ep.id}/deliveries`))
          .then((r) => r.body.items as Delivery[]),
      (items: Delivery[]) => items[0]?.status === 'failed',
    );
    expect(failed[0]).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: 500 });

    up = true;
    await other
      .auth(t.http.post(`/api/v1/webhook-endpoints/${ep.id}/deliveries/${failed[0].id}/redeliver`))
      .expect(404);
    await owner
      .auth(t.http.post(`/api/v1/webhook-endpoints/${ep.id}/deliveries/${failed[0].id}/redeliver`))
      .expect(202);
    const redelivered = await until(
      () =>
        owner
          .auth(t.http.get(`/api/v1/webhook-endpoints/${ep.id}/deliveries`))
          .then((r) => r.body.items as Delivery[]),
      (items: Delivery[]) => items[0]?.status === 'delivered',
    );
    expect(redelivered[0]).toMatchObject({ status: 'delivered', attempts: 4, lastStatusCode: 204 });
    const hooks = receiver.received.filter((r) => r.path === '/down');
    expect(new Set(hooks.map((h) => h.json.id))).toEqual(new Set([failed[0].eventId]));
  });
});
