import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import OpenAI from 'openai';
import type { Client } from '../../sdk/src/client';
import { createClient, createConfig } from '../../sdk/src/client';
import * as api from '../../sdk/src';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { isolatedEnv, verificationTokenFor } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';
import { FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai';
import { chatEnv } from '../fakes/fake-openai-setup';
import { FakeWebhookReceiver } from '../fakes/fake-webhook-receiver';

/**
 * The whole product journey of an integrating team, through the generated SDK only (sdk/, compiled with
 * the repository's strict settings) and the openai SDK for chat. Each call throws on an error status.
 */
describe('SDK journey: from sign-up to an invoice PDF and the audit log', () => {
  const clock = new FixedClock(new Date('2026-03-02T09:00:00Z'));
  let fake: FakeOpenAi;
  let receiver: FakeWebhookReceiver;
  let t: TestApp;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    receiver = await new FakeWebhookReceiver().start();
    // Its own database: the journey moves the clock past a billing period and runs the invoice workers.
    const isolated = await isolatedEnv('sdk');
    drop = isolated.drop;
    t = await startTestApp({
      listen: true,
      workers: true,
      clock,
      env: { ...chatEnv(fake), ...isolated.env, OUTBOUND_ALLOW_PRIVATE_ADDRESSES: 'true' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    await fake?.close();
    await drop?.();
  });

  /** Every JSON answer the journey receives, checked against its operation's declared schema. */
  const mismatches: string[] = [];
  let checked = 0;
  const checkResponses = (doc: any) => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'doc');
    const route = (method: string, path: string) =>
      Object.entries<Record<string, any>>(doc.paths).find(([template]) =>
        new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
      )?.[1]?.[method.toLowerCase()];
    return (c: Client) =>
      c.interceptors.response.use(async (response, request) => {
        const op = route(request.method, new URL(request.url).pathname);
        const type = response.headers.get('content-type') ?? '';
        if (!op || !/json/.test(type)) return response;
        const declared = op.responses[String(response.status)];
        if (!declared) {
          mismatches.push(`${op.operationId}: status ${response.status} not declared`);
          return response;
        }
        const target = declared.$ref ? doc.components.responses[declared.$ref.split('/').pop()] : declared;
        const schema = Object.values<any>(target.content ?? {})[0]?.schema;
        if (!schema) return response;
        const ref = schema.$ref ? { $ref: `doc${schema.$ref}` } : schema;
        const validate = ajv.compile(ref);
        checked++;
        if (!validate(await response.clone().json()))
          mismatches.push(`${op.operationId} ${response.status}: ${ajv.errorsText(validate.errors)}`);
        return response;
      });
  };

  it('register, organization, API key, agent, chat, usage, plan, invoice, PDF, webhook endpoint, audit log', async () => {
    const baseUrl = t.url!;
    const doc = await (await fetch(`${baseUrl}/docs-json`)).json();
    const validated = checkResponses(doc);
    const createClientChecked = (config: Parameters<typeof createConfig>[0]) => {
      const c = createClient(createConfig(config));
      validated(c);
      return c;
    };
    const anonymous = createClientChecked({ baseUrl });

    // Register, verify the address from the mail, sign in.
    const email = `journey-${Date.now()}@example.test`;
    const password = 'correct-horse-battery-staple';
    const registered = await api.registerUser({
      client: anonymous,
      throwOnError: true,
      body: { email, password, name: 'Jo Integrator' },
    });
    expect(registered.data.status).toBe('verification_sent');
    const token = await verificationTokenFor(t, email);
    await api.verifyEmail({ client: anonymous, throwOnError: true, body: { token } });
    const session = await api.logIn({ client: anonymous, throwOnError: true, body: { email, password } });

    // The generator's default auth: the one token goes out as bearer and as X-API-Key.
    const asUser = createClientChecked({ baseUrl, auth: () => session.data.accessToken });
    const org = await api.createOrganization({
      client: asUser,
      throwOnError: true,
      body: { name: 'Journey Inc' },
    });
    const key = await api.createApiKey({
      client: asUser,
      throwOnError: true,
      headers: { 'X-Organization-Id': org.data.id },
      body: {
        name: 'journey',
        scopes: [
          'agents:write',
          'agents:read',
          'chat:invoke',
          'customers:write',
          'usage:write',
          'usage:read',
          'plans:write',
          'subscriptions:write',
          'invoices:read',
          'invoices:write',
          'webhooks:manage',
          'audit:read',
        ],
      },
    });
    // From here on the API key: it does not expire when the clock moves past the billing period.
    const client = createClientChecked({ baseUrl, auth: () => key.data.key });

    const agent = await api.createAgent({
      client,
      throwOnError: true,
      body: { name: 'Support', slug: 'support', model: 'gpt-4o-mini', temperature: 0.2, maxTokens: null },
    });
    expect(agent.data).toMatchObject({ slug: 'support', temperature: 0.2, maxTokens: null });

    const openai = new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey: key.data.key, maxRetries: 0 });
    const completion = await openai.chat.completions.create({
      model: 'agent:support',
      messages: [{ role: 'user', content: 'Hello from the journey' }],
    });
    expect(completion.choices[0].message.content).toContain('Hello from the journey');

    const customer = await api.createCustomer({
      client,
      throwOnError: true,
      body: { name: 'Acme', currency: 'USD', externalId: 'acme-1', timezone: 'UTC' },
    });
    await api.createBillableMetric({
      client,
      throwOnError: true,
      body: { code: 'api_calls', name: 'API calls', aggregation: 'count' },
    });
    const events: api.UsageEventDto[] = [1, 2, 3].map((n) => ({
      eventId: `journey-${n}`,
      externalCustomerId: 'acme-1',
      metric: 'api_calls',
      timestamp: clock.now().toISOString(),
    }));
    const first = await api.ingestUsageEvents({ client, throwOnError: true, body: { events } });
    expect(first.data).toMatchObject({ accepted: 3, duplicates: 0, rejected: 0 });
    const again = await api.ingestUsageEvents({ client, throwOnError: true, body: { events } });
    expect(again.data).toMatchObject({ accepted: 0, duplicates: 3, rejected: 0 });
    const summary = await api.getUsageSummary({
      client,
      throwOnError: true,
      query: {
        customer: customer.data.id,
        from: new Date(clock.now().getTime() - 86_400_000).toISOString(),
        to: new Date(clock.now().getTime() + 60_000).toISOString(),
      },
    });
    expect(summary.data.data).toEqual([expect.objectContaining({ metricCode: 'api_calls', value: '3' })]);

    const plan = await api.createPlan({
      client,
      throwOnError: true,
      body: {
        code: 'pro',
        name: 'Pro',
        currency: 'USD',
        interval: 'month',
        charges: [
          { kind: 'base', name: 'Platform fee', amount: '49.00', timing: 'arrears' },
          {
            kind: 'usage',
            name: 'API calls',
            metricCode: 'api_calls',
            price: {
              model: 'graduated',
              tiers: [{ upTo: '1000', unitAmount: '0.01' }, { unitAmount: '0.005' }],
            },
          },
        ],
      },
    });
    const subscription = await api.createSubscription({
      client,
      throwOnError: true,
      body: { customerId: customer.data.id, planId: plan.data.id },
    });
    const preview = await api.previewInvoice({
      client,
      throwOnError: true,
      body: { subscriptionId: subscription.data.id },
    });
    expect(preview.data.currency).toBe('USD');

    // The period ends; an invoice run drafts the invoice, which is then finalized and rendered.
    clock.set(new Date(new Date(subscription.data.currentPeriodEnd).getTime() + 1000));
    const run = await api.startInvoiceRun({ client, throwOnError: true, body: {} });
    const done = await until(
      async () =>
        (await api.getInvoiceRun({ client, throwOnError: true, path: { runId: run.data.id } })).data,
      (r) => r.status === 'completed' || r.status === 'completed_with_failures',
      20_000,
    );
    expect(done.status).toBe('completed');
    const invoices = await api.listInvoices({ client, throwOnError: true, query: { limit: 10 } });
    expect(invoices.data.nextCursor).toBeNull();
    const [draft] = invoices.data.items;
    expect(draft.status).toBe('draft');
    const finalized = await api.finalizeInvoice({ client, throwOnError: true, path: { id: draft.id } });
    expect(finalized.data.status).toBe('finalized');
    const pdf = await api.getInvoicePdf({ client, throwOnError: true, path: { id: draft.id } });
    const bytes = Buffer.from(await pdf.data.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const endpoint = await api.createWebhookEndpoint({
      client,
      throwOnError: true,
      body: { url: `${receiver.url}/hooks`, eventTypes: ['invoice.finalized'] },
    });
    expect(endpoint.data.secret).toBeTruthy();

    // The audit log is for owners and admins: sign in again (the first session expired with the period).
    const later = await api.logIn({ client: anonymous, throwOnError: true, body: { email, password } });
    const asOwner = createClientChecked({ baseUrl, auth: () => later.data.accessToken });
    const audit = await api.listAuditLogs({
      client: asOwner,
      throwOnError: true,
      headers: { 'X-Organization-Id': org.data.id },
      query: { limit: 100 },
    });
    expect(audit.data.items.map((e) => e.action)).toEqual(expect.arrayContaining(['api_key.created']));

    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});
