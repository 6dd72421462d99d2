import { randomUUID } from 'node:crypto';
import { SCOPES } from '../../src/shared/context/permissions';
import { FixedClock } from '../../src/shared/domain/clock.port';
import { FakeOpenAi, startFakeOpenAi } from '../fakes/fake-openai';
import { chatEnv, sql } from '../fakes/fake-openai-setup';
import { FakeWebhookReceiver } from '../fakes/fake-webhook-receiver';
import { AuthFn, createApiKey, isolatedEnv, signUp, SignedUp, withApiKey } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';

/**
 * Tenant isolation of every route, read from the OpenAPI document, so a new route is covered without
 * anyone listing it: tenant A owns one resource of every kind; tenant B (its owner's JWT and an API key
 * with every scope) calls every route that takes an id with A's ids and must get 404, exactly as for an
 * id that does not exist (or, on a route the caller may not use at all, the same 403 as for such an id);
 * every list B reads must hold none of A's ids.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  minimum?: number;
  minItems?: number;
  example?: unknown;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}
interface OpenApi {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: { schemas: Record<string, Schema> };
}

/** Path parameters that name a resource of the tenant (not a type or a name). */
const isIdParam = (name: string) => name === 'id' || name.endsWith('Id');

/** Routes whose id names something that belongs to no organization, with the reason. */
const NOT_TENANT_OWNED: Record<string, string> = {
  '/api/v1/auth/service-account-keys/{keyId}': 'a signing key of a catalog service account (no tenant_id)',
};

/**
 * Ids of A that no list route returns, by the collection path they live under. Everything else is found by
 * listing the parent collection as A.
 */
const seededIds: Record<string, string> = {};

/**
 * A body the route's schema accepts (its examples, or a value of the right type for each required field), so
 * a write reaches its lookup instead of stopping at validation.
 */
function sampleOf(schema: Schema | undefined, doc: OpenApi, name = ''): unknown {
  if (!schema) return {};
  if (schema.$ref) return sampleOf(doc.components.schemas[schema.$ref.split('/').pop()!], doc, name);
  const variant = schema.allOf?.[0] ?? schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (variant) return sampleOf(variant, doc, name);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items, doc, name));
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.format === 'email') return 'probe@example.com';
      if (schema.format === 'uri' || /url/i.test(name)) return 'https://example.com/probe';
      if (/currency/i.test(name)) return 'USD';
      if (/timezone/i.test(name)) return 'UTC';
      if (/amount|value|price|rate|quantity/i.test(name)) return '1';
      return 'probe';
    default: {
      const body: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {}))
        if (schema.required?.includes(key) || property.example !== undefined)
          body[key] = sampleOf(property, doc, key);
      return body;
    }
  }
}

