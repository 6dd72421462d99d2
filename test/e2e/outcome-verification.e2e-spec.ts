import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { SCOPES } from '../../src/shared/context/permissions';
import { QUEUES } from '../../src/shared/queue/queue-names';
import { verifySignature } from '../../src/shared/contracts/webhook-signature';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';
import { AuthFn, createApiKey, signUp, withApiKey } from '../support/auth';
import { FakeWebhookReceiver } from '../fakes/fake-webhook-receiver';

interface Org {
  auth: AuthFn;
  tenantId: string;
}
type Stat = { status: string; count: number };

describe('outcome verification worker', () => {
  const clock = new FixedClock(new Date('2026-04-01T00:00:00Z'));
  const SECRET = 'verification-secret-0123456789';
  let t: TestApp;
  let receiver: FakeWebhookReceiver;
  let a: Org;
  let b: Org;
  let agentId: string;
  let customerId: string;

  beforeAll(async () => {
    t = await startTestApp({
      workers: true,
      clock,
      env: {
        OUTBOUND_ALLOW_PRIVATE_ADDRESSES: 'true',
      },
    });
    receiver = await new FakeWebhookReceiver().start();
    const orgOf = async () => {
      const user = await signUp(t);
      const key = await createApiKey(t, user, [...SCOPES]);
      return { auth: withApiKey(key.key), tenantId: user.tenantId };
    };
    [a, b] = await Promise.all([orgOf(), orgOf()]);
    const agent = await a
      .auth(t.http.post('/api/v1/agents'))
      .send({ name: 'Closer', slug: 'closer', model: 'gpt-4o-mini' })
      .expect(201);
    agentId = agent.body.id;
    const customer = await a
      .auth(t.http.post('/api/v1/customers'))
      .send({ name: 'Initech', currency: 'USD', timezone: 'UTC' })
      .expect(201);
    customerId = customer.body.id;
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const record = (type: string, value: string, evidence: Record<string, unknown> = {}) =>
    a
      .auth(t.http.post(`/api/v1/agents/${agentId}/outcomes`))
      .send({ customerId, type, value, currency: 'USD', evidence })
      .expect(201)
      .then((r) => r.body as { id: string; status: string });
  const statsFor = async (status: string, count: number) =>
    until(
      () => a.auth(t.http.get(`/api/v1/agents/${agentId}/stats`)).then((r) => r.body.outcomes as Stat[]),
      (stats) => stats.find((s) => s.status === status)?.count === count,
    ).then((stats) => stats.find((s) => s.status === status)?.count ?? 0);

  it('stores rules per outcome type, validates them, and keeps them per organization', async () => {
    const put = await a
      .auth(t.http.put('/api/v1/outcome-verification-rules/lead_qualified'))
      .send({ autoAcceptBelow: '100', requiredEvidence: ['crm_id'] })
      .expect(200);
    expect(put.body).toEqual({
      outcomeType: 'lead_qualified',
      autoAcceptBelow: '100',
      requiredEvidence: ['crm_id'],
      webhookUrl: null,
      disputeWindowHours: null,
    });
    await a
      .auth(t.http.put('/api/v1/outcome-verification-rules/lead_qualified'))
      .send({ autoAcceptBelow: 'lots' })
      .expect(400);
    await a
      .auth(t.http.put('/api/v1/outcome-verification-rules/x'))
      .send({ webhookUrl: 'ftp://nope' })
      .expect(400);
    expect((await b.auth(t.http.get('/api/v1/outcome-verification-rules')).expect(200)).body.items).toEqual(
      [],
    );
    await b.auth(t.http.delete('/api/v1/outcome-verification-rules/lead_qualified')).expect(404);
  });

  it('auto-accepts under the threshold and rejects missing evidence; only pending outcomes change', async () => {
    await record('lead_qualified', '50', { crm_id: 'L-1' });
    await record('lead_qualified', '60', {});
    expect(await statsFor('verified', 1)).toBe(1);
    expect(await statsFor('rejected', 1)).toBe(1);
  });

  it('asks the tenant verification webhook (signed) and accepts its verdict', async () => {
    receiver.respond = (r) =>
      r.path === '/verify'
        ? {
            status: 200,
            body: JSON.stringify(
              r.json.outcome.value === '999'
                ? { verdict: 'rejected', reason: 'not in CRM' }
                : { verdict: 'verified' },
            ),
          }
        : { status: 404 };
    await a
      .auth(t.http.put('/api/v1/outcome-verification-rules/deal_closed'))
      .send({ webhookUrl: `${receiver.url}/verify`, webhookSecret: SECRET })
      .expect(200);
    await record('deal_closed', '999', { deal: 'D-9' });
    await record('deal_closed', '500', { deal: 'D-5' });
    const calls = await receiver.waitFor(2, (r) => r.path === '/verify');
    for (const call of calls)
      expect(
        verifySignature(
          SECRET,
          call.headers['tollgate-signature'] as string,
          call.body,
          Math.floor(clock.now().getTime() / 1000),
        ),
      ).toBe(true);
    expect(await statsFor('verified', 2)).toBe(2);
    expect(await statsFor('rejected', 2)).toBe(2);
  });

  it('waits for the dispute window, then verifies', async () => {
    await a
      .auth(t.http.put('/api/v1/outcome-verification-rules/meeting_booked'))
      .send({ disputeWindowHours: 48 })
      .expect(200);
    clock.set(new Date()); // Billing stamps outcomes with the database time; start the window there
    const outcome = await record('meeting_booked', '10');
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.outcomeVerification));
    const job = await until(
      () => queue.getJob(outcome.id),
      (j) => !!j,
    );
    await until(
      () => job!.getState(),
      (state) => state === 'delayed',
    );
    expect(await statsFor('verified', 2)).toBe(2); // still pending
    clock.advance(49 * 3600_000);
    await (await queue.getJob(outcome.id))!.promote();
    expect(await statsFor('verified', 3)).toBe(3);
  });

  it('keeps a verification that fails every retry as a dead letter', async () => {
    receiver.respond = () => ({ status: 500, body: 'down' });
    await a
      .auth(t.http.put('/api/v1/outcome-verification-rules/refund_avoided'))
      .send({ webhookUrl: `${receiver.url}/broken`, webhookSecret: SECRET })
      .expect(200);
    const outcome = await record('refund_avoided', '42');
    // The job Billing queued retries over ~15 s; this one (same outcome) gives up fast.
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.outcomeVerification));
    await queue.add(
      'verify-outcome',
      { tenantId: a.tenantId, outcomeId: outcome.id },
      { jobId: `fast_${outcome.id}`, attempts: 2, backoff: { type: 'fixed', delay: 20 } },
    );
    const dead = await until(
      () =>
        a
          .auth(t.http.get('/api/v1/failed-jobs?queue=outcome-verification'))
          .then((r) => r.body.items as { jobId: string; error: string }[]),
      (items) => items.some((i) => i.jobId === `fast_${outcome.id}`),
    );
    expect(dead.find((i) => i.jobId === `fast_${outcome.id}`)!.error).toMatch(/answered 500/);
    expect((await b.auth(t.http.get('/api/v1/failed-jobs')).expect(200)).body.items).toEqual([]);
  });
});
