import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app';
import { createApiKey, signUp, SignedUp } from '../support/auth';
import { FakeStripe, parseStripeForm } from '../fakes/fake-stripe';
import { PaymentGateway } from '../../src/shared/contracts/payment-gateway';
import { BudgetSource } from '../../src/shared/contracts/metering';
import { InvalidationBus } from '../../src/shared/contracts/invalidation-bus';
import { UsageEventSink } from '../../src/shared/contracts/metering';
import { QUEUES } from '../../src/shared/queue/queue-names';
import { TenantId } from '../../src/shared/domain/tenant-id';

describe('billing: Stripe payments (real SDK against a fake Stripe)', () => {
  const stripe = new FakeStripe();
  let t: TestApp;
  let a: SignedUp;
  let customerId: string;

  beforeAll(async () => {
    const { url } = await stripe.start();
    t = await startTestApp({
      env: { STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_API_BASE: url, STRIPE_TIMEOUT_MS: '2000' },
    });
    a = await signUp(t);
    customerId = (
      await a
        .auth(t.http.post('/api/v1/customers'))
        .send({ name: 'Acme & Co', email: 'ap@acme.test', currency: 'EUR' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
    await stripe.stop();
  });

  it('parses nested form bodies the way the SDK encodes them', () => {
    expect(parseStripeForm('a[b][0][c]=1&a[b][1][c]=2&metadata[x]=y&n=%26')).toEqual({
      a: { b: [{ c: '1' }, { c: '2' }] },
      metadata: { x: 'y' },
      n: '&',
    });
  });

  it('creates the Stripe customer once, then updates it', async () => {
    const first = await a.auth(t.http.put(`/api/v1/customers/${customerId}/payment-customer`)).expect(200);
    expect(first.body.stripeCustomerId).toMatch(/^cus_/);
    const created = stripe.customers.get(first.body.stripeCustomerId)!;
    expect(created).toMatchObject({
      name: 'Acme & Co',
      email: 'ap@acme.test',
      metadata: { tollgate_customer_id: customerId, tenant_id: a.tenantId },
    });
    await a
      .auth(t.http.patch(`/api/v1/customers/${customerId}`))
      .send({ name: 'Acme Inc' })
      .expect(200);
    const second = await a.auth(t.http.put(`/api/v1/customers/${customerId}/payment-customer`)).expect(200);
    expect(second.body.stripeCustomerId).toBe(first.body.stripeCustomerId);
    expect(stripe.customers.size).toBe(1);
    expect(stripe.customers.get(first.body.stripeCustomerId)?.name).toBe('Acme Inc');
  });

  it('creates Checkout Sessions for a credit top-up and for a payment method (idempotent per key)', async () => {
    const topUp = await a
      .auth(t.http.post(`/api/v1/customers/${customerId}/checkout-sessions`))
      .set('Idempotency-Key', 'topup-1')
      .send({ purpose: 'credit_top_up', amount: '25.50' })
      .expect(201);
    expect(topUp.body.url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const session = stripe.sessions.get(topUp.body.id)!;
    expect(session).toMatchObject({
      mode: 'payment',
      line_items: [
        {
          quantity: '1',
          price_data: {
            currency: 'eur',
            unit_amount: '2550',
            product_data: { name: expect.stringContaining('Credit top-up') },
          },
        },
      ],
      metadata: { tollgate_customer_id: customerId, credit_amount: '25.50', purpose: 'credit_top_up' },
    });
    const again = await a
      .auth(t.http.post(`/api/v1/customers/${customerId}/checkout-sessions`))
      .set('Idempotency-Key', 'topup-1')
      .send({ purpose: 'credit_top_up', amount: '25.50' })
      .expect(201);
    expect(again.body.id).toBe(topUp.body.id);
    const setup = await a
      .auth(t.http.post(`/api/v1/customers/${customerId}/checkout-sessions`))
      .send({ purpose: 'payment_method' })
      .expect(201);
    expect(stripe.sessions.get(setup.body.id)).toMatchObject({ mode: 'setup', currency: 'eur' });
    const plan = await a
      .auth(t.http.post('/api/v1/plans'))
      .send({ code: 'eur-plan', name: 'EUR', currency: 'EUR', interval: 'month', charges: [] })
      .expect(201);
    const sub = await a
      .auth(t.http.post('/api/v1/subscriptions'))
      .send({ customerId, planId: plan.body.id })
      .expect(201);
    const forSub = await a
      .auth(t.http.post(`/api/v1/customers/${customerId}/checkout-sessions`))
      .send({ purpose: 'payment_method', subscriptionId: sub.body.id })
      .expect(201);
    expect(stripe.sessions.get(forSub.body.id)?.metadata).toMatchObject({
      tollgate_subscription_id: sub.body.id,
    });
    await a
      .auth(t.http.post(`/api/v1/customers/${customerId}/checkout-sessions`))
      .send({ purpose: 'payment_method', subscriptionId: randomUUID() })
      .expect(404);
    await a
      .auth(t.http.post(`/api/v1/customers/${customerId}/checkout-sessions`))
      .send({ purpose: 'credit_top_up' })
      .expect(400);
  });

  it('pushes a finalized invoice in minor units, credits as one line, and reads its payment status', async () => {
    const gateway = t.app.get(PaymentGateway);
    const cust = (await a.auth(t.http.get(`/api/v1/customers/${customerId}`)).expect(200)).body;
    const input = {
      tenantId: a.tenantId,
      stripeCustomerId: cust.stripeCustomerId,
      invoiceId: randomUUID(),
      invoiceNumber: 'INV-0001',
      currency: 'EUR',
      lines: [
        { description: 'Platform', amount: '49.00' },
        { description: 'Tokens', amount: '0.07' },
      ],
      total: '39.07',
    };
    const pushed = await gateway.pushInvoice(input);
    expect(pushed.hostedUrl).toMatch(/invoice\.stripe\.test/);
    const inv = stripe.invoices.get(pushed.externalId)!;
    expect(inv.lines.map((l: { amount: number; description: string }) => [l.description, l.amount])).toEqual([
      ['Platform', 4900],
      ['Tokens', 7],
      ['Credits applied', -1000],
    ]);
    expect(inv).toMatchObject({
      status: 'open',
      amount_due: 3907,
      collection_method: 'send_invoice',
      metadata: { invoice_number: 'INV-0001' },
    });
    // A retry (same invoice id) creates nothing new.
    expect((await gateway.pushInvoice(input)).externalId).toBe(pushed.externalId);
    expect(stripe.invoices.size).toBe(1);
    expect(await gateway.paymentStatus(pushed.externalId)).toBe('open');
    stripe.markPaid(pushed.externalId);
    expect(await gateway.paymentStatus(pushed.externalId)).toBe('paid');
  });

  it('maps Stripe failures to 502 problem+json (after the SDK’s retries)', async () => {
    stripe.failNext = 3;
    const res = await a.auth(t.http.put(`/api/v1/customers/${customerId}/payment-customer`)).expect(502);
    expect(res.body.code).toBe('payment_gateway_failed');
    stripe.failNext = 0;
  });

  it('answers 503 when Stripe is not configured', async () => {
    const bare = await startTestApp();
    try {
      const u = await signUp(bare);
      const c = (
        await u.auth(bare.http.post('/api/v1/customers')).send({ name: 'X', currency: 'USD' }).expect(201)
      ).body;
      const res = await u.auth(bare.http.put(`/api/v1/customers/${c.id}/payment-customer`)).expect(503);
      expect(res.body.code).toBe('payments_not_configured');
      expect(bare.app.get(PaymentGateway).enabled).toBe(false);
    } finally {
      await bare.close();
    }
  });
});

describe('billing: spend caps and budgets for the chat gateway', () => {
  let t: TestApp;
  let a: SignedUp;
  let b: SignedUp;
  beforeAll(async () => {
    t = await startTestApp({ env: { BUDGET_CACHE_SECONDS: '60' } });
    [a, b] = await Promise.all([signUp(t), signUp(t)]);
  });
  afterAll(() => t.close());

  it('gives no budget to customers without caps', async () => {
    const c = (
      await a.auth(t.http.post('/api/v1/customers')).send({ name: 'Free', currency: 'USD' }).expect(201)
    ).body;
    expect(
      await t.app.get(BudgetSource).budgetsFor({ tenantId: a.tenantId as TenantId, customer: { id: c.id } }),
    ).toEqual([]);
  });

  it('derives cap and prepaid budgets from the period’s recorded LLM cost; changes drop the cache', async () => {
    const c = (
      await a
        .auth(t.http.post('/api/v1/customers'))
        .send({ name: 'Capped', currency: 'USD', externalId: 'capped', spendCap: '10' })
        .expect(201)
    ).body;
    const now = new Date();
    await t.app.get(UsageEventSink).ingest([
      {
        tenantId: a.tenantId as TenantId,
        eventId: 'b-1:prompt',
        metricCode: 'llm_prompt_tokens',
        customer: { id: c.id },
        timestamp: now,
        properties: { tokens: 10, cost: '1.25' },
      },
      {
        tenantId: a.tenantId as TenantId,
        eventId: 'b-1:completion',
        metricCode: 'llm_completion_tokens',
        customer: { id: c.id },
        timestamp: now,
        properties: { tokens: 10, cost: '0.75' },
      },
    ]);
    const source = t.app.get(BudgetSource);
    const [cap] = await source.budgetsFor({
      tenantId: a.tenantId as TenantId,
      customer: { externalId: 'capped' },
    });
    expect(cap).toMatchObject({ limit: '10', spent: '2', currency: 'USD', reason: 'spend_cap_exceeded' });
    expect(cap.key).toContain(c.id);
    expect(cap.ttlSeconds).toBeGreaterThan(0);
    await a
      .auth(t.http.patch(`/api/v1/customers/${c.id}`))
      .send({ spendCap: '20', prepaidOnly: true })
      .expect(200);
    await a
      .auth(t.http.post(`/api/v1/customers/${c.id}/credits/grants`))
      .send({ amount: '5', paid: true })
      .expect(201);
    const budgets = await source.budgetsFor({ tenantId: a.tenantId as TenantId, customer: { id: c.id } });
    expect(budgets.map((x) => [x.reason, x.limit, x.spent])).toEqual([
      ['spend_cap_exceeded', '20', '2'],
      ['insufficient_credits', '7', '2'], // balance 5 + this period's spend not invoiced yet
    ]);
    // Another tenant cannot see it.
    expect(await source.budgetsFor({ tenantId: b.tenantId as TenantId, customer: { id: c.id } })).toEqual([]);
  });

  it('a change made through one instance reaches the budgets another instance holds in memory', async () => {
    const other = await startTestApp({ env: { BUDGET_CACHE_SECONDS: '60' } });
    try {
      const c = (
        await a
          .auth(t.http.post('/api/v1/customers'))
          .send({ name: 'Shared', currency: 'USD', spendCap: '10' })
          .expect(201)
      ).body;
      const scope = { tenantId: a.tenantId as TenantId, customer: { id: c.id as string } };
      const limits = async () => (await other.app.get(BudgetSource).budgetsFor(scope)).map((x) => x.limit);
      expect(await limits()).toEqual(['10']); // now in the other instance's memory
      // The other instance's own subscriber drops its copy before this one hears the same message.
      const dropped = new Promise<void>((resolve) =>
        other.app.get(InvalidationBus).subscribe('budgets', (key) => key.includes(c.id) && resolve()),
      );
      await a
        .auth(t.http.patch(`/api/v1/customers/${c.id}`))
        .send({ spendCap: '20' })
        .expect(200);
      await dropped;
      expect(await limits()).toEqual(['20']);
    } finally {
      await other.close();
    }
  });

  it('sets API key caps (404 for keys of another tenant)', async () => {
    const key = await createApiKey(t, a, ['chat:invoke']);
    const cap = await a
      .auth(t.http.put(`/api/v1/spend-caps/api-keys/${key.id}`))
      .send({ amount: '3.5', currency: 'usd' })
      .expect(200);
    expect(cap.body).toEqual({ apiKeyId: key.id, amount: '3.5', currency: 'USD' });
    const [budget] = await t.app
      .get(BudgetSource)
      .budgetsFor({ tenantId: a.tenantId as TenantId, apiKeyId: key.id });
    expect(budget).toMatchObject({ limit: '3.5', reason: 'spend_cap_exceeded' });
    await b
      .auth(t.http.put(`/api/v1/spend-caps/api-keys/${key.id}`))
      .send({ amount: '1', currency: 'USD' })
      .expect(404);
    await b.auth(t.http.get(`/api/v1/spend-caps/api-keys/${key.id}`)).expect(404);
    await a.auth(t.http.delete(`/api/v1/spend-caps/api-keys/${key.id}`)).expect(204);
    expect(
      await t.app.get(BudgetSource).budgetsFor({ tenantId: a.tenantId as TenantId, apiKeyId: key.id }),
    ).toEqual([]);
  });
});

describe('billing: agent activities, costs, outcomes and stats', () => {
  let t: TestApp;
  let a: SignedUp;
  let b: SignedUp;
  let agentId: string;
  let customerId: string;
  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await Promise.all([signUp(t), signUp(t)]);
    agentId = (
      await a
        .auth(t.http.post('/api/v1/agents'))
        .send({ name: 'Support', slug: 'support', model: 'gpt-4o-mini' })
        .expect(201)
    ).body.id;
    customerId = (
      await a
        .auth(t.http.post('/api/v1/customers'))
        .send({ name: 'C', currency: 'USD', externalId: 'c1' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('records activities as usage (idempotent per eventId) and costs', async () => {
    const body = { type: 'ticket_resolved', quantity: '2', externalCustomerId: 'c1', eventId: 'act-1' };
    expect(
      (
        await a
          .auth(t.http.post(`/api/v1/agents/${agentId}/activities`))
          .send(body)
          .expect(201)
      ).body,
    ).toMatchObject({ duplicate: false });
    expect(
      (
        await a
          .auth(t.http.post(`/api/v1/agents/${agentId}/activities`))
          .send(body)
          .expect(201)
      ).body,
    ).toMatchObject({ duplicate: true });
    await a
      .auth(t.http.post(`/api/v1/agents/${agentId}/activities`))
      .send({ type: 'ticket_resolved', quantity: '1' })
      .expect(201);
    await a
      .auth(t.http.post(`/api/v1/agents/${agentId}/activities`))
      .send({ type: 'bad type!', quantity: '1' })
      .expect(400);
    await a
      .auth(t.http.post(`/api/v1/agents/${agentId}/activities`))
      .send({ type: 'x', quantity: 'one' })
      .expect(400);
    await a
      .auth(t.http.post(`/api/v1/agents/${agentId}/activities`))
      .send({ type: 'x', quantity: '1', customerId: randomUUID() })
      .expect(404);
    const cost = { costType: 'llm', amount: '1.2', currency: 'usd', externalId: 'cost-1', customerId };
    const c1 = await a
      .auth(t.http.post(`/api/v1/agents/${agentId}/costs`))
      .send(cost)
      .expect(201);
    const c2 = await a
      .auth(t.http.post(`/api/v1/agents/${agentId}/costs`))
      .send(cost)
      .expect(201);
    expect(c2.body.id).toBe(c1.body.id);
    const stats = (await a.auth(t.http.get(`/api/v1/agents/${agentId}/stats`)).expect(200)).body;
    expect(stats).toMatchObject({
      agentId,
      activities: { events: 2, quantity: '3' },
      costs: [{ currency: 'USD', amount: '1.2' }],
      margin: [{ currency: 'USD', amount: '-1.2' }],
    });
  });

  it('records outcomes as pending and enqueues one verification job per outcome', async () => {
    const body = {
      type: 'deflection',
      value: '120',
      currency: 'USD',
      customerId,
      evidence: { ticket: 'T-9' },
      externalId: 'out-1',
    };
    const first = await a
      .auth(t.http.post(`/api/v1/agents/${agentId}/outcomes`))
      .send(body)
      .expect(201);
    expect(first.body).toMatchObject({ status: 'pending', value: '120', evidence: { ticket: 'T-9' } });
    const retry = await a
      .auth(t.http.post(`/api/v1/agents/${agentId}/outcomes`))
      .send(body)
      .expect(200);
    expect(retry.body.id).toBe(first.body.id);
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.outcomeVerification));
    const job = await queue.getJob(first.body.id);
    expect(job?.name).toBe('verify-outcome');
    expect(job?.data).toEqual({ tenantId: a.tenantId, outcomeId: first.body.id });
    await a
      .auth(t.http.post(`/api/v1/agents/${agentId}/outcomes`))
      .send({ ...body, value: '-1' })
      .expect(400);
  });

  it('answers 404 for unknown or foreign agents', async () => {
    for (const path of ['activities', 'costs', 'outcomes']) {
      await b
        .auth(t.http.post(`/api/v1/agents/${agentId}/${path}`))
        .send({})
        .expect(400); // body checked first
      await b
        .auth(t.http.post(`/api/v1/agents/${agentId}/${path}`))
        .send(
          path === 'activities'
            ? { type: 't', quantity: '1' }
            : path === 'costs'
              ? { costType: 'llm', amount: '1', currency: 'USD' }
              : { type: 'x', value: '1', currency: 'USD' },
        )
        .expect(404);
    }
    await b.auth(t.http.get(`/api/v1/agents/${agentId}/stats`)).expect(404);
    await a.auth(t.http.get(`/api/v1/agents/${randomUUID()}/stats`)).expect(404);
  });
});
