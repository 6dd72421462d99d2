import { createApiKey, signUp, SignedUp } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

/** What a client generated from the document sends: the one credential in every scheme it lists. */
describe('Credentials as generated clients send them', () => {
  let t: TestApp;
  let owner: SignedUp;
  beforeAll(async () => {
    t = await startTestApp();
    owner = await signUp(t);
  });
  afterAll(() => t.close());

  it('accepts the same access token as bearer and X-API-Key', async () => {
    const res = await t.http
      .get('/api/v1/agents')
      .set('Authorization', `Bearer ${owner.accessToken}`)
      .set('X-API-Key', owner.accessToken)
      .expect(200);
    expect(res.body.items).toEqual([]);
  });

  it('accepts the same API key as bearer and X-API-Key', async () => {
    const key = await createApiKey(t, owner, ['agents:read']);
    await t.http
      .get('/api/v1/agents')
      .set('Authorization', `Bearer ${key.key}`)
      .set('X-API-Key', key.key)
      .expect(200);
  });

  it('refuses two different credentials with 401 conflicting_credentials', async () => {
    const key = await createApiKey(t, owner, ['agents:read']);
    const res = await t.http
      .get('/api/v1/agents')
      .set('Authorization', `Bearer ${owner.accessToken}`)
      .set('X-API-Key', key.key)
      .expect(401);
    expect(res.body.code).toBe('conflicting_credentials');
  });

  it('lets a user of two organizations choose one with X-Organization-Id (default: the first)', async () => {
    const second = await t.http
      .post('/api/v1/organizations')
      .set('Authorization', `Bearer ${owner.accessToken}`)
      .send({ name: 'Second org' })
      .expect(201);
    const none = await t.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${owner.accessToken}`)
      .expect(200);
    expect(none.body.tenantId).toBe(owner.tenantId);
    await t.http
      .get('/api/v1/agents')
      .set('Authorization', `Bearer ${owner.accessToken}`)
      .set('X-Organization-Id', second.body.id)
      .expect(200);
  });
});
