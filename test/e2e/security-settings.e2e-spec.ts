import { startTestApp, TestApp } from '../support/test-app';
import { addMember, createApiKey, signUp, SignedUp } from '../support/auth';

const METRICS_TOKEN = 'metrics-scrape-token-0123456789abcdef';

describe('security headers, token caching, metrics and docs switches', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { METRICS_TOKEN } });
  });
  afterAll(() => t.close());

  it('sends helmet headers on API answers, and Swagger UI still loads', async () => {
    const res = await t.http.get('/health');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringMatching(/max-age=/),
    });
    const ui = await t.http.get('/docs/').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toMatch(/swagger-ui/);
    expect(ui.headers['content-security-policy']).toMatch(/default-src 'self'/);
    await t.http.get('/docs/swagger-ui-init.js').expect(200);
  });

  it('marks token responses no-store', async () => {
    const owner = await signUp(t);
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: owner.email, password: owner.password });
    expect(login.status).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const refresh = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(refresh.headers['cache-control']).toBe('no-store');
  });

  it('serves /metrics only with the configured bearer token', async () => {
    await t.http.get('/metrics').expect(401);
    await t.http.get('/metrics').set('Authorization', 'Bearer wrong').expect(401);
    const ok = await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(ok.text).toMatch(/http_request_duration_seconds/);
  });

  it('can switch Swagger UI off', async () => {
    const off = await startTestApp({ env: { SWAGGER_UI: 'false' } });
    try {
      await off.http.get('/docs').expect(404);
      await off.http.get('/docs-json').expect(404);
      await off.http.get('/metrics').expect(200); // no token configured: open as before
    } finally {
      await off.close();
    }
  });
});

describe('API keys: exact answers and who may change them', () => {
  let t: TestApp;
  let owner: SignedUp;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await signUp(t);
  });
  afterAll(() => t.close());

  it('answers creation with exactly the declared fields', async () => {
    const res = await owner
      .auth(t.http.post('/api/v1/api-keys'))
      .send({ name: 'exact', scopes: ['agents:read'] })
      .expect(201);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'createdAt',
        'createdBy',
        'expiresAt',
        'id',
        'key',
        'lastUsedAt',
        'name',
        'prefix',
        'revokedAt',
        'scopes',
      ].sort(),
    );
  });

  it('lets a member revoke or cap only the keys they created; owners and admins manage all', async () => {
    const member = await addMember(t, owner, 'member');
    const ownersKey = await createApiKey(t, owner, ['agents:read'], { name: "owner's" });
    const membersKey = await member
      .auth(t.http.post('/api/v1/api-keys'))
      .send({ name: "member's", scopes: ['agents:read'] })
      .expect(201);
    const cap = { amount: '10', currency: 'USD' };

    const denied = await member.auth(t.http.delete(`/api/v1/api-keys/${ownersKey.id}`));
    expect([denied.status, denied.body.code]).toEqual([403, 'not_key_creator']);
    await member
      .auth(t.http.put(`/api/v1/spend-caps/api-keys/${ownersKey.id}`))
      .send(cap)
      .expect(403);
    await member.auth(t.http.delete(`/api/v1/spend-caps/api-keys/${ownersKey.id}`)).expect(403);

    await member
      .auth(t.http.put(`/api/v1/spend-caps/api-keys/${membersKey.body.id}`))
      .send(cap)
      .expect(200);
    await member.auth(t.http.delete(`/api/v1/spend-caps/api-keys/${membersKey.body.id}`)).expect(204);
    await member.auth(t.http.delete(`/api/v1/api-keys/${membersKey.body.id}`)).expect(204);

    await owner
      .auth(t.http.put(`/api/v1/spend-caps/api-keys/${ownersKey.id}`))
      .send(cap)
      .expect(200);
    const other = await member
      .auth(t.http.post('/api/v1/api-keys'))
      .send({ name: 'second', scopes: ['agents:read'] })
      .expect(201);
    await owner.auth(t.http.delete(`/api/v1/api-keys/${other.body.id}`)).expect(204);
  });
});

describe('agents: billing plan of another organization', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 404 for a billingPlanId that is not a plan of this organization', async () => {
    const [a, b] = [await signUp(t), await signUp(t)];
    const plan = await b
      .auth(t.http.post('/api/v1/plans'))
      .send({ code: 'b-plan', name: 'B', currency: 'USD', interval: 'month', charges: [] })
      .expect(201);
    const created = await a
      .auth(t.http.post('/api/v1/agents'))
      .send({ name: 'A', slug: 'a-agent', model: 'gpt-4o-mini', billingPlanId: plan.body.id });
    expect([created.status, created.body.code]).toEqual([404, 'plan_not_found']);
    const agent = await a
      .auth(t.http.post('/api/v1/agents'))
      .send({ name: 'A', slug: 'a-agent', model: 'gpt-4o-mini' })
      .expect(201);
    const patched = await a
      .auth(t.http.patch(`/api/v1/agents/${agent.body.id}`))
      .send({ billingPlanId: plan.body.id });
    expect([patched.status, patched.body.code]).toEqual([404, 'plan_not_found']);
  });
});