describe('cross-tenant isolation of every route in the OpenAPI document', () => {
  const clock = new FixedClock(new Date('2026-03-01T00:00:00Z'));
  let t: TestApp;
  let fake: FakeOpenAi;
  let receiver: FakeWebhookReceiver;
  let dropDatabase: () => Promise<void>;
  let doc: OpenApi;
  let a: SignedUp;
  let b: SignedUp;
  let aApi: AuthFn;
  let bKey: string;
  const aIds = new Set<string>();

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    receiver = await new FakeWebhookReceiver().start();
    // Own database and queues: the moved clock must not invoice another file's subscriptions.
    const isolated = await isolatedEnv('xtenant');
    dropDatabase = isolated.drop;
    t = await startTestApp({
      workers: true,
      clock,
      env: chatEnv(fake, {
        INVOICE_GRACE_PERIOD_HOURS: '0',
        OUTBOUND_ALLOW_PRIVATE_ADDRESSES: 'true',
        ...isolated.env,
      }),
    });
    doc = (await t.http.get('/docs-json').expect(200)).body as OpenApi;
    a = await signUp(t, { orgName: 'Tenant A' });
    const aKey = await createApiKey(t, a, [...SCOPES]);
    aApi = withApiKey(aKey.key);
    await seedTenantA(aKey.id);
    // After seeding, which moves the clock past A's billing period: B's access token is fresh.
    b = await signUp(t, { orgName: 'Tenant B' });
    bKey = (await createApiKey(t, b, [...SCOPES])).key;
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
    await receiver.close();
    await dropDatabase();
  });

  const ok = async (req: ReturnType<AuthFn>, status = 201) => {
    const res = await req;
    if (res.status !== status) throw new Error(`seed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** One resource of every kind in tenant A, through the API (a dead job through SQL: nothing makes one). */
  async function seedTenantA(apiKeyId: string) {
    const invited = await ok(
      a.auth(t.http.post(`/api/v1/organizations/${a.tenantId}/members`)).send({
        email: 'invitee-of-a@example.com',
        role: 'member',
      }),
    );
    seededIds['/api/v1/invitations'] = invited.invitation.id;
    seededIds['/api/v1/organizations/{id}/invitations'] = invited.invitation.id;
    const agent = await ok(
      aApi(t.http.post('/api/v1/agents')).send({ name: 'A agent', slug: 'a-agent', model: 'gpt-4o-mini' }),
    );
    await ok(aApi(t.http.post(`/api/v1/agents/${agent.id}/chat`)).send({ message: 'hello' }), 200);
    await ok(aApi(t.http.post('/api/v1/webhook-endpoints')).send({ url: receiver.url, eventTypes: ['*'] }));
    await ok(
      aApi(t.http.post('/api/v1/billable-metrics')).send({
        code: 'a_calls',
        name: 'calls',
        aggregation: 'count',
      }),
    );
    const customer = await ok(
      aApi(t.http.post('/api/v1/customers')).send({ name: 'A customer', currency: 'USD', timezone: 'UTC' }),
    );
    await ok(
      aApi(t.http.post('/api/v1/coupons')).send({
        code: 'A10',
        name: 'A ten',
        kind: 'percentage',
        percentOff: '10',
        duration: 'once',
      }),
    );
    const plan = await ok(
      aApi(t.http.post('/api/v1/plans')).send({
        code: 'a-pro',
        name: 'Pro',
        currency: 'USD',
        interval: 'month',
        charges: [{ kind: 'base', name: 'Platform fee', amount: '20.00', timing: 'arrears' }],
      }),
    );
    const sub = await ok(
      aApi(t.http.post('/api/v1/subscriptions')).send({ customerId: customer.id, planId: plan.id }),
    );
    clock.set(new Date(new Date(sub.currentPeriodEnd).getTime() + 1000));
    const run = await ok(aApi(t.http.post('/api/v1/invoices/runs')).send({}), 202);
    seededIds['/api/v1/invoices/runs'] = run.id;
    const [invoice] = await until(
      () =>
        aApi(t.http.get('/api/v1/invoices')).then((r) => r.body.items as { id: string; status: string }[]),
      (items) => items.length === 1 && items[0].status === 'finalized',
    );
    const note = await ok(
      aApi(t.http.post(`/api/v1/invoices/${invoice.id}/credit-notes`)).send({
        reason: 'probe',
        method: 'credit',
      }),
    );
    seededIds['/api/v1/credit-notes'] = note.id;
    seededIds['/api/v1/spend-caps/api-keys'] = apiKeyId;
    const deadJob = randomUUID();
    await sql(
      t,
      `INSERT INTO failed_jobs (id, tenant_id, queue, job_name, job_id, data, error, attempts)
       VALUES ($1, $2, 'invoicing', 'finalize-invoice', $3, '{}', 'probe', 5)`,
      [deadJob, a.tenantId, `probe_${deadJob}`],
    );
    await until(
      () => aApi(t.http.get('/api/v1/webhook-endpoints')).then((r) => r.body.items[0]?.id as string),
      Boolean,
    );
  }

  /** Every path/method pair the document lists, with its operation. */
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      (Object.keys(ops) as Method[])
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((method) => ({ path, method, op: ops[method]! })),
    );
  const idParams = (path: string) =>
    [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).filter((name) => isIdParam(name));

  /** The first id in a list answer of any of our shapes. */
  const firstId = (body: unknown): string | undefined => {
    const page = body as Record<string, unknown> | undefined;
    const list = Array.isArray(body) ? body : (page?.items ?? page?.data ?? page?.members);
    const first = Array.isArray(list) ? (list[0] as Record<string, unknown>) : undefined;
    return (first?.id ?? first?.userId) as string | undefined;
  };

  /** A's ids for a path's id parameters: each one from the collection the parameter follows. */
  async function resolve(path: string): Promise<string | undefined> {
    let resolved = '';
    for (const segment of path.split('/').slice(1)) {
      const param = /^\{([^}]+)\}$/.exec(segment)?.[1];
      if (!param) {
        resolved += `/${segment}`;
        continue;
      }
      if (!isIdParam(param)) return undefined;
      const template = path.slice(0, path.indexOf(`{${param}}`) - 1);
      let id: string | undefined = seededIds[template];
      if (!id && template === '/api/v1/organizations') id = a.tenantId;
      if (!id) id = firstId((await aApi(t.http.get(resolved))).body);
      if (!id) return undefined;
      aIds.add(id);
      resolved += `/${id}`;
    }
    return resolved;
  }

  const callers = () => [
    { name: "B's owner (JWT)", auth: b.auth },
    { name: "B's API key", auth: withApiKey(bKey) },
  ];

  it('answers 404 to tenant B on every route that takes an id of tenant A', async () => {
    const probed: string[] = [];
    const unresolved: string[] = [];
    const leaks: string[] = [];
    for (const { path, method, op } of operations()) {
      if (!idParams(path).length || NOT_TENANT_OWNED[path]) continue;
      const url = await resolve(path);
      if (!url) {
        unresolved.push(`${method.toUpperCase()} ${path}`);
        continue;
      }
      const schema = op.requestBody?.content?.['application/json']?.schema;
      // The same call with ids that exist nowhere: A's ids must get exactly that answer.
      const unknown = url.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, () =>
        randomUUID(),
      );
      for (const caller of callers()) {
        const call = (target: string) => {
          const req = caller.auth(t.http[method](target));
          return schema ? req.send(sampleOf(schema, doc) as object) : req;
        };
        const [res, baseline] = [await call(url), await call(unknown)];
        // 404 as for a missing id; or, where the caller may not use the route at all (an API key on a
        // user-only route), the same refusal whatever the id.
        const same = res.status === baseline.status && res.body?.code === baseline.body?.code;
        if (res.status !== 404 && !(same && res.status === 403))
          leaks.push(
            `${caller.name}: ${method.toUpperCase()} ${path} -> ${res.status} (unknown id: ${baseline.status})`,
          );
      }
      probed.push(`${method.toUpperCase()} ${path}`);
    }
    expect(unresolved).toEqual([]);
    expect(leaks).toEqual([]);
    // The document really was walked: the id routes of every module are among those probed.
    for (const prefix of ['agents', 'conversations', 'customers', 'plans', 'subscriptions', 'invoices']) {
      expect(probed.some((p) => p.includes(`/api/v1/${prefix}/{`))).toBe(true);
    }
  });

  it("shows tenant B none of tenant A's rows in any list, and refuses B's callers A's organization", async () => {
    const leaks: string[] = [];
    const lists: string[] = [];
    for (const { path, method } of operations()) {
      if (method !== 'get' || path.includes('{')) continue;
      // Public routes hold no tenant's data.
      if ((await t.http.get(path)).status !== 401) continue;
      lists.push(path);
      for (const caller of callers()) {
        const own = await caller.auth(t.http.get(path));
        for (const id of aIds)
          if (own.text.includes(id)) leaks.push(`${caller.name}: GET ${path} lists ${id}`);
        const asA = await caller.auth(t.http.get(path)).set('X-Organization-Id', a.tenantId);
        if (asA.status !== 404) leaks.push(`${caller.name}: GET ${path} as A -> ${asA.status}`);
      }
    }
    expect(aIds.size).toBeGreaterThan(10);
    expect(lists).toEqual(
      expect.arrayContaining(['/api/v1/customers', '/api/v1/invoices', '/api/v1/agents']),
    );
    expect(leaks).toEqual([]);
  });
});
